//! Commands called through Tauri's IPC on the mock runtime (no display), over
//! a real SQLite store opened with the production constructor.

use sandtable::{demo, Store};
use sandtable_desktop_lib::{specta_builder, state::AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn app_with(store: Store) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .invoke_handler(specta_builder::<MockRuntime>().invoke_handler())
        .manage(AppState::new(store))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

fn invoke(window: &tauri::WebviewWindow<MockRuntime>, cmd: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "http://tauri.localhost".parse().unwrap(),
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
    demo::load_practice(&mut store).unwrap();
    let (_app, window) = app_with(store);
    let accounts = invoke(&window, "list_accounts", serde_json::json!({})).unwrap();
    let accounts = accounts.as_array().unwrap();
    assert!(accounts.len() >= 2, "practice accounts: {accounts:?}");
    assert!(accounts.iter().all(|a| a["name"].as_str().is_some_and(|n| !n.is_empty())));
    let deals = invoke(&window, "list_deals", serde_json::json!({})).unwrap();
    assert!(deals.as_array().unwrap().len() >= 6);
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let (_app, window) = app_with(Store::open(":memory:").unwrap());
    let err = invoke(&window, "list_people", serde_json::json!({"account": "no-such"})).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert!(err["message"].as_str().unwrap().contains("no-such"));
}
