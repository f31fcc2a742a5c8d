//! Texts of decision support: model input errors, warnings, and the decision page.

use crate::decision::AssessmentMark;
use crate::error::{AppError, FieldError};
use crate::models::hazard::HazardGrade;
use crate::models::scenario::{Event, ModelUsed, Tier};
use crate::models::sigma::SigmaSet;
use crate::models::stability::Insolation;
use crate::models::{Problem, Problems, Warning};

pub struct ModelTexts {
    pub english: bool,
    /// "{u}" and "{deg}" are replaced.
    pub wind_line: &'static str,
    pub stability_class: &'static str,
    pub required: &'static str,
    /// "{min}" and "{max}" are replaced.
    pub out_of_range: &'static str,
    pub at_least: &'static str,
    pub unknown: &'static str,
    pub too_many: &'static str,
    pub inconsistent: &'static str,
    pub not_json: &'static str,
    pub unknown_model: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    pub chemical: &'static str,
    pub event: &'static str,
    pub amount_rate: &'static str,
    pub amount_mass: &'static str,
    pub amount_diameter: &'static str,
    pub wind_speed: &'static str,
    pub wind_from: &'static str,
    pub daytime: &'static str,
    pub night: &'static str,
    pub insolation: &'static str,
    pub cloud_oktas: &'static str,
    pub stability: &'static str,
    pub stability_auto: &'static str,
    pub sigma_set: &'static str,
    pub zones: &'static str,
    pub zone: &'static str,
    pub level: &'static str,
    pub reach: &'static str,
    pub people_demo: &'static str,
    pub no_zone: &'static str,
    pub evacuation: &'static str,
    pub downwind: &'static str,
    pub model_used: &'static str,
    pub computed_here: &'static str,
    pub affected: &'static str,
    pub population_demo: &'static str,
    pub people: &'static str,
    pub resources_inside: &'static str,
    pub shelters_outside: &'static str,
    pub none_inside: &'static str,
    pub to_dispatch: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub assumptions: &'static str,
    pub defaulted: &'static str,
    pub warnings: &'static str,
    pub back_to_incident: &'static str,
    pub open_decision: &'static str,
    pub timeline_mark: &'static str,
    pub events: [&'static str; 5],
    pub tiers: [&'static str; 3],
    pub insolations: [&'static str; 3],
    pub sigma_sets: [&'static str; 3],
    pub models: [&'static str; 6],
    pub hazards_title: &'static str,
    pub hazards_hint: &'static str,
    pub hazards_standard: &'static str,
    pub hazard_name: &'static str,
    pub enterprise: &'static str,
    pub substance: &'static str,
    pub quantity_t: &'static str,
    pub exposed_population: &'static str,
    pub exposed_hint: &'static str,
    pub grade: &'static str,
    pub not_major: &'static str,
    pub positive_quantity: &'static str,
    pub substance_required: &'static str,
    pub named_substances: &'static str,
    pub categories: &'static str,
    pub add_hazard: &'static str,
    pub save_hazard: &'static str,
    pub hazard_saved: &'static str,
    pub hazard_grades: [&'static str; 4],
    pub warning_texts: WarningTexts,
}

pub struct WarningTexts {
    pub beyond_ten_km: &'static str,
    pub beyond_one_hour: &'static str,
    pub low_wind: &'static str,
    pub dense_gas: &'static str,
    pub not_dense: &'static str,
    pub outside_correlation: &'static str,
    pub extrapolated: &'static str,
    pub beyond_range: &'static str,
    pub duration: &'static str,
    pub outside_blast_curve: &'static str,
    pub inside_flame: &'static str,
    pub category_quantity: &'static str,
}

fn number(v: f64) -> String {
    if v.abs() >= 1000.0 || v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

impl ModelTexts {
    pub fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Required => self.required.into(),
            Problem::OutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => self
                    .out_of_range
                    .replace("{min}", &number(*min))
                    .replace("{max}", &number(*max)),
                (Some(min), None) => self.at_least.replace("{min}", &number(*min)),
                _ => self
                    .out_of_range
                    .replace("{min}", "—")
                    .replace("{max}", &number(max.unwrap_or(0.0))),
            },
            Problem::Unknown => self.unknown.into(),
            Problem::TooMany { max } => self.too_many.replace("{max}", &max.to_string()),
            Problem::Inconsistent { with } => self.inconsistent.replace("{with}", with),
        }
    }

    /// The field errors of a refused model input.
    pub fn invalid(&self, problems: &Problems) -> AppError {
        AppError::Validation(
            problems
                .0
                .iter()
                .map(|(field, problem)| FieldError {
                    field: field.clone(),
                    message: self.problem(problem),
                })
                .collect(),
        )
    }

    pub fn warning(&self, warning: &Warning) -> String {
        let w = &self.warning_texts;
        let km = |m: f64| format!("{:.1}", m / 1000.0);
        match warning {
            Warning::BeyondTenKilometres { distance_m } => {
                w.beyond_ten_km.replace("{km}", &km(*distance_m))
            }
            Warning::BeyondOneHour { minutes } => {
                w.beyond_one_hour.replace("{min}", &format!("{minutes:.0}"))
            }
            Warning::LowWind { wind_speed } => {
                w.low_wind.replace("{u}", &format!("{wind_speed:.1}"))
            }
            Warning::DenseGasCriterionMet { criterion, limit } => w
                .dense_gas
                .replace("{c}", &format!("{criterion:.2}"))
                .replace("{l}", &number(*limit)),
            Warning::NotDense { criterion, limit } => w
                .not_dense
                .replace("{c}", &format!("{criterion:.2}"))
                .replace("{l}", &number(*limit)),
            Warning::OutsideCorrelation { alpha, .. } => {
                w.outside_correlation.replace("{a}", &format!("{alpha:.2}"))
            }
            Warning::Extrapolated { level } => w.extrapolated.replace("{level}", level),
            Warning::LevelBeyondRange { level, range_m } => w
                .beyond_range
                .replace("{level}", level)
                .replace("{km}", &km(*range_m)),
            Warning::DurationMismatch { expected } => w.duration.replace("{expected}", expected),
            Warning::OutsideBlastCurve { level } => w.outside_blast_curve.replace("{level}", level),
            Warning::InsideFlame { level } => w.inside_flame.replace("{level}", level),
            Warning::CategoryCriticalQuantity { substance } => {
                w.category_quantity.replace("{substance}", substance)
            }
        }
    }

    pub fn chemical(&self, key: &str) -> String {
        match crate::models::chemicals::find(key) {
            Some(c) if self.english => c.name_en.clone(),
            Some(c) => c.name_zh.clone(),
            None => key.to_string(),
        }
    }

    /// A distance for people: metres below 1 km, else km with one decimal.
    pub fn distance(&self, m: f64) -> String {
        if m < 1000.0 {
            format!("{:.0} m", m)
        } else {
            format!("{:.1} km", m / 1000.0)
        }
    }

    /// The timeline line of an assessment.
    pub fn mark(&self, m: &AssessmentMark) -> String {
        let unit = match m.event {
            Event::ContinuousRelease => "kg/s",
            Event::PoolFire => "m",
            _ => "kg",
        };
        let mut line = format!(
            "{} · {} {} {unit} · {}",
            self.chemical(&m.chemical),
            self.event(m.event),
            number(m.amount),
            self.model(m.model)
        );
        if let Some(class) = m.stability {
            let wind = self
                .wind_line
                .replace("{u}", &number(m.wind_speed))
                .replace("{deg}", &number(m.wind_from));
            line.push_str(&format!(
                " · {} {} · {wind}",
                self.stability_class,
                class.letter()
            ));
        }
        for z in &m.zones {
            line.push_str(&format!(
                " · {} {}（{}）",
                self.tier(z.tier),
                self.distance(z.distance_m),
                z.level
            ));
        }
        if let Some(e) = m.evacuation_m {
            line.push_str(&format!(" · {} {}", self.evacuation, self.distance(e)));
        }
        line
    }

    pub fn hazard_grade(&self, grade: Option<HazardGrade>) -> &'static str {
        match grade {
            Some(HazardGrade::First) => self.hazard_grades[0],
            Some(HazardGrade::Second) => self.hazard_grades[1],
            Some(HazardGrade::Third) => self.hazard_grades[2],
            Some(HazardGrade::Fourth) => self.hazard_grades[3],
            None => self.not_major,
        }
    }

    pub fn event(&self, e: Event) -> &'static str {
        self.events[Event::ALL.iter().position(|x| *x == e).unwrap_or(0)]
    }

    pub fn amount(&self, e: Event) -> &'static str {
        match e {
            Event::ContinuousRelease => self.amount_rate,
            Event::PoolFire => self.amount_diameter,
            _ => self.amount_mass,
        }
    }

    pub fn tier(&self, t: Tier) -> &'static str {
        self.tiers[Tier::ALL.iter().position(|x| *x == t).unwrap_or(0)]
    }

    pub fn insolation(&self, i: Insolation) -> &'static str {
        match i {
            Insolation::Strong => self.insolations[0],
            Insolation::Moderate => self.insolations[1],
            Insolation::Slight => self.insolations[2],
        }
    }

    pub fn sigma_set(&self, s: SigmaSet) -> &'static str {
        self.sigma_sets[SigmaSet::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub fn model(&self, m: ModelUsed) -> &'static str {
        let i = match m {
            ModelUsed::GaussianPlume => 0,
            ModelUsed::GaussianPuff => 1,
            ModelUsed::DenseGas => 2,
            ModelUsed::PoolFire => 3,
            ModelUsed::Fireball => 4,
            ModelUsed::Tnt => 5,
        };
        self.models[i]
    }
}

pub(super) const ZH: ModelTexts = ModelTexts {
    hazards_title: "辅助决策：重大危险源",
    hazards_hint: "本辖区的危险化学品重大危险源，按 GB 18218-2018 辨识分级；事件的威胁区域在事件页的“辅助决策”中。",
    hazards_standard: "S = Σq/Q（≥1 构成重大危险源），R = α·Σβq/Q；一级 R≥100，二级 50≤R<100，三级 10≤R<50，四级 R<10（GB 18218-2018）。",
    hazard_name: "危险源名称",
    enterprise: "所属企业",
    substance: "危险化学品",
    quantity_t: "最大存在量（t）",
    exposed_population: "500 m 内暴露人数",
    exposed_hint: "用于校正系数 α",
    grade: "级别",
    not_major: "未构成重大危险源",
    positive_quantity: "应大于 0",
    substance_required: "至少填一种危险化学品",
    named_substances: "表1 列名物质",
    categories: "表2 危险性类别",
    add_hazard: "登记重大危险源",
    save_hazard: "辨识分级并保存",
    hazard_saved: "已保存，级别由服务器按标准计算",
    hazard_grades: ["一级", "二级", "三级", "四级"],
    english: false,
    wind_line: "风速 {u} m/s，风向 {deg}°",
    stability_class: "稳定度",
    required: "必填",
    out_of_range: "应在 {min} 至 {max} 之间",
    at_least: "应不小于 {min}",
    unknown: "不是可选的值",
    too_many: "最多 {max} 项",
    inconsistent: "与 {with} 不能同时使用",
    not_json: "请求体不是该模型的输入格式",
    unknown_model: "没有这个模型",
    title: "辅助决策：威胁区域",
    hint: "选择物质、事故形式和气象条件，区域即时在本机算出（服务器不可用时照样计算）。",
    chemical: "危险物质",
    event: "事故形式",
    amount_rate: "泄漏速率（kg/s）",
    amount_mass: "质量（kg）",
    amount_diameter: "液池直径（m）",
    wind_speed: "风速（m/s）",
    wind_from: "风向（来向，度）",
    daytime: "白天",
    night: "夜间",
    insolation: "日照",
    cloud_oktas: "云量（成）",
    stability: "大气稳定度",
    stability_auto: "按气象判定",
    sigma_set: "扩散参数",
    zones: "威胁区域",
    zone: "区域",
    level: "浓度/阈值",
    reach: "影响距离",
    people_demo: "人口*",
    no_zone: "该浓度未达到",
    evacuation: "建议疏散距离",
    downwind: "下风向",
    model_used: "所用模型",
    computed_here: "本机计算",
    affected: "区域内",
    population_demo: "* 人口来自演示网格，非真实数据",
    people: "人",
    resources_inside: "区域内的应急资源",
    shelters_outside: "区域外可用的避难场所",
    none_inside: "无",
    to_dispatch: "调派推荐资源",
    save: "保存研判结果到事件时间线",
    saved: "已保存到时间线",
    save_failed: "保存失败：服务器暂不可用，研判结果仍显示在本页",
    assumptions: "计算假设",
    defaulted: "默认",
    warnings: "注意",
    back_to_incident: "返回事件",
    open_decision: "辅助决策（威胁区域）",
    timeline_mark: "后果研判",
    events: [
        "持续泄漏",
        "瞬时泄漏",
        "池火",
        "火球（BLEVE）",
        "蒸气云爆炸",
    ],
    tiers: ["红区", "橙区", "黄区"],
    insolations: ["强", "中", "弱"],
    sigma_sets: ["Briggs 开阔地", "Briggs 城市", "Pasquill–Gifford"],
    models: [
        "高斯烟羽",
        "高斯烟团",
        "重气（Britter–McQuaid）",
        "池火（固体火焰）",
        "火球",
        "TNT 当量",
    ],
    warning_texts: WarningTexts {
        beyond_ten_km: "影响距离 {km} km 超过 10 km，扩散参数的拟合范围到此为止",
        beyond_one_hour: "烟云到达最远处需 {min} 分钟，超过 60 分钟，风和稳定度难以保持",
        low_wind: "风速 {u} m/s 低于 1 m/s，烟云摆动，模型不再适用",
        dense_gas: "按重气判据（{c} ≥ {l}）这是重气，宜用重气模型",
        not_dense: "按重气判据（{c} < {l}）这不是重气，宜用高斯模型",
        outside_correlation: "参数 α = {a} 超出重气关联曲线的范围，结果为外推",
        extrapolated: "{level} 超出重气关联曲线的浓度范围，距离为外推",
        beyond_range: "{level} 在 {km} km 处仍未降到，实际范围更大",
        duration: "泄漏持续时间与所选模型不符，宜按{expected}处理",
        outside_blast_curve: "{level} 超出爆炸超压曲线的范围",
        inside_flame: "{level} 只在火焰范围内达到",
        category_quantity: "{substance} 按危险性类别取临界量",
    },
};

pub(super) const EN: ModelTexts = ModelTexts {
    hazards_title: "Decision support: major hazards",
    hazards_hint: "Major hazard installations of your jurisdiction, identified and graded after GB 18218-2018; an incident's threat zones are under “Decision support” on its page.",
    hazards_standard: "S = Σq/Q (≥ 1: a major hazard), R = α·Σβq/Q; grade 1 R ≥ 100, 2: 50–100, 3: 10–50, 4: < 10 (GB 18218-2018).",
    hazard_name: "Installation",
    enterprise: "Enterprise",
    substance: "Hazardous chemical",
    quantity_t: "Largest quantity (t)",
    exposed_population: "People within 500 m",
    exposed_hint: "Sets the factor α",
    grade: "Grade",
    not_major: "Not a major hazard",
    positive_quantity: "Must be above 0",
    substance_required: "Enter at least one chemical",
    named_substances: "Named substances (Table 1)",
    categories: "Hazard categories (Table 2)",
    add_hazard: "Register a major hazard",
    save_hazard: "Identify, grade and save",
    hazard_saved: "Saved; the grade was computed by the server",
    hazard_grades: ["Grade 1", "Grade 2", "Grade 3", "Grade 4"],
    english: true,
    wind_line: "wind {u} m/s from {deg}°",
    stability_class: "stability",
    required: "Required",
    out_of_range: "Must be between {min} and {max}",
    at_least: "Must be at least {min}",
    unknown: "Not one of the choices",
    too_many: "At most {max}",
    inconsistent: "Cannot be used with {with}",
    not_json: "The body is not this model's input",
    unknown_model: "No such model",
    title: "Decision support: threat zones",
    hint: "Choose the substance, what happens and the weather; zones are computed here at once (also when the server is away).",
    chemical: "Substance",
    event: "Event",
    amount_rate: "Release rate (kg/s)",
    amount_mass: "Mass (kg)",
    amount_diameter: "Pool diameter (m)",
    wind_speed: "Wind speed (m/s)",
    wind_from: "Wind from (degrees)",
    daytime: "Day",
    night: "Night",
    insolation: "Sunshine",
    cloud_oktas: "Cloud (oktas)",
    stability: "Stability",
    stability_auto: "From the weather",
    sigma_set: "Dispersion coefficients",
    zones: "Threat zones",
    zone: "Zone",
    level: "Level",
    reach: "Reach",
    people_demo: "People*",
    no_zone: "not reached",
    evacuation: "Suggested evacuation distance",
    downwind: "downwind",
    model_used: "Model",
    computed_here: "computed on this device",
    affected: "Inside the zones",
    population_demo: "* People from a demo grid, not real data",
    people: "people",
    resources_inside: "Resources inside the zones",
    shelters_outside: "Shelters outside the zones",
    none_inside: "None",
    to_dispatch: "Dispatch recommended resources",
    save: "Save the assessment to the incident timeline",
    saved: "Saved to the timeline",
    save_failed: "Not saved: the server is unavailable; the assessment stays on this page",
    assumptions: "Assumptions",
    defaulted: "default",
    warnings: "Warnings",
    back_to_incident: "Back to the incident",
    open_decision: "Decision support (threat zones)",
    timeline_mark: "Consequence assessment",
    events: [
        "Continuous release",
        "Instantaneous release",
        "Pool fire",
        "Fireball (BLEVE)",
        "Vapour cloud explosion",
    ],
    tiers: ["Red zone", "Orange zone", "Yellow zone"],
    insolations: ["Strong", "Moderate", "Slight"],
    sigma_sets: ["Briggs rural", "Briggs urban", "Pasquill–Gifford"],
    models: [
        "Gaussian plume",
        "Gaussian puff",
        "Dense gas (Britter–McQuaid)",
        "Pool fire (solid flame)",
        "Fireball",
        "TNT equivalence",
    ],
    warning_texts: WarningTexts {
        beyond_ten_km: "Reaches {km} km, beyond the 10 km the dispersion curves were fitted to",
        beyond_one_hour: "The cloud needs {min} min to reach its farthest point; wind and stability will not hold beyond 60 min",
        low_wind: "Wind {u} m/s is below 1 m/s: the plume meanders and the model does not apply",
        dense_gas: "Dense by the workbook criterion ({c} ≥ {l}): use the dense-gas model",
        not_dense: "Not dense by the workbook criterion ({c} < {l}): use a Gaussian model",
        outside_correlation: "α = {a} lies outside the workbook curves: extrapolated",
        extrapolated: "{level} lies beyond the workbook's concentration curves: distance extrapolated",
        beyond_range: "{level} is still exceeded at {km} km: the zone is larger",
        duration: "The release duration does not fit the model: treat it as {expected}",
        outside_blast_curve: "{level} lies outside the blast curve",
        inside_flame: "{level} is met only within the flame",
        category_quantity: "{substance}: critical quantity by hazard category",
    },
};
