//! One entry for every model by name, JSON in and JSON out: what `POST /api/v1/models/{model}`
//! serves. Pure like the models, so any client of the library can call it the same way.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::input::Problems;
use super::report::Report;
use super::{dense_gas, explosion, fire, gaussian, hazard, probit, scenario, stability};
use crate::incidents::{Grade, Measure, Severity};

/// Every model the API serves, in the order the OpenAPI document lists them.
pub const MODELS: [&str; 13] = [
    "stability-class",
    "gaussian-plume",
    "gaussian-puff",
    "dense-gas",
    "pool-fire",
    "jet-fire",
    "fireball",
    "vce",
    "probit",
    "hazard-identification",
    "hazard-grading",
    "accident-grade",
    "threat-zones",
];

#[derive(Debug, PartialEq)]
pub enum RunError {
    UnknownModel,
    /// The body is not the model's input shape: where and what serde said.
    Decode {
        path: String,
        message: String,
    },
    Invalid(Problems),
}

fn decode<T: DeserializeOwned>(body: Value) -> Result<T, RunError> {
    serde_path_to_error::deserialize(body).map_err(|e| RunError::Decode {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

fn answer<T: Serialize>(result: Result<T, Problems>) -> Result<Value, RunError> {
    let value = result.map_err(RunError::Invalid)?;
    Ok(serde_json::to_value(value).unwrap_or(Value::Null))
}

fn report<I: DeserializeOwned, O: Serialize>(
    body: Value,
    model: fn(&I) -> Result<Report<O>, Problems>,
) -> Result<Value, RunError> {
    answer(model(&decode::<I>(body)?))
}

#[derive(Serialize)]
struct AccidentGrade {
    grade: Grade,
    /// Which measures put the accident in its grade.
    by: Vec<Measure>,
}

pub fn run(model: &str, body: Value) -> Result<Value, RunError> {
    match model {
        "stability-class" => report(body, stability::stability_class),
        "gaussian-plume" => report(body, gaussian::plume),
        "gaussian-puff" => report(body, gaussian::puff),
        "dense-gas" => report(body, dense_gas::dense_gas),
        "pool-fire" => report(body, fire::pool_fire),
        "jet-fire" => report(body, fire::jet_fire),
        "fireball" => report(body, fire::fireball),
        "vce" => report(body, explosion::vce),
        "probit" => report(body, probit::probit),
        "hazard-identification" => report(body, hazard::identification),
        "hazard-grading" => report(body, hazard::grading),
        // The duty desk's rule: one rule, one place.
        "accident-grade" => {
            let severity: Severity = decode(body)?;
            let (grade, by) = Grade::of(&severity);
            answer(Ok(AccidentGrade { grade, by }))
        }
        "threat-zones" => {
            let scenario: scenario::Scenario = decode(body)?;
            answer(scenario::threat_zones(&scenario))
        }
        _ => Err(RunError::UnknownModel),
    }
}

/// The input schema of every model, for the OpenAPI document: `(model, $ref)` pairs and the
/// component schemas they refer to. Derived from the input types themselves, doc comments
/// included, so the document cannot drift from what the models read.
#[cfg(feature = "ssr")]
pub fn input_schemas() -> (Vec<(&'static str, Value)>, serde_json::Map<String, Value>) {
    use schemars::generate::SchemaSettings;
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| s.definitions_path = "/components/schemas".into())
        .into_generator();
    let mut refs = Vec::new();
    let mut add = |model, schema: schemars::Schema| refs.push((model, schema.to_value()));
    add(
        "stability-class",
        generator.subschema_for::<stability::StabilityInput>(),
    );
    add(
        "gaussian-plume",
        generator.subschema_for::<gaussian::GaussianInput>(),
    );
    add(
        "gaussian-puff",
        generator.subschema_for::<gaussian::GaussianInput>(),
    );
    add(
        "dense-gas",
        generator.subschema_for::<dense_gas::DenseGasInput>(),
    );
    add(
        "pool-fire",
        generator.subschema_for::<fire::PoolFireInput>(),
    );
    add("jet-fire", generator.subschema_for::<fire::JetFireInput>());
    add("fireball", generator.subschema_for::<fire::FireballInput>());
    add("vce", generator.subschema_for::<explosion::VceInput>());
    add("probit", generator.subschema_for::<probit::ProbitInput>());
    add(
        "hazard-identification",
        generator.subschema_for::<hazard::HazardInput>(),
    );
    add(
        "hazard-grading",
        generator.subschema_for::<hazard::HazardInput>(),
    );
    add("accident-grade", generator.subschema_for::<Severity>());
    add(
        "threat-zones",
        generator.subschema_for::<scenario::Scenario>(),
    );
    let definitions = generator.take_definitions(true);
    (refs, definitions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_listed_model_answers_its_own_missing_fields() {
        for model in MODELS {
            match run(model, json!({})) {
                Err(RunError::Invalid(problems)) => assert!(!problems.is_empty(), "{model}"),
                // The three measures of Decree 493 are each required.
                Err(RunError::Decode { message, .. }) => {
                    assert_eq!(model, "accident-grade");
                    assert!(message.contains("deaths"), "{message}");
                }
                other => panic!("{model}: {other:?}"),
            }
        }
        assert_eq!(run("nope", json!({})), Err(RunError::UnknownModel));
    }

    #[test]
    fn a_wrong_type_names_its_path() {
        let Err(RunError::Decode { path, .. }) = run(
            "gaussian-plume",
            json!({ "levels": [{ "name": "x", "mg_m3": "lots" }] }),
        ) else {
            panic!("decoded");
        };
        assert_eq!(path, "levels[0].mg_m3");
    }

    #[test]
    fn the_plume_answers_with_its_assumptions() {
        let body = json!({ "release_rate": 1.0, "wind_speed": 3.0, "stability": "D", "levels": [{ "name": "IDLH", "mg_m3": 140.0 }] });
        let value = run("gaussian-plume", body).unwrap();
        assert!(
            value["result"]["reaches"][0]["distance_m"]
                .as_f64()
                .unwrap()
                > 0.0
        );
        assert!(
            value["assumptions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["key"] == "sigma_set" && a["defaulted"] == true)
        );
    }
}
