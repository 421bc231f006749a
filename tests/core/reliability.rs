//! Nothing lost: migrations from every earlier schema, backups, restore.

use rusqlite::Connection;
use sandtable::store::migrations::{latest_version, MIGRATIONS};
use sandtable::Store;

use crate::support::*;

/// Builds a database of an earlier schema version from its committed SQL fixture.
fn old_database(path: &std::path::Path, version: i64) {
    let fixture = fixture_path(&format!("schema-v{version}.sql"));
    let sql = std::fs::read_to_string(&fixture).unwrap_or_else(|_| panic!("add the fixture {}", fixture.display()));
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&sql).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, version, "{} is not of schema version {version}", fixture.display());
}

#[test]
fn every_earlier_schema_upgrades_with_nothing_lost() {
    // The expected content: the minimal fixture imported by this build.
    let mut expected = memory_store();
    import_value(&mut expected, &minimal(), sandtable::io::ImportMode::Merge).unwrap();
    let expected = export(&expected);
    assert_eq!(latest_version(), MIGRATIONS.len() as i64);
    for version in 1..latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("old.db");
        old_database(&db, version);
        let store = Store::open(&db).unwrap();
        let now: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(now, latest_version());
        assert_eq!(export(&store), expected, "content after upgrading from v{version}");
        // A backup of the old file was taken before migrating, and it is still of the old version.
        let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(backups.len(), 1);
        assert!(backups[0].to_str().unwrap().contains(&format!("before-migration-v{version}")));
        let old = Connection::open(&backups[0]).unwrap();
        let v: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, version);
    }
}

#[test]
fn a_foreign_sqlite_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other-app.db");
    Connection::open(&db).unwrap().execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);").unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(&db).err().expect("refused");
    assert!(err.to_string().contains("not a Sandtable database"), "{err}");
    assert!(std::fs::read(&db).unwrap() == before, "the file changed");
}

#[test]
fn daily_backups_keep_the_last_n() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("ws.db")).unwrap();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    assert!(store.daily_backup(day(1), 2).unwrap().is_some());
    assert!(store.daily_backup(day(1), 2).unwrap().is_none(), "once a day");
    store.daily_backup(day(2), 2).unwrap();
    store.daily_backup(day(3), 2).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["ws-daily-2026-11-02.db", "ws-daily-2026-11-03.db"]);
}

#[test]
fn the_app_opening_takes_the_daily_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut store = Store::open(&db).unwrap();
    sandtable::demo::on_open(&mut store, today()).unwrap(); // first start: practice workspace
    drop(store);
    let mut store = Store::open(&db).unwrap();
    sandtable::demo::on_open(&mut store, today()).unwrap();
    assert!(dir.path().join("backups/ws-daily-2026-11-26.db").exists());
}

#[test]
fn restore_refuses_what_is_not_a_sandtable_database_and_keeps_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("ws.db")).unwrap();
    import_value(&mut store, &minimal(), sandtable::io::ImportMode::Merge).unwrap();
    let before = export(&store);

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"definitely not sqlite").unwrap();
    let foreign = dir.path().join("foreign.db");
    Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t(x);").unwrap();
    let newer = dir.path().join("newer.db");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer).unwrap().execute_batch("PRAGMA user_version = 99;").unwrap();
    for (file, words) in [(&junk, "not a Sandtable database"), (&foreign, "application id"), (&newer, "newer")] {
        let err = store.restore_from(file).unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(export(&store), before);
    }

    // A real backup restores, and what was there is kept first.
    let good = dir.path().join("good.db");
    let empty = Store::open(&good).unwrap();
    drop(empty);
    let kept = store.restore_from(&good).unwrap().expect("current workspace backed up");
    assert!(store.is_empty().unwrap());
    assert_eq!(export(&Store::open(&kept).unwrap()), before);
}

#[test]
fn backup_and_restore_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let copy = dir.path().join("copy.db");
    let run = |args: &[&str]| sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["import", fixture_path("minimal.json").to_str().unwrap()]).status.success());
    assert!(run(&["backup", copy.to_str().unwrap()]).status.success());
    assert!(run(&["demo"]).status.success());
    let out = run(&["restore", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let exported = String::from_utf8(run(&["export"]).stdout).unwrap();
    assert!(exported.contains("核心系统升级") && !exported.contains("鸿远银行新一代"));
    let out = run(&["restore", fixture_path("minimal.json").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Sandtable database"));
}

#[test]
fn a_copy_saved_as_replaces_the_target_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("ws.db")).unwrap();
    sandtable::demo::load_practice(&mut store, today()).unwrap();
    let dest = dir.path().join("copy.db");
    std::fs::write(&dest, b"an older file").unwrap();
    store.save_copy_as(&dest).unwrap();
    assert_eq!(export(&Store::open(&dest).unwrap()), export(&store));
    assert!(!dir.path().join("copy.tmp-backup").exists());
}

#[test]
fn imports_report_their_progress_in_order() {
    use sandtable::io::{import_file_with_progress, ImportMode, Phase};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.json");
    std::fs::write(&file, serde_json::to_vec(&minimal()).unwrap()).unwrap();
    let mut store = memory_store();
    let mut phases = Vec::new();
    import_file_with_progress(&mut store, &file, ImportMode::Merge, &mut |p| phases.push(p.phase)).unwrap();
    phases.dedup();
    assert_eq!(phases, [Phase::Reading, Phase::Checking, Phase::Writing, Phase::Done]);
    // A refused file stops before writing.
    std::fs::write(&file, b"{\"format\": 1}").unwrap();
    let mut phases = Vec::new();
    assert!(import_file_with_progress(&mut store, &file, ImportMode::Merge, &mut |p| phases.push(p.phase)).is_err());
    assert!(!phases.contains(&Phase::Writing));
}
