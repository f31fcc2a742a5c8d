//! Pasquill–Gifford stability class from surface wind, day or night, insolation and cloud
//! (Pasquill 1961 as tabulated by Turner 1970, *Workbook of Atmospheric Dispersion
//! Estimates*, Table 1; the same table is CCPS 1999 Table 2.11).
//!
//! The table gives split classes (A–B, B–C, C–D) in three day cells. They are returned as
//! such; which one a model then uses is the caller's [`SplitRule`], by default the more stable
//! one, because it gives the longer ground-level plume (the conservative reading).

use serde::{Deserialize, Serialize};

use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub enum StabilityClass {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl StabilityClass {
    pub const ALL: [StabilityClass; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
            Self::E => "E",
            Self::F => "F",
        }
    }

    pub fn parse(letter: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.letter().eq_ignore_ascii_case(letter))
    }
}

/// 日间太阳辐射 (incoming solar radiation) as the table's three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Insolation {
    /// Strong: sun higher than about 60° with clear sky (summer midday).
    Strong,
    /// Moderate: sun 35–60°, or strong sun with broken cloud.
    Moderate,
    /// Slight: sun 15–35°, or moderate sun with broken cloud.
    Slight,
}

/// Which class of a split cell the models use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SplitRule {
    /// The more stable class (B of A–B): longer ground-level plume. The default.
    #[default]
    MoreStable,
    /// The less stable class (A of A–B).
    LessStable,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StabilityInput {
    /// Wind speed at 10 m, m/s.
    pub wind_speed: Option<f64>,
    /// Daytime (sun above the horizon by an hour or more).
    pub daytime: Option<bool>,
    /// Required by day.
    pub insolation: Option<Insolation>,
    /// Cloud cover in oktas (0–8). Required by night; 8 (overcast) gives D by day too.
    pub cloud_oktas: Option<u8>,
    pub split_rule: Option<SplitRule>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    /// The class to use, after the split rule.
    pub class: StabilityClass,
    /// The table cell as printed: one class, or two for a split cell ("A–B").
    pub table: (StabilityClass, Option<StabilityClass>),
}

/// The wind rows of the table: < 2, 2–3, 3–5, 5–6, > 6 m/s.
fn wind_row(speed: f64) -> usize {
    match speed {
        s if s < 2.0 => 0,
        s if s < 3.0 => 1,
        s if s < 5.0 => 2,
        s if s < 6.0 => 3,
        _ => 4,
    }
}

/// Turner's Table 1: the cell for a wind row and a column.
fn cell(
    row: usize,
    daytime: bool,
    insolation: Insolation,
    cloudy_night: bool,
) -> (StabilityClass, Option<StabilityClass>) {
    use StabilityClass::*;
    if daytime {
        let column = match insolation {
            Insolation::Strong => 0,
            Insolation::Moderate => 1,
            Insolation::Slight => 2,
        };
        const DAY: [[(StabilityClass, Option<StabilityClass>); 3]; 5] = [
            [(A, None), (A, Some(B)), (B, None)],
            [(A, Some(B)), (B, None), (C, None)],
            [(B, None), (B, Some(C)), (C, None)],
            [(C, None), (C, Some(D)), (D, None)],
            [(C, None), (D, None), (D, None)],
        ];
        DAY[row][column]
    } else {
        // Below 2 m/s at night Pasquill left the cells empty; F is the usual reading.
        const NIGHT: [[StabilityClass; 2]; 5] = [[F, F], [E, F], [D, E], [D, D], [D, D]];
        (NIGHT[row][if cloudy_night { 0 } else { 1 }], None)
    }
}

pub fn stability_class(input: &StabilityInput) -> Result<Report<Stability>, Problems> {
    let mut problems = Problems::default();
    let speed = problems.required("wind_speed", input.wind_speed);
    if let Some(speed) = speed {
        problems.range("wind_speed", speed, 0.0, 60.0);
    }
    let daytime = problems.required("daytime", input.daytime);
    if daytime == Some(true) && input.insolation.is_none() && input.cloud_oktas != Some(8) {
        problems.add("insolation", Problem::Required);
    }
    if daytime == Some(false) && input.cloud_oktas.is_none() {
        problems.add("cloud_oktas", Problem::Required);
    }
    if input.cloud_oktas.is_some_and(|c| c > 8) {
        problems.add(
            "cloud_oktas",
            Problem::OutOfRange {
                min: Some(0.0),
                max: Some(8.0),
            },
        );
    }
    let (speed, daytime) = match (speed, daytime) {
        (Some(s), Some(d)) if problems.is_empty() => (s, d),
        _ => return Err(problems),
    };
    let mut assumptions = Assumptions::default();
    let rule = assumptions.take_rule(input.split_rule);
    let overcast = input.cloud_oktas == Some(8);
    let table = if overcast {
        (StabilityClass::D, None)
    } else {
        let cloudy_night = input.cloud_oktas.is_some_and(|c| c >= 4);
        cell(
            wind_row(speed),
            daytime,
            input.insolation.unwrap_or(Insolation::Slight),
            cloudy_night,
        )
    };
    let class = match (table, rule) {
        ((one, None), _) => one,
        ((_, Some(stable)), SplitRule::MoreStable) => stable,
        ((unstable, Some(_)), SplitRule::LessStable) => unstable,
    };
    let mut warnings = Vec::new();
    if speed < 1.0 {
        warnings.push(Warning::LowWind { wind_speed: speed });
    }
    Ok(assumptions.finish(Stability { class, table }, warnings))
}

impl Assumptions {
    fn take_rule(&mut self, given: Option<SplitRule>) -> SplitRule {
        let rule = given.unwrap_or_default();
        let name = match rule {
            SplitRule::MoreStable => "more_stable",
            SplitRule::LessStable => "less_stable",
        };
        self.note("split_rule", name, given.is_none());
        rule
    }
}

#[cfg(test)]
mod tests {
    use super::StabilityClass::*;
    use super::*;

    fn day(speed: f64, insolation: Insolation) -> Stability {
        let input = StabilityInput {
            wind_speed: Some(speed),
            daytime: Some(true),
            insolation: Some(insolation),
            ..Default::default()
        };
        stability_class(&input).unwrap().result
    }

    fn night(speed: f64, oktas: u8) -> StabilityClass {
        let input = StabilityInput {
            wind_speed: Some(speed),
            daytime: Some(false),
            cloud_oktas: Some(oktas),
            ..Default::default()
        };
        stability_class(&input).unwrap().result.class
    }

    #[test]
    fn turner_table_1_cells() {
        // Turner (1970), Table 1: strong sun and light wind is A; a clear night with 2–3 m/s is F.
        assert_eq!(day(1.5, Insolation::Strong).class, A);
        assert_eq!(day(4.0, Insolation::Strong).class, B);
        assert_eq!(day(7.0, Insolation::Slight).class, D);
        assert_eq!(night(2.5, 2), F);
        assert_eq!(night(2.5, 5), E);
        assert_eq!(night(4.0, 3), E);
        assert_eq!(night(6.5, 0), D);
    }

    #[test]
    fn split_cells_are_returned_as_such_and_resolved_by_the_rule() {
        let split = day(1.5, Insolation::Moderate);
        assert_eq!(split.table, (A, Some(B)));
        assert_eq!(split.class, B, "more stable by default");
        let input = StabilityInput {
            wind_speed: Some(1.5),
            daytime: Some(true),
            insolation: Some(Insolation::Moderate),
            split_rule: Some(SplitRule::LessStable),
            ..Default::default()
        };
        assert_eq!(stability_class(&input).unwrap().result.class, A);
    }

    #[test]
    fn overcast_is_neutral_day_and_night() {
        let input = StabilityInput {
            wind_speed: Some(1.0),
            daytime: Some(true),
            cloud_oktas: Some(8),
            ..Default::default()
        };
        assert_eq!(stability_class(&input).unwrap().result.class, D);
        assert_eq!(night(1.0, 8), D);
    }

    #[test]
    fn missing_inputs_are_named() {
        let problems = stability_class(&StabilityInput {
            daytime: Some(true),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = problems.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["wind_speed", "insolation"]);
    }

    #[test]
    fn calm_wind_is_warned() {
        let input = StabilityInput {
            wind_speed: Some(0.5),
            daytime: Some(false),
            cloud_oktas: Some(0),
            ..Default::default()
        };
        let report = stability_class(&input).unwrap();
        assert!(matches!(report.warnings[..], [Warning::LowWind { .. }]));
    }
}
