//! What a `storage` event from another tab means for the map open in this one.

use super::envelope::peek_header;
use super::keys::map_key;

/// What a `storage` event from another tab means for the map open in this one.
#[derive(Clone, Debug, PartialEq)]
pub enum ExternalChange {
    /// Not about the open map, or not newer than what this tab has.
    None,
    /// Another tab saved a newer revision.
    Newer {
        /// Their revision.
        revision: u64,
        /// When they saved.
        saved_at: f64,
    },
    /// Another tab deleted the map (or storage was cleared).
    Deleted,
}

/// Interprets a `storage` event (`key` is `None` when storage was cleared) for the map
/// `open_id`, which this tab holds at `our_revision`.
pub fn external_change(
    key: Option<&str>,
    new_value: Option<&str>,
    open_id: &str,
    our_revision: u64,
) -> ExternalChange {
    match key {
        None => ExternalChange::Deleted,
        Some(k) if k == map_key(open_id) => match new_value {
            None => ExternalChange::Deleted,
            Some(raw) => match peek_header(raw) {
                Some(h) if h.revision > our_revision => ExternalChange::Newer {
                    revision: h.revision,
                    saved_at: h.saved_at,
                },
                _ => ExternalChange::None,
            },
        },
        Some(_) => ExternalChange::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::envelope::write_envelope;
    use crate::model::persist::testing::map;

    #[test]
    fn storage_events_about_the_open_map_are_recognised() {
        let newer = write_envelope(&map("x"), 5.0, 4);
        assert_eq!(
            external_change(Some(&map_key("m")), Some(&newer), "m", 3),
            ExternalChange::Newer {
                revision: 4,
                saved_at: 5.0
            }
        );
        assert_eq!(
            external_change(Some(&map_key("m")), Some(&newer), "m", 4),
            ExternalChange::None
        );
        assert_eq!(
            external_change(Some(&map_key("other")), Some(&newer), "m", 0),
            ExternalChange::None
        );
        assert_eq!(
            external_change(Some(&map_key("m")), None, "m", 0),
            ExternalChange::Deleted
        );
        assert_eq!(external_change(None, None, "m", 0), ExternalChange::Deleted);
    }
}
