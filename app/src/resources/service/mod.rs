//! ssr: the registry in the database and in the spatial index. Every write commits with its
//! audit record, then updates the index of this process.

mod export;
mod import;
mod read;
mod write;

pub use export::*;
pub use import::*;
pub use read::*;
pub use write::*;

use sea_orm::DbErr;

use crate::error::AppError;
use crate::i18n::ResourceTexts;
use crate::resources::MAX_IMPORT_ROWS;

/// The kind of record the registry's rows are in jurisdiction checks and the audit log.
pub const RECORD_KIND: &str = "resource";

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("no such resource")]
    NotFound,
    #[error("the edit is based on revision {based_on}, the record is at {current}")]
    Stale { based_on: u32, current: u32 },
    #[error("the region is outside the unit's jurisdiction")]
    OutsideJurisdiction,
    #[error("the file has more rows than one import takes")]
    TooManyRows,
    #[error("the file cannot be read: {0}")]
    Unreadable(String),
    #[error("stored resource is corrupt: {0}")]
    Corrupt(String),
}

impl ResourceError {
    pub fn to_app(&self, t: &ResourceTexts) -> AppError {
        match self {
            ResourceError::NotFound => AppError::NotFound,
            ResourceError::Stale { .. } => AppError::field(t.name, t.stale_edit),
            ResourceError::OutsideJurisdiction => {
                AppError::field(t.region_code, t.outside_jurisdiction)
            }
            ResourceError::Unreadable(why) => {
                AppError::field(t.import_file, format!("{} {why}", t.unreadable))
            }
            ResourceError::TooManyRows => AppError::field(
                t.import_file,
                format!("{} {MAX_IMPORT_ROWS}", t.too_many_rows),
            ),
            ResourceError::Db(_) | ResourceError::Corrupt(_) => AppError::internal(self),
        }
    }
}

impl From<ResourceError> for AppError {
    fn from(err: ResourceError) -> Self {
        err.to_app(&crate::i18n::detect_locale().texts().resources)
    }
}
