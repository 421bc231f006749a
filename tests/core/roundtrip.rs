//! Export → import → export gives the same document, byte for byte.

use sandtable::io::{import_file, workspace_file, ImportMode};
use sandtable::{demo, Store};

use crate::support::*;

#[test]
fn minimal_fixture_round_trips_byte_identical() {
    let mut a = memory_store();
    import_file(&mut a, &fixture_path("minimal.json"), ImportMode::Merge).unwrap();
    let first = export(&a);
    let mut b = memory_store();
    import_value(&mut b, &serde_json::from_str(&first).unwrap(), ImportMode::Merge).unwrap();
    let second = export(&b);
    assert_eq!(first, second);
    // Two exports of the same workspace are byte-identical.
    assert_eq!(first, export(&a));
}

#[test]
fn every_key_of_the_file_survives_import() {
    let mut store = memory_store();
    import_file(&mut store, &fixture_path("minimal.json"), ImportMode::Merge).unwrap();
    let exported: serde_json::Value = serde_json::from_str(&export(&store)).unwrap();
    let mut original = minimal();
    // Export adds the optional settings extensions with their defaults; all else is identical.
    let settings = exported["settings"].as_object().unwrap().clone();
    for (k, v) in settings {
        original["settings"].as_object_mut().unwrap().entry(k).or_insert(v);
    }
    assert_eq!(exported, original);
}

#[test]
fn practice_workspace_round_trips() {
    let mut a = memory_store();
    demo::load_practice(&mut a, today()).unwrap();
    let first = export(&a);
    assert_eq!(workspace_file::parse(first.as_bytes()).unwrap(), demo::practice_workspace());
    let mut b = memory_store();
    import_value(&mut b, &serde_json::from_str(&first).unwrap(), ImportMode::Merge).unwrap();
    assert_eq!(first, export(&b));
}

#[test]
fn practice_workspace_is_rich_enough_for_training() {
    let ws = demo::practice_workspace();
    assert!(ws.accounts.len() >= 2);
    let people: usize = ws.accounts.iter().map(|a| a.people.len()).sum();
    assert!(people >= 80, "{people} people");
    assert!(ws.competitors.len() >= 4);
    assert!(ws.deals.len() >= 6);
    assert!(ws.accounts.iter().all(|a| a.circles.len() >= 3 || a.people.len() < 20));
    assert!(ws.accounts.iter().any(|a| !a.influences.is_empty()));
    // 3+ levels of reporting somewhere.
    let depth = ws.accounts.iter().map(|a| {
        let manager = |id: &str| a.people.iter().find(|p| p.id == id).and_then(|p| p.manager.clone());
        a.people.iter().map(|p| {
            let (mut d, mut cur) = (1, p.manager.clone());
            while let Some(m) = cur { d += 1; cur = manager(&m); }
            d
        }).max().unwrap_or(0)
    }).max().unwrap();
    assert!(depth >= 3, "reporting depth {depth}");
    // Grades A–E and several stages.
    let store = { let mut s = memory_store(); demo::load_practice(&mut s, today()).unwrap(); s };
    let grades: std::collections::BTreeSet<String> =
        store.deal_summaries().unwrap().iter().map(|d| d.grade.to_string()).collect();
    assert_eq!(grades.into_iter().collect::<Vec<_>>().join(""), "ABCDE");
    let stages: std::collections::BTreeSet<&str> = ws.deals.iter().map(|d| d.stage.as_str()).collect();
    assert!(stages.len() >= 4);
    // Assessments spread over 8+ weeks on some deal, activities and coaching present.
    let span = ws.deals.iter().filter_map(|d| {
        let first = d.assessments.iter().map(|a| a.date).min()?;
        let last = d.assessments.iter().map(|a| a.date).max()?;
        Some((last - first).num_weeks())
    }).max().unwrap_or(0);
    assert!(span >= 7, "assessments span {span} weeks");
    assert!(ws.accounts.iter().map(|a| a.activities.len()).sum::<usize>() >= 20);
    assert!(ws.deals.iter().any(|d| !d.coaching.is_empty()));
}

#[test]
fn replace_keeps_a_backup_of_the_old_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut store = Store::open(&db).unwrap();
    import_file(&mut store, &fixture_path("minimal.json"), ImportMode::Merge).unwrap();
    let before = export(&store);
    let report = demo::load_practice(&mut store, today()).unwrap();
    let backup = report.backup.expect("a backup was taken");
    let old = Store::open(&backup).unwrap();
    assert_eq!(export(&old), before);
    assert_ne!(export(&store), before);
}
