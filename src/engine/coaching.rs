//! 督导推进 — coaching (tas-plus.md §3.9): "action items (owner, due date,
//! done)", and which of them are overdue.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ActionItem, Deal};

/// An action item of a deal: its coaching session and its place in the
/// session's actions (indices into `deal.coaching` and `.actions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActionAt {
    pub session: u32,
    pub action: u32,
}

/// [decision] An action item is overdue on `as_of` when it is not done and
/// its due date has passed; one due on `as_of` itself is not late yet.
pub fn is_overdue(item: &ActionItem, as_of: NaiveDate) -> bool {
    !item.done && item.due.is_some_and(|due| due < as_of)
}

/// Every overdue action item of the deal on `as_of`, in session order.
pub fn overdue_actions(deal: &Deal, as_of: NaiveDate) -> Vec<ActionAt> {
    let mut out = Vec::new();
    for (s, session) in deal.coaching.iter().enumerate() {
        for (a, item) in session.actions.iter().enumerate() {
            if is_overdue(item, as_of) {
                out.push(ActionAt { session: s as u32, action: a as u32 });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(due: Option<&str>, done: bool) -> ActionItem {
        ActionItem { text: "x".into(), owner: String::new(), due: due.map(|d| d.parse().unwrap()), done }
    }

    #[test]
    fn overdue_table() {
        let as_of: NaiveDate = "2026-11-27".parse().unwrap();
        let cases = [
            (Some("2026-11-26"), false, true),
            (Some("2026-11-27"), false, false),
            (Some("2026-11-28"), false, false),
            (Some("2026-11-01"), true, false),
            (None, false, false),
        ];
        for (due, done, want) in cases {
            assert_eq!(is_overdue(&item(due, done), as_of), want, "{due:?} {done}");
        }
    }
}
