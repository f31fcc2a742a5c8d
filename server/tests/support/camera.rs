//! A real RTSP camera for tests: `scripts/rtsp-camera.py` (GStreamer's RTSP server and x264,
//! Debian's packages; the test command installs them) streaming a solid colour.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

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
