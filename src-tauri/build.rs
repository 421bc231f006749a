// Declares the app's own commands so capabilities can grant them one by one.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(
            tauri_build::AppManifest::new().commands(&["list_accounts", "list_deals", "list_people", "list_competitors", "system_languages", "deal_health", "deal_curve", "forecast"]),
        ),
    )
    .expect("failed to run tauri-build");
}
