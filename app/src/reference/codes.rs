use std::sync::LazyLock;

use super::records;
use crate::i18n::Locale;

/// 事故类别: one of the 20 accident classes of GB 6441-86.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccidentType {
    pub code: u8,
    pub name_zh: &'static str,
    pub name_en: &'static str,
}

/// 行业: an industry category of the work-safety statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Industry {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
}

impl AccidentType {
    pub fn name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.name_zh,
            Locale::En => self.name_en,
        }
    }
}

impl Industry {
    pub fn name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.name_zh,
            Locale::En => self.name_en,
        }
    }
}

static ACCIDENT_TYPES: LazyLock<Vec<AccidentType>> = LazyLock::new(|| {
    records::<3>(include_str!("../../data/accident_types.csv"))
        .filter_map(|[code, name_zh, name_en]| {
            Some(AccidentType {
                code: code.parse().ok()?,
                name_zh,
                name_en,
            })
        })
        .collect()
});

static INDUSTRIES: LazyLock<Vec<Industry>> = LazyLock::new(|| {
    records::<3>(include_str!("../../data/industries.csv"))
        .map(|[code, name_zh, name_en]| Industry {
            code,
            name_zh,
            name_en,
        })
        .collect()
});

pub fn accident_types() -> &'static [AccidentType] {
    &ACCIDENT_TYPES
}

pub fn industries() -> &'static [Industry] {
    &INDUSTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb6441_has_twenty_classes_in_order() {
        let types = accident_types();
        assert_eq!(types.len(), 20);
        for (i, t) in types.iter().enumerate() {
            assert_eq!(usize::from(t.code), i + 1);
        }
        assert_eq!(types[14].name_zh, "瓦斯爆炸");
        assert_eq!(types[18].name_zh, "中毒和窒息");
    }

    #[test]
    fn industries_are_unique_and_named_in_both_languages() {
        let list = industries();
        assert!(list.len() >= 20);
        let codes: std::collections::HashSet<_> = list.iter().map(|i| i.code).collect();
        assert_eq!(codes.len(), list.len());
        assert!(
            list.iter()
                .all(|i| !i.name_zh.is_empty() && !i.name_en.is_empty())
        );
        assert!(list.iter().any(|i| i.name_zh == "煤矿"));
    }
}
