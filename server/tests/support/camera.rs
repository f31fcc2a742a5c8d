//! A real RTSP camera for tests: `scripts/rtsp-camera.py` (GStreamer's RTSP server and x264,
//! Debian's packages; the test command installs them) streaming a solid colour.

use std::process::Stdio;
use std::time::{Duration, Instant};

use app::cameras::{CameraHealth, LinkState};
use app::video::{
    Admission, ClientSignal, Joined, MediaPort, ParticipantId, RoomRef, ServerSignal,
};
use server::video::probe::Probe;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use uuid::Uuid;

pub struct TestCamera {
    _child: Child,
    pub url: String,
}

/// Debian's Python, which has the GObject bindings (a pyenv Python on PATH would not).
const PYTHON: &str = "/usr/bin/python3";

/// Whether the test camera can run here; panics if not but YINGJI_REQUIRE_RTSP_CAMERA is set.
pub fn available() -> bool {
    let found = std::process::Command::new(PYTHON)
        .args([
            "-c",
            "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer",
        ])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found && std::env::var_os("YINGJI_REQUIRE_RTSP_CAMERA").is_some() {
        panic!("YINGJI_REQUIRE_RTSP_CAMERA is set but GStreamer's RTSP server is not installed");
    }
    if !found {
        eprintln!("note: GStreamer's RTSP server not installed, camera tests skipped");
    }
    found
}

impl TestCamera {
    pub async fn start(colour: &str) -> TestCamera {
        let port = super::nats::free_port();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/rtsp-camera.py");
        let mut child = Command::new(PYTHON)
            .args([script, &port.to_string(), colour])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the test camera starts");
        let stdout = child.stdout.take().expect("its output");
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("the camera is ready in time")
            .expect("its output reads");
        assert_eq!(ready.as_deref(), Some(format!("ready {port}").as_str()));
        TestCamera {
            _child: child,
            url: format!("rtsp://127.0.0.1:{port}/camera"),
        }
    }
}

pub fn viewer(media: &dyn MediaPort, camera: Uuid) -> Joined {
    media
        .join(Admission {
            room: RoomRef::Camera { id: camera },
            title: "摄像机".into(),
            name: "值班员".into(),
            unit: "测试单位".into(),
        })
        .unwrap()
}

pub async fn next(joined: &mut Joined) -> ServerSignal {
    tokio::time::timeout(Duration::from_secs(10), joined.signals.recv())
        .await
        .expect("a signal in time")
        .expect("the room is open")
}

pub async fn health_becomes(media: &dyn MediaPort, camera: Uuid, state: LinkState) -> CameraHealth {
    let started = Instant::now();
    loop {
        let health = media.camera_health(camera);
        if health.state == state {
            return health;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still {health:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The NAL unit types in an Annex B access unit.
pub fn nal_types(unit: &[u8]) -> Vec<u8> {
    let mut types = Vec::new();
    let mut i = 0;
    while i + 3 < unit.len() {
        if unit[i..i + 3] == [0, 0, 1] {
            types.push(unit[i + 3] & 0x1f);
            i += 3;
        } else {
            i += 1;
        }
    }
    types
}

/// Subscribes a joined viewer to the camera `participant` of its room and collects the first
/// ten frames the probe decodes (fewer if they do not come within 15 s).
pub async fn frames_of(
    media: &dyn MediaPort,
    watching: &mut Joined,
    participant: ParticipantId,
) -> Vec<(Instant, Vec<u8>)> {
    media.signal(watching.id, ClientSignal::Subscribe { participant });
    let ServerSignal::Offer {
        subscription, sdp, ..
    } = next(watching).await
    else {
        panic!("an offer");
    };
    let mut probe = Probe::new().await.unwrap();
    let answer = probe.answer(&sdp).unwrap();
    media.signal(
        watching.id,
        ClientSignal::Answer {
            subscription,
            sdp: answer,
        },
    );
    let mut frames = Vec::new();
    let started = Instant::now();
    while frames.len() < 10 && started.elapsed() < Duration::from_secs(15) {
        frames.extend(
            probe
                .run(Duration::from_millis(100), |_| false)
                .await
                .unwrap(),
        );
    }
    frames
}
