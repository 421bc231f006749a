//! A corpus of malformed and adversarial workspace and CSV files: each one is
//! refused or accepted cleanly — no panic, no partial write — and whatever is
//! accepted survives a round trip.

use serde_json::{json, Value};

use sandtable::io::people_csv::import_people_csv_bytes;
use sandtable::io::{export_json, import_workspace, workspace_file, ImportMode};
use sandtable::Store;

use crate::support::*;

/// A store that already holds data, so a partial write would show.
fn seeded() -> Store {
    let mut store = memory_store();
    import_value(&mut store, &json!({"format": "sandtable-workspace", "version": 1,
        "accounts": [{"id": "keep", "name": "保留", "people": [{"id": "k1", "name": "老朋友"}]}]}), ImportMode::Merge).unwrap();
    store
}

/// Imports `bytes` into a seeded store: either it is refused and nothing
/// changed, or it is accepted and export → import → export is stable.
fn check_workspace_file(label: &str, bytes: &[u8]) -> bool {
    let mut store = seeded();
    let before = export(&store);
    let result = workspace_file::parse(bytes).and_then(|ws| import_workspace(&mut store, &ws, ImportMode::Merge));
    match result {
        Err(e) => {
            assert!(!e.to_string().is_empty(), "{label}: empty message");
            assert!(export(&store) == before, "{label}: refused but the workspace changed ({e})");
            false
        }
        Ok(_) => {
            let first = export(&store);
            let mut again = memory_store();
            let ws = workspace_file::parse(first.as_bytes()).unwrap();
            import_workspace(&mut again, &ws, ImportMode::Merge).unwrap_or_else(|e| panic!("{label}: re-import: {e}"));
            assert!(export_json(&again).unwrap() == first, "{label}: round trip differs");
            true
        }
    }
}

fn leaves(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            let mut p = path.clone();
            p.push(k.clone());
            leaves(v, p, out)
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
            let mut p = path.clone();
            p.push(i.to_string());
            leaves(v, p, out)
        }),
        _ => out.push(path),
    }
}

fn at<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |v, key| match v {
        Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
        other => &mut other[key.as_str()],
    })
}

#[test]
fn hostile_workspace_files() {
    let base = minimal();
    let text = serde_json::to_string_pretty(&base).unwrap();
    let mut corpus: Vec<(String, Vec<u8>)> = Vec::new();

    // Truncated anywhere.
    for cut in (0..text.len()).step_by(41) {
        let mut end = cut;
        while !text.is_char_boundary(end) { end -= 1; }
        corpus.push((format!("truncated at {end}"), text.as_bytes()[..end].to_vec()));
    }
    // Every scalar replaced by a value of another type.
    let wrong = [json!(null), json!(true), json!(-1), json!("x"), json!([]), json!({}), json!(1e300), json!("2026-13-45")];
    let mut paths = Vec::new();
    leaves(&base, Vec::new(), &mut paths);
    for (i, path) in paths.iter().enumerate() {
        let mut v = base.clone();
        *at(&mut v, path) = wrong[i % wrong.len()].clone();
        corpus.push((format!("{} := {}", path.join("."), wrong[i % wrong.len()]), serde_json::to_vec(&v).unwrap()));
    }
    // Deep nesting, huge numbers, odd encodings.
    let deep = format!("{{\"format\":\"sandtable-workspace\",\"version\":1,\"accounts\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    corpus.push(("deep nesting".into(), deep.into_bytes()));
    corpus.push(("huge number".into(), text.replacen("3200000", "1e999", 1).into_bytes()));
    corpus.push(("huge integer".into(), text.replacen("3200000", "123456789012345678901234567890", 1).into_bytes()));
    corpus.push(("negative zero amount".into(), text.replacen("3200000", "-0", 1).into_bytes()));
    corpus.push(("utf-16 bom".into(), [&[0xFF, 0xFE][..], text.as_bytes()].concat()));
    corpus.push(("utf-8 bom".into(), [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()));
    corpus.push(("empty".into(), Vec::new()));
    corpus.push(("null".into(), b"null".to_vec()));
    corpus.push(("array".into(), b"[]".to_vec()));
    corpus.push(("trailing garbage".into(), [text.as_bytes(), b" {}"].concat()));
    corpus.push(("nul bytes".into(), text.replacen("王建国", "王\u{0}建国", 1).into_bytes()));
    for pos in (1..text.len()).step_by(text.len() / 12) {
        let mut bytes = text.as_bytes().to_vec();
        bytes[pos] = 0xFF;
        corpus.push((format!("invalid utf-8 at {pos}"), bytes));
    }
    // Markup, formula cells and very long text are data, not code.
    let mut v = base.clone();
    v["accounts"][0]["people"][0]["name"] = json!("<script>alert(1)</script>");
    v["accounts"][0]["people"][1]["notes"] = json!("=HYPERLINK(\"http://evil\",\"x\")");
    v["accounts"][0]["notes"] = json!("javascript:alert(1)");
    corpus.push(("markup in names".into(), serde_json::to_vec(&v).unwrap()));
    let mut v = base.clone();
    v["accounts"][0]["notes"] = json!("长".repeat(50 * 1024 * 1024 / 3));
    corpus.push(("50 MB string".into(), serde_json::to_vec(&v).unwrap()));
    // Dangling and duplicate ids, cycles.
    for (label, patch) in [
        ("cycle of three", json!({"p1": "p3"})),
        ("self manager", json!({"p2": "p2"})),
    ] {
        let mut v = base.clone();
        for (person, manager) in patch.as_object().unwrap() {
            let people = v["accounts"][0]["people"].as_array_mut().unwrap();
            let p = people.iter_mut().find(|p| p["id"] == person.as_str()).unwrap();
            p["manager"] = manager.clone();
        }
        corpus.push((label.into(), serde_json::to_vec(&v).unwrap()));
    }
    let mut v = base.clone();
    v["competitors"][1]["id"] = json!("k-yunqing");
    corpus.push(("duplicate competitor".into(), serde_json::to_vec(&v).unwrap()));
    let mut v = base.clone();
    v["accounts"][0]["people"][0]["id"] = json!("k1");
    corpus.push(("id of the seeded workspace".into(), serde_json::to_vec(&v).unwrap()));

    assert!(corpus.len() >= 200, "corpus has {} files", corpus.len());
    let accepted = corpus.iter().filter(|(label, bytes)| check_workspace_file(label, bytes)).count();
    // Some mutations are harmless (a note set to "x"); most must be refused.
    assert!(accepted > 0 && accepted < corpus.len() / 2, "{accepted} of {} accepted", corpus.len());
}

#[test]
fn hostile_people_csv_files() {
    let corpus: Vec<(&str, Vec<u8>)> = vec![
        ("unterminated quote", b"name,title\n\"open,x\n".to_vec()),
        ("formula cells", b"name,title\n=HYPERLINK(\"http://x\"),+SUM(A1)\n-cmd,@x\n".to_vec()),
        ("invalid utf-8", b"name,title\n\xff\xfe,x\n".to_vec()),
        ("bom only", b"\xEF\xBB\xBF".to_vec()),
        ("empty", Vec::new()),
        ("header only", b"name,title,manager\n".to_vec()),
        ("no name column", b"foo,bar\n1,2\n".to_vec()),
        ("duplicate name column", b"name,name\na,b\n".to_vec()),
        ("ragged rows", b"name,title\na\nb,c,d\n".to_vec()),
        ("html in names", b"name,title\n<img src=x onerror=alert(1)>,<b>boss</b>\n".to_vec()),
        ("manager cycle", b"name,manager\na,b\nb,c\nc,a\n".to_vec()),
        ("long field", [b"name\n".to_vec(), vec![b'x'; 5 * 1024 * 1024], b"\n".to_vec()].concat()),
        ("many rows", (0..5000).fold(b"name,manager\n".to_vec(), |mut acc, i| {
            acc.extend(format!("p{i},{}\n", if i == 0 { String::new() } else { format!("p{}", i / 2) }).bytes());
            acc
        })),
        ("crlf and tabs", b"name,title\r\n\ta\t,b\r\n".to_vec()),
        ("nul byte", b"name\na\0b\n".to_vec()),
    ];
    for (label, bytes) in corpus {
        let mut store = seeded();
        let before = export(&store);
        match import_people_csv_bytes(&mut store, "keep", &bytes) {
            Err(e) => assert!(export(&store) == before, "{label}: refused ({e}) but data changed"),
            Ok(n) => {
                assert!(n > 0, "{label}");
                let after = export(&store);
                let mut again = memory_store();
                import_workspace(&mut again, &workspace_file::parse(after.as_bytes()).unwrap(), ImportMode::Merge)
                    .unwrap_or_else(|e| panic!("{label}: re-import: {e}"));
            }
        }
    }
}

mod fuzz {
    //! Bounded property-based fuzzing of the importers (runs in every CI run).
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn random_byte_edits_never_panic_or_half_write(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
            let mut bytes = serde_json::to_vec(&minimal()).unwrap();
            for (index, byte) in edits {
                let i = index.index(bytes.len());
                bytes[i] = byte;
            }
            check_workspace_file("fuzz", &bytes);
        }

        #[test]
        fn random_csv_never_panics_or_half_writes(body in "[a-z,\"\\n=@+\\-张王 ]{0,200}") {
            let mut store = seeded();
            let before = export(&store);
            let csv = format!("name,title,manager\n{body}");
            if import_people_csv_bytes(&mut store, "keep", csv.as_bytes()).is_err() {
                prop_assert!(export(&store) == before);
            }
        }
    }
}
