//! The political layer's last step: a local search that removes crossings.
//!
//! Everyone sits on a cell of their region's grid. Each person in turn tries
//! the eight cells round their own (trading places with whoever sits there,
//! or moving if the cell is free but inside the grid); a move is kept when
//! the influence lines of the two people cross fewer lines than before.
//! Lines are taken as straight between box centres, as they are drawn unless
//! a box is in the way. Crossings grow with the square of the lines, so the
//! search stops after a fixed number of segment tests: small and middling
//! maps are searched through, large ones in part. Deterministic: the order
//! and the budget are counts, not time.

use std::collections::HashMap;

use super::geometry::{segments_cross, Point};
use super::{NODE_HEIGHT, NODE_WIDTH};

/// Segment tests at most (about 5 ms of the 2,000-person benchmark).
const BUDGET: u64 = 3_000_000;
/// Rounds over everyone at most.
const ROUNDS: usize = 4;

/// One region's grid: top-left of cell (0, 0), the pitch, the size in cells.
pub(crate) struct Grid {
    pub x: f64,
    pub y: f64,
    pub cols: usize,
    pub rows: usize,
}

/// Moves people (`px`, `py`: top-left of their boxes, on their region's grid
/// `grids[region_of[v]]`) to reduce crossings between `lines`.
pub(crate) fn untangle(
    px: &mut [f64],
    py: &mut [f64],
    region_of: &[usize],
    grids: &[Grid],
    pitch: (f64, f64),
    lines: &[(usize, usize)],
) {
    let n = px.len();
    if lines.len() < 2 {
        return;
    }
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, &(a, b)) in lines.iter().enumerate() {
        incident[a].push(k);
        incident[b].push(k);
    }
    let cell_of = |v: usize, px: &[f64], py: &[f64]| {
        let g = &grids[region_of[v]];
        (((px[v] - g.x) / pitch.0).round() as usize, ((py[v] - g.y) / pitch.1).round() as usize)
    };
    let mut seat: HashMap<(usize, usize, usize), usize> = HashMap::with_capacity(n);
    for (v, &g) in region_of.iter().enumerate() {
        let (c, r) = cell_of(v, px, py);
        seat.insert((g, c, r), v);
    }
    let mut spent: u64 = 0;
    let mut moved_lines: Vec<usize> = Vec::new();
    for _ in 0..ROUNDS {
        let mut improved = false;
        for v in 0..n {
            if incident[v].is_empty() {
                continue;
            }
            let g = region_of[v];
            let grid = &grids[g];
            let (c, r) = cell_of(v, px, py);
            for (dc, dr) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1), (-1, -1), (1, -1), (-1, 1), (1, 1)] {
                let (nc, nr) = (c as i64 + dc, r as i64 + dr);
                if nc < 0 || nr < 0 || nc >= grid.cols as i64 || nr >= grid.rows as i64 {
                    continue;
                }
                let (nc, nr) = (nc as usize, nr as usize);
                let other = seat.get(&(g, nc, nr)).copied();
                moved_lines.clear();
                moved_lines.extend(&incident[v]);
                if let Some(u) = other {
                    moved_lines.extend(&incident[u]);
                }
                moved_lines.sort_unstable();
                moved_lines.dedup();
                let cost = moved_lines.len() as u64 * lines.len() as u64;
                if spent + 2 * cost > BUDGET {
                    return;
                }
                spent += 2 * cost;
                let before = crossings(&moved_lines, lines, px, py);
                let (vx, vy) = (px[v], py[v]);
                let (tx, ty) = (grid.x + nc as f64 * pitch.0, grid.y + nr as f64 * pitch.1);
                px[v] = tx;
                py[v] = ty;
                if let Some(u) = other {
                    px[u] = vx;
                    py[u] = vy;
                }
                if crossings(&moved_lines, lines, px, py) < before {
                    seat.remove(&(g, c, r));
                    if let Some(u) = other {
                        seat.insert((g, c, r), u);
                    }
                    seat.insert((g, nc, nr), v);
                    improved = true;
                    break;
                }
                px[v] = vx;
                py[v] = vy;
                if let Some(u) = other {
                    px[u] = tx;
                    py[u] = ty;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Crossings of the lines `some` with every line without a shared end.
fn crossings(some: &[usize], lines: &[(usize, usize)], px: &[f64], py: &[f64]) -> usize {
    let centre = |v: usize| Point { x: px[v] + NODE_WIDTH / 2.0, y: py[v] + NODE_HEIGHT / 2.0 };
    let mut count = 0;
    for &k in some {
        let (a, b) = lines[k];
        let (pa, pb) = (centre(a), centre(b));
        let (lo_x, hi_x) = (pa.x.min(pb.x), pa.x.max(pb.x));
        let (lo_y, hi_y) = (pa.y.min(pb.y), pa.y.max(pb.y));
        for (j, &(c, d)) in lines.iter().enumerate() {
            if j == k || c == a || c == b || d == a || d == b {
                continue;
            }
            let (pc, pd) = (centre(c), centre(d));
            if pc.x.max(pd.x) < lo_x || pc.x.min(pd.x) > hi_x || pc.y.max(pd.y) < lo_y || pc.y.min(pd.y) > hi_y {
                continue;
            }
            if segments_cross(pa, pb, pc, pd) {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_crossing_diagonals_are_uncrossed() {
        // One region, a 2 × 2 grid: a b / c d with lines a–d and b–c (an X).
        let pitch = (200.0, 100.0);
        let grids = [Grid { x: 0.0, y: 0.0, cols: 2, rows: 2 }];
        let mut px = vec![0.0, 200.0, 0.0, 200.0];
        let mut py = vec![0.0, 0.0, 100.0, 100.0];
        let lines = [(0, 3), (1, 2)];
        assert_eq!(crossings(&[0], &lines, &px, &py), 1);
        untangle(&mut px, &mut py, &[0, 0, 0, 0], &grids, pitch, &lines);
        assert_eq!(crossings(&[0, 1], &lines, &px, &py), 0);
        // Still one person a cell, all inside the grid.
        let mut cells: Vec<(i64, i64)> = (0..4).map(|v| ((px[v] / 200.0) as i64, (py[v] / 100.0) as i64)).collect();
        cells.sort_unstable();
        assert_eq!(cells, vec![(0, 0), (0, 1), (1, 0), (1, 1)]);
    }
}
