//! Kramer matrix switchers over Protocol 3000 (TCP). Ties made at the front panel arrive as
//! unasked lines and are folded into the status as they are read.

use std::net::SocketAddr;

use app::hall::{Action, DeviceStatus};

use super::line::LineConn;
use super::{DeviceError, Driver};
use crate::hall::codec::kramer::{self, Command, KramerError, Layer, Message};

pub struct KramerDriver {
    address: SocketAddr,
    outputs: u16,
    conn: Option<LineConn>,
}

impl KramerDriver {
    pub fn new(address: SocketAddr, outputs: u16) -> KramerDriver {
        KramerDriver {
            address,
            outputs,
            conn: None,
        }
    }

    /// Sends a command and reads until its answer: `OK` (or the asked route) or an error.
    async fn send(
        &mut self,
        command: &Command,
        status: &mut DeviceStatus,
    ) -> Result<Message, DeviceError> {
        let conn = self.conn.as_mut().ok_or(DeviceError::Closed)?;
        conn.send(&kramer::encode(command)).await?;
        loop {
            let message = kramer::decode(&conn.line().await?).map_err(refused)?;
            match (&message, command) {
                (Message::Ok, Command::Handshake | Command::Route { .. }) => return Ok(message),
                (
                    Message::Route {
                        layer,
                        output,
                        input,
                    },
                    Command::RouteQuery {
                        layer: l,
                        output: o,
                    },
                ) if layer == l && output == o => {
                    status.tie(*output, *input);
                    return Ok(message);
                }
                (
                    Message::Route {
                        layer: Layer::Video,
                        output,
                        input,
                    },
                    _,
                ) => {
                    status.tie(*output, *input);
                }
                _ => {}
            }
        }
    }
}

fn refused(err: KramerError) -> DeviceError {
    match err {
        KramerError::Malformed(_) => DeviceError::Protocol(err.to_string()),
        other => DeviceError::Refused(other.to_string()),
    }
}

impl Driver for KramerDriver {
    async fn connect(&mut self) -> Result<(), DeviceError> {
        self.conn = Some(LineConn::open(self.address, b'\n').await?);
        self.send(&Command::Handshake, &mut DeviceStatus::default())
            .await
            .map(drop)
    }

    async fn act(&mut self, action: &Action, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        let Action::Tie { input, output } = action else {
            return Err(DeviceError::Unsupported("do that: it is a matrix switcher"));
        };
        let route = Command::Route {
            layer: Layer::Video,
            output: *output,
            input: *input,
        };
        self.send(&route, status).await?;
        status.tie(*output, *input);
        Ok(())
    }

    async fn poll(&mut self, status: &mut DeviceStatus) -> Result<(), DeviceError> {
        for output in 1..=self.outputs {
            let query = Command::RouteQuery {
                layer: Layer::Video,
                output,
            };
            self.send(&query, status).await?;
        }
        Ok(())
    }

    fn close(&mut self) {
        self.conn = None;
    }
}
