//! The workspace libraries the war room edits (issue 7): competitors and the
//! settings (tactics library, stage template) — each edit checked, each with
//! an exact inverse.

use sandtable::model::{Competitor, CompetitorEvent, Edit, TacticDef};
use sandtable::{demo, Store};

use crate::support::*;

fn practice() -> Store {
    let mut store = memory_store();
    demo::load_practice(&mut store, today()).unwrap();
    store
}

#[test]
fn competitors_are_added_changed_and_removed_with_exact_inverses() {
    let mut store = practice();
    let before = export(&store);
    let new = Competitor {
        id: "k-new".into(),
        name: "新锐科技 <b>".into(),
        info: "初创".into(),
        partners: vec!["某集成商".into()],
        strengths: "便宜".into(),
        weaknesses: "小".into(),
        events: vec![CompetitorEvent { date: today(), text: "完成A轮".into() }],
    };
    let added = store.apply(&Edit::SetCompetitor { competitor: new.clone(), position: None }).unwrap();
    let ws = store.load_workspace().unwrap();
    assert_eq!(ws.competitors.last().unwrap(), &new);
    let mut changed = new.clone();
    changed.events.clear();
    changed.strengths = "服务好".into();
    let undo_change = store.apply(&Edit::SetCompetitor { competitor: changed.clone(), position: None }).unwrap();
    assert_eq!(store.load_workspace().unwrap().competitors.last().unwrap(), &changed);
    store.apply(&undo_change.inverse).unwrap();
    store.apply(&added.inverse).unwrap();
    assert_eq!(export(&store), before);

    // A competitor in use cannot go; the message names who uses it.
    let used = store.load_workspace().unwrap().competitors[0].id.clone();
    let err = store.apply(&Edit::RemoveCompetitor { id: used.clone() }).unwrap_err();
    assert!(err.to_string().contains("deal \"d-"), "{err}");
    assert_eq!(export(&store), before);
    // An unused one goes, and comes back in its place.
    let mut ws = store.load_workspace().unwrap();
    let first = ws.competitors.remove(0);
    let mut fresh = memory_store();
    store.apply(&Edit::SetCompetitor { competitor: Competitor { id: "k-free".into(), ..first.clone() }, position: Some(0) }).unwrap();
    let with_free = export(&store);
    let removed = store.apply(&Edit::RemoveCompetitor { id: "k-free".into() }).unwrap();
    assert_eq!(export(&store), before);
    store.apply(&removed.inverse).unwrap();
    assert_eq!(export(&store), with_free, "back in its place");
    assert_eq!(store.load_workspace().unwrap().competitors[0].id, "k-free");
    // Bad competitors are refused.
    for bad in [Competitor { name: " ".into(), ..first.clone() }, Competitor { id: "us".into(), ..first.clone() }] {
        assert!(fresh.apply(&Edit::SetCompetitor { competitor: bad, position: None }).is_err());
    }
}

#[test]
fn settings_changes_are_checked_against_every_deal() {
    let mut store = practice();
    let before = export(&store);
    let mut settings = store.settings().unwrap();
    settings.tactics.push(TacticDef { strategy: sandtable::model::Strategy::Flanking, text: "引入第三方测评".into() });
    let out = store.apply(&Edit::UpdateSettings { settings: Box::new(settings.clone()) }).unwrap();
    assert_eq!(store.settings().unwrap(), settings);
    store.apply(&out.inverse).unwrap();
    assert_eq!(export(&store), before);
    // Dropping a stage that deals are in is refused, naming a deal's path.
    let mut settings = store.settings().unwrap();
    settings.stages.retain(|s| s.key != "bidding");
    let err = store.apply(&Edit::UpdateSettings { settings: Box::new(settings) }).unwrap_err();
    let text = format!("{err}");
    assert!(text.contains("bidding"), "{text}");
    assert_eq!(export(&store), before);
}
