//! The workspace's file locks survive other code in the same process opening
//! and closing the database file — as a native file dialog does when it shows
//! the folder that holds it. POSIX record locks belong to the process, so one
//! close of any descriptor of the file used to drop SQLite's locks; the next
//! CLI command then took the database for unused, folded and deleted its
//! write-ahead log, and every later edit of the app went to a deleted file.

use sandtable::io::ImportMode;
use sandtable::model::Edit;
use sandtable::Store;

use crate::support::*;

/// What a file chooser does to the files it lists: open, read a little, close.
fn touch_like_a_file_dialog(db: &std::path::Path) {
    for ext in ["db", "db-wal", "db-shm"] {
        let path = db.with_extension(ext);
        if let Ok(mut f) = std::fs::File::open(&path) {
            let mut head = [0u8; 64];
            let _ = std::io::Read::read(&mut f, &mut head);
        } // closed here
    }
}

/// How many locks the kernel lists on the file (`/proc/locks`, by inode).
fn locks_on(path: &std::path::Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(path).unwrap().ino();
    let table = std::fs::read_to_string("/proc/locks").unwrap();
    table
        .lines()
        .filter(|l| l.split_whitespace().nth(5).and_then(|dev_ino| dev_ino.rsplit(':').next()) == Some(&ino.to_string()))
        .count()
}

fn person_title(store: &Store, id: &str) -> String {
    store.person_summaries("acc-1").unwrap().into_iter().find(|p| p.id == id).unwrap().title
}

#[test]
fn an_edit_after_a_foreign_close_and_a_cli_run_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut app = Store::open(&db).unwrap();
    import_value(&mut app, &minimal(), ImportMode::Merge).unwrap();

    let held_before = locks_on(&db);
    assert!(held_before > 0, "the open workspace holds no lock");
    touch_like_a_file_dialog(&db);
    assert_eq!(locks_on(&db), held_before, "closing another descriptor of the file dropped the workspace's locks");
    // Any command on the same workspace while the app has it open.
    let out = sandtable_cli().arg("--db").arg(&db).arg("accounts").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(db.with_extension("db-wal").exists(), "the CLI deleted the app's write-ahead log");

    let edit: Edit = serde_json::from_value(serde_json::json!({"op": "update_person", "id": "p1", "patch": {"title": "行长（对话框之后）"}})).unwrap();
    app.apply(&edit).unwrap();
    assert_eq!(person_title(&app, "p1"), "行长（对话框之后）");

    // Another process sees what the app committed (it would not if the app
    // wrote to a log file that is no longer there).
    let out = sandtable_cli().arg("--db").arg(&db).args(["people", "acc-1", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("行长（对话框之后）"), "the CLI does not see the app's edit");
    drop(app);

    let reopened = Store::open(&db).unwrap();
    assert_eq!(person_title(&reopened, "p1"), "行长（对话框之后）", "the edit made after the dialog was lost");
}
