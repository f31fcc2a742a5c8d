//! PJLink displays and projectors over TCP.

use std::net::SocketAddr;

use app::hall::{Action, DeviceStatus, Power};

use super::line::LineConn;
use super::{DeviceError, Driver};
use crate::hall::codec::pjlink::{self, Command, Greeting, Input, MuteTarget, PjlinkError, Reply};

pub struct PjlinkDriver {
    address: SocketAddr,
    password: Option<String>,
    class: u8,
    conn: Option<LineConn>,
    /// The digest owed on the first command of an authenticated connection.
    digest: Option<String>,
}

impl PjlinkDriver {
    pub fn new(address: SocketAddr, password: Option<String>) -> PjlinkDriver {
        PjlinkDriver {
            address,
            password,
            class: 1,
            conn: None,
            digest: None,
        }
    }

    async fn send(&mut self, command: &Command) -> Result<Reply, DeviceError> {
        let bytes = pjlink::encode(command, self.class).map_err(refused)?;
        let conn = self.conn.as_mut().ok_or(DeviceError::Closed)?;
        let mut out = self
            .digest
            .take()
            .map(String::into_bytes)
            .unwrap_or_default();
        out.extend_from_slice(&bytes);
        conn.send(&out).await?;
        let line = conn.line().await?;
        pjlink::decode(command, &line, self.class).map_err(refused)
    }
}

fn refused(err: PjlinkError) -> DeviceError {
    match err {
        PjlinkError::Malformed(_) => DeviceError::Protocol(err.to_string()),
        other => DeviceError::Refused(other.to_string()),
    }
}

fn power(p: pjlink::Power) -> Power {
    match p {
        pjlink::Power::Standby => Power::Standby,
        pjlink::Power::On => Power::On,
        pjlink::Power::Cooling => Power::Cooling,
        pjlink::Power::WarmingUp => Power::WarmingUp,
    }
}

/// `31` → digital input 1.
fn input_of(name: &str) -> Option<Input> {
    let mut chars = name.chars();
    let kind = chars.next()?.to_digit(10)?;
    let number = chars.next()?;
    chars.next().is_none().then_some(Input {
        kind: u8::try_from(kind).ok()?,
        number,
    })
}

impl Driver for PjlinkDriver {
    async fn connect(&mut self) -> Result<(), DeviceError> {
        let mut conn = LineConn::open(self.address, pjlink::TERMINATOR).await?;
        let greeting = pjlink::parse_greeting(&conn.line().await?).map_err(refused)?;
        self.digest = match greeting {
            Greeting::Open => None,
            Greeting::Challenge(random) => {
                let password = self
                    .password
                    .as_deref()
                    .ok_or_else(|| refused(PjlinkError::PasswordRequired))?;
                Some(pjlink::digest(&random, password))
            }
        };
        self.conn = Some(conn);
        self.class = 1;
        if let Reply::Class(class) = self.send(&Command::ClassQuery).await? {
            self.class = class;
        }
        Ok(())
    }

    async fn act(&mut self, action: &Action, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        match action {
            Action::Power(on) => {
                self.send(&Command::Power(*on)).await?;
                status.power = Some(if *on {
                    Power::WarmingUp
                } else {
                    Power::Cooling
                });
            }
            Action::Input(name) => {
                let input = input_of(name).ok_or(DeviceError::Unsupported("select that input"))?;
                self.send(&Command::Input(input)).await?;
                status.input = Some(name.clone());
            }
            Action::Mute(on) => {
                self.send(&Command::Mute(MuteTarget::Both, *on)).await?;
                status.muted = Some(*on);
            }
            _ => return Err(DeviceError::Unsupported("do that: it is a display")),
        }
        Ok(())
    }

    async fn poll(&mut self, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        if let Reply::Power(p) = self.send(&Command::PowerQuery).await? {
            status.power = Some(power(p));
        }
        if status.power == Some(Power::On) {
            if let Reply::Input(i) = self.send(&Command::InputQuery).await? {
                status.input = Some(format!("{}{}", i.kind, i.number));
            }
            if let Reply::Mute { video, audio } = self.send(&Command::MuteQuery).await? {
                status.muted = Some(video && audio);
            }
        }
        Ok(())
    }

    fn close(&mut self) {
        self.conn = None;
        self.digest = None;
    }
}
