use std::collections::HashMap;
use std::sync::LazyLock;

use super::records;

/// The region code of the national tier (全国). Not a GB/T 2260 entry; see `app/data/README.md`.
pub const NATIONAL_REGION_CODE: &str = "100000";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionLevel {
    /// 省级: province, autonomous region, municipality, SAR.
    Province,
    /// 地级: prefecture-level division (or a province's group of directly administered counties).
    Prefecture,
}

/// An administrative division of GB/T 2260.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub level: RegionLevel,
    pub parent: Option<&'static str>,
    /// Representative point (WGS-84 longitude, latitude) where a licensed source gives one.
    pub point: Option<(f64, f64)>,
}

struct Table {
    list: Vec<Region>,
    by_code: HashMap<&'static str, usize>,
}

static REGIONS: LazyLock<Table> = LazyLock::new(|| {
    let list: Vec<Region> = records::<6>(include_str!("../../data/regions.csv"))
        .filter_map(|[code, name, level, parent, lon, lat]| {
            let level = match level {
                "province" => RegionLevel::Province,
                "prefecture" => RegionLevel::Prefecture,
                _ => return None,
            };
            let point = match (lon.parse::<f64>(), lat.parse::<f64>()) {
                (Ok(lon), Ok(lat)) => Some((lon, lat)),
                _ => None,
            };
            let parent = (!parent.is_empty()).then_some(parent);
            Some(Region {
                code,
                name,
                level,
                parent,
                point,
            })
        })
        .collect();
    let by_code = list.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    Table { list, by_code }
});

/// A province's bounding box in WGS-84 degrees (west, south, east, north).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    fn contains(&self, (lon, lat): (f64, f64), margin: f64) -> bool {
        (self.west - margin..=self.east + margin).contains(&lon)
            && (self.south - margin..=self.north + margin).contains(&lat)
    }

    fn area(&self) -> f64 {
        (self.east - self.west) * (self.north - self.south)
    }
}

static PROVINCE_BOUNDS: LazyLock<HashMap<&'static str, Bounds>> = LazyLock::new(|| {
    records::<5>(include_str!("../../data/province_bounds.csv"))
        .filter_map(|[code, w, s, e, n]| {
            let bounds = Bounds {
                west: w.parse().ok()?,
                south: s.parse().ok()?,
                east: e.parse().ok()?,
                north: n.parse().ok()?,
            };
            Some((code, bounds))
        })
        .collect()
});

/// Degrees a point may lie outside its province's box: only a wide miss (a wrong code, swapped
/// coordinates) is caught, never a point near a border.
const BOUNDS_MARGIN: f64 = 1.0;

/// Whether `point` can lie in the division `code`: inside its province's box, with a margin.
/// Hainan's box leaves out the South China Sea islands, so Hainan is not checked.
pub fn plausibly_in(code: &str, point: (f64, f64)) -> bool {
    let province = format!("{}0000", code.get(..2).unwrap_or_default());
    if province == "460000" {
        return true;
    }
    PROVINCE_BOUNDS
        .get(province.as_str())
        .is_none_or(|b| b.contains(point, BOUNDS_MARGIN))
}

/// The bounding box of the province a division lies in.
pub fn province_bounds(code: &str) -> Option<Bounds> {
    let province = format!("{}0000", code.get(..2)?);
    PROVINCE_BOUNDS.get(province.as_str()).copied()
}

/// The province a point most likely lies in (the smallest box that holds it), for a map click.
pub fn province_at(point: (f64, f64)) -> Option<&'static Region> {
    PROVINCE_BOUNDS
        .iter()
        .filter(|(_, b)| b.contains(point, 0.0))
        .min_by(|(_, a), (_, b)| a.area().total_cmp(&b.area()))
        .and_then(|(code, _)| region(code))
}

pub fn regions() -> &'static [Region] {
    &REGIONS.list
}

/// The division with this six-digit code, if it is a province or prefecture we ship.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.by_code.get(code).map(|&i| &REGIONS.list[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_provincial_level_divisions_are_present_with_points_in_china() {
        let provinces: Vec<_> = regions()
            .iter()
            .filter(|r| r.level == RegionLevel::Province)
            .collect();
        assert_eq!(provinces.len(), 34, "31 mainland + HK, Macao, Taiwan");
        for p in provinces {
            assert!(p.code.ends_with("0000"), "{}", p.code);
            let (lon, lat) = p.point.unwrap_or_else(|| panic!("{} has no point", p.code));
            assert!(
                (73.0..136.0).contains(&lon) && (3.0..54.0).contains(&lat),
                "{}",
                p.code
            );
        }
    }

    #[test]
    fn every_prefecture_belongs_to_a_shipped_province_with_a_matching_prefix() {
        let prefectures: Vec<_> = regions()
            .iter()
            .filter(|r| r.level == RegionLevel::Prefecture)
            .collect();
        assert!(prefectures.len() > 330, "{}", prefectures.len());
        for p in prefectures {
            let parent = p
                .parent
                .and_then(region)
                .unwrap_or_else(|| panic!("{}", p.code));
            assert_eq!(parent.level, RegionLevel::Province);
            assert_eq!(&p.code[..2], &parent.code[..2]);
            assert!(p.code.ends_with("00") && !p.code.ends_with("0000"));
        }
    }

    #[test]
    fn codes_are_unique_six_digit_numbers() {
        assert_eq!(REGIONS.by_code.len(), regions().len());
        assert!(
            regions()
                .iter()
                .all(|r| r.code.len() == 6 && r.code.bytes().all(|b| b.is_ascii_digit()))
        );
        assert_eq!(region("440100").map(|r| r.name), Some("广州市"));
        assert_eq!(region("999999"), None);
    }

    #[test]
    fn points_are_checked_against_their_province() {
        assert_eq!(PROVINCE_BOUNDS.len(), 34);
        // Taiyuan under a Taiyuan district code; Guangzhou is not in Shanxi.
        assert!(plausibly_in("140105", (112.55, 37.87)));
        assert!(!plausibly_in("140105", (113.26, 23.13)));
        // Just across the border with Hebei still passes (the margin).
        assert!(plausibly_in("140000", (114.9, 38.0)));
        assert_eq!(province_at((113.26, 23.13)).map(|r| r.code), Some("440000"));
        assert_eq!(province_at((116.40, 39.91)).map(|r| r.code), Some("110000"));
        assert_eq!(province_at((2.35, 48.85)), None);
        let shanxi = province_bounds("140105").unwrap_or_else(|| panic!("Shanxi's box"));
        assert!(shanxi.contains((112.55, 37.87), 0.0));
    }

    #[test]
    fn beijing_point_is_wgs84_not_gcj02() {
        // Tian'anmen is at about 116.3975 E, 39.9087 N in WGS-84; GCJ-02 shifts it ~600 m east.
        let (lon, lat) = region("110000").and_then(|r| r.point).unwrap_or_default();
        assert!(
            (lon - 116.3975).abs() < 0.01 && (lat - 39.9087).abs() < 0.01,
            "{lon},{lat}"
        );
    }
}
