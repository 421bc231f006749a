//! 督导推进 red flags (tas-plus.md §3.9), computed for every open deal.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::grading::{effective_grade, process_of};
use super::interaction::derive_interaction;
use super::stages::{registration_state, unmet_checklist, RegistrationState};
use super::win_rate::{assessment_as_of, win_rate, Reason, WinRate};
use crate::model::*;

/// How many days without a done activity, or since the last questionnaire, raise a flag.
pub const STALE_DAYS: u64 = 14;
/// A fall of this many percentage points since the previous week raises a flag.
pub const FALL_POINTS: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    NoCompellingEvent,
    NoInsideSource,
    NotInTopThree,
    /// The win rate fell by ≥ 10 points since the previous week.
    WinRateFell { from: f64, to: f64 },
    /// An approver or decision maker whose deal attitude is negative.
    KeyPersonNegative { person: String, role: Role },
    /// An approver or decision maker with no interaction on this deal.
    KeyPersonNoInteraction { person: String, role: Role },
    /// No done activity on this deal in the last 14 days.
    NoRecentActivity { last: Option<NaiveDate> },
    /// The latest questionnaire is older than 14 days (or there is none).
    StaleQuestionnaire { last: Option<NaiveDate> },
    /// The current stage's exit checklist has unmet items.
    ChecklistIncomplete { stage: String, missing: Vec<String> },
    /// Grade E: the partner registration is missing, pending, rejected or expired.
    RegistrationNotActive { state: Option<RegistrationState> },
}

impl Flag {
    pub fn key(&self) -> &'static str {
        match self {
            Flag::NoCompellingEvent => "no_compelling_event",
            Flag::NoInsideSource => "no_inside_source",
            Flag::NotInTopThree => "not_in_top_three",
            Flag::WinRateFell { .. } => "win_rate_fell",
            Flag::KeyPersonNegative { .. } => "key_person_negative",
            Flag::KeyPersonNoInteraction { .. } => "key_person_no_interaction",
            Flag::NoRecentActivity { .. } => "no_recent_activity",
            Flag::StaleQuestionnaire { .. } => "stale_questionnaire",
            Flag::ChecklistIncomplete { .. } => "checklist_incomplete",
            Flag::RegistrationNotActive { .. } => "registration_not_active",
        }
    }
}

/// The inputs of one deal's flags.
pub struct FlagInput<'a> {
    pub deal: &'a Deal,
    /// The activities of this deal (others are ignored anyway).
    pub activities: &'a [&'a Activity],
    pub settings: &'a Settings,
    /// The win rate on the date, and a week before (`None` when not needed:
    /// no rate now, so no fall to report).
    pub now: &'a WinRate,
    pub week_before: Option<&'a WinRate>,
    pub as_of: NaiveDate,
}

/// Red flags of §3.9: "no confirmed compelling event; no inside source; not in
/// the top three; win rate fell by ≥ 10 points since the previous week; an
/// approver or decision maker whose deal attitude is negative or who has no
/// interaction; no activity in 14 days; questionnaire older than 14 days; stage
/// exit checklist incomplete. Grade C/D deals raise only the first three."
///
/// [decision] Grade E (partner-led) deals skip the TAS+ process: they raise
/// only a flag when their partner registration is not active. Closed deals
/// raise none.
pub fn red_flags(input: &FlagInput<'_>) -> Vec<Flag> {
    let d = input.deal;
    if d.status != DealStatus::Open {
        return Vec::new();
    }
    let grade = effective_grade(d.amount, d.partner_led, d.grade_override, &input.settings.grade_thresholds);
    let process = process_of(grade);
    if process == Process::PartnerRegistration {
        return registration_flag(d, input.as_of).into_iter().collect();
    }
    let mut flags = Vec::new();
    let reasons = &input.now.reasons;
    if reasons.contains(&Reason::NoCompellingEvent) {
        flags.push(Flag::NoCompellingEvent);
    }
    let assessment = assessment_as_of(d, input.as_of);
    if assessment.is_none_or(|a| a.inside_source.is_none()) {
        flags.push(Flag::NoInsideSource);
    }
    if reasons.contains(&Reason::NotInTopThree) || reasons.contains(&Reason::NotShortlisted) {
        flags.push(Flag::NotInTopThree);
    }
    if process == Process::FastTrack {
        return flags;
    }
    if let (Some(from), Some(to)) = (input.week_before.and_then(|w| w.rate), input.now.rate) {
        if from - to >= FALL_POINTS - 1e-9 {
            flags.push(Flag::WinRateFell { from, to });
        }
    }
    flags.extend(key_person_flags(input));
    let last = input
        .activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Done && a.deal.as_deref() == Some(&d.id) && a.date <= input.as_of)
        .map(|a| a.date)
        .max();
    if last.is_none_or(|l| older_than(l, input.as_of)) {
        flags.push(Flag::NoRecentActivity { last });
    }
    let last_assessment = assessment.map(|a| a.date);
    if last_assessment.is_none_or(|l| older_than(l, input.as_of)) {
        flags.push(Flag::StaleQuestionnaire { last: last_assessment });
    }
    if let Some(stage) = input.settings.stages.iter().find(|s| s.key == d.stage) {
        let missing: Vec<String> = unmet_checklist(d, stage).into_iter().map(String::from).collect();
        if !missing.is_empty() {
            flags.push(Flag::ChecklistIncomplete { stage: stage.key.clone(), missing });
        }
    }
    flags
}

/// True when `date` is more than 14 days before `as_of`.
fn older_than(date: NaiveDate, as_of: NaiveDate) -> bool {
    as_of.checked_sub_days(Days::new(STALE_DAYS)).is_some_and(|limit| date < limit)
}

fn key_person_flags(input: &FlagInput<'_>) -> Vec<Flag> {
    let mut flags = Vec::new();
    for p in &input.deal.participants {
        if !matches!(p.role, Role::Approver | Role::DecisionMaker) {
            continue;
        }
        if matches!(p.attitude, Attitude::Negative | Attitude::StrongNegative) {
            flags.push(Flag::KeyPersonNegative { person: p.person.clone(), role: p.role });
        }
        let level = derive_interaction(
            input.activities.iter().copied(),
            &p.person,
            Some(&input.deal.id),
            input.as_of,
            &input.settings.interaction_thresholds,
        )
        .level;
        if level == Interaction::None {
            flags.push(Flag::KeyPersonNoInteraction { person: p.person.clone(), role: p.role });
        }
    }
    flags
}

fn registration_flag(d: &Deal, as_of: NaiveDate) -> Option<Flag> {
    match &d.partner_registration {
        None => Some(Flag::RegistrationNotActive { state: None }),
        Some(r) => {
            let state = registration_state(r, as_of);
            (state != RegistrationState::Active).then_some(Flag::RegistrationNotActive { state: Some(state) })
        }
    }
}

/// "since the previous week": the win rate a week before `as_of` (as_of − 7 days).
pub fn previous_week(as_of: NaiveDate) -> NaiveDate {
    as_of.checked_sub_days(Days::new(7)).unwrap_or(as_of)
}

/// The red flags of one deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealFlags {
    pub deal: String,
    pub name: String,
    pub flags: Vec<Flag>,
}

/// Flags of every deal in `deals`, given all activities.
pub fn flags_of(deals: &[Deal], activities: &[Activity], settings: &Settings, as_of: NaiveDate) -> Vec<DealFlags> {
    let week_before = previous_week(as_of);
    let mut by_deal: HashMap<&str, Vec<&Activity>> = HashMap::new();
    for a in activities {
        if let Some(d) = &a.deal {
            by_deal.entry(d.as_str()).or_default().push(a);
        }
    }
    let none = Vec::new();
    deals
        .iter()
        .map(|d| {
            let now = win_rate(d, &settings.win_rate_weights, as_of);
            let before = (now.rate.is_some() && d.status == DealStatus::Open)
                .then(|| win_rate(d, &settings.win_rate_weights, week_before));
            let input = FlagInput {
                deal: d,
                activities: by_deal.get(d.id.as_str()).unwrap_or(&none),
                settings,
                now: &now,
                week_before: before.as_ref(),
                as_of,
            };
            DealFlags { deal: d.id.clone(), name: d.name.clone(), flags: red_flags(&input) }
        })
        .collect()
}
