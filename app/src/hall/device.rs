//! A hall device as operators see it: what it is, how it is reached, what it is doing, and
//! what can be asked of it — the same types for every protocol.

use serde::{Deserialize, Serialize};

/// What a device is in the hall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    /// A projector or display (PJLink).
    Display,
    /// A PTZ camera (VISCA over IP).
    Camera,
    /// A matrix switcher (Kramer Protocol 3000 or Extron SIS).
    Matrix,
}

/// The control protocol a device speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    Pjlink,
    Visca,
    Kramer,
    Extron,
}

impl Protocol {
    pub const ALL: [Protocol; 4] = [
        Protocol::Pjlink,
        Protocol::Visca,
        Protocol::Kramer,
        Protocol::Extron,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Protocol::Pjlink => "pjlink",
            Protocol::Visca => "visca",
            Protocol::Kramer => "kramer",
            Protocol::Extron => "extron",
        }
    }

    pub fn parse(key: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn kind(self) -> DeviceKind {
        match self {
            Protocol::Pjlink => DeviceKind::Display,
            Protocol::Visca => DeviceKind::Camera,
            Protocol::Kramer | Protocol::Extron => DeviceKind::Matrix,
        }
    }

    /// The port the protocol listens on unless configured otherwise.
    pub fn default_port(self) -> u16 {
        match self {
            Protocol::Pjlink => 4352,
            Protocol::Visca => 52381,
            Protocol::Kramer => 5000,
            Protocol::Extron => 23,
        }
    }
}

/// Whether the device answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    #[default]
    Connecting,
    Online,
    /// Not reachable, or not answering; the driver keeps trying.
    Offline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Power {
    Standby,
    On,
    Cooling,
    WarmingUp,
}

/// Which way a PTZ head moves (or stops).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
    UpLeft,
    UpRight,
    DownLeft,
    DownRight,
    Stop,
}

/// What an operator asks of a device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Power(bool),
    /// A display input by its protocol name (PJLink `31` = digital 1).
    Input(String),
    Mute(bool),
    /// Matrix: route `input` to `output` (input 0 clears the output).
    Tie {
        input: u16,
        output: u16,
    },
    /// Camera: move at `speed` (1–24), or stop.
    Move {
        direction: Direction,
        speed: u8,
    },
    /// Camera: zoom in (positive), out (negative) at speed 1–7, or stop (0).
    Zoom(i8),
    Home,
    RecallPreset(u8),
    StorePreset(u8),
}

/// What the hall knows of a device, from its last answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceStatus {
    pub link: Link,
    pub power: Option<Power>,
    /// The display input selected, as the protocol names it.
    pub input: Option<String>,
    pub muted: Option<bool>,
    /// Matrix ties known: (output, input).
    pub ties: Vec<(u16, u16)>,
    /// The camera preset last recalled.
    pub preset: Option<u8>,
    /// The last failure, in the device's own terms (e.g. `ERR3: unavailable now`).
    pub error: Option<String>,
    /// Unix seconds of the last answer.
    pub seen: Option<i64>,
}

impl DeviceStatus {
    /// Records a tie, replacing what fed that output before.
    pub fn tie(&mut self, output: u16, input: u16) {
        self.ties.retain(|(o, _)| *o != output);
        self.ties.push((output, input));
        self.ties.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tie_replaces_what_fed_the_output() {
        let mut s = DeviceStatus::default();
        s.tie(2, 5);
        s.tie(1, 3);
        s.tie(2, 7);
        assert_eq!(s.ties, vec![(1, 3), (2, 7)]);
    }

    #[test]
    fn protocol_keys_round_trip() {
        for p in Protocol::ALL {
            assert_eq!(Protocol::parse(p.key()), Some(p));
        }
        assert_eq!(Protocol::Extron.kind(), DeviceKind::Matrix);
    }
}
