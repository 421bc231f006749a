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
    pub schema_version: i64,
    pub latest_schema_version: i64,
}

impl Verification {
    pub fn is_ok(&self) -> bool {
        self.integrity == "ok" && self.foreign_key_violations == 0 && self.schema_version == self.latest_schema_version
    }
}

impl Store {
    pub fn verify(&self) -> Result<Verification> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let violations = stmt.query_map([], |_| Ok(()))?.count() as u32;
        Ok(Verification {
            integrity: lines.join("; "),
            foreign_key_violations: violations,
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
    }
}
