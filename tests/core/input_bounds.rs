//! Dates and numbers the engine can live with (issue 15, item 4): dates are
//! exactly `YYYY-MM-DD` within 1990–2100, amounts finite, ≥ 0 and below
//! 10^15, snapshot weeks and rates sane, every loop over weeks bounded, and
//! an activity cannot be marked done on a day still to come. Each refusal
//! names the JSON path.

use std::path::Path;

use sandtable::engine::curve;
use sandtable::io::{workspace_file, ImportMode};
use sandtable::model::*;
use sandtable::{Error, Store};
use serde_json::json;

use crate::support::*;

const BAD_DATES: &[&str] = &[
    "26-01-01",
    "2026-1-1",
    " 2026-01-01",
    "2026-01-01 ",
    "+2026-01-01",
    "-262143-01-01",
    "0001-01-01",
    "1989-12-31",
    "2101-01-01",
    "2026-02-30",
    "2026-01-01T00:00:00",
];

/// `value` refused as a workspace file, with a problem at `path`; the store stays empty.
fn refused_at(value: &serde_json::Value, path: &str) -> String {
    let mut store = memory_store();
    let err = import_value(&mut store, value, ImportMode::Merge).expect_err("the file must be refused");
    assert!(matches!(err, Error::InvalidFile(_)), "{err:?}");
    assert!(err.problems().iter().any(|p| p.path == path), "no problem at {path}: {err}");
    assert!(store.is_empty().unwrap(), "a refused file wrote something");
    err.to_string()
}

#[test]
fn workspace_dates_are_strict_iso_days_within_1990_to_2100() {
    type SetDate = fn(&mut serde_json::Value, &str);
    let places: &[(&str, SetDate)] = &[
        ("deals[0].assessments[0].date", |ws, d| ws["deals"][0]["assessments"][0]["date"] = json!(d)),
        ("accounts[0].activities[0].date", |ws, d| ws["accounts"][0]["activities"][0]["date"] = json!(d)),
        ("deals[0].expected_close", |ws, d| ws["deals"][0]["expected_close"] = json!(d)),
        ("deals[0].quotes[0].date", |ws, d| ws["deals"][0]["quotes"][0]["date"] = json!(d)),
        ("competitors[0].events[0].date", |ws, d| ws["competitors"][0]["events"][0]["date"] = json!(d)),
        ("deals[0].coaching[0].actions[0].due", |ws, d| ws["deals"][0]["coaching"][0]["actions"][0]["due"] = json!(d)),
    ];
    for (path, set) in places {
        for bad in BAD_DATES {
            let mut ws = minimal();
            set(&mut ws, bad);
            let message = refused_at(&ws, path);
            let says_why = ["YYYY-MM-DD", "1990-01-01 to 2100-12-31", "not a day of the calendar"];
            assert!(says_why.iter().any(|w| message.contains(w)), "{path} = {bad:?}: {message}");
        }
    }
    // The edges of the window are fine.
    for good in ["1990-01-01", "2100-12-31"] {
        let mut ws = minimal();
        ws["deals"][0]["expected_close"] = json!(good);
        let mut store = memory_store();
        import_value(&mut store, &ws, ImportMode::Merge).unwrap_or_else(|e| panic!("{good}: {e}"));
    }
}

#[test]
fn amounts_are_finite_non_negative_and_below_a_quadrillion() {
    for bad in [json!(1e308), json!(1e15), json!(-1), json!(-0.5)] {
        let mut ws = minimal();
        ws["deals"][0]["amount"] = bad.clone();
        refused_at(&ws, "deals[0].amount");
        let mut ws = minimal();
        ws["deals"][0]["quotes"][0]["amount"] = bad.clone();
        refused_at(&ws, "deals[0].quotes[0].amount");
        let mut ws = minimal();
        ws["settings"]["grade_thresholds"]["A"] = bad;
        refused_at(&ws, "settings.grade_thresholds.A");
    }
    let mut ws = minimal();
    ws["deals"][0]["amount"] = json!(999_999_999_999_999u64);
    import_value(&mut memory_store(), &ws, ImportMode::Merge).unwrap();
}

/// A store with the minimal fixture and this week's snapshot of d1, and the
/// `replace_account` that puts acc-1 back after deleting it (as JSON, to spoil).
fn deleted_account_with_snapshots() -> (Store, serde_json::Value) {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    store.take_snapshots(today()).unwrap();
    let out = store.apply(&Edit::DeleteAccount { id: "acc-1".into() }).unwrap();
    let inverse = serde_json::to_value(&out.inverse).unwrap();
    assert_eq!(inverse["snapshots"].as_array().map(Vec::len), Some(1), "{inverse}");
    (store, inverse)
}

fn edit_of(value: &serde_json::Value) -> Result<Edit, Error> {
    Edit::from_json(&value.to_string())
}

#[test]
fn replace_account_refuses_snapshots_with_a_broken_week_or_rate() {
    type Spoil = fn(&mut serde_json::Value);
    let spoil: &[(&str, Spoil)] = &[
        ("snapshots[0].week", |s| s["week"] = json!("<script>alert(1)</script>")),
        ("snapshots[0].week", |s| s["week"] = json!("2026-W99")),
        ("snapshots[0].week", |s| s["week"] = json!("2019-W01")),
        ("snapshots[0].rate", |s| s["rate"] = json!(1e308)),
        ("snapshots[0].rate", |s| s["rate"] = json!(-1e308)),
        ("snapshots[0].rate", |s| s["rate"] = json!(100.5)),
        ("snapshots[0].raw", |s| s["raw"] = json!(-3)),
        ("snapshots[0].as_of", |s| s["as_of"] = json!("0001-01-01")),
    ];
    for (path, f) in spoil {
        let (mut store, mut inverse) = deleted_account_with_snapshots();
        f(&mut inverse["snapshots"][0]);
        let before = export(&store);
        let refused = edit_of(&inverse).and_then(|e| store.apply(&e));
        let err = refused.expect_err("a spoiled snapshot must be refused");
        let message = err.to_string();
        assert!(message.contains(path), "{path}: {message}");
        assert_eq!(export(&store), before, "{path}: a refused edit changed the workspace");
    }
    let (mut store, inverse) = deleted_account_with_snapshots();
    store.apply(&edit_of(&inverse).unwrap()).unwrap();
    assert_eq!(store.snapshots("d1").unwrap().len(), 1);
}

fn deal_assessed_on(date: chrono::NaiveDate) -> Deal {
    let ws = workspace_file::parse(&serde_json::to_vec(&minimal()).unwrap()).unwrap();
    let mut deal = ws.deals[0].clone();
    deal.assessments[0].date = date;
    deal
}

#[test]
fn rebuilding_a_curve_from_an_ancient_date_is_bounded() {
    // A date no file or edit lets in any more, built in code: the loop still stays bounded.
    let year_one = chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    let snaps = curve::rebuild(&deal_assessed_on(year_one), &WinRateWeights::default(), today());
    let first = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let last = chrono::NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let weeks_in_window = ((last - first).num_days() / 7 + 2) as usize;
    assert!(snaps.len() <= weeks_in_window, "{} weekly snapshots", snaps.len());
    assert!(snaps.iter().all(|s| s.as_of >= first), "a snapshot before 1990");
    assert_eq!(snaps.last().unwrap().as_of, today());
}

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

#[test]
fn cli_dates_are_strict_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let fixture = fixture_path("minimal.json");
    assert!(cli(&db, &["import", fixture.to_str().unwrap()]).status.success());
    assert!(cli(&db, &["winrate", "d1", "--as-of", "2026-11-26"]).status.success());
    for bad in ["26-11-26", "2026-1-1", " 2026-11-26", "+2026-11-26", "0001-01-01", "2200-01-01"] {
        for args in [vec!["winrate", "d1", "--as-of", bad], vec!["snapshot", "--rebuild", "--as-of", bad]] {
            let out = cli(&db, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            let says_why = err.contains("YYYY-MM-DD") || err.contains("1990-01-01 to 2100-12-31");
            assert!(err.contains("--as-of") && says_why, "{args:?}: {err}");
        }
    }
}

#[test]
fn an_activity_cannot_be_marked_done_on_a_day_still_to_come() {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    let tomorrow = today().succ_opt().unwrap();
    let activity = |date: chrono::NaiveDate, status: &str| {
        json!({"id": "a-new", "date": date.to_string(), "type": "call", "status": status, "people": ["p1"]})
    };
    let set = |date, status| {
        edit_of(&json!({"op": "set_activity", "account": "acc-1", "activity": activity(date, status)})).unwrap()
    };
    let before = export(&store);
    let err = store.apply_as_of(&set(tomorrow, "done"), today()).expect_err("done tomorrow must be refused");
    let message = err.to_string();
    assert!(message.contains("activity.status") && message.contains(&tomorrow.to_string()), "{message}");
    assert_eq!(export(&store), before);
    // Inside a batch, and through update_deal, the same rule.
    let batch = Edit::Batch { edits: vec![set(today(), "done"), set(tomorrow, "done")] };
    let message = store.apply_as_of(&batch, today()).expect_err("refused in a batch").to_string();
    assert!(message.contains("edits[1]"), "{message}");
    let mut deal = serde_json::to_value(store.deal("d1").unwrap()).unwrap();
    deal["name"] = json!("核心系统升级二期");
    let mut act = activity(tomorrow, "done");
    act["deal"] = json!("d1");
    let update = edit_of(&json!({"op": "update_deal", "deal": deal, "activities": [act]})).unwrap();
    let message = store.apply_as_of(&update, today()).expect_err("refused in update_deal").to_string();
    assert!(message.contains("activities[0].status"), "{message}");
    assert_eq!(export(&store), before);

    // Planned for tomorrow, or done today: fine.
    store.apply_as_of(&set(tomorrow, "planned"), today()).unwrap();
    store.apply_as_of(&set(today(), "done"), today()).unwrap();

    // Promoting a sand-table scenario writes its activities into reality: the same rule.
    let s = store.fork_scenario("d1", "明天就成了", today()).unwrap();
    let mut act: Activity = serde_json::from_value(activity(tomorrow, "done")).unwrap();
    act.id = "a-promised".into();
    act.deal = Some("d1".into());
    store.update_scenario(&s.id, s.deal.clone(), vec![act]).unwrap();
    let before = export(&store);
    let message = store.promote_scenario(&s.id, today()).expect_err("refused on promotion").to_string();
    assert!(message.contains("activities[0].status") && message.contains("a-promised"), "{message}");
    assert_eq!(export(&store), before);
    assert!(store.scenario(&s.id).is_ok(), "the refused scenario is kept");

    // The CLI refuses it with the same words.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let fixture = fixture_path("minimal.json");
    assert!(cli(&db, &["import", fixture.to_str().unwrap()]).status.success());
    let next_week = chrono::Local::now().date_naive() + chrono::Days::new(7);
    let e = json!({"op": "set_activity", "account": "acc-1", "activity": activity(next_week, "done")});
    let out = cli(&db, &["edit", &e.to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("activity.status") && err.contains("future"), "{err}");
}
