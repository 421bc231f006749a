//! One opportunity and its TAS+ elements (sales-process layer, §2–3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::enums::{
    Aspect, Attitude, CompellingKind, DealStatus, Grade, RegistrationStatus, RelationshipStrategy,
    RequestStatus, Role, SalesMode, Strategy,
};

/// The party "us" in scores, quotes and comparisons; every other party is a competitor id.
pub const US: &str = "us";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Deal {
    pub id: String,
    pub account: String,
    pub name: String,
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub amount: f64,
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Key of a stage in the workspace's stage template.
    pub stage: String,
    #[serde(default = "open_status")]
    pub status: DealStatus,
    #[serde(default, deserialize_with = "super::date::strict_option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub expected_close: Option<NaiveDate>,
    #[serde(default)]
    pub grade_override: Option<Grade>,
    #[serde(default)]
    pub override_reason: String,
    #[serde(default)]
    pub partner_led: bool,
    #[serde(default)]
    pub partner_registration: Option<PartnerRegistration>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub decision_links: Vec<DecisionLink>,
    #[serde(default)]
    pub compelling_events: Vec<CompellingEvent>,
    /// Competitors on this deal (ids from the library).
    #[serde(default)]
    pub competitors: Vec<String>,
    /// The user marks that we are not on the shortlist (§3.5 rule 3).
    #[serde(default)]
    pub not_shortlisted: bool,
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub strategy: Option<Strategy>,
    #[serde(default)]
    pub tactics: Vec<String>,
    #[serde(default)]
    pub value_proposition: ValueProposition,
    #[serde(default)]
    pub team: Vec<TeamMember>,
    #[serde(default)]
    pub coaching: Vec<CoachingSession>,
    /// Extension: direct, channel or partner-led sales mode (§2.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_mode: Option<SalesMode>,
    /// Extension: resource requests of the deal team (§2.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_requests: Vec<ResourceRequest>,
    /// Extension: exit-checklist items met, per stage (§2.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<ChecklistMark>,
}

fn default_currency() -> String {
    "CNY".into()
}
fn open_status() -> DealStatus {
    DealStatus::Open
}

/// 合作伙伴报备 (§2.2): replaces the TAS+ process for grade-E deals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PartnerRegistration {
    pub partner: String,
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub registered_on: NaiveDate,
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub protection_until: NaiveDate,
    pub status: RegistrationStatus,
}

/// A person of the deal's account taking part in this deal's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub person: String,
    #[serde(default = "unknown_role")]
    pub role: Role,
    /// Attitude to us on this deal.
    #[serde(default = "unknown_attitude")]
    pub attitude: Attitude,
    /// Chosen relationship strategy; `null` means "use the suggestion".
    #[serde(default)]
    pub relationship_strategy: Option<RelationshipStrategy>,
}

fn unknown_role() -> Role {
    Role::Unknown
}
fn unknown_attitude() -> Attitude {
    Attitude::Unknown
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct DecisionLink {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: String,
}

/// 必要条件 (§3.1): a fact proving the customer will do the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CompellingEvent {
    pub description: String,
    pub kind: CompellingKind,
    pub confirmed: bool,
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub assessed_on: NaiveDate,
    #[serde(default)]
    pub evidence: String,
}

/// One questionnaire assessment (§3.3), kept as history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: NaiveDate,
    /// The inside source (coach), a person of the deal's account; `null` when we have none.
    #[serde(default)]
    pub inside_source: Option<String>,
    /// Who took part (the seller and the manager, by name).
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// `us` or a competitor id.
    pub party: String,
    /// 需求满足度, 0–10.
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub fit: f64,
    /// 关系紧密度, 0–10.
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub closeness: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// `us` or a competitor id.
    pub party: String,
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: NaiveDate,
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub amount: f64,
    #[serde(default)]
    pub note: String,
}

/// 价值主张 (§3.7) with the comparison against the top-two competitors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ValueProposition {
    #[serde(default)]
    pub solution: String,
    #[serde(default)]
    pub business_value: String,
    #[serde(default)]
    pub comparison: Vec<Comparison>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub aspect: Aspect,
    /// `us` or a competitor id.
    pub party: String,
    #[serde(default)]
    pub note: String,
}

/// A colleague on the deal team (§2.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    pub colleague: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub role: String,
}

/// Who asks which department for what, and how much (§2.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ResourceRequest {
    pub requested_by: String,
    pub department: String,
    pub what: String,
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub person_days: f64,
    pub status: RequestStatus,
}

/// 督导推进 (§3.9): one coaching session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CoachingSession {
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: NaiveDate,
    pub coach: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Extension: the TAS+ elements reviewed (e.g. `compelling_event`, `win_rate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, deserialize_with = "super::date::strict_option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// An exit-checklist item met for one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ChecklistMark {
    pub stage: String,
    pub item: String,
}
