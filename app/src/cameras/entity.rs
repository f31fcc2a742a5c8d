//! ssr: the camera table.

pub mod camera {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "camera")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub name: String,
        pub kind: String,
        pub url: String,
        pub incident_id: Option<Uuid>,
        pub hazard_id: Option<Uuid>,
        pub region_code: String,
        pub created_by: String,
        pub created_at: TimeDateTimeWithTimeZone,
        pub demo: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
