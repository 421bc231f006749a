//! The TypeScript bindings in ui/src/ipc/bindings.ts are generated from the Rust
//! types; this test fails when the committed file is stale.
//! Regenerate with: UPDATE_BINDINGS=1 cargo test -p sandtable-desktop --test bindings

use std::path::PathBuf;

#[test]
fn bindings_are_up_to_date() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings.ts");
    let fresh = std::env::temp_dir().join(format!("sandtable-bindings-{}.ts", std::process::id()));
    sandtable_desktop_lib::export_bindings(&fresh).expect("bindings export");
    let fresh_text = std::fs::read_to_string(&fresh).unwrap();
    let _ = std::fs::remove_file(&fresh);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh_text).unwrap();
        return;
    }
    let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        committed_text == fresh_text,
        "ui/src/ipc/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p sandtable-desktop --test bindings"
    );
}
