//! Sandtable desktop shell: opens the workspace, registers the commands, runs
//! the window. All logic lives in the `sandtable` core.

pub mod commands;
pub mod error;
pub mod locale;
pub mod state;

use sandtable::{demo, Store};
use tauri::{Manager, Runtime};

/// The typed command set for runtime `$rt`, shared by the real app, the mock
/// runtime in tests, and the TypeScript export. (A macro because commands
/// that open native dialogs are generic over the runtime.)
#[macro_export]
macro_rules! specta_builder {
    ($rt:ty) => {
        tauri_specta::Builder::<$rt>::new().disable_serde_phases().constant("ERROR_CODES", sandtable::error::ErrorCode::ALL).commands(tauri_specta::collect_commands![
            $crate::commands::workspace::list_accounts,
            $crate::commands::workspace::list_deals,
            $crate::commands::workspace::list_people,
            $crate::commands::workspace::list_competitors,
            $crate::commands::workspace::competitor_library,
            $crate::commands::system::system_languages,
            $crate::commands::pipeline::deal_health,
            $crate::commands::pipeline::deal_curve,
            $crate::commands::pipeline::forecast,
            $crate::commands::map::account_map,
            $crate::commands::map::map_palette,
            $crate::commands::map::list_circles,
            $crate::commands::map::person_profile,
            $crate::commands::map::apply_edit,
            $crate::commands::deals::deal_view,
            $crate::commands::deals::workspace_settings,
            $crate::commands::deals::move_deal,
            $crate::commands::deals::missing_for_move,
            $crate::commands::deals::scenario_map,
            $crate::commands::deals::mark_checklist,
            $crate::commands::deals::fork_scenario,
            $crate::commands::deals::list_scenarios,
            $crate::commands::deals::scenario_view,
            $crate::commands::deals::update_scenario,
            $crate::commands::deals::promote_scenario,
            $crate::commands::deals::discard_scenario,
            $crate::commands::deals::reset_practice,
            $crate::commands::deals::practice_accounts,
            $crate::commands::security::unlock_workspace,
            $crate::commands::security::workspace_encrypted,
            $crate::commands::security::set_passphrase,
            $crate::commands::backup::backup_now,
            $crate::commands::backup::restore_backup::<$rt>,
            $crate::commands::backup::save_backup_as::<$rt>,
            $crate::commands::files::import_workspace_file::<$rt>,
            $crate::commands::files::import_people_file::<$rt>,
            $crate::commands::files::export_workspace_file::<$rt>,
            $crate::commands::files::export_map_svg::<$rt>,
            $crate::commands::files::export_map_png::<$rt>,
            $crate::commands::files::export_people_file::<$rt>,
        ])
    };
}

/// Writes the TypeScript bindings for the UI.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder!(tauri::Wry)
        .export(
            specta_typescript::Typescript::default().header(
                "// Regenerate: UPDATE_BINDINGS=1 cargo test -p sandtable-desktop --test bindings",
            ),
            path,
        )
        .map_err(|e| e.to_string())
}

/// The app's configuration, capabilities and assets, for the real app and for tests.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Opens the workspace database (`SANDTABLE_DB` or the platform default): the
/// practice workspace on first start, this week's win-rate snapshot otherwise.
pub fn open_workspace() -> sandtable::Result<Store> {
    let mut store = Store::open_from_env(Store::default_path())?;
    demo::on_open(&mut store, today())?;
    Ok(store)
}

/// Opens the encrypted workspace with the passphrase the user typed.
pub fn unlock_workspace(passphrase: &str) -> sandtable::Result<Store> {
    let mut store = Store::open_with_passphrase(Store::default_path(), Some(passphrase))?;
    demo::on_open(&mut store, today())?;
    Ok(store)
}

/// The local date; the engine's rules are dated, never clock-read.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

pub fn run() {
    let builder = specta_builder!(tauri::Wry);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let state = match open_workspace() {
                Ok(store) => state::AppState::new(store),
                Err(e) => state::AppState::failed(e),
            };
            app.manage(state);
            Ok(())
        })
        .run(context())
        .expect("error while running the Sandtable window");
}
