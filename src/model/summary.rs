//! Read models for lists: what the account list, the deal list and the CLI's
//! tables show. Built by the store from the normalized tables.

use chrono::NaiveDate;
use serde::Serialize;

use super::enums::{DealStatus, Grade, Process};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountSummary {
    pub id: String,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub people: u32,
    pub open_deals: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealSummary {
    pub id: String,
    pub account: String,
    pub account_name: String,
    pub name: String,
    pub amount: f64,
    pub currency: String,
    pub stage: String,
    /// Stage name in zh-CN and in English, from the stage template.
    pub stage_name: String,
    pub stage_name_en: String,
    /// Position of the stage in the template, from 1.
    pub stage_index: u32,
    pub status: DealStatus,
    /// Effective grade (§2.2): E when partner-led, else the override, else by amount.
    pub grade: Grade,
    /// The process the grade calls for (§2.2): full TAS+, fast track, or partner registration.
    pub process: Process,
    pub expected_close: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub manager: Option<String>,
    pub manager_name: Option<String>,
    pub attitude: super::enums::Attitude,
    pub orientation: super::enums::Orientation,
    pub influence: super::enums::Influence,
}

/// A competitor of the library, as lists and labels show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CompetitorSummary {
    pub id: String,
    pub name: String,
}
