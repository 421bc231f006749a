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
    deal.assessments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.date <= as_of)
        .max_by_key(|(i, a)| (a.date, *i))
        .map(|(_, a)| a)
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
    use crate::model::{CompellingEvent, CompellingKind, DealStatus, ValueProposition};
    use Reason::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A deal with the given competitors and assessments, and one compelling
    /// event confirmed on 2026-01-01.
    fn deal(competitors: &[&str], assessments: Vec<Assessment>) -> Deal {
        Deal {
            id: "d".into(),
            account: "acc".into(),
            name: "deal".into(),
            amount: 1_000_000.0,
            currency: "CNY".into(),
            stage: "validate".into(),
            status: DealStatus::Open,
            expected_close: None,
            grade_override: None,
            override_reason: String::new(),
            partner_led: false,
            partner_registration: None,
            participants: vec![],
            decision_links: vec![],
            compelling_events: events(&[(true, "2026-01-01")]),
            competitors: competitors.iter().map(|s| s.to_string()).collect(),
            not_shortlisted: false,
            assessments,
            quotes: vec![],
            strategy: None,
            tactics: vec![],
            value_proposition: ValueProposition::default(),
            team: vec![],
            coaching: vec![],
            sales_mode: None,
            resource_requests: vec![],
            checklist: vec![],
        }
    }

    fn events(list: &[(bool, &str)]) -> Vec<CompellingEvent> {
        list.iter()
            .map(|&(confirmed, on)| CompellingEvent {
                description: "budget approved".into(),
                kind: CompellingKind::Budget,
                confirmed,
                assessed_on: date(on),
                evidence: String::new(),
            })
            .collect()
    }

    fn with_events(mut d: Deal, list: &[(bool, &str)]) -> Deal {
        d.compelling_events = events(list);
        d
    }

    fn not_shortlisted(mut d: Deal) -> Deal {
        d.not_shortlisted = true;
        d
    }

    /// An assessment; scores are `(party, fit, closeness)`.
    fn a(on: &str, inside_source: bool, scores: &[(&str, f64, f64)]) -> Assessment {
        Assessment {
            date: date(on),
            inside_source: inside_source.then(|| "p-coach".to_string()),
            participants: vec![],
            scores: scores
                .iter()
                .map(|&(party, fit, closeness)| Score { party: party.into(), fit, closeness })
                .collect(),
        }
    }

    /// An assessment on 2026-05-01 with an inside source.
    fn a1(scores: &[(&str, f64, f64)]) -> Assessment {
        a("2026-05-01", true, scores)
    }

    struct Case {
        name: &'static str,
        deal: Deal,
        weights: (f64, f64),
        as_of: &'static str,
        rate: Option<f64>,
        raw: Option<f64>,
        reasons: Vec<Reason>,
        strengths: Vec<(&'static str, f64)>,
        top_two: Vec<&'static str>,
        unknown: Vec<&'static str>,
        assessment: Option<&'static str>,
    }

    impl Default for Case {
        fn default() -> Self {
            Case {
                name: "",
                deal: deal(&[], vec![]),
                weights: (0.5, 0.5),
                as_of: "2026-06-01",
                rate: None,
                raw: None,
                reasons: vec![],
                strengths: vec![],
                top_two: vec![],
                unknown: vec![],
                assessment: Some("2026-05-01"),
            }
        }
    }

    /// History used by several cases: 40% on 04-01, 60% on 05-01, 90% on 07-01.
    fn history() -> Deal {
        deal(
            &["k1"],
            vec![
                a("2026-04-01", true, &[("us", 4.0, 4.0), ("k1", 6.0, 6.0)]),
                a("2026-05-01", true, &[("us", 6.0, 6.0), ("k1", 4.0, 4.0)]),
                a("2026-07-01", true, &[("us", 9.0, 9.0), ("k1", 1.0, 1.0)]),
            ],
        )
    }

    /// Us 4 against 5, 6, 7: three scored competitors stronger.
    fn outranked(inside: bool) -> Deal {
        deal(
            &["k1", "k2", "k3"],
            vec![a(
                "2026-05-01",
                inside,
                &[("us", 4.0, 4.0), ("k1", 5.0, 5.0), ("k2", 6.0, 6.0), ("k3", 7.0, 7.0)],
            )],
        )
    }

    /// Us 7 against 5 and 4: 7/16 = 43.75%.
    fn basic(inside: bool) -> Deal {
        deal(
            &["k1", "k2"],
            vec![a("2026-05-01", inside, &[("us", 8.0, 6.0), ("k1", 6.0, 4.0), ("k2", 4.0, 4.0)])],
        )
    }

    fn cases() -> Vec<Case> {
        vec![
            // --- the formula ---
            Case {
                name: "two competitors: 7/(7+5+4)",
                deal: basic(true),
                rate: Some(43.8),
                raw: Some(43.8),
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "one competitor: 6.75/(6.75+6.5)",
                deal: deal(&["k1"], vec![a1(&[("us", 7.0, 6.5), ("k1", 8.0, 5.0)])]),
                rate: Some(50.9),
                raw: Some(50.9),
                strengths: vec![("us", 6.75), ("k1", 6.5)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "three competitors: the two strongest count, 6/(6+7+5)",
                deal: deal(
                    &["k1", "k2", "k3"],
                    vec![a1(&[
                        ("us", 6.0, 6.0),
                        ("k1", 5.0, 5.0),
                        ("k2", 7.0, 7.0),
                        ("k3", 3.0, 3.0),
                    ])],
                ),
                rate: Some(33.3),
                raw: Some(33.3),
                strengths: vec![("us", 6.0), ("k1", 5.0), ("k2", 7.0), ("k3", 3.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "four competitors, two stronger than us: still top three, 5/(5+7+6)",
                deal: deal(
                    &["k1", "k2", "k3", "k4"],
                    vec![a1(&[
                        ("us", 5.0, 5.0),
                        ("k1", 6.0, 6.0),
                        ("k2", 7.0, 7.0),
                        ("k3", 4.0, 4.0),
                        ("k4", 2.0, 2.0),
                    ])],
                ),
                rate: Some(27.8),
                raw: Some(27.8),
                strengths: vec![("us", 5.0), ("k1", 6.0), ("k2", 7.0), ("k3", 4.0), ("k4", 2.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "raw half-way rounds away from zero: 1/16 = 6.25",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 1.0, 1.0), ("k1", 7.0, 7.0), ("k2", 8.0, 8.0)])],
                ),
                rate: Some(6.3),
                raw: Some(6.3),
                strengths: vec![("us", 1.0), ("k1", 7.0), ("k2", 8.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "we lead: 9/(9+2+1)",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 10.0, 8.0), ("k1", 2.0, 2.0), ("k2", 1.0, 1.0)])],
                ),
                rate: Some(75.0),
                raw: Some(75.0),
                strengths: vec![("us", 9.0), ("k1", 2.0), ("k2", 1.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            // --- ties ---
            Case {
                name: "equal competitors: top two by id",
                deal: deal(
                    &["kc", "kb", "ka"],
                    vec![a1(&[
                        ("us", 6.0, 6.0),
                        ("kc", 6.0, 6.0),
                        ("kb", 7.0, 5.0),
                        ("ka", 5.0, 7.0),
                    ])],
                ),
                rate: Some(33.3),
                raw: Some(33.3),
                strengths: vec![("us", 6.0), ("ka", 6.0), ("kb", 6.0), ("kc", 6.0)],
                top_two: vec!["ka", "kb"],
                ..Case::default()
            },
            Case {
                name: "tie for third place: equal strength does not push us out",
                deal: deal(
                    &["k1", "k2", "k3"],
                    vec![a1(&[
                        ("us", 5.0, 5.0),
                        ("k1", 6.0, 6.0),
                        ("k2", 7.0, 7.0),
                        ("k3", 5.0, 5.0),
                    ])],
                ),
                rate: Some(27.8),
                raw: Some(27.8),
                strengths: vec![("us", 5.0), ("k1", 6.0), ("k2", 7.0), ("k3", 5.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "three competitors equal to us: not out of the top three",
                deal: deal(
                    &["k1", "k2", "k3"],
                    vec![a1(&[
                        ("us", 5.0, 5.0),
                        ("k1", 5.0, 5.0),
                        ("k2", 4.0, 6.0),
                        ("k3", 6.0, 4.0),
                    ])],
                ),
                rate: Some(33.3),
                raw: Some(33.3),
                strengths: vec![("us", 5.0), ("k1", 5.0), ("k2", 5.0), ("k3", 5.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            // --- zero strengths ---
            Case {
                name: "all strengths 0: denominator 0, raw 0",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 0.0, 0.0), ("k1", 0.0, 0.0), ("k2", 0.0, 0.0)])],
                ),
                rate: Some(0.0),
                raw: Some(0.0),
                strengths: vec![("us", 0.0), ("k1", 0.0), ("k2", 0.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "we are 0, the competitor is not",
                deal: deal(&["k1"], vec![a1(&[("us", 0.0, 0.0), ("k1", 5.0, 5.0)])]),
                rate: Some(0.0),
                raw: Some(0.0),
                strengths: vec![("us", 0.0), ("k1", 5.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "competitors 0, we are not: 100",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 5.0, 5.0), ("k1", 0.0, 0.0), ("k2", 0.0, 0.0)])],
                ),
                rate: Some(100.0),
                raw: Some(100.0),
                strengths: vec![("us", 5.0), ("k1", 0.0), ("k2", 0.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "us not scored: strength 0",
                deal: deal(&["k1"], vec![a1(&[("k1", 5.0, 5.0)])]),
                rate: Some(0.0),
                raw: Some(0.0),
                strengths: vec![("us", 0.0), ("k1", 5.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "nothing scored, nothing recorded: unknown equal to us at 0, denominator 0",
                deal: deal(&[], vec![a1(&[])]),
                rate: Some(0.0),
                raw: Some(0.0),
                reasons: vec![NoCompetitorRecorded],
                strengths: vec![("us", 0.0), ("unknown", 0.0)],
                top_two: vec!["unknown"],
                unknown: vec!["unknown"],
                ..Case::default()
            },
            // --- weights ---
            Case {
                name: "weights 0.7/0.3: 6.8/(6.8+5.2)",
                deal: deal(&["k1"], vec![a1(&[("us", 8.0, 4.0), ("k1", 4.0, 8.0)])]),
                weights: (0.7, 0.3),
                rate: Some(56.7),
                raw: Some(56.7),
                strengths: vec![("us", 6.8), ("k1", 5.2)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "weights 0.7/0.3 break a tie at 6: 4.8/(4.8+6+5.2)",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 3.0, 9.0), ("k1", 4.0, 8.0), ("k2", 6.0, 6.0)])],
                ),
                weights: (0.7, 0.3),
                rate: Some(30.0),
                raw: Some(30.0),
                strengths: vec![("us", 4.8), ("k1", 5.2), ("k2", 6.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "fit only (1/0): 6/(6+4)",
                deal: deal(&["k1"], vec![a1(&[("us", 6.0, 0.0), ("k1", 4.0, 10.0)])]),
                weights: (1.0, 0.0),
                rate: Some(60.0),
                raw: Some(60.0),
                strengths: vec![("us", 6.0), ("k1", 4.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "closeness only (0/1): 0/(0+10)",
                deal: deal(&["k1"], vec![a1(&[("us", 6.0, 0.0), ("k1", 4.0, 10.0)])]),
                weights: (0.0, 1.0),
                rate: Some(0.0),
                raw: Some(0.0),
                strengths: vec![("us", 0.0), ("k1", 10.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "weights summing to 2 (1/1): 10/(10+10+4)",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 6.0, 4.0), ("k1", 5.0, 5.0), ("k2", 2.0, 2.0)])],
                ),
                weights: (1.0, 1.0),
                rate: Some(41.7),
                raw: Some(41.7),
                strengths: vec![("us", 10.0), ("k1", 10.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "weights summing to 0.4 (0.2/0.2): same share, 2/(2+2+0.8)",
                deal: deal(
                    &["k1", "k2"],
                    vec![a1(&[("us", 6.0, 4.0), ("k1", 5.0, 5.0), ("k2", 2.0, 2.0)])],
                ),
                weights: (0.2, 0.2),
                rate: Some(41.7),
                raw: Some(41.7),
                strengths: vec![("us", 2.0), ("k1", 2.0), ("k2", 0.8)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            // --- rule 1: compelling event ---
            Case {
                name: "rule 1: no compelling event, the picture is still filled",
                deal: with_events(basic(true), &[]),
                rate: None,
                raw: Some(43.8),
                reasons: vec![NoCompellingEvent],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 1: an unconfirmed event does not count",
                deal: with_events(basic(true), &[(false, "2026-01-01")]),
                rate: None,
                raw: Some(43.8),
                reasons: vec![NoCompellingEvent],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 1: confirmed after as_of is ignored",
                deal: with_events(basic(true), &[(true, "2026-06-02")]),
                rate: None,
                raw: Some(43.8),
                reasons: vec![NoCompellingEvent],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 1: confirmed on as_of counts",
                deal: with_events(basic(true), &[(true, "2026-06-01")]),
                rate: Some(43.8),
                raw: Some(43.8),
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 1: one confirmed event among unconfirmed ones is enough",
                deal: with_events(
                    basic(true),
                    &[(false, "2026-05-01"), (true, "2026-03-01"), (true, "2026-09-01")],
                ),
                rate: Some(43.8),
                raw: Some(43.8),
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 1: unconfirmed before, confirmed only later",
                deal: with_events(basic(true), &[(false, "2026-05-01"), (true, "2026-07-01")]),
                rate: None,
                raw: Some(43.8),
                reasons: vec![NoCompellingEvent],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            // --- no assessment / history ---
            Case {
                name: "no assessment",
                deal: deal(&["k1"], vec![]),
                rate: None,
                raw: None,
                reasons: vec![NoAssessment],
                assessment: None,
                ..Case::default()
            },
            Case {
                name: "no assessment and no compelling event",
                deal: with_events(deal(&["k1"], vec![]), &[]),
                reasons: vec![NoCompellingEvent, NoAssessment],
                assessment: None,
                ..Case::default()
            },
            Case {
                name: "only future assessments: none in force",
                deal: deal(
                    &["k1"],
                    vec![a("2026-06-02", true, &[("us", 5.0, 5.0), ("k1", 5.0, 5.0)])],
                ),
                reasons: vec![NoAssessment],
                assessment: None,
                ..Case::default()
            },
            Case {
                name: "history: as_of between assessments picks the earlier one (60%)",
                deal: history(),
                rate: Some(60.0),
                raw: Some(60.0),
                strengths: vec![("us", 6.0), ("k1", 4.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "history: an earlier week (40%)",
                deal: history(),
                as_of: "2026-04-15",
                rate: Some(40.0),
                raw: Some(40.0),
                strengths: vec![("us", 4.0), ("k1", 6.0)],
                top_two: vec!["k1"],
                assessment: Some("2026-04-01"),
                ..Case::default()
            },
            Case {
                name: "history: an assessment dated as_of is used (90%)",
                deal: history(),
                as_of: "2026-07-01",
                rate: Some(90.0),
                raw: Some(90.0),
                strengths: vec![("us", 9.0), ("k1", 1.0)],
                top_two: vec!["k1"],
                assessment: Some("2026-07-01"),
                ..Case::default()
            },
            Case {
                name: "history: before the first assessment",
                deal: history(),
                as_of: "2026-03-31",
                reasons: vec![NoAssessment],
                assessment: None,
                ..Case::default()
            },
            Case {
                name: "history: two on the same date, the last in the list wins (3/(3+7))",
                deal: deal(
                    &["k1"],
                    vec![
                        a("2026-05-01", true, &[("us", 6.0, 6.0), ("k1", 4.0, 4.0)]),
                        a("2026-05-01", true, &[("us", 3.0, 3.0), ("k1", 7.0, 7.0)]),
                    ],
                ),
                rate: Some(30.0),
                raw: Some(30.0),
                strengths: vec![("us", 3.0), ("k1", 7.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "history: the latest date wins, not the last in the list",
                deal: deal(
                    &["k1"],
                    vec![
                        a("2026-05-01", true, &[("us", 6.0, 6.0), ("k1", 4.0, 4.0)]),
                        a("2026-04-01", true, &[("us", 4.0, 4.0), ("k1", 6.0, 6.0)]),
                    ],
                ),
                rate: Some(60.0),
                raw: Some(60.0),
                strengths: vec![("us", 6.0), ("k1", 4.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            // --- rule 2: inside source ---
            Case {
                name: "rule 2: no inside source, 43.75 × 0.7 = 30.625",
                deal: basic(false),
                rate: Some(30.6),
                raw: Some(43.8),
                reasons: vec![NoInsideSource],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 2: 12.5 × 0.7 = 8.75 rounds half away from zero",
                deal: deal(
                    &["k1", "k2"],
                    vec![a(
                        "2026-05-01",
                        false,
                        &[("us", 1.0, 1.0), ("k1", 3.0, 3.0), ("k2", 4.0, 4.0)],
                    )],
                ),
                rate: Some(8.8),
                raw: Some(12.5),
                reasons: vec![NoInsideSource],
                strengths: vec![("us", 1.0), ("k1", 3.0), ("k2", 4.0)],
                top_two: vec!["k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "rule 2: 87.5 × 0.7 = 61.25 rounds up despite float noise (61.24999…)",
                deal: deal(
                    &["k1"],
                    vec![a("2026-05-01", false, &[("us", 7.0, 7.0), ("k1", 1.0, 1.0)])],
                ),
                rate: Some(61.3),
                raw: Some(87.5),
                reasons: vec![NoInsideSource],
                strengths: vec![("us", 7.0), ("k1", 1.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "rule 2: 22.5 × 0.7 = 15.75 → 15.8",
                deal: deal(
                    &["k1", "k2"],
                    vec![a(
                        "2026-05-01",
                        false,
                        &[("us", 4.0, 5.0), ("k1", 8.0, 8.0), ("k2", 7.0, 8.0)],
                    )],
                ),
                rate: Some(15.8),
                raw: Some(22.5),
                reasons: vec![NoInsideSource],
                strengths: vec![("us", 4.5), ("k1", 8.0), ("k2", 7.5)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name:
                    "rule 2: the inside source is read from the assessment used, not an older one",
                deal: deal(
                    &["k1"],
                    vec![
                        a("2026-04-01", true, &[("us", 5.0, 5.0), ("k1", 5.0, 5.0)]),
                        a("2026-05-01", false, &[("us", 5.0, 5.0), ("k1", 5.0, 5.0)]),
                    ],
                ),
                rate: Some(35.0),
                raw: Some(50.0),
                reasons: vec![NoInsideSource],
                strengths: vec![("us", 5.0), ("k1", 5.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "rule 2: an inside source found in the newer assessment lifts the cut",
                deal: deal(
                    &["k1"],
                    vec![
                        a("2026-04-01", false, &[("us", 5.0, 5.0), ("k1", 5.0, 5.0)]),
                        a("2026-05-01", true, &[("us", 5.0, 5.0), ("k1", 5.0, 5.0)]),
                    ],
                ),
                rate: Some(50.0),
                raw: Some(50.0),
                strengths: vec![("us", 5.0), ("k1", 5.0)],
                top_two: vec!["k1"],
                ..Case::default()
            },
            // --- rule 3: top three / shortlist ---
            Case {
                name: "rule 3: three scored competitors stronger → 0",
                deal: outranked(true),
                rate: Some(0.0),
                raw: Some(23.5),
                reasons: vec![NotInTopThree],
                strengths: vec![("us", 4.0), ("k1", 5.0), ("k2", 6.0), ("k3", 7.0)],
                top_two: vec!["k3", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 3: not shortlisted → 0",
                deal: not_shortlisted(basic(true)),
                rate: Some(0.0),
                raw: Some(43.8),
                reasons: vec![NotShortlisted],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 3: both reasons",
                deal: not_shortlisted(outranked(true)),
                rate: Some(0.0),
                raw: Some(23.5),
                reasons: vec![NotInTopThree, NotShortlisted],
                strengths: vec![("us", 4.0), ("k1", 5.0), ("k2", 6.0), ("k3", 7.0)],
                top_two: vec!["k3", "k2"],
                ..Case::default()
            },
            Case {
                name: "rule 3: not shortlisted without an assessment is still listed",
                deal: not_shortlisted(deal(&["k1"], vec![])),
                reasons: vec![NoAssessment, NotShortlisted],
                assessment: None,
                ..Case::default()
            },
            Case {
                name: "rule 3: unscored competitors never push us out of the top three",
                deal: deal(
                    &["k1", "k2", "k3"],
                    vec![a1(&[("us", 2.0, 2.0), ("k1", 3.0, 3.0), ("k2", 4.0, 4.0)])],
                ),
                rate: Some(22.2),
                raw: Some(22.2),
                reasons: vec![UnscoredCompetitors],
                strengths: vec![("us", 2.0), ("k1", 3.0), ("k2", 4.0)],
                top_two: vec!["k2", "k1"],
                unknown: vec!["k3"],
                ..Case::default()
            },
            // --- order of the rules ---
            Case {
                name: "order: rules 2 then 3 (0.7 × anything, then 0)",
                deal: not_shortlisted(basic(false)),
                rate: Some(0.0),
                raw: Some(43.8),
                reasons: vec![NoInsideSource, NotShortlisted],
                strengths: vec![("us", 7.0), ("k1", 5.0), ("k2", 4.0)],
                top_two: vec!["k1", "k2"],
                ..Case::default()
            },
            Case {
                name: "order: rule 1 first, rules 2 and 3 still listed",
                deal: with_events(outranked(false), &[]),
                rate: None,
                raw: Some(23.5),
                reasons: vec![NoCompellingEvent, NoInsideSource, NotInTopThree],
                strengths: vec![("us", 4.0), ("k1", 5.0), ("k2", 6.0), ("k3", 7.0)],
                top_two: vec!["k3", "k2"],
                ..Case::default()
            },
            Case {
                name: "order: unscored, no inside source, not in top three",
                deal: deal(
                    &["k1", "k2", "k3", "k4"],
                    vec![a(
                        "2026-05-01",
                        false,
                        &[("us", 2.0, 2.0), ("k1", 3.0, 3.0), ("k2", 4.0, 4.0), ("k3", 5.0, 5.0)],
                    )],
                ),
                rate: Some(0.0),
                raw: Some(18.2),
                reasons: vec![UnscoredCompetitors, NoInsideSource, NotInTopThree],
                strengths: vec![("us", 2.0), ("k1", 3.0), ("k2", 4.0), ("k3", 5.0)],
                top_two: vec!["k3", "k2"],
                unknown: vec!["k4"],
                ..Case::default()
            },
            // --- unknown and unscored competitors ---
            Case {
                name: "no competitor recorded: the coin flip",
                deal: deal(&[], vec![a1(&[("us", 8.0, 6.0)])]),
                rate: Some(50.0),
                raw: Some(50.0),
                reasons: vec![NoCompetitorRecorded],
                strengths: vec![("us", 7.0), ("unknown", 7.0)],
                top_two: vec!["unknown"],
                unknown: vec!["unknown"],
                ..Case::default()
            },
            Case {
                name: "no competitor recorded, no inside source: 50 × 0.7",
                deal: deal(&[], vec![a("2026-05-01", false, &[("us", 3.0, 5.0)])]),
                rate: Some(35.0),
                raw: Some(50.0),
                reasons: vec![NoCompetitorRecorded, NoInsideSource],
                strengths: vec![("us", 4.0), ("unknown", 4.0)],
                top_two: vec!["unknown"],
                unknown: vec!["unknown"],
                ..Case::default()
            },
            Case {
                name: "no competitor recorded and no compelling event",
                deal: with_events(deal(&[], vec![a1(&[("us", 5.0, 5.0)])]), &[]),
                rate: None,
                raw: Some(50.0),
                reasons: vec![NoCompellingEvent, NoCompetitorRecorded],
                strengths: vec![("us", 5.0), ("unknown", 5.0)],
                top_two: vec!["unknown"],
                unknown: vec!["unknown"],
                ..Case::default()
            },
            Case {
                name: "recorded but not scored: equal to us",
                deal: deal(&["k1"], vec![a1(&[("us", 6.0, 6.0)])]),
                rate: Some(50.0),
                raw: Some(50.0),
                reasons: vec![UnscoredCompetitors],
                strengths: vec![("us", 6.0), ("k1", 6.0)],
                top_two: vec!["k1"],
                unknown: vec!["k1"],
                ..Case::default()
            },
            Case {
                name: "one scored, one unscored: 6/(6+6+3)",
                deal: deal(&["k1", "k2"], vec![a1(&[("us", 6.0, 6.0), ("k1", 3.0, 3.0)])]),
                rate: Some(40.0),
                raw: Some(40.0),
                reasons: vec![UnscoredCompetitors],
                strengths: vec![("us", 6.0), ("k1", 3.0), ("k2", 6.0)],
                top_two: vec!["k2", "k1"],
                unknown: vec!["k2"],
                ..Case::default()
            },
            Case {
                name: "an unscored competitor takes a place from a weaker scored one: 6/(6+8+6)",
                deal: deal(
                    &["k1", "k2", "k3"],
                    vec![a1(&[("us", 6.0, 6.0), ("k1", 8.0, 8.0), ("k2", 2.0, 2.0)])],
                ),
                rate: Some(30.0),
                raw: Some(30.0),
                reasons: vec![UnscoredCompetitors],
                strengths: vec![("us", 6.0), ("k1", 8.0), ("k2", 2.0), ("k3", 6.0)],
                top_two: vec!["k1", "k3"],
                unknown: vec!["k3"],
                ..Case::default()
            },
            Case {
                name: "two unscored: both unknown, one counted (tie by id), 5/(5+9+5)",
                deal: deal(
                    &["k4", "k1", "k2", "k3"],
                    vec![a1(&[("us", 5.0, 5.0), ("k1", 9.0, 9.0), ("k2", 1.0, 1.0)])],
                ),
                rate: Some(26.3),
                raw: Some(26.3),
                reasons: vec![UnscoredCompetitors],
                strengths: vec![("us", 5.0), ("k1", 9.0), ("k2", 1.0), ("k3", 5.0)],
                top_two: vec!["k1", "k3"],
                unknown: vec!["k4", "k3"],
                ..Case::default()
            },
            Case {
                name: "all three unscored: two count at our strength",
                deal: deal(&["k3", "k2", "k1"], vec![a("2026-05-01", false, &[("us", 4.0, 2.0)])]),
                rate: Some(23.3),
                raw: Some(33.3),
                reasons: vec![UnscoredCompetitors, NoInsideSource],
                strengths: vec![("us", 3.0), ("k1", 3.0), ("k2", 3.0)],
                top_two: vec!["k1", "k2"],
                unknown: vec!["k3", "k2", "k1"],
                ..Case::default()
            },
            Case {
                name: "lenient: a scored party not on the deal still counts",
                deal: deal(
                    &["k1"],
                    vec![a1(&[("us", 6.0, 6.0), ("k1", 4.0, 4.0), ("kx", 5.0, 5.0)])],
                ),
                rate: Some(40.0),
                raw: Some(40.0),
                strengths: vec![("us", 6.0), ("k1", 4.0), ("kx", 5.0)],
                top_two: vec!["kx", "k1"],
                ..Case::default()
            },
            Case {
                name: "lenient: nothing recorded but one scored, no unknown assumed",
                deal: deal(&[], vec![a1(&[("us", 6.0, 6.0), ("kx", 4.0, 4.0)])]),
                rate: Some(60.0),
                raw: Some(60.0),
                strengths: vec![("us", 6.0), ("kx", 4.0)],
                top_two: vec!["kx"],
                ..Case::default()
            },
        ]
    }

    #[test]
    fn win_rate_table() {
        let cases = cases();
        assert!(cases.len() >= 40, "{} cases", cases.len());
        for c in cases {
            let weights = WinRateWeights { fit: c.weights.0, closeness: c.weights.1 };
            let got = win_rate(&c.deal, &weights, date(c.as_of));
            let want = WinRate {
                deal: "d".into(),
                as_of: date(c.as_of),
                formula_version: FORMULA_VERSION,
                rate: c.rate,
                raw: c.raw,
                strengths: c.strengths.iter().map(|(p, s)| (p.to_string(), *s)).collect(),
                top_two: c.top_two.iter().map(|s| s.to_string()).collect(),
                unknown: c.unknown.iter().map(|s| s.to_string()).collect(),
                assessment_date: c.assessment.map(date),
                reasons: c.reasons,
            };
            assert_eq!(got, want, "case: {}", c.name);
        }
    }

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

    #[test]
    fn serializes_with_snake_case_reasons() {
        let d = with_events(deal(&[], vec![a("2026-05-01", false, &[("us", 5.0, 5.0)])]), &[]);
        let json =
            serde_json::to_value(win_rate(&d, &WinRateWeights::default(), date("2026-06-01")))
                .unwrap();
        assert_eq!(json["rate"], serde_json::Value::Null);
        assert_eq!(json["raw"], 50.0);
        assert_eq!(json["assessment_date"], "2026-05-01");
        assert_eq!(
            json["reasons"],
            serde_json::json!([
                "no_compelling_event",
                "no_competitor_recorded",
                "no_inside_source"
            ])
        );
        assert_eq!(json["strengths"], serde_json::json!({"unknown": 5.0, "us": 5.0}));
    }
}
