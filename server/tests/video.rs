//! The consultation's SFU through its port: signalling rules, refusals to the sender only, and
//! real media forwarded between two WebRTC peers (str0m clients on loopback UDP); expert
//! invitations through the server functions.
#![allow(clippy::expect_used)]

mod support;

use std::time::{Duration, Instant};

use app::video::{
    Admission, ClientSignal, Joined, MediaPort, MediaState, ParticipantId, ROOM_MAX, RoomRef,
    ServerSignal, SignalProblem, SubscriptionId,
};
use server::video::probe::Probe;
use server::video::{MediaConfig, MediaService};
use str0m::Event;

fn service() -> MediaService {
    MediaService::start(MediaConfig {
        bind: "127.0.0.1:0".parse().expect("address"),
        announced: "127.0.0.1".parse().expect("address"),
    })
    .expect("media service")
}

fn admit(media: &MediaService, room: &str, name: &str) -> Joined {
    media
        .join(Admission {
            room: RoomRef::Adhoc { name: room.into() },
            title: room.into(),
            name: name.into(),
            unit: "测试单位".into(),
        })
        .expect("joined")
}

async fn next(joined: &mut Joined) -> ServerSignal {
    tokio::time::timeout(Duration::from_secs(5), joined.signals.recv())
        .await
        .expect("a signal in time")
        .expect("the room is open")
}

fn refused(problem: SignalProblem) -> ServerSignal {
    ServerSignal::Error {
        problem,
        fatal: false,
    }
}

#[tokio::test]
async fn bad_messages_are_refused_to_their_sender_and_the_room_carries_on() {
    let media = service();
    let mut a = admit(&media, "会商-1", "甲");
    let ServerSignal::Joined { participants, .. } = next(&mut a).await else {
        panic!("joined first");
    };
    assert!(participants.is_empty());
    let mut b = admit(&media, "会商-1", "乙");
    let ServerSignal::Joined { participants, .. } = next(&mut b).await else {
        panic!("joined first");
    };
    assert_eq!(participants.len(), 1);
    assert_eq!(participants[0].name, "甲");
    assert!(
        matches!(next(&mut a).await, ServerSignal::ParticipantJoined { participant } if participant.name == "乙")
    );

    media.signal(
        a.id,
        ClientSignal::Publish {
            sdp: "v=0 garbage".into(),
        },
    );
    assert_eq!(next(&mut a).await, refused(SignalProblem::BadSdp));
    media.signal(b.id, ClientSignal::Subscribe { participant: a.id });
    assert_eq!(
        next(&mut b).await,
        refused(SignalProblem::UnknownParticipant)
    );
    media.signal(
        b.id,
        ClientSignal::Subscribe {
            participant: ParticipantId(99_999),
        },
    );
    assert_eq!(
        next(&mut b).await,
        refused(SignalProblem::UnknownParticipant)
    );
    media.signal(
        b.id,
        ClientSignal::Answer {
            subscription: SubscriptionId(99_999),
            sdp: String::new(),
        },
    );
    assert_eq!(
        next(&mut b).await,
        refused(SignalProblem::UnknownSubscription)
    );
    media.signal(
        b.id,
        ClientSignal::Join {
            room: RoomRef::Adhoc { name: "x".into() },
        },
    );
    assert_eq!(next(&mut b).await, refused(SignalProblem::OutOfOrder));

    // Nothing of that reached the other participant; a real change does.
    let muted = MediaState {
        muted: true,
        ..MediaState::default()
    };
    media.signal(a.id, ClientSignal::State { media: muted });
    assert_eq!(
        next(&mut b).await,
        ServerSignal::StateChanged {
            participant: a.id,
            media: muted
        }
    );
    assert_eq!(media.rooms().len(), 1);
    assert_eq!(media.rooms()[0].participants, vec!["甲", "乙"]);

    // Another room hears nothing of this one.
    let mut c = admit(&media, "会商-2", "丙");
    assert!(
        matches!(next(&mut c).await, ServerSignal::Joined { participants, .. } if participants.is_empty())
    );

    media.leave(a.id);
    assert_eq!(
        next(&mut b).await,
        ServerSignal::ParticipantLeft { participant: a.id }
    );
    assert!(c.signals.try_recv().is_err());
}

#[tokio::test]
async fn a_full_room_refuses_one_more() {
    let media = service();
    let mut inside = Vec::new();
    for n in 0..ROOM_MAX {
        let mut joined = admit(&media, "满员", &format!("专家{n}"));
        assert!(matches!(
            next(&mut joined).await,
            ServerSignal::Joined { .. }
        ));
        inside.push(joined);
    }
    let mut late = admit(&media, "满员", "迟到");
    assert_eq!(
        next(&mut late).await,
        ServerSignal::Error {
            problem: SignalProblem::RoomFull,
            fatal: true
        }
    );
}

#[tokio::test]
async fn media_sent_by_one_participant_reaches_the_other_through_the_sfu() {
    let media = service();
    let mut sender = admit(&media, "转发", "发送方");
    next(&mut sender).await;
    let mut viewer = admit(&media, "转发", "观看方");
    next(&mut viewer).await;
    next(&mut sender).await; // the viewer joined

    // The sender offers one video line and connects.
    let mut a = Probe::new().await.expect("probe");
    let (offer, pending) = a.offer_video().expect("an offer");
    media.signal(sender.id, ClientSignal::Publish { sdp: offer });
    let ServerSignal::Published { sdp } = next(&mut sender).await else {
        panic!("an answer");
    };
    a.accept_answer(pending, &sdp).expect("answer accepted");
    a.run(Duration::from_secs(5), |e| matches!(e, Event::Connected))
        .await
        .expect("runs");
    assert!(a.is_connected(), "the sender connects to the SFU");

    // The viewer is told, subscribes and answers the server's offer.
    assert_eq!(
        next(&mut viewer).await,
        ServerSignal::TrackPublished {
            participant: sender.id
        }
    );
    media.signal(
        viewer.id,
        ClientSignal::Subscribe {
            participant: sender.id,
        },
    );
    let ServerSignal::Offer {
        subscription, sdp, ..
    } = next(&mut viewer).await
    else {
        panic!("an offer");
    };
    let mut b = Probe::new().await.expect("probe");
    let answer = b.answer(&sdp).expect("answer");
    media.signal(
        viewer.id,
        ClientSignal::Answer {
            subscription,
            sdp: answer,
        },
    );
    // A second answer to the same offer is refused, and the first connection stands.
    media.signal(
        viewer.id,
        ClientSignal::Answer {
            subscription,
            sdp: "v=0".into(),
        },
    );
    assert_eq!(next(&mut viewer).await, refused(SignalProblem::OutOfOrder));

    // Frames written by the sender arrive at the viewer, byte for byte.
    let frame: Vec<u8> = (0..600u32).map(|i| (i % 251) as u8).collect();
    let mut received = Vec::new();
    let started = Instant::now();
    while received.is_empty() && started.elapsed() < Duration::from_secs(10) {
        a.send_frame(&frame).expect("sent");
        a.run(Duration::from_millis(20), |_| false)
            .await
            .expect("runs");
        received = b
            .run(Duration::from_millis(20), |_| false)
            .await
            .expect("runs");
    }
    assert!(!received.is_empty(), "the viewer received media");
    assert_eq!(received[0].1, frame);
}

/// An invitation through the server functions: its link admits until revoked; its rules.
#[tokio::test]
async fn an_expert_is_invited_with_a_link_that_admits_until_revoked() {
    use app::resources::{ResourceKind, ResourceQuery};
    use support::{call, database_urls, signed_in, state};
    for (_, url) in database_urls().await {
        let state = state(&url, true).await;
        let query = ResourceQuery {
            kind: Some(ResourceKind::Expert),
            text: "刘某".into(),
            ..ResourceQuery::default()
        };
        let expert = app::resources::service::list(&state.db, "14", &query, 1)
            .await
            .expect("registry")
            .items
            .remove(0);
        let taiyuan = signed_in(&state, "ty.duty").await;
        let room = r#"{"kind":"adhoc","name":"专家会商"}"#;
        let invite = |hours: u32| {
            format!(
                r#"{{"room":{room},"expert":"{}","hours":{hours}}}"#,
                expert.id
            )
        };
        let (status, _, body) = call(&state, "video/invite", &invite(4), Some(&taiyuan)).await;
        assert_eq!(status, 200, "{body}");
        let made: app::video::NewInvitation = serde_json::from_str(&body).expect("json");
        assert_eq!(made.summary.expert_name, "刘某（演示）");
        let secret = made
            .path
            .strip_prefix(app::video::JOIN_PATH)
            .expect("a join link");
        assert_eq!(secret.len(), 64);

        // The link opens the room's page for anyone holding it.
        let (status, _, body) = call(
            &state,
            "video/invitation",
            &format!("secret={secret}"),
            None,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let guest: Option<app::video::GuestInvitation> = serde_json::from_str(&body).expect("json");
        let guest = guest.expect("admitted");
        assert_eq!(guest.room_title, "专家会商");
        assert_eq!(
            guest.room,
            RoomRef::Adhoc {
                name: "专家会商".into()
            }
        );
        let (status, _, body) = call(
            &state,
            "video/invitations",
            &format!(r#"{{"room":{room}}}"#),
            Some(&taiyuan),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let board: app::video::InviteBoard = serde_json::from_str(&body).expect("json");
        assert!(board.experts.iter().any(|e| e.id == expert.id));
        assert_eq!(board.open.len(), 1);

        // Only the offered lifetimes, only the registry's experts of one's jurisdiction, only
        // consultation rooms.
        let (status, _, body) = call(&state, "video/invite", &invite(48), Some(&taiyuan)).await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("有效期"), "{body}");
        let datong = signed_in(&state, "dt.duty").await;
        let (status, _, body) = call(&state, "video/invite", &invite(4), Some(&datong)).await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("专家"), "{body}");
        let camera = format!(
            r#"{{"room":{{"kind":"camera","id":"{}"}},"expert":"{}","hours":4}}"#,
            expert.id, expert.id
        );
        let (status, _, body) = call(&state, "video/invite", &camera, Some(&taiyuan)).await;
        assert_eq!(status, 422, "{body}");

        // Revoked: the link admits no one.
        let (status, _, body) = call(
            &state,
            "video/revoke_invitation",
            &format!("id={}", made.summary.id),
            Some(&taiyuan),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let (_, _, body) = call(
            &state,
            "video/invitation",
            &format!("secret={secret}"),
            None,
        )
        .await;
        assert_eq!(body, "null");
    }
}
