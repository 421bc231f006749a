//! A full disk, told apart from other failed writes. SQLite reports some
//! writes that fail for want of space (growing the `-shm` file, an fsync)
//! as a plain "disk I/O error"; the errno it kept from the failing call says
//! what it was, and the user is told the disk is full, and which file.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use super::Store;
use crate::error::Error;

impl Store {
    /// `e` as the user should read it: a write of this workspace that failed
    /// for want of space is [`Error::DiskFull`] naming its file.
    pub fn explain(&self, e: Error) -> Error {
        explain(&self.conn, self.path.as_deref(), e)
    }
}

/// [`Store::explain`] for a connection (of the database at `path`, if a file).
pub(super) fn explain(conn: &Connection, path: Option<&Path>, e: Error) -> Error {
    let full = match &e {
        Error::DiskFull { path: None } => true,
        Error::Database(d) if d.sqlite_error_code() == Some(ErrorCode::SystemIoFailure) => {
            std::io::Error::from_raw_os_error(system_errno(conn)).kind() == std::io::ErrorKind::StorageFull
        }
        _ => false,
    };
    if full {
        Error::DiskFull { path: path.map(Path::to_path_buf) }
    } else {
        e
    }
}

/// The errno of the last system call that failed on this connection.
#[allow(unsafe_code)]
fn system_errno(conn: &Connection) -> i32 {
    // SAFETY: the handle is a live, open connection while `conn` is borrowed,
    // and sqlite3_system_errno only reads a number it keeps in it.
    unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) }
}
