//! 事故等级 after Decree 493 Art. 3: the highest grade any of the three measures reaches.
//! "以上" includes the bound, "以下" excludes it: 10 deaths is 重大, 9 is 较大.

use serde::{Deserialize, Serialize};

/// The four grades, least severe first (so `Ord` orders by severity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 一般事故 (IV, blue)
    General,
    /// 较大事故 (III, yellow)
    Larger,
    /// 重大事故 (II, orange)
    Major,
    /// 特别重大事故 (I, red)
    ParticularlyMajor,
}

/// The measures a grade is read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Severity {
    /// 死亡 (including 失踪: the decree counts the missing with the dead).
    pub deaths: u32,
    pub missing: u32,
    /// 重伤, including 急性工业中毒.
    pub serious_injuries: u32,
    /// 直接经济损失, in yuan.
    pub direct_loss_cny: u64,
}

/// Which measure put an accident in its grade (several may).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    Deaths,
    SeriousInjuries,
    DirectLoss,
}

/// Lower bounds (inclusive) of 较大, 重大 and 特别重大 for each measure; below the first is 一般.
const DEATHS: [u64; 3] = [3, 10, 30];
const SERIOUS_INJURIES: [u64; 3] = [10, 50, 100];
const DIRECT_LOSS_CNY: [u64; 3] = [10_000_000, 50_000_000, 100_000_000];

fn grade_of(value: u64, bounds: [u64; 3]) -> Grade {
    match bounds.iter().filter(|bound| value >= **bound).count() {
        0 => Grade::General,
        1 => Grade::Larger,
        2 => Grade::Major,
        _ => Grade::ParticularlyMajor,
    }
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::General,
        Grade::Larger,
        Grade::Major,
        Grade::ParticularlyMajor,
    ];

    /// The grade of an accident, and the measures that reach it.
    pub fn of(severity: &Severity) -> (Grade, Vec<Measure>) {
        let dead = u64::from(severity.deaths) + u64::from(severity.missing);
        let by = [
            (Measure::Deaths, grade_of(dead, DEATHS)),
            (
                Measure::SeriousInjuries,
                grade_of(u64::from(severity.serious_injuries), SERIOUS_INJURIES),
            ),
            (
                Measure::DirectLoss,
                grade_of(severity.direct_loss_cny, DIRECT_LOSS_CNY),
            ),
        ];
        let grade = by.iter().map(|(_, g)| *g).max().unwrap_or(Grade::General);
        let measures = by
            .iter()
            .filter(|(_, g)| *g == grade && grade > Grade::General)
            .map(|(m, _)| *m)
            .collect();
        (grade, measures)
    }

    /// The stored form.
    pub fn key(self) -> &'static str {
        match self {
            Grade::General => "general",
            Grade::Larger => "larger",
            Grade::Major => "major",
            Grade::ParticularlyMajor => "particularly_major",
        }
    }

    /// Roman numeral of the emergency-response level: IV … I.
    pub fn level(self) -> &'static str {
        match self {
            Grade::General => "IV",
            Grade::Larger => "III",
            Grade::Major => "II",
            Grade::ParticularlyMajor => "I",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Grade::*;

    fn deaths(n: u32) -> Severity {
        Severity {
            deaths: n,
            ..Default::default()
        }
    }

    #[test]
    fn every_boundary_includes_its_bound() {
        // (severity, grade)
        let rows = [
            (deaths(0), General),
            (deaths(2), General),
            (deaths(3), Larger),
            (deaths(9), Larger),
            (deaths(10), Major),
            (deaths(29), Major),
            (deaths(30), ParticularlyMajor),
            (
                Severity {
                    serious_injuries: 9,
                    ..Default::default()
                },
                General,
            ),
            (
                Severity {
                    serious_injuries: 10,
                    ..Default::default()
                },
                Larger,
            ),
            (
                Severity {
                    serious_injuries: 49,
                    ..Default::default()
                },
                Larger,
            ),
            (
                Severity {
                    serious_injuries: 50,
                    ..Default::default()
                },
                Major,
            ),
            (
                Severity {
                    serious_injuries: 99,
                    ..Default::default()
                },
                Major,
            ),
            (
                Severity {
                    serious_injuries: 100,
                    ..Default::default()
                },
                ParticularlyMajor,
            ),
            (
                Severity {
                    direct_loss_cny: 9_999_999,
                    ..Default::default()
                },
                General,
            ),
            (
                Severity {
                    direct_loss_cny: 10_000_000,
                    ..Default::default()
                },
                Larger,
            ),
            (
                Severity {
                    direct_loss_cny: 49_999_999,
                    ..Default::default()
                },
                Larger,
            ),
            (
                Severity {
                    direct_loss_cny: 50_000_000,
                    ..Default::default()
                },
                Major,
            ),
            (
                Severity {
                    direct_loss_cny: 99_999_999,
                    ..Default::default()
                },
                Major,
            ),
            (
                Severity {
                    direct_loss_cny: 100_000_000,
                    ..Default::default()
                },
                ParticularlyMajor,
            ),
        ];
        for (severity, grade) in rows {
            assert_eq!(Grade::of(&severity).0, grade, "{severity:?}");
        }
    }

    #[test]
    fn the_missing_count_with_the_dead() {
        let severity = Severity {
            deaths: 8,
            missing: 2,
            ..Default::default()
        };
        assert_eq!(Grade::of(&severity), (Major, vec![Measure::Deaths]));
    }

    #[test]
    fn the_highest_measure_decides_and_is_named() {
        let severity = Severity {
            deaths: 1,
            serious_injuries: 12,
            direct_loss_cny: 60_000_000,
            ..Default::default()
        };
        assert_eq!(Grade::of(&severity), (Major, vec![Measure::DirectLoss]));
        let tie = Severity {
            deaths: 3,
            serious_injuries: 10,
            ..Default::default()
        };
        assert_eq!(
            Grade::of(&tie),
            (Larger, vec![Measure::Deaths, Measure::SeriousInjuries])
        );
        assert_eq!(Grade::of(&Severity::default()), (General, vec![]));
    }

    #[test]
    fn grades_order_by_severity() {
        assert!(General < Larger && Larger < Major && Major < ParticularlyMajor);
        assert_eq!(ParticularlyMajor.level(), "I");
    }
}
