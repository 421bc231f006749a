//! Stage gates (§2.1, §2.2) on real SQLite: what each grade may do, what a
//! refusal names, that refusals write nothing, exit-checklist marks, and the
//! `move` and `check` commands.

use std::path::Path;

use chrono::NaiveDate;
use sandtable::engine::stages::{Direction, Missing, RegistrationState};
use sandtable::io::ImportMode;
use sandtable::model::Grade;
use sandtable::{Error, Store};
use serde_json::{json, Value};

use crate::support::*;

/// The minimal fixture with d1 (3.2M, grade B, at needs_analysis) patched.
fn workspace(patch: Value) -> Value {
    let mut ws = minimal();
    for (key, value) in patch.as_object().unwrap() {
        ws["deals"][0][key] = value.clone();
    }
    ws
}

fn store_with(patch: Value) -> Store {
    let mut store = memory_store();
    import_value(&mut store, &workspace(patch), ImportMode::Merge).unwrap();
    store
}

fn stage_of(store: &Store) -> String {
    store.deal("d1").unwrap().stage
}

/// The message of a refused move; panics if the move was not refused.
fn refused(result: sandtable::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(e @ Error::InvalidInput(_)) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn registration(status: &str, until: &str) -> Value {
    json!({"partner": "北辰集成", "registered_on": "2020-01-01", "protection_until": until, "status": status})
}

const NEEDS_ANALYSIS_ITEMS: [&str; 3] = ["价值主张已确定", "竞争策略已确定", "行动计划已确定"];

#[test]
fn grade_b_may_not_skip_and_the_refusal_names_everything_missing() {
    let mut store = store_with(json!({}));
    let before = export(&store);
    let msg = refused(store.move_deal("d1", "tender_preparation"));
    assert!(msg.contains("cannot move deal \"d1\""), "{msg}");
    assert!(msg.contains("stage \"价值呈现\" (value_presentation) would be skipped"), "{msg}");
    for item in NEEDS_ANALYSIS_ITEMS {
        assert!(msg.contains(&format!("\"{item}\" is not met")), "{item}: {msg}");
    }
    assert_eq!(export(&store), before, "a refused move writes nothing");
    assert_eq!(store.missing_for_move("d1", "tender_preparation", "2026-11-20".parse().unwrap()).unwrap().len(), 4);
}

#[test]
fn grade_b_leaves_a_stage_only_with_its_exit_checklist_met() {
    let mut store = store_with(json!({}));
    store.mark_checklist("d1", "needs_analysis", NEEDS_ANALYSIS_ITEMS[0], true).unwrap();
    store.mark_checklist("d1", "needs_analysis", NEEDS_ANALYSIS_ITEMS[2], true).unwrap();
    let msg = refused(store.move_deal("d1", "value_presentation"));
    assert!(msg.contains(NEEDS_ANALYSIS_ITEMS[1]), "{msg}");
    assert!(
        !msg.contains(NEEDS_ANALYSIS_ITEMS[0]) && !msg.contains(NEEDS_ANALYSIS_ITEMS[2]),
        "only the unmet one: {msg}"
    );
    assert!(!msg.contains("skipped"), "{msg}");
    assert_eq!(stage_of(&store), "needs_analysis");

    let checklist = store.mark_checklist("d1", "needs_analysis", NEEDS_ANALYSIS_ITEMS[1], true).unwrap();
    assert!(checklist.complete);
    let moved = store.move_deal("d1", "value_presentation").unwrap();
    assert_eq!(
        (moved.from.as_str(), moved.to.as_str(), moved.grade),
        ("needs_analysis", "value_presentation", Grade::B)
    );
    assert_eq!((moved.direction, moved.fast_track), (Direction::Forward, false));
    assert_eq!(stage_of(&store), "value_presentation");
    // The next stage's checklist is unmet: the gate holds again.
    let msg = refused(store.move_deal("d1", "tender_preparation"));
    assert!(msg.contains("客户开始编写招标文件"), "{msg}");
}

#[test]
fn grade_a_by_override_follows_the_full_process() {
    // 150,000 would be grade D; the override makes it A.
    let mut store = store_with(
        json!({"amount": 150000, "stage": "validate", "grade_override": "A", "override_reason": "标杆客户"}),
    );
    let msg = refused(store.move_deal("d1", "negotiation"));
    for name in ["商机立项", "需求分析", "价值呈现", "招标准备", "组织投标"] {
        assert!(msg.contains(&format!("stage \"{name}\"")), "{name}: {msg}");
    }
    assert_eq!(stage_of(&store), "validate");
}

#[test]
fn grades_c_and_d_may_jump_from_the_first_stage_to_the_last() {
    for (amount, grade) in [(300000, Grade::C), (50000, Grade::D)] {
        let mut store = store_with(json!({"amount": amount, "stage": "validate"}));
        let moved = store.move_deal("d1", "negotiation").unwrap();
        assert_eq!((moved.grade, moved.fast_track, moved.direction), (grade, true, Direction::Forward));
        assert_eq!(stage_of(&store), "negotiation");
    }
}

#[test]
fn grades_c_and_d_otherwise_go_one_step_at_a_time_without_checklists() {
    let mut store = store_with(json!({"amount": 300000, "stage": "validate"}));
    let msg = refused(store.move_deal("d1", "needs_analysis"));
    assert!(msg.contains("stage \"商机立项\" (initiate) would be skipped"), "{msg}");
    assert!(!msg.contains("exit checklist"), "C/D checklists are optional: {msg}");
    // One step with nothing marked is fine.
    store.move_deal("d1", "initiate").unwrap();
    // From the second stage the fast track is closed.
    let msg = refused(store.move_deal("d1", "negotiation"));
    for name in ["需求分析", "价值呈现", "招标准备", "组织投标"] {
        assert!(msg.contains(name), "{name}: {msg}");
    }
    assert_eq!(stage_of(&store), "initiate");
}

#[test]
fn partner_led_deals_follow_their_registration() {
    let far = "2099-12-31";
    let cases = [
        (Some(registration("approved", far)), None),
        (Some(registration("approved", "2020-12-31")), Some(RegistrationState::Expired)),
        (Some(registration("expired", far)), Some(RegistrationState::Expired)),
        (Some(registration("pending", far)), Some(RegistrationState::Pending)),
        (Some(registration("rejected", far)), Some(RegistrationState::Rejected)),
        (None, None),
    ];
    for (reg, refused_as) in cases {
        let has_reg = reg.is_some();
        let mut store = store_with(json!({"partner_led": true, "stage": "validate", "partner_registration": reg}));
        let result = store.move_deal("d1", "bidding");
        match (has_reg, refused_as) {
            (true, None) => {
                // Active: any forward move, no checklist, no skip rule.
                let moved = result.unwrap();
                assert_eq!((moved.grade, moved.to.as_str()), (Grade::E, "bidding"));
            }
            (true, Some(state)) => {
                let msg = refused(result);
                assert!(msg.contains(&format!("the partner registration is {}", state.key())), "{msg}");
                assert!(!msg.contains("skipped"), "{msg}");
                assert_eq!(stage_of(&store), "validate");
            }
            (false, _) => {
                let msg = refused(result);
                assert!(msg.contains("without a partner registration"), "{msg}");
            }
        }
    }
    let mut store =
        store_with(json!({"partner_led": true, "partner_registration": registration("approved", "2020-12-31")}));
    let msg = refused(store.move_deal("d1", "value_presentation"));
    assert!(msg.contains("protection ended 2020-12-31"), "{msg}");
    // Backwards is allowed even so.
    assert_eq!(store.move_deal("d1", "validate").unwrap().direction, Direction::Backward);
}

#[test]
fn registration_protection_counts_through_its_last_day() {
    let mut store = store_with(
        json!({"partner_led": true, "stage": "validate", "partner_registration": registration("approved", "2026-11-20")}),
    );
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    let missing = store.missing_for_move("d1", "initiate", day("2026-11-21")).unwrap();
    assert_eq!(
        missing,
        [Missing::PartnerRegistration {
            state: Some(RegistrationState::Expired),
            protection_until: Some(day("2026-11-20"))
        }]
    );
    refused(store.move_deal_as_of("d1", "initiate", day("2026-11-21")));
    store.move_deal_as_of("d1", "initiate", day("2026-11-20")).unwrap();
    assert_eq!(stage_of(&store), "initiate");
}

#[test]
fn backwards_is_allowed_and_closed_deals_do_not_move() {
    let mut store = store_with(json!({"stage": "bidding"}));
    let moved = store.move_deal("d1", "validate").unwrap();
    assert_eq!(moved.direction, Direction::Backward);
    assert_eq!(stage_of(&store), "validate");
    let same = store.move_deal("d1", "validate").unwrap();
    assert_eq!(same.direction, Direction::Stay);

    for status in ["won", "lost", "abandoned"] {
        let mut store = store_with(json!({"stage": "bidding", "status": status, "amount": 1000}));
        for to in ["validate", "negotiation"] {
            let msg = refused(store.move_deal("d1", to));
            assert!(msg.contains(&format!("the deal is closed ({status})")), "{msg}");
        }
        assert_eq!(stage_of(&store), "bidding");
    }
}

#[test]
fn an_edited_template_is_the_one_enforced() {
    let mut ws = workspace(json!({"stage": "lead", "amount": 50000, "checklist": []}));
    ws["settings"]["stages"] = json!([
        {"key": "lead", "name": "线索", "name_en": "Lead", "exit_checklist": ["已核实"]},
        {"key": "pitch", "name": "方案", "name_en": "Pitch", "exit_checklist": []},
        {"key": "close", "name": "签约", "name_en": "Close", "exit_checklist": []}
    ]);
    let mut store = memory_store();
    import_value(&mut store, &ws, ImportMode::Merge).unwrap();
    // Grade D: the three-stage template's first → last is the fast track.
    assert!(store.move_deal("d1", "close").unwrap().fast_track);
    // Grade A by override, back at the start: checklist and skip use the new names.
    store.conn().execute("UPDATE deals SET stage = 'lead', grade_override = 'A' WHERE id = 'd1'", []).unwrap();
    let msg = refused(store.move_deal("d1", "close"));
    assert!(msg.contains("stage \"方案\" (pitch) would be skipped") && msg.contains("\"已核实\" is not met"), "{msg}");
    let msg = refused(store.move_deal("d1", "needs_analysis"));
    assert!(msg.contains("not a stage of the stage template") && msg.contains("lead, pitch, close"), "{msg}");
}

#[test]
fn checklist_marks_are_checked_against_the_template() {
    let mut store = store_with(json!({}));
    let c = store.mark_checklist("d1", "validate", "开始协调内部资源", true).unwrap();
    let got: Vec<(&str, bool)> = c.items.iter().map(|i| (i.item.as_str(), i.done)).collect();
    assert_eq!(got, [("确认为真实商机", false), ("开始协调内部资源", true)]);
    assert_eq!((c.stage.as_str(), c.stage_name.as_str(), c.complete), ("validate", "验证商机", false));
    // Marking twice changes nothing; the mark is in the exported workspace.
    store.mark_checklist("d1", "validate", "开始协调内部资源", true).unwrap();
    let marks = store.deal("d1").unwrap().checklist;
    assert_eq!(marks.len(), 1);
    assert!(export(&store).contains("开始协调内部资源"));
    // Undo, twice.
    assert!(store.mark_checklist("d1", "validate", "开始协调内部资源", false).unwrap().items.iter().all(|i| !i.done));
    store.mark_checklist("d1", "validate", "开始协调内部资源", false).unwrap();
    assert!(store.deal("d1").unwrap().checklist.is_empty());

    let bad_item = store.mark_checklist("d1", "validate", "价值主张已确定", true).unwrap_err();
    assert!(matches!(bad_item, Error::InvalidInput(_)));
    let text = bad_item.to_string();
    assert!(
        text.contains("not on the exit checklist of stage \"验证商机\"") && text.contains("确认为真实商机"),
        "{text}"
    );
    let bad_stage = store.mark_checklist("d1", "nowhere", "x", true).unwrap_err().to_string();
    assert!(
        bad_stage.contains("\"nowhere\" is not a stage") && bad_stage.contains("validate, initiate"),
        "{bad_stage}"
    );
    match store.mark_checklist("d-nope", "validate", "确认为真实商机", true) {
        Err(Error::NotFound { kind: "deal", id }) => assert_eq!(id, "d-nope"),
        other => panic!("{other:?}"),
    }
    match store.move_deal("d-nope", "validate") {
        Err(Error::NotFound { kind: "deal", .. }) => {}
        other => panic!("{other:?}"),
    }
    assert!(store.deal("d1").unwrap().checklist.is_empty(), "refused marks write nothing");
}

#[test]
fn a_move_survives_reopening_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    {
        let mut store = Store::open(&path).unwrap();
        import_value(&mut store, &workspace(json!({"amount": 300000, "stage": "validate"})), ImportMode::Merge)
            .unwrap();
        store.move_deal("d1", "negotiation").unwrap();
    }
    assert_eq!(Store::open(&path).unwrap().deal("d1").unwrap().stage, "negotiation");
}

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn move_and_check_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["import", fixture_path("minimal.json").to_str().unwrap()]));

    let out = run(&db, &["move", "d1", "value_presentation", "--json"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error [invalid_input]"), "{err}");
    for item in NEEDS_ANALYSIS_ITEMS {
        assert!(err.contains(item), "{item}: {err}");
    }

    for item in NEEDS_ANALYSIS_ITEMS {
        stdout(&run(&db, &["check", "d1", "needs_analysis", item]));
    }
    let checklist: Value = serde_json::from_str(&stdout(&run(
        &db,
        &["check", "d1", "needs_analysis", NEEDS_ANALYSIS_ITEMS[0], "--undo", "--json"],
    )))
    .unwrap();
    assert_eq!(checklist["complete"], false);
    assert_eq!(checklist["items"][0], json!({"item": NEEDS_ANALYSIS_ITEMS[0], "done": false}));
    let plain = stdout(&run(&db, &["check", "d1", "needs_analysis", NEEDS_ANALYSIS_ITEMS[0]]));
    assert!(plain.contains(&format!("[x] {}", NEEDS_ANALYSIS_ITEMS[0])), "{plain}");

    let moved: Value =
        serde_json::from_str(&stdout(&run(&db, &["move", "d1", "value_presentation", "--json"]))).unwrap();
    assert_eq!(
        moved,
        json!({"deal": "d1", "from": "needs_analysis", "to": "value_presentation", "from_name": "需求分析",
               "to_name": "价值呈现", "grade": "B", "direction": "forward", "fast_track": false})
    );
    let plain = stdout(&run(&db, &["move", "d1", "initiate"]));
    assert!(plain.contains("价值呈现 (value_presentation) → 商机立项 (initiate)"), "{plain}");
    let deals: Value = serde_json::from_str(&stdout(&run(&db, &["deals", "--json"]))).unwrap();
    assert_eq!(deals[0]["stage"], "initiate");

    for (args, needle) in [
        (vec!["check", "d1", "needs_analysis", "随便"], "not on the exit checklist"),
        (vec!["check", "d1", "nowhere", "随便"], "not a stage"),
        (vec!["move", "d1", "nowhere"], "not a stage"),
        (vec!["move", "d-nope", "validate"], "deal \"d-nope\" not found"),
    ] {
        let out = run(&db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
