//! Backups from the window's settings: take one now (beside the database, in
//! `backups/`), or restore one the user picks in a native dialog (the current
//! workspace is backed up first; a file that is not a Sandtable database is
//! refused untouched).

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::AppState;

/// Takes a backup now; returns where it went.
#[tauri::command(async)]
#[specta::specta]
pub fn backup_now(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    state.with_store(|s| Ok(s.backup_beside("manual")?.map(|p| p.display().to_string())))
}

/// Restores a backup the user picks; returns where the replaced workspace was kept.
#[tauri::command(async)]
#[specta::specta]
pub fn restore_backup<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let mut dialog = app.dialog().file().add_filter("Sandtable", &["db"]);
    if let Ok(Some(dir)) = state.with_store(|s| Ok(s.path().map(sandtable::store::backup::backup_dir))) {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = dialog.blocking_pick_file() else { return Ok(None) };
    let path = picked.into_path().map_err(|e| IpcError::internal(e.to_string()))?;
    let kept = state.with_store(|s| s.restore_from(&path))?;
    Ok(kept.map(|p| p.display().to_string()))
}

/// Saves a copy of the workspace database where the user chooses.
#[tauri::command(async)]
#[specta::specta]
pub fn save_backup_as<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let name = format!("sandtable-{}.db", crate::today());
    let Some(picked) = app.dialog().file().set_file_name(&name).add_filter("Sandtable", &["db"]).blocking_save_file() else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| IpcError::internal(e.to_string()))?;
    state.with_store(|s| s.save_copy_as(&path))?;
    Ok(Some(path.display().to_string()))
}
