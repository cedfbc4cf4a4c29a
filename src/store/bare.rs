//! An optional field written bare in RON (`step: 5.0`, `note: "travel"`), as
//! a person would write it, not as RON's `Some(5.0)`. Use with
//! `#[serde(default, skip_serializing_if = "Option::is_none", with = "crate::store::bare")]`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<T: Serialize, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => value.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}
