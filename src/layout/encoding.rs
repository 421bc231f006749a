//! How a person's box shows the four profile dimensions of §3.4 and the two
//! warnings of the map: attitude → fill colour, interaction → border,
//! decision role → badge, behaviour orientation → mark, influence → pips,
//! inside source (内线) → star, leaning to a competitor → red tag. The legend
//! lists exactly these, so the picture explains itself.
//!
//! [`PALETTE`] holds every colour, glyph (in zh-CN and English), width and
//! marker position of that encoding: the SVG export draws with it, and the
//! window receives it whole (the `map_palette` command), so the two never
//! need to be kept in step by hand.

use std::collections::HashMap;

use serde::Serialize;

use super::{EdgeKind, Layer, Layout, LayoutOptions, PersonIndex};
use crate::engine::interaction::{counts_for, interaction_level};
use crate::engine::win_rate::assessment_as_of;
use crate::model::{Account, Attitude, Deal, DealStatus, Influence, Interaction, Orientation, Role, Workspace};

/// The encoded dimensions of one person's box.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NodeEncoding {
    /// Attitude to us: on the deal for its participants, else overall.
    pub attitude: Attitude,
    /// Interaction level, derived from done activities (deal level for participants).
    pub interaction: Interaction,
    /// `attitude` and `interaction` are the deal-level ones.
    pub on_deal: bool,
    /// Decision role on the deal; `None` when no deal is shown or not a participant.
    pub role: Option<Role>,
    pub orientation: Orientation,
    pub influence: Influence,
    /// Inside source (内线) of the deal shown, or of any open deal of the account.
    pub inside_source: bool,
    /// Competitor id the person leans to.
    pub leans_to: Option<String>,
    pub leans_to_name: Option<String>,
}

/// Which visual channel a legend entry explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename = "LegendChannel", rename_all = "snake_case")]
pub enum Channel {
    AttitudeFill,
    InteractionBorder,
    RoleBadge,
    OrientationMark,
    InfluencePips,
    InsideSource,
    LeansTo,
    Edge,
}

impl Channel {
    /// Heading of the legend row.
    pub fn label(self) -> &'static str {
        match self {
            Channel::AttitudeFill => "关系状况（底色）",
            Channel::InteractionBorder => "交互程度（边框）",
            Channel::RoleBadge => "决策角色（徽标）",
            Channel::OrientationMark => "行为取向（标记）",
            Channel::InfluencePips => "影响力（圆点）",
            Channel::InsideSource => "内线",
            Channel::LeansTo => "倾向竞争对手",
            Channel::Edge => "连线",
        }
    }
}

/// One value of one channel: what it looks like and what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LegendEntry {
    pub channel: Channel,
    /// The vocabulary key (e.g. `strong_positive`, `frequent`, `influence`).
    pub key: String,
    pub label: String,
    pub label_en: String,
    /// Main colour (fill, stroke or mark), `#rrggbb`.
    pub colour: String,
    pub stroke_width: f64,
    /// SVG dash pattern, when dashed.
    pub dash: Option<String>,
    /// Text of a badge or mark, when the channel is a glyph.
    pub mark: String,
}

impl EdgeKind {
    /// Every kind, in the order the legend shows them.
    pub const ALL: [EdgeKind; 4] = [EdgeKind::Reporting, EdgeKind::DottedLine, EdgeKind::Influence, EdgeKind::Decision];
}

/// An interface language the map's glyphs are drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// zh-CN, the first language; the SVG export draws in it.
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];
}

/// A glyph or short text in each interface language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LocalText {
    #[serde(rename = "zh-CN")]
    pub zh_cn: &'static str,
    pub en: &'static str,
}

impl LocalText {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.zh_cn,
            Lang::En => self.en,
        }
    }
}

/// Attitude → the box's stripe (strong colour, also the legend swatch) and fill (light tint).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttitudeLook {
    pub attitude: Attitude,
    pub strong: &'static str,
    pub tint: &'static str,
}

/// Interaction level → the box's border: the deeper, the thicker; none is dashed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InteractionLook {
    pub interaction: Interaction,
    pub width: f64,
    /// Dash pattern (dash, gap, …), when dashed.
    pub dash: Option<&'static [f64]>,
}

/// Decision role → a round badge: its colour and glyph (批/决/评/用, A/D/E/U).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RoleLook {
    pub role: Role,
    pub colour: &'static str,
    pub glyph: LocalText,
}

/// Behaviour orientation → the short mark in the box's top-right corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrientationLook {
    pub orientation: Orientation,
    pub mark: LocalText,
}

/// Influence level → filled pips of [`PipsLook::count`]; `None` when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InfluenceLook {
    pub influence: Influence,
    pub pips: Option<u8>,
}

/// Edge kind → its stroke.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EdgeLook {
    pub kind: EdgeKind,
    pub colour: &'static str,
    /// Stroke width by strength 1, 2, 3…; one entry when the kind has no
    /// strength. A missing strength draws as 1, a larger one as the last.
    pub widths: &'static [f64],
    pub dash: Option<&'static [f64]>,
    pub opacity: f64,
    /// Drawn with an arrowhead at the `to` end.
    pub directed: bool,
}

impl EdgeLook {
    /// Stroke width of an edge of this kind with `strength`.
    pub fn width(&self, strength: Option<u8>) -> f64 {
        let s = usize::from(strength.unwrap_or(1).max(1));
        self.widths[s.min(self.widths.len()) - 1]
    }
}

/// A region behind the boxes: a circle, the people outside every circle, a role band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionLook {
    pub fill: &'static str,
    pub stroke: &'static str,
    pub stroke_width: f64,
    pub stroke_opacity: f64,
    pub dash: Option<&'static [f64]>,
    /// Colour of the region's name.
    pub ink: &'static str,
    /// Corner radius.
    pub radius: f64,
}

/// The attitude stripe down the box's left edge (its height is the box's less `2 × y`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StripeLook {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub radius: f64,
}

/// The orientation mark's framed box, first of the top-right cluster.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MarkLook {
    pub y: f64,
    pub height: f64,
    pub radius: f64,
    /// Added to the mark's text width.
    pub pad: f64,
    pub font_size: f64,
    /// Baseline of the mark's text.
    pub text_y: f64,
    /// Space before the next marker of the cluster.
    pub gap: f64,
    pub fill: &'static str,
    /// Outline of the mark (also of the gaps a user still has to fill).
    pub stroke: &'static str,
    pub stroke_width: f64,
    pub ink: &'static str,
}

/// The decision-role badge (colour and glyph per role in [`MapPalette::roles`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BadgeLook {
    pub radius: f64,
    /// Centre below the box's top.
    pub cy: f64,
    pub font_size: f64,
    pub text_y: f64,
    pub ink: &'static str,
    /// Width the badge takes in the cluster.
    pub advance: f64,
}

/// The inside-source (内线) star.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StarLook {
    pub glyph: &'static str,
    pub colour: &'static str,
    pub font_size: f64,
    pub y: f64,
    /// Width the star takes in the cluster.
    pub advance: f64,
}

/// The influence pips along the box's top edge.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PipsLook {
    pub count: u8,
    /// Centre of the first pip.
    pub x: f64,
    pub y: f64,
    /// Distance between pip centres.
    pub step: f64,
    pub radius: f64,
    pub ink: &'static str,
    pub stroke_width: f64,
}

/// A pill on the box's bottom edge: leaning to a competitor, or the folded reports count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TagLook {
    /// Its words (the leaning tag); empty when the tag shows a number.
    pub text: LocalText,
    pub colour: &'static str,
    pub ink: &'static str,
    pub font_size: f64,
    pub bold: bool,
    /// Added to the text width.
    pub pad: f64,
    pub height: f64,
    /// Distance from the box's side: the right one for the leaning tag, the left one for the folded count.
    pub inset: f64,
    /// Baseline of the text below the box's bottom.
    pub text_y: f64,
}

/// A person's box and the markers on it, in px from the box's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NodeLook {
    /// Outline colour (its width and dash are the interaction's).
    pub stroke: &'static str,
    pub radius: f64,
    pub name_ink: &'static str,
    pub title_ink: &'static str,
    /// Where name and title start.
    pub text_x: f64,
    /// Space kept between the name and the top-right cluster.
    pub text_gap: f64,
    /// Space kept right of the title.
    pub text_right: f64,
    pub stripe: StripeLook,
    /// Space right of the top-right cluster (orientation mark, role badge, star, right to left).
    pub cluster_inset: f64,
    pub mark: MarkLook,
    pub badge: BadgeLook,
    pub star: StarLook,
    pub pips: PipsLook,
    pub leans: TagLook,
    pub folded: TagLook,
}

/// A range of code points, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GlyphRange {
    pub first: u32,
    pub last: u32,
}

/// Approximate advances (in em) the pictures measure text with, so a name is
/// cut with "…" alike on screen and in the export.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TextMetrics {
    /// CJK, Hangul, compatibility ideographs and full-width forms: `wide_em`.
    pub wide: &'static [GlyphRange],
    pub wide_em: f64,
    pub space_em: f64,
    /// ASCII capitals and digits.
    pub capital_em: f64,
    /// Every other character.
    pub other_em: f64,
    pub ellipsis: &'static str,
}

impl TextMetrics {
    fn em(&self, c: char) -> f64 {
        let u = c as u32;
        if self.wide.iter().any(|r| r.first <= u && u <= r.last) {
            self.wide_em
        } else if c == ' ' {
            self.space_em
        } else if c.is_ascii_uppercase() || c.is_ascii_digit() {
            self.capital_em
        } else {
            self.other_em
        }
    }

    /// Approximate advance of `s` at `size` px.
    pub fn width(&self, s: &str, size: f64) -> f64 {
        s.chars().map(|c| self.em(c)).sum::<f64>() * size
    }

    /// `s` cut with the ellipsis to fit `width` at `size` px.
    pub fn fit(&self, s: &str, size: f64, width: f64) -> String {
        if self.width(s, size) <= width {
            return s.to_string();
        }
        let budget = width - self.width(self.ellipsis, size);
        let mut out = String::new();
        let mut used = 0.0;
        for c in s.chars() {
            let next = used + self.em(c);
            if next * size > budget {
                break;
            }
            used = next;
            out.push(c);
        }
        out.push_str(self.ellipsis);
        out
    }
}

/// Everything the relationship map is drawn with — the one palette of the
/// SVG export (`layout::svg`) and of the window (which receives it whole):
/// every value of every encoded dimension in the spec's order, glyphs in both
/// interface languages, edge strokes, region fills, the box and its markers,
/// and the text metrics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapPalette {
    pub attitudes: &'static [AttitudeLook],
    pub interactions: &'static [InteractionLook],
    pub roles: &'static [RoleLook],
    pub orientations: &'static [OrientationLook],
    pub influences: &'static [InfluenceLook],
    pub edges: &'static [EdgeLook],
    /// Circle regions of the political layer: the n-th circle takes the n-th, cycling.
    pub circles: &'static [RegionLook],
    /// People outside every circle.
    pub outside: RegionLook,
    /// Role bands of the decision layer, alternating.
    pub bands: &'static [RegionLook],
    pub node: NodeLook,
    pub text: TextMetrics,
}

impl MapPalette {
    pub fn attitude(&self, a: Attitude) -> &AttitudeLook {
        self.attitudes.iter().find(|l| l.attitude == a).expect("the palette covers every attitude")
    }

    pub fn interaction(&self, i: Interaction) -> &InteractionLook {
        self.interactions.iter().find(|l| l.interaction == i).expect("the palette covers every interaction level")
    }

    pub fn role(&self, r: Role) -> &RoleLook {
        self.roles.iter().find(|l| l.role == r).expect("the palette covers every role")
    }

    pub fn orientation(&self, o: Orientation) -> &OrientationLook {
        self.orientations.iter().find(|l| l.orientation == o).expect("the palette covers every orientation")
    }

    pub fn influence(&self, i: Influence) -> &InfluenceLook {
        self.influences.iter().find(|l| l.influence == i).expect("the palette covers every influence level")
    }

    pub fn edge(&self, kind: EdgeKind) -> &EdgeLook {
        self.edges.iter().find(|l| l.kind == kind).expect("the palette covers every edge kind")
    }

    /// The region of the n-th circle.
    pub fn circle(&self, n: usize) -> &RegionLook {
        &self.circles[n % self.circles.len()]
    }

    /// The k-th role band.
    pub fn band(&self, k: usize) -> &RegionLook {
        &self.bands[k % self.bands.len()]
    }
}

const fn text(zh_cn: &'static str, en: &'static str) -> LocalText {
    LocalText { zh_cn, en }
}

const fn circle(fill: &'static str, ink: &'static str) -> RegionLook {
    RegionLook { fill, stroke: ink, stroke_width: 1.5, stroke_opacity: 0.45, dash: None, ink, radius: 12.0 }
}

const fn band(fill: &'static str) -> RegionLook {
    // Stroke width 1: the SVG default, so the export leaves it unwritten.
    RegionLook { fill, stroke: "#d0d7de", stroke_width: 1.0, stroke_opacity: 1.0, dash: None, ink: "#1f2328", radius: 8.0 }
}

const fn edge(kind: EdgeKind, colour: &'static str, widths: &'static [f64], dash: Option<&'static [f64]>, opacity: f64, directed: bool) -> EdgeLook {
    EdgeLook { kind, colour, widths, dash, opacity, directed }
}

/// Influence edges widen with strength 1–3.
const fn influence_width(strength: f64) -> f64 {
    0.6 + 0.9 * strength
}

/// The map's palette.
pub static PALETTE: MapPalette = MapPalette {
    attitudes: &[
        AttitudeLook { attitude: Attitude::StrongPositive, strong: "#1a7f37", tint: "#d2f4dc" },
        AttitudeLook { attitude: Attitude::Positive, strong: "#4ac26b", tint: "#ebf9ee" },
        AttitudeLook { attitude: Attitude::Neutral, strong: "#8c959f", tint: "#f3f4f6" },
        AttitudeLook { attitude: Attitude::Negative, strong: "#f47067", tint: "#fde8e6" },
        AttitudeLook { attitude: Attitude::StrongNegative, strong: "#b62324", tint: "#f9d0ce" },
        AttitudeLook { attitude: Attitude::Unknown, strong: "#d0d7de", tint: "#ffffff" },
    ],
    interactions: &[
        InteractionLook { interaction: Interaction::None, width: 1.0, dash: Some(&[4.0, 3.0]) },
        InteractionLook { interaction: Interaction::Occasional, width: 1.2, dash: None },
        InteractionLook { interaction: Interaction::Frequent, width: 2.4, dash: None },
        InteractionLook { interaction: Interaction::Deep, width: 4.0, dash: None },
    ],
    roles: &[
        RoleLook { role: Role::Approver, colour: "#6639ba", glyph: text("批", "A") },
        RoleLook { role: Role::DecisionMaker, colour: "#0550ae", glyph: text("决", "D") },
        RoleLook { role: Role::Evaluator, colour: "#1b7c83", glyph: text("评", "E") },
        RoleLook { role: Role::User, colour: "#7d4e00", glyph: text("用", "U") },
        RoleLook { role: Role::Unknown, colour: "#6e7781", glyph: text("?", "?") },
    ],
    orientations: &[
        OrientationLook { orientation: Orientation::Professional, mark: text("专", "Pro") },
        OrientationLook { orientation: Orientation::Pragmatic, mark: text("务", "Prg") },
        OrientationLook { orientation: Orientation::ProfessionalPragmatic, mark: text("专务", "Pro+") },
        OrientationLook { orientation: Orientation::PragmaticProfessional, mark: text("务专", "Prg+") },
        OrientationLook { orientation: Orientation::Balanced, mark: text("均", "Bal") },
        OrientationLook { orientation: Orientation::Unknown, mark: text("?", "?") },
    ],
    influences: &[
        InfluenceLook { influence: Influence::High, pips: Some(3) },
        InfluenceLook { influence: Influence::Medium, pips: Some(2) },
        InfluenceLook { influence: Influence::Low, pips: Some(1) },
        InfluenceLook { influence: Influence::Unknown, pips: None },
    ],
    edges: &[
        edge(EdgeKind::Reporting, "#57606a", &[1.4], None, 1.0, false),
        edge(EdgeKind::DottedLine, "#8250df", &[1.4], Some(&[6.0, 4.0]), 1.0, false),
        edge(
            EdgeKind::Influence,
            "#bc4c00",
            &[influence_width(1.0), influence_width(2.0), influence_width(3.0)],
            None,
            0.75,
            true,
        ),
        edge(EdgeKind::Decision, "#0969da", &[1.8], None, 1.0, true),
    ],
    circles: &[
        circle("#ddf4ff", "#0550ae"),
        circle("#fff8c5", "#7d4e00"),
        circle("#fbefff", "#6639ba"),
        circle("#dafbe1", "#116329"),
        circle("#ffebe9", "#a40e26"),
        circle("#fff1e5", "#953800"),
        circle("#e6fffa", "#1b7c83"),
        circle("#ffeff7", "#99286e"),
    ],
    outside: RegionLook {
        fill: "#f6f8fa",
        stroke: "#8c959f",
        stroke_width: 1.5,
        stroke_opacity: 1.0,
        dash: Some(&[8.0, 6.0]),
        ink: "#57606a",
        radius: 12.0,
    },
    bands: &[band("#f6f8fa"), band("#ffffff")],
    node: NodeLook {
        stroke: "#24292f",
        radius: 6.0,
        name_ink: "#1f2328",
        title_ink: "#424a53",
        text_x: 14.0,
        text_gap: 2.0,
        text_right: 8.0,
        stripe: StripeLook { x: 3.0, y: 4.0, width: 6.0, radius: 2.0 },
        cluster_inset: 6.0,
        mark: MarkLook {
            y: 5.0,
            height: 16.0,
            radius: 3.0,
            pad: 8.0,
            font_size: 11.0,
            text_y: 17.0,
            gap: 4.0,
            fill: "#ffffff",
            stroke: "#8c959f",
            stroke_width: 0.8,
            ink: "#57606a",
        },
        badge: BadgeLook { radius: 9.5, cy: 13.0, font_size: 11.5, text_y: 17.0, ink: "#ffffff", advance: 23.0 },
        star: StarLook { glyph: "★", colour: "#bf8700", font_size: 16.0, y: 19.0, advance: 18.0 },
        pips: PipsLook { count: 3, x: 15.0, y: 8.0, step: 7.0, radius: 2.4, ink: "#24292f", stroke_width: 0.8 },
        leans: TagLook {
            text: text("倾向", "leans"),
            colour: "#cf222e",
            ink: "#ffffff",
            font_size: 10.0,
            bold: false,
            pad: 10.0,
            height: 14.0,
            inset: 8.0,
            text_y: 3.5,
        },
        folded: TagLook {
            text: text("", ""),
            colour: "#57606a",
            ink: "#ffffff",
            font_size: 10.5,
            bold: true,
            pad: 12.0,
            height: 15.0,
            inset: 14.0,
            text_y: 3.5,
        },
    },
    text: TextMetrics {
        wide: &[
            GlyphRange { first: 0x2E80, last: 0x9FFF },
            GlyphRange { first: 0xAC00, last: 0xD7AF },
            GlyphRange { first: 0xF900, last: 0xFAFF },
            GlyphRange { first: 0xFF00, last: 0xFF60 },
        ],
        wide_em: 1.0,
        space_em: 0.3,
        capital_em: 0.62,
        other_em: 0.56,
        ellipsis: "…",
    },
};

fn attitude_labels(a: Attitude) -> (&'static str, &'static str) {
    match a {
        Attitude::StrongPositive => ("强正向", "strong positive"),
        Attitude::Positive => ("正向", "positive"),
        Attitude::Neutral => ("中立", "neutral"),
        Attitude::Negative => ("负向", "negative"),
        Attitude::StrongNegative => ("强负向", "strong negative"),
        Attitude::Unknown => ("未知", "unknown"),
    }
}

fn interaction_labels(i: Interaction) -> (&'static str, &'static str) {
    match i {
        Interaction::None => ("未接触", "none"),
        Interaction::Occasional => ("偶尔接触", "occasional"),
        Interaction::Frequent => ("多次接触", "frequent"),
        Interaction::Deep => ("深层接触", "deep"),
    }
}

pub fn role_labels(r: Role) -> (&'static str, &'static str) {
    match r {
        Role::Approver => ("批准者", "approver"),
        Role::DecisionMaker => ("决策者", "decision maker"),
        Role::Evaluator => ("评估者", "evaluator"),
        Role::User => ("使用者", "user"),
        Role::Unknown => ("角色未知", "unknown role"),
    }
}

fn orientation_labels(o: Orientation) -> (&'static str, &'static str) {
    match o {
        Orientation::Professional => ("专业型", "professional"),
        Orientation::Pragmatic => ("务实型", "pragmatic"),
        Orientation::ProfessionalPragmatic => ("专业务实型", "professional-pragmatic"),
        Orientation::PragmaticProfessional => ("务实专业型", "pragmatic-professional"),
        Orientation::Balanced => ("均衡型", "balanced"),
        Orientation::Unknown => ("未知", "unknown"),
    }
}

fn influence_labels(i: Influence) -> (&'static str, &'static str) {
    match i {
        Influence::High => ("高", "high"),
        Influence::Medium => ("中", "medium"),
        Influence::Low => ("低", "low"),
        Influence::Unknown => ("未知", "unknown"),
    }
}

/// What the encoding of any person of an account is derived from, gathered
/// once (one pass over the activities); [`Encoder::encode`] then builds the
/// encoding of one person, so a 40-person deal in a 20,000-person account
/// costs 40 encodings, not 20,000.
pub(crate) struct Encoder<'a> {
    account: &'a Account,
    overall: Vec<usize>,
    on_deal: Option<Vec<usize>>,
    inside: Vec<bool>,
    participant: HashMap<usize, &'a crate::model::Participant>,
    competitor_name: HashMap<&'a str, &'a str>,
    thresholds: crate::model::InteractionThresholds,
}

impl<'a> Encoder<'a> {
    pub fn new(
        ws: &'a Workspace,
        account: &'a Account,
        deal: Option<&'a Deal>,
        index: &PersonIndex<'_>,
        opts: &LayoutOptions,
    ) -> Encoder<'a> {
        let n = account.people.len();
        let overall = interaction_counts(account, index, None, opts);
        let on_deal = deal.map(|d| interaction_counts(account, index, Some(&d.id), opts));
        let mut inside = vec![false; n];
        let deals: Vec<&Deal> = match deal {
            Some(d) => vec![d],
            None => ws.deals.iter().filter(|d| d.account == account.id && d.status == DealStatus::Open).collect(),
        };
        for d in deals {
            if let Some(i) = assessment_as_of(d, opts.as_of)
                .and_then(|a| a.inside_source.as_deref())
                .and_then(|p| index.get(p))
            {
                inside[*i] = true;
            }
        }
        let mut participant = HashMap::new();
        if let Some(d) = deal {
            for p in &d.participants {
                if let Some(&i) = index.get(p.person.as_str()) {
                    participant.entry(i).or_insert(p);
                }
            }
        }
        let competitor_name = ws.competitors.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
        Encoder { account, overall, on_deal, inside, participant, competitor_name, thresholds: opts.thresholds.clone() }
    }

    /// The encoding of person `i` of the account.
    pub fn encode(&self, i: usize) -> NodeEncoding {
        let p = &self.account.people[i];
        let part = self.participant.get(&i).copied();
        let count = match (part, &self.on_deal) {
            (Some(_), Some(c)) => c[i],
            _ => self.overall[i],
        };
        NodeEncoding {
            attitude: part.map_or(p.attitude, |x| x.attitude),
            interaction: interaction_level(count, &self.thresholds),
            on_deal: part.is_some(),
            role: part.map(|x| x.role),
            orientation: p.orientation,
            influence: p.influence,
            inside_source: self.inside[i],
            leans_to: p.leans_to.clone(),
            leans_to_name: p
                .leans_to
                .as_deref()
                .map(|c| self.competitor_name.get(c).map_or_else(|| c.to_string(), |n| n.to_string())),
        }
    }
}

/// Done activities in the window per person (overall, or on `deal`), by the
/// engine's rule ([`counts_for`]) in one pass over the activities.
fn interaction_counts(
    account: &Account,
    index: &PersonIndex<'_>,
    deal: Option<&str>,
    opts: &LayoutOptions,
) -> Vec<usize> {
    let mut counts = vec![0usize; account.people.len()];
    for a in &account.activities {
        let mut seen: Vec<usize> = Vec::with_capacity(a.people.len());
        for p in &a.people {
            if let Some(&i) = index.get(p.as_str()) {
                if !seen.contains(&i) && counts_for(a, p, deal, opts.as_of, opts.thresholds.window_days) {
                    seen.push(i);
                    counts[i] += 1;
                }
            }
        }
    }
    counts
}

/// A dash pattern as SVG writes it (`4 3`).
pub fn dash_text(dash: &[f64]) -> String {
    dash.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ")
}

fn entry(channel: Channel, key: &str, (label, label_en): (&str, &str), colour: &str) -> LegendEntry {
    LegendEntry {
        channel,
        key: key.to_string(),
        label: label.to_string(),
        label_en: label_en.to_string(),
        colour: colour.to_string(),
        stroke_width: 1.0,
        dash: None,
        mark: String::new(),
    }
}

/// The legend of a layout: every channel the layer uses, every value.
pub fn legend(layout: &Layout) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    let p = &PALETTE;
    for l in p.attitudes {
        out.push(entry(Channel::AttitudeFill, l.attitude.key(), attitude_labels(l.attitude), l.strong));
    }
    for l in p.interactions {
        let mut e = entry(Channel::InteractionBorder, l.interaction.key(), interaction_labels(l.interaction), p.node.stroke);
        e.stroke_width = l.width;
        e.dash = l.dash.map(dash_text);
        out.push(e);
    }
    if layout.deal.is_some() {
        for l in p.roles {
            let mut e = entry(Channel::RoleBadge, l.role.key(), role_labels(l.role), l.colour);
            e.mark = l.glyph.zh_cn.to_string();
            out.push(e);
        }
    }
    for l in p.orientations {
        let mut e = entry(Channel::OrientationMark, l.orientation.key(), orientation_labels(l.orientation), p.node.mark.ink);
        e.mark = l.mark.zh_cn.to_string();
        out.push(e);
    }
    if matches!(layout.layer, Layer::Political | Layer::Combined) {
        for l in p.influences {
            let mut e = entry(Channel::InfluencePips, l.influence.key(), influence_labels(l.influence), p.node.pips.ink);
            e.mark = l.pips.map_or_else(|| "?".to_string(), |k| k.to_string());
            out.push(e);
        }
    }
    let star = &p.node.star;
    let mut inside = entry(Channel::InsideSource, "inside_source", ("内线（内部消息来源）", "inside source"), star.colour);
    inside.mark = star.glyph.into();
    out.push(inside);
    let mut leans = entry(Channel::LeansTo, "leans_to", ("倾向竞争对手", "leans to a competitor"), p.node.leans.colour);
    leans.mark = "倾".into();
    out.push(leans);
    let kinds: &[(EdgeKind, &str, &str)] = &[
        (EdgeKind::Reporting, "实线汇报", "solid-line reporting"),
        (EdgeKind::DottedLine, "虚线汇报", "dotted-line reporting"),
        (EdgeKind::Influence, "影响（线宽=强度1–3）", "influences (width = strength 1–3)"),
        (EdgeKind::Decision, "决策关系", "decision relationship"),
    ];
    for &(kind, label, label_en) in kinds {
        let used = match layout.layer {
            Layer::Reporting => matches!(kind, EdgeKind::Reporting | EdgeKind::DottedLine),
            Layer::Political => kind == EdgeKind::Influence,
            Layer::Decision => kind == EdgeKind::Decision,
            Layer::Combined => kind != EdgeKind::Decision || layout.deal.is_some(),
        };
        if used {
            let look = p.edge(kind);
            let key = serde_json::to_value(kind).expect("edge kinds serialize");
            let mut e = entry(Channel::Edge, key.as_str().unwrap_or_default(), (label, label_en), look.colour);
            e.stroke_width = look.width(Some(2));
            e.dash = look.dash.map(dash_text);
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_distinct_look() {
        let p = &PALETTE;
        let fills: std::collections::HashSet<_> = p.attitudes.iter().map(|l| l.strong).collect();
        assert_eq!(fills.len(), Attitude::ALL.len());
        for w in p.interactions.windows(2) {
            assert!(w[0].width < w[1].width, "deeper interaction, thicker border");
        }
        for lang in Lang::ALL {
            let badges: std::collections::HashSet<_> = p.roles.iter().map(|l| l.glyph.get(lang)).collect();
            assert_eq!(badges.len(), Role::ALL.len());
            let marks: std::collections::HashSet<_> = p.orientations.iter().map(|l| l.mark.get(lang)).collect();
            assert_eq!(marks.len(), Orientation::ALL.len());
        }
    }

    #[test]
    fn influence_widens_with_strength() {
        let look = PALETTE.edge(EdgeKind::Influence);
        assert_eq!(look.width(None), look.width(Some(1)));
        assert!(look.width(Some(1)) < look.width(Some(2)) && look.width(Some(2)) < look.width(Some(3)));
        assert_eq!(look.width(Some(9)), look.width(Some(3)));
        assert_eq!(look.width(Some(0)), look.width(Some(1)));
        assert_eq!(PALETTE.edge(EdgeKind::Reporting).width(Some(3)), 1.4);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let t = &PALETTE.text;
        assert_eq!(t.width("张伟", 10.0), 20.0);
        assert_eq!(t.fit("短", 12.0, 100.0), "短");
        let cut = t.fit("很长很长很长很长的职务名称", 12.0, 60.0);
        assert!(cut.ends_with('…') && t.width(&cut, 12.0) <= 60.0, "{cut}");
        assert_eq!(dash_text(&[4.0, 3.0]), "4 3");
    }
}
