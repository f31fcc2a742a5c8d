//! The hall at run time: one actor per registered device (a simulator started first for a
//! device registered as `simulator`), the port server functions use, and each device's status
//! changes published on the node's live bus.

use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;

use app::hall::port::{HallLink, HallPort, Pending};
use app::hall::service::Registered;
use app::hall::{Action, DeviceStatus, Protocol, Step, StepOutcome};
use app::live::{Audience, Bus, LiveEvent};
use sea_orm::DatabaseConnection;

use super::actor::{self, DeviceHandle, Timing};
use super::devices::HallDevices;
use super::driver::{ExtronDriver, KramerDriver, PjlinkDriver, ViscaDriver};
use super::sim::{self, PjlinkSim};

/// What stands in the address of a simulated device.
pub const SIMULATOR: &str = "simulator";

struct Runtime {
    devices: HallDevices,
}

impl HallPort for Runtime {
    fn status(&self, device: &str) -> Option<DeviceStatus> {
        self.devices.get(device).map(DeviceHandle::status)
    }

    fn act(&self, device: String, action: Action) -> Pending<'_, Result<(), String>> {
        Box::pin(async move {
            let handle = self
                .devices
                .get(&device)
                .ok_or_else(|| format!("no device `{device}` is running"))?;
            handle.act(action).await.map_err(|e| e.to_string())
        })
    }

    fn apply(&self, steps: Vec<Step>) -> Pending<'_, Vec<StepOutcome>> {
        Box::pin(self.devices.apply(steps))
    }
}

/// Starts every registered device; a device that cannot be started is logged and left out
/// (the page shows it offline), never a reason for the node not to start.
pub async fn start(db: &DatabaseConnection, bus: &Bus, region: &str) -> HallLink {
    let registered = match app::hall::service::registered(db).await {
        Ok(list) => list,
        Err(err) => {
            tracing::error!(%err, "hall devices could not be read");
            return HallLink::default();
        }
    };
    let mut devices = HallDevices::default();
    for (device, _demo) in registered {
        match spawn(&device).await {
            Ok(handle) => {
                publish_changes(bus.clone(), region.to_string(), device.id.clone(), &handle);
                devices.insert(device.id, handle);
            }
            Err(err) => tracing::error!(device = %device.id, %err, "hall device not started"),
        }
    }
    HallLink(Arc::new(Runtime { devices }))
}

async fn spawn(d: &Registered) -> std::io::Result<DeviceHandle> {
    let timing = Timing::default();
    let address = if d.address == SIMULATOR {
        simulate(d).await?
    } else {
        let with_port = if d.address.contains(':') {
            d.address.clone()
        } else {
            format!("{}:{}", d.address, d.protocol.default_port())
        };
        resolve(&with_port)?
    };
    Ok(match d.protocol {
        Protocol::Pjlink => actor::spawn(PjlinkDriver::new(address, d.password.clone()), timing),
        Protocol::Visca => actor::spawn(ViscaDriver::new(address), timing),
        Protocol::Kramer => actor::spawn(KramerDriver::new(address, d.outputs), timing),
        Protocol::Extron => actor::spawn(ExtronDriver::new(address, d.outputs), timing),
    })
}

fn resolve(address: &str) -> std::io::Result<SocketAddr> {
    address
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| std::io::Error::other(format!("{address} does not resolve")))
}

/// Starts the simulator of a device and returns where it listens.
async fn simulate(d: &Registered) -> std::io::Result<SocketAddr> {
    let outputs = d.outputs.max(1);
    Ok(match d.protocol {
        Protocol::Pjlink => {
            let sim = PjlinkSim {
                name: d.name.clone(),
                password: d.password.clone(),
                ..PjlinkSim::default()
            };
            sim::start_pjlink(sim).await?.address
        }
        Protocol::Visca => sim::start_visca().await?.address,
        Protocol::Kramer => sim::start_kramer(outputs, outputs).await?.address,
        Protocol::Extron => sim::start_extron(outputs, outputs).await?.address,
    })
}

/// Publishes a device's status whenever it changes (a poll that finds nothing new is silent).
fn publish_changes(bus: Bus, region: String, id: String, handle: &DeviceHandle) {
    let mut watch = handle.watch();
    tokio::spawn(async move {
        let mut last: Option<DeviceStatus> = None;
        while watch.changed().await.is_ok() {
            let status = watch.borrow_and_update().clone();
            let unchanged = last.as_ref().is_some_and(|l| {
                DeviceStatus {
                    seen: status.seen,
                    ..l.clone()
                } == status
            });
            if unchanged {
                continue;
            }
            last = Some(status.clone());
            let audience = Audience {
                region: region.clone(),
                shared_with: Vec::new(),
            };
            bus.publish(
                audience,
                &LiveEvent::HallDevice {
                    id: id.clone(),
                    status,
                },
            );
        }
    });
}
