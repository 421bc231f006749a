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
    let err = store.apply_as_of(&edit, today()).unwrap_err();
    assert!(err.to_string().contains("snapshots cannot be written"), "{err}");
    assert_eq!(attitude_of(&store, "d1", "p3"), "negative", "the edit was reported as failed but applied");
    assert!(store.conn().is_autocommit(), "a transaction was left open");

    // Without the fault the same edit lands, with its snapshot.
    store.conn().execute_batch("DROP TRIGGER no_snapshots").unwrap();
    store.apply_as_of(&edit, today()).unwrap();
    assert_eq!(attitude_of(&store, "d1", "p3"), "positive");
}

#[test]
fn restore_refuses_a_backup_with_broken_references_and_verify_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("ws.db")).unwrap();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    let before = export(&store);
    let broken = dir.path().join("broken.db");
    store.backup_to(&broken).unwrap();
    rusqlite::Connection::open(&broken)
        .unwrap()
        .execute_batch("PRAGMA foreign_keys = OFF; UPDATE people SET account = 'acc-gone' WHERE id = 'p1';")
        .unwrap();
    let err = store.restore_from(&broken).unwrap_err();
    assert!(err.to_string().contains("broken references") && err.to_string().contains("people"), "{err}");
    assert_eq!(export(&store), before, "the workspace changed");

    // verify says what is wrong, not "ok".
    let out = sandtable_cli().arg("--db").arg(&broken).arg("verify").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("people row") && err.contains("points to no row of accounts"), "{err}");
}

#[test]
fn a_plain_backup_into_an_encrypted_workspace_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.db");
    {
        let mut s = Store::open(&plain).unwrap();
        import_value(&mut s, &minimal(), ImportMode::Merge).unwrap();
    }
    let mut store = Store::open_with_passphrase(dir.path().join("ws.db"), Some("口令")).unwrap();
    let err = store.restore_from(&plain).unwrap_err().to_string();
    assert!(err.contains("without encryption") && err.contains("passphrase --remove"), "{err}");
    assert!(!err.contains("not a Sandtable database"), "{err}");
}

#[test]
fn a_missing_workspace_is_refused_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gone.db");
    for args in [&["accounts"][..], &["verify"], &["backup"], &["passphrase", "--remove"], &["practice-reset"]] {
        let out = sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("there is no workspace at"), "{args:?}");
        assert!(!db.exists(), "{args:?} made an empty workspace");
    }
    // synth reads no workspace, so it neither needs nor makes one.
    let out = sandtable_cli().arg("--db").arg(&db).args(["synth", "--people", "3"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!db.exists(), "synth made a workspace");
}

#[test]
fn leftovers_of_an_interrupted_write_are_removed_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    drop(Store::open(&db).unwrap());
    let rekey = dir.path().join("ws.rekey-tmp");
    std::fs::write(&rekey, b"half a copy").unwrap();
    std::fs::create_dir_all(dir.path().join("backups")).unwrap();
    let partial = dir.path().join("backups/ws-20261207-manual.db.partial");
    std::fs::write(&partial, b"half a backup").unwrap();
    let kept = dir.path().join("backups/ws-20261206-manual.db");
    std::fs::write(&kept, b"someone's file").unwrap();
    drop(Store::open(&db).unwrap());
    assert!(!rekey.exists() && !partial.exists());
    assert!(kept.exists(), "a file that is not a leftover was removed");
}
