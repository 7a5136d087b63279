//! Loading and saving one map: tolerant loads, revision checks against other tabs
//! (conflicts), the small meta entry that makes those checks cheap, and what to do when
//! storage is full.

use super::backups::{free_oldest_backup, rotate_backups};
use super::envelope::{
    open_envelope, parse_json, peek_header, write_envelope, Header, SCHEMA_VERSION,
};
use super::index::{put_first_in_index, set_aside, update_index, IndexEntry};
use super::keys::{map_key, CORRUPT_PREFIX};
use super::meta::{read_meta, write_meta, Meta};
use super::snapshots::{scan_versions, stamps};
use super::store::{KeyValueStore, StoreError};
use crate::model::map::JourneyMap;
use crate::model::restore::RestoreReport;

/// What loading one map found.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // Loaded is the common case; boxing it buys nothing.
pub enum LoadOutcome {
    /// The map, with what was repaired, and its header.
    Loaded {
        /// The map.
        map: JourneyMap,
        /// Repairs made while reading it.
        report: RestoreReport,
        /// Revision and time of the stored copy.
        header: Header,
        /// Written by a newer Trailmap: show read-only, never overwrite.
        newer: bool,
    },
    /// The entry could not be read at all; it was set aside under `backup_key`.
    Corrupt {
        /// Where the raw entry now lives.
        backup_key: String,
        /// Why it could not be read.
        reason: String,
    },
    /// No map with this id.
    Missing,
}

/// Loads the map `id`.
pub fn load_map(
    store: &mut dyn KeyValueStore,
    id: &str,
    now: f64,
) -> Result<LoadOutcome, StoreError> {
    let key = map_key(id);
    let Some(raw) = store.get(&key)? else {
        return Ok(LoadOutcome::Missing);
    };
    let opened = parse_json(&raw).and_then(|v| open_envelope(&v));
    match opened {
        Ok(o) => Ok(LoadOutcome::Loaded {
            map: o.map,
            report: o.report,
            header: o.header,
            newer: o.newer,
        }),
        Err(err) => {
            let backup_key = set_aside(store, &key, &raw, id, now)?;
            let _ = update_index(store, None, Some(id));
            Ok(LoadOutcome::Corrupt {
                backup_key,
                reason: err.to_string(),
            })
        }
    }
}

/// Why a save did not happen. In every case the stored copy is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage is full even after freeing automatic backups.
    Quota,
    /// Storage cannot be used.
    Unavailable(String),
    /// Another tab saved a newer revision since this one loaded.
    Conflict {
        /// The stored revision.
        theirs: u64,
        /// When it was saved.
        saved_at: f64,
    },
    /// The stored map was written by a newer Trailmap; it is never overwritten.
    Newer(u32),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(f, "this browser's storage is full"),
            SaveError::Unavailable(why) => {
                write!(f, "this browser's storage cannot be used ({why})")
            }
            SaveError::Conflict { .. } => write!(f, "this map was changed in another tab"),
            SaveError::Newer(v) => write!(f, "this map was saved by a newer Trailmap (schema {v})"),
        }
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> SaveError {
        match e {
            StoreError::QuotaExceeded => SaveError::Quota,
            StoreError::Unavailable(why) => SaveError::Unavailable(why),
        }
    }
}

/// A successful save.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The new revision.
    pub revision: u64,
    /// How many automatic backups were deleted to make room.
    pub freed_backups: usize,
    /// The map's new entry in the index, so the map list updates without reading storage.
    pub entry: IndexEntry,
}

/// Saves `map` as `id`, provided the stored copy is still at `base_revision` (what this
/// tab loaded or last saved; `None` for a new map). Keeps a rolling backup of the previous
/// copy, and frees old automatic backups if storage is full.
pub fn save_map(
    store: &mut dyn KeyValueStore,
    id: &str,
    map: &JourneyMap,
    base_revision: Option<u64>,
    now: f64,
) -> Result<Saved, SaveError> {
    save(store, id, map, base_revision, now, false)
}

/// Saves `map` as `id` whatever another tab saved meanwhile (the user chose "keep mine").
/// Still refuses to overwrite a map from a newer Trailmap.
pub fn save_map_force(
    store: &mut dyn KeyValueStore,
    id: &str,
    map: &JourneyMap,
    now: f64,
) -> Result<Saved, SaveError> {
    save(store, id, map, None, now, true)
}

fn save(
    store: &mut dyn KeyValueStore,
    id: &str,
    map: &JourneyMap,
    base_revision: Option<u64>,
    now: f64,
    force: bool,
) -> Result<Saved, SaveError> {
    let key = map_key(id);
    // The small meta entry says what is stored without reading a map of a megabyte; when
    // it is missing (older data, or its write failed), read the map's own header.
    let mut current: Option<String> = None;
    let meta = read_meta(store, id)?;
    let header = match &meta {
        Some(m) => Some(m.header()),
        None => {
            current = store.get(&key)?;
            current.as_deref().and_then(peek_header)
        }
    };
    if let Some(h) = header {
        if h.version > SCHEMA_VERSION {
            return Err(SaveError::Newer(h.version));
        }
        if !force && h.revision > base_revision.unwrap_or(0) {
            return Err(SaveError::Conflict {
                theirs: h.revision,
                saved_at: h.saved_at,
            });
        }
    }
    if let (Some(raw), None) = (&current, header) {
        // Whatever is there cannot be read: keep it before writing over it.
        store.set(&format!("{CORRUPT_PREFIX}{id}:{}", now as u64), raw)?;
    }
    // The map's backups and snapshots, from its meta entry; scanned once when it does not
    // list them (older data).
    let mut backup_tried = meta.as_ref().and_then(|m| m.backup_tried);
    let shown_before = meta.as_ref().and_then(|m| m.shown.clone());
    let (mut backups, snapshots) = match meta.and_then(|m| m.backups.zip(m.snapshots)) {
        Some(lists) => lists,
        None => stamps(&scan_versions(store, id)?),
    };
    let revision = header
        .map_or(0, |h| h.revision)
        .max(base_revision.unwrap_or(0))
        + 1;
    let text = write_envelope(map, now, revision);
    let mut freed = 0;
    if let Some(h) = header {
        freed += rotate_backups(
            store,
            id,
            current.as_deref(),
            h,
            &mut backups,
            &mut backup_tried,
            now,
        )?;
    }
    loop {
        match store.set(&key, &text) {
            Ok(()) => break,
            Err(StoreError::QuotaExceeded) => match free_oldest_backup(store)? {
                Some((owner, at)) => {
                    if owner == id {
                        backups.retain(|b| b.at != at);
                    }
                    freed += 1;
                }
                None => return Err(SaveError::Quota),
            },
            Err(e) => return Err(e.into()),
        }
    }
    let written = Meta {
        version: SCHEMA_VERSION,
        revision,
        saved_at: now,
        backups: Some(backups),
        snapshots: Some(snapshots),
        backup_tried,
        shown: None,
    };
    let entry = IndexEntry::of(id, map, written.header(), false);
    let shown = entry.shown();
    // The index changes only with what the list shows (a title, a count): the meta entry
    // tells the map list the rest. It is rebuildable: a failure here loses nothing.
    if shown_before.as_ref() != Some(&shown) {
        let _ = put_first_in_index(store, &entry);
    }
    write_meta(
        store,
        id,
        &Meta {
            shown: Some(shown),
            ..written
        },
    );
    Ok(Saved {
        revision,
        freed_backups: freed,
        entry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::testing::{loaded, map};
    use crate::model::persist::{
        delete_version, list_versions, load_index, MemoryStore, BACKUP_INTERVAL_MS,
    };

    #[test]
    fn another_tabs_newer_revision_is_never_silently_overwritten() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "m", &map("v1"), None, 1.0).unwrap(); // revision 1, both tabs load it
        save_map(&mut s, "m", &map("tab B"), Some(1), 2.0).unwrap(); // tab B saves revision 2
        let err = save_map(&mut s, "m", &map("tab A"), Some(1), 3.0).unwrap_err();
        assert_eq!(
            err,
            SaveError::Conflict {
                theirs: 2,
                saved_at: 2.0
            }
        );
        assert_eq!(loaded(&mut s, "m").0.scope.title, "tab B");
        // The user chooses to keep theirs (tab A): a forced save wins.
        let saved = save_map_force(&mut s, "m", &map("tab A"), 4.0).unwrap();
        assert_eq!(saved.revision, 3);
        assert_eq!(loaded(&mut s, "m").0.scope.title, "tab A");
    }

    #[test]
    fn conflicts_are_caught_even_without_the_meta_entry() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "m", &map("v1"), None, 1.0).unwrap();
        save_map(&mut s, "m", &map("tab B"), Some(1), 2.0).unwrap();
        s.remove("trailmap:meta:m").unwrap();
        assert_eq!(
            save_map(&mut s, "m", &map("tab A"), Some(1), 3.0),
            Err(SaveError::Conflict {
                theirs: 2,
                saved_at: 2.0
            })
        );
        // A save restores the meta entry.
        save_map(&mut s, "m", &map("tab B again"), Some(2), 4.0).unwrap();
        assert!(s.get("trailmap:meta:m").unwrap().is_some());
    }
    #[test]
    fn maps_from_a_newer_version_load_read_only_and_are_never_overwritten() {
        let mut s = MemoryStore::new();
        let future = r#"{"type":"trailmap/map","version":99,"revision":1,"savedAt":1,"map":{"scope":{"title":"Future"}}}"#;
        s.set(&map_key("f"), future).unwrap();
        let (m, _, newer) = loaded(&mut s, "f");
        assert!(newer);
        assert_eq!(m.scope.title, "Future");
        assert_eq!(
            save_map(&mut s, "f", &m, Some(1), 2.0),
            Err(SaveError::Newer(99))
        );
        assert_eq!(
            save_map_force(&mut s, "f", &m, 2.0),
            Err(SaveError::Newer(99))
        );
        assert_eq!(s.get(&map_key("f")).unwrap().as_deref(), Some(future));
        assert!(load_index(&mut s, 0.0).unwrap().entries[0].newer);
    }

    #[test]
    fn a_full_store_frees_old_backups_first_and_never_half_writes() {
        let mut s = MemoryStore::new();
        let big = |n: usize| {
            let mut m = map("Big");
            m.scope.objective = "x".repeat(n);
            m
        };
        // Build a history of backups 10+ minutes apart.
        let mut rev = None;
        for i in 0..4 {
            let saved = save_map(
                &mut s,
                "m",
                &big(2000),
                rev,
                i as f64 * BACKUP_INTERVAL_MS * 2.0,
            )
            .unwrap();
            rev = Some(saved.revision);
        }
        assert_eq!(list_versions(&s, "m").unwrap().len(), 3);
        s.capacity = Some(s.used() + 500);
        let saved = save_map(&mut s, "m", &big(3000), rev, 1e9).unwrap();
        assert!(
            saved.freed_backups > 0,
            "space was made by deleting backups"
        );
        // With no backups left and no room, the save fails and the old copy stays intact.
        for v in list_versions(&s, "m").unwrap() {
            delete_version(&mut s, &v.key).unwrap();
        }
        s.capacity = Some(s.used() + 10);
        let before = s.get(&map_key("m")).unwrap();
        assert_eq!(
            save_map(&mut s, "m", &big(9000), Some(saved.revision), 2e9),
            Err(SaveError::Quota)
        );
        assert_eq!(s.get(&map_key("m")).unwrap(), before);
        // Space frees up: saving resumes.
        s.capacity = None;
        assert!(save_map(&mut s, "m", &big(9000), Some(saved.revision), 3e9).is_ok());
    }

    #[test]
    fn unavailable_storage_is_reported_not_panicked() {
        let mut s = MemoryStore::new();
        s.unavailable = Some("blocked".into());
        assert_eq!(
            save_map(&mut s, "m", &map("x"), None, 0.0),
            Err(SaveError::Unavailable("blocked".into()))
        );
        assert!(load_index(&mut s, 0.0).is_err());
    }
}
