use leptos::prelude::*;

use super::SiteInfo;
use crate::error::AppError;

/// Identity of this node and the site settings every page needs.
#[server(endpoint = "site/info")]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    Ok(crate::state::app_state()?.site.clone())
}
