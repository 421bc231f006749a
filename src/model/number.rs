//! Numbers in the workspace file are written the way people write them:
//! `3200000`, not `3200000.0`, so exports stay readable and stable. Amounts
//! are bounded ([`check_amount`]).

use serde::Serializer;

/// Largest integer an f64 holds exactly (2^53).
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

/// Amounts (money, person-days, grade thresholds) stay below this, so that
/// a pipeline summed over many deals stays finite and readable.
pub const AMOUNT_LIMIT: f64 = 1e15;

/// "Amounts ≥ 0", finite and below [`AMOUNT_LIMIT`]; the refusal says which.
pub fn check_amount(value: f64) -> Result<(), String> {
    if value.is_finite() && (0.0..AMOUNT_LIMIT).contains(&value) {
        Ok(())
    } else {
        Err(format!("{value} is out of range (an amount must be ≥ 0 and below 10^15)"))
    }
}

pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < EXACT_INT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

pub mod option {
    use serde::Serializer;

    pub fn serialize<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct N(#[serde(serialize_with = "super::serialize")] f64);

    #[test]
    fn amounts_are_finite_non_negative_and_bounded() {
        for ok in [0.0, 0.5, 3_200_000.0, 999_999_999_999_999.0] {
            assert_eq!(super::check_amount(ok), Ok(()), "{ok}");
        }
        for bad in [-0.01, -1.0, 1e15, 1e308, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            assert!(super::check_amount(bad).unwrap_err().contains("10^15"), "{bad}");
        }
    }

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(serde_json::to_string(&N(3_200_000.0)).unwrap(), "3200000");
        assert_eq!(serde_json::to_string(&N(0.5)).unwrap(), "0.5");
        assert_eq!(serde_json::to_string(&N(-2.0)).unwrap(), "-2");
        let big: f64 = serde_json::from_str(&serde_json::to_string(&N(1e300)).unwrap()).unwrap();
        assert_eq!(big, 1e300);
    }
}
