use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::site::NodeTier;

/// What a directory entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// 应急平台节点: a command centre running Yingji.
    Node,
    /// 企业: a production enterprise under supervision.
    Enterprise,
    /// 救援基地: a rescue base, team base or medical rescue centre.
    Base,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [EntryKind::Node, EntryKind::Enterprise, EntryKind::Base];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Node => "node",
            EntryKind::Enterprise => "enterprise",
            EntryKind::Base => "base",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// 救援基地类别: the speciality of a rescue base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// 矿山救援
    MineRescue,
    /// 危险化学品救援
    Hazchem,
    /// 排水
    Drainage,
    /// 医疗救护
    Medical,
}

impl BaseKind {
    pub const ALL: [BaseKind; 4] = [
        BaseKind::MineRescue,
        BaseKind::Hazchem,
        BaseKind::Drainage,
        BaseKind::Medical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BaseKind::MineRescue => "mine_rescue",
            BaseKind::Hazchem => "hazchem",
            BaseKind::Drainage => "drainage",
            BaseKind::Medical => "medical",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What kind of node, enterprise or base an entry is, beyond its [`EntryKind`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "class")]
pub enum EntryClass {
    Node(NodeTier),
    /// Code of `app/data/industries.csv`.
    Enterprise(String),
    Base(BaseKind),
}

impl EntryClass {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryClass::Node(_) => EntryKind::Node,
            EntryClass::Enterprise(_) => EntryKind::Enterprise,
            EntryClass::Base(_) => EntryKind::Base,
        }
    }

    /// The stored class code: tier, industry or base kind.
    pub fn code(&self) -> &str {
        match self {
            EntryClass::Node(tier) => tier.as_str(),
            EntryClass::Enterprise(industry) => industry,
            EntryClass::Base(kind) => kind.as_str(),
        }
    }

    /// Reads a stored kind and class code; `None` when they do not fit together.
    pub fn parse(kind: EntryKind, code: &str) -> Option<Self> {
        match kind {
            EntryKind::Node => code.parse().ok().map(EntryClass::Node),
            EntryKind::Enterprise => crate::reference::industries()
                .iter()
                .find(|i| i.code == code)
                .map(|i| EntryClass::Enterprise(i.code.to_string())),
            EntryKind::Base => BaseKind::parse(code).map(EntryClass::Base),
        }
    }
}

/// A directory entry as shown on the map and in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub id: Uuid,
    pub name: String,
    pub class: EntryClass,
    pub region_code: String,
    /// WGS-84 longitude, latitude.
    pub point: Option<(f64, f64)>,
    /// Part of the demo data set (演示数据), never real.
    pub demo: bool,
}

/// Counts for the overview page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectorySummary {
    pub nodes: u32,
    pub enterprises: u32,
    pub bases: u32,
    /// How many of the entries are demo data.
    pub demo: u32,
}

/// An entry to store, as read from a data set.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntry {
    /// Stable external key, unique in the directory (node id, credit code, or demo key).
    pub code: String,
    pub name: String,
    pub class: EntryClass,
    pub region_code: String,
    pub parent_code: Option<String>,
    pub point: Option<(f64, f64)>,
    pub demo: bool,
}

/// Checks a WGS-84 point: finite, longitude in [-180, 180], latitude in [-90, 90].
pub fn check_point((lon, lat): (f64, f64)) -> bool {
    lon.is_finite()
        && lat.is_finite()
        && (-180.0..=180.0).contains(&lon)
        && (-90.0..=90.0).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_trip_through_their_codes() {
        let samples = [
            EntryClass::Node(NodeTier::City),
            EntryClass::Enterprise("coal".into()),
            EntryClass::Base(BaseKind::Drainage),
        ];
        for class in samples {
            assert_eq!(
                EntryClass::parse(class.kind(), class.code()).as_ref(),
                Some(&class)
            );
        }
    }

    #[test]
    fn classes_must_fit_their_kind() {
        assert_eq!(EntryClass::parse(EntryKind::Enterprise, "national"), None);
        assert_eq!(EntryClass::parse(EntryKind::Node, "coal"), None);
        assert_eq!(EntryClass::parse(EntryKind::Base, "fire"), None);
    }

    #[test]
    fn points_must_be_on_the_globe() {
        assert!(check_point((116.4, 39.9)));
        assert!(!check_point((181.0, 0.0)));
        assert!(!check_point((0.0, -91.0)));
        assert!(!check_point((f64::NAN, 0.0)));
    }
}
