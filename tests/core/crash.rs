//! Crash safety: the CLI is killed (SIGKILL) at random moments during large
//! imports and edits, 100 times; every database must pass `PRAGMA
//! integrity_check` and hold either the old or the new state in full.

use std::time::{Duration, Instant};

use rusqlite::Connection;
use sandtable::demo::synthetic::{org_workspace, Rng};
use sandtable::io::workspace_file;
use sandtable::Store;

use crate::support::*;

#[test]
fn killed_mid_write_leaves_the_old_or_the_new_state() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    std::fs::write(&big, workspace_file::to_json(&org_workspace(3_000, 300, 5))).unwrap();
    let csv = dir.path().join("people.csv");
    let rows: String = (0..3_000).map(|i| format!("新人{i},工程师,{}\n", if i == 0 { "王建国".to_string() } else { format!("新人{}", i / 3) })).collect();
    std::fs::write(&csv, format!("name,title,manager\n{rows}")).unwrap();

    // The old state, and the two possible new ones.
    let base = dir.path().join("base.db");
    {
        let mut store = Store::open(&base).unwrap();
        import_value(&mut store, &minimal(), sandtable::io::ImportMode::Merge).unwrap();
    }
    let old = export(&Store::open(&base).unwrap());
    let after = |args: &[&str]| {
        let db = dir.path().join("expected.db");
        let _ = std::fs::remove_file(&db);
        std::fs::copy(&base, &db).unwrap();
        let out = sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let state = export(&Store::open(&db).unwrap());
        std::fs::remove_file(&db).unwrap();
        state
    };
    let import_args = ["import", "--replace", big.to_str().unwrap()];
    let csv_args = ["import-people", "acc-1", csv.to_str().unwrap()];
    let new_import = after(&import_args);
    let new_csv = after(&csv_args);

    // How long a full run takes, to spread the kills over it.
    let t = Instant::now();
    after(&import_args);
    let span = t.elapsed().as_millis().max(20) as usize;

    let mut rng = Rng::new(42);
    let (mut saw_old, mut saw_new) = (0, 0);
    for i in 0..100 {
        let db = dir.path().join(format!("run-{i}.db"));
        std::fs::copy(&base, &db).unwrap();
        let args: &[&str] = if i % 2 == 0 { &import_args } else { &csv_args };
        let mut child = sandtable_cli().arg("--db").arg(&db).args(args).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(span) as u64));
        let _ = child.kill(); // SIGKILL on Unix
        child.wait().unwrap();

        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "run {i}");
        drop(conn);
        let state = export(&Store::open(&db).unwrap());
        let new = if i % 2 == 0 { &new_import } else { &new_csv };
        if state == old {
            saw_old += 1;
        } else {
            assert!(state == *new, "run {i}: neither the old nor the new state");
            saw_new += 1;
        }
        let _ = std::fs::remove_file(&db);
    }
    // The kills really landed on both sides of the commit.
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
}
