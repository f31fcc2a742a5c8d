//! ssr: organisations, users, sessions, API keys and shared records, each in its own file.

mod api_keys;
mod passwords;
mod sessions;
mod shares;
mod users;

pub use api_keys::*;
pub use passwords::hash_password;
pub use sessions::*;
pub use shares::*;
pub use users::*;

use password_hash::rand_core::{OsRng, RngCore};
use sea_orm::{ConnectionTrait, DbErr};
use sha2::{Digest, Sha256};

use super::PasswordProblem;
use crate::audit::{Actor, NewAuditEntry};
use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(
        "the password does not meet the policy (12–128 characters, three of: lower case, upper \
         case, digits, other characters; not containing the user name or a common password): {0:?}"
    )]
    WeakPassword(Vec<PasswordProblem>),
    #[error("the user name is taken")]
    UsernameTaken,
    #[error("unknown organisation unit")]
    UnknownUnit,
    #[error("unknown user")]
    UnknownUser,
    #[error("stored identity data is invalid: {0}")]
    Corrupt(String),
}

impl From<IdentityError> for AppError {
    fn from(err: IdentityError) -> Self {
        match err {
            IdentityError::UsernameTaken => AppError::Conflict,
            IdentityError::UnknownUnit | IdentityError::UnknownUser => AppError::NotFound,
            other => AppError::internal(&other),
        }
    }
}

/// Records a change in the audit log, within the caller's transaction.
async fn audit(
    db: &impl ConnectionTrait,
    node: &str,
    actor: &Actor,
    action: &str,
    target: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), DbErr> {
    let entry = NewAuditEntry {
        actor: actor.clone(),
        action: action.into(),
        target,
        before,
        after,
    };
    crate::audit::service::append(db, node, entry)
        .await
        .map(|_| ())
}

/// 32 random bytes, hex: a secret only its holder (a browser cookie, a machine client) keeps.
pub(crate) fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Secrets are stored by their SHA-256: a copy of the table opens nothing. (They are 256
/// random bits, so a fast hash is enough; passwords get Argon2id.)
pub(crate) fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_stored_hashed() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(secret_hash(&a), a);
        assert_eq!(secret_hash(&a), secret_hash(&a));
    }
}
