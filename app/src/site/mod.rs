//! Who this node is (节点身份) and how its site is set up, as shown in the shell and the map.

mod api;
mod model;

pub use api::get_site_info;
pub use model::*;

use leptos::prelude::*;

/// The site information, loaded once per page and shared by the shell and the pages.
#[derive(Clone, Copy)]
struct SiteContext(Resource<Result<SiteInfo, crate::error::AppError>>);

pub fn provide_site() {
    provide_context(SiteContext(Resource::new_blocking(
        || (),
        |_| get_site_info(),
    )));
}

/// The site information once loaded (`None` while loading or if it failed); reactive.
pub fn site_info() -> Option<SiteInfo> {
    use_context::<SiteContext>()?.0.get()?.ok()
}

/// Whether this node shows the demo data set (演示数据); reactive.
pub fn is_demo_site() -> bool {
    site_info().is_some_and(|info| info.demo)
}
