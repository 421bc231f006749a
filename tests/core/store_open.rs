//! Opening the store: migrations, pragmas, refusal of newer databases.

use sandtable::store::migrations::latest_version;
use sandtable::Store;

use crate::support::*;

#[test]
fn a_new_database_is_migrated_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/dir/ws.db");
    let store = Store::open(&db).unwrap();
    assert!(store.is_new());
    assert!(store.is_empty().unwrap());
    let conn = store.conn();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, latest_version());
    drop(store);
    let again = Store::open(&db).unwrap();
    assert!(!again.is_new());
}

#[test]
fn in_memory_uses_the_same_schema() {
    let store = memory_store();
    let tables: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
        .unwrap();
    assert!(tables >= 25, "{tables} tables");
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE future(x); PRAGMA user_version = 999;").unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(&db).err().expect("refused");
    assert_eq!(err.code().key(), "schema_too_new");
    assert!(err.to_string().contains("999"), "{err}");
    assert!(std::fs::read(&db).unwrap() == before, "the file changed");
    assert!(!dir.path().join("future.db-wal").exists());
}

#[test]
fn foreign_keys_are_enforced_by_the_database_too() {
    let store = memory_store();
    let err = store
        .conn()
        .execute("INSERT INTO people(id, account, name) VALUES ('p', 'missing-account', 'x')", [])
        .unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn a_database_with_other_tables_is_not_migrated() {
    // A database holding someone else's tables is refused before any change:
    // no half schema, still version 0.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clash.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE deals(x);").unwrap();
    }
    assert!(Store::open(&db).is_err());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 0);
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 1, "only the pre-existing table remains");
}

#[test]
fn default_path_follows_the_environment() {
    // Only this test touches SANDTABLE_DB in this binary.
    std::env::set_var("SANDTABLE_DB", "/tmp/somewhere/ws.db");
    assert_eq!(Store::default_path(), std::path::PathBuf::from("/tmp/somewhere/ws.db"));
    std::env::remove_var("SANDTABLE_DB");
    let p = Store::default_path();
    assert!(p.ends_with("sandtable/workspace.db"), "{}", p.display());
}
