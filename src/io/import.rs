//! Import: the whole file or nothing. Validation runs before any write; the
//! write is one transaction; replace keeps a backup of the old workspace.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::validate::{validate, Existing};
use super::workspace_file;
use crate::error::{Error, Result};
use crate::model::Workspace;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add the file's records; any id the workspace already has refuses the file.
    Merge,
    /// Replace the whole workspace, after backing up the old one.
    Replace,
}

/// What an import loaded.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    pub competitors: u32,
    pub accounts: u32,
    pub people: u32,
    pub deals: u32,
    pub activities: u32,
    /// Where the old workspace was saved, when it was replaced.
    pub backup: Option<String>,
}

impl ImportReport {
    fn of(ws: &Workspace, backup: Option<PathBuf>) -> Self {
        ImportReport {
            competitors: ws.competitors.len() as u32,
            accounts: ws.accounts.len() as u32,
            people: ws.accounts.iter().map(|a| a.people.len() as u32).sum(),
            deals: ws.deals.len() as u32,
            activities: ws.accounts.iter().map(|a| a.activities.len() as u32).sum(),
            backup: backup.map(|p| p.display().to_string()),
        }
    }
}

/// Reads, checks and imports a workspace file.
pub fn import_file(store: &mut Store, path: &Path, mode: ImportMode) -> Result<ImportReport> {
    import_file_with_progress(store, path, mode, &mut |_| {})
}

/// [`import_file`], reporting where it is (bytes read, then checking, writing, done).
pub fn import_file_with_progress(
    store: &mut Store,
    path: &Path,
    mode: ImportMode,
    progress: &mut dyn FnMut(super::Progress),
) -> Result<ImportReport> {
    use super::{Phase, Progress};
    let bytes = super::read_with_progress(path, progress)?;
    progress(Progress::phase(Phase::Checking));
    let ws = workspace_file::parse(&bytes)?;
    progress(Progress::phase(Phase::Writing));
    let report = import_workspace(store, &ws, mode)?;
    progress(Progress::phase(Phase::Done));
    Ok(report)
}

pub fn import_workspace(store: &mut Store, ws: &Workspace, mode: ImportMode) -> Result<ImportReport> {
    let merge_into_data = check_import(store, ws, mode)?;
    let backup = if mode == ImportMode::Replace && !store.is_empty()? {
        store.backup_beside("before-replace")?
    } else {
        None
    };
    store.write_workspace(ws, !merge_into_data)?;
    Ok(ImportReport::of(ws, backup))
}

/// [`import_workspace`] without the backup a replace takes first: for a
/// caller that took it before its own transaction (a backup cannot be
/// written inside one).
pub fn import_workspace_in_transaction(store: &mut Store, ws: &Workspace, mode: ImportMode) -> Result<ImportReport> {
    let merge_into_data = check_import(store, ws, mode)?;
    store.write_workspace(ws, !merge_into_data)?;
    Ok(ImportReport::of(ws, None))
}

/// Every rule, before anything is written. Returns whether the file is
/// merged into a workspace that holds data.
fn check_import(store: &Store, ws: &Workspace, mode: ImportMode) -> Result<bool> {
    let merge_into_data = mode == ImportMode::Merge && !store.is_empty()?;
    let (existing, stages) = if merge_into_data {
        (existing_index(store)?, store.settings()?.stages)
    } else {
        (Existing::default(), ws.settings.stages.clone())
    };
    let findings = validate(ws, &existing, &stages);
    if !findings.problems.is_empty() {
        let mut all = findings.problems;
        all.extend(findings.conflicts);
        return Err(Error::InvalidFile(all));
    }
    if !findings.conflicts.is_empty() {
        return Err(Error::Conflict(findings.conflicts));
    }
    Ok(merge_into_data)
}

/// Ids the workspace holds, for conflict and reference checks of a merge.
fn existing_index(store: &Store) -> Result<Existing> {
    let conn = store.conn();
    let set = |sql: &str| -> Result<std::collections::HashSet<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let mut stmt = conn.prepare("SELECT id, account FROM people")?;
    let people = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Existing {
        accounts: set("SELECT id FROM accounts")?,
        competitors: set("SELECT id FROM competitors")?,
        circles: set("SELECT id FROM circles")?,
        deals: set("SELECT id FROM deals")?,
        activities: set("SELECT id FROM activities")?,
        people,
    })
}

/// Serializes the whole workspace (export).
pub fn export_json(store: &Store) -> Result<String> {
    Ok(workspace_file::to_json(&store.load_workspace()?))
}
