//! 人物画像 — one person's profile (tas-plus.md §3.4): the account-level
//! dimensions (behaviour orientation, overall attitude, influence, overall
//! interaction, circles, the competitor they lean to) and, on one deal, the
//! deal-level ones (decision role, deal attitude, deal interaction, the
//! relationship strategy suggested and chosen, inside source). Pure: the store
//! gathers the records, these functions derive what is derived.

use chrono::NaiveDate;
use serde::Serialize;

use super::interaction::{derive_interaction, DerivedInteraction};
use super::relationship::suggested_relationship_strategy;
use super::win_rate::assessment_as_of;
use crate::model::{
    Activity, Attitude, Circle, Deal, Influence, InteractionThresholds, Orientation, Person, RelationshipStrategy, Role,
};

/// A person's profile as it stood on `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    pub person: String,
    pub name: String,
    pub title: String,
    pub department: String,
    /// What the team noted about the person, and how to reach them.
    pub notes: String,
    pub email: String,
    pub phone: String,
    pub account: String,
    pub account_name: String,
    pub as_of: NaiveDate,
    /// Key-account (ESP+) layer, independent of any deal.
    pub account_level: AccountLevel,
    /// Sales-process (TAS+) layer on the deal asked for; `None` when none was.
    pub deal_level: Option<DealLevel>,
}

/// An id with the name to show for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileCircle {
    pub id: String,
    pub name: String,
    /// The person's primary circle.
    pub primary: bool,
}

/// The account-level dimensions of §3.4.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountLevel {
    pub orientation: Orientation,
    /// Overall attitude to us.
    pub attitude: Attitude,
    pub influence: Influence,
    /// Overall interaction: every done activity with the person in the window.
    pub interaction: DerivedInteraction,
    /// Circles in the person's order; the primary one is marked.
    pub circles: Vec<ProfileCircle>,
    /// The competitor the person leans to, if any.
    pub leans_to: Option<Named>,
}

/// The deal-level dimensions of §3.4 and the relationship strategy of §3.6.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealLevel {
    pub deal: String,
    pub deal_name: String,
    pub role: Role,
    /// Attitude to us on this deal.
    pub attitude: Attitude,
    /// Interaction on this deal: this deal's done activities with the person.
    pub interaction: DerivedInteraction,
    /// Suggested from the deal attitude; `None` when the attitude is unknown.
    pub suggested_strategy: Option<RelationshipStrategy>,
    /// Chosen by the user; `None` means "use the suggestion".
    pub chosen_strategy: Option<RelationshipStrategy>,
    /// The person is the inside source of the assessment in force on `as_of`.
    pub inside_source: bool,
    /// Date of that assessment; `None` when the deal had none yet.
    pub assessment_date: Option<NaiveDate>,
}

/// The account-level profile of `person`. `account_circles` resolves circle
/// names (a circle id not found keeps its id as name); `leans_to` is the
/// competitor named by `person.leans_to`, resolved by the caller.
pub fn account_level<'a>(
    person: &Person,
    account_circles: &[Circle],
    leans_to: Option<Named>,
    activities: impl IntoIterator<Item = &'a Activity>,
    t: &InteractionThresholds,
    as_of: NaiveDate,
) -> AccountLevel {
    let circles = person
        .circles
        .iter()
        .map(|id| ProfileCircle {
            id: id.clone(),
            name: account_circles.iter().find(|c| &c.id == id).map_or_else(|| id.clone(), |c| c.name.clone()),
            primary: person.primary_circle.as_deref() == Some(id.as_str()),
        })
        .collect();
    AccountLevel {
        orientation: person.orientation,
        attitude: person.attitude,
        influence: person.influence,
        interaction: derive_interaction(activities, &person.id, None, as_of, t),
        circles,
        leans_to,
    }
}

/// The deal-level profile of `person` on `deal`; `None` when the person is not
/// a participant of the deal.
pub fn deal_level<'a>(
    person: &str,
    deal: &Deal,
    activities: impl IntoIterator<Item = &'a Activity>,
    t: &InteractionThresholds,
    as_of: NaiveDate,
) -> Option<DealLevel> {
    let participant = deal.participants.iter().find(|p| p.person == person)?;
    let (inside_source, assessment_date) = inside_source_as_of(deal, person, as_of);
    Some(DealLevel {
        deal: deal.id.clone(),
        deal_name: deal.name.clone(),
        role: participant.role,
        attitude: participant.attitude,
        interaction: derive_interaction(activities, person, Some(&deal.id), as_of, t),
        suggested_strategy: suggested_relationship_strategy(participant.attitude),
        chosen_strategy: participant.relationship_strategy,
        inside_source,
        assessment_date,
    })
}

/// "Do we have an inside source (内部消息来源, the coach)? — and who is it"
/// (§3.3), answered per assessment: `person` is the inside source when the
/// assessment in force on `as_of` (the latest on or before it, as for the win
/// rate) names them. Also returns that assessment's date.
pub fn inside_source_as_of(deal: &Deal, person: &str, as_of: NaiveDate) -> (bool, Option<NaiveDate>) {
    match assessment_as_of(deal, as_of) {
        Some(a) => (a.inside_source.as_deref() == Some(person), Some(a.date)),
        None => (false, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityStatus, ActivityType, Assessment};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn deal() -> Deal {
        let json = serde_json::json!({
            "id": "d1", "account": "acc", "name": "核心系统", "amount": 1, "stage": "validate",
            "participants": [
                {"person": "p1", "role": "approver", "attitude": "neutral"},
                {"person": "p2", "role": "evaluator", "attitude": "unknown", "relationship_strategy": "motivate"}
            ],
        });
        serde_json::from_value(json).unwrap()
    }

    fn assessment(day: &str, source: Option<&str>) -> Assessment {
        Assessment { date: date(day), inside_source: source.map(Into::into), participants: vec![], scores: vec![] }
    }

    #[test]
    fn inside_source_table() {
        let mut d = deal();
        d.assessments = vec![assessment("2026-11-01", Some("p1")), assessment("2026-11-10", Some("p2"))];
        let cases = [
            ("p1", "2026-10-31", (false, None)),
            ("p1", "2026-11-01", (true, Some(date("2026-11-01")))),
            ("p1", "2026-11-09", (true, Some(date("2026-11-01")))),
            ("p1", "2026-11-10", (false, Some(date("2026-11-10")))),
            ("p2", "2026-11-10", (true, Some(date("2026-11-10")))),
            ("p3", "2026-11-10", (false, Some(date("2026-11-10")))),
        ];
        for (person, as_of, want) in cases {
            assert_eq!(inside_source_as_of(&d, person, date(as_of)), want, "{person} {as_of}");
        }
        d.assessments.push(assessment("2026-11-15", None));
        assert_eq!(inside_source_as_of(&d, "p2", date("2026-11-20")), (false, Some(date("2026-11-15"))));
    }

    #[test]
    fn deal_level_suggests_and_keeps_the_choice() {
        let d = deal();
        let acts = [Activity {
            id: "a1".into(),
            date: date("2026-11-01"),
            kind: ActivityType::Call,
            status: ActivityStatus::Done,
            deal: Some("d1".into()),
            people: vec!["p1".into()],
            summary: String::new(),
            addresses: String::new(),
            our_people: vec![],
            outcome: String::new(),
        }];
        let t = InteractionThresholds::default();
        let p1 = deal_level("p1", &d, &acts, &t, date("2026-11-20")).unwrap();
        assert_eq!(p1.role, Role::Approver);
        assert_eq!(p1.suggested_strategy, Some(RelationshipStrategy::Attack));
        assert_eq!(p1.chosen_strategy, None);
        assert_eq!(p1.interaction.activities, ["a1"]);
        let p2 = deal_level("p2", &d, &acts, &t, date("2026-11-20")).unwrap();
        assert_eq!(p2.suggested_strategy, None);
        assert_eq!(p2.chosen_strategy, Some(RelationshipStrategy::Motivate));
        assert_eq!(p2.interaction.level, crate::model::Interaction::None);
        assert!(deal_level("p9", &d, &acts, &t, date("2026-11-20")).is_none());
    }

    #[test]
    fn circles_keep_order_and_mark_the_primary() {
        let person: Person = serde_json::from_value(serde_json::json!({
            "id": "p1", "name": "王", "circles": ["c2", "c1", "c-gone"], "primary_circle": "c1"
        }))
        .unwrap();
        let circles =
            [Circle { id: "c1".into(), name: "财务".into() }, Circle { id: "c2".into(), name: "科技".into() }];
        let level = account_level(&person, &circles, None, [], &InteractionThresholds::default(), date("2026-11-20"));
        let got: Vec<(&str, &str, bool)> =
            level.circles.iter().map(|c| (c.id.as_str(), c.name.as_str(), c.primary)).collect();
        assert_eq!(got, [("c2", "科技", false), ("c1", "财务", true), ("c-gone", "c-gone", false)]);
        assert_eq!(level.interaction.level, crate::model::Interaction::None);
        assert_eq!(level.attitude, Attitude::Unknown);
    }
}
