//! 指挥大厅: the hall's devices (how each is reached), its fixed setup (wall, matrix, sources)
//! and the scenes operators save.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum HallDevice {
    Table,
    Id,
    Name,
    /// pjlink | visca | kramer | extron
    Protocol,
    /// `host:port`, or `simulator` for a device this node simulates (demo, drills).
    Address,
    /// PJLink password, if the device has one.
    Password,
    /// Matrix outputs to poll.
    Outputs,
    Position,
    Demo,
}

#[derive(DeriveIden)]
enum HallSetup {
    Table,
    /// Always 1: one hall per node.
    Id,
    /// The wall, its matrix and sources as JSON.
    Body,
}

#[derive(DeriveIden)]
enum HallScene {
    Table,
    Id,
    Name,
    /// The scene as JSON (windows, displays, cameras).
    Body,
    UpdatedBy,
    UpdatedAt,
    Demo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HallDevice::Table)
                    .col(string_len(HallDevice::Id, 64).primary_key())
                    .col(string_len(HallDevice::Name, 200))
                    .col(string_len(HallDevice::Protocol, 16))
                    .col(string_len(HallDevice::Address, 255))
                    .col(string_len_null(HallDevice::Password, 200))
                    .col(integer_null(HallDevice::Outputs))
                    .col(integer(HallDevice::Position))
                    .col(boolean(HallDevice::Demo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HallSetup::Table)
                    .col(integer(HallSetup::Id).primary_key())
                    .col(text(HallSetup::Body))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HallScene::Table)
                    .col(pk_uuid(HallScene::Id))
                    .col(string_len(HallScene::Name, 60))
                    .col(text(HallScene::Body))
                    .col(string_len(HallScene::UpdatedBy, 200))
                    .col(timestamp_with_time_zone(HallScene::UpdatedAt))
                    .col(boolean(HallScene::Demo))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            HallScene::Table.into_iden(),
            HallSetup::Table.into_iden(),
            HallDevice::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
