//! The engine's judgement on the deals: win rates, red flags, curve, forecast.

use sandtable::engine::curve::CurvePoint;
use sandtable::engine::forecast::Forecast;
use sandtable::store::pipeline::DealHealth;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use crate::today;

#[tauri::command(async)]
#[specta::specta]
pub fn deal_health(state: State<'_, AppState>) -> Result<Vec<DealHealth>, IpcError> {
    state.with_store(|s| s.deal_health(today()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn deal_curve(state: State<'_, AppState>, deal: String) -> Result<Vec<CurvePoint>, IpcError> {
    state.with_store(|s| s.curve(&deal))
}

#[tauri::command(async)]
#[specta::specta]
pub fn forecast(state: State<'_, AppState>) -> Result<Forecast, IpcError> {
    state.with_store(|s| s.forecast(today()))
}
