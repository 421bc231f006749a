//! The workspace-wide competitor library (§3.2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub info: String,
    /// Core partners of the competitor.
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub weaknesses: String,
    /// Important events, e.g. an acquisition or a lost reference.
    #[serde(default)]
    pub events: Vec<CompetitorEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CompetitorEvent {
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: NaiveDate,
    pub text: String,
}
