//! The consultation's SFU through its port: signalling rules, refusals to the sender only, and
//! real media forwarded between two WebRTC peers (str0m clients on loopback UDP).
#![allow(clippy::expect_used)]

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
