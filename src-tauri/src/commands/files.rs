//! Files in and out of the window. Every path comes from a native dialog the
//! user answered here, never from the web view, so the window cannot name a
//! file by itself (SECURITY.md). `None`: the user cancelled the dialog.

use std::path::PathBuf;

use sandtable::io::{self, ImportMode, ImportReport, Progress};
use sandtable::layout::{svg, Layer, ReportingMode};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::AppState;
use crate::today;

fn pick<R: Runtime>(app: &AppHandle<R>, filter: (&str, &[&str])) -> Result<Option<PathBuf>, IpcError> {
    let picked = app.dialog().file().add_filter(filter.0, filter.1).blocking_pick_file();
    picked.map(|p| p.into_path().map_err(|e| IpcError::internal(e.to_string()))).transpose()
}

fn save_as<R: Runtime>(app: &AppHandle<R>, name: &str, filter: (&str, &[&str])) -> Result<Option<PathBuf>, IpcError> {
    let picked = app.dialog().file().set_file_name(name).add_filter(filter.0, filter.1).blocking_save_file();
    picked.map(|p| p.into_path().map_err(|e| IpcError::internal(e.to_string()))).transpose()
}

fn send(channel: &Channel<Progress>, p: Progress) {
    // A closed window cannot show progress; the import goes on regardless.
    let _ = channel.send(p);
}

/// Imports a workspace file the user picks (merge, or replace after a backup).
#[tauri::command(async)]
#[specta::specta]
pub fn import_workspace_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    replace: bool,
    on_progress: Channel<Progress>,
) -> Result<Option<ImportReport>, IpcError> {
    let Some(path) = pick(&app, ("Sandtable JSON", &["json"]))? else { return Ok(None) };
    let mode = if replace { ImportMode::Replace } else { ImportMode::Merge };
    let report = state.with_store(|s| io::import_file_with_progress(s, &path, mode, &mut |p| send(&on_progress, p)))?;
    Ok(Some(report))
}

/// Adds the people of a CSV file the user picks to `account`; returns how many.
#[tauri::command(async)]
#[specta::specta]
pub fn import_people_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account: String,
    on_progress: Channel<Progress>,
) -> Result<Option<u32>, IpcError> {
    let Some(path) = pick(&app, ("CSV", &["csv", "txt"]))? else { return Ok(None) };
    let n = state.with_store(|s| {
        io::people_csv::import_people_csv_with_progress(s, &account, &path, &mut |p| send(&on_progress, p))
    })?;
    Ok(Some(n))
}

/// Saves the whole workspace as a workspace file; returns where.
#[tauri::command(async)]
#[specta::specta]
pub fn export_workspace_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let text = state.with_store(|s| io::export_json(s))?;
    let name = format!("sandtable-{}.json", today());
    let Some(path) = save_as(&app, &name, ("Sandtable JSON", &["json"]))? else { return Ok(None) };
    io::write_atomically(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// Saves the map as the core's SVG picture (the same one `sandtable layout --svg` draws).
#[tauri::command(async)]
#[specta::specta]
pub fn export_map_svg<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account: String,
    layer: Layer,
    deal: Option<String>,
    collapsed: Vec<String>,
    mode: ReportingMode,
) -> Result<Option<String>, IpcError> {
    let layout = state.with_store(|s| s.map_layout(&account, layer, deal, collapsed, mode, today()))?;
    let text = svg::to_svg(&layout);
    let name = format!("{}-{}.svg", layout.account_name, layer.key());
    let Some(path) = save_as(&app, &name, ("SVG", &["svg"]))? else { return Ok(None) };
    io::write_atomically(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// Saves a PNG the window rendered of the map it shows. Only PNG data is accepted.
#[tauri::command(async)]
#[specta::specta]
pub fn export_map_png<R: Runtime>(app: AppHandle<R>, name: String, png: Vec<u8>) -> Result<Option<String>, IpcError> {
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(IpcError::from(sandtable::Error::InvalidInput("the picture to save is not a PNG image".into())));
    }
    let Some(path) = save_as(&app, &format!("{name}.png"), ("PNG", &["png"]))? else { return Ok(None) };
    io::write_atomically(&path, &png)?;
    Ok(Some(path.display().to_string()))
}

/// Saves the people of an account as CSV (formula cells defused for spreadsheets).
#[tauri::command(async)]
#[specta::specta]
pub fn export_people_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    account: String,
) -> Result<Option<String>, IpcError> {
    let text = state.with_store(|s| io::people_csv_export::export_people_csv(s, &account))?;
    let Some(path) = save_as(&app, &format!("{account}-people.csv"), ("CSV", &["csv"]))? else { return Ok(None) };
    io::write_atomically(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}
