//! Versioned schema migrations. All pending migrations run in one transaction;
//! a database whose schema is newer than this build is refused untouched.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Migrations in order; the schema version after migration `i` is `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_win_rate_snapshots.sql"),
    include_str!("migrations/0003_scenarios.sql"),
    include_str!("migrations/0004_foreign_key_indexes.sql"),
];

/// `PRAGMA application_id` of every Sandtable database ("SAND").
pub const APPLICATION_ID: i64 = 0x5341_4E44;

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the schema to the latest version. Returns the version found before.
pub fn migrate(conn: &mut Connection, label: &str) -> Result<i64> {
    let found = schema_version(conn)?;
    let latest = latest_version();
    if found > latest {
        return Err(Error::SchemaTooNew { path: label.to_string(), found, supported: latest });
    }
    if found == latest {
        return Ok(found);
    }
    let tx = conn.transaction()?;
    if found == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for sql in &MIGRATIONS[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(found)
}
