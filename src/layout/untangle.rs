//! The political layer's last step: a local search that removes crossings.
//!
//! Everyone sits on a cell of their region's grid. Each person in turn tries
//! the eight cells round their own (trading places with whoever sits there,
//! or moving if the cell is free but inside the grid); a move is kept when
//! the influence lines of the two people cross fewer lines than before.
//! Lines are taken as straight between box centres, as they are drawn unless
//! a box is in the way. A line is only tested against the lines that pass
//! through the same squares of a coarse index over the map ([`Lines`]), so
//! a test costs a few dozen segment checks instead of one per line. The
//! search stops after a fixed amount of work (segment checks and squares
//! visited): small and middling maps are searched through, large ones as
//! far as the budget goes. Deterministic: the order and the budget are
//! counts, not time.

use std::collections::HashMap;

use super::geometry::{segments_cross, Point};
use super::{NODE_HEIGHT, NODE_WIDTH};

/// Work at most: segment checks plus index squares visited (about 15–25 ms
/// of the 2,000-person benchmark).
const BUDGET: u64 = 1_500_000;
/// Rounds over everyone at most.
const ROUNDS: usize = 12;
/// Side of an index square, in grid pitches.
const SQUARE: f64 = 2.0;

/// One region's grid: top-left of cell (0, 0), the pitch, the size in cells.
pub(crate) struct Grid {
    pub x: f64,
    pub y: f64,
    pub cols: usize,
    pub rows: usize,
}

/// The lines as straight segments between box centres, indexed by the
/// squares of a coarse grid they pass through.
struct Lines<'a> {
    lines: &'a [(usize, usize)],
    origin: Point,
    side: (f64, f64),
    cols: usize,
    rows: usize,
    squares: Vec<Vec<u32>>,
    /// The squares each line is entered in.
    entered: Vec<Vec<u32>>,
    /// Each line's ends, as last entered.
    seg: Vec<(Point, Point)>,
    /// Last query that saw each line (no line tested twice per query).
    seen: Vec<u64>,
    query: u64,
}

impl<'a> Lines<'a> {
    fn new(lines: &'a [(usize, usize)], px: &[f64], py: &[f64], grids: &[Grid], pitch: (f64, f64)) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for g in grids {
            x0 = x0.min(g.x);
            y0 = y0.min(g.y);
            x1 = x1.max(g.x + g.cols as f64 * pitch.0);
            y1 = y1.max(g.y + g.rows as f64 * pitch.1);
        }
        let side = (SQUARE * pitch.0, SQUARE * pitch.1);
        let cols = (((x1 - x0) / side.0).ceil() as usize).max(1) + 1;
        let rows = (((y1 - y0) / side.1).ceil() as usize).max(1) + 1;
        let mut index = Lines {
            lines,
            origin: Point { x: x0, y: y0 },
            side,
            cols,
            rows,
            squares: vec![Vec::new(); cols * rows],
            entered: vec![Vec::new(); lines.len()],
            seg: vec![(Point { x: 0.0, y: 0.0 }, Point { x: 0.0, y: 0.0 }); lines.len()],
            seen: vec![0; lines.len()],
            query: 0,
        };
        for k in 0..lines.len() {
            index.enter(k, px, py);
        }
        index
    }

    fn ends(&self, k: usize, px: &[f64], py: &[f64]) -> (Point, Point) {
        let (a, b) = self.lines[k];
        (centre(a, px, py), centre(b, px, py))
    }

    /// The squares the segment a–b passes through (a walk along it, square
    /// by square), appended to `out`; returns the work done.
    fn squares_of(&self, a: Point, b: Point, out: &mut Vec<u32>) -> u64 {
        let to_grid = |p: Point| ((p.x - self.origin.x) / self.side.0, (p.y - self.origin.y) / self.side.1);
        let (ax, ay) = to_grid(a);
        let (bx, by) = to_grid(b);
        let clamp = |v: f64, hi: usize| (v.floor().max(0.0) as usize).min(hi - 1);
        let (mut cx, mut cy) = (clamp(ax, self.cols), clamp(ay, self.rows));
        let (ex, ey) = (clamp(bx, self.cols), clamp(by, self.rows));
        let (dx, dy) = (bx - ax, by - ay);
        let step_x: i64 = if dx > 0.0 { 1 } else { -1 };
        let step_y: i64 = if dy > 0.0 { 1 } else { -1 };
        let next_edge = |c: usize, step: i64| if step > 0 { (c + 1) as f64 } else { c as f64 };
        let mut t_x = if dx.abs() < 1e-12 { f64::INFINITY } else { (next_edge(cx, step_x) - ax) / dx };
        let mut t_y = if dy.abs() < 1e-12 { f64::INFINITY } else { (next_edge(cy, step_y) - ay) / dy };
        let dt_x = if dx.abs() < 1e-12 { f64::INFINITY } else { 1.0 / dx.abs() };
        let dt_y = if dy.abs() < 1e-12 { f64::INFINITY } else { 1.0 / dy.abs() };
        let mut work = 1;
        out.push((cy * self.cols + cx) as u32);
        while (cx, cy) != (ex, ey) && work < (self.cols + self.rows) as u64 + 2 {
            // Through a corner both neighbours are entered, so a crossing
            // there is never missed.
            if (t_x - t_y).abs() < 1e-12 {
                let (nx, ny) = (cx as i64 + step_x, cy as i64 + step_y);
                if nx >= 0 && (nx as usize) < self.cols {
                    out.push((cy * self.cols + nx as usize) as u32);
                }
                if ny >= 0 && (ny as usize) < self.rows {
                    out.push((ny as usize * self.cols + cx) as u32);
                }
            }
            if t_x <= t_y {
                let nx = cx as i64 + step_x;
                if nx < 0 || nx as usize >= self.cols {
                    break;
                }
                cx = nx as usize;
                t_x += dt_x;
            } else {
                let ny = cy as i64 + step_y;
                if ny < 0 || ny as usize >= self.rows {
                    break;
                }
                cy = ny as usize;
                t_y += dt_y;
            }
            out.push((cy * self.cols + cx) as u32);
            work += 1;
        }
        work
    }

    fn enter(&mut self, k: usize, px: &[f64], py: &[f64]) -> u64 {
        let (a, b) = self.ends(k, px, py);
        self.seg[k] = (a, b);
        let mut squares = std::mem::take(&mut self.entered[k]);
        squares.clear();
        let work = self.squares_of(a, b, &mut squares);
        squares.sort_unstable();
        squares.dedup();
        for &q in &squares {
            self.squares[q as usize].push(k as u32);
        }
        self.entered[k] = squares;
        work
    }

    fn leave(&mut self, k: usize) -> u64 {
        let squares = std::mem::take(&mut self.entered[k]);
        let mut work = 0;
        for &q in &squares {
            let list = &mut self.squares[q as usize];
            if let Some(i) = list.iter().position(|&j| j as usize == k) {
                list.swap_remove(i);
            }
            work += 1;
        }
        self.entered[k] = squares;
        work
    }

    /// Crossings of the lines `some` with every line without a shared end
    /// (a pair of two of `some` counts twice), and the work done.
    fn crossings(&mut self, some: &[usize]) -> (usize, u64) {
        let mut count = 0;
        let mut work = 0;
        for &k in some {
            self.query += 1;
            let (a, b) = self.lines[k];
            let (pa, pb) = self.seg[k];
            let (lo_x, hi_x) = (pa.x.min(pb.x), pa.x.max(pb.x));
            let (lo_y, hi_y) = (pa.y.min(pb.y), pa.y.max(pb.y));
            for &q in &self.entered[k] {
                for &j in &self.squares[q as usize] {
                    let j = j as usize;
                    work += 1;
                    if self.seen[j] == self.query {
                        continue;
                    }
                    self.seen[j] = self.query;
                    let (pc, pd) = self.seg[j];
                    if pc.x.max(pd.x) < lo_x || pc.x.min(pd.x) > hi_x || pc.y.max(pd.y) < lo_y || pc.y.min(pd.y) > hi_y {
                        continue;
                    }
                    let (c, d) = self.lines[j];
                    if j == k || c == a || c == b || d == a || d == b {
                        continue;
                    }
                    if segments_cross(pa, pb, pc, pd) {
                        count += 1;
                    }
                }
            }
        }
        (count, work)
    }
}

fn centre(v: usize, px: &[f64], py: &[f64]) -> Point {
    Point { x: px[v] + NODE_WIDTH / 2.0, y: py[v] + NODE_HEIGHT / 2.0 }
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
    if lines.len() < 2 || grids.is_empty() {
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
    let mut index = Lines::new(lines, px, py, grids, pitch);
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
                if spent > BUDGET {
                    return;
                }
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
                let (before, work) = index.crossings(&moved_lines);
                spent += work;
                let (vx, vy) = (px[v], py[v]);
                let (tx, ty) = (grid.x + nc as f64 * pitch.0, grid.y + nr as f64 * pitch.1);
                let place = |px: &mut [f64], py: &mut [f64], index: &mut Lines<'_>, there: bool| {
                    let mut work = 0;
                    for &k in &moved_lines {
                        work += index.leave(k);
                    }
                    let ((x, y), (ux, uy)) = if there { ((tx, ty), (vx, vy)) } else { ((vx, vy), (tx, ty)) };
                    px[v] = x;
                    py[v] = y;
                    if let Some(u) = other {
                        px[u] = ux;
                        py[u] = uy;
                    }
                    for &k in &moved_lines {
                        work += index.enter(k, px, py);
                    }
                    work
                };
                spent += place(px, py, &mut index, true);
                let (after, work) = index.crossings(&moved_lines);
                spent += work;
                if after < before {
                    seat.remove(&(g, c, r));
                    if let Some(u) = other {
                        seat.insert((g, c, r), u);
                    }
                    seat.insert((g, nc, nr), v);
                    improved = true;
                    break;
                }
                spent += place(px, py, &mut index, false);
            }
        }
        if !improved {
            break;
        }
    }
}

/// Crossings of the lines `some` with every line without a shared end, by
/// testing every line (what [`Lines::crossings`] must agree with).
#[cfg(test)]
fn crossings(some: &[usize], lines: &[(usize, usize)], px: &[f64], py: &[f64]) -> usize {
    let mut count = 0;
    for &k in some {
        let (a, b) = lines[k];
        let (pa, pb) = (centre(a, px, py), centre(b, px, py));
        for (j, &(c, d)) in lines.iter().enumerate() {
            if j == k || c == a || c == b || d == a || d == b {
                continue;
            }
            if segments_cross(pa, pb, centre(c, px, py), centre(d, px, py)) {
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

    #[test]
    fn the_index_counts_what_testing_every_line_counts() {
        // 60 people on two grids side by side, 90 lines, some long; the
        // index must find every crossing the plain count finds, after moves too.
        let pitch = (212.0, 88.0);
        let grids = [Grid { x: 0.0, y: 0.0, cols: 6, rows: 5 }, Grid { x: 1500.0, y: 300.0, cols: 5, rows: 6 }];
        let n = 60;
        let mut px = vec![0.0; n];
        let mut py = vec![0.0; n];
        let mut region_of = vec![0; n];
        for v in 0..n {
            let g = usize::from(v >= 30);
            let k = v % 30;
            let grid = &grids[g];
            px[v] = grid.x + (k % grid.cols) as f64 * pitch.0;
            py[v] = grid.y + (k / grid.cols) as f64 * pitch.1;
            region_of[v] = g;
        }
        let lines: Vec<(usize, usize)> = (0..90).map(|k| ((k * 7) % n, (k * 13 + 5) % n)).filter(|&(a, b)| a != b).collect();
        let mut index = Lines::new(&lines, &px, &py, &grids, pitch);
        let all: Vec<usize> = (0..lines.len()).collect();
        let plain = crossings(&all, &lines, &px, &py);
        assert!(plain > 20, "the test needs crossings, has {plain}");
        assert_eq!(index.crossings(&all).0, plain);
        // Move a person across the map (as a trade would) and re-enter their lines.
        let moved: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].0 == 3 || lines[k].1 == 3).collect();
        for &k in &moved {
            index.leave(k);
        }
        px[3] = grids[1].x + 2.0 * pitch.0;
        py[3] = grids[1].y + 5.0 * pitch.1;
        for &k in &moved {
            index.enter(k, &px, &py);
        }
        assert_eq!(index.crossings(&all).0, crossings(&all, &lines, &px, &py));
        assert_eq!(index.crossings(&moved).0, crossings(&moved, &lines, &px, &py));
    }
}
