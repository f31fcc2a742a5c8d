//! ssr: incidents in the database. Every write runs in one transaction with its timeline entry
//! and audit record, and is published on the bus only after the commit.

mod attachments;
mod copies;
mod read;
mod write;

pub use attachments::*;
pub use copies::*;
pub use read::*;
pub use write::*;

use sea_orm::DbErr;

use crate::audit::Actor;
use crate::error::AppError;
use crate::i18n::IncidentTexts;

/// Who is writing: the audit actor, the name the timeline shows, and this node.
#[derive(Clone, Debug)]
pub struct Recorder {
    pub actor: Actor,
    pub name: String,
    pub node: String,
}

impl Recorder {
    /// A signed-in user, named with their unit as the timeline shows it.
    pub fn for_user(user: &crate::identity::CurrentUser, node: &str) -> Recorder {
        Recorder::person(user.id, &user.display_name, &user.unit_name, node)
    }

    /// A person named with their unit, as the timeline shows them.
    pub fn person(id: uuid::Uuid, display_name: &str, unit_name: &str, node: &str) -> Recorder {
        Recorder {
            actor: Actor::User(id),
            name: format!("{display_name}（{unit_name}）"),
            node: node.into(),
        }
    }

    /// Appends the audit record of a write to `target` (`kind:id`), in the write's transaction.
    pub async fn audit(
        &self,
        db: &impl sea_orm::ConnectionTrait,
        action: &str,
        target: String,
        before: Option<serde_json::Value>,
        after: serde_json::Value,
    ) -> Result<(), DbErr> {
        let entry = crate::audit::NewAuditEntry {
            actor: self.actor.clone(),
            action: action.into(),
            target,
            before,
            after: Some(after),
        };
        crate::audit::service::append(db, &self.node, entry).await?;
        Ok(())
    }

    /// [`Recorder::for_user`] on this node, in a server function.
    pub fn for_request(user: &crate::identity::CurrentUser) -> Result<Recorder, AppError> {
        let node = crate::state::app_state()?.site.node.id;
        Ok(Recorder::for_user(user, &node))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IncidentError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("no such incident")]
    NotFound,
    #[error("the follow-up is based on version {based_on}, the record is at {current}")]
    Stale { based_on: u32, current: u32 },
    #[error("status cannot move back")]
    StatusBackwards,
    #[error("that tier is not due to receive the report, or already has")]
    ReceiptNotDue,
    #[error("the region is outside the recording unit's jurisdiction")]
    OutsideJurisdiction,
    #[error("the record is a copy from the node that reported it; only that node changes it")]
    NotOwned,
    #[error("stored incident is corrupt: {0}")]
    Corrupt(String),
}

impl IncidentError {
    /// The error as the reader is told it.
    pub fn to_app(&self, t: &IncidentTexts) -> AppError {
        let field = AppError::field;
        match self {
            IncidentError::NotFound => AppError::NotFound,
            IncidentError::Stale { .. } => field(t.followup_title, t.stale_version),
            IncidentError::StatusBackwards => field(t.status, t.status_backwards),
            IncidentError::ReceiptNotDue => field(t.duty_tier, t.receipt_not_due),
            IncidentError::OutsideJurisdiction => field(t.region_code, t.outside_jurisdiction),
            IncidentError::NotOwned => field(t.followup_title, t.not_owned),
            IncidentError::Db(_) | IncidentError::Corrupt(_) => AppError::internal(self),
        }
    }
}

impl From<IncidentError> for AppError {
    fn from(err: IncidentError) -> Self {
        err.to_app(&crate::i18n::detect_locale().texts().incidents)
    }
}
