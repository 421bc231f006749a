//! What is reported is what happened: an edit and what it implies land in one
//! transaction; a write that fails leaves no file behind under a real name.

use sandtable::io::ImportMode;
use sandtable::model::Edit;
use sandtable::Store;

use crate::support::*;

fn attitude_of(store: &Store, deal: &str, person: &str) -> String {
    let d = store.deal(deal).unwrap();
    let p = d.participants.iter().find(|p| p.person == person).unwrap();
    serde_json::to_value(p.attitude).unwrap().as_str().unwrap().to_string()
}

#[test]
fn an_edit_whose_snapshots_cannot_be_written_is_not_applied() {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    assert_eq!(attitude_of(&store, "d1", "p3"), "negative");
    // Writing the snapshot fails (as on a full disk or a busy database).
    store
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER no_snapshots BEFORE INSERT ON main.win_rate_snapshots
             BEGIN SELECT RAISE(ABORT, 'snapshots cannot be written'); END;",
        )
        .unwrap();
    let edit: Edit = serde_json::from_value(serde_json::json!({
        "op": "set_participant", "deal": "d1",
        "participant": {"person": "p3", "role": "evaluator", "attitude": "positive", "relationship_strategy": null}
    }))
    .unwrap();
    let err = store.apply_on(&edit, today()).unwrap_err();
    assert!(err.to_string().contains("snapshots cannot be written"), "{err}");
    assert_eq!(attitude_of(&store, "d1", "p3"), "negative", "the edit was reported as failed but applied");
    assert!(store.conn().is_autocommit(), "a transaction was left open");

    // Without the fault the same edit lands, with its snapshot.
    store.conn().execute_batch("DROP TRIGGER no_snapshots").unwrap();
    store.apply_on(&edit, today()).unwrap();
    assert_eq!(attitude_of(&store, "d1", "p3"), "positive");
}
