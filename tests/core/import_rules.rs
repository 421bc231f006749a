//! Every refusal rule of workspace-json.md: the file is refused whole, the
//! error names the JSON path, and the workspace is left exactly as it was.

use serde_json::{json, Value};

use sandtable::io::ImportMode;
use sandtable::Error;

use crate::support::*;

type Mutation = fn(&mut Value);

/// (what is wrong, mutation of the minimal fixture, path the error must name, words it must contain)
const CASES: &[(&str, Mutation, &str, &str)] = &[
    ("wrong format", |v| v["format"] = json!("other-app"), "format", "sandtable-workspace"),
    ("unknown version", |v| v["version"] = json!(2), "version", "unknown version 2"),
    ("missing format", |v| { v.as_object_mut().unwrap().remove("format"); }, "(document)", "format"),
    ("duplicate competitor id", |v| v["competitors"][1]["id"] = json!("k-yunqing"), "competitors[1].id", "duplicate"),
    ("duplicate account id", |v| { let a = v["accounts"][0].clone(); let mut b = json!({"id": "acc-1", "name": "另一家"}); b["circles"] = json!([]); let _ = a; v["accounts"].as_array_mut().unwrap().push(b); }, "accounts[1].id", "duplicate"),
    ("duplicate circle id", |v| v["accounts"][0]["circles"][1]["id"] = json!("c-tech"), "accounts[0].circles[1].id", "duplicate"),
    ("duplicate person id", |v| v["accounts"][0]["people"][1]["id"] = json!("p1"), "accounts[0].people[1].id", "duplicate"),
    ("duplicate activity id", |v| { let a = v["accounts"][0]["activities"][0].clone(); v["accounts"][0]["activities"].as_array_mut().unwrap().push(a); }, "accounts[0].activities[1].id", "duplicate"),
    ("duplicate deal id", |v| { let d = v["deals"][0].clone(); v["deals"].as_array_mut().unwrap().push(d); }, "deals[1].id", "duplicate"),
    ("dangling manager", |v| v["accounts"][0]["people"][1]["manager"] = json!("nobody"), "accounts[0].people[1].manager", "\"nobody\" does not exist"),
    ("manager in another account", |v| { v["accounts"].as_array_mut().unwrap().push(json!({"id": "acc-2", "name": "别家", "people": [{"id": "q1", "name": "外人"}]})); v["accounts"][0]["people"][1]["manager"] = json!("q1"); }, "accounts[0].people[1].manager", "belongs to account \"acc-2\""),
    ("own manager", |v| v["accounts"][0]["people"][0]["manager"] = json!("p1"), "accounts[0].people[0].manager", "own manager"),
    ("reporting cycle", |v| v["accounts"][0]["people"][0]["manager"] = json!("p3"), ".manager", "cycle"),
    ("dangling dotted manager", |v| v["accounts"][0]["people"][2]["dotted_managers"] = json!(["ghost"]), "accounts[0].people[2].dotted_managers[0]", "ghost"),
    ("dangling circle", |v| v["accounts"][0]["people"][0]["circles"] = json!(["c-none"]), "accounts[0].people[0].circles[0]", "c-none"),
    ("circle of another account", |v| { v["accounts"].as_array_mut().unwrap().push(json!({"id": "acc-2", "name": "别家", "circles": [{"id": "c-x", "name": "外圈"}]})); v["accounts"][0]["people"][1]["circles"] = json!(["c-x"]); v["accounts"][0]["people"][1]["primary_circle"] = json!(null); }, "accounts[0].people[1].circles[0]", "acc-2"),
    ("primary circle not among circles", |v| v["accounts"][0]["people"][0]["primary_circle"] = json!("c-tech"), "accounts[0].people[0].primary_circle", "not one of"),
    ("dangling influence source", |v| v["accounts"][0]["influences"][0]["from"] = json!("pX"), "accounts[0].influences[0].from", "pX"),
    ("dangling influence target", |v| v["accounts"][0]["influences"][0]["to"] = json!("pY"), "accounts[0].influences[0].to", "pY"),
    ("influence strength 4", |v| v["accounts"][0]["influences"][0]["strength"] = json!(4), "accounts[0].influences[0].strength", "1–3"),
    ("influence strength 0", |v| v["accounts"][0]["influences"][0]["strength"] = json!(0), "accounts[0].influences[0].strength", "1–3"),
    ("influence strength not a number", |v| v["accounts"][0]["influences"][0]["strength"] = json!("strong"), "accounts[0].influences[0].strength", "invalid type"),
    ("dangling leans_to", |v| v["accounts"][0]["people"][2]["leans_to"] = json!("k-none"), "accounts[0].people[2].leans_to", "k-none"),
    ("dangling activity person", |v| v["accounts"][0]["activities"][0]["people"] = json!(["p1", "p9"]), "accounts[0].activities[0].people[1]", "p9"),
    ("dangling activity deal", |v| v["accounts"][0]["activities"][0]["deal"] = json!("d9"), "accounts[0].activities[0].deal", "d9"),
    ("dangling deal account", |v| v["deals"][0]["account"] = json!("acc-9"), "deals[0].account", "acc-9"),
    ("dangling participant", |v| v["deals"][0]["participants"][0]["person"] = json!("p9"), "deals[0].participants[0].person", "p9"),
    ("participant of another account", |v| { v["accounts"].as_array_mut().unwrap().push(json!({"id": "acc-2", "name": "别家", "people": [{"id": "q1", "name": "外人"}]})); v["deals"][0]["participants"][0]["person"] = json!("q1"); }, "deals[0].participants[0].person", "acc-2"),
    ("decision link to a non-participant", |v| v["deals"][0]["decision_links"][0]["from"] = json!("p2"), "deals[0].decision_links[0].from", "not a participant"),
    ("dangling deal competitor", |v| v["deals"][0]["competitors"] = json!(["k-yunqing", "k-none"]), "deals[0].competitors[1]", "k-none"),
    ("unknown score party", |v| v["deals"][0]["assessments"][0]["scores"][1]["party"] = json!("k-none"), "deals[0].assessments[0].scores[1].party", "k-none"),
    ("score party not on the deal", |v| v["deals"][0]["assessments"][0]["scores"][1]["party"] = json!("k-shuheng"), "deals[0].assessments[0].scores[1].party", "k-shuheng"),
    ("dangling inside source", |v| v["deals"][0]["assessments"][0]["inside_source"] = json!("p9"), "deals[0].assessments[0].inside_source", "p9"),
    ("dangling quote party", |v| v["deals"][0]["quotes"][0]["party"] = json!("k-none"), "deals[0].quotes[0].party", "k-none"),
    ("dangling comparison party", |v| v["deals"][0]["value_proposition"]["comparison"][0]["party"] = json!("k-none"), "deals[0].value_proposition.comparison[0].party", "k-none"),
    ("score above 10", |v| v["deals"][0]["assessments"][0]["scores"][0]["fit"] = json!(11), "deals[0].assessments[0].scores[0].fit", "0–10"),
    ("score below 0", |v| v["deals"][0]["assessments"][0]["scores"][0]["closeness"] = json!(-0.5), "deals[0].assessments[0].scores[0].closeness", "0–10"),
    ("score not a number", |v| v["deals"][0]["assessments"][0]["scores"][0]["fit"] = json!("seven"), "deals[0].assessments[0].scores[0].fit", "invalid type"),
    ("negative amount", |v| v["deals"][0]["amount"] = json!(-1), "deals[0].amount", "≥ 0"),
    ("negative quote", |v| v["deals"][0]["quotes"][0]["amount"] = json!(-100), "deals[0].quotes[0].amount", "≥ 0"),
    ("invalid date", |v| v["deals"][0]["expected_close"] = json!("2026-02-30"), "deals[0].expected_close", ""),
    ("malformed date", |v| v["accounts"][0]["activities"][0]["date"] = json!("yesterday"), "accounts[0].activities[0].date", ""),
    ("unknown attitude", |v| v["accounts"][0]["people"][0]["attitude"] = json!("friendly"), "accounts[0].people[0].attitude", "unknown variant `friendly`"),
    ("unknown orientation", |v| v["accounts"][0]["people"][0]["orientation"] = json!("Professional"), "accounts[0].people[0].orientation", "unknown variant"),
    ("unknown role", |v| v["deals"][0]["participants"][0]["role"] = json!("boss"), "deals[0].participants[0].role", "unknown variant `boss`"),
    ("unknown activity type", |v| v["accounts"][0]["activities"][0]["type"] = json!("golf"), "accounts[0].activities[0].type", "unknown variant `golf`"),
    ("unknown strategy", |v| v["deals"][0]["strategy"] = json!("blitz"), "deals[0].strategy", "unknown variant"),
    ("unknown stage", |v| v["deals"][0]["stage"] = json!("closing"), "deals[0].stage", "unknown stage \"closing\""),
    ("unknown key", |v| v["deals"][0]["secret"] = json!(1), "deals[0]", "unknown field `secret`"),
];

#[test]
fn every_rule_refuses_the_whole_file_naming_the_path() {
    for (what, mutate, path, words) in CASES {
        let mut store = memory_store();
        let mut file = minimal();
        mutate(&mut file);
        let err = import_value(&mut store, &file, ImportMode::Merge).expect_err(what);
        let message = err.to_string();
        assert_eq!(err.code().key(), "invalid_file", "{what}: {message}");
        assert!(message.contains(path), "{what}: expected path {path} in {message}");
        assert!(message.contains(words), "{what}: expected {words:?} in {message}");
        assert!(store.is_empty().unwrap(), "{what}: something was written");
    }
}

#[test]
fn the_unmutated_fixture_is_accepted() {
    // Guards the table above: each case fails because of its mutation alone.
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
}

#[test]
fn a_refused_file_leaves_existing_data_exactly_as_it_was() {
    let mut store = memory_store();
    import_value(&mut store, &json!({"format": "sandtable-workspace", "version": 1,
        "accounts": [{"id": "keep", "name": "保留客户", "people": [{"id": "k1", "name": "老朋友"}]}]}), ImportMode::Merge).unwrap();
    let before = export(&store);
    let mut file = minimal();
    // Valid until the last deal: the error is found before anything is written.
    file["deals"][0]["stage"] = json!("nowhere");
    import_value(&mut store, &file, ImportMode::Merge).unwrap_err();
    import_value(&mut store, &file, ImportMode::Replace).unwrap_err();
    assert_eq!(export(&store), before);
}

#[test]
fn existing_ids_are_conflicts_naming_the_id() {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    let before = export(&store);
    let err = import_value(&mut store, &minimal(), ImportMode::Merge).unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
    assert!(err.to_string().contains("deals[0].id: deal id \"d1\" already exists"), "{err}");
    assert_eq!(export(&store), before);
    // Replace loads it anyway.
    import_value(&mut store, &minimal(), ImportMode::Replace).unwrap();
    assert_eq!(export(&store), before);
}

#[test]
fn merge_adds_records_that_refer_to_existing_ones() {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    let extra = json!({"format": "sandtable-workspace", "version": 1,
        "deals": [{"id": "d2", "account": "acc-1", "name": "二期", "amount": 100000, "stage": "validate",
                   "participants": [{"person": "p2", "role": "evaluator", "attitude": "positive"}],
                   "competitors": ["k-shuheng"]}]});
    import_value(&mut store, &extra, ImportMode::Merge).unwrap();
    let deals = store.deal_summaries().unwrap();
    assert_eq!(deals.len(), 2);
    assert_eq!(deals[1].grade.key(), "D");
}

#[test]
fn all_problems_are_listed_not_just_the_first() {
    let mut store = memory_store();
    let mut file = minimal();
    file["deals"][0]["amount"] = json!(-5);
    file["accounts"][0]["people"][1]["manager"] = json!("nobody");
    let err = import_value(&mut store, &file, ImportMode::Merge).unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
}

#[test]
fn syntax_errors_and_byte_order_marks() {
    let mut store = memory_store();
    let text = serde_json::to_string(&minimal()).unwrap();
    let truncated = &text[..text.len() / 2];
    let err = sandtable::io::workspace_file::parse(truncated.as_bytes()).unwrap_err();
    assert_eq!(err.code().key(), "invalid_file");
    assert!(err.to_string().contains("EOF"), "{err}");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    let ws = sandtable::io::workspace_file::parse(&with_bom).unwrap();
    sandtable::io::import_workspace(&mut store, &ws, ImportMode::Merge).unwrap();
    let huge = text.replacen("3200000", "1e400", 1);
    let err = sandtable::io::workspace_file::parse(huge.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("deals[0].amount"), "{err}");
    let err = sandtable::io::workspace_file::parse(b"{\"format\": \"sandtable-workspace\", \"version\": 1, \"currency\": \"\xff\"}").unwrap_err();
    assert!(err.to_string().contains("UTF-8") || err.to_string().contains("utf-8"), "{err}");
}
