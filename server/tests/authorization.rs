//! The authorization matrix: every server function and API endpoint, who may call it, checked
//! against the running router. Adding an endpoint starts with adding its row here; a
//! registered endpoint without a row fails `every_endpoint_has_a_row`.

mod support;

use app::identity::Permission;
use server::demo::accounts::{ACCOUNTS, DEMO_PASSWORD};
use support::{call, cookie_pair, database_urls, state};

#[derive(Clone, Copy, Debug)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// A signed-in user whose role grants the permission (jurisdiction is checked per record);
    /// such a caller gets the given status (200, or 422 where the sample input is invalid).
    Guarded(Permission, u16),
}

/// A user creation every administrator's call refuses as invalid (a weak password), so the
/// matrix can run it for every role without creating anything.
const WEAK_USER: &str =
    "username=matrix.user&display_name=M&unit_id=x&role=read_only&password=weak";

/// (endpoint, arguments of a sample call, access)
const ENDPOINTS: &[(&str, &str, Access)] = &[
    (
        "identity/units",
        "",
        Access::Guarded(Permission::UserAdmin, 200),
    ),
    (
        "identity/users",
        "",
        Access::Guarded(Permission::UserAdmin, 200),
    ),
    (
        "identity/users/create",
        WEAK_USER,
        Access::Guarded(Permission::UserAdmin, 422),
    ),
    ("site/info", "", Access::Public),
    // The overview and the map are open on the node's network until pages require sign-in.
    ("directory/summary", "", Access::Public),
    ("directory/map", "", Access::Public),
    ("identity/login", "username=x&password=y", Access::Public),
    ("identity/logout", "", Access::Public),
    ("identity/me", "", Access::Public),
];

#[test]
fn every_endpoint_has_a_row() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    for path in &registered {
        assert!(
            ENDPOINTS.iter().any(|(endpoint, _, _)| endpoint == path),
            "server function {path} has no row in the authorization matrix"
        );
    }
    for (endpoint, _, _) in ENDPOINTS {
        assert!(
            registered.iter().any(|p| p == endpoint),
            "{endpoint} is not a server function"
        );
    }
}

#[tokio::test]
async fn each_endpoint_answers_each_role_as_the_matrix_says() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let mut sessions = Vec::new();
        for (username, _, _, role) in ACCOUNTS {
            let form = format!(
                "username={username}&password={}",
                DEMO_PASSWORD.replace('#', "%23")
            );
            let (_, cookie, _) = call(&state, "identity/login", &form, None).await;
            sessions.push((role, cookie_pair(&cookie.unwrap_or_default())));
        }
        for (endpoint, args, access) in ENDPOINTS {
            if *endpoint == "identity/logout" {
                continue; // would end the sessions this test uses; covered in identity.rs
            }
            let (anonymous, _, _) = call(&state, endpoint, args, None).await;
            let expected = match access {
                Access::Public => 200,
                Access::Guarded(..) => 401,
            };
            assert_eq!(anonymous, expected, "{backend}: anonymous {endpoint}");
            for (role, cookie) in &sessions {
                let (status, _, body) = call(&state, endpoint, args, Some(cookie)).await;
                let expected = match access {
                    Access::Public => 200,
                    Access::Guarded(p, allowed) if role.can(*p) => *allowed,
                    Access::Guarded(..) => 403,
                };
                assert_eq!(status, expected, "{backend}: {role:?} {endpoint}: {body}");
            }
        }
    }
}
