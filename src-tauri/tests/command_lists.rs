//! The app's command names are written in three places that nothing else ties
//! together: the typed command set (`specta_builder!` in src/lib.rs, exported
//! to ui/src/ipc/bindings.ts, which the bindings test keeps current), the
//! manifest that declares them to Tauri (build.rs), and the capability that
//! grants them to the main window (capabilities/main.json). A command missing
//! from one of them fails at run time only (“not allowed”); here it fails the
//! build's tests, naming the command and the place.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `"…"` literal in `text` between `start` and the next `end`.
fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text.find(start).unwrap_or_else(|| panic!("{start:?} not found")) + start.len();
    let to = from + text[from..].find(end).unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    text[from..to].split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// The commands the window can call: every `__TAURI_INVOKE("name"` (or
/// `__TAURI_INVOKE<Type>("name"`) of the bindings.
fn typed_commands() -> BTreeSet<String> {
    let bindings = read("../ui/src/ipc/bindings.ts");
    bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|rest| {
            let name = &rest[rest.find("(\"")? + 2..];
            Some(name[..name.find('"')?].to_string())
        })
        .collect()
}

fn declared_commands() -> BTreeSet<String> {
    quoted_between(&read("build.rs"), ".commands(&[", "])").into_iter().collect()
}

fn granted_commands() -> BTreeSet<String> {
    let capability: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(|p| p.strip_prefix("allow-").unwrap_or_else(|| panic!("capabilities/main.json: {p:?} is not an allow- permission")).replace('-', "_"))
        .collect()
}

fn differences(what: &str, a: &BTreeSet<String>, b: &BTreeSet<String>, b_name: &str) -> Vec<String> {
    a.difference(b).map(|c| format!("{c}: in {what}, missing from {b_name}")).collect()
}

#[test]
fn every_command_is_typed_declared_and_granted_alike() {
    let typed = typed_commands();
    assert!(typed.len() >= 30, "only {} commands found in the bindings", typed.len());
    let declared = declared_commands();
    let granted = granted_commands();
    let mut problems = Vec::new();
    let places = [("the typed command set (bindings.ts)", &typed), ("build.rs", &declared), ("capabilities/main.json", &granted)];
    for (a_name, a) in places {
        for (b_name, b) in places {
            if a_name != b_name {
                problems.extend(differences(a_name, a, b, b_name));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "the command lists disagree:\n{}", problems.join("\n"));
}
