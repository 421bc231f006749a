//! One error type for the core. Every variant has a stable `code` that the UI
//! translates; the message names what is wrong and where.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A workspace or CSV file breaks rules; each problem names its JSON path
    /// (or CSV line and column). Nothing was written.
    #[error("{}", Problem::list(.0))]
    InvalidFile(Vec<Problem>),
    /// The file holds ids that the workspace already has; nothing was written.
    #[error("{}", Problem::list(.0))]
    Conflict(Vec<Problem>),
    #[error("{kind} \"{id}\" not found")]
    NotFound { kind: &'static str, id: String },
    #[error("the database {path} was written by a newer Sandtable (schema version {found}, this build knows up to {supported}); it was not opened or changed")]
    SchemaTooNew { path: String, found: i64, supported: i64 },
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// The database is encrypted and no passphrase was given.
    #[error("the workspace {path} is encrypted (or is not a database at all); give its passphrase (SANDTABLE_PASSPHRASE) to open it; it was not changed")]
    Encrypted { path: String },
    #[error("the passphrase does not open the workspace {path}; it was not changed")]
    WrongPassphrase { path: String },
    /// Another window or command held the write lock longer than the busy timeout.
    #[error("the workspace is busy: another Sandtable window or command is writing to it; nothing was changed, try again")]
    Busy,
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// A write failed for want of space (SQLITE_FULL, ENOSPC). `path`: the
    /// file being written, when known.
    #[error(
        "the disk is full: {} could not be written; free some space on that disk and try again",
        .path.as_ref().map_or_else(|| "the workspace".to_string(), |p| p.display().to_string())
    )]
    DiskFull { path: Option<PathBuf> },
}

/// The stable machine code of an error, carried across IPC and printed by the
/// CLI; the window translates it (`errors.<code>` in the locale files). The
/// bindings export the list as `ERROR_CODES`, so the UI never writes it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidFile,
    Conflict,
    NotFound,
    SchemaTooNew,
    InvalidInput,
    Encrypted,
    WrongPassphrase,
    Busy,
    Database,
    Io,
    DiskFull,
    /// Reported by the desktop shell itself (e.g. a poisoned lock), never by the core.
    Internal,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[ErrorCode::InvalidFile, ErrorCode::Conflict, ErrorCode::NotFound, ErrorCode::SchemaTooNew, ErrorCode::InvalidInput, ErrorCode::Encrypted, ErrorCode::WrongPassphrase, ErrorCode::Busy, ErrorCode::Database, ErrorCode::Io, ErrorCode::DiskFull, ErrorCode::Internal];

    pub fn key(self) -> &'static str {
        match self {
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::Conflict => "conflict",
            ErrorCode::NotFound => "not_found",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::Encrypted => "encrypted",
            ErrorCode::WrongPassphrase => "wrong_passphrase",
            ErrorCode::Busy => "busy",
            ErrorCode::Database => "database",
            ErrorCode::Io => "io",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl Error {
    /// Stable machine code, carried across IPC as `{code, message}`.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::InvalidFile(_) => ErrorCode::InvalidFile,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::Encrypted { .. } => ErrorCode::Encrypted,
            Error::WrongPassphrase { .. } => ErrorCode::WrongPassphrase,
            Error::Busy => ErrorCode::Busy,
            Error::Database(_) => ErrorCode::Database,
            Error::Io { .. } => ErrorCode::Io,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
        }
    }

    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidFile(vec![Problem { path: path.into(), message: message.into() }])
    }

    /// The problems behind a refused file, if this error is one.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::InvalidFile(p) | Error::Conflict(p) => p,
            _ => &[],
        }
    }

    /// A failed read or write of `path`; one that failed for want of space is [`Error::DiskFull`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return Error::DiskFull { path: Some(path.into()) };
        }
        Error::Io { path: path.into(), source }
    }

    /// Names the file of a full disk when the error does not yet (SQLite
    /// does not say which file it was writing).
    pub fn on_file(self, path: &std::path::Path) -> Self {
        match self {
            Error::DiskFull { path: None } => Error::DiskFull { path: Some(path.to_path_buf()) },
            other => other,
        }
    }

    /// A write of the file `path` that failed for want of space names that
    /// file, whatever the error named (a `.partial` name, the workspace, or
    /// nothing). SQLCipher's export reports a full disk only in its message
    /// (SQLite's text for SQLITE_FULL), so that counts too.
    pub fn writing(self, path: &std::path::Path) -> Self {
        let full = match &self {
            Error::DiskFull { .. } => true,
            Error::Database(e) => e.to_string().contains("database or disk is full"),
            _ => false,
        };
        if full {
            Error::DiskFull { path: Some(path.to_path_buf()) }
        } else {
            self
        }
    }

    /// Writing failed because the reader went away (a closed pipe).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// One broken rule in an input file, and where.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// At most this many problems are listed in a message.
    pub const SHOWN: usize = 20;

    /// The lines a refusal shows: the first [`Problem::SHOWN`] problems
    /// (root causes come first, see `io::validate`), then how many more.
    pub fn lines(problems: &[Problem]) -> Vec<String> {
        let mut out: Vec<String> =
            problems.iter().take(Self::SHOWN).map(|p| format!("{}: {}", p.path, p.message)).collect();
        if problems.len() > Self::SHOWN {
            out.push(format!("… and {} more problems", problems.len() - Self::SHOWN));
        }
        out
    }

    fn list(problems: &[Problem]) -> String {
        Self::lines(problems).join("\n")
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Error::Busy,
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull { path: None },
            _ => Error::Database(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_listed_once_and_sent_as_its_key() {
        let keys: Vec<String> = ErrorCode::ALL.iter().map(|c| serde_json::to_value(c).unwrap().as_str().unwrap().to_string()).collect();
        assert_eq!(keys, ErrorCode::ALL.iter().map(|c| c.key()).collect::<Vec<_>>());
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len());
        let errors = [
            Error::InvalidFile(vec![]),
            Error::Conflict(vec![]),
            Error::NotFound { kind: "deal", id: "x".into() },
            Error::SchemaTooNew { path: "p".into(), found: 9, supported: 4 },
            Error::InvalidInput("x".into()),
            Error::Encrypted { path: "p".into() },
            Error::WrongPassphrase { path: "p".into() },
            Error::Busy,
            Error::Database(rusqlite::Error::InvalidQuery),
            Error::Io { path: "p".into(), source: std::io::Error::other("x") },
            Error::DiskFull { path: None },
        ];
        for e in &errors {
            assert!(ErrorCode::ALL.contains(&e.code()), "{e}");
        }
    }
}
