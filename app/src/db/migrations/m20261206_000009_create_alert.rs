//! 预警发布: alerts (one row per alert, with the version being prepared) and their published
//! versions (each a CAP message, kept forever and linked by `references`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Alert {
    Table,
    Id,
    UnitId,
    RegionCode,
    /// The version being prepared: CAP message type, stage, who answers for it, its content.
    WorkKind,
    WorkStage,
    WorkAuthor,
    WorkAuthorName,
    WorkContent,
    /// The last published version, repeated here so lists need no join.
    LastVersionId,
    LastMsgType,
    LastStatus,
    LastLevel,
    LastSent,
    LastExpires,
    Headline,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Revision,
    Demo,
}

#[derive(DeriveIden)]
enum AlertVersion {
    Table,
    /// Also the CAP identifier.
    Id,
    AlertId,
    Seq,
    MsgType,
    Status,
    Level,
    Sent,
    Expires,
    RegionCode,
    Event,
    Headline,
    /// The checked content as JSON; the CAP document is written from it.
    Content,
    References,
    /// Ids and names as they were when the version was approved.
    AuthorId,
    AuthorName,
    ApproverId,
    ApproverName,
    Demo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Alert::Table)
                    .col(pk_uuid(Alert::Id))
                    .col(uuid(Alert::UnitId))
                    .col(char_len(Alert::RegionCode, 6))
                    .col(string_len_null(Alert::WorkKind, 8))
                    .col(string_len_null(Alert::WorkStage, 8))
                    .col(uuid_null(Alert::WorkAuthor))
                    .col(string_len_null(Alert::WorkAuthorName, 200))
                    .col(text_null(Alert::WorkContent))
                    .col(uuid_null(Alert::LastVersionId))
                    .col(string_len_null(Alert::LastMsgType, 8))
                    .col(string_len_null(Alert::LastStatus, 10))
                    .col(string_len_null(Alert::LastLevel, 8))
                    .col(timestamp_with_time_zone_null(Alert::LastSent))
                    .col(timestamp_with_time_zone_null(Alert::LastExpires))
                    .col(string_len(Alert::Headline, 160))
                    .col(uuid(Alert::CreatedBy))
                    .col(timestamp_with_time_zone(Alert::CreatedAt))
                    .col(timestamp_with_time_zone(Alert::UpdatedAt))
                    .col(integer(Alert::Revision))
                    .col(boolean(Alert::Demo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("alert_by_region")
                    .table(Alert::Table)
                    .col(Alert::RegionCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertVersion::Table)
                    .col(pk_uuid(AlertVersion::Id))
                    .col(uuid(AlertVersion::AlertId))
                    .col(integer(AlertVersion::Seq))
                    .col(string_len(AlertVersion::MsgType, 8))
                    .col(string_len(AlertVersion::Status, 10))
                    .col(string_len(AlertVersion::Level, 8))
                    .col(timestamp_with_time_zone(AlertVersion::Sent))
                    .col(timestamp_with_time_zone(AlertVersion::Expires))
                    .col(char_len(AlertVersion::RegionCode, 6))
                    .col(string_len(AlertVersion::Event, 50))
                    .col(string_len(AlertVersion::Headline, 160))
                    .col(text(AlertVersion::Content))
                    .col(text(AlertVersion::References))
                    .col(uuid(AlertVersion::AuthorId))
                    .col(string_len(AlertVersion::AuthorName, 200))
                    .col(uuid(AlertVersion::ApproverId))
                    .col(string_len(AlertVersion::ApproverName, 200))
                    .col(boolean(AlertVersion::Demo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("alert_version_in_order")
                    .table(AlertVersion::Table)
                    .col(AlertVersion::AlertId)
                    .col(AlertVersion::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("alert_version_by_sent")
                    .table(AlertVersion::Table)
                    .col(AlertVersion::Sent)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AlertVersion::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Alert::Table).to_owned())
            .await
    }
}
