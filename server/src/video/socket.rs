//! `GET /video/signal`: the consultation's signalling on a WebSocket. The first message names
//! the room; the socket checks the user may join it (an incident room follows the incident's
//! jurisdiction and shares), then relays typed messages both ways until either side leaves. A
//! bad message is refused to its sender only; the room carries on.

use std::time::Duration;

use app::audit::{Actor, NewAuditEntry};
use app::identity::{CurrentUser, Permission};
use app::state::AppState;
use app::video::{Admission, ClientSignal, RoomRef, ServerSignal, SignalProblem};
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use http::HeaderMap;

/// How long a new socket may take to say which room.
const JOIN_WITHIN: Duration = Duration::from_secs(10);
/// Larger messages are refused (an SDP offer is a few kilobytes).
const MESSAGE_MAX: usize = 64 * 1024;

pub async fn signal(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Response {
    let user = match crate::http::session::require(&state, &headers, Permission::IncidentRead).await
    {
        Ok((user, _)) => user,
        Err(refused) => return refused,
    };
    ws.max_message_size(MESSAGE_MAX)
        .on_upgrade(move |socket| session(socket, state, user))
}

async fn session(mut socket: WebSocket, state: AppState, user: CurrentUser) {
    let room = match tokio::time::timeout(JOIN_WITHIN, next_signal(&mut socket)).await {
        Ok(Some(Ok(ClientSignal::Join { room }))) => room,
        Ok(Some(Ok(_))) => return refuse(&mut socket, SignalProblem::OutOfOrder).await,
        Ok(Some(Err(problem))) => return refuse(&mut socket, problem).await,
        Ok(None) | Err(_) => return,
    };
    let title = match admit(&state, &user, &room).await {
        Ok(title) => title,
        Err(problem) => return refuse(&mut socket, problem).await,
    };
    let admission = Admission {
        room: room.clone(),
        title,
        name: user.display_name.clone(),
        unit: user.unit_name.clone(),
    };
    let mut joined = match state.media.0.join(admission) {
        Ok(joined) => joined,
        Err(problem) => return refuse(&mut socket, problem).await,
    };
    audit_join(&state, &user, &room, joined.id.0).await;
    loop {
        tokio::select! {
            received = next_signal(&mut socket) => match received {
                None | Some(Ok(ClientSignal::Leave)) => break,
                Some(Ok(ClientSignal::Join { .. })) => {
                    if !send(&mut socket, &problem(SignalProblem::OutOfOrder)).await {
                        break;
                    }
                }
                Some(Ok(signal)) => state.media.0.signal(joined.id, signal),
                Some(Err(refused)) => {
                    if !send(&mut socket, &problem(refused)).await {
                        break;
                    }
                }
            },
            outgoing = joined.signals.recv() => match outgoing {
                Some(signal) => {
                    let fatal = matches!(signal, ServerSignal::Error { fatal: true, .. });
                    if !send(&mut socket, &signal).await || fatal {
                        break;
                    }
                }
                None => break,
            },
        }
    }
    state.media.0.leave(joined.id);
}

/// The room's title, if the user may join it.
async fn admit(
    state: &AppState,
    user: &CurrentUser,
    room: &RoomRef,
) -> Result<String, SignalProblem> {
    match room {
        RoomRef::Adhoc { name } if room.is_valid() => Ok(name.clone()),
        RoomRef::Adhoc { .. } => Err(SignalProblem::BadRoomName),
        RoomRef::Incident { id } => {
            let incident = app::incidents::service::find(&state.db, *id)
                .await
                .map_err(|_| SignalProblem::UnknownRoom)?;
            // Outside the jurisdiction it is answered as unknown (and the refusal audited).
            app::identity::guard::check_record(
                &state.db,
                &state.site.node.id,
                user,
                Permission::IncidentRead,
                &app::incidents::service::record_of(&incident),
            )
            .await
            .map_err(|_| SignalProblem::UnknownRoom)?;
            Ok(incident.title)
        }
    }
}

async fn audit_join(state: &AppState, user: &CurrentUser, room: &RoomRef, participant: u64) {
    let target = match room {
        RoomRef::Incident { id } => format!("incident:{id}"),
        RoomRef::Adhoc { name } => format!("video_room:{name}"),
    };
    let entry = NewAuditEntry {
        actor: Actor::User(user.id),
        action: "video.join".into(),
        target,
        before: None,
        after: Some(serde_json::json!({ "participant": participant })),
    };
    if let Err(err) = app::audit::service::append(&state.db, &state.site.node.id, entry).await {
        tracing::error!(%err, "auditing a consultation join");
    }
}

/// The next signalling message; `None` when the socket closed.
async fn next_signal(socket: &mut WebSocket) -> Option<Result<ClientSignal, SignalProblem>> {
    loop {
        match socket.recv().await? {
            Ok(Message::Text(text)) => {
                return Some(serde_json::from_str(&text).map_err(|_| SignalProblem::Malformed));
            }
            Ok(Message::Binary(_)) => return Some(Err(SignalProblem::Malformed)),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(Message::Ping(_) | Message::Pong(_)) => {}
        }
    }
}

fn problem(problem: SignalProblem) -> ServerSignal {
    ServerSignal::Error {
        problem,
        fatal: false,
    }
}

async fn refuse(socket: &mut WebSocket, problem: SignalProblem) {
    let _ = send(
        socket,
        &ServerSignal::Error {
            problem,
            fatal: true,
        },
    )
    .await;
    let _ = socket.send(Message::Close(None)).await;
}

async fn send(socket: &mut WebSocket, signal: &ServerSignal) -> bool {
    match serde_json::to_string(signal) {
        Ok(json) => socket.send(Message::Text(json.into())).await.is_ok(),
        Err(_) => false,
    }
}
