//! Reference data under national standards, compiled in from `app/data/*.csv`.
//!
//! Pure and I/O-free, so the same lookups work on the server and in the browser.

mod codes;
mod regions;

pub use codes::{AccidentType, Industry, accident_types, industries};
pub use regions::{
    Bounds, NATIONAL_REGION_CODE, Region, RegionLevel, plausibly_in, province_at, province_bounds,
    region, regions,
};

/// Splits one of our reference CSV files into records of `N` fields (header skipped).
///
/// Our files are machine-generated or hand-kept without quoting, so a comma split is exact;
/// a malformed line is a bug in the shipped data and fails the unit tests.
fn records<const N: usize>(csv: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let fields: Vec<&'static str> = line.split(',').collect();
            fields.try_into().ok()
        })
}
