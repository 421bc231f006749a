//! People from a CSV file, as CRMs and HR systems export them: one person a
//! row with name, title, department, manager (name or id), email and phone.
//! Headers may be English or Chinese. The whole file is added or nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::params;

use crate::error::{Error, Problem, Result};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Name,
    Title,
    Department,
    Manager,
    Email,
    Phone,
}

fn column_of(header: &str) -> Option<Column> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    Some(match h.as_str() {
        "id" | "编号" | "工号" => Column::Id,
        "name" | "full name" | "姓名" | "名字" => Column::Name,
        "title" | "job title" | "position" | "职位" | "职务" | "岗位" => Column::Title,
        "department" | "dept" | "部门" => Column::Department,
        "manager" | "reports to" | "manager name" | "manager id" | "上级" | "直属上级" | "汇报对象" => {
            Column::Manager
        }
        "email" | "e-mail" | "邮箱" | "电子邮件" => Column::Email,
        "phone" | "mobile" | "telephone" | "电话" | "手机" => Column::Phone,
        _ => return None,
    })
}

struct Row {
    line: u64,
    id: String,
    name: String,
    title: String,
    department: String,
    manager: String,
    email: String,
    phone: String,
}

/// Adds the people of a CSV file to `account`. Returns how many were added.
pub fn import_people_csv(store: &mut Store, account: &str, path: &Path) -> Result<u32> {
    import_people_csv_with_progress(store, account, path, &mut |_| {})
}

/// [`import_people_csv`], reporting where it is (bytes read, then writing, done).
pub fn import_people_csv_with_progress(
    store: &mut Store,
    account: &str,
    path: &Path,
    progress: &mut dyn FnMut(super::Progress),
) -> Result<u32> {
    let bytes = super::read_with_progress(path, progress)?;
    progress(super::Progress::phase(super::Phase::Writing));
    let n = import_people_csv_bytes(store, account, &bytes)?;
    progress(super::Progress::phase(super::Phase::Done));
    Ok(n)
}

pub fn import_people_csv_bytes(store: &mut Store, account: &str, bytes: &[u8]) -> Result<u32> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let exists: bool = store.conn().query_row(
        "SELECT EXISTS(SELECT 1 FROM accounts WHERE id = ?1)",
        [account],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::NotFound { kind: "account", id: account.to_string() });
    }
    let rows = read_rows(bytes)?;

    // Existing people of the whole workspace (ids are unique across accounts).
    let mut all_ids: HashSet<String> = HashSet::new();
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    let mut account_people: HashSet<String> = HashSet::new();
    {
        let mut stmt = store.conn().prepare("SELECT id, account, name FROM people")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (id, acc, name): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if acc == account {
                by_name.entry(name).or_default().push(id.clone());
                account_people.insert(id.clone());
            }
            all_ids.insert(id);
        }
    }

    let mut problems = Vec::new();
    let mut ids = Vec::with_capacity(rows.len());
    let mut new_ids: HashSet<String> = HashSet::new();
    let mut next = all_ids.len() + 1;
    for row in &rows {
        if row.name.trim().is_empty() {
            problems.push(Problem { path: format!("line {}, column name", row.line), message: "name must not be empty".into() });
        }
        let id = if row.id.trim().is_empty() {
            loop {
                let candidate = format!("{account}-p{next:04}");
                next += 1;
                if !all_ids.contains(&candidate) && !new_ids.contains(&candidate) {
                    break candidate;
                }
            }
        } else {
            let id = row.id.trim().to_string();
            if all_ids.contains(&id) || new_ids.contains(&id) {
                problems.push(Problem {
                    path: format!("line {}, column id", row.line),
                    message: format!("person id \"{id}\" already exists"),
                });
            }
            id
        };
        new_ids.insert(id.clone());
        by_name.entry(row.name.trim().to_string()).or_default().push(id.clone());
        ids.push(id);
    }

    // Resolve managers: an id of this account or of the file, else a unique name.
    let mut managers: Vec<Option<String>> = Vec::with_capacity(rows.len());
    for (row, id) in rows.iter().zip(&ids) {
        let m = row.manager.trim();
        if m.is_empty() {
            managers.push(None);
            continue;
        }
        let path = format!("line {}, column manager", row.line);
        let resolved = if new_ids.contains(m) || account_people.contains(m) {
            Some(m.to_string())
        } else {
            match by_name.get(m).map(Vec::as_slice) {
                Some([one]) => Some(one.clone()),
                Some(many) if many.len() > 1 => {
                    problems.push(Problem { path, message: format!("manager \"{m}\" is ambiguous: {} people have that name; use the id", many.len()) });
                    None
                }
                _ => {
                    problems.push(Problem { path, message: format!("manager \"{m}\" is neither a person of this account nor of the file") });
                    None
                }
            }
        };
        if resolved.as_deref() == Some(id.as_str()) {
            problems.push(Problem { path: format!("line {}, column manager", row.line), message: "a person cannot be their own manager".into() });
            managers.push(None);
        } else {
            managers.push(resolved);
        }
    }

    // New people may only form cycles among themselves.
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let mut done = vec![false; ids.len()];
    for start in 0..ids.len() {
        let mut seen = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            if done[i] {
                break;
            }
            if seen.contains(&i) {
                let names: Vec<&str> = seen.iter().map(|&k| rows[k].name.as_str()).collect();
                problems.push(Problem {
                    path: format!("line {}, column manager", rows[i].line),
                    message: format!("reporting lines would form a cycle: {}", names.join(" → ")),
                });
                break;
            }
            seen.push(i);
            cur = managers[i].as_deref().and_then(|m| index.get(m).copied());
        }
        for k in seen {
            done[k] = true;
        }
    }

    if !problems.is_empty() {
        return Err(Error::InvalidFile(problems));
    }
    let tx = store.conn_mut().transaction()?;
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO people(id, account, name, title, department, manager, email, phone)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
        )?;
        for ((row, id), manager) in rows.iter().zip(&ids).zip(&managers) {
            stmt.execute(params![
                id,
                account,
                row.name.trim(),
                row.title.trim(),
                row.department.trim(),
                manager,
                row.email.trim(),
                row.phone.trim()
            ])?;
        }
    }
    tx.commit()?;
    Ok(rows.len() as u32)
}

/// Line numbers as an editor shows them, for byte offsets met in order:
/// `\r\n` (Excel's default), `\n` and a lone `\r` each end one line. (The
/// csv crate ends a CRLF record at its `\r` and counts the `\n` into the next
/// record, so its own line numbers are one off there.)
struct Lines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl Lines<'_> {
    fn at(&mut self, offset: u64) -> u64 {
        let mut to = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        // A record starts after the line break it may be said to start at.
        while matches!(self.bytes.get(to), Some(b'\r' | b'\n')) {
            to += 1;
        }
        while self.offset < to {
            match self.bytes[self.offset] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(self.offset + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.offset += 1;
        }
        self.line
    }
}

fn read_rows(bytes: &[u8]) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Error::invalid("line 1", format!("cannot read the header row: {e}")))?
        .clone();
    let mut columns: HashMap<Column, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = column_of(h) {
            if columns.insert(c, i).is_some() {
                return Err(Error::invalid(format!("line 1, column {}", i + 1), format!("column \"{h}\" appears twice")));
            }
        }
    }
    if !columns.contains_key(&Column::Name) {
        return Err(Error::invalid(
            "line 1",
            "no name column (expected a header such as name, title, department, manager, email, phone or 姓名, 职位, 部门, 上级, 邮箱, 电话)",
        ));
    }
    let mut rows = Vec::new();
    let mut lines = Lines { bytes, offset: 0, line: 1 };
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.at(p.byte()));
            Error::invalid(format!("line {line}"), e.to_string())
        })?;
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // A leading ' that defused a formula (our own export does that) is dropped.
        let get = |c: Column| {
            let cell = columns.get(&c).and_then(|&i| record.get(i)).unwrap_or("");
            super::people_csv_export::restore(cell).to_string()
        };
        rows.push(Row {
            line,
            id: get(Column::Id),
            name: get(Column::Name),
            title: get(Column::Title),
            department: get(Column::Department),
            manager: get(Column::Manager),
            email: get(Column::Email),
            phone: get(Column::Phone),
        });
    }
    if rows.is_empty() {
        return Err(Error::invalid("line 2", "the file holds no people"));
    }
    Ok(rows)
}
