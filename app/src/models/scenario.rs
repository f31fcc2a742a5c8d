//! A decision-page scenario — which chemical, what happens to it, what weather — turned into
//! red/orange/yellow threat zones on the map, with the model chosen by the rules below.
//!
//! - Toxic or flammable gas release: the chemical's levels (AEGL-3/2/1, else ERPG, IDLH; for a
//!   gas with no toxic level, LFL and 60 % LFL). A release dense by the workbook criterion uses
//!   Britter–McQuaid; its curves give no footprint, so its zones are circles of the downwind
//!   distance (gravity spreading and meander make a dense cloud reach upwind and sideways).
//!   Otherwise the Gaussian plume or puff footprint downwind.
//! - Pool fire, fireball: 37.5 / 12.5 / 5 kW/m² circles. Vapour cloud explosion (TNT):
//!   55.2 / 24.1 / 6.9 kPa circles.
//!
//! The suggested evacuation distance is the orange zone's (irreversible harm), rounded up to
//! the next 100 m.

use serde::{Deserialize, Serialize};

use super::chemicals::{self, Chemical};
use super::dense_gas::{self, DenseGasInput, ReleaseMode};
use super::explosion::{self, VceInput};
use super::fire::{self, FireballInput, PoolFireInput};
use super::gaussian::{self, GaussianInput, Level};
use super::geo::{PlumeFrame, Position, Ring, circle};
use super::input::{Problem, Problems};
use super::report::{Assumption, Warning};
use super::sigma::SigmaSet;
use super::stability::{Insolation, StabilityInput, stability_class};
use super::{StabilityClass, T_AMBIENT, gas_density};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Continuous gas release, kg/s.
    #[default]
    ContinuousRelease,
    /// Sudden release of a mass, kg.
    InstantaneousRelease,
    /// Burning pool, diameter in m.
    PoolFire,
    /// BLEVE fireball of a mass, kg.
    Fireball,
    /// Vapour cloud explosion of a mass, kg.
    Explosion,
}

impl Event {
    pub const ALL: [Event; 5] = [
        Self::ContinuousRelease,
        Self::InstantaneousRelease,
        Self::PoolFire,
        Self::Fireball,
        Self::Explosion,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::ContinuousRelease => "continuous_release",
            Self::InstantaneousRelease => "instantaneous_release",
            Self::PoolFire => "pool_fire",
            Self::Fireball => "fireball",
            Self::Explosion => "explosion",
        }
    }

    pub fn parse(key: &str) -> Option<Event> {
        Self::ALL.into_iter().find(|e| e.key() == key)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Scenario {
    pub chemical: String,
    pub event: Event,
    /// kg/s (continuous release), kg (instantaneous release, fireball, explosion), or the pool
    /// diameter in m (pool fire).
    pub amount: f64,
    pub wind_speed: f64,
    /// Degrees from north the wind blows from.
    pub wind_from: f64,
    pub daytime: bool,
    pub insolation: Option<Insolation>,
    pub cloud_oktas: u8,
    /// Overrides the class read from the weather.
    pub stability: Option<StabilityClass>,
    pub sigma_set: SigmaSet,
    pub source: Position,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Red,
    Orange,
    Yellow,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Red, Tier::Orange, Tier::Yellow];

    pub fn key(self) -> &'static str {
        match self {
            Tier::Red => "red",
            Tier::Orange => "orange",
            Tier::Yellow => "yellow",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    pub tier: Tier,
    /// The level it stands for: `AEGL-2`, `12.5 kW/m²`, ...
    pub level: String,
    pub distance_m: f64,
    pub ring: Ring,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelUsed {
    GaussianPlume,
    GaussianPuff,
    DenseGas,
    PoolFire,
    Fireball,
    Tnt,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreatZones {
    pub model: ModelUsed,
    pub stability: Option<StabilityClass>,
    /// Most severe first; a level never reached has no zone.
    pub zones: Vec<Zone>,
    pub evacuation_m: Option<f64>,
    pub assumptions: Vec<Assumption>,
    pub warnings: Vec<Warning>,
}

/// Largest amount the scenario accepts (kg/s, kg or m).
pub const MAX_AMOUNT: f64 = 1e7;

impl Scenario {
    pub fn check(&self) -> Result<&'static Chemical, Problems> {
        let mut p = Problems::default();
        let Some(found) = chemicals::find(&self.chemical) else {
            p.add(
                "chemical",
                if self.chemical.is_empty() {
                    Problem::Required
                } else {
                    Problem::Unknown
                },
            );
            return Err(p);
        };
        p.positive(
            "amount",
            self.amount,
            if self.event == Event::PoolFire {
                500.0
            } else {
                MAX_AMOUNT
            },
        );
        p.range("wind_speed", self.wind_speed, 0.1, 50.0);
        p.range("wind_from", self.wind_from, 0.0, 360.0);
        if self.cloud_oktas > 8 {
            p.add(
                "cloud_oktas",
                Problem::OutOfRange {
                    min: Some(0.0),
                    max: Some(8.0),
                },
            );
        }
        self.source.check("source", &mut p);
        let burns = matches!(
            self.event,
            Event::PoolFire | Event::Fireball | Event::Explosion
        );
        if burns && !found.flammable() {
            p.add(
                "event",
                Problem::Inconsistent {
                    with: "chemical".into(),
                },
            );
        }
        p.finish(|| found)
    }

    fn stability(&self) -> (StabilityClass, Vec<Assumption>, Vec<Warning>) {
        if let Some(class) = self.stability {
            let given = Assumption {
                key: "stability".into(),
                value: class.letter().into(),
                defaulted: false,
            };
            return (class, vec![given], Vec::new());
        }
        let input = StabilityInput {
            wind_speed: Some(self.wind_speed),
            daytime: Some(self.daytime),
            insolation: Some(self.insolation.unwrap_or(Insolation::Moderate)),
            cloud_oktas: Some(self.cloud_oktas),
            split_rule: None,
        };
        match stability_class(&input) {
            Ok(report) => (report.result.class, report.assumptions, report.warnings),
            // Inputs were checked; D (neutral) is the fallback the tables themselves use.
            Err(_) => (StabilityClass::D, Vec::new(), Vec::new()),
        }
    }
}

fn rings_around(
    source: Position,
    reaches: impl Iterator<Item = (String, Option<f64>)>,
) -> Vec<Zone> {
    reaches
        .zip(Tier::ALL)
        .filter_map(|((level, distance), tier)| {
            let distance_m = distance.filter(|d| *d > 0.0)?;
            Some(Zone {
                tier,
                level,
                distance_m,
                ring: circle(source, distance_m),
            })
        })
        .collect()
}

pub fn threat_zones(scenario: &Scenario) -> Result<ThreatZones, Problems> {
    let chemical = scenario.check()?;
    let source = scenario.source;
    let mut assumptions = vec![Assumption {
        key: "chemical".into(),
        value: chemical.key.clone(),
        defaulted: false,
    }];
    let mut warnings = Vec::new();
    let (model, stability, zones) = match scenario.event {
        Event::ContinuousRelease | Event::InstantaneousRelease => {
            let (class, a, w) = scenario.stability();
            assumptions.extend(a);
            warnings.extend(w);
            let mut levels = chemical.toxic_levels();
            if levels.is_empty() {
                levels = chemical.flammable_levels();
            }
            let continuous = scenario.event == Event::ContinuousRelease;
            let density = gas_density(chemical.molar_mass, chemical.boiling_point.min(T_AMBIENT));
            let criterion = if continuous {
                dense_gas::continuous_criterion(
                    scenario.amount,
                    density,
                    dense_gas::AIR_DENSITY,
                    scenario.wind_speed,
                )
            } else {
                dense_gas::instantaneous_criterion(
                    scenario.amount,
                    density,
                    dense_gas::AIR_DENSITY,
                    scenario.wind_speed,
                )
            };
            let limit = if continuous {
                dense_gas::CONTINUOUS_LIMIT
            } else {
                dense_gas::INSTANTANEOUS_LIMIT
            };
            if criterion >= limit {
                let input = DenseGasInput {
                    mode: Some(if continuous {
                        ReleaseMode::Continuous
                    } else {
                        ReleaseMode::Instantaneous
                    }),
                    release_rate: continuous.then_some(scenario.amount),
                    mass: (!continuous).then_some(scenario.amount),
                    molar_mass: Some(chemical.molar_mass),
                    release_temperature: Some(chemical.boiling_point.min(T_AMBIENT)),
                    wind_speed: Some(scenario.wind_speed),
                    levels,
                    ..DenseGasInput::default()
                };
                let report = dense_gas::dense_gas(&input)?;
                assumptions.extend(report.assumptions);
                assumptions.push(Assumption {
                    key: "zone_shape".into(),
                    value: "circle".into(),
                    defaulted: true,
                });
                warnings.extend(report.warnings);
                let reaches = report
                    .result
                    .reaches
                    .into_iter()
                    .map(|r| (r.name, Some(r.distance_m)));
                (
                    ModelUsed::DenseGas,
                    Some(class),
                    rings_around(source, reaches),
                )
            } else {
                let input = GaussianInput {
                    wind_speed: Some(scenario.wind_speed),
                    stability: Some(class),
                    levels,
                    molar_mass: Some(chemical.molar_mass),
                    source: Some(source),
                    wind_from: Some(scenario.wind_from),
                    ..GaussianInput::default()
                };
                let (model, report) = if continuous {
                    let input = GaussianInput {
                        release_rate: Some(scenario.amount),
                        sigma_set: Some(scenario.sigma_set),
                        ..input
                    };
                    (ModelUsed::GaussianPlume, gaussian::plume(&input)?)
                } else {
                    (
                        ModelUsed::GaussianPuff,
                        gaussian::puff(&GaussianInput {
                            mass: Some(scenario.amount),
                            ..input
                        })?,
                    )
                };
                assumptions.extend(report.assumptions);
                warnings.extend(report.warnings);
                let frame = PlumeFrame {
                    source,
                    wind_from: scenario.wind_from,
                };
                let zones = report
                    .result
                    .reaches
                    .into_iter()
                    .zip(Tier::ALL)
                    .filter_map(|(reach, tier)| {
                        let distance_m = reach.distance_m?;
                        let ring = reach.footprint.unwrap_or_else(|| {
                            reach
                                .outline_m
                                .iter()
                                .map(|p| {
                                    let at = frame.to_position(p[0], p[1]);
                                    [at.lon, at.lat]
                                })
                                .collect()
                        });
                        Some(Zone {
                            tier,
                            level: reach.name,
                            distance_m,
                            ring,
                        })
                    })
                    .collect();
                (model, Some(class), zones)
            }
        }
        Event::PoolFire => {
            let input = PoolFireInput {
                diameter: Some(scenario.amount),
                chemical: Some(chemical.key.clone()),
                burning_rate: chemical.burning_rate,
                thresholds: fire::THERMAL_THRESHOLDS[..3].to_vec(),
                ..PoolFireInput::default()
            };
            let report = fire::pool_fire(&input)?;
            assumptions.extend(report.assumptions);
            warnings.extend(report.warnings);
            let reaches = report
                .result
                .reaches
                .into_iter()
                .map(|r| (format!("{} kW/m²", r.kw_m2), r.distance_m));
            (ModelUsed::PoolFire, None, rings_around(source, reaches))
        }
        Event::Fireball => {
            let input = FireballInput {
                mass: Some(scenario.amount),
                chemical: Some(chemical.key.clone()),
                thresholds: fire::THERMAL_THRESHOLDS[..3].to_vec(),
                ..FireballInput::default()
            };
            let report = fire::fireball(&input)?;
            assumptions.extend(report.assumptions);
            warnings.extend(report.warnings);
            let reaches = report
                .result
                .reaches
                .into_iter()
                .map(|r| (format!("{} kW/m²", r.kw_m2), r.distance_m));
            (ModelUsed::Fireball, None, rings_around(source, reaches))
        }
        Event::Explosion => {
            let input = VceInput {
                mass: Some(scenario.amount),
                chemical: Some(chemical.key.clone()),
                ..VceInput::default()
            };
            let report = explosion::vce(&input)?;
            assumptions.extend(report.assumptions);
            warnings.extend(report.warnings);
            let reaches = report
                .result
                .reaches
                .into_iter()
                .map(|r| (r.label, r.distance_m));
            (ModelUsed::Tnt, None, rings_around(source, reaches))
        }
    };
    let evacuation_m = zones
        .iter()
        .find(|z| z.tier == Tier::Orange)
        .or(zones.first())
        .map(|z| (z.distance_m / 100.0).ceil() * 100.0);
    Ok(ThreatZones {
        model,
        stability,
        zones,
        evacuation_m,
        assumptions,
        warnings,
    })
}

/// The level names a chemical's toxic zones would use (for labels before computing).
pub fn zone_levels(chemical: &Chemical) -> Vec<Level> {
    let levels = chemical.toxic_levels();
    if levels.is_empty() {
        chemical.flammable_levels()
    } else {
        levels
    }
}

#[cfg(test)]
mod tests {
    use super::super::geo::ring_contains;
    use super::*;

    fn scenario(chemical: &str, event: Event, amount: f64) -> Scenario {
        Scenario {
            chemical: chemical.into(),
            event,
            amount,
            wind_speed: 3.0,
            wind_from: 270.0,
            daytime: false,
            cloud_oktas: 2,
            source: Position {
                lon: 112.55,
                lat: 37.87,
            },
            ..Scenario::default()
        }
    }

    #[test]
    fn a_toxic_gas_lighter_than_air_gets_nested_downwind_footprints() {
        let zones = threat_zones(&scenario("ammonia", Event::ContinuousRelease, 0.5)).unwrap();
        assert_eq!(zones.model, ModelUsed::GaussianPlume);
        let tiers: Vec<Tier> = zones.zones.iter().map(|z| z.tier).collect();
        assert_eq!(tiers, Tier::ALL);
        assert!(
            zones
                .zones
                .windows(2)
                .all(|w| w[0].distance_m < w[1].distance_m)
        );
        // West wind: the zones lie east of the source; a point 300 m downwind is in the yellow zone.
        let east = Position {
            lon: 112.55,
            lat: 37.87,
        }
        .offset(300.0, 0.0);
        assert!(ring_contains(&zones.zones[2].ring, [east.lon, east.lat]));
        let west = Position {
            lon: 112.55,
            lat: 37.87,
        }
        .offset(-300.0, 0.0);
        assert!(!ring_contains(&zones.zones[2].ring, [west.lon, west.lat]));
        assert_eq!(
            zones.evacuation_m,
            Some((zones.zones[1].distance_m / 100.0).ceil() * 100.0)
        );
    }

    #[test]
    fn a_heavy_release_of_chlorine_uses_the_dense_gas_workbook() {
        let zones = threat_zones(&scenario("chlorine", Event::ContinuousRelease, 10.0)).unwrap();
        assert_eq!(zones.model, ModelUsed::DenseGas);
        assert!(zones.assumptions.iter().any(|a| a.key == "zone_shape"));
        assert_eq!(zones.zones.len(), 3);
    }

    #[test]
    fn fires_and_explosions_are_circles() {
        for (event, model) in [
            (Event::PoolFire, ModelUsed::PoolFire),
            (Event::Fireball, ModelUsed::Fireball),
            (Event::Explosion, ModelUsed::Tnt),
        ] {
            let amount = if event == Event::PoolFire {
                15.0
            } else {
                5000.0
            };
            let zones = threat_zones(&scenario("propane", event, amount)).unwrap();
            assert_eq!(zones.model, model);
            assert!(!zones.zones.is_empty(), "{event:?}");
        }
    }

    #[test]
    fn chlorine_does_not_burn() {
        let problems = threat_zones(&scenario("chlorine", Event::PoolFire, 10.0)).unwrap_err();
        assert_eq!(problems.0[0].0, "event");
    }

    #[test]
    fn more_release_never_shrinks_a_zone() {
        for chemical in ["ammonia", "chlorine", "hydrogen_sulfide", "methane"] {
            let small = threat_zones(&scenario(chemical, Event::ContinuousRelease, 1.0)).unwrap();
            let large = threat_zones(&scenario(chemical, Event::ContinuousRelease, 5.0)).unwrap();
            for (s, l) in small.zones.iter().zip(&large.zones) {
                assert!(
                    l.distance_m >= s.distance_m * 0.999,
                    "{chemical} {:?}",
                    s.tier
                );
            }
        }
    }
}
