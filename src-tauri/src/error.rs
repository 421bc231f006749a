//! Errors as they cross IPC: `{code, message}`; the UI shows a translated text for the code.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    /// Stable code from the core (`invalid_file`, `conflict`, `not_found`, …).
    pub code: sandtable::error::ErrorCode,
    /// English detail naming what is wrong and where.
    pub message: String,
    /// Each problem of a refused file, with its JSON path or CSV line.
    pub problems: Vec<sandtable::error::Problem>,
}

impl From<sandtable::Error> for IpcError {
    fn from(e: sandtable::Error) -> Self {
        IpcError { code: e.code(), message: e.to_string(), problems: e.problems().to_vec() }
    }
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError { code: sandtable::error::ErrorCode::Internal, message: message.into(), problems: Vec::new() }
    }
}
