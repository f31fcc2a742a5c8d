//! The table of common hazardous chemicals (`data/chemicals.json`): properties the models need
//! and levels of concern, each level with its source. Shipped as data so a correction is a data
//! change; parsed once per process (or browser tab).

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use super::gaussian::Level;
use super::ppm_to_mg_m3;

/// Levels of concern are published in ppm and converted at 25 °C, as their documents do.
const LEVEL_TEMPERATURE_K: f64 = 298.15;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelOfConcern {
    /// AEGL-3, ERPG-2, IDLH...
    pub name: String,
    pub ppm: f64,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToxicProbit {
    pub a: f64,
    pub b: f64,
    pub n: f64,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chemical {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub cas: String,
    /// g/mol
    pub molar_mass: f64,
    /// K
    pub boiling_point: f64,
    /// kg/m³
    pub liquid_density: f64,
    /// kJ/kg, lower; `None` for what does not burn.
    pub heat_of_combustion: Option<f64>,
    pub heat_of_vaporization: Option<f64>,
    pub liquid_heat_capacity: Option<f64>,
    pub lfl_percent: Option<f64>,
    /// Measured pool burning rate, kg/(m²·s), where one is published.
    pub burning_rate: Option<f64>,
    pub levels: Vec<LevelOfConcern>,
    pub probit: Option<ToxicProbit>,
    /// Key of the substance in GB 18218's named table, when it is named there.
    pub gb18218: Option<String>,
    pub properties_source: String,
}

#[derive(Deserialize)]
struct Table {
    chemicals: Vec<Chemical>,
}

pub fn all() -> &'static [Chemical] {
    static TABLE: OnceLock<Vec<Chemical>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // A unit test parses the shipped file, so an empty table here means a broken build.
        serde_json::from_str::<Table>(include_str!("data/chemicals.json"))
            .map_or_else(|_| Vec::new(), |t| t.chemicals)
    })
}

pub fn find(key: &str) -> Option<&'static Chemical> {
    all().iter().find(|c| c.key == key)
}

impl Chemical {
    pub fn flammable(&self) -> bool {
        self.heat_of_combustion.is_some()
    }

    /// A level of concern by name (`AEGL-2`), in mg/m³.
    pub fn level(&self, name: &str) -> Option<Level> {
        let level = self.levels.iter().find(|l| l.name == name)?;
        Some(Level {
            name: level.name.clone(),
            mg_m3: ppm_to_mg_m3(level.ppm, self.molar_mass, LEVEL_TEMPERATURE_K),
        })
    }

    /// The three toxic zones, most severe first: AEGL-3/2/1 where established, else ERPG-3/2/1,
    /// with IDLH standing in for a missing most-severe level.
    pub fn toxic_levels(&self) -> Vec<Level> {
        let family = |prefix: &str| -> Vec<Level> {
            (1..=3)
                .rev()
                .filter_map(|i| self.level(&format!("{prefix}-{i}")))
                .collect()
        };
        let mut levels = family("AEGL");
        if levels.is_empty() {
            levels = family("ERPG");
        }
        if let (false, Some(idlh)) = (
            levels.iter().any(|l| l.name.ends_with("-3")),
            self.level("IDLH"),
        ) {
            levels.insert(0, idlh);
        }
        levels.truncate(3);
        levels
    }

    /// Flammable zones: the lower flammability limit and 60 % of it (where pockets may ignite).
    pub fn flammable_levels(&self) -> Vec<Level> {
        let Some(lfl) = self.lfl_percent else {
            return Vec::new();
        };
        let mg =
            |percent: f64| ppm_to_mg_m3(percent * 10_000.0, self.molar_mass, LEVEL_TEMPERATURE_K);
        vec![
            Level {
                name: "LFL".into(),
                mg_m3: mg(lfl),
            },
            Level {
                name: "60% LFL".into(),
                mg_m3: mg(0.6 * lfl),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_at_least_thirty_distinct_chemicals_with_sources() {
        let all = all();
        assert!(all.len() >= 30, "{}", all.len());
        let mut keys: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len(), "duplicate keys");
        for c in all {
            assert!(
                c.molar_mass > 0.0 && c.boiling_point > 0.0 && c.liquid_density > 0.0,
                "{}",
                c.key
            );
            assert!(
                c.levels.iter().all(|l| l.ppm > 0.0 && !l.source.is_empty()),
                "{}",
                c.key
            );
            assert!(!c.properties_source.is_empty());
            // Every chemical has something to draw: a toxic level or a flammability limit.
            assert!(
                !c.toxic_levels().is_empty() || !c.flammable_levels().is_empty(),
                "{}",
                c.key
            );
        }
    }

    #[test]
    fn aegl_levels_are_ordered_and_converted() {
        let chlorine = find("chlorine").unwrap();
        let levels = chlorine.toxic_levels();
        let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["AEGL-3", "AEGL-2", "AEGL-1"]);
        // 20 ppm chlorine = 20·70.90/24.45 = 58.0 mg/m³.
        assert!((levels[0].mg_m3 - 58.0).abs() < 0.1, "{}", levels[0].mg_m3);
        assert!(levels.windows(2).all(|w| w[0].mg_m3 > w[1].mg_m3));
    }

    #[test]
    fn idlh_stands_in_for_a_missing_severe_level() {
        let acetone = find("acetone").unwrap();
        assert_eq!(acetone.toxic_levels()[0].name, "IDLH");
    }
}
