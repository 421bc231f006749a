//! Fixtures and helpers shared by the core tests.

use std::path::{Path, PathBuf};

use sandtable::io::{export_json, import_workspace, workspace_file, ImportMode};
use sandtable::Store;

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The small hand-written fixture, as JSON to mutate.
pub fn minimal() -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(fixture_path("minimal.json")).unwrap()).unwrap()
}

pub fn memory_store() -> Store {
    Store::open(":memory:").unwrap()
}

/// Imports a JSON value through the file parser, as a user's file would go.
pub fn import_value(store: &mut Store, value: &serde_json::Value, mode: ImportMode) -> sandtable::Result<()> {
    let bytes = serde_json::to_vec(value).unwrap();
    let ws = workspace_file::parse(&bytes)?;
    import_workspace(store, &ws, mode).map(|_| ())
}

pub fn export(store: &Store) -> String {
    export_json(store).unwrap()
}

pub fn sandtable_cli() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sandtable"));
    cmd.env_remove("SANDTABLE_DB");
    cmd
}

/// The practice workspace's "today" (its story is set in late November 2026).
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}
