//! Reports as typed or sent, and the one validation every path applies (the duty desk's form,
//! the call centres' JSON API): impossible figures get field errors in the reader's language.

use serde::{Deserialize, Serialize};

use super::model::{Casualties, IncidentFacts, IncidentSource, NewIncident};
use crate::error::AppError;
use crate::i18n::IncidentTexts;
use crate::reference::{accident_types, industries};
use crate::ui::form_reader::FormReader;
use crate::ui::time::parse_time;

/// A clock this far ahead of ours is still "now" (telephone exchanges drift).
const FUTURE_TOLERANCE: i64 = 300;
const MAX_COUNT: i64 = 100_000;
const MAX_LOSS_CNY: i64 = 10_000_000_000_000;

/// The intake form, field by field as typed (all text, so a bad figure is a field error, not a
/// decoding failure). The JSON API converts its request into this.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IncidentForm {
    pub title: String,
    pub accident_type: String,
    pub industry: String,
    /// Beijing time as `datetime-local` gives it (`2026-12-04T21:30`), or RFC 3339.
    pub occurred_at: String,
    pub lon: String,
    pub lat: String,
    pub region_code: String,
    pub address: String,
    pub enterprise: String,
    pub deaths: String,
    pub missing: String,
    pub serious_injuries: String,
    pub minor_injuries: String,
    pub trapped: String,
    pub direct_loss_cny: String,
    pub hazmat: String,
    pub description: String,
    pub source: String,
    pub reporter: String,
    pub reporter_phone: String,
    pub external_id: String,
}

/// 续报: the figures as they now stand, and what changed, against the version it was based on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub version: String,
    pub deaths: String,
    pub missing: String,
    pub serious_injuries: String,
    pub minor_injuries: String,
    pub trapped: String,
    pub direct_loss_cny: String,
    pub note: String,
}

/// A validated 续报.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub based_on: u32,
    pub casualties: Casualties,
    pub direct_loss_cny: u64,
    pub note: String,
}

/// Deaths, missing, serious, minor, trapped: as both the report and a 续报 state them.
fn casualties(
    r: &mut FormReader<'_>,
    t: &IncidentTexts,
    [deaths, missing, serious, minor, trapped]: [&str; 5],
) -> Casualties {
    let mut count = |label, value| r.number(label, value, MAX_COUNT) as u32;
    Casualties {
        deaths: count(t.deaths, deaths),
        missing: count(t.missing, missing),
        serious_injuries: count(t.serious_injuries, serious),
        minor_injuries: count(t.minor_injuries, minor),
        trapped: count(t.trapped, trapped),
    }
}

impl IncidentForm {
    /// The report, if every field holds; otherwise every field error at once.
    pub fn validate(&self, now: i64, t: &IncidentTexts) -> Result<NewIncident, AppError> {
        let mut r = FormReader::new(t.form);
        let title = r.text(t.title, &self.title, 100, true);
        let accident_type = match self.accident_type.trim().parse::<u8>() {
            Ok(code) if accident_types().iter().any(|a| a.code == code) => code,
            _ => {
                r.errors.add(t.accident_type, t.form.choose);
                0
            }
        };
        let industry = self.industry.trim().to_string();
        if !industries().iter().any(|i| i.code == industry) {
            r.errors.add(t.industry, t.form.choose);
        }
        let occurred_at = match parse_time(&self.occurred_at) {
            Some(at) if at > now + FUTURE_TOLERANCE => {
                r.errors.add(t.occurred_at, t.in_future);
                at
            }
            Some(at) => at,
            None => {
                r.errors.add(t.occurred_at, t.time_required);
                0
            }
        };
        let lon = r.coordinate(t.lon, &self.lon, 73.0..136.0, t.outside_china);
        let lat = r.coordinate(t.lat, &self.lat, 3.0..54.0, t.outside_china);
        let region_code = r.place(
            [t.region_code, t.lon],
            &self.region_code,
            (lon, lat),
            [t.region_unknown, t.far_from_region],
        );
        let address = r.text(t.address, &self.address, 200, false);
        let enterprise = r.text(t.enterprise, &self.enterprise, 100, false);
        let casualties = casualties(
            &mut r,
            t,
            [
                &self.deaths,
                &self.missing,
                &self.serious_injuries,
                &self.minor_injuries,
                &self.trapped,
            ],
        );
        let direct_loss_cny = r.number(t.direct_loss, &self.direct_loss_cny, MAX_LOSS_CNY);
        let hazmat = r.text(t.hazmat, &self.hazmat, 200, false);
        let description = r.text(t.description, &self.description, 4000, false);
        let source = IncidentSource::parse(self.source.trim());
        if source.is_none() {
            r.errors.add(t.source, t.form.choose);
        }
        let reporter = r.text(t.reporter, &self.reporter, 50, false);
        let reporter_phone = r.phone(t.reporter_phone, &self.reporter_phone, t.phone_rule);
        let external_id = r.text("external_id", &self.external_id, 64, false);
        r.finish()?;
        Ok(NewIncident {
            facts: IncidentFacts {
                title,
                accident_type,
                industry,
                occurred_at,
                lon,
                lat,
                region_code,
                address,
                enterprise,
                casualties,
                direct_loss_cny,
                hazmat,
                description,
            },
            source: source.unwrap_or(IncidentSource::Phone),
            reporter,
            reporter_phone,
            external_id: (!external_id.is_empty()).then_some(external_id),
        })
    }
}

impl FollowUpForm {
    pub fn validate(&self, t: &IncidentTexts) -> Result<FollowUp, AppError> {
        let mut r = FormReader::new(t.form);
        let based_on = self.version.trim().parse::<u32>().unwrap_or(0);
        let casualties = casualties(
            &mut r,
            t,
            [
                &self.deaths,
                &self.missing,
                &self.serious_injuries,
                &self.minor_injuries,
                &self.trapped,
            ],
        );
        let direct_loss_cny = r.number(t.direct_loss, &self.direct_loss_cny, MAX_LOSS_CNY);
        let note = r.text(t.followup_note, &self.note, 4000, true);
        r.finish()?;
        Ok(FollowUp {
            based_on,
            casualties,
            direct_loss_cny,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    const NOW: i64 = 1_796_383_800; // 2026-12-04 19:30 Beijing

    fn form() -> IncidentForm {
        IncidentForm {
            title: "某煤矿瓦斯爆炸".into(),
            accident_type: "15".into(),
            industry: "coal".into(),
            occurred_at: "2026-12-04T19:00".into(),
            lon: "112.55".into(),
            lat: "37.87".into(),
            region_code: "140105".into(),
            deaths: "3".into(),
            source: "phone".into(),
            ..IncidentForm::default()
        }
    }

    fn fields(result: Result<NewIncident, AppError>) -> Vec<String> {
        match result {
            Err(AppError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_plain_report_reads_in_beijing_time() {
        let t = &Locale::ZhCn.texts().incidents;
        let new = form().validate(NOW, t).unwrap();
        assert_eq!(new.facts.occurred_at, NOW - 1800);
        assert_eq!(new.facts.casualties.deaths, 3);
        assert_eq!(new.facts.grade(), super::super::Grade::Larger);
        assert_eq!(new.external_id, None);
    }

    #[test]
    fn impossible_figures_are_named_in_chinese() {
        let t = &Locale::ZhCn.texts().incidents;
        let bad = IncidentForm {
            deaths: "-1".into(),
            occurred_at: "2026-12-05T19:00".into(),
            // Guangzhou's coordinates under a Taiyuan district code.
            lon: "113.26".into(),
            lat: "23.13".into(),
            direct_loss_cny: "lots".into(),
            ..form()
        };
        let got = fields(bad.validate(NOW, t));
        for label in [t.deaths, t.occurred_at, t.lon, t.direct_loss] {
            assert!(got.iter().any(|f| f == label), "{label} in {got:?}");
        }
    }

    #[test]
    fn coordinates_outside_china_and_unknown_regions_are_refused() {
        let t = &Locale::ZhCn.texts().incidents;
        let bad = IncidentForm {
            lon: "2.35".into(),
            region_code: "990101".into(),
            ..form()
        };
        let got = fields(bad.validate(NOW, t));
        assert!(got.contains(&t.lon.to_string()) && got.contains(&t.region_code.to_string()));
    }

    #[test]
    fn times_parse_as_beijing_or_rfc3339() {
        assert_eq!(parse_time("2026-12-04T19:30"), Some(NOW));
        assert_eq!(parse_time("2026-12-04T11:30:00Z"), Some(NOW));
        assert_eq!(parse_time("2026-12-04T19:30:00+08:00"), Some(NOW));
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn a_follow_up_needs_its_note_and_sane_figures() {
        let t = &Locale::En.texts().incidents;
        let ok = FollowUpForm {
            version: "2".into(),
            deaths: "10".into(),
            note: "Seven more bodies recovered".into(),
            ..FollowUpForm::default()
        }
        .validate(t)
        .unwrap();
        assert_eq!((ok.based_on, ok.casualties.deaths), (2, 10));
        let bad = FollowUpForm {
            deaths: "-3".into(),
            ..FollowUpForm::default()
        }
        .validate(t);
        assert!(matches!(bad, Err(AppError::Validation(e)) if e.len() == 2));
    }
}
