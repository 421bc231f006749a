//! 关系策略 — the per-person relationship strategy suggested from the deal
//! attitude (tas-plus.md §3.6). The user may choose another one; the choice is
//! kept on the participant.

use crate::model::{Attitude, RelationshipStrategy};

/// "Suggested default from the deal attitude, user may change: strong
/// positive → motivate, positive → balance/coordinate, neutral → attack,
/// negative → defend, strong negative → suppress."
///
/// An unknown attitude suggests nothing (`None`): the spec maps only the five
/// known attitudes, and "unknown" is itself a warning to find out first.
pub fn suggested_relationship_strategy(deal_attitude: Attitude) -> Option<RelationshipStrategy> {
    match deal_attitude {
        Attitude::StrongPositive => Some(RelationshipStrategy::Motivate),
        Attitude::Positive => Some(RelationshipStrategy::Balance),
        Attitude::Neutral => Some(RelationshipStrategy::Attack),
        Attitude::Negative => Some(RelationshipStrategy::Defend),
        Attitude::StrongNegative => Some(RelationshipStrategy::Suppress),
        Attitude::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_table() {
        use RelationshipStrategy::*;
        let cases = [
            (Attitude::StrongPositive, Some(Motivate)),
            (Attitude::Positive, Some(Balance)),
            (Attitude::Neutral, Some(Attack)),
            (Attitude::Negative, Some(Defend)),
            (Attitude::StrongNegative, Some(Suppress)),
            (Attitude::Unknown, None),
        ];
        assert_eq!(cases.len(), Attitude::ALL.len(), "every attitude has a row");
        for (attitude, want) in cases {
            assert_eq!(suggested_relationship_strategy(attitude), want, "{attitude}");
        }
    }
}
