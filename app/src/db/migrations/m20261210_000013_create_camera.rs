//! 现场视频源: the RTSP cameras (site cameras, drone feeds, command-vehicle cameras) this node
//! pulls, each for an incident or a major-hazard installation.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Camera {
    Table,
    Id,
    Name,
    /// site | drone | vehicle
    Kind,
    /// `rtsp://[user:password@]host[:port]/path`
    Url,
    /// The incident it films, or
    IncidentId,
    /// the installation it watches (exactly one of the two is set).
    HazardId,
    /// The jurisdiction, from the incident or installation: who may watch.
    RegionCode,
    CreatedBy,
    CreatedAt,
    Demo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Camera::Table)
                    .col(pk_uuid(Camera::Id))
                    .col(string_len(Camera::Name, 60))
                    .col(string_len(Camera::Kind, 16))
                    .col(string_len(Camera::Url, 500))
                    .col(uuid_null(Camera::IncidentId))
                    .col(uuid_null(Camera::HazardId))
                    .col(string_len(Camera::RegionCode, 12))
                    .col(string_len(Camera::CreatedBy, 200))
                    .col(timestamp_with_time_zone(Camera::CreatedAt))
                    .col(boolean(Camera::Demo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("camera_by_incident")
                    .table(Camera::Table)
                    .col(Camera::IncidentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Camera::Table).to_owned())
            .await
    }
}
