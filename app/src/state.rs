//! The server's shared state, handed to every request through leptos context.

use leptos::prelude::*;
use sea_orm::DatabaseConnection;

use crate::error::AppError;
use crate::site::SiteInfo;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub site: SiteInfo,
    /// The node's live event bus.
    pub bus: crate::live::Bus,
    /// Where uploaded files live (outside the database).
    pub files_dir: std::path::PathBuf,
    /// The registry's spatial index, kept in step with every write of this process.
    pub resources: crate::resources::index::ResourceIndex,
    /// The tier exchange's link, as the server's transport last saw it.
    pub exchange: crate::exchange::LinkBoard,
    /// The command hall's running devices.
    pub hall: crate::hall::port::HallLink,
    /// The consultation's media service (SFU).
    pub media: crate::video::MediaLink,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state of this request; missing state is a wiring bug, reported as an internal error.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        AppError::internal(&std::io::Error::other(
            "AppState is not in the request context",
        ))
    })
}

pub fn db() -> Result<DatabaseConnection, AppError> {
    Ok(app_state()?.db)
}

pub fn bus() -> Result<crate::live::Bus, AppError> {
    Ok(app_state()?.bus)
}
