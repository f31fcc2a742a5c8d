//! Cameras relayed from a lower node: a report that carries its scene's cameras leaves a copy
//! of each here, marked with the node that pulls the camera (and forwards its video on request).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Camera {
    Table,
    /// The node id that pulls the camera; null for this node's own cameras.
    OriginNode,
    /// That node's name, as its report named it.
    OriginName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for (column, len) in [(Camera::OriginNode, 64), (Camera::OriginName, 200)] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Camera::Table)
                        .add_column(string_len_null(column, len))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Camera::OriginName, Camera::OriginNode] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Camera::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
