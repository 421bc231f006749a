//! Map edits (issue 5): every edit round-trips through its inverse to a
//! byte-identical export, redo gives the edited state again, refusals name the
//! rule and change nothing, and a long random session undoes exactly.

use std::collections::BTreeSet;
use std::path::Path;

use sandtable::demo::synthetic::Rng;
use sandtable::io::{import_workspace, ImportMode};
use sandtable::model::edit::PersonPatch;
use sandtable::model::*;
use sandtable::{demo, Error, Store};
use serde_json::json;

use crate::support::*;

/// Every `op` of [`Edit`]; the round-trip test must cover each.
const ALL_OPS: &[&str] = &[
    "create_account",
    "update_account",
    "delete_account",
    "add_person",
    "update_person",
    "delete_person",
    "set_manager",
    "add_dotted_line",
    "remove_dotted_line",
    "set_dotted_managers",
    "add_influence",
    "set_influence_strength",
    "remove_influence",
    "set_influences",
    "create_circle",
    "rename_circle",
    "delete_circle",
    "set_circles",
    "set_participant",
    "remove_participant",
    "add_decision_link",
    "remove_decision_link",
    "set_decision_map",
    "replace_account",
];

/// The minimal fixture plus a second account, and deals of both accounts
/// interleaved (d1 acc-1, d2 acc-2, d3 acc-1), so that putting an account back
/// must restore its place and its deals' places.
fn two_accounts() -> serde_json::Value {
    let mut ws = minimal();
    ws["accounts"].as_array_mut().unwrap().push(json!({
        "id": "acc-2", "name": "北港证券", "industry": "证券", "region": "华南",
        "circles": [{"id": "c-ops", "name": "运营条线"}],
        "people": [
            {"id": "q1", "name": "周强", "title": "总经理"},
            {"id": "q2", "name": "吴敏", "title": "经理", "manager": "q1"}
        ]
    }));
    let deals = ws["deals"].as_array_mut().unwrap();
    deals.push(json!({"id": "d2", "account": "acc-2", "name": "两融系统", "amount": 800000, "stage": "needs_analysis",
        "participants": [{"person": "q1", "role": "approver"}]}));
    deals
        .push(json!({"id": "d3", "account": "acc-1", "name": "数据中台", "amount": 1500000, "stage": "needs_analysis",
        "participants": [{"person": "p2", "role": "decision_maker"}, {"person": "p1", "role": "approver"}]}));
    ws
}

fn store() -> Store {
    let mut store = memory_store();
    import_value(&mut store, &two_accounts(), ImportMode::Replace).unwrap();
    store
}

fn edit(value: serde_json::Value) -> Edit {
    serde_json::from_value(value).unwrap()
}

/// On a fresh store prepared by `setup`: applies `e` (which must change the
/// export), its inverse (the export is back byte for byte), the inverse of
/// that (redo: the edited export again) and undoes once more.
fn check(setup: &[serde_json::Value], e: serde_json::Value, covered: &mut BTreeSet<&'static str>) -> EditOutcome {
    let mut s = store();
    for prep in setup {
        s.apply(&edit(prep.clone())).unwrap();
    }
    let e = edit(e);
    let op = e.op();
    let before = export(&s);
    let done = s.apply(&e).unwrap_or_else(|err| panic!("{op} refused: {err}"));
    let after = export(&s);
    assert_ne!(after, before, "{op} changed nothing");
    let undone = s.apply(&done.inverse).unwrap_or_else(|err| panic!("undo of {op} refused: {err}"));
    assert_eq!(export(&s), before, "undo of {op} (by {}) is not exact", done.inverse.op());
    let redone = s.apply(&undone.inverse).unwrap_or_else(|err| panic!("redo of {op} refused: {err}"));
    assert_eq!(export(&s), after, "redo of {op} is not exact");
    s.apply(&redone.inverse).unwrap();
    assert_eq!(export(&s), before, "second undo of {op} is not exact");
    covered.insert(ALL_OPS.iter().find(|o| **o == op).unwrap());
    done
}

#[test]
fn every_edit_is_undone_exactly_and_redone() {
    let mut covered = BTreeSet::new();
    let c = &mut covered;

    let out = check(&[], json!({"op": "create_account", "name": "新客户", "industry": "保险", "region": "华北"}), c);
    assert!(out.created.as_deref().unwrap().starts_with("acc-"));
    assert_eq!(out.inverse, Edit::DeleteAccount { id: out.created.clone().unwrap() });
    check(&[], json!({"op": "create_account", "id": "acc-9", "name": "新客户"}), c);
    check(&[], json!({"op": "update_account", "id": "acc-1", "name": "鸿远银行总行", "notes": "重点客户"}), c);
    check(&[], json!({"op": "update_account", "id": "acc-2", "industry": "", "region": "华东"}), c);

    // Destructive edits come back whole, in place: acc-1 is first and owns d1 and d3 around acc-2's d2.
    let out = check(&[], json!({"op": "delete_account", "id": "acc-1"}), c);
    match &out.inverse {
        Edit::ReplaceAccount { position, deal_positions, deals, .. } => {
            assert_eq!(*position, Some(0));
            assert_eq!(deal_positions, &[0, 2]);
            assert_eq!(deals.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d1", "d3"]);
        }
        other => panic!("{other:?}"),
    }
    check(&[], json!({"op": "delete_account", "id": "acc-2"}), c);

    let out = check(
        &[],
        json!({"op": "add_person", "account": "acc-1", "name": "赵六", "title": "工程师", "manager": "p3"}),
        c,
    );
    assert!(out.created.as_deref().unwrap().starts_with("p-"));
    check(&[], json!({"op": "add_person", "account": "acc-2", "id": "q9", "name": "郑九", "title": ""}), c);
    check(
        &[],
        json!({"op": "update_person", "id": "p3", "patch": {
        "name": "张伟明", "title": "首席架构师", "department": "架构部", "orientation": "professional",
        "attitude": "neutral", "influence": "high", "notes": "转向中立", "email": "zw@example.cn",
        "phone": "13800000000", "leans_to": null}}),
        c,
    );
    check(&[], json!({"op": "update_person", "id": "p1", "patch": {"leans_to": "k-shuheng"}}), c);
    check(&[], json!({"op": "update_person", "id": "p2", "patch": {"attitude": "strong_positive"}}), c);
    // p2 manages p3, influences p1, is d1's inside source and takes part in d3.
    let out = check(&[], json!({"op": "delete_person", "id": "p2"}), c);
    assert_eq!(out.inverse.op(), "replace_account");
    check(&[], json!({"op": "delete_person", "id": "p1"}), c);

    check(&[], json!({"op": "set_manager", "person": "p3", "manager": "p1"}), c);
    check(&[], json!({"op": "set_manager", "person": "p2", "manager": null}), c);
    check(&[], json!({"op": "set_manager", "person": "q2", "manager": null}), c);

    check(&[], json!({"op": "add_dotted_line", "person": "p2", "manager": "p3"}), c);
    let out = check(&[], json!({"op": "remove_dotted_line", "person": "p3", "manager": "p1"}), c);
    assert_eq!(out.inverse.op(), "add_dotted_line");
    // Removing one from the middle of the list is undone by setting the whole list.
    let middle = [json!({"op": "add_dotted_line", "person": "p3", "manager": "p2"})];
    let out = check(&middle, json!({"op": "remove_dotted_line", "person": "p3", "manager": "p1"}), c);
    assert_eq!(out.inverse, Edit::SetDottedManagers { person: "p3".into(), managers: vec!["p1".into(), "p2".into()] });
    check(&middle, json!({"op": "set_dotted_managers", "person": "p3", "managers": ["p2", "p1"]}), c);
    check(&[], json!({"op": "set_dotted_managers", "person": "p3", "managers": []}), c);

    check(&[], json!({"op": "add_influence", "from": "p3", "to": "p2", "strength": 3}), c);
    check(&[], json!({"op": "set_influence_strength", "from": "p2", "to": "p1", "strength": 1}), c);
    let out = check(&[], json!({"op": "remove_influence", "from": "p2", "to": "p1"}), c);
    assert_eq!(out.inverse, Edit::AddInfluence { from: "p2".into(), to: "p1".into(), strength: 2 });
    let two = [json!({"op": "add_influence", "from": "p1", "to": "p3", "strength": 1})];
    let out = check(&two, json!({"op": "remove_influence", "from": "p2", "to": "p1"}), c);
    assert_eq!(out.inverse.op(), "set_influences");
    check(
        &two,
        json!({"op": "set_influences", "account": "acc-1", "influences": [
        {"from": "p1", "to": "p3", "strength": 3}, {"from": "p2", "to": "p1", "strength": 2}]}),
        c,
    );

    let out = check(&[], json!({"op": "create_circle", "account": "acc-1", "name": "改革派"}), c);
    assert!(out.created.as_deref().unwrap().starts_with("c-"));
    check(&[], json!({"op": "rename_circle", "id": "c-tech", "name": "科技线"}), c);
    // c-tech is the primary circle of p2 and p3.
    check(&[], json!({"op": "delete_circle", "id": "c-tech"}), c);
    check(&[], json!({"op": "set_circles", "person": "p1", "circles": ["c-tech", "c-fin"], "primary": "c-tech"}), c);
    check(&[], json!({"op": "set_circles", "person": "p3", "circles": [], "primary": null}), c);

    let out = check(
        &[],
        json!({"op": "set_participant", "deal": "d1", "participant":
        {"person": "p2", "role": "evaluator", "attitude": "positive", "relationship_strategy": "motivate"}}),
        c,
    );
    assert_eq!(out.inverse, Edit::RemoveParticipant { deal: "d1".into(), person: "p2".into() });
    let out = check(
        &[],
        json!({"op": "set_participant", "deal": "d1", "participant":
        {"person": "p1", "role": "decision_maker", "attitude": "positive", "relationship_strategy": "attack"}}),
        c,
    );
    assert_eq!(out.inverse.op(), "set_participant");
    // p3 is an end of d1's only decision link: both come back, in place.
    let out = check(&[], json!({"op": "remove_participant", "deal": "d1", "person": "p3"}), c);
    assert_eq!(out.inverse.op(), "set_decision_map");
    let out = check(&[], json!({"op": "remove_participant", "deal": "d3", "person": "p1"}), c);
    assert_eq!(out.inverse.op(), "set_participant");
    check(&[], json!({"op": "add_decision_link", "deal": "d1", "from": "p1", "to": "p3", "label": "授权"}), c);
    check(&[], json!({"op": "remove_decision_link", "deal": "d1", "from": "p3", "to": "p1"}), c);
    let links = [json!({"op": "add_decision_link", "deal": "d1", "from": "p1", "to": "p3"})];
    let out = check(&links, json!({"op": "remove_decision_link", "deal": "d1", "from": "p3", "to": "p1"}), c);
    assert_eq!(out.inverse.op(), "set_decision_map");
    check(
        &[],
        json!({"op": "set_decision_map", "deal": "d3", "participants": [
        {"person": "p1", "role": "approver"}, {"person": "p3", "role": "evaluator"}],
        "decision_links": [{"from": "p3", "to": "p1", "label": "推荐"}]}),
        c,
    );

    // replace_account on an existing account: its inverse puts the old one back.
    let ws = store().load_workspace().unwrap();
    let mut account = ws.accounts[1].clone();
    account.people[1].title = "副总经理".into();
    account.people.reverse();
    let deals: Vec<Deal> = ws.deals.iter().filter(|d| d.account == "acc-2").cloned().collect();
    let out = check(
        &[],
        serde_json::to_value(Edit::ReplaceAccount {
            account,
            deals,
            position: None,
            deal_positions: vec![],
            snapshots: None,
        })
        .unwrap(),
        c,
    );
    assert_eq!(out.inverse.op(), "replace_account");
    // … and on a new one, put first: its inverse deletes it.
    let mut account = ws.accounts[1].clone();
    account.id = "acc-new".into();
    for p in &mut account.people {
        p.id = format!("new-{}", p.id);
        p.manager = p.manager.as_ref().map(|m| format!("new-{m}"));
    }
    account.circles.clear();
    let mut deal = ws.deals[1].clone();
    deal.id = "d-new".into();
    deal.account = "acc-new".into();
    deal.participants = vec![];
    let out = check(
        &[],
        serde_json::to_value(Edit::ReplaceAccount {
            account,
            deals: vec![deal],
            position: Some(0),
            deal_positions: vec![1],
            snapshots: None,
        })
        .unwrap(),
        c,
    );
    assert_eq!(out.inverse, Edit::DeleteAccount { id: "acc-new".into() });

    let missing: Vec<&&str> = ALL_OPS.iter().filter(|op| !covered.contains(**op)).collect();
    assert!(missing.is_empty(), "not round-tripped: {missing:?}");
}

#[test]
fn a_new_account_put_first_takes_its_place() {
    let mut s = store();
    let before = export(&s);
    let ws = s.load_workspace().unwrap();
    let mut account = ws.accounts[1].clone();
    account.id = "acc-0".into();
    account.people = vec![];
    account.circles = vec![];
    let deal = Deal { id: "d0".into(), account: "acc-0".into(), participants: vec![], ..ws.deals[1].clone() };
    let e = Edit::ReplaceAccount {
        account,
        deals: vec![deal],
        position: Some(0),
        deal_positions: vec![1],
        snapshots: None,
    };
    let out = s.apply(&e).unwrap();
    let after = s.load_workspace().unwrap();
    assert_eq!(after.accounts.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["acc-0", "acc-1", "acc-2"]);
    assert_eq!(after.deals.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d1", "d0", "d2", "d3"]);
    s.apply(&out.inverse).unwrap();
    assert_eq!(export(&s), before);
}

#[test]
fn win_rate_snapshots_come_back_with_their_deals() {
    let mut s = store();
    s.rebuild_snapshots(today()).unwrap();
    let before = s.snapshots("d1").unwrap();
    assert!(!before.is_empty());
    for e in [json!({"op": "delete_account", "id": "acc-1"}), json!({"op": "delete_person", "id": "p3"})] {
        let out = s.apply(&edit(e)).unwrap();
        s.apply(&out.inverse).unwrap();
        assert_eq!(s.snapshots("d1").unwrap(), before);
    }
    // A replace_account that does not carry snapshots keeps those of the deals that stay.
    let ws = s.load_workspace().unwrap();
    let deals = ws.deals.iter().filter(|d| d.account == "acc-1").cloned().collect();
    let account = ws.accounts.iter().find(|a| a.id == "acc-1").unwrap().clone();
    let e = Edit::ReplaceAccount { account, deals, position: None, deal_positions: vec![], snapshots: None };
    s.apply(&e).unwrap();
    assert_eq!(s.snapshots("d1").unwrap(), before);
}

/// `e` is refused with a message containing `message`, and nothing changes.
fn refused(s: &mut Store, e: serde_json::Value, code: &str, message: &str) {
    let before = export(s);
    let err = s.apply(&edit(e.clone())).expect_err(&format!("accepted: {e}"));
    assert_eq!(err.code().key(), code, "{e}: {err}");
    assert!(err.to_string().contains(message), "{e}: {err}");
    assert_eq!(export(s), before, "{e} changed the workspace");
}

#[test]
fn broken_rules_are_refused_by_name_and_change_nothing() {
    let mut s = store();
    let s = &mut s;
    let nf = "not_found";
    let bad = "invalid_input";
    // Missing ids.
    refused(s, json!({"op": "set_manager", "person": "ghost", "manager": "p1"}), nf, "person \"ghost\" not found");
    refused(s, json!({"op": "set_manager", "person": "p3", "manager": "ghost"}), nf, "person \"ghost\" not found");
    refused(s, json!({"op": "delete_account", "id": "acc-x"}), nf, "account \"acc-x\" not found");
    refused(s, json!({"op": "update_account", "id": "acc-x", "name": "x"}), nf, "account \"acc-x\" not found");
    refused(s, json!({"op": "add_person", "account": "acc-x", "name": "x", "title": "y"}), nf, "account \"acc-x\"");
    refused(s, json!({"op": "delete_circle", "id": "c-x"}), nf, "circle \"c-x\" not found");
    refused(s, json!({"op": "set_participant", "deal": "d-x", "participant": {"person": "p1"}}), nf, "deal \"d-x\"");
    refused(s, json!({"op": "remove_influence", "from": "p1", "to": "p2"}), nf, "influence \"p1 → p2\" not found");
    refused(s, json!({"op": "remove_dotted_line", "person": "p2", "manager": "p1"}), nf, "dotted line \"p2 → p1\"");
    refused(s, json!({"op": "remove_participant", "deal": "d1", "person": "p2"}), nf, "participant \"p2 on deal d1\"");
    refused(s, json!({"op": "remove_decision_link", "deal": "d1", "from": "p1", "to": "p3"}), nf, "decision link");
    refused(s, json!({"op": "update_person", "id": "p1", "patch": {"leans_to": "k-x"}}), nf, "competitor \"k-x\"");
    // Reporting lines.
    refused(
        s,
        json!({"op": "set_manager", "person": "p1", "manager": "p1"}),
        bad,
        "\"p1\" cannot be their own manager",
    );
    refused(s, json!({"op": "set_manager", "person": "p1", "manager": "p3"}), bad, "cycle: p1 → p3 → p2 → p1");
    refused(s, json!({"op": "set_manager", "person": "p2", "manager": "p3"}), bad, "cycle: p2 → p3 → p2");
    refused(
        s,
        json!({"op": "set_manager", "person": "p3", "manager": "q1"}),
        bad,
        "manager: \"q1\" belongs to account \"acc-2\", not to account \"acc-1\" of person \"p3\"",
    );
    refused(
        s,
        json!({"op": "add_person", "account": "acc-2", "name": "x", "title": "y", "manager": "p1"}),
        bad,
        "manager: \"p1\" belongs to account \"acc-1\"",
    );
    refused(s, json!({"op": "add_dotted_line", "person": "p3", "manager": "p3"}), bad, "own dotted-line manager");
    refused(s, json!({"op": "add_dotted_line", "person": "p3", "manager": "p1"}), bad, "already a dotted-line manager");
    refused(s, json!({"op": "add_dotted_line", "person": "p3", "manager": "q2"}), bad, "belongs to account \"acc-2\"");
    refused(s, json!({"op": "set_dotted_managers", "person": "p3", "managers": ["p1", "p1"]}), bad, "listed twice");
    // Influence.
    for strength in [0, 4] {
        refused(
            s,
            json!({"op": "add_influence", "from": "p1", "to": "p3", "strength": strength}),
            bad,
            &format!("strength: {strength} is out of range (must be 1–3)"),
        );
    }
    refused(
        s,
        json!({"op": "set_influence_strength", "from": "p2", "to": "p1", "strength": 9}),
        bad,
        "9 is out of range",
    );
    refused(
        s,
        json!({"op": "add_influence", "from": "p1", "to": "p1", "strength": 2}),
        bad,
        "\"p1\" cannot influence themselves",
    );
    refused(
        s,
        json!({"op": "add_influence", "from": "p2", "to": "p1", "strength": 3}),
        bad,
        "an influence from \"p2\" to \"p1\" already exists",
    );
    refused(
        s,
        json!({"op": "add_influence", "from": "p2", "to": "q1", "strength": 3}),
        bad,
        "\"q1\" belongs to account \"acc-2\"",
    );
    refused(
        s,
        json!({"op": "set_influences", "account": "acc-2", "influences": [{"from": "p1", "to": "p2", "strength": 1}]}),
        bad,
        "\"p1\" belongs to account \"acc-1\", not to account \"acc-2\"",
    );
    // Circles.
    refused(
        s,
        json!({"op": "set_circles", "person": "p1", "circles": ["c-ghost"]}),
        bad,
        "circle \"c-ghost\" does not exist",
    );
    refused(
        s,
        json!({"op": "set_circles", "person": "p1", "circles": ["c-ops"]}),
        bad,
        "circles: \"c-ops\" belongs to account \"acc-2\", not to account \"acc-1\" of person \"p1\"",
    );
    refused(s, json!({"op": "set_circles", "person": "p1", "circles": ["c-fin", "c-fin"]}), bad, "listed twice");
    refused(
        s,
        json!({"op": "set_circles", "person": "p1", "circles": ["c-fin"], "primary": "c-tech"}),
        bad,
        "primary circle \"c-tech\" is not one of the circles given for \"p1\"",
    );
    // Deals.
    refused(
        s,
        json!({"op": "add_decision_link", "deal": "d1", "from": "p2", "to": "p1"}),
        bad,
        "from: \"p2\" is not a participant of deal \"d1\"",
    );
    refused(s, json!({"op": "add_decision_link", "deal": "d1", "from": "p1", "to": "p1"}), bad, "two different people");
    refused(
        s,
        json!({"op": "add_decision_link", "deal": "d1", "from": "p3", "to": "p1"}),
        bad,
        "already has a decision link",
    );
    refused(
        s,
        json!({"op": "set_participant", "deal": "d1", "participant": {"person": "q1"}}),
        bad,
        "person: \"q1\" belongs to account \"acc-2\", not to account \"acc-1\" of deal \"d1\"",
    );
    refused(
        s,
        json!({"op": "set_decision_map", "deal": "d1", "participants": [{"person": "p1"}],
        "decision_links": [{"from": "p3", "to": "p1"}]}),
        bad,
        "\"p3\" is not a participant of deal \"d1\"",
    );
    refused(
        s,
        json!({"op": "set_decision_map", "deal": "d1", "participants": [{"person": "p1"}, {"person": "p1"}],
        "decision_links": []}),
        bad,
        "takes part twice",
    );
    // Names and ids.
    refused(
        s,
        json!({"op": "create_account", "name": "  "}),
        bad,
        "name: the name of the new account must not be empty",
    );
    refused(
        s,
        json!({"op": "update_account", "id": "acc-1", "name": ""}),
        bad,
        "the name of account \"acc-1\" must not be empty",
    );
    refused(
        s,
        json!({"op": "add_person", "account": "acc-1", "name": "", "title": "CTO"}),
        bad,
        "the new person must not be empty",
    );
    refused(
        s,
        json!({"op": "update_person", "id": "p1", "patch": {"name": " "}}),
        bad,
        "person \"p1\" must not be empty",
    );
    refused(s, json!({"op": "create_circle", "account": "acc-1", "name": ""}), bad, "the new circle must not be empty");
    refused(s, json!({"op": "rename_circle", "id": "c-fin", "name": ""}), bad, "circle \"c-fin\" must not be empty");
    refused(
        s,
        json!({"op": "add_person", "account": "acc-1", "id": "q1", "name": "x"}),
        bad,
        "person id \"q1\" already exists",
    );
    refused(s, json!({"op": "create_account", "id": "acc-2", "name": "x"}), bad, "account id \"acc-2\" already exists");
    refused(
        s,
        json!({"op": "create_circle", "account": "acc-1", "id": "", "name": "x"}),
        bad,
        "circle id must not be empty",
    );
}

#[test]
fn a_replacement_account_obeys_the_file_rules() {
    let mut s = store();
    let ws = s.load_workspace().unwrap();
    let replace = |account: Account, deals: Vec<Deal>| {
        serde_json::to_value(Edit::ReplaceAccount {
            account,
            deals,
            position: None,
            deal_positions: vec![],
            snapshots: None,
        })
        .unwrap()
    };
    // A deal of another account.
    refused(
        &mut s,
        replace(ws.accounts[0].clone(), vec![ws.deals[1].clone()]),
        "invalid_input",
        "deal \"d2\" belongs to account \"acc-2\", not \"acc-1\"",
    );
    // A person id another account holds, and a manager cycle.
    let mut account = ws.accounts[0].clone();
    account.people[0].id = "q1".into();
    account.people[0].manager = None;
    let before = export(&s);
    let err = s.apply(&serde_json::from_value(replace(account, vec![])).unwrap()).unwrap_err();
    assert_eq!(err.code().key(), "invalid_file");
    assert!(err.problems().iter().any(|p| p.path == "account.people[0].id" && p.message.contains("\"q1\"")), "{err}");
    let mut account = ws.accounts[0].clone();
    account.people[0].manager = Some("p3".into());
    let err = s.apply(&serde_json::from_value(replace(account, vec![])).unwrap()).unwrap_err();
    assert!(err.to_string().contains("cycle: p1 → p3 → p2 → p1"), "{err}");
    assert_eq!(export(&s), before);
}

#[test]
fn created_ids_are_short_readable_and_unique() {
    let mut s = store();
    let mut ids = BTreeSet::new();
    for n in 0..40 {
        let out = s
            .apply(&edit(json!({"op": "add_person", "account": "acc-1", "name": format!("人{n}"), "title": "工程师"})))
            .unwrap();
        let id = out.created.unwrap();
        assert!(id.starts_with("p-") && id.len() <= 10, "{id}");
        assert!(id[2..].chars().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()), "{id}");
        assert!(ids.insert(id));
    }
    // Ids already taken are skipped: take the next few the counter would give.
    let last = ids.iter().map(|id| u64::from_str_radix(&id[2..], 36).unwrap()).max().unwrap();
    let taken: Vec<String> = (1..=5).map(|k| format!("p-{}", base36(last + k))).collect();
    for id in &taken {
        s.apply(&edit(json!({"op": "add_person", "account": "acc-1", "id": id, "name": "占位"}))).unwrap();
    }
    let next =
        s.apply(&edit(json!({"op": "add_person", "account": "acc-2", "name": "新人"}))).unwrap().created.unwrap();
    assert!(!taken.contains(&next) && !ids.contains(&next), "{next}");
}

fn base36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap());
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

// ---------------------------------------------------------------------------
// A long random session on the practice workspace.

fn pick_id<T>(rng: &mut Rng, items: &[T], id: impl Fn(&T) -> &String) -> Option<String> {
    (!items.is_empty()).then(|| id(rng.pick(items)).clone())
}

fn shuffled<T: Clone>(rng: &mut Rng, items: &[T]) -> Vec<T> {
    let mut v = items.to_vec();
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
    v
}

fn some_of<T: Clone>(rng: &mut Rng, items: &[T]) -> Vec<T> {
    shuffled(rng, items).into_iter().filter(|_| rng.below(3) > 0).collect()
}

/// A random edit of the current workspace (valid more often than not).
fn random_edit(rng: &mut Rng, ws: &Workspace, n: usize) -> Option<Edit> {
    let a = rng.pick(&ws.accounts).clone();
    let person = |rng: &mut Rng| pick_id(rng, &a.people, |p| &p.id);
    let deals: Vec<&Deal> = ws.deals.iter().filter(|d| d.account == a.id).collect();
    let deal = deals.get(rng.below(deals.len().max(1))).copied();
    let name = format!("名{n}");
    // 26 kinds; dotted lines and decision links weigh double so removals from mid-list happen.
    let kind = match rng.below(30) {
        26 | 27 => 11,
        28 => 12,
        29 => 24,
        k => k,
    };
    let e = match kind {
        0 if rng.below(2) == 0 => {
            Edit::CreateAccount { id: None, name, industry: "制造".into(), region: String::new() }
        }
        1 => Edit::UpdateAccount {
            id: a.id.clone(),
            name: Some(name),
            industry: None,
            region: None,
            notes: Some(format!("n{n}")),
        },
        2 if ws.accounts.len() > 1 && rng.below(2) == 0 => Edit::DeleteAccount { id: a.id.clone() },
        3 | 4 => Edit::AddPerson {
            account: a.id.clone(),
            id: None,
            name,
            title: "经理".into(),
            department: String::new(),
            manager: if rng.below(4) == 0 { None } else { person(rng) },
        },
        5 | 6 => {
            let k = pick_id(rng, &ws.competitors, |c| &c.id);
            Edit::UpdatePerson {
                id: person(rng)?,
                patch: PersonPatch {
                    name: (rng.below(2) == 0).then(|| name.clone()),
                    attitude: (rng.below(2) == 0).then(|| *rng.pick(Attitude::ALL)),
                    influence: (rng.below(2) == 0).then(|| *rng.pick(Influence::ALL)),
                    orientation: (rng.below(3) == 0).then(|| *rng.pick(Orientation::ALL)),
                    leans_to: match rng.below(3) {
                        0 => Some(None),
                        1 => Some(k),
                        _ => None,
                    },
                    email: (rng.below(4) == 0).then(|| format!("{n}@example.cn")),
                    ..PersonPatch::default()
                },
            }
        }
        7 if rng.below(3) == 0 => Edit::DeletePerson { id: person(rng)? },
        8 | 9 => Edit::SetManager { person: person(rng)?, manager: if rng.below(6) == 0 { None } else { person(rng) } },
        10 => Edit::AddDottedLine { person: person(rng)?, manager: person(rng)? },
        11 => {
            // Someone with dotted lines, so that removals from the middle of a list happen too.
            let most = a.people.iter().map(|p| p.dotted_managers.len()).max().unwrap_or(0).min(2);
            let with: Vec<&Person> = a.people.iter().filter(|p| most > 0 && p.dotted_managers.len() >= most).collect();
            let p = with.get(rng.below(with.len().max(1)))?;
            Edit::RemoveDottedLine { person: p.id.clone(), manager: rng.pick(&p.dotted_managers).clone() }
        }
        12 => {
            let p = a.people.get(rng.below(a.people.len().max(1)))?.clone();
            let mut managers = some_of(rng, &p.dotted_managers);
            for _ in 0..1 + rng.below(2) {
                managers.extend(person(rng).filter(|m| m != &p.id && !managers.contains(m)));
            }
            Edit::SetDottedManagers { person: p.id, managers }
        }
        13 => Edit::AddInfluence { from: person(rng)?, to: person(rng)?, strength: 1 + rng.below(3) as u8 },
        14 => {
            let l = a.influences.get(rng.below(a.influences.len().max(1)))?;
            Edit::SetInfluenceStrength { from: l.from.clone(), to: l.to.clone(), strength: 1 + rng.below(3) as u8 }
        }
        15 => {
            let l = a.influences.get(rng.below(a.influences.len().max(1)))?;
            Edit::RemoveInfluence { from: l.from.clone(), to: l.to.clone() }
        }
        16 => Edit::SetInfluences { account: a.id.clone(), influences: some_of(rng, &a.influences) },
        17 => Edit::CreateCircle { account: a.id.clone(), id: None, name },
        18 => Edit::RenameCircle { id: pick_id(rng, &a.circles, |c| &c.id)?, name },
        19 if rng.below(3) == 0 => Edit::DeleteCircle { id: pick_id(rng, &a.circles, |c| &c.id)? },
        20 => {
            let circles: Vec<String> = some_of(rng, &a.circles).into_iter().map(|c| c.id).collect();
            let primary = circles.first().cloned().filter(|_| rng.below(4) > 0);
            Edit::SetCircles { person: person(rng)?, circles, primary }
        }
        21 => Edit::SetParticipant {
            deal: deal?.id.clone(),
            participant: Participant {
                person: person(rng)?,
                role: *rng.pick(Role::ALL),
                attitude: *rng.pick(Attitude::ALL),
                relationship_strategy: (rng.below(2) == 0).then(|| *rng.pick(RelationshipStrategy::ALL)),
            },
        },
        22 => {
            let d = deal?;
            Edit::RemoveParticipant { deal: d.id.clone(), person: pick_id(rng, &d.participants, |p| &p.person)? }
        }
        23 => {
            let d = deal?;
            let from = pick_id(rng, &d.participants, |p| &p.person)?;
            let to = pick_id(rng, &d.participants, |p| &p.person)?;
            Edit::AddDecisionLink { deal: d.id.clone(), from, to, label: name }
        }
        24 => {
            let d = deal?;
            if rng.below(3) > 0 {
                let l = d.decision_links.get(rng.below(d.decision_links.len().max(1)))?;
                Edit::RemoveDecisionLink { deal: d.id.clone(), from: l.from.clone(), to: l.to.clone() }
            } else {
                let participants = some_of(rng, &d.participants);
                let on = |id: &String| participants.iter().any(|p| &p.person == id);
                let decision_links =
                    shuffled(rng, &d.decision_links).into_iter().filter(|l| on(&l.from) && on(&l.to)).collect();
                Edit::SetDecisionMap { deal: d.id.clone(), participants, decision_links }
            }
        }
        25 if rng.below(3) == 0 => {
            let mut account = a.clone();
            account.notes = name;
            account.people = shuffled(rng, &account.people);
            let deals = deals.into_iter().cloned().collect();
            Edit::ReplaceAccount { account, deals, position: None, deal_positions: vec![], snapshots: None }
        }
        _ => return None,
    };
    Some(e)
}

#[test]
fn a_random_session_of_200_edits_undoes_and_redoes_exactly() {
    let mut s = memory_store();
    import_workspace(&mut s, &demo::practice_workspace(), ImportMode::Replace).unwrap();
    s.rebuild_snapshots(today()).unwrap();
    let original = export(&s);
    let mut rng = Rng::new(20261126);
    let mut undo: Vec<(Edit, String)> = Vec::new();
    let mut ops = std::collections::BTreeMap::new();
    let (mut attempts, mut refusals) = (0, 0);
    while undo.len() < 200 {
        attempts += 1;
        assert!(attempts < 5000, "only {} edits applied", undo.len());
        let ws = s.load_workspace().unwrap();
        let Some(e) = random_edit(&mut rng, &ws, attempts) else { continue };
        let before = export(&s);
        match s.apply(&e) {
            Ok(out) => {
                *ops.entry(format!("{} (undone by {})", e.op(), out.inverse.op())).or_insert(0) += 1;
                undo.push((out.inverse, before));
            }
            Err(err) => {
                assert!(matches!(err, Error::InvalidInput(_) | Error::NotFound { .. }), "{}: {err}", e.op());
                assert_eq!(export(&s), before, "refused {} changed the workspace", e.op());
                refusals += 1;
            }
        }
    }
    // Every kind of edit, and every kind of inverse (mid-list removals too), took part.
    let kinds: BTreeSet<&str> = ops.keys().map(|k| k.split(' ').next().unwrap()).collect();
    assert_eq!(kinds, ALL_OPS.iter().copied().collect(), "{ops:#?}");
    for pair in [
        "remove_dotted_line (undone by set_dotted_managers)",
        "remove_influence (undone by set_influences)",
        "remove_decision_link (undone by set_decision_map)",
        "remove_participant (undone by set_decision_map)",
        "set_participant (undone by set_participant)",
    ] {
        assert!(ops.contains_key(pair), "no {pair}: {ops:#?}");
    }
    assert!(refusals > 0);
    let edited = export(&s);
    let mut redo = Vec::new();
    while let Some((inverse, expected)) = undo.pop() {
        let out = s.apply(&inverse).unwrap_or_else(|e| panic!("undo {} refused: {e}", inverse.op()));
        assert!(export(&s) == expected, "undo of step {} ({}) is not exact", undo.len(), inverse.op());
        redo.push(out.inverse);
    }
    assert_eq!(export(&s), original);
    while let Some(e) = redo.pop() {
        s.apply(&e).unwrap_or_else(|err| panic!("redo {} refused: {err}", e.op()));
    }
    assert_eq!(export(&s), edited);
}

#[test]
fn the_session_undone_keeps_the_win_rate_curves() {
    let mut s = memory_store();
    demo::load_practice(&mut s, today()).unwrap();
    let ws = s.load_workspace().unwrap();
    let curves = |s: &Store| ws.deals.iter().map(|d| s.snapshots(&d.id).unwrap()).collect::<Vec<_>>();
    let before = curves(&s);
    let mut undo = Vec::new();
    for a in &ws.accounts {
        let p = &a.people[0].id;
        undo.push(s.apply(&edit(json!({"op": "delete_person", "id": p}))).unwrap().inverse);
        undo.push(s.apply(&edit(json!({"op": "delete_account", "id": a.id}))).unwrap().inverse);
    }
    assert!(s.load_workspace().unwrap().deals.is_empty());
    while let Some(e) = undo.pop() {
        s.apply(&e).unwrap();
    }
    assert_eq!(curves(&s), before);
}

// ---------------------------------------------------------------------------
// The command line.

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn edits_through_the_cli_undo_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["import", fixture_path("minimal.json").to_str().unwrap()]));
    let original = stdout(&run(&db, &["export"]));

    let out: serde_json::Value = serde_json::from_str(&stdout(&run(
        &db,
        &["edit", r#"{"op":"set_manager","person":"p3","manager":"p1"}"#, "--json"],
    )))
    .unwrap();
    assert_eq!(out["inverse"], json!({"op": "set_manager", "person": "p3", "manager": "p2"}));
    assert_eq!(out["created"], serde_json::Value::Null);
    let edited = stdout(&run(&db, &["export"]));
    assert_ne!(edited, original);
    stdout(&run(&db, &["edit", &out["inverse"].to_string()]));
    assert_eq!(stdout(&run(&db, &["export"])), original);

    let out: serde_json::Value = serde_json::from_str(&stdout(&run(
        &db,
        &["edit", r#"{"op":"add_person","account":"acc-1","name":"钱进","title":"工程师","manager":"p2"}"#, "--json"],
    )))
    .unwrap();
    let id = out["created"].as_str().unwrap();
    assert_eq!(out["inverse"], json!({"op": "delete_person", "id": id}));
    let text = stdout(&run(&db, &["edit", &json!({"op": "delete_person", "id": id}).to_string()]));
    assert!(text.starts_with("applied delete_person"), "{text}");
    assert!(text.contains("undo with: {\"op\":\"replace_account\""), "{text}");
    assert_eq!(stdout(&run(&db, &["export"])), original);

    // Refusals: non-zero exit, the rule on stderr, nothing written.
    let before = std::fs::read(&db).unwrap();
    let o = run(&db, &["edit", r#"{"op":"set_manager","person":"p1","manager":"p3"}"#]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("p1 → p3 → p2 → p1"));
    let o = run(&db, &["edit", r#"{"op":"teleport"}"#]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("unknown variant `teleport`"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
