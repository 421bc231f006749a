//! Commands called through Tauri's IPC on the mock runtime (no display), over
//! a real SQLite store opened with the production constructor.

use sandtable::{demo, Store};
use sandtable_desktop_lib::{context, specta_builder, state::AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

/// The app with its real configuration and capabilities on the mock runtime;
/// the window gets `label` ("main" is the one the capabilities grant).
fn app_with(store: Store, label: &str) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let mut ctx = context::<MockRuntime>();
    ctx.config_mut().app.windows.clear();
    let app = mock_builder()
        .invoke_handler(specta_builder::<MockRuntime>().invoke_handler())
        .manage(AppState::new(store))
        .build(ctx)
        .expect("mock app builds");
    let window = WebviewWindowBuilder::new(&app, label, Default::default()).build().expect("window");
    (app, window)
}

/// The origin the capabilities call "local": embedded assets, or the dev server.
const APP_URL: &str = if cfg!(feature = "custom-protocol") { "tauri://localhost" } else { "http://localhost:1420" };

fn invoke(window: &tauri::WebviewWindow<MockRuntime>, cmd: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: APP_URL.parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn lists_the_practice_workspace() {
    let mut store = Store::open(":memory:").unwrap();
    demo::load_practice(&mut store, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    let (_app, window) = app_with(store, "main");
    let accounts = invoke(&window, "list_accounts", serde_json::json!({})).unwrap();
    let accounts = accounts.as_array().unwrap();
    assert!(accounts.len() >= 2, "practice accounts: {accounts:?}");
    assert!(accounts.iter().all(|a| a["name"].as_str().is_some_and(|n| !n.is_empty())));
    let deals = invoke(&window, "list_deals", serde_json::json!({})).unwrap();
    assert!(deals.as_array().unwrap().len() >= 6);
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let (_app, window) = app_with(Store::open(":memory:").unwrap(), "main");
    let err = invoke(&window, "list_people", serde_json::json!({"account": "no-such"})).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert!(err["message"].as_str().unwrap().contains("no-such"));
}

#[test]
fn other_windows_are_not_granted_the_commands() {
    let (_app, window) = app_with(Store::open(":memory:").unwrap(), "intruder");
    let err = invoke(&window, "list_accounts", serde_json::json!({})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn a_workspace_that_cannot_be_opened_is_reported_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    rusqlite::Connection::open(&db).unwrap().execute_batch("PRAGMA user_version = 999;").unwrap();
    let state = match Store::open(&db) {
        Ok(_) => panic!("a newer database must be refused"),
        Err(e) => AppState::failed(e),
    };
    let app = mock_builder()
        .invoke_handler(specta_builder::<MockRuntime>().invoke_handler())
        .manage(state)
        .build({
            let mut ctx = context::<MockRuntime>();
            ctx.config_mut().app.windows.clear();
            ctx
        })
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let err = invoke(&window, "list_accounts", serde_json::json!({})).unwrap_err();
    assert_eq!(err["code"], "schema_too_new");
}
