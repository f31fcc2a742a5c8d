//! 互联互通: the nodes this node trusts and their keys, the outbox written with each change and
//! relayed after commit, the inbox that makes receiving idempotent, directives and their
//! receipts; and the origin of incidents copied from lower tiers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ExchangePeer {
    Table,
    NodeId,
    Name,
    Tier,
    RegionCode,
    /// Ed25519 public key, hex.
    PublicKey,
    /// parent | child | other (a node further away whose messages are relayed to us).
    Relation,
    RegisteredAt,
    LastReceivedAt,
    LastReceiptAt,
}

#[derive(DeriveIden)]
enum ExchangeOutbox {
    Table,
    /// The message id.
    Id,
    /// up | down
    Direction,
    Kind,
    /// The envelope's bytes as they will travel (UTF-8 JSON).
    Body,
    /// Set for a message relayed unchanged from another node; our own are signed when sent.
    Signature,
    /// For our own reports: the highest tier the report's grade requires.
    Reach,
    /// pending | sent | local (not needed above this tier)
    State,
    Attempts,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum ExchangeInbox {
    Table,
    Id,
    MessageId,
    Sender,
    Kind,
    Schema,
    /// applied | deferred (newer schema or unknown kind, kept) | rejected
    State,
    Reason,
    Body,
    Signature,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum Directive {
    Table,
    /// The message id.
    Id,
    FromNode,
    FromName,
    IssuedBy,
    Title,
    Body,
    IncidentId,
    /// Addressees as a JSON array of node ids; empty = every node below the sender.
    Recipients,
    /// Sent by this node (true) or received from above.
    Outgoing,
    SentAt,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum DirectiveReceipt {
    Table,
    Id,
    DirectiveId,
    NodeId,
    NodeName,
    At,
}

#[derive(DeriveIden)]
enum Incident {
    Table,
    /// The node that owns the record, for a copy received from a lower tier; null for our own.
    OriginNode,
    OriginName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExchangePeer::Table)
                    .col(string_len(ExchangePeer::NodeId, 64).primary_key())
                    .col(string_len(ExchangePeer::Name, 200))
                    .col(string_len(ExchangePeer::Tier, 16))
                    .col(char_len(ExchangePeer::RegionCode, 6))
                    .col(char_len(ExchangePeer::PublicKey, 64))
                    .col(string_len(ExchangePeer::Relation, 8))
                    .col(timestamp_with_time_zone(ExchangePeer::RegisteredAt))
                    .col(timestamp_with_time_zone_null(ExchangePeer::LastReceivedAt))
                    .col(timestamp_with_time_zone_null(ExchangePeer::LastReceiptAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeOutbox::Table)
                    .col(pk_uuid(ExchangeOutbox::Id))
                    .col(string_len(ExchangeOutbox::Direction, 4))
                    .col(string_len(ExchangeOutbox::Kind, 32))
                    .col(text(ExchangeOutbox::Body))
                    .col(string_len_null(ExchangeOutbox::Signature, 128))
                    .col(string_len_null(ExchangeOutbox::Reach, 16))
                    .col(string_len(ExchangeOutbox::State, 8))
                    .col(integer(ExchangeOutbox::Attempts))
                    .col(text(ExchangeOutbox::LastError))
                    .col(timestamp_with_time_zone(ExchangeOutbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(ExchangeOutbox::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("exchange_outbox_pending")
                    .table(ExchangeOutbox::Table)
                    .col(ExchangeOutbox::State)
                    .col(ExchangeOutbox::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeInbox::Table)
                    .col(pk_uuid(ExchangeInbox::Id))
                    .col(uuid_null(ExchangeInbox::MessageId))
                    .col(string_len(ExchangeInbox::Sender, 64))
                    .col(string_len(ExchangeInbox::Kind, 32))
                    .col(integer(ExchangeInbox::Schema))
                    .col(string_len(ExchangeInbox::State, 8))
                    .col(text(ExchangeInbox::Reason))
                    .col(text(ExchangeInbox::Body))
                    .col(string_len(ExchangeInbox::Signature, 128))
                    .col(timestamp_with_time_zone(ExchangeInbox::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("exchange_inbox_by_message")
                    .table(ExchangeInbox::Table)
                    .col(ExchangeInbox::MessageId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Directive::Table)
                    .col(pk_uuid(Directive::Id))
                    .col(string_len(Directive::FromNode, 64))
                    .col(string_len(Directive::FromName, 200))
                    .col(string_len(Directive::IssuedBy, 200))
                    .col(string_len(Directive::Title, 200))
                    .col(text(Directive::Body))
                    .col(uuid_null(Directive::IncidentId))
                    .col(text(Directive::Recipients))
                    .col(boolean(Directive::Outgoing))
                    .col(timestamp_with_time_zone(Directive::SentAt))
                    .col(timestamp_with_time_zone_null(Directive::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DirectiveReceipt::Table)
                    .col(pk_uuid(DirectiveReceipt::Id))
                    .col(uuid(DirectiveReceipt::DirectiveId))
                    .col(string_len(DirectiveReceipt::NodeId, 64))
                    .col(string_len(DirectiveReceipt::NodeName, 200))
                    .col(timestamp_with_time_zone(DirectiveReceipt::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("directive_receipt_once")
                    .table(DirectiveReceipt::Table)
                    .col(DirectiveReceipt::DirectiveId)
                    .col(DirectiveReceipt::NodeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Incident::Table)
                    .add_column(string_len_null(Incident::OriginNode, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Incident::Table)
                    .add_column(string_len_null(Incident::OriginName, 200))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Incident::OriginName, Incident::OriginNode] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Incident::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            DirectiveReceipt::Table.into_iden(),
            Directive::Table.into_iden(),
            ExchangeInbox::Table.into_iden(),
            ExchangeOutbox::Table.into_iden(),
            ExchangePeer::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
