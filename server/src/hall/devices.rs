//! The hall's running devices: one actor each, by device id. A scene's steps run per device in
//! order and across devices at once, so the wall, the projectors and the cameras change together
//! and one failing device delays nobody else.

use std::collections::HashMap;

use app::hall::{Step, StepOutcome};
use tokio::task::JoinSet;

use super::actor::DeviceHandle;
use super::driver::DeviceError;

#[derive(Clone, Default)]
pub struct HallDevices {
    devices: HashMap<String, DeviceHandle>,
}

impl HallDevices {
    pub fn insert(&mut self, id: String, device: DeviceHandle) {
        self.devices.insert(id, device);
    }

    pub fn get(&self, id: &str) -> Option<&DeviceHandle> {
        self.devices.get(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.devices.keys()
    }

    /// Applies steps and reports each, in the order given.
    pub async fn apply(&self, steps: Vec<Step>) -> Vec<StepOutcome> {
        let mut groups: Vec<(String, Vec<(usize, Step)>)> = Vec::new();
        for (i, step) in steps.into_iter().enumerate() {
            match groups.iter_mut().find(|(d, _)| *d == step.device) {
                Some((_, list)) => list.push((i, step)),
                None => groups.push((step.device.clone(), vec![(i, step)])),
            }
        }
        let mut tasks = JoinSet::new();
        let mut outcomes: Vec<(usize, StepOutcome)> = Vec::new();
        for (id, list) in groups {
            let Some(device) = self.devices.get(&id).cloned() else {
                let missing = DeviceError::Unreachable(format!("no device `{id}` in this hall"));
                outcomes.extend(list.into_iter().map(|(i, step)| {
                    let error = Some(missing.to_string());
                    (i, StepOutcome { step, error })
                }));
                continue;
            };
            tasks.spawn(async move {
                let mut done = Vec::with_capacity(list.len());
                for (i, step) in list {
                    let error = device
                        .act(step.action.clone())
                        .await
                        .err()
                        .map(|e| e.to_string());
                    done.push((i, StepOutcome { step, error }));
                }
                done
            });
        }
        while let Some(done) = tasks.join_next().await {
            // A panicking actor call is a bug; its steps are then missing from the report.
            if let Ok(done) = done {
                outcomes.extend(done);
            }
        }
        outcomes.sort_by_key(|(i, _)| *i);
        outcomes.into_iter().map(|(_, o)| o).collect()
    }
}
