//! A VISCA-over-IP PTZ camera: sequence reset, commands acknowledged and completed, power and
//! preset state, power inquiry.

use tokio::net::UdpSocket;

use super::{Fault, SimHandle};
use crate::hall::codec::visca::{Packet, PayloadType};

#[derive(Clone, Debug, Default)]
pub struct ViscaSim {
    pub power_on: bool,
    pub preset: Option<u8>,
}

pub async fn start() -> std::io::Result<SimHandle<ViscaSim>> {
    let socket = UdpSocket::bind(("127.0.0.1", 0)).await?;
    let handle = SimHandle::new(socket.local_addr()?, ViscaSim::default());
    let sim = handle.clone();
    tokio::spawn(async move {
        let mut buffer = [0u8; 64];
        while let Ok((n, peer)) = socket.recv_from(&mut buffer).await {
            for datagram in answer(&sim, &buffer[..n]) {
                // A lost reply is what UDP does; the controller times out.
                let _ = socket.send_to(&datagram, peer).await;
            }
        }
    });
    Ok(handle)
}

fn answer(sim: &SimHandle<ViscaSim>, bytes: &[u8]) -> Vec<Vec<u8>> {
    let Ok(packet) = Packet::decode(bytes) else {
        return Vec::new();
    };
    let reply = |kind, payload: &[u8]| {
        Packet {
            kind,
            sequence: packet.sequence,
            payload: payload.to_vec(),
        }
        .encode()
    };
    let mut shared = sim.lock();
    let text: Vec<String> = packet.payload.iter().map(|b| format!("{b:02X}")).collect();
    shared.journal.push(text.join(" "));
    match shared.fault {
        Fault::Silent | Fault::Disconnect => return Vec::new(),
        Fault::Garbage => return vec![vec![0x13, 0x37]],
        Fault::Error => return vec![reply(PayloadType::Reply, &[0x90, 0x61, 0x41, 0xFF])],
        Fault::None => {}
    }
    let p = packet.payload.as_slice();
    match packet.kind {
        PayloadType::Control => vec![reply(PayloadType::ControlReply, &[0x01])],
        PayloadType::Inquiry => match p {
            [0x81, 0x09, 0x04, 0x00, 0xFF] => {
                let power = if shared.state.power_on { 0x02 } else { 0x03 };
                vec![reply(PayloadType::Reply, &[0x90, 0x50, power, 0xFF])]
            }
            _ => vec![reply(PayloadType::Reply, &[0x90, 0x60, 0x02, 0xFF])],
        },
        PayloadType::Command => {
            let known = match p {
                [0x81, 0x01, 0x04, 0x00, on @ (0x02 | 0x03), 0xFF] => {
                    shared.state.power_on = *on == 0x02;
                    true
                }
                [0x81, 0x01, 0x04, 0x3F, 0x02, n, 0xFF] if *n <= 127 => {
                    shared.state.preset = Some(*n);
                    true
                }
                [0x81, 0x01, 0x04, 0x3F, 0x00 | 0x01, n, 0xFF] => *n <= 127,
                [0x81, 0x01, 0x06, 0x01, _, _, _, _, 0xFF] | [0x81, 0x01, 0x06, 0x04, 0xFF] => {
                    shared.state.preset = None;
                    true
                }
                [0x81, 0x01, 0x04, 0x07, _, 0xFF] => true,
                _ => false,
            };
            if known {
                vec![
                    reply(PayloadType::Reply, &[0x90, 0x41, 0xFF]),
                    reply(PayloadType::Reply, &[0x90, 0x51, 0xFF]),
                ]
            } else {
                vec![reply(PayloadType::Reply, &[0x90, 0x60, 0x02, 0xFF])]
            }
        }
        _ => Vec::new(),
    }
}
