//! A registry entry as every page and the API see it, and the form that creates or edits one.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Availability, Capability, ResourceKind, SUPPLY_CLASSES};
use crate::error::AppError;
use crate::i18n::ResourceTexts;
use crate::ui::form_reader::FormReader;

/// The largest quantity a row may hold (headcount, beds, tonnes, pieces).
pub const MAX_QUANTITY: f64 = 1.0e9;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub id: Uuid,
    pub kind: ResourceKind,
    pub name: String,
    /// Per kind: a team's level (国家级, 企业专职...), an expert's title, a stockpile's supply
    /// class key, an equipment type, a hospital's grade, a shelter's type, a comms means.
    pub category: String,
    pub capabilities: Vec<Capability>,
    /// Headcount, pieces, beds, places or stock, in `unit`.
    pub quantity: f64,
    pub unit: String,
    /// The organisation it belongs to; for a stockpile its warehouse.
    pub organisation: String,
    /// Specialities, main equipment, model: free text.
    pub details: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub lon: f64,
    pub lat: f64,
    pub region_code: String,
    pub address: String,
    pub availability: Availability,
    /// 有效期 of a stockpile lot, `YYYY-MM-DD`.
    pub expires_on: Option<String>,
    pub demo: bool,
    pub revision: u32,
}

impl Resource {
    /// Whether it can be called now, as far as the registry knows.
    pub fn ready(&self) -> bool {
        self.availability == Availability::Ready
            && (!self.kind.by_quantity() || self.quantity > 0.0)
    }
}

/// One page of a registry list, and how many entries match in all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourcePage {
    pub items: Vec<Resource>,
    pub total: u64,
}

/// The registry form (and one import row), field by field as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceForm {
    /// Empty for a new entry.
    pub id: String,
    /// The revision the edit started from; a stale edit is refused.
    pub revision: String,
    pub kind: String,
    pub name: String,
    pub category: String,
    pub capabilities: Vec<String>,
    pub quantity: String,
    pub unit: String,
    pub organisation: String,
    pub details: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub lon: String,
    pub lat: String,
    pub region_code: String,
    pub address: String,
    pub availability: String,
    pub expires_on: String,
}

/// A validated entry, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewResource {
    pub kind: ResourceKind,
    pub name: String,
    pub category: String,
    pub capabilities: Vec<Capability>,
    pub quantity: f64,
    pub unit: String,
    pub organisation: String,
    pub details: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub lon: f64,
    pub lat: f64,
    pub region_code: String,
    pub address: String,
    pub availability: Availability,
    pub expires_on: Option<String>,
}

impl NewResource {
    /// The entry as stored under `id` (first revision, not demo).
    pub fn stored(self, id: Uuid) -> Resource {
        Resource {
            id,
            kind: self.kind,
            name: self.name,
            category: self.category,
            capabilities: self.capabilities,
            quantity: self.quantity,
            unit: self.unit,
            organisation: self.organisation,
            details: self.details,
            contact_name: self.contact_name,
            contact_phone: self.contact_phone,
            lon: self.lon,
            lat: self.lat,
            region_code: self.region_code,
            address: self.address,
            availability: self.availability,
            expires_on: self.expires_on,
            demo: false,
            revision: 1,
        }
    }
}

impl ResourceForm {
    /// The entry, if every field holds; otherwise every field error at once.
    pub fn validate(&self, t: &ResourceTexts) -> Result<NewResource, AppError> {
        let mut r = FormReader::new(t.form);
        let kind = r.choice(t.kind, &self.kind, ResourceKind::parse);
        let name = r.text(t.name, &self.name, 100, true);
        let category = r.text(t.category, &self.category, 50, false);
        if kind == Some(ResourceKind::Stockpile)
            && !SUPPLY_CLASSES.iter().any(|(key, ..)| *key == category)
        {
            r.errors.add(t.category, t.form.choose);
        }
        let (capabilities, unknown) = Capability::split(&self.capabilities.join(","));
        if !unknown.is_empty() {
            r.errors.add(
                t.capabilities,
                format!("{} {}", t.unknown_capability, unknown.join("、")),
            );
        }
        let quantity = r.decimal(t.quantity, &self.quantity, MAX_QUANTITY);
        let unit = r.text(t.unit, &self.unit, 10, false);
        let organisation = r.text(t.organisation, &self.organisation, 100, false);
        let details = r.text(t.details, &self.details, 1000, false);
        let contact_name = r.text(t.contact_name, &self.contact_name, 50, false);
        let contact_phone = r.phone(t.contact_phone, &self.contact_phone, t.phone_rule);
        // The whole world first (a typo like 1120.5 is named as such), then the region.
        let lon = r.coordinate(t.lon, &self.lon, -180.0..180.0, t.outside_world);
        let lat = r.coordinate(t.lat, &self.lat, -90.0..90.0, t.outside_world);
        let region_code = r.place(
            [t.region_code, t.lon],
            &self.region_code,
            (lon, lat),
            [t.region_unknown, t.far_from_region],
        );
        let address = r.text(t.address, &self.address, 200, false);
        let availability = if self.availability.trim().is_empty() {
            Some(Availability::Ready)
        } else {
            r.choice(t.availability, &self.availability, Availability::parse)
        };
        let expires_on = r
            .date(t.expires_on, &self.expires_on)
            .map(|_| self.expires_on.trim().to_string());
        r.finish()?;
        let (Some(kind), Some(availability)) = (kind, availability) else {
            return Err(AppError::field(t.kind, t.form.choose));
        };
        Ok(NewResource {
            kind,
            name,
            category,
            capabilities,
            quantity,
            unit,
            organisation,
            details,
            contact_name,
            contact_phone,
            lon,
            lat,
            region_code,
            address,
            availability,
            expires_on,
        })
    }

    /// The form filled with an entry, to edit it.
    pub fn of(resource: &Resource) -> ResourceForm {
        ResourceForm {
            id: resource.id.to_string(),
            revision: resource.revision.to_string(),
            kind: resource.kind.key().into(),
            name: resource.name.clone(),
            category: resource.category.clone(),
            capabilities: resource
                .capabilities
                .iter()
                .map(|c| c.key().to_string())
                .collect(),
            quantity: format_quantity(resource.quantity),
            unit: resource.unit.clone(),
            organisation: resource.organisation.clone(),
            details: resource.details.clone(),
            contact_name: resource.contact_name.clone(),
            contact_phone: resource.contact_phone.clone(),
            lon: resource.lon.to_string(),
            lat: resource.lat.to_string(),
            region_code: resource.region_code.clone(),
            address: resource.address.clone(),
            availability: resource.availability.key().into(),
            expires_on: resource.expires_on.clone().unwrap_or_default(),
        }
    }
}

/// A quantity without a needless fraction: 12, 2.5.
pub fn format_quantity(q: f64) -> String {
    if q.fract() == 0.0 && q.abs() < 1e15 {
        format!("{}", q as i64)
    } else {
        format!("{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldError;

    fn team() -> ResourceForm {
        ResourceForm {
            kind: "team".into(),
            name: "太原矿山救护大队".into(),
            capabilities: vec!["mine_rescue".into(), "drainage".into()],
            quantity: "86".into(),
            unit: "人".into(),
            lon: "112.55".into(),
            lat: "37.87".into(),
            region_code: "140100".into(),
            ..ResourceForm::default()
        }
    }

    fn fields(form: &ResourceForm) -> Vec<String> {
        let t = &crate::i18n::Locale::ZhCn.texts().resources;
        match form.validate(t) {
            Err(AppError::Validation(errors)) => {
                errors.into_iter().map(|e: FieldError| e.field).collect()
            }
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_good_team_is_accepted() {
        let t = &crate::i18n::Locale::ZhCn.texts().resources;
        let new = team().validate(t).expect("valid");
        assert_eq!(new.kind, ResourceKind::Team);
        assert_eq!(
            new.capabilities,
            [Capability::MineRescue, Capability::Drainage]
        );
        assert_eq!(new.availability, Availability::Ready);
    }

    #[test]
    fn bad_figures_and_places_are_named() {
        let t = &crate::i18n::Locale::ZhCn.texts().resources;
        let mut form = team();
        form.quantity = "-3".into();
        assert_eq!(fields(&form), [t.quantity]);
        let mut form = team();
        form.lon = "1125.5".into();
        assert_eq!(fields(&form), [t.lon]);
        // In Guangdong's waters, but recorded under Taiyuan.
        let mut form = team();
        form.lon = "113.3".into();
        form.lat = "23.1".into();
        assert_eq!(fields(&form), [t.lon]);
        let mut form = team();
        form.kind = "tank".into();
        assert_eq!(fields(&form), [t.kind]);
        let mut form = team();
        form.capabilities.push("laser".into());
        assert_eq!(fields(&form), [t.capabilities]);
    }

    #[test]
    fn stockpiles_need_a_supply_class_and_a_real_date() {
        let t = &crate::i18n::Locale::ZhCn.texts().resources;
        let mut form = team();
        form.kind = "stockpile".into();
        form.category = "guns".into();
        form.expires_on = "2027-13-01".into();
        assert_eq!(fields(&form), [t.category, t.expires_on]);
        form.category = "protection".into();
        form.expires_on = "2027-06-30".into();
        assert!(form.validate(t).is_ok());
    }

    #[test]
    fn quantities_print_plainly() {
        assert_eq!(format_quantity(12.0), "12");
        assert_eq!(format_quantity(2.5), "2.5");
    }
}
