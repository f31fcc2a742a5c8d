//! 重大危险源: installations holding hazardous chemicals, identified and graded after
//! GB 18218-2018 by the model library when saved.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MajorHazard {
    Table,
    Id,
    Name,
    Enterprise,
    Lon,
    Lat,
    RegionCode,
    /// The holdings as JSON: `[{substance | category, quantity_t}]`.
    Substances,
    ExposedPopulation,
    /// S = Σq/Q, R and the grade as last computed, so lists need not recompute.
    SumRatio,
    RValue,
    Grade,
    Standard,
    UnitId,
    Demo,
    Revision,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MajorHazard::Table)
                    .col(pk_uuid(MajorHazard::Id))
                    .col(string_len(MajorHazard::Name, 100))
                    .col(string_len(MajorHazard::Enterprise, 100))
                    .col(double(MajorHazard::Lon))
                    .col(double(MajorHazard::Lat))
                    .col(char_len(MajorHazard::RegionCode, 6))
                    .col(text(MajorHazard::Substances))
                    .col(integer(MajorHazard::ExposedPopulation))
                    .col(double(MajorHazard::SumRatio))
                    .col(double(MajorHazard::RValue))
                    .col(string_len_null(MajorHazard::Grade, 8))
                    .col(string_len(MajorHazard::Standard, 20))
                    .col(uuid(MajorHazard::UnitId))
                    .col(boolean(MajorHazard::Demo))
                    .col(integer(MajorHazard::Revision))
                    .col(timestamp_with_time_zone(MajorHazard::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("major_hazard_by_region")
                    .table(MajorHazard::Table)
                    .col(MajorHazard::RegionCode)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MajorHazard::Table).to_owned())
            .await
    }
}
