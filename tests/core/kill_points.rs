//! A kill at every rename, unlink and fsync of the commands that replace or
//! copy a whole workspace (`passphrase`, `passphrase --remove`, `restore`,
//! `import --replace`, `demo`, `practice-reset`, `backup`) leaves the
//! workspace whole: the old one or the new one, never missing, and no
//! half-written backup under a real name. strace's fault injection sends
//! SIGKILL at the Nth call of each system call, for every N the command makes.

use std::path::{Path, PathBuf};
use std::process::Command;

use sandtable::error::Error;
use sandtable::io::ImportMode;
use sandtable::Store;

use crate::support::*;

const PASSPHRASE: &str = "沙盘-kill-test";
const SYSCALLS: [&str; 7] = ["rename", "renameat", "renameat2", "unlink", "unlinkat", "fsync", "fdatasync"];

fn strace_available() -> bool {
    Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// The workspace's content, whichever passphrase (none or the test's) opens it.
fn content(db: &Path) -> String {
    assert!(db.exists(), "the workspace file {} is missing", db.display());
    let store = match Store::open_with_passphrase(db, None) {
        Ok(s) => s,
        Err(Error::Encrypted { .. }) => Store::open_with_passphrase(db, Some(PASSPHRASE)).unwrap(),
        Err(e) => panic!("the workspace does not open: {e}"),
    };
    let v = store.verify().unwrap();
    assert!(v.is_ok(), "the workspace is not whole: {:?}", v.problems());
    export(&store)
}

/// Every backup under a real name is a whole database.
fn backups_whole(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir.join("backups")) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.contains(".partial") {
            continue; // a leftover (or its journal) the next open removes
        }
        let _ = content(&p);
    }
}

struct Case {
    name: &'static str,
    args: Vec<String>,
    envs: Vec<(&'static str, &'static str)>,
    /// Makes the old workspace at the path.
    setup: fn(&Path, &Path),
}

fn run(case: &Case, db: &Path, strace: Option<(&str, usize)>) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_sandtable");
    let mut cmd = match strace {
        Some((call, n)) => {
            let mut c = Command::new("strace");
            c.args(["-f", "-qq", "-o", "/dev/null", "-e", &format!("trace={call}")])
                .args(["-e", &format!("inject={call}:signal=SIGKILL:when={n}")])
                .arg(bin);
            c
        }
        None => Command::new(bin),
    };
    cmd.env_remove("SANDTABLE_DB").env_remove("SANDTABLE_PASSPHRASE").arg("--db").arg(db).args(&case.args);
    for (k, v) in &case.envs {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn minimal_workspace(db: &Path, _files: &Path) {
    let mut store = Store::open(db).unwrap();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
}

fn encrypted_minimal_workspace(db: &Path, _files: &Path) {
    let mut store = Store::open_with_passphrase(db, Some(PASSPHRASE)).unwrap();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
}

fn practice_workspace_changed(db: &Path, _files: &Path) {
    let mut store = Store::open(db).unwrap();
    sandtable::demo::load_practice(&mut store, today()).unwrap();
    let first = store.account_summaries().unwrap().remove(0);
    let edit = sandtable::model::Edit::UpdateAccount {
        id: first.id,
        name: Some("推演中改了名字".into()),
        industry: None,
        region: None,
        notes: None,
    };
    store.apply(&edit).unwrap();
}

/// The files the cases read: the practice workspace as JSON and as a backup.
fn make_files(dir: &Path) -> PathBuf {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(files.join("practice.json"), sandtable::demo::PRACTICE_WORKSPACE).unwrap();
    let mut store = Store::open(files.join("source.db")).unwrap();
    sandtable::demo::load_practice(&mut store, today()).unwrap();
    store.backup_to(&files.join("practice-backup.db")).unwrap();
    files
}

#[test]
fn a_kill_at_any_rename_unlink_or_fsync_leaves_a_whole_workspace() {
    if !strace_available() {
        // Not silently passing: the README's test command installs strace.
        panic!("strace is needed for this test (apt-get install strace)");
    }
    let dir = tempfile::tempdir().unwrap();
    let files = make_files(dir.path());
    let f = |name: &str| files.join(name).display().to_string();
    let cases = [
        Case { name: "passphrase", args: vec!["passphrase".into()], envs: vec![("SANDTABLE_NEW_PASSPHRASE", PASSPHRASE)], setup: minimal_workspace },
        Case {
            name: "passphrase --remove",
            args: vec!["passphrase".into(), "--remove".into()],
            envs: vec![("SANDTABLE_PASSPHRASE", PASSPHRASE)],
            setup: encrypted_minimal_workspace,
        },
        Case { name: "restore", args: vec!["restore".into(), f("practice-backup.db")], envs: vec![], setup: minimal_workspace },
        Case { name: "import --replace", args: vec!["import".into(), "--replace".into(), f("practice.json")], envs: vec![], setup: minimal_workspace },
        Case { name: "demo", args: vec!["demo".into()], envs: vec![], setup: minimal_workspace },
        Case { name: "practice-reset", args: vec!["practice-reset".into()], envs: vec![], setup: practice_workspace_changed },
        Case { name: "backup", args: vec!["backup".into()], envs: vec![], setup: minimal_workspace },
    ];
    let mut kills = 0;
    for (c, case) in cases.iter().enumerate() {
        // The old state, and the new one the command makes when it is not killed.
        let base = dir.path().join(format!("base-{c}"));
        std::fs::create_dir_all(&base).unwrap();
        (case.setup)(&base.join("ws.db"), &files);
        let old = content(&base.join("ws.db"));
        let new = {
            let work = dir.path().join(format!("expected-{c}"));
            copy_dir(&base, &work);
            let out = run(case, &work.join("ws.db"), None);
            assert!(out.status.success(), "{}: {}", case.name, String::from_utf8_lossy(&out.stderr));
            content(&work.join("ws.db"))
        };
        for call in SYSCALLS {
            for n in 1.. {
                assert!(n < 400, "{}: more than 400 {call} calls; the loop would not end", case.name);
                let work = dir.path().join(format!("run-{c}-{call}-{n}"));
                copy_dir(&base, &work);
                let db = work.join("ws.db");
                let out = run(case, &db, Some((call, n)));
                let killed = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9)
                    || out.status.code() == Some(128 + 9);
                assert!(
                    killed || out.status.success(),
                    "{}: failed at {call} #{n} without being killed: {}",
                    case.name,
                    String::from_utf8_lossy(&out.stderr)
                );
                let state = content(&db);
                assert!(
                    state == old || state == new,
                    "{}: killed at {call} #{n}: the workspace is neither the old nor the new one",
                    case.name
                );
                backups_whole(&work);
                std::fs::remove_dir_all(&work).unwrap();
                if !killed {
                    break; // the command made fewer than n such calls
                }
                kills += 1;
            }
        }
    }
    assert!(kills >= 20, "only {kills} kills landed: the injection did not work");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
