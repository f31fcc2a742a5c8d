//! k nearest capable resources among N: builds the spatial index over N synthetic resources
//! spread over China (mixed kinds and abilities, one in seven unavailable), then times Q
//! queries from random scenes and prints the percentiles.
//!   nearest_resources --count 100000 --k 10 --queries 20000

use std::time::Instant;

use app::resources::index::{Indexed, ResourceIndex};
use app::resources::{Capability, ResourceKind};
use clap::Parser;
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 100_000)]
    count: u32,
    #[arg(long, default_value_t = 10)]
    k: usize,
    #[arg(long, default_value_t = 20_000)]
    queries: u32,
}

/// xorshift: the same data on every run.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 1_000_000) as f64 / 1_000_000.0
    }
}

fn main() {
    let args = Args::parse();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let point = |rng: &mut Rng| (75.0 + rng.unit() * 60.0, 20.0 + rng.unit() * 30.0);
    let started = Instant::now();
    let entries: Vec<_> = (0..args.count)
        .map(|i| {
            let kind = ResourceKind::ALL[i as usize % ResourceKind::ALL.len()];
            let a = Capability::ALL[i as usize % Capability::ALL.len()];
            let b = Capability::ALL[(i as usize / 3) % Capability::ALL.len()];
            let data = Indexed {
                id: Uuid::from_u128(u128::from(i) + 1),
                kind,
                capabilities: a.bit() | b.bit(),
                ready: i % 7 != 0,
                region_code: "140100".into(),
            };
            (point(&mut rng), data)
        })
        .collect();
    let index = ResourceIndex::build(entries);
    let built = started.elapsed();
    let mut times = Vec::with_capacity(args.queries as usize);
    let mut found = 0;
    for q in 0..args.queries {
        let scene = point(&mut rng);
        let capability = Capability::ALL[q as usize % Capability::ALL.len()];
        let t = Instant::now();
        found += index.nearest(scene, capability, "", args.k).len();
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{} resources, index built in {:.0} ms; {} queries of k={}: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs ({} hits)",
        args.count,
        built.as_secs_f64() * 1e3,
        args.queries,
        args.k,
        at(0.50),
        at(0.99),
        times[times.len() - 1],
        found
    );
}
