//! 预警级别: the four colours of Chinese warning practice and what they say in CAP.
//!
//! The one table that maps them (突发事件应对法 Art. 42 levels; the national warning release
//! system's CAP profile reads them the same way):
//!
//! | level | meaning | CAP severity | CAP urgency |
//! |---|---|---|---|
//! | 红 Red (Ⅰ级) | 特别严重 | Extreme | Immediate |
//! | 橙 Orange (Ⅱ级) | 严重 | Severe | Immediate |
//! | 黄 Yellow (Ⅲ级) | 较重 | Moderate | Expected |
//! | 蓝 Blue (Ⅳ级) | 一般 | Minor | Expected |
//!
//! Certainty is not implied by a colour: the author states it.

use serde::{Deserialize, Serialize};

use super::cap::{Severity, Urgency};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    Red,
    Orange,
    Yellow,
    Blue,
}

impl WarningLevel {
    /// Most severe first, as lists sort them.
    pub const ALL: [WarningLevel; 4] = [
        WarningLevel::Red,
        WarningLevel::Orange,
        WarningLevel::Yellow,
        WarningLevel::Blue,
    ];

    pub fn key(self) -> &'static str {
        match self {
            WarningLevel::Red => "red",
            WarningLevel::Orange => "orange",
            WarningLevel::Yellow => "yellow",
            WarningLevel::Blue => "blue",
        }
    }

    pub fn parse(key: &str) -> Option<WarningLevel> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The table above, read left to right.
    pub fn cap(self) -> (Severity, Urgency) {
        match self {
            WarningLevel::Red => (Severity::Extreme, Urgency::Immediate),
            WarningLevel::Orange => (Severity::Severe, Urgency::Immediate),
            WarningLevel::Yellow => (Severity::Moderate, Urgency::Expected),
            WarningLevel::Blue => (Severity::Minor, Urgency::Expected),
        }
    }

    /// 0 for red … 3 for blue, for ordering.
    pub fn rank(self) -> u8 {
        match self {
            WarningLevel::Red => 0,
            WarningLevel::Orange => 1,
            WarningLevel::Yellow => 2,
            WarningLevel::Blue => 3,
        }
    }

    /// The colour as a CSS value, the same on every page and on the map.
    pub fn colour(self) -> &'static str {
        match self {
            WarningLevel::Red => "#d32f2f",
            WarningLevel::Orange => "#ef6c00",
            WarningLevel::Yellow => "#f9a825",
            WarningLevel::Blue => "#1565c0",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_map_to_strictly_falling_severity() {
        let severities: Vec<_> = WarningLevel::ALL.iter().map(|l| l.cap().0).collect();
        assert_eq!(
            severities,
            [
                Severity::Extreme,
                Severity::Severe,
                Severity::Moderate,
                Severity::Minor
            ]
        );
        for level in WarningLevel::ALL {
            assert_eq!(WarningLevel::parse(level.key()), Some(level));
        }
    }
}
