//! The bundled practice workspace is what scripts/generate-practice.py makes,
//! byte for byte. The script copies no rule of the product: it asks this
//! build's CLI for the stage checklists and tactic library, lets the importer
//! judge the file and takes grades from `sandtable deals`. So a rule change
//! that the practice data no longer satisfies, or a hand edit of the bundled
//! file, fails here.

#[test]
fn the_bundled_practice_workspace_is_what_the_generator_makes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3")
        .arg(root.join("scripts/generate-practice.py"))
        .arg("--stdout")
        .env("SANDTABLE_CLI", env!("CARGO_BIN_EXE_sandtable"))
        .output()
        .expect("python3 runs the practice generator (scripts/setup-debian.sh installs it)");
    assert!(out.status.success(), "the generator failed: {}", String::from_utf8_lossy(&out.stderr));
    let made = String::from_utf8(out.stdout).unwrap();
    assert!(made == sandtable::demo::PRACTICE_WORKSPACE, "src/demo/practice-workspace.json differs from what scripts/generate-practice.py makes");
}
