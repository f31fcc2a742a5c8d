//! The major-hazard registry on SQLite and PostgreSQL: demo installations graded after
//! GB 18218-2018, a new one graded by the server, refusals by field and by jurisdiction.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use app::hazards::MajorHazard;
use app::models::hazard::HazardGrade;
use support::{call, database_urls, signed_in, state};

async fn list(state: &app::state::AppState, cookie: &str) -> Vec<MajorHazard> {
    let (status, _, body) = call(state, "hazards/list", "", Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn installations_are_graded_by_the_standard_within_jurisdiction() {
    for (_, url) in database_urls().await {
        let state = state(&url, true).await;
        let province = signed_in(&state, "sx.commander").await;
        let demo = list(&state, &province).await;
        assert_eq!(demo.len(), 3);
        // Most severe first: 30 t chlorine and 500 t methanol with 120 people: R = 50 → 二级.
        assert_eq!(demo[0].name, "液氯储罐区（演示）");
        assert_eq!(demo[0].grade, Some(HazardGrade::Second));
        assert!((demo[0].r_value - 50.0).abs() < 1e-9);
        assert!(demo.iter().all(|h| h.demo && h.standard == "GB 18218-2018"));

        let form = "form[name]=加氢站&form[enterprise]=某能源公司&form[lon]=112.6&form[lat]=37.85&form[region_code]=140105&form[exposed_population]=0&form[substance][]=hydrogen&form[quantity][]=2&form[substance][]=&form[quantity][]=";
        let (status, _, body) = call(&state, "hazards/save", form, Some(&province)).await;
        assert_eq!(status, 200, "{body}");
        let added = list(&state, &province)
            .await
            .into_iter()
            .find(|h| h.name == "加氢站")
            .unwrap();
        // 2 t of hydrogen (Q 5): S = 0.4, not a major hazard.
        assert!((added.sum_ratio - 0.4).abs() < 1e-9);
        assert_eq!(added.grade, None);

        // Each bad field is named; nothing is stored.
        let bad = "form[name]=&form[enterprise]=x&form[lon]=1120&form[lat]=37&form[region_code]=140105&form[substance][]=unobtainium&form[quantity][]=-1";
        let (status, _, body) = call(&state, "hazards/save", bad, Some(&province)).await;
        assert_eq!(status, 422, "{body}");
        for label in ["危险源名称", "经度", "危险化学品", "最大存在量（t）"] {
            assert!(body.contains(label), "{label}: {body}");
        }
        assert_eq!(list(&state, &province).await.len(), 4);

        // A city sees its own region only; Datong holds none of these.
        let datong = signed_in(&state, "dt.duty").await;
        assert!(list(&state, &datong).await.is_empty());
        // And may not register one in Taiyuan.
        let (status, _, body) = call(&state, "hazards/save", form, Some(&datong)).await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("不在本单位管辖范围内"), "{body}");
    }
}
