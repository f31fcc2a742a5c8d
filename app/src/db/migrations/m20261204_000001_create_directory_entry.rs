use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirectoryEntry {
    Table,
    Id,
    Code,
    Kind,
    Class,
    Name,
    RegionCode,
    ParentId,
    Lon,
    Lat,
    OwnerNode,
    Demo,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DirectoryEntry::Table)
                    .col(pk_uuid(DirectoryEntry::Id))
                    .col(string_len_uniq(DirectoryEntry::Code, 128))
                    .col(string_len(DirectoryEntry::Kind, 16))
                    .col(string_len(DirectoryEntry::Class, 32))
                    .col(string_len(DirectoryEntry::Name, 200))
                    .col(char_len(DirectoryEntry::RegionCode, 6))
                    .col(uuid_null(DirectoryEntry::ParentId))
                    .col(double_null(DirectoryEntry::Lon))
                    .col(double_null(DirectoryEntry::Lat))
                    .col(string_len(DirectoryEntry::OwnerNode, 64))
                    .col(boolean(DirectoryEntry::Demo))
                    .col(timestamp_with_time_zone(DirectoryEntry::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DirectoryEntry::Table, DirectoryEntry::ParentId)
                            .to(DirectoryEntry::Table, DirectoryEntry::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_directory_entry_kind_region")
                    .table(DirectoryEntry::Table)
                    .col(DirectoryEntry::Kind)
                    .col(DirectoryEntry::RegionCode)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DirectoryEntry::Table).to_owned())
            .await
    }
}
