//! PTZ cameras over VISCA over IP (UDP). Each command waits for its ACK and completion, matched
//! by sequence number; stray or late datagrams are skipped.

use std::net::SocketAddr;

use app::hall::{Action, DeviceStatus, Power};
use tokio::net::UdpSocket;

use super::{DeviceError, Driver};
use crate::hall::codec::visca::{
    self, Command, Inquiry, Packet, PayloadType, Reply, ViscaError, Zoom,
};

/// The camera address inside VISCA messages (1 for a camera reached by IP).
const CAMERA: u8 = 1;

pub struct ViscaDriver {
    address: SocketAddr,
    socket: Option<UdpSocket>,
    sequence: u32,
}

impl ViscaDriver {
    pub fn new(address: SocketAddr) -> ViscaDriver {
        ViscaDriver {
            address,
            socket: None,
            sequence: 0,
        }
    }

    /// Sends a packet and reads datagrams until `done` accepts one of this sequence number.
    async fn exchange(
        &mut self,
        kind: PayloadType,
        payload: Vec<u8>,
        mut done: impl FnMut(&Packet) -> Result<Option<Vec<u8>>, DeviceError>,
    ) -> Result<Vec<u8>, DeviceError> {
        self.sequence = self.sequence.wrapping_add(1);
        let packet = Packet {
            kind,
            sequence: self.sequence,
            payload,
        };
        let socket = self.socket.as_ref().ok_or(DeviceError::Closed)?;
        socket
            .send(&packet.encode())
            .await
            .map_err(DeviceError::unreachable)?;
        let mut buffer = [0u8; 64];
        loop {
            let n = socket
                .recv(&mut buffer)
                .await
                .map_err(DeviceError::unreachable)?;
            let Ok(reply) = Packet::decode(&buffer[..n]) else {
                return Err(DeviceError::Protocol(format!("{:02x?}", &buffer[..n])));
            };
            if reply.sequence != packet.sequence {
                continue;
            }
            if let Some(data) = done(&reply)? {
                return Ok(data);
            }
        }
    }

    async fn command(&mut self, command: Command) -> Result<(), DeviceError> {
        let payload = visca::command(CAMERA, command).map_err(refused)?;
        self.exchange(PayloadType::Command, payload, |reply| {
            match visca::reply(&reply.payload).map_err(refused)? {
                Reply::Ack { .. } => Ok(None),
                Reply::Completion { .. } => Ok(Some(Vec::new())),
            }
        })
        .await
        .map(drop)
    }

    async fn inquiry(&mut self, inquiry: Inquiry) -> Result<Vec<u8>, DeviceError> {
        let payload = visca::inquiry(CAMERA, inquiry);
        self.exchange(PayloadType::Inquiry, payload, |reply| {
            match visca::reply(&reply.payload).map_err(refused)? {
                Reply::Completion { data, .. } => Ok(Some(data)),
                Reply::Ack { .. } => Ok(None),
            }
        })
        .await
    }
}

fn refused(err: ViscaError) -> DeviceError {
    match err {
        ViscaError::Malformed(_) => DeviceError::Protocol(err.to_string()),
        other => DeviceError::Refused(other.to_string()),
    }
}

impl Driver for ViscaDriver {
    async fn connect(&mut self) -> Result<(), DeviceError> {
        let local: SocketAddr = if self.address.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            ([0u16; 8], 0).into()
        };
        let socket = UdpSocket::bind(local)
            .await
            .map_err(DeviceError::unreachable)?;
        socket
            .connect(self.address)
            .await
            .map_err(DeviceError::unreachable)?;
        self.socket = Some(socket);
        self.sequence = 0;
        // A fresh sequence on both sides before the first command.
        self.exchange(PayloadType::Control, Packet::reset(0).payload, |reply| {
            if reply.kind != PayloadType::ControlReply {
                return Ok(None);
            }
            visca::control_reply(&reply.payload).map_err(refused)?;
            Ok(Some(Vec::new()))
        })
        .await?;
        Ok(())
    }

    async fn act(&mut self, action: &Action, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        let command = match action {
            Action::Power(on) => Command::Power(*on),
            Action::Move {
                direction: d,
                speed,
            } => Command::PanTilt {
                direction: *d,
                pan_speed: (*speed).clamp(1, visca::MAX_PAN_SPEED),
                tilt_speed: (*speed).clamp(1, visca::MAX_TILT_SPEED),
            },
            Action::Zoom(z) => Command::Zoom(match z {
                0 => Zoom::Stop,
                z if *z > 0 => Zoom::Tele(z.unsigned_abs().min(7)),
                z => Zoom::Wide(z.unsigned_abs().min(7)),
            }),
            Action::Home => Command::Home,
            Action::RecallPreset(n) => Command::PresetRecall(*n),
            Action::StorePreset(n) => Command::PresetSet(*n),
            _ => return Err(DeviceError::Unsupported("do that: it is a camera")),
        };
        self.command(command).await?;
        match action {
            Action::Power(on) => status.power = Some(if *on { Power::On } else { Power::Standby }),
            Action::RecallPreset(n) => status.preset = Some(*n),
            Action::Move { .. } | Action::Home | Action::Zoom(_) => status.preset = None,
            _ => {}
        }
        Ok(())
    }

    async fn poll(&mut self, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        let data = self.inquiry(Inquiry::Power).await?;
        let on = visca::power_of(&data).map_err(refused)?;
        status.power = Some(if on { Power::On } else { Power::Standby });
        Ok(())
    }

    fn close(&mut self) {
        self.socket = None;
    }
}
