//! Plane geometry of a drawing and the readability measures every layer is
//! judged by: node boxes that overlap, edge routes that cross, and routes that
//! run through a box. Coordinates are SVG's: x to the right, y downwards.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    /// Distance to `o`, by a square root (exact under IEEE 754, unlike
    /// `hypot`, which platforms may round differently).
    pub fn distance(self, o: Point) -> f64 {
        ((o.x - self.x) * (o.x - self.x) + (o.y - self.y) * (o.y - self.y)).sqrt()
    }
}

/// An axis-aligned box: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Rect { x, y, width, height }
    }
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
    /// The interiors intersect (boxes that only touch do not overlap).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() - EPS && o.x < self.right() - EPS && self.y < o.bottom() - EPS && o.y < self.bottom() - EPS
    }
    pub fn contains_rect(&self, o: &Rect) -> bool {
        o.x >= self.x - EPS && o.y >= self.y - EPS && o.right() <= self.right() + EPS && o.bottom() <= self.bottom() + EPS
    }
    /// The smallest box holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Rect::new(x, y, self.right().max(o.right()) - x, self.bottom().max(o.bottom()) - y)
    }
    /// Where the segment from the centre towards `p` leaves the box.
    pub fn border_towards(&self, p: Point) -> Point {
        let c = self.center();
        let (dx, dy) = (p.x - c.x, p.y - c.y);
        if dx.abs() < EPS && dy.abs() < EPS {
            return c;
        }
        let tx = if dx.abs() < EPS { f64::INFINITY } else { (self.width / 2.0) / dx.abs() };
        let ty = if dy.abs() < EPS { f64::INFINITY } else { (self.height / 2.0) / dy.abs() };
        let t = tx.min(ty).min(1.0);
        Point::new(c.x + dx * t, c.y + dy * t)
    }
    /// The open segment `a`–`b` passes through the interior of the box.
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        // Liang–Barsky clipping against the box shrunk by EPS, so a route
        // that only runs along or ends on the border does not count.
        let (x0, y0, x1, y1) = (self.x + EPS, self.y + EPS, self.right() - EPS, self.bottom() - EPS);
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [(-dx, a.x - x0), (dx, x1 - a.x), (-dy, a.y - y0), (dy, y1 - a.y)] {
            if p.abs() < 1e-12 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Tolerance for "touching" in drawing units (pixels).
pub const EPS: f64 = 1e-6;

/// Which side of the line a → b the point c lies on: 1, -1, or 0 on it.
pub(crate) fn orient(a: Point, b: Point, c: Point) -> i8 {
    let v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if v > 1e-9 {
        1
    } else if v < -1e-9 {
        -1
    } else {
        0
    }
}

/// The segments cross at one point inside both (a proper crossing); touching,
/// sharing an end or running along each other is not a crossing.
pub fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    o1 * o2 < 0 && o3 * o4 < 0
}

/// The closed segments have any point in common (including touching ends and
/// collinear overlap).
pub fn segments_touch(a: Point, b: Point, c: Point, d: Point) -> bool {
    fn on(a: Point, b: Point, p: Point) -> bool {
        p.x >= a.x.min(b.x) - EPS && p.x <= a.x.max(b.x) + EPS && p.y >= a.y.min(b.y) - EPS && p.y <= a.y.max(b.y) + EPS
    }
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    if o1 * o2 < 0 && o3 * o4 < 0 {
        return true;
    }
    (o1 == 0 && on(a, b, c)) || (o2 == 0 && on(a, b, d)) || (o3 == 0 && on(c, d, a)) || (o4 == 0 && on(c, d, b))
}

/// One straight piece of an edge route, tagged with the edge it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    pub a: Point,
    pub b: Point,
    pub edge: usize,
}

/// Every segment of every route; `routes[i]` is a polyline of edge `i`.
pub fn segments<'a>(routes: impl IntoIterator<Item = &'a [Point]>) -> Vec<Segment> {
    let mut out = Vec::new();
    for (edge, pts) in routes.into_iter().enumerate() {
        for w in pts.windows(2) {
            if (w[0].x - w[1].x).abs() > EPS || (w[0].y - w[1].y).abs() > EPS {
                out.push(Segment { a: w[0], b: w[1], edge });
            }
        }
    }
    out
}

/// Calls `f` exactly once with every pair of segments whose boxes may
/// intersect. Uses a uniform grid (a pair is tried in the first cell both
/// share); segments spanning many cells are tried against all others.
fn candidate_pairs(segs: &[Segment], mut f: impl FnMut(usize, usize)) {
    if segs.len() < 2 {
        return;
    }
    let (mut minx, mut miny, mut maxx, mut maxy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for s in segs {
        minx = minx.min(s.a.x.min(s.b.x));
        miny = miny.min(s.a.y.min(s.b.y));
        maxx = maxx.max(s.a.x.max(s.b.x));
        maxy = maxy.max(s.a.y.max(s.b.y));
    }
    let area = ((maxx - minx).max(1.0)) * ((maxy - miny).max(1.0));
    let cell = (area / segs.len() as f64).sqrt().max(1.0) * 2.0;
    let cell_of = |x: f64, y: f64| (((x - minx) / cell).floor() as i64, ((y - miny) / cell).floor() as i64);
    let mut long = Vec::new();
    let mut is_long = vec![false; segs.len()];
    let mut span = Vec::with_capacity(segs.len());
    let mut buckets: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (i, s) in segs.iter().enumerate() {
        let (c0, r0) = cell_of(s.a.x.min(s.b.x), s.a.y.min(s.b.y));
        let (c1, r1) = cell_of(s.a.x.max(s.b.x), s.a.y.max(s.b.y));
        span.push((c0, r0, c1, r1));
        if (c1 - c0 + 1) * (r1 - r0 + 1) > 16 {
            long.push(i);
            is_long[i] = true;
            continue;
        }
        for c in c0..=c1 {
            for r in r0..=r1 {
                buckets.entry((c, r)).or_default().push(i);
            }
        }
    }
    let mut keys: Vec<&(i64, i64)> = buckets.keys().collect();
    keys.sort();
    for key in keys {
        let list = &buckets[key];
        for x in 0..list.len() {
            for y in x + 1..list.len() {
                let (a, b) = (span[list[x]], span[list[y]]);
                if (a.0.max(b.0), a.1.max(b.1)) == *key && a.0 <= b.2 && b.0 <= a.2 && a.1 <= b.3 && b.1 <= a.3 {
                    f(list[x], list[y]);
                }
            }
        }
    }
    for (k, &i) in long.iter().enumerate() {
        for &j in &long[k + 1..] {
            f(i, j);
        }
        for (j, &l) in is_long.iter().enumerate() {
            if !l {
                f(i, j);
            }
        }
    }
}

/// Proper crossings between routes of different edges (the usual readability
/// count: a pair of edges crossing twice counts twice). Routes that share a
/// stretch, as the edges of one manager share a bus line, do not cross there.
pub fn count_crossings<'a>(routes: impl IntoIterator<Item = &'a [Point]>) -> usize {
    count_crossings_where(routes, |_, _| true)
}

/// [`count_crossings`] between routes `i`, `j` for which `counts(i, j)` holds,
/// e.g. only between edges without a common end (the usual crossing number,
/// and what `scripts/compare-graphviz.py` counts).
pub fn count_crossings_where<'a>(
    routes: impl IntoIterator<Item = &'a [Point]>,
    counts: impl Fn(usize, usize) -> bool,
) -> usize {
    let segs = segments(routes);
    let mut n = 0;
    candidate_pairs(&segs, |i, j| {
        let (s, t) = (&segs[i], &segs[j]);
        if s.edge != t.edge && segments_cross(s.a, s.b, t.a, t.b) && counts(s.edge, t.edge) {
            n += 1;
        }
    });
    n
}

/// Pairs of segments of routes `i`, `j` for which `conflict(i, j)` holds that
/// have any point in common (touching included). Used to prove that solid
/// reporting lines of different managers never meet.
pub fn touching_pairs<'a>(
    routes: impl IntoIterator<Item = &'a [Point]>,
    conflict: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let segs = segments(routes);
    let mut out = Vec::new();
    candidate_pairs(&segs, |i, j| {
        let (s, t) = (&segs[i], &segs[j]);
        if s.edge != t.edge && conflict(s.edge, t.edge) && segments_touch(s.a, s.b, t.a, t.b) {
            out.push((s.edge.min(t.edge), s.edge.max(t.edge)));
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of boxes whose interiors overlap, by index.
pub fn overlapping_pairs(rects: &[Rect]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if rects.is_empty() {
        return out;
    }
    let cell = rects.iter().map(|r| r.width.max(r.height)).fold(1.0, f64::max);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (i, r) in rects.iter().enumerate() {
        let (c0, r0) = ((r.x / cell).floor() as i64, (r.y / cell).floor() as i64);
        let (c1, r1) = ((r.right() / cell).floor() as i64, (r.bottom() / cell).floor() as i64);
        for c in c0..=c1 {
            for rr in r0..=r1 {
                grid.entry((c, rr)).or_default().push(i);
            }
        }
    }
    for list in grid.values() {
        for x in 0..list.len() {
            for y in x + 1..list.len() {
                let (i, j) = (list[x].min(list[y]), list[x].max(list[y]));
                if rects[i].overlaps(&rects[j]) {
                    out.push((i, j));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// (route index, box index) pairs where a route runs through a box other than
/// the ones `ends(route)` names (its own two ends).
pub fn routes_through_boxes<'a>(
    routes: impl IntoIterator<Item = &'a [Point]>,
    rects: &[Rect],
    ends: impl Fn(usize) -> (usize, usize),
) -> Vec<(usize, usize)> {
    let cell = rects.iter().map(|r| r.width.max(r.height)).fold(1.0, f64::max);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (i, r) in rects.iter().enumerate() {
        let (c0, r0) = ((r.x / cell).floor() as i64, (r.y / cell).floor() as i64);
        let (c1, r1) = ((r.right() / cell).floor() as i64, (r.bottom() / cell).floor() as i64);
        for c in c0..=c1 {
            for rr in r0..=r1 {
                grid.entry((c, rr)).or_default().push(i);
            }
        }
    }
    let mut out = Vec::new();
    for s in segments(routes) {
        let (c0, r0) = ((s.a.x.min(s.b.x) / cell).floor() as i64, (s.a.y.min(s.b.y) / cell).floor() as i64);
        let (c1, r1) = ((s.a.x.max(s.b.x) / cell).floor() as i64, (s.a.y.max(s.b.y) / cell).floor() as i64);
        let (e0, e1) = ends(s.edge);
        for c in c0..=c1 {
            for rr in r0..=r1 {
                for &i in grid.get(&(c, rr)).map(Vec::as_slice).unwrap_or(&[]) {
                    if i != e0 && i != e1 && rects[i].crossed_by(s.a, s.b) {
                        out.push((s.edge, i));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn crossing_table() {
        // X shape crosses; T junction and shared end touch only; parallel neither.
        assert!(segments_cross(p(0., 0.), p(2., 2.), p(0., 2.), p(2., 0.)));
        assert!(!segments_cross(p(0., 0.), p(2., 0.), p(1., 0.), p(1., 2.)));
        assert!(segments_touch(p(0., 0.), p(2., 0.), p(1., 0.), p(1., 2.)));
        assert!(!segments_cross(p(0., 0.), p(1., 1.), p(1., 1.), p(2., 0.)));
        assert!(!segments_touch(p(0., 0.), p(2., 0.), p(0., 1.), p(2., 1.)));
        assert!(segments_touch(p(0., 0.), p(2., 0.), p(1., 0.), p(3., 0.)));
    }

    #[test]
    fn counts_each_crossing_once_with_the_grid() {
        // A 30×30 lattice of horizontal and vertical lines: 900 crossings.
        let mut routes: Vec<Vec<Point>> = Vec::new();
        for i in 0..30 {
            let c = i as f64 * 10.0 + 5.0;
            routes.push(vec![p(0., c), p(300., c)]);
            routes.push(vec![p(c, 0.), p(c, 300.)]);
        }
        // Plus many short disjoint segments so the grid is fine-grained.
        for i in 0..2000 {
            let x = (i % 50) as f64 * 6.0 + 0.5;
            let y = (i / 50) as f64 * 7.0 + 0.5;
            routes.push(vec![p(x, y), p(x + 0.2, y + 0.2)]);
        }
        assert_eq!(count_crossings(routes.iter().map(Vec::as_slice)), 900);
    }

    #[test]
    fn grid_count_equals_brute_force() {
        // Pseudo-random polylines, long and short, some collinear with others.
        let mut seed = 11u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % 1000) as f64
        };
        let mut routes: Vec<Vec<Point>> = Vec::new();
        for k in 0..300 {
            let n = 2 + k % 3;
            let mut r = Vec::new();
            for _ in 0..n {
                let (x, y) = (next(), next());
                r.push(if k % 7 == 0 { p((x / 100.0).round() * 100.0, (y / 100.0).round() * 100.0) } else { p(x, y) });
            }
            routes.push(r);
        }
        let segs = segments(routes.iter().map(Vec::as_slice));
        let mut brute = 0;
        for i in 0..segs.len() {
            for j in i + 1..segs.len() {
                if segs[i].edge != segs[j].edge && segments_cross(segs[i].a, segs[i].b, segs[j].a, segs[j].b) {
                    brute += 1;
                }
            }
        }
        assert!(brute > 1000);
        assert_eq!(count_crossings(routes.iter().map(Vec::as_slice)), brute);
    }

    #[test]
    fn box_crossing_ignores_the_border() {
        let r = Rect::new(0., 0., 10., 10.);
        assert!(r.crossed_by(p(-1., 5.), p(11., 5.)));
        assert!(!r.crossed_by(p(-1., 0.), p(11., 0.)));
        assert!(!r.crossed_by(p(5., 10.), p(5., 20.)));
        assert!(!r.crossed_by(p(11., -5.), p(11., 15.)));
        assert!(r.crossed_by(p(5., 5.), p(5., 20.)));
    }

    #[test]
    fn overlap_needs_interior() {
        let rects = [Rect::new(0., 0., 10., 10.), Rect::new(10., 0., 10., 10.), Rect::new(5., 5., 10., 10.)];
        assert_eq!(overlapping_pairs(&rects), vec![(0, 2), (1, 2)]);
    }
}
