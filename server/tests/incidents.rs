//! The duty desk's records on SQLite and PostgreSQL: grading and re-grading, versions, the
//! reporting chain, the lifecycle, events published once per committed change, the call
//! centres' JSON API (keys, validation, idempotency) and the live stream's jurisdiction.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::time::Duration;

use app::audit::Actor;
use app::identity::ApiScope;
use app::identity::service::units_within;
use app::incidents::service::{self, Recorder};
use app::incidents::*;
use app::live::EventId;
use app::site::NodeTier;
use app::state::AppState;
use axum::body::Body;
use http::Request;
use http_body_util::BodyExt;
use support::{database_urls, get_as, send, signed_in, state};
use uuid::Uuid;

fn recorder() -> Recorder {
    Recorder {
        actor: Actor::System,
        name: "测试".into(),
        node: "sx".into(),
    }
}

fn report(title: &str, region: &str, deaths: u32, external_id: Option<&str>) -> IncidentForm {
    let (lon, lat) = if region.starts_with("1402") {
        ("113.30", "40.08") // Datong
    } else {
        ("112.55", "37.87") // Taiyuan
    };
    IncidentForm {
        title: title.into(),
        accident_type: "15".into(),
        industry: "coal".into(),
        occurred_at: time_text(app::ui::time::now_unix() - 1800),
        lon: lon.into(),
        lat: lat.into(),
        region_code: region.into(),
        deaths: deaths.to_string(),
        source: "phone".into(),
        external_id: external_id.unwrap_or_default().into(),
        ..IncidentForm::default()
    }
}

fn time_text(unix: i64) -> String {
    app::ui::time::datetime_local(unix)
}

async fn unit(state: &AppState, region: &str) -> Uuid {
    units_within(&state.db, region)
        .await
        .expect("units")
        .into_iter()
        .find(|u| u.region_code == region)
        .expect("unit of the region")
        .id
}

async fn record(state: &AppState, unit_id: Uuid, form: IncidentForm) -> Uuid {
    let t = &app::i18n::Locale::ZhCn.texts().incidents;
    let now = app::ui::time::now_unix();
    let new = form.validate(now, t).expect("valid report");
    service::create(&state.db, &state.bus, &recorder(), unit_id, new, now, false)
        .await
        .expect("recorded")
        .id()
}

fn follow(version: u32, deaths: u32) -> FollowUp {
    FollowUp {
        based_on: version,
        casualties: Casualties {
            deaths,
            ..Casualties::default()
        },
        direct_loss_cny: 0,
        note: "续报".into(),
    }
}

#[tokio::test]
async fn a_follow_up_regrades_and_extends_the_chain_and_every_version_is_kept() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let taiyuan = unit(&state, "140100").await;
        let id = record(&state, taiyuan, report("三人死亡", "140105", 3, None)).await;
        let first = service::summary(&state.db, id).await.expect("summary");
        assert_eq!(first.grade, Grade::Larger, "{backend}");
        let tiers: Vec<NodeTier> = first.duties.iter().map(|d| d.to).collect();
        assert_eq!(
            tiers,
            [NodeTier::Provincial],
            "{backend}: a city records 较大"
        );

        let now = app::ui::time::now_unix();
        let by = recorder();
        let regraded = service::follow_up(&state.db, &state.bus, &by, id, follow(1, 10), now)
            .await
            .expect("follow-up");
        assert_eq!(regraded.grade, Grade::Major, "{backend}");
        let national = regraded.duties.iter().find(|d| d.to == NodeTier::National);
        let due = national.expect("national duty").due;
        assert!(due <= regraded.occurred_at + NATIONAL_WITHIN, "{backend}");

        // A follow-up on a stale version is refused and loses nothing.
        let stale = service::follow_up(&state.db, &state.bus, &by, id, follow(1, 2), now).await;
        assert!(
            matches!(stale, Err(service::IncidentError::Stale { .. })),
            "{backend}"
        );
        let detail = service::detail(&state.db, id).await.expect("detail");
        assert_eq!(detail.facts.casualties.deaths, 10, "{backend}");
        let versions: Vec<(u32, Grade)> = detail
            .versions
            .iter()
            .map(|v| (v.version, v.grade))
            .collect();
        assert_eq!(
            versions,
            [(1, Grade::Larger), (2, Grade::Major)],
            "{backend}"
        );
        assert_eq!(detail.versions[1].changed, ["deaths"], "{backend}");
        let kinds: Vec<EntryKind> = detail.timeline.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntryKind::Reported,
                EntryKind::FollowUp,
                EntryKind::Regraded
            ],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_lifecycle_only_moves_forward_and_receipts_close_duties() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let taiyuan = unit(&state, "140100").await;
        let id = record(&state, taiyuan, report("一人死亡", "140105", 1, None)).await;
        let (db, bus, by) = (&state.db, &state.bus, recorder());
        let now = app::ui::time::now_unix();
        service::set_status(db, bus, &by, id, IncidentStatus::Responding, now)
            .await
            .expect("forward");
        let back = service::set_status(db, bus, &by, id, IncidentStatus::Verifying, now).await;
        assert!(
            matches!(back, Err(service::IncidentError::StatusBackwards)),
            "{backend}"
        );
        // A city recording 一般 owes nobody above it: no receipt is due.
        let none = service::record_receipt(db, bus, &by, id, NodeTier::Provincial, now).await;
        assert!(
            matches!(none, Err(service::IncidentError::ReceiptNotDue)),
            "{backend}"
        );

        let larger = record(&state, taiyuan, report("三人死亡", "140105", 3, None)).await;
        service::record_receipt(db, bus, &by, larger, NodeTier::Provincial, now)
            .await
            .expect("receipt");
        let again = service::record_receipt(db, bus, &by, larger, NodeTier::Provincial, now).await;
        assert!(
            matches!(again, Err(service::IncidentError::ReceiptNotDue)),
            "{backend}"
        );
        let s = service::summary(db, larger).await.expect("summary");
        assert_eq!(s.next_duty(), None, "{backend}");
        assert_eq!(s.duties[0].received, Some(now), "{backend}");
    }
}

#[tokio::test]
async fn every_committed_change_is_published_once_and_a_refused_one_never() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let taiyuan = unit(&state, "140100").await;
    let mut events = state.bus.subscribe(None).receiver;
    let id = record(&state, taiyuan, report("三人死亡", "140105", 3, None)).await;
    let (db, bus, by) = (&state.db, &state.bus, recorder());
    let now = app::ui::time::now_unix();
    service::follow_up(db, bus, &by, id, follow(1, 4), now)
        .await
        .expect("follow-up");
    let _ = service::follow_up(db, bus, &by, id, follow(1, 5), now).await; // stale
    service::set_status(db, bus, &by, id, IncidentStatus::Verifying, now)
        .await
        .expect("status");
    let _ = service::set_status(db, bus, &by, id, IncidentStatus::Received, now).await; // back
    service::add_note(db, bus, &by, id, "到场".into(), now)
        .await
        .expect("note");
    service::record_receipt(db, bus, &by, id, NodeTier::Provincial, now)
        .await
        .expect("receipt");
    let mut revisions = Vec::new();
    while let Ok(published) = events.try_recv() {
        let event: app::live::LiveEvent = serde_json::from_str(&published.json).expect("event");
        // The demo hall's simulated devices report their status on the same bus.
        let app::live::LiveEvent::Incident { incident } = event else {
            assert!(
                matches!(event, app::live::LiveEvent::HallDevice { .. }),
                "unexpected event: {event:?}"
            );
            continue;
        };
        assert_eq!(incident.id, id);
        revisions.push(incident.revision);
    }
    assert_eq!(revisions, [1, 2, 3, 4, 5]);
}

async fn api_key(state: &AppState, region: &str, scope: ApiScope) -> String {
    support::api_key(state, unit(state, region).await, scope).await
}

async fn post_incident(
    state: &AppState,
    key: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    support::api_post(state, "/api/v1/incidents", key, body).await
}

fn call_centre_report(external_id: &str, deaths: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "external_id": external_id,
        "title": "某化工厂爆炸",
        "accident_type": 18,
        "industry": "hazchem",
        "occurred_at": "2026-12-04T10:00:00+08:00",
        "lon": 112.55,
        "lat": 37.87,
        "region_code": "140105",
        "deaths": deaths,
        "source": "call_centre_119"
    })
}

#[tokio::test]
async fn call_centres_report_by_api_once_per_external_id() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let key = api_key(&state, "140100", ApiScope::IncidentsWrite).await;
        let (status, first) =
            post_incident(&state, &key, call_centre_report("119-0001", 3.into())).await;
        assert_eq!(status, 201, "{backend}: {first}");
        assert_eq!(first["incident"]["grade"], "larger", "{backend}");
        let (status, again) =
            post_incident(&state, &key, call_centre_report("119-0001", 3.into())).await;
        assert_eq!(
            (status, &again["outcome"]),
            (200, &"existing".into()),
            "{backend}"
        );
        assert_eq!(again["id"], first["id"], "{backend}");

        // Impossible figures: field errors in Chinese, nothing stored.
        let (status, bad) =
            post_incident(&state, &key, call_centre_report("119-0002", (-1).into())).await;
        assert_eq!(status, 422, "{backend}: {bad}");
        assert_eq!(bad["fields"][0]["field"], "死亡", "{backend}");
        assert_eq!(bad["fields"][0]["message"], "不能为负数", "{backend}");

        // Another city's place is not this key's to report.
        let mut elsewhere = call_centre_report("119-0003", 0.into());
        elsewhere["region_code"] = "140212".into();
        elsewhere["lon"] = 113.3.into();
        elsewhere["lat"] = 40.08.into();
        let (status, _) = post_incident(&state, &key, elsewhere).await;
        assert_eq!(status, 422, "{backend}");

        let (status, _) = post_incident(&state, "", call_centre_report("x", 0.into())).await;
        assert_eq!(status, 401, "{backend}");
        let reader = api_key(&state, "140100", ApiScope::DirectoryRead).await;
        let (status, _) = post_incident(&state, &reader, call_centre_report("x", 0.into())).await;
        assert_eq!(status, 403, "{backend}");

        let id = first["id"].as_str().expect("id");
        let path = format!("/api/v1/incidents/{id}");
        let own = api_key(&state, "140100", ApiScope::IncidentsRead).await;
        assert_eq!(
            support::api_get(&state, &path, &own).await.0,
            200,
            "{backend}"
        );
        let datong = api_key(&state, "140200", ApiScope::IncidentsRead).await;
        assert_eq!(
            support::api_get(&state, &path, &datong).await.0,
            404,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_openapi_document_is_served() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let (status, body) = support::get(&state, "/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert!(doc["paths"]["/api/v1/incidents"]["post"].is_object());
}

/// Reads the stream until an event's data names `needle` (or the guard time runs out).
async fn stream_until(body: &mut Body, needle: &str) -> Option<String> {
    let mut seen = String::new();
    let read = async {
        while let Some(Ok(frame)) = body.frame().await {
            if let Some(data) = frame.data_ref() {
                seen.push_str(&String::from_utf8_lossy(data));
                if seen.contains(needle) {
                    return;
                }
            }
        }
    };
    // A guard against a hang, not a performance check.
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .ok()?;
    Some(seen)
}

#[tokio::test]
async fn the_live_stream_carries_only_what_the_user_may_see() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    assert_eq!(support::get(&state, "/events").await.0, 401);
    let datong_duty = signed_in(&state, "dt.duty").await;
    let request = Request::get("/events")
        .header(http::header::COOKIE, &datong_duty)
        .body(Body::empty())
        .expect("request");
    let response = send(&state, request).await;
    assert_eq!(response.status(), 200);
    let mut body = response.into_body();
    let taiyuan = record(
        &state,
        unit(&state, "140100").await,
        report("太原事故", "140105", 0, None),
    )
    .await;
    let datong = record(
        &state,
        unit(&state, "140200").await,
        report("大同事故", "140212", 0, None),
    )
    .await;
    let seen = stream_until(&mut body, &datong.to_string())
        .await
        .expect("the Datong event");
    assert!(
        !seen.contains(&taiyuan.to_string()),
        "Taiyuan's incident reached Datong: {seen}"
    );

    // The province sees both; and a reconnect with Last-Event-ID replays exactly what followed.
    let province = signed_in(&state, "sx.duty").await;
    let (status, _) = get_as(&state, "/duty", &province).await;
    assert_eq!(status, 200);
    let request = Request::get("/events")
        .header(http::header::COOKIE, &province)
        .header(
            "last-event-id",
            EventId {
                seq: 0,
                ..state.bus.head()
            }
            .to_string(),
        )
        .body(Body::empty())
        .expect("request");
    let mut body = send(&state, request).await.into_body();
    let seen = stream_until(&mut body, &datong.to_string())
        .await
        .expect("replayed");
    assert!(seen.contains(&taiyuan.to_string()), "{seen}");
}

#[tokio::test]
async fn desk_pages_render_for_the_duty_officer() {
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let id = record(
        &state,
        unit(&state, "140100").await,
        report("页面事故", "140105", 3, None),
    )
    .await;
    let cookie = signed_in(&state, "ty.duty").await;
    for path in [
        "/duty".to_string(),
        "/wall".into(),
        format!("/incidents/{id}"),
        format!("/incidents/{id}/report"),
    ] {
        let (status, body) = get_as(&state, &path, &cookie).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("页面事故"), "{path}: {body}");
    }
    // Another city's officer: the record does not exist for them.
    let datong = signed_in(&state, "dt.duty").await;
    let (_, body) = get_as(&state, &format!("/incidents/{id}"), &datong).await;
    assert!(!body.contains("页面事故"));
}

fn multipart(file_name: &str, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "yingjiboundary42";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    state: &AppState,
    id: Uuid,
    cookie: &str,
    file_name: &str,
    content: &[u8],
) -> (u16, String) {
    let (content_type, body) = multipart(file_name, content);
    let request = Request::post(format!("/incidents/{id}/attachments"))
        .header(http::header::HOST, "yingji.test")
        .header(http::header::ORIGIN, "http://yingji.test")
        .header(http::header::CONTENT_TYPE, content_type)
        .header(http::header::COOKIE, cookie)
        .body(Body::from(body))
        .expect("request");
    let response = send(state, request).await;
    let location = response
        .headers()
        .get(http::header::LOCATION)
        .map(|v| v.to_str().expect("ascii").to_string())
        .unwrap_or_default();
    (response.status().as_u16(), location)
}

#[tokio::test]
async fn attachments_are_checked_kept_outside_the_database_and_served_only_to_readers() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let id = record(
            &state,
            unit(&state, "140100").await,
            report("附件事故", "140105", 0, None),
        )
        .await;
        let duty = signed_in(&state, "ty.duty").await;
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-scene-photo";

        let (status, location) = upload(&state, id, &duty, "C:\\fakepath\\现场.png", png).await;
        assert_eq!(
            (status, location.as_str()),
            (303, format!("/incidents/{id}").as_str()),
            "{backend}"
        );
        let (status, location) =
            upload(&state, id, &duty, "photo.jpg", b"MZ\x90\x00 not a photo").await;
        assert_eq!(status, 303, "{backend}");
        assert!(
            location.ends_with("?attachment=type"),
            "{backend}: {location}"
        );
        let (_, location) = upload(&state, id, &duty, "empty.png", b"").await;
        assert!(
            location.ends_with("?attachment=empty"),
            "{backend}: {location}"
        );

        let detail = service::detail(&state.db, id).await.expect("detail");
        assert_eq!(
            detail.attachments.len(),
            1,
            "{backend}: refused files are not recorded"
        );
        let attachment = &detail.attachments[0];
        assert_eq!(
            (
                attachment.file_name.as_str(),
                attachment.media_type.as_str()
            ),
            ("现场.png", "image/png")
        );
        assert!(
            detail
                .timeline
                .iter()
                .any(|e| e.kind == EntryKind::Attachment),
            "{backend}"
        );
        // Only the kept file is on disk.
        let dir = state.files_dir.join("incidents").join(id.to_string());
        assert_eq!(
            std::fs::read_dir(&dir).expect("files").count(),
            1,
            "{backend}"
        );

        let href = attachment.href(id);
        let request = Request::get(&href)
            .header(http::header::COOKIE, &duty)
            .body(Body::empty())
            .expect("request");
        let response = send(&state, request).await;
        assert_eq!(
            response.headers()[http::header::CONTENT_TYPE],
            "image/png",
            "{backend}"
        );
        assert_eq!(
            response.headers()[http::header::X_CONTENT_TYPE_OPTIONS],
            "nosniff"
        );
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        assert_eq!(&body[..], png, "{backend}");

        let datong = signed_in(&state, "dt.duty").await;
        assert_eq!(
            get_as(&state, &href, &datong).await.0,
            404,
            "{backend}: another city"
        );
        assert_eq!(
            support::get(&state, &href).await.0,
            401,
            "{backend}: signed out"
        );
        let (status, _) = upload(&state, id, &datong, "x.png", png).await;
        assert_eq!(
            status, 404,
            "{backend}: another city cannot add to it either"
        );
    }
}
