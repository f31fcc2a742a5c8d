//! The wall editor works tile by tile (pick a source for each tile); a saved layout is made of
//! windows, each the largest rectangle of tiles showing one source, so a source dragged over
//! four tiles is one window spanning them, as a wall processor shows it.

use super::wall::{Wall, Window};

/// Windows covering the tiles that show a source (`tiles` row-major; `None` shows nothing):
/// each window grows right, then down, as far as the same source goes over free tiles.
pub fn windows_from_tiles(wall: &Wall, tiles: &[Option<String>]) -> Vec<Window> {
    let cols = usize::from(wall.cols);
    let at = |r: u8, c: u8| usize::from(r) * cols + usize::from(c);
    let mut taken = vec![false; wall.tiles()];
    let mut windows = Vec::new();
    for row in 0..wall.rows {
        for col in 0..wall.cols {
            let i = at(row, col);
            let Some(source) = tiles.get(i).cloned().flatten() else {
                continue;
            };
            if taken[i] {
                continue;
            }
            let same = |r: u8, c: u8, taken: &[bool]| {
                !taken[at(r, c)] && tiles.get(at(r, c)).and_then(Option::as_ref) == Some(&source)
            };
            let mut width = 1;
            while col + width < wall.cols && same(row, col + width, &taken) {
                width += 1;
            }
            let mut height = 1;
            while row + height < wall.rows
                && (col..col + width).all(|c| same(row + height, c, &taken))
            {
                height += 1;
            }
            for r in row..row + height {
                for c in col..col + width {
                    taken[at(r, c)] = true;
                }
            }
            windows.push(Window {
                source,
                row,
                col,
                rows: height,
                cols: width,
            });
        }
    }
    windows
}

/// The source shown on each tile, row-major: the inverse of [`windows_from_tiles`].
pub fn tiles_from_windows(wall: &Wall, windows: &[Window]) -> Vec<Option<String>> {
    let mut tiles = vec![None; wall.tiles()];
    for w in windows {
        for (r, c) in w.tiles() {
            if r < wall.rows && c < wall.cols {
                tiles[usize::from(r) * usize::from(wall.cols) + usize::from(c)] =
                    Some(w.source.clone());
            }
        }
    }
    tiles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiles(text: &[&str]) -> Vec<Option<String>> {
        text.iter()
            .map(|t| (!t.is_empty()).then(|| t.to_string()))
            .collect()
    }

    #[test]
    fn same_source_rectangles_become_one_spanning_window() {
        let wall = Wall::numbered(3, 4);
        let grid = tiles(&[
            "map", "map", "map", "v1", //
            "map", "map", "map", "v2", //
            "", "cam", "cam", "v2",
        ]);
        let windows = windows_from_tiles(&wall, &grid);
        let summary: Vec<(&str, u8, u8, u8, u8)> = windows
            .iter()
            .map(|w| (w.source.as_str(), w.row, w.col, w.rows, w.cols))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("map", 0, 0, 2, 3),
                ("v1", 0, 3, 1, 1),
                ("v2", 1, 3, 2, 1),
                ("cam", 2, 1, 1, 2),
            ]
        );
        assert_eq!(tiles_from_windows(&wall, &windows), grid);
        assert!(
            crate::hall::check_layout(
                &wall,
                &windows,
                &["map", "v1", "v2", "cam"].map(String::from)
            )
            .is_ok()
        );
    }
}
