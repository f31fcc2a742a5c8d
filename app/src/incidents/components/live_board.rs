//! The board's data, kept live: loaded once (again after a resync), then every incident event
//! of the tab's stream applied on top. Shared by the desk, the map and the video wall.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::incidents::{Board, IncidentSummary, get_board};
use crate::live::{ConnState, LiveContext, LiveEvent, use_live_events};

/// The loaded board (a resource: read it inside a `Transition`) and the live changes since,
/// one per incident (its latest state). `reload` bumps force a fresh load.
pub fn use_live_board(
    reload: RwSignal<u32>,
) -> (
    Resource<Result<Board, AppError>>,
    ReadSignal<Vec<IncidentSummary>>,
) {
    let resyncs = use_context::<LiveContext>().map(|live| live.resyncs);
    let loaded = Resource::new(
        move || (resyncs.map(|r| r.get()), reload.get()),
        |_| get_board(),
    );
    (loaded, live_changes())
}

/// The latest state of every incident that changed since the view opened.
fn live_changes() -> ReadSignal<Vec<IncidentSummary>> {
    let (changes, set_changes) = signal(Vec::<IncidentSummary>::new());
    use_live_events(move |event| {
        if let LiveEvent::Incident { incident } = event {
            set_changes.update(|list| {
                list.retain(|i| i.id != incident.id);
                list.push(incident.clone());
            });
        }
    });
    changes
}

/// For browser-only views (the maps): the active incidents fetched by the browser itself — a resource
/// created only in the browser would not line up with the server's during hydration — and
/// kept live, refetched after a resync. `None` until it has arrived.
#[cfg(feature = "hydrate")]
pub fn use_browser_board() -> Signal<Option<Board>> {
    let resyncs = use_context::<LiveContext>().map(|live| live.resyncs);
    let loaded = RwSignal::new(None::<Board>);
    Effect::new(move |_| {
        if let Some(resyncs) = resyncs {
            resyncs.track();
        }
        leptos::task::spawn_local(async move {
            match crate::incidents::list_map_incidents().await {
                Ok(incidents) => loaded.set(Some(Board {
                    incidents,
                    today: Vec::new(),
                })),
                Err(err) => leptos::logging::error!("the board did not load: {err}"),
            }
        });
    });
    let changes = live_changes();
    Signal::derive(move || {
        let now = crate::ui::time::now_unix();
        let board = loaded.get()?;
        Some(changes.with(|c| board.with_changes(c, now)))
    })
}

/// 实时 / 连接中 / 中断: the state of the tab's live link, always in sight.
#[component]
pub fn LiveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_context::<LiveContext>().map(|live| live.state);
    let current = move || state.map(|s| s.get()).unwrap_or_default();
    let class = move || match current() {
        ConnState::Connecting => "live live--connecting",
        ConnState::Live => "live live--on",
        ConnState::Lost => "live live--lost",
    };
    let text = move || {
        let t = &i18n.t().incidents;
        match current() {
            ConnState::Connecting => t.live_connecting,
            ConnState::Live => t.live_on,
            ConnState::Lost => t.live_lost,
        }
    };
    view! { <span class=class role="status" data-testid="live-status">{text}</span> }
}

/// The overdue alarm: a red banner while any report is overdue, and, once the officer has
/// switched sound on (browsers allow audio only after a click), a tone every few seconds.
#[component]
pub fn OverdueAlarm(overdue: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let sound = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    super::alarm_sound::sound_while(move || sound.get() && overdue.get() > 0);
    view! {
        <div class="alarm-bar">
            <Show when=move || { overdue.get() > 0 }>
                <p class="alarm" role="alert" data-testid="overdue-alarm">
                    {move || i18n.t().incidents.alarm_overdue}
                    " (" {move || overdue.get()} ")"
                </p>
            </Show>
            <label class="check alarm-bar__sound">
                <input type="checkbox" prop:checked=sound on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    #[cfg(feature = "hydrate")]
                    if on {
                        super::alarm_sound::unlock();
                    }
                    sound.set(on);
                } />
                {move || i18n.t().incidents.alarm_sound}
            </label>
        </div>
    }
}
