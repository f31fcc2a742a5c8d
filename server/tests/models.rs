//! The consequence-model API: results with assumptions, 422 with a localized error per field,
//! keys required, unknown models not found.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use app::identity::ApiScope;
use app::identity::service::units_within;
use serde_json::json;
use support::{api_post, database_urls, state};

async fn key(state: &app::state::AppState) -> String {
    let unit = units_within(&state.db, "140100")
        .await
        .expect("units")
        .into_iter()
        .find(|u| u.region_code == "140100")
        .expect("太原")
        .id;
    support::api_key(state, unit, ApiScope::DirectoryRead).await
}

#[tokio::test]
async fn models_answer_and_refuse_by_field() {
    for (_, url) in database_urls().await {
        let state = state(&url, true).await;
        let key = key(&state).await;

        let plume = json!({ "release_rate": 2.0, "wind_speed": 3.0, "stability": "F", "levels": [{ "name": "AEGL-2", "mg_m3": 5.8 }], "source": { "lon": 112.55, "lat": 37.87 }, "wind_from": 315.0 });
        let (status, body) =
            api_post(&state, "/api/v1/models/gaussian-plume", &key, plume.clone()).await;
        assert_eq!(status, 200, "{body}");
        let reach = &body["result"]["reaches"][0];
        assert!(reach["distance_m"].as_f64().unwrap() > 1000.0, "{reach}");
        assert!(reach["footprint"].as_array().unwrap().len() > 10);
        assert!(
            body["assumptions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["key"] == "sigma_set")
        );

        // Out of range and inconsistent: one 422 naming each field, in Chinese.
        let bad = json!({ "release_rate": -1, "mass": 3, "wind_speed": 90, "levels": [{ "name": "x", "mg_m3": 0 }] });
        let (status, body) = api_post(&state, "/api/v1/models/gaussian-plume", &key, bad).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["code"], "invalid");
        let fields: Vec<&str> = body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        for field in [
            "release_rate",
            "mass",
            "wind_speed",
            "stability",
            "levels[0].mg_m3",
        ] {
            assert!(fields.contains(&field), "{field} not in {fields:?}");
        }
        let wind = body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == "wind_speed")
            .unwrap();
        assert_eq!(wind["message"], "应在 0.1 至 50 之间");

        // A wrong type is a field error too, not a decoding failure.
        let (status, body) = api_post(
            &state,
            "/api/v1/models/vce",
            &key,
            json!({ "mass": "lots" }),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(body["fields"][0]["field"], "mass");

        let grading = json!({ "substances": [{ "substance": "chlorine", "quantity_t": 30 }, { "substance": "methanol", "quantity_t": 500 }], "exposed_population": 120 });
        let (status, body) = api_post(&state, "/api/v1/models/hazard-grading", &key, grading).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["result"]["grade"], "second");
        assert_eq!(
            body["result"]["identification"]["standard"],
            "GB 18218-2018"
        );

        let (status, body) = api_post(
            &state,
            "/api/v1/models/accident-grade",
            &key,
            json!({ "deaths": 10, "missing": 0, "serious_injuries": 0, "direct_loss_cny": 0 }),
        )
        .await;
        assert_eq!((status, body["grade"].as_str()), (200, Some("major")));

        let (status, _) = api_post(&state, "/api/v1/models/gaussian-plume", "", plume).await;
        assert_eq!(status, 401);
        let (status, _) = api_post(&state, "/api/v1/models/nonsense", &key, json!({})).await;
        assert_eq!(status, 404);

        let (status, body) = support::api_get(&state, "/api/v1/models/chemicals", &key).await;
        assert_eq!(status, 200);
        assert!(
            serde_json::from_str::<serde_json::Value>(&body)
                .unwrap()
                .as_array()
                .unwrap()
                .len()
                >= 30
        );
    }
}
