//! Text that could drive the terminal (issue 15, item 5): names and titles
//! with control characters are printed escaped in plain-text output — no
//! forged row, no raw escape sequence — while JSON output stays exact.

use std::path::Path;

use serde_json::json;

use crate::support::*;

const EVIL_NAME: &str = "王\n\tforged\trow\u{1b}]0;pwned\u{7}";
const EVIL_TITLE: &str = "行长\r\u{1b}[2J\u{1b}[31m红\u{9b}x\u{7f}";
const EVIL_ACCOUNT: &str = "鸿远\n银行\u{1b}[1A";

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    let out = sandtable_cli().arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = minimal();
    ws["accounts"][0]["name"] = json!(EVIL_ACCOUNT);
    ws["accounts"][0]["people"][0]["name"] = json!(EVIL_NAME);
    ws["accounts"][0]["people"][0]["title"] = json!(EVIL_TITLE);
    ws["accounts"][0]["circles"][1]["name"] = json!("财务\n条线");
    let file = dir.path().join("ws.json");
    std::fs::write(&file, serde_json::to_vec(&ws).unwrap()).unwrap();
    let db = dir.path().join("ws.db");
    run(&db, &["import", file.to_str().unwrap()]);
    (dir, db)
}

/// No byte that a terminal acts on: C0 controls other than the newline
/// ending each line, DEL, and the C1 controls (in UTF-8).
fn assert_inert(what: &str, stdout: &[u8], lines: usize) {
    let text = String::from_utf8(stdout.to_vec()).unwrap();
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n' && *c != '\t').collect();
    assert!(bad.is_empty(), "{what}: raw control characters {bad:?} in {text:?}");
    assert_eq!(text.lines().count(), lines, "{what}: forged rows in {text:?}");
    assert!(text.contains("\\u{1b}"), "{what}: the escape is not shown escaped: {text:?}");
}

#[test]
fn plain_output_shows_control_characters_escaped() {
    let (_dir, db) = workspace();
    let people = run(&db, &["people", "acc-1"]);
    assert_inert("people", &people.stdout, 3);
    let text = String::from_utf8(people.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(first.split('\t').count(), 4, "{first:?}");
    assert!(first.contains(r"王\n\tforged\trow\u{1b}]0;pwned\u{7}"), "{first:?}");

    let accounts = run(&db, &["accounts"]);
    assert_inert("accounts", &accounts.stdout, 1);
    let line = String::from_utf8(accounts.stdout).unwrap();
    assert_eq!(line.trim_end().split('\t').count(), 5, "{line:?}");

    let profile = run(&db, &["profile", "p1", "--deal", "d1", "--as-of", "2026-11-26"]);
    assert_inert("profile", &profile.stdout, 3);
    let text = String::from_utf8(profile.stdout).unwrap();
    assert!(text.contains(r"财务\n条线"), "{text:?}");
}

#[test]
fn json_output_stays_exact() {
    let (_dir, db) = workspace();
    let people: serde_json::Value = serde_json::from_slice(&run(&db, &["people", "acc-1", "--json"]).stdout).unwrap();
    assert_eq!(people[0]["name"], EVIL_NAME);
    assert_eq!(people[0]["title"], EVIL_TITLE);
    let accounts: serde_json::Value = serde_json::from_slice(&run(&db, &["accounts", "--json"]).stdout).unwrap();
    assert_eq!(accounts[0]["name"], EVIL_ACCOUNT);
    let profile: serde_json::Value = serde_json::from_slice(&run(&db, &["profile", "p1", "--json"]).stdout).unwrap();
    assert_eq!(profile["name"], EVIL_NAME);
}
