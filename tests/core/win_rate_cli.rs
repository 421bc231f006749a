//! `sandtable winrate` on real SQLite files: the §3.5 rules end to end, from a
//! workspace file through the store to the JSON the CLI prints.

use std::path::Path;

use serde_json::{json, Value};

use crate::support::*;

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn winrate_json(db: &Path, deal: &str, as_of: &str) -> Value {
    serde_json::from_str(&stdout(&run(db, &["winrate", deal, "--json", "--as-of", as_of]))).unwrap()
}

/// A score of `party`: fit, closeness.
fn s(party: &str, fit: f64, closeness: f64) -> Value {
    json!({"party": party, "fit": fit, "closeness": closeness})
}

/// An assessment; the inside source, when there is one, is p2 of the fixture.
fn assess(date: &str, inside_source: bool, scores: &[Value]) -> Value {
    json!({"date": date, "inside_source": if inside_source { json!("p2") } else { Value::Null },
           "participants": ["销售 赵敏", "经理 孙强"], "scores": scores})
}

fn event(confirmed: bool, assessed_on: &str) -> Value {
    json!({"description": "预算已批复", "kind": "budget", "confirmed": confirmed, "assessed_on": assessed_on})
}

/// The minimal fixture with two more competitors in the library, its deal d1
/// patched with `deal` (quotes and comparisons dropped so any competitor list
/// is valid) and optional win-rate weights.
fn workspace(deal: Value, weights: Option<(f64, f64)>) -> Value {
    let mut ws = minimal();
    let library = ws["competitors"].as_array_mut().unwrap();
    for id in ["k-c3", "k-c4"] {
        library.push(json!({"id": id, "name": id}));
    }
    let d1 = &mut ws["deals"][0];
    d1["quotes"] = json!([]);
    d1["value_proposition"]["comparison"] = json!([]);
    for (key, value) in deal.as_object().unwrap() {
        d1[key] = value.clone();
    }
    if let Some((fit, closeness)) = weights {
        ws["settings"]["win_rate_weights"] = json!({"fit": fit, "closeness": closeness});
    }
    ws
}

struct Case {
    name: &'static str,
    deal: Value,
    weights: Option<(f64, f64)>,
    as_of: &'static str,
    rate: Option<f64>,
    raw: Option<f64>,
    reasons: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let fixture_scores = || vec![s("us", 7.0, 6.5), s("k-yunqing", 8.0, 5.0)];
    vec![
        Case {
            name: "the fixture: 6.75/(6.75+6.5)",
            deal: json!({}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(50.9),
            raw: Some(50.9),
            reasons: &[],
        },
        Case {
            name: "the fixture the day before: no event yet, no assessment yet",
            deal: json!({}),
            weights: None,
            as_of: "2026-11-19",
            rate: None,
            raw: None,
            reasons: &["no_compelling_event", "no_assessment"],
        },
        Case {
            name: "the fixture later on: the latest assessment still holds",
            deal: json!({}),
            weights: None,
            as_of: "2027-01-01",
            rate: Some(50.9),
            raw: Some(50.9),
            reasons: &[],
        },
        Case {
            name: "no inside source: 50.94 × 0.7",
            deal: json!({"assessments": [assess("2026-11-20", false, &fixture_scores())]}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(35.7),
            raw: Some(50.9),
            reasons: &["no_inside_source"],
        },
        Case {
            name: "not shortlisted",
            deal: json!({"not_shortlisted": true}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(0.0),
            raw: Some(50.9),
            reasons: &["not_shortlisted"],
        },
        Case {
            name: "three scored competitors stronger: not in the top three",
            deal: json!({
                "competitors": ["k-yunqing", "k-shuheng", "k-c3"],
                "assessments": [assess("2026-11-20", true, &[
                    s("us", 4.0, 4.0), s("k-yunqing", 5.0, 5.0), s("k-shuheng", 6.0, 6.0), s("k-c3", 7.0, 7.0),
                ])],
            }),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(0.0),
            raw: Some(23.5),
            reasons: &["not_in_top_three"],
        },
        Case {
            name: "no competitor recorded: the coin flip",
            deal: json!({"competitors": [], "assessments": [assess("2026-11-20", true, &[s("us", 6.0, 6.0)])]}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(50.0),
            raw: Some(50.0),
            reasons: &["no_competitor_recorded"],
        },
        Case {
            name: "a recorded competitor not scored counts as equal to us: 6/(6+6+3)",
            deal: json!({
                "competitors": ["k-yunqing", "k-shuheng"],
                "assessments": [assess("2026-11-20", true, &[s("us", 6.0, 6.0), s("k-yunqing", 3.0, 3.0)])],
            }),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(40.0),
            raw: Some(40.0),
            reasons: &["unscored_competitors"],
        },
        Case {
            name: "the compelling event is not confirmed",
            deal: json!({"compelling_events": [event(false, "2026-11-20")]}),
            weights: None,
            as_of: "2026-11-20",
            rate: None,
            raw: Some(50.9),
            reasons: &["no_compelling_event"],
        },
        Case {
            name: "weights 0.8/0.2 from the settings: 6.9/(6.9+7.4)",
            deal: json!({}),
            weights: Some((0.8, 0.2)),
            as_of: "2026-11-20",
            rate: Some(48.3),
            raw: Some(48.3),
            reasons: &[],
        },
        Case {
            name: "all strengths 0: denominator 0",
            deal: json!({"assessments": [assess("2026-11-20", true, &[s("us", 0.0, 0.0), s("k-yunqing", 0.0, 0.0)])]}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(0.0),
            raw: Some(0.0),
            reasons: &[],
        },
        Case {
            name: "history: the week before uses the older assessment, 4/(4+6)",
            deal: json!({
                "compelling_events": [event(true, "2026-11-01")],
                "assessments": [assess("2026-11-06", true, &[s("us", 4.0, 4.0), s("k-yunqing", 6.0, 6.0)]),
                                assess("2026-11-20", true, &fixture_scores())],
            }),
            weights: None,
            as_of: "2026-11-13",
            rate: Some(40.0),
            raw: Some(40.0),
            reasons: &[],
        },
        Case {
            name: "history: the week after uses the newer one",
            deal: json!({
                "compelling_events": [event(true, "2026-11-01")],
                "assessments": [assess("2026-11-06", true, &[s("us", 4.0, 4.0), s("k-yunqing", 6.0, 6.0)]),
                                assess("2026-11-20", true, &fixture_scores())],
            }),
            weights: None,
            as_of: "2026-11-27",
            rate: Some(50.9),
            raw: Some(50.9),
            reasons: &[],
        },
        Case {
            name: "87.5 × 0.7 = 61.25 rounds half away from zero",
            deal: json!({"assessments": [assess("2026-11-20", false, &[s("us", 7.0, 7.0), s("k-yunqing", 1.0, 1.0)])]}),
            weights: None,
            as_of: "2026-11-20",
            rate: Some(61.3),
            raw: Some(87.5),
            reasons: &["no_inside_source"],
        },
    ]
}

fn number(v: Option<f64>) -> Value {
    v.map_or(Value::Null, |v| json!(v))
}

#[test]
fn winrate_cases_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases();
    assert!(cases.len() >= 10);
    for (n, c) in cases.iter().enumerate() {
        let db = dir.path().join(format!("case-{n}.db"));
        let file = dir.path().join(format!("case-{n}.json"));
        std::fs::write(&file, serde_json::to_vec(&workspace(c.deal.clone(), c.weights)).unwrap()).unwrap();
        stdout(&run(&db, &["import", file.to_str().unwrap()]));
        let got = winrate_json(&db, "d1", c.as_of);
        assert_eq!(got["deal"], "d1", "{}", c.name);
        assert_eq!(got["as_of"], c.as_of, "{}", c.name);
        assert_eq!(got["formula_version"], 1, "{}", c.name);
        assert_eq!(got["rate"], number(c.rate), "{}: {got}", c.name);
        assert_eq!(got["raw"], number(c.raw), "{}: {got}", c.name);
        assert_eq!(got["reasons"], json!(c.reasons), "{}: {got}", c.name);
    }
}

#[test]
fn the_json_carries_the_whole_picture() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["import", fixture_path("minimal.json").to_str().unwrap()]));
    let got = winrate_json(&db, "d1", "2026-11-20");
    assert_eq!(
        got,
        json!({
            "deal": "d1", "as_of": "2026-11-20", "formula_version": 1, "rate": 50.9, "raw": 50.9,
            "strengths": {"k-yunqing": 6.5, "us": 6.75}, "top_two": ["k-yunqing"], "unknown": [],
            "assessment_date": "2026-11-20", "reasons": [],
        })
    );
}

/// The practice deal d-bank-core, week by week: the rate rises and falls
/// with the weekly assessments (strengths by hand from practice-workspace.json).
#[test]
fn practice_deal_week_by_week() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["demo"]));
    let weeks: &[(&str, Option<f64>, f64, &[&str])] = &[
        // 09-29: us 5.5 vs 6.5 and 6; the budget is confirmed only on 10-10.
        ("2026-10-03", None, 30.6, &["no_compelling_event", "no_inside_source"]),
        ("2026-10-10", Some(33.3), 33.3, &[]),                   // 6 / (6 + 6 + 6)
        ("2026-10-17", Some(35.1), 35.1, &[]),                   // 6.5 / (6.5 + 6 + 6)
        ("2026-10-24", Some(31.7), 31.7, &[]),                   // 6.5 / (6.5 + 8 + 6)
        ("2026-10-31", Some(21.7), 31.0, &["no_inside_source"]), // 6.5 / (6.5 + 8 + 6.5) × 0.7
        ("2026-11-07", Some(36.6), 36.6, &[]),                   // 7.5 / (7.5 + 7.5 + 5.5)
        ("2026-11-14", Some(38.1), 38.1, &[]),                   // 8 / (8 + 7.5 + 5.5)
        ("2026-11-21", Some(36.4), 36.4, &[]),                   // 8 / (8 + 7.5 + 6.5)
    ];
    for &(as_of, rate, raw, reasons) in weeks {
        let got = winrate_json(&db, "d-bank-core", as_of);
        assert_eq!(got["rate"], number(rate), "{as_of}: {got}");
        assert_eq!(got["raw"], json!(raw), "{as_of}: {got}");
        assert_eq!(got["reasons"], json!(reasons), "{as_of}: {got}");
        assert_eq!(got["top_two"].as_array().unwrap().len(), 2, "{as_of}");
    }
    let plain = stdout(&run(&db, &["winrate", "d-bank-core", "--as-of", "2026-10-31"]));
    assert!(plain.contains("21.7%") && plain.contains("no_inside_source"), "{plain}");
}

#[test]
fn bad_input_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["import", fixture_path("minimal.json").to_str().unwrap()]));
    for bad in ["2026-13-01", "next week", "20261120"] {
        let out = run(&db, &["winrate", "d1", "--as-of", bad]);
        assert!(!out.status.success(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--as-of") && err.contains("YYYY-MM-DD") && err.contains(bad), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&db, &["winrate", "d-nope", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("deal \"d-nope\" not found"));
    // Without --as-of the rate is computed for today.
    let today: Value = serde_json::from_str(&stdout(&run(&db, &["winrate", "d1", "--json"]))).unwrap();
    assert!(today["as_of"].as_str().unwrap().parse::<chrono::NaiveDate>().is_ok());
}

/// Every case of the engine's win-rate table, run through `sandtable winrate`
/// on a real database: the case's deal goes into a workspace file, is imported,
/// and the command's JSON must match the hand-computed values.
#[test]
fn the_whole_win_rate_table_passes_through_the_cli() {
    use crate::win_rate_cases::cases;
    let dir = tempfile::tempdir().unwrap();
    let all = cases();
    let (mut through_cli, mut refused) = (0, Vec::new());
    for (i, c) in all.iter().enumerate() {
        let mut deal = serde_json::to_value(&c.deal).unwrap();
        deal["id"] = json!(format!("d{i}"));
        let mut parties: Vec<String> = c.deal.competitors.clone();
        for a in &c.deal.assessments {
            parties.extend(a.scores.iter().map(|s| s.party.clone()).filter(|p| p != "us"));
        }
        parties.sort();
        parties.dedup();
        let ws = json!({
            "format": "sandtable-workspace", "version": 1,
            "settings": {"win_rate_weights": {"fit": c.weights.0, "closeness": c.weights.1}},
            "competitors": parties.iter().map(|k| json!({"id": k, "name": k})).collect::<Vec<_>>(),
            "accounts": [{"id": "acc", "name": "客户", "people": [{"id": "p-coach", "name": "内线"}]}],
            "deals": [deal],
        });
        let db = dir.path().join(format!("case-{i}.db"));
        let file = dir.path().join(format!("case-{i}.json"));
        std::fs::write(&file, serde_json::to_vec(&ws).unwrap()).unwrap();
        let imported = run(&db, &["import", file.to_str().unwrap()]);
        if !imported.status.success() {
            // Only files the importer refuses on purpose (a scored party not on the deal).
            refused.push(c.name);
            continue;
        }
        let got = winrate_json(&db, &format!("d{i}"), c.as_of);
        let reasons: Vec<Value> = c.reasons.iter().map(|r| serde_json::to_value(r).unwrap()).collect();
        assert_eq!(got["rate"], json!(c.rate), "case: {}", c.name);
        assert_eq!(got["raw"], json!(c.raw), "case: {}", c.name);
        assert_eq!(got["reasons"], json!(reasons), "case: {}", c.name);
        assert_eq!(got["top_two"], json!(c.top_two), "case: {}", c.name);
        assert_eq!(got["unknown"], json!(c.unknown), "case: {}", c.name);
        let strengths: serde_json::Map<String, Value> = c.strengths.iter().map(|(p, s)| (p.to_string(), json!(s))).collect();
        assert_eq!(got["strengths"], Value::Object(strengths), "case: {}", c.name);
        through_cli += 1;
    }
    assert!(refused.iter().all(|name| name.starts_with("lenient")), "refused: {refused:?}");
    assert!(through_cli >= 40, "{through_cli} of {} cases ran through the CLI", all.len());
}
