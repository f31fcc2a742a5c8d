//! The load client of `bench/exchange.sh`, working on the nodes' databases beside their running
//! servers (SQLite in WAL mode allows it):
//!   exchange_load latency --city URL --national URL [--count 200]
//!     records 重大 accidents at the city one at a time, the way the duty desk does, and times
//!     each until its copy is in the national database (p50/p99/max);
//!   exchange_load backlog --city URL [--count 100000]
//!     queues that many 重大 reports in the city's outbox at once (the city server stopped);
//!   exchange_load drain --national URL --expect N
//!     times the national centre until it holds N copies, printing the rate as it goes.

use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;

use app::exchange::{IncidentReport, Payload, Scope, outbox};
use app::incidents::entity::incident;
use app::incidents::service::{Recorder, create};
use app::incidents::{Casualties, IncidentFacts, IncidentSource, IncidentStatus, NewIncident};
use app::site::NodeTier;

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Mode,
}

#[derive(Subcommand)]
enum Mode {
    Latency {
        #[arg(long)]
        city: String,
        #[arg(long)]
        national: String,
        #[arg(long, default_value_t = 200)]
        count: usize,
    },
    Backlog {
        #[arg(long)]
        city: String,
        #[arg(long, default_value_t = 100_000)]
        count: usize,
    },
    Drain {
        #[arg(long)]
        national: String,
        #[arg(long)]
        expect: u64,
    },
}

fn facts(i: usize, now: i64) -> IncidentFacts {
    IncidentFacts {
        title: format!("基准测试事故 {i}"),
        accident_type: 18,
        industry: "hazchem".into(),
        occurred_at: now - 600,
        lon: 112.55,
        lat: 37.87,
        region_code: "140105".into(),
        address: "太原市小店区".into(),
        enterprise: "基准测试企业".into(),
        casualties: Casualties {
            deaths: 12,
            ..Casualties::default()
        },
        direct_loss_cny: 0,
        hazmat: String::new(),
        description: String::new(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn copies(db: &sea_orm::DatabaseConnection) -> Result<u64, sea_orm::DbErr> {
    incident::Entity::find()
        .filter(incident::Column::OriginNode.is_not_null())
        .count(db)
        .await
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Args::parse().command {
        Mode::Latency {
            city,
            national,
            count,
        } => {
            let city = server::startup::open_database(&city).await?;
            let national = server::startup::open_database(&national).await?;
            let unit = app::identity::service::root_unit(&city)
                .await?
                .ok_or("the city node has no unit")?;
            let bus = app::live::Bus::new();
            let by = Recorder {
                actor: app::audit::Actor::System,
                name: "基准测试".into(),
                node: "ty".into(),
            };
            let mut times = Vec::with_capacity(count);
            for i in 0..count {
                let now = app::ui::time::now_unix();
                let new = NewIncident {
                    facts: facts(i, now),
                    source: IncidentSource::Phone,
                    reporter: "基准测试".into(),
                    reporter_phone: String::new(),
                    external_id: None,
                };
                let id = create(&city, &bus, &by, unit, new, now, false).await?.id();
                let start = Instant::now();
                while incident::Entity::find_by_id(id)
                    .one(&national)
                    .await?
                    .is_none()
                {
                    if start.elapsed() > Duration::from_secs(30) {
                        return Err(format!("report {i} did not arrive within 30 s").into());
                    }
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
                times.push(start.elapsed());
                // One report at a time: latency, not throughput.
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            times.sort();
            println!(
                "city → national, {count} reports: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
                percentile(&times, 0.5).as_secs_f64() * 1e3,
                percentile(&times, 0.99).as_secs_f64() * 1e3,
                times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
            );
        }
        Mode::Backlog { city, count } => {
            let db = server::startup::open_database(&city).await?;
            let start = Instant::now();
            let now = app::ui::time::now_unix();
            for chunk in (0..count).collect::<Vec<_>>().chunks(1000) {
                let txn = db.begin().await?;
                for &i in chunk {
                    let f = facts(i, now);
                    let report = IncidentReport {
                        incident: Uuid::now_v7(),
                        version: 1,
                        grade: f.grade(),
                        facts: f,
                        status: IncidentStatus::Received,
                        source: IncidentSource::Phone,
                        entered_tier: NodeTier::City,
                        entered_at: now,
                        note: String::new(),
                        scene_video: Vec::new(),
                    };
                    let id = Some(report.incident);
                    let payload = Payload::Report(Box::new(report));
                    let reach = Some(NodeTier::National);
                    outbox::send(&txn, "ty", Scope::Up, id, &payload, reach, now).await?;
                }
                txn.commit().await?;
            }
            println!(
                "{count} reports queued at the city in {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
        Mode::Drain { national, expect } => {
            let db = server::startup::open_database(&national).await?;
            let start = Instant::now();
            let first = copies(&db).await?;
            let mut last_print = Instant::now();
            loop {
                let have = copies(&db).await?;
                if have >= expect {
                    let secs = start.elapsed().as_secs_f64();
                    println!(
                        "national holds {have} copies: {} arrived in {secs:.1} s, {:.0} reports/s end to end",
                        have - first,
                        (have - first) as f64 / secs
                    );
                    return Ok(());
                }
                if last_print.elapsed() > Duration::from_secs(10) {
                    println!("  … {have} after {:.0} s", start.elapsed().as_secs_f64());
                    last_print = Instant::now();
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    Ok(())
}
