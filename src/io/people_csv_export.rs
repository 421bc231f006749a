//! People of an account as a CSV file in the format the importer reads (UTF-8
//! with a byte-order mark, so spreadsheets show Chinese). A cell that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or carriage return) is written with a leading `'`, which spreadsheets show
//! as text and our importer removes again.

use crate::error::{Error, Result};
use crate::store::Store;

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as a spreadsheet should show it: formulas defused.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(FORMULA_START) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The importer's inverse of [`defuse`].
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

pub fn export_people_csv(store: &Store, account: &str) -> Result<String> {
    let ws = store.load_workspace()?;
    let acc = ws
        .accounts
        .iter()
        .find(|a| a.id == account)
        .ok_or_else(|| Error::NotFound { kind: "account", id: account.to_string() })?;
    let mut out = csv::WriterBuilder::new().from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, cells: [&str; 7]| -> Result<()> {
        out.write_record(cells.map(defuse))
            .map_err(|e| Error::InvalidInput(format!("cannot write the CSV: {e}")))
    };
    write(&mut out, ["id", "name", "title", "department", "manager", "email", "phone"])?;
    for p in &acc.people {
        write(
            &mut out,
            [
                &p.id,
                &p.name,
                &p.title,
                &p.department,
                p.manager.as_deref().unwrap_or(""),
                &p.email,
                &p.phone,
            ],
        )?;
    }
    let bytes = out.into_inner().map_err(|e| Error::InvalidInput(format!("cannot write the CSV: {e}")))?;
    let text = String::from_utf8(bytes).expect("the CSV of UTF-8 strings is UTF-8");
    Ok(format!("\u{feff}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_restored() {
        for cell in ["=HYPERLINK(\"http://evil\",\"点我\")", "+86 138 0000 0000", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            let safe = defuse(cell);
            assert!(safe.starts_with('\''), "{cell:?}");
            assert_eq!(restore(&safe), cell);
        }
        for cell in ["王建国", "'quoted", "a=b", ""] {
            assert_eq!(defuse(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }
}
