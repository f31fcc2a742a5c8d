//! Device drivers: each turns hall actions into its protocol's commands over its transport and
//! reads the answers into the device's status. The actor runs one driver per device.

mod extron;
mod kramer;
mod line;
mod pjlink;
mod visca;

use std::future::Future;

use app::hall::{Action, DeviceStatus};

pub use extron::ExtronDriver;
pub use kramer::KramerDriver;
pub use pjlink::PjlinkDriver;
pub use visca::ViscaDriver;

/// Why an action or a poll failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeviceError {
    #[error("unreachable: {0}")]
    Unreachable(String),
    #[error("the device closed the connection")]
    Closed,
    #[error("no answer in time")]
    Timeout,
    /// The device answered with one of its error codes.
    #[error("{0}")]
    Refused(String),
    /// The device answered something this driver cannot read.
    #[error("unreadable answer: {0}")]
    Protocol(String),
    #[error("this device cannot {0}")]
    Unsupported(&'static str),
    #[error("the device's driver has stopped")]
    Stopped,
}

impl DeviceError {
    pub fn unreachable(err: std::io::Error) -> DeviceError {
        DeviceError::Unreachable(err.to_string())
    }

    /// Whether the connection is unusable after this (reconnect before the next command).
    pub fn breaks_link(&self) -> bool {
        matches!(
            self,
            DeviceError::Unreachable(_)
                | DeviceError::Closed
                | DeviceError::Timeout
                | DeviceError::Protocol(_)
        )
    }
}

/// One protocol's way to a device. `connect` is called again after any failure that breaks
/// the link; `act` and `poll` update `status` from what the device answers.
pub trait Driver: Send + 'static {
    fn connect(&mut self) -> impl Future<Output = Result<(), DeviceError>> + Send;
    fn act(
        &mut self,
        action: &Action,
        status: &mut DeviceStatus,
    ) -> impl Future<Output = Result<(), DeviceError>> + Send;
    fn poll(
        &mut self,
        status: &mut DeviceStatus,
    ) -> impl Future<Output = Result<(), DeviceError>> + Send;
    /// Drops the connection.
    fn close(&mut self);
}
