//! What the desktop tests share: the app on Tauri's mock runtime with its real
//! configuration and capabilities, and a command call through its IPC.

use sandtable::Store;
use sandtable_desktop_lib::{context, specta_builder, state::AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

/// The app with its real configuration and capabilities on the mock runtime;
/// the window gets `label` ("main" is the one the capabilities grant).
pub fn app_with(store: Store, label: &str) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let mut ctx = context::<MockRuntime>();
    ctx.config_mut().app.windows.clear();
    let app = mock_builder()
        .invoke_handler(specta_builder!(MockRuntime).invoke_handler())
        .manage(AppState::new(store))
        .build(ctx)
        .expect("mock app builds");
    let window = WebviewWindowBuilder::new(&app, label, Default::default()).build().expect("window");
    (app, window)
}

/// The origin the capabilities call "local": embedded assets, or the dev server.
pub const APP_URL: &str = if cfg!(feature = "custom-protocol") { "tauri://localhost" } else { "http://localhost:1420" };

pub fn invoke(window: &tauri::WebviewWindow<MockRuntime>, cmd: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
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
