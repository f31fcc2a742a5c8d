//! ssr: the tables of incidents (never sent over the wire; see `model.rs`).

pub mod incident {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "incident")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub title: String,
        pub accident_type: i16,
        pub industry: String,
        pub occurred_at: TimeDateTimeWithTimeZone,
        pub received_at: TimeDateTimeWithTimeZone,
        pub lon: f64,
        pub lat: f64,
        pub region_code: String,
        pub address: String,
        pub enterprise: String,
        pub deaths: i32,
        pub missing: i32,
        pub serious_injuries: i32,
        pub minor_injuries: i32,
        pub trapped: i32,
        pub direct_loss_cny: i64,
        pub hazmat: String,
        pub description: String,
        pub source: String,
        pub reporter: String,
        pub reporter_phone: String,
        pub grade: String,
        pub status: String,
        pub version: i32,
        /// Counts every change, so a client never applies an older state over a newer one.
        pub revision: i32,
        pub unit_id: Uuid,
        pub entered_tier: String,
        pub external_id: Option<String>,
        pub demo: bool,
        pub updated_at: TimeDateTimeWithTimeZone,
        /// The node that owns the record when this is a copy received from a lower tier.
        pub origin_node: Option<String>,
        pub origin_name: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "incident_version")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub incident_id: Uuid,
        pub version: i32,
        pub grade: String,
        /// `IncidentFacts` as JSON.
        pub facts: String,
        /// Keys of the changed facts, as a JSON array.
        pub changed: String,
        pub actor: String,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod entry {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "incident_entry")]
    pub struct Model {
        /// UUIDv7: entries written in the same second still sort in order.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub incident_id: Uuid,
        pub kind: String,
        pub text: String,
        /// `EntryDetail` as JSON.
        pub detail: String,
        pub actor: String,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod receipt {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "incident_receipt")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub incident_id: Uuid,
        pub tier: String,
        pub received_at: TimeDateTimeWithTimeZone,
        pub actor: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod attachment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "incident_attachment")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub incident_id: Uuid,
        pub file_name: String,
        pub media_type: String,
        pub kind: String,
        pub size: i64,
        pub sha256: String,
        pub uploaded_by: String,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
