//! The SQLite store: one database file per workspace (WAL, foreign keys on),
//! opened only through [`Store::open`] so tests use the production path.

pub mod backup;
pub mod encryption;
pub mod file_locks;
mod columns;
mod deals;
mod edits;
mod full_disk;
mod map;
pub mod migrations;
pub mod pipeline;
mod profile;
mod read;
mod stage_moves;
mod scenarios;
mod snapshots;
mod summaries;
mod transactions;
mod verify;
pub use verify::Verification;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Environment variable that overrides the default database location.
pub const DB_ENV: &str = "SANDTABLE_DB";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Schema version found when the file was opened (0: a new database).
    opened_at_version: i64,
    /// The passphrase the file is encrypted with (SQLCipher), if any.
    passphrase: Option<String>,
}

impl Store {
    /// Opens (creating if needed) the workspace database at `path` and migrates it.
    /// `:memory:` opens a private in-memory database.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with_passphrase(path, None)
    }

    /// Opens (creating if needed) the workspace database at `path`, encrypted
    /// with `passphrase` when given (a new file is created encrypted). A wrong
    /// passphrase, or none for an encrypted file, is refused untouched.
    pub fn open_with_passphrase(path: impl AsRef<Path>, passphrase: Option<&str>) -> Result<Store> {
        let path = path.as_ref();
        if cfg!(target_os = "linux") && !file_locks::ofd_locks_in_force() {
            return Err(Error::InvalidInput(
                "this build of Sandtable could not make SQLite's file locks safe from file dialogs; no workspace was opened".into(),
            ));
        }
        let in_memory = path.as_os_str() == ":memory:";
        if !in_memory {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            backup::remove_leftovers(path);
        }
        let mut conn = if in_memory { Connection::open_in_memory()? } else { Connection::open(path)? };
        let ready = Store::ready(&mut conn, path, passphrase);
        let opened_at_version = ready.map_err(|e| full_disk::explain(&conn, (!in_memory).then_some(path), e))?;
        Ok(Store {
            conn,
            path: (!in_memory).then(|| path.to_path_buf()),
            opened_at_version,
            passphrase: passphrase.map(str::to_string),
        })
    }

    /// Unlocks, checks and migrates a just-opened connection; returns the
    /// schema version it was found at.
    fn ready(conn: &mut Connection, path: &Path, passphrase: Option<&str>) -> Result<i64> {
        let in_memory = path.as_os_str() == ":memory:";
        let label = path.display().to_string();
        encryption::unlock(conn, &label, passphrase)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Refuse a newer database before touching it (WAL switch writes to the file).
        let found = migrations::schema_version(conn)?;
        if found > migrations::latest_version() {
            return Err(Error::SchemaTooNew {
                path: label,
                found,
                supported: migrations::latest_version(),
            });
        }
        if found == 0 {
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(Error::InvalidInput(format!(
                    "{label} is not a Sandtable database (it holds other tables); it was not changed"
                )));
            }
        }
        if !in_memory {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            if found > 0 && found < migrations::latest_version() {
                backup::copy_database(conn, &backup::stamped_path(path, &format!("before-migration-v{found}")), passphrase)?;
            }
        }
        migrations::migrate(conn, &label)
    }

    /// The platform default location: `~/.local/share/sandtable/workspace.db` on Linux.
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
            return PathBuf::from(p);
        }
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("sandtable")
            .join("workspace.db")
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when this open created the database (no schema existed before).
    pub fn is_new(&self) -> bool {
        self.opened_at_version == 0
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// True when the workspace holds no account, competitor or deal.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM competitors) + (SELECT count(*) FROM deals)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }
}

/// JSON text column holding a list of strings.
pub(crate) fn to_json_list(items: &[String]) -> String {
    serde_json::to_string(items).expect("a list of strings always serializes")
}

pub(crate) fn from_json_list(text: &str) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}
