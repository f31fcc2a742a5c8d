//! Sessions get an id of their own (so administrators can end one without ever seeing its
//! token hash); API keys for machine clients; records shared across jurisdictions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserSession {
    Table,
    Id,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    Address,
}

#[derive(DeriveIden)]
enum ApiKey {
    Table,
    Id,
    Name,
    OrgUnitId,
    Scopes,
    Prefix,
    SecretHash,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum RecordShare {
    Table,
    Id,
    RecordKind,
    RecordId,
    UnitId,
    Reason,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Sessions are short-lived: recreating the table signs everybody out once.
        manager
            .drop_table(Table::drop().table(UserSession::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserSession::Table)
                    .col(pk_uuid(UserSession::Id))
                    .col(char_len_uniq(UserSession::TokenHash, 64))
                    .col(uuid(UserSession::UserId))
                    .col(timestamp_with_time_zone(UserSession::CreatedAt))
                    .col(timestamp_with_time_zone(UserSession::LastSeenAt))
                    .col(timestamp_with_time_zone(UserSession::ExpiresAt))
                    .col(string_len(UserSession::Address, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserSession::Table, UserSession::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApiKey::Table)
                    .col(pk_uuid(ApiKey::Id))
                    .col(string_len(ApiKey::Name, 100))
                    .col(uuid(ApiKey::OrgUnitId))
                    .col(string_len(ApiKey::Scopes, 255))
                    .col(string_len(ApiKey::Prefix, 16))
                    .col(char_len_uniq(ApiKey::SecretHash, 64))
                    .col(uuid_null(ApiKey::CreatedBy))
                    .col(timestamp_with_time_zone(ApiKey::CreatedAt))
                    .col(timestamp_with_time_zone(ApiKey::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiKey::RevokedAt))
                    .col(timestamp_with_time_zone_null(ApiKey::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiKey::Table, ApiKey::OrgUnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecordShare::Table)
                    .col(pk_uuid(RecordShare::Id))
                    .col(string_len(RecordShare::RecordKind, 32))
                    .col(uuid(RecordShare::RecordId))
                    .col(uuid(RecordShare::UnitId))
                    .col(string_len(RecordShare::Reason, 16))
                    .col(timestamp_with_time_zone(RecordShare::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecordShare::Table, RecordShare::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("record_share_once")
                    .table(RecordShare::Table)
                    .col(RecordShare::RecordKind)
                    .col(RecordShare::RecordId)
                    .col(RecordShare::UnitId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [RecordShare::Table.into_iden(), ApiKey::Table.into_iden()] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
