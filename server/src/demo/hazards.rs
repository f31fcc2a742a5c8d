//! Demo major hazards (演示数据) in Shanxi, entered through the registry's own form so they are
//! identified and graded by the same rule as any other.

use app::hazards::HazardForm;
use app::i18n::Locale;
use app::incidents::service::Recorder;
use app::resources::service::ResourceError;
use sea_orm::DatabaseConnection;

/// (name, enterprise, lon, lat, region, people within 500 m, [(substance, t)]).
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// How many installations the demo set registers.
pub const COUNT: usize = 3;

const HAZARDS: [Demo; COUNT] = [
    (
        "液氯储罐区（演示）",
        "某化工有限公司（演示）",
        "112.565",
        "37.742",
        "140105",
        "120",
        &[("chlorine", "30"), ("methanol", "500")],
    ),
    (
        "液化石油气储配站（演示）",
        "太原某燃气有限公司（演示）",
        "112.480",
        "37.800",
        "140106",
        "60",
        &[("lpg", "120")],
    ),
    (
        "合成氨装置（演示）",
        "某煤化工有限公司（演示）",
        "112.750",
        "37.690",
        "140702",
        "30",
        &[("ammonia", "150"), ("hydrogen", "3")],
    ),
];

/// Records the demo installations; returns how many.
pub async fn load(db: &DatabaseConnection, node: &str) -> Result<u32, ResourceError> {
    let corrupt = |e: app::error::AppError| ResourceError::Corrupt(format!("demo hazards: {e:?}"));
    let Some(unit) = super::resources::keeper_unit(db).await? else {
        return Ok(0);
    };
    let by = Recorder {
        actor: app::audit::Actor::System,
        name: "演示数据".into(),
        node: node.into(),
    };
    for (name, enterprise, lon, lat, region, people, holdings) in HAZARDS {
        let form = HazardForm {
            name: name.into(),
            enterprise: enterprise.into(),
            lon: lon.into(),
            lat: lat.into(),
            region_code: region.into(),
            exposed_population: people.into(),
            substance: holdings.iter().map(|(s, _)| s.to_string()).collect(),
            quantity: holdings.iter().map(|(_, q)| q.to_string()).collect(),
        };
        let new = form.validate(Locale::ZhCn.texts()).map_err(corrupt)?;
        app::hazards::service::create(db, &by, unit.id, new, true)
            .await
            .map_err(corrupt)?;
    }
    Ok(HAZARDS.len() as u32)
}
