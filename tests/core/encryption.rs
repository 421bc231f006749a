//! Optional encryption at rest: a passphrase-protected workspace cannot be
//! read without it, a wrong passphrase changes nothing, backups stay
//! encrypted, and the CLI takes the passphrase from the environment.

use sandtable::{demo, Store};

use crate::support::*;

#[test]
fn an_encrypted_workspace_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut store = Store::open(&db).unwrap();
    demo::load_practice(&mut store, today()).unwrap();
    let content = export(&store);
    assert!(!store.is_encrypted());
    let old = store.change_passphrase(Some("沙盘 secret")).unwrap();
    assert!(store.is_encrypted());
    assert_eq!(export(&store), content, "nothing lost");
    assert!(old.exists(), "the plain file is kept as a backup");
    drop(store);

    // The file holds no readable text any more.
    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "the header is encrypted");
    assert!(!bytes.windows("鸿远银行".len()).any(|w| w == "鸿远银行".as_bytes()), "names are encrypted");

    let before = std::fs::read(&db).unwrap();
    let err = Store::open(&db).err().expect("refused without a passphrase");
    assert_eq!(err.code().key(), "encrypted", "{err}");
    let err = Store::open_with_passphrase(&db, Some("wrong")).err().expect("refused with a wrong one");
    assert_eq!(err.code().key(), "wrong_passphrase", "{err}");
    assert!(err.to_string().contains("ws.db"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "a refused open changes nothing");

    let mut store = Store::open_with_passphrase(&db, Some("沙盘 secret")).unwrap();
    assert_eq!(export(&store), content);
    // Backups of an encrypted workspace are encrypted with it, and restore.
    let backup = store.backup_beside("test").unwrap().unwrap();
    assert_eq!(Store::open(&backup).err().unwrap().code().key(), "encrypted");
    assert_eq!(export(&Store::open_with_passphrase(&backup, Some("沙盘 secret")).unwrap()), content);
    store.restore_from(&backup).unwrap();
    assert_eq!(export(&store), content);
    // Removing the passphrase gives a plain workspace again.
    store.change_passphrase(None).unwrap();
    drop(store);
    assert_eq!(export(&Store::open(&db).unwrap()), content);
}

#[test]
fn the_cli_reads_the_passphrase_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let run = |envs: &[(&str, &str)], args: &[&str]| {
        let mut cmd = sandtable_cli();
        cmd.env_remove("SANDTABLE_PASSPHRASE").arg("--db").arg(&db).args(args);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    assert!(run(&[], &["demo"]).status.success());
    let out = run(&[], &["passphrase"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SANDTABLE_NEW_PASSPHRASE"));
    assert!(run(&[("SANDTABLE_NEW_PASSPHRASE", "k1")], &["passphrase"]).status.success());
    let out = run(&[], &["accounts"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("encrypted"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&[("SANDTABLE_PASSPHRASE", "nope")], &["accounts"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("passphrase does not open"));
    let out = run(&[("SANDTABLE_PASSPHRASE", "k1")], &["accounts"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("鸿远银行"));
    let out = run(&[("SANDTABLE_PASSPHRASE", "k1")], &["verify"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
