//! What a registry entry is, and whether it can be called on.

use serde::{Deserialize, Serialize};

/// 资源类别: the registries of 应急救援资源.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// 救援队伍
    Team,
    /// 专家
    Expert,
    /// 储备物资 (one item lot in one warehouse)
    Stockpile,
    /// 救援装备
    Equipment,
    /// 医疗机构
    Medical,
    /// 避难场所
    Shelter,
    /// 通信保障
    Comms,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 7] = [
        ResourceKind::Team,
        ResourceKind::Expert,
        ResourceKind::Stockpile,
        ResourceKind::Equipment,
        ResourceKind::Medical,
        ResourceKind::Shelter,
        ResourceKind::Comms,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ResourceKind::Team => "team",
            ResourceKind::Expert => "expert",
            ResourceKind::Stockpile => "stockpile",
            ResourceKind::Equipment => "equipment",
            ResourceKind::Medical => "medical",
            ResourceKind::Shelter => "shelter",
            ResourceKind::Comms => "comms",
        }
    }

    pub fn parse(key: &str) -> Option<ResourceKind> {
        ResourceKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Typical road speed to the scene in km/h, for the arrival estimate until a road network
    /// is loaded: teams and ambulances drive with priority, heavy equipment and supply trucks
    /// slower, an expert is driven in an ordinary car.
    pub fn speed_kmh(self) -> f64 {
        match self {
            ResourceKind::Team | ResourceKind::Medical => 60.0,
            ResourceKind::Expert | ResourceKind::Comms => 50.0,
            ResourceKind::Stockpile => 45.0,
            ResourceKind::Equipment => 35.0,
            // People walk to a shelter.
            ResourceKind::Shelter => 4.0,
        }
    }

    /// Minutes from the order to leaving the base (集结出动).
    pub fn muster_minutes(self) -> f64 {
        match self {
            ResourceKind::Team | ResourceKind::Medical => 10.0,
            ResourceKind::Comms => 20.0,
            ResourceKind::Expert | ResourceKind::Stockpile | ResourceKind::Equipment => 30.0,
            ResourceKind::Shelter => 0.0,
        }
    }

    /// Whether a dispatch order sends it: a shelter is opened, not sent.
    pub fn dispatchable(self) -> bool {
        self != ResourceKind::Shelter
    }

    /// Whether it is counted out by quantity (several dispatches draw on one lot) rather than
    /// committed whole to one incident at a time.
    pub fn by_quantity(self) -> bool {
        self == ResourceKind::Stockpile
    }
}

/// 状态 as the registry keeps it; whether it is committed to an incident comes from dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    /// 待命: ready to be called.
    Ready,
    /// 不可用: in repair, on leave, under training, stock locked.
    Unavailable,
}

impl Availability {
    pub const ALL: [Availability; 2] = [Availability::Ready, Availability::Unavailable];

    pub fn key(self) -> &'static str {
        match self {
            Availability::Ready => "ready",
            Availability::Unavailable => "unavailable",
        }
    }

    pub fn parse(key: &str) -> Option<Availability> {
        Availability::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// The 13 classes of the national key emergency supplies catalogue (应急保障重点物资分类目录),
/// the top level of the stockpile categories.
pub const SUPPLY_CLASSES: [(&str, &str, &str); 13] = [
    ("protection", "防护用品", "Protective equipment"),
    ("life_rescue", "生命救助", "Life rescue"),
    ("life_support", "生命支持", "Life support"),
    ("transport_rescue", "救援运载", "Rescue transport"),
    ("lodging", "临时食宿", "Temporary food and lodging"),
    ("decontamination", "污染清理", "Pollution clean-up"),
    ("fuel_power", "动力燃料", "Power and fuel"),
    ("engineering_equipment", "工程设备", "Engineering equipment"),
    ("tools", "器材工具", "Tools and apparatus"),
    ("lighting", "照明设备", "Lighting"),
    ("communication", "通讯广播", "Communication and broadcast"),
    ("traffic", "交通运输", "Traffic and transport"),
    ("engineering_materials", "工程材料", "Engineering materials"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for kind in ResourceKind::ALL {
            assert_eq!(ResourceKind::parse(kind.key()), Some(kind));
        }
        for a in Availability::ALL {
            assert_eq!(Availability::parse(a.key()), Some(a));
        }
        assert_eq!(ResourceKind::parse("tank"), None);
    }

    #[test]
    fn only_stockpiles_are_counted_out() {
        let counted: Vec<_> = ResourceKind::ALL
            .into_iter()
            .filter(|k| k.by_quantity())
            .collect();
        assert_eq!(counted, [ResourceKind::Stockpile]);
        assert!(!ResourceKind::Shelter.dispatchable());
    }
}
