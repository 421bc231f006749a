//! A disk that fills up during a write: the command fails and says the disk is
//! full, nothing named like a backup or an export is left behind (whole files
//! or none), and the workspace is untouched.
//!
//! The disk is real: small tmpfs mounts, filled up with a filler file. Mounting
//! needs root (or password-less sudo); where neither is at hand the test says
//! so and passes, unless SANDTABLE_REQUIRE_FULL_DISK_TEST is set (CI sets it).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

/// A tmpfs mounted on a fresh folder, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size_kib: u64) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let opts = format!("size={size_kib}k");
        let mounted = |cmd: &mut Command| cmd.args(["-t", "tmpfs", "-o", &opts, "tmpfs"]).arg(dir.path()).output().is_ok_and(|o| o.status.success());
        if mounted(&mut Command::new("mount")) || mounted(Command::new("sudo").args(["-n", "mount"])) {
            Some(SmallDisk { dir })
        } else {
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk with a filler file, then gives back `headroom` bytes.
    fn fill_leaving(&self, headroom: u64) {
        use std::io::Write;
        let path = self.path().join("filler");
        let mut f = std::fs::File::create(&path).unwrap();
        let block = vec![0u8; 4096];
        let mut written = 0u64;
        while f.write_all(&block).is_ok() {
            written += block.len() as u64;
        }
        f.set_len(written.saturating_sub(headroom)).unwrap();
        f.sync_all().unwrap();
    }

    fn empty_filler(&self) {
        let _ = std::fs::remove_file(self.path().join("filler"));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let umount = |cmd: &mut Command| cmd.arg(self.dir.path()).output().is_ok_and(|o| o.status.success());
        let _ = umount(&mut Command::new("umount")) || umount(Command::new("sudo").args(["-n", "umount"]));
    }
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    sandtable_cli().arg("--db").arg(db).args(args).env("SANDTABLE_NEW_PASSPHRASE", "满盘皆输").output().unwrap()
}

fn export_of(db: &Path) -> String {
    let out = cli(db, &["export"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_full_disk_leaves_no_half_written_file_and_the_workspace_as_it_was() {
    let (Some(ws_disk), Some(out_disk)) = (SmallDisk::mount(4096), SmallDisk::mount(512)) else {
        assert!(
            std::env::var_os("SANDTABLE_REQUIRE_FULL_DISK_TEST").is_none(),
            "SANDTABLE_REQUIRE_FULL_DISK_TEST is set but no tmpfs could be mounted (needs root or sudo -n)"
        );
        eprintln!("skipped: cannot mount a small tmpfs here (needs root or sudo -n)");
        return;
    };
    let db = ws_disk.path().join("ws.db");
    for args in [&["init"][..], &["demo"][..]] {
        let out = cli(&db, args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let import_file = elsewhere.path().join("minimal.json");
    std::fs::write(&import_file, serde_json::to_vec(&minimal()).unwrap()).unwrap();
    let before = export_of(&db);
    let files_before = files_under(ws_disk.path());

    let out_file = |name: &str| out_disk.path().join(name).to_str().unwrap().to_string();
    // Each case, and the file its error must name.
    let cases: Vec<(&str, Vec<String>, String)> = vec![
        ("backup into backups/", vec!["backup".into()], "backups/ws-".into()),
        ("backup FILE", vec!["backup".into(), out_file("copy.db")], out_file("copy.db")),
        ("import --replace (its backup)", vec!["import".into(), "--replace".into(), import_file.to_str().unwrap().into()], "-before-replace.db".into()),
        ("export FILE", vec!["export".into(), out_file("ws.json")], out_file("ws.json")),
        ("export-people", vec!["export-people".into(), "acc-bank".into(), out_file("people.csv")], out_file("people.csv")),
        ("layout --out", vec!["layout".into(), "acc-bank".into(), "--svg".into(), "--out".into(), out_file("map.svg")], out_file("map.svg")),
        ("passphrase", vec!["passphrase".into()], "ws.db could not be written".into()),
    ];
    for (what, args, names) in cases {
        // Room to open the workspace (its shared-memory index and log), not to
        // write a copy of it.
        ws_disk.fill_leaving(96 * 1024);
        out_disk.fill_leaving(0);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cli(&db, &args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        ws_disk.empty_filler();
        out_disk.empty_filler();

        assert!(!out.status.success(), "{what}: succeeded on a full disk");
        assert!(stderr.contains("the disk is full"), "{what}: the error does not say the disk is full: {stderr}");
        assert!(stderr.contains(&names), "{what}: the error does not name {names}: {stderr}");
        assert_eq!(files_under(out_disk.path()), Vec::<PathBuf>::new(), "{what}: left a file on the full disk");
        let left: Vec<PathBuf> = files_under(ws_disk.path())
            .into_iter()
            .filter(|p| !files_before.contains(p) && !p.to_str().unwrap().starts_with("ws.db-"))
            .collect();
        assert_eq!(left, Vec::<PathBuf>::new(), "{what}: left files beside the workspace");
        let verify = cli(&db, &["verify"]);
        assert!(verify.status.success(), "{what}: the workspace is not whole afterwards: {}", String::from_utf8_lossy(&verify.stdout));
        assert_eq!(export_of(&db), before, "{what}: changed the workspace");
    }
}
