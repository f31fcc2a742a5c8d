//! 事故快报: the quick report in the content of Decree 493 Art. 12, as sections of text — the
//! same for the printed page and the exported file.

use super::IncidentDetail;
use crate::i18n::Locale;
use crate::reference::{accident_types, industries};
use crate::ui::time::format_minutes;

/// The report as (heading, body) sections, in the order Art. 12 lists them.
pub fn quick_report(detail: &IncidentDetail, locale: Locale) -> Vec<(&'static str, String)> {
    let t = &locale.texts().incidents;
    let f = &detail.facts;
    let c = f.casualties;
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            t.qr_none.to_string()
        } else {
            s.to_string()
        }
    };
    let kind = accident_types()
        .iter()
        .find(|a| a.code == f.accident_type)
        .map_or("", |a| a.name(locale));
    let industry = industries()
        .iter()
        .find(|i| i.code == f.industry)
        .map_or(f.industry.as_str(), |i| i.name(locale));
    let notes: Vec<String> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == super::EntryKind::Note)
        .map(|e| format!("{} {}", format_minutes(e.at), e.text))
        .collect();
    let measures = if notes.is_empty() {
        t.qr_none.to_string()
    } else {
        notes.join("\n")
    };
    vec![
        (
            t.qr_unit,
            format!("{}（{industry}）", or_none(&f.enterprise)),
        ),
        (
            t.qr_time_place,
            format!(
                "{}；{} {}（{:.5}, {:.5}）；{kind}",
                format_minutes(f.occurred_at),
                super::components::place_name(&f.region_code),
                f.address,
                f.lon,
                f.lat
            ),
        ),
        (t.qr_course, or_none(&f.description)),
        (
            t.qr_casualties,
            format!(
                "{} {}，{} {}，{} {}，{} {}，{} {}；{} {}",
                t.deaths,
                c.deaths,
                t.missing,
                c.missing,
                t.serious_injuries,
                c.serious_injuries,
                t.minor_injuries,
                c.minor_injuries,
                t.trapped,
                c.trapped,
                t.direct_loss,
                f.direct_loss_cny
            ),
        ),
        (t.qr_measures, measures),
        (
            t.qr_other,
            format!(
                "{}：{}；{}：{}",
                t.qr_grade,
                t.grade(detail.summary.grade),
                t.hazmat,
                or_none(&f.hazmat)
            ),
        ),
        (
            t.qr_reporter,
            format!(
                "{} {} · {} · {}",
                detail.reporter,
                detail.reporter_phone,
                detail.unit_name,
                format_minutes(detail.summary.received_at)
            ),
        ),
    ]
}

/// The report as plain text, for the export.
pub fn quick_report_text(detail: &IncidentDetail, locale: Locale) -> String {
    let t = &locale.texts().incidents;
    let mut text = format!("{}\n{}\n\n", t.qr_title, detail.summary.title);
    for (heading, body) in quick_report(detail, locale) {
        text.push_str(heading);
        text.push('\n');
        text.push_str(&body);
        text.push_str("\n\n");
    }
    text
}
