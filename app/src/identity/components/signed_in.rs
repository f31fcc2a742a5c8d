use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

use crate::error::ErrorNotice;
use crate::identity::context::user_resource;
use crate::ui::url::encode;

/// The pages behind sign-in: without a session, the sign-in page, which comes back here after.
/// On the server this is a real redirect (302), so it works without JavaScript too.
#[component]
pub fn SignedIn() -> impl IntoView {
    let location = use_location();
    let user = user_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || match user.get()? {
                Ok(Some(_)) => Some(view! { <Outlet /> }.into_any()),
                Ok(None) => {
                    // `search` comes without its `?`.
                    let search = location.search.get();
                    let query = if search.is_empty() { String::new() } else { format!("?{search}") };
                    let here = format!("{}{query}", location.pathname.get());
                    let path = format!("/login?next={}", encode(&here, b"/"));
                    Some(view! { <Redirect path /> }.into_any())
                }
                Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
            }}
        </Suspense>
    }
}

/// Where to go after signing in: a path of ours, never another site (`//evil`, `https:`).
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .filter(|n| !n.starts_with("/login"))
        .unwrap_or_else(|| "/".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/admin/users".into())), "/admin/users");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/login?next=/x".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
