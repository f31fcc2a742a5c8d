//! The columns of a registry file (import template, import, export): one list, so the three
//! never disagree. A header may name a column by its key or by its label in either language.

use super::{Resource, ResourceForm, format_quantity};

pub struct Column {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn col(key: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { key, zh, en }
}

pub const COLUMNS: [Column; 16] = [
    col("kind", "类别", "Kind"),
    col("name", "名称", "Name"),
    col("category", "分类/等级/职称", "Category"),
    col("capabilities", "能力", "Capabilities"),
    col("quantity", "数量", "Quantity"),
    col("unit", "计量单位", "Unit"),
    col("organisation", "所属单位/仓库", "Organisation"),
    col("details", "说明", "Details"),
    col("contact_name", "联系人", "Contact"),
    col("contact_phone", "联系电话", "Phone"),
    col("lon", "经度", "Longitude"),
    col("lat", "纬度", "Latitude"),
    col("region_code", "行政区划代码", "Region code"),
    col("address", "地址", "Address"),
    col("availability", "状态", "Availability"),
    col("expires_on", "有效期", "Expires on"),
];

/// The column a header cell names, if any (case and surrounding spaces ignored).
pub fn column_of(header: &str) -> Option<usize> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    COLUMNS
        .iter()
        .position(|c| h == c.key || h == c.zh || h == c.en.to_lowercase())
}

/// Sets one cell of a form by column index.
pub fn set_cell(form: &mut ResourceForm, column: usize, value: &str) {
    let value = value.to_string();
    match COLUMNS[column].key {
        "kind" => form.kind = value,
        "name" => form.name = value,
        "category" => form.category = value,
        "capabilities" => form.capabilities = vec![value],
        "quantity" => form.quantity = value,
        "unit" => form.unit = value,
        "organisation" => form.organisation = value,
        "details" => form.details = value,
        "contact_name" => form.contact_name = value,
        "contact_phone" => form.contact_phone = value,
        "lon" => form.lon = value,
        "lat" => form.lat = value,
        "region_code" => form.region_code = value,
        "address" => form.address = value,
        "availability" => form.availability = value,
        _ => form.expires_on = value,
    }
}

/// An entry as one row of cells, in column order (what export writes and import reads back).
pub fn cells(r: &Resource) -> [String; 16] {
    let form = ResourceForm::of(r);
    [
        form.kind,
        form.name,
        form.category,
        form.capabilities.join(","),
        format_quantity(r.quantity),
        form.unit,
        form.organisation,
        form.details,
        form.contact_name,
        form.contact_phone,
        form.lon,
        form.lat,
        form.region_code,
        form.address,
        form.availability,
        form.expires_on,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_in_any_language() {
        assert_eq!(column_of("kind"), Some(0));
        assert_eq!(column_of(" 经度 "), Some(10));
        assert_eq!(column_of("Region code"), Some(12));
        assert_eq!(column_of("\u{feff}类别"), Some(0));
        assert_eq!(column_of("colour"), None);
    }

    #[test]
    fn every_column_sets_its_own_field() {
        let mut form = ResourceForm::default();
        for i in 0..COLUMNS.len() {
            set_cell(&mut form, i, &format!("v{i}"));
        }
        assert_eq!(form.kind, "v0");
        assert_eq!(form.capabilities, ["v3"]);
        assert_eq!(form.expires_on, "v15");
        assert_eq!(form.region_code, "v12");
    }
}

/// Cells as people type them — 救援队伍, 矿山救护、医疗救护, 待命, 防护用品 — turned into the keys
/// the form validates, in either language; unknown text is left for validation to name.
pub fn normalize(form: &mut ResourceForm) {
    use super::{Availability, Capability, ResourceKind, SUPPLY_CLASSES};
    use crate::i18n::Locale;
    let by_label =
        |text: &str,
         label: &dyn Fn(&crate::i18n::ResourceTexts) -> Vec<(&'static str, &'static str)>| {
            let text = text.trim();
            Locale::ALL.iter().find_map(|l| {
                label(&l.texts().resources)
                    .into_iter()
                    .find(|(_, name)| name.eq_ignore_ascii_case(text))
                    .map(|(key, _)| key.to_string())
            })
        };
    if let Some(key) = by_label(&form.kind, &|t| {
        ResourceKind::ALL
            .iter()
            .map(|k| (k.key(), t.kind(*k)))
            .collect()
    }) {
        form.kind = key;
    }
    if let Some(key) = by_label(&form.availability, &|t| {
        Availability::ALL
            .iter()
            .map(|a| (a.key(), t.availability(*a)))
            .collect()
    }) {
        form.availability = key;
    }
    if let Some((key, ..)) = SUPPLY_CLASSES.iter().find(|(_, zh, en)| {
        form.category.trim() == *zh || form.category.trim().eq_ignore_ascii_case(en)
    }) {
        form.category = (*key).to_string();
    }
    form.capabilities = form
        .capabilities
        .iter()
        .flat_map(|cell| {
            cell.split([',', ';', '、', '，', '；'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| {
                    by_label(c, &|t| {
                        Capability::ALL
                            .iter()
                            .map(|x| (x.key(), t.capability(*x)))
                            .collect()
                    })
                    .unwrap_or_else(|| c.to_string())
                })
                .collect::<Vec<_>>()
        })
        .collect();
}

/// An entry as one row of cells in the reader's language (what export writes); import reads it
/// back through [`normalize`].
pub fn labelled_cells(r: &Resource, locale: crate::i18n::Locale) -> [String; 16] {
    let t = &locale.texts().resources;
    let mut cells = cells(r);
    cells[0] = t.kind(r.kind).to_string();
    cells[2] = t
        .category(&r.category, locale == crate::i18n::Locale::En)
        .to_string();
    cells[3] = r
        .capabilities
        .iter()
        .map(|c| t.capability(*c))
        .collect::<Vec<_>>()
        .join("、");
    cells[14] = t.availability(r.availability).to_string();
    cells
}

/// The header row in the reader's language.
pub fn header(locale: crate::i18n::Locale) -> [&'static str; 16] {
    COLUMNS.each_ref().map(|c| {
        if locale == crate::i18n::Locale::En {
            c.en
        } else {
            c.zh
        }
    })
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::resources::{Availability, Capability, ResourceKind};

    #[test]
    fn exported_rows_read_back_as_the_same_entry() {
        let mut form = ResourceForm {
            kind: "team".into(),
            name: "太原矿山救护大队".into(),
            capabilities: vec!["mine_rescue".into(), "medical".into()],
            quantity: "86".into(),
            lon: "112.55".into(),
            lat: "37.87".into(),
            region_code: "140100".into(),
            ..ResourceForm::default()
        };
        let t = &Locale::ZhCn.texts().resources;
        let new = form.validate(t).expect("valid");
        let resource = new.stored(uuid::Uuid::nil());
        for locale in Locale::ALL {
            form = ResourceForm::default();
            for (i, cell) in labelled_cells(&resource, locale).iter().enumerate() {
                set_cell(&mut form, i, cell);
            }
            normalize(&mut form);
            let back = form.validate(t).expect("reads back");
            assert_eq!(back.kind, ResourceKind::Team, "{locale:?}");
            assert_eq!(
                back.capabilities,
                [Capability::MineRescue, Capability::Medical]
            );
            assert_eq!(back.availability, Availability::Ready);
        }
        assert_eq!(header(Locale::ZhCn)[0], "类别");
    }

    #[test]
    fn supply_classes_read_by_name() {
        let mut form = ResourceForm {
            category: "防护用品".into(),
            capabilities: vec!["危化品处置、Detection".into()],
            ..ResourceForm::default()
        };
        normalize(&mut form);
        assert_eq!(form.category, "protection");
        assert_eq!(form.capabilities, ["hazchem", "detection"]);
    }
}
