// Declares the app's own commands so capabilities can grant them one by one.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(
            tauri_build::AppManifest::new().commands(&["list_accounts", "list_deals", "list_people", "list_competitors", "system_languages", "deal_health", "deal_curve", "forecast", "account_map", "map_palette", "list_circles", "person_profile", "apply_edit", "import_workspace_file", "import_people_file", "export_workspace_file", "export_map_svg", "export_map_png", "deal_view", "workspace_settings", "move_deal", "missing_for_move", "mark_checklist", "fork_scenario", "list_scenarios", "scenario_view", "scenario_map", "update_scenario", "promote_scenario", "discard_scenario", "reset_practice", "practice_accounts", "export_people_file", "unlock_workspace", "workspace_encrypted", "set_passphrase", "backup_now", "restore_backup", "save_backup_as", "competitor_library"]),
        ),
    )
    .expect("failed to run tauri-build");
}
