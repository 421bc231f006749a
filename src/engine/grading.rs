//! 商机分级 — opportunity grading (tas-plus.md §2.2).

use crate::model::{Grade, GradeThresholds, Process};

/// Grade by amount: "A ≥ 5,000,000; B ≥ 1,000,000; C ≥ 200,000; D below"
/// (thresholds editable in the workspace settings).
pub fn grade_by_amount(amount: f64, t: &GradeThresholds) -> Grade {
    if amount >= t.a {
        Grade::A
    } else if amount >= t.b {
        Grade::B
    } else if amount >= t.c {
        Grade::C
    } else {
        Grade::D
    }
}

/// The effective grade: "E is a flag (partner-led) that overrides the amount
/// grade"; otherwise a manual override (with its reason) wins over the amount.
pub fn effective_grade(
    amount: f64,
    partner_led: bool,
    grade_override: Option<Grade>,
    t: &GradeThresholds,
) -> Grade {
    if partner_led {
        Grade::E
    } else if let Some(g) = grade_override {
        g
    } else {
        grade_by_amount(amount, t)
    }
}

/// The process of a grade: "A, B — full TAS+: every stage, every method; C, D —
/// fast track: … most TAS+ methods optional; E — partner registration
/// instead of the TAS+ process".
pub fn process_of(grade: Grade) -> Process {
    match grade {
        Grade::A | Grade::B => Process::Full,
        Grade::C | Grade::D => Process::FastTrack,
        Grade::E => Process::PartnerRegistration,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_table() {
        let t = GradeThresholds::default();
        let cases: &[(f64, bool, Option<Grade>, Grade)] = &[
            (5_000_000.0, false, None, Grade::A),
            (4_999_999.0, false, None, Grade::B),
            (1_000_000.0, false, None, Grade::B),
            (999_999.0, false, None, Grade::C),
            (200_000.0, false, None, Grade::C),
            (199_999.99, false, None, Grade::D),
            (0.0, false, None, Grade::D),
            (50_000.0, false, Some(Grade::B), Grade::B),
            (9_000_000.0, false, Some(Grade::C), Grade::C),
            (9_000_000.0, true, None, Grade::E),
            (9_000_000.0, true, Some(Grade::A), Grade::E),
        ];
        for &(amount, partner, ov, want) in cases {
            assert_eq!(effective_grade(amount, partner, ov, &t), want, "{amount} {partner} {ov:?}");
        }
    }

    #[test]
    fn thresholds_are_editable() {
        let t = GradeThresholds { a: 100.0, b: 50.0, c: 10.0 };
        assert_eq!(grade_by_amount(100.0, &t), Grade::A);
        assert_eq!(grade_by_amount(9.0, &t), Grade::D);
    }

    #[test]
    fn process_table() {
        let want = [(Grade::A, Process::Full), (Grade::B, Process::Full), (Grade::C, Process::FastTrack), (Grade::D, Process::FastTrack), (Grade::E, Process::PartnerRegistration)];
        for (grade, process) in want {
            assert_eq!(process_of(grade), process, "{grade}");
        }
    }
}
