//! 汇报关系 — the reporting layer: the solid-line org chart of an account.
//!
//! Two arrangements, both linear in the number of people:
//! - **compact** (default): a manager's leaf reports hang in columns beside a
//!   vertical spine; a manager's reports that have reports of their own are
//!   placed side by side and wrap into rows, every subtree choosing the
//!   column count and row width that bring its box nearest [`TARGET_ASPECT`].
//!   A 2,000-person chart stays near a screen's shape instead of being a
//!   kilometre wide.
//! - **tidy**: the classic layered tidy tree of Buchheim, Jünger and Leipert
//!   (Walker's algorithm in linear time), one row per level.
//!
//! Either way every manager is above their reports, several roots (a forest)
//! sit side by side, collapsed people hide their subtrees, and the lines are
//! routed orthogonally (manager bottom → bus line → report tops; a spine
//! beside each leaf column) through gaps only, so a solid line never crosses
//! a box or another manager's lines. Dotted-line managers are drawn as extra
//! edges after the layout: they never move a box. Manager cycles, which the
//! import refuses, are cut here too (with petgraph) so a bad file cannot hang.

use petgraph::graph::{DiGraph, NodeIndex};

use super::geometry::{Point, Rect};
use super::maths;
use super::route::Obstacles;
use super::{
    EdgeKind, Layer, Layout, LayoutEdge, LayoutOptions, PersonIndex, ReportingMode, Scene, NODE_HEIGHT, NODE_WIDTH,
};
use crate::model::Person;

/// Horizontal gap between boxes and blocks side by side.
pub const H_GAP: f64 = 24.0;
/// Vertical gap between a manager and the row of reports (the bus runs in its middle).
pub const V_GAP: f64 = 44.0;
/// Lane left of a leaf column for its spine.
pub const LEAF_INDENT: f64 = 22.0;
/// Vertical gap between stacked leaves.
pub const LEAF_V_GAP: f64 = 12.0;
/// Lane left of a wrapped block for the trunk reaching its lower rows.
pub const TRUNK_MARGIN: f64 = 22.0;
/// Width ÷ height the compact chart aims at when it has to wrap (a landscape screen)…
pub const TARGET_ASPECT: f64 = 1.6;
/// …which it only does when wider than this.
pub const MAX_ASPECT: f64 = 2.0;

const NONE: usize = usize::MAX;

/// The solid-line forest of an account: parents, children in person order,
/// roots, and which subtrees are folded away.
pub struct Forest {
    pub parent: Vec<usize>,
    /// Visible children (none under a collapsed person), CSR-style.
    child_start: Vec<usize>,
    child_list: Vec<usize>,
    pub roots: Vec<usize>,
    /// Visible people, parents before children (breadth first).
    pub order: Vec<usize>,
    /// Empty when nobody is folded away (everyone is visible).
    visible: Vec<bool>,
    /// People folded away under each collapsed visible person.
    /// Empty when nobody is folded away.
    hidden_below: Vec<u32>,
}

impl Forest {
    pub fn children(&self, v: usize) -> &[usize] {
        &self.child_list[self.child_start[v]..self.child_start[v + 1]]
    }

    /// Not folded away under a collapsed manager.
    pub fn visible(&self, v: usize) -> bool {
        self.visible.is_empty() || self.visible[v]
    }

    /// People folded away under `v` (0 unless `v` is collapsed).
    pub fn hidden_below(&self, v: usize) -> u32 {
        self.hidden_below.get(v).copied().unwrap_or(0)
    }

    /// Builds the forest over solid lines; a manager outside the account makes
    /// a root, and a cycle is cut at its earliest person (who becomes a root).
    pub fn new(people: &[Person], index: &PersonIndex<'_>, collapsed: &[String]) -> Forest {
        let n = people.len();
        let mut parent = vec![NONE; n];
        for (i, p) in people.iter().enumerate() {
            if let Some(&m) = p.manager.as_deref().and_then(|m| index.get(m)) {
                if m != i {
                    parent[i] = m;
                }
            }
        }
        let (mut all_start, mut all_list, mut roots, mut bfs) = breadth_first(&parent);
        if bfs.len() < n {
            // Someone is not below a root: a manager cycle.
            cut_cycles(&mut parent);
            (all_start, all_list, roots, bfs) = breadth_first(&parent);
        }
        let mut is_collapsed = vec![false; n];
        let mut any_collapsed = false;
        for id in collapsed {
            if let Some(&i) = index.get(id.as_str()) {
                is_collapsed[i] = true;
                any_collapsed = true;
            }
        }
        if !any_collapsed {
            return Forest {
                parent,
                child_start: all_start,
                child_list: all_list,
                roots,
                order: bfs,
                visible: Vec::new(),
                hidden_below: Vec::new(),
            };
        }
        let mut size = vec![1u32; n];
        for &v in bfs.iter().rev() {
            if parent[v] != NONE {
                size[parent[v]] += size[v];
            }
        }
        let mut visible = vec![false; n];
        let mut hidden_below = vec![0u32; n];
        let mut order = Vec::with_capacity(n);
        for &v in &bfs {
            let shown = parent[v] == NONE || (visible[parent[v]] && !is_collapsed[parent[v]]);
            visible[v] = shown;
            if shown {
                order.push(v);
                if is_collapsed[v] {
                    hidden_below[v] = size[v] - 1;
                }
            }
        }
        let mut child_start = vec![0usize; n + 1];
        let mut child_list = Vec::with_capacity(order.len());
        for v in 0..n {
            if visible[v] && !is_collapsed[v] {
                child_list.extend_from_slice(&all_list[all_start[v]..all_start[v + 1]]);
            }
            child_start[v + 1] = child_list.len();
        }
        Forest { parent, child_start, child_list, roots, order, visible, hidden_below }
    }
}

/// Children of everyone (CSR, in person order), the roots, and everyone
/// reachable from a root, breadth first.
fn breadth_first(parent: &[usize]) -> (Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>) {
    let n = parent.len();
    let mut start = vec![0usize; n + 1];
    for &p in parent {
        if p != NONE {
            start[p + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut list = vec![0usize; start[n]];
    let mut roots = Vec::new();
    for (i, &p) in parent.iter().enumerate() {
        if p == NONE {
            roots.push(i);
        } else {
            list[fill[p]] = i;
            fill[p] += 1;
        }
    }
    let mut bfs = Vec::with_capacity(n);
    bfs.extend_from_slice(&roots);
    let mut head = 0;
    while head < bfs.len() {
        let v = bfs[head];
        head += 1;
        bfs.extend_from_slice(&list[start[v]..start[v + 1]]);
    }
    (start, list, roots, bfs)
}

/// Cuts every manager cycle: in each strongly connected component of more
/// than one person, the earliest person loses their manager.
fn cut_cycles(parent: &mut [usize]) {
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(parent.len(), parent.len());
    for _ in 0..parent.len() {
        g.add_node(());
    }
    let mut has_edge = false;
    for (i, &p) in parent.iter().enumerate() {
        if p != NONE {
            g.add_edge(NodeIndex::new(p), NodeIndex::new(i), ());
            has_edge = true;
        }
    }
    if !has_edge {
        return;
    }
    for scc in petgraph::algo::tarjan_scc(&g) {
        if scc.len() > 1 {
            let first = scc.iter().map(|n| n.index()).min().expect("non-empty component");
            parent[first] = NONE;
        }
    }
}

/// Positions (top-left of each visible person's box; NaN for hidden people)
/// and the solid-line routes of the reporting layer.
pub struct ReportingGeometry {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// `(manager, report, route)` for every visible report.
    pub routes: Vec<(usize, usize, Vec<Point>)>,
}

/// Positions and routes of the reporting layer in `mode`.
pub fn geometry(forest: &Forest, mode: ReportingMode) -> ReportingGeometry {
    match mode {
        ReportingMode::Compact => compact(forest),
        ReportingMode::Tidy => tidy(forest),
    }
}

/// The reporting layer of a scene.
pub(crate) fn reporting_layout(scene: &Scene<'_>, opts: &LayoutOptions) -> Layout {
    let forest = Forest::new(&scene.account.people, &scene.index, &opts.collapsed);
    let geo = geometry(&forest, opts.mode);
    let mut out = scene.empty_layout(Layer::Reporting, opts);
    assemble(scene, &forest, geo, &mut out);
    out
}

/// Nodes, solid edges and dotted edges from a computed geometry.
pub(crate) fn assemble(scene: &Scene<'_>, forest: &Forest, geo: ReportingGeometry, out: &mut Layout) {
    out.nodes.reserve(forest.order.len());
    let mut slot = vec![NONE; scene.len()];
    for (k, &v) in forest.order.iter().enumerate() {
        let mut node = scene.node(v, geo.x[v], geo.y[v]);
        node.hidden_reports = forest.hidden_below(v);
        out.hidden += forest.hidden_below(v);
        out.nodes.push(node);
        slot[v] = k;
    }
    out.edges.reserve(geo.routes.len());
    let people = &scene.account.people;
    for (m, r, route) in geo.routes {
        out.edges.push(LayoutEdge {
            kind: EdgeKind::Reporting,
            from: people[m].id.clone(),
            to: people[r].id.clone(),
            strength: None,
            label: String::new(),
            points: route,
        });
    }
    let mut obstacles: Option<Obstacles> = None;
    for &v in &forest.order {
        for m in &people[v].dotted_managers {
            let Some(&mi) = scene.index.get(m.as_str()) else { continue };
            if mi == v || !forest.visible(mi) || forest.parent[v] == mi {
                continue;
            }
            let o = obstacles.get_or_insert_with(|| Obstacles::new(out.nodes.iter().map(|n| n.rect()).collect()));
            out.edges.push(LayoutEdge {
                kind: EdgeKind::DottedLine,
                from: people[mi].id.clone(),
                to: people[v].id.clone(),
                strength: None,
                label: String::new(),
                points: o.route(slot[mi], slot[v]),
            });
        }
    }
}

/// A straight line between two boxes, from border to border.
pub fn straight_route(a: &Rect, b: &Rect) -> Vec<Point> {
    vec![a.border_towards(b.center()), b.border_towards(a.center())]
}

// ---------------------------------------------------------------- compact

/// One item placed in a row under a manager: a leaf block or a child's block.
#[derive(Clone, Copy)]
struct Item {
    w: f64,
    h: f64,
}

/// Greedy rows of `items` no wider than `limit`: (row of each item, x in row, row widths, row heights).
fn pack_rows(items: &[Item], limit: f64, xs: &mut Vec<f64>, rows: &mut Vec<usize>, widths: &mut Vec<f64>, heights: &mut Vec<f64>) {
    xs.clear();
    rows.clear();
    widths.clear();
    heights.clear();
    for it in items {
        let need = if widths.is_empty() { f64::INFINITY } else { widths[widths.len() - 1] + H_GAP + it.w };
        if widths.is_empty() || need > limit + 1e-9 {
            widths.push(it.w);
            heights.push(it.h);
            xs.push(0.0);
        } else {
            let r = widths.len() - 1;
            xs.push(widths[r] + H_GAP);
            widths[r] = need;
            heights[r] = heights[r].max(it.h);
        }
        rows.push(widths.len() - 1);
    }
}

/// Width and height of a block whose rows have these widths and heights,
/// with `head` the manager's own height (0 for the forest's virtual root).
fn block_size(widths: &[f64], heights: &[f64], head: f64) -> (f64, f64) {
    let multi = widths.len() > 1;
    let content_w = widths.iter().cloned().fold(0.0, f64::max) + if multi { TRUNK_MARGIN } else { 0.0 };
    let content_h: f64 = heights.iter().sum::<f64>() + V_GAP * (heights.len().saturating_sub(1)) as f64;
    let gap = if head > 0.0 { V_GAP } else { 0.0 };
    (content_w.max(if head > 0.0 { NODE_WIDTH } else { 0.0 }), head + gap + content_h)
}

/// Columns for `k` stacked leaves: about square, one column for small teams,
/// and never wider than `budget`.
fn leaf_columns(k: usize, budget: f64) -> usize {
    let col_w = LEAF_INDENT + NODE_WIDTH;
    let pitch = NODE_HEIGHT + LEAF_V_GAP;
    let square = ((k as f64 * pitch / col_w).sqrt().round() as usize).clamp(1, k);
    let fits = (((budget + H_GAP) / (col_w + H_GAP)).floor() as usize).max(1);
    square.min(fits)
}

/// The visible forest renumbered breadth first, each manager's reports
/// contiguous with the leaves first: the passes below then walk memory in
/// order (a 20,000-person chart no longer waits on cache misses).
struct Bfs {
    /// Person at each position.
    person: Vec<usize>,
    /// Position of the manager (`u32::MAX` for a root).
    parent: Vec<u32>,
    /// First report's position; leaf reports, then the others.
    first: Vec<u32>,
    leaves: Vec<u32>,
    kids: Vec<u32>,
    /// People in the subtree (the person included).
    size: Vec<u32>,
    roots: usize,
}

impl Bfs {
    fn new(forest: &Forest) -> Bfs {
        let m = forest.order.len();
        let mut b = Bfs {
            person: Vec::with_capacity(m),
            parent: Vec::with_capacity(m),
            first: vec![0; m],
            leaves: vec![0; m],
            kids: vec![0; m],
            size: vec![1; m],
            roots: forest.roots.len(),
        };
        b.person.extend_from_slice(&forest.roots);
        b.parent.resize(forest.roots.len(), u32::MAX);
        let mut head = 0;
        while head < b.person.len() {
            let v = b.person[head];
            let kids = forest.children(v);
            b.first[head] = b.person.len() as u32;
            let before = b.person.len();
            b.person.extend(kids.iter().copied().filter(|&c| forest.children(c).is_empty()));
            b.leaves[head] = (b.person.len() - before) as u32;
            b.person.extend(kids.iter().copied().filter(|&c| !forest.children(c).is_empty()));
            b.kids[head] = kids.len() as u32;
            b.parent.resize(b.person.len(), head as u32);
            head += 1;
        }
        for i in (b.roots..m).rev() {
            let p = b.parent[i] as usize;
            b.size[p] += b.size[i];
        }
        b
    }
}

/// Per-position results of one compact pass, relative to the manager's block.
#[derive(Clone, Copy, Default)]
struct Block {
    w: f64,
    h: f64,
    /// The person's box inside their own block.
    node_dx: f64,
    /// The block inside the manager's block.
    rel_x: f64,
    rel_y: f64,
    /// Top of the row holding it, in the manager's block.
    row_top: f64,
    /// Spine of its leaf column (leaves only), in the manager's block.
    spine_x: f64,
    /// Trunk to lower rows (managers with wrapped rows), in its own block.
    trunk_x: f64,
}

/// Side of the square that one person's box takes in a compact chart.
fn unit() -> f64 {
    ((NODE_WIDTH + H_GAP) * (NODE_HEIGHT + LEAF_V_GAP)).sqrt()
}

/// One bottom-up pass: the block of a manager with `s` people below wraps
/// its reports into rows no wider than `factor · √s` person-squares (a block
/// never wraps when its reports fit side by side), so wrapping spreads over
/// every level instead of only the top. Returns the chart's width and
/// height; with `place` it also records where everything goes (root block
/// offsets in `roots`).
fn compact_pass(t: &Bfs, factor: f64, b: &mut [Block], roots: &mut Vec<(f64, f64)>, place: bool) -> (f64, f64) {
    let mut items: Vec<Item> = Vec::new();
    let (mut xs, mut rows, mut widths, mut heights) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut tops: Vec<f64> = Vec::new();
    let unit = unit();
    for v in (0..b.len()).rev() {
        let kids = t.kids[v] as usize;
        if kids == 0 {
            b[v].w = NODE_WIDTH;
            b[v].h = NODE_HEIGHT;
            continue;
        }
        let (first, leaves) = (t.first[v] as usize, t.leaves[v] as usize);
        items.clear();
        let budget = factor * f64::from(t.size[v]).sqrt() * unit;
        let cols = if leaves == 0 { 0 } else { leaf_columns(leaves, budget) };
        let per_col = if cols == 0 { 0 } else { leaves.div_ceil(cols) };
        if cols > 0 {
            let w = cols as f64 * (LEAF_INDENT + NODE_WIDTH) + (cols - 1) as f64 * H_GAP;
            let h = per_col as f64 * (NODE_HEIGHT + LEAF_V_GAP) - LEAF_V_GAP;
            items.push(Item { w, h });
        }
        items.extend(b[first + leaves..first + kids].iter().map(|c| Item { w: c.w, h: c.h }));
        pack_rows(&items, budget, &mut xs, &mut rows, &mut widths, &mut heights);
        let multi = widths.len() > 1;
        let left = if multi { TRUNK_MARGIN } else { 0.0 };
        // The manager sits centred over the first row.
        let mut dx = left + widths[0] / 2.0 - NODE_WIDTH / 2.0;
        let shift = if dx < 0.0 { -dx } else { 0.0 };
        dx += shift;
        let (w, h) = block_size(&widths, &heights, NODE_HEIGHT);
        b[v].w = (shift + w).max(dx + NODE_WIDTH);
        b[v].h = h;
        if !place {
            continue;
        }
        b[v].node_dx = dx;
        b[v].trunk_x = if multi { shift + TRUNK_MARGIN / 2.0 } else { f64::NAN };
        tops.clear();
        let mut y = NODE_HEIGHT + V_GAP;
        for &rh in &heights {
            tops.push(y);
            y += rh + V_GAP;
        }
        let mut k = 0;
        if cols > 0 {
            let (ix, iy) = (shift + left + xs[0], tops[rows[0]]);
            for (i, c) in b[first..first + leaves].iter_mut().enumerate() {
                let (col, r) = (i / per_col, i % per_col);
                let col_left = ix + col as f64 * (LEAF_INDENT + NODE_WIDTH + H_GAP);
                c.rel_x = col_left + LEAF_INDENT;
                c.rel_y = iy + r as f64 * (NODE_HEIGHT + LEAF_V_GAP);
                c.row_top = iy;
                c.spine_x = col_left + LEAF_INDENT / 2.0;
            }
            k = 1;
        }
        for (j, c) in b[first + leaves..first + kids].iter_mut().enumerate() {
            let i = j + k;
            c.rel_x = shift + left + xs[i];
            c.rel_y = tops[rows[i]];
            c.row_top = tops[rows[i]];
            c.spine_x = f64::NAN;
        }
    }
    // The forest: root blocks in rows, no lines between them.
    items.clear();
    items.extend(b[..t.roots].iter().map(|r| Item { w: r.w, h: r.h }));
    roots.clear();
    if items.is_empty() {
        return (0.0, 0.0);
    }
    let budget = factor * (b.len() as f64).sqrt() * unit;
    pack_rows(&items, budget, &mut xs, &mut rows, &mut widths, &mut heights);
    tops.clear();
    let mut y = 0.0;
    for &rh in &heights {
        tops.push(y);
        y += rh + V_GAP * 2.0;
    }
    for i in 0..t.roots {
        roots.push((xs[i], tops[rows[i]]));
    }
    let w = widths.iter().cloned().fold(0.0, f64::max);
    (w, y - V_GAP * 2.0)
}

/// The compact org chart. Reports first go side by side; when the chart is
/// wider than [`MAX_ASPECT`] allows, the wrapping factor of
/// [`compact_pass`] is searched for the chart nearest [`TARGET_ASPECT`].
pub fn compact(forest: &Forest) -> ReportingGeometry {
    let n = forest.parent.len();
    let t = Bfs::new(forest);
    let m = t.person.len();
    let mut b = vec![Block::default(); m];
    let mut roots = Vec::new();
    let (w, h) = compact_pass(&t, f64::INFINITY, &mut b, &mut roots, false);
    let mut factor = f64::INFINITY;
    if h > 0.0 && w / h > MAX_ASPECT {
        // err = ln(aspect / target) rises with ln(factor), with a slope near 2
        // on org charts, and the factor that hits the target is near 2.4
        // whatever the size: start there, take Newton-like steps until the
        // target is bracketed, then regula falsi (Illinois). Two to four
        // linear passes.
        const SLOPE: f64 = 2.0;
        const FIRST_GUESS: f64 = 2.4;
        const GOOD_ENOUGH: f64 = 0.1;
        let target = maths::ln(TARGET_ASPECT);
        let mut err = |f: f64, b: &mut [Block]| {
            let (w, h) = compact_pass(&t, f, b, &mut roots, false);
            maths::ln(w / h.max(1.0)) - target
        };
        let top = maths::ln((w / ((m as f64).sqrt() * unit())).max(0.1));
        let (mut hi, mut e_hi) = (top, maths::ln(w / h) - target);
        let mut lo: Option<(f64, f64)> = None;
        let mut best = (e_hi.abs(), top);
        let mut guess = maths::ln(FIRST_GUESS).min(top - e_hi / SLOPE / 2.0);
        let mut stale = 0;
        for _ in 0..10 {
            let e = err(maths::exp(guess), &mut b);
            if e.abs() < best.0 {
                best = (e.abs(), guess);
            }
            if best.0 < GOOD_ENOUGH {
                break;
            }
            if e > 0.0 {
                hi = guess;
                e_hi = e;
                if stale == 1 {
                    if let Some((l, el)) = lo {
                        lo = Some((l, el / 2.0));
                    }
                }
                stale = 1;
            } else {
                lo = Some((guess, e));
                if stale == -1 {
                    e_hi /= 2.0;
                }
                stale = -1;
            }
            guess = match lo {
                Some((l, el)) if e_hi - el > 1e-9 => {
                    let g = l + (hi - l) * (-el) / (e_hi - el);
                    g.clamp(l + (hi - l) * 0.05, hi - (hi - l) * 0.05)
                }
                Some((l, _)) => (l + hi) / 2.0,
                None => guess - e / SLOPE,
            };
            if guess < maths::ln(0.02) {
                break;
            }
        }
        factor = maths::exp(best.1);
    }
    compact_pass(&t, factor, &mut b, &mut roots, true);
    // Top-down: absolute positions by breadth-first position, then routes.
    let mut ox = vec![0.0f64; m];
    let mut oy = vec![0.0f64; m];
    let mut x = vec![f64::NAN; n];
    let mut y = vec![f64::NAN; n];
    let mut routes = Vec::with_capacity(m.saturating_sub(t.roots));
    for i in 0..m {
        let p = t.parent[i];
        if p == u32::MAX {
            (ox[i], oy[i]) = roots[i];
        } else {
            let p = p as usize;
            ox[i] = ox[p] + b[i].rel_x;
            oy[i] = oy[p] + b[i].rel_y;
        }
        let (xi, yi) = (ox[i] + b[i].node_dx, oy[i]);
        x[t.person[i]] = xi;
        y[t.person[i]] = yi;
        if p == u32::MAX {
            continue;
        }
        let p = p as usize;
        let (vx, vb) = (ox[p] + b[p].node_dx + NODE_WIDTH / 2.0, oy[p] + NODE_HEIGHT);
        let first_bus = vb + V_GAP / 2.0;
        let bus = oy[p] + b[i].row_top - V_GAP / 2.0;
        let mut pts = Vec::with_capacity(6);
        pts.push(Point::new(vx, vb));
        let mut at = vx;
        if bus > first_bus + 1e-9 {
            // Down the trunk to a lower row.
            at = ox[p] + b[p].trunk_x;
            pts.push(Point::new(vx, first_bus));
            pts.push(Point::new(at, first_bus));
        }
        let leaf = t.kids[i] == 0 && !b[i].spine_x.is_nan();
        let drop_x = if leaf { ox[p] + b[i].spine_x } else { xi + NODE_WIDTH / 2.0 };
        if (drop_x - at).abs() > 1e-9 {
            pts.push(Point::new(at, bus));
            pts.push(Point::new(drop_x, bus));
        }
        if leaf {
            let mid = yi + NODE_HEIGHT / 2.0;
            pts.push(Point::new(drop_x, mid));
            pts.push(Point::new(xi, mid));
        } else {
            pts.push(Point::new(drop_x, yi));
        }
        routes.push((t.person[p], t.person[i], pts));
    }
    ReportingGeometry { x, y, routes }
}

/// Drops repeated points and merges collinear runs of an orthogonal route.
fn simplify(pts: &mut Vec<Point>) {
    pts.dedup_by(|b, a| (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9);
    let mut k = 1;
    while k + 1 < pts.len() {
        let (a, b, c) = (pts[k - 1], pts[k], pts[k + 1]);
        let vertical = (a.x - b.x).abs() < 1e-9 && (b.x - c.x).abs() < 1e-9;
        let horizontal = (a.y - b.y).abs() < 1e-9 && (b.y - c.y).abs() < 1e-9;
        if vertical || horizontal {
            pts.remove(k);
        } else {
            k += 1;
        }
    }
}

// ---------------------------------------------------------------- tidy

/// The layered tidy tree (Buchheim, Jünger, Leipert 2002), iterative so a
/// deep chain cannot overflow the stack. Several roots hang under a virtual
/// root that is not drawn.
pub fn tidy(forest: &Forest) -> ReportingGeometry {
    let n = forest.parent.len();
    let root = n;
    let kids = |v: usize| -> &[usize] { if v == root { &forest.roots } else { forest.children(v) } };
    let dist = NODE_WIDTH + H_GAP;
    let total = n + 1;
    let mut prelim = vec![0.0f64; total];
    let mut modf = vec![0.0f64; total];
    let mut shift = vec![0.0f64; total];
    let mut change = vec![0.0f64; total];
    let mut thread = vec![NONE; total];
    let mut ancestor: Vec<usize> = (0..total).collect();
    let mut number = vec![0usize; total];
    let mut parent = vec![NONE; total];
    for v in (0..n).filter(|&v| forest.visible(v)).chain(std::iter::once(root)) {
        for (k, &c) in kids(v).iter().enumerate() {
            number[c] = k;
            parent[c] = v;
        }
    }
    let left_sibling = |v: usize, parent: &[usize], number: &[usize]| -> usize {
        if parent[v] == NONE || number[v] == 0 {
            NONE
        } else {
            kids(parent[v])[number[v] - 1]
        }
    };
    let next_left = |v: usize, thread: &[usize]| kids(v).first().copied().unwrap_or(thread[v]);
    let next_right = |v: usize, thread: &[usize]| kids(v).last().copied().unwrap_or(thread[v]);

    let mut default_ancestor = vec![NONE; total];
    let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
    while let Some(&(v, i)) = stack.last() {
        let ch = kids(v);
        if ch.is_empty() {
            let w = left_sibling(v, &parent, &number);
            prelim[v] = if w == NONE { 0.0 } else { prelim[w] + dist };
            stack.pop();
            continue;
        }
        if i == 0 {
            default_ancestor[v] = ch[0];
        } else {
            // Apportion the child just laid out against its left siblings.
            let vv = ch[i - 1];
            let w = left_sibling(vv, &parent, &number);
            if w != NONE {
                let (mut vip, mut vop, mut vim) = (vv, vv, w);
                let mut vom = ch[0];
                let (mut sip, mut sop, mut sim, mut som) = (modf[vip], modf[vop], modf[vim], modf[vom]);
                while next_right(vim, &thread) != NONE && next_left(vip, &thread) != NONE {
                    vim = next_right(vim, &thread);
                    vip = next_left(vip, &thread);
                    vom = next_left(vom, &thread);
                    vop = next_right(vop, &thread);
                    ancestor[vop] = vv;
                    let s = (prelim[vim] + sim) - (prelim[vip] + sip) + dist;
                    if s > 0.0 {
                        let a = if parent[ancestor[vim]] == parent[vv] { ancestor[vim] } else { default_ancestor[v] };
                        // Move the subtree of vv right by s, spreading the shift over the siblings between.
                        let subtrees = (number[vv] - number[a]) as f64;
                        change[vv] -= s / subtrees;
                        shift[vv] += s;
                        change[a] += s / subtrees;
                        prelim[vv] += s;
                        modf[vv] += s;
                        sip += s;
                        sop += s;
                    }
                    sim += modf[vim];
                    sip += modf[vip];
                    som += modf[vom];
                    sop += modf[vop];
                }
                if next_right(vim, &thread) != NONE && next_right(vop, &thread) == NONE {
                    thread[vop] = next_right(vim, &thread);
                    modf[vop] += sim - sop;
                }
                if next_left(vip, &thread) != NONE && next_left(vom, &thread) == NONE {
                    thread[vom] = next_left(vip, &thread);
                    modf[vom] += sip - som;
                    default_ancestor[v] = vv;
                }
            }
        }
        if i < ch.len() {
            stack.last_mut().expect("on the stack").1 = i + 1;
            stack.push((ch[i], 0));
            continue;
        }
        // Execute shifts, then centre v over its children.
        let (mut s, mut c) = (0.0, 0.0);
        for &w in ch.iter().rev() {
            prelim[w] += s;
            modf[w] += s;
            c += change[w];
            s += shift[w] + c;
        }
        let mid = (prelim[ch[0]] + prelim[ch[ch.len() - 1]]) / 2.0;
        let w = left_sibling(v, &parent, &number);
        if w == NONE {
            prelim[v] = mid;
        } else {
            prelim[v] = prelim[w] + dist;
            modf[v] = prelim[v] - mid;
        }
        stack.pop();
    }
    // Second walk: absolute x, one level per row.
    let pitch = NODE_HEIGHT + V_GAP;
    let mut x = vec![f64::NAN; n];
    let mut y = vec![f64::NAN; n];
    let mut acc = vec![0.0f64; total];
    let mut depth = vec![0usize; total];
    let mut queue = vec![root];
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head];
        head += 1;
        for &c in kids(v) {
            acc[c] = acc[v] + modf[v];
            depth[c] = if v == root { 0 } else { depth[v] + 1 };
            x[c] = prelim[c] + acc[c] - NODE_WIDTH / 2.0;
            y[c] = depth[c] as f64 * pitch;
            queue.push(c);
        }
    }
    let mut routes = Vec::with_capacity(forest.order.len());
    for &v in &forest.order {
        let p = forest.parent[v];
        if p == NONE || !forest.visible(p) {
            continue;
        }
        let (px, pb) = (x[p] + NODE_WIDTH / 2.0, y[p] + NODE_HEIGHT);
        let bus = pb + V_GAP / 2.0;
        let cx = x[v] + NODE_WIDTH / 2.0;
        let mut pts = vec![Point::new(px, pb), Point::new(px, bus), Point::new(cx, bus), Point::new(cx, y[v])];
        simplify(&mut pts);
        routes.push((p, v, pts));
    }
    ReportingGeometry { x, y, routes }
}
