//! API keys, session and account administration, shared records and the audit browser, through
//! the real server functions and the JSON API, on both databases.

mod support;

use app::audit::AuditPage;
use app::identity::{ApiClient, ApiKeyView, IssuedKey, SessionView, UserDetail};
use axum::body::Body;
use http::{Request, header};
use sea_orm::ConnectionTrait;
use support::{api_get as api, call, database_urls, read, send, signed_in, state, user_id};

fn unit_id(units: &[app::identity::OrgUnitView], name: &str) -> String {
    let unit = units.iter().find(|u| u.name.starts_with(name));
    unit.map(|u| u.id.to_string()).unwrap_or_default()
}

async fn units(state: &app::state::AppState, cookie: &str) -> Vec<app::identity::OrgUnitView> {
    let (_, _, body) = call(state, "identity/units", "", Some(cookie)).await;
    serde_json::from_str(&body).unwrap_or_default()
}

#[tokio::test]
async fn api_keys_are_shown_once_scoped_jurisdictional_and_revocable() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let admin = signed_in(&state, "ty.admin").await;
        let taiyuan = unit_id(&units(&state, &admin).await, "太原市");
        // Checkbox names carry their index; unchosen ones leave gaps.
        let form = format!(
            "name=太原110&unit_id={taiyuan}&scopes[0]=directory:read&scopes[2]=incidents:write&valid_days=30"
        );
        let (status, _, body) = call(&state, "identity/keys/create", &form, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let issued: IssuedKey = serde_json::from_str(&body).expect("issued key");
        assert!(app::identity::well_formed_key(&issued.key), "{backend}");

        // The list names the key but never holds its secret.
        let (_, _, body) = call(&state, "identity/keys", "", Some(&admin)).await;
        assert!(
            !body.contains(&issued.key[10..]),
            "{backend}: secret listed"
        );
        let keys: Vec<ApiKeyView> = serde_json::from_str(&body).expect("keys");
        assert_eq!(keys.len(), 1, "{backend}");
        assert!(issued.key.starts_with(&keys[0].prefix), "{backend}");

        let (status, body) = api(&state, "/api/v1/whoami", &issued.key).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let client: ApiClient = serde_json::from_str(&body).expect("client");
        assert_eq!(client.unit_region, "140100", "{backend}");
        let (status, body) = api(&state, "/api/v1/directory", &issued.key).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let entries: Vec<app::directory::DirectoryEntry> =
            serde_json::from_str(&body).expect("entries");
        assert!(
            entries
                .iter()
                .all(|e| matches!(e.class, app::directory::EntryClass::Node(_))
                    || e.region_code.starts_with("1401")),
            "{backend}: only Taiyuan's enterprises and bases"
        );

        // Another city's administrator cannot revoke it; its own can, at once.
        let datong = signed_in(&state, "dt.admin").await;
        let revoke = format!("id={}", issued.id);
        let (status, _, _) = call(&state, "identity/keys/revoke", &revoke, Some(&datong)).await;
        assert_eq!(status, 404, "{backend}");
        let (status, _, _) = call(&state, "identity/keys/revoke", &revoke, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}");
        let (status, body) = api(&state, "/api/v1/whoami", &issued.key).await;
        assert_eq!(
            status, 401,
            "{backend}: a revoked key opens nothing: {body}"
        );
        assert!(body.contains("unauthorized"), "{backend}: {body}");
    }
}

#[tokio::test]
async fn a_key_without_the_scope_is_refused_and_the_refusal_audited() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let admin = signed_in(&state, "sx.admin").await;
    let shanxi = unit_id(&units(&state, &admin).await, "山西省");
    let form = format!("name=监测&unit_id={shanxi}&scopes[1]=incidents:read&valid_days=1");
    let (_, _, body) = call(&state, "identity/keys/create", &form, Some(&admin)).await;
    let issued: IssuedKey = serde_json::from_str(&body).expect("issued key");
    let (status, body) = api(&state, "/api/v1/directory", &issued.key).await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("\"code\":\"forbidden\""), "{body}");
    let query = app::audit::AuditQuery {
        action: Some("access.refused".into()),
        actors: Some(vec![format!("api_key:{}", issued.id)]),
        ..Default::default()
    };
    let page = app::audit::service::browse(&state.db, &query)
        .await
        .expect("browse");
    assert_eq!(page.entries.len(), 1);

    // Expired keys, malformed keys and no key at all: 401 with a Bearer challenge.
    state
        .db
        .execute_unprepared("UPDATE api_key SET expires_at = created_at")
        .await
        .expect("expire");
    for key in [issued.key.as_str(), "yjk_123", ""] {
        let request = Request::get("/api/v1/whoami")
            .header(header::AUTHORIZATION, format!("Bearer {key}"))
            .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
            .body(Body::empty())
            .expect("request");
        let response = send(&state, request).await;
        assert_eq!(response.status().as_u16(), 401, "{key}");
        assert!(response.headers().contains_key(header::WWW_AUTHENTICATE));
        let (_, body) = read(response).await;
        assert!(
            body.contains("Please sign in"),
            "English on request: {body}"
        );
    }
}

#[tokio::test]
async fn invalid_keys_get_field_errors() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let admin = signed_in(&state, "ty.admin").await;
    let shanxi = unit_id(&units(&state, &admin).await, "山西省");
    // No name, a unit above the jurisdiction, an unknown scope, too long a validity.
    let form = format!("name=&unit_id={shanxi}&scopes[0]=admin:all&valid_days=9999");
    let (status, _, body) = call(&state, "identity/keys/create", &form, Some(&admin)).await;
    assert_eq!(status, 422, "{body}");
    for field in ["名称", "所属机构", "权限范围", "有效天数"] {
        assert!(body.contains(field), "{field}: {body}");
    }
}

#[tokio::test]
async fn an_administrator_ends_sessions_of_its_jurisdiction_only() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let duty = signed_in(&state, "ty.duty").await;
        let datong = signed_in(&state, "dt.admin").await;
        let (_, _, body) = call(&state, "identity/sessions", "", Some(&datong)).await;
        let seen: Vec<SessionView> = serde_json::from_str(&body).expect("sessions");
        assert!(
            seen.iter().all(|s| s.username.starts_with("dt")),
            "{backend}: {body}"
        );

        let admin = signed_in(&state, "sx.admin").await;
        let (_, _, body) = call(&state, "identity/sessions", "", Some(&admin)).await;
        let sessions: Vec<SessionView> = serde_json::from_str(&body).expect("sessions");
        let target = sessions
            .iter()
            .find(|s| s.username == "ty.duty")
            .expect("ty.duty's session");
        let revoke = format!("id={}", target.id);
        let (status, _, _) = call(&state, "identity/sessions/revoke", &revoke, Some(&datong)).await;
        assert_eq!(status, 404, "{backend}: not Datong's to end");
        let (status, _, _) = call(&state, "identity/sessions/revoke", &revoke, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}");
        let (_, _, body) = call(&state, "identity/me", "", Some(&duty)).await;
        assert_eq!(body, "null", "{backend}: the session has ended");
    }
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_and_cannot_sign_in() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let duty = signed_in(&state, "ty.readonly").await;
        let admin = signed_in(&state, "ty.admin").await;
        let id = user_id(&state, "ty.readonly").await;
        let (status, _, body) = call(
            &state,
            "identity/users/active",
            &format!("id={id}&active=false"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, _, body) = call(&state, "identity/me", "", Some(&duty)).await;
        assert_eq!(body, "null", "{backend}");
        let form = support::login_form("ty.readonly", server::demo::accounts::DEMO_PASSWORD);
        let (_, _, body) = call(&state, "identity/login", &form, None).await;
        assert!(body.contains("BadCredentials"), "{backend}: {body}");

        // Nobody disables themselves (and so locks the jurisdiction out).
        let own = user_id(&state, "ty.admin").await;
        let (status, _, _) = call(
            &state,
            "identity/users/active",
            &format!("id={own}&active=false"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 422, "{backend}");

        // A new password (after the policy) works; the old one no longer does.
        let (status, _, _) = call(
            &state,
            "identity/users/active",
            &format!("id={id}&active=true"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let reset = format!("id={id}&password=Fenhe%23Reading-2026");
        let (status, _, body) = call(&state, "identity/users/password", &reset, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, _, body) = call(&state, "identity/login", &form, None).await;
        assert!(body.contains("BadCredentials"), "{backend}: {body}");
        let form = support::login_form("ty.readonly", "Fenhe#Reading-2026");
        let (_, _, body) = call(&state, "identity/login", &form, None).await;
        assert_eq!(body, "null", "{backend}");
    }
}

#[tokio::test]
async fn a_shared_record_opens_to_the_unit_it_was_shared_with() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let datong = signed_in(&state, "dt.admin").await;
        let id = user_id(&state, "ty.duty").await;
        let (status, _, _) =
            call(&state, "identity/user", &format!("id={id}"), Some(&datong)).await;
        assert_eq!(status, 404, "{backend}: Taiyuan's record, unshared");

        let admin_units = units(&state, &signed_in(&state, "sx.admin").await).await;
        let datong_unit = uuid::Uuid::parse_str(&unit_id(&admin_units, "大同市")).expect("unit");
        let record = app::identity::RecordRef {
            kind: "user",
            id,
            region: "140100".into(),
        };
        let share = app::identity::service::share_record(
            &state.db,
            &app::audit::Actor::System,
            "sx",
            &record,
            datong_unit,
            app::identity::ShareReason::Directive,
        );
        share.await.expect("share");
        let (status, _, body) =
            call(&state, "identity/user", &format!("id={id}"), Some(&datong)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let detail: UserDetail = serde_json::from_str(&body).expect("detail");
        assert_eq!(detail.user.username, "ty.duty", "{backend}");
    }
}

#[tokio::test]
async fn units_are_added_below_the_administrators_own_in_their_regions() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let admin = signed_in(&state, "sx.admin").await;
        let taiyuan = unit_id(&units(&state, &admin).await, "太原市");
        let form = |region: &str| {
            format!(
                "name=小店区应急管理局&tier=county&kind=emergency_dept&region_code={region}&parent_id={taiyuan}"
            )
        };
        let (status, _, body) = call(
            &state,
            "identity/units/create",
            &form("140205"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 422, "{backend}: Datong's county under Taiyuan");
        assert!(body.contains("不在上级机构的辖区内"), "{backend}: {body}");
        let (status, _, body) = call(
            &state,
            "identity/units/create",
            &form("140105"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        assert!(
            units(&state, &admin)
                .await
                .iter()
                .any(|u| u.region_code == "140105"),
            "{backend}"
        );
        // A city administrator cannot hang a unit under the province.
        let city = signed_in(&state, "dt.admin").await;
        let shanxi = unit_id(&units(&state, &admin).await, "山西省");
        let form = format!(
            "name=某单位&tier=county&kind=emergency_dept&region_code=140212&parent_id={shanxi}"
        );
        let (status, _, body) = call(&state, "identity/units/create", &form, Some(&city)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert!(body.contains("上级机构"), "{backend}: {body}");
    }
}

#[tokio::test]
async fn the_audit_log_is_browsed_within_the_jurisdiction_and_filtered() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        signed_in(&state, "nat.duty").await;
        signed_in(&state, "ty.duty").await;
        let city = signed_in(&state, "ty.admin").await;
        let (status, _, body) = call(
            &state,
            "audit/entries",
            "action=identity.login",
            Some(&city),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let page: AuditPage = serde_json::from_str(&body).expect("page");
        let actors: Vec<&str> = page
            .entries
            .iter()
            .map(|e| e.actor_label.as_str())
            .collect();
        assert!(actors.contains(&"ty.duty"), "{backend}: {actors:?}");
        assert!(
            !actors.contains(&"nat.duty"),
            "{backend}: the nation is above Taiyuan"
        );

        // The root unit's administrators see the whole node, the system's records too.
        let national = signed_in(&state, "nat.admin").await;
        let (_, _, body) = call(&state, "audit/entries", "actor=nat.duty", Some(&national)).await;
        let page: AuditPage = serde_json::from_str(&body).expect("page");
        assert!(!page.entries.is_empty(), "{backend}");
        assert!(
            page.entries.iter().all(|e| e.actor_label == "nat.duty"),
            "{backend}"
        );
        let (_, _, body) = call(
            &state,
            "audit/entries",
            "action=identity.user_create",
            Some(&national),
        )
        .await;
        let page: AuditPage = serde_json::from_str(&body).expect("page");
        assert!(
            page.entries.iter().any(|e| e.actor_label == "系统"),
            "{backend}: demo accounts by the system"
        );

        let (status, _, body) = call(
            &state,
            "audit/entries",
            "from=2026-13-01&actor=nobody",
            Some(&city),
        )
        .await;
        assert_eq!(status, 422, "{backend}");
        assert!(
            body.contains("YYYY-MM-DD") && body.contains("本辖区内没有此用户名"),
            "{backend}: {body}"
        );
        // A LIKE wildcard typed by a reader is a literal.
        let (_, _, body) = call(&state, "audit/entries", "action=%25", Some(&national)).await;
        let page: AuditPage = serde_json::from_str(&body).expect("page");
        assert!(page.entries.is_empty(), "{backend}");
    }
}

#[tokio::test]
async fn a_new_role_applies_at_once_and_nobody_changes_their_own() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let reader = signed_in(&state, "ty.readonly").await;
        let admin = signed_in(&state, "sx.admin").await;
        let id = user_id(&state, "ty.readonly").await;
        let change = format!("id={id}&role=duty_officer");
        let (status, _, body) = call(&state, "identity/users/role", &change, Some(&admin)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, _, body) = call(&state, "identity/me", "", Some(&reader)).await;
        assert_eq!(
            body, "null",
            "{backend}: signed out, to sign in with the new role"
        );
        let again = signed_in(&state, "ty.readonly").await;
        let (_, _, body) = call(&state, "identity/me", "", Some(&again)).await;
        assert!(body.contains("duty_officer"), "{backend}: {body}");

        let own = user_id(&state, "sx.admin").await;
        let change = format!("id={own}&role=read_only");
        let (status, _, body) = call(&state, "identity/users/role", &change, Some(&admin)).await;
        assert_eq!(status, 422, "{backend}");
        assert!(body.contains("不能更改自己的角色"), "{backend}: {body}");
        let (status, _, _) = call(
            &state,
            "identity/users/role",
            &format!("id={id}&role=root"),
            Some(&admin),
        )
        .await;
        assert_eq!(status, 422, "{backend}: unknown role");
    }
}

#[tokio::test]
async fn users_change_their_own_password_and_their_other_sessions_end() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let tablet = signed_in(&state, "sx.commander").await;
        let desk = signed_in(&state, "sx.commander").await;
        let change = |current: &str, new: &str, confirm: &str| {
            let enc = |s: &str| s.replace('#', "%23");
            format!(
                "current={}&new={}&confirm={}",
                enc(current),
                enc(new),
                enc(confirm)
            )
        };
        let demo = server::demo::accounts::DEMO_PASSWORD;
        let form = change("Wrong#Password-1", "Taihang#Peak-2026", "Taihang#Peak-2026");
        let (status, _, body) = call(&state, "identity/password", &form, Some(&desk)).await;
        assert_eq!(status, 422, "{backend}");
        assert!(body.contains("当前密码不正确"), "{backend}: {body}");
        let form = change(demo, "Taihang#Peak-2026", "Taihang#Peak-2027");
        let (_, _, body) = call(&state, "identity/password", &form, Some(&desk)).await;
        assert!(body.contains("两次输入的新密码不一致"), "{backend}: {body}");
        let form = change(demo, "short", "short");
        let (_, _, body) = call(&state, "identity/password", &form, Some(&desk)).await;
        assert!(body.contains("至少 12 个字符"), "{backend}: {body}");

        let form = change(demo, "Taihang#Peak-2026", "Taihang#Peak-2026");
        let (status, _, body) = call(&state, "identity/password", &form, Some(&desk)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, _, body) = call(&state, "identity/me", "", Some(&desk)).await;
        assert!(
            body.contains("sx.commander"),
            "{backend}: this session stays"
        );
        let (_, _, body) = call(&state, "identity/me", "", Some(&tablet)).await;
        assert_eq!(body, "null", "{backend}: the other one ends");
        let login = support::login_form("sx.commander", "Taihang#Peak-2026");
        let (_, _, body) = call(&state, "identity/login", &login, None).await;
        assert_eq!(body, "null", "{backend}");
    }
}
