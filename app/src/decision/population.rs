//! 演示人口网格: a demo population grid, so the page can count who lies inside a zone before a
//! real grid (e.g. census 1 km cells) is loaded. Every figure from it is labelled demo.
//!
//! People per km² = a rural 120 plus, for each demo town, a bell of its centre density falling
//! off over its radius. The towns are the demo data's Shanxi cities; elsewhere the grid is rural.

use serde::{Deserialize, Serialize};

use crate::models::geo::Position;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub centre: Position,
    pub people: f64,
}

/// (lon, lat, people/km² at the centre, radius km): demo values, not census figures.
const TOWNS: [(f64, f64, f64, f64); 6] = [
    (112.549, 37.870, 9000.0, 8.0),
    (113.300, 40.076, 6000.0, 6.0),
    (113.113, 36.196, 5000.0, 5.0),
    (113.580, 37.857, 4500.0, 4.0),
    (112.752, 37.687, 4000.0, 5.0),
    (111.519, 36.088, 4500.0, 5.0),
];
const RURAL_PER_KM2: f64 = 120.0;
/// Cell side, km.
pub const CELL_KM: f64 = 0.5;

fn density(at: Position) -> f64 {
    TOWNS
        .iter()
        .fold(RURAL_PER_KM2, |sum, (lon, lat, peak, radius)| {
            let (e, n) = Position {
                lon: *lon,
                lat: *lat,
            }
            .metres_to(at);
            let d2 = (e * e + n * n) / 1e6;
            sum + peak * (-d2 / (2.0 * radius * radius)).exp()
        })
}

/// Demo cells covering a square of `half_km` around `centre`.
pub fn demo_population(centre: Position, half_km: f64) -> Vec<Cell> {
    let steps = (half_km / CELL_KM).ceil() as i32;
    let mut cells = Vec::with_capacity(((2 * steps + 1) * (2 * steps + 1)) as usize);
    for i in -steps..=steps {
        for j in -steps..=steps {
            let at = centre.offset(i as f64 * CELL_KM * 1000.0, j as f64 * CELL_KM * 1000.0);
            cells.push(Cell {
                centre: at,
                people: density(at) * CELL_KM * CELL_KM,
            });
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_centre_is_denser_than_the_countryside() {
        let city = demo_population(
            Position {
                lon: 112.549,
                lat: 37.870,
            },
            0.5,
        );
        let country = demo_population(
            Position {
                lon: 111.0,
                lat: 39.0,
            },
            0.5,
        );
        assert_eq!(city.len(), 9);
        assert!(
            city[4].people > 2000.0 && (country[4].people - 30.0).abs() < 1.0,
            "{} {}",
            city[4].people,
            country[4].people
        );
    }
}
