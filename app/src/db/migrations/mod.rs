//! One migration per file, named after its date and change; the same set serves SQLite and
//! PostgreSQL.

use sea_orm_migration::prelude::*;

mod m20261204_000001_create_directory_entry;
mod m20261204_000002_create_audit_log;
mod m20261204_000003_create_identity;
mod m20261204_000004_create_access;
mod m20261204_000005_create_incident;
mod m20261204_000006_create_incident_attachment;
mod m20261205_000007_create_resource;
mod m20261205_000008_create_major_hazard;
mod m20261206_000009_create_alert;
mod m20261207_000010_create_exchange;
mod m20261208_000011_create_support;
mod m20261209_000012_create_hall;
mod m20261210_000013_create_camera;
mod m20261210_000014_create_video_invitation;
mod m20261211_000015_add_camera_origin;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261204_000001_create_directory_entry::Migration),
            Box::new(m20261204_000002_create_audit_log::Migration),
            Box::new(m20261204_000003_create_identity::Migration),
            Box::new(m20261204_000004_create_access::Migration),
            Box::new(m20261204_000005_create_incident::Migration),
            Box::new(m20261204_000006_create_incident_attachment::Migration),
            Box::new(m20261205_000007_create_resource::Migration),
            Box::new(m20261205_000008_create_major_hazard::Migration),
            Box::new(m20261206_000009_create_alert::Migration),
            Box::new(m20261207_000010_create_exchange::Migration),
            Box::new(m20261208_000011_create_support::Migration),
            Box::new(m20261209_000012_create_hall::Migration),
            Box::new(m20261210_000013_create_camera::Migration),
            Box::new(m20261210_000014_create_video_invitation::Migration),
            Box::new(m20261211_000015_add_camera_origin::Migration),
        ]
    }
}
