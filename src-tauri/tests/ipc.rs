//! Commands called through Tauri's IPC on the mock runtime (no display), over
//! a real SQLite store opened with the production constructor.

use sandtable::{demo, Store};
use sandtable_desktop_lib::{context, specta_builder, state::AppState};
use tauri::test::{mock_builder, MockRuntime};
use tauri::WebviewWindowBuilder;

mod support;
use support::{app_with, invoke};

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
        .invoke_handler(specta_builder!(MockRuntime).invoke_handler())
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

fn practice_window() -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let mut store = Store::open(":memory:").unwrap();
    demo::load_practice(&mut store, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    app_with(store, "main")
}

#[test]
fn the_map_palette_crosses_ipc_with_both_languages() {
    let (_app, window) = app_with(Store::open(":memory:").unwrap(), "main");
    let palette = invoke(&window, "map_palette", serde_json::json!({})).unwrap();
    assert_eq!(palette, serde_json::to_value(sandtable::layout::encoding::PALETTE).unwrap());
    let approver = &palette["roles"][0];
    assert_eq!((approver["glyph"]["zh-CN"].as_str(), approver["glyph"]["en"].as_str()), (Some("批"), Some("A")));
}

#[test]
fn the_map_is_laid_out_edited_and_undone_through_ipc() {
    let (_app, window) = practice_window();
    let args = |layer: &str| serde_json::json!({"account": "acc-bank", "layer": layer, "deal": null, "collapsed": [], "mode": "compact"});
    let map = invoke(&window, "account_map", args("reporting")).unwrap();
    let people = map["nodes"].as_array().unwrap().len();
    assert!(people >= 40, "{people} people on the bank's map");
    let added = invoke(
        &window,
        "apply_edit",
        serde_json::json!({"edit": {"op": "add_person", "account": "acc-bank", "name": "<b>新人</b>", "title": "处长"}}),
    )
    .unwrap();
    let id = added["created"].as_str().unwrap().to_string();
    let map = invoke(&window, "account_map", args("combined")).unwrap();
    let node = map["nodes"].as_array().unwrap().iter().find(|n| n["person"] == id.as_str()).expect("the new person is drawn");
    assert_eq!(node["name"], "<b>新人</b>");
    invoke(&window, "apply_edit", serde_json::json!({"edit": added["inverse"]})).unwrap();
    let map = invoke(&window, "account_map", args("reporting")).unwrap();
    assert_eq!(map["nodes"].as_array().unwrap().len(), people, "undone");
    // A cycle is refused with a code and a message naming the people.
    let boss = map["nodes"][0]["person"].as_str().unwrap().to_string();
    let e = map["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "reporting" && e["from"] == boss.as_str())
        .expect("the first person manages someone");
    let err = invoke(&window, "apply_edit", serde_json::json!({"edit": {"op": "set_manager", "person": boss, "manager": e["to"]}})).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let err = invoke(&window, "account_map", serde_json::json!({"account": "acc-bank", "layer": "decision", "deal": null, "collapsed": [], "mode": "compact"})).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let profile = invoke(&window, "person_profile", serde_json::json!({"person": "p-bank-003", "deal": "d-bank-core"})).unwrap();
    assert!(profile["deal_level"].is_object(), "{profile}");
    let circles = invoke(&window, "list_circles", serde_json::json!({"account": "acc-bank"})).unwrap();
    assert!(circles.as_array().unwrap().len() >= 3);
}

#[test]
fn scenarios_and_deal_views_cross_ipc() {
    let (_app, window) = practice_window();
    let real = invoke(&window, "deal_view", serde_json::json!({"deal": "d-bank-core"})).unwrap();
    let s = invoke(&window, "fork_scenario", serde_json::json!({"deal": "d-bank-core", "name": "推演"})).unwrap();
    let mut deal = s["deal"].clone();
    for p in deal["participants"].as_array_mut().unwrap() {
        p["attitude"] = "strong_positive".into();
    }
    let view = invoke(
        &window,
        "update_scenario",
        serde_json::json!({"scenario": s["id"], "deal": deal, "activities": s["activities"]}),
    )
    .unwrap();
    assert_ne!(view["projected"]["flags"], view["real"]["flags"]);
    assert_eq!(view["real"], real["judgement"]);
    // The scenario's own decision map: everyone strongly positive there.
    let map = invoke(&window, "scenario_map", serde_json::json!({"scenario": s["id"]})).unwrap();
    let nodes = map["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), deal["participants"].as_array().unwrap().len());
    assert!(nodes.iter().all(|n| n["encoding"]["attitude"] == "strong_positive"), "{map}");
    let listed = invoke(&window, "list_scenarios", serde_json::json!({"deal": "d-bank-core"})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    invoke(&window, "promote_scenario", serde_json::json!({"scenario": s["id"]})).unwrap();
    let now = invoke(&window, "deal_view", serde_json::json!({"deal": "d-bank-core"})).unwrap();
    assert_eq!(now["judgement"]["flags"], view["projected"]["flags"]);
    let err = invoke(&window, "discard_scenario", serde_json::json!({"scenario": s["id"]})).unwrap_err();
    assert_eq!(err["code"], "not_found");
    let err = invoke(&window, "move_deal", serde_json::json!({"deal": "d-bank-core", "to": "won"})).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("d-bank-core") || !err["problems"].as_array().unwrap().is_empty(), "{err}");
    let settings = invoke(&window, "workspace_settings", serde_json::json!({})).unwrap();
    assert!(!settings["stages"].as_array().unwrap().is_empty());
}

#[test]
fn a_refused_move_reaches_the_window_as_what_is_missing() {
    use serde_json::json;
    let (_app, window) = practice_window();
    let stage_of = |deal: &str| invoke(&window, "deal_view", json!({"deal": deal})).unwrap()["deal"]["stage"].clone();
    let missing = |deal: &str, to: &str| invoke(&window, "missing_for_move", json!({"deal": deal, "to": to})).unwrap();

    // Grade A, in "value_presentation" with its one exit item unmet: refused, and why, item by item.
    let err = invoke(&window, "move_deal", json!({"deal": "d-bank-core", "to": "tender_preparation"})).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let unmet = json!({"kind": "checklist_item", "stage": "value_presentation", "stage_name": "价值呈现", "item": "客户开始编写招标文件"});
    assert_eq!(missing("d-bank-core", "tender_preparation"), json!([unmet]));
    assert_eq!(
        missing("d-bank-core", "bidding"),
        json!([{"kind": "skipped_stage", "stage": "tender_preparation", "name": "招标准备"}, unmet])
    );
    assert_eq!(missing("d-bank-core", "validate"), json!([]), "moving back is always allowed");
    assert_eq!(missing("d-bank-core", "won"), json!([{"kind": "unknown_stage", "stage": "won"}]));
    assert_eq!(missing("d-hosp-cdr", "negotiation"), json!([{"kind": "open_deal", "status": "won"}]));
    // Asking moves nothing.
    assert_eq!(stage_of("d-bank-core"), "value_presentation");

    // Grade E under a registration whose protection ended: the state and the day it ended.
    let mut deal = invoke(&window, "deal_view", json!({"deal": "d-energy-safety"})).unwrap()["deal"].clone();
    deal["partner_registration"]["registered_on"] = "2020-01-02".into();
    deal["partner_registration"]["protection_until"] = "2020-06-30".into();
    invoke(&window, "apply_edit", json!({"edit": {"op": "update_deal", "deal": deal}})).unwrap();
    assert_eq!(
        missing("d-energy-safety", "negotiation"),
        json!([{"kind": "partner_registration", "state": "expired", "protection_until": "2020-06-30"}])
    );
    invoke(&window, "move_deal", json!({"deal": "d-energy-safety", "to": "negotiation"})).unwrap_err();
    assert_eq!(stage_of("d-energy-safety"), "initiate");

    // Once the item is met the same move goes through, and nothing is missing any more.
    invoke(
        &window,
        "mark_checklist",
        json!({"deal": "d-bank-core", "stage": "value_presentation", "item": "客户开始编写招标文件", "done": true}),
    )
    .unwrap();
    assert_eq!(missing("d-bank-core", "tender_preparation"), json!([]));
    invoke(&window, "move_deal", json!({"deal": "d-bank-core", "to": "tender_preparation"})).unwrap();
    assert_eq!(stage_of("d-bank-core"), "tender_preparation");

    let err = invoke(&window, "missing_for_move", json!({"deal": "no-such", "to": "bidding"})).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn an_encrypted_workspace_is_unlocked_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.db");
    {
        let mut store = Store::open(&db).unwrap();
        demo::load_practice(&mut store, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
        store.change_passphrase(Some("口令 1")).unwrap();
    }
    // The only test that opens the default path; it points it at this file.
    std::env::set_var("SANDTABLE_DB", &db);
    let state = AppState::failed(Store::open(&db).err().expect("encrypted"));
    let app = mock_builder()
        .invoke_handler(specta_builder!(MockRuntime).invoke_handler())
        .manage(state)
        .build({
            let mut ctx = context::<MockRuntime>();
            ctx.config_mut().app.windows.clear();
            ctx
        })
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let err = invoke(&window, "list_accounts", serde_json::json!({})).unwrap_err();
    assert_eq!(err["code"], "encrypted");
    let err = invoke(&window, "unlock_workspace", serde_json::json!({"passphrase": "wrong"})).unwrap_err();
    assert_eq!(err["code"], "wrong_passphrase");
    invoke(&window, "unlock_workspace", serde_json::json!({"passphrase": "口令 1"})).unwrap();
    assert!(invoke(&window, "list_accounts", serde_json::json!({})).unwrap().as_array().unwrap().len() >= 2);
    assert_eq!(invoke(&window, "workspace_encrypted", serde_json::json!({})).unwrap(), true);
    invoke(&window, "set_passphrase", serde_json::json!({"passphrase": null})).unwrap();
    assert_eq!(invoke(&window, "workspace_encrypted", serde_json::json!({})).unwrap(), false);
    assert!(Store::open(&db).is_ok(), "decrypted on disk");
}

#[test]
fn a_backup_is_taken_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let mut store = Store::open(&db).unwrap();
    demo::load_practice(&mut store, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    let (_app, window) = app_with(store, "main");
    let path = invoke(&window, "backup_now", serde_json::json!({})).unwrap();
    let path = std::path::PathBuf::from(path.as_str().unwrap());
    assert!(path.starts_with(dir.path().join("backups")) && path.to_str().unwrap().contains("manual"), "{path:?}");
    let copy = Store::open(&path).unwrap();
    assert!(copy.account_summaries().unwrap().len() >= 2);
}
