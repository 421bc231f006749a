//! 概率曲线 — the probability curve (tas-plus.md §3.5): a weekly snapshot of
//! each open deal's win rate and its inputs, and for every rise or fall the
//! inputs that moved.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::win_rate::{assessment_as_of, win_rate, Reason, WinRate};
use crate::model::*;
use crate::model::date;

/// What the win rate of one week was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SnapshotInputs {
    pub assessment_date: Option<NaiveDate>,
    pub inside_source: Option<String>,
    /// party → [fit, closeness] of the assessment used.
    pub scores: BTreeMap<String, [f64; 2]>,
    /// Descriptions of the compelling events confirmed as of the date.
    pub confirmed_events: Vec<String>,
    pub competitors: Vec<String>,
    pub not_shortlisted: bool,
    pub weights: [f64; 2],
}

/// One week of the curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Snapshot {
    pub deal: String,
    /// ISO week, e.g. `2026-W47`.
    pub week: String,
    pub as_of: NaiveDate,
    pub formula_version: u32,
    pub rate: Option<f64>,
    pub raw: Option<f64>,
    pub strengths: BTreeMap<String, f64>,
    pub top_two: Vec<String>,
    pub reasons: Vec<Reason>,
    pub inputs: SnapshotInputs,
}

/// One input that moved between two weeks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum Cause {
    ScoreChanged { party: String, fit: [f64; 2], closeness: [f64; 2] },
    PartyScored { party: String },
    PartyNoLongerScored { party: String },
    InsideSourceGained { person: String },
    InsideSourceLost { person: String },
    InsideSourceChanged { from: String, to: String },
    CompellingEventConfirmed { description: String },
    CompellingEventWithdrawn { description: String },
    CompetitorAdded { competitor: String },
    CompetitorRemoved { competitor: String },
    ShortlistChanged { not_shortlisted: bool },
    WeightsChanged,
    FirstAssessment,
}

/// One point of the curve with what moved since the previous point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CurvePoint {
    pub week: String,
    pub as_of: NaiveDate,
    pub rate: Option<f64>,
    /// Change in percentage points since the previous week (both rated).
    pub change: Option<f64>,
    pub reasons: Vec<Reason>,
    pub causes: Vec<Cause>,
}

/// The ISO week label of a date: `2026-W47`.
pub fn iso_week(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The last day (Sunday) of a date's ISO week.
pub fn week_end(date: NaiveDate) -> NaiveDate {
    let w = date.iso_week();
    NaiveDate::from_isoywd_opt(w.year(), w.week(), chrono::Weekday::Sun).unwrap_or(date)
}

/// What is wrong with a snapshot given from outside (a `replace_account`
/// edit), field by field: its day lies in the window of dates, its week is
/// the ISO week (Monday to Sunday) of that day, and the rates are
/// percentages and the strengths scores (0–10), all finite.
pub fn snapshot_problems(s: &Snapshot) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Err(message) = date::check(s.as_of) {
        out.push(("as_of", message));
    }
    if s.week != iso_week(s.as_of) {
        out.push((
            "week",
            format!("\"{}\" is not the ISO week of the snapshot's day {} (that is {})", s.week.escape_debug(), s.as_of, iso_week(s.as_of)),
        ));
    }
    let within = |v: f64, max: f64| v.is_finite() && (0.0..=max).contains(&v);
    for (field, value) in [("rate", s.rate), ("raw", s.raw)] {
        if let Some(v) = value.filter(|v| !within(*v, 100.0)) {
            out.push((field, format!("{v} is out of range (must be 0–100)")));
        }
    }
    if let Some((party, v)) = s.strengths.iter().find(|(_, v)| !within(**v, 10.0)) {
        out.push(("strengths", format!("the strength {v} of \"{}\" is out of range (must be 0–10)", party.escape_debug())));
    }
    out
}

/// The snapshot of one deal on `as_of`: the win rate and every input it used.
pub fn snapshot(deal: &Deal, weights: &WinRateWeights, as_of: NaiveDate) -> Snapshot {
    let wr: WinRate = win_rate(deal, weights, as_of);
    let assessment = assessment_as_of(deal, as_of);
    let inputs = SnapshotInputs {
        assessment_date: assessment.map(|a| a.date),
        inside_source: assessment.and_then(|a| a.inside_source.clone()),
        scores: assessment
            .map(|a| a.scores.iter().map(|s| (s.party.clone(), [s.fit, s.closeness])).collect())
            .unwrap_or_default(),
        confirmed_events: deal
            .compelling_events
            .iter()
            .filter(|e| e.confirmed && e.assessed_on <= as_of)
            .map(|e| e.description.clone())
            .collect(),
        competitors: deal.competitors.clone(),
        not_shortlisted: deal.not_shortlisted,
        weights: [weights.fit, weights.closeness],
    };
    Snapshot {
        deal: deal.id.clone(),
        week: iso_week(as_of),
        as_of,
        formula_version: wr.formula_version,
        rate: wr.rate,
        raw: wr.raw,
        strengths: wr.strengths,
        top_two: wr.top_two,
        reasons: wr.reasons,
        inputs,
    }
}

/// Snapshots rebuilt from the assessment history: one per ISO week from the
/// week of the first assessment to the week of `as_of`, each taken at the end
/// of its week (or on `as_of` for the current week).
///
/// [decision] Only assessments and compelling events carry dates; the
/// competitor list and the shortlist mark are taken as they are now.
///
/// Bounded whatever the dates: the curve starts no earlier than the first
/// day a date may be ([`date::FIRST`]) and holds at most [`MAX_WEEKS`] points.
pub fn rebuild(deal: &Deal, weights: &WinRateWeights, as_of: NaiveDate) -> Vec<Snapshot> {
    let Some(first) = deal.assessments.iter().map(|a| a.date).filter(|d| *d <= as_of).min() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut day = week_end(first.max(date::FIRST));
    while day < as_of && out.len() + 1 < MAX_WEEKS {
        out.push(snapshot(deal, weights, day));
        day = day + chrono::Days::new(7);
    }
    out.push(snapshot(deal, weights, as_of));
    out
}

/// The most weekly points a curve holds: every ISO week from [`date::FIRST`]
/// to [`date::LAST`].
pub const MAX_WEEKS: usize = ((date::LAST.signed_duration_since(date::FIRST).num_days() / 7) + 2) as usize;

/// "Every rise or fall can be explained by what changed": the inputs that
/// differ between two consecutive snapshots.
pub fn causes(prev: &SnapshotInputs, next: &SnapshotInputs) -> Vec<Cause> {
    let mut out = Vec::new();
    if prev.assessment_date.is_none() && next.assessment_date.is_some() {
        out.push(Cause::FirstAssessment);
    }
    for (party, now) in &next.scores {
        match prev.scores.get(party) {
            None if prev.assessment_date.is_some() => out.push(Cause::PartyScored { party: party.clone() }),
            Some(before) if before != now => out.push(Cause::ScoreChanged {
                party: party.clone(),
                fit: [before[0], now[0]],
                closeness: [before[1], now[1]],
            }),
            _ => {}
        }
    }
    for party in prev.scores.keys().filter(|p| !next.scores.contains_key(*p)) {
        out.push(Cause::PartyNoLongerScored { party: party.clone() });
    }
    match (&prev.inside_source, &next.inside_source) {
        (None, Some(p)) => out.push(Cause::InsideSourceGained { person: p.clone() }),
        (Some(p), None) => out.push(Cause::InsideSourceLost { person: p.clone() }),
        (Some(a), Some(b)) if a != b => out.push(Cause::InsideSourceChanged { from: a.clone(), to: b.clone() }),
        _ => {}
    }
    for e in next.confirmed_events.iter().filter(|e| !prev.confirmed_events.contains(e)) {
        out.push(Cause::CompellingEventConfirmed { description: e.clone() });
    }
    for e in prev.confirmed_events.iter().filter(|e| !next.confirmed_events.contains(e)) {
        out.push(Cause::CompellingEventWithdrawn { description: e.clone() });
    }
    for c in next.competitors.iter().filter(|c| !prev.competitors.contains(c)) {
        out.push(Cause::CompetitorAdded { competitor: c.clone() });
    }
    for c in prev.competitors.iter().filter(|c| !next.competitors.contains(c)) {
        out.push(Cause::CompetitorRemoved { competitor: c.clone() });
    }
    if prev.not_shortlisted != next.not_shortlisted {
        out.push(Cause::ShortlistChanged { not_shortlisted: next.not_shortlisted });
    }
    if prev.weights != next.weights {
        out.push(Cause::WeightsChanged);
    }
    out
}

/// The curve of one deal from its snapshots (in week order), with the causes of each move.
pub fn curve(snapshots: &[Snapshot]) -> Vec<CurvePoint> {
    let mut out: Vec<CurvePoint> = Vec::with_capacity(snapshots.len());
    for (i, s) in snapshots.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &snapshots[j]);
        out.push(CurvePoint {
            week: s.week.clone(),
            as_of: s.as_of,
            rate: s.rate,
            change: match (prev.and_then(|p| p.rate), s.rate) {
                (Some(a), Some(b)) => Some(((b - a) * 10.0).round() / 10.0),
                _ => None,
            },
            reasons: s.reasons.clone(),
            causes: prev.map(|p| causes(&p.inputs, &s.inputs)).unwrap_or_default(),
        });
    }
    out
}
