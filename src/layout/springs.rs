//! The political layer's starting drawing: each region's people laid out on
//! their own by a spring embedder (Fruchterman–Reingold) of the influence
//! lines inside the region, then put on the region's grid in the order of
//! that drawing. A spring embedder draws the sparse graph of a circle
//! almost without crossings (about as few as sfdp on the circle alone); the
//! placement in `political.rs` starts from it instead of from the people's
//! list order, which keeps a circle's own lines from tangling.
//!
//! Deterministic: the start is a spiral in breadth-first order from the
//! best-connected person (its sines and cosines from [`super::maths`], the
//! same to the last bit on every platform: the drawing magnifies a last-bit
//! difference into another picture), every tie goes by index.

use super::maths;
use super::political::{Neighbours, Region};

/// Ideal distance between people joined by a line, in cells.
const IDEAL: f64 = 1.25;
/// Range of the push between people, in cells.
const RANGE: f64 = 2.5;
/// Spring-embedder rounds.
const ROUNDS: usize = 80;
/// Regions larger than this are not drawn (they keep their list order):
/// on a grid that size the rounds of moves towards neighbours that follow
/// undo most of a drawing, and it would cost most of the time budget.
pub(crate) const LARGEST: usize = 120;
/// Pull of every person towards their region's centre (keeps parts
/// together), divided by the square root of the region's size.
const GRAVITY: f64 = 0.3;

/// Each region's people drawn on their own, in cells (x ÷ the grid's
/// horizontal pitch, y ÷ its vertical pitch), every region around its own
/// origin. `pull[v]` is a steady force on person `v`, added to the springs'
/// forces every round: towards the circles they have lines to, so that
/// those people end up on the side of their circle that faces the other end.
pub(crate) fn drawing(
    regions: &[Region],
    nb: &Neighbours,
    region_of: &[usize],
    n: usize,
    pull: &[(f64, f64)],
) -> (Vec<f64>, Vec<f64>) {
    let mut ux = vec![0.0f64; n];
    let mut uy = vec![0.0f64; n];
    let mut local = vec![usize::MAX; n];
    for r in regions.iter().filter(|r| r.members.len() <= LARGEST) {
        spring_region(&r.members, nb, region_of, &mut local, (&mut ux, &mut uy), pull);
    }
    (ux, uy)
}

/// Spring embedder of one region's people and the lines between them.
fn spring_region(
    members: &[usize],
    nb: &Neighbours,
    region_of: &[usize],
    local: &mut [usize],
    (ux, uy): (&mut [f64], &mut [f64]),
    pull: &[(f64, f64)],
) {
    let m = members.len();
    if m == 0 {
        return;
    }
    let g = region_of[members[0]];
    for (i, &v) in members.iter().enumerate() {
        local[v] = i;
    }
    let edges: Vec<Vec<usize>> = members
        .iter()
        .map(|&v| nb.of(v).iter().filter(|&&(u, _)| region_of[u] == g).map(|&(u, _)| local[u]).collect())
        .collect();
    // Breadth first from the best-connected person of each part, laid along
    // a sunflower spiral, so that neighbours start near each other.
    let mut order = Vec::with_capacity(m);
    let mut seen = vec![false; m];
    let mut by_degree: Vec<usize> = (0..m).collect();
    by_degree.sort_by(|&a, &b| edges[b].len().cmp(&edges[a].len()).then(a.cmp(&b)));
    for &s in &by_degree {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &u in &edges[v] {
                if !seen[u] {
                    seen[u] = true;
                    queue.push_back(u);
                }
            }
        }
    }
    let mut x = vec![0.0f64; m];
    let mut y = vec![0.0f64; m];
    for (k, &v) in order.iter().enumerate() {
        let r = (k as f64 + 0.5).sqrt() * 0.9;
        let t = k as f64 * 2.399_963_229_728_653;
        let (sin, cos) = maths::sin_cos(t);
        x[v] = r * cos;
        y[v] = r * sin;
    }
    let rounds_n = ROUNDS;
    let range = RANGE;
    let gravity = GRAVITY / (m as f64).sqrt();
    let t0 = (m as f64).sqrt() * 0.5;
    let mut dx = vec![0.0f64; m];
    let mut dy = vec![0.0f64; m];
    // The push only reaches RANGE: people are bucketed in squares of that side.
    let mut head: Vec<usize> = Vec::new();
    let mut next = vec![usize::MAX; m];
    let k2 = IDEAL * IDEAL;
    for round in 0..rounds_n {
        let temp = (t0 * (1.0 - round as f64 / rounds_n as f64)).max(0.01);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let (mut cx, mut cy) = (0.0, 0.0);
        for v in 0..m {
            x0 = x0.min(x[v]);
            y0 = y0.min(y[v]);
            x1 = x1.max(x[v]);
            y1 = y1.max(y[v]);
            cx += x[v];
            cy += y[v];
        }
        cx /= m as f64;
        cy /= m as f64;
        let cols = ((x1 - x0) / range) as usize + 1;
        let rows = ((y1 - y0) / range) as usize + 1;
        head.clear();
        head.resize(cols * rows, usize::MAX);
        let square = |x: f64, y: f64| (((x - x0) / range) as usize, ((y - y0) / range) as usize);
        for v in 0..m {
            let (c, r) = square(x[v], y[v]);
            next[v] = head[r * cols + c];
            head[r * cols + c] = v;
        }
        for v in 0..m {
            let (mut fx, mut fy) = (0.0, 0.0);
            let (c, r) = square(x[v], y[v]);
            for rr in r.saturating_sub(1)..=(r + 1).min(rows - 1) {
                for cc in c.saturating_sub(1)..=(c + 1).min(cols - 1) {
                    let mut u = head[rr * cols + cc];
                    while u != usize::MAX {
                        if u != v {
                            let (ex, ey) = (x[v] - x[u], y[v] - y[u]);
                            let d2 = ex * ex + ey * ey;
                            if d2 < 1e-12 {
                                // Same spot: part by index.
                                let s = if v < u { -0.05 } else { 0.05 };
                                fx += s;
                                fy += s * 0.7;
                            } else if d2 < range * range {
                                fx += ex * k2 / d2;
                                fy += ey * k2 / d2;
                            }
                        }
                        u = next[u];
                    }
                }
            }
            for &u in &edges[v] {
                let (ex, ey) = (x[u] - x[v], y[u] - y[v]);
                let d = (ex * ex + ey * ey).sqrt();
                fx += ex * d / IDEAL;
                fy += ey * d / IDEAL;
            }
            let (ox, oy) = pull[members[v]];
            fx += (cx - x[v]) * gravity + ox;
            fy += (cy - y[v]) * gravity + oy;
            dx[v] = fx;
            dy[v] = fy;
        }
        for v in 0..m {
            let len = (dx[v] * dx[v] + dy[v] * dy[v]).sqrt();
            if len > 1e-12 {
                let step = len.min(temp);
                x[v] += dx[v] / len * step;
                y[v] += dy[v] / len * step;
            }
        }
    }
    for (i, &v) in members.iter().enumerate() {
        ux[v] = x[i];
        uy[v] = y[i];
    }
}

/// [`snap`] after stretching or squeezing each region's drawing onto its grid.
pub(crate) fn snap_scaled(regions: &[Region], ux: &[f64], uy: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut sx = ux.to_vec();
    let mut sy = uy.to_vec();
    for r in regions {
        if r.members.len() > LARGEST {
            // Not drawn: the people's list order, row by row.
            for (k, &v) in r.members.iter().enumerate() {
                sx[v] = (k % r.cols) as f64;
                sy[v] = (k / r.cols) as f64;
            }
            continue;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &v in &r.members {
            x0 = x0.min(ux[v]);
            y0 = y0.min(uy[v]);
            x1 = x1.max(ux[v]);
            y1 = y1.max(uy[v]);
        }
        let fx = (r.cols - 1) as f64 / (x1 - x0).max(1e-9);
        let fy = (r.rows - 1) as f64 / (y1 - y0).max(1e-9);
        for &v in &r.members {
            sx[v] = (ux[v] - x0) * fx;
            sy[v] = (uy[v] - y0) * fy;
        }
    }
    snap(regions, &sx, &sy, n)
}

/// Cells for everyone, in the order of their positions: rows by y (each
/// person the row nearest their y that the order and the rows' room allow),
/// then in each row columns by x. Returns box top-lefts.
fn snap(regions: &[Region], ux: &[f64], uy: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut px = vec![0.0f64; n];
    let mut py = vec![0.0f64; n];
    for r in regions {
        let ox = r.members.iter().map(|&v| ux[v]).fold(f64::MAX, f64::min);
        let oy = r.members.iter().map(|&v| uy[v]).fold(f64::MAX, f64::min);
        let mut order = r.members.clone();
        order.sort_by(|&a, &b| uy[a].total_cmp(&uy[b]).then(ux[a].total_cmp(&ux[b])).then(a.cmp(&b)));
        let want: Vec<usize> =
            order.iter().map(|&v| ((uy[v] - oy).round().max(0.0) as usize).min(r.rows - 1)).collect();
        let rows = monotone(&want, r.rows, r.cols);
        let mut start = 0;
        while start < order.len() {
            let row = rows[start];
            let mut end = start;
            while end < order.len() && rows[end] == row {
                end += 1;
            }
            let mut chunk: Vec<usize> = order[start..end].to_vec();
            chunk.sort_by(|&a, &b| ux[a].total_cmp(&ux[b]).then(a.cmp(&b)));
            let want: Vec<usize> =
                chunk.iter().map(|&v| ((ux[v] - ox).round().max(0.0) as usize).min(r.cols - 1)).collect();
            let cols = monotone(&want, r.cols, 1);
            for (i, &v) in chunk.iter().enumerate() {
                let (x, y) = r.slot(row, cols[i]);
                px[v] = x;
                py[v] = y;
            }
            start = end;
        }
    }
    (px, py)
}

/// Slots for items in order, each holding at most `room` items, slots
/// non-decreasing along the order, each as near its wanted slot as that
/// allows (`slots × room` must be at least the items).
pub(crate) fn monotone(want: &[usize], slots: usize, room: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(want.len());
    let (mut cur, mut used) = (0usize, 0usize);
    for &w in want {
        if w > cur {
            cur = w;
            used = 0;
        }
        if used == room {
            cur += 1;
            used = 0;
        }
        out.push(cur);
        used += 1;
    }
    // From the end: nothing beyond the last slot, still `room` a slot.
    let (mut last, mut used) = (slots - 1, 0usize);
    for s in out.iter_mut().rev() {
        if *s >= last {
            if used == room {
                last -= 1;
                used = 0;
            }
            *s = last;
            used += 1;
        } else {
            last = *s;
            used = 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::monotone;

    #[test]
    fn monotone_slots_keep_order_room_and_bounds() {
        assert_eq!(monotone(&[0, 0, 0], 3, 1), vec![0, 1, 2]);
        assert_eq!(monotone(&[2, 2, 2], 3, 1), vec![0, 1, 2]);
        assert_eq!(monotone(&[0, 2, 2, 2], 4, 2), vec![0, 2, 2, 3]);
        assert_eq!(monotone(&[3, 3, 3, 3, 3], 3, 2), vec![0, 1, 1, 2, 2]);
    }
}


