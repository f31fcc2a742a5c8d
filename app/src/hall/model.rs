//! What the hall page shows and sends.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::device::{DeviceKind, DeviceStatus, Protocol};
use super::scene::{Scene, Source};
use super::wall::Wall;

/// A device as registered in the hall, with what it is doing now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceView {
    pub id: String,
    pub name: String,
    pub protocol: Protocol,
    /// `host:port`, or `simulator` for a simulated device.
    pub address: String,
    pub demo: bool,
    pub status: DeviceStatus,
}

impl DeviceView {
    pub fn kind(&self) -> DeviceKind {
        self.protocol.kind()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneView {
    pub id: Uuid,
    pub scene: Scene,
    pub demo: bool,
}

/// The whole hall for its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallView {
    pub wall: Wall,
    /// The matrix switcher feeding the wall.
    pub matrix: String,
    pub sources: Vec<Source>,
    pub devices: Vec<DeviceView>,
    pub scenes: Vec<SceneView>,
}

/// The hall's fixed arrangement: the wall, the matrix feeding it, the sources wired to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallSetup {
    pub wall: Wall,
    pub matrix: String,
    pub sources: Vec<Source>,
}

pub const SCENE_NAME_MAX: usize = 60;
