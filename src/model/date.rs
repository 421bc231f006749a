//! Calendar days as they enter Sandtable — from a workspace file, an edit or
//! a command-line argument: exactly `YYYY-MM-DD`, a real day, within
//! 1990-01-01 – 2100-12-31. Anything else is refused rather than read
//! "generously" (`26-01-01` is not year 26, `2026-1-1` not January 1st),
//! and no date far away can make a loop over weeks run away.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// The first day a date may be.
pub const FIRST: NaiveDate = match NaiveDate::from_ymd_opt(1990, 1, 1) {
    Some(d) => d,
    None => panic!("1990-01-01 is a day"),
};

/// The last day a date may be.
pub const LAST: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => panic!("2100-12-31 is a day"),
};

/// Reads `text` as a date: ten characters `YYYY-MM-DD`, a real calendar
/// day, within [`FIRST`]–[`LAST`]. The refusal says which of these it breaks.
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!("\"{}\" is not a date written YYYY-MM-DD (e.g. 2026-11-21)", text.escape_debug()));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().expect("checked to be digits");
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| format!("\"{text}\" is not a day of the calendar (YYYY-MM-DD)"))?;
    check(date)?;
    Ok(date)
}

/// A date within [`FIRST`]–[`LAST`] (for dates built in code rather than read).
pub fn check(date: NaiveDate) -> Result<(), String> {
    if date < FIRST || date > LAST {
        return Err(format!("{date} is outside the dates Sandtable keeps ({FIRST} to {LAST})"));
    }
    Ok(())
}

/// `#[serde(deserialize_with = "date::strict")]`: a field read through [`parse`].
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// [`strict`] for an optional date (`null` or absent: none).
pub fn strict_option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    match <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? {
        Some(text) => parse(&text).map(Some).map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_days_in_the_window_are_read() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse("2026-11-21"), Ok(day(2026, 11, 21)));
        assert_eq!(parse("1990-01-01"), Ok(FIRST));
        assert_eq!(parse("2100-12-31"), Ok(LAST));
        assert_eq!(parse("2024-02-29"), Ok(day(2024, 2, 29)));
        let refused = [
            ("26-01-01", "YYYY-MM-DD"),
            ("2026-1-1", "YYYY-MM-DD"),
            (" 2026-01-01", "YYYY-MM-DD"),
            ("2026-01-01\n", "YYYY-MM-DD"),
            ("+2026-01-01", "YYYY-MM-DD"),
            ("-262143-01-01", "YYYY-MM-DD"),
            ("２０２６-01-01", "YYYY-MM-DD"),
            ("2026/01/01", "YYYY-MM-DD"),
            ("", "YYYY-MM-DD"),
            ("2026-02-29", "calendar"),
            ("2026-13-01", "calendar"),
            ("2026-00-10", "calendar"),
            ("0001-01-01", "outside"),
            ("1989-12-31", "outside"),
            ("2101-01-01", "outside"),
        ];
        for (text, why) in refused {
            let err = parse(text).expect_err(text);
            assert!(err.contains(why), "{text:?}: {err}");
        }
    }

    #[test]
    fn serde_fields_use_the_strict_reader() {
        #[derive(Deserialize, Debug)]
        struct T {
            #[serde(deserialize_with = "strict")]
            on: NaiveDate,
            #[serde(default, deserialize_with = "strict_option")]
            due: Option<NaiveDate>,
        }
        let t: T = serde_json::from_str(r#"{"on":"2026-11-21"}"#).unwrap();
        assert_eq!((t.on, t.due), (NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), None));
        let t: T = serde_json::from_str(r#"{"on":"2026-11-21","due":null}"#).unwrap();
        assert_eq!(t.due, None);
        let t: T = serde_json::from_str(r#"{"on":"2026-11-21","due":"2027-01-31"}"#).unwrap();
        assert_eq!(t.due, NaiveDate::from_ymd_opt(2027, 1, 31));
        for bad in [r#"{"on":"26-11-21"}"#, r#"{"on":"2026-11-21","due":"+2027-01-31"}"#, r#"{"on":20261121}"#] {
            assert!(serde_json::from_str::<T>(bad).is_err(), "{bad}");
        }
    }
}
