//! Five built-in templates with real content, and the sample map.

use super::map::JourneyMap;

/// The map shown on a first visit (placeholder until the templates land).
pub fn sample_map() -> JourneyMap {
    JourneyMap::blank("Sample map")
}
