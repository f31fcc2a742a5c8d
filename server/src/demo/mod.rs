//! The demo data set (演示数据): a fictitious national hierarchy, enterprises and rescue bases.
//!
//! Every record is flagged `demo` and named "（演示）", so it is never taken for real data even
//! after export. Loading is idempotent: records already present (by code) are left alone.

pub mod accounts;
pub mod alerts;
pub mod hall;
pub mod hazards;
pub mod incidents;
pub mod resources;

use app::audit::Actor;
use app::directory::service::{DirectoryError, insert_missing};
use app::directory::{EntryClass, EntryKind, NewEntry};
use app::reference::{NATIONAL_REGION_CODE, RegionLevel, regions};
use app::site::NodeTier;
use sea_orm::DatabaseConnection;

/// Cities, enterprises and bases; the national and provincial centres are derived from the
/// reference regions.
const DIRECTORY_CSV: &str = include_str!("../../demo/directory.csv");

const NATIONAL_CODE: &str = "demo-national";

pub async fn load(db: &DatabaseConnection, owner_node: &str) -> Result<u32, DirectoryError> {
    insert_missing(db, &Actor::System, owner_node, &entries()).await
}

/// The whole demo set, parents before children.
pub fn entries() -> Vec<NewEntry> {
    let national = NewEntry {
        code: NATIONAL_CODE.into(),
        name: "国家安全生产应急救援指挥中心（演示）".into(),
        class: EntryClass::Node(NodeTier::National),
        region_code: NATIONAL_REGION_CODE.into(),
        parent_code: None,
        point: Some((116.3975, 39.9087)),
        demo: true,
    };
    // Provincial centres of the 31 mainland provinces, at their capitals.
    let provinces = regions()
        .iter()
        .filter(|r| r.level == RegionLevel::Province && !["71", "81", "82"].contains(&&r.code[..2]))
        .map(|r| NewEntry {
            code: format!("demo-p-{}", r.code),
            name: format!("{}安全生产应急救援指挥中心（演示）", r.name),
            class: EntryClass::Node(NodeTier::Provincial),
            region_code: r.code.into(),
            parent_code: Some(NATIONAL_CODE.into()),
            point: r.point,
            demo: true,
        });
    let listed = DIRECTORY_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(parse_line);
    std::iter::once(national)
        .chain(provinces)
        .chain(listed)
        .collect()
}

fn parse_line(line: &str) -> Option<NewEntry> {
    let [code, kind, class, name, region, parent, lon, lat]: [&str; 8] =
        line.split(',').collect::<Vec<_>>().try_into().ok()?;
    let class = EntryClass::parse(EntryKind::parse(kind)?, class)?;
    Some(NewEntry {
        code: code.into(),
        name: name.into(),
        class,
        region_code: region.into(),
        parent_code: (!parent.is_empty()).then(|| parent.to_string()),
        point: lon.parse().ok().zip(lat.parse().ok()),
        demo: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::directory::service::validate;

    #[test]
    fn every_listed_line_parses_and_validates() {
        let listed = DIRECTORY_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        let all = entries();
        assert_eq!(
            all.len(),
            1 + 31 + listed,
            "a line of directory.csv did not parse"
        );
        for entry in &all {
            validate(entry).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                entry.demo && entry.name.contains("（演示）"),
                "{}",
                entry.code
            );
            assert!(entry.point.is_some(), "{} has no point", entry.code);
        }
    }

    #[test]
    fn parents_come_before_their_children() {
        let all = entries();
        for (i, entry) in all.iter().enumerate() {
            if let Some(parent) = &entry.parent_code {
                assert!(all[..i].iter().any(|e| &e.code == parent), "{}", entry.code);
            }
        }
    }
}
