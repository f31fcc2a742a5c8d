//! ssr: the alert tables.

pub mod alert {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub unit_id: Uuid,
        pub region_code: String,
        pub work_kind: Option<String>,
        pub work_stage: Option<String>,
        pub work_author: Option<Uuid>,
        pub work_author_name: Option<String>,
        pub work_content: Option<String>,
        pub last_version_id: Option<Uuid>,
        pub last_msg_type: Option<String>,
        pub last_status: Option<String>,
        pub last_level: Option<String>,
        pub last_sent: Option<TimeDateTimeWithTimeZone>,
        pub last_expires: Option<TimeDateTimeWithTimeZone>,
        pub headline: String,
        pub created_by: Uuid,
        pub created_at: TimeDateTimeWithTimeZone,
        pub updated_at: TimeDateTimeWithTimeZone,
        pub revision: i32,
        pub demo: bool,
        /// For a copy of another tier's alert: its publisher (node id, name).
        pub origin_node: Option<String>,
        pub origin_name: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod alert_version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "alert_version")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub alert_id: Uuid,
        pub seq: i32,
        pub msg_type: String,
        pub status: String,
        pub level: String,
        pub sent: TimeDateTimeWithTimeZone,
        pub expires: TimeDateTimeWithTimeZone,
        pub region_code: String,
        pub event: String,
        pub headline: String,
        pub content: String,
        pub references: String,
        pub author_id: Uuid,
        pub author_name: String,
        pub approver_id: Uuid,
        pub approver_name: String,
        pub demo: bool,
        pub origin_node: Option<String>,
        pub origin_name: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
