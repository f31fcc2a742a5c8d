//! Extron matrix switchers over SIS (TCP). The connection banner and other unasked lines are
//! skipped while waiting for an answer.

use std::net::SocketAddr;

use app::hall::{Action, DeviceStatus};

use super::line::LineConn;
use super::{DeviceError, Driver};
use crate::hall::codec::extron::{self, Command, ExtronError, Plane, Reply};

pub struct ExtronDriver {
    address: SocketAddr,
    outputs: u16,
    conn: Option<LineConn>,
}

impl ExtronDriver {
    pub fn new(address: SocketAddr, outputs: u16) -> ExtronDriver {
        ExtronDriver {
            address,
            outputs,
            conn: None,
        }
    }

    async fn send(&mut self, command: &Command) -> Result<Reply, DeviceError> {
        let conn = self.conn.as_mut().ok_or(DeviceError::Closed)?;
        conn.send(&extron::encode(command)).await?;
        loop {
            let line = conn.line().await?;
            if extron::is_banner(&line) {
                continue;
            }
            return extron::decode(command, &line).map_err(refused);
        }
    }
}

fn refused(err: ExtronError) -> DeviceError {
    match err {
        ExtronError::Malformed(_) => DeviceError::Protocol(err.to_string()),
        other => DeviceError::Refused(other.to_string()),
    }
}

impl Driver for ExtronDriver {
    async fn connect(&mut self) -> Result<(), DeviceError> {
        self.conn = Some(LineConn::open(self.address, b'\n').await?);
        Ok(())
    }

    async fn act(&mut self, action: &Action, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        let Action::Tie { input, output } = action else {
            return Err(DeviceError::Unsupported("do that: it is a matrix switcher"));
        };
        let tie = Command::Tie {
            input: *input,
            output: *output,
            plane: Plane::All,
        };
        match self.send(&tie).await? {
            Reply::Tied { input, output, .. } => status.tie(output, input),
            other => return Err(DeviceError::Protocol(format!("{other:?}"))),
        }
        Ok(())
    }

    async fn poll(&mut self, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        for output in 1..=self.outputs {
            let query = Command::TieQuery {
                output,
                plane: Plane::Video,
            };
            if let Reply::Input(input) = self.send(&query).await? {
                status.tie(output, input);
            }
        }
        Ok(())
    }

    fn close(&mut self) {
        self.conn = None;
    }
}
