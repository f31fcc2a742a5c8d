//! An installation as the registry shows it, and the form that adds one.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Texts;
use crate::models::hazard::{self, CATEGORIES, Grading, HazardGrade, HazardInput, Holding, NAMED};
use crate::ui::form_reader::FormReader;

/// Substance rows the form offers.
pub const ROWS: usize = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MajorHazard {
    pub id: Uuid,
    pub name: String,
    pub enterprise: String,
    pub lon: f64,
    pub lat: f64,
    pub region_code: String,
    pub substances: Vec<Holding>,
    pub exposed_population: u32,
    pub sum_ratio: f64,
    pub r_value: f64,
    pub grade: Option<HazardGrade>,
    pub standard: String,
    pub demo: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HazardForm {
    pub name: String,
    pub enterprise: String,
    pub lon: String,
    pub lat: String,
    pub region_code: String,
    pub exposed_population: String,
    /// A named substance key (表1) or a category code (表2), per row.
    pub substance: Vec<String>,
    /// t, per row.
    pub quantity: Vec<String>,
}

/// A checked installation with its grading.
#[derive(Clone, Debug, PartialEq)]
pub struct NewHazard {
    pub name: String,
    pub enterprise: String,
    pub lon: f64,
    pub lat: f64,
    pub region_code: String,
    pub substances: Vec<Holding>,
    pub exposed_population: u32,
    pub grading: Grading,
}

/// The holding a form value stands for: a named substance or a category.
pub fn holding(key: &str, quantity_t: f64) -> Option<Holding> {
    if NAMED.iter().any(|n| n.key == key) {
        Some(Holding {
            substance: Some(key.into()),
            category: None,
            quantity_t: Some(quantity_t),
        })
    } else if CATEGORIES.iter().any(|c| c.code == key) {
        Some(Holding {
            substance: None,
            category: Some(key.into()),
            quantity_t: Some(quantity_t),
        })
    } else {
        None
    }
}

impl HazardForm {
    pub fn validate(&self, texts: &Texts) -> Result<NewHazard, AppError> {
        let (t, rt) = (&texts.models, &texts.resources);
        let mut r = FormReader::new(&texts.form);
        let name = r.text(t.hazard_name, &self.name, 100, true);
        let enterprise = r.text(t.enterprise, &self.enterprise, 100, true);
        let lon = r.coordinate(rt.lon, &self.lon, -180.0..180.0, rt.outside_world);
        let lat = r.coordinate(rt.lat, &self.lat, -90.0..90.0, rt.outside_world);
        let region_code = r.place(
            [rt.region_code, rt.lon],
            &self.region_code,
            (lon, lat),
            [rt.region_unknown, rt.far_from_region],
        );
        let exposed = r.number(t.exposed_population, &self.exposed_population, 10_000_000);
        let mut substances = Vec::new();
        for (i, key) in self.substance.iter().enumerate().take(ROWS) {
            if key.trim().is_empty() {
                continue;
            }
            let quantity = r.decimal(
                t.quantity_t,
                self.quantity.get(i).map_or("", String::as_str),
                1e7,
            );
            match holding(key.trim(), quantity) {
                Some(h) if quantity > 0.0 => substances.push(h),
                Some(_) => r.errors.add(t.quantity_t, t.positive_quantity),
                None => r.errors.add(t.substance, texts.form.choose),
            }
        }
        if substances.is_empty() {
            r.errors.add(t.substance, t.substance_required);
        }
        r.finish()?;
        let input = HazardInput {
            substances: substances.clone(),
            exposed_population: Some(exposed as u32),
        };
        let grading = hazard::grading(&input).map_err(|p| t.invalid(&p))?.result;
        Ok(NewHazard {
            name,
            enterprise,
            lon,
            lat,
            region_code,
            substances,
            exposed_population: exposed as u32,
            grading,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn form() -> HazardForm {
        HazardForm {
            name: "液氯储罐区".into(),
            enterprise: "某化工有限公司".into(),
            lon: "112.56".into(),
            lat: "37.74".into(),
            region_code: "140105".into(),
            exposed_population: "120".into(),
            substance: vec!["chlorine".into(), "W5.4".into(), String::new()],
            quantity: vec!["30".into(), "6000".into(), String::new()],
        }
    }

    #[test]
    fn a_form_is_graded_by_the_standard() {
        let new = form().validate(Locale::ZhCn.texts()).unwrap();
        // R = 2·(4·30/5 + 1·6000/5000) = 50.4 → 二级.
        assert!((new.grading.r - 50.4).abs() < 1e-9);
        assert_eq!(new.grading.grade, Some(HazardGrade::Second));
        assert_eq!(new.substances.len(), 2);
    }

    #[test]
    fn bad_rows_are_refused_by_field() {
        let mut f = form();
        f.substance = vec!["unobtainium".into()];
        f.quantity = vec!["-3".into()];
        f.lon = "1120.5".into();
        let AppError::Validation(errors) = f.validate(Locale::ZhCn.texts()).unwrap_err() else {
            panic!()
        };
        let t = &Locale::ZhCn.texts();
        for label in [t.models.substance, t.models.quantity_t, t.resources.lon] {
            assert!(
                errors.iter().any(|e| e.field == label),
                "{label} in {errors:?}"
            );
        }
    }
}
