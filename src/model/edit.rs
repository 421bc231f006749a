//! Map edits (issue 5): every change an account manager makes while drawing
//! the relationship map (§3.4) — reporting lines, circles, influence edges,
//! deal participants and decision links — as one value the core applies in one
//! transaction. Applying an edit returns its exact inverse, itself an edit, so
//! the UI keeps the session's undo/redo stacks as plain lists of edits.

use serde::{Deserialize, Deserializer, Serialize};

use super::enums::{Attitude, Influence, Orientation};
use super::{Account, Activity, Competitor, Deal, DecisionLink, InfluenceLink, Participant, Settings};
use crate::engine::curve::Snapshot;
use crate::error::Error;

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

/// What is wrong inside the record held by field `key` of an `op` edit, as
/// (path inside the record, message), when it is a record at all.
fn record_problem(op: &str, key: &str, value: &serde_json::Value) -> Option<(String, String)> {
    fn read<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Option<(String, String)> {
        serde_path_to_error::deserialize::<_, T>(value).err().map(|e| (e.path().to_string(), e.into_inner().to_string()))
    }
    match (op, key) {
        ("batch", "edits") => value.as_array()?.iter().enumerate().find_map(|(i, e)| {
            Edit::from_value(e).err().map(|(path, message)| {
                (if path.is_empty() { format!("[{i}]") } else { format!("[{i}].{path}") }, message)
            })
        }),
        ("update_person", "patch") => read::<PersonPatch>(value),
        ("set_influences", "influences") => read::<Vec<InfluenceLink>>(value),
        ("set_participant", "participant") => read::<Participant>(value),
        ("set_decision_map", "participants") => read::<Vec<Participant>>(value),
        ("set_decision_map", "decision_links") => read::<Vec<DecisionLink>>(value),
        ("update_deal", "deal") => read::<Deal>(value),
        ("update_deal", "activities") => read::<Option<Vec<Activity>>>(value),
        ("set_activity", "activity") => read::<Activity>(value),
        ("set_competitor", "competitor") => read::<Competitor>(value),
        ("update_settings", "settings") => read::<Settings>(value),
        ("replace_account", "account") => read::<Account>(value),
        ("replace_account", "deals") => read::<Vec<Deal>>(value),
        ("replace_account", "snapshots") => read::<Option<Vec<Snapshot>>>(value),
        _ => None,
    }
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
    /// Reads an edit from its JSON text. A refusal names where: the line and
    /// column of a syntax error, else the field path inside the edit
    /// (`deal.assessments[0].date`, `edits[1].activity.status`), which serde
    /// loses inside an `op`-tagged enum and is found here field by field.
    pub fn from_json(text: &str) -> Result<Edit, Error> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let message = e.to_string();
            let message = message.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&message);
            Error::InvalidInput(format!("line {line}, column {column}: the edit is not valid JSON: {message}"))
        })?;
        Edit::from_value(&value).map_err(|(path, message)| {
            Error::InvalidInput(if path.is_empty() {
                format!("the edit is not a valid edit: {message}")
            } else {
                format!("{path}: {message}")
            })
        })
    }

    /// An edit from a JSON value; a refusal is (field path, what is wrong).
    fn from_value(value: &serde_json::Value) -> Result<Edit, (String, String)> {
        let err = match Edit::deserialize(value) {
            Ok(edit) => return Ok(edit),
            Err(e) => e.to_string(),
        };
        let Some(fields) = value.as_object() else { return Err((String::new(), err)) };
        let op = fields.get("op").and_then(|o| o.as_str()).unwrap_or("");
        // A field holding a record: read it as its type, which keeps the path.
        for (key, field) in fields {
            if let Some((inner, message)) = record_problem(op, key, field) {
                let path = match inner.as_str() {
                    "" | "." => key.clone(),
                    p if p.starts_with('[') => format!("{key}{p}"),
                    p => format!("{key}.{p}"),
                };
                return Err((path, message));
            }
        }
        // A plain field (an id, a strength): the one whose absence changes the error.
        for key in fields.keys().filter(|k| *k != "op") {
            let mut without = fields.clone();
            without.remove(key);
            match Edit::deserialize(&serde_json::Value::Object(without)) {
                Ok(_) => return Err((key.clone(), err)),
                Err(e) if e.to_string() == format!("missing field `{key}`") => return Err((key.clone(), err)),
                Err(_) => {}
            }
        }
        Err((String::new(), err))
    }

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
    fn from_json_names_the_field_or_the_line() {
        let refused = |json: &str| Edit::from_json(json).unwrap_err().to_string();
        let cases = [
            (r#"{"op":"add_influence","from":"a","to":"b","strength":"x"}"#, "strength: invalid type"),
            (
                r#"{"op":"set_activity","account":"a","activity":{"id":"a1","date":"2026-1-1","type":"call","status":"done"}}"#,
                "activity.date: \"2026-1-1\" is not a date",
            ),
            (r#"{"op":"update_person","id":"p1","patch":{"attitude":"angry"}}"#, "patch.attitude: unknown variant"),
            (r#"{"op":"batch","edits":[{"op":"delete_person","id":"p1"},{"op":"fly"}]}"#, "edits[1]: unknown variant `fly`"),
            (r#"{"op":"set_manager"}"#, "missing field `person`"),
            ("{\"op\":\n}", "line 2, column 1: the edit is not valid JSON"),
        ];
        for (json, says) in cases {
            assert!(refused(json).contains(says), "{json}: {}", refused(json));
        }
        assert_eq!(
            Edit::from_json(r#"{"op":"delete_person","id":"p1"}"#).unwrap(),
            Edit::DeletePerson { id: "p1".into() }
        );
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
