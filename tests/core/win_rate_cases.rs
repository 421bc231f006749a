//! The win-rate table: hand-computed cases of tas-plus.md §3.5, one per rule,
//! their order, unknown and unscored competitors, no competitor at all, ties,
//! zero strengths, other weights and assessment history. `win_rate_table`
//! runs them through `sandtable::engine::win_rate::win_rate`; `win_rate_cli`
//! runs the same cases through the `sandtable winrate` command on real SQLite.
//! Expected values are computed by hand, never by the function under test.

use chrono::NaiveDate;

use sandtable::engine::win_rate::Reason::{self, *};
use sandtable::model::{Assessment, CompellingEvent, CompellingKind, Deal, DealStatus, Score, ValueProposition};

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A deal with the given competitors and assessments, and one compelling
/// event confirmed on 2026-01-01.
pub fn deal(competitors: &[&str], assessments: Vec<Assessment>) -> Deal {
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

pub fn events(list: &[(bool, &str)]) -> Vec<CompellingEvent> {
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

pub fn with_events(mut d: Deal, list: &[(bool, &str)]) -> Deal {
    d.compelling_events = events(list);
    d
}

pub fn not_shortlisted(mut d: Deal) -> Deal {
    d.not_shortlisted = true;
    d
}

/// An assessment; scores are `(party, fit, closeness)`.
pub fn a(on: &str, inside_source: bool, scores: &[(&str, f64, f64)]) -> Assessment {
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
pub fn a1(scores: &[(&str, f64, f64)]) -> Assessment {
    a("2026-05-01", true, scores)
}

pub struct Case {
    pub name: &'static str,
    pub deal: Deal,
    pub weights: (f64, f64),
    pub as_of: &'static str,
    pub rate: Option<f64>,
    pub raw: Option<f64>,
    pub reasons: Vec<Reason>,
    pub strengths: Vec<(&'static str, f64)>,
    pub top_two: Vec<&'static str>,
    pub unknown: Vec<&'static str>,
    pub assessment: Option<&'static str>,
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
pub fn history() -> Deal {
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
pub fn outranked(inside: bool) -> Deal {
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
pub fn basic(inside: bool) -> Deal {
    deal(
        &["k1", "k2"],
        vec![a("2026-05-01", inside, &[("us", 8.0, 6.0), ("k1", 6.0, 4.0), ("k2", 4.0, 4.0)])],
    )
}

pub fn cases() -> Vec<Case> {
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
