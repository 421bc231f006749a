//! In the desktop process itself: the workspace's file locks survive other
//! code of the process opening and closing the database file (as the native
//! file dialog does when it lists the folder that holds it), so a CLI command
//! run meanwhile cannot take the database for unused, fold its write-ahead
//! log and delete it under the window. Edits made through the window's
//! commands after that are kept.

use std::path::{Path, PathBuf};

use sandtable::{demo, Store};
use tauri::test::MockRuntime;

mod support;
use support::{app_with, invoke};

/// The `sandtable` CLI of this build (target/debug/sandtable beside this
/// test's deps folder), built first when this package's tests run alone.
fn sandtable_cli() -> std::process::Command {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let cli: PathBuf = dir.join("sandtable");
    if !cli.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = std::process::Command::new(cargo).args(["build", "-p", "sandtable", "--bin", "sandtable"]).status().unwrap();
        assert!(status.success(), "could not build the sandtable CLI");
    }
    let mut cmd = std::process::Command::new(cli);
    cmd.env_remove("SANDTABLE_DB");
    cmd
}

/// What a file chooser does to the files it lists: open, read a little, close.
fn touch_like_a_file_dialog(db: &Path) {
    for ext in ["db", "db-wal", "db-shm"] {
        if let Ok(mut f) = std::fs::File::open(db.with_extension(ext)) {
            let mut head = [0u8; 64];
            let _ = std::io::Read::read(&mut f, &mut head);
        }
    }
}

/// How many locks the kernel lists on the file (`/proc/locks`, by inode).
fn locks_on(path: &Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(path).unwrap().ino().to_string();
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .filter(|l| l.split_whitespace().nth(5).and_then(|dev_ino| dev_ino.rsplit(':').next()) == Some(ino.as_str()))
        .count()
}

fn title_in_window(window: &tauri::WebviewWindow<MockRuntime>, person: &str) -> String {
    let people = invoke(window, "list_people", serde_json::json!({"account": "acc-bank"})).unwrap();
    people.as_array().unwrap().iter().find(|p| p["id"] == person).expect("the person is listed")["title"].as_str().unwrap().to_string()
}

fn set_title(window: &tauri::WebviewWindow<MockRuntime>, person: &str, title: &str) {
    invoke(window, "apply_edit", serde_json::json!({"edit": {"op": "update_person", "id": person, "patch": {"title": title}}})).unwrap();
}

#[test]
fn an_edit_in_the_window_after_a_foreign_close_and_a_cli_run_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut store = Store::open(&db).unwrap();
    demo::load_practice(&mut store, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    let (app, window) = app_with(store, "main");
    set_title(&window, "p-bank-003", "行长（对话框之前）");

    let held = locks_on(&db);
    assert!(held > 0, "the open workspace holds no lock");
    touch_like_a_file_dialog(&db);
    assert_eq!(locks_on(&db), held, "closing another descriptor of the file in the desktop process dropped the workspace's locks");

    let out = sandtable_cli().arg("--db").arg(&db).arg("accounts").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(db.with_extension("db-wal").exists(), "the CLI deleted the window's write-ahead log");

    set_title(&window, "p-bank-003", "行长（对话框之后）");
    assert_eq!(title_in_window(&window, "p-bank-003"), "行长（对话框之后）");
    let out = sandtable_cli().arg("--db").arg(&db).args(["people", "acc-bank", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("行长（对话框之后）"), "the CLI does not see the window's edit");

    drop(window);
    drop(app);
    let reopened = Store::open(&db).unwrap();
    let (_app, window) = app_with(reopened, "main");
    assert_eq!(title_in_window(&window, "p-bank-003"), "行长（对话框之后）", "the edit made after the dialog was lost");
}
