use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use app::identity::service::session_user;
use app::identity::{CurrentUser, Permission};
use app::live::{EventId, Published, RESYNC_EVENT};
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use http::HeaderMap;
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Instant, sleep_until};

/// How often a stream checks that its session still stands (ended, revoked, user disabled).
const SESSION_CHECK: Duration = Duration::from_secs(60);

#[derive(Deserialize)]
pub struct Resume {
    /// The last event the page had when it was rendered (a fresh tab's first connection).
    after: Option<String>,
}

pub async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(resume): Query<Resume>,
) -> Response {
    let (user, token) =
        match crate::http::session::require(&state, &headers, Permission::IncidentRead).await {
            Ok(signed_in) => signed_in,
            Err(refused) => return refused,
        };
    // The browser's own resume header wins over the id the page was rendered with.
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .or(resume.after.as_deref())
        .and_then(EventId::parse);
    Sse::new(stream(state, token, user, last))
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn message(published: &Published) -> Event {
    Event::default()
        .id(published.id.to_string())
        .data(published.json.as_str())
}

fn resync(state: &AppState) -> Event {
    Event::default()
        .event(RESYNC_EVENT)
        .id(state.bus.head().to_string())
        .data("")
}

struct Tab {
    state: AppState,
    token: String,
    user: CurrentUser,
    receiver: tokio::sync::broadcast::Receiver<Arc<Published>>,
    backlog: std::vec::IntoIter<Event>,
    next_check: Instant,
}

impl Tab {
    fn may_see(&self, published: &Published) -> bool {
        published
            .audience
            .admits(&self.user.unit_region, self.user.unit_id)
    }
}

/// The events of one tab: first what it missed (or a resync), then every new event it may see.
fn stream(
    state: AppState,
    token: String,
    user: CurrentUser,
    last: Option<EventId>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let subscription = state.bus.subscribe(last);
    let backlog: Vec<Event> = match subscription.missed {
        Some(missed) => missed
            .iter()
            .filter(|p| p.audience.admits(&user.unit_region, user.unit_id))
            .map(|p| message(p))
            .collect(),
        None => vec![resync(&state)],
    };
    let tab = Tab {
        state,
        token,
        user,
        receiver: subscription.receiver,
        backlog: backlog.into_iter(),
        next_check: Instant::now() + SESSION_CHECK,
    };
    stream::unfold(tab, |mut tab| async move {
        if let Some(event) = tab.backlog.next() {
            return Some((Ok(event), tab));
        }
        loop {
            tokio::select! {
                received = tab.receiver.recv() => match received {
                    Ok(published) if tab.may_see(&published) => {
                        return Some((Ok(message(&published)), tab));
                    }
                    Ok(_) => {}
                    // Too slow to keep up: start again from a fresh load.
                    Err(RecvError::Lagged(_)) => {
                        let event = resync(&tab.state);
                        return Some((Ok(event), tab));
                    }
                    Err(RecvError::Closed) => return None,
                },
                () = sleep_until(tab.next_check) => {
                    match session_user(&tab.state.db, &tab.token).await {
                        Ok(Some(_)) => tab.next_check = Instant::now() + SESSION_CHECK,
                        _ => return None,
                    }
                }
            }
        }
    })
}
