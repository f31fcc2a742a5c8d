//! VISCA over IP (Sony), UDP 52381: an 8-byte header (payload type, payload length, sequence
//! number, all big-endian) before a VISCA message `8x … FF`. A command is answered by an ACK
//! (`90 4y FF`) and then a completion (`90 5y FF`) or an error (`90 6y ee FF`).

pub use app::hall::Direction;

pub const PORT: u16 = 52381;
const HEADER: usize = 8;
/// VISCA messages are at most 16 bytes.
const MAX_MESSAGE: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadType {
    Command,
    Inquiry,
    Reply,
    DeviceSetting,
    Control,
    ControlReply,
}

impl PayloadType {
    fn code(self) -> u16 {
        match self {
            PayloadType::Command => 0x0100,
            PayloadType::Inquiry => 0x0110,
            PayloadType::Reply => 0x0111,
            PayloadType::DeviceSetting => 0x0120,
            PayloadType::Control => 0x0200,
            PayloadType::ControlReply => 0x0201,
        }
    }

    fn parse(code: u16) -> Option<PayloadType> {
        [
            PayloadType::Command,
            PayloadType::Inquiry,
            PayloadType::Reply,
            PayloadType::DeviceSetting,
            PayloadType::Control,
            PayloadType::ControlReply,
        ]
        .into_iter()
        .find(|t| t.code() == code)
    }
}

/// One datagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packet {
    pub kind: PayloadType,
    pub sequence: u32,
    pub payload: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ViscaError {
    #[error("unreadable datagram: {0}")]
    Malformed(String),
    #[error("syntax error")]
    Syntax,
    #[error("command buffer full")]
    BufferFull,
    #[error("command cancelled")]
    Cancelled,
    #[error("no socket")]
    NoSocket,
    #[error("command not executable now")]
    NotExecutable,
    #[error("camera error code {0:#04x}")]
    Other(u8),
    #[error("sequence number rejected by the camera")]
    Sequence,
    #[error("message rejected by the camera")]
    Message,
    #[error("out of range: {0}")]
    Invalid(String),
}

impl Packet {
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(HEADER + self.payload.len());
        bytes.extend_from_slice(&self.kind.code().to_be_bytes());
        let length = u16::try_from(self.payload.len()).unwrap_or(u16::MAX);
        bytes.extend_from_slice(&length.to_be_bytes());
        bytes.extend_from_slice(&self.sequence.to_be_bytes());
        bytes.extend_from_slice(&self.payload);
        bytes
    }

    pub fn decode(bytes: &[u8]) -> Result<Packet, ViscaError> {
        let malformed = |why: &str| ViscaError::Malformed(why.into());
        if bytes.len() < HEADER {
            return Err(malformed("shorter than the header"));
        }
        let kind = PayloadType::parse(u16::from_be_bytes([bytes[0], bytes[1]]))
            .ok_or_else(|| malformed("unknown payload type"))?;
        let length = usize::from(u16::from_be_bytes([bytes[2], bytes[3]]));
        let sequence = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        let payload = &bytes[HEADER..];
        if payload.len() != length || length == 0 || length > MAX_MESSAGE {
            return Err(malformed("payload length does not match"));
        }
        Ok(Packet {
            kind,
            sequence,
            payload: payload.to_vec(),
        })
    }

    /// `RESET` of the sequence number, which a controller sends first.
    pub fn reset(sequence: u32) -> Packet {
        Packet {
            kind: PayloadType::Control,
            sequence,
            payload: vec![0x01],
        }
    }
}

/// The drive bytes of a pan/tilt direction.
fn drive(direction: Direction) -> [u8; 2] {
    match direction {
        Direction::Up => [0x03, 0x01],
        Direction::Down => [0x03, 0x02],
        Direction::Left => [0x01, 0x03],
        Direction::Right => [0x02, 0x03],
        Direction::UpLeft => [0x01, 0x01],
        Direction::UpRight => [0x02, 0x01],
        Direction::DownLeft => [0x01, 0x02],
        Direction::DownRight => [0x02, 0x02],
        Direction::Stop => [0x03, 0x03],
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    Stop,
    /// Speed 0 (slow) – 7 (fast).
    Tele(u8),
    Wide(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Power(bool),
    /// Pan speed 1–0x18, tilt speed 1–0x17.
    PanTilt {
        direction: Direction,
        pan_speed: u8,
        tilt_speed: u8,
    },
    Home,
    Zoom(Zoom),
    PresetRecall(u8),
    PresetSet(u8),
    PresetReset(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inquiry {
    Power,
}

pub const MAX_PAN_SPEED: u8 = 0x18;
pub const MAX_TILT_SPEED: u8 = 0x17;
/// Presets 0–127 (cameras differ above; 128 is what the common ones hold).
pub const MAX_PRESET: u8 = 127;

/// The VISCA message of a command to the camera at `address` (1–7).
pub fn command(address: u8, command: Command) -> Result<Vec<u8>, ViscaError> {
    let head = 0x80 | (address & 0x07);
    let invalid = |what: &str| ViscaError::Invalid(what.into());
    let body: Vec<u8> = match command {
        Command::Power(on) => vec![0x01, 0x04, 0x00, if on { 0x02 } else { 0x03 }],
        Command::PanTilt {
            direction,
            pan_speed,
            tilt_speed,
        } => {
            if !(1..=MAX_PAN_SPEED).contains(&pan_speed)
                || !(1..=MAX_TILT_SPEED).contains(&tilt_speed)
            {
                return Err(invalid("pan/tilt speed"));
            }
            let [p, t] = drive(direction);
            vec![0x01, 0x06, 0x01, pan_speed, tilt_speed, p, t]
        }
        Command::Home => vec![0x01, 0x06, 0x04],
        Command::Zoom(zoom) => {
            let z = match zoom {
                Zoom::Stop => 0x00,
                Zoom::Tele(s) if s <= 7 => 0x20 | s,
                Zoom::Wide(s) if s <= 7 => 0x30 | s,
                _ => return Err(invalid("zoom speed")),
            };
            vec![0x01, 0x04, 0x07, z]
        }
        Command::PresetRecall(n) | Command::PresetSet(n) | Command::PresetReset(n) => {
            if n > MAX_PRESET {
                return Err(invalid("preset number"));
            }
            let action = match command {
                Command::PresetReset(_) => 0x00,
                Command::PresetSet(_) => 0x01,
                _ => 0x02,
            };
            vec![0x01, 0x04, 0x3F, action, n]
        }
    };
    Ok([vec![head], body, vec![0xFF]].concat())
}

pub fn inquiry(address: u8, inquiry: Inquiry) -> Vec<u8> {
    let head = 0x80 | (address & 0x07);
    match inquiry {
        Inquiry::Power => vec![head, 0x09, 0x04, 0x00, 0xFF],
    }
}

/// A reply message from the camera.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Ack {
        socket: u8,
    },
    /// With the data of an inquiry's answer (empty for a command).
    Completion {
        socket: u8,
        data: Vec<u8>,
    },
}

/// Reads a VISCA reply message (`90 …FF`); an error reply is an `Err`.
pub fn reply(message: &[u8]) -> Result<Reply, ViscaError> {
    let malformed = || ViscaError::Malformed(format!("{message:02x?}"));
    let (&first, rest) = message.split_first().ok_or_else(malformed)?;
    let (&last, body) = rest.split_last().ok_or_else(malformed)?;
    if first & 0xF0 != 0x90 || last != 0xFF || body.contains(&0xFF) {
        return Err(malformed());
    }
    let (&kind, data) = body.split_first().ok_or_else(malformed)?;
    let socket = kind & 0x0F;
    match kind & 0xF0 {
        0x40 if data.is_empty() => Ok(Reply::Ack { socket }),
        0x50 => Ok(Reply::Completion {
            socket,
            data: data.to_vec(),
        }),
        0x60 => Err(match data {
            [0x02] => ViscaError::Syntax,
            [0x03] => ViscaError::BufferFull,
            [0x04] => ViscaError::Cancelled,
            [0x05] => ViscaError::NoSocket,
            [0x41] => ViscaError::NotExecutable,
            [code] => ViscaError::Other(*code),
            _ => return Err(malformed()),
        }),
        _ => Err(malformed()),
    }
}

/// Reads the answer to a power inquiry.
pub fn power_of(data: &[u8]) -> Result<bool, ViscaError> {
    match data {
        [0x02] => Ok(true),
        [0x03] => Ok(false),
        _ => Err(ViscaError::Malformed(format!("power {data:02x?}"))),
    }
}

/// Reads a control reply (to a sequence reset).
pub fn control_reply(payload: &[u8]) -> Result<(), ViscaError> {
    match payload {
        [0x01] => Ok(()),
        [0x0F, 0x01] => Err(ViscaError::Sequence),
        [0x0F, 0x02] => Err(ViscaError::Message),
        _ => Err(ViscaError::Malformed(format!("control {payload:02x?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_match_the_manual() {
        let up = Command::PanTilt {
            direction: Direction::Up,
            pan_speed: 0x05,
            tilt_speed: 0x05,
        };
        assert_eq!(
            command(1, up).unwrap(),
            [0x81, 0x01, 0x06, 0x01, 0x05, 0x05, 0x03, 0x01, 0xFF]
        );
        let stop = Command::PanTilt {
            direction: Direction::Stop,
            pan_speed: 0x18,
            tilt_speed: 0x17,
        };
        assert_eq!(
            command(1, stop).unwrap(),
            [0x81, 0x01, 0x06, 0x01, 0x18, 0x17, 0x03, 0x03, 0xFF]
        );
        assert_eq!(
            command(1, Command::PresetRecall(3)).unwrap(),
            [0x81, 0x01, 0x04, 0x3F, 0x02, 0x03, 0xFF]
        );
        assert_eq!(
            command(1, Command::PresetSet(0)).unwrap(),
            [0x81, 0x01, 0x04, 0x3F, 0x01, 0x00, 0xFF]
        );
        assert_eq!(
            command(1, Command::Power(true)).unwrap(),
            [0x81, 0x01, 0x04, 0x00, 0x02, 0xFF]
        );
        assert_eq!(
            command(1, Command::Home).unwrap(),
            [0x81, 0x01, 0x06, 0x04, 0xFF]
        );
        assert_eq!(
            command(1, Command::Zoom(Zoom::Tele(2))).unwrap(),
            [0x81, 0x01, 0x04, 0x07, 0x22, 0xFF]
        );
        assert_eq!(
            command(1, Command::Zoom(Zoom::Stop)).unwrap(),
            [0x81, 0x01, 0x04, 0x07, 0x00, 0xFF]
        );
        assert_eq!(inquiry(1, Inquiry::Power), [0x81, 0x09, 0x04, 0x00, 0xFF]);
        assert!(command(1, Command::PresetRecall(200)).is_err());
        let too_fast = Command::PanTilt {
            direction: Direction::Left,
            pan_speed: 0x19,
            tilt_speed: 1,
        };
        assert!(command(1, too_fast).is_err());
    }

    #[test]
    fn the_header_carries_type_length_and_sequence() {
        let packet = Packet {
            kind: PayloadType::Command,
            sequence: 1,
            payload: command(1, Command::PresetRecall(3)).unwrap(),
        };
        let bytes = packet.encode();
        assert_eq!(
            &bytes[..8],
            [0x01, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x01]
        );
        assert_eq!(Packet::decode(&bytes).unwrap(), packet);
        assert_eq!(
            Packet::reset(0).encode(),
            [0x02, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01]
        );
    }

    #[test]
    fn replies_and_errors_are_read() {
        assert_eq!(reply(&[0x90, 0x41, 0xFF]), Ok(Reply::Ack { socket: 1 }));
        assert_eq!(
            reply(&[0x90, 0x51, 0xFF]),
            Ok(Reply::Completion {
                socket: 1,
                data: vec![]
            })
        );
        assert_eq!(
            reply(&[0x90, 0x50, 0x02, 0xFF]).map(|r| match r {
                Reply::Completion { data, .. } => power_of(&data),
                Reply::Ack { .. } => Err(ViscaError::Syntax),
            }),
            Ok(Ok(true))
        );
        assert_eq!(reply(&[0x90, 0x60, 0x02, 0xFF]), Err(ViscaError::Syntax));
        assert_eq!(
            reply(&[0x90, 0x60, 0x03, 0xFF]),
            Err(ViscaError::BufferFull)
        );
        assert_eq!(
            reply(&[0x90, 0x61, 0x41, 0xFF]),
            Err(ViscaError::NotExecutable)
        );
        assert_eq!(control_reply(&[0x01]), Ok(()));
        assert_eq!(control_reply(&[0x0F, 0x01]), Err(ViscaError::Sequence));
    }

    #[test]
    fn garbage_is_malformed_never_a_panic() {
        for bytes in [
            &[][..],
            &[0x90],
            &[0x90, 0xFF],
            &[0x80, 0x41, 0xFF],
            &[0x90, 0x41, 0x00],
            &[0x90, 0x60, 0xFF],
            &[0x90, 0x41, 0x01, 0xFF],
        ] {
            assert!(reply(bytes).is_err(), "{bytes:02x?}");
        }
        for bytes in [
            &[0x01, 0x00, 0x00, 0x05, 0, 0, 0, 1, 0x81][..],
            &[0x07, 0x07, 0, 1, 0, 0, 0, 0, 1],
            &[1, 2, 3],
        ] {
            assert!(Packet::decode(bytes).is_err(), "{bytes:02x?}");
        }
    }
}
