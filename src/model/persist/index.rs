//! The map index (what the map list shows), checked against the stored maps, and the
//! entries set aside as unreadable that the user has not yet been told about.

use super::envelope::{open_envelope, parse_json, peek_header, Header, SCHEMA_VERSION};
use super::keys::{map_key, CORRUPT_PREFIX, INDEX_KEY, MAP_PREFIX};
use super::meta::{read_meta, Shown};
use super::store::{KeyValueStore, StoreError};
use crate::model::map::JourneyMap;
use serde::{Deserialize, Serialize};

/// One map as the map list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Map id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Segment.
    #[serde(default)]
    pub segment: String,
    /// Number of stages.
    #[serde(default)]
    pub stages: usize,
    /// Number of touchpoints.
    #[serde(default)]
    pub touchpoints: usize,
    /// Last saved, ms since the epoch.
    #[serde(default)]
    pub modified: f64,
    /// Save counter of the stored map.
    #[serde(default)]
    pub revision: u64,
    /// Written by a newer version of Trailmap: open read-only.
    #[serde(default)]
    pub newer: bool,
}

impl IndexEntry {
    /// The entry for `map` saved under `id`.
    pub fn of(id: &str, map: &JourneyMap, header: Header, newer: bool) -> IndexEntry {
        IndexEntry {
            id: id.to_string(),
            title: map.scope.title.clone(),
            segment: map.scope.segment.clone(),
            stages: map.stages.len(),
            touchpoints: map.touchpoints().len(),
            modified: header.saved_at,
            revision: header.revision,
            newer,
        }
    }

    /// What the map list shows of this entry besides its time.
    pub fn shown(&self) -> Shown {
        Shown {
            title: self.title.clone(),
            segment: self.segment.clone(),
            stages: self.stages,
            touchpoints: self.touchpoints,
        }
    }

    /// The entry of the map `id` stored with `header`, as its meta entry shows it.
    fn from_shown(id: &str, shown: Shown, header: Header) -> IndexEntry {
        IndexEntry {
            id: id.to_string(),
            title: shown.title,
            segment: shown.segment,
            stages: shown.stages,
            touchpoints: shown.touchpoints,
            modified: header.saved_at,
            revision: header.revision,
            newer: false,
        }
    }
}

/// The map index, with notes on anything repaired while reading it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexLoad {
    /// Entries, most recently modified first.
    pub entries: Vec<IndexEntry>,
    /// Maps set aside because they could not be read: (id, backup key).
    pub corrupt: Vec<(String, String)>,
    /// Whether the stored index was missing or wrong and was rebuilt.
    pub rebuilt: bool,
}

fn ids_with_prefix(keys: &[String], prefix: &str) -> Vec<String> {
    keys.iter()
        .filter_map(|k| k.strip_prefix(prefix))
        .map(str::to_string)
        .collect()
}

/// Sets an unreadable entry aside under a backup key (never deleted) and removes it from
/// its place, so it stops failing every load. Returns the backup key.
pub(super) fn set_aside(
    store: &mut dyn KeyValueStore,
    key: &str,
    raw: &str,
    id: &str,
    now: f64,
) -> Result<String, StoreError> {
    let backup = format!("{CORRUPT_PREFIX}{id}:{}", now as u64);
    store.set(&backup, raw)?;
    store.remove(key)?;
    Ok(backup)
}

/// Reads the index, checking it against the map keys: rebuilds it when it is missing or
/// unreadable, adds maps it lacks (saved by another tab), drops entries whose map is gone,
/// and sets unreadable maps aside. An entry is current when its revision is the stored
/// map's; otherwise the map's small meta entry, when it describes that same stored copy,
/// says what the list shows (a save rewrites the index only when that changes); only
/// failing both is the map itself read.
pub fn load_index(store: &mut dyn KeyValueStore, now: f64) -> Result<IndexLoad, StoreError> {
    let keys = store.keys()?;
    let ids = ids_with_prefix(&keys, MAP_PREFIX);
    let stored: Option<Vec<IndexEntry>> = store
        .get(INDEX_KEY)?
        .and_then(|raw| serde_json::from_str(&raw).ok());
    let mut out = IndexLoad {
        rebuilt: stored.is_none() && !ids.is_empty(),
        ..IndexLoad::default()
    };
    let mut known = stored.unwrap_or_default();
    known.retain(|e| ids.contains(&e.id));
    for id in &ids {
        let fresh = known.iter().find(|e| &e.id == id).cloned();
        let Some(raw) = store.get(&map_key(id))? else {
            continue;
        };
        // Trust the index when its revision matches the stored map's, else the map's meta
        // entry when it describes the stored copy and says what the list shows.
        let header = peek_header(&raw);
        if let (Some(entry), Some(h)) = (&fresh, header) {
            if entry.revision == h.revision && entry.modified == h.saved_at {
                out.entries.push(entry.clone());
                continue;
            }
        }
        if let Some(h) = header.filter(|h| h.version <= SCHEMA_VERSION) {
            let meta = read_meta(store, id)?.filter(|m| m.header() == h);
            if let Some(shown) = meta.and_then(|m| m.shown) {
                out.entries.push(IndexEntry::from_shown(id, shown, h));
                continue;
            }
        }
        match parse_json(&raw).ok().and_then(|v| open_envelope(&v).ok()) {
            Some(opened) => {
                out.rebuilt = true;
                out.entries
                    .push(IndexEntry::of(id, &opened.map, opened.header, opened.newer));
            }
            None => {
                let backup = set_aside(store, &map_key(id), &raw, id, now)?;
                out.corrupt.push((id.clone(), backup));
            }
        }
    }
    crate::model::order::sort_by(&mut out.entries, |a, b| b.modified.total_cmp(&a.modified));
    if out.rebuilt || !out.corrupt.is_empty() {
        // Best effort: the index can always be rebuilt again.
        let _ = write_index(store, &out.entries);
    }
    Ok(out)
}

fn write_index(store: &mut dyn KeyValueStore, entries: &[IndexEntry]) -> Result<(), StoreError> {
    store.set(
        INDEX_KEY,
        &serde_json::to_string(entries).unwrap_or_else(|_| "[]".into()),
    )
}

pub(super) fn update_index(
    store: &mut dyn KeyValueStore,
    entry: Option<IndexEntry>,
    remove: Option<&str>,
) -> Result<(), StoreError> {
    let mut entries: Vec<IndexEntry> = store
        .get(INDEX_KEY)?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    if let Some(id) = remove {
        entries.retain(|e| e.id != id);
    }
    if let Some(entry) = entry {
        entries.retain(|e| e.id != entry.id);
        entries.insert(0, entry);
    }
    crate::model::order::sort_by(&mut entries, |a, b| b.modified.total_cmp(&a.modified));
    write_index(store, &entries)
}

/// Puts `entry` first in the stored index (a save: the map just saved is the newest),
/// replacing its old entry. The other entries are copied as they are, not parsed, so a
/// save costs the same however many maps the index lists ([`load_index`] sorts anyway).
pub(super) fn put_first_in_index(
    store: &mut dyn KeyValueStore,
    entry: &IndexEntry,
) -> Result<(), StoreError> {
    #[derive(Deserialize)]
    struct Id<'a> {
        #[serde(borrow)]
        id: std::borrow::Cow<'a, str>,
    }
    let stored = store.get(INDEX_KEY)?;
    let others: Vec<&serde_json::value::RawValue> = stored
        .as_deref()
        .and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default();
    let mut text = String::with_capacity(stored.as_ref().map_or(0, String::len) + 256);
    text.push('[');
    text.push_str(&serde_json::to_string(entry).unwrap_or_else(|_| "null".into()));
    // Entries are written id first: recognise the old one without parsing the others.
    let ours = format!(
        "{{\"id\":{}",
        serde_json::to_string(&entry.id).unwrap_or_default()
    );
    for other in others {
        let raw = other.get();
        let same = if raw.starts_with("{\"id\":") {
            raw.starts_with(&ours) && raw[ours.len()..].starts_with([',', '}'])
        } else {
            serde_json::from_str::<Id>(raw).is_ok_and(|o| o.id == entry.id)
        };
        if !same {
            text.push(',');
            text.push_str(other.get());
        }
    }
    text.push(']');
    store.set(INDEX_KEY, &text)
}

const ACK_KEY: &str = "trailmap:acknowledged";

/// Entries set aside as unreadable that the user has not yet been told about (or has not
/// dismissed): (map id, backup key). Keeps telling until acknowledged.
pub fn unacknowledged_corrupt(
    store: &dyn KeyValueStore,
) -> Result<Vec<(String, String)>, StoreError> {
    let acked: Vec<String> = store
        .get(ACK_KEY)?
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default();
    let mut out: Vec<(String, String)> = store
        .keys()?
        .into_iter()
        .filter(|k| !acked.contains(k))
        .filter_map(|k| {
            let id = k
                .strip_prefix(CORRUPT_PREFIX)?
                .rsplit_once(':')?
                .0
                .to_string();
            Some((id, k))
        })
        .collect();
    crate::model::order::sort(&mut out);
    Ok(out)
}

/// Records that the user has seen these set-aside entries (they stay stored).
pub fn acknowledge_corrupt(
    store: &mut dyn KeyValueStore,
    keys: &[String],
) -> Result<(), StoreError> {
    let mut acked: Vec<String> = store
        .get(ACK_KEY)?
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default();
    for k in keys {
        if !acked.contains(k) {
            acked.push(k.clone());
        }
    }
    store.set(
        ACK_KEY,
        &serde_json::to_string(&acked).unwrap_or_else(|_| "[]".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::testing::{loaded, map};
    use crate::model::persist::{load_map, save_map, KeyValueStore, LoadOutcome, MemoryStore};

    #[test]
    fn save_then_load_returns_the_map_and_lists_it() {
        let mut s = MemoryStore::new();
        let saved = save_map(&mut s, "a1", &map("Onboarding"), None, 1000.0).unwrap();
        assert_eq!(saved.revision, 1);
        let (m, h, newer) = loaded(&mut s, "a1");
        assert_eq!(m.scope.title, "Onboarding");
        assert_eq!(h.revision, 1);
        assert!(!newer);
        let index = load_index(&mut s, 0.0).unwrap();
        assert_eq!(index.entries.len(), 1);
        assert_eq!(index.entries[0].title, "Onboarding");
        assert_eq!(index.entries[0].stages, 1);
        assert!(!index.rebuilt);
    }

    #[test]
    fn a_save_puts_its_map_first_in_the_index_once() {
        let mut s = MemoryStore::new();
        for (id, title, t) in [("a", "A", 1.0), ("b", "B", 2.0), ("ab", "AB", 3.0)]
            .into_iter()
            .chain([("a", "A, renamed", 4.0)])
        {
            let base = load_index(&mut s, 0.0)
                .unwrap()
                .entries
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.revision);
            save_map(&mut s, id, &map(title), base, t).unwrap();
        }
        let stored: Vec<IndexEntry> =
            serde_json::from_str(&s.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        let ids: Vec<&str> = stored.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "ab", "b"]);
        assert_eq!(stored[0].revision, 2);
        assert_eq!(stored[0].title, "A, renamed");
        assert!(!load_index(&mut s, 0.0).unwrap().rebuilt);
    }

    #[test]
    fn a_save_that_changes_nothing_the_list_shows_leaves_the_index_and_the_list_is_right() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "a", &map("A"), None, 1.0).unwrap();
        save_map(&mut s, "b", &map("B"), None, 2.0).unwrap();
        let before = s.get(INDEX_KEY).unwrap();
        let mut edited = map("A");
        edited.scope.objective = "Why we map".into();
        save_map(&mut s, "a", &edited, Some(1), 3.0).unwrap();
        assert_eq!(
            s.get(INDEX_KEY).unwrap(),
            before,
            "the index is not rewritten"
        );
        // The list still has the new time and revision (from the meta entry), newest
        // first, without reading the map or rebuilding the index.
        let index = load_index(&mut s, 0.0).unwrap();
        assert!(!index.rebuilt);
        let a = &index.entries[0];
        assert_eq!((a.id.as_str(), a.revision, a.modified), ("a", 2, 3.0));
        assert_eq!(a.title, "A");
        assert_eq!(s.get(INDEX_KEY).unwrap(), before);
        // A count the list shows changes: the index follows.
        edited.stages.clear();
        save_map(&mut s, "a", &edited, Some(2), 4.0).unwrap();
        let stored: Vec<IndexEntry> =
            serde_json::from_str(&s.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!((stored[0].id.as_str(), stored[0].stages), ("a", 0));
        assert_eq!(load_index(&mut s, 0.0).unwrap().entries[0].stages, 0);
        // Another Trailmap (an older one, or one whose meta write failed) saving the map
        // leaves no meta entry that says what the list shows: the map itself is read.
        s.remove("trailmap:meta:a").unwrap();
        edited.scope.title = "A, elsewhere".into();
        s.set(
            &map_key("a"),
            &crate::model::persist::envelope::write_envelope(&edited, 5.0, 4),
        )
        .unwrap();
        let index = load_index(&mut s, 0.0).unwrap();
        assert!(index.rebuilt);
        assert_eq!(index.entries[0].title, "A, elsewhere");
    }

    #[test]
    fn data_stored_before_the_meta_entry_said_what_the_list_shows_still_lists_and_saves() {
        // Entries as the previous build wrote them: a meta entry without "shown" or
        // "backupTried", and an index entry for every save.
        let mut s = MemoryStore::new();
        let m = map("Old map");
        s.set(
            &map_key("old"),
            &crate::model::persist::envelope::write_envelope(&m, 1000.0, 3),
        )
        .unwrap();
        s.set(
            "trailmap:meta:old",
            r#"{"version":1,"revision":3,"savedAt":1000.0,"backups":[],"snapshots":[]}"#,
        )
        .unwrap();
        s.set(
            INDEX_KEY,
            r#"[{"id":"old","title":"Old map","segment":"","stages":1,"touchpoints":0,"modified":1000.0,"revision":3,"newer":false}]"#,
        )
        .unwrap();
        let index = load_index(&mut s, 0.0).unwrap();
        assert!(!index.rebuilt);
        assert_eq!(index.entries[0].title, "Old map");
        let saved = save_map(&mut s, "old", &m, Some(3), 2000.0).unwrap();
        assert_eq!(saved.revision, 4);
        // The first save writes the index (what it shows was not known) and the meta
        // entry now says it; the list is right either way.
        let stored: Vec<IndexEntry> =
            serde_json::from_str(&s.get(INDEX_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(stored[0].revision, 4);
        let meta = s.get("trailmap:meta:old").unwrap().unwrap();
        assert!(meta.contains("\"shown\":{\"title\":\"Old map\""), "{meta}");
        let index = load_index(&mut s, 0.0).unwrap();
        assert_eq!(
            (index.entries[0].revision, index.entries[0].modified),
            (4, 2000.0)
        );
    }

    #[test]
    fn a_missing_or_broken_index_is_rebuilt_from_the_maps() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "a", &map("A"), None, 1.0).unwrap();
        save_map(&mut s, "b", &map("B"), None, 2.0).unwrap();
        s.set(INDEX_KEY, "{broken").unwrap();
        let index = load_index(&mut s, 0.0).unwrap();
        assert!(index.rebuilt);
        let titles: Vec<&str> = index.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["B", "A"], "newest first");
        s.remove(INDEX_KEY).unwrap();
        assert_eq!(load_index(&mut s, 0.0).unwrap().entries.len(), 2);
    }

    #[test]
    fn a_corrupt_map_is_set_aside_and_the_others_still_load() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "good", &map("Good"), None, 1.0).unwrap();
        s.set(&map_key("bad"), "{\"type\":\"trailmap/map\", garbage")
            .unwrap();
        let index = load_index(&mut s, 99.0).unwrap();
        assert_eq!(index.entries.len(), 1);
        assert_eq!(index.corrupt.len(), 1);
        // The user is told until they acknowledge it; the entry itself stays.
        let pending = unacknowledged_corrupt(&s).unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].0, "bad");
        acknowledge_corrupt(&mut s, &[pending[0].1.clone()]).unwrap();
        assert!(unacknowledged_corrupt(&s).unwrap().is_empty());
        assert!(s.get(&pending[0].1).unwrap().is_some());
        let (id, backup) = &index.corrupt[0];
        assert_eq!(id, "bad");
        assert_eq!(
            s.get(backup).unwrap().as_deref(),
            Some("{\"type\":\"trailmap/map\", garbage")
        );
        assert_eq!(s.get(&map_key("bad")).unwrap(), None);
        // Opening it directly also sets it aside rather than failing forever.
        s.set(&map_key("bad2"), "not json").unwrap();
        assert!(matches!(
            load_map(&mut s, "bad2", 5.0).unwrap(),
            LoadOutcome::Corrupt { .. }
        ));
    }
}
