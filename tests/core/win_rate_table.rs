//! The engine's win rate on the hand-computed table of tas-plus.md §3.5
//! (tests/core/win_rate_cases.rs), and its JSON shape.

use sandtable::engine::win_rate::*;
use sandtable::model::WinRateWeights;

use crate::win_rate_cases::{a, cases, date, deal, with_events};

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
