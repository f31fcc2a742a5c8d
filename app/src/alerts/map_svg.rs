//! ssr: the portal's map without a map library: one equirectangular projection of mainland
//! China and its seas (standard parallel 36° N), the province outlines drawn once into a cached
//! SVG image, and each alert's area as SVG shapes over it.

use serde_json::Value;

use super::model::AlertContent;
use crate::models::geo::{Position, circle};

/// The drawing's size in SVG units.
pub const SIZE: (u32, u32) = (620, 450);
/// Where the province outlines are served.
pub const BASEMAP_PATH: &str = "/public/basemap.svg";

const WEST: f64 = 73.0;
const EAST: f64 = 136.0;
const NORTH: f64 = 54.0;
/// cos 36°: east–west degrees shrink by this much at the map's middle latitude.
const PARALLEL: f64 = 0.809_016_994;

fn scale() -> f64 {
    f64::from(SIZE.0) / ((EAST - WEST) * PARALLEL)
}

/// WGS-84 longitude, latitude → SVG x, y.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let s = scale();
    ((lon - WEST) * PARALLEL * s, (NORTH - lat) * s)
}

#[derive(Debug)]
pub enum Shape {
    /// `points` attribute of an SVG polygon.
    Area(String),
    /// A point: a place named only by its region code.
    Dot(f64, f64),
}

fn points(ring: impl Iterator<Item = (f64, f64)>) -> String {
    ring.map(|(lon, lat)| {
        let (x, y) = project(lon, lat);
        format!("{x:.1},{y:.1}")
    })
    .collect::<Vec<_>>()
    .join(" ")
}

/// Areas smaller than this (SVG units) also get a dot, or a city-sized warning would be
/// invisible on a map of the country.
const SMALL: f64 = 6.0;

/// The shapes that show an alert's area: its polygon and circle (with a dot where they are
/// too small to see), or the points of its regions.
pub fn shapes(content: &AlertContent) -> Vec<Shape> {
    let area = &content.area;
    let mut rings: Vec<Vec<(f64, f64)>> = Vec::new();
    if !area.polygon.is_empty() {
        rings.push(area.polygon.iter().map(|p| (p[1], p[0])).collect());
    }
    if let Some(c) = &area.circle {
        let centre = Position {
            lon: c.lon,
            lat: c.lat,
        };
        let ring = circle(centre, c.radius_km * 1000.0);
        rings.push(ring.into_iter().map(|p| (p[0], p[1])).collect());
    }
    let mut out = Vec::new();
    for ring in rings {
        let projected: Vec<(f64, f64)> = ring.iter().map(|&(lon, lat)| project(lon, lat)).collect();
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(x, y) in &projected {
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
        }
        out.push(Shape::Area(points(ring.into_iter())));
        if x1 - x0 < SMALL && y1 - y0 < SMALL {
            out.push(Shape::Dot((x0 + x1) / 2.0, (y0 + y1) / 2.0));
        }
    }
    if out.is_empty() {
        for code in &area.geocodes {
            // Prefectures have no point in the table: their province's stands in.
            let point = crate::reference::region(code).and_then(|r| {
                r.point.or_else(|| {
                    r.parent
                        .and_then(crate::reference::region)
                        .and_then(|p| p.point)
                })
            });
            if let Some((lon, lat)) = point {
                let (x, y) = project(lon, lat);
                out.push(Shape::Dot(x, y));
            }
        }
    }
    out
}

/// The province outlines of a GeoJSON feature collection as an SVG document, at 0.1 unit
/// precision (points that round together are dropped).
pub fn basemap(geojson: &str) -> Option<String> {
    let doc: Value = serde_json::from_str(geojson).ok()?;
    let mut d = String::new();
    for feature in doc.get("features")?.as_array()? {
        let geometry = &feature["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"].as_array()?.iter().collect(),
            _ => continue,
        };
        for polygon in polygons {
            for ring in polygon.as_array()? {
                path_of(ring, &mut d);
            }
        }
    }
    let (w, h) = SIZE;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#dbe9f4\"/><path fill=\"#f7f7f2\" stroke=\"#8a94a0\" stroke-width=\"0.6\" d=\"{d}\"/></svg>"
    ))
}

fn path_of(ring: &Value, d: &mut String) {
    let Some(points) = ring.as_array() else {
        return;
    };
    let mut last = None;
    let mut first = true;
    for p in points {
        let (Some(lon), Some(lat)) = (p[0].as_f64(), p[1].as_f64()) else {
            continue;
        };
        let (x, y) = project(lon, lat);
        let key = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if last == Some(key) {
            continue;
        }
        last = Some(key);
        d.push(if first { 'M' } else { 'L' });
        first = false;
        d.push_str(&format!("{:.1} {:.1}", x, y));
    }
    if !first {
        d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_spans_the_drawing() {
        let (x0, y0) = project(WEST, NORTH);
        assert!(x0.abs() < 1e-9 && y0.abs() < 1e-9);
        let (x1, _) = project(EAST, 30.0);
        assert!((x1 - f64::from(SIZE.0)).abs() < 1e-6);
        // Hainan's south tip (18.2° N) is still on the drawing.
        assert!(project(109.5, 18.2).1 < f64::from(SIZE.1));
    }

    #[test]
    fn small_areas_and_bare_regions_still_show() {
        let t = crate::i18n::Locale::ZhCn.texts();
        let now = 1_796_383_800;
        let form = crate::alerts::model::AlertForm {
            polygon: String::new(),
            circle: "37.8,112.5 2".into(),
            ..crate::alerts::model::tests::form()
        };
        let drawn = shapes(&form.validate(now, t).unwrap());
        assert!(
            matches!(drawn.as_slice(), [Shape::Area(_), Shape::Dot(..)]),
            "{drawn:?}"
        );
        let bare = crate::alerts::model::AlertForm {
            polygon: String::new(),
            geocodes: "140200".into(),
            ..crate::alerts::model::tests::form()
        };
        assert!(matches!(
            shapes(&bare.validate(now, t).unwrap()).as_slice(),
            [Shape::Dot(..)]
        ));
    }

    #[test]
    fn outlines_become_one_path() {
        let geojson = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[110,30],[111,30],[111,31],[110,30]]]}}]}"#;
        let svg = basemap(geojson).unwrap();
        assert!(svg.contains("d=\"M"), "{svg}");
        assert_eq!(svg.matches('Z').count(), 1);
        assert!(basemap("not json").is_none());
    }
}
