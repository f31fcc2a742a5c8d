//! 专家邀请: links that let an expert of the registry, without an account here, join one
//! consultation room until they expire or are revoked.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum VideoInvitation {
    Table,
    Id,
    /// SHA-256 of the link's secret: a copy of the table opens no room.
    TokenHash,
    /// The room as JSON (`RoomRef`).
    Room,
    RoomTitle,
    /// The registry entry (resource of kind expert) invited.
    ExpertId,
    ExpertName,
    InvitedBy,
    InvitedByUser,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(VideoInvitation::Table)
                    .col(pk_uuid(VideoInvitation::Id))
                    .col(string_len(VideoInvitation::TokenHash, 64).unique_key())
                    .col(text(VideoInvitation::Room))
                    .col(string_len(VideoInvitation::RoomTitle, 200))
                    .col(uuid(VideoInvitation::ExpertId))
                    .col(string_len(VideoInvitation::ExpertName, 100))
                    .col(string_len(VideoInvitation::InvitedBy, 200))
                    .col(uuid(VideoInvitation::InvitedByUser))
                    .col(timestamp_with_time_zone(VideoInvitation::CreatedAt))
                    .col(timestamp_with_time_zone(VideoInvitation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(VideoInvitation::RevokedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(VideoInvitation::Table).to_owned())
            .await
    }
}
