//! Write transactions. Every store write runs in one; a use case that writes
//! several things (an edit and the snapshots it implies, the practice
//! workspace and its curves) runs them inside [`Store::atomically`], where
//! each inner write becomes a savepoint of the one outer transaction, so the
//! whole lands or nothing does.

use std::ops::Deref;

use rusqlite::{Connection, Savepoint, Transaction, TransactionBehavior};

use super::Store;
use crate::error::Result;

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
}
