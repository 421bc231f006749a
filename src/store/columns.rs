//! How vocabulary values sit in SQLite columns: as their snake_case keys.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::*;

macro_rules! key_column {
    ($($ty:ty),+ $(,)?) => {$(
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.key()))
            }
        }
        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let key = value.as_str()?;
                <$ty>::from_key(key).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} value {key:?} in the database", stringify!($ty)).into())
                })
            }
        }
    )+};
}

key_column!(
    Orientation,
    Attitude,
    Influence,
    Role,
    ActivityType,
    ActivityStatus,
    DealStatus,
    Grade,
    RegistrationStatus,
    SalesMode,
    CompellingKind,
    Strategy,
    RelationshipStrategy,
    Aspect,
    RequestStatus,
);
