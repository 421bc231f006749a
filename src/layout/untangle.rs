//! The political layer's last step: a local search that removes crossings.
//!
//! Everyone sits on a cell of their region's grid. A move takes a person to
//! another cell of their grid (trading places with whoever sits there, or
//! into a free cell), and is judged by what the lines of the two people cost
//! before and after. Lines are taken as straight between box centres, as
//! they are drawn unless a box is in the way.
//!
//! - Maps of up to [`ANNEAL_LINES`] lines are first annealed: random moves
//!   up to [`REACH`] cells away, a worse seating kept now and then (less
//!   and less often), costed by crossings, boxes run through (each will
//!   bend a line, and bends cross) and a little by length.
//! - Then every map gets the greedy search: each person in turn tries the
//!   eight cells round their own, and a move is kept when their lines cross
//!   fewer lines than before.
//!
//! A line is only tested against the lines (and boxes) in the same squares
//! of a coarse index over the map ([`Lines`]), so a test costs a few dozen
//! segment checks instead of one per line. The cost of a move's outcome is
//! counted only until the move is sure to be refused (more crossings than
//! the search would keep), which most moves are. Both searches stop after a fixed
//! amount of work (segment checks and squares visited): small and middling
//! maps are searched through, large ones as far as the budget goes.
//! Deterministic: the order, the generator's seed and the budgets are
//! fixed counts, not time.

use std::collections::HashMap;

use super::geometry::{segments_cross, Point};
use super::maths;
use super::{NODE_HEIGHT, NODE_WIDTH};

/// Work at most of the greedy search: segment checks plus index squares
/// visited (about 15–25 ms of the 2,000-person benchmark).
const BUDGET: u64 = 1_500_000;
/// Maps with at most this many lines are annealed before the greedy search
/// (larger ones would need more time than the 100 ms goal leaves; at 2,000
/// lines 1.5 M units of annealing took 9,437 crossings only to 9,270).
const ANNEAL_LINES: usize = 1_000;
/// Annealing work per line, and at most (about 45 ms; on the 200-person
/// maps twice as much took the mean crossings only from 49.8 to 46.6).
const ANNEAL_PER_LINE: u64 = 30_000;
const ANNEAL_BUDGET: u64 = 3_000_000;
/// Above this many lines the annealing's budget shrinks in proportion
/// (half at twice as many), so that the layout of a map of 300–1,000 people
/// stays within the time the 2,000-person goal allows: with the full budget
/// it took 105–145 ms for 1–7 % fewer crossings.
const ANNEAL_FULL_LINES: u64 = 200;
/// Farthest an annealing move goes, in cells each way.
const REACH: i64 = 3;
/// Starting and final temperature of the annealing, in crossings. It falls
/// with the square of the work left, and ends cold enough that a line made
/// a few pitches longer for nothing is no longer kept.
const HEAT: f64 = 1.5;
const COLD: f64 = 0.001;
/// Cost of a line through a box, in crossings: the line will be bent round
/// the box, and bends cross other lines.
const BOX: f64 = 1.0;
/// Cost of a pitch of line length in the annealing, in crossings.
const PER_LENGTH: f64 = 0.02;
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
    /// People by the squares their boxes overlap.
    people: Vec<Vec<u32>>,
    person_seen: Vec<u64>,
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
            people: vec![Vec::new(); cols * rows],
            person_seen: vec![0; px.len()],
        };
        for v in 0..px.len() {
            index.put(v, px[v], py[v], true);
        }
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

    /// Enters (or removes) person `v` with box top-left (x, y) in the people index.
    fn put(&mut self, v: usize, x: f64, y: f64, add: bool) {
        let (c0, r0, c1, r1) = self.squares_under(x, y);
        for r in r0..=r1 {
            for c in c0..=c1 {
                let list = &mut self.people[r * self.cols + c];
                if add {
                    list.push(v as u32);
                } else if let Some(i) = list.iter().position(|&u| u as usize == v) {
                    list.swap_remove(i);
                }
            }
        }
    }

    /// Boxes the lines `some` run through (other than their own ends),
    /// counted until there are more than `most`.
    fn hits(&mut self, some: &[usize], px: &[f64], py: &[f64], most: usize) -> (usize, u64) {
        let mut count = 0;
        let mut work = 0;
        for &k in some {
            self.query += 1;
            let (a, b) = self.lines[k];
            let (pa, pb) = self.seg[k];
            for &q in &self.entered[k] {
                for &u in &self.people[q as usize] {
                    let u = u as usize;
                    work += 1;
                    if self.person_seen[u] == self.query || u == a || u == b {
                        continue;
                    }
                    self.person_seen[u] = self.query;
                    if super::geometry::Rect::new(px[u], py[u], NODE_WIDTH, NODE_HEIGHT).crossed_by(pa, pb) {
                        count += 1;
                        if count > most {
                            return (count, work);
                        }
                    }
                }
            }
        }
        (count, work)
    }

    /// The squares under a box with top-left (x, y): first and last column
    /// and row.
    fn squares_under(&self, x: f64, y: f64) -> (usize, usize, usize, usize) {
        let to = |x: f64, y: f64| {
            let c = (((x - self.origin.x) / self.side.0).floor().max(0.0) as usize).min(self.cols - 1);
            let r = (((y - self.origin.y) / self.side.1).floor().max(0.0) as usize).min(self.rows - 1);
            (c, r)
        };
        let ((c0, r0), (c1, r1)) = (to(x, y), to(x + NODE_WIDTH, y + NODE_HEIGHT));
        (c0, r0, c1, r1)
    }

    /// Lines (not ending at `v`) that run through `v`'s box.
    fn through(&mut self, v: usize, px: &[f64], py: &[f64]) -> (usize, u64) {
        self.query += 1;
        let rect = super::geometry::Rect::new(px[v], py[v], NODE_WIDTH, NODE_HEIGHT);
        let (c0, r0, c1, r1) = self.squares_under(px[v], py[v]);
        let (mut count, mut work) = (0, 0);
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &j in &self.squares[r * self.cols + c] {
                    let j = j as usize;
                    work += 1;
                    if self.seen[j] == self.query {
                        continue;
                    }
                    self.seen[j] = self.query;
                    let (a, b) = self.lines[j];
                    if a == v || b == v {
                        continue;
                    }
                    let (pa, pb) = self.seg[j];
                    if rect.crossed_by(pa, pb) {
                        count += 1;
                    }
                }
            }
        }
        (count, work)
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
    /// (a pair of two of `some` counts twice), counted until there are more
    /// than `most`; and the work done.
    fn crossings(&mut self, some: &[usize], most: usize) -> (usize, u64) {
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
                        if count > most {
                            return (count, work);
                        }
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

/// A trial move: person `v` from cell `from` to cell `to` of region `g`,
/// trading places with `other` if someone sits there.
struct Move {
    v: usize,
    other: Option<usize>,
    g: usize,
    from: (usize, usize),
    to: (usize, usize),
    /// Top-lefts of the two cells.
    here: (f64, f64),
    there: (f64, f64),
}

/// The search's state besides the positions: who sits where, each person's
/// lines, the index, and the work spent.
struct Search<'a> {
    lines: &'a [(usize, usize)],
    grids: &'a [Grid],
    pitch: (f64, f64),
    incident: Vec<Vec<usize>>,
    seat: HashMap<(usize, usize, usize), usize>,
    index: Lines<'a>,
    spent: u64,
    /// Lines of the move on trial.
    moved: Vec<usize>,
}

impl<'a> Search<'a> {
    fn cell_of(&self, v: usize, g: usize, px: &[f64], py: &[f64]) -> (usize, usize) {
        let grid = &self.grids[g];
        (((px[v] - grid.x) / self.pitch.0).round() as usize, ((py[v] - grid.y) / self.pitch.1).round() as usize)
    }

    /// The move of `v` to cell (`col`, `row`) of its region, if that cell is
    /// in the grid and not its own.
    fn propose(&mut self, v: usize, g: usize, col: i64, row: i64, px: &[f64], py: &[f64]) -> Option<Move> {
        let grid = &self.grids[g];
        if col < 0 || row < 0 || col >= grid.cols as i64 || row >= grid.rows as i64 {
            return None;
        }
        let from = self.cell_of(v, g, px, py);
        let to = (col as usize, row as usize);
        if to == from {
            return None;
        }
        let other = self.seat.get(&(g, to.0, to.1)).copied();
        self.moved.clear();
        self.moved.extend(&self.incident[v]);
        if let Some(u) = other {
            self.moved.extend(&self.incident[u]);
        }
        self.moved.sort_unstable();
        self.moved.dedup();
        let there = (grid.x + to.0 as f64 * self.pitch.0, grid.y + to.1 as f64 * self.pitch.1);
        Some(Move { v, other, g, from, to, here: (px[v], py[v]), there })
    }

    /// What the moved lines cost where everyone now sits: their crossings;
    /// when `whole`, also [`BOX`] for each box one of them runs through and
    /// each line running through one of the two people's boxes, and
    /// [`PER_LENGTH`] for each pitch of their length. `None` as soon as the
    /// cost is known to be over `limit` (the rest is not counted).
    fn cost(&mut self, m: &Move, whole: bool, px: &[f64], py: &[f64], limit: f64) -> Option<f64> {
        let length: f64 = if whole {
            let pitch = self.pitch;
            let lines = self.lines;
            self.moved
                .iter()
                .map(|&k| {
                    let (a, b) = lines[k];
                    (((px[a] - px[b]) / pitch.0).powi(2) + ((py[a] - py[b]) / pitch.1).powi(2)).sqrt()
                })
                .sum::<f64>()
                * PER_LENGTH
        } else {
            0.0
        };
        // How many more of something costing `each` keep the cost within the limit.
        let room = |used: f64, each: f64| -> Option<usize> { (used <= limit).then(|| ((limit - used) / each).floor() as usize) };
        let (crossings, work) = self.index.crossings(&self.moved, room(length, 1.0)?);
        self.spent += work;
        let mut sum = length + crossings as f64;
        if !whole || sum > limit {
            return (sum <= limit).then_some(sum);
        }
        let (hits, work) = self.index.hits(&self.moved, px, py, room(sum, BOX)?);
        self.spent += work;
        sum += BOX * hits as f64;
        for w in std::iter::once(m.v).chain(m.other) {
            if sum > limit {
                return None;
            }
            let (through, work) = self.index.through(w, px, py);
            sum += BOX * through as f64;
            self.spent += work;
        }
        (sum <= limit).then_some(sum)
    }

    /// Puts the two people of `m` at its end (`done`) or back at its start,
    /// re-entering their lines and boxes in the index.
    fn put(&mut self, m: &Move, done: bool, px: &mut [f64], py: &mut [f64]) {
        for i in 0..self.moved.len() {
            self.spent += self.index.leave(self.moved[i]);
        }
        let (v_at, other_at) = if done { (m.there, m.here) } else { (m.here, m.there) };
        for (w, at) in std::iter::once((m.v, v_at)).chain(m.other.map(|u| (u, other_at))) {
            self.index.put(w, px[w], py[w], false);
            px[w] = at.0;
            py[w] = at.1;
            self.index.put(w, at.0, at.1, true);
        }
        for i in 0..self.moved.len() {
            self.spent += self.index.enter(self.moved[i], px, py);
        }
    }

    /// Records a kept move in the seating.
    fn keep(&mut self, m: &Move) {
        self.seat.remove(&(m.g, m.from.0, m.from.1));
        if let Some(u) = m.other {
            self.seat.insert((m.g, m.from.0, m.from.1), u);
        }
        self.seat.insert((m.g, m.to.0, m.to.1), m.v);
    }

    /// Tries `m`: keeps it if its cost after (as [`Self::cost`] with
    /// `whole`) is at most `limit(cost before)`, else puts everyone back.
    fn attempt(&mut self, m: &Move, whole: bool, px: &mut [f64], py: &mut [f64], limit: impl FnOnce(f64) -> f64) -> bool {
        let before = self.cost(m, whole, px, py, f64::INFINITY).expect("no limit");
        self.put(m, true, px, py);
        if self.cost(m, whole, px, py, limit(before)).is_some() {
            self.keep(m);
            true
        } else {
            self.put(m, false, px, py);
            false
        }
    }
}

/// Moves people (`px`, `py`: top-left of their boxes, on their region's grid
/// `grids[region_of[v]]`) to reduce crossings between `lines` and lines
/// running through boxes: on maps of at most [`ANNEAL_LINES`] lines first
/// a simulated annealing (moves to any cell up to [`REACH`] cells away, a
/// worse seating kept now and then, less and less often), then on every map
/// the greedy search (moves to the eight cells around, kept only if better).
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
    let mut search = Search {
        lines,
        grids,
        pitch,
        incident,
        seat: HashMap::with_capacity(n),
        index: Lines::new(lines, px, py, grids, pitch),
        spent: 0,
        moved: Vec::new(),
    };
    for (v, &g) in region_of.iter().enumerate() {
        let (c, r) = search.cell_of(v, g, px, py);
        search.seat.insert((g, c, r), v);
    }
    if lines.len() <= ANNEAL_LINES {
        let lines = lines.len() as u64;
        let budget = (ANNEAL_PER_LINE * lines).min(ANNEAL_BUDGET * ANNEAL_FULL_LINES / lines.max(ANNEAL_FULL_LINES));
        anneal(&mut search, px, py, region_of, budget);
    }
    search.spent = 0;
    for _ in 0..ROUNDS {
        let mut improved = false;
        for (v, &g) in region_of.iter().enumerate() {
            if search.incident[v].is_empty() {
                continue;
            }
            let (c, r) = search.cell_of(v, g, px, py);
            for (dc, dr) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1), (-1, -1), (1, -1), (-1, 1), (1, 1)] {
                if search.spent > BUDGET {
                    return;
                }
                let Some(m) = search.propose(v, g, c as i64 + dc, r as i64 + dr, px, py) else { continue };
                if search.attempt(&m, false, px, py, |before| before - 0.5) {
                    improved = true;
                    break;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Simulated annealing of the seating within `budget` work: a random person
/// tries a random cell within [`REACH`]; a move that costs `d` more is kept
/// with probability e^(−d/t), the temperature `t` falling from [`HEAT`] to
/// [`COLD`]. Line length counts a little ([`PER_LENGTH`]), so
/// moves that change nothing else drift towards short lines instead of
/// wandering. Deterministic: a seeded generator and a budget of work.
fn anneal(search: &mut Search<'_>, px: &mut [f64], py: &mut [f64], region_of: &[usize], budget: u64) {
    let movable: Vec<usize> = (0..px.len()).filter(|&v| !search.incident[v].is_empty()).collect();
    if movable.is_empty() {
        return;
    }
    let mut rng = crate::demo::synthetic::Rng::new(0x5EED);
    let side = 2 * REACH as usize + 1;
    while search.spent < budget {
        let t = HEAT * (1.0 - search.spent as f64 / budget as f64).powi(2) + COLD;
        let v = movable[rng.below(movable.len())];
        let g = region_of[v];
        let (c, r) = search.cell_of(v, g, px, py);
        let (dc, dr) = (rng.below(side) as i64 - REACH, rng.below(side) as i64 - REACH);
        search.spent += 1;
        let Some(m) = search.propose(v, g, c as i64 + dc, r as i64 + dr, px, py) else { continue };
        // Kept with probability e^(−d/t): when d ≤ −t·ln(luck).
        let luck = rng.below(1 << 20) as f64 / f64::from(1u32 << 20);
        search.attempt(&m, true, px, py, |before| before - t * maths::ln(luck));
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
        assert_eq!(index.crossings(&all, usize::MAX).0, plain);
        // Asked for at most 5, it stops at the sixth, with less work.
        let (capped, work) = index.crossings(&all, 5);
        assert_eq!(capped, 6);
        assert!(work < index.crossings(&all, usize::MAX).1);
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
        assert_eq!(index.crossings(&all, usize::MAX).0, crossings(&all, &lines, &px, &py));
        assert_eq!(index.crossings(&moved, usize::MAX).0, crossings(&moved, &lines, &px, &py));
    }

    #[test]
    fn the_index_finds_every_box_a_line_runs_through() {
        // Two grids, 40 people, 70 lines: boxes crossed, counted by line
        // (`hits`) and by box (`through`), against testing every box. The
        // second grid is off the index's squares, so its boxes straddle them.
        let pitch = (212.0, 88.0);
        let grids = [Grid { x: 0.0, y: 0.0, cols: 5, rows: 5 }, Grid { x: 1166.0, y: 44.0, cols: 5, rows: 4 }];
        let n = 40;
        let slot = |v: usize| if v < 25 { (v % 5, v / 5, 0) } else { ((v - 25) % 5, (v - 25) / 5, 1) };
        let mut px: Vec<f64> = (0..n).map(|v| grids[slot(v).2].x + slot(v).0 as f64 * pitch.0).collect();
        let mut py: Vec<f64> = (0..n).map(|v| grids[slot(v).2].y + slot(v).1 as f64 * pitch.1).collect();
        let lines: Vec<(usize, usize)> = (0..70).map(|k| ((k * 11) % n, (k * 17 + 3) % n)).filter(|&(a, b)| a != b).collect();
        let rect = |v: usize, px: &[f64], py: &[f64]| super::super::geometry::Rect::new(px[v], py[v], NODE_WIDTH, NODE_HEIGHT);
        let plain = |px: &[f64], py: &[f64]| -> (usize, Vec<usize>) {
            let mut per_box = vec![0; n];
            let mut total = 0;
            for &(a, b) in &lines {
                for (v, count) in per_box.iter_mut().enumerate() {
                    if v != a && v != b && rect(v, px, py).crossed_by(centre(a, px, py), centre(b, px, py)) {
                        *count += 1;
                        total += 1;
                    }
                }
            }
            (total, per_box)
        };
        let all: Vec<usize> = (0..lines.len()).collect();
        let mut index = Lines::new(&lines, &px, &py, &grids, pitch);
        let (total, per_box) = plain(&px, &py);
        assert!(total > 30, "the test needs boxes crossed, has {total}");
        assert_eq!(index.hits(&all, &px, &py, usize::MAX).0, total);
        assert_eq!(index.hits(&all, &px, &py, 3).0, 4);
        for (v, &expected) in per_box.iter().enumerate() {
            assert_eq!(index.through(v, &px, &py).0, expected, "box {v}");
        }
        // Person 9 moves to the free cell (4, 3) of the second grid; the index follows.
        let moved: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].0 == 9 || lines[k].1 == 9).collect();
        for &k in &moved {
            index.leave(k);
        }
        index.put(9, px[9], py[9], false);
        px[9] = grids[1].x + 4.0 * pitch.0;
        py[9] = grids[1].y + 3.0 * pitch.1;
        index.put(9, px[9], py[9], true);
        for &k in &moved {
            index.enter(k, &px, &py);
        }
        let (total, per_box) = plain(&px, &py);
        assert_eq!(index.hits(&all, &px, &py, usize::MAX).0, total);
        for (v, &expected) in per_box.iter().enumerate() {
            assert_eq!(index.through(v, &px, &py).0, expected, "box {v} after the move");
        }
    }
}
