//! Stable identifiers of the items inside one journey map.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifier of a stage, lane, card, persona or stakeholder, unique within its map.
///
/// Ids are small integers handed out by [`crate::model::JourneyMap::new_id`], so they
/// stay stable across edits, saves and share links and encode compactly.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Id(pub u32);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
