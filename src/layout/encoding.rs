//! How a person's box shows the four profile dimensions of §3.4 and the two
//! warnings of the map: attitude → fill colour, interaction → border,
//! decision role → badge, behaviour orientation → mark, influence → pips,
//! inside source (内线) → star, leaning to a competitor → red tag. The legend
//! lists exactly these, so the picture explains itself.

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

/// Strong colour (stripe, legend) and light tint (box fill) of an attitude.
pub fn attitude_colours(a: Attitude) -> (&'static str, &'static str) {
    match a {
        Attitude::StrongPositive => ("#1a7f37", "#d2f4dc"),
        Attitude::Positive => ("#4ac26b", "#ebf9ee"),
        Attitude::Neutral => ("#8c959f", "#f3f4f6"),
        Attitude::Negative => ("#f47067", "#fde8e6"),
        Attitude::StrongNegative => ("#b62324", "#f9d0ce"),
        Attitude::Unknown => ("#d0d7de", "#ffffff"),
    }
}

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

/// Border width and dash of an interaction level: the deeper, the thicker.
pub fn interaction_border(i: Interaction) -> (f64, Option<&'static str>) {
    match i {
        Interaction::None => (1.0, Some("4 3")),
        Interaction::Occasional => (1.2, None),
        Interaction::Frequent => (2.4, None),
        Interaction::Deep => (4.0, None),
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

/// Badge glyph, badge colour and labels of a decision role.
pub fn role_badge(r: Role) -> (&'static str, &'static str) {
    match r {
        Role::Approver => ("批", "#6639ba"),
        Role::DecisionMaker => ("决", "#0550ae"),
        Role::Evaluator => ("评", "#1b7c83"),
        Role::User => ("用", "#7d4e00"),
        Role::Unknown => ("?", "#6e7781"),
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

/// The short mark of a behaviour orientation.
pub fn orientation_mark(o: Orientation) -> &'static str {
    match o {
        Orientation::Professional => "专",
        Orientation::Pragmatic => "务",
        Orientation::ProfessionalPragmatic => "专务",
        Orientation::PragmaticProfessional => "务专",
        Orientation::Balanced => "均",
        Orientation::Unknown => "?",
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

/// Filled pips (of three) for an influence level; `None` when unknown.
pub fn influence_pips(i: Influence) -> Option<u8> {
    match i {
        Influence::High => Some(3),
        Influence::Medium => Some(2),
        Influence::Low => Some(1),
        Influence::Unknown => None,
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

pub const INSIDE_SOURCE_COLOUR: &str = "#bf8700";
pub const LEANS_TO_COLOUR: &str = "#cf222e";

/// Stroke colour, width and dash of an edge kind (influence width grows with strength).
pub fn edge_style(kind: EdgeKind, strength: Option<u8>) -> (&'static str, f64, Option<&'static str>) {
    match kind {
        EdgeKind::Reporting => ("#57606a", 1.4, None),
        EdgeKind::DottedLine => ("#8250df", 1.4, Some("6 4")),
        EdgeKind::Influence => ("#bc4c00", 0.6 + 0.9 * f64::from(strength.unwrap_or(1).clamp(1, 3)), None),
        EdgeKind::Decision => ("#0969da", 1.8, None),
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
    for &a in Attitude::ALL {
        out.push(entry(Channel::AttitudeFill, a.key(), attitude_labels(a), attitude_colours(a).0));
    }
    for &i in Interaction::ALL {
        let (w, dash) = interaction_border(i);
        let mut e = entry(Channel::InteractionBorder, i.key(), interaction_labels(i), "#24292f");
        e.stroke_width = w;
        e.dash = dash.map(str::to_string);
        out.push(e);
    }
    if layout.deal.is_some() {
        for &r in Role::ALL {
            let (mark, colour) = role_badge(r);
            let mut e = entry(Channel::RoleBadge, r.key(), role_labels(r), colour);
            e.mark = mark.to_string();
            out.push(e);
        }
    }
    for &o in Orientation::ALL {
        let mut e = entry(Channel::OrientationMark, o.key(), orientation_labels(o), "#57606a");
        e.mark = orientation_mark(o).to_string();
        out.push(e);
    }
    if matches!(layout.layer, Layer::Political | Layer::Combined) {
        for &i in Influence::ALL {
            let mut e = entry(Channel::InfluencePips, i.key(), influence_labels(i), "#24292f");
            e.mark = influence_pips(i).map_or_else(|| "?".to_string(), |k| k.to_string());
            out.push(e);
        }
    }
    let mut inside = entry(Channel::InsideSource, "inside_source", ("内线（内部消息来源）", "inside source"), INSIDE_SOURCE_COLOUR);
    inside.mark = "★".into();
    out.push(inside);
    let mut leans = entry(Channel::LeansTo, "leans_to", ("倾向竞争对手", "leans to a competitor"), LEANS_TO_COLOUR);
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
            let (colour, width, dash) = edge_style(kind, Some(2));
            let key = serde_json::to_value(kind).expect("edge kinds serialize");
            let mut e = entry(Channel::Edge, key.as_str().unwrap_or_default(), (label, label_en), colour);
            e.stroke_width = width;
            e.dash = dash.map(str::to_string);
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
        let fills: std::collections::HashSet<_> = Attitude::ALL.iter().map(|&a| attitude_colours(a).0).collect();
        assert_eq!(fills.len(), Attitude::ALL.len());
        let borders: Vec<_> = Interaction::ALL.iter().map(|&i| interaction_border(i)).collect();
        for w in borders.windows(2) {
            assert!(w[0].0 < w[1].0, "deeper interaction, thicker border");
        }
        let badges: std::collections::HashSet<_> = Role::ALL.iter().map(|&r| role_badge(r).0).collect();
        assert_eq!(badges.len(), Role::ALL.len());
        let marks: std::collections::HashSet<_> = Orientation::ALL.iter().map(|&o| orientation_mark(o)).collect();
        assert_eq!(marks.len(), Orientation::ALL.len());
    }
}
