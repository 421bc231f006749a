//! 决策关系 — the decision layer of one deal: its participants in bands by
//! decision role, approvers on top, then decision makers, evaluators and
//! users; people whose role is unknown get a band of their own at the bottom
//! (an unknown role is itself a warning). Known-role bands with nobody in
//! them are still drawn, empty, because a missing approver is news too.
//!
//! A layered (Sugiyama) drawing: a link between two people of one band puts
//! its target a row above its source inside the band (the one recommended
//! to sits higher), so every link runs between rows; links spanning rows get
//! virtual points, one per row passed. Crossings are reduced as dot does —
//! from several starting orders, alternating weighted-median and barycenter
//! sweeps with adjacent swaps ("transpose"), keeping the best order seen —
//! and then by sifting (each vertex moved to its best place in its row); on
//! the generated chains of the tests and benchmarks this ends with no more
//! crossings than dot (see docs/layout.md). x positions are balanced towards
//! neighbours by isotonic regression, which keeps the order and the gaps
//! exactly, one connected part of the chain at a time; the parts are then
//! packed side by side, row by row, so people without links fill the ends of
//! their rows.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::encoding::role_labels;
use super::geometry::Point;
use super::{EdgeKind, GroupKind, Layer, Layout, LayoutEdge, LayoutGroup, LayoutOptions, Scene, NODE_HEIGHT, NODE_WIDTH};
use crate::model::{Deal, Role};

/// The bands, top to bottom.
pub const BANDS: [Role; 5] = [Role::Approver, Role::DecisionMaker, Role::Evaluator, Role::User, Role::Unknown];
/// Left column holding the band labels.
const LABEL_W: f64 = 132.0;
/// Gap between boxes in a row, and the width a virtual point takes.
const GAP_X: f64 = 36.0;
const DUMMY_W: f64 = 14.0;
/// Vertical gap between rows of one band, padding inside a band, gap between bands.
const ROW_GAP: f64 = 56.0;
const BAND_PAD: f64 = 18.0;
const BAND_GAP: f64 = 28.0;
const EMPTY_BAND_H: f64 = 44.0;
/// Starting orders tried (see `order_layers`), sweeps of crossing reduction
/// from each, and how many sweeps in a row may bring nothing new.
const STARTS: usize = 4;
const SWEEPS: usize = 24;
const PATIENCE: usize = 6;
/// Limits of the local steps: transposition rounds after each sweep,
/// rounds of sifting after the sweeps.
const TRANSPOSE_ROUNDS: usize = 8;
const SIFT_ROUNDS: usize = 6;

fn band_of(r: Role) -> usize {
    BANDS.iter().position(|&b| b == r).expect("every role has a band")
}

/// A vertex of the layered graph: a participant or a virtual point of a long link.
#[derive(Clone, Copy)]
struct Vertex {
    person: Option<usize>,
    layer: usize,
}

pub(crate) fn decision_layout(scene: &Scene<'_>, deal: &Deal, opts: &LayoutOptions) -> Layout {
    // Participants (first mention wins) and their links.
    let mut members: Vec<(usize, Role)> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for p in &deal.participants {
        if let Some(&i) = scene.index.get(p.person.as_str()) {
            if let std::collections::hash_map::Entry::Vacant(e) = slot.entry(i) {
                e.insert(members.len());
                members.push((i, p.role));
            }
        }
    }
    let links: Vec<(usize, usize, &str)> = deal
        .decision_links
        .iter()
        .filter_map(|l| {
            let a = *slot.get(scene.index.get(l.from.as_str())?)?;
            let b = *slot.get(scene.index.get(l.to.as_str())?)?;
            (a != b).then_some((a, b, l.label.as_str()))
        })
        .collect();
    let m = members.len();
    let band: Vec<usize> = members.iter().map(|&(_, r)| band_of(r)).collect();

    // Rows inside a band: the target of a link within the band sits above
    // its source. Cycles are broken by petgraph's feedback arc set.
    let mut flat: DiGraph<(), ()> = DiGraph::new();
    for _ in 0..m {
        flat.add_node(());
    }
    for &(a, b, _) in &links {
        if band[a] == band[b] {
            flat.update_edge(NodeIndex::new(b), NodeIndex::new(a), ());
        }
    }
    let feedback: Vec<_> = petgraph::algo::greedy_feedback_arc_set(&flat).map(|e| e.id()).collect();
    for e in feedback.into_iter().rev() {
        let (s, t) = flat.edge_endpoints(e).expect("edge exists");
        flat.remove_edge(e);
        flat.update_edge(t, s, ());
    }
    let mut row = vec![0usize; m];
    let topo = petgraph::algo::toposort(&flat, None).unwrap_or_default();
    for &v in &topo {
        for w in flat.neighbors(v) {
            row[w.index()] = row[w.index()].max(row[v.index()] + 1);
        }
    }
    let mut rows_in_band = [0usize; BANDS.len()];
    for v in 0..m {
        rows_in_band[band[v]] = rows_in_band[band[v]].max(row[v] + 1);
    }
    // Someone whose links mostly leave the band downwards sinks as low in
    // the band as the links inside it allow: shorter links, fewer crossings.
    for &v in topo.iter().rev() {
        let i = v.index();
        let pull: i32 = links
            .iter()
            .filter(|l| (l.0 == i || l.1 == i) && band[l.0] != band[l.1])
            .map(|l| if band[if l.0 == i { l.1 } else { l.0 }] > band[i] { 1 } else { -1 })
            .sum();
        if pull > 0 {
            let below = flat.neighbors(v).map(|w| row[w.index()]).min().unwrap_or(rows_in_band[band[i]]);
            row[i] = row[i].max(below.saturating_sub(1));
        }
    }
    let mut first_layer = [0usize; BANDS.len()];
    let mut layers = 0;
    for b in 0..BANDS.len() {
        first_layer[b] = layers;
        layers += rows_in_band[b];
    }

    // The proper layered graph: vertices per layer, edges between adjacent layers.
    let mut verts: Vec<Vertex> = (0..m).map(|v| Vertex { person: Some(v), layer: first_layer[band[v]] + row[v] }).collect();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(links.len());
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); m];
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); m];
    for &(a, b, _) in &links {
        let (la, lb) = (verts[a].layer, verts[b].layer);
        let (top, bottom) = if la <= lb { (a, b) } else { (b, a) };
        let (lt, lbm) = (verts[top].layer, verts[bottom].layer);
        let mut chain = vec![top];
        for l in lt + 1..lbm {
            verts.push(Vertex { person: None, layer: l });
            down.push(Vec::new());
            up.push(Vec::new());
            chain.push(verts.len() - 1);
        }
        chain.push(bottom);
        for w in chain.windows(2) {
            if verts[w[0]].layer != verts[w[1]].layer {
                down[w[0]].push(w[1]);
                up[w[1]].push(w[0]);
            }
        }
        chains.push(chain);
    }
    let order = order_layers(&verts, &down, &up, layers);

    // x by layer, balanced towards neighbours, one connected part of the
    // chain at a time; then the parts are packed, the largest first, each as
    // far left as the rows it uses allow, so people without links fill the
    // ends of their rows instead of stretching the picture.
    let width_of = |v: usize| if verts[v].person.is_some() { NODE_WIDTH } else { DUMMY_W };
    let parts = connected_parts(&order, &down, verts.len());
    let mut x = vec![0.0f64; verts.len()];
    let mut right = vec![f64::NEG_INFINITY; layers];
    for part in &parts {
        balance(part, &up, &down, &verts, &mut x);
        let mut shift = f64::NEG_INFINITY;
        for (l, layer) in part.iter().enumerate() {
            if let Some(&v) = layer.first() {
                shift = shift.max(right[l] + GAP_X - (x[v] - width_of(v) / 2.0));
            }
        }
        let left = part.iter().filter_map(|layer| layer.first()).map(|&v| x[v] - width_of(v) / 2.0).fold(f64::INFINITY, f64::min);
        // The first part starts at 0; every later one right of what is there.
        let shift = if shift.is_finite() { shift } else { -left };
        for (l, layer) in part.iter().enumerate() {
            for &v in layer {
                x[v] += shift;
            }
            if let Some(&v) = layer.last() {
                right[l] = x[v] + width_of(v) / 2.0;
            }
        }
    }
    let min_x = (0..verts.len()).map(|v| x[v] - width_of(v) / 2.0).fold(f64::INFINITY, f64::min);
    let shift = if min_x.is_finite() { LABEL_W + BAND_PAD - min_x } else { LABEL_W + BAND_PAD };
    for v in x.iter_mut() {
        *v += shift;
    }
    let content_right = (0..verts.len()).map(|v| x[v] + width_of(v) / 2.0).fold(LABEL_W + BAND_PAD + NODE_WIDTH, f64::max);

    // y: bands top to bottom, rows inside them.
    let mut layer_top = vec![0.0f64; layers];
    let mut out = scene.empty_layout(Layer::Decision, opts);
    let mut y = 0.0;
    let mut count = [0u32; BANDS.len()];
    for &b in &band {
        count[b] += 1;
    }
    for (b, &role) in BANDS.iter().enumerate() {
        if rows_in_band[b] == 0 && role == Role::Unknown {
            continue;
        }
        let h = if rows_in_band[b] == 0 {
            EMPTY_BAND_H
        } else {
            2.0 * BAND_PAD + rows_in_band[b] as f64 * NODE_HEIGHT + (rows_in_band[b] - 1) as f64 * ROW_GAP
        };
        for r in 0..rows_in_band[b] {
            layer_top[first_layer[b] + r] = y + BAND_PAD + r as f64 * (NODE_HEIGHT + ROW_GAP);
        }
        let (name, _) = role_labels(role);
        out.groups.push(LayoutGroup {
            id: format!("band-{}", role.key()),
            name: name.to_string(),
            kind: GroupKind::RoleBand,
            role: Some(role),
            x: 0.0,
            y,
            width: content_right + BAND_PAD,
            height: h,
            members: count[b],
        });
        y += h + BAND_GAP;
    }
    for (v, &(i, _)) in members.iter().enumerate() {
        out.nodes.push(scene.node(i, x[v] - NODE_WIDTH / 2.0, layer_top[verts[v].layer]));
    }

    // Routes: ports spread along box edges in the order of the far ends.
    let mut ports: HashMap<(usize, bool), Vec<(f64, usize)>> = HashMap::new();
    for (k, chain) in chains.iter().enumerate() {
        let (top, bottom) = (chain[0], chain[chain.len() - 1]);
        ports.entry((top, false)).or_default().push((x[chain[1]], k));
        ports.entry((bottom, true)).or_default().push((x[chain[chain.len() - 2]], k));
    }
    let mut port_x: HashMap<(usize, bool, usize), f64> = HashMap::new();
    for ((v, is_top), list) in &mut ports {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let left = x[*v] - NODE_WIDTH / 2.0;
        for (j, &(_, k)) in list.iter().enumerate() {
            let f = 0.2 + 0.6 * (j as f64 + 0.5) / list.len() as f64;
            port_x.insert((*v, *is_top, k), left + NODE_WIDTH * f);
        }
    }
    let people = &scene.account.people;
    for (k, chain) in chains.iter().enumerate() {
        let (top, bottom) = (chain[0], chain[chain.len() - 1]);
        let mut pts = vec![Point::new(port_x[&(top, false, k)], layer_top[verts[top].layer] + NODE_HEIGHT)];
        for &d in &chain[1..chain.len() - 1] {
            let t = layer_top[verts[d].layer];
            pts.push(Point::new(x[d], t));
            pts.push(Point::new(x[d], t + NODE_HEIGHT));
        }
        pts.push(Point::new(port_x[&(bottom, true, k)], layer_top[verts[bottom].layer]));
        let (a, b, label) = links[k];
        if verts[a].layer > verts[b].layer || (verts[a].layer == verts[b].layer && a == bottom) {
            // The link points upwards: its route runs from the lower box.
            pts.reverse();
        }
        out.edges.push(LayoutEdge {
            kind: EdgeKind::Decision,
            from: people[members[a].0].id.clone(),
            to: people[members[b].0].id.clone(),
            strength: None,
            label: label.to_string(),
            points: pts,
        });
    }
    out
}

/// The connected parts of the layered graph, largest first (ties: lowest
/// vertex first), each as its vertices in every layer in the given order.
fn connected_parts(order: &[Vec<usize>], down: &[Vec<usize>], n: usize) -> Vec<Vec<Vec<usize>>> {
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], mut v: usize) -> usize {
        while root[v] != v {
            root[v] = root[root[v]];
            v = root[v];
        }
        v
    }
    for (v, ws) in down.iter().enumerate() {
        for &w in ws {
            let (a, b) = (find(&mut root, v), find(&mut root, w));
            if a != b {
                root[a.max(b)] = a.min(b);
            }
        }
    }
    let mut size = vec![0usize; n];
    for v in 0..n {
        let r = find(&mut root, v);
        size[r] += 1;
    }
    let mut reps: Vec<usize> = (0..n).filter(|&v| root[v] == v).collect();
    reps.sort_by_key(|&r| (std::cmp::Reverse(size[r]), r));
    let rank: HashMap<usize, usize> = reps.iter().enumerate().map(|(k, &r)| (r, k)).collect();
    let mut parts = vec![vec![Vec::new(); order.len()]; reps.len()];
    for (l, layer) in order.iter().enumerate() {
        for &v in layer {
            let r = find(&mut root, v);
            parts[rank[&r]][l].push(v);
        }
    }
    parts
}

/// x of every vertex of `order` (centres, from 0): packed left to right,
/// then moved towards the mean of its neighbours above, below, and both, by
/// [`ordered_placement`], which keeps the order and the gaps.
fn balance(order: &[Vec<usize>], up: &[Vec<usize>], down: &[Vec<usize>], verts: &[Vertex], x: &mut [f64]) {
    let width_of = |v: usize| if verts[v].person.is_some() { NODE_WIDTH } else { DUMMY_W };
    for layer in order {
        let mut cur = 0.0;
        for &v in layer {
            x[v] = cur + width_of(v) / 2.0;
            cur += width_of(v) + GAP_X;
        }
    }
    let layers = order.len();
    let (mut want, mut weight, mut gaps, mut ns) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for pass in 0..8 {
        for k in 0..layers {
            let layer = &order[if pass % 2 == 0 { k } else { layers - 1 - k }];
            if layer.is_empty() {
                continue;
            }
            want.clear();
            weight.clear();
            for &v in layer {
                ns.clear();
                match pass {
                    p if p >= 6 => ns.extend(up[v].iter().chain(&down[v]).copied()),
                    p if p % 2 == 0 => ns.extend(&up[v]),
                    _ => ns.extend(&down[v]),
                }
                if ns.is_empty() {
                    want.push(x[v]);
                    weight.push(0.2);
                } else {
                    want.push(ns.iter().map(|&u| x[u]).sum::<f64>() / ns.len() as f64);
                    weight.push(if verts[v].person.is_some() { 1.0 } else { 4.0 });
                }
            }
            gaps.clear();
            gaps.extend(layer.windows(2).map(|w| (width_of(w[0]) + width_of(w[1])) / 2.0 + GAP_X));
            let placed = ordered_placement(&want, &weight, &gaps);
            for (k, &v) in layer.iter().enumerate() {
                x[v] = placed[k];
            }
        }
    }
}

/// A starting order of every layer: 0 depth first from the top layer, 1 depth
/// first from the bottom, 2 by vertex number (participants in the deal's
/// order), 3 breadth first from the top layer (as dot's first order).
fn initial_order(verts: &[Vertex], down: &[Vec<usize>], up: &[Vec<usize>], layers: usize, start: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layers];
    if start == 2 {
        for (v, vert) in verts.iter().enumerate() {
            order[vert.layer].push(v);
        }
        return order;
    }
    let mut seen = vec![false; verts.len()];
    let mut by_layer: Vec<usize> = (0..verts.len()).collect();
    let from_top = start != 1;
    by_layer.sort_by_key(|&v| (if from_top { verts[v].layer } else { layers - verts[v].layer }, v));
    let mut stack = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    for &s in &by_layer {
        if seen[s] {
            continue;
        }
        if start == 3 {
            seen[s] = true;
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                order[verts[v].layer].push(v);
                for &w in down[v].iter().chain(&up[v]) {
                    if !seen[w] {
                        seen[w] = true;
                        queue.push_back(w);
                    }
                }
            }
            continue;
        }
        stack.push(s);
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            order[verts[v].layer].push(v);
            let (first, second) = if from_top { (&down[v], &up[v]) } else { (&up[v], &down[v]) };
            for &w in first.iter().rev().chain(second.iter().rev()) {
                if !seen[w] {
                    stack.push(w);
                }
            }
        }
    }
    order
}

/// The order of every layer with few crossings: from several starts (depth
/// first from the top and from the bottom, the participants' order, breadth
/// first from the top as dot starts) median/barycenter sweeps with
/// transposition; the best of them is then sifted. Deterministic: ties keep
/// the present order.
fn order_layers(verts: &[Vertex], down: &[Vec<usize>], up: &[Vec<usize>], layers: usize) -> Vec<Vec<usize>> {
    let mut m = Mincross::new(down, up);
    let mut best: Option<(usize, Vec<Vec<usize>>)> = None;
    for start in 0..STARTS {
        m.set(initial_order(verts, down, up, layers, start));
        let c = m.sweeps();
        if best.as_ref().is_none_or(|b| c < b.0) {
            best = Some((c, m.order.clone()));
        }
        if c == 0 {
            break;
        }
    }
    let (c, order) = best.unwrap_or_default();
    m.set(order);
    m.polish(c);
    m.order
}

/// Layer orders of the proper layered graph and what reordering them needs:
/// positions, and buffers reused between steps.
struct Mincross<'a> {
    down: &'a [Vec<usize>],
    up: &'a [Vec<usize>],
    order: Vec<Vec<usize>>,
    pos: Vec<usize>,
    /// Layers whose adjacent pairs transposition must look at again.
    dirty: Vec<bool>,
    keyed: Vec<(f64, usize, usize)>,
    ps: Vec<usize>,
    ends: Vec<(usize, usize)>,
    tree: Vec<usize>,
}

impl<'a> Mincross<'a> {
    fn new(down: &'a [Vec<usize>], up: &'a [Vec<usize>]) -> Self {
        Mincross {
            down,
            up,
            order: Vec::new(),
            pos: vec![0; down.len()],
            dirty: Vec::new(),
            keyed: Vec::new(),
            ps: Vec::new(),
            ends: Vec::new(),
            tree: Vec::new(),
        }
    }

    fn set(&mut self, order: Vec<Vec<usize>>) {
        self.order = order;
        for layer in &self.order {
            for (k, &v) in layer.iter().enumerate() {
                self.pos[v] = k;
            }
        }
    }

    fn crossings(&mut self) -> usize {
        let mut n = 0;
        for layer in &self.order {
            n += crossings_between(layer, self.down, &self.pos, &mut self.ends, &mut self.tree);
        }
        n
    }

    /// Median and barycenter sweeps down and up, each followed by
    /// transposition; leaves the best order seen and returns its crossings.
    fn sweeps(&mut self) -> usize {
        let mut best_c = self.crossings();
        if best_c == 0 {
            return 0;
        }
        let mut best = self.order.clone();
        let mut since_best = 0;
        let layers = self.order.len();
        for sweep in 0..SWEEPS {
            let downward = sweep % 2 == 0;
            let median = sweep % 4 < 2;
            for k in 1..layers {
                let l = if downward { k } else { layers - 1 - k };
                self.reorder(l, downward, median);
            }
            // Equal-crossing swaps too on every other sweep, to leave plateaus (as dot).
            self.transpose(TRANSPOSE_ROUNDS, sweep % 2 == 1);
            let c = self.crossings();
            if c < best_c {
                best_c = c;
                best.clone_from(&self.order);
                since_best = 0;
                if c == 0 {
                    break;
                }
            } else {
                since_best += 1;
                if since_best >= PATIENCE {
                    break;
                }
            }
        }
        self.set(best);
        best_c
    }

    /// Sorts layer `l` by the median or barycenter of its neighbours in the
    /// layer above (`from_above`) or below; a vertex with no neighbour there
    /// keeps its place.
    fn reorder(&mut self, l: usize, from_above: bool, median: bool) {
        let fixed = if from_above { self.up } else { self.down };
        self.keyed.clear();
        for (k, &v) in self.order[l].iter().enumerate() {
            self.ps.clear();
            self.ps.extend(fixed[v].iter().map(|&u| self.pos[u]));
            let key = if self.ps.is_empty() {
                -1.0
            } else if median {
                weighted_median(&mut self.ps)
            } else {
                self.ps.iter().sum::<usize>() as f64 / self.ps.len() as f64
            };
            self.keyed.push((key, k, v));
        }
        sort_keeping_unplaced(&mut self.keyed, &mut self.ps);
        let layer = &mut self.order[l];
        for (k, &(_, _, v)) in self.keyed.iter().enumerate() {
            layer[k] = v;
            self.pos[v] = k;
        }
    }

    /// Crossings between the edges of `u` and of `v` on both sides: with `u`
    /// left of `v`, and with `v` left of `u`.
    fn pair(&self, u: usize, v: usize) -> (usize, usize) {
        let (a, b) = pair_crossings(u, v, self.up, &self.pos);
        let (c, d) = pair_crossings(u, v, self.down, &self.pos);
        (a + c, b + d)
    }

    /// Swaps adjacent vertices while that lowers crossings (the "transpose"
    /// step of dot), looking again only at layers next to a swap; with
    /// `ties`, swaps that leave the crossings equal are made in the first round.
    fn transpose(&mut self, rounds: usize, ties: bool) {
        let layers = self.order.len();
        self.dirty.clear();
        self.dirty.resize(layers, true);
        for round in 0..rounds {
            let mut improved = false;
            for l in 0..layers {
                if !std::mem::replace(&mut self.dirty[l], false) {
                    continue;
                }
                for k in 0..self.order[l].len().saturating_sub(1) {
                    let (u, v) = (self.order[l][k], self.order[l][k + 1]);
                    let (before, after) = self.pair(u, v);
                    if after < before || (ties && round == 0 && after == before && before > 0) {
                        self.order[l].swap(k, k + 1);
                        self.pos[u] = k + 1;
                        self.pos[v] = k;
                        if after < before {
                            improved = true;
                            self.dirty[l] = true;
                            if l > 0 {
                                self.dirty[l - 1] = true;
                            }
                            if l + 1 < layers {
                                self.dirty[l + 1] = true;
                            }
                        }
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Rounds of sifting and transposition from an order with `c` crossings
    /// while they help; returns the crossings left.
    fn polish(&mut self, mut c: usize) -> usize {
        for _ in 0..SIFT_ROUNDS {
            if c == 0 {
                break;
            }
            self.sift();
            self.transpose(TRANSPOSE_ROUNDS, false);
            let after = self.crossings();
            let done = after >= c;
            c = after;
            if done {
                break;
            }
        }
        c
    }

    /// One round of sifting (Matuszewski, Schönfeld, Molitor): each vertex,
    /// most connected first, is taken out of its layer and put back where
    /// its edges cross those of the others in the layer least (its present
    /// place on a tie). Never adds a crossing.
    fn sift(&mut self) {
        let (down, up) = (self.down, self.up);
        for l in 0..self.order.len() {
            if self.order[l].len() < 2 {
                continue;
            }
            self.ps.clear();
            self.ps.extend(self.order[l].iter().copied().filter(|&v| !down[v].is_empty() || !up[v].is_empty()));
            self.ps.sort_by_key(|&v| (std::cmp::Reverse(down[v].len() + up[v].len()), v));
            for i in 0..self.ps.len() {
                let v = self.ps[i];
                let from = self.pos[v];
                // v at the far left, then passing each other vertex in turn.
                let (mut change, mut best, mut best_at) = (0i64, 0i64, 0usize);
                let mut k = 0;
                for &w in &self.order[l] {
                    if w == v {
                        continue;
                    }
                    k += 1;
                    let (w_left, v_left) = self.pair(w, v);
                    change += w_left as i64 - v_left as i64;
                    if change < best || (change == best && k == from) {
                        best = change;
                        best_at = k;
                    }
                }
                if best_at != from {
                    let layer = &mut self.order[l];
                    layer.remove(from);
                    layer.insert(best_at, v);
                    for (k, &w) in layer.iter().enumerate() {
                        self.pos[w] = k;
                    }
                }
            }
        }
    }
}

/// Crossings between a layer and the next for the given positions: the
/// inversions of the lower ends once the edges are sorted by their upper
/// ends, counted with a Fenwick tree (Barth, Jünger, Mutzel).
fn crossings_between(upper: &[usize], down: &[Vec<usize>], pos: &[usize], ends: &mut Vec<(usize, usize)>, tree: &mut Vec<usize>) -> usize {
    ends.clear();
    let mut width = 0;
    for &u in upper {
        for &w in &down[u] {
            ends.push((pos[u], pos[w]));
            width = width.max(pos[w] + 1);
        }
    }
    ends.sort_unstable();
    tree.clear();
    tree.resize(width + 1, 0);
    let mut n = 0;
    for (seen, &(_, low)) in ends.iter().enumerate() {
        // Edges seen so far whose lower end is right of this one cross it
        // (a shared upper end sorts ties by lower end, so never counts).
        let mut i = low + 1;
        let mut not_right = 0;
        while i > 0 {
            not_right += tree[i];
            i &= i - 1;
        }
        n += seen - not_right;
        let mut i = low + 1;
        while i <= width {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    n
}

/// The median of neighbour positions, and for an even count the median
/// interpolated towards the side where the neighbours are packed tighter
/// (Gansner, Koutsofios, North, Vo: "A technique for drawing directed graphs").
fn weighted_median(ps: &mut [usize]) -> f64 {
    ps.sort_unstable();
    let m = ps.len() / 2;
    match ps.len() {
        1 => ps[0] as f64,
        2 => (ps[0] + ps[1]) as f64 / 2.0,
        len if len % 2 == 1 => ps[m] as f64,
        len => {
            let left = (ps[m - 1] - ps[0]) as f64;
            let right = (ps[len - 1] - ps[m]) as f64;
            if left + right == 0.0 {
                (ps[m - 1] + ps[m]) as f64 / 2.0
            } else {
                (ps[m - 1] as f64 * right + ps[m] as f64 * left) / (left + right)
            }
        }
    }
}

/// Sorts `(key, old place, vertex)` by key (stable on the old place) while
/// the vertices keyed -1 (nothing to follow) stay where they are.
fn sort_keeping_unplaced(keyed: &mut [(f64, usize, usize)], scratch: &mut Vec<usize>) {
    scratch.clear();
    scratch.extend((0..keyed.len()).filter(|&k| keyed[k].0 >= 0.0));
    let mut movable: Vec<(f64, usize, usize)> = scratch.iter().map(|&k| keyed[k]).collect();
    movable.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (&k, m) in scratch.iter().zip(movable) {
        keyed[k] = m;
    }
}

/// Crossings among the edges at `u` and `v` with their neighbours in `nb`:
/// with `u` left of `v`, and with `v` left of `u` (a shared neighbour never
/// counts).
fn pair_crossings(u: usize, v: usize, nb: &[Vec<usize>], pos: &[usize]) -> (usize, usize) {
    let (mut uv, mut vu) = (0, 0);
    for &a in &nb[u] {
        for &b in &nb[v] {
            match pos[b].cmp(&pos[a]) {
                std::cmp::Ordering::Less => uv += 1,
                std::cmp::Ordering::Greater => vu += 1,
                std::cmp::Ordering::Equal => {}
            }
        }
    }
    (uv, vu)
}

/// Positions nearest `want` (weighted least squares) that keep the order and
/// at least `gaps[k]` between neighbours k and k+1: isotonic regression by
/// pool-adjacent-violators on the gap-shifted targets.
pub fn ordered_placement(want: &[f64], weight: &[f64], gaps: &[f64]) -> Vec<f64> {
    let n = want.len();
    let mut offset = vec![0.0f64; n];
    for k in 1..n {
        offset[k] = offset[k - 1] + gaps[k - 1];
    }
    // Blocks of (weighted mean, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(n);
    for k in 0..n {
        let w = weight[k].max(1e-6);
        blocks.push((want[k] - offset[k], w, 1));
        while blocks.len() > 1 && blocks[blocks.len() - 2].0 > blocks[blocks.len() - 1].0 {
            let (m2, w2, c2) = blocks.pop().expect("two blocks");
            let (m1, w1, c1) = blocks.pop().expect("two blocks");
            blocks.push(((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2));
        }
    }
    let mut out = Vec::with_capacity(n);
    for (m, _, c) in blocks {
        for _ in 0..c {
            let k = out.len();
            out.push(m + offset[k]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_keeps_order_and_gaps() {
        let x = ordered_placement(&[10.0, 10.0, 10.0], &[1.0, 1.0, 1.0], &[5.0, 5.0]);
        assert_eq!(x, vec![5.0, 10.0, 15.0]);
        let x = ordered_placement(&[0.0, 100.0], &[1.0, 1.0], &[5.0]);
        assert_eq!(x, vec![0.0, 100.0]);
    }

    #[test]
    fn sweeps_untangle_a_twisted_pair_of_layers() {
        // Two layers, edges 0–5, 1–4, 2–3: fully crossed (3 crossings) until reordered.
        let order = vec![vec![0, 1, 2], vec![3, 4, 5]];
        let mut down = vec![Vec::new(); 6];
        let mut up = vec![Vec::new(); 6];
        for (a, b) in [(0, 5), (1, 4), (2, 3)] {
            down[a].push(b);
            up[b].push(a);
        }
        let mut m = Mincross::new(&down, &up);
        m.set(order.clone());
        assert_eq!(m.crossings(), 3);
        assert_eq!(m.sweeps(), 0);
        // Sifting alone gets there too, and never makes it worse.
        m.set(order);
        assert_eq!(m.polish(3), 0);
        assert_eq!(m.crossings(), 0);
    }

    #[test]
    fn sifting_and_transposition_never_add_crossings() {
        // A random-looking proper layered graph over four layers of six.
        let mut down = vec![Vec::new(); 24];
        let mut up = vec![Vec::new(); 24];
        let mut seed = 7u64;
        for l in 0..3 {
            for _ in 0..9 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let (a, b) = (l * 6 + (seed >> 33) as usize % 6, (l + 1) * 6 + (seed >> 45) as usize % 6);
                if !down[a].contains(&b) {
                    down[a].push(b);
                    up[b].push(a);
                }
            }
        }
        let order: Vec<Vec<usize>> = (0..4).map(|l| (l * 6..l * 6 + 6).collect()).collect();
        let mut m = Mincross::new(&down, &up);
        m.set(order);
        let mut c = m.crossings();
        for _ in 0..3 {
            m.sift();
            let after = m.crossings();
            assert!(after <= c);
            m.transpose(8, false);
            c = m.crossings();
            assert!(c <= after);
        }
    }
}
