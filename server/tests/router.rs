//! The router booted on SQLite and on PostgreSQL, driven without a socket.

mod support;

use axum::body::Body;
use http::{Request, header};
use support::{database_urls, get, get_as, read, send, signed_in, signed_in_without_demo, state};

/// National + 31 provinces + the listed cities, enterprises and bases of the demo set.
fn demo_counts() -> (usize, usize, usize) {
    let all = server::demo::entries();
    let count = |kind| all.iter().filter(|e| e.class.kind() == kind).count();
    use app::directory::EntryKind::*;
    (count(Node), count(Enterprise), count(Base))
}

#[tokio::test]
async fn home_page_shows_the_node_and_the_demo_directory_in_chinese() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let cookie = signed_in(&state, "nat.duty").await;
        let (status, html) = get_as(&state, "/", &cookie).await;
        assert_eq!(status, 200, "{backend}");
        assert!(html.contains(r#"<html lang="zh-CN""#), "{backend}");
        assert!(html.contains("山西省安全生产应急救援指挥中心"), "{backend}");
        assert!(
            html.contains("演示数据"),
            "{backend}: demo data must be labelled"
        );
        let (nodes, enterprises, bases) = demo_counts();
        for (key, n) in [
            ("count-nodes", nodes),
            ("count-enterprises", enterprises),
            ("count-bases", bases),
        ] {
            let at = html
                .find(&format!(r#"data-testid="{key}""#))
                .unwrap_or_else(|| panic!("{backend}: {key} missing"));
            let shown = html[at..]
                .split("<dd>")
                .nth(1)
                .and_then(|rest| rest.split("</dd>").next());
            assert_eq!(shown, Some(n.to_string().as_str()), "{backend}: {key}");
        }
    }
}

#[tokio::test]
async fn the_language_cookie_renders_english() {
    for (backend, url) in database_urls().await {
        let state = state(&url, false).await;
        let cookie = signed_in_without_demo(&state).await;
        let request = Request::get("/map")
            .header(header::COOKIE, format!("yingji_lang=en; {cookie}"))
            .body(Body::empty())
            .expect("request");
        let (status, html) = read(send(&state, request).await).await;
        assert_eq!(status, 200, "{backend}");
        assert!(html.contains(r#"<html lang="en""#), "{backend}");
        assert!(html.contains("Situation map"), "{backend}");
        assert!(
            !html.contains("Demo data"),
            "{backend}: no demo label without demo data"
        );
    }
}

#[tokio::test]
async fn an_unknown_route_is_a_real_404_page() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, false).await;
    let (status, html) = get(&state, "/no-such-page").await;
    assert_eq!(status, 404);
    assert!(html.contains("页面不存在"), "{html}");
}

#[tokio::test]
async fn sections_under_construction_say_so() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, false).await;
    let cookie = signed_in_without_demo(&state).await;
    let (status, html) = get_as(&state, "/plans", &cookie).await;
    assert_eq!(status, 200);
    assert!(html.contains("预案管理") && html.contains("建设中"));
}

#[tokio::test]
async fn pages_send_the_signed_out_to_sign_in_and_back() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    // As a browser navigates (a server function call would get no 302).
    let request = Request::get("/admin/audit?actor=ty.duty")
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .expect("request");
    let response = send(&state, request).await;
    assert_eq!(response.status().as_u16(), 303, "see the sign-in page");
    let location = response.headers()[header::LOCATION]
        .to_str()
        .unwrap_or_default();
    assert_eq!(location, "/login?next=/admin/audit%3Factor%3Dty.duty");
    // Signed in, the sign-in page passes straight on to where it was asked to go.
    let cookie = signed_in(&state, "ty.duty").await;
    let request = Request::get("/login?next=/map")
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    let response = send(&state, request).await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(response.headers()[header::LOCATION], "/map");
    // The sign-in page itself needs nobody, nor an invited expert's page (its link is the key).
    assert_eq!(get(&state, "/login").await.0, 200);
    let (status, body) = get(&state, &format!("/video/join/{}", "0".repeat(64))).await;
    assert_eq!(status, 200);
    assert!(body.contains("邀请链接无效"), "{body}");
}

#[tokio::test]
async fn enterprises_and_bases_are_seen_within_the_jurisdiction_only() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let all = app::directory::service::list_located(&state.db, "100000")
        .await
        .expect("list");
    let datong = app::directory::service::list_located(&state.db, "140200")
        .await
        .expect("list");
    use app::directory::EntryKind::*;
    let count = |list: &[app::directory::DirectoryEntry], kind| {
        list.iter().filter(|e| e.class.kind() == kind).count()
    };
    // Every centre, as the address book of the tiers.
    assert_eq!(count(&datong, Node), count(&all, Node));
    assert!(count(&datong, Enterprise) < count(&all, Enterprise));
    assert!(
        datong
            .iter()
            .filter(|e| e.class.kind() != Node)
            .all(|e| e.region_code.starts_with("1402")),
        "{datong:?}"
    );
}

#[tokio::test]
async fn health_and_readiness_probes_answer() {
    for (backend, url) in database_urls().await {
        let state = state(&url, false).await;
        assert_eq!(
            get(&state, "/healthz").await,
            (200, "ok".into()),
            "{backend}"
        );
        assert_eq!(
            get(&state, "/readyz").await,
            (200, "ready".into()),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn server_functions_answer_with_json() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let cookie = signed_in(&state, "nat.duty").await;
        let (status, _, body) = support::call(&state, "directory/summary", "", Some(&cookie)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let summary: app::directory::DirectorySummary =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{backend}: {e}: {body}"));
        let (nodes, enterprises, bases) = demo_counts();
        assert_eq!(summary.nodes as usize, nodes, "{backend}");
        assert_eq!(summary.enterprises as usize, enterprises, "{backend}");
        assert_eq!(summary.bases as usize, bases, "{backend}");
        assert_eq!(
            summary.demo as usize,
            nodes + enterprises + bases,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn loading_the_demo_set_twice_adds_nothing_the_second_time() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let again = server::demo::load(&state.db, "sx")
            .await
            .expect("load again");
        assert_eq!(again, 0, "{backend}");
        let entries = app::directory::service::list_located(&state.db, "100000")
            .await
            .expect("list");
        assert_eq!(entries.len(), server::demo::entries().len(), "{backend}");
        assert!(
            entries.iter().all(|e| e.demo && e.point.is_some()),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_language_switch_sets_the_cookie_and_returns_to_the_page() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, false).await;
    let request = Request::get("/lang/en")
        .header(header::HOST, "yingji.test")
        .header(header::REFERER, "http://yingji.test/map")
        .body(Body::empty())
        .expect("request");
    let response = send(&state, request).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()[header::LOCATION], "/map");
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap_or_default();
    assert!(cookie.starts_with("yingji_lang=en;"), "{cookie}");
    assert_eq!(get(&state, "/lang/xx").await.0, 404);
}
