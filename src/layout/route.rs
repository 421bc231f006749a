//! Routes for the edges that are not part of a layer's own structure —
//! dotted-line managers, influence lines, decision links overlaid on the org
//! chart: the straight line between two boxes, bent around every box it
//! would run through.
//!
//! A route starts as the straight line between the two boxes. While one of
//! its segments runs through a box, the segment is replaced by the shortest
//! way around that box by one or two of its corners, pushed out into the gap
//! by [`CLEARANCE`]; bends that turn out not to be needed are then pulled
//! straight again. Boxes are found through a uniform grid, so a route costs
//! about its length in grid cells per bend. A straight line through more
//! than [`MAX_HITS`] boxes (a long line across a dense map) stays straight,
//! and a route needing more than [`MAX_BENDS`] bends keeps those it has: the
//! budget keeps a 20,000-person map fast, and such lines are part of a
//! hairball no bending would make readable.

use super::geometry::{orient, Point, Rect, EPS};

/// How far a bend sits outside the corner of the box it goes round (less
/// than half the narrowest gap between boxes in any layer).
pub const CLEARANCE: f64 = 5.0;
/// Bends one route may take.
pub const MAX_BENDS: usize = 24;
/// A straight line through more boxes than this stays straight (a long line
/// across a dense map, where bending would not make it readable, only slow).
pub const MAX_HITS: usize = 8;

/// The boxes routes must go round, indexed by a uniform grid (cells about
/// a box wide; every box listed in each cell it overlaps).
pub struct Obstacles {
    rects: Vec<Rect>,
    cell: f64,
    /// Origin of the grid and its size in cells.
    x0: f64,
    y0: f64,
    cols: i64,
    rows: i64,
    /// Boxes of cell `k` are `items[start[k]..start[k + 1]]`.
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Obstacles {
    pub fn new(rects: Vec<Rect>) -> Self {
        let cell = rects.iter().map(|r| r.width.max(r.height)).fold(1.0, f64::max);
        let x0 = rects.iter().map(|r| r.x).fold(f64::INFINITY, f64::min);
        let y0 = rects.iter().map(|r| r.y).fold(f64::INFINITY, f64::min);
        let (x0, y0) = if x0.is_finite() { (x0, y0) } else { (0.0, 0.0) };
        let x1 = rects.iter().map(|r| r.right()).fold(x0, f64::max);
        let y1 = rects.iter().map(|r| r.bottom()).fold(y0, f64::max);
        let cols = ((x1 - x0) / cell).floor() as i64 + 1;
        let rows = ((y1 - y0) / cell).floor() as i64 + 1;
        let mut o = Obstacles { rects, cell, x0, y0, cols, rows, start: Vec::new(), items: Vec::new() };
        let cells = (cols * rows) as usize;
        let mut count = vec![0u32; cells + 1];
        let spans: Vec<(i64, i64, i64, i64)> = o
            .rects
            .iter()
            .map(|r| {
                let (c0, r0) = o.cell_of(r.x, r.y);
                let (c1, r1) = o.cell_of(r.right(), r.bottom());
                (c0, r0, c1.min(cols - 1), r1.min(rows - 1))
            })
            .collect();
        for &(c0, r0, c1, r1) in &spans {
            for rr in r0..=r1 {
                for c in c0..=c1 {
                    count[(rr * cols + c) as usize + 1] += 1;
                }
            }
        }
        for k in 0..cells {
            count[k + 1] += count[k];
        }
        let mut fill = count.clone();
        o.items = vec![0; count[cells] as usize];
        for (i, &(c0, r0, c1, r1)) in spans.iter().enumerate() {
            for rr in r0..=r1 {
                for c in c0..=c1 {
                    let k = (rr * cols + c) as usize;
                    o.items[fill[k] as usize] = i as u32;
                    fill[k] += 1;
                }
            }
        }
        o.start = count;
        o
    }

    pub fn rect(&self, i: usize) -> Rect {
        self.rects[i]
    }

    fn cell_of(&self, x: f64, y: f64) -> (i64, i64) {
        (((x - self.x0) / self.cell).floor() as i64, ((y - self.y0) / self.cell).floor() as i64)
    }

    fn boxes_in(&self, c: i64, r: i64) -> &[u32] {
        if c < 0 || r < 0 || c >= self.cols || r >= self.rows {
            return &[];
        }
        let k = (r * self.cols + c) as usize;
        &self.items[self.start[k] as usize..self.start[k + 1] as usize]
    }

    /// How many boxes (other than `skip`) segment `p`–`q` runs through,
    /// counting no further than `limit + 1`.
    fn count_hits(&self, p: Point, q: Point, skip: [usize; 2], limit: usize) -> usize {
        let mut seen: Vec<u32> = Vec::new();
        self.walk(p, q, |_, cell| {
            for &i in cell {
                if !skip.contains(&(i as usize)) && !seen.contains(&i) && entry(&self.rects[i as usize], p, q).is_some() {
                    seen.push(i);
                }
            }
            seen.len() <= limit
        });
        seen.len()
    }

    /// The box (other than `skip`) segment `p`–`q` enters first, if any.
    fn first_hit(&self, p: Point, q: Point, skip: [usize; 2]) -> Option<usize> {
        let mut first: Option<(f64, usize)> = None;
        self.walk(p, q, |cell_entry, cell| {
            // A box entered beyond this cell's start cannot beat one found already.
            if first.is_some_and(|f| cell_entry > f.0) {
                return false;
            }
            for &i in cell {
                let iu = i as usize;
                if skip.contains(&iu) {
                    continue;
                }
                if let Some(t) = entry(&self.rects[iu], p, q) {
                    if first.is_none_or(|f| t < f.0 || (t == f.0 && iu < f.1)) {
                        first = Some((t, iu));
                    }
                }
            }
            true
        });
        first.map(|f| f.1)
    }

    /// The point lies inside a box.
    fn inside_any(&self, p: Point) -> bool {
        let (c, r) = self.cell_of(p.x, p.y);
        self.boxes_in(c, r).iter().any(|&i| {
            let b = &self.rects[i as usize];
            p.x > b.x + EPS && p.x < b.right() - EPS && p.y > b.y + EPS && p.y < b.bottom() - EPS
        })
    }

    /// Calls `f` with where along the segment (0 to 1) it enters each grid
    /// cell it passes through, in order, and the boxes of the cell, while `f`
    /// returns true (Amanatides and Woo's traversal).
    fn walk<'s>(&'s self, p: Point, q: Point, mut f: impl FnMut(f64, &'s [u32]) -> bool) {
        let (mut c, mut r) = self.cell_of(p.x, p.y);
        let (c1, r1) = self.cell_of(q.x, q.y);
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let step_c: i64 = if dx > 0.0 { 1 } else { -1 };
        let step_r: i64 = if dy > 0.0 { 1 } else { -1 };
        let next_edge = |start: f64, origin: f64, cell: i64, step: i64| origin + (cell + i64::from(step > 0)) as f64 * self.cell - start;
        let mut t_c = if dx.abs() > EPS { next_edge(p.x, self.x0, c, step_c) / dx } else { f64::INFINITY };
        let mut t_r = if dy.abs() > EPS { next_edge(p.y, self.y0, r, step_r) / dy } else { f64::INFINITY };
        let dt_c = if dx.abs() > EPS { self.cell / dx.abs() } else { f64::INFINITY };
        let dt_r = if dy.abs() > EPS { self.cell / dy.abs() } else { f64::INFINITY };
        let limit = (c1 - c).abs() + (r1 - r).abs() + 2;
        let mut t_in = 0.0;
        for _ in 0..=limit {
            if !f(t_in, self.boxes_in(c, r)) || (c == c1 && r == r1) {
                break;
            }
            t_in = t_c.min(t_r);
            if t_c < t_r {
                c += step_c;
                t_c += dt_c;
            } else {
                r += step_r;
                t_r += dt_r;
            }
        }
    }

    fn clear(&self, p: Point, q: Point, skip: [usize; 2]) -> bool {
        self.count_hits(p, q, skip, 0) == 0
    }

    /// The route from box `a` to box `b`: border to border, round every other box.
    pub fn route(&self, a: usize, b: usize) -> Vec<Point> {
        self.route_with(a, b, false)
    }

    /// [`Self::route`], but round the first box in the way by the other side
    /// than the shortest (when there is a box in the way and a way round it
    /// on that side): a second choice for a caller that weighs crossings.
    pub fn route_other_side(&self, a: usize, b: usize) -> Vec<Point> {
        self.route_with(a, b, true)
    }

    fn route_with(&self, a: usize, b: usize, other_side: bool) -> Vec<Point> {
        let skip = [a, b];
        let (ra, rb) = (self.rects[a], self.rects[b]);
        let mut bends: Vec<Point> = Vec::new();
        let straight = (ra.border_towards(rb.center()), rb.border_towards(ra.center()));
        let n = self.count_hits(straight.0, straight.1, skip, MAX_HITS);
        if n == 0 || n > MAX_HITS {
            return vec![straight.0, straight.1];
        }
        let ends = |bends: &[Point]| {
            let first = bends.first().copied().unwrap_or(rb.center());
            let last = bends.last().copied().unwrap_or(ra.center());
            (ra.border_towards(first), rb.border_towards(last))
        };
        // Segments before this one are known to be clear.
        let mut from = 0usize;
        while bends.len() < MAX_BENDS {
            let (s, t) = ends(&bends);
            let pts: Vec<Point> = std::iter::once(s).chain(bends.iter().copied()).chain(std::iter::once(t)).collect();
            let blocked = (from..pts.len() - 1).find_map(|i| self.first_hit(pts[i], pts[i + 1], skip).map(|hit| (i, hit)));
            let Some((i, hit)) = blocked else { break };
            let Some(mut way) = self.way_round(pts[i], pts[i + 1], hit, None) else { break };
            if other_side && bends.is_empty() {
                let side = orient(pts[i], pts[i + 1], way[0]);
                if let Some(other) = self.way_round(pts[i], pts[i + 1], hit, Some(-side)) {
                    way = other;
                }
            }
            // The bends go between points i and i + 1, i.e. at bend index i;
            // the points before stay (the start moves only when i is 0).
            for (k, p) in way.into_iter().enumerate() {
                bends.insert(i + k, p);
            }
            from = i;
        }
        // Pull straight: drop every bend whose neighbours see each other.
        let mut k = 0;
        while k < bends.len() {
            let prev = if k == 0 { None } else { Some(bends[k - 1]) };
            let next = bends.get(k + 1).copied();
            let mut trial = bends.clone();
            trial.remove(k);
            let (s, t) = ends(&trial);
            let (p, q) = (prev.unwrap_or(s), next.unwrap_or(t));
            let ends_ok = (k != 0 || self.clear(s, trial.first().copied().unwrap_or(t), skip))
                && (k + 1 != bends.len() || self.clear(trial.last().copied().unwrap_or(s), t, skip));
            if ends_ok && self.clear(p, q, skip) {
                bends = trial;
                k = k.saturating_sub(1);
            } else {
                k += 1;
            }
        }
        let (s, t) = ends(&bends);
        std::iter::once(s).chain(bends).chain(std::iter::once(t)).collect()
    }

    /// The shortest way from `p` to `q` round box `hit` by one corner or two
    /// corners of one side, each outside every box, the detour legs clear of `hit`.
    fn way_round(&self, p: Point, q: Point, hit: usize, side: Option<i8>) -> Option<Vec<Point>> {
        let r = self.rects[hit];
        let c = CLEARANCE;
        let corners = [
            Point::new(r.x - c, r.y - c),
            Point::new(r.right() + c, r.y - c),
            Point::new(r.right() + c, r.bottom() + c),
            Point::new(r.x - c, r.bottom() + c),
        ];
        // A bend sits outside every box, the route's own two included.
        let ok = |pt: Point| !self.inside_any(pt);
        let mut best: Option<(f64, Vec<Point>)> = None;
        let mut consider = |way: Vec<Point>| {
            let mut legs = std::iter::once(p).chain(way.iter().copied()).chain(std::iter::once(q)).collect::<Vec<_>>();
            legs.dedup_by(|x, y| x.distance(*y) < EPS);
            if legs.windows(2).any(|w| r.crossed_by(w[0], w[1])) || !way.iter().all(|&pt| ok(pt)) {
                return;
            }
            if side.is_some_and(|s| way.iter().any(|&pt| orient(p, q, pt) != s)) {
                return;
            }
            let len: f64 = legs.windows(2).map(|w| w[0].distance(w[1])).sum();
            if best.as_ref().is_none_or(|b| len < b.0 - EPS) {
                best = Some((len, way));
            }
        };
        for &k in &corners {
            consider(vec![k]);
        }
        for i in 0..4 {
            let (u, v) = (corners[i], corners[(i + 1) % 4]);
            consider(vec![u, v]);
            consider(vec![v, u]);
        }
        best.map(|b| b.1)
    }
}

/// Where along `p`–`q` (0 to 1) the segment enters the interior of `r`, if it does.
fn entry(r: &Rect, p: Point, q: Point) -> Option<f64> {
    let (x0, y0, x1, y1) = (r.x + EPS, r.y + EPS, r.right() - EPS, r.bottom() - EPS);
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (d, lo) in [(-dx, p.x - x0), (dx, x1 - p.x), (-dy, p.y - y0), (dy, y1 - p.y)] {
        if d.abs() < 1e-12 {
            if lo <= 0.0 {
                return None;
            }
        } else {
            let t = lo / d;
            if d < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 >= t1 {
                return None;
            }
        }
    }
    Some(t0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::routes_through_boxes;

    #[test]
    fn goes_round_a_box_in_the_way_and_stays_straight_otherwise() {
        let boxes = vec![Rect::new(0., 0., 100., 40.), Rect::new(300., 0., 100., 40.), Rect::new(150., -10., 100., 60.)];
        let o = Obstacles::new(boxes.clone());
        let r = o.route(0, 1);
        assert!(r.len() > 2, "{r:?}");
        assert!(routes_through_boxes([r.as_slice()], &boxes, |_| (0, 1)).is_empty(), "{r:?}");
        // Nothing in the way: border to border.
        let o = Obstacles::new(boxes[..2].to_vec());
        assert_eq!(o.route(0, 1), vec![Point::new(100., 20.), Point::new(300., 20.)]);
    }

    #[test]
    fn the_other_side_goes_round_the_box_the_other_way() {
        // a, the box in the way (a little below the line), b.
        let boxes = vec![Rect::new(0., 0., 100., 40.), Rect::new(300., 0., 100., 40.), Rect::new(150., -5., 100., 60.)];
        let o = Obstacles::new(boxes.clone());
        let (short, other) = (o.route(0, 1), o.route_other_side(0, 1));
        for r in [&short, &other] {
            assert!(r.len() > 2, "{r:?}");
            assert!(routes_through_boxes([r.as_slice()], &boxes, |_| (0, 1)).is_empty(), "{r:?}");
        }
        // The shortest way passes above the box (it reaches less far up), the other below.
        let above = |r: &[Point]| r[1..r.len() - 1].iter().all(|p| p.y < boxes[2].y);
        let below = |r: &[Point]| r[1..r.len() - 1].iter().all(|p| p.y > boxes[2].bottom());
        assert!(above(&short), "{short:?}");
        assert!(below(&other), "{other:?}");
        // Nothing in the way: the same straight line.
        let o = Obstacles::new(boxes[..2].to_vec());
        assert_eq!(o.route_other_side(0, 1), o.route(0, 1));
    }

    #[test]
    fn threads_a_grid_of_boxes_through_its_gaps() {
        // 8 × 8 boxes 184 × 60 with 28 px gaps; corner to corner and across.
        let mut boxes = Vec::new();
        for r in 0..8 {
            for c in 0..8 {
                boxes.push(Rect::new(c as f64 * 212.0, r as f64 * 88.0, 184.0, 60.0));
            }
        }
        let o = Obstacles::new(boxes.clone());
        for (a, b) in [(0, 63), (7, 56), (3, 60), (24, 31), (9, 54)] {
            let r = o.route(a, b);
            assert!(routes_through_boxes([r.as_slice()], &boxes, |_| (a, b)).is_empty(), "{a}→{b}: {r:?}");
        }
    }

    #[test]
    fn a_line_through_too_many_boxes_stays_straight() {
        let boxes: Vec<Rect> = (0..12).map(|c| Rect::new(c as f64 * 212.0, 0.0, 184.0, 60.0)).collect();
        let o = Obstacles::new(boxes.clone());
        // Ten boxes in the way of 0 → 11: more than MAX_HITS.
        assert_eq!(o.route(0, 11).len(), 2);
        // Five in the way of 0 → 6: bent round all of them.
        let r = o.route(0, 6);
        assert!(r.len() > 2 && routes_through_boxes([r.as_slice()], &boxes, |_| (0, 6)).is_empty(), "{r:?}");
    }
}
