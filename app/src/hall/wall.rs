//! The video wall: a grid of tiles, each fed by one output of the matrix switcher, and windows
//! that put a source on a rectangle of tiles. A layout is checked before it is saved or shown:
//! every window inside the grid, no two windows on one tile.

use serde::{Deserialize, Serialize};

/// The largest wall the editor draws (8 × 8 = 64 tiles).
pub const MAX_SIDE: u8 = 8;

/// The wall's grid and the matrix outputs that feed its tiles, row by row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wall {
    pub rows: u8,
    pub cols: u8,
    /// The matrix output of each tile, row-major (`rows × cols` entries).
    pub outputs: Vec<u16>,
}

impl Wall {
    /// A wall whose tiles are fed by outputs 1, 2, 3 … row by row.
    pub fn numbered(rows: u8, cols: u8) -> Wall {
        Wall {
            rows,
            cols,
            outputs: (1..=u16::from(rows) * u16::from(cols)).collect(),
        }
    }

    pub fn tiles(&self) -> usize {
        usize::from(self.rows) * usize::from(self.cols)
    }

    /// The output feeding the tile at (row, col), counted from 0.
    pub fn output(&self, row: u8, col: u8) -> Option<u16> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        self.outputs
            .get(usize::from(row) * usize::from(self.cols) + usize::from(col))
            .copied()
    }
}

/// A source shown on a rectangle of tiles; `row`/`col` is its top-left tile, counted from 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// A source id of the hall.
    pub source: String,
    pub row: u8,
    pub col: u8,
    pub rows: u8,
    pub cols: u8,
}

impl Window {
    pub fn new(source: &str, (row, col): (u8, u8), (rows, cols): (u8, u8)) -> Window {
        Window {
            source: source.into(),
            row,
            col,
            rows,
            cols,
        }
    }

    /// The tiles the window covers, as (row, col).
    pub fn tiles(&self) -> impl Iterator<Item = (u8, u8)> + '_ {
        (self.row..self.row.saturating_add(self.rows))
            .flat_map(move |r| (self.col..self.col.saturating_add(self.cols)).map(move |c| (r, c)))
    }
}

/// What is wrong with a layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutProblem {
    /// Window `index` (0-based) reaches outside the wall or has no size.
    OutsideWall(usize),
    /// Windows `first` and `second` share a tile.
    Overlap(usize, usize),
    UnknownSource(String),
}

/// Checks windows against the wall and the known sources.
pub fn check_layout(
    wall: &Wall,
    windows: &[Window],
    sources: &[String],
) -> Result<(), Vec<LayoutProblem>> {
    let mut problems = Vec::new();
    let mut owner: Vec<Option<usize>> = vec![None; wall.tiles()];
    for (i, w) in windows.iter().enumerate() {
        if !sources.contains(&w.source) {
            problems.push(LayoutProblem::UnknownSource(w.source.clone()));
        }
        let fits = w.rows > 0
            && w.cols > 0
            && u16::from(w.row) + u16::from(w.rows) <= u16::from(wall.rows)
            && u16::from(w.col) + u16::from(w.cols) <= u16::from(wall.cols);
        if !fits {
            problems.push(LayoutProblem::OutsideWall(i));
            continue;
        }
        for (r, c) in w.tiles() {
            let slot = &mut owner[usize::from(r) * usize::from(wall.cols) + usize::from(c)];
            match slot {
                Some(first) => {
                    let overlap = LayoutProblem::Overlap(*first, i);
                    if !problems.contains(&overlap) {
                        problems.push(overlap);
                    }
                }
                None => *slot = Some(i),
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(source: &str, row: u8, col: u8, rows: u8, cols: u8) -> Window {
        Window::new(source, (row, col), (rows, cols))
    }

    fn sources() -> Vec<String> {
        vec!["map".into(), "video-1".into()]
    }

    #[test]
    fn a_window_spanning_tiles_covers_each_once() {
        let wall = Wall::numbered(4, 4);
        let big = window("map", 0, 0, 3, 3);
        assert_eq!(big.tiles().count(), 9);
        assert_eq!(wall.output(1, 2), Some(7));
        assert_eq!(wall.output(4, 0), None);
        assert_eq!(
            check_layout(&wall, &[big, window("video-1", 0, 3, 1, 1)], &sources()),
            Ok(())
        );
    }

    #[test]
    fn windows_outside_the_wall_overlapping_or_of_unknown_sources_are_named() {
        let wall = Wall::numbered(2, 2);
        let problems = check_layout(
            &wall,
            &[
                window("map", 0, 0, 2, 1),
                window("video-1", 1, 0, 1, 2),
                window("cctv", 0, 1, 1, 2),
                window("map", 0, 0, 0, 1),
            ],
            &sources(),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![
                LayoutProblem::Overlap(0, 1),
                LayoutProblem::UnknownSource("cctv".into()),
                LayoutProblem::OutsideWall(2),
                LayoutProblem::OutsideWall(3),
            ]
        );
    }
}
