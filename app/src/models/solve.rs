//! The numerical pieces every model shares: finding where a falling curve crosses a level.

/// Bisection on `[lo, hi]` for `f(x) = 0` where `f(lo)` and `f(hi)` differ in sign; geometric
/// midpoints because model distances span metres to tens of kilometres.
pub fn bisect_log(mut lo: f64, mut hi: f64, f: impl Fn(f64) -> f64) -> f64 {
    let low_sign = f(lo) >= 0.0;
    for _ in 0..60 {
        let mid = (lo * hi).sqrt();
        if (f(mid) >= 0.0) == low_sign {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi / lo < 1.000_001 {
            break;
        }
    }
    (lo * hi).sqrt()
}

/// Points spaced evenly in log between `from` and `to` (both > 0), inclusive.
pub fn log_grid(from: f64, to: f64, n: usize) -> impl Iterator<Item = f64> {
    let step = (to / from).ln() / (n - 1) as f64;
    (0..n).map(move |i| from * (step * i as f64).exp())
}

/// The farthest distance in `[from, to]` at which `value(x) >= level`, for a curve that may
/// rise before it falls (an elevated source): scans a log grid for the last point above the
/// level, then bisects the crossing after it. `Err(to)` when the level is still exceeded at
/// `to`; `Ok(None)` when it is never reached.
pub fn farthest_above(
    from: f64,
    to: f64,
    level: f64,
    value: impl Fn(f64) -> f64,
) -> Result<Option<f64>, f64> {
    const STEPS: usize = 240;
    let grid: Vec<f64> = log_grid(from, to, STEPS).collect();
    let Some(last) = grid.iter().rposition(|x| value(*x) >= level) else {
        return Ok(None);
    };
    if last == STEPS - 1 {
        return Err(to);
    }
    let crossing = bisect_log(grid[last], grid[last + 1], |x| value(x) - level);
    Ok(Some(crossing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_far_crossing_of_a_rising_then_falling_curve() {
        // x·e^(−x/100) peaks at 100 and falls back to 10 near 525.
        let curve = |x: f64| x * (-x / 100.0).exp();
        let far = farthest_above(1.0, 10_000.0, 10.0, curve).unwrap().unwrap();
        assert!((curve(far) - 10.0).abs() < 1e-3 && far > 100.0, "{far}");
        assert_eq!(farthest_above(1.0, 10_000.0, 1_000.0, curve), Ok(None));
        assert_eq!(farthest_above(1.0, 10.0, 0.1, curve), Err(10.0));
    }
}
