//! Incident attachments on disk: uploads (checked by content and size, written beside the
//! database, recorded with their hash) and downloads (only to those who may read the incident).

pub(crate) mod access;
mod download;
mod upload;

use std::path::{Path, PathBuf};

use uuid::Uuid;

pub use download::download;
pub use upload::upload;

/// Where an attachment's content lives.
fn stored_path(root: &Path, incident: Uuid, attachment: Uuid) -> PathBuf {
    root.join("incidents")
        .join(incident.to_string())
        .join(attachment.to_string())
}
