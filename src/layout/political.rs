//! 政治版图 — the political layer: who is in which circle (圈子) and who
//! influences whom.
//!
//! Every circle gets its own rectangular region (a person is drawn in their
//! primary circle, else their first); people outside every circle get a
//! region of their own, set apart by a wider gap and drawn differently.
//! Regions never intersect, and inside a region people sit on a grid, so no
//! two boxes overlap whatever the size.
//!
//! Where a person sits inside the region is chosen to keep influence lines
//! short and parallel, which is what keeps crossings down. Placement starts
//! from each circle drawn on its own by a spring embedder ([`super::springs`]:
//! a circle's own lines then hardly cross; people with lines to other
//! circles are pulled to the side facing them), followed by a few rounds of
//! "move towards the people you influence or are influenced by, then snap
//! back to the grid" (rows by target y, then columns by target x), and a
//! local search in which people change cells whenever that removes
//! crossings ([`super::untangle`]: on maps up to 1,000 lines a simulated
//! annealing that also avoids lines through boxes, then a greedy search).
//! A line that has to bend round a box goes round it by whichever side
//! crosses fewer of the other lines.
//! Circles that influence each other most are placed next to each other:
//! their blocks are ordered so that the lines between circles, drawn from
//! centre to centre, cross least and run over other circles least.
//! Deterministic: every tie broken by person order, and the annealing's
//! random moves come from a fixed seed.

use std::collections::HashMap;

use super::geometry::{count_crossings, segments_cross, Point, Rect};
use super::maths;
use super::reporting::straight_route;
use super::route::Obstacles;
use super::springs;
use super::untangle;
use super::{
    circle_of, EdgeKind, GroupKind, Layer, Layout, LayoutEdge, LayoutGroup, LayoutOptions, Scene, NODE_HEIGHT,
    NODE_WIDTH,
};

/// Gaps between boxes inside a region.
const GAP_X: f64 = 28.0;
const GAP_Y: f64 = 28.0;
/// Inner padding of a region and the height of its label.
const PAD: f64 = 20.0;
const LABEL: f64 = 30.0;
/// Gap between circles, and the wider one that sets the outsiders apart.
const REGION_GAP: f64 = 56.0;
const OUTSIDE_GAP: f64 = 120.0;
/// Width ÷ height aimed at, for regions and for the whole map.
const REGION_ASPECT: f64 = 1.4;
const MAP_ASPECT: f64 = 1.5;
/// Influence lines at most on which blocks and bands are compared.
const COMPARE_LINKS: usize = 600;
/// Segment tests at most spent weighing bent lines' second way round (each
/// weighing tests the line against every other line): small maps are
/// weighed through, large ones in part (a few milliseconds).
const SIDES_BUDGET: usize = 1_500_000;
/// Rounds of "towards neighbours, snap to grid".
const ROUNDS: usize = 40;
/// Weight of a line between two circles run over a third circle, per square
/// root of that circle's members, against one crossing of two lines, when
/// the circles' blocks are ordered.
const THROUGH: f64 = 2.0;
/// Steady pull of a person's spring drawing towards another circle, per
/// line (times its strength) to someone there.
const OUTWARD: f64 = 4.0;

const PITCH_X: f64 = NODE_WIDTH + GAP_X;
const PITCH_Y: f64 = NODE_HEIGHT + GAP_Y;

#[derive(Clone)]
pub(crate) struct Region {
    id: String,
    name: String,
    kind: GroupKind,
    pub(crate) members: Vec<usize>,
    pub(crate) cols: usize,
    pub(crate) rows: usize,
    /// Set when the region is a band of the map's full width.
    band_width: Option<f64>,
    /// Top-left of the region box.
    x: f64,
    y: f64,
}

impl Region {
    fn width(&self) -> f64 {
        self.band_width.unwrap_or(2.0 * PAD + self.cols as f64 * PITCH_X - GAP_X)
    }
    fn height(&self) -> f64 {
        LABEL + 2.0 * PAD + self.rows as f64 * PITCH_Y - GAP_Y
    }
    /// Top-left of the box in grid slot `(row, col)`.
    pub(crate) fn slot(&self, row: usize, col: usize) -> (f64, f64) {
        (self.x + PAD + col as f64 * PITCH_X, self.y + LABEL + PAD + row as f64 * PITCH_Y)
    }
}

/// The influence graph, undirected for placement: neighbours and weights.
pub(crate) struct Neighbours {
    start: Vec<usize>,
    list: Vec<(usize, f64)>,
}

impl Neighbours {
    pub(crate) fn of(&self, v: usize) -> &[(usize, f64)] {
        &self.list[self.start[v]..self.start[v + 1]]
    }
}

/// Valid influence links as (from, to, strength, index in the account's list).
fn influence_links(scene: &Scene<'_>) -> Vec<(usize, usize, u8, usize)> {
    scene
        .account
        .influences
        .iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let (&a, &b) = (scene.index.get(l.from.as_str())?, scene.index.get(l.to.as_str())?);
            (a != b).then_some((a, b, l.strength, k))
        })
        .collect()
}

pub(crate) fn political_layout(scene: &Scene<'_>, opts: &LayoutOptions) -> Layout {
    let n = scene.len();
    let links = influence_links(scene);
    let nb = {
        let mut deg = vec![0usize; n + 1];
        for &(a, b, _, _) in &links {
            deg[a] += 1;
            deg[b] += 1;
        }
        let mut start = vec![0usize; n + 1];
        for i in 0..n {
            start[i + 1] = start[i] + deg[i];
        }
        let mut fill = start.clone();
        let mut list = vec![(0usize, 0.0f64); start[n]];
        for &(a, b, s, _) in &links {
            let w = f64::from(s.clamp(1, 3));
            list[fill[a]] = (b, w);
            fill[a] += 1;
            list[fill[b]] = (a, w);
            fill[b] += 1;
        }
        Neighbours { start, list }
    };
    let base = regions(scene);
    let mut region_of = vec![0usize; n];
    for (g, r) in base.iter().enumerate() {
        for &m in &r.members {
            region_of[m] = g;
        }
    }
    let chain = circle_chain(&base, &links, &region_of);
    // Two arrangements: circles as blocks packed in rows, or as full-width
    // bands stacked (lines between bands then run nearly parallel). The one
    // with fewer crossings wins; blocks on a tie, they read better.
    let mut blocks = base.clone();
    arrange_blocks(&mut blocks, &chain);
    let block_order = best_block_order(&mut blocks, &links, &region_of, &chain);
    pack_blocks(&mut blocks, &block_order);
    let mut bands = base;
    arrange_bands(&mut bands, &chain);
    // Each circle drawn on its own by a spring embedder (people pulled
    // towards the circles they have lines to, as the blocks lie) is where
    // placement starts, on either arrangement's grids.
    let pull = outward_pulls(&blocks, &nb, &region_of);
    let (ux, uy) = springs::drawing(&blocks, &nb, &region_of, n, &pull);
    let (bx, by) = place_people(&blocks, &nb, n, springs::snap_scaled(&blocks, &ux, &uy, n));
    let mut best = (blocks, bx, by);
    if links.len() > 1 && best.0.len() > 1 {
        let (sx, sy) = place_people(&bands, &nb, n, springs::snap_scaled(&bands, &ux, &uy, n));
        // Crossings grow with the square of the lines: on a big map the two
        // are compared on an evenly spread sample of them (deterministic).
        let step = links.len().div_ceil(COMPARE_LINKS);
        let sample: Vec<_> = links.iter().step_by(step).copied().collect();
        let routes_of = |px: &[f64], py: &[f64]| routes(&sample, px, py, None);
        let crossings_blocks = count_crossings(routes_of(&best.1, &best.2).iter().map(Vec::as_slice));
        let crossings_bands = count_crossings(routes_of(&sx, &sy).iter().map(Vec::as_slice));
        if crossings_bands < crossings_blocks {
            best = (bands, sx, sy);
        }
    }
    let (regions, mut px, mut py) = best;
    let grids: Vec<untangle::Grid> = regions
        .iter()
        .map(|r| {
            let (x, y) = r.slot(0, 0);
            untangle::Grid { x, y, cols: r.cols, rows: r.rows }
        })
        .collect();
    let lines: Vec<(usize, usize)> = links.iter().map(|&(a, b, _, _)| (a, b)).collect();
    untangle::untangle(&mut px, &mut py, &region_of, &grids, (PITCH_X, PITCH_Y), &lines);

    let mut out = scene.empty_layout(Layer::Political, opts);
    for r in &regions {
        for &m in &r.members {
            out.nodes.push(scene.node(m, px[m], py[m]));
        }
        out.groups.push(LayoutGroup {
            id: r.id.clone(),
            name: r.name.clone(),
            kind: r.kind,
            role: None,
            x: r.x,
            y: r.y,
            width: r.width(),
            height: r.height(),
            members: r.members.len() as u32,
        });
    }
    let people = &scene.account.people;
    let obstacles = Obstacles::new((0..n).map(|v| Rect::new(px[v], py[v], NODE_WIDTH, NODE_HEIGHT)).collect());
    for (&(a, b, s, _), points) in links.iter().zip(routes_choosing(&links, &px, &py, Some(&obstacles), true)) {
        out.edges.push(LayoutEdge {
            kind: EdgeKind::Influence,
            from: people[a].id.clone(),
            to: people[b].id.clone(),
            strength: Some(s),
            label: String::new(),
            points,
        });
    }
    out
}

/// Straight lines between the boxes, or with `obstacles` (the final
/// drawing) bent round every box in the way; a pair influencing each other
/// both ways gets two parallel lines instead of one on top of the other.
fn routes(links: &[(usize, usize, u8, usize)], px: &[f64], py: &[f64], obstacles: Option<&Obstacles>) -> Vec<Vec<Point>> {
    routes_choosing(links, px, py, obstacles, false)
}

/// [`routes`]; with `other_side` every line bent round a box gets a second
/// route, round the first box by the other side, and keeps whichever of
/// the two crosses fewer of the other lines (one pass, in line order, within
/// [`SIDES_BUDGET`]).
fn routes_choosing(
    links: &[(usize, usize, u8, usize)],
    px: &[f64],
    py: &[f64],
    obstacles: Option<&Obstacles>,
    other_side: bool,
) -> Vec<Vec<Point>> {
    let rect = |v: usize| Rect::new(px[v], py[v], NODE_WIDTH, NODE_HEIGHT);
    let pairs: std::collections::HashSet<(usize, usize)> = links.iter().map(|&(a, b, _, _)| (a, b)).collect();
    // A pair influencing each other both ways: two parallel lines.
    let offset = |a: usize, b: usize, mut points: Vec<Point>| {
        if pairs.contains(&(b, a)) {
            let (ca, cb) = (rect(a).center(), rect(b).center());
            let (d, e) = (cb.x - ca.x, cb.y - ca.y);
            let len = (d * d + e * e).sqrt().max(1e-9);
            let (ox, oy) = (-e / len * 4.0, d / len * 4.0);
            for p in &mut points {
                p.x += ox;
                p.y += oy;
            }
        }
        points
    };
    let mut out: Vec<Vec<Point>> = links
        .iter()
        .map(|&(a, b, _, _)| {
            let points = match obstacles {
                Some(o) => o.route(a, b),
                None => straight_route(&rect(a), &rect(b)),
            };
            offset(a, b, points)
        })
        .collect();
    let Some(o) = obstacles.filter(|_| other_side) else { return out };
    let crossings_of = |k: usize, route: &[Point], out: &[Vec<Point>]| -> usize {
        let (a, b, _, _) = links[k];
        let mut count = 0;
        for (j, other) in out.iter().enumerate() {
            let (c, d, _, _) = links[j];
            if j == k || c == a || c == b || d == a || d == b {
                continue;
            }
            for s in route.windows(2) {
                for t in other.windows(2) {
                    if segments_cross(s[0], s[1], t[0], t[1]) {
                        count += 1;
                    }
                }
            }
        }
        count
    };
    let segments: usize = out.iter().map(|r| r.len() - 1).sum();
    let mut spent = 0;
    for k in 0..links.len() {
        if out[k].len() <= 2 {
            continue;
        }
        spent += 2 * (out[k].len() + 2) * segments;
        if spent > SIDES_BUDGET {
            break;
        }
        let (a, b, _, _) = links[k];
        let alt = offset(a, b, o.route_other_side(a, b));
        if alt != out[k] && crossings_of(k, &alt, &out) < crossings_of(k, &out[k], &out) {
            out[k] = alt;
        }
    }
    out
}

/// For each person, the sum over their lines to other regions of
/// [`OUTWARD`] × strength in the direction (in cells) from their region's
/// centre to the other region's centre.
fn outward_pulls(regions: &[Region], nb: &Neighbours, region_of: &[usize]) -> Vec<(f64, f64)> {
    let centre = |g: usize| Rect::new(regions[g].x, regions[g].y, regions[g].width(), regions[g].height()).center();
    (0..region_of.len())
        .map(|v| {
            let g = region_of[v];
            let (mut fx, mut fy) = (0.0, 0.0);
            for &(u, w) in nb.of(v) {
                let h = region_of[u];
                if h != g {
                    let (a, b) = (centre(g), centre(h));
                    let (dx, dy) = ((b.x - a.x) / PITCH_X, (b.y - a.y) / PITCH_Y);
                    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                    fx += OUTWARD * w * dx / len;
                    fy += OUTWARD * w * dy / len;
                }
            }
            (fx, fy)
        })
        .collect()
}

/// Where everyone sits: a few rounds of "move towards your neighbours, snap
/// back to your region's grid" (rows by target y, columns by target x; a
/// part-filled row spreads to where its people want to be).
fn place_people(regions: &[Region], nb: &Neighbours, n: usize, start: (Vec<f64>, Vec<f64>)) -> (Vec<f64>, Vec<f64>) {
    let (mut px, mut py) = start;
    let mut tx = vec![0.0f64; n];
    let mut ty = vec![0.0f64; n];
    let mut order: Vec<usize> = Vec::new();
    let mut want: Vec<usize> = Vec::new();
    for _ in 0..ROUNDS {
        for v in 0..n {
            let ns = nb.of(v);
            if ns.is_empty() {
                tx[v] = px[v];
                ty[v] = py[v];
                continue;
            }
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            for &(u, w) in ns {
                sx += w * px[u];
                sy += w * py[u];
                sw += w;
            }
            tx[v] = 0.3 * px[v] + 0.7 * sx / sw;
            ty[v] = 0.3 * py[v] + 0.7 * sy / sw;
        }
        for r in regions {
            order.clear();
            order.extend_from_slice(&r.members);
            order.sort_by(|&a, &b| ty[a].total_cmp(&ty[b]).then(a.cmp(&b)));
            let x0 = r.x + PAD;
            for (row, chunk) in order.chunks_mut(r.cols).enumerate() {
                chunk.sort_by(|&a, &b| tx[a].total_cmp(&tx[b]).then(a.cmp(&b)));
                // Columns as near the wanted x as the order allows.
                want.clear();
                want.extend(chunk.iter().map(|&m| ((tx[m] - x0) / PITCH_X).round().clamp(0.0, (r.cols - 1) as f64) as usize));
                let cols = springs::monotone(&want, r.cols, 1);
                for (i, &m) in chunk.iter().enumerate() {
                    let (x, y) = r.slot(row, cols[i]);
                    px[m] = x;
                    py[m] = y;
                }
            }
        }
    }
    (px, py)
}

/// The circles with members (in the account's order, then circles named only
/// by people), then the people outside every circle.
fn regions(scene: &Scene<'_>) -> Vec<Region> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut regions: Vec<Region> = Vec::new();
    let new_region = |id: &str, name: &str, kind| Region {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        members: Vec::new(),
        cols: 1,
        rows: 1,
        band_width: None,
        x: 0.0,
        y: 0.0,
    };
    for c in &scene.account.circles {
        if !by_id.contains_key(c.id.as_str()) {
            by_id.insert(&c.id, regions.len());
            regions.push(new_region(&c.id, &c.name, GroupKind::Circle));
        }
    }
    let mut outside = new_region("outside", "圈外（不属于任何圈子）", GroupKind::Outside);
    for (i, p) in scene.account.people.iter().enumerate() {
        match circle_of(p) {
            Some(c) => {
                let g = *by_id.entry(c).or_insert_with(|| {
                    regions.push(new_region(c, c, GroupKind::Circle));
                    regions.len() - 1
                });
                regions[g].members.push(i);
            }
            None => outside.members.push(i),
        }
    }
    regions.retain(|r| !r.members.is_empty());
    if !outside.members.is_empty() {
        regions.push(outside);
    }
    regions
}

/// The circles in an order where those influencing each other most are
/// neighbours: start with the largest, then always the circle most tied to
/// those already placed, recent ones counting more (ties: account order).
fn circle_chain(regions: &[Region], links: &[(usize, usize, u8, usize)], region_of: &[usize]) -> Vec<usize> {
    let circles = regions.iter().filter(|r| r.kind == GroupKind::Circle).count();
    let mut weight = vec![vec![0.0f64; regions.len()]; regions.len()];
    for &(a, b, s, _) in links {
        let (ga, gb) = (region_of[a], region_of[b]);
        if ga != gb {
            weight[ga][gb] += f64::from(s);
            weight[gb][ga] += f64::from(s);
        }
    }
    let mut chain: Vec<usize> = Vec::with_capacity(circles);
    let mut used = vec![false; circles];
    if circles == 0 {
        return chain;
    }
    let first = (0..circles)
        .max_by(|&a, &b| regions[a].members.len().cmp(&regions[b].members.len()).then(b.cmp(&a)))
        .expect("at least one circle");
    chain.push(first);
    used[first] = true;
    while chain.len() < circles {
        let tie = |g: usize| -> f64 { chain.iter().enumerate().map(|(k, &c)| weight[g][c] * (1.0 + k as f64)).sum() };
        let next = (0..circles)
            .filter(|&g| !used[g])
            .max_by(|&a, &b| tie(a).total_cmp(&tie(b)).then(b.cmp(&a)))
            .expect("an unused circle");
        chain.push(next);
        used[next] = true;
    }
    chain
}

/// Circles as blocks near [`REGION_ASPECT`], packed in rows near the map's
/// aspect; the outsiders apart (below or to the right, whichever keeps the
/// map nearer its aspect).
/// A candidate arrangement of region blocks: its score, the top-left of each
/// region in chain order, and whether the outsiders go to the right (else below).
type Arrangement = (f64, Vec<(f64, f64)>, bool);

fn arrange_blocks(regions: &mut [Region], chain: &[usize]) {
    for r in regions.iter_mut() {
        let k = r.members.len();
        r.cols = ((k as f64 * REGION_ASPECT * PITCH_Y / PITCH_X).sqrt().round() as usize).clamp(1, k);
        r.rows = k.div_ceil(r.cols);
        r.band_width = None;
    }
    pack_blocks(regions, chain);
}

/// Packs regions of their present sizes as blocks in rows, in `chain`
/// order, the rows' width chosen for the map nearest [`MAP_ASPECT`]; the
/// outsiders (the region after the circles) apart, below or to the right.
fn pack_blocks(regions: &mut [Region], chain: &[usize]) {
    let widths: Vec<f64> = chain.iter().map(|&g| regions[g].width()).collect();
    let heights: Vec<f64> = chain.iter().map(|&g| regions[g].height()).collect();
    let outside = (chain.len() < regions.len()).then_some(chain.len());
    let mut best: Option<Arrangement> = None;
    let widest = widths.iter().cloned().fold(0.0, f64::max);
    let mut limits: Vec<f64> = Vec::new();
    let mut acc = 0.0;
    for (k, w) in widths.iter().enumerate() {
        acc += w + if k > 0 { REGION_GAP } else { 0.0 };
        if acc >= widest {
            limits.push(acc);
        }
    }
    if limits.is_empty() {
        limits.push(0.0);
    }
    for limit in limits {
        let mut pos = Vec::with_capacity(chain.len());
        let (mut x, mut y, mut row_h, mut max_w) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (k, (&w, &h)) in widths.iter().zip(&heights).enumerate() {
            if k > 0 && x + w > limit + 1e-9 {
                y += row_h + REGION_GAP;
                x = 0.0;
                row_h = 0.0;
            }
            pos.push((x, y));
            x += w + REGION_GAP;
            row_h = row_h.max(h);
            max_w = max_w.max(x - REGION_GAP);
        }
        let total_h = if chain.is_empty() { 0.0 } else { y + row_h };
        let candidates: Vec<(f64, f64, bool)> = match outside {
            None => vec![(max_w, total_h, false)],
            Some(o) => {
                let (ow, oh) = (regions[o].width(), regions[o].height());
                let gap = if chain.is_empty() { 0.0 } else { OUTSIDE_GAP };
                vec![(max_w.max(ow), total_h + gap + oh, false), (max_w + gap + ow, total_h.max(oh), true)]
            }
        };
        for (w, h, right) in candidates {
            let score = maths::ln((w / h.max(1.0)) / MAP_ASPECT).abs();
            if best.as_ref().is_none_or(|b| score < b.0 - 1e-12) {
                best = Some((score, pos.clone(), right));
            }
        }
    }
    let (_, pos, right) = best.expect("a candidate arrangement");
    let (mut max_w, mut max_h) = (0.0f64, 0.0f64);
    for (k, &g) in chain.iter().enumerate() {
        regions[g].x = pos[k].0;
        regions[g].y = pos[k].1;
        max_w = max_w.max(pos[k].0 + regions[g].width());
        max_h = max_h.max(pos[k].1 + regions[g].height());
    }
    if let Some(o) = outside {
        let gap = if chain.is_empty() { 0.0 } else { OUTSIDE_GAP };
        if right {
            regions[o].x = max_w + gap;
            regions[o].y = 0.0;
        } else {
            regions[o].x = 0.0;
            regions[o].y = max_h + gap;
        }
    }
}

/// Circles as bands of one common width, stacked in chain order, the
/// outsiders' band last after a wider gap; the column count is the one
/// whose map is nearest [`MAP_ASPECT`].
fn arrange_bands(regions: &mut [Region], chain: &[usize]) {
    let largest = regions.iter().map(|r| r.members.len()).max().unwrap_or(1);
    let size = |c: usize| {
        let h: f64 = regions
            .iter()
            .map(|r| LABEL + 2.0 * PAD + r.members.len().div_ceil(c) as f64 * PITCH_Y - GAP_Y + REGION_GAP)
            .sum();
        (2.0 * PAD + c as f64 * PITCH_X - GAP_X, h)
    };
    let cols = (1..=largest)
        .min_by(|&a, &b| {
            let score = |c: usize| {
                let (w, h) = size(c);
                maths::ln((w / h) / MAP_ASPECT).abs()
            };
            score(a).total_cmp(&score(b))
        })
        .unwrap_or(1);
    let width = 2.0 * PAD + cols as f64 * PITCH_X - GAP_X;
    let mut y = 0.0;
    let order: Vec<usize> = chain.iter().copied().chain(chain.len()..regions.len()).collect();
    for (k, &g) in order.iter().enumerate() {
        let r = &mut regions[g];
        if k > 0 && r.kind == GroupKind::Outside {
            y += OUTSIDE_GAP - REGION_GAP;
        }
        r.cols = cols;
        r.rows = r.members.len().div_ceil(cols);
        r.band_width = Some(width);
        r.x = 0.0;
        r.y = y;
        y += r.height() + REGION_GAP;
    }
}

/// The order of the circles' blocks ([`pack_blocks`]) whose lines between
/// region centres cross least, weighted by the lines they stand for (and
/// counting a line run over a third region): from `chain`, two circles
/// trade places while that lowers the count.
fn best_block_order(regions: &mut [Region], links: &[(usize, usize, u8, usize)], region_of: &[usize], chain: &[usize]) -> Vec<usize> {
    let k = regions.len();
    let mut w = vec![vec![0.0f64; k]; k];
    for &(a, b, _, _) in links {
        let (ga, gb) = (region_of[a], region_of[b]);
        if ga != gb {
            w[ga.min(gb)][ga.max(gb)] += 1.0;
        }
    }
    let pairs: Vec<(usize, usize, f64)> =
        (0..k).flat_map(|a| (a + 1..k).map(move |b| (a, b))).filter(|&(a, b)| w[a][b] > 0.0).map(|(a, b)| (a, b, w[a][b])).collect();
    let score = |regions: &mut [Region], order: &[usize]| -> f64 {
        pack_blocks(regions, order);
        let rect = |g: usize| Rect::new(regions[g].x, regions[g].y, regions[g].width(), regions[g].height());
        let centre = |g: usize| rect(g).center();
        let mut s = 0.0;
        for (i, &(a, b, wab)) in pairs.iter().enumerate() {
            let (pa, pb) = (centre(a), centre(b));
            for &(c, d, wcd) in &pairs[i + 1..] {
                if a != c && a != d && b != c && b != d && segments_cross(pa, pb, centre(c), centre(d)) {
                    s += wab * wcd;
                }
            }
            for (m, r) in regions.iter().enumerate() {
                if m != a && m != b && rect(m).crossed_by(pa, pb) {
                    s += THROUGH * wab * (r.members.len() as f64).sqrt();
                }
            }
        }
        s
    };
    let mut order = chain.to_vec();
    let mut best = score(regions, &order);
    for _ in 0..20 {
        let mut improved = false;
        for a in 0..order.len() {
            for b in a + 1..order.len() {
                order.swap(a, b);
                let s = score(regions, &order);
                if s < best - 1e-9 {
                    best = s;
                    improved = true;
                } else {
                    order.swap(a, b);
                }
            }
        }
        if !improved {
            break;
        }
    }
    order
}
