//! `sandtable verify`: is the database whole? SQLite's integrity check, the
//! foreign keys, and the schema version — what the crash tests ask after a
//! process was killed mid-write.

use serde::Serialize;

use super::migrations::{latest_version, schema_version};
use super::Store;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// `ok`, or what `PRAGMA integrity_check` found.
    pub integrity: String,
    /// Rows whose reference points nowhere.
    pub foreign_key_violations: u32,
    /// The first of them, named: `people row 3: its account points to no row of accounts`.
    pub foreign_key_problems: Vec<String>,
    pub schema_version: i64,
    pub latest_schema_version: i64,
}

impl Verification {
    pub fn is_ok(&self) -> bool {
        self.integrity == "ok" && self.foreign_key_violations == 0 && self.schema_version == self.latest_schema_version
    }

    /// What is wrong, in words (empty when whole).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.integrity != "ok" {
            out.push(format!("integrity check: {}", self.integrity));
        }
        if self.foreign_key_violations > 0 {
            out.push(format!(
                "{} broken references: {}{}",
                self.foreign_key_violations,
                self.foreign_key_problems.join("; "),
                if self.foreign_key_violations as usize > self.foreign_key_problems.len() { "; …" } else { "" }
            ));
        }
        if self.schema_version != self.latest_schema_version {
            out.push(format!("schema version {} where this build writes {}", self.schema_version, self.latest_schema_version));
        }
        out
    }
}

/// Rows whose reference points nowhere (`PRAGMA foreign_key_check`): how many,
/// and the first `shown` of them named by table, row and column.
pub(crate) fn broken_references(conn: &rusqlite::Connection, shown: usize) -> Result<(u32, Vec<String>)> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows: Vec<(String, Option<i64>, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut named = Vec::new();
    for (table, rowid, parent, fk) in rows.iter().take(shown) {
        // The column of foreign key number `fk` of `table`.
        let column: String = conn
            .query_row(
                "SELECT group_concat(\"from\", ', ') FROM pragma_foreign_key_list(?1) WHERE id = ?2",
                rusqlite::params![table, fk],
                |r| r.get::<_, Option<String>>(0),
            )?
            .unwrap_or_default();
        let row = rowid.map(|r| format!(" row {r}")).unwrap_or_default();
        named.push(format!("{table}{row}: its {column} points to no row of {parent}"));
    }
    Ok((rows.len() as u32, named))
}

impl Store {
    pub fn verify(&self) -> Result<Verification> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let (violations, named) = broken_references(&self.conn, 10)?;
        Ok(Verification {
            integrity: lines.join("; "),
            foreign_key_violations: violations,
            foreign_key_problems: named,
            schema_version: schema_version(&self.conn)?,
            latest_schema_version: latest_version(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_database_verifies_and_a_dangling_reference_does_not() {
        let store = Store::open(":memory:").unwrap();
        assert!(store.verify().unwrap().is_ok());
        store.conn().execute_batch("PRAGMA foreign_keys = OFF; INSERT INTO people(id, account, name) VALUES ('p', 'no-such-account', 'x');").unwrap();
        let v = store.verify().unwrap();
        assert_eq!(v.foreign_key_violations, 1);
        assert!(!v.is_ok());
        assert_eq!(v.problems(), vec!["1 broken references: people row 1: its account points to no row of accounts".to_string()]);
    }
}
