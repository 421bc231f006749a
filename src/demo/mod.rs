//! The bundled practice workspace: fictional accounts and deals that new
//! users see on first start and that training sessions use.

pub mod synthetic;

use chrono::NaiveDate;

use crate::error::Result;
use crate::io::{import_workspace_in_transaction, workspace_file, ImportMode, ImportReport};
use crate::model::Workspace;
use crate::store::Store;

/// The practice workspace file, compiled into the binary.
pub const PRACTICE_WORKSPACE: &str = include_str!("practice-workspace.json");

pub fn practice_workspace() -> Workspace {
    workspace_file::parse(PRACTICE_WORKSPACE.as_bytes()).expect("the bundled practice workspace is valid")
}

/// Loads the practice workspace, replacing what is there (after a backup), and
/// rebuilds its weekly win-rate snapshots up to `today` so the curves show —
/// both in one transaction, so a kill leaves the old workspace or the whole new one.
pub fn load_practice(store: &mut Store, today: NaiveDate) -> Result<ImportReport> {
    let ws = practice_workspace();
    let backup = if store.is_empty()? { None } else { store.backup_beside("before-replace")? };
    let mut report = store.atomically_checking_references_at_commit(|store| {
        let report = import_workspace_in_transaction(store, &ws, ImportMode::Replace)?;
        store.rebuild_snapshots(today)?;
        Ok(report)
    })?;
    report.backup = backup.map(|p| p.display().to_string());
    Ok(report)
}

/// Practice mode: puts the practice workspace's accounts and deals back as
/// they are bundled (after an exercise), in one transaction, leaving every
/// other account untouched; an account the user deleted comes back. The
/// practice deals' scenarios are removed. Returns the edit that undoes the
/// reset (the scenarios stay removed).
pub fn reset_practice(store: &mut Store, today: NaiveDate) -> Result<crate::model::EditOutcome> {
    let ws = practice_workspace();
    let edits = ws
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (deal_positions, deals) = ws
                .deals
                .iter()
                .enumerate()
                .filter(|(_, d)| d.account == a.id)
                .map(|(j, d)| (j as u32, d.clone()))
                .unzip();
            crate::model::Edit::ReplaceAccount {
                account: a.clone(),
                deals,
                position: Some(i as u32),
                deal_positions,
                snapshots: None,
            }
        })
        .collect();
    // One transaction: a kill leaves the exercise as it was or the practice whole again.
    store.atomically(|store| {
        let outcome = store.apply(&crate::model::Edit::Batch { edits })?;
        // The exercise's scenarios end with it (the undo does not bring them back).
        for d in &ws.deals {
            store.conn().execute("DELETE FROM scenarios WHERE deal = ?1", [&d.id])?;
        }
        store.rebuild_snapshots(today)?;
        Ok(outcome)
    })
}

/// The ids of the practice workspace's accounts (to tell practice deals apart).
pub fn practice_account_ids() -> Vec<String> {
    practice_workspace().accounts.into_iter().map(|a| a.id).collect()
}

/// What the app does when it opens a workspace: on first start (a database
/// just created) it loads the practice workspace; otherwise it takes the daily
/// backup and this week's win-rate snapshot once (recomputed at least weekly).
pub fn on_open(store: &mut Store, today: NaiveDate) -> Result<Option<ImportReport>> {
    if store.is_new() && store.is_empty()? {
        return load_practice(store, today).map(Some);
    }
    store.daily_backup(today, store.settings()?.backups_kept as usize)?;
    if !store.has_snapshots_for_week(today)? {
        store.take_snapshots(today)?;
    }
    Ok(None)
}
