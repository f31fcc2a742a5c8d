//! 跨区域支援 requests and their answers between neighbouring tiers; and the origin of alerts
//! copied from other tiers (a copy keeps its author as CAP sender).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SupportRequest {
    Table,
    /// The request's message id.
    Id,
    /// Sent by this node (true) or received.
    Outgoing,
    FromNode,
    FromName,
    ToNode,
    ToName,
    /// A resource kind key (team, expert, …).
    Kind,
    Quantity,
    Detail,
    Place,
    Note,
    RequestedBy,
    IncidentId,
    IncidentTitle,
    SentAt,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum SupportResponse {
    Table,
    Id,
    RequestId,
    NodeId,
    NodeName,
    /// accept | partial | decline
    Answer,
    Detail,
    EtaMinutes,
    RespondedBy,
    At,
}

#[derive(DeriveIden)]
enum Alert {
    Table,
    /// The node that published it, for a copy received through the exchange; null for our own.
    OriginNode,
    OriginName,
}

#[derive(DeriveIden)]
enum AlertVersion {
    Table,
    OriginNode,
    OriginName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SupportRequest::Table)
                    .col(pk_uuid(SupportRequest::Id))
                    .col(boolean(SupportRequest::Outgoing))
                    .col(string_len(SupportRequest::FromNode, 64))
                    .col(string_len(SupportRequest::FromName, 200))
                    .col(string_len(SupportRequest::ToNode, 64))
                    .col(string_len(SupportRequest::ToName, 200))
                    .col(string_len(SupportRequest::Kind, 16))
                    .col(integer(SupportRequest::Quantity))
                    .col(text(SupportRequest::Detail))
                    .col(string_len(SupportRequest::Place, 200))
                    .col(text(SupportRequest::Note))
                    .col(string_len(SupportRequest::RequestedBy, 200))
                    .col(uuid_null(SupportRequest::IncidentId))
                    .col(string_len(SupportRequest::IncidentTitle, 200))
                    .col(timestamp_with_time_zone(SupportRequest::SentAt))
                    .col(timestamp_with_time_zone_null(SupportRequest::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SupportResponse::Table)
                    .col(pk_uuid(SupportResponse::Id))
                    .col(uuid(SupportResponse::RequestId))
                    .col(string_len(SupportResponse::NodeId, 64))
                    .col(string_len(SupportResponse::NodeName, 200))
                    .col(string_len(SupportResponse::Answer, 8))
                    .col(text(SupportResponse::Detail))
                    .col(integer_null(SupportResponse::EtaMinutes))
                    .col(string_len(SupportResponse::RespondedBy, 200))
                    .col(timestamp_with_time_zone(SupportResponse::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("support_response_once")
                    .table(SupportResponse::Table)
                    .col(SupportResponse::RequestId)
                    .col(SupportResponse::NodeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        for (table, column, len) in [
            (Alert::Table.into_iden(), Alert::OriginNode.into_iden(), 64),
            (Alert::Table.into_iden(), Alert::OriginName.into_iden(), 200),
            (
                AlertVersion::Table.into_iden(),
                AlertVersion::OriginNode.into_iden(),
                64,
            ),
            (
                AlertVersion::Table.into_iden(),
                AlertVersion::OriginName.into_iden(),
                200,
            ),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(string_len_null(column, len))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in [
            (
                AlertVersion::Table.into_iden(),
                AlertVersion::OriginName.into_iden(),
            ),
            (
                AlertVersion::Table.into_iden(),
                AlertVersion::OriginNode.into_iden(),
            ),
            (Alert::Table.into_iden(), Alert::OriginName.into_iden()),
            (Alert::Table.into_iden(), Alert::OriginNode.into_iden()),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        for table in [
            SupportResponse::Table.into_iden(),
            SupportRequest::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
