//! Reading and writing the workspace file (workspace-json.md). Parse errors
//! name the JSON path (`accounts[0].people[3].manager`); export is stable.

use crate::error::{Error, Result};
use crate::model::Workspace;

/// Parses a workspace file. A UTF-8 byte-order mark is accepted and ignored.
pub fn parse(bytes: &[u8]) -> Result<Workspace> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Error::invalid(
            format!("(document) line {line}"),
            format!("the file is not UTF-8 text: invalid byte at offset {at}"),
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let ws: Workspace = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // A value that breaks JSON at a known place (a number out of range)
        // keeps its path; elsewhere the path is unknown (`?`) and the line
        // and column say where.
        if (inner.is_syntax() || inner.is_eof()) && (path == "." || path.contains('?')) {
            return syntax_error(&inner);
        }
        let path = if path == "." { "(document)".to_string() } else { path };
        Error::invalid(path, inner.to_string())
    })?;
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(ws)
}

/// A file that is not JSON at all: where (line and column, as an editor
/// counts them) and what was expected there. A JSON path means nothing yet.
pub fn syntax_error(e: &serde_json::Error) -> Error {
    let (line, column) = (e.line(), e.column());
    let message = e.to_string();
    let message = message.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&message);
    Error::invalid(format!("line {line}, column {column}"), format!("the file is not valid JSON: {message}"))
}

/// Serializes a workspace: two-space indentation, keys in the schema's order,
/// one trailing newline. The same workspace always gives the same bytes.
pub fn to_json(ws: &Workspace) -> String {
    let mut out = serde_json::to_string_pretty(ws).expect("a workspace always serializes");
    out.push('\n');
    out
}
