//! Our PJLink driver against an independent implementation: the projector emulator of the
//! PyPI package `pjlink-advance` (Python 3.13), run as its own process on 127.0.0.1. Set
//! YINGJI_PJLINK_PYTHON (a Python 3.13) and YINGJI_PJLINK_PATH (where the package is unpacked);
//! `scripts/test.sh` does, and sets YINGJI_REQUIRE_PJLINK_EMULATOR=1 so CI cannot skip it.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::Stdio;
use std::time::Duration;

use app::hall::{Action, Link, Power};
use server::hall::actor::{self, Timing};
use server::hall::driver::{DeviceError, PjlinkDriver};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

struct Emulator {
    child: Child,
    address: std::net::SocketAddr,
}

async fn emulator(password: &str) -> Option<Emulator> {
    let (Ok(python), Ok(path)) = (
        std::env::var("YINGJI_PJLINK_PYTHON"),
        std::env::var("YINGJI_PJLINK_PATH"),
    ) else {
        assert!(
            std::env::var_os("YINGJI_REQUIRE_PJLINK_EMULATOR").is_none(),
            "YINGJI_PJLINK_PYTHON and YINGJI_PJLINK_PATH must be set"
        );
        return None;
    };
    let mut child = Command::new(python)
        .args([
            "-m",
            "pjlink_advance.emulator",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ])
        .args([
            "--password",
            password,
            "--pj-class",
            "2",
            "--transition-delay",
            "0.3",
        ])
        .env("PYTHONPATH", path)
        .env("PYTHONUNBUFFERED", "1")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start the PJLink emulator");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // "PJLink emulator listening on 127.0.0.1:PORT"
    let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("the emulator says where it listens")
        .unwrap()
        .unwrap();
    let port: u16 = line.rsplit(':').next().unwrap().trim().parse().unwrap();
    Some(Emulator {
        child,
        address: ([127, 0, 0, 1], port).into(),
    })
}

#[tokio::test]
async fn our_driver_drives_the_independent_pjlink_emulator() {
    let Some(mut emulator) = emulator("JBMIAProjectorLink").await else {
        return;
    };
    let timing = Timing {
        command: Duration::from_secs(2),
        poll: Duration::from_millis(200),
        backoff: Duration::from_secs(1),
    };
    let device = actor::spawn(
        PjlinkDriver::new(emulator.address, Some("JBMIAProjectorLink".into())),
        timing,
    );
    device.act(Action::Power(true)).await.unwrap();
    // The emulator warms up for 0.3 s; the polls see it come on.
    let mut on = false;
    for _ in 0..50 {
        let s = device.status();
        if s.link == Link::Online && s.power == Some(Power::On) {
            on = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(on, "{:?}", device.status());
    device.act(Action::Input("32".into())).await.unwrap();
    device.act(Action::Mute(true)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let s = device.status();
    assert_eq!((s.input.as_deref(), s.muted), (Some("32"), Some(true)));
    // An input the projector does not have is refused with its own code.
    let err = device.act(Action::Input("59".into())).await.unwrap_err();
    assert!(
        matches!(&err, DeviceError::Refused(m) if m.starts_with("ERR2")),
        "{err:?}"
    );
    // A wrong password is reported as such.
    let wrong = actor::spawn(
        PjlinkDriver::new(emulator.address, Some("wrong".into())),
        timing,
    );
    let err = wrong.act(Action::Power(false)).await.unwrap_err();
    assert!(err.to_string().contains("ERRA"), "{err}");
    emulator.child.kill().await.unwrap();
}
