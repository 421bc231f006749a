//! 商机阶段 — stage gates (tas-plus.md §2.1 and §2.2): when a deal may move
//! from its stage to another, by its grade. Pure: the deal, its effective
//! grade, the stage template and a date in, what is missing out.
//!
//! Where the spec is silent:
//! - Moving backwards (to an earlier stage) is always allowed for an open deal
//!   and records nothing special; moving to the stage the deal is in is a
//!   no-op, also allowed.
//! - A/B ("full TAS+: every stage, every method"): one stage forward at a time,
//!   and only once the exit checklist of the stage being left is fully met.
//!   A refused skip lists the stages skipped and the unmet items of the
//!   current stage (not those of the skipped ones).
//! - C/D ("fast track: may jump from the first stage straight to the last;
//!   most TAS+ methods optional"): one stage forward at a time, or the single
//!   jump first → last; any other skip is refused. Their exit checklists are
//!   optional: marks are kept but never enforced.
//! - E ("partner registration instead of the TAS+ process"): any forward move,
//!   skips included, checklists not enforced, but only while the partner
//!   registration is active on the day of the move (see
//!   [`registration_state`]); no registration at all is refused too.
//! - Closed deals (won, lost, abandoned) do not move, in either direction.
//! - A deal whose stage is no longer in the template (only possible after a
//!   template edit outside the app) may move to any template stage: there is
//!   no gate to check, and this is the way back into the template.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Deal, DealStatus, Grade, PartnerRegistration, RegistrationStatus, StageDef};

/// Where a partner registration stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum RegistrationState {
    /// Approved and still protected.
    Active,
    Expired,
    Pending,
    Rejected,
}

impl RegistrationState {
    pub fn key(self) -> &'static str {
        match self {
            RegistrationState::Active => "active",
            RegistrationState::Expired => "expired",
            RegistrationState::Pending => "pending",
            RegistrationState::Rejected => "rejected",
        }
    }
}

/// "A partner registration holds the partner, registration date, protection
/// period end and status (pending/approved/expired/rejected)": an approved
/// registration is active through its `protection_until` day and expired from
/// the day after (approved and `protection_until < as_of` → expired). The
/// other statuses stand as recorded.
pub fn registration_state(reg: &PartnerRegistration, as_of: NaiveDate) -> RegistrationState {
    match reg.status {
        RegistrationStatus::Approved if reg.protection_until < as_of => RegistrationState::Expired,
        RegistrationStatus::Approved => RegistrationState::Active,
        RegistrationStatus::Expired => RegistrationState::Expired,
        RegistrationStatus::Pending => RegistrationState::Pending,
        RegistrationStatus::Rejected => RegistrationState::Rejected,
    }
}

/// One thing that keeps a deal from moving, named so the user can fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Missing {
    /// The deal is closed (won, lost or abandoned); only open deals move.
    OpenDeal { status: DealStatus },
    /// The target is not a stage of the template.
    UnknownStage { stage: String },
    /// A stage the move would skip.
    SkippedStage { stage: String, name: String },
    /// An exit-checklist item of the stage being left, not yet met.
    ChecklistItem { stage: String, stage_name: String, item: String },
    /// Grade E: no active partner registration (`state` is `None` when the
    /// deal has no registration at all).
    PartnerRegistration { state: Option<RegistrationState>, protection_until: Option<NaiveDate> },
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::OpenDeal { status } => write!(f, "the deal is closed ({status}); closed deals do not move"),
            Missing::UnknownStage { stage } => write!(f, "\"{stage}\" is not a stage of the stage template"),
            Missing::SkippedStage { stage, name } => write!(f, "stage \"{name}\" ({stage}) would be skipped"),
            Missing::ChecklistItem { stage, stage_name, item } => {
                write!(f, "exit checklist of \"{stage_name}\" ({stage}): \"{item}\" is not met")
            }
            Missing::PartnerRegistration { state: None, .. } => {
                f.write_str("partner-led (grade E) deal without a partner registration")
            }
            Missing::PartnerRegistration { state: Some(state), protection_until } => {
                write!(f, "the partner registration is {}", state.key())?;
                match (state, protection_until) {
                    (RegistrationState::Expired, Some(until)) => write!(f, " (protection ended {until})"),
                    _ => Ok(()),
                }?;
                f.write_str("; a partner-led (grade E) deal moves only under an approved, unexpired registration")
            }
        }
    }
}

/// The stage gate of §2.1/§2.2: may `deal`, of effective grade `grade`, move
/// from its stage to `to` on `as_of`? `Err` lists everything missing.
pub fn check_move(
    deal: &Deal,
    grade: Grade,
    stages: &[StageDef],
    to: &str,
    as_of: NaiveDate,
) -> Result<(), Vec<Missing>> {
    if deal.status != DealStatus::Open {
        return Err(vec![Missing::OpenDeal { status: deal.status }]);
    }
    let Some(to_index) = stage_index(stages, to) else {
        return Err(vec![Missing::UnknownStage { stage: to.to_string() }]);
    };
    let Some(from_index) = stage_index(stages, &deal.stage) else {
        return Ok(());
    };
    if to_index <= from_index {
        return Ok(());
    }
    let missing = match grade {
        Grade::A | Grade::B => full_process_gate(deal, stages, from_index, to_index),
        Grade::C | Grade::D => fast_track_gate(stages, from_index, to_index),
        Grade::E => partner_gate(deal.partner_registration.as_ref(), as_of),
    };
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing)
    }
}

/// A/B: "full TAS+: every stage, every method" and "the exit is a checklist
/// the deal must meet to move on": no stage skipped, and every exit item of
/// the stage being left marked on the deal.
fn full_process_gate(deal: &Deal, stages: &[StageDef], from: usize, to: usize) -> Vec<Missing> {
    let mut missing = skipped(stages, from, to);
    let current = &stages[from];
    for item in unmet_checklist(deal, current) {
        missing.push(Missing::ChecklistItem {
            stage: current.key.clone(),
            stage_name: current.name.clone(),
            item: item.to_string(),
        });
    }
    missing
}

/// C/D: "fast track: may jump from the first stage straight to the last;
/// most TAS+ methods optional": one step, or first → last; checklists optional.
fn fast_track_gate(stages: &[StageDef], from: usize, to: usize) -> Vec<Missing> {
    if is_fast_track(stages, from, to) {
        Vec::new()
    } else {
        skipped(stages, from, to)
    }
}

/// True for the C/D jump "from the first stage straight to the last".
pub fn is_fast_track(stages: &[StageDef], from: usize, to: usize) -> bool {
    from == 0 && to + 1 == stages.len() && to > 1
}

/// E: "partner registration (合作伙伴报备) instead of the TAS+ process": any
/// forward move while the registration is active on `as_of`.
fn partner_gate(registration: Option<&PartnerRegistration>, as_of: NaiveDate) -> Vec<Missing> {
    match registration {
        None => vec![Missing::PartnerRegistration { state: None, protection_until: None }],
        Some(reg) => match registration_state(reg, as_of) {
            RegistrationState::Active => Vec::new(),
            state => {
                vec![Missing::PartnerRegistration { state: Some(state), protection_until: Some(reg.protection_until) }]
            }
        },
    }
}

/// The stages strictly between `from` and `to`.
fn skipped(stages: &[StageDef], from: usize, to: usize) -> Vec<Missing> {
    stages[from + 1..to].iter().map(|s| Missing::SkippedStage { stage: s.key.clone(), name: s.name.clone() }).collect()
}

/// Exit-checklist items of `stage` not marked on `deal`, in template order.
pub fn unmet_checklist<'a>(deal: &Deal, stage: &'a StageDef) -> Vec<&'a str> {
    stage
        .exit_checklist
        .iter()
        .filter(|item| !deal.checklist.iter().any(|m| m.stage == stage.key && &m.item == *item))
        .map(String::as_str)
        .collect()
}

/// Which way a move goes in the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Direction {
    Forward,
    Backward,
    /// To the stage the deal is already in: nothing changes.
    Stay,
    /// From a stage no longer in the template back into it.
    IntoTemplate,
}

/// A move that was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageMove {
    pub deal: String,
    pub from: String,
    pub to: String,
    /// zh-CN names from the template (the key when the stage is not in it).
    pub from_name: String,
    pub to_name: String,
    /// Effective grade the gate was checked for.
    pub grade: Grade,
    pub direction: Direction,
    /// The C/D jump from the first stage straight to the last.
    pub fast_track: bool,
}

/// What a move from `deal.stage` to `to` is, once [`check_move`] allowed it.
pub fn describe_move(deal: &Deal, grade: Grade, stages: &[StageDef], to: &str) -> StageMove {
    let name = |key: &str| stages.iter().find(|s| s.key == key).map_or_else(|| key.to_string(), |s| s.name.clone());
    let (from_index, to_index) = (stage_index(stages, &deal.stage), stage_index(stages, to));
    let direction = match (from_index, to_index) {
        (Some(f), Some(t)) if t > f => Direction::Forward,
        (Some(f), Some(t)) if t < f => Direction::Backward,
        (Some(_), Some(_)) => Direction::Stay,
        _ => Direction::IntoTemplate,
    };
    let fast_track = matches!(grade, Grade::C | Grade::D)
        && matches!((from_index, to_index), (Some(f), Some(t)) if is_fast_track(stages, f, t));
    StageMove {
        deal: deal.id.clone(),
        from: deal.stage.clone(),
        to: to.to_string(),
        from_name: name(&deal.stage),
        to_name: name(to),
        grade,
        direction,
        fast_track,
    }
}

/// One exit-checklist item and whether the deal meets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChecklistItemState {
    pub item: String,
    pub done: bool,
}

/// The exit checklist of one stage, as marked on one deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageChecklist {
    pub deal: String,
    pub stage: String,
    pub stage_name: String,
    /// In template order.
    pub items: Vec<ChecklistItemState>,
    /// Every item is met (true for an empty checklist).
    pub complete: bool,
}

/// The exit checklist of `stage` on `deal`.
pub fn stage_checklist(deal: &Deal, stage: &StageDef) -> StageChecklist {
    let unmet = unmet_checklist(deal, stage);
    StageChecklist {
        deal: deal.id.clone(),
        stage: stage.key.clone(),
        stage_name: stage.name.clone(),
        items: stage
            .exit_checklist
            .iter()
            .map(|item| ChecklistItemState { item: item.clone(), done: !unmet.contains(&item.as_str()) })
            .collect(),
        complete: unmet.is_empty(),
    }
}

/// Position of the stage `key` in the template.
pub fn stage_index(stages: &[StageDef], key: &str) -> Option<usize> {
    stages.iter().position(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::settings::default_stages;
    use crate::model::ChecklistMark;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn deal(stage: &str) -> Deal {
        serde_json::from_value(serde_json::json!({
            "id": "d", "account": "a", "name": "n", "amount": 1, "stage": stage,
        }))
        .unwrap()
    }

    fn with_marks(mut d: Deal, marks: &[(&str, &str)]) -> Deal {
        d.checklist = marks.iter().map(|(s, i)| ChecklistMark { stage: s.to_string(), item: i.to_string() }).collect();
        d
    }

    /// `d` with every exit item of `stage` (default template) marked.
    fn all_met(d: Deal, stage: &str) -> Deal {
        let stages = default_stages();
        let s = stages.iter().find(|s| s.key == stage).unwrap();
        let marks: Vec<(&str, &str)> = s.exit_checklist.iter().map(|i| (stage, i.as_str())).collect();
        with_marks(d, &marks)
    }

    fn registration(status: RegistrationStatus, until: &str) -> PartnerRegistration {
        PartnerRegistration {
            partner: "北辰集成".into(),
            registered_on: date("2026-01-01"),
            protection_until: date(until),
            status,
        }
    }

    #[test]
    fn registration_state_table() {
        use RegistrationStatus as S;
        let as_of = date("2026-11-20");
        let cases = [
            (S::Approved, "2026-11-21", RegistrationState::Active),
            (S::Approved, "2026-11-20", RegistrationState::Active),
            (S::Approved, "2026-11-19", RegistrationState::Expired),
            (S::Expired, "2027-01-01", RegistrationState::Expired),
            (S::Pending, "2026-01-02", RegistrationState::Pending),
            (S::Rejected, "2027-01-01", RegistrationState::Rejected),
        ];
        for (status, until, want) in cases {
            assert_eq!(registration_state(&registration(status, until), as_of), want, "{status} {until}");
        }
    }

    fn skip(key: &str, name: &str) -> Missing {
        Missing::SkippedStage { stage: key.into(), name: name.into() }
    }

    fn item(stage: &str, stage_name: &str, item: &str) -> Missing {
        Missing::ChecklistItem { stage: stage.into(), stage_name: stage_name.into(), item: item.into() }
    }

    #[test]
    fn gate_table() {
        let stages = default_stages();
        let as_of = date("2026-11-20");
        let active = Some(registration(RegistrationStatus::Approved, "2026-12-31"));
        let expired = Some(registration(RegistrationStatus::Approved, "2026-11-19"));
        type Case = (&'static str, Deal, Grade, &'static str, Result<(), Vec<Missing>>);
        let cases: Vec<Case> = vec![
            ("A one step, checklist met", all_met(deal("validate"), "validate"), Grade::A, "initiate", Ok(())),
            (
                "A one step, checklist unmet",
                with_marks(deal("validate"), &[("validate", "确认为真实商机")]),
                Grade::A,
                "initiate",
                Err(vec![item("validate", "验证商机", "开始协调内部资源")]),
            ),
            (
                "B skip refused, skipped stages and unmet items listed",
                deal("needs_analysis"),
                Grade::B,
                "tender_preparation",
                Err(vec![
                    skip("value_presentation", "价值呈现"),
                    item("needs_analysis", "需求分析", "价值主张已确定"),
                    item("needs_analysis", "需求分析", "竞争策略已确定"),
                    item("needs_analysis", "需求分析", "行动计划已确定"),
                ]),
            ),
            (
                "A skip refused even with the checklist met",
                all_met(deal("needs_analysis"), "needs_analysis"),
                Grade::A,
                "tender_preparation",
                Err(vec![skip("value_presentation", "价值呈现")]),
            ),
            (
                "A first → last refused",
                all_met(deal("validate"), "validate"),
                Grade::A,
                "negotiation",
                Err(vec![
                    skip("initiate", "商机立项"),
                    skip("needs_analysis", "需求分析"),
                    skip("value_presentation", "价值呈现"),
                    skip("tender_preparation", "招标准备"),
                    skip("bidding", "组织投标"),
                ]),
            ),
            ("A backwards allowed, checklist unmet", deal("bidding"), Grade::A, "validate", Ok(())),
            ("A same stage is a no-op", deal("bidding"), Grade::A, "bidding", Ok(())),
            ("C first → last: fast track", deal("validate"), Grade::C, "negotiation", Ok(())),
            ("D first → last: fast track", deal("validate"), Grade::D, "negotiation", Ok(())),
            ("C one step, checklist not enforced", deal("needs_analysis"), Grade::C, "value_presentation", Ok(())),
            (
                "C first → third refused",
                deal("validate"),
                Grade::C,
                "needs_analysis",
                Err(vec![skip("initiate", "商机立项")]),
            ),
            (
                "D second → last refused",
                deal("initiate"),
                Grade::D,
                "negotiation",
                Err(vec![
                    skip("needs_analysis", "需求分析"),
                    skip("value_presentation", "价值呈现"),
                    skip("tender_preparation", "招标准备"),
                    skip("bidding", "组织投标"),
                ]),
            ),
            (
                "E active registration: any forward move",
                Deal { partner_registration: active.clone(), ..deal("validate") },
                Grade::E,
                "bidding",
                Ok(()),
            ),
            (
                "E expired registration refused",
                Deal { partner_registration: expired.clone(), ..deal("validate") },
                Grade::E,
                "initiate",
                Err(vec![Missing::PartnerRegistration {
                    state: Some(RegistrationState::Expired),
                    protection_until: Some(date("2026-11-19")),
                }]),
            ),
            (
                "E without registration refused",
                deal("validate"),
                Grade::E,
                "initiate",
                Err(vec![Missing::PartnerRegistration { state: None, protection_until: None }]),
            ),
            (
                "E pending refused",
                Deal {
                    partner_registration: Some(registration(RegistrationStatus::Pending, "2027-01-01")),
                    ..deal("validate")
                },
                Grade::E,
                "initiate",
                Err(vec![Missing::PartnerRegistration {
                    state: Some(RegistrationState::Pending),
                    protection_until: Some(date("2027-01-01")),
                }]),
            ),
            (
                "E backwards with expired registration",
                Deal { partner_registration: expired, ..deal("bidding") },
                Grade::E,
                "validate",
                Ok(()),
            ),
            (
                "closed deals do not move, even backwards",
                Deal { status: DealStatus::Won, ..deal("negotiation") },
                Grade::C,
                "validate",
                Err(vec![Missing::OpenDeal { status: DealStatus::Won }]),
            ),
            (
                "lost deals do not move",
                Deal { status: DealStatus::Lost, ..deal("bidding") },
                Grade::A,
                "negotiation",
                Err(vec![Missing::OpenDeal { status: DealStatus::Lost }]),
            ),
            (
                "abandoned deals do not move",
                Deal { status: DealStatus::Abandoned, ..deal("bidding") },
                Grade::E,
                "validate",
                Err(vec![Missing::OpenDeal { status: DealStatus::Abandoned }]),
            ),
            (
                "unknown target stage",
                deal("validate"),
                Grade::C,
                "nowhere",
                Err(vec![Missing::UnknownStage { stage: "nowhere".into() }]),
            ),
            ("current stage out of the template", deal("old_stage"), Grade::A, "bidding", Ok(())),
        ];
        for (name, d, grade, to, want) in cases {
            assert_eq!(check_move(&d, grade, &stages, to, as_of), want, "{name}");
        }
    }

    #[test]
    fn registration_boundary_on_the_move_day() {
        let stages = default_stages();
        let d = Deal {
            partner_registration: Some(registration(RegistrationStatus::Approved, "2026-11-20")),
            ..deal("validate")
        };
        assert_eq!(check_move(&d, Grade::E, &stages, "initiate", date("2026-11-20")), Ok(()));
        assert!(check_move(&d, Grade::E, &stages, "initiate", date("2026-11-21")).is_err());
    }

    #[test]
    fn moves_are_described() {
        let stages = default_stages();
        let cases = [
            ("validate", Grade::C, "negotiation", Direction::Forward, true),
            ("validate", Grade::A, "negotiation", Direction::Forward, false),
            ("validate", Grade::E, "negotiation", Direction::Forward, false),
            ("validate", Grade::D, "initiate", Direction::Forward, false),
            ("bidding", Grade::A, "initiate", Direction::Backward, false),
            ("bidding", Grade::A, "bidding", Direction::Stay, false),
            ("gone", Grade::A, "bidding", Direction::IntoTemplate, false),
        ];
        for (from, grade, to, direction, fast_track) in cases {
            let m = describe_move(&deal(from), grade, &stages, to);
            assert_eq!((m.direction, m.fast_track), (direction, fast_track), "{from} → {to} ({grade})");
            assert_eq!((m.from.as_str(), m.to.as_str(), m.grade), (from, to, grade));
        }
        let m = describe_move(&deal("gone"), Grade::A, &stages, "bidding");
        assert_eq!((m.from_name.as_str(), m.to_name.as_str()), ("gone", "组织投标"));
    }

    #[test]
    fn checklist_state_follows_the_marks_of_that_stage_only() {
        let stages = default_stages();
        let d =
            with_marks(deal("needs_analysis"), &[("needs_analysis", "竞争策略已确定"), ("validate", "价值主张已确定")]);
        let c = stage_checklist(&d, &stages[2]);
        let got: Vec<(&str, bool)> = c.items.iter().map(|i| (i.item.as_str(), i.done)).collect();
        assert_eq!(got, [("价值主张已确定", false), ("竞争策略已确定", true), ("行动计划已确定", false)]);
        assert!(!c.complete);
        let full = all_met(deal("needs_analysis"), "needs_analysis");
        assert!(stage_checklist(&full, &stages[2]).complete);
        let empty = StageDef { exit_checklist: vec![], ..stages[0].clone() };
        assert!(stage_checklist(&d, &empty).complete);
    }

    #[test]
    fn fast_track_needs_a_real_jump() {
        let stages = default_stages();
        assert!(is_fast_track(&stages, 0, 6));
        assert!(!is_fast_track(&stages, 1, 6));
        assert!(!is_fast_track(&stages, 0, 5));
        // With two stages, first → last is a plain step.
        assert!(!is_fast_track(&stages[..2], 0, 1));
    }

    #[test]
    fn messages_name_what_is_missing() {
        let texts = [
            (
                item("validate", "验证商机", "开始协调内部资源"),
                "exit checklist of \"验证商机\" (validate): \"开始协调内部资源\" is not met",
            ),
            (skip("initiate", "商机立项"), "stage \"商机立项\" (initiate) would be skipped"),
            (Missing::OpenDeal { status: DealStatus::Lost }, "the deal is closed (lost); closed deals do not move"),
        ];
        for (m, want) in texts {
            assert_eq!(m.to_string(), want);
        }
        let expired = Missing::PartnerRegistration {
            state: Some(RegistrationState::Expired),
            protection_until: Some(date("2026-11-19")),
        };
        assert!(expired.to_string().starts_with("the partner registration is expired (protection ended 2026-11-19)"));
        let json = serde_json::to_value(&expired).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "partner_registration", "state": "expired", "protection_until": "2026-11-19"})
        );
    }
}
