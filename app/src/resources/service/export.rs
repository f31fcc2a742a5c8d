//! Registry files out: any filtered list as CSV (UTF-8 with a byte-order mark, so Excel opens
//! it in Chinese) or XLSX, and the import templates. Headers and choices are in the reader's
//! language; import reads either language back.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::ResourceError;
use crate::i18n::Locale;
use crate::resources::columns::{COLUMNS, header, labelled_cells};
use crate::resources::{Availability, Capability, Resource, ResourceKind, SUPPLY_CLASSES};

/// Columns written as numbers in XLSX (quantity, longitude, latitude).
const NUMERIC: [usize; 3] = [4, 10, 11];

fn xlsx_error(e: XlsxError) -> ResourceError {
    ResourceError::Corrupt(format!("xlsx: {e}"))
}

pub fn write_csv(resources: &[Resource], locale: Locale) -> Result<Vec<u8>, ResourceError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let failed = |e: csv::Error| ResourceError::Corrupt(format!("csv: {e}"));
        writer.write_record(header(locale)).map_err(failed)?;
        for r in resources {
            writer
                .write_record(labelled_cells(r, locale))
                .map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|e| ResourceError::Corrupt(e.to_string()))?;
    }
    Ok(out)
}

pub fn write_xlsx(resources: &[Resource], locale: Locale) -> Result<Vec<u8>, ResourceError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    for (col, name) in header(locale).iter().enumerate() {
        sheet
            .write_with_format(0, col as u16, *name, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, r) in resources.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, cell) in labelled_cells(r, locale).iter().enumerate() {
            let number = NUMERIC
                .contains(&col)
                .then(|| cell.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => sheet.write_number(row, col as u16, n).map_err(xlsx_error)?,
                None => sheet
                    .write_string(row, col as u16, cell)
                    .map_err(xlsx_error)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}

/// What each column takes, for the template: the header row, then one line per column.
fn guide(locale: Locale) -> Vec<[String; 2]> {
    let t = &locale.texts().resources;
    let en = locale == Locale::En;
    let list = |items: Vec<&str>| items.join("、");
    COLUMNS
        .iter()
        .map(|c| {
            let name = if en { c.en } else { c.zh }.to_string();
            let takes = match c.key {
                "kind" => list(ResourceKind::ALL.iter().map(|k| t.kind(*k)).collect()),
                "capabilities" => list(Capability::ALL.iter().map(|k| t.capability(*k)).collect()),
                "availability" => list(
                    Availability::ALL
                        .iter()
                        .map(|k| t.availability(*k))
                        .collect(),
                ),
                "category" => format!(
                    "{} {}",
                    t.category_hint,
                    list(
                        SUPPLY_CLASSES
                            .iter()
                            .map(|(_, zh, e)| if en { *e } else { *zh })
                            .collect()
                    )
                ),
                "expires_on" => "2027-06-30".into(),
                "region_code" => "GB/T 2260".into(),
                "lon" | "lat" => "WGS-84 / CGCS2000".into(),
                _ => String::new(),
            };
            [name, takes]
        })
        .collect()
}

/// The import template: the header only (an example row left in would be imported), and in
/// XLSX a second sheet saying what every column takes.
pub fn template_csv(locale: Locale) -> Result<Vec<u8>, ResourceError> {
    write_csv(&[], locale)
}

pub fn template_xlsx(locale: Locale) -> Result<Vec<u8>, ResourceError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    for (col, name) in header(locale).iter().enumerate() {
        sheet
            .write_with_format(0, col as u16, *name, &bold)
            .map_err(xlsx_error)?;
        sheet.set_column_width(col as u16, 14).map_err(xlsx_error)?;
    }
    let notes = book.add_worksheet();
    notes
        .set_name(if locale == Locale::En {
            "Guide"
        } else {
            "填写说明"
        })
        .map_err(xlsx_error)?;
    notes.set_column_width(1, 100).map_err(xlsx_error)?;
    for (i, [name, takes]) in guide(locale).iter().enumerate() {
        notes
            .write_with_format(i as u32, 0, name, &bold)
            .map_err(xlsx_error)?;
        notes.write_string(i as u32, 1, takes).map_err(xlsx_error)?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::service::{read_csv, read_xlsx};

    fn sample() -> Vec<Resource> {
        let form = crate::resources::ResourceForm {
            kind: "stockpile".into(),
            name: "帐篷".into(),
            category: "lodging".into(),
            capabilities: vec!["sheltering".into()],
            quantity: "300".into(),
            unit: "顶".into(),
            lon: "112.48".into(),
            lat: "37.9".into(),
            region_code: "140100".into(),
            expires_on: "2028-06-30".into(),
            ..Default::default()
        };
        let new = form
            .validate(&Locale::ZhCn.texts().resources)
            .expect("valid");
        vec![new.stored(uuid::Uuid::nil())]
    }

    #[test]
    fn exports_read_back_in_both_formats() {
        let t = &Locale::ZhCn.texts().resources;
        for locale in Locale::ALL {
            let csv = write_csv(&sample(), locale).expect("csv");
            let xlsx = write_xlsx(&sample(), locale).expect("xlsx");
            for rows in [
                read_csv(&csv).expect("csv back"),
                read_xlsx(&xlsx).expect("xlsx back"),
            ] {
                assert_eq!(rows.len(), 1, "{locale:?}");
                let back = rows[0].1.validate(t).expect("valid");
                assert_eq!(back.category, "lodging");
                assert_eq!(back.quantity, 300.0);
                assert_eq!(back.expires_on.as_deref(), Some("2028-06-30"));
            }
        }
    }

    #[test]
    fn templates_hold_only_the_header() {
        assert!(
            read_csv(&template_csv(Locale::ZhCn).expect("csv"))
                .expect("rows")
                .is_empty()
        );
        assert!(
            read_xlsx(&template_xlsx(Locale::ZhCn).expect("xlsx"))
                .expect("rows")
                .is_empty()
        );
    }
}
