//! The subsystems of the platform, as the navigation and the overview list them.

mod page;

pub use page::UnderConstructionPage;

/// A subsystem named in the 2006 guidance (plus the shell's own sections).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Duty,
    Map,
    Resources,
    Decision,
    Plans,
    Drills,
    Stats,
    Video,
    Hall,
    Alerts,
    Exchange,
    Admin,
}

impl Section {
    /// In navigation order: the duty desk first, administration last.
    pub const ALL: [Section; 12] = [
        Section::Duty,
        Section::Map,
        Section::Resources,
        Section::Decision,
        Section::Plans,
        Section::Drills,
        Section::Stats,
        Section::Video,
        Section::Hall,
        Section::Alerts,
        Section::Exchange,
        Section::Admin,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Section::Duty => "/duty",
            Section::Map => "/map",
            Section::Resources => "/resources",
            Section::Decision => "/decision",
            Section::Plans => "/plans",
            Section::Drills => "/drills",
            Section::Stats => "/stats",
            Section::Video => "/video",
            Section::Hall => "/hall",
            Section::Alerts => "/alerts",
            Section::Exchange => "/exchange",
            Section::Admin => "/admin",
        }
    }

    /// Whether the section does real work yet; the others say 建设中 plainly.
    pub fn is_available(self) -> bool {
        matches!(
            self,
            Section::Duty
                | Section::Map
                | Section::Resources
                | Section::Decision
                | Section::Alerts
                | Section::Exchange
                | Section::Hall
                | Section::Video
                | Section::Admin
        )
    }

    /// A one-character glyph for the compact navigation (tablet, narrow windows).
    pub fn glyph(self) -> &'static str {
        match self {
            Section::Duty => "值",
            Section::Map => "图",
            Section::Resources => "资",
            Section::Decision => "策",
            Section::Plans => "案",
            Section::Drills => "练",
            Section::Stats => "统",
            Section::Video => "视",
            Section::Hall => "厅",
            Section::Alerts => "警",
            Section::Exchange => "联",
            Section::Admin => "管",
        }
    }

    /// Stable identifier for tests and styling.
    pub fn key(self) -> &'static str {
        &self.path()[1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use std::collections::HashSet;

    #[test]
    fn paths_are_unique_and_every_section_is_named_in_every_locale() {
        let paths: HashSet<_> = Section::ALL.iter().map(|s| s.path()).collect();
        assert_eq!(paths.len(), Section::ALL.len());
        for locale in Locale::ALL {
            for section in Section::ALL {
                let text = locale.texts().section(section);
                assert!(!text.name.is_empty() && !text.summary.is_empty());
                assert!(
                    section.is_available() || !text.planned.is_empty(),
                    "{section:?} under construction must say what is planned"
                );
            }
        }
    }

    #[test]
    fn the_catalogue_names_match_the_guidance() {
        let zh = Locale::ZhCn.texts();
        assert_eq!(zh.section(Section::Duty).name, "应急值守");
        assert_eq!(zh.section(Section::Map).name, "态势地图");
        assert_eq!(zh.section(Section::Admin).name, "系统管理");
    }
}
