//! Numbers in the workspace file are written the way people write them:
//! `3200000`, not `3200000.0`, so exports stay readable and stable.

use serde::Serializer;

/// Largest integer an f64 holds exactly (2^53).
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

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
    fn whole_numbers_have_no_fraction() {
        assert_eq!(serde_json::to_string(&N(3_200_000.0)).unwrap(), "3200000");
        assert_eq!(serde_json::to_string(&N(0.5)).unwrap(), "0.5");
        assert_eq!(serde_json::to_string(&N(-2.0)).unwrap(), "-2");
        let big: f64 = serde_json::from_str(&serde_json::to_string(&N(1e300)).unwrap()).unwrap();
        assert_eq!(big, 1e300);
    }
}
