//! Errors that say what is wrong and where (issue 15, item 9): the root cause
//! first, CSV lines counted right in CRLF files, JSON syntax errors with line
//! and column, edit errors with the field path, a full disk named as such,
//! and no panic when stderr cannot be written.

use std::path::Path;
use std::process::{Command, Stdio};

use sandtable::io::people_csv::import_people_csv_bytes;
use sandtable::io::{workspace_file, ImportMode};
use sandtable::error::Problem;
use serde_json::json;

use crate::support::*;

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn imported(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("ws.db");
    let fixture = fixture_path("minimal.json");
    let out = cli(&db, &["import", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

#[test]
fn a_missing_account_is_reported_before_its_consequences() {
    let mut ws = minimal();
    ws["deals"][0]["account"] = json!("acc-ghost");
    let activities = ws["accounts"][0]["activities"].as_array_mut().unwrap();
    for n in 0..25 {
        activities.push(json!({"id": format!("a-extra-{n}"), "date": "2026-11-01", "type": "call",
            "status": "done", "deal": "d1", "people": ["p1"]}));
    }
    let mut store = memory_store();
    let err = import_value(&mut store, &ws, ImportMode::Merge).unwrap_err();
    assert!(err.problems().len() > Problem::SHOWN, "{} problems", err.problems().len());
    assert_eq!(err.problems()[0].path, "deals[0].account", "{err}");
    let message = err.to_string();
    assert!(message.starts_with("deals[0].account: account \"acc-ghost\" does not exist"), "{message}");
    assert!(message.contains("more problems"), "{message}");
}

#[test]
fn csv_lines_are_counted_right_in_crlf_files() {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    let crlf = "name,title,manager\r\n甲,经理,\r\n乙,工程师,甲\r\n,空名,甲\r\n丁,工程师,甲\r\n";
    let err = import_people_csv_bytes(&mut store, "acc-1", crlf.as_bytes()).unwrap_err();
    assert_eq!(err.problems()[0].path, "line 4, column name", "{err}");
    let quoted = "name,title,manager\r\n\"甲\r\n乙\",经理,\r\n丙,工程师,不存在\r\n";
    let err = import_people_csv_bytes(&mut store, "acc-1", quoted.as_bytes()).unwrap_err();
    assert_eq!(err.problems()[0].path, "line 4, column manager", "{err}");
}

#[test]
fn json_syntax_errors_name_line_and_column() {
    let text = "{\n  \"format\": \"sandtable-workspace\",\n  \"version\": 1,\n  \"currency\": \"CNY\" oops\n}\n";
    let err = workspace_file::parse(text.as_bytes()).unwrap_err();
    let path = &err.problems()[0].path;
    assert!(!path.contains('?'), "{err}");
    assert_eq!(path, "line 4, column 21", "{err}");
    let err = workspace_file::parse(b"{\"format\": \"sandtable-workspace\", ").unwrap_err();
    assert!(err.problems()[0].path.starts_with("line 1, column "), "{err}");
}

#[test]
fn edit_errors_name_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    let deal = {
        let store = sandtable::Store::open(&db).unwrap();
        let mut deal = serde_json::to_value(store.deal("d1").unwrap()).unwrap();
        deal["assessments"][0]["scores"][1]["fit"] = json!("high");
        deal
    };
    let cases = [
        (json!({"op": "update_deal", "deal": deal}), "deal.assessments[0].scores[1].fit"),
        (json!({"op": "add_influence", "from": "p1", "to": "p2", "strength": "strong"}), "strength"),
        (
            json!({"op": "batch", "edits": [{"op": "set_manager", "person": "p3"},
                {"op": "set_activity", "account": "acc-1", "activity": {"id": "a9", "date": "2026-11-02",
                 "type": "call", "status": "finished"}}]}),
            "edits[1].activity.status",
        ),
    ];
    for (edit, path) in cases {
        let out = cli(&db, &["edit", &edit.to_string()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("{path}: ")), "{path}: {err}");
    }
    let out = cli(&db, &["edit", "{\"op\": \"set_manager\",\n \"person\": p3}"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2, column"), "{err}");
}

fn strace() -> Option<Command> {
    let found = Command::new("strace").arg("-V").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    found.then(|| Command::new("strace"))
}

#[test]
fn a_full_disk_says_so_and_where() {
    let Some(_) = strace() else {
        eprintln!("skipped: strace is not installed (scripts/setup-debian.sh installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = imported(dir.path());
    // Every write to a file SQLite or the export writes fails with ENOSPC.
    let inject = |args: &[&str]| {
        strace()
            .unwrap()
            .args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=pwrite64,write", "-e", "inject=pwrite64:error=ENOSPC"])
            .arg(env!("CARGO_BIN_EXE_sandtable"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("SANDTABLE_DB")
            .output()
            .unwrap()
    };
    let out = inject(&["edit", r#"{"op":"update_account","id":"acc-1","name":"满盘"}"#]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("[disk_full]") && err.contains("disk is full"), "{err}");
    assert!(err.contains(db.to_str().unwrap()), "{err}");
    let names: serde_json::Value = serde_json::from_slice(&cli(&db, &["accounts", "--json"]).stdout).unwrap();
    assert_eq!(names[0]["name"], "鸿远银行", "the edit was applied after all");
}

#[test]
fn an_unwritable_stderr_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = sandtable_cli().arg("--db").arg(&missing).arg("accounts").stderr(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "to /dev/full");
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" --db "$1" accounts 2>&-"#)
        .arg(env!("CARGO_BIN_EXE_sandtable"))
        .arg(&missing)
        .env_remove("SANDTABLE_DB")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "with stderr closed");
}
