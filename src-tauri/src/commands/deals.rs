//! The deal war room (issue 7): one deal with every TAS+ element and its
//! judgement, stage moves through the exit checklist, the workspace settings
//! (stage template, tactics library), and sand-table scenarios. Deal element
//! changes are `update_deal` edits through `apply_edit`, so they undo too.

use sandtable::engine::stages::{Missing, StageChecklist, StageMove};
use sandtable::model::{Activity, Deal, DealView, EditOutcome, Scenario, ScenarioSummary, ScenarioView, Settings};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use crate::today;

#[tauri::command(async)]
#[specta::specta]
pub fn deal_view(state: State<'_, AppState>, deal: String) -> Result<DealView, IpcError> {
    state.with_store(|s| s.deal_view(&deal, today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn workspace_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    state.with_store(|s| s.settings())
}

/// Moves a deal to stage `to` through the stage gate; a refusal is
/// `invalid_input`, and [`missing_for_move`] then says what is missing.
#[tauri::command(async)]
#[specta::specta]
pub fn move_deal(state: State<'_, AppState>, deal: String, to: String) -> Result<StageMove, IpcError> {
    state.with_store(|s| s.move_deal_as_of(&deal, &to, today()))
}

/// The decision map of a sand-table scenario: the scenario's participants,
/// roles, attitudes and links, so people added only in it are drawn too.
#[tauri::command(async)]
#[specta::specta]
pub fn scenario_map(state: State<'_, AppState>, scenario: String) -> Result<sandtable::layout::Layout, IpcError> {
    state.with_store(|s| s.scenario_layout(&scenario, today()))
}

/// What keeps a deal from moving to stage `to` today, as the stage gate sees
/// it (empty: it may move), so a refused move can be shown item by item.
#[tauri::command(async)]
#[specta::specta]
pub fn missing_for_move(state: State<'_, AppState>, deal: String, to: String) -> Result<Vec<Missing>, IpcError> {
    state.with_store(|s| s.missing_for_move(&deal, &to, today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn mark_checklist(
    state: State<'_, AppState>,
    deal: String,
    stage: String,
    item: String,
    done: bool,
) -> Result<StageChecklist, IpcError> {
    state.with_store(|s| s.mark_checklist(&deal, &stage, &item, done))
}

#[tauri::command(async)]
#[specta::specta]
pub fn fork_scenario(state: State<'_, AppState>, deal: String, name: String) -> Result<Scenario, IpcError> {
    state.with_store(|s| s.fork_scenario(&deal, &name, today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_scenarios(state: State<'_, AppState>, deal: String) -> Result<Vec<ScenarioSummary>, IpcError> {
    state.with_store(|s| s.scenarios(&deal))
}

#[tauri::command(async)]
#[specta::specta]
pub fn scenario_view(state: State<'_, AppState>, scenario: String) -> Result<ScenarioView, IpcError> {
    state.with_store(|s| s.scenario_view(&scenario, today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_scenario(
    state: State<'_, AppState>,
    scenario: String,
    deal: Deal,
    activities: Vec<Activity>,
) -> Result<ScenarioView, IpcError> {
    state.with_store(|s| {
        s.update_scenario(&scenario, deal, activities)?;
        s.scenario_view(&scenario, today())
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn promote_scenario(state: State<'_, AppState>, scenario: String) -> Result<EditOutcome, IpcError> {
    state.with_store(|s| s.promote_scenario(&scenario, today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn discard_scenario(state: State<'_, AppState>, scenario: String) -> Result<(), IpcError> {
    state.with_store(|s| s.discard_scenario(&scenario))
}

/// Practice mode: the practice accounts and deals back as bundled; returns the undo.
#[tauri::command(async)]
#[specta::specta]
pub fn reset_practice(state: State<'_, AppState>) -> Result<EditOutcome, IpcError> {
    state.with_store(|s| sandtable::demo::reset_practice(s, today()))
}

/// The ids of the practice workspace's accounts.
#[tauri::command]
#[specta::specta]
pub fn practice_accounts() -> Vec<String> {
    sandtable::demo::practice_account_ids()
}
