//! Map edits (issue 5): every change an account manager makes while drawing
//! the relationship map (§3.4) — reporting lines, circles, influence edges,
//! deal participants and decision links — as one value the core applies in one
//! transaction. Applying an edit returns its exact inverse, itself an edit, so
//! the UI keeps the session's undo/redo stacks as plain lists of edits.

use serde::{Deserialize, Deserializer, Serialize};

use super::enums::{Attitude, Influence, Orientation};
use super::{Account, Activity, Competitor, Deal, DecisionLink, InfluenceLink, Participant, Settings};
use crate::engine::curve::Snapshot;

/// One map edit, tagged by `op` (e.g. `{"op":"set_manager","person":"p3","manager":"p1"}`).
/// Ids left `null` where allowed are assigned by the core and returned in
/// [`EditOutcome::created`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    CreateAccount {
        #[serde(default)]
        id: Option<String>,
        name: String,
        #[serde(default)]
        industry: String,
        #[serde(default)]
        region: String,
    },
    /// Changes the given fields of an account; absent fields stay as they are.
    UpdateAccount {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        industry: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        region: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notes: Option<String>,
    },
    /// Deletes an account with everything in it (people, circles, deals, activities).
    DeleteAccount {
        id: String,
    },
    /// Adds a person to an account; every other dimension starts "unknown".
    AddPerson {
        account: String,
        #[serde(default)]
        id: Option<String>,
        name: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        department: String,
        #[serde(default)]
        manager: Option<String>,
    },
    UpdatePerson {
        id: String,
        patch: PersonPatch,
    },
    /// Deletes a person; their reports lose their solid-line manager, and the
    /// person leaves every circle, influence edge, deal and activity.
    DeletePerson {
        id: String,
    },
    /// Re-parents a person in the reporting tree (`null`: no solid-line manager).
    SetManager {
        person: String,
        #[serde(default)]
        manager: Option<String>,
    },
    AddDottedLine {
        person: String,
        manager: String,
    },
    RemoveDottedLine {
        person: String,
        manager: String,
    },
    /// Sets all dotted-line managers of a person, in order.
    SetDottedManagers {
        person: String,
        managers: Vec<String>,
    },
    AddInfluence {
        from: String,
        to: String,
        strength: u8,
    },
    SetInfluenceStrength {
        from: String,
        to: String,
        strength: u8,
    },
    RemoveInfluence {
        from: String,
        to: String,
    },
    /// Sets all influence edges of an account, in order.
    SetInfluences {
        account: String,
        influences: Vec<InfluenceLink>,
    },
    CreateCircle {
        account: String,
        #[serde(default)]
        id: Option<String>,
        name: String,
    },
    RenameCircle {
        id: String,
        name: String,
    },
    /// Deletes a circle; its members leave it (and lose it as primary circle).
    DeleteCircle {
        id: String,
    },
    /// Puts a person in exactly these circles of their account, one of them primary.
    SetCircles {
        person: String,
        circles: Vec<String>,
        #[serde(default)]
        primary: Option<String>,
    },
    /// Adds a participant to a deal, or updates their role, attitude and relationship strategy.
    SetParticipant {
        deal: String,
        participant: Participant,
    },
    /// Removes a participant from a deal, with the decision links they are an end of.
    RemoveParticipant {
        deal: String,
        person: String,
    },
    AddDecisionLink {
        deal: String,
        from: String,
        to: String,
        #[serde(default)]
        label: String,
    },
    RemoveDecisionLink {
        deal: String,
        from: String,
        to: String,
    },
    /// Sets the participants and decision links of a deal, in order.
    SetDecisionMap {
        deal: String,
        participants: Vec<Participant>,
        decision_links: Vec<DecisionLink>,
    },
    /// Replaces every element of a deal (§3: compelling events, assessments,
    /// competitors, quotes, strategy, value proposition, team, coaching, …)
    /// with `deal`, checked by the importer's rules. The stage is not changed
    /// here: stage moves go through the exit checklist. When `activities` is
    /// given, it replaces the activities linked to this deal.
    UpdateDeal {
        deal: Box<Deal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        activities: Option<Vec<Activity>>,
    },
    /// Adds an activity to an account, or replaces the one with its id.
    SetActivity {
        account: String,
        activity: Activity,
    },
    RemoveActivity {
        id: String,
    },
    /// Adds a competitor to the workspace library, or replaces the one with its
    /// id (name, info, partners, strengths, weaknesses, events). `position`:
    /// its index in the library (absent: where it is, else at the end).
    SetCompetitor {
        competitor: Competitor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<u32>,
    },
    /// Removes a competitor from the library; refused while a deal, a score,
    /// a quote, a comparison or a person still names it.
    RemoveCompetitor {
        id: String,
    },
    /// Replaces the workspace settings (tactics library, stage template,
    /// thresholds, weights, …), checked against every deal.
    UpdateSettings {
        settings: Box<Settings>,
    },
    /// Several edits applied together, all or nothing (undone in reverse order).
    Batch {
        edits: Vec<Edit>,
    },
    /// Puts back an account with everything in it: the inverse of destructive
    /// edits. An account of that id is replaced; `position` and
    /// `deal_positions` are indexes in the workspace's account and deal lists
    /// (absent: where they are now, else at the end); `snapshots` are the
    /// weekly win-rate snapshots of its deals (absent: kept as they are).
    ReplaceAccount {
        account: Account,
        #[serde(default)]
        deals: Vec<Deal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<u32>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        deal_positions: Vec<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        snapshots: Option<Vec<Snapshot>>,
    },
}

/// The account-level profile fields of a person to change; absent fields stay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PersonPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orientation: Option<Orientation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<Influence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Absent: unchanged; `null`: leans to no competitor; an id: leans to that competitor.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<Option<String>>))]
    pub leans_to: Option<Option<String>>,
}

impl PersonPatch {
    pub fn is_empty(&self) -> bool {
        *self == PersonPatch::default()
    }
}

/// A field that is present (even as `null`) is `Some`; `#[serde(default)]` makes an absent one `None`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// What applying an edit did: the edit that undoes it exactly, and the id the
/// core assigned when the edit created something without one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EditOutcome {
    pub inverse: Edit,
    #[serde(default)]
    pub created: Option<String>,
}

impl Edit {
    /// The deals whose win-rate inputs this edit may change (their weekly
    /// snapshot is retaken after it).
    pub fn deals_touched(&self) -> Vec<String> {
        match self {
            Edit::UpdateDeal { deal, .. } => vec![deal.id.clone()],
            Edit::SetActivity { activity, .. } => activity.deal.iter().cloned().collect(),
            Edit::SetParticipant { deal, .. }
            | Edit::RemoveParticipant { deal, .. }
            | Edit::SetDecisionMap { deal, .. } => vec![deal.clone()],
            Edit::ReplaceAccount { deals, .. } => deals.iter().map(|d| d.id.clone()).collect(),
            Edit::Batch { edits } => {
                let mut all: Vec<String> = edits.iter().flat_map(Edit::deals_touched).collect();
                all.dedup();
                all
            }
            _ => Vec::new(),
        }
    }

    /// The `op` key of this edit, as in its JSON form.
    pub fn op(&self) -> &'static str {
        match self {
            Edit::CreateAccount { .. } => "create_account",
            Edit::UpdateAccount { .. } => "update_account",
            Edit::DeleteAccount { .. } => "delete_account",
            Edit::AddPerson { .. } => "add_person",
            Edit::UpdatePerson { .. } => "update_person",
            Edit::DeletePerson { .. } => "delete_person",
            Edit::SetManager { .. } => "set_manager",
            Edit::AddDottedLine { .. } => "add_dotted_line",
            Edit::RemoveDottedLine { .. } => "remove_dotted_line",
            Edit::SetDottedManagers { .. } => "set_dotted_managers",
            Edit::AddInfluence { .. } => "add_influence",
            Edit::SetInfluenceStrength { .. } => "set_influence_strength",
            Edit::RemoveInfluence { .. } => "remove_influence",
            Edit::SetInfluences { .. } => "set_influences",
            Edit::CreateCircle { .. } => "create_circle",
            Edit::RenameCircle { .. } => "rename_circle",
            Edit::DeleteCircle { .. } => "delete_circle",
            Edit::SetCircles { .. } => "set_circles",
            Edit::SetParticipant { .. } => "set_participant",
            Edit::RemoveParticipant { .. } => "remove_participant",
            Edit::AddDecisionLink { .. } => "add_decision_link",
            Edit::RemoveDecisionLink { .. } => "remove_decision_link",
            Edit::SetDecisionMap { .. } => "set_decision_map",
            Edit::UpdateDeal { .. } => "update_deal",
            Edit::SetActivity { .. } => "set_activity",
            Edit::RemoveActivity { .. } => "remove_activity",
            Edit::SetCompetitor { .. } => "set_competitor",
            Edit::RemoveCompetitor { .. } => "remove_competitor",
            Edit::UpdateSettings { .. } => "update_settings",
            Edit::Batch { .. } => "batch",
            Edit::ReplaceAccount { .. } => "replace_account",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_read_and_write_as_tagged_json() {
        let e: Edit = serde_json::from_str(r#"{"op":"set_manager","person":"p3","manager":"p1"}"#).unwrap();
        assert_eq!(e, Edit::SetManager { person: "p3".into(), manager: Some("p1".into()) });
        assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"op":"set_manager","person":"p3","manager":"p1"}"#);
        assert_eq!(e.op(), "set_manager");
        let e: Edit = serde_json::from_str(r#"{"op":"set_manager","person":"p3"}"#).unwrap();
        assert_eq!(e, Edit::SetManager { person: "p3".into(), manager: None });
    }

    #[test]
    fn unknown_ops_and_fields_are_refused() {
        assert!(serde_json::from_str::<Edit>(r#"{"op":"fly","person":"p3"}"#).is_err());
        assert!(serde_json::from_str::<Edit>(r#"{"op":"delete_person","id":"p3","extra":1}"#).is_err());
        assert!(serde_json::from_str::<Edit>(r#"{"op":"update_person","id":"p3","patch":{"age":3}}"#).is_err());
    }

    #[test]
    fn leans_to_tells_absent_from_null() {
        let patch = |json: &str| serde_json::from_str::<PersonPatch>(json).unwrap();
        assert_eq!(patch("{}").leans_to, None);
        assert_eq!(patch(r#"{"leans_to":null}"#).leans_to, Some(None));
        assert_eq!(patch(r#"{"leans_to":"k1"}"#).leans_to, Some(Some("k1".into())));
        for p in [patch("{}"), patch(r#"{"leans_to":null}"#), patch(r#"{"leans_to":"k1","name":"x"}"#)] {
            let back: PersonPatch = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(back, p);
        }
        assert!(patch("{}").is_empty());
    }
}
