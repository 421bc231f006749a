//! The domain: every TAS+ concept of tas-plus.md as a plain Rust type. These
//! types are also the workspace-file schema and, through specta, the
//! TypeScript types of the desktop UI.

pub mod account;
pub mod competitor;
pub mod date;
pub mod deal;
pub mod edit;
pub mod enums;
pub mod number;
pub mod scenario;
pub mod settings;
pub mod summary;
pub mod workspace;

pub use account::{Account, Activity, Circle, InfluenceLink, Person};
pub use competitor::{Competitor, CompetitorEvent};
pub use deal::{
    ActionItem, Assessment, ChecklistMark, CoachingSession, Comparison, CompellingEvent, Deal,
    DecisionLink, Participant, PartnerRegistration, Quote, ResourceRequest, Score, TeamMember,
    ValueProposition, US,
};
pub use edit::{Edit, EditOutcome, PersonPatch};
pub use enums::*;
pub use settings::{
    GradeThresholds, InteractionThresholds, Position, Settings, StageDef, TacticDef, WinRateWeights,
};
pub use scenario::{DealView, Judgement, Scenario, ScenarioChange, ScenarioSummary, ScenarioView};
pub use summary::{AccountSummary, CompetitorSummary, DealSummary, PersonSummary};
pub use workspace::Workspace;
