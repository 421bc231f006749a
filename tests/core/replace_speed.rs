//! Replacing a workspace is about as cheap as importing it fresh (issue 15,
//! item 7): every column that points at another table has an index (SQLite
//! looks the children up on every delete of a parent), and a replace leaves
//! exactly the new workspace, all or nothing.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rusqlite::Connection;
use sandtable::demo::{self, synthetic::org_workspace};
use sandtable::io::{import_workspace, ImportMode};
use sandtable::store::migrations::latest_version;
use sandtable::Store;

use crate::support::*;

fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

/// (child table, child column) of every single-column foreign key.
fn foreign_key_columns(conn: &Connection) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for table in tables(conn) {
        let mut stmt = conn.prepare("SELECT \"from\" FROM pragma_foreign_key_list(?1)").unwrap();
        let cols: Vec<String> = stmt.query_map([&table], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
        out.extend(cols.into_iter().map(|c| (table.clone(), c)));
    }
    out
}

/// The columns whose lookup by value (what SQLite runs for each deleted or
/// changed parent row) scans the whole table instead of searching an index.
fn unindexed_foreign_keys(conn: &Connection) -> Vec<String> {
    let fks = foreign_key_columns(conn);
    assert!(fks.len() > 20, "the schema has its foreign keys: {fks:?}");
    fks.into_iter()
        .filter(|(table, column)| {
            let sql = format!("EXPLAIN QUERY PLAN SELECT 1 FROM \"{table}\" WHERE \"{column}\" = ?1");
            let mut stmt = conn.prepare(&sql).unwrap();
            let plan: Vec<String> =
                stmt.query_map([""], |r| r.get(3)).unwrap().collect::<rusqlite::Result<_>>().unwrap();
            !plan.iter().any(|d| d.starts_with("SEARCH") && d.contains("INDEX"))
        })
        .map(|(t, c)| format!("{t}.{c}"))
        .collect()
}

fn row_counts(conn: &Connection) -> BTreeMap<String, i64> {
    tables(conn)
        .into_iter()
        .map(|t| {
            let n = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0)).unwrap();
            (t, n)
        })
        .collect()
}

fn foreign_key_problems(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap()
}

fn foreign_keys_on(store: &Store) -> bool {
    store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap()
}

#[test]
fn every_column_pointing_at_another_row_has_an_index() {
    let store = memory_store();
    assert_eq!(unindexed_foreign_keys(store.conn()), Vec::<String>::new());
}

/// A workspace with a row in every table: the practice workspace, its
/// curves, a scenario and a competitor event.
fn full_workspace(db: &std::path::Path) -> Store {
    let mut store = Store::open(db).unwrap();
    demo::load_practice(&mut store, today()).unwrap();
    let deal = store.deal_summaries().unwrap()[0].id.clone();
    store.fork_scenario(&deal, "推演", today()).unwrap();
    store
        .conn()
        .execute_batch(
            "INSERT INTO competitor_events(competitor, date, text)
             SELECT id, '2026-11-01', '发布会' FROM competitors LIMIT 1",
        )
        .unwrap();
    let empty: Vec<_> = row_counts(store.conn()).into_iter().filter(|(_, n)| *n == 0).map(|(t, _)| t).collect();
    assert!(empty.is_empty(), "fill these tables in this test, so replace is seen to empty them: {empty:?}");
    store
}

#[test]
fn replace_leaves_exactly_the_new_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = full_workspace(&dir.path().join("ws.db"));
    import_value(&mut store, &minimal(), ImportMode::Replace).unwrap();

    let mut fresh = memory_store();
    import_value(&mut fresh, &minimal(), ImportMode::Merge).unwrap();
    assert_eq!(export(&store), export(&fresh));
    // Also what export does not show: no row of the old workspace is left anywhere.
    assert_eq!(row_counts(store.conn()), row_counts(fresh.conn()));
    assert_eq!(foreign_key_problems(store.conn()), 0);
    assert!(foreign_keys_on(&store), "foreign keys are enforced again after a replace");
    assert!(store.verify().unwrap().is_ok());

    // The practice workspace replacing a large one (what `demo` does) likewise.
    let mut store = Store::open(dir.path().join("big.db")).unwrap();
    import_workspace(&mut store, &org_workspace(500, 40, 3), ImportMode::Merge).unwrap();
    demo::load_practice(&mut store, today()).unwrap();
    let mut fresh = Store::open(dir.path().join("fresh.db")).unwrap();
    demo::load_practice(&mut fresh, today()).unwrap();
    assert_eq!(export(&store), export(&fresh));
    assert_eq!(row_counts(store.conn()), row_counts(fresh.conn()));
    assert_eq!(foreign_key_problems(store.conn()), 0);
    assert!(foreign_keys_on(&store));

    // Inside a transaction already open (where foreign keys cannot be switched off) likewise.
    let mut store = full_workspace(&dir.path().join("nested.db"));
    store
        .atomically(|s| sandtable::io::import_workspace_in_transaction(s, &org_workspace(500, 40, 3), ImportMode::Replace))
        .unwrap();
    let mut fresh = memory_store();
    import_workspace(&mut fresh, &org_workspace(500, 40, 3), ImportMode::Merge).unwrap();
    assert_eq!(export(&store), export(&fresh));
    assert_eq!(row_counts(store.conn()), row_counts(fresh.conn()));
    assert_eq!(foreign_key_problems(store.conn()), 0);
}

#[test]
fn a_replace_that_fails_while_writing_leaves_the_old_workspace_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = full_workspace(&dir.path().join("ws.db"));
    let before = (export(&store), row_counts(store.conn()));
    let file = minimal();

    // A failure after the old rows are gone and some new ones are written.
    store
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.activities
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    let err = import_value(&mut store, &file, ImportMode::Replace).unwrap_err();
    assert!(err.to_string().contains("disk trouble"), "{err}");
    assert_eq!((export(&store), row_counts(store.conn())), before);
    assert!(foreign_keys_on(&store), "foreign keys are enforced again after a failed replace");
    store.conn().execute_batch("DROP TRIGGER temp.fail_late").unwrap();

    // A reference that points nowhere (one the file checks would never let
    // through) is refused at the end and nothing lands.
    store
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER orphan AFTER INSERT ON main.deals
             BEGIN INSERT INTO win_rate_snapshots(deal, week, as_of, rate, formula_version, data)
                   VALUES ('no-such-deal', '2026-W01', '2026-01-01', NULL, 1, '{}'); END;",
        )
        .unwrap();
    let err = import_value(&mut store, &file, ImportMode::Replace).unwrap_err();
    assert!(err.to_string().contains("win_rate_snapshots"), "{err}");
    assert_eq!((export(&store), row_counts(store.conn())), before);
    assert!(foreign_keys_on(&store));
    store.conn().execute_batch("DROP TRIGGER temp.orphan").unwrap();

    // The same for the practice workspace (`demo`), whose curves are written in the same transaction.
    store
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER fail_curves BEFORE INSERT ON main.win_rate_snapshots
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    demo::load_practice(&mut store, today()).unwrap_err();
    assert_eq!((export(&store), row_counts(store.conn())), before);
    assert!(foreign_keys_on(&store));
    store.conn().execute_batch("DROP TRIGGER temp.fail_curves").unwrap();

    // And after all that, a replace goes through.
    import_value(&mut store, &file, ImportMode::Replace).unwrap();
    assert_eq!(foreign_key_problems(store.conn()), 0);
}

/// SQLite virtual-machine instructions `f` makes the store run: a measure
/// of work that does not depend on how busy the machine is.
fn sqlite_steps(store: &mut Store, f: impl FnOnce(&mut Store)) -> u64 {
    const EVERY: u64 = 100;
    let steps = Arc::new(AtomicU64::new(0));
    let counter = steps.clone();
    store.conn().progress_handler(
        EVERY as i32,
        Some(move || {
            counter.fetch_add(EVERY, Ordering::Relaxed);
            false
        }),
    );
    f(store);
    store.conn().progress_handler(0, None::<fn() -> bool>);
    steps.load(Ordering::Relaxed)
}

#[test]
fn replacing_a_large_workspace_costs_at_most_twice_a_fresh_import() {
    let ws = org_workspace(3_000, 150, 7);
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = Store::open(dir.path().join("fresh.db")).unwrap();
    let import = sqlite_steps(&mut fresh, |s| {
        import_workspace(s, &ws, ImportMode::Merge).unwrap();
    });
    let replace = sqlite_steps(&mut fresh, |s| {
        import_workspace(s, &ws, ImportMode::Replace).unwrap();
    });
    eprintln!("SQLite steps: fresh import {import}, replace {replace} ({:.2}×)", replace as f64 / import as f64);
    // The count includes the backup taken first (VACUUM INTO runs on the same connection).
    assert_eq!(std::fs::read_dir(dir.path().join("backups")).unwrap().count(), 1);
    assert!(
        replace <= 2 * import,
        "replace ran {replace} SQLite steps, a fresh import {import} ({:.1}×)",
        replace as f64 / import as f64
    );
}

#[test]
fn a_workspace_of_the_previous_schema_gains_the_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v3.db");
    let version = latest_version() - 1;
    let fixture = fixture_path(&format!("schema-v{version}.sql"));
    let sql = std::fs::read_to_string(&fixture).unwrap_or_else(|_| panic!("add the fixture {}", fixture.display()));
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(&sql).unwrap();
        assert!(!unindexed_foreign_keys(&conn).is_empty(), "the fixture is of the schema before the indexes");
    }
    let mut store = Store::open(&db).unwrap();
    let now: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(now, latest_version());
    assert_eq!(unindexed_foreign_keys(store.conn()), Vec::<String>::new());
    assert_eq!(foreign_key_problems(store.conn()), 0);
    // And its content replaces fast and whole like any other.
    let mut expected = memory_store();
    import_value(&mut expected, &minimal(), ImportMode::Merge).unwrap();
    assert_eq!(export(&store), export(&expected));
    import_value(&mut store, &minimal(), ImportMode::Replace).unwrap();
    assert_eq!(export(&store), export(&expected));
}

