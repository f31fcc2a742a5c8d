use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::reference::{NATIONAL_REGION_CODE, RegionLevel, region};

/// 节点层级: the tier of a command centre in the national system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeTier {
    National,
    Provincial,
    City,
    County,
    Enterprise,
    Base,
}

impl NodeTier {
    pub const ALL: [NodeTier; 6] = [
        NodeTier::National,
        NodeTier::Provincial,
        NodeTier::City,
        NodeTier::County,
        NodeTier::Enterprise,
        NodeTier::Base,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeTier::National => "national",
            NodeTier::Provincial => "provincial",
            NodeTier::City => "city",
            NodeTier::County => "county",
            NodeTier::Enterprise => "enterprise",
            NodeTier::Base => "base",
        }
    }
}

impl fmt::Display for NodeTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NodeTier {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NodeTier::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<_> = NodeTier::ALL.iter().map(|t| t.as_str()).collect();
                format!("unknown tier `{s}`; expected one of {}", names.join(", "))
            })
    }
}

/// Why a region code does not fit a node.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    #[error("`{0}` is not a six-digit GB/T 2260 code")]
    Malformed(String),
    #[error("the national tier uses region {NATIONAL_REGION_CODE}, not `{0}`")]
    NotNational(String),
    #[error("`{code}` is not a {expected} division of GB/T 2260")]
    WrongLevel {
        code: String,
        expected: &'static str,
    },
    #[error("`{0}` lies in no known province or prefecture of GB/T 2260")]
    Unknown(String),
}

/// Checks that `code` is a region a node of `tier` can have: the whole country for the national
/// centre, a province for a provincial centre, a prefecture for a city centre, and a code within
/// a known prefecture (or province) for counties, enterprises and bases.
pub fn check_region(tier: NodeTier, code: &str) -> Result<(), RegionError> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RegionError::Malformed(code.to_string()));
    }
    let level = region(code).map(|r| r.level);
    let wrong = |expected| RegionError::WrongLevel {
        code: code.to_string(),
        expected,
    };
    match tier {
        NodeTier::National if code == NATIONAL_REGION_CODE => Ok(()),
        NodeTier::National => Err(RegionError::NotNational(code.to_string())),
        NodeTier::Provincial if level == Some(RegionLevel::Province) => Ok(()),
        NodeTier::Provincial => Err(wrong("provincial-level")),
        NodeTier::City if level == Some(RegionLevel::Prefecture) => Ok(()),
        NodeTier::City => Err(wrong("prefecture-level")),
        NodeTier::County if code.ends_with("00") => Err(wrong("county-level")),
        NodeTier::County | NodeTier::Enterprise | NodeTier::Base => {
            let prefecture = format!("{}00", &code[..4]);
            let province = format!("{}0000", &code[..2]);
            if region(&prefecture).is_some() || region(&province).is_some() {
                Ok(())
            } else {
                Err(RegionError::Unknown(code.to_string()))
            }
        }
    }
}

/// 节点身份: who this deployment is in the national system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeIdentity {
    /// Stable short identifier, unique among nodes (`[a-z0-9-]`, ≤ 64).
    pub id: String,
    pub name: String,
    pub tier: NodeTier,
    /// GB/T 2260 code (or `100000` for the national centre).
    pub region_code: String,
}

impl NodeIdentity {
    /// Name of the node's region, for display.
    pub fn region_name(&self) -> &'static str {
        if self.region_code == NATIONAL_REGION_CODE {
            return "全国";
        }
        region(&self.region_code).map_or("", |r| r.name)
    }
}

/// Checks a node id: lowercase letters, digits and hyphens, 1–64 characters.
pub fn check_node_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(()).ok_or_else(|| {
        format!("`{id}` must be 1–64 characters of lowercase letters, digits and hyphens")
    })
}

/// Optional online tile layer. Tiles must be in WGS-84 (e.g. 天地图 `_w` services, OSM);
/// GCJ-02 tiles (高德, 腾讯) would misplace every WGS-84 point by up to ~700 m.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TileLayer {
    pub url: String,
    pub attribution: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub node: NodeIdentity,
    /// Whether the demo data set (演示数据) is loaded on this node.
    pub demo: bool,
    pub tiles: Option<TileLayer>,
    /// Where citizens reach the public portal (no trailing slash); empty: this same address.
    #[serde(default)]
    pub public_base: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_parse_from_their_names_only() {
        for tier in NodeTier::ALL {
            assert_eq!(tier.as_str().parse::<NodeTier>(), Ok(tier));
        }
        let err = "province".parse::<NodeTier>().unwrap_err();
        assert!(err.contains("provincial"), "{err}");
    }

    #[test]
    fn region_must_fit_the_tier() {
        use NodeTier::*;
        assert_eq!(check_region(National, "100000"), Ok(()));
        assert!(matches!(
            check_region(National, "110000"),
            Err(RegionError::NotNational(_))
        ));
        assert_eq!(check_region(Provincial, "140000"), Ok(()));
        assert!(check_region(Provincial, "140100").is_err());
        assert_eq!(check_region(City, "140100"), Ok(()));
        assert!(check_region(City, "140000").is_err());
        assert_eq!(check_region(County, "140105"), Ok(()));
        assert!(check_region(County, "140100").is_err());
        assert_eq!(check_region(Enterprise, "140105"), Ok(()));
        assert_eq!(check_region(Base, "140000"), Ok(()));
        assert!(matches!(
            check_region(Base, "990101"),
            Err(RegionError::Unknown(_))
        ));
        assert!(matches!(
            check_region(City, "14010"),
            Err(RegionError::Malformed(_))
        ));
        assert!(matches!(
            check_region(City, "14010x"),
            Err(RegionError::Malformed(_))
        ));
    }

    #[test]
    fn node_ids_are_slugs() {
        assert!(check_node_id("sx-taiyuan-1").is_ok());
        assert!(check_node_id("").is_err());
        assert!(check_node_id("Shanxi").is_err());
        assert!(check_node_id(&"a".repeat(65)).is_err());
    }
}
