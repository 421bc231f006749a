//! Write transactions. Every store write runs in one; a use case that writes
//! several things (an edit and the snapshots it implies, the practice
//! workspace and its curves) runs them inside [`Store::atomically`], where
//! each inner write becomes a savepoint of the one outer transaction, so the
//! whole lands or nothing does.

use std::ops::Deref;

use rusqlite::{Connection, Savepoint, Transaction, TransactionBehavior};

use super::Store;
use crate::error::{Error, Result};

/// A write transaction of its own, or a savepoint inside an outer one.
pub(crate) enum WriteTx<'c> {
    Own(Transaction<'c>),
    Nested(Savepoint<'c>),
}

impl WriteTx<'_> {
    pub(crate) fn commit(self) -> Result<()> {
        match self {
            WriteTx::Own(tx) => tx.commit()?,
            WriteTx::Nested(sp) => sp.commit()?,
        }
        Ok(())
    }
}

impl WriteTx<'_> {
    /// Undoes what was written in it (a trial run).
    pub(crate) fn rollback(self) -> Result<()> {
        match self {
            WriteTx::Own(tx) => tx.rollback()?,
            WriteTx::Nested(mut sp) => sp.rollback()?,
        }
        Ok(())
    }
}

impl Deref for WriteTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            WriteTx::Own(tx) => tx,
            WriteTx::Nested(sp) => sp,
        }
    }
}

/// Begins a write: `BEGIN IMMEDIATE` (the write lock taken up front, waiting
/// out another writer) when none is open, else a savepoint of the open one.
pub(crate) fn write_tx(conn: &mut Connection) -> Result<WriteTx<'_>> {
    Ok(if conn.is_autocommit() {
        WriteTx::Own(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    } else {
        WriteTx::Nested(conn.savepoint()?)
    })
}

impl Store {
    /// Runs `f` as one transaction: everything it writes through the store is
    /// committed together, or — when it fails — nothing is.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self); // already inside one
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = f(self).and_then(|value| {
            self.conn.execute_batch("COMMIT")?;
            Ok(value)
        });
        if result.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result
    }

    /// [`Store::atomically`] with SQLite's row-by-row foreign-key enforcement
    /// off, and every reference checked once instead, before the commit
    /// (`PRAGMA foreign_key_check`): one that points nowhere refuses the whole
    /// transaction, so nothing broken can land. For writes that empty and
    /// refill the workspace: with enforcement on, SQLite empties no table that
    /// points at or is pointed at in one step (`EXPLAIN DELETE FROM people`
    /// shows no `Clear`: the truncate optimisation is off) and looks up the
    /// children of every deleted row. Inside an
    /// open transaction the switch cannot change (SQLite ignores it there), so
    /// `f` runs with enforcement on, slower but as safe.
    pub(crate) fn atomically_checking_references_at_commit<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let result = self.atomically(|store| {
            let value = f(store)?;
            let (broken, named) = super::verify::broken_references(&store.conn, 5)?;
            if broken > 0 {
                return Err(Error::InvalidInput(format!(
                    "nothing was written: it would leave {broken} broken references ({}{})",
                    named.join("; "),
                    if broken as usize > named.len() { "; …" } else { "" }
                )));
            }
            Ok(value)
        });
        // Back on whatever happened. Outside a transaction this only sets a
        // flag; should it fail, say so rather than go on writing unchecked.
        let restored = self.conn.pragma_update(None, "foreign_keys", true);
        let value = result?;
        restored?;
        Ok(value)
    }
}
