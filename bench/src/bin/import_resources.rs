//! XLSX import of N registry rows, end to end as the import route runs it: the file is written
//! with the export code, then read, checked and written to a fresh database in one transaction.
//! Prints the time of each stage and the process's peak resident memory. Writing the file
//! takes more memory than importing it, so it is a separate run:
//!   import_resources --rows 100000 --out rows.xlsx
//!   import_resources --file rows.xlsx [--database-url postgres://…]

use std::time::Instant;

use app::audit::Actor;
use app::i18n::Locale;
use app::incidents::service::Recorder;
use app::resources::index::ResourceIndex;
use app::resources::service::{Keeper, check_rows, import, read_file, write_xlsx};
use app::resources::{Availability, Capability, Resource, ResourceKind};
use clap::Parser;
use sea_orm_migration::MigratorTrait;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 100_000)]
    rows: u32,
    /// A database to import into; a temporary SQLite file by default.
    #[arg(long)]
    database_url: Option<String>,
    /// Write the synthetic file here and stop.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// Import this file.
    #[arg(long)]
    file: Option<std::path::PathBuf>,
}

/// Peak resident memory of this process (Linux), MiB.
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn synthetic(i: u32) -> Resource {
    let kind = ResourceKind::ALL[i as usize % 7];
    Resource {
        id: uuid::Uuid::nil(),
        kind,
        name: format!("基准资源{i:06}"),
        category: if kind == ResourceKind::Stockpile {
            "protection".into()
        } else {
            "省级".into()
        },
        capabilities: vec![Capability::ALL[i as usize % 15], Capability::Medical],
        quantity: f64::from(i % 500 + 1),
        unit: "件".into(),
        organisation: "基准测试单位".into(),
        details: "性能测试数据，不是真实资源".into(),
        contact_name: "测试".into(),
        contact_phone: "0351-0000000".into(),
        lon: 111.0 + f64::from(i % 1000) / 1000.0 * 2.5,
        lat: 36.0 + f64::from(i % 997) / 997.0 * 3.0,
        region_code: "140100".into(),
        address: "太原市".into(),
        availability: Availability::Ready,
        expires_on: None,
        demo: false,
        revision: 1,
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if let Some(out) = &args.out {
        let resources: Vec<Resource> = (0..args.rows).map(synthetic).collect();
        std::fs::write(out, write_xlsx(&resources, Locale::ZhCn)?)?;
        println!(
            "{} rows written to {} (peak RSS {:.0} MiB)",
            args.rows,
            out.display(),
            peak_mib()
        );
        return Ok(());
    }
    let Some(path) = &args.file else {
        return Err("give --out to write a file or --file to import one".into());
    };
    let file = std::fs::read(path)?;
    println!("{}: {:.1} MB", path.display(), file.len() as f64 / 1e6);

    let url = args.database_url.unwrap_or_else(|| {
        let path = std::env::temp_dir().join(format!("yingji-import-{}.db", uuid::Uuid::now_v7()));
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let db = app::db::connect(&url).await?;
    app::db::Migrator::up(&db, None).await?;
    let started = Instant::now();
    let rows = read_file(&file)?;
    let read = started.elapsed();
    let t = &Locale::ZhCn.texts().resources;
    let (valid, errors, _) = check_rows(rows, t, "140000", |_| {});
    let checked = started.elapsed();
    assert!(
        errors.is_empty(),
        "synthetic rows are valid: {:?}",
        errors.first()
    );
    let by = Recorder {
        actor: Actor::System,
        name: "bench".into(),
        node: "bench".into(),
    };
    let keeper = Keeper {
        unit_id: uuid::Uuid::now_v7(),
        scope: "140000",
    };
    let index = ResourceIndex::default();
    let imported = import(
        &db,
        &index,
        &by,
        keeper,
        valid,
        "bench",
        app::ui::time::now_unix(),
        |_| {},
    )
    .await?;
    let total = started.elapsed();
    println!(
        "imported {imported}: read {:.1} s, checked {:.1} s, written {:.1} s, total {:.1} s; peak RSS {:.0} MiB",
        read.as_secs_f64(),
        (checked - read).as_secs_f64(),
        (total - checked).as_secs_f64(),
        total.as_secs_f64(),
        peak_mib()
    );
    Ok(())
}
