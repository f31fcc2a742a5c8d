//! ssr: dispatch orders in the database. An order, a step or a position commits with the
//! incident's timeline entry, the resource's claim or stock and the audit record, then the
//! index and the live bus follow.

mod read;
mod write;

pub use read::*;
pub use write::*;

use sea_orm::DbErr;

use crate::error::AppError;
use crate::i18n::DispatchTexts;

#[derive(Debug, thiserror::Error)]
pub enum DispatchError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("no such dispatch, incident or resource")]
    NotFound,
    #[error("nothing was chosen")]
    NothingChosen,
    #[error("the incident is closed")]
    IncidentClosed,
    #[error("{0} is not sent by dispatch")]
    NotDispatchable(String),
    #[error("{0} is unavailable or committed elsewhere")]
    Committed(String),
    #[error("{name}: {have} left")]
    NotEnoughStock { name: String, have: String },
    #[error("status cannot move back")]
    Backwards,
    #[error("stored dispatch is corrupt: {0}")]
    Corrupt(String),
}

impl DispatchError {
    pub fn to_app(&self, t: &DispatchTexts) -> AppError {
        let field = AppError::field;
        match self {
            DispatchError::NotFound => AppError::NotFound,
            DispatchError::NothingChosen => field(t.order_title, t.nothing_chosen),
            DispatchError::IncidentClosed => field(t.order_title, t.incident_closed),
            DispatchError::NotDispatchable(name) => field(name, t.not_dispatchable),
            DispatchError::Committed(name) => field(name, t.committed_elsewhere),
            DispatchError::NotEnoughStock { name, have } => {
                AppError::field(name, format!("{} {have}", t.not_enough_stock))
            }
            DispatchError::Backwards => field(t.status, t.status_backwards),
            DispatchError::Db(_) | DispatchError::Corrupt(_) => AppError::internal(self),
        }
    }
}

impl From<DispatchError> for AppError {
    fn from(err: DispatchError) -> Self {
        err.to_app(&crate::i18n::detect_locale().texts().dispatch)
    }
}

impl From<crate::incidents::service::IncidentError> for DispatchError {
    fn from(err: crate::incidents::service::IncidentError) -> Self {
        use crate::incidents::service::IncidentError as E;
        match err {
            E::NotFound => DispatchError::NotFound,
            E::Db(e) => DispatchError::Db(e),
            other => DispatchError::Corrupt(other.to_string()),
        }
    }
}
