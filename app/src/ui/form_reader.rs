//! Reads a form as typed (every field text), collecting every error at once, so each feature's
//! validation states only its own rules.

use crate::error::{AppError, FieldErrors};
use crate::i18n::FormTexts;

pub struct FormReader<'a> {
    t: &'a FormTexts,
    pub errors: FieldErrors,
}

impl<'a> FormReader<'a> {
    pub fn new(t: &'a FormTexts) -> FormReader<'a> {
        FormReader {
            t,
            errors: FieldErrors::default(),
        }
    }

    /// Trimmed text of at most `max` characters.
    pub fn text(&mut self, label: &str, value: &str, max: usize, required: bool) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.errors.add(label, self.t.required);
        } else if value.chars().count() > max {
            self.errors.add(label, format!("{} {max}", self.t.too_long));
        }
        value.to_string()
    }

    /// A whole number from 0 to `max`; empty reads as 0.
    pub fn number(&mut self, label: &str, value: &str, max: i64) -> u64 {
        let value = value.trim();
        if value.is_empty() {
            return 0;
        }
        match value.parse::<i64>() {
            Ok(n) if n < 0 => self.errors.add(label, self.t.negative),
            Ok(n) if n > max => self
                .errors
                .add(label, format!("{} {max}", self.t.too_large)),
            Ok(n) => return n as u64,
            Err(_) => self.errors.add(label, self.t.not_a_number),
        }
        0
    }

    /// A quantity from 0 to `max` that may have a fraction (2.5 吨); empty reads as 0.
    pub fn decimal(&mut self, label: &str, value: &str, max: f64) -> f64 {
        let value = value.trim();
        if value.is_empty() {
            return 0.0;
        }
        match value.parse::<f64>() {
            Ok(n) if !n.is_finite() => self.errors.add(label, self.t.not_a_decimal),
            Ok(n) if n < 0.0 => self.errors.add(label, self.t.negative),
            Ok(n) if n > max => self
                .errors
                .add(label, format!("{} {max}", self.t.too_large)),
            Ok(n) => return n,
            Err(_) => self.errors.add(label, self.t.not_a_decimal),
        }
        0.0
    }

    /// Degrees within `range`; outside it, `outside` is the error.
    pub fn coordinate(
        &mut self,
        label: &str,
        value: &str,
        range: std::ops::Range<f64>,
        outside: &str,
    ) -> f64 {
        match value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && range.contains(&v) => v,
            Ok(_) => {
                self.errors.add(label, outside);
                0.0
            }
            Err(_) => {
                self.errors.add(label, self.t.coordinate_required);
                0.0
            }
        }
    }

    /// A telephone number: digits, spaces and `+ - ( )` only (`rule` says so when not).
    pub fn phone(&mut self, label: &str, value: &str, rule: &str) -> String {
        let phone = self.text(label, value, 30, false);
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || "+- ()".contains(c))
        {
            self.errors.add(label, rule);
        }
        phone
    }

    /// A GB/T 2260 region code that exists, with the read coordinates inside (or within 1° of)
    /// its province: `unknown` names a bad code under `code_label`, `far` a point elsewhere
    /// under `lon_label`.
    pub fn place(
        &mut self,
        [code_label, lon_label]: [&str; 2],
        code: &str,
        (lon, lat): (f64, f64),
        [unknown, far]: [&str; 2],
    ) -> String {
        use crate::site::{NodeTier, check_region};
        let code = code.trim().to_string();
        if check_region(NodeTier::Enterprise, &code).is_err() {
            self.errors.add(code_label, unknown);
        } else if lon != 0.0 && lat != 0.0 && !crate::reference::plausibly_in(&code, (lon, lat)) {
            self.errors.add(lon_label, far);
        }
        code
    }

    /// One of a closed set, read by `parse`; anything else asks to choose.
    pub fn choice<T>(
        &mut self,
        label: &str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let found = parse(value.trim());
        if found.is_none() {
            self.errors.add(label, self.t.choose);
        }
        found
    }

    /// A calendar date `YYYY-MM-DD`, or nothing when empty.
    pub fn date(&mut self, label: &str, value: &str) -> Option<time::Date> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let format = time::macros::format_description!("[year]-[month]-[day]");
        match time::Date::parse(value, &format) {
            Ok(date) => Some(date),
            Err(_) => {
                self.errors.add(label, self.t.date_rule);
                None
            }
        }
    }

    /// An instant typed in Beijing time (`datetime-local`) or RFC 3339, as Unix seconds; `None`
    /// when empty (an error too when `required`).
    pub fn instant(&mut self, label: &str, value: &str, required: bool) -> Option<i64> {
        let value = value.trim();
        if value.is_empty() {
            if required {
                self.errors.add(label, self.t.required);
            }
            return None;
        }
        let at = crate::ui::time::parse_time(value);
        if at.is_none() {
            self.errors.add(label, self.t.time_rule);
        }
        at
    }

    pub fn finish(self) -> Result<(), AppError> {
        self.errors.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> FormReader<'static> {
        FormReader::new(&crate::i18n::Locale::ZhCn.texts().form)
    }

    #[test]
    fn figures_are_checked_not_decoded() {
        let mut r = reader();
        assert_eq!(r.number("n", "12", 100), 12);
        assert_eq!(r.number("n", "", 100), 0);
        assert!((r.decimal("q", "2.5", 10.0) - 2.5).abs() < f64::EPSILON);
        assert!(r.finish().is_ok());
        for bad in ["-1", "1e400", "abc", "101"] {
            let mut r = reader();
            r.decimal("q", bad, 100.0);
            r.number("n", bad, 100);
            assert!(r.finish().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn dates_and_choices() {
        let mut r = reader();
        assert!(r.date("d", "2027-06-30").is_some());
        assert!(r.date("d", "").is_none());
        assert!(r.finish().is_ok());
        let mut r = reader();
        r.date("d", "30/06/2027");
        r.choice("k", "x", |_| None::<u8>);
        assert!(r.finish().is_err());
    }
}
