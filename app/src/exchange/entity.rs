//! ssr: the exchange's tables (see the migration for what each column means).

pub mod peer {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "exchange_peer")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub node_id: String,
        pub name: String,
        pub tier: String,
        pub region_code: String,
        pub public_key: String,
        pub relation: String,
        pub registered_at: TimeDateTimeWithTimeZone,
        pub last_received_at: Option<TimeDateTimeWithTimeZone>,
        pub last_receipt_at: Option<TimeDateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod outbox {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "exchange_outbox")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub direction: String,
        pub kind: String,
        pub body: String,
        pub signature: Option<String>,
        pub reach: Option<String>,
        pub state: String,
        pub attempts: i32,
        pub last_error: String,
        pub created_at: TimeDateTimeWithTimeZone,
        pub sent_at: Option<TimeDateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod inbox {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "exchange_inbox")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub message_id: Option<Uuid>,
        pub sender: String,
        pub kind: String,
        pub schema: i32,
        pub state: String,
        pub reason: String,
        pub body: String,
        pub signature: String,
        pub received_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod directive {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "directive")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub from_node: String,
        pub from_name: String,
        pub issued_by: String,
        pub title: String,
        pub body: String,
        pub incident_id: Option<Uuid>,
        pub recipients: String,
        pub outgoing: bool,
        pub sent_at: TimeDateTimeWithTimeZone,
        pub received_at: Option<TimeDateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod directive_receipt {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "directive_receipt")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub directive_id: Uuid,
        pub node_id: String,
        pub node_name: String,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod support_request {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "support_request")]
    pub struct Model {
        /// The request's message id.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub outgoing: bool,
        pub from_node: String,
        pub from_name: String,
        pub to_node: String,
        pub to_name: String,
        pub kind: String,
        pub quantity: i32,
        pub detail: String,
        pub place: String,
        pub note: String,
        pub requested_by: String,
        pub incident_id: Option<Uuid>,
        pub incident_title: String,
        pub sent_at: TimeDateTimeWithTimeZone,
        pub received_at: Option<TimeDateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod support_response {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "support_response")]
    pub struct Model {
        /// The answer's message id.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub request_id: Uuid,
        /// The answering node (this node for an answer we gave).
        pub node_id: String,
        pub node_name: String,
        pub answer: String,
        pub detail: String,
        pub eta_minutes: Option<i32>,
        pub responded_by: String,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
