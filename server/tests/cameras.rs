//! The scene's cameras: a real RTSP camera (GStreamer) pulled by the media service and its
//! H.264 forwarded to a WebRTC viewer; an unreachable camera shown offline with its reason;
//! the registry's rules on SQLite and PostgreSQL.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use app::cameras::service::Source;
use app::cameras::{Camera, LinkState, Registry};
use app::video::{Admission, ClientSignal, MediaPort, RoomRef, ServerSignal, SignalProblem};
use server::video::{MediaConfig, MediaService};
use support::camera::{TestCamera, frames_of, health_becomes, nal_types, next, viewer};
use support::{call, database_urls, signed_in, state, taiyuan_incident};
use uuid::Uuid;

fn service() -> MediaService {
    MediaService::start(MediaConfig {
        bind: "127.0.0.1:0".parse().unwrap(),
        announced: "127.0.0.1".parse().unwrap(),
    })
    .unwrap()
}

#[tokio::test]
async fn a_camera_reaches_its_viewer_as_h264_from_a_keyframe() {
    if !support::camera::available() {
        return;
    }
    let camera = TestCamera::start("green").await;
    let media = service();
    let id = Uuid::now_v7();
    media.watch_camera(Source {
        id,
        name: "1号罐区".into(),
        url: camera.url.clone(),
        origin: None,
    });
    health_becomes(&media, id, LinkState::Online).await;

    let mut watching = viewer(&media, id);
    let ServerSignal::Joined { participants, .. } = next(&mut watching).await else {
        panic!("joined first");
    };
    assert_eq!(participants.len(), 1, "the camera is the room's one sender");
    assert_eq!(participants[0].name, "1号罐区");
    assert!(participants[0].publishing);
    // A viewer may not send into a camera's room.
    media.signal(watching.id, ClientSignal::Publish { sdp: "v=0".into() });
    assert_eq!(
        next(&mut watching).await,
        ServerSignal::Error {
            problem: SignalProblem::NotAllowed,
            fatal: false
        }
    );

    let frames = frames_of(&media, &mut watching, participants[0].id).await;
    assert!(frames.len() >= 10, "frames arrive: {}", frames.len());
    // The first frame the viewer gets is a keyframe with its parameter sets (SPS 7, PPS 8,
    // IDR 5): decodable from the first.
    let first = nal_types(&frames[0].1);
    for nal in [7, 8, 5] {
        assert!(
            first.contains(&nal),
            "NAL types of the first frame: {first:?}"
        );
    }

    // Removing the camera ends its video for the viewer.
    media.forget_camera(id);
    assert_eq!(
        next(&mut watching).await,
        ServerSignal::TrackEnded {
            participant: participants[0].id
        }
    );
}

#[tokio::test]
async fn an_unreachable_camera_is_offline_with_its_reason_and_nothing_else_stops() {
    let media = service();
    let id = Uuid::now_v7();
    // Nothing listens on the discard port.
    media.watch_camera(Source {
        id,
        name: "指挥车".into(),
        url: "rtsp://127.0.0.1:9/live".into(),
        origin: None,
    });
    let health = health_becomes(&media, id, LinkState::Offline).await;
    assert!(health.error.is_some_and(|e| !e.is_empty()));
    assert!(health.since > 0);

    let mut watching = viewer(&media, id);
    let ServerSignal::Joined { participants, .. } = next(&mut watching).await else {
        panic!("joined first");
    };
    assert!(!participants[0].publishing);
    media.signal(
        watching.id,
        ClientSignal::Subscribe {
            participant: participants[0].id,
        },
    );
    assert_eq!(
        next(&mut watching).await,
        ServerSignal::Error {
            problem: SignalProblem::UnknownParticipant,
            fatal: false
        }
    );
    // The service carries on: another room works.
    let mut other = media
        .join(Admission {
            room: RoomRef::Adhoc { name: "x".into() },
            title: "x".into(),
            name: "甲".into(),
            unit: "u".into(),
        })
        .unwrap();
    assert!(matches!(
        next(&mut other).await,
        ServerSignal::Joined { .. }
    ));
}

async fn registry(state: &app::state::AppState, cookie: &str) -> Registry {
    let (status, _, body) = call(state, "cameras/list", "", Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn cameras_are_registered_for_a_subject_within_jurisdiction() {
    for (_, url) in database_urls().await {
        let state = state(&url, true).await;
        let incident = taiyuan_incident(&state).await;
        let taiyuan = signed_in(&state, "ty.duty").await;
        let offered = registry(&state, &taiyuan).await;
        assert!(
            offered
                .subjects
                .iter()
                .any(|s| s.key == format!("incident:{incident}"))
        );

        let form = format!(
            "form[name]=东门无人机&form[kind]=drone&form[url]=rtsp://pilot:s3cret@127.0.0.1:9/live&form[subject]=incident:{incident}"
        );
        let (status, _, body) = call(&state, "cameras/register", &form, Some(&taiyuan)).await;
        assert_eq!(status, 200, "{body}");
        let listed: Vec<Camera> = registry(&state, &taiyuan).await.cameras;
        let camera = listed.iter().find(|c| c.name == "东门无人机").unwrap();
        assert_eq!(camera.address, "rtsp://pilot:***@127.0.0.1:9/live");
        assert!(!body.contains("s3cret"));
        assert_eq!(camera.subject_name, "矩阵测试事故");
        let (status, _, body) = call(
            &state,
            "cameras/incident",
            &format!("incident={incident}"),
            Some(&taiyuan),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("东门无人机") && !body.contains("s3cret"));

        // Every bad field is named; nothing is stored.
        let bad = "form[name]=&form[kind]=tank&form[url]=http://cam/a&form[subject]=incident:x";
        let (status, _, body) = call(&state, "cameras/register", bad, Some(&taiyuan)).await;
        assert_eq!(status, 422, "{body}");
        for label in ["名称", "类型", "RTSP 地址", "拍摄对象"] {
            assert!(body.contains(label), "{label}: {body}");
        }
        // Datong may not register a camera for Taiyuan's incident, nor see Taiyuan's cameras.
        let datong = signed_in(&state, "dt.duty").await;
        let (status, _, body) = call(&state, "cameras/register", &form, Some(&datong)).await;
        assert_eq!(status, 422, "{body}");
        assert!(registry(&state, &datong).await.cameras.is_empty());
        let (status, _, _) = call(
            &state,
            "cameras/remove",
            &format!("id={}", camera.id),
            Some(&datong),
        )
        .await;
        assert_eq!(status, 404);
        assert_eq!(registry(&state, &taiyuan).await.cameras.len(), listed.len());

        // Its centre removes it.
        let (status, _, body) = call(
            &state,
            "cameras/remove",
            &format!("id={}", camera.id),
            Some(&taiyuan),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert!(
            registry(&state, &taiyuan)
                .await
                .cameras
                .iter()
                .all(|c| c.id != camera.id)
        );
    }
}
