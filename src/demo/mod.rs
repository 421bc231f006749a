//! The bundled practice workspace: fictional accounts and deals that new
//! users see on first start and that training sessions use.

pub mod synthetic;

use crate::error::Result;
use crate::io::{import_workspace, workspace_file, ImportMode, ImportReport};
use crate::model::Workspace;
use crate::store::Store;

/// The practice workspace file, compiled into the binary.
pub const PRACTICE_WORKSPACE: &str = include_str!("practice-workspace.json");

pub fn practice_workspace() -> Workspace {
    workspace_file::parse(PRACTICE_WORKSPACE.as_bytes()).expect("the bundled practice workspace is valid")
}

/// Loads the practice workspace, replacing what is there (after a backup).
pub fn load_practice(store: &mut Store) -> Result<ImportReport> {
    import_workspace(store, &practice_workspace(), ImportMode::Replace)
}

/// On first start (a database just created), loads the practice workspace.
pub fn load_practice_if_new(store: &mut Store) -> Result<Option<ImportReport>> {
    if store.is_new() && store.is_empty()? {
        return load_practice(store).map(Some);
    }
    Ok(None)
}
