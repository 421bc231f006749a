//! The `sandtable` binary, run as a user would.

use std::path::Path;

use crate::support::*;

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn import_then_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let fixture = fixture_path("minimal.json");
    stdout(&run(&a, &["import", fixture.to_str().unwrap()]));
    let first = stdout(&run(&a, &["export"]));
    let file = dir.path().join("out.json");
    stdout(&run(&a, &["export", file.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    stdout(&run(&b, &["import", file.to_str().unwrap()]));
    assert_eq!(stdout(&run(&b, &["export"])), first);
}

#[test]
fn refused_import_exits_non_zero_and_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["demo"]));
    let mut bad = minimal();
    bad["accounts"][0]["people"][2]["manager"] = serde_json::json!("ghost");
    let bad_path = dir.path().join("bad.json");
    std::fs::write(&bad_path, serde_json::to_vec(&bad).unwrap()).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [vec!["import", bad_path.to_str().unwrap()], vec!["import", "--replace", bad_path.to_str().unwrap()]] {
        let out = run(&db, &args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("accounts[0].people[2].manager"), "{err}");
        assert!(out.stdout.is_empty());
    }
    assert!(std::fs::read(&db).unwrap() == before, "database file changed");
}

#[test]
fn lists_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let report: serde_json::Value = serde_json::from_str(&stdout(&run(&db, &["demo", "--json"]))).unwrap();
    assert!(report["people"].as_u64().unwrap() >= 80);
    let accounts: serde_json::Value = serde_json::from_str(&stdout(&run(&db, &["accounts", "--json"]))).unwrap();
    let accounts = accounts.as_array().unwrap();
    assert!(accounts.len() >= 2);
    let first = accounts[0]["id"].as_str().unwrap();
    let people: serde_json::Value = serde_json::from_str(&stdout(&run(&db, &["people", first, "--json"]))).unwrap();
    assert_eq!(people.as_array().unwrap().len() as u64, accounts[0]["people"].as_u64().unwrap());
    let deals: serde_json::Value = serde_json::from_str(&stdout(&run(&db, &["deals", "--json"]))).unwrap();
    assert!(deals.as_array().unwrap().iter().all(|d| d["grade"].is_string() && d["stage_name"].is_string()));
    // Plain text output too.
    assert!(stdout(&run(&db, &["accounts"])).lines().count() >= 2);
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    // A path with no workspace is refused, with how to create one, and not created.
    let out = run(&db, &["people", "acc-nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sandtable init --db"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!db.exists(), "an empty workspace was made");
    assert!(run(&db, &["init"]).status.success());
    assert!(!run(&db, &["init"]).status.success(), "init over a workspace");
    let out = run(&db, &["people", "acc-nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("account \"acc-nope\" not found"));
    let out = run(&db, &["import", "/no/such/file.json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.json"));
}

#[test]
fn the_environment_chooses_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let out = sandtable_cli().env("SANDTABLE_DB", &db).args(["demo"]).output().unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

#[test]
fn import_people_from_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    stdout(&run(&db, &["import", fixture_path("minimal.json").to_str().unwrap()]));
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "name,title,manager\n钱进,工程师,张伟\n").unwrap();
    let out: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["import-people", "acc-1", csv.to_str().unwrap(), "--json"]))).unwrap();
    assert_eq!(out["imported"], 4 - 3);
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    stdout(&run(&db, &["demo"]));
    // `sandtable synth … | head -c 100`: the reader goes away after a few
    // bytes, long before the megabytes of the workspace are written.
    let mut child = sandtable_cli()
        .arg("--db")
        .arg(&db)
        .args(["synth", "--people", "3000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "status {:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "nothing on stderr, no panic");
    // The same for line-by-line output (`people`).
    let mut child = sandtable_cli()
        .arg("--db")
        .arg(&db)
        .args(["people", "acc-bank"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "status {:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
