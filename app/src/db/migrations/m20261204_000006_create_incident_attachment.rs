//! 附件: files of an incident. The content lives on disk beside the database (see the
//! server's files directory); the row says what it is and who brought it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Incident {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IncidentAttachment {
    Table,
    Id,
    IncidentId,
    FileName,
    MediaType,
    Kind,
    Size,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IncidentAttachment::Table)
                    .col(pk_uuid(IncidentAttachment::Id))
                    .col(uuid(IncidentAttachment::IncidentId))
                    .col(string_len(IncidentAttachment::FileName, 200))
                    .col(string_len(IncidentAttachment::MediaType, 100))
                    .col(string_len(IncidentAttachment::Kind, 16))
                    .col(big_integer(IncidentAttachment::Size))
                    .col(char_len(IncidentAttachment::Sha256, 64))
                    .col(string_len(IncidentAttachment::UploadedBy, 100))
                    .col(timestamp_with_time_zone(IncidentAttachment::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(IncidentAttachment::Table, IncidentAttachment::IncidentId)
                            .to(Incident::Table, Incident::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("incident_attachment_by_incident")
                    .table(IncidentAttachment::Table)
                    .col(IncidentAttachment::IncidentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IncidentAttachment::Table).to_owned())
            .await
    }
}
