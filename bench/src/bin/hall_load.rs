//! The load client of `bench/hall.sh`: the hall's drivers and actors against the simulated
//! devices on 127.0.0.1 (the simulators answer at once, so this measures our side: codec,
//! actor, socket round trip).
//!   hall_load scene [--runs 200]     time to apply a 16-tile scene (p50/p99/max): 16 matrix
//!                                     ties, a projector on and its input, a camera preset
//!   hall_load rate  [--seconds 5]    commands per second one actor sustains, per protocol

use std::time::{Duration, Instant};

use app::hall::{Action, CameraPreset, DisplaySetting, Scene, Source, Wall, Window, plan};
use clap::{Parser, Subcommand};
use server::hall::actor::{self, DeviceHandle, Timing};
use server::hall::devices::HallDevices;
use server::hall::driver::{ExtronDriver, KramerDriver, PjlinkDriver, ViscaDriver};
use server::hall::sim::{self, PjlinkSim};

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Mode,
}

#[derive(Subcommand)]
enum Mode {
    Scene {
        #[arg(long, default_value_t = 200)]
        runs: usize,
    },
    Rate {
        #[arg(long, default_value_t = 5)]
        seconds: u64,
    },
}

fn timing() -> Timing {
    Timing {
        poll: Duration::from_secs(3600),
        ..Timing::default()
    }
}

async fn wait_online(device: &DeviceHandle) {
    while device.status().link != app::hall::Link::Online {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

async fn scene(runs: usize) -> std::io::Result<()> {
    let matrix = sim::start_kramer(16, 16).await?;
    let projector = sim::start_pjlink(PjlinkSim::default()).await?;
    let camera = sim::start_visca().await?;
    let mut hall = HallDevices::default();
    hall.insert(
        "matrix".into(),
        actor::spawn(KramerDriver::new(matrix.address, 16), timing()),
    );
    hall.insert(
        "projector".into(),
        actor::spawn(PjlinkDriver::new(projector.address, None), timing()),
    );
    hall.insert(
        "camera".into(),
        actor::spawn(ViscaDriver::new(camera.address), timing()),
    );
    for id in ["matrix", "projector", "camera"] {
        if let Some(device) = hall.get(id) {
            wait_online(device).await;
        }
    }
    let sources: Vec<Source> = (1..=4)
        .map(|i| Source {
            id: format!("s{i}"),
            name: format!("source {i}"),
            input: i,
        })
        .collect();
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        // Alternate two layouts so every run really switches all 16 tiles.
        let (a, b) = if run % 2 == 0 {
            ("s1", "s2")
        } else {
            ("s3", "s4")
        };
        let scene = Scene {
            name: "bench".into(),
            windows: vec![
                Window::new(a, (0, 0), (4, 3)),
                Window::new(b, (0, 3), (4, 1)),
            ],
            displays: vec![DisplaySetting {
                device: "projector".into(),
                power: true,
                input: Some(if run % 2 == 0 { "31" } else { "32" }.into()),
            }],
            cameras: vec![CameraPreset {
                device: "camera".into(),
                preset: (run % 8) as u8,
            }],
        };
        let steps = plan(&scene, &Wall::numbered(4, 4), "matrix", &sources)
            .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
        let started = Instant::now();
        let outcomes = hall.apply(steps).await;
        times.push(started.elapsed());
        if let Some(failed) = outcomes.iter().find(|o| o.error.is_some()) {
            return Err(std::io::Error::other(format!("{failed:?}")));
        }
    }
    times.sort_unstable();
    println!(
        "16-tile scene (16 ties + projector power and input + camera preset), {runs} runs: \
         p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        percentile(&times, 1.0).as_secs_f64() * 1e3,
    );
    Ok(())
}

async fn rate(
    name: &str,
    device: DeviceHandle,
    actions: &[Action],
    seconds: u64,
) -> std::io::Result<()> {
    wait_online(&device).await;
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut done = 0u64;
    while Instant::now() < until {
        let action = actions[(done % actions.len() as u64) as usize].clone();
        device
            .act(action)
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        done += 1;
    }
    println!(
        "{name}: {:.0} commands/s from one actor",
        done as f64 / seconds as f64
    );
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    match Args::parse().command {
        Mode::Scene { runs } => scene(runs).await,
        Mode::Rate { seconds } => {
            let ties: Vec<Action> = (1..=16)
                .map(|o| Action::Tie {
                    input: o % 8 + 1,
                    output: o,
                })
                .collect();
            let kramer = sim::start_kramer(16, 16).await?;
            rate(
                "Kramer P3000 ROUTE",
                actor::spawn(KramerDriver::new(kramer.address, 16), timing()),
                &ties,
                seconds,
            )
            .await?;
            let extron = sim::start_extron(16, 16).await?;
            rate(
                "Extron SIS tie",
                actor::spawn(ExtronDriver::new(extron.address, 16), timing()),
                &ties,
                seconds,
            )
            .await?;
            let projector = sim::start_pjlink(PjlinkSim {
                power_on: true,
                ..PjlinkSim::default()
            })
            .await?;
            let inputs = [Action::Input("31".into()), Action::Input("32".into())];
            rate(
                "PJLink INPT",
                actor::spawn(PjlinkDriver::new(projector.address, None), timing()),
                &inputs,
                seconds,
            )
            .await?;
            let camera = sim::start_visca().await?;
            let presets: Vec<Action> = (0..8).map(Action::RecallPreset).collect();
            rate(
                "VISCA preset recall",
                actor::spawn(ViscaDriver::new(camera.address), timing()),
                &presets,
                seconds,
            )
            .await
        }
    }
}
