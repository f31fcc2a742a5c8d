//! 危险化学品重大危险源辨识 after GB 18218-2018: identification (S = Σ qᵢ/Qᵢ ≥ 1) and grading
//! (R = α·Σ βᵢ·qᵢ/Qᵢ; 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10).
//!
//! The standard's tables are data below: 表1 (named substances; an excerpt of its 85 entries,
//! those the chemical table uses and the most common in practice), 表2 (critical quantities by
//! hazard category for everything not named), 表3/表4 (the correction factor β) and 表5 (α by
//! the number of people exposed within 500 m). The version is explicit in [`STANDARD`].

use serde::{Deserialize, Serialize};

use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};

pub const STANDARD: &str = "GB 18218-2018";

/// A row of 表1 with β from 表3 (named toxic gases) or 表4 (by its hazard category).
pub struct Named {
    pub key: &'static str,
    pub name: &'static str,
    pub cas: &'static str,
    /// Critical quantity, t.
    pub critical_t: f64,
    pub beta: f64,
}

const fn named(
    key: &'static str,
    name: &'static str,
    cas: &'static str,
    critical_t: f64,
    beta: f64,
) -> Named {
    Named {
        key,
        name,
        cas,
        critical_t,
        beta,
    }
}

pub const NAMED: &[Named] = &[
    named("ammonia", "氨", "7664-41-7", 10.0, 2.0),
    named("chlorine", "氯", "7782-50-5", 5.0, 4.0),
    named("hydrogen_sulfide", "硫化氢", "7783-06-4", 5.0, 5.0),
    named("hydrogen_cyanide", "氰化氢", "74-90-8", 1.0, 10.0),
    named("sulfur_dioxide", "二氧化硫", "7446-09-5", 20.0, 2.0),
    named("phosgene", "碳酰氯", "75-44-5", 0.3, 20.0),
    named(
        "coal_gas",
        "煤气（CO，CO和H₂、CH₄的混合物等）",
        "",
        20.0,
        2.0,
    ),
    named(
        "hydrogen_chloride",
        "氯化氢（无水）",
        "7647-01-0",
        20.0,
        3.0,
    ),
    named("hydrogen_fluoride", "氟化氢", "7664-39-3", 1.0, 5.0),
    named("nitrogen_dioxide", "二氧化氮", "10102-44-0", 1.0, 10.0),
    named("phosphine", "磷化氢", "7803-51-2", 1.0, 20.0),
    named("methyl_isocyanate", "异氰酸甲酯", "624-83-9", 0.75, 20.0),
    named("bromomethane", "溴甲烷", "74-83-9", 10.0, 3.0),
    named("ethylene_oxide", "环氧乙烷", "75-21-8", 10.0, 2.0),
    named("formaldehyde", "甲醛（含量>90%）", "50-00-0", 5.0, 2.0),
    named("bromine", "溴", "7726-95-6", 20.0, 1.0),
    named("methane", "甲烷，天然气", "74-82-8", 50.0, 1.5),
    named("lpg", "液化石油气", "68476-85-7", 50.0, 1.5),
    named("hydrogen", "氢", "1333-74-0", 5.0, 1.5),
    named("ethylene", "乙烯", "74-85-1", 50.0, 1.5),
    named("acetylene", "乙炔", "74-86-2", 1.0, 1.5),
    named("vinyl_chloride", "氯乙烯", "75-01-4", 50.0, 1.5),
    named("butadiene", "1,3-丁二烯", "106-99-0", 5.0, 1.5),
    named("dimethyl_ether", "二甲醚", "115-10-6", 50.0, 1.5),
    named("methylamine", "一甲胺", "74-89-5", 5.0, 1.5),
    named(
        "gasoline",
        "汽油（乙醇汽油、甲醇汽油）",
        "86290-81-5",
        200.0,
        1.5,
    ),
    named("diethyl_ether", "乙醚", "60-29-7", 10.0, 1.5),
    named("benzene", "苯", "71-43-2", 50.0, 1.0),
    named("acrylonitrile", "2-丙烯腈", "107-13-1", 50.0, 1.0),
    named("carbon_disulfide", "二硫化碳", "75-15-0", 50.0, 1.0),
    named("methanol", "甲醇", "67-56-1", 500.0, 1.0),
    named("ethanol", "乙醇", "64-17-5", 500.0, 1.0),
    named("toluene", "甲苯", "108-88-3", 500.0, 1.0),
    named("styrene", "苯乙烯", "100-42-5", 500.0, 1.0),
    named("acetone", "丙酮", "67-64-1", 500.0, 1.0),
    named("cyclohexane", "环己烷", "110-82-7", 500.0, 1.0),
    named("n_hexane", "正己烷", "110-54-3", 500.0, 1.0),
    named("ethyl_acetate", "乙酸乙酯", "141-78-6", 500.0, 1.0),
];

/// A row of 表2 with its β from 表4.
pub struct Category {
    pub code: &'static str,
    pub description: &'static str,
    pub critical_t: f64,
    pub beta: f64,
}

const fn category(
    code: &'static str,
    description: &'static str,
    critical_t: f64,
    beta: f64,
) -> Category {
    Category {
        code,
        description,
        critical_t,
        beta,
    }
}

pub const CATEGORIES: &[Category] = &[
    category("J1", "急性毒性类别1，所有暴露途径，气体", 5.0, 4.0),
    category("J2", "急性毒性类别1，所有暴露途径，固体、液体", 50.0, 1.0),
    category("J3", "急性毒性类别2、类别3，所有暴露途径，气体", 50.0, 2.0),
    category(
        "J4",
        "急性毒性类别2、类别3，吸入途径，液体（沸点≤35℃）",
        50.0,
        2.0,
    ),
    category(
        "J5",
        "急性毒性类别2，所有暴露途径，液体（除J4外）、固体",
        500.0,
        1.0,
    ),
    category("W1.1", "不稳定爆炸物", 1.0, 2.0),
    category("W1.2", "1.1项爆炸物", 1.0, 2.0),
    category("W1.3", "除1.1项外的其他爆炸物", 10.0, 2.0),
    category("W2", "易燃气体类别1和类别2", 10.0, 1.5),
    category("W3", "气溶胶类别1和类别2", 150.0, 1.0),
    category("W4", "氧化性气体类别1", 50.0, 1.0),
    category(
        "W5.1",
        "易燃液体类别1；类别2和3，工作温度高于沸点",
        10.0,
        1.5,
    ),
    category(
        "W5.2",
        "易燃液体类别2和3，具有引发重大事故的特殊工艺条件",
        50.0,
        1.0,
    ),
    category("W5.3", "不属于W5.1或W5.2的易燃液体类别2", 1000.0, 1.0),
    category("W5.4", "不属于W5.1或W5.2的易燃液体类别3", 5000.0, 1.0),
    category("W6.1", "自反应物质和混合物A型和B型", 10.0, 1.5),
    category("W6.2", "自反应物质和混合物C型、D型、E型、F型", 50.0, 1.0),
    category("W7.1", "有机过氧化物A型和B型", 10.0, 1.5),
    category("W7.2", "有机过氧化物C型、D型、E型、F型", 50.0, 1.0),
    category("W8", "自燃液体类别1；自燃固体类别1", 50.0, 1.0),
    category("W9.1", "氧化性固体和液体类别1", 50.0, 1.0),
    category("W9.2", "氧化性固体和液体类别2、类别3", 200.0, 1.0),
    category("W10", "易燃固体类别1", 200.0, 1.0),
    category(
        "W11",
        "遇水放出易燃气体的物质和混合物类别1和类别2",
        200.0,
        1.0,
    ),
];

/// 表5: α by the number of people exposed within 500 m of the installation.
pub fn alpha(exposed: u32) -> f64 {
    match exposed {
        100.. => 2.0,
        50..=99 => 1.5,
        30..=49 => 1.2,
        1..=29 => 1.0,
        0 => 0.5,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HazardGrade {
    /// 一级
    First,
    /// 二级
    Second,
    /// 三级
    Third,
    /// 四级
    Fourth,
}

impl HazardGrade {
    pub fn of(r: f64) -> HazardGrade {
        match r {
            r if r >= 100.0 => Self::First,
            r if r >= 50.0 => Self::Second,
            r if r >= 10.0 => Self::Third,
            _ => Self::Fourth,
        }
    }
}

/// One substance on site: a named substance of 表1 or a hazard category of 表2.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Holding {
    pub substance: Option<String>,
    pub category: Option<String>,
    /// The largest quantity that can be present, t.
    pub quantity_t: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HazardInput {
    pub substances: Vec<Holding>,
    /// People exposed within 500 m (grading only).
    pub exposed_population: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoldingResult {
    pub name: String,
    pub quantity_t: f64,
    pub critical_t: f64,
    pub ratio: f64,
    pub beta: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identification {
    pub standard: String,
    pub items: Vec<HoldingResult>,
    /// S = Σ q/Q.
    pub sum: f64,
    pub major: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grading {
    pub identification: Identification,
    pub alpha: f64,
    /// R = α·Σ β·q/Q.
    pub r: f64,
    /// `None` when the unit is not a major hazard (S < 1).
    pub grade: Option<HazardGrade>,
}

pub const MAX_SUBSTANCES: usize = 50;

fn read_holdings(input: &HazardInput, p: &mut Problems) -> Vec<HoldingResult> {
    if input.substances.is_empty() {
        p.add("substances", Problem::Required);
    }
    if input.substances.len() > MAX_SUBSTANCES {
        p.add(
            "substances",
            Problem::TooMany {
                max: MAX_SUBSTANCES,
            },
        );
    }
    let mut items = Vec::new();
    for (i, h) in input.substances.iter().enumerate() {
        let field = |name: &str| format!("substances[{i}].{name}");
        let quantity = p.required(&field("quantity_t"), h.quantity_t);
        if let Some(q) = quantity {
            p.range(&field("quantity_t"), q, 0.0, 1e7);
        }
        let row = match (h.substance.as_deref(), h.category.as_deref()) {
            (Some(key), None) => NAMED
                .iter()
                .find(|n| n.key == key)
                .map(|n| (n.name, n.critical_t, n.beta))
                .ok_or("substance"),
            (None, Some(code)) => CATEGORIES
                .iter()
                .find(|c| c.code == code)
                .map(|c| (c.code, c.critical_t, c.beta))
                .ok_or("category"),
            (Some(_), Some(_)) => {
                p.add(
                    field("category"),
                    Problem::Inconsistent {
                        with: field("substance"),
                    },
                );
                continue;
            }
            (None, None) => Err("substance"),
        };
        match (row, quantity) {
            (Ok((name, critical, beta)), Some(q)) => items.push(HoldingResult {
                name: name.to_string(),
                quantity_t: q,
                critical_t: critical,
                ratio: q / critical,
                beta,
            }),
            (Err(which), _) => p.add(
                field(which),
                if h.substance.is_none() && h.category.is_none() {
                    Problem::Required
                } else {
                    Problem::Unknown
                },
            ),
            _ => {}
        }
    }
    items
}

fn identify(items: Vec<HoldingResult>) -> Identification {
    let sum = items.iter().map(|i| i.ratio).sum();
    Identification {
        standard: STANDARD.into(),
        items,
        sum,
        major: sum >= 1.0,
    }
}

pub fn identification(input: &HazardInput) -> Result<Report<Identification>, Problems> {
    let mut p = Problems::default();
    let items = read_holdings(input, &mut p);
    p.finish(|| ())?;
    let mut a = Assumptions::default();
    a.note("standard", STANDARD, true);
    let warnings = category_warnings(input);
    Ok(a.finish(identify(items), warnings))
}

fn category_warnings(input: &HazardInput) -> Vec<Warning> {
    input
        .substances
        .iter()
        .filter_map(|h| h.category.clone())
        .map(|substance| Warning::CategoryCriticalQuantity { substance })
        .collect()
}

pub fn grading(input: &HazardInput) -> Result<Report<Grading>, Problems> {
    let mut p = Problems::default();
    let items = read_holdings(input, &mut p);
    let exposed = p.required("exposed_population", input.exposed_population);
    p.finish(|| ())?;
    let mut a = Assumptions::default();
    a.note("standard", STANDARD, true);
    let exposed = exposed.unwrap_or_default();
    let alpha = alpha(exposed);
    a.note(
        "alpha",
        format!("{alpha} ({exposed} people within 500 m)"),
        false,
    );
    let r = alpha * items.iter().map(|i| i.beta * i.ratio).sum::<f64>();
    let identification = identify(items);
    let grade = identification.major.then(|| HazardGrade::of(r));
    Ok(a.finish(
        Grading {
            identification,
            alpha,
            r,
            grade,
        },
        category_warnings(input),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(substance: &str, t: f64) -> Holding {
        Holding {
            substance: Some(substance.into()),
            category: None,
            quantity_t: Some(t),
        }
    }

    #[test]
    fn identification_sums_ratios() {
        // 6 t of ammonia (Q 10) and 3 t of chlorine (Q 5): S = 0.6 + 0.6 = 1.2 ≥ 1.
        let input = HazardInput {
            substances: vec![holding("ammonia", 6.0), holding("chlorine", 3.0)],
            exposed_population: None,
        };
        let id = identification(&input).unwrap().result;
        assert!((id.sum - 1.2).abs() < 1e-12 && id.major);
        // Each below its own critical quantity, and together below 1: not a major hazard.
        let input = HazardInput {
            substances: vec![holding("ammonia", 4.0), holding("chlorine", 2.0)],
            exposed_population: None,
        };
        assert!(!identification(&input).unwrap().result.major);
    }

    #[test]
    fn grading_after_the_standard() {
        // 30 t chlorine (β 4, Q 5) and 500 t methanol (β 1, Q 500), 120 people within 500 m (α 2):
        // R = 2·(4·6 + 1·1) = 50 → 二级.
        let input = HazardInput {
            substances: vec![holding("chlorine", 30.0), holding("methanol", 500.0)],
            exposed_population: Some(120),
        };
        let g = grading(&input).unwrap().result;
        assert!((g.r - 50.0).abs() < 1e-9);
        assert_eq!(g.grade, Some(HazardGrade::Second));
        assert_eq!(HazardGrade::of(49.99), HazardGrade::Third);
        assert_eq!(HazardGrade::of(100.0), HazardGrade::First);
        assert_eq!(HazardGrade::of(9.99), HazardGrade::Fourth);
    }

    #[test]
    fn alpha_table() {
        assert_eq!(
            [
                alpha(0),
                alpha(1),
                alpha(29),
                alpha(30),
                alpha(50),
                alpha(99),
                alpha(100)
            ],
            [0.5, 1.0, 1.0, 1.2, 1.5, 1.5, 2.0]
        );
    }

    #[test]
    fn a_category_stands_for_an_unnamed_substance_and_is_noted() {
        let input = HazardInput {
            substances: vec![Holding {
                substance: None,
                category: Some("W5.4".into()),
                quantity_t: Some(6000.0),
            }],
            exposed_population: Some(0),
        };
        let report = grading(&input).unwrap();
        assert!((report.result.identification.sum - 1.2).abs() < 1e-12);
        assert_eq!(report.result.grade, Some(HazardGrade::Fourth));
        assert!(matches!(
            report.warnings[..],
            [Warning::CategoryCriticalQuantity { .. }]
        ));
    }

    #[test]
    fn bad_holdings_are_named() {
        let input = HazardInput {
            substances: vec![
                holding("unobtainium", 1.0),
                Holding {
                    substance: None,
                    category: None,
                    quantity_t: Some(-1.0),
                },
            ],
            exposed_population: None,
        };
        let fields: Vec<String> = grading(&input)
            .unwrap_err()
            .0
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                "substances[0].substance",
                "substances[1].quantity_t",
                "substances[1].substance",
                "exposed_population"
            ]
        );
    }

    #[test]
    fn every_named_chemical_of_the_table_is_in_the_standard() {
        for c in super::super::chemicals::all() {
            if let Some(key) = &c.gb18218 {
                assert!(NAMED.iter().any(|n| n.key == key), "{key}");
            }
        }
    }
}
