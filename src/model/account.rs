//! Key-account knowledge (ESP+ layer, §1 and §3.4): people, reporting lines,
//! circles, influence edges and activities, independent of any one deal.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::enums::{ActivityStatus, ActivityType, Attitude, Influence, Orientation};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub notes: String,
    /// Named circles (圈子) of the political map.
    #[serde(default)]
    pub circles: Vec<Circle>,
    #[serde(default)]
    pub people: Vec<Person>,
    /// Directed "influences" edges of the political map.
    #[serde(default)]
    pub influences: Vec<InfluenceLink>,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Circle {
    pub id: String,
    pub name: String,
}

/// A person at the customer with the account-level dimensions of the profile.
/// Interaction is derived from activities and therefore not stored here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub department: String,
    /// Solid-line manager (at most one; the solid lines stay acyclic).
    #[serde(default)]
    pub manager: Option<String>,
    #[serde(default)]
    pub dotted_managers: Vec<String>,
    #[serde(default = "unknown_orientation")]
    pub orientation: Orientation,
    /// Overall attitude to us (account level).
    #[serde(default = "unknown_attitude")]
    pub attitude: Attitude,
    #[serde(default = "unknown_influence")]
    pub influence: Influence,
    #[serde(default)]
    pub circles: Vec<String>,
    #[serde(default)]
    pub primary_circle: Option<String>,
    /// Competitor this person leans to, if any.
    #[serde(default)]
    pub leans_to: Option<String>,
    #[serde(default)]
    pub notes: String,
    /// Extension: contact details, as CRMs and HR systems export them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

fn unknown_orientation() -> Orientation {
    Orientation::Unknown
}
fn unknown_attitude() -> Attitude {
    Attitude::Unknown
}
fn unknown_influence() -> Influence {
    Influence::Unknown
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct InfluenceLink {
    pub from: String,
    pub to: String,
    /// 1 (weak) to 3 (strong).
    pub strength: u8,
}

/// An interaction with the customer (§3.8); done ones drive the interaction level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    #[serde(deserialize_with = "super::date::strict")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: NaiveDate,
    #[serde(rename = "type")]
    pub kind: ActivityType,
    pub status: ActivityStatus,
    /// The deal it serves, if any.
    #[serde(default)]
    pub deal: Option<String>,
    /// Customer participants.
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub summary: String,
    /// The problem or tactic it addresses.
    #[serde(default)]
    pub addresses: String,
    /// Extension: our participants (colleagues' names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub our_people: Vec<String>,
    /// Extension: what came out of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
}
