//! Person profiles (§3.4) on real SQLite: interaction derived from done
//! activities (§3.8), the suggested relationship strategy (§3.6), the inside
//! source, and the `profile` command.

use std::path::Path;

use chrono::NaiveDate;
use sandtable::engine::profile::Profile;
use sandtable::io::ImportMode;
use sandtable::model::{Attitude, Influence, Interaction, Orientation, RelationshipStrategy, Role};
use sandtable::{Error, Store};
use serde_json::{json, Value};

use crate::support::*;

const AS_OF: &str = "2026-11-20";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn act(id: &str, day: &str, status: &str, deal: Option<&str>, people: &[&str]) -> Value {
    json!({"id": id, "date": day, "type": "visit", "status": status, "deal": deal, "people": people})
}

/// The minimal fixture with a second deal d2 (p1 approver, p2 evaluator) on
/// the same account, p2 also on d1, and the account's activities replaced.
fn workspace(activities: Vec<Value>) -> Value {
    let mut ws = minimal();
    ws["accounts"][0]["activities"] = json!(activities);
    ws["deals"][0]["participants"]
        .as_array_mut()
        .unwrap()
        .push(json!({"person": "p2", "role": "user", "attitude": "strong_positive", "relationship_strategy": null}));
    let d2 = json!({
        "id": "d2", "account": "acc-1", "name": "数据中台", "amount": 800000, "stage": "validate",
        "participants": [
            {"person": "p1", "role": "decision_maker", "attitude": "strong_negative"},
            {"person": "p2", "role": "evaluator", "attitude": "positive", "relationship_strategy": "attack"}
        ]
    });
    ws["deals"].as_array_mut().unwrap().push(d2);
    ws
}

fn store_with(ws: &Value) -> Store {
    let mut store = memory_store();
    import_value(&mut store, ws, ImportMode::Merge).unwrap();
    store
}

fn profile(store: &Store, person: &str, deal: Option<&str>, as_of: &str) -> Profile {
    store.profile(person, deal, date(as_of)).unwrap()
}

/// `n` done activities with p2 on d1, all inside the window.
fn done_with_p2(n: usize) -> Vec<Value> {
    (0..n).map(|i| act(&format!("x{i}"), "2026-11-01", "done", Some("d1"), &["p2"])).collect()
}

#[test]
fn interaction_thresholds_at_their_edges() {
    let cases = [
        (0, Interaction::None),
        (1, Interaction::Occasional),
        (2, Interaction::Occasional),
        (3, Interaction::Frequent),
        (5, Interaction::Frequent),
        (6, Interaction::Deep),
    ];
    for (n, want) in cases {
        let store = store_with(&workspace(done_with_p2(n)));
        let p = profile(&store, "p2", Some("d1"), AS_OF);
        assert_eq!(p.account_level.interaction.level, want, "{n} overall");
        assert_eq!(p.account_level.interaction.activities.len(), n);
        assert_eq!(p.deal_level.unwrap().interaction.level, want, "{n} on d1");
    }
}

#[test]
fn edited_thresholds_and_window_are_read_from_the_settings() {
    let mut ws = workspace(vec![
        act("near", "2026-11-10", "done", Some("d1"), &["p2"]),
        act("mid", "2026-10-22", "done", Some("d1"), &["p2"]),
        act("far", "2026-10-21", "done", Some("d1"), &["p2"]),
    ]);
    ws["settings"]["interaction_thresholds"] = json!({"occasional": 1, "frequent": 2, "deep": 9, "window_days": 30});
    let store = store_with(&ws);
    let p = profile(&store, "p2", None, AS_OF);
    // 2026-11-20 − 30 days = 2026-10-21: "far" falls out, two make "frequent" at threshold 2.
    assert_eq!(p.account_level.interaction.activities, ["mid", "near"]);
    assert_eq!(p.account_level.interaction.level, Interaction::Frequent);
}

#[test]
fn only_done_activities_in_the_window_count() {
    let store = store_with(&workspace(vec![
        act("too-old", "2026-05-24", "done", Some("d1"), &["p2"]),
        act("first-day", "2026-05-25", "done", Some("d1"), &["p2"]),
        act("today", AS_OF, "done", Some("d1"), &["p2", "p1"]),
        act("tomorrow", "2026-11-21", "done", Some("d1"), &["p2"]),
        act("planned", "2026-11-10", "planned", Some("d1"), &["p2"]),
        act("not-p2", "2026-11-10", "done", Some("d1"), &["p1"]),
    ]));
    let p = profile(&store, "p2", Some("d1"), AS_OF);
    assert_eq!(p.account_level.interaction.activities, ["first-day", "today"]);
    assert_eq!(p.account_level.interaction.level, Interaction::Occasional);
    assert_eq!(p.deal_level.as_ref().unwrap().interaction.activities, ["first-day", "today"]);
    // A day later the first day has left the window and tomorrow has come.
    let later = profile(&store, "p2", None, "2026-11-21");
    assert_eq!(later.account_level.interaction.activities, ["today", "tomorrow"]);
    // The planned one never counts, even once its date has passed.
    let much_later = profile(&store, "p2", None, "2026-12-31");
    assert!(!much_later.account_level.interaction.activities.contains(&"planned".to_string()));
}

#[test]
fn deal_level_counts_only_that_deals_activities() {
    let store = store_with(&workspace(vec![
        act("on-d1", "2026-11-01", "done", Some("d1"), &["p1"]),
        act("on-d2-a", "2026-11-02", "done", Some("d2"), &["p1"]),
        act("on-d2-b", "2026-11-03", "done", Some("d2"), &["p1", "p2"]),
        act("no-deal", "2026-11-04", "done", None, &["p1"]),
    ]));
    let on_d1 = profile(&store, "p1", Some("d1"), AS_OF);
    assert_eq!(on_d1.account_level.interaction.activities, ["on-d1", "on-d2-a", "on-d2-b", "no-deal"]);
    assert_eq!(on_d1.account_level.interaction.level, Interaction::Frequent);
    let d1 = on_d1.deal_level.unwrap();
    assert_eq!(
        (d1.interaction.level, d1.interaction.activities.clone()),
        (Interaction::Occasional, vec!["on-d1".to_string()])
    );
    let d2 = profile(&store, "p1", Some("d2"), AS_OF).deal_level.unwrap();
    assert_eq!(d2.interaction.activities, ["on-d2-a", "on-d2-b"]);
    assert_eq!(d2.interaction.level, Interaction::Occasional);
    // p3 took part in nothing here: none, on the account and on d1.
    let p3 = profile(&store, "p3", Some("d1"), AS_OF);
    assert_eq!(p3.account_level.interaction.level, Interaction::None);
    assert_eq!(p3.deal_level.unwrap().interaction.level, Interaction::None);
}

#[test]
fn the_whole_profile_of_the_fixture() {
    let store = store_with(&minimal());
    let p = profile(&store, "p3", Some("d1"), AS_OF);
    assert_eq!((p.person.as_str(), p.name.as_str(), p.title.as_str()), ("p3", "张伟", "架构师"));
    assert_eq!((p.account.as_str(), p.account_name.as_str()), ("acc-1", "鸿远银行"));
    let a = &p.account_level;
    assert_eq!((a.orientation, a.attitude, a.influence), (Orientation::Unknown, Attitude::Negative, Influence::Medium));
    assert_eq!(a.interaction.activities, ["a1"]);
    let circles: Vec<(&str, &str, bool)> =
        a.circles.iter().map(|c| (c.id.as_str(), c.name.as_str(), c.primary)).collect();
    assert_eq!(circles, [("c-tech", "科技条线", true), ("c-fin", "财务条线", false)]);
    let leans = a.leans_to.as_ref().unwrap();
    assert_eq!((leans.id.as_str(), leans.name.as_str()), ("k-yunqing", "云擎科技"));
    let d = p.deal_level.unwrap();
    assert_eq!((d.deal.as_str(), d.deal_name.as_str()), ("d1", "核心系统升级"));
    assert_eq!((d.role, d.attitude), (Role::Evaluator, Attitude::Negative));
    assert_eq!(d.suggested_strategy, Some(RelationshipStrategy::Defend));
    assert_eq!(d.chosen_strategy, Some(RelationshipStrategy::Defend));
    assert!(!d.inside_source);
    assert_eq!(d.assessment_date, Some(date("2026-11-20")));
    // Without a deal, only the account level.
    assert!(profile(&store, "p3", None, AS_OF).deal_level.is_none());
    // p1 leans to no one and is in one circle.
    let p1 = profile(&store, "p1", None, AS_OF).account_level;
    assert!(p1.leans_to.is_none());
    assert_eq!(p1.circles.len(), 1);
}

#[test]
fn suggested_strategy_follows_the_deal_attitude_not_the_overall_one() {
    let store = store_with(&workspace(vec![]));
    // p1: overall neutral; on d1 neutral → attack; on d2 strong negative → suppress.
    let cases = [
        ("p1", "d1", Attitude::Neutral, Some(RelationshipStrategy::Attack), None),
        ("p1", "d2", Attitude::StrongNegative, Some(RelationshipStrategy::Suppress), None),
        ("p2", "d1", Attitude::StrongPositive, Some(RelationshipStrategy::Motivate), None),
        ("p2", "d2", Attitude::Positive, Some(RelationshipStrategy::Balance), Some(RelationshipStrategy::Attack)),
    ];
    for (person, deal, attitude, suggested, chosen) in cases {
        let d = profile(&store, person, Some(deal), AS_OF).deal_level.unwrap();
        assert_eq!(
            (d.attitude, d.suggested_strategy, d.chosen_strategy),
            (attitude, suggested, chosen),
            "{person} {deal}"
        );
    }
    // An unknown deal attitude suggests nothing.
    let mut ws = workspace(vec![]);
    ws["deals"][1]["participants"][0]["attitude"] = json!("unknown");
    let d = profile(&store_with(&ws), "p1", Some("d2"), AS_OF).deal_level.unwrap();
    assert_eq!((d.attitude, d.suggested_strategy), (Attitude::Unknown, None));
}

#[test]
fn inside_source_is_read_from_the_assessment_in_force() {
    let mut ws = workspace(vec![]);
    ws["deals"][0]["assessments"] = json!([
        {"date": "2026-11-06", "inside_source": "p2", "participants": [], "scores": []},
        {"date": "2026-11-20", "inside_source": null, "participants": [], "scores": []}
    ]);
    let store = store_with(&ws);
    let cases = [
        ("2026-11-05", false, None),
        ("2026-11-06", true, Some("2026-11-06")),
        ("2026-11-19", true, Some("2026-11-06")),
        ("2026-11-20", false, Some("2026-11-20")),
    ];
    for (as_of, inside, assessed) in cases {
        let d = profile(&store, "p2", Some("d1"), as_of).deal_level.unwrap();
        assert_eq!((d.inside_source, d.assessment_date), (inside, assessed.map(date)), "{as_of}");
    }
    // In the fixture p2 is the inside source of d1's only assessment.
    let d = profile(&store_with(&workspace(vec![])), "p2", Some("d1"), AS_OF).deal_level.unwrap();
    assert!(d.inside_source);
    assert!(!profile(&store_with(&workspace(vec![])), "p1", Some("d1"), AS_OF).deal_level.unwrap().inside_source);
}

#[test]
fn unknown_people_and_deals_and_outsiders_are_refused() {
    let store = store_with(&minimal());
    match store.profile("p-nope", None, date(AS_OF)) {
        Err(Error::NotFound { kind: "person", id }) => assert_eq!(id, "p-nope"),
        other => panic!("{other:?}"),
    }
    match store.profile("p1", Some("d-nope"), date(AS_OF)) {
        Err(Error::NotFound { kind: "deal", id }) => assert_eq!(id, "d-nope"),
        other => panic!("{other:?}"),
    }
    // p2 is in the account but not on d1 in the fixture.
    match store.profile("p2", Some("d1"), date(AS_OF)) {
        Err(e @ Error::InvalidInput(_)) => {
            let text = e.to_string();
            assert!(text.contains("\"p2\"") && text.contains("not a participant") && text.contains("\"d1\""), "{text}");
        }
        other => panic!("{other:?}"),
    }
}

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn profile_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let file = dir.path().join("ws.json");
    let ws = workspace(vec![
        act("a1", "2026-11-18", "done", Some("d1"), &["p1", "p3"]),
        act("a2", "2026-11-19", "done", Some("d2"), &["p1"]),
        act("a3", "2026-11-19", "planned", Some("d1"), &["p1"]),
    ]);
    std::fs::write(&file, serde_json::to_vec(&ws).unwrap()).unwrap();
    stdout(&run(&db, &["import", file.to_str().unwrap()]));

    let got: Value =
        serde_json::from_str(&stdout(&run(&db, &["profile", "p1", "--deal", "d1", "--as-of", AS_OF, "--json"])))
            .unwrap();
    assert_eq!(got["person"], "p1");
    assert_eq!(got["as_of"], AS_OF);
    assert_eq!(got["account_level"]["orientation"], "pragmatic");
    assert_eq!(got["account_level"]["interaction"], json!({"level": "occasional", "activities": ["a1", "a2"]}));
    assert_eq!(got["account_level"]["circles"], json!([{"id": "c-fin", "name": "财务条线", "primary": true}]));
    assert_eq!(got["account_level"]["leans_to"], Value::Null);
    let deal = &got["deal_level"];
    assert_eq!(deal["role"], "approver");
    assert_eq!(deal["interaction"], json!({"level": "occasional", "activities": ["a1"]}));
    assert_eq!(deal["suggested_strategy"], "attack");
    assert_eq!(deal["chosen_strategy"], Value::Null);
    assert_eq!(deal["inside_source"], false);

    let no_deal: Value =
        serde_json::from_str(&stdout(&run(&db, &["profile", "p1", "--json", "--as-of", AS_OF]))).unwrap();
    assert_eq!(no_deal["deal_level"], Value::Null);
    // Before a1 happened p1 had no interaction at all.
    let before: Value =
        serde_json::from_str(&stdout(&run(&db, &["profile", "p1", "--json", "--as-of", "2026-11-17"]))).unwrap();
    assert_eq!(before["account_level"]["interaction"], json!({"level": "none", "activities": []}));

    let plain = stdout(&run(&db, &["profile", "p3", "--deal", "d1", "--as-of", AS_OF]));
    assert!(plain.contains("张伟") && plain.contains("科技条线*") && plain.contains("云擎科技"), "{plain}");
    assert!(plain.contains("role evaluator") && plain.contains("suggested defend / chosen defend"), "{plain}");

    // Without --as-of the profile is derived for today.
    let today: Value = serde_json::from_str(&stdout(&run(&db, &["profile", "p1", "--json"]))).unwrap();
    assert!(today["as_of"].as_str().unwrap().parse::<NaiveDate>().is_ok());

    for (args, needle) in [
        (vec!["profile", "p3", "--deal", "d2"], "not a participant"),
        (vec!["profile", "p-nope"], "person \"p-nope\" not found"),
        (vec!["profile", "p1", "--deal", "d-nope"], "deal \"d-nope\" not found"),
        (vec!["profile", "p1", "--as-of", "20261120"], "YYYY-MM-DD"),
    ] {
        let out = run(&db, &args);
        assert!(!out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
