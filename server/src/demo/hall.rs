//! The demo command hall (演示): a 4 × 4 video wall behind a simulated 16 × 16 Kramer matrix,
//! two PJLink projectors, two VISCA cameras and an Extron matrix in the consultation room —
//! every device a simulator this node runs — and two scenes.

use app::hall::service::{self, Registered};
use app::hall::{CameraPreset, DisplaySetting, HallSetup, Protocol, Scene, Source, Wall, Window};
use app::incidents::service::Recorder;
use sea_orm::{DatabaseConnection, DbErr};

use crate::hall::runtime::SIMULATOR;

const DEVICES: [(&str, &str, Protocol, u16); 6] = [
    (
        "wall-matrix",
        "大屏矩阵 16×16（模拟）",
        Protocol::Kramer,
        16,
    ),
    ("proj-left", "左侧投影机（模拟）", Protocol::Pjlink, 0),
    ("proj-right", "右侧投影机（模拟）", Protocol::Pjlink, 0),
    ("cam-hall", "大厅全景摄像机（模拟）", Protocol::Visca, 0),
    ("cam-desk", "值班席摄像机（模拟）", Protocol::Visca, 0),
    ("room-matrix", "会商室矩阵 8×8（模拟）", Protocol::Extron, 8),
];

const SOURCES: [(&str, &str); 7] = [
    ("map", "态势地图"),
    ("video-1", "事故现场视频 1"),
    ("video-2", "事故现场视频 2"),
    ("duty", "值班台电脑"),
    ("consult", "视频会商"),
    ("hall-cam", "大厅摄像机"),
    ("news", "电视新闻"),
];

/// Audit records the demo hall writes: one per scene saved.
pub const AUDIT_RECORDS: usize = 2;

/// Loads the demo hall once (when no hall device is registered); returns how many devices.
pub async fn load(db: &DatabaseConnection, node: &str) -> Result<u32, DbErr> {
    if !service::registered(db).await?.is_empty() {
        return Ok(0);
    }
    for (position, (id, name, protocol, outputs)) in (0..).zip(DEVICES) {
        let device = Registered {
            id: id.into(),
            name: name.into(),
            protocol,
            address: SIMULATOR.into(),
            password: None,
            outputs,
        };
        service::register(db, &device, position, true).await?;
    }
    let setup = HallSetup {
        wall: Wall::numbered(4, 4),
        matrix: "wall-matrix".into(),
        sources: (1..)
            .zip(SOURCES)
            .map(|(input, (id, name))| Source {
                id: id.into(),
                name: name.into(),
                input,
            })
            .collect(),
    };
    service::save_setup(db, &setup).await?;
    let by = Recorder {
        actor: app::audit::Actor::System,
        name: "演示数据".into(),
        node: node.into(),
    };
    let scenes: [Scene; AUDIT_RECORDS] = [
        Scene {
            name: "重大事故（演示）".into(),
            windows: vec![
                Window::new("map", (0, 0), (4, 3)),
                Window::new("video-1", (0, 3), (2, 1)),
                Window::new("video-2", (2, 3), (1, 1)),
                Window::new("consult", (3, 3), (1, 1)),
            ],
            displays: vec![DisplaySetting {
                device: "proj-left".into(),
                power: true,
                input: Some("31".into()),
            }],
            cameras: vec![CameraPreset {
                device: "cam-hall".into(),
                preset: 1,
            }],
        },
        Scene {
            name: "日常值守（演示）".into(),
            windows: vec![
                Window::new("map", (0, 0), (2, 2)),
                Window::new("duty", (0, 2), (2, 2)),
                Window::new("news", (2, 0), (2, 2)),
                Window::new("hall-cam", (2, 2), (2, 2)),
            ],
            displays: vec![DisplaySetting {
                device: "proj-left".into(),
                power: false,
                input: None,
            }],
            cameras: vec![CameraPreset {
                device: "cam-hall".into(),
                preset: 2,
            }],
        },
    ];
    for scene in &scenes {
        service::save_scene(db, &by, scene, true, app::ui::time::now_unix())
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
    }
    Ok(DEVICES.len() as u32)
}
