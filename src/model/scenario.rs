//! Sand-table scenarios (沙盘推演, issue 7): a named fork of one deal in which
//! the team changes attitudes, roles, scores, the inside source, compelling
//! events, competitors and planned activities to see what the win rate and the
//! red flags would become. The real deal is untouched until the scenario is
//! promoted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Activity, Deal};
use crate::engine::coaching::ActionAt;
use crate::engine::flags::Flag;
use crate::engine::stages::StageChecklist;
use crate::engine::win_rate::WinRate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Scenario {
    pub id: String,
    pub name: String,
    pub created_on: NaiveDate,
    /// The deal as the scenario has it (same id as the real deal).
    pub deal: Deal,
    /// The activities linked to the deal, as the scenario has them.
    pub activities: Vec<Activity>,
}

/// What the engine makes of one version of a deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Judgement {
    pub win_rate: WinRate,
    pub flags: Vec<Flag>,
    /// Index in the judged deal's assessments of the one in force on the
    /// judgement's date, the one the win rate used (a later-dated assessment
    /// is not in force yet); `None` before the first.
    pub assessment_in_force: Option<u32>,
    /// The deal's coaching action items overdue on the judgement's date.
    pub overdue_actions: Vec<ActionAt>,
    /// The exit checklist of the deal's stage as marked on it; `None` when the
    /// stage is not in the template.
    pub checklist: Option<StageChecklist>,
}

/// A scenario beside reality: both judgements and what differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScenarioView {
    pub scenario: Scenario,
    pub real: Judgement,
    pub projected: Judgement,
    /// Percentage points the scenario adds to (or takes from) the real win
    /// rate; `None` when either has no rate.
    pub delta: Option<f64>,
    pub changes: Vec<ScenarioChange>,
}

/// One input the scenario changed, for the side-by-side view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScenarioChange {
    Participant { person: String, field: String, from: String, to: String },
    ParticipantAdded { person: String },
    ParticipantRemoved { person: String },
    InsideSource { from: Option<String>, to: Option<String> },
    Score { party: String, field: String, from: f64, to: f64 },
    CompellingEvents { from: u32, to: u32, confirmed_from: u32, confirmed_to: u32 },
    CompetitorAdded { competitor: String },
    CompetitorRemoved { competitor: String },
    Shortlist { from: bool, to: bool },
    Assessments { from: u32, to: u32 },
    ActivityAdded { activity: String },
    ActivityRemoved { activity: String },
    ActivityChanged { activity: String },
    Other { field: String },
}

/// The scenarios of a deal, as lists show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScenarioSummary {
    pub id: String,
    pub deal: String,
    pub name: String,
    pub created_on: NaiveDate,
}

/// One deal as the deal workspace shows it: every element, its activities,
/// and the engine's judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealView {
    pub deal: Deal,
    pub activities: Vec<Activity>,
    pub judgement: Judgement,
}
