//! Demo registry entries (演示数据) in Shanxi, near the demo incidents, so the nearest-resource
//! ranking and dispatch have something to show. Read through the import path from a CSV file in
//! the import template's columns, kept by the demo provincial centre.

use app::audit::Actor;
use app::i18n::Locale;
use app::identity::service::units_within;
use app::incidents::service::Recorder;
use app::resources::service::{Keeper, ResourceError, insert_all, read_csv};
use app::ui::time::now_unix;
use sea_orm::{DatabaseConnection, TransactionTrait};

const RESOURCES_CSV: &str = include_str!("../../demo/resources.csv");
/// The demo provincial centre (Shanxi) keeps the demo registry and installations.
pub(super) const KEEPER_REGION: &str = "140000";

/// The demo unit of [`KEEPER_REGION`], if the demo directory is loaded.
pub(super) async fn keeper_unit(
    db: &DatabaseConnection,
) -> Result<Option<app::identity::OrgUnitView>, ResourceError> {
    Ok(units_within(db, KEEPER_REGION)
        .await
        .map_err(|e| ResourceError::Corrupt(e.to_string()))?
        .into_iter()
        .find(|u| u.region_code == KEEPER_REGION && u.demo))
}

/// Records the demo entries; returns how many.
pub async fn load(db: &DatabaseConnection, node: &str) -> Result<u32, ResourceError> {
    let Some(unit) = keeper_unit(db).await? else {
        return Ok(0);
    };
    let t = &Locale::ZhCn.texts().resources;
    let mut entries = Vec::new();
    for (line, form) in read_csv(RESOURCES_CSV.as_bytes())? {
        let new = form
            .validate(t)
            .map_err(|e| ResourceError::Corrupt(format!("demo resources line {line}: {e}")))?;
        entries.push(new);
    }
    let by = Recorder {
        actor: Actor::System,
        name: "演示数据".into(),
        node: node.into(),
    };
    let txn = db.begin().await?;
    let keeper = Keeper {
        unit_id: unit.id,
        scope: KEEPER_REGION,
    };
    let rows = insert_all(&txn, &by, keeper, entries, now_unix(), true).await?;
    txn.commit().await?;
    Ok(rows.len() as u32)
}
