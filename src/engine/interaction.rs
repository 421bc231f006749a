//! 交互程度 — the interaction level, derived from done activities, never typed
//! in (tas-plus.md §3.4 and §3.8). Pure: activities, thresholds and a date in,
//! a level and the activities that made it out.
//!
//! Where the spec is silent:
//! - "The last 180 days" is the window `(as_of − window_days, as_of]`: the day
//!   `as_of` itself and the `window_days − 1` days before it count; an activity
//!   exactly `window_days` days old no longer does. Activities dated after
//!   `as_of` never count, even when marked done (a typo or a future entry must
//!   not raise a level today).
//! - Planned activities never count, whatever their date.
//! - Overall: every done activity the person took part in, whatever deal (or
//!   none) it served. Deal level: only those whose `deal` is that deal.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Activity, ActivityStatus, Interaction, InteractionThresholds};

/// An interaction level with the activities counted for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DerivedInteraction {
    pub level: Interaction,
    /// Ids of the done activities in the window, in the order given.
    pub activities: Vec<String>,
}

/// "0 → none, 1–2 → occasional, 3–5 → frequent, ≥ 6 → deep (thresholds
/// editable)": `count` done activities in the window make this level. Zero is
/// always none, whatever the thresholds say.
pub fn interaction_level(count: usize, t: &InteractionThresholds) -> Interaction {
    let at_least = |threshold: u32| count >= threshold as usize;
    if count == 0 {
        Interaction::None
    } else if at_least(t.deep) {
        Interaction::Deep
    } else if at_least(t.frequent) {
        Interaction::Frequent
    } else if at_least(t.occasional) {
        Interaction::Occasional
    } else {
        Interaction::None
    }
}

/// "Derived from done activities in the last 180 days with that person (deal
/// level: this deal's activities; overall: all)": whether `activity` counts
/// for `person`, overall (`deal` is `None`) or on `deal`, on `as_of`. The
/// window is `(as_of − window_days, as_of]`.
pub fn counts_for(activity: &Activity, person: &str, deal: Option<&str>, as_of: NaiveDate, window_days: u32) -> bool {
    let in_window = match as_of.checked_sub_days(Days::new(u64::from(window_days))) {
        Some(start) => start < activity.date && activity.date <= as_of,
        None => activity.date <= as_of,
    };
    activity.status == ActivityStatus::Done
        && in_window
        && activity.people.iter().any(|p| p == person)
        && deal.is_none_or(|d| activity.deal.as_deref() == Some(d))
}

/// An activity marked done on a day after `today` — which cannot have
/// happened yet, and would never count for the interaction level (see the
/// window above). The edit path refuses to set one (a future activity is
/// planned; mark it done on the day, or after).
pub fn done_in_future(activity: &Activity, today: NaiveDate) -> bool {
    activity.status == ActivityStatus::Done && activity.date > today
}

/// The interaction level of `person` on `as_of`: overall when `deal` is
/// `None`, else on that deal only (§3.8).
pub fn derive_interaction<'a>(
    activities: impl IntoIterator<Item = &'a Activity>,
    person: &str,
    deal: Option<&str>,
    as_of: NaiveDate,
    t: &InteractionThresholds,
) -> DerivedInteraction {
    let counted: Vec<String> = activities
        .into_iter()
        .filter(|a| counts_for(a, person, deal, as_of, t.window_days))
        .map(|a| a.id.clone())
        .collect();
    DerivedInteraction { level: interaction_level(counted.len(), t), activities: counted }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActivityType;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn activity(id: &str, day: &str, status: ActivityStatus, deal: Option<&str>, people: &[&str]) -> Activity {
        Activity {
            id: id.into(),
            date: date(day),
            kind: ActivityType::Visit,
            status,
            deal: deal.map(Into::into),
            people: people.iter().map(|p| p.to_string()).collect(),
            summary: String::new(),
            addresses: String::new(),
            our_people: Vec::new(),
            outcome: String::new(),
        }
    }

    #[test]
    fn done_in_future_table() {
        let today = date("2026-11-26");
        let cases = [
            ("2026-11-27", ActivityStatus::Done, true),
            ("2027-01-01", ActivityStatus::Done, true),
            ("2026-11-26", ActivityStatus::Done, false),
            ("2026-11-01", ActivityStatus::Done, false),
            ("2026-11-27", ActivityStatus::Planned, false),
            ("2026-11-01", ActivityStatus::Planned, false),
        ];
        for (day, status, want) in cases {
            assert_eq!(done_in_future(&activity("a", day, status, None, &["p1"]), today), want, "{day} {status:?}");
        }
    }

    #[test]
    fn level_table_default_thresholds() {
        let t = InteractionThresholds::default();
        let cases = [
            (0, Interaction::None),
            (1, Interaction::Occasional),
            (2, Interaction::Occasional),
            (3, Interaction::Frequent),
            (5, Interaction::Frequent),
            (6, Interaction::Deep),
            (40, Interaction::Deep),
        ];
        for (count, want) in cases {
            assert_eq!(interaction_level(count, &t), want, "{count}");
        }
    }

    #[test]
    fn level_table_edited_thresholds() {
        let t = InteractionThresholds { occasional: 2, frequent: 4, deep: 4, window_days: 30 };
        let cases = [
            (0, Interaction::None),
            (1, Interaction::None),
            (2, Interaction::Occasional),
            (3, Interaction::Occasional),
            (4, Interaction::Deep),
        ];
        for (count, want) in cases {
            assert_eq!(interaction_level(count, &t), want, "{count}");
        }
        // Zero stays none even with a (refused on import) threshold of 0.
        let zero = InteractionThresholds { occasional: 0, frequent: 3, deep: 6, window_days: 30 };
        assert_eq!(interaction_level(0, &zero), Interaction::None);
    }

    #[test]
    fn which_activities_count() {
        use ActivityStatus::{Done, Planned};
        let as_of = date("2026-11-20");
        // 2026-11-20 − 180 days = 2026-05-24.
        let cases: &[(&str, Activity, &str, Option<&str>, bool)] = &[
            ("done today", activity("a", "2026-11-20", Done, None, &["p1"]), "p1", None, true),
            ("first day in the window", activity("a", "2026-05-25", Done, None, &["p1"]), "p1", None, true),
            ("exactly window_days old", activity("a", "2026-05-24", Done, None, &["p1"]), "p1", None, false),
            ("older", activity("a", "2025-01-01", Done, None, &["p1"]), "p1", None, false),
            ("future, though done", activity("a", "2026-11-21", Done, None, &["p1"]), "p1", None, false),
            ("planned", activity("a", "2026-11-01", Planned, None, &["p1"]), "p1", None, false),
            ("someone else", activity("a", "2026-11-01", Done, None, &["p2"]), "p1", None, false),
            ("one of several", activity("a", "2026-11-01", Done, None, &["p2", "p1"]), "p1", None, true),
            ("overall counts any deal", activity("a", "2026-11-01", Done, Some("d2"), &["p1"]), "p1", None, true),
            ("deal level: this deal", activity("a", "2026-11-01", Done, Some("d1"), &["p1"]), "p1", Some("d1"), true),
            ("deal level: other deal", activity("a", "2026-11-01", Done, Some("d2"), &["p1"]), "p1", Some("d1"), false),
            ("deal level: no deal", activity("a", "2026-11-01", Done, None, &["p1"]), "p1", Some("d1"), false),
        ];
        for (name, a, person, deal, want) in cases {
            assert_eq!(counts_for(a, person, *deal, as_of, 180), *want, "{name}");
        }
    }

    #[test]
    fn derived_overall_and_per_deal() {
        use ActivityStatus::{Done, Planned};
        let acts = vec![
            activity("a1", "2026-11-01", Done, Some("d1"), &["p1"]),
            activity("a2", "2026-10-01", Done, Some("d1"), &["p1", "p2"]),
            activity("a3", "2026-09-01", Done, Some("d2"), &["p1"]),
            activity("a4", "2026-08-01", Done, None, &["p1"]),
            activity("a5", "2026-12-01", Planned, Some("d1"), &["p1"]),
            activity("a6", "2026-01-01", Done, Some("d1"), &["p1"]),
        ];
        let t = InteractionThresholds::default();
        let as_of = date("2026-11-20");
        let overall = derive_interaction(&acts, "p1", None, as_of, &t);
        assert_eq!(overall.level, Interaction::Frequent);
        assert_eq!(overall.activities, ["a1", "a2", "a3", "a4"]);
        let on_d1 = derive_interaction(&acts, "p1", Some("d1"), as_of, &t);
        assert_eq!(on_d1.level, Interaction::Occasional);
        assert_eq!(on_d1.activities, ["a1", "a2"]);
        let p3 = derive_interaction(&acts, "p3", None, as_of, &t);
        assert_eq!(p3, DerivedInteraction { level: Interaction::None, activities: vec![] });
        // A shorter window drops a2 (50 days old) from 30 days.
        let short = InteractionThresholds { window_days: 30, ..t };
        assert_eq!(derive_interaction(&acts, "p1", Some("d1"), as_of, &short).activities, ["a1"]);
    }
}
