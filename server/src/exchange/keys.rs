//! The node's Ed25519 key: generated once into a file only the service user can read; its
//! public half is what other nodes register. Signatures and keys travel as hex.

use std::io::Write;
use std::path::Path;

use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("node key file {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("node key file {0} already exists; remove it first to replace the key")]
    Exists(String),
    #[error("node key file {0} does not hold a key (64 hexadecimal digits)")]
    Invalid(String),
    #[error("the system random source failed")]
    Random,
}

/// This node's signing key.
#[derive(Debug)]
pub struct NodeKey {
    pair: Ed25519KeyPair,
}

impl NodeKey {
    fn from_seed(seed: &[u8]) -> Option<NodeKey> {
        Ed25519KeyPair::from_seed_unchecked(seed)
            .ok()
            .map(|pair| NodeKey { pair })
    }

    /// Reads the key written by [`NodeKey::generate`].
    pub fn load(path: &Path) -> Result<NodeKey, KeyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
            path: shown.clone(),
            source,
        })?;
        hex::decode(text.trim())
            .ok()
            .filter(|seed| seed.len() == 32)
            .and_then(|seed| NodeKey::from_seed(&seed))
            .ok_or(KeyError::Invalid(shown))
    }

    /// Makes a new key and writes it to `path` (mode 0600); never overwrites one.
    pub fn generate(path: &Path) -> Result<NodeKey, KeyError> {
        let shown = path.display().to_string();
        let io = |source| KeyError::Io {
            path: shown.clone(),
            source,
        };
        let mut seed = [0u8; 32];
        SystemRandom::new()
            .fill(&mut seed)
            .map_err(|_| KeyError::Random)?;
        let key = NodeKey::from_seed(&seed).ok_or(KeyError::Random)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = match options.open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(KeyError::Exists(shown));
            }
            Err(e) => return Err(io(e)),
        };
        writeln!(file, "{}", hex::encode(seed)).map_err(io)?;
        Ok(key)
    }

    pub fn public_hex(&self) -> String {
        hex::encode(self.pair.public_key().as_ref())
    }

    pub fn sign(&self, bytes: &[u8]) -> String {
        hex::encode(self.pair.sign(bytes).as_ref())
    }
}

/// Whether `signature` (hex) is `public_key`'s (hex) signature over `bytes`.
pub fn verify(public_key: &str, bytes: &[u8], signature: &str) -> bool {
    let (Ok(key), Ok(sig)) = (hex::decode(public_key), hex::decode(signature)) else {
        return false;
    };
    UnparsedPublicKey::new(&ED25519, key)
        .verify(bytes, &sig)
        .is_ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn temp_key_path() -> std::path::PathBuf {
        std::env::temp_dir()
            .join(format!("yingji-key-{}", uuid::Uuid::now_v7().simple()))
            .join("node.key")
    }

    #[test]
    fn a_generated_key_loads_back_and_signs_what_it_verifies() {
        let path = temp_key_path();
        let key = NodeKey::generate(&path).unwrap();
        let again = NodeKey::load(&path).unwrap();
        assert_eq!(key.public_hex(), again.public_hex());
        let sig = key.sign(b"report");
        assert!(verify(&again.public_hex(), b"report", &sig));
        assert!(!verify(&again.public_hex(), b"report!", &sig));
        assert!(!verify(&again.public_hex(), b"report", "00"));
        assert!(!verify("zz", b"report", &sig));
    }

    #[test]
    fn a_key_is_never_overwritten_and_garbage_is_not_a_key() {
        let path = temp_key_path();
        NodeKey::generate(&path).unwrap();
        assert!(matches!(NodeKey::generate(&path), Err(KeyError::Exists(_))));
        std::fs::write(&path, "not a key").unwrap();
        assert!(matches!(NodeKey::load(&path), Err(KeyError::Invalid(_))));
    }

    #[cfg(unix)]
    #[test]
    fn the_key_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let path = temp_key_path();
        NodeKey::generate(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
