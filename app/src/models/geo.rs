//! From a model's own frame (metres downwind and crosswind of the source) to WGS-84
//! longitude/latitude, for drawing zones on the map and testing what lies inside them.
//!
//! A local tangent plane on a sphere: within the tens of kilometres a zone spans, the error
//! against the ellipsoid is below a tenth of a percent, far under the models' own uncertainty.

use serde::{Deserialize, Serialize};

use super::input::Problems;

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// WGS-84 degrees.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Position {
    pub lon: f64,
    pub lat: f64,
}

impl Position {
    pub fn check(&self, field: &str, problems: &mut Problems) {
        problems.range(&format!("{field}.lon"), self.lon, -180.0, 180.0);
        problems.range(&format!("{field}.lat"), self.lat, -85.0, 85.0);
    }

    /// The point `east` and `north` metres away.
    pub fn offset(self, east: f64, north: f64) -> Position {
        let lat = self.lat + (north / EARTH_RADIUS_M).to_degrees();
        let lon = self.lon + (east / (EARTH_RADIUS_M * self.lat.to_radians().cos())).to_degrees();
        Position { lon, lat }
    }

    /// East and north metres from `self` to `other` (inverse of [`offset`](Self::offset)).
    pub fn metres_to(self, other: Position) -> (f64, f64) {
        let north = (other.lat - self.lat).to_radians() * EARTH_RADIUS_M;
        let east =
            (other.lon - self.lon).to_radians() * EARTH_RADIUS_M * self.lat.to_radians().cos();
        (east, north)
    }
}

/// A plume's frame: x downwind of `source`, y to the left of the wind's travel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlumeFrame {
    pub source: Position,
    /// Where the wind comes from, degrees clockwise from north (meteorological convention).
    pub wind_from: f64,
}

impl PlumeFrame {
    fn downwind(&self) -> (f64, f64) {
        let bearing = (self.wind_from + 180.0).to_radians();
        (bearing.sin(), bearing.cos())
    }

    pub fn to_position(&self, x: f64, y: f64) -> Position {
        let (de, dn) = self.downwind();
        // Left of travel is the downwind vector turned a quarter anticlockwise.
        let (le, ln) = (-dn, de);
        self.source.offset(x * de + y * le, x * dn + y * ln)
    }

    /// Downwind and crosswind metres of a position.
    pub fn to_frame(&self, at: Position) -> (f64, f64) {
        let (east, north) = self.source.metres_to(at);
        let (de, dn) = self.downwind();
        (east * de + north * dn, -east * dn + north * de)
    }
}

/// A closed ring of `[lon, lat]` pairs (GeoJSON order), first point not repeated.
pub type Ring = Vec<[f64; 2]>;

/// A circle of `radius` metres around `centre`, as a ring of 72 points.
pub fn circle(centre: Position, radius: f64) -> Ring {
    (0..72)
        .map(|i| {
            let angle = (i as f64 * 5.0).to_radians();
            let p = centre.offset(radius * angle.sin(), radius * angle.cos());
            [p.lon, p.lat]
        })
        .collect()
}

/// Whether `[lon, lat]` lies inside `ring` (even–odd rule; rings here are a few km across, so
/// treating degrees as plane coordinates is exact enough).
pub fn ring_contains(ring: &[[f64; 2]], point: [f64; 2]) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[j]);
        if (a[1] > point[1]) != (b[1] > point[1])
            && point[0] < (b[0] - a[0]) * (point[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAIYUAN: Position = Position {
        lon: 112.55,
        lat: 37.87,
    };

    #[test]
    fn a_north_wind_carries_the_plume_south() {
        let frame = PlumeFrame {
            source: TAIYUAN,
            wind_from: 0.0,
        };
        let p = frame.to_position(1000.0, 0.0);
        assert!(p.lat < TAIYUAN.lat && (p.lon - TAIYUAN.lon).abs() < 1e-12);
        assert!(((TAIYUAN.lat - p.lat) * 111_195.0 - 1000.0).abs() < 1.0);
        // Travelling south, the left hand points east.
        assert!(frame.to_position(0.0, 100.0).lon > TAIYUAN.lon);
    }

    #[test]
    fn frame_round_trip() {
        let frame = PlumeFrame {
            source: TAIYUAN,
            wind_from: 237.0,
        };
        let (x, y) = frame.to_frame(frame.to_position(2500.0, -300.0));
        assert!(
            (x - 2500.0).abs() < 0.5 && (y + 300.0).abs() < 0.5,
            "{x} {y}"
        );
    }

    #[test]
    fn circle_contains_its_centre_but_not_beyond_its_radius() {
        let ring = circle(TAIYUAN, 500.0);
        assert!(ring_contains(&ring, [TAIYUAN.lon, TAIYUAN.lat]));
        let outside = TAIYUAN.offset(520.0, 0.0);
        assert!(!ring_contains(&ring, [outside.lon, outside.lat]));
        let inside = TAIYUAN.offset(0.0, -480.0);
        assert!(ring_contains(&ring, [inside.lon, inside.lat]));
    }
}
