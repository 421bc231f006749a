//! 关系图谱 — drawings of the relationship map (tas-plus.md §3.4): node
//! positions and sizes, edge routes, circle boxes and the legend of the node
//! encoding, for four layers of one account:
//!
//! - [`Layer::Reporting`] (汇报关系): the solid-line org chart, a compact
//!   org chart (leaf teams hang in columns) or a plain tidy tree; dotted-line
//!   managers are extra edges that never move a box ([`reporting`]).
//! - [`Layer::Political`] (政治版图): people grouped by circle into separate
//!   regions, influence edges by strength, people outside every circle apart
//!   ([`political`]).
//! - [`Layer::Decision`] (决策关系) of one deal: approvers on top, then
//!   decision makers, evaluators, users, unknown roles in their own band
//!   ([`decision`]).
//! - [`Layer::Combined`]: the reporting positions with every other layer's
//!   edges on top, so people never jump when layers are toggled ([`combined`]).
//!
//! Everything here is pure and deterministic: a workspace in, a [`Layout`]
//! out, the same on every platform (logarithms, exponentials and sines come
//! from [`maths`], not the platform's maths library); [`svg`] turns a layout into a finished picture.

pub mod combined;
pub mod decision;
pub mod encoding;
pub mod geometry;
pub mod maths;
pub mod political;
pub mod reporting;
pub mod route;
pub mod springs;
pub mod svg;
pub mod synthetic;
pub mod untangle;

use std::collections::HashMap;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

pub use encoding::{LegendEntry, NodeEncoding};
pub use geometry::{Point, Rect};

use crate::error::{Error, Result};
use crate::model::{Account, Deal, InteractionThresholds, Role, Workspace};

/// Size of a person's box: two lines (name, title) and the markers.
pub const NODE_WIDTH: f64 = 184.0;
pub const NODE_HEIGHT: f64 = 60.0;

/// Which relationship of §3.4 is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Reporting,
    Political,
    Decision,
    Combined,
}

impl Layer {
    pub const ALL: [Layer; 4] = [Layer::Reporting, Layer::Political, Layer::Decision, Layer::Combined];

    pub fn key(self) -> &'static str {
        match self {
            Layer::Reporting => "reporting",
            Layer::Political => "political",
            Layer::Decision => "decision",
            Layer::Combined => "combined",
        }
    }

    /// Name shown in the picture.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Reporting => "汇报关系",
            Layer::Political => "政治版图",
            Layer::Decision => "决策关系",
            Layer::Combined => "关系图谱（全部图层）",
        }
    }
}

impl FromStr for Layer {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Layer::ALL
            .into_iter()
            .find(|l| l.key() == s)
            .ok_or_else(|| Error::InvalidInput(format!("layer \"{s}\" is not one of reporting, political, decision, combined")))
    }
}

/// How the reporting layer arranges a manager's reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportingMode {
    /// Leaf reports stack in columns under their manager and wide teams wrap
    /// into rows, so the chart stays near a screen's shape.
    #[default]
    Compact,
    /// The classic tidy tree (Buchheim–Jünger–Leipert): one row per level.
    Tidy,
}

/// What to draw besides the layer itself.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// The deal whose roles, deal attitudes and decision links are shown
    /// (required for the decision layer).
    pub deal: Option<String>,
    /// People whose reports (and their reports…) are folded away.
    pub collapsed: Vec<String>,
    pub mode: ReportingMode,
    /// Day the interaction levels and the inside source are taken on.
    pub as_of: NaiveDate,
    pub thresholds: InteractionThresholds,
}

impl LayoutOptions {
    pub fn new(as_of: NaiveDate) -> Self {
        LayoutOptions {
            deal: None,
            collapsed: Vec::new(),
            mode: ReportingMode::Compact,
            as_of,
            thresholds: InteractionThresholds::default(),
        }
    }
}

/// A finished drawing: everything a renderer needs, in drawing units (px),
/// origin top-left, y downwards.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Layout {
    pub layer: Layer,
    pub mode: ReportingMode,
    pub account: String,
    pub account_name: String,
    pub deal: Option<String>,
    pub deal_name: Option<String>,
    pub as_of: NaiveDate,
    /// Extent of the drawing: every box, route and group lies in `0..width`, `0..height`.
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<LayoutNode>,
    pub edges: Vec<LayoutEdge>,
    /// Circle regions (political layer) or role bands (decision layer).
    pub groups: Vec<LayoutGroup>,
    /// The node encoding and edge kinds used, in the order to show them.
    pub legend: Vec<LegendEntry>,
    /// People folded away in collapsed subtrees (not in `nodes`).
    pub hidden: u32,
}

/// One person's box.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayoutNode {
    pub person: String,
    pub name: String,
    pub title: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub encoding: NodeEncoding,
    /// The primary circle (else the first), if any.
    pub circle: Option<String>,
    /// Reports folded away under this person (0 when not collapsed).
    pub hidden_reports: u32,
}

impl LayoutNode {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Solid-line manager → report.
    Reporting,
    /// Dotted-line manager → report.
    DottedLine,
    /// "Influences" edge of the political map (strength 1–3).
    Influence,
    /// Decision relationship of the deal (e.g. "recommends to").
    Decision,
}

/// One edge with its route: a polyline from the border of the `from` box to
/// the border of the `to` box (arrowheads, if any, at the last point).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayoutEdge {
    pub kind: EdgeKind,
    pub from: String,
    pub to: String,
    /// Influence strength 1–3.
    pub strength: Option<u8>,
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// A circle (圈子) of the political map.
    Circle,
    /// People outside every circle.
    Outside,
    /// A decision-role band.
    RoleBand,
}

/// A labelled region: a circle's box or a role band.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayoutGroup {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
    pub role: Option<Role>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub members: u32,
}

impl LayoutGroup {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }
}

/// A fast hasher for the short ids of people (FxHash's mixing step and
/// Murmur3's finaliser); the standard SipHash is built to resist attacks a
/// local layout does not face, and hashing ids was a third of the time of a
/// 20,000-person chart.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut tail = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * i);
        }
        self.0 = (self.0.rotate_left(5) ^ tail).wrapping_mul(K);
    }
    fn finish(&self) -> u64 {
        // Murmur3's finaliser: the table indexes by the low bits, which the
        // multiplications above leave poorly mixed for ids like "p123".
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// People of an account by id → position in the account's list.
pub type PersonIndex<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<IdHasher>>;

/// The index of `people` (the first of duplicate ids wins).
pub fn person_index(people: &[crate::model::Person]) -> PersonIndex<'_> {
    let mut index = PersonIndex::with_capacity_and_hasher(people.len(), Default::default());
    for (i, p) in people.iter().enumerate() {
        index.entry(p.id.as_str()).or_insert(i);
    }
    index
}

/// An account prepared for laying out: people by index, ready to encode.
pub(crate) struct Scene<'a> {
    pub account: &'a Account,
    pub deal: Option<&'a Deal>,
    pub index: PersonIndex<'a>,
    encoder: encoding::Encoder<'a>,
}

impl<'a> Scene<'a> {
    pub fn new(ws: &'a Workspace, account: &str, opts: &LayoutOptions) -> Result<Scene<'a>> {
        let account = ws
            .accounts
            .iter()
            .find(|a| a.id == account)
            .ok_or_else(|| Error::NotFound { kind: "account", id: account.to_string() })?;
        let deal = match &opts.deal {
            Some(id) => {
                let deal = ws
                    .deals
                    .iter()
                    .find(|d| &d.id == id)
                    .ok_or_else(|| Error::NotFound { kind: "deal", id: id.clone() })?;
                if deal.account != account.id {
                    return Err(Error::InvalidInput(format!(
                        "deal \"{id}\" belongs to account \"{}\", not \"{}\"",
                        deal.account, account.id
                    )));
                }
                Some(deal)
            }
            None => None,
        };
        let index = person_index(&account.people);
        let encoder = encoding::Encoder::new(ws, account, deal, &index, opts);
        Ok(Scene { account, deal, index, encoder })
    }

    pub fn len(&self) -> usize {
        self.account.people.len()
    }

    /// The node of person `i` at `(x, y)`.
    pub fn node(&self, i: usize, x: f64, y: f64) -> LayoutNode {
        let p = &self.account.people[i];
        LayoutNode {
            person: p.id.clone(),
            name: p.name.clone(),
            title: p.title.clone(),
            x,
            y,
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            encoding: self.encoder.encode(i),
            circle: circle_of(p).map(str::to_string),
            hidden_reports: 0,
        }
    }

    pub fn empty_layout(&self, layer: Layer, opts: &LayoutOptions) -> Layout {
        Layout {
            layer,
            mode: opts.mode,
            account: self.account.id.clone(),
            account_name: self.account.name.clone(),
            deal: self.deal.map(|d| d.id.clone()),
            deal_name: self.deal.map(|d| d.name.clone()),
            as_of: opts.as_of,
            width: 0.0,
            height: 0.0,
            nodes: Vec::new(),
            edges: Vec::new(),
            groups: Vec::new(),
            legend: Vec::new(),
            hidden: 0,
        }
    }
}

/// The circle a person is drawn in: the primary circle, else the first one.
pub fn circle_of(p: &crate::model::Person) -> Option<&str> {
    p.primary_circle.as_deref().or_else(|| p.circles.first().map(String::as_str))
}

/// Lays out one layer of `account` (and of `opts.deal` where it applies).
pub fn layout(ws: &Workspace, account: &str, layer: Layer, opts: &LayoutOptions) -> Result<Layout> {
    let scene = Scene::new(ws, account, opts)?;
    let mut out = match layer {
        Layer::Reporting => reporting::reporting_layout(&scene, opts),
        Layer::Political => political::political_layout(&scene, opts),
        Layer::Decision => match scene.deal {
            Some(deal) => decision::decision_layout(&scene, deal, opts),
            None => {
                let deals: Vec<&str> =
                    ws.deals.iter().filter(|d| d.account == scene.account.id).map(|d| d.id.as_str()).collect();
                return Err(Error::InvalidInput(format!(
                    "the decision layer needs a deal (--deal); deals of {}: {}",
                    scene.account.id,
                    if deals.is_empty() { "none".to_string() } else { deals.join(", ") }
                )));
            }
        },
        Layer::Combined => combined::combined_layout(&scene, opts),
    };
    out.legend = encoding::legend(&out);
    finish(&mut out);
    Ok(out)
}

/// Shifts everything so the drawing starts at the margin and sets its extent.
fn finish(out: &mut Layout) {
    const MARGIN: f64 = 24.0;
    let mut bounds: Option<Rect> = None;
    let mut add = |r: Rect| bounds = Some(bounds.map_or(r, |b| b.union(&r)));
    out.nodes.iter().for_each(|n| add(n.rect()));
    out.groups.iter().for_each(|g| add(g.rect()));
    for e in &out.edges {
        for p in &e.points {
            add(Rect::new(p.x, p.y, 0.0, 0.0));
        }
    }
    let Some(b) = bounds else {
        out.width = 2.0 * MARGIN;
        out.height = 2.0 * MARGIN;
        return;
    };
    let (dx, dy) = (MARGIN - b.x, MARGIN - b.y);
    for n in &mut out.nodes {
        n.x += dx;
        n.y += dy;
    }
    for g in &mut out.groups {
        g.x += dx;
        g.y += dy;
    }
    for e in &mut out.edges {
        for p in &mut e.points {
            p.x += dx;
            p.y += dy;
        }
    }
    out.width = b.width + 2.0 * MARGIN;
    out.height = b.height + 2.0 * MARGIN;
}

/// What the CLI and the desktop ask for: a layer of an account as JSON or SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Svg,
}

/// A rendered layout and the time the layout itself took (not loading, not rendering).
pub struct Rendered {
    pub text: String,
    pub layout_ms: f64,
}

/// Loads the workspace from `store`, lays out `layer` and renders it.
pub fn render(store: &crate::Store, account: &str, layer: &str, opts: &LayoutOptions, format: Format) -> Result<Rendered> {
    let layer: Layer = layer.parse()?;
    let ws = store.load_workspace()?;
    let started = std::time::Instant::now();
    let layout = layout(&ws, account, layer, opts)?;
    let layout_ms = started.elapsed().as_secs_f64() * 1000.0;
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&layout).expect("layouts serialize") + "\n",
        Format::Svg => svg::to_svg(&layout),
    };
    Ok(Rendered { text, layout_ms })
}

/// The hidden `synth` command: a generated workspace as a workspace file.
pub fn synth_json(people: usize, deals: usize, seed: u64, participants: usize, links: usize, influences: synthetic::Influences) -> String {
    crate::io::workspace_file::to_json(&synthetic::workspace_with(people, deals, seed, participants, links, influences))
}
