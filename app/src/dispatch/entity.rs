//! ssr: the dispatch table (never sent over the wire; see `model.rs`).

pub mod dispatch {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "dispatch")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub incident_id: Uuid,
        pub resource_id: Uuid,
        pub status: String,
        pub quantity: f64,
        pub distance_km: f64,
        pub eta_minutes: f64,
        pub dispatched_at: TimeDateTimeWithTimeZone,
        pub departed_at: Option<TimeDateTimeWithTimeZone>,
        pub arrived_at: Option<TimeDateTimeWithTimeZone>,
        pub working_at: Option<TimeDateTimeWithTimeZone>,
        pub withdrawn_at: Option<TimeDateTimeWithTimeZone>,
        pub lon: Option<f64>,
        pub lat: Option<f64>,
        pub position_at: Option<TimeDateTimeWithTimeZone>,
        pub note: String,
        pub actor: String,
        pub revision: i32,
        pub updated_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
