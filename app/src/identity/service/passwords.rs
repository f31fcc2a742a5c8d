//! Argon2id hashing off the async runtime, a bounded number at a time: each hash takes about
//! 19 MiB and tens of milliseconds, so a burst of logins must queue rather than exhaust memory
//! or starve the blocking pool.

use password_hash::rand_core::OsRng;
use std::sync::LazyLock;
use tokio::sync::Semaphore;

use super::IdentityError;

static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Semaphore::new(cores)
});

/// Runs one hashing job when a slot is free.
async fn bounded<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _slot = HASHING.acquire().await.ok()?;
    tokio::task::spawn_blocking(job).await.ok()
}

/// Argon2id with the crate's recommended parameters.
pub async fn hash_password(password: String) -> Result<String, IdentityError> {
    bounded(move || {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let salt = SaltString::generate(&mut OsRng);
        argon2::Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| IdentityError::Hash(e.to_string()))
    })
    .await
    .unwrap_or_else(|| Err(IdentityError::Hash("hashing task failed".into())))
}

pub(super) async fn password_matches(hash: String, password: String) -> bool {
    bounded(move || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            argon2::Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A hash nobody's password matches, so unknown accounts take as long as known ones.
pub(super) const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Gk5lLQ2wZkQdQ6o6t8lqk3Q2m5cQp0m9bKjKXo6b8nU";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash() {
        // Otherwise unknown accounts would answer faster than known ones.
        let parsed = argon2::password_hash::PasswordHash::new(DUMMY_HASH);
        assert!(parsed.is_ok_and(|h| h.algorithm.as_str() == "argon2id"));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("Fenhe#Night-2026".into()).await.unwrap();
        assert!(password_matches(hash.clone(), "Fenhe#Night-2026".into()).await);
        assert!(!password_matches(hash, "fenhe#night-2026".into()).await);
    }
}
