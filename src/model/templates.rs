//! Five built-in templates with real content, and the sample map (being written).

use super::map::JourneyMap;

/// A built-in template the user can start a map from.
pub struct Template {
    /// Stable key.
    pub key: &'static str,
    /// Name in the menu.
    pub name: &'static str,
    /// One-line summary.
    pub summary: &'static str,
}

/// The built-in templates.
pub const TEMPLATES: [Template; 0] = [];

/// Builds the template with this key.
pub fn build(_key: &str) -> Option<JourneyMap> {
    None
}

/// The map shown on a first visit.
pub fn sample_map() -> JourneyMap {
    JourneyMap::blank("Sample map")
}
