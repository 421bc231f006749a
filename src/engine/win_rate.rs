//! 赢单率 — the win rate by the competitor comparison method (竞争对手对比法,
//! tas-plus.md §3.5): how strong we are against the top-two competitors, cut by
//! the article's three rules. Pure: a deal, the weights and a date in, a
//! [`WinRate`] out, so a past week can be recomputed exactly.
//!
//! Where the spec is silent (formula version 1):
//! - Competitors counted: every competitor scored in the assessment used (even
//!   one no longer listed on the deal) competes with its own strength; every
//!   competitor listed on the deal but not scored competes at our strength.
//!   The two strongest of these are counted, ties broken by id.
//! - An assessment that does not score us gives us strength 0.
//! - Strengths are kept to 9 decimals, so float noise (0.7·8 = 5.6000000000000005)
//!   neither shows in the output nor turns a tie into a lead.
//! - When no rate is computed (rule 1, or no assessment), the other rules are
//!   still checked and listed, so the team sees every problem at once.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Assessment, Deal, Score, WinRateWeights, US};

/// Bumped whenever a change to this module can change a computed rate.
pub const FORMULA_VERSION: u32 = 1;

/// Rule 2's factor: "at least 30% off".
pub const NO_INSIDE_SOURCE_FACTOR: f64 = 0.7;

/// Party key of the competitor assumed when none is recorded.
pub const UNKNOWN_COMPETITOR: &str = "unknown";

/// The win rate of one deal on one date, with everything that made it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WinRate {
    pub deal: String,
    pub as_of: NaiveDate,
    pub formula_version: u32,
    /// Percentage 0–100, one decimal; `None` when no rate is computed (shown as "—").
    pub rate: Option<f64>,
    /// `S_us / (S_us + S_c1 + S_c2)` as a percentage, one decimal; `None` without an assessment.
    pub raw: Option<f64>,
    /// Strength per party, for every party counted or scored (`us` included).
    pub strengths: BTreeMap<String, f64>,
    /// The competitors counted, strongest first (ties by id).
    pub top_two: Vec<String>,
    /// Competitors on the deal but not scored (counted as equal to us), or
    /// `unknown` when no competitor is recorded at all.
    pub unknown: Vec<String>,
    /// Date of the assessment used.
    pub assessment_date: Option<NaiveDate>,
    /// Every rule that applied, in the order the rules are applied.
    pub reasons: Vec<Reason>,
}

/// Why a win rate is missing, cut, or rests on assumptions. The UI words them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Reason {
    NoCompellingEvent,
    NoAssessment,
    NoCompetitorRecorded,
    UnscoredCompetitors,
    NoInsideSource,
    NotInTopThree,
    NotShortlisted,
}

/// The win rate of `deal` as it stood on `as_of` (§3.5), rules applied in the
/// order 1, 2, 3 and the result "a percentage rounded to one decimal, with the
/// reasons listed".
pub fn win_rate(deal: &Deal, weights: &WinRateWeights, as_of: NaiveDate) -> WinRate {
    let mut reasons = Vec::new();
    let computed = compelling_event_rule(deal, as_of, &mut reasons);
    let assessment = assessment_as_of(deal, as_of);
    let mut out = WinRate {
        deal: deal.id.clone(),
        as_of,
        formula_version: FORMULA_VERSION,
        rate: None,
        raw: None,
        strengths: BTreeMap::new(),
        top_two: Vec::new(),
        unknown: Vec::new(),
        assessment_date: assessment.map(|a| a.date),
        reasons: Vec::new(),
    };
    let Some(assessment) = assessment else {
        reasons.push(Reason::NoAssessment);
        top_three_rule(deal, 0.0, &[], 0.0, &mut reasons);
        out.reasons = reasons;
        return out;
    };
    let field = competitors_counted(deal, assessment, weights, &mut reasons);
    let counted: Vec<f64> = field.counted.iter().map(|(_, s)| *s).collect();
    let raw = raw_rate(field.us, &counted) * 100.0;
    let rate = inside_source_rule(assessment, raw, &mut reasons);
    let rate = top_three_rule(deal, field.us, &field.scored, rate, &mut reasons);

    out.raw = Some(round_one_decimal(raw));
    out.rate = computed.then(|| round_one_decimal(rate));
    out.strengths = field.strengths;
    out.top_two = field.counted.into_iter().map(|(party, _)| party).collect();
    out.unknown = field.unknown;
    out.reasons = reasons;
    out
}

/// Rule 1: "no confirmed compelling event → no win rate is computed (shown as
/// "—", with the reason); it counts 0 in forecasts." An event counts from the
/// date it was assessed as confirmed: `confirmed` and `assessed_on <= as_of`.
/// Returns whether a rate is computed.
pub fn compelling_event_rule(deal: &Deal, as_of: NaiveDate, reasons: &mut Vec<Reason>) -> bool {
    let confirmed = deal.compelling_events.iter().any(|e| e.confirmed && e.assessed_on <= as_of);
    if !confirmed {
        reasons.push(Reason::NoCompellingEvent);
    }
    confirmed
}

/// "Each assessment is kept (history)": the one in force on `as_of` is the
/// latest dated on or before it; of several on that date, the last recorded.
pub fn assessment_as_of(deal: &Deal, as_of: NaiveDate) -> Option<&Assessment> {
    assessment_index_as_of(deal, as_of).map(|i| &deal.assessments[i])
}

/// Where [`assessment_as_of`]'s assessment sits in the deal's list, for views
/// that show or change the assessment in force.
pub fn assessment_index_as_of(deal: &Deal, as_of: NaiveDate) -> Option<usize> {
    deal.assessments.iter().enumerate().filter(|(_, a)| a.date <= as_of).max_by_key(|(i, a)| (a.date, *i)).map(|(i, _)| i)
}

/// "strength of a party: `S = w_fit·fit + w_rel·closeness`" (weights as set,
/// not assumed to sum to 1), kept to 9 decimals.
pub fn strength(score: &Score, weights: &WinRateWeights) -> f64 {
    let s = weights.fit * score.fit + weights.closeness * score.closeness;
    (s * 1e9).round() / 1e9
}

/// Us and the competitors counted against us in one assessment.
struct Field {
    us: f64,
    /// Counted competitors with their strength, strongest first.
    counted: Vec<(String, f64)>,
    /// Strengths of the competitors actually scored (rule 3 looks only at these).
    scored: Vec<f64>,
    strengths: BTreeMap<String, f64>,
    unknown: Vec<String>,
}

/// "competitors counted: the two strongest competitors scored on the deal
/// (fewer if fewer are scored). A competitor recorded on the deal but not yet
/// scored counts as equal to us and is flagged "unknown". If no competitor is
/// recorded at all, one unknown competitor equal to us is assumed (the 50%
/// coin flip)."
///
/// Scored competitors compete for the two places with their strength,
/// unscored ones with ours; strongest first, ties by id. A party scored but
/// no longer on the deal still counts; the assumed unknown competitor is only
/// used when nothing is recorded and nothing is scored.
fn competitors_counted(
    deal: &Deal,
    assessment: &Assessment,
    weights: &WinRateWeights,
    reasons: &mut Vec<Reason>,
) -> Field {
    let mut strengths = BTreeMap::new();
    for score in &assessment.scores {
        strengths.insert(score.party.clone(), strength(score, weights));
    }
    let us = *strengths.entry(US.to_string()).or_insert(0.0);
    let scored: Vec<(String, f64)> =
        strengths.iter().filter(|(p, _)| p.as_str() != US).map(|(p, s)| (p.clone(), *s)).collect();
    let mut unknown: Vec<String> = Vec::new();
    for competitor in &deal.competitors {
        if competitor != US && !strengths.contains_key(competitor) && !unknown.contains(competitor)
        {
            unknown.push(competitor.clone());
        }
    }
    if !unknown.is_empty() {
        reasons.push(Reason::UnscoredCompetitors);
    } else if scored.is_empty() && deal.competitors.is_empty() {
        reasons.push(Reason::NoCompetitorRecorded);
        unknown.push(UNKNOWN_COMPETITOR.to_string());
    }
    let mut candidates: Vec<(String, f64)> = scored.clone();
    candidates.extend(unknown.iter().map(|k| (k.clone(), us)));
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    candidates.truncate(2);
    for (party, s) in &candidates {
        strengths.insert(party.clone(), *s);
    }
    Field {
        us,
        counted: candidates,
        scored: scored.into_iter().map(|(_, s)| s).collect(),
        strengths,
        unknown,
    }
}

/// "raw rate: `S_us / (S_us + S_c1 + S_c2)`; if the denominator is 0 the raw
/// rate is 0." Returned as a share (0–1) of the counted competitors' strengths.
pub fn raw_rate(us: f64, competitors: &[f64]) -> f64 {
    let denominator = us + competitors.iter().sum::<f64>();
    if denominator == 0.0 {
        0.0
    } else {
        us / denominator
    }
}

/// Rule 2: "no inside source → the result is multiplied by 0.7 ("at least 30%
/// off")". The inside source is the questionnaire's first question, so it is
/// read from the assessment used.
pub fn inside_source_rule(assessment: &Assessment, rate: f64, reasons: &mut Vec<Reason>) -> f64 {
    if assessment.inside_source.is_some() {
        rate
    } else {
        reasons.push(Reason::NoInsideSource);
        rate * NO_INSIDE_SOURCE_FACTOR
    }
}

/// Rule 3: "not in the top three (more than two scored competitors have
/// strength greater than ours, or the user marks "not shortlisted") → 0".
/// Equal strength does not push us out; `scored` holds the strengths of the
/// competitors scored in the assessment used (none without an assessment).
pub fn top_three_rule(
    deal: &Deal,
    us: f64,
    scored: &[f64],
    rate: f64,
    reasons: &mut Vec<Reason>,
) -> f64 {
    let mut rate = rate;
    if scored.iter().filter(|&&s| s > us).count() > 2 {
        reasons.push(Reason::NotInTopThree);
        rate = 0.0;
    }
    if deal.not_shortlisted {
        reasons.push(Reason::NotShortlisted);
        rate = 0.0;
    }
    rate
}

/// "a percentage rounded to one decimal", half away from zero. Float noise
/// below 1e-6 of a tenth is cleared first: 87.5 × 0.7 gives 61.24999999999999,
/// which is 61.25 and so 61.3.
pub fn round_one_decimal(percent: f64) -> f64 {
    let tenths = ((percent * 10.0) * 1e6).round() / 1e6;
    tenths.round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_table() {
        let cases: &[(f64, f64)] = &[
            (0.0, 0.0),
            (43.75, 43.8),
            (30.625, 30.6),
            (6.25, 6.3),
            (12.5 * NO_INSIDE_SOURCE_FACTOR, 8.8),
            (87.5 * NO_INSIDE_SOURCE_FACTOR, 61.3),
            (33.333_333, 33.3),
            (66.666_666, 66.7),
            (99.96, 100.0),
            (100.0, 100.0),
            (0.05, 0.1),
            (0.049_9, 0.0),
        ];
        for &(x, want) in cases {
            assert_eq!(round_one_decimal(x), want, "{x}");
        }
    }
}
