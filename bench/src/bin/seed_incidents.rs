//! Fills a database with synthetic incidents for the render and map benchmarks: spread over
//! the provinces, over the past year, `--active` of them still open. Written in bulk, without
//! the audit trail a real recording leaves (this is load, not data).
//!   seed_incidents --database-url sqlite://… --count 100000 --active 2000

use clap::Parser;
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use uuid::Uuid;

use app::incidents::entity::incident;
use app::incidents::{Casualties, Grade, IncidentFacts, IncidentStatus};
use app::reference::{RegionLevel, regions};

#[derive(Parser)]
struct Args {
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    #[arg(long, default_value_t = 100_000)]
    count: u32,
    #[arg(long, default_value_t = 2_000)]
    active: u32,
}

/// A small deterministic generator: the same data on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn unit(&mut self) -> f64 {
        self.below(1_000_000) as f64 / 1_000_000.0
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let db = server::startup::open_database(&args.database_url).await?;
    let unit = app::identity::service::units_within(&db, "100000")
        .await?
        .into_iter()
        .find(|u| u.region_code == "100000")
        .ok_or("no national unit: start the node once with the demo data set")?;
    let provinces: Vec<_> = regions()
        .iter()
        .filter(|r| r.level == RegionLevel::Province)
        .filter_map(|r| Some((r.code, r.point?)))
        .collect();
    let now = Time::now_utc().unix_timestamp();
    let mut rng = Lcg(2026);
    let mut batch = Vec::new();
    for n in 0..args.count {
        let (code, (lon, lat)) = provinces[rng.below(provinces.len() as u64) as usize];
        let deaths = match rng.below(100) {
            0 => 10 + rng.below(5),
            1..=5 => 3 + rng.below(5),
            _ => rng.below(3),
        } as u32;
        let facts = IncidentFacts {
            title: format!("基准测试事故 {n}"),
            accident_type: 1 + rng.below(20) as u8,
            industry: "coal".into(),
            occurred_at: now - rng.below(365 * 86_400) as i64,
            lon: lon + (rng.unit() - 0.5) * 3.0,
            lat: lat + (rng.unit() - 0.5) * 2.0,
            region_code: code.into(),
            address: String::new(),
            enterprise: String::new(),
            casualties: Casualties {
                deaths,
                ..Casualties::default()
            },
            direct_loss_cny: 0,
            hazmat: String::new(),
            description: String::new(),
        };
        let status = if n < args.active {
            IncidentStatus::Responding
        } else {
            IncidentStatus::Closed
        };
        batch.push(row(&facts, facts.grade(), status, unit.id));
        if batch.len() == 500 {
            incident::Entity::insert_many(std::mem::take(&mut batch))
                .exec(&db)
                .await?;
        }
    }
    if !batch.is_empty() {
        incident::Entity::insert_many(batch).exec(&db).await?;
    }
    println!("seeded {} incidents, {} active", args.count, args.active);
    Ok(())
}

fn row(
    f: &IncidentFacts,
    grade: Grade,
    status: IncidentStatus,
    unit: Uuid,
) -> incident::ActiveModel {
    let at = Time::from_unix_timestamp(f.occurred_at).unwrap_or(Time::UNIX_EPOCH);
    incident::ActiveModel {
        id: Set(Uuid::now_v7()),
        title: Set(f.title.clone()),
        accident_type: Set(i16::from(f.accident_type)),
        industry: Set(f.industry.clone()),
        occurred_at: Set(at),
        received_at: Set(at),
        lon: Set(f.lon),
        lat: Set(f.lat),
        region_code: Set(f.region_code.clone()),
        address: Set(String::new()),
        enterprise: Set(String::new()),
        deaths: Set(f.casualties.deaths as i32),
        missing: Set(0),
        serious_injuries: Set(0),
        minor_injuries: Set(0),
        trapped: Set(0),
        direct_loss_cny: Set(0),
        hazmat: Set(String::new()),
        description: Set(String::new()),
        source: Set("phone".into()),
        reporter: Set(String::new()),
        reporter_phone: Set(String::new()),
        grade: Set(grade.key().into()),
        status: Set(status.key().into()),
        version: Set(1),
        revision: Set(1),
        unit_id: Set(unit),
        entered_tier: Set("national".into()),
        external_id: Set(None),
        demo: Set(true),
        updated_at: Set(at),
        origin_node: Set(None),
        origin_name: Set(None),
    }
}
