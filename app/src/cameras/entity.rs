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
        /// A lower node's camera, relayed through that node (see the migration).
        pub origin_node: Option<String>,
        pub origin_name: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
