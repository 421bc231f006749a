//! People from CSV: header variants, managers by name or id, all-or-nothing.

use sandtable::io::people_csv::import_people_csv_bytes;
use sandtable::io::ImportMode;

use crate::support::*;

fn store_with_account() -> sandtable::Store {
    let mut store = memory_store();
    import_value(&mut store, &minimal(), ImportMode::Merge).unwrap();
    store
}

#[test]
fn imports_people_with_managers_by_name_and_id() {
    let mut store = store_with_account();
    let csv = "name,title,department,manager,email,phone\n\
               陈静,运维处处长,信息科技部,李明,chen@example.com,13800000001\n\
               刘洋,运维工程师,信息科技部,陈静,,\n\
               赵雷,安全工程师,信息科技部,p2,,\n";
    assert_eq!(import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).unwrap(), 3);
    let people = store.person_summaries("acc-1").unwrap();
    let by_name = |n: &str| people.iter().find(|p| p.name == n).unwrap().clone();
    assert_eq!(by_name("陈静").manager.as_deref(), Some("p2"));
    assert_eq!(by_name("刘洋").manager, Some(by_name("陈静").id));
    assert_eq!(by_name("赵雷").manager_name.as_deref(), Some("李明"));
    let exported = export(&store);
    assert!(exported.contains("chen@example.com"));
}

#[test]
fn chinese_headers_and_bom_are_understood() {
    let mut store = store_with_account();
    let csv = "\u{feff}姓名,职位,部门,上级,邮箱,电话\n周敏,采购经理,采购部,王建国,,\n";
    assert_eq!(import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).unwrap(), 1);
    let people = store.person_summaries("acc-1").unwrap();
    assert_eq!(people.last().unwrap().manager_name.as_deref(), Some("王建国"));
}

#[test]
fn formula_cells_are_kept_as_plain_text() {
    let mut store = store_with_account();
    let csv = "name,title\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(A1)\n";
    import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).unwrap();
    let p = store.person_summaries("acc-1").unwrap().pop().unwrap();
    assert_eq!(p.name, "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(p.title, "@SUM(A1)");
}

#[test]
fn any_bad_row_refuses_the_whole_file() {
    let cases: &[(&str, &str)] = &[
        ("name,title,manager\n甲,经理,\n,工程师,甲\n", "line 3, column name"),
        ("name,title,manager\n甲,经理,不存在的人\n", "line 2, column manager"),
        ("name,manager\n甲,乙\n乙,甲\n", "cycle"),
        ("name,manager\n甲,甲\n", "own manager"),
        ("title,department\n经理,IT\n", "no name column"),
        ("name,title\n甲,经理,多余\n", "line 2"),
        ("name\n", "no people"),
        ("id,name\np1,重复的人\n", "already exists"),
    ];
    for (csv, words) in cases {
        let mut store = store_with_account();
        let before = export(&store);
        let err = import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).expect_err(csv);
        assert_eq!(err.code().key(), "invalid_file", "{csv}: {err}");
        assert!(err.to_string().contains(words), "{csv}: expected {words:?} in {err}");
        assert_eq!(export(&store), before, "{csv}: data changed");
    }
}

#[test]
fn ambiguous_manager_names_ask_for_an_id() {
    let mut store = store_with_account();
    let csv = "name,manager\n王建国,\n孙丽,王建国\n";
    let err = import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("ambiguous"), "{err}");
}

#[test]
fn unknown_account_is_not_found() {
    let mut store = store_with_account();
    let err = import_people_csv_bytes(&mut store, "acc-404", b"name\nx\n").unwrap_err();
    assert_eq!(err.code().key(), "not_found");
}

#[test]
fn exported_csv_defuses_formulas_and_reads_back_the_same() {
    let mut store = store_with_account();
    let csv = "name,title,department,manager,email,phone\n\
               \"=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",@SUM(A1),-2+3,李明,a@example.com,+86 138 0000 0001\n\
               普通人,\"处长, 信息科技部\",信息科技部,,,\n";
    import_people_csv_bytes(&mut store, "acc-1", csv.as_bytes()).unwrap();
    let text = sandtable::io::people_csv_export::export_people_csv(&store, "acc-1").unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM for spreadsheets");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> = reader.records().flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>()).collect();
    for c in &cells {
        assert!(!c.starts_with(['=', '+', '-', '@']), "cell {c:?} would run in a spreadsheet");
    }
    assert!(cells.contains(&"'=HYPERLINK(\"http://evil\",\"点我\")".to_string()));
    assert!(cells.contains(&"处长, 信息科技部".to_string()));
    // Our own export imports back to the same people (into a fresh account).
    let before = store.person_summaries("acc-1").unwrap();
    let mut other = memory_store();
    other.apply(&sandtable::model::Edit::CreateAccount { id: Some("acc-1".into()), name: "x".into(), industry: String::new(), region: String::new() }).unwrap();
    import_people_csv_bytes(&mut other, "acc-1", text.as_bytes()).unwrap();
    let after = other.person_summaries("acc-1").unwrap();
    let key = |p: &sandtable::model::PersonSummary| (p.id.clone(), p.name.clone(), p.title.clone(), p.department.clone(), p.manager.clone());
    assert_eq!(after.iter().map(key).collect::<Vec<_>>(), before.iter().map(key).collect::<Vec<_>>());
}
