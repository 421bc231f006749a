//! The account map screen: the laid-out map, the palette it is drawn with,
//! the circles, the person profile, and the edits drawn on the map (each
//! answered with its exact inverse, which the window keeps for undo and redo).

use sandtable::engine::profile::Profile;
use sandtable::layout::encoding::{MapPalette, PALETTE};
use sandtable::layout::{Layer, Layout, ReportingMode};
use sandtable::model::{Circle, Edit, EditOutcome};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use crate::today;

#[tauri::command(async)]
#[specta::specta]
pub fn account_map(
    state: State<'_, AppState>,
    account: String,
    layer: Layer,
    deal: Option<String>,
    collapsed: Vec<String>,
    mode: ReportingMode,
) -> Result<Layout, IpcError> {
    state.with_store(|s| s.map_layout(&account, layer, deal, collapsed, mode, today()))
}

/// Everything the map is drawn with — colours, glyphs in zh-CN and English,
/// widths, marker geometry, text metrics — as the SVG export draws it.
#[tauri::command]
#[specta::specta]
pub fn map_palette() -> MapPalette {
    PALETTE
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_circles(state: State<'_, AppState>, account: String) -> Result<Vec<Circle>, IpcError> {
    state.with_store(|s| s.circles(&account))
}

#[tauri::command(async)]
#[specta::specta]
pub fn person_profile(
    state: State<'_, AppState>,
    person: String,
    deal: Option<String>,
) -> Result<Profile, IpcError> {
    state.with_store(|s| s.profile(&person, deal.as_deref(), today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn apply_edit(state: State<'_, AppState>, edit: Edit) -> Result<EditOutcome, IpcError> {
    state.with_store(|s| s.apply_as_of(&edit, today()))
}
