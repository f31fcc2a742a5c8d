//! Test support: a node on each database backend, and requests through the router.
// Test support panics on setup failures: that is how a test reports them.
#![allow(clippy::expect_used, clippy::unwrap_used)]
// Each test file uses the part of this module it needs.
#![allow(dead_code)]

pub mod camera;
pub mod nats;
pub mod tiers;

use std::path::PathBuf;

use app::site::{NodeIdentity, NodeTier};
use app::state::AppState;
use axum::body::Body;
use http::{Request, Response};
use sea_orm::{ConnectionTrait, Database};
use server::config::Config;
use tower::ServiceExt;

/// The databases every integration test runs on: SQLite always, PostgreSQL when
/// `YINGJI_TEST_POSTGRES_URL` names a server (`make test` starts one and insists on it).
pub async fn database_urls() -> Vec<(&'static str, String)> {
    let mut urls = vec![("sqlite", "sqlite::memory:".to_string())];
    match std::env::var("YINGJI_TEST_POSTGRES_URL") {
        Ok(admin) => urls.push(("postgres", fresh_postgres_database(&admin).await)),
        Err(_) if std::env::var_os("YINGJI_REQUIRE_POSTGRES").is_some() => {
            panic!("YINGJI_REQUIRE_POSTGRES is set but YINGJI_TEST_POSTGRES_URL is not")
        }
        Err(_) => eprintln!("note: YINGJI_TEST_POSTGRES_URL unset, PostgreSQL not tested"),
    }
    urls
}

/// A new SQLite file in the temporary directory (left for the OS to clean).
pub fn temp_sqlite_url() -> String {
    let dir = std::env::temp_dir().join(format!("yingji-test-{}", uuid::Uuid::now_v7().simple()));
    format!("sqlite://{}/y.db?mode=rwc", dir.display())
}

/// Creates an empty database for one test and returns its URL.
async fn fresh_postgres_database(admin_url: &str) -> String {
    let name = format!("yingji_t_{}", uuid::Uuid::now_v7().simple());
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to the test PostgreSQL");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create a test database");
    let _ = admin.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    format!("{base}/{name}")
}

pub fn config(database_url: &str, demo: bool) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().expect("address"),
        database_url: database_url.to_string(),
        site_root: PathBuf::from("target/no-site-in-tests"),
        files_dir: std::env::temp_dir()
            .join(format!("yingji-files-{}", uuid::Uuid::now_v7().simple())),
        nats_url: None,
        node_key: std::env::temp_dir().join("yingji-no-node-key"),
        demo,
        node: NodeIdentity {
            id: "sx".into(),
            name: "山西省安全生产应急救援指挥中心".into(),
            tier: NodeTier::Provincial,
            region_code: "140000".into(),
        },
        tiles: None,
        public_url: String::new(),
        media: server::video::MediaConfig {
            bind: "127.0.0.1:0".parse().expect("address"),
            announced: "127.0.0.1".parse().expect("address"),
        },
    }
}

pub async fn state(database_url: &str, demo: bool) -> AppState {
    server::startup::prepare(&config(database_url, demo))
        .await
        .expect("prepare the node")
}

pub async fn send(state: &AppState, request: Request<Body>) -> Response<Body> {
    server::startup::build_router(state.clone())
        .oneshot(request)
        .await
        .expect("infallible router")
}

pub async fn get(state: &AppState, uri: &str) -> (u16, String) {
    let request = Request::get(uri).body(Body::empty()).expect("request");
    read(send(state, request).await).await
}

/// A GET as a signed-in browser sends it.
pub async fn get_as(state: &AppState, uri: &str, cookie: &str) -> (u16, String) {
    let request = Request::get(uri)
        .header(http::header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    read(send(state, request).await).await
}

/// A GET of the JSON API with an API key.
pub async fn api_get(state: &AppState, path: &str, key: &str) -> (u16, String) {
    let request = Request::get(path)
        .header(http::header::AUTHORIZATION, format!("Bearer {key}"))
        .body(Body::empty())
        .expect("request");
    read(send(state, request).await).await
}

/// A key of `unit` with one scope, valid for a day.
pub async fn api_key(state: &AppState, unit: uuid::Uuid, scope: app::identity::ApiScope) -> String {
    let new = app::identity::service::NewApiKey {
        name: "测试接口".into(),
        unit_id: unit,
        scopes: vec![scope],
        valid_days: 1,
    };
    app::identity::service::create_api_key(&state.db, &app::audit::Actor::System, "sx", new)
        .await
        .expect("key")
        .key
}

/// A JSON POST of the API in Chinese, with `key` unless it is empty; the answer as JSON.
pub async fn api_post(
    state: &AppState,
    path: &str,
    key: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut request = Request::post(path)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(http::header::ACCEPT_LANGUAGE, "zh-CN");
    if !key.is_empty() {
        request = request.header(http::header::AUTHORIZATION, format!("Bearer {key}"));
    }
    let response = send(
        state,
        request.body(Body::from(body.to_string())).expect("request"),
    )
    .await;
    let (status, text) = read(response).await;
    (status, serde_json::from_str(&text).unwrap_or_default())
}

/// The login form of `username` and `password`, encoded.
pub fn login_form(username: &str, password: &str) -> String {
    let encode = |s: &str| {
        s.replace('%', "%25")
            .replace('#', "%23")
            .replace('&', "%26")
            .replace('+', "%2B")
    };
    format!(
        "username={}&password={}",
        encode(username),
        encode(password)
    )
}

/// Signs a demo account in; its session cookie (`name=value`).
pub async fn signed_in(state: &AppState, username: &str) -> String {
    let form = login_form(username, server::demo::accounts::DEMO_PASSWORD);
    let (_, cookie, body) = call(state, "identity/login", &form, None).await;
    assert_eq!(body, "null", "{username}");
    cookie_pair(&cookie.unwrap_or_default())
}

/// The id of a (demo) user.
pub async fn user_id(state: &AppState, username: &str) -> uuid::Uuid {
    let users = app::identity::service::users_within(&state.db, "100000")
        .await
        .expect("users");
    let user = users.into_iter().find(|u| u.username == username);
    user.expect("demo user").id
}

/// On a node without demo data: a national unit and an administrator, signed in.
pub async fn signed_in_without_demo(state: &AppState) -> String {
    use app::identity::service::{NewOrgUnit, NewUser, create_org_unit, create_user};
    let actor = app::audit::Actor::System;
    let unit = NewOrgUnit {
        name: "测试中心".into(),
        tier: app::site::NodeTier::National,
        kind: app::identity::OrgKind::EmergencyDept,
        region_code: "100000".into(),
        parent_id: None,
        demo: false,
    };
    let unit = create_org_unit(&state.db, &actor, "test", unit)
        .await
        .expect("unit");
    let password = "Taihang#Watch-2026";
    let user = NewUser {
        username: "chief".into(),
        display_name: "值班主任".into(),
        org_unit_id: unit,
        role: app::identity::Role::Admin,
        password: password.into(),
        demo: false,
    };
    create_user(&state.db, &actor, "test", user)
        .await
        .expect("user");
    let (_, cookie, body) = call(
        state,
        "identity/login",
        &login_form("chief", password),
        None,
    )
    .await;
    assert_eq!(body, "null");
    cookie_pair(&cookie.unwrap_or_default())
}

pub async fn read(response: Response<Body>) -> (u16, String) {
    let status = response.status().as_u16();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// Calls a server function with form-encoded arguments, optionally with a session cookie;
/// returns the status, the `Set-Cookie` header and the body.
pub async fn call(
    state: &AppState,
    endpoint: &str,
    form: &str,
    cookie: Option<&str>,
) -> (u16, Option<String>, String) {
    // As a browser on one of our pages sends it (the origin check refuses anything else).
    let mut request = Request::post(format!("/api/{endpoint}"))
        .header(http::header::HOST, "yingji.test")
        .header(http::header::ORIGIN, "http://yingji.test")
        .header(
            http::header::CONTENT_TYPE,
            // Server functions taking JSON get it; the others a form.
            if form.starts_with('{') {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            },
        );
    if let Some(cookie) = cookie {
        request = request.header(http::header::COOKIE, cookie);
    }
    let response = send(
        state,
        request.body(Body::from(form.to_string())).expect("request"),
    )
    .await;
    let set_cookie = response
        .headers()
        .get(http::header::SET_COOKIE)
        .map(|v| v.to_str().expect("ascii cookie").to_string());
    let (status, body) = read(response).await;
    (status, set_cookie, body)
}

/// The `name=value` part of a `Set-Cookie` header, as a browser would send it back.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_string()
}

/// An incident recorded by the Taiyuan centre in one of its districts (140105).
pub async fn taiyuan_incident(state: &AppState) -> uuid::Uuid {
    use app::incidents::{IncidentForm, service};
    let unit = app::identity::service::units_within(&state.db, "140100")
        .await
        .expect("units")
        .into_iter()
        .find(|u| u.region_code == "140100")
        .expect("the Taiyuan centre")
        .id;
    let now = app::ui::time::now_unix();
    let form = IncidentForm {
        title: "矩阵测试事故".into(),
        accident_type: "1".into(),
        industry: "coal".into(),
        occurred_at: app::ui::time::datetime_local(now - 600),
        lon: "112.55".into(),
        lat: "37.87".into(),
        region_code: "140105".into(),
        source: "phone".into(),
        ..IncidentForm::default()
    };
    let new = form
        .validate(now, &app::i18n::Locale::ZhCn.texts().incidents)
        .expect("valid");
    let by = service::Recorder {
        actor: app::audit::Actor::System,
        name: "test".into(),
        node: "sx".into(),
    };
    service::create(&state.db, &state.bus, &by, unit, new, now, false)
        .await
        .expect("recorded")
        .id()
}

/// A resource kept in Taiyuan (140100), dispatched to `incident`: (resource, dispatch).
pub async fn taiyuan_dispatch(state: &AppState, incident: uuid::Uuid) -> (uuid::Uuid, uuid::Uuid) {
    use app::resources::ResourceQuery;
    let by = app::incidents::service::Recorder {
        actor: app::audit::Actor::System,
        name: "test".into(),
        node: "sx".into(),
    };
    let query = ResourceQuery {
        kind: Some(app::resources::ResourceKind::Team),
        text: "太原消防".into(),
        ..ResourceQuery::default()
    };
    let team = app::resources::service::list(&state.db, "1401", &query, 1)
        .await
        .expect("list")
        .items
        .pop()
        .expect("the demo Taiyuan fire team");
    let order = app::dispatch::Order {
        resource: team.id,
        quantity: 0.0,
    };
    let now = app::ui::time::now_unix();
    let ids = app::dispatch::service::create(
        &state.db,
        &state.bus,
        &state.resources,
        &by,
        "140000",
        incident,
        &[order],
        now,
    )
    .await
    .expect("dispatched");
    (team.id, ids[0])
}

/// A demo alert of Taiyuan (region 140100).
pub async fn taiyuan_alert(state: &AppState) -> uuid::Uuid {
    use app::alerts::entity::alert;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    alert::Entity::find()
        .filter(alert::Column::RegionCode.eq("140100"))
        .one(&state.db)
        .await
        .expect("alerts")
        .expect("a demo alert of Taiyuan")
        .id
}
