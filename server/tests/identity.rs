//! Sign-in, sessions and throttling through the real server functions, on both databases.

mod support;

use app::identity::{CurrentUser, Role};
use sea_orm::ConnectionTrait;
use server::demo::accounts::DEMO_PASSWORD;
use support::{call, cookie_pair, database_urls, signed_in, state};

fn form(username: &str, password: &str) -> String {
    support::login_form(username, password)
}

async fn me(state: &app::state::AppState, cookie: &str) -> Option<CurrentUser> {
    let (status, _, body) = call(state, "identity/me", "", Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[tokio::test]
async fn a_demo_user_signs_in_and_is_known_by_the_session_cookie() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let (status, set_cookie, body) = call(
            &state,
            "identity/login",
            &form("ty.duty", DEMO_PASSWORD),
            None,
        )
        .await;
        assert_eq!((status, body.as_str()), (200, "null"), "{backend}");
        let set_cookie = set_cookie.unwrap_or_else(|| panic!("{backend}: no cookie"));
        assert!(
            set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
            "{set_cookie}"
        );
        let user = me(&state, &cookie_pair(&set_cookie))
            .await
            .unwrap_or_else(|| panic!("{backend}: not signed in"));
        assert_eq!(
            (user.username.as_str(), user.role, user.unit_region.as_str()),
            ("ty.duty", Role::DutyOfficer, "140100")
        );
        assert_eq!(me(&state, "yingji_session=forged").await, None, "{backend}");
    }
}

#[tokio::test]
async fn wrong_passwords_and_unknown_accounts_get_the_same_answer() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let wrong = call(
            &state,
            "identity/login",
            &form("ty.duty", "Wrong#Password-1"),
            None,
        )
        .await;
        let unknown = call(
            &state,
            "identity/login",
            &form("nobody.here", "Wrong#Password-1"),
            None,
        )
        .await;
        assert_eq!(
            wrong,
            (200, None, r#""BadCredentials""#.to_string()),
            "{backend}"
        );
        assert_eq!(unknown, wrong, "{backend}");
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        for _ in 0..app::identity::service::ACCOUNT_LIMIT {
            call(
                &state,
                "identity/login",
                &form("dt.duty", "Wrong#Password-1"),
                None,
            )
            .await;
        }
        let (_, cookie, body) = call(
            &state,
            "identity/login",
            &form("dt.duty", DEMO_PASSWORD),
            None,
        )
        .await;
        assert!(body.contains("Locked"), "{backend}: {body}");
        assert_eq!(cookie, None, "{backend}");
        // Another account is not affected.
        let (_, _, body) = call(
            &state,
            "identity/login",
            &form("ty.duty", DEMO_PASSWORD),
            None,
        )
        .await;
        assert_eq!(body, "null", "{backend}");
    }
}

#[tokio::test]
async fn every_login_opens_a_new_session_and_logout_ends_it() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let (_, first, _) = call(
            &state,
            "identity/login",
            &form("sx.duty", DEMO_PASSWORD),
            None,
        )
        .await;
        let (_, second, _) = call(
            &state,
            "identity/login",
            &form("sx.duty", DEMO_PASSWORD),
            None,
        )
        .await;
        let (first, second) = (
            cookie_pair(&first.unwrap_or_default()),
            cookie_pair(&second.unwrap_or_default()),
        );
        assert_ne!(
            first, second,
            "{backend}: the session id must rotate at login"
        );
        let (status, cleared, _) = call(&state, "identity/logout", "", Some(&second)).await;
        assert_eq!(status, 200, "{backend}");
        assert!(
            cleared.unwrap_or_default().contains("Max-Age=0"),
            "{backend}"
        );
        assert_eq!(me(&state, &second).await, None, "{backend}");
        assert!(
            me(&state, &first).await.is_some(),
            "{backend}: other sessions stay"
        );
    }
}

#[tokio::test]
async fn idle_and_expired_sessions_end() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let (_, cookie, _) = call(
            &state,
            "identity/login",
            &form("sx.expert", DEMO_PASSWORD),
            None,
        )
        .await;
        let cookie = cookie_pair(&cookie.unwrap_or_default());
        assert!(me(&state, &cookie).await.is_some(), "{backend}");
        let three_hours_ago = time_ago_sql(&state, 3 * 3600);
        state
            .db
            .execute_unprepared(&format!(
                "UPDATE user_session SET last_seen_at = {three_hours_ago}"
            ))
            .await
            .unwrap();
        assert_eq!(me(&state, &cookie).await, None, "{backend}: idle timeout");
    }
}

/// An SQL literal for a time `seconds` ago, in each backend's own dialect.
fn time_ago_sql(state: &app::state::AppState, seconds: i64) -> String {
    use sea_orm::DbBackend;
    match state.db.get_database_backend() {
        DbBackend::Postgres => format!("now() - interval '{seconds} seconds'"),
        _ => format!("strftime('%Y-%m-%d %H:%M:%f+00:00', 'now', '-{seconds} seconds')"),
    }
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let dir =
        std::env::temp_dir().join(format!("yingji-restart-{}", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}/y.db?mode=rwc", dir.display());
    let first = state(&url, true).await;
    let (_, cookie, _) = call(
        &first,
        "identity/login",
        &form("nat.duty", DEMO_PASSWORD),
        None,
    )
    .await;
    let cookie = cookie_pair(&cookie.unwrap_or_default());
    first.db.close().await.unwrap();
    let restarted = state(&url, true).await;
    assert!(me(&restarted, &cookie).await.is_some());
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_write_from_another_site_is_refused() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let request = http::Request::post("/api/identity/login")
        .header(http::header::HOST, "yingji.test")
        .header(http::header::ORIGIN, "https://evil.example")
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(axum::body::Body::from(form("ty.duty", DEMO_PASSWORD)))
        .unwrap();
    let response = support::send(&state, request).await;
    assert_eq!(response.status(), 403);
    assert!(response.headers().get(http::header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn a_call_with_missing_arguments_is_a_client_error() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, false).await;
    let (status, cookie, body) = call(&state, "identity/login", "username=only", None).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(cookie, None);
    assert!(body.contains("Validation"), "{body}");
}

async fn units(state: &app::state::AppState, cookie: &str) -> Vec<app::identity::OrgUnitView> {
    let (status, _, body) = call(state, "identity/units", "", Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[tokio::test]
async fn an_administrator_creates_a_user_who_can_then_sign_in() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let admin = signed_in(&state, "sx.admin").await;
        let units = units(&state, &admin).await;
        assert!(
            units.iter().all(|u| u.region_code.starts_with("14")),
            "{backend}: {units:?}"
        );
        let taiyuan = units
            .iter()
            .find(|u| u.region_code == "140100")
            .expect("Taiyuan unit");
        let args = format!(
            "username=ty.newduty&display_name=%E6%96%B0%E5%80%BC%E7%8F%AD%E5%91%98&unit_id={}&role=duty_officer&password=Fenhe%23River-2026",
            taiyuan.id
        );
        let (status, _, body) = call(&state, "identity/users/create", &args, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, cookie, body) = call(
            &state,
            "identity/login",
            &form("ty.newduty", "Fenhe#River-2026"),
            None,
        )
        .await;
        assert_eq!(body, "null", "{backend}");
        let user = me(&state, &cookie_pair(&cookie.unwrap_or_default()))
            .await
            .expect("signed in");
        assert_eq!(
            (user.role, user.unit_region.as_str()),
            (Role::DutyOfficer, "140100"),
            "{backend}"
        );
        // The same name again is a conflict, not a second account.
        let (status, _, _) = call(&state, "identity/users/create", &args, Some(&admin)).await;
        assert_eq!(status, 409, "{backend}");
    }
}

#[tokio::test]
async fn administrators_cannot_place_users_outside_their_jurisdiction() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let national = units(&state, &signed_in(&state, "nat.admin").await).await;
        let national_unit = national
            .iter()
            .find(|u| u.region_code == "100000")
            .expect("national unit");
        let admin = signed_in(&state, "sx.admin").await;
        let args = format!(
            "username=sx.sneaky&display_name=X&unit_id={}&role=admin&password=Fenhe%23River-2026",
            national_unit.id
        );
        let (status, _, body) = call(&state, "identity/users/create", &args, Some(&admin)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert!(body.contains("请选择本辖区内的机构"), "{backend}: {body}");
        let (status, _, _) = call(
            &state,
            "identity/users/create",
            &args,
            Some(&signed_in(&state, "sx.duty").await),
        )
        .await;
        assert_eq!(status, 403, "{backend}");
    }
}
