//! Lists of the workspace: accounts, deals, people.

use sandtable::model::{AccountSummary, CompetitorSummary, DealSummary, PersonSummary};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountSummary>, IpcError> {
    state.with_store(|s| s.account_summaries())
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_deals(state: State<'_, AppState>) -> Result<Vec<DealSummary>, IpcError> {
    state.with_store(|s| s.deal_summaries())
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_people(state: State<'_, AppState>, account: String) -> Result<Vec<PersonSummary>, IpcError> {
    state.with_store(|s| s.person_summaries(&account))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_competitors(state: State<'_, AppState>) -> Result<Vec<CompetitorSummary>, IpcError> {
    state.with_store(|s| s.competitor_summaries())
}

/// The whole competitor library, for its own screen.
#[tauri::command(async)]
#[specta::specta]
pub fn competitor_library(state: State<'_, AppState>) -> Result<Vec<sandtable::model::Competitor>, IpcError> {
    state.with_store(|s| s.competitors())
}
