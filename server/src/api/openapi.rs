//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API. Kept by hand next
//! to the handlers; a test checks it names every field the intake form reads.

use axum::Json;
use serde_json::{Value, json};

pub async fn document() -> Json<Value> {
    Json(openapi())
}

fn count(description: &str) -> Value {
    json!({ "type": "integer", "minimum": 0, "description": description })
}

fn text(description: &str, max: u32) -> Value {
    json!({ "type": "string", "maxLength": max, "description": description })
}

/// Fields of an incident report (`POST /api/v1/incidents`).
fn report_properties() -> Value {
    json!({
        "external_id": text("The caller's own id of this report. A repeat with the same id returns the first record (200, outcome `existing`).", 64),
        "title": text("事故名称 (required)", 100),
        "accident_type": { "type": "integer", "minimum": 1, "maximum": 20, "description": "GB 6441-86 accident class, 1–20 (required)" },
        "industry": { "type": "string", "description": "Industry code (required): coal, nonmetal_mine, oil_gas, hazchem, fireworks, construction, metallurgy, nonferrous, building_materials, machinery, light_industry, textile, tobacco, commerce, road, waterway, railway, aviation, fishing, agri_machinery, fire, other" },
        "occurred_at": { "type": "string", "format": "date-time", "description": "RFC 3339 time of occurrence (required); not in the future" },
        "lon": { "type": "number", "minimum": 73, "maximum": 136, "description": "WGS-84 longitude (required; never GCJ-02)" },
        "lat": { "type": "number", "minimum": 3, "maximum": 54, "description": "WGS-84 latitude (required)" },
        "region_code": { "type": "string", "pattern": "^[0-9]{6}$", "description": "GB/T 2260 code of the place (required), within the key's jurisdiction; the coordinates must lie in its province" },
        "address": text("详细地址", 200),
        "enterprise": text("事故单位", 100),
        "deaths": count("死亡"),
        "missing": count("失踪"),
        "serious_injuries": count("重伤, incl. acute industrial poisoning"),
        "minor_injuries": count("轻伤"),
        "trapped": count("被困"),
        "direct_loss_cny": count("Direct economic loss in yuan"),
        "hazmat": text("Hazardous chemicals involved", 200),
        "description": text("事故简要经过", 4000),
        "source": { "type": "string", "enum": ["phone", "call_centre_110", "call_centre_119", "call_centre_120", "call_centre_122", "enterprise", "lower_tier", "upper_tier"], "description": "How the report came in (required)" },
        "reporter": text("报告人", 50),
        "reporter_phone": text("联系电话: digits, spaces, + - ( )", 30)
    })
}

/// `POST /api/v1/models/{model}` for each model, adding the input schemas to `schemas`.
fn model_paths(
    schemas: &mut serde_json::Map<String, Value>,
    errors: &Value,
) -> serde_json::Map<String, Value> {
    let (inputs, definitions) = app::models::run::input_schemas();
    schemas.extend(definitions);
    let mut responses = errors.clone();
    responses["200"] = json!({ "description": "The result with its assumptions (each input used, and whether the documented default applied) and warnings", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModelReport" } } } });
    inputs
        .into_iter()
        .map(|(model, schema)| {
            let path = json!({
                "post": {
                    "summary": format!("Model `{model}` (any valid key; pure computation)"),
                    "requestBody": { "required": true, "content": { "application/json": { "schema": schema } } },
                    "responses": responses
                }
            });
            (format!("/api/v1/models/{model}"), path)
        })
        .collect()
}

fn openapi() -> Value {
    let error = json!({ "$ref": "#/components/schemas/Error" });
    let errors = |codes: &[&str]| -> Value {
        codes
            .iter()
            .map(|code| {
                let answer = json!({ "description": code, "content": { "application/json": { "schema": error } } });
                (code.to_string(), answer)
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let mut create_responses = errors(&["401", "403", "422"]);
    create_responses["201"] = json!({ "description": "Recorded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Recorded" } } } });
    create_responses["200"] = json!({ "description": "This external id was recorded before: that record", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Recorded" } } } });
    let mut get_responses = errors(&["401", "403", "404"]);
    let mut model_schemas = serde_json::Map::new();
    let models = model_paths(&mut model_schemas, &errors(&["401", "422"]));
    get_responses["200"] = json!({ "description": "The incident", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/IncidentSummary" } } } });
    let mut document = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Yingji JSON API",
            "version": "1",
            "description": "For machine clients: call centres (110/119/120/122), sensors, other systems. Authenticate with an API key (`Authorization: Bearer yjk_…`) issued by an administrator; each key acts for one unit, within its jurisdiction, with its scopes. Messages follow `Accept-Language` (zh-CN by default, en)."
        },
        "components": {
            "securitySchemes": { "apiKey": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": { "type": "string", "enum": ["not_found", "invalid", "unauthorized", "forbidden", "conflict", "internal", "unavailable"] },
                        "message": { "type": "string" },
                        "fields": { "type": "array", "items": { "type": "object", "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } }
                    }
                },
                "IncidentReport": {
                    "type": "object",
                    "required": ["title", "accident_type", "industry", "occurred_at", "lon", "lat", "region_code", "source"],
                    "properties": report_properties()
                },
                "IncidentSummary": {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string", "format": "uuid" },
                        "title": { "type": "string" },
                        "grade": { "type": "string", "enum": ["general", "larger", "major", "particularly_major"], "description": "Decree 493 Art. 3, computed by the platform" },
                        "status": { "type": "string", "enum": ["received", "verifying", "responding", "controlled", "closed"] },
                        "occurred_at": { "type": "integer", "description": "Unix seconds" },
                        "received_at": { "type": "integer", "description": "Unix seconds" },
                        "region_code": { "type": "string" },
                        "lon": { "type": "number" },
                        "lat": { "type": "number" },
                        "casualties": { "type": "object" },
                        "duties": { "type": "array", "description": "Tiers that must receive the report, with deadline (`due`, Unix seconds) and receipt", "items": { "type": "object" } },
                        "version": { "type": "integer" }
                    }
                },
                "Recorded": {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string", "format": "uuid" },
                        "outcome": { "type": "string", "enum": ["created", "existing"] },
                        "incident": { "$ref": "#/components/schemas/IncidentSummary" }
                    }
                }
            }
        },
        "security": [{ "apiKey": [] }],
        "paths": {
            "/api/v1/whoami": { "get": { "summary": "The key, its unit and scopes", "responses": errors(&["401"]) } },
            "/api/v1/directory": { "get": { "summary": "Centres, enterprises and bases the key's unit may see (scope directory:read)", "responses": errors(&["401", "403"]) } },
            "/api/v1/incidents": {
                "post": {
                    "summary": "Report an accident (scope incidents:write)",
                    "description": "Graded by the platform under Decree 493; the reporting clock starts at the key's unit. Idempotent on `external_id` per unit.",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/IncidentReport" } } } },
                    "responses": create_responses
                }
            },
            "/api/v1/incidents/{id}": {
                "get": {
                    "summary": "One incident within the key's jurisdiction (scope incidents:read)",
                    "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
                    "responses": get_responses
                }
            }
        }
    });
    // Both are objects in the literal above; `if let` only to avoid a panic path.
    if let Some(schemas) = document["components"]["schemas"].as_object_mut() {
        schemas.extend(model_schemas);
        schemas.insert("ModelReport".into(), json!({
        "type": "object",
        "properties": {
            "result": { "description": "The model's numbers (distances in m, concentrations in mg/m³, fluxes in kW/m², overpressures in kPa)" },
            "assumptions": { "type": "array", "items": { "type": "object", "properties": { "key": { "type": "string" }, "value": { "type": "string" }, "defaulted": { "type": "boolean" } } } },
            "warnings": { "type": "array", "items": { "type": "object", "required": ["code"], "properties": { "code": { "type": "string" } } } }
        }
    }));
    }
    if let Some(paths) = document["paths"].as_object_mut() {
        paths.extend(models);
        paths.insert("/api/v1/models/chemicals".into(), json!({ "get": { "summary": "The chemical table the models draw on: properties and levels of concern with their sources", "responses": errors(&["401"]) } }));
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_is_documented_with_resolvable_schemas() {
        let document = openapi();
        for model in app::models::run::MODELS {
            let path = &document["paths"][format!("/api/v1/models/{model}")]["post"];
            let reference = path["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .unwrap();
            let name = reference.strip_prefix("#/components/schemas/").unwrap();
            assert!(
                document["components"]["schemas"][name].is_object(),
                "{model}: {reference}"
            );
        }
        // Field docs come from the input types.
        let plume =
            &document["components"]["schemas"]["GaussianInput"]["properties"]["release_rate"];
        assert!(
            plume["description"].as_str().unwrap().contains("kg/s"),
            "{plume}"
        );
    }

    #[test]
    fn the_document_names_every_field_the_form_reads() {
        let form = serde_json::to_value(app::incidents::IncidentForm::default()).unwrap();
        let documented = report_properties();
        for field in form.as_object().unwrap().keys() {
            assert!(documented.get(field).is_some(), "{field} is not documented");
        }
        assert_eq!(
            documented.as_object().unwrap().len(),
            form.as_object().unwrap().len()
        );
    }
}
