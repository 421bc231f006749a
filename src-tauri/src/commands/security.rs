//! Encryption at rest from the window: unlock an encrypted workspace with the
//! passphrase the user types, and set, change or remove the passphrase.

use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Opens the encrypted workspace; `wrong_passphrase` (nothing changed) if it does not fit.
#[tauri::command(async)]
#[specta::specta]
pub fn unlock_workspace(state: State<'_, AppState>, passphrase: String) -> Result<(), IpcError> {
    state.open_with(|| crate::unlock_workspace(&passphrase))
}

/// Whether the open workspace is encrypted.
#[tauri::command(async)]
#[specta::specta]
pub fn workspace_encrypted(state: State<'_, AppState>) -> Result<bool, IpcError> {
    state.with_store(|s| Ok(s.is_encrypted()))
}

/// Encrypts the workspace with `passphrase`, changes it, or (`null`) removes
/// it; returns where the previous file was kept.
#[tauri::command(async)]
#[specta::specta]
pub fn set_passphrase(state: State<'_, AppState>, passphrase: Option<String>) -> Result<String, IpcError> {
    state.with_store(|s| s.change_passphrase(passphrase.as_deref()).map(|p| p.display().to_string()))
}
