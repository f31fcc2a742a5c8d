//! ssr: the major-hazard table.

pub mod major_hazard {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "major_hazard")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub name: String,
        pub enterprise: String,
        pub lon: f64,
        pub lat: f64,
        pub region_code: String,
        /// JSON list of holdings.
        pub substances: String,
        pub exposed_population: i32,
        pub sum_ratio: f64,
        pub r_value: f64,
        pub grade: Option<String>,
        pub standard: String,
        pub unit_id: Uuid,
        pub demo: bool,
        pub revision: i32,
        pub updated_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
