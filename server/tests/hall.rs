//! Hall drivers and their actors against the simulated devices on 127.0.0.1: each protocol's
//! commands arrive as the manuals write them, the state follows, and every fault — silence,
//! garbage, error codes, a connection dropped mid-command, a device that is not there — ends in
//! a clear error without a stuck actor or a neighbour affected.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use app::hall::{Action, Direction, Link, Power};
use server::hall::actor::{self, DeviceHandle, Timing};
use server::hall::driver::{DeviceError, ExtronDriver, KramerDriver, PjlinkDriver, ViscaDriver};
use server::hall::sim::{self, Fault, PjlinkSim};

fn quick() -> Timing {
    Timing {
        command: Duration::from_millis(500),
        poll: Duration::from_secs(60),
        backoff: Duration::from_millis(500),
    }
}

async fn online(device: &DeviceHandle) {
    for _ in 0..100 {
        if device.status().link == Link::Online {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("device never came online: {:?}", device.status());
}

#[tokio::test]
async fn a_projector_with_a_password_powers_on_switches_input_and_mutes() {
    let projector = sim::start_pjlink(PjlinkSim {
        class: 2,
        password: Some("JBMIAProjectorLink".into()),
        ..PjlinkSim::default()
    })
    .await
    .unwrap();
    let driver = PjlinkDriver::new(projector.address, Some("JBMIAProjectorLink".into()));
    let device = actor::spawn(driver, quick());
    online(&device).await;
    assert_eq!(device.status().power, Some(Power::Standby));
    // In standby the projector refuses an input change with ERR3, and says so.
    let refused = device.act(Action::Input("32".into())).await.unwrap_err();
    assert!(
        matches!(&refused, DeviceError::Refused(m) if m.starts_with("ERR3")),
        "{refused:?}"
    );
    device.act(Action::Power(true)).await.unwrap();
    device.act(Action::Input("32".into())).await.unwrap();
    device.act(Action::Mute(true)).await.unwrap();
    let status = device.status();
    assert_eq!(
        (status.input.as_deref(), status.muted, status.error),
        (Some("32"), Some(true), None)
    );
    let journal = projector.take_journal();
    assert_eq!(
        journal,
        [
            "%1CLSS ?",
            "%1POWR ?",
            "%1INPT 32",
            "%1POWR 1",
            "%1INPT 32",
            "%1AVMT 31"
        ]
    );
    let state = projector.lock().state.clone();
    assert!(state.power_on && state.muted && state.input == "32");
}

#[tokio::test]
async fn a_wrong_password_is_reported_not_retried_forever() {
    let projector = sim::start_pjlink(PjlinkSim {
        password: Some("right".into()),
        ..PjlinkSim::default()
    })
    .await
    .unwrap();
    let device = actor::spawn(
        PjlinkDriver::new(projector.address, Some("wrong".into())),
        quick(),
    );
    let err = device.act(Action::Power(true)).await.unwrap_err();
    assert!(err.to_string().contains("ERRA"), "{err}");
    assert!(!projector.lock().state.power_on);
}

#[tokio::test]
async fn every_fault_ends_in_an_error_and_the_actor_recovers() {
    let projector = sim::start_pjlink(PjlinkSim::default()).await.unwrap();
    let device = actor::spawn(PjlinkDriver::new(projector.address, None), quick());
    online(&device).await;
    for (fault, expected) in [
        (Fault::Silent, "no answer in time"),
        (Fault::Garbage, "unreadable answer"),
        (Fault::Error, "ERR4"),
        (Fault::Disconnect, "closed"),
    ] {
        projector.set_fault(fault);
        let err = device.act(Action::Power(true)).await.unwrap_err();
        assert!(err.to_string().contains(expected), "{fault:?}: {err}");
        assert_eq!(device.status().error, Some(err.to_string()));
        projector.set_fault(Fault::None);
        device.act(Action::Power(true)).await.unwrap();
        assert_eq!(device.status().error, None, "{fault:?}");
    }
    assert!(projector.lock().state.power_on);
}

#[tokio::test]
async fn a_device_that_is_not_there_is_offline_and_answers_quickly() {
    // A port nothing listens on: bind, note it, close.
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let missing = actor::spawn(PjlinkDriver::new(free, None), quick());
    let started = std::time::Instant::now();
    let err = missing.act(Action::Power(true)).await.unwrap_err();
    assert!(matches!(err, DeviceError::Unreachable(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(missing.status().link, Link::Offline);
    // A neighbour is not affected.
    let matrix = sim::start_kramer(8, 8).await.unwrap();
    let present = actor::spawn(KramerDriver::new(matrix.address, 8), quick());
    present
        .act(Action::Tie {
            input: 3,
            output: 2,
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_camera_moves_and_recalls_presets_over_visca() {
    let camera = sim::start_visca().await.unwrap();
    let device = actor::spawn(ViscaDriver::new(camera.address), quick());
    online(&device).await;
    device.act(Action::Power(true)).await.unwrap();
    device
        .act(Action::Move {
            direction: Direction::Left,
            speed: 30,
        })
        .await
        .unwrap();
    device.act(Action::Zoom(3)).await.unwrap();
    device.act(Action::RecallPreset(1)).await.unwrap();
    assert_eq!(device.status().preset, Some(1));
    assert_eq!(
        camera.take_journal(),
        [
            "01",
            "81 09 04 00 FF",
            "81 01 04 00 02 FF",
            "81 01 06 01 18 17 01 03 FF",
            "81 01 04 07 23 FF",
            "81 01 04 3F 02 01 FF",
        ]
    );
    camera.set_fault(Fault::Error);
    let err = device.act(Action::Home).await.unwrap_err();
    assert!(err.to_string().contains("not executable"), "{err}");
    camera.set_fault(Fault::Silent);
    assert_eq!(device.act(Action::Home).await, Err(DeviceError::Timeout));
    camera.set_fault(Fault::None);
    device.act(Action::Home).await.unwrap();
    assert_eq!(
        device
            .act(Action::Tie {
                input: 1,
                output: 1
            })
            .await
            .map_err(|e| matches!(e, DeviceError::Unsupported(_))),
        Err(true)
    );
}

#[tokio::test]
async fn matrices_tie_over_kramer_and_extron_and_refuse_ports_they_lack() {
    let kramer = sim::start_kramer(16, 16).await.unwrap();
    let extron = sim::start_extron(8, 8).await.unwrap();
    let k = actor::spawn(KramerDriver::new(kramer.address, 4), quick());
    let e = actor::spawn(ExtronDriver::new(extron.address, 4), quick());
    online(&k).await;
    online(&e).await;
    kramer.take_journal();
    extron.take_journal();
    k.act(Action::Tie {
        input: 5,
        output: 2,
    })
    .await
    .unwrap();
    e.act(Action::Tie {
        input: 3,
        output: 1,
    })
    .await
    .unwrap();
    assert_eq!(kramer.take_journal(), ["#ROUTE 1,2,5"]);
    assert_eq!(extron.take_journal(), ["3*1!"]);
    assert!(k.status().ties.contains(&(2, 5)));
    assert!(e.status().ties.contains(&(1, 3)));
    assert_eq!(kramer.lock().state.ties.get(&2), Some(&5));
    let err = k
        .act(Action::Tie {
            input: 5,
            output: 99,
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ERR003"), "{err}");
    let err = e
        .act(Action::Tie {
            input: 30,
            output: 1,
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("E01"), "{err}");
    // The polls read what the switchers hold.
    assert_eq!(k.status().ties.len(), 4);
    assert_eq!(e.status().ties.len(), 4);
}

#[tokio::test]
async fn a_scene_applies_everywhere_and_a_failing_device_is_reported() {
    use app::hall::{CameraPreset, DisplaySetting, Scene, Source, Wall, Window, plan};
    use server::hall::devices::HallDevices;
    let matrix = sim::start_kramer(16, 16).await.unwrap();
    let projector = sim::start_pjlink(PjlinkSim::default()).await.unwrap();
    let camera = sim::start_visca().await.unwrap();
    let mut hall = HallDevices::default();
    hall.insert(
        "matrix".into(),
        actor::spawn(KramerDriver::new(matrix.address, 16), quick()),
    );
    hall.insert(
        "projector".into(),
        actor::spawn(PjlinkDriver::new(projector.address, None), quick()),
    );
    hall.insert(
        "camera".into(),
        actor::spawn(ViscaDriver::new(camera.address), quick()),
    );
    for id in ["matrix", "projector", "camera"] {
        online(hall.get(id).unwrap()).await;
    }
    matrix.take_journal();
    projector.take_journal();
    camera.take_journal();
    let sources: Vec<Source> = ["map", "video-1"]
        .iter()
        .zip(1..)
        .map(|(id, input)| Source {
            id: id.to_string(),
            name: id.to_string(),
            input,
        })
        .collect();
    let scene = Scene {
        name: "重大事故".into(),
        windows: vec![
            Window::new("map", (0, 0), (4, 3)),
            Window::new("video-1", (0, 3), (4, 1)),
        ],
        displays: vec![DisplaySetting {
            device: "projector".into(),
            power: true,
            input: Some("31".into()),
        }],
        cameras: vec![CameraPreset {
            device: "camera".into(),
            preset: 1,
        }],
    };
    let steps = plan(&scene, &Wall::numbered(4, 4), "matrix", &sources).unwrap();
    // The projector fails mid-scene: it answers every command with ERR4.
    projector.set_fault(Fault::Error);
    let outcomes = hall.apply(steps).await;
    assert_eq!(outcomes.len(), 16 + 2 + 1);
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.error.is_some())
        .map(|o| o.step.device.as_str())
        .collect();
    assert_eq!(failed, ["projector", "projector"]);
    let expected: Vec<String> = (1..=16)
        .map(|o| format!("#ROUTE 1,{o},{}", if o % 4 == 0 { 2 } else { 1 }))
        .collect();
    assert_eq!(matrix.take_journal(), expected);
    assert_eq!(camera.take_journal(), ["81 01 04 3F 02 01 FF"]);
    assert_eq!(camera.lock().state.preset, Some(1));
}
