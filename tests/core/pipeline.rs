//! Red flags, the weighted forecast and the probability curve on real SQLite.

use serde_json::{json, Value};

use sandtable::io::ImportMode;
use sandtable::Store;

use crate::support::*;

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn store_with(mutate: impl FnOnce(&mut Value)) -> Store {
    let mut file = minimal();
    mutate(&mut file);
    let mut store = memory_store();
    import_value(&mut store, &file, ImportMode::Merge).unwrap();
    store
}

fn flag_keys(store: &Store, as_of: &str) -> Vec<&'static str> {
    store.flags(Some("d1"), date(as_of)).unwrap()[0].flags.iter().map(|f| f.key()).collect()
}

#[test]
fn red_flags_table() {
    type Mutation = fn(&mut Value);
    let cases: &[(&str, Mutation, &str, &[&str])] = &[
        ("healthy deal: only the unmet exit checklist", |_| {}, "2026-11-22", &["checklist_incomplete"]),
        ("checklist met: no flag at all", |v| v["deals"][0]["checklist"] = json!([
            {"stage": "needs_analysis", "item": "价值主张已确定"}, {"stage": "needs_analysis", "item": "竞争策略已确定"},
            {"stage": "needs_analysis", "item": "行动计划已确定"}]), "2026-11-22", &[]),
        ("15 days later: stale activity and questionnaire", |_| {}, "2026-12-05",
            &["no_recent_activity", "stale_questionnaire", "checklist_incomplete"]),
        ("14 days later is not yet stale", |_| {}, "2026-12-02", &["checklist_incomplete"]),
        ("no inside source", |v| v["deals"][0]["assessments"][0]["inside_source"] = json!(null), "2026-11-22",
            &["no_inside_source", "checklist_incomplete"]),
        ("unconfirmed compelling event", |v| v["deals"][0]["compelling_events"][0]["confirmed"] = json!(false), "2026-11-22",
            &["no_compelling_event", "checklist_incomplete"]),
        ("not shortlisted", |v| v["deals"][0]["not_shortlisted"] = json!(true), "2026-11-22",
            &["not_in_top_three", "checklist_incomplete"]),
        ("negative approver", |v| v["deals"][0]["participants"][0]["attitude"] = json!("negative"), "2026-11-22",
            &["key_person_negative", "checklist_incomplete"]),
        ("approver never met on this deal", |v| v["accounts"][0]["activities"][0]["people"] = json!(["p3"]), "2026-11-22",
            &["key_person_no_interaction", "checklist_incomplete"]),
        ("a planned visit is no interaction", |v| v["accounts"][0]["activities"][0]["status"] = json!("planned"), "2026-11-22",
            &["key_person_no_interaction", "no_recent_activity", "checklist_incomplete"]),
        ("evaluators do not raise key-person flags", |v| v["deals"][0]["participants"][1]["attitude"] = json!("strong_negative"), "2026-11-22",
            &["checklist_incomplete"]),
        ("win rate fell ≥ 10 points in a week", |v| {
            v["deals"][0]["compelling_events"][0]["assessed_on"] = json!("2026-11-01");
            v["deals"][0]["assessments"].as_array_mut().unwrap().insert(0, json!({"date": "2026-11-13", "inside_source": "p2",
                "scores": [{"party": "us", "fit": 9, "closeness": 9}, {"party": "k-yunqing", "fit": 3, "closeness": 3}]}));
        }, "2026-11-20", &["win_rate_fell", "checklist_incomplete"]),
        ("grade C raises only the first three", |v| {
            v["deals"][0]["amount"] = json!(300000);
            v["deals"][0]["assessments"][0]["inside_source"] = json!(null);
            v["deals"][0]["participants"][0]["attitude"] = json!("negative");
        }, "2026-12-30", &["no_inside_source"]),
        ("grade E follows the partner registration", |v| {
            v["deals"][0]["partner_led"] = json!(true);
            v["deals"][0]["assessments"][0]["inside_source"] = json!(null);
        }, "2026-11-22", &["registration_not_active"]),
        ("grade E with an active registration: no flag", |v| {
            v["deals"][0]["partner_led"] = json!(true);
            v["deals"][0]["partner_registration"] = json!({"partner": "伙伴", "registered_on": "2026-10-01",
                "protection_until": "2027-01-31", "status": "approved"});
        }, "2026-11-22", &[]),
        ("closed deals raise none", |v| v["deals"][0]["status"] = json!("lost"), "2026-12-30", &[]),
    ];
    for (what, mutate, as_of, want) in cases {
        let store = store_with(mutate);
        assert_eq!(flag_keys(&store, as_of), *want, "{what}");
    }
}

#[test]
fn forecast_weights_amounts_by_win_rate_and_lists_unrated_deals_apart() {
    let store = store_with(|v| {
        let mut second = v["deals"][0].clone();
        second["id"] = json!("d2");
        second["amount"] = json!(100000);
        second["compelling_events"] = json!([]);
        v["deals"].as_array_mut().unwrap().push(second);
    });
    let f = store.forecast(date("2026-11-22")).unwrap();
    assert_eq!(f.open_deals, 2);
    assert_eq!(f.total_amount, 3_300_000.0);
    // d1: S_us = 6.75, S_yunqing = 6.5 → 50.9 %; d2 has no compelling event → counts 0.
    assert_eq!(f.lines.len(), 1);
    assert_eq!(f.lines[0].rate, Some(50.9));
    assert!((f.weighted - 3_200_000.0 * 0.509).abs() < 1e-6, "{}", f.weighted);
    assert_eq!(f.unrated.len(), 1);
    assert_eq!(f.unrated[0].deal, "d2");
    let stage = f.by_stage.iter().find(|b| b.key == "needs_analysis").unwrap();
    assert_eq!((stage.deals, stage.amount), (2, 3_300_000.0));
    let b = f.by_grade.iter().find(|b| b.key == "B").unwrap();
    let d = f.by_grade.iter().find(|b| b.key == "D").unwrap();
    assert_eq!((b.deals, d.deals, d.weighted), (1, 1, 0.0));
}

#[test]
fn curve_explains_each_move() {
    let mut store = store_with(|v| {
        v["deals"][0]["compelling_events"][0]["assessed_on"] = json!("2026-11-01");
        v["deals"][0]["assessments"].as_array_mut().unwrap().insert(0, json!({"date": "2026-11-10", "inside_source": null,
            "scores": [{"party": "us", "fit": 7, "closeness": 6.5}, {"party": "k-yunqing", "fit": 8, "closeness": 5}]}));
    });
    store.rebuild_snapshots(date("2026-11-26")).unwrap();
    let curve = store.curve("d1").unwrap();
    let weeks: Vec<&str> = curve.iter().map(|p| p.week.as_str()).collect();
    assert_eq!(weeks, ["2026-W46", "2026-W47", "2026-W48"]);
    // W46: no inside source → 50.9 × 0.7 = 35.7; W47: the inside source appears → 50.9.
    assert_eq!(curve[0].rate, Some(35.7));
    assert_eq!(curve[1].rate, Some(50.9));
    assert_eq!(curve[1].change, Some(15.2));
    let causes = serde_json::to_value(&curve[1].causes).unwrap();
    assert_eq!(causes, json!([{"cause": "inside_source_gained", "person": "p2"}]));
    assert!(curve[2].causes.is_empty());
    // Taking this week's snapshot again replaces it, not duplicates it.
    store.take_snapshots(date("2026-11-27")).unwrap();
    assert_eq!(store.curve("d1").unwrap().len(), 3);
    assert!(store.has_snapshots_for_week(date("2026-11-27")).unwrap());
    assert!(!store.has_snapshots_for_week(date("2026-12-10")).unwrap());
}

#[test]
fn pipeline_commands_print_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let run = |args: &[&str]| {
        let out = sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    run(&["demo", "--json"]);
    let n = run(&["snapshot", "--rebuild", "--as-of", "2026-11-26", "--json"]);
    assert!(n["snapshots"].as_u64().unwrap() > 20);
    let curve = run(&["curve", "d-bank-core", "--json"]);
    let weeks = curve["weeks"].as_array().unwrap();
    assert!(weeks.len() >= 8);
    let rates: std::collections::BTreeSet<String> = weeks.iter().map(|w| w["rate"].to_string()).collect();
    assert!(rates.len() >= 4, "the practice curve moves: {rates:?}");
    let flags = run(&["flags", "--as-of", "2026-11-26", "--json"]);
    assert_eq!(flags.as_array().unwrap().len(), 9);
    let forecast = run(&["forecast", "--as-of", "2026-11-26", "--json"]);
    assert!(forecast["weighted"].as_f64().unwrap() > 0.0);
    assert!(forecast["weighted"].as_f64().unwrap() < forecast["total_amount"].as_f64().unwrap());
}
