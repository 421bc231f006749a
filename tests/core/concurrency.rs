//! Two writers on one workspace file (two windows, or the app and the CLI):
//! the second waits for the first instead of failing or corrupting.

use std::time::Duration;

use sandtable::io::ImportMode;
use sandtable::Store;

use crate::support::*;

#[test]
fn a_second_writer_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut first = Store::open(&db).unwrap();
    import_value(&mut first, &minimal(), ImportMode::Merge).unwrap();

    let db2 = db.clone();
    let holder = std::thread::spawn(move || {
        let mut store = Store::open(&db2).unwrap();
        let tx = store.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
        tx.execute("UPDATE people SET title = '行长(代)' WHERE id = 'p1'", []).unwrap();
        std::thread::sleep(Duration::from_millis(400));
        tx.commit().unwrap();
    });
    std::thread::sleep(Duration::from_millis(100));
    // The CLI writes while the lock is held: it waits, then succeeds.
    let csv = dir.path().join("p.csv");
    std::fs::write(&csv, "name,manager\n新同事,王建国\n").unwrap();
    let out = sandtable_cli().arg("--db").arg(&db).args(["import-people", "acc-1", csv.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    holder.join().unwrap();
    let people = first.person_summaries("acc-1").unwrap();
    assert!(people.iter().any(|p| p.title == "行长(代)"), "the first edit is kept");
    assert!(people.iter().any(|p| p.name == "新同事"), "the second edit is kept");
}

#[test]
fn busy_errors_have_their_own_code() {
    let err = sandtable::Error::from(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        None,
    ));
    assert_eq!(err.code().key(), "busy");
    assert!(err.to_string().contains("nothing was changed"));
}
