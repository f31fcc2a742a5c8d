//! 能力: what a resource can do, and which abilities an accident calls for. The rules are one
//! table read top to bottom: the first row whose accident type (and industry, when it names
//! any) fits gives the abilities, most needed first.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// 矿山救护
    MineRescue,
    /// 危险化学品处置
    Hazchem,
    /// 灭火
    Firefighting,
    /// 排水
    Drainage,
    /// 医疗救护
    Medical,
    /// 烧伤救治
    Burns,
    /// 中毒救治
    Poisoning,
    /// 坍塌搜救
    CollapseRescue,
    /// 水域救援
    WaterRescue,
    /// 起重吊装
    Lifting,
    /// 电力抢修
    Electrical,
    /// 侦检监测 (gas and toxic detection)
    Detection,
    /// 洗消
    Decontamination,
    /// 通信保障
    Communications,
    /// 避难安置
    Sheltering,
}

impl Capability {
    pub const ALL: [Capability; 15] = [
        Capability::MineRescue,
        Capability::Hazchem,
        Capability::Firefighting,
        Capability::Drainage,
        Capability::Medical,
        Capability::Burns,
        Capability::Poisoning,
        Capability::CollapseRescue,
        Capability::WaterRescue,
        Capability::Lifting,
        Capability::Electrical,
        Capability::Detection,
        Capability::Decontamination,
        Capability::Communications,
        Capability::Sheltering,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Capability::MineRescue => "mine_rescue",
            Capability::Hazchem => "hazchem",
            Capability::Firefighting => "firefighting",
            Capability::Drainage => "drainage",
            Capability::Medical => "medical",
            Capability::Burns => "burns",
            Capability::Poisoning => "poisoning",
            Capability::CollapseRescue => "collapse_rescue",
            Capability::WaterRescue => "water_rescue",
            Capability::Lifting => "lifting",
            Capability::Electrical => "electrical",
            Capability::Detection => "detection",
            Capability::Decontamination => "decontamination",
            Capability::Communications => "communications",
            Capability::Sheltering => "sheltering",
        }
    }

    pub fn parse(key: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.key() == key)
    }

    /// One bit per ability, for the spatial index's filter.
    pub fn bit(self) -> u32 {
        1 << (self as u32)
    }

    /// Keys joined with commas, as stored and exported.
    pub fn join(caps: &[Capability]) -> String {
        caps.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
    }

    /// Reads `mine_rescue,medical` (spaces, `;` and `、` also separate); the unknown keys come
    /// back separately so a form or an import row can name them.
    pub fn split(text: &str) -> (Vec<Capability>, Vec<String>) {
        let (mut known, mut unknown) = (Vec::new(), Vec::new());
        for key in text
            .split([',', ';', ' ', '、', '，', '；'])
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            match Capability::parse(key) {
                Some(c) if !known.contains(&c) => known.push(c),
                Some(_) => {}
                None => unknown.push(key.to_string()),
            }
        }
        known.sort();
        (known, unknown)
    }
}

/// Industries whose underground work calls for mine rescue teams.
const MINES: &[&str] = &["coal", "nonmetal_mine"];
/// Industries where a fire or an explosion involves hazardous chemicals.
const CHEMICAL: &[&str] = &["hazchem", "oil_gas", "fireworks"];

struct Rule {
    /// GB 6441 codes this row is for.
    types: &'static [u8],
    /// Industries it is limited to; empty: any.
    industries: &'static [&'static str],
    needs: &'static [Capability],
}

use Capability::*;

#[rustfmt::skip]
const RULES: &[Rule] = &[
    // 透水 · 瓦斯爆炸 · 冒顶片帮: mine accidents whatever the industry field says.
    Rule { types: &[12], industries: &[], needs: &[MineRescue, Drainage, Medical] },
    Rule { types: &[15], industries: &[], needs: &[MineRescue, Medical, Burns, Detection] },
    Rule { types: &[11], industries: &[], needs: &[MineRescue, Medical, Lifting] },
    // Fire, blasting and explosions: underground, in chemical plants, elsewhere.
    Rule { types: &[8, 13, 14, 18, 19], industries: MINES, needs: &[MineRescue, Medical, Poisoning, Detection] },
    Rule { types: &[8, 14, 16, 17, 18], industries: CHEMICAL, needs: &[Hazchem, Firefighting, Burns, Detection, Medical] },
    Rule { types: &[8], industries: &[], needs: &[Firefighting, Burns, Medical] },
    Rule { types: &[13, 14, 16, 17, 18], industries: &[], needs: &[Firefighting, CollapseRescue, Medical, Burns] },
    // 中毒和窒息 outside mines: a chemicals team with detection and a poisoning clinic.
    Rule { types: &[19], industries: &[], needs: &[Hazchem, Detection, Poisoning, Decontamination, Medical] },
    Rule { types: &[10], industries: &[], needs: &[CollapseRescue, Lifting, Medical] },
    Rule { types: &[6], industries: &[], needs: &[WaterRescue, Medical] },
    Rule { types: &[5], industries: &[], needs: &[Electrical, Medical, Burns] },
    Rule { types: &[7], industries: &[], needs: &[Burns, Medical] },
    Rule { types: &[4], industries: &[], needs: &[Lifting, Medical] },
    Rule { types: &[2], industries: &["road", "railway"], needs: &[Medical, Lifting, Firefighting] },
    // 物体打击, 车辆伤害, 机械伤害, 高处坠落, 其它伤害 and anything the rows above leave.
    Rule { types: &[], industries: &[], needs: &[Medical] },
];

/// The abilities an accident of GB 6441 `accident_type` in `industry` calls for, most needed
/// first.
pub fn needs(accident_type: u8, industry: &str) -> &'static [Capability] {
    RULES
        .iter()
        .find(|r| {
            (r.types.is_empty() || r.types.contains(&accident_type))
                && (r.industries.is_empty() || r.industries.contains(&industry))
        })
        .map_or(&[Medical], |r| r.needs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mine_accidents_call_mine_rescue_first() {
        assert_eq!(needs(12, "coal")[0], MineRescue);
        assert!(needs(12, "coal").contains(&Drainage));
        assert_eq!(needs(15, "coal")[0], MineRescue);
        assert_eq!(needs(11, "nonmetal_mine")[0], MineRescue);
        assert_eq!(needs(8, "coal")[0], MineRescue);
    }

    #[test]
    fn chemical_accidents_call_hazchem_teams() {
        assert_eq!(needs(19, "hazchem")[0], Hazchem);
        assert_eq!(needs(17, "hazchem")[0], Hazchem);
        assert_eq!(needs(8, "hazchem")[0], Hazchem);
        // A fire in a shop is for firefighters, not a chemicals team.
        assert_eq!(needs(8, "commerce")[0], Firefighting);
    }

    #[test]
    fn every_type_gets_medical_help() {
        for t in 1..=20 {
            for industry in ["coal", "hazchem", "construction", "road", "other"] {
                assert!(
                    needs(t, industry).contains(&Medical) || needs(t, industry).contains(&Burns),
                    "type {t} in {industry}"
                );
            }
        }
    }

    #[test]
    fn lists_read_leniently_and_name_unknown_keys() {
        let (known, unknown) = Capability::split("medical、mine_rescue, medical;laser");
        assert_eq!(known, [MineRescue, Medical]);
        assert_eq!(unknown, ["laser"]);
        assert_eq!(Capability::join(&known), "mine_rescue,medical");
    }
}
