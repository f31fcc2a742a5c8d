//! 应急资源 and 调派: the registries of teams, experts, stockpiles, equipment, medical
//! facilities, shelters and communication support, and the dispatch orders that send them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Incident {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Resource {
    Table,
    Id,
    Kind,
    Name,
    Category,
    Capabilities,
    Quantity,
    Unit,
    Organisation,
    Details,
    ContactName,
    ContactPhone,
    Lon,
    Lat,
    RegionCode,
    Address,
    Availability,
    ExpiresOn,
    /// The dispatch that holds it, for kinds committed whole; claimed by a conditional update so
    /// two commanders can never send the same team to two places.
    CommittedTo,
    UnitId,
    Demo,
    Revision,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Dispatch {
    Table,
    Id,
    IncidentId,
    ResourceId,
    Status,
    Quantity,
    DistanceKm,
    EtaMinutes,
    DispatchedAt,
    DepartedAt,
    ArrivedAt,
    WorkingAt,
    WithdrawnAt,
    Lon,
    Lat,
    PositionAt,
    Note,
    Actor,
    Revision,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Resource::Table)
                    .col(pk_uuid(Resource::Id))
                    .col(string_len(Resource::Kind, 16))
                    .col(string_len(Resource::Name, 100))
                    .col(string_len(Resource::Category, 50))
                    .col(string_len(Resource::Capabilities, 300))
                    .col(double(Resource::Quantity))
                    .col(string_len(Resource::Unit, 10))
                    .col(string_len(Resource::Organisation, 100))
                    .col(text(Resource::Details))
                    .col(string_len(Resource::ContactName, 50))
                    .col(string_len(Resource::ContactPhone, 30))
                    .col(double(Resource::Lon))
                    .col(double(Resource::Lat))
                    .col(char_len(Resource::RegionCode, 6))
                    .col(string_len(Resource::Address, 200))
                    .col(string_len(Resource::Availability, 16))
                    .col(string_len_null(Resource::ExpiresOn, 10))
                    .col(uuid_null(Resource::CommittedTo))
                    .col(uuid(Resource::UnitId))
                    .col(boolean(Resource::Demo))
                    .col(integer(Resource::Revision))
                    .col(timestamp_with_time_zone(Resource::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("resource_by_region", Resource::RegionCode),
            ("resource_by_kind", Resource::Kind),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Resource::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Dispatch::Table)
                    .col(pk_uuid(Dispatch::Id))
                    .col(uuid(Dispatch::IncidentId))
                    .col(uuid(Dispatch::ResourceId))
                    .col(string_len(Dispatch::Status, 16))
                    .col(double(Dispatch::Quantity))
                    .col(double(Dispatch::DistanceKm))
                    .col(double(Dispatch::EtaMinutes))
                    .col(timestamp_with_time_zone(Dispatch::DispatchedAt))
                    .col(timestamp_with_time_zone_null(Dispatch::DepartedAt))
                    .col(timestamp_with_time_zone_null(Dispatch::ArrivedAt))
                    .col(timestamp_with_time_zone_null(Dispatch::WorkingAt))
                    .col(timestamp_with_time_zone_null(Dispatch::WithdrawnAt))
                    .col(double_null(Dispatch::Lon))
                    .col(double_null(Dispatch::Lat))
                    .col(timestamp_with_time_zone_null(Dispatch::PositionAt))
                    .col(string_len(Dispatch::Note, 500))
                    .col(string_len(Dispatch::Actor, 100))
                    .col(integer(Dispatch::Revision))
                    .col(timestamp_with_time_zone(Dispatch::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Dispatch::Table, Dispatch::IncidentId)
                            .to(Incident::Table, Incident::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Dispatch::Table, Dispatch::ResourceId)
                            .to(Resource::Table, Resource::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("dispatch_by_incident", Dispatch::IncidentId),
            ("dispatch_by_resource", Dispatch::ResourceId),
            ("dispatch_by_status", Dispatch::Status),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Dispatch::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Dispatch::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Resource::Table).to_owned())
            .await
    }
}
