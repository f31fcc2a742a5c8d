//! An alert's content as its author writes it, and the one check every path applies before it
//! can be submitted: what CAP 1.2 requires, plus what a citizen needs (an instruction, a place).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cap::{Category, Certainty, Scope, Status};
use super::level::WarningLevel;
use crate::error::AppError;
use crate::i18n::Texts;
use crate::reference::{NATIONAL_REGION_CODE, region};
use crate::ui::form_reader::FormReader;

/// The widest circle an alert may draw, km.
pub const MAX_RADIUS_KM: f64 = 1000.0;
/// The circle around an incident when no assessment gives a distance, km.
pub const INCIDENT_RADIUS_KM: f64 = 1.0;
/// Most vertices of a polygon (threat zones have ≤ 200).
pub const MAX_VERTICES: usize = 1000;

/// One language's text of an alert (CAP `info` without its codes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InfoText {
    pub event: String,
    pub headline: String,
    pub description: String,
    pub instruction: String,
    pub area_desc: String,
}

/// A circle as CAP writes it: centre in WGS-84 and radius in km.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Circle {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// Where the alert applies: any of a polygon, a circle and GB/T 2260 codes (at least one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Closed ring of `[lat, lon]` (CAP order): the first point repeated last.
    pub polygon: Vec<[f64; 2]>,
    pub circle: Option<Circle>,
    pub geocodes: Vec<String>,
}

/// A checked alert, stored with every version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertContent {
    pub level: WarningLevel,
    pub status: Status,
    pub scope: Scope,
    pub category: Category,
    pub certainty: Certainty,
    pub zh: InfoText,
    pub en: Option<InfoText>,
    /// Unix seconds; `None` means from the time it is sent.
    pub effective: Option<i64>,
    pub onset: Option<i64>,
    pub expires: i64,
    pub web: String,
    pub contact: String,
    pub area: Area,
    /// The incident the alert was started from.
    pub incident_id: Option<Uuid>,
}

impl AlertContent {
    /// The block of `english` readers when there is one, else the Chinese.
    pub fn info(&self, english: bool) -> &InfoText {
        match (&self.en, english) {
            (Some(en), true) => en,
            _ => &self.zh,
        }
    }

    /// The region codes the alert names, or the province of its shape's first point, for
    /// listing by region.
    pub fn region_code(&self) -> String {
        if let Some(code) = self.area.geocodes.first() {
            return code.clone();
        }
        let point = self
            .area
            .circle
            .map(|c| (c.lon, c.lat))
            .or_else(|| self.area.polygon.first().map(|p| (p[1], p[0])));
        point
            .and_then(crate::reference::province_at)
            .map_or_else(|| NATIONAL_REGION_CODE.to_string(), |r| r.code.to_string())
    }
}

/// The authoring form as typed: every field text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlertForm {
    pub level: String,
    pub status: String,
    pub category: String,
    pub certainty: String,
    pub event: String,
    pub headline: String,
    pub description: String,
    pub instruction: String,
    pub area_desc: String,
    pub en_event: String,
    pub en_headline: String,
    pub en_description: String,
    pub en_instruction: String,
    pub en_area_desc: String,
    pub effective: String,
    pub onset: String,
    pub expires: String,
    pub web: String,
    pub contact: String,
    /// `lat,lon lat,lon …`, as CAP writes a polygon.
    pub polygon: String,
    /// `lat,lon radius_km`, as CAP writes a circle.
    pub circle: String,
    /// GB/T 2260 codes separated by spaces or commas.
    pub geocodes: String,
    pub incident_id: String,
}

/// What a polygon text can be wrong with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    Malformed,
    OutOfRange,
    TooFew,
    NotClosed,
    TooMany,
}

/// The code itself if the region table lists it, else its prefecture or province: the table
/// has no counties, and an alert may name the wider area.
pub fn listed_region(code: &str) -> Option<String> {
    if code.len() != 6 || !code.is_ascii() {
        return None;
    }
    [
        code.to_string(),
        format!("{}00", &code[..4]),
        format!("{}0000", &code[..2]),
    ]
    .into_iter()
    .find(|c| region(c).is_some())
}

/// Reads `lat,lon lat,lon …`; a polygon must be closed and have at least four points.
pub fn parse_polygon(text: &str) -> Result<Vec<[f64; 2]>, ShapeProblem> {
    let points = text
        .split_whitespace()
        .map(parse_point)
        .collect::<Result<Vec<_>, _>>()?;
    if points.len() > MAX_VERTICES {
        Err(ShapeProblem::TooMany)
    } else if points.len() < 4 {
        Err(ShapeProblem::TooFew)
    } else if points.first() != points.last() {
        Err(ShapeProblem::NotClosed)
    } else {
        Ok(points)
    }
}

/// Reads `lat,lon radius_km`.
pub fn parse_circle(text: &str) -> Result<Circle, ShapeProblem> {
    let mut parts = text.split_whitespace();
    let (Some(centre), Some(radius), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(ShapeProblem::Malformed);
    };
    let [lat, lon] = parse_point(centre)?;
    let radius_km: f64 = radius.parse().map_err(|_| ShapeProblem::Malformed)?;
    if !(radius_km > 0.0 && radius_km <= MAX_RADIUS_KM) {
        return Err(ShapeProblem::OutOfRange);
    }
    Ok(Circle {
        lat,
        lon,
        radius_km,
    })
}

fn parse_point(text: &str) -> Result<[f64; 2], ShapeProblem> {
    let (lat, lon) = text.split_once(',').ok_or(ShapeProblem::Malformed)?;
    let lat: f64 = lat.parse().map_err(|_| ShapeProblem::Malformed)?;
    let lon: f64 = lon.parse().map_err(|_| ShapeProblem::Malformed)?;
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok([lat, lon])
    } else {
        Err(ShapeProblem::OutOfRange)
    }
}

/// Writes a ring of `[lat, lon]` as CAP does, six decimals (≈ 0.1 m).
pub fn polygon_text(points: &[[f64; 2]]) -> String {
    points
        .iter()
        .map(|[lat, lon]| format!("{lat:.6},{lon:.6}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn circle_text(c: &Circle) -> String {
    format!("{:.6},{:.6} {}", c.lat, c.lon, c.radius_km)
}

impl AlertForm {
    /// The form an existing alert fills in, for an update.
    pub fn from_content(c: &AlertContent) -> AlertForm {
        let time = |t: Option<i64>| t.map(crate::ui::time::datetime_local).unwrap_or_default();
        let en = c.en.clone().unwrap_or_default();
        AlertForm {
            level: c.level.key().into(),
            status: c.status.cap().into(),
            category: c.category.cap().into(),
            certainty: c.certainty.cap().into(),
            event: c.zh.event.clone(),
            headline: c.zh.headline.clone(),
            description: c.zh.description.clone(),
            instruction: c.zh.instruction.clone(),
            area_desc: c.zh.area_desc.clone(),
            en_event: en.event,
            en_headline: en.headline,
            en_description: en.description,
            en_instruction: en.instruction,
            en_area_desc: en.area_desc,
            effective: time(c.effective),
            onset: time(c.onset),
            expires: time(Some(c.expires)),
            web: c.web.clone(),
            contact: c.contact.clone(),
            polygon: polygon_text(&c.area.polygon),
            circle: c.area.circle.as_ref().map(circle_text).unwrap_or_default(),
            geocodes: c.area.geocodes.join(" "),
            incident_id: c.incident_id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }

    /// An empty form with the usual choices made: a real work-safety alert, likely, valid for
    /// twelve hours. The level is left for the author to choose.
    pub fn blank(now: i64) -> AlertForm {
        AlertForm {
            status: Status::Actual.cap().into(),
            category: Category::Safety.cap().into(),
            certainty: Certainty::Likely.cap().into(),
            expires: crate::ui::time::datetime_local(now + 12 * 3600),
            ..AlertForm::default()
        }
    }

    /// A first draft for an incident: its place (a circle of the last assessment's evacuation
    /// distance, else [`INCIDENT_RADIUS_KM`]), its region, its kind, a colour after its grade,
    /// twelve hours of validity. The author reads and completes every word before submitting.
    pub fn from_incident(
        incident: &crate::incidents::IncidentSummary,
        evacuation_m: Option<f64>,
        now: i64,
    ) -> AlertForm {
        use crate::incidents::Grade;
        let kind = crate::reference::accident_types()
            .iter()
            .find(|a| a.code == incident.accident_type)
            .map_or("生产安全事故", |a| a.name_zh);
        let place = listed_region(&incident.region_code)
            .and_then(|c| region(&c))
            .map_or("", |r| r.name);
        let level = match incident.grade {
            Grade::ParticularlyMajor => WarningLevel::Red,
            Grade::Major => WarningLevel::Orange,
            Grade::Larger => WarningLevel::Yellow,
            Grade::General => WarningLevel::Blue,
        };
        let radius_km = evacuation_m.map_or(INCIDENT_RADIUS_KM, |m| (m / 1000.0).max(0.1));
        let category = if kind == "火灾" {
            Category::Fire
        } else {
            Category::Safety
        };
        let code = listed_region(&incident.region_code).unwrap_or_default();
        AlertForm {
            level: level.key().into(),
            status: Status::Actual.cap().into(),
            category: category.cap().into(),
            certainty: Certainty::Observed.cap().into(),
            event: kind.into(),
            headline: format!("{place}{}", incident.title),
            area_desc: format!("{place}事发地周边 {radius_km:.1} 公里"),
            expires: crate::ui::time::datetime_local(now + 12 * 3600),
            circle: circle_text(&Circle {
                lat: (incident.lat * 1e6).round() / 1e6,
                lon: (incident.lon * 1e6).round() / 1e6,
                radius_km: (radius_km * 10.0).ceil() / 10.0,
            }),
            geocodes: code,
            incident_id: incident.id.to_string(),
            ..AlertForm::default()
        }
    }

    /// The alert, if every field holds at `now`; otherwise every field error at once.
    pub fn validate(&self, now: i64, texts: &Texts) -> Result<AlertContent, AppError> {
        let t = &texts.alerts;
        let mut r = FormReader::new(&texts.form);
        let level = r.choice(t.level, &self.level, WarningLevel::parse);
        // Only real, exercise and test alerts are authored here; System and Draft are CAP's own.
        let status = r.choice(t.status, &self.status, |s| {
            Status::parse(s)
                .filter(|s| matches!(s, Status::Actual | Status::Exercise | Status::Test))
        });
        let category = r.choice(t.category, &self.category, Category::parse);
        let certainty = r.choice(t.certainty, &self.certainty, Certainty::parse);
        let zh = InfoText {
            event: r.text(t.event, &self.event, 50, true),
            headline: r.text(t.headline, &self.headline, 160, true),
            description: r.text(t.description, &self.description, 4000, true),
            instruction: r.text(t.instruction, &self.instruction, 2000, true),
            area_desc: r.text(t.area_desc, &self.area_desc, 200, true),
        };
        let en_fields = [
            &self.en_event,
            &self.en_headline,
            &self.en_description,
            &self.en_instruction,
            &self.en_area_desc,
        ];
        // The English block is all or nothing: half a translation misleads.
        let en = en_fields
            .iter()
            .any(|f| !f.trim().is_empty())
            .then(|| InfoText {
                event: r.text(t.en_event, &self.en_event, 50, true),
                headline: r.text(t.en_headline, &self.en_headline, 160, true),
                description: r.text(t.en_description, &self.en_description, 4000, true),
                instruction: r.text(t.en_instruction, &self.en_instruction, 2000, true),
                area_desc: r.text(t.en_area_desc, &self.en_area_desc, 200, true),
            });
        let effective = r.instant(t.effective, &self.effective, false);
        let onset = r.instant(t.onset, &self.onset, false);
        let expires = r.instant(t.expires, &self.expires, true);
        if let Some(expires) = expires {
            let start = effective.unwrap_or(now).max(onset.unwrap_or(i64::MIN));
            if expires <= now {
                r.errors.add(t.expires, t.expires_past);
            } else if expires <= start {
                r.errors.add(t.expires, t.expires_before_start);
            }
        }
        let web = r.text(t.web, &self.web, 300, false);
        if !web.is_empty()
            && (!(web.starts_with("https://") || web.starts_with("http://"))
                || web.contains(char::is_whitespace))
        {
            r.errors.add(t.web, t.web_rule);
        }
        let contact = r.text(t.contact, &self.contact, 100, false);
        let area = self.area(&mut r, texts);
        let incident_id = match self.incident_id.trim() {
            "" => None,
            id => {
                let parsed = Uuid::parse_str(id).ok();
                if parsed.is_none() {
                    r.errors.add(t.incident, texts.form.choose);
                }
                parsed
            }
        };
        r.finish()?;
        match (level, status, category, certainty, expires) {
            (Some(level), Some(status), Some(category), Some(certainty), Some(expires)) => {
                Ok(AlertContent {
                    level,
                    status,
                    scope: Scope::Public,
                    category,
                    certainty,
                    zh,
                    en,
                    effective,
                    onset,
                    expires,
                    web,
                    contact,
                    area,
                    incident_id,
                })
            }
            // Every None above added an error, so finish() returned.
            _ => Err(AppError::Validation(Vec::new())),
        }
    }

    fn area(&self, r: &mut FormReader, texts: &Texts) -> Area {
        let t = &texts.alerts;
        let mut area = Area::default();
        if !self.polygon.trim().is_empty() {
            match parse_polygon(&self.polygon) {
                Ok(points) => area.polygon = points,
                Err(problem) => r.errors.add(t.polygon, t.shape_problem(problem)),
            }
        }
        if !self.circle.trim().is_empty() {
            match parse_circle(&self.circle) {
                Ok(circle) => area.circle = Some(circle),
                Err(problem) => r.errors.add(t.circle, t.shape_problem(problem)),
            }
        }
        for code in self
            .geocodes
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，')
            .filter(|c| !c.is_empty())
        {
            if code == NATIONAL_REGION_CODE || region(code).is_some() {
                if !area.geocodes.iter().any(|c| c == code) {
                    area.geocodes.push(code.to_string());
                }
            } else {
                r.errors
                    .add(t.geocodes, t.unknown_geocode.replace("{code}", code));
            }
        }
        let named = [&self.polygon, &self.circle, &self.geocodes];
        if named.iter().all(|f| f.trim().is_empty()) {
            r.errors.add(t.polygon, t.area_required);
        }
        area
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::Locale;

    const NOW: i64 = 1_796_383_800; // 2026-12-04 19:30 Beijing

    pub(crate) fn form() -> AlertForm {
        AlertForm {
            level: "orange".into(),
            status: "Actual".into(),
            category: "Env".into(),
            certainty: "Likely".into(),
            event: "危险化学品泄漏".into(),
            headline: "小店区液氨泄漏橙色预警".into(),
            description: "一化工企业液氨储罐泄漏，下风向 2 公里内可能受影响。".into(),
            instruction: "关闭门窗，听从现场指挥撤离。".into(),
            area_desc: "太原市小店区".into(),
            expires: "2026-12-05T07:30".into(),
            polygon: "37.80,112.55 37.80,112.60 37.76,112.60 37.80,112.55".into(),
            geocodes: "140100".into(),
            ..AlertForm::default()
        }
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation(list) => list.into_iter().map(|e| e.field).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_complete_form_reads_into_cap_terms() {
        let t = Locale::ZhCn.texts();
        let alert = form().validate(NOW, t).unwrap();
        assert_eq!(alert.level, WarningLevel::Orange);
        assert_eq!(alert.expires, NOW + 12 * 3600);
        assert_eq!(alert.area.polygon.len(), 4);
        assert_eq!(alert.area.polygon[0], [37.80, 112.55]);
        assert_eq!(alert.region_code(), "140100");
        assert_eq!(alert.en, None);
        // And back: the update form shows what was published.
        let again = AlertForm::from_content(&alert).validate(NOW, t).unwrap();
        assert_eq!(again, alert);
    }

    #[test]
    fn each_bad_field_is_named() {
        let t = Locale::ZhCn.texts();
        let bad = AlertForm {
            level: "purple".into(),
            headline: String::new(),
            polygon: "37.80,112.55 37.80,112.60 37.76,112.60 37.70,112.50".into(),
            geocodes: "140100 999999".into(),
            expires: "2026-12-04T18:00".into(),
            ..form()
        };
        let got = fields(bad.validate(NOW, t).unwrap_err());
        let a = &t.alerts;
        for want in [a.level, a.headline, a.polygon, a.geocodes, a.expires] {
            assert!(got.iter().any(|f| f == want), "{want} missing in {got:?}");
        }
    }

    #[test]
    fn an_alert_cannot_expire_before_it_starts() {
        let t = Locale::En.texts();
        let bad = AlertForm {
            effective: "2026-12-05T10:00".into(),
            expires: "2026-12-05T09:00".into(),
            ..form()
        };
        let err = bad.validate(NOW, t).unwrap_err();
        assert_eq!(fields(err), [t.alerts.expires]);
        let late_onset = AlertForm {
            onset: "2026-12-05T08:00".into(),
            ..form()
        };
        assert!(late_onset.validate(NOW, t).is_err());
    }

    #[test]
    fn an_alert_needs_a_place_and_a_whole_translation() {
        let t = Locale::ZhCn.texts();
        let nowhere = AlertForm {
            polygon: String::new(),
            geocodes: String::new(),
            ..form()
        };
        assert_eq!(
            fields(nowhere.validate(NOW, t).unwrap_err()),
            [t.alerts.polygon]
        );
        let half = AlertForm {
            en_headline: "Ammonia leak".into(),
            ..form()
        };
        let got = fields(half.validate(NOW, t).unwrap_err());
        assert!(got.contains(&t.alerts.en_event.to_string()), "{got:?}");
        assert!(!got.contains(&t.alerts.en_headline.to_string()), "{got:?}");
    }

    #[test]
    fn shapes_read_as_cap_writes_them() {
        assert_eq!(parse_polygon("1,2 1,3 2,3"), Err(ShapeProblem::TooFew));
        assert_eq!(
            parse_polygon("1,2 1,3 2,3 2,2"),
            Err(ShapeProblem::NotClosed)
        );
        assert_eq!(parse_polygon("1,2 1,3 2,3 x"), Err(ShapeProblem::Malformed));
        assert_eq!(
            parse_polygon("91,2 1,3 2,3 91,2"),
            Err(ShapeProblem::OutOfRange)
        );
        let ring = parse_polygon("1,2 1,3 2,3 1,2").unwrap();
        assert_eq!(parse_polygon(&polygon_text(&ring)), Ok(ring));
        let c = parse_circle("37.8,112.55 5").unwrap();
        assert_eq!(c.radius_km, 5.0);
        assert_eq!(parse_circle(&circle_text(&c)), Ok(c));
        assert_eq!(parse_circle("37.8,112.55 0"), Err(ShapeProblem::OutOfRange));
        assert_eq!(parse_circle("37.8,112.55"), Err(ShapeProblem::Malformed));
    }

    #[test]
    fn only_authored_statuses_are_accepted() {
        let t = Locale::ZhCn.texts();
        for (status, ok) in [
            ("Actual", true),
            ("Exercise", true),
            ("Test", true),
            ("System", false),
            ("actual", false),
        ] {
            let f = AlertForm {
                status: status.into(),
                ..form()
            };
            assert_eq!(f.validate(NOW, t).is_ok(), ok, "{status}");
        }
    }
}
