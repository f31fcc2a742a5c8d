//! Times as command centres read them: Beijing time (UTC+8, no daylight saving), whatever the
//! browser's or server's own zone.

use time::format_description::well_known::Rfc3339;
use time::macros::{format_description, offset};
use time::{OffsetDateTime, UtcOffset};

/// 北京时间.
pub const BEIJING: UtcOffset = offset!(+8);

/// Now, in Unix seconds (the browser's clock in the browser).
pub fn now_unix() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        OffsetDateTime::now_utc().unix_timestamp()
    }
}

/// `2026-12-04 19:30` in Beijing time, from Unix seconds; empty for an impossible instant.
pub fn format_minutes(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.to_offset(BEIJING)
                .format(format_description!("[year]-[month]-[day] [hour]:[minute]"))
                .ok()
        })
        .unwrap_or_default()
}

/// `2026-12-04 19:30:05` in Beijing time.
pub fn format_seconds(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.to_offset(BEIJING)
                .format(format_description!(
                    "[year]-[month]-[day] [hour]:[minute]:[second]"
                ))
                .ok()
        })
        .unwrap_or_default()
}

/// A span of seconds as `H:MM:SS` (hours keep counting past a day: deadlines are hours away).
pub fn format_duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

/// `19:30` in Beijing time: an estimate, where seconds would be false precision.
pub fn format_hm(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.to_offset(BEIJING)
                .format(format_description!("[hour]:[minute]"))
                .ok()
        })
        .unwrap_or_default()
}

/// `19:30:05` in Beijing time.
pub fn format_clock(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.to_offset(BEIJING)
                .format(format_description!("[hour]:[minute]:[second]"))
                .ok()
        })
        .unwrap_or_default()
}

/// The value of a `datetime-local` input for this instant, in Beijing time.
pub fn datetime_local(unix: i64) -> String {
    format_minutes(unix).replace(' ', "T")
}

/// Reads a time as Beijing `datetime-local` (minutes or seconds) or as RFC 3339.
pub fn parse_time(value: &str) -> Option<i64> {
    let value = value.trim();
    if let Ok(t) = OffsetDateTime::parse(value, &Rfc3339) {
        return Some(t.unix_timestamp());
    }
    let minutes = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    time::PrimitiveDateTime::parse(value, &minutes)
        .or_else(|_| time::PrimitiveDateTime::parse(value, &seconds))
        .ok()
        .map(|t| t.assume_offset(BEIJING).unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_hours_minutes_seconds() {
        assert_eq!(format_duration(0), "0:00:00");
        assert_eq!(format_duration(3 * 3600 + 62), "3:01:02");
        assert_eq!(format_duration(-59), "0:00:59");
        assert_eq!(format_duration(30 * 3600), "30:00:00");
        assert_eq!(format_clock(1_796_383_805), "19:30:05");
        assert_eq!(datetime_local(1_796_383_805), "2026-12-04T19:30");
    }

    #[test]
    fn times_read_in_beijing_time() {
        // 2026-12-04T11:30:05Z
        assert_eq!(format_seconds(1_796_383_805), "2026-12-04 19:30:05");
        assert_eq!(format_minutes(1_796_383_805), "2026-12-04 19:30");
        // Past midnight in Beijing while still the day before in UTC.
        assert_eq!(format_minutes(1_796_400_000), "2026-12-05 00:00");
        assert_eq!(format_minutes(i64::MAX), "");
    }
}
