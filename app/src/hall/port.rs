//! ssr: the port through which server functions reach the hall's devices. The server provides
//! it (drivers, actors, simulators); without devices the hall answers that it has none.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::device::{Action, DeviceStatus};
use super::scene::{Step, StepOutcome};

pub type Pending<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

pub trait HallPort: Send + Sync {
    /// What the device last answered; `None` for a device that is not running.
    fn status(&self, device: &str) -> Option<DeviceStatus>;
    /// Runs one action; the error is the device's reason, in its own terms.
    fn act(&self, device: String, action: Action) -> Pending<'_, Result<(), String>>;
    /// Runs a scene's steps: per device in order, across devices at once.
    fn apply(&self, steps: Vec<Step>) -> Pending<'_, Vec<StepOutcome>>;
}

/// A hall with no running devices.
struct NoDevices;

impl HallPort for NoDevices {
    fn status(&self, _device: &str) -> Option<DeviceStatus> {
        None
    }

    fn act(&self, device: String, _action: Action) -> Pending<'_, Result<(), String>> {
        Box::pin(async move { Err(format!("no device `{device}` is running")) })
    }

    fn apply(&self, steps: Vec<Step>) -> Pending<'_, Vec<StepOutcome>> {
        Box::pin(async move {
            steps
                .into_iter()
                .map(|step| StepOutcome {
                    error: Some(format!("no device `{}` is running", step.device)),
                    step,
                })
                .collect()
        })
    }
}

/// The hall port in the app state.
#[derive(Clone)]
pub struct HallLink(pub Arc<dyn HallPort>);

impl Default for HallLink {
    fn default() -> HallLink {
        HallLink(Arc::new(NoDevices))
    }
}

impl std::fmt::Debug for HallLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HallLink")
    }
}
