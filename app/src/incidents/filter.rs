//! 筛选: which incidents a board or map shows, from its address (`?grade=larger&region=14`), so
//! a filtered view can be bookmarked, shared and reloaded.

use super::{Grade, IncidentSummary};
use crate::identity::region_covers;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncidentFilter {
    /// This grade or graver.
    pub grade: Option<Grade>,
    /// A province (or any GB/T 2260 code): incidents within it.
    pub region: Option<String>,
}

impl IncidentFilter {
    /// From query parameters; unknown values are ignored (everything shows).
    pub fn parse(grade: Option<&str>, region: Option<&str>) -> IncidentFilter {
        IncidentFilter {
            grade: grade.and_then(|g| Grade::ALL.into_iter().find(|x| x.key() == g)),
            region: region
                .map(str::trim)
                .filter(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string),
        }
    }

    pub fn admits(&self, incident: &IncidentSummary) -> bool {
        self.grade.is_none_or(|g| incident.grade >= g)
            && self
                .region
                .as_deref()
                .is_none_or(|r| region_covers(r, &incident.region_code))
    }

    pub fn is_empty(&self) -> bool {
        self.grade.is_none() && self.region.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incidents::{Casualties, IncidentStatus};

    fn incident(grade: Grade, region: &str) -> IncidentSummary {
        IncidentSummary {
            id: uuid::Uuid::nil(),
            title: String::new(),
            accident_type: 1,
            industry: "coal".into(),
            grade,
            status: IncidentStatus::Received,
            occurred_at: 0,
            received_at: 0,
            region_code: region.into(),
            lon: 0.0,
            lat: 0.0,
            casualties: Casualties::default(),
            duties: vec![],
            version: 1,
            revision: 1,
            demo: false,
            origin: None,
        }
    }

    #[test]
    fn a_grade_filter_keeps_that_grade_and_graver() {
        let f = IncidentFilter::parse(Some("larger"), None);
        assert!(!f.admits(&incident(Grade::General, "140105")));
        assert!(f.admits(&incident(Grade::Larger, "140105")));
        assert!(f.admits(&incident(Grade::ParticularlyMajor, "440100")));
    }

    #[test]
    fn a_region_filter_keeps_its_subtree_and_junk_is_ignored() {
        let f = IncidentFilter::parse(None, Some("140000"));
        assert!(f.admits(&incident(Grade::General, "140105")));
        assert!(!f.admits(&incident(Grade::General, "440100")));
        assert!(IncidentFilter::parse(Some("huge"), Some("14")).is_empty());
    }
}
