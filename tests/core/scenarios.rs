//! Sand-table scenarios and whole-deal edits (issue 7) on real SQLite: a
//! scenario changes nothing real until promoted; promotion moves the real
//! win rate, flags and curve; every deal edit has an exact inverse.

use sandtable::engine::flags::Flag;
use sandtable::model::{Activity, ActivityStatus, Attitude, Edit, Role, ScenarioChange};
use sandtable::{demo, Store};

use crate::support::*;

const DEAL: &str = "d-bank-core";

fn practice() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("ws.db")).unwrap();
    demo::load_practice(&mut store, today()).unwrap();
    (dir, store)
}

fn negative_key_people(flags: &[Flag]) -> Vec<String> {
    flags
        .iter()
        .filter_map(|f| match f {
            Flag::KeyPersonNegative { person, .. } => Some(person.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_scenario_changes_nothing_real_until_promoted() {
    let (_dir, mut store) = practice();
    let before = export(&store);
    let real = store.judge_deal(DEAL, today()).unwrap();
    let negative = negative_key_people(&real.flags);
    assert_eq!(negative.len(), 1, "the practice deal has one negative key person: {:?}", real.flags);
    let target = negative[0].clone();

    let s = store.fork_scenario(DEAL, "  说服反对者  ", today()).unwrap();
    assert_eq!(s.name, "说服反对者");
    assert_eq!(store.scenarios(DEAL).unwrap().len(), 1);

    // Turn the negative decision maker neutral and raise our closeness.
    let mut deal = s.deal.clone();
    let p = deal.participants.iter_mut().find(|p| p.person == target).unwrap();
    assert!(matches!(p.role, Role::DecisionMaker | Role::Approver));
    p.attitude = Attitude::Neutral;
    let latest = deal.assessments.iter_mut().max_by_key(|a| a.date).unwrap();
    let us = latest.scores.iter_mut().find(|s| s.party == "us").unwrap();
    us.closeness = (us.closeness + 2.0).min(10.0);
    store.update_scenario(&s.id, deal, s.activities.clone()).unwrap();

    let view = store.scenario_view(&s.id, today()).unwrap();
    assert_eq!(view.real, real, "reality is judged as before");
    assert!(negative_key_people(&view.projected.flags).is_empty());
    let (p, r) = (view.projected.win_rate.rate.unwrap(), view.real.win_rate.rate.unwrap());
    assert!(p > r, "closer to the customer wins more: {p} vs {r}");
    assert_eq!(view.delta, Some(((p - r) * 10.0).round() / 10.0));
    assert!(view.changes.iter().any(|c| matches!(c, ScenarioChange::Participant { person, field, .. } if *person == target && field == "attitude")));
    assert!(view.changes.iter().any(|c| matches!(c, ScenarioChange::Score { party, field, .. } if party == "us" && field == "closeness")));
    // The real deal, its flags and its curve are untouched (only the scenario row is new).
    let curve_before = store.curve(DEAL).unwrap();
    assert_eq!(store.judge_deal(DEAL, today()).unwrap(), real);
    assert_eq!(export(&store), before);

    let outcome = store.promote_scenario(&s.id, today()).unwrap();
    assert!(store.scenarios(DEAL).unwrap().is_empty(), "promotion removes the scenario");
    let now = store.judge_deal(DEAL, today()).unwrap();
    assert_eq!(now.win_rate.rate, Some(p));
    assert!(negative_key_people(&now.flags).is_empty());
    let curve_after = store.curve(DEAL).unwrap();
    assert_eq!(curve_after.last().unwrap().rate, Some(p), "this week's snapshot was retaken");
    assert_ne!(curve_before.last().unwrap().rate, curve_after.last().unwrap().rate);
    // The promotion can be undone exactly.
    store.apply(&outcome.inverse).unwrap();
    assert_eq!(store.judge_deal(DEAL, today()).unwrap(), real);
    assert_eq!(export(&store), before);
}

#[test]
fn a_scenario_breaking_a_rule_is_refused_and_kept_as_it_was() {
    let (_dir, mut store) = practice();
    let s = store.fork_scenario(DEAL, "bad", today()).unwrap();
    let mut deal = s.deal.clone();
    deal.participants[0].person = "p-nobody".into();
    let err = store.update_scenario(&s.id, deal, s.activities.clone()).unwrap_err();
    let text = format!("{err} {:?}", err.problems());
    assert!(text.contains("p-nobody"), "{text}");
    assert_eq!(store.scenario(&s.id).unwrap(), s);
    let mut deal = s.deal.clone();
    deal.stage = "won".into();
    let err = store.update_scenario(&s.id, deal, Vec::new()).unwrap_err();
    assert!(err.to_string().contains("exit checklist"), "{err}");
    let mut other = store.deal("d-bank-data").unwrap();
    other.name = "x".into();
    let err = store.update_scenario(&s.id, other, Vec::new()).unwrap_err();
    assert!(err.to_string().contains("d-bank-data"), "{err}");
    assert!(store.fork_scenario(DEAL, "  ", today()).is_err());
    assert!(store.fork_scenario("d-none", "x", today()).is_err());
    store.discard_scenario(&s.id).unwrap();
    assert!(store.scenario(&s.id).is_err());
    assert!(store.discard_scenario(&s.id).is_err());
}

#[test]
fn planned_activities_in_a_scenario_stay_there() {
    let (_dir, mut store) = practice();
    let before = export(&store);
    let s = store.fork_scenario(DEAL, "拜访计划", today()).unwrap();
    let mut acts = s.activities.clone();
    let mut planned: Activity = acts[0].clone();
    planned.id = "act-scenario-visit".into();
    planned.status = ActivityStatus::Planned;
    planned.date = today() + chrono::Days::new(7);
    acts.push(planned);
    store.update_scenario(&s.id, s.deal.clone(), acts).unwrap();
    let view = store.scenario_view(&s.id, today()).unwrap();
    assert!(view.changes.iter().any(|c| matches!(c, ScenarioChange::ActivityAdded { activity } if activity == "act-scenario-visit")));
    assert_eq!(export(&store), before);
    store.promote_scenario(&s.id, today()).unwrap();
    assert!(store.deal_activities(DEAL).unwrap().iter().any(|a| a.id == "act-scenario-visit"));
}

#[test]
fn deal_edits_have_exact_inverses_and_keep_the_stage_gate() {
    let (_dir, mut store) = practice();
    let before = export(&store);
    let mut deal = store.deal(DEAL).unwrap();
    deal.compelling_events[0].confirmed = !deal.compelling_events[0].confirmed;
    deal.tactics.push("t-new".into());
    deal.value_proposition.business_value = "降本 <b>30%</b>".into();
    let out = store.apply(&Edit::UpdateDeal { deal: Box::new(deal.clone()), activities: None }).unwrap();
    assert_eq!(store.deal(DEAL).unwrap(), deal);
    store.apply(&out.inverse).unwrap();
    assert_eq!(export(&store), before);

    let mut moved = deal.clone();
    moved.stage = "won".into();
    let err = store.apply(&Edit::UpdateDeal { deal: Box::new(moved), activities: None }).unwrap_err();
    assert!(err.to_string().contains("exit checklist"), "{err}");
    let mut elsewhere = deal.clone();
    elsewhere.account = "acc-energy".into();
    assert!(store.apply(&Edit::UpdateDeal { deal: Box::new(elsewhere), activities: None }).is_err());
    assert_eq!(export(&store), before, "refusals change nothing");

    // Log an activity, remove one, as a batch; undo it all.
    let account = deal.account.clone();
    let mut act = store.deal_activities(DEAL).unwrap()[0].clone();
    let removed = act.id.clone();
    act.id = "act-new".into();
    act.status = ActivityStatus::Done;
    let batch = Edit::Batch {
        edits: vec![
            Edit::SetActivity { account: account.clone(), activity: act.clone() },
            Edit::RemoveActivity { id: removed.clone() },
        ],
    };
    let out = store.apply(&batch).unwrap();
    let ids: Vec<String> = store.deal_activities(DEAL).unwrap().into_iter().map(|a| a.id).collect();
    assert!(ids.contains(&"act-new".to_string()) && !ids.contains(&removed));
    store.apply(&out.inverse).unwrap();
    assert_eq!(export(&store), before);
    // A failing edit inside a batch names its place and undoes the others.
    let bad = Edit::Batch {
        edits: vec![
            Edit::SetActivity { account, activity: act },
            Edit::RemoveActivity { id: "act-none".into() },
        ],
    };
    let err = store.apply(&bad).unwrap_err();
    assert!(err.to_string().contains("act-none"), "{err}");
    assert_eq!(export(&store), before);
}

#[test]
fn cli_scenarios_fork_show_set_and_promote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let run = |args: &[&str]| {
        let out = sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["demo"]);
    let s: serde_json::Value = serde_json::from_str(&run(&["scenario", "fork", DEAL, "推演一", "--json"])).unwrap();
    let id = s["id"].as_str().unwrap().to_string();
    let mut deal = s["deal"].clone();
    for p in deal["participants"].as_array_mut().unwrap() {
        if p["attitude"] == "negative" || p["attitude"] == "strong_negative" {
            p["attitude"] = "neutral".into();
        }
    }
    let file = dir.path().join("scenario.json");
    std::fs::write(&file, serde_json::json!({"deal": deal, "activities": s["activities"]}).to_string()).unwrap();
    run(&["scenario", "set", &id, file.to_str().unwrap()]);
    let view: serde_json::Value =
        serde_json::from_str(&run(&["scenario", "show", &id, "--as-of", "2026-11-26", "--json"])).unwrap();
    assert_ne!(view["projected"]["flags"], view["real"]["flags"]);
    let listed = run(&["scenario", "list", DEAL]);
    assert!(listed.contains("推演一"), "{listed}");
    run(&["scenario", "promote", &id, "--as-of", "2026-11-26"]);
    let shown: serde_json::Value = serde_json::from_str(&run(&["deal", DEAL, "--as-of", "2026-11-26", "--json"])).unwrap();
    assert_eq!(shown["judgement"]["flags"], view["projected"]["flags"]);
    let out = sandtable_cli().arg("--db").arg(&db).args(["scenario", "show", &id]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&id));
}

#[test]
fn practice_mode_resets_the_practice_deals_and_nothing_else() {
    let (_dir, mut store) = practice();
    let pristine = export(&store);
    // The user's own account, and an exercise on a practice deal.
    store.apply(&Edit::CreateAccount { id: Some("acc-mine".into()), name: "我的客户".into(), industry: String::new(), region: String::new() }).unwrap();
    let with_mine = export(&store);
    let mut deal = store.deal(DEAL).unwrap();
    for p in &mut deal.participants {
        p.attitude = Attitude::StrongNegative;
    }
    store.apply(&Edit::UpdateDeal { deal: Box::new(deal), activities: None }).unwrap();
    store.fork_scenario(DEAL, "练习", today()).unwrap();
    store.apply(&Edit::DeleteAccount { id: "acc-energy".into() }).unwrap();
    assert_ne!(export(&store), with_mine);

    let undo = demo::reset_practice(&mut store, today()).unwrap();
    let now = export(&store);
    let first_difference = now.lines().zip(with_mine.lines()).enumerate().find(|(_, (a, b))| a != b);
    assert!(now == with_mine, "practice accounts back as bundled, mine kept; first difference: {first_difference:?}");
    assert!(store.scenarios(DEAL).unwrap().is_empty());
    assert!(store.deal("d-energy-eam").is_ok());
    assert!(demo::practice_account_ids().contains(&"acc-bank".to_string()));
    store.apply(&undo.inverse).unwrap();
    assert!(store.deal("d-energy-eam").is_err(), "the reset undoes exactly");
    assert_ne!(export(&store), pristine);
}

#[test]
fn scenarios_survive_edits_of_their_deal_and_the_curve_follows_edits() {
    let (_dir, mut store) = practice();
    let a = store.fork_scenario(DEAL, "甲", today()).unwrap();
    let b = store.fork_scenario(DEAL, "乙", today()).unwrap();
    let other = store.fork_scenario("d-bank-data", "丙", today()).unwrap();
    // An edit of the real deal keeps every scenario, in order.
    let mut deal = store.deal(DEAL).unwrap();
    let latest = deal.assessments.iter_mut().max_by_key(|x| x.date).unwrap();
    latest.scores.iter_mut().find(|s| s.party == "us").unwrap().closeness = 10.0;
    store.apply_as_of(&Edit::UpdateDeal { deal: Box::new(deal), activities: None }, today()).unwrap();
    let names: Vec<String> = store.scenarios(DEAL).unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["甲", "乙"]);
    assert_eq!(store.scenario(&b.id).unwrap(), b, "untouched by the real deal's edit");
    // The curve's last week follows the edit.
    let now = store.judge_deal(DEAL, today()).unwrap().win_rate.rate;
    assert_eq!(store.curve(DEAL).unwrap().last().unwrap().rate, now);
    // Promoting one removes only that one.
    store.promote_scenario(&a.id, today()).unwrap();
    let left: Vec<String> = store.scenarios(DEAL).unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(left, std::slice::from_ref(&b.id));
    assert_eq!(store.scenarios("d-bank-data").unwrap().len(), 1);
    store.discard_scenario(&other.id).unwrap();
    store.discard_scenario(&b.id).unwrap();
}

#[test]
fn a_scenario_has_its_own_decision_map() {
    use sandtable::layout::{Layer, ReportingMode};
    use sandtable::model::Participant;
    let (_dir, mut store) = practice();
    let s = store.fork_scenario(DEAL, "拉入新评估者", today()).unwrap();
    let real = store.map_layout("acc-bank", Layer::Decision, Some(DEAL.into()), vec![], ReportingMode::Compact, today()).unwrap();
    // Someone of the bank who is not on the real deal joins it, in the scenario only, as an evaluator.
    let on_deal: Vec<String> = s.deal.participants.iter().map(|p| p.person.clone()).collect();
    let ws = store.load_workspace().unwrap();
    let newcomer = ws.accounts.iter().find(|a| a.id == "acc-bank").unwrap().people.iter().find(|p| !on_deal.contains(&p.id)).unwrap().id.clone();
    let mut deal = s.deal.clone();
    deal.participants.push(Participant { person: newcomer.clone(), role: Role::Evaluator, attitude: Attitude::Positive, relationship_strategy: None });
    // And a decision maker turns neutral.
    let dm = deal.participants.iter_mut().find(|p| p.role == Role::DecisionMaker && p.attitude != Attitude::Neutral).unwrap();
    dm.attitude = Attitude::Neutral;
    let dm = dm.person.clone();
    store.update_scenario(&s.id, deal, s.activities.clone()).unwrap();

    let map = store.scenario_layout(&s.id, today()).unwrap();
    let node = |l: &sandtable::layout::Layout, p: &str| l.nodes.iter().find(|n| n.person == p).cloned();
    let added = node(&map, &newcomer).expect("the newcomer is drawn in the scenario's map");
    assert_eq!(added.encoding.role, Some(Role::Evaluator));
    assert_eq!(added.encoding.attitude, Attitude::Positive);
    assert_eq!(node(&map, &dm).unwrap().encoding.attitude, Attitude::Neutral);
    assert_eq!(map.nodes.len(), real.nodes.len() + 1);
    // Reality is drawn as before.
    assert!(node(&real, &newcomer).is_none());
    let again = store.map_layout("acc-bank", Layer::Decision, Some(DEAL.into()), vec![], ReportingMode::Compact, today()).unwrap();
    assert_eq!(again, real);
    assert!(matches!(store.scenario_layout("no-such-scenario", today()), Err(sandtable::Error::NotFound { .. })));
}

/// The deal view names the assessment in force on its date — the one the win
/// rate used — not simply the latest dated one: a questionnaire dated after
/// the view's date is not in force yet (the brief, presenter and
/// questionnaire show this one, so they name the same inside source as the
/// win rate).
#[test]
fn the_deal_view_names_the_assessment_the_win_rate_used() {
    let (_dir, store) = practice();
    let deal = store.deal_view("d-bank-core", today()).unwrap().deal;
    let mut dates: Vec<_> = deal.assessments.iter().map(|a| a.date).collect();
    dates.sort();
    assert!(dates.len() >= 3);
    let between = dates[dates.len() - 2];
    for as_of in [today(), between, dates[0] - chrono::Days::new(1)] {
        let view = store.deal_view("d-bank-core", as_of).unwrap();
        let in_force = view.judgement.assessment_in_force.map(|i| &view.deal.assessments[i as usize]);
        assert_eq!(in_force.map(|a| a.date), view.judgement.win_rate.assessment_date, "as of {as_of}");
        assert!(in_force.is_none_or(|a| a.date <= as_of));
    }
    let view = store.deal_view("d-bank-core", between).unwrap();
    assert_eq!(view.deal.assessments[view.judgement.assessment_in_force.unwrap() as usize].date, between);
}

/// The judgement lists the coaching action items overdue on its date (not
/// done, due before it; due that day is not late yet), and the deal list says
/// which process each grade calls for (§2.2).
#[test]
fn the_judgement_lists_overdue_action_items_and_the_list_the_process() {
    use sandtable::model::{ActionItem, CoachingSession, Process};
    let (_dir, mut store) = practice();
    let mut deal = store.deal(DEAL).unwrap();
    let item = |text: &str, due: &str, done: bool| ActionItem { text: text.into(), owner: "陈晓东".into(), due: Some(due.parse().unwrap()), done };
    deal.coaching = vec![CoachingSession {
        date: "2026-11-01".parse().unwrap(),
        coach: "周立群".into(),
        notes: String::new(),
        actions: vec![item("逾期", "2026-11-20", false), item("已完成", "2026-11-10", true), item("当天到期", "2026-11-26", false), item("未到期", "2026-12-30", false)],
        elements: vec![],
    }];
    store.apply(&Edit::UpdateDeal { deal: Box::new(deal), activities: None }).unwrap();
    let view = store.deal_view(DEAL, today()).unwrap();
    let overdue: Vec<&str> = view.judgement.overdue_actions.iter().map(|a| view.deal.coaching[a.session as usize].actions[a.action as usize].text.as_str()).collect();
    assert_eq!(overdue, ["逾期"]);
    // The stage's exit checklist as marked, in template order (the window shows it as sent).
    let checklist = view.judgement.checklist.as_ref().expect("the deal's stage is in the template");
    assert_eq!(checklist.stage, view.deal.stage);
    let template = store.settings().unwrap().stages.into_iter().find(|s| s.key == view.deal.stage).unwrap().exit_checklist;
    assert_eq!(checklist.items.iter().map(|i| i.item.clone()).collect::<Vec<_>>(), template);
    for i in &checklist.items {
        assert_eq!(i.done, view.deal.checklist.iter().any(|m| m.stage == view.deal.stage && m.item == i.item), "{}", i.item);
    }

    let processes: Vec<(String, Process)> = store.deal_summaries().unwrap().into_iter().map(|d| (d.grade.to_string(), d.process)).collect();
    for (grade, process) in &processes {
        let want = match grade.as_str() { "A" | "B" => Process::Full, "C" | "D" => Process::FastTrack, _ => Process::PartnerRegistration };
        assert_eq!(*process, want, "grade {grade}");
    }
    assert!(processes.iter().any(|(_, p)| *p == Process::FastTrack) && processes.iter().any(|(_, p)| *p == Process::Full));
}
