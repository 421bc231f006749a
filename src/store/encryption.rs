//! Optional encryption at rest (SQLCipher through rusqlite's
//! `bundled-sqlcipher`): a workspace can carry a passphrase. Without one the
//! file is a plain SQLite database, as before. Opening with a wrong passphrase,
//! or an encrypted file without one, is refused before anything is written.
//! Adding, changing or removing the passphrase writes a complete new copy and
//! swaps it in, keeping the old file as a backup.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{backup, migrations, Store};
use crate::error::{Error, Result};

/// Environment variable the CLI and the app read the passphrase from (never
/// from the command line, where other users could see it in `ps`).
pub const PASSPHRASE_ENV: &str = "SANDTABLE_PASSPHRASE";

/// Keys the connection, then reads the schema to tell a wrong key (or a
/// missing one) from a readable file. Nothing is written.
pub(super) fn unlock(conn: &Connection, label: &str, passphrase: Option<&str>) -> Result<()> {
    if let Some(p) = passphrase {
        if p.is_empty() {
            return Err(Error::InvalidInput("the passphrase must not be empty".into()));
        }
        conn.pragma_update(None, "key", p)?;
        // SQLCipher would log a wrong key to stderr; the error we return says it.
        let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            Err(match passphrase {
                Some(_) => Error::WrongPassphrase { path: label.to_string() },
                None => Error::Encrypted { path: label.to_string() },
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// Writes a complete copy of the open database to `dest`, encrypted with
/// `key` (`""`: a plain database).
pub(super) fn export_to(conn: &Connection, dest: &Path, key: &str) -> Result<()> {
    let dest_text =
        dest.to_str().ok_or_else(|| Error::InvalidInput(format!("path {} is not UTF-8", dest.display())))?;
    conn.execute("ATTACH DATABASE ?1 AS sandtable_export KEY ?2", [dest_text, key])?;
    let copied = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('sandtable_export')", [], |_| Ok(()))?;
        let version = migrations::schema_version(conn)?;
        conn.execute_batch(&format!(
            "PRAGMA sandtable_export.user_version = {version}; PRAGMA sandtable_export.application_id = {};",
            migrations::APPLICATION_ID
        ))?;
        Ok(())
    })();
    conn.execute("DETACH DATABASE sandtable_export", [])?;
    copied
}

impl Store {
    /// Opens the workspace with the passphrase in `SANDTABLE_PASSPHRASE`, if set.
    pub fn open_from_env(path: impl AsRef<Path>) -> Result<Store> {
        let passphrase = std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty());
        Store::open_with_passphrase(path, passphrase.as_deref())
    }

    /// True when the workspace file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    /// Sets, changes (`Some`) or removes (`None`) the workspace's passphrase.
    /// A complete new copy is written beside the database and swapped in; the
    /// old file is kept in `backups/` (it keeps its old protection — delete
    /// it once the new passphrase is remembered). Returns where it went.
    pub fn change_passphrase(&mut self, new: Option<&str>) -> Result<PathBuf> {
        if new == Some("") {
            return Err(Error::InvalidInput("the passphrase must not be empty".into()));
        }
        let path = self
            .path
            .clone()
            .ok_or_else(|| Error::InvalidInput("an in-memory workspace cannot be encrypted".into()))?;
        let fresh = path.with_extension("rekey-tmp");
        let _ = std::fs::remove_file(&fresh);
        let written = (|| -> Result<()> {
            export_to(&self.conn, &fresh, new.unwrap_or(""))?;
            // The copy opens with the new passphrase and is whole, or nothing changes.
            let check = Connection::open(&fresh)?;
            unlock(&check, &fresh.display().to_string(), new)?;
            let ok: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(Error::InvalidInput(format!("the re-encrypted copy failed its integrity check: {ok}")));
            }
            drop(check);
            crate::durable::sync_file(&fresh)
        })();
        if let Err(e) = written {
            let e = e.writing(&path);
            let _ = std::fs::remove_file(&fresh);
            return Err(e);
        }
        let old = backup::stamped_path(&path, if self.passphrase.is_some() { "before-rekey" } else { "before-encryption" });
        let kept = (|| -> Result<()> {
            if let Some(dir) = old.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            // Fold the write-ahead log into the main file and close it, so the
            // file alone is the whole workspace.
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            let placeholder = Connection::open_in_memory()?;
            drop(std::mem::replace(&mut self.conn, placeholder));
            // The old file gets a second name in backups/ (or a copy there) ...
            if std::fs::hard_link(&path, &old).is_err() {
                crate::durable::produce(&old, |tmp| std::fs::copy(&path, tmp).map(|_| ()).map_err(|e| Error::io(tmp, e)))?;
            }
            crate::durable::sync_dir_of(&old)
        })();
        if let Err(e) = kept {
            let _ = std::fs::remove_file(&fresh);
            *self = Store::open_with_passphrase(&path, self.passphrase.clone().as_deref())?;
            return Err(e);
        }
        // ... and the new copy takes its name in one step: at every moment the
        // workspace is the old file or the new one, never missing. The log and
        // index of the old file (empty after the checkpoint) must not be read
        // against the new one.
        for suffix in ["-wal", "-shm"] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
        std::fs::rename(&fresh, &path).map_err(|e| Error::io(&fresh, e))?;
        crate::durable::sync_dir_of(&path)?;
        *self = Store::open_with_passphrase(&path, new)?;
        Ok(old)
    }
}
