//! `GET /video/signal`: the consultation's signalling on a WebSocket. The first message names
//! the room; the socket checks the user may join it (an incident room follows the incident's
//! jurisdiction and shares, a camera its subject's), then relays typed messages both ways until either side leaves. A
//! bad message is refused to its sender only; the room carries on.

use std::time::Duration;

use app::audit::{Actor, NewAuditEntry};
use app::error::AppError;
use app::identity::{CurrentUser, Permission};
use app::state::AppState;
use app::video::{Admission, ClientSignal, GuestInvitation, RoomRef, ServerSignal, SignalProblem};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use http::HeaderMap;
use uuid::Uuid;

/// How long a new socket may take to say which room.
const JOIN_WITHIN: Duration = Duration::from_secs(10);
/// Larger messages are refused (an SDP offer is a few kilobytes).
const MESSAGE_MAX: usize = 64 * 1024;

/// Who is on the socket: a signed-in user, or an expert holding an invitation's link.
enum Who {
    User(Box<CurrentUser>),
    /// `None`: the link admits no one (unknown, expired, revoked); refused once the room is named.
    Invited(Option<(Uuid, GuestInvitation)>),
}

/// The socket's query: an invited expert's secret (`INVITATION_PARAM`).
#[derive(serde::Deserialize)]
pub struct SignalQuery {
    invitation: Option<String>,
}

pub async fn signal(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SignalQuery>,
) -> Response {
    let who = match query.invitation {
        Some(secret) => {
            let now = app::ui::time::now_unix();
            match app::video::invitation_store::admitting(&state.db, &secret, now).await {
                Ok(invitation) => Who::Invited(invitation),
                Err(err) => return axum::response::IntoResponse::into_response(err.to_string()),
            }
        }
        None => {
            match crate::http::session::require(&state, &headers, Permission::IncidentRead).await {
                Ok((user, _)) => Who::User(Box::new(user)),
                Err(refused) => return refused,
            }
        }
    };
    ws.max_message_size(MESSAGE_MAX)
        .on_upgrade(move |socket| session(socket, state, who))
}

async fn session(mut socket: WebSocket, state: AppState, who: Who) {
    let room = match tokio::time::timeout(JOIN_WITHIN, next_signal(&mut socket)).await {
        Ok(Some(Ok(ClientSignal::Join { room }))) => room,
        Ok(Some(Ok(_))) => return refuse(&mut socket, SignalProblem::OutOfOrder).await,
        Ok(Some(Err(problem))) => return refuse(&mut socket, problem).await,
        Ok(None) | Err(_) => return,
    };
    let admission = match admit(&state, &who, &room).await {
        Ok(admission) => admission,
        Err(problem) => return refuse(&mut socket, problem).await,
    };
    let mut joined = match state.media.0.join(admission) {
        Ok(joined) => joined,
        Err(problem) => return refuse(&mut socket, problem).await,
    };
    audit_join(&state, &who, &room, joined.id.0).await;
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

/// Who joins as whom, if they may: a user by the room's rule (`room_title`), an invited
/// expert only into the room of their invitation.
async fn admit(state: &AppState, who: &Who, room: &RoomRef) -> Result<Admission, SignalProblem> {
    match who {
        Who::User(user) => {
            let title =
                app::video::admission::room_title(state, user, room, Permission::IncidentRead)
                    .await
                    .map_err(|err| match err {
                        AppError::Validation(_) => SignalProblem::BadRoomName,
                        _ => SignalProblem::UnknownRoom,
                    })?;
            Ok(Admission {
                room: room.clone(),
                title,
                name: user.display_name.clone(),
                unit: user.unit_name.clone(),
            })
        }
        Who::Invited(Some((_, invitation))) if invitation.room == *room => Ok(Admission {
            room: room.clone(),
            title: invitation.room_title.clone(),
            name: invitation.expert_name.clone(),
            unit: format!("{}（{}）", GUEST_UNIT, invitation.invited_by),
        }),
        Who::Invited(_) => Err(SignalProblem::UnknownRoom),
    }
}

/// How an invited expert's tile names them to the others (the room's working language).
const GUEST_UNIT: &str = "特邀专家";

async fn audit_join(state: &AppState, who: &Who, room: &RoomRef, participant: u64) {
    let (action, target) = match room {
        RoomRef::Incident { id } => ("video.join", format!("incident:{id}")),
        RoomRef::Adhoc { name } => ("video.join", format!("video_room:{name}")),
        RoomRef::Camera { id } => ("camera.watch", format!("camera:{id}")),
    };
    // An invited expert has no account here: the node records the join under the invitation.
    let (actor, action, after) = match who {
        Who::User(user) => (
            Actor::User(user.id),
            action,
            serde_json::json!({ "participant": participant }),
        ),
        Who::Invited(invitation) => (
            Actor::System,
            "video.join.invited",
            serde_json::json!({
                "participant": participant,
                "invitation": invitation.as_ref().map(|(id, _)| id),
                "room": target,
            }),
        ),
    };
    let entry = NewAuditEntry {
        actor,
        action: action.into(),
        target,
        before: None,
        after: Some(after),
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
