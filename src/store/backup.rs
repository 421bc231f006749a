//! Backups of the workspace database: before destructive operations, before
//! every migration, once a day on open (keeping the last N), and by hand; and
//! restoring one, which refuses anything that is not a Sandtable database.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use rusqlite::{Connection, OpenFlags};

use super::migrations::{latest_version, schema_version, APPLICATION_ID};
use super::Store;
use crate::error::{Error, Result};

/// Writes a consistent copy of the database behind `conn` to `dest` (which must not exist).
pub(crate) fn copy_database(conn: &Connection, dest: &Path, passphrase: Option<&str>) -> Result<()> {
    if dest.exists() {
        return Err(Error::io(dest, std::io::Error::new(std::io::ErrorKind::AlreadyExists, "a file of that name already exists; it was not changed")));
    }
    write_database_copy(conn, dest, passphrase)
}

/// Writes a consistent copy of the database behind `conn` to `dest`,
/// replacing what is there: under a temporary name first, so `dest` is a
/// whole copy or untouched, and nothing is left behind when it fails.
pub(crate) fn write_database_copy(conn: &Connection, dest: &Path, passphrase: Option<&str>) -> Result<()> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::durable::produce(dest, |tmp| {
        let tmp_text = tmp
            .to_str()
            .ok_or_else(|| Error::InvalidInput(format!("backup path {} is not UTF-8", dest.display())))?;
        match passphrase {
            // An encrypted workspace's backups are encrypted with the same passphrase.
            Some(key) => super::encryption::export_to(conn, tmp, key),
            None => {
                conn.execute("VACUUM INTO ?1", [tmp_text])?;
                Ok(())
            }
        }
    })
}

/// Removes what an interrupted write left beside the workspace: a half
/// re-encrypted copy, half-written backups (they are recognisable by name).
pub(crate) fn remove_leftovers(db: &Path) {
    let _ = std::fs::remove_file(db.with_extension("rekey-tmp"));
    let _ = std::fs::remove_file(crate::durable::partial_path(db));
    if let Ok(entries) = std::fs::read_dir(backup_dir(db)) {
        for e in entries.flatten() {
            // A half-written backup, or the journal SQLite kept beside it.
            if e.file_name().to_string_lossy().contains(".partial") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// `backups/` beside the database file.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().map(|p| p.join("backups")).unwrap_or_else(|| PathBuf::from("backups"))
}

fn stem(db: &Path) -> &str {
    db.file_stem().and_then(|s| s.to_str()).unwrap_or("workspace")
}

/// A timestamped backup path for `db`, e.g. `backups/workspace-20261126-101500.123-before-replace.db`.
pub(crate) fn stamped_path(db: &Path, reason: &str) -> PathBuf {
    let stamp = Local::now().format("%Y%m%d-%H%M%S%.3f");
    backup_dir(db).join(format!("{}-{stamp}-{reason}.db", stem(db)))
}

impl Store {
    /// Writes a consistent copy of the database to `dest` (which must not exist).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        copy_database(&self.conn, dest, self.passphrase.as_deref())
    }

    /// Saves a copy of the database at `dest` (replacing a file there): written
    /// beside it first, then moved into place, so `dest` is never half a copy.
    pub fn save_copy_as(&self, dest: &Path) -> Result<()> {
        write_database_copy(&self.conn, dest, self.passphrase.as_deref())
    }

    /// Backs up into `backups/` beside the database, named by the current time.
    /// Returns `None` for an in-memory database, which has nothing to keep.
    pub fn backup_beside(&self, reason: &str) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else { return Ok(None) };
        let dest = stamped_path(path, reason);
        self.backup_to(&dest)?;
        Ok(Some(dest))
    }

    /// The once-a-day backup taken when the app opens the workspace: at most
    /// one per day, the newest `keep` kept. Returns the new backup, if one was taken.
    pub fn daily_backup(&self, today: NaiveDate, keep: usize) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else { return Ok(None) };
        let dir = backup_dir(path);
        let prefix = format!("{}-daily-", stem(path));
        let dest = dir.join(format!("{prefix}{today}.db"));
        if dest.exists() || keep == 0 {
            return Ok(None);
        }
        self.backup_to(&dest)?;
        let mut dailies: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(&dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".db"))
            })
            .collect();
        dailies.sort(); // ISO dates sort by time
        let excess = dailies.len().saturating_sub(keep);
        for old in &dailies[..excess] {
            std::fs::remove_file(old).map_err(|e| Error::io(old, e))?;
        }
        Ok(Some(dest))
    }

    /// Replaces the workspace with the database in `file`, after checking that
    /// it is a Sandtable database this build can read and keeping the current
    /// workspace as a backup first. Returns that backup.
    pub fn restore_from(&mut self, file: &Path) -> Result<Option<PathBuf>> {
        let source = check_sandtable_database(file, self.passphrase.as_deref())?;
        let backup = self.backup_beside("before-restore")?;
        {
            let backup_api = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            backup_api.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        let label = file.display().to_string();
        super::migrations::migrate(&mut self.conn, &label)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        Ok(backup)
    }
}

/// True when `file` reads as a plain (unencrypted) SQLite database.
fn opens_plain(file: &Path) -> bool {
    Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)))
        .is_ok()
}

/// Opens `file` read-only and refuses it unless it is an intact Sandtable
/// database of a schema version this build knows.
pub fn check_sandtable_database(file: &Path, passphrase: Option<&str>) -> Result<Connection> {
    let label = file.display().to_string();
    if !file.is_file() {
        return Err(Error::io(file, std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")));
    }
    let not_ours = |why: &str| Error::InvalidInput(format!("{label} is not a Sandtable database: {why}"));
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_ours(&e.to_string()))?;
    super::encryption::unlock(&conn, &label, passphrase).map_err(|e| match e {
        // A plain backup and an encrypted workspace (or the other way round):
        // say so, and how to get there, instead of "not a Sandtable database".
        Error::WrongPassphrase { .. } if opens_plain(file) => Error::InvalidInput(format!(
            "{label} is a backup without encryption and this workspace is encrypted, so it was not restored: \
             remove the passphrase (sandtable passphrase --remove, or Settings → Encryption), restore, then set it again; \
             the workspace was not changed"
        )),
        Error::Encrypted { .. } => not_ours(
            "it is encrypted or not a database at all; if it is an encrypted backup, set its passphrase on this \
             workspace first (sandtable passphrase, or Settings → Encryption), then restore; the workspace was not changed",
        ),
        Error::WrongPassphrase { .. } => {
            not_ours("it cannot be read with this workspace's passphrase (or it is not a database)")
        }
        other => other,
    })?;
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| not_ours(&e.to_string()))?;
    let version = schema_version(&conn).map_err(|e| not_ours(&e.to_string()))?;
    if app != APPLICATION_ID || version == 0 {
        return Err(not_ours("its header does not carry Sandtable's application id"));
    }
    if version > latest_version() {
        return Err(Error::SchemaTooNew { path: label, found: version, supported: latest_version() });
    }
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(not_ours(&format!("integrity check failed: {integrity}")));
    }
    let (broken, named) = super::verify::broken_references(&conn, 5)?;
    if broken > 0 {
        return Err(Error::InvalidInput(format!(
            "{label} was not restored: it has {broken} broken references ({}{}); the workspace was not changed",
            named.join("; "),
            if broken as usize > named.len() { "; …" } else { "" }
        )));
    }
    Ok(conn)
}
