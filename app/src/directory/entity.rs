//! ssr: the `directory_entry` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "directory_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub kind: String,
    pub class: String,
    pub name: String,
    pub region_code: String,
    pub parent_id: Option<Uuid>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    /// Node that owns (is authoritative for) this record.
    pub owner_node: String,
    pub demo: bool,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
