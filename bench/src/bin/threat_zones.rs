//! Native timing of the threat-zone computation for the scenarios in `bench/threat-zones.json`
//! (the same file the wasm and numpy runs read): per scenario, the distances and p50/p99 time.

use std::time::Instant;

use app::models::scenario::{Scenario, threat_zones};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Scenario file (a JSON array of scenarios).
    #[arg(long, default_value = "bench/threat-zones.json")]
    scenarios: String,
    #[arg(long, default_value_t = 2000)]
    runs: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let scenarios: Vec<(String, Scenario)> =
        serde_json::from_str(&std::fs::read_to_string(&args.scenarios)?)?;
    for (name, scenario) in scenarios {
        let zones = threat_zones(&scenario).map_err(|p| format!("{name}: {p:?}"))?;
        let distances: Vec<String> = zones
            .zones
            .iter()
            .map(|z| format!("{:.1}", z.distance_m))
            .collect();
        let mut times: Vec<f64> = (0..args.runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(threat_zones(std::hint::black_box(&scenario)).ok());
                start.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "native {name}: model {:?}, distances m [{}], p50 {:.1} µs, p99 {:.1} µs",
            zones.model,
            distances.join(", "),
            at(0.5),
            at(0.99)
        );
    }
    Ok(())
}
