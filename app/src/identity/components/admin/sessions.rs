use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{RevokeSession, SessionView, list_sessions};
use crate::ui::time::format_minutes;

/// Live sessions of the jurisdiction; any can be ended at once (a lost tablet, a handover).
#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let sessions = Resource::new(|| (), |_| list_sessions());
    let body = move || {
        sessions.get().map(|result| match result {
            Ok(sessions) => view! { <SessionTable sessions /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h2>{move || i18n.t().sessions.title}</h2>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

/// Sessions with an end button each; an ended one leaves the table.
#[component]
pub fn SessionTable(sessions: Vec<SessionView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().sessions;
    let revoke = ServerAction::<RevokeSession>::new();
    // The session being ended, then those ended (the action forgets its input when done).
    let ending = RwSignal::new(None);
    let ended = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(id)) = (revoke.value().get(), ending.get_untracked()) {
            ended.update(|ids| ids.push(id));
        }
    });
    if sessions.is_empty() {
        return view! { <p class="notice">{move || t().none}</p> }.into_any();
    }
    let error = move || match revoke.value().get()? {
        Err(error) => Some(view! { <ErrorNotice error /> }),
        Ok(()) => None,
    };
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="session-table">
                <thead>
                    <tr>
                        <th>{move || t().user}</th>
                        <th>{move || t().address}</th>
                        <th>{move || t().started}</th>
                        <th>{move || t().last_seen}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {sessions.into_iter().map(|s| {
                        let id = s.id;
                        view! {
                            <tr hidden=move || ended.with(|ids| ids.contains(&id))>
                                <td>{s.display_name} " (" {s.username} ")"</td>
                                <td>{s.address}</td>
                                <td>{format_minutes(s.created_at)}</td>
                                <td>{format_minutes(s.last_seen_at)}</td>
                                <td>
                                    <button class="button button--small" type="button"
                                        on:click=move |_| {
                                            ending.set(Some(id));
                                            revoke.dispatch(RevokeSession { id });
                                        }>
                                        {move || t().revoke}
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {error}
    }
    .into_any()
}
