//! Registry files in: CSV (UTF-8, or GB18030 as Excel and WPS save it in China) or XLSX, read
//! row by row into forms, each checked with the form's own rules; then all rows written in one
//! transaction, so a refused file changes nothing.

use std::io::Cursor;

use sea_orm::{DatabaseConnection, TransactionTrait};
use serde_json::json;

use super::write::{Keeper, insert_rows};
use super::{RECORD_KIND, ResourceError, indexed};
use crate::error::AppError;
use crate::i18n::ResourceTexts;
use crate::identity::region_covers;
use crate::incidents::service::Recorder;
use crate::resources::columns::{column_of, normalize, set_cell};
use crate::resources::index::ResourceIndex;
use crate::resources::*;

/// Rows as forms with their line numbers (the header is line 1); empty rows are skipped.
pub type Rows = Vec<(usize, ResourceForm)>;

/// Reads either format: an XLSX file is a zip, which starts `PK`.
pub fn read_file(bytes: &[u8]) -> Result<Rows, ResourceError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

/// Rows of a CSV file. Columns the header does not name are ignored; a missing required
/// column shows up as that field's error on every row.
pub fn read_csv(bytes: &[u8]) -> Result<Rows, ResourceError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => encoding_rs::GB18030.decode(bytes).0,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<Option<usize>> = reader
        .headers()
        .map_err(|e| ResourceError::Unreadable(e.to_string()))?
        .iter()
        .map(column_of)
        .collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ResourceError::Unreadable(e.to_string()))?;
        push_row(&mut rows, i + 2, &headers, record.iter())?;
    }
    Ok(rows)
}

/// Rows of the first sheet of an XLSX file.
pub fn read_xlsx(bytes: &[u8]) -> Result<Rows, ResourceError> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: &dyn std::fmt::Display| ResourceError::Unreadable(e.to_string());
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| ResourceError::Unreadable("no sheet".into()))?
        .map_err(|e| unreadable(&e))?;
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::Float(f) => format_quantity(*f),
        // Days since 1899-12-30 (Julian day 2 415 019), as spreadsheets count dates.
        Data::DateTime(dt) => time::Date::from_julian_day(2_415_019 + dt.as_f64().floor() as i32)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(text) => text.chars().take(10).collect(),
        other => other.to_string(),
    };
    let mut lines = range.rows();
    let headers: Vec<Option<usize>> = match lines.next() {
        Some(header) => header.iter().map(|d| column_of(&cell(d))).collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        let cells: Vec<String> = line.iter().map(cell).collect();
        push_row(&mut rows, i + 2, &headers, cells.iter().map(String::as_str))?;
    }
    Ok(rows)
}

fn push_row<'a>(
    rows: &mut Rows,
    line: usize,
    headers: &[Option<usize>],
    cells: impl Iterator<Item = &'a str>,
) -> Result<(), ResourceError> {
    let mut form = ResourceForm::default();
    let mut empty = true;
    for (cell, column) in cells.zip(headers) {
        empty &= cell.trim().is_empty();
        if let Some(column) = column {
            set_cell(&mut form, *column, cell);
        }
    }
    if empty {
        return Ok(());
    }
    if rows.len() == MAX_IMPORT_ROWS {
        return Err(ResourceError::TooManyRows);
    }
    normalize(&mut form);
    rows.push((line, form));
    Ok(())
}

/// Every row checked: the valid entries, and every error by line. `progress` hears how many
/// rows are done.
pub fn check_rows(
    rows: Rows,
    t: &ResourceTexts,
    scope: &str,
    mut progress: impl FnMut(usize),
) -> (Vec<NewResource>, Vec<RowError>, usize) {
    let (mut valid, mut errors, mut rejected) = (Vec::with_capacity(rows.len()), Vec::new(), 0);
    for (i, (line, form)) in rows.into_iter().enumerate() {
        let mut row_errors = Vec::new();
        match form.validate(t) {
            Ok(new) if region_covers(scope, &new.region_code) => valid.push(new),
            Ok(_) => row_errors.push((
                t.region_code.to_string(),
                t.outside_jurisdiction.to_string(),
            )),
            Err(AppError::Validation(fields)) => {
                row_errors.extend(fields.into_iter().map(|f| (f.field, f.message)));
            }
            Err(other) => row_errors.push((String::new(), other.to_string())),
        }
        if !row_errors.is_empty() {
            rejected += 1;
            for (field, message) in row_errors {
                if errors.len() < ERRORS_LISTED {
                    errors.push(RowError {
                        line,
                        field,
                        message,
                    });
                }
            }
        }
        if (i + 1) % PROGRESS_EVERY == 0 {
            progress(i + 1);
        }
    }
    (valid, errors, rejected)
}

/// Writes checked entries in one transaction, in slices whose progress `progress` hears; one
/// audit record names the import (its file hash and count).
#[allow(clippy::too_many_arguments)]
pub async fn import(
    db: &DatabaseConnection,
    index: &ResourceIndex,
    by: &Recorder,
    keeper: Keeper<'_>,
    entries: Vec<NewResource>,
    file_sha256: &str,
    now: i64,
    mut progress: impl FnMut(usize),
) -> Result<usize, ResourceError> {
    let total = entries.len();
    let txn = db.begin().await?;
    let mut stored = Vec::with_capacity(total);
    let mut entries = entries.into_iter().peekable();
    while entries.peek().is_some() {
        let slice: Vec<NewResource> = entries.by_ref().take(PROGRESS_EVERY).collect();
        stored.extend(insert_rows(&txn, keeper, slice, now, false).await?);
        progress(stored.len());
    }
    let target = format!(
        "{RECORD_KIND}:{}",
        stored.first().map_or(uuid::Uuid::nil(), |m| m.id)
    );
    let after = json!({ "imported": total, "sha256": file_sha256 });
    by.audit(&txn, "resource.import", target, None, after)
        .await?;
    txn.commit().await?;
    for model in &stored {
        if let Some((at, data)) = indexed(model) {
            index.put(at, data);
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "类别,名称,能力,数量,经度,纬度,行政区划代码,备注\n\
        救援队伍,甲队,矿山救护、医疗救护,30,112.5,37.8,140100,忽略\n\
        ,,,,,,,\n\
        tank,乙队,,-3,1112.5,37.8,140100,\n";

    #[test]
    fn csv_rows_keep_their_lines_and_labels_become_keys() {
        let rows = read_csv(CSV.as_bytes()).expect("readable");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.kind, "team");
        assert_eq!(rows[0].1.capabilities, ["mine_rescue", "medical"]);
        assert_eq!(
            rows[1].0, 4,
            "the empty line 3 is skipped, numbering is not"
        );
    }

    #[test]
    fn gb18030_files_from_office_suites_are_read() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(CSV);
        let rows = read_csv(&bytes).expect("readable");
        assert_eq!(rows[0].1.name, "甲队");
    }

    #[test]
    fn every_bad_cell_is_reported_by_line() {
        let t = &crate::i18n::Locale::ZhCn.texts().resources;
        let rows = read_csv(CSV.as_bytes()).expect("readable");
        let (valid, errors, rejected) = check_rows(rows, t, "140000", |_| {});
        assert_eq!((valid.len(), rejected), (1, 1));
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [t.kind, t.quantity, t.lon]);
        assert!(errors.iter().all(|e| e.line == 4));
        // Outside the importer's jurisdiction, a good row is refused too.
        let rows = read_csv(CSV.as_bytes()).expect("readable");
        let (valid, errors, _) = check_rows(rows, t, "130000", |_| {});
        assert!(valid.is_empty());
        assert_eq!(errors[0].field, t.region_code);
    }
}
