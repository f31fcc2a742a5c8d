//! ssr: the registry table (never sent over the wire; see `model.rs`).

pub mod resource {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "resource")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub kind: String,
        pub name: String,
        pub category: String,
        /// Capability keys joined with commas.
        pub capabilities: String,
        pub quantity: f64,
        pub unit: String,
        pub organisation: String,
        pub details: String,
        pub contact_name: String,
        pub contact_phone: String,
        pub lon: f64,
        pub lat: f64,
        pub region_code: String,
        pub address: String,
        pub availability: String,
        pub expires_on: Option<String>,
        /// The dispatch holding it (kinds committed whole).
        pub committed_to: Option<Uuid>,
        /// The unit that keeps this entry.
        pub unit_id: Uuid,
        pub demo: bool,
        pub revision: i32,
        pub updated_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
