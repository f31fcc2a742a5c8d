//! Registry files through the HTTP routes on SQLite and PostgreSQL: a file with a bad row
//! changes nothing, the valid-only mode takes the good rows, exports read back as imports, and
//! only those who may keep the registry import.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use app::resources::{ImportMessage, ImportReport, ResourceQuery};
use app::state::AppState;
use axum::body::Body;
use http::Request;
use support::{database_urls, get_as, read, send, signed_in, state};

const BOUNDARY: &str = "yingji-test-boundary";

/// Taiyuan rows: two good, one with a negative headcount and a longitude off the earth.
const CSV: &str = "类别,名称,能力,数量,计量单位,经度,纬度,行政区划代码\n\
    救援队伍,晋源区企业救援队,危化品处置,20,人,112.48,37.72,140100\n\
    医疗机构,太原市中心医院,医疗救护、烧伤救治,800,床,112.56,37.87,140100\n\
    救援队伍,坏数据队,矿山救护,-3,人,1112.5,37.8,140100\n";

async fn import(
    state: &AppState,
    cookie: &str,
    file: &[u8],
    mode: &str,
) -> (u16, Option<ImportReport>) {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n{mode}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let request = Request::post("/resources/files/import")
        .header(http::header::HOST, "yingji.test")
        .header(http::header::ORIGIN, "http://yingji.test")
        .header(http::header::COOKIE, cookie)
        .header(
            http::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .expect("request");
    let (status, text) = read(send(state, request).await).await;
    let report = match ImportMessage::last_in(&text) {
        Some(ImportMessage::Done { report }) => Some(report),
        _ => None,
    };
    (status, report)
}

async fn count(state: &AppState) -> u64 {
    app::resources::service::list(&state.db, "", &ResourceQuery::default(), 1)
        .await
        .expect("list")
        .total
}

#[tokio::test]
async fn a_file_with_a_bad_row_changes_nothing_unless_valid_rows_are_asked_for() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let duty = signed_in(&state, "ty.duty").await;
        let before = count(&state).await;

        let (status, report) = import(&state, &duty, CSV.as_bytes(), "").await;
        let report = report.expect("a report");
        assert_eq!(status, 200, "{backend}");
        assert_eq!(
            (report.rows, report.rejected_rows, report.imported),
            (3, 1, 0),
            "{backend}"
        );
        let lines: Vec<usize> = report.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 4], "{backend}: {:?}", report.errors);
        assert_eq!(
            count(&state).await,
            before,
            "{backend}: nothing half-imported"
        );

        let (_, report) = import(&state, &duty, CSV.as_bytes(), "valid_only").await;
        assert_eq!(report.expect("a report").imported, 2, "{backend}");
        assert_eq!(count(&state).await, before + 2, "{backend}");
        // The new entries are in the index: the hospital is offered for burns in Taiyuan.
        let near = state.resources.nearest(
            (112.56, 37.87),
            app::resources::Capability::Burns,
            "1401",
            1,
        );
        let first = app::resources::service::get(&state.db, near[0].id)
            .await
            .expect("entry");
        assert_eq!(first.name, "太原市中心医院", "{backend}");

        // Unreadable and empty files are refused whole.
        let (_, report) = import(&state, &duty, b"PK\x03\x04 not a workbook", "").await;
        assert!(report.expect("a report").refused.is_some(), "{backend}");
        let (_, report) = import(&state, &duty, "类别,名称\n".as_bytes(), "").await;
        assert!(report.expect("a report").refused.is_some(), "{backend}");

        // A read-only user may not import at all.
        let readonly = signed_in(&state, "ty.readonly").await;
        let (status, _) = import(&state, &readonly, CSV.as_bytes(), "valid_only").await;
        assert_eq!(status, 403, "{backend}");
        assert_eq!(count(&state).await, before + 2, "{backend}");
    }
}

#[tokio::test]
async fn an_export_of_a_filtered_list_reads_back_whole() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let sx = signed_in(&state, "sx.duty").await;
        let teams = app::resources::service::list(
            &state.db,
            "14",
            &ResourceQuery {
                kind: Some(app::resources::ResourceKind::Team),
                ..ResourceQuery::default()
            },
            1000,
        )
        .await
        .expect("list")
        .total as usize;
        for ext in ["csv", "xlsx"] {
            let request = Request::get(format!("/resources/files/export.{ext}?kind=team"))
                .header(http::header::COOKIE, &sx)
                .body(Body::empty())
                .expect("request");
            let response = send(&state, request).await;
            assert_eq!(response.status(), 200, "{backend} {ext}");
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("body");
            let rows = app::resources::service::read_file(&bytes).expect("reads back");
            assert_eq!(rows.len(), teams, "{backend} {ext}");
            let t = &app::i18n::Locale::ZhCn.texts().resources;
            assert!(
                rows.iter().all(|(_, form)| form.validate(t).is_ok()),
                "{backend} {ext}"
            );
        }
        let (status, _) = get_as(&state, "/resources/files/template.xlsx", &sx).await;
        assert_eq!(status, 200, "{backend}");
        let (status, _) = get_as(&state, "/resources/files/nothing.pdf", &sx).await;
        assert_eq!(status, 404, "{backend}");
    }
}
