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
//! about its length in grid cells per bend. A route needing more than
//! [`MAX_BENDS`] bends (a long line across a dense map) keeps the bends it
//! has and may still touch a box: the budget keeps a 20,000-person map fast.

use std::collections::HashMap;

use super::geometry::{Point, Rect, EPS};

/// How far a bend sits outside the corner of the box it goes round (less
/// than half the narrowest gap between boxes in any layer).
pub const CLEARANCE: f64 = 5.0;
/// Bends one route may take.
pub const MAX_BENDS: usize = 24;

/// The boxes routes must go round, indexed by a uniform grid.
pub struct Obstacles {
    rects: Vec<Rect>,
    cell: f64,
    grid: HashMap<(i32, i32), Vec<u32>, std::hash::BuildHasherDefault<super::IdHasher>>,
}

impl Obstacles {
    pub fn new(rects: Vec<Rect>) -> Self {
        let cell = rects.iter().map(|r| r.width.max(r.height)).fold(1.0, f64::max);
        let mut grid: HashMap<(i32, i32), Vec<u32>, _> = HashMap::default();
        for (i, r) in rects.iter().enumerate() {
            let (c0, r0) = cell_of(cell, r.x, r.y);
            let (c1, r1) = cell_of(cell, r.right(), r.bottom());
            for c in c0..=c1 {
                for rr in r0..=r1 {
                    grid.entry((c, rr)).or_default().push(i as u32);
                }
            }
        }
        Obstacles { rects, cell, grid }
    }

    pub fn rect(&self, i: usize) -> Rect {
        self.rects[i]
    }

    /// The box (other than `skip`) that segment `p`–`q` runs through nearest
    /// to `p`, if any.
    fn first_hit(&self, p: Point, q: Point, skip: [usize; 2]) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        self.walk(p, q, |i| {
            if skip.contains(&i) {
                return;
            }
            let r = &self.rects[i];
            if r.crossed_by(p, q) {
                let d = (r.center().x - p.x).powi(2) + (r.center().y - p.y).powi(2);
                if best.is_none_or(|b| d < b.0) {
                    best = Some((d, i));
                }
            }
        });
        best.map(|b| b.1)
    }

    /// The point lies inside a box (other than `skip`).
    fn inside_any(&self, p: Point, skip: [usize; 2]) -> bool {
        let key = cell_of(self.cell, p.x, p.y);
        self.grid.get(&key).is_some_and(|list| {
            list.iter().any(|&i| {
                let r = &self.rects[i as usize];
                !skip.contains(&(i as usize))
                    && p.x > r.x + EPS
                    && p.x < r.right() - EPS
                    && p.y > r.y + EPS
                    && p.y < r.bottom() - EPS
            })
        })
    }

    /// Calls `f` with every box in a grid cell the segment passes through
    /// (some more than once).
    fn walk(&self, p: Point, q: Point, mut f: impl FnMut(usize)) {
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let len = dx.abs().max(dy.abs());
        // Steps of a third of a cell, and the cells either side of each step
        // on the slower axis, so no cell the segment touches is missed.
        let steps = ((len / (self.cell / 3.0)).ceil() as usize).max(1);
        let mut last = (i32::MIN, i32::MIN);
        for s in 0..=steps {
            let t = s as f64 / steps as f64;
            let key = cell_of(self.cell, p.x + dx * t, p.y + dy * t);
            if key == last {
                continue;
            }
            last = key;
            for k in [key, (key.0 + 1, key.1), (key.0 - 1, key.1), (key.0, key.1 + 1), (key.0, key.1 - 1)] {
                if let Some(list) = self.grid.get(&k) {
                    list.iter().for_each(|&i| f(i as usize));
                }
            }
        }
    }

    fn clear(&self, p: Point, q: Point, skip: [usize; 2]) -> bool {
        self.first_hit(p, q, skip).is_none()
    }

    /// The route from box `a` to box `b`: border to border, round every other box.
    pub fn route(&self, a: usize, b: usize) -> Vec<Point> {
        let skip = [a, b];
        let (ra, rb) = (self.rects[a], self.rects[b]);
        let mut bends: Vec<Point> = Vec::new();
        let ends = |bends: &[Point]| {
            let first = bends.first().copied().unwrap_or(rb.center());
            let last = bends.last().copied().unwrap_or(ra.center());
            (ra.border_towards(first), rb.border_towards(last))
        };
        // Segments already known clear, by the index of their first point.
        let mut checked_upto = 0usize;
        'detour: while bends.len() < MAX_BENDS {
            let (s, t) = ends(&bends);
            let pts: Vec<Point> = std::iter::once(s).chain(bends.iter().copied()).chain(std::iter::once(t)).collect();
            for i in checked_upto..pts.len() - 1 {
                let Some(hit) = self.first_hit(pts[i], pts[i + 1], skip) else { continue };
                let Some(way) = self.way_round(pts[i], pts[i + 1], hit) else { break 'detour };
                // Bends go between points i and i+1, i.e. at bend index i.
                for (k, p) in way.into_iter().enumerate() {
                    bends.insert(i + k, p);
                }
                // The first segment's start moves with its first bend.
                checked_upto = i.saturating_sub(1);
                continue 'detour;
            }
            break;
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
    fn way_round(&self, p: Point, q: Point, hit: usize) -> Option<Vec<Point>> {
        let r = self.rects[hit];
        let c = CLEARANCE;
        let corners = [
            Point::new(r.x - c, r.y - c),
            Point::new(r.right() + c, r.y - c),
            Point::new(r.right() + c, r.bottom() + c),
            Point::new(r.x - c, r.bottom() + c),
        ];
        let dist = |a: Point, b: Point| ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
        // A bend sits outside every box, the route's own two included.
        let ok = |pt: Point| !self.inside_any(pt, [usize::MAX; 2]);
        let mut best: Option<(f64, Vec<Point>)> = None;
        let mut consider = |way: Vec<Point>| {
            let mut legs = std::iter::once(p).chain(way.iter().copied()).chain(std::iter::once(q)).collect::<Vec<_>>();
            legs.dedup_by(|x, y| dist(*x, *y) < EPS);
            if legs.windows(2).any(|w| r.crossed_by(w[0], w[1])) || !way.iter().all(|&pt| ok(pt)) {
                return;
            }
            let len: f64 = legs.windows(2).map(|w| dist(w[0], w[1])).sum();
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

fn cell_of(cell: f64, x: f64, y: f64) -> (i32, i32) {
    ((x / cell).floor() as i32, (y / cell).floor() as i32)
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
}
