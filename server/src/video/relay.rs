//! 现场视频 between tiers, over the NATS links the tier exchange already runs (leaf nodes carry
//! plain NATS subjects between centres). A node answers watch requests for the cameras its
//! reports attach and, while asked for frames, publishes each camera's access units; a node
//! above pulls such a relayed camera through it like one of its own: the camera's state with a
//! small request every few seconds, frames only while someone there watches. Video is not
//! signed like the exchange's messages: it relies on the links' own TLS and permissions.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::cameras::{CameraHealth, LinkState};
use async_nats::Client;
use futures_util::StreamExt;
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast::error::RecvError;
use uuid::Uuid;

use super::Frame;
use super::cameras::Cameras;
use super::rtsp::PullFailed;

/// How often a node above asks again (a request also keeps the frames coming).
const ASK_EVERY: Duration = Duration::from_secs(5);
/// A node that does not answer within this is unreachable.
const ANSWER_WITHIN: Duration = Duration::from_secs(5);
/// Frames keep flowing this long after the last request for them.
const PUBLISH_FOR: Duration = Duration::from_secs(15);
/// Frames asked for but not arriving this long: the relay is lost.
const STALL: Duration = Duration::from_secs(10);
/// A shared queue group: of several server processes of one node, one answers.
const QUEUE: &str = "video";

fn watch_subject(node: &str) -> String {
    format!("yingji.{node}.video.watch")
}

fn frames_subject(node: &str, camera: Uuid) -> String {
    format!("yingji.{node}.video.frames.{}", camera.simple())
}

#[derive(Debug, Serialize, Deserialize)]
struct WatchRequest {
    camera: Uuid,
    /// Someone above watches: publish the frames (for [`PUBLISH_FOR`] more).
    frames: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum WatchReply {
    Health(CameraHealth),
    Refused(String),
}

const KEYFRAME: u8 = 1;
const AFTER_GAP: u8 = 2;
const HEADER: usize = 9;

/// A frame on the wire: flags, the 90 kHz time (big-endian), the access unit.
fn encode(frame: &Frame) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + frame.data.len());
    let flags = (u8::from(frame.keyframe) * KEYFRAME) | (u8::from(frame.after_gap) * AFTER_GAP);
    out.push(flags);
    out.extend_from_slice(&frame.rtp_time.to_be_bytes());
    out.extend_from_slice(&frame.data);
    out
}

fn decode(bytes: &[u8]) -> Option<Frame> {
    let (&flags, rest) = bytes.split_first()?;
    let (time, data) = rest.split_first_chunk::<8>()?;
    (!data.is_empty()).then(|| Frame {
        data: Arc::from(data),
        rtp_time: u64::from_be_bytes(*time),
        keyframe: flags & KEYFRAME != 0,
        after_gap: flags & AFTER_GAP != 0,
    })
}

/// Answers watch requests for this node's cameras until the process ends.
pub async fn serve(client: Client, me: String, db: DatabaseConnection, cameras: Arc<Cameras>) {
    let publishing: Arc<Mutex<HashMap<Uuid, Instant>>> = Arc::default();
    loop {
        match client
            .queue_subscribe(watch_subject(&me), QUEUE.to_string())
            .await
        {
            Ok(mut requests) => {
                while let Some(request) = requests.next().await {
                    let Some(reply) = request.reply else { continue };
                    let answer = answer(&request.payload, &db, &cameras, |camera| {
                        keep_publishing(&client, &me, camera, &cameras, &publishing);
                    })
                    .await;
                    let body = serde_json::to_vec(&answer).unwrap_or_default();
                    if let Err(err) = client.publish(reply, body.into()).await {
                        tracing::warn!(%err, "watch request not answered");
                    }
                }
            }
            Err(err) => tracing::warn!(%err, "cannot take watch requests yet"),
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

async fn answer(
    payload: &[u8],
    db: &DatabaseConnection,
    cameras: &Cameras,
    publish: impl FnOnce(Uuid),
) -> WatchReply {
    let request: WatchRequest = match serde_json::from_slice(payload) {
        Ok(request) => request,
        Err(err) => return WatchReply::Refused(format!("unreadable watch request: {err}")),
    };
    match app::cameras::scene_video::shared(db, request.camera).await {
        Ok(true) => {
            if request.frames {
                publish(request.camera);
            }
            WatchReply::Health(cameras.health(request.camera))
        }
        Ok(false) => WatchReply::Refused("no report of this node attaches that camera".into()),
        Err(err) => {
            tracing::error!(%err, "watch request: camera not read");
            WatchReply::Refused("the camera registry cannot be read".into())
        }
    }
}

/// Publishes a camera's frames until [`PUBLISH_FOR`] after the last request for them.
fn keep_publishing(
    client: &Client,
    me: &str,
    camera: Uuid,
    cameras: &Cameras,
    publishing: &Arc<Mutex<HashMap<Uuid, Instant>>>,
) {
    let until = Instant::now() + PUBLISH_FOR;
    if lock(publishing).insert(camera, until).is_some() {
        return;
    }
    let Some(mut tap) = cameras.tap(camera) else {
        lock(publishing).remove(&camera);
        return;
    };
    let (client, subject, publishing) = (
        client.clone(),
        frames_subject(me, camera),
        publishing.clone(),
    );
    tokio::spawn(async move {
        let mut gap = false;
        loop {
            let until = lock(&publishing).get(&camera).copied();
            if until.is_none_or(|until| Instant::now() >= until) {
                break;
            }
            match tokio::time::timeout(Duration::from_secs(1), tap.recv()).await {
                Ok(Ok(mut frame)) => {
                    frame.after_gap |= std::mem::take(&mut gap);
                    if let Err(err) = client.publish(subject.clone(), encode(&frame).into()).await {
                        tracing::debug!(%err, %camera, "relayed frame not sent");
                        gap = true;
                    }
                }
                Ok(Err(RecvError::Lagged(_))) => gap = true,
                Ok(Err(RecvError::Closed)) => break,
                // No frame within a second: look at the deadline again.
                Err(_) => {}
            }
        }
        lock(&publishing).remove(&camera);
    });
}

/// Pulls a camera of the lower node `origin` through it, like [`super::rtsp::pull`]: `playing`
/// once the origin has the camera online, `frame` for each frame while `watched` says someone
/// here watches.
pub async fn pull(
    client: &Client,
    origin: &str,
    camera: Uuid,
    watched: impl Fn() -> bool,
    mut playing: impl FnMut(),
    mut frame: impl FnMut(Frame),
) -> Result<std::convert::Infallible, PullFailed> {
    let mut frames = client
        .subscribe(frames_subject(origin, camera))
        .await
        .map_err(PullFailed::new)?;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    // When it was last asked, and whether for frames.
    let mut asked: Option<(Instant, bool)> = None;
    let (mut live, mut last_frame) = (false, Instant::now());
    loop {
        tokio::select! {
            message = frames.next() => {
                let message = message
                    .ok_or_else(|| PullFailed::new("the link to the reporting node closed"))?;
                if let Some(f) = decode(&message.payload) {
                    last_frame = Instant::now();
                    frame(f);
                }
            }
            _ = tick.tick() => {
                let want = watched();
                let due = asked.is_none_or(|(at, with)| at.elapsed() >= ASK_EVERY || want && !with);
                if due {
                    let health = ask(client, origin, camera, want).await?;
                    match health.state {
                        LinkState::Online if !live => {
                            live = true;
                            playing();
                        }
                        LinkState::Offline => {
                            let why = health.error.unwrap_or_default();
                            return Err(PullFailed::new(format!("at the reporting node: {why}")));
                        }
                        _ => {}
                    }
                    if want && !asked.is_some_and(|(_, with)| with) {
                        last_frame = Instant::now();
                    }
                    asked = Some((Instant::now(), want));
                }
                if want && live && last_frame.elapsed() >= STALL {
                    return Err(PullFailed::new("no video from the reporting node for 10 s"));
                }
            }
        }
    }
}

async fn ask(
    client: &Client,
    origin: &str,
    camera: Uuid,
    frames: bool,
) -> Result<CameraHealth, PullFailed> {
    let body = serde_json::to_vec(&WatchRequest { camera, frames }).unwrap_or_default();
    let reply = tokio::time::timeout(
        ANSWER_WITHIN,
        client.request(watch_subject(origin), body.into()),
    )
    .await
    .map_err(|_| PullFailed::new("the reporting node did not answer within 5 s"))?
    .map_err(|err| PullFailed::new(format!("the reporting node cannot be reached: {err}")))?;
    match serde_json::from_slice(&reply.payload) {
        Ok(WatchReply::Health(health)) => Ok(health),
        Ok(WatchReply::Refused(why)) => Err(PullFailed::new(format!(
            "the reporting node refused: {why}"
        ))),
        Err(err) => Err(PullFailed::new(format!("unreadable answer: {err}"))),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_crosses_the_wire_unchanged() {
        let frame = Frame {
            data: Arc::from(&[0u8, 0, 0, 1, 0x65, 0x88][..]),
            rtp_time: 90_000 * 3600 + 7,
            keyframe: true,
            after_gap: false,
        };
        let back = decode(&encode(&frame)).unwrap();
        assert_eq!(&*back.data, &*frame.data);
        assert_eq!(back.rtp_time, frame.rtp_time);
        assert!(back.keyframe && !back.after_gap);
    }

    #[test]
    fn a_truncated_or_empty_frame_is_not_read() {
        assert!(decode(&[]).is_none());
        assert!(decode(&[1, 0, 0, 0]).is_none());
        assert!(
            decode(&[1, 0, 0, 0, 0, 0, 0, 0, 5]).is_none(),
            "no access unit"
        );
    }

    #[test]
    fn subjects_are_single_tokens_per_camera() {
        let id = Uuid::nil();
        assert_eq!(watch_subject("ty"), "yingji.ty.video.watch");
        assert_eq!(
            frames_subject("ty", id),
            "yingji.ty.video.frames.00000000000000000000000000000000"
        );
    }
}
