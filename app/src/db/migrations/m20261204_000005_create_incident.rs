//! 事故: the accident record, its versions (first report and each 续报), its timeline and the
//! receipts of the reporting chain.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Incident {
    Table,
    Id,
    Title,
    AccidentType,
    Industry,
    OccurredAt,
    ReceivedAt,
    Lon,
    Lat,
    RegionCode,
    Address,
    Enterprise,
    Deaths,
    Missing,
    SeriousInjuries,
    MinorInjuries,
    Trapped,
    DirectLossCny,
    Hazmat,
    Description,
    Source,
    Reporter,
    ReporterPhone,
    Grade,
    Status,
    Version,
    Revision,
    UnitId,
    EnteredTier,
    ExternalId,
    Demo,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IncidentVersion {
    Table,
    Id,
    IncidentId,
    Version,
    Grade,
    Facts,
    Changed,
    Actor,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IncidentEntry {
    Table,
    Id,
    IncidentId,
    Kind,
    Text,
    Detail,
    Actor,
    At,
}

#[derive(DeriveIden)]
enum IncidentReceipt {
    Table,
    Id,
    IncidentId,
    Tier,
    ReceivedAt,
    Actor,
}

fn incident_fk<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Incident::Table, Incident::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Incident::Table)
                    .col(pk_uuid(Incident::Id))
                    .col(string_len(Incident::Title, 100))
                    .col(small_integer(Incident::AccidentType))
                    .col(string_len(Incident::Industry, 32))
                    .col(timestamp_with_time_zone(Incident::OccurredAt))
                    .col(timestamp_with_time_zone(Incident::ReceivedAt))
                    .col(double(Incident::Lon))
                    .col(double(Incident::Lat))
                    .col(char_len(Incident::RegionCode, 6))
                    .col(string_len(Incident::Address, 200))
                    .col(string_len(Incident::Enterprise, 100))
                    .col(integer(Incident::Deaths))
                    .col(integer(Incident::Missing))
                    .col(integer(Incident::SeriousInjuries))
                    .col(integer(Incident::MinorInjuries))
                    .col(integer(Incident::Trapped))
                    .col(big_integer(Incident::DirectLossCny))
                    .col(string_len(Incident::Hazmat, 200))
                    .col(text(Incident::Description))
                    .col(string_len(Incident::Source, 32))
                    .col(string_len(Incident::Reporter, 50))
                    .col(string_len(Incident::ReporterPhone, 30))
                    .col(string_len(Incident::Grade, 32))
                    .col(string_len(Incident::Status, 16))
                    .col(integer(Incident::Version))
                    .col(integer(Incident::Revision))
                    .col(uuid(Incident::UnitId))
                    .col(string_len(Incident::EnteredTier, 16))
                    .col(string_len_null(Incident::ExternalId, 64))
                    .col(boolean(Incident::Demo))
                    .col(timestamp_with_time_zone(Incident::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Incident::Table, Incident::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A call centre's retry finds its first submission (NULLs never collide).
        manager
            .create_index(
                Index::create()
                    .name("incident_external_once")
                    .table(Incident::Table)
                    .col(Incident::UnitId)
                    .col(Incident::ExternalId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Boards read the open incidents newest first: by status, then time of receipt.
        manager
            .create_index(
                Index::create()
                    .name("incident_open")
                    .table(Incident::Table)
                    .col(Incident::Status)
                    .col(Incident::ReceivedAt)
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("incident_region", Incident::RegionCode),
            ("incident_received", Incident::ReceivedAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Incident::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(IncidentVersion::Table)
                    .col(pk_uuid(IncidentVersion::Id))
                    .col(uuid(IncidentVersion::IncidentId))
                    .col(integer(IncidentVersion::Version))
                    .col(string_len(IncidentVersion::Grade, 32))
                    .col(text(IncidentVersion::Facts))
                    .col(text(IncidentVersion::Changed))
                    .col(string_len(IncidentVersion::Actor, 100))
                    .col(timestamp_with_time_zone(IncidentVersion::CreatedAt))
                    .foreign_key(&mut incident_fk(
                        IncidentVersion::Table,
                        IncidentVersion::IncidentId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("incident_version_once")
                    .table(IncidentVersion::Table)
                    .col(IncidentVersion::IncidentId)
                    .col(IncidentVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IncidentEntry::Table)
                    .col(pk_uuid(IncidentEntry::Id))
                    .col(uuid(IncidentEntry::IncidentId))
                    .col(string_len(IncidentEntry::Kind, 16))
                    .col(text(IncidentEntry::Text))
                    .col(text(IncidentEntry::Detail))
                    .col(string_len(IncidentEntry::Actor, 100))
                    .col(timestamp_with_time_zone(IncidentEntry::At))
                    .foreign_key(&mut incident_fk(
                        IncidentEntry::Table,
                        IncidentEntry::IncidentId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("incident_entry_by_incident")
                    .table(IncidentEntry::Table)
                    .col(IncidentEntry::IncidentId)
                    .col(IncidentEntry::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IncidentReceipt::Table)
                    .col(pk_uuid(IncidentReceipt::Id))
                    .col(uuid(IncidentReceipt::IncidentId))
                    .col(string_len(IncidentReceipt::Tier, 16))
                    .col(timestamp_with_time_zone(IncidentReceipt::ReceivedAt))
                    .col(string_len(IncidentReceipt::Actor, 100))
                    .foreign_key(&mut incident_fk(
                        IncidentReceipt::Table,
                        IncidentReceipt::IncidentId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("incident_receipt_once")
                    .table(IncidentReceipt::Table)
                    .col(IncidentReceipt::IncidentId)
                    .col(IncidentReceipt::Tier)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            IncidentReceipt::Table.into_iden(),
            IncidentEntry::Table.into_iden(),
            IncidentVersion::Table.into_iden(),
            Incident::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
