//! Saving and loading maps in a key–value store: the index, tolerant loads, revision
//! checks against other tabs, rolling backups, named snapshots, undoable deletes, and
//! what to do when storage is full.
//!
//! Keys (all under the `trailmap:` prefix):
//! - `trailmap:index` — the list shown on the map list (rebuildable from the map keys);
//! - `trailmap:map:<id>` — one map in its envelope;
//! - `trailmap:backup:<id>:<savedAt>` — automatic rolling backups (expendable);
//! - `trailmap:snapshot:<id>:<createdAt>` — named snapshots (kept until deleted);
//! - `trailmap:corrupt:<id>:<ms>` — unreadable entries set aside (never deleted).

use super::envelope::{
    open_envelope, parse_json, peek_header, write_envelope, Header, SCHEMA_VERSION,
};
use super::store::{KeyValueStore, StoreError};
use crate::model::map::JourneyMap;
use crate::model::restore::RestoreReport;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Prefix of every key Trailmap writes.
pub const PREFIX: &str = "trailmap:";
/// Key of the map index.
pub const INDEX_KEY: &str = "trailmap:index";
const MAP_PREFIX: &str = "trailmap:map:";
const BACKUP_PREFIX: &str = "trailmap:backup:";
const SNAPSHOT_PREFIX: &str = "trailmap:snapshot:";
const CORRUPT_PREFIX: &str = "trailmap:corrupt:";

/// Automatic backups kept per map. localStorage holds about 5 MB for the whole app; a
/// typical map is 20–100 KB, so five backups of a dozen maps fit with room to spare, and
/// backups are the first thing freed when space runs out.
pub const BACKUP_COUNT: usize = 5;
/// At most one automatic backup per this many milliseconds (10 minutes), so typing does
/// not churn storage while a working session still leaves a trail.
pub const BACKUP_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The storage key of a map.
pub fn map_key(id: &str) -> String {
    format!("{MAP_PREFIX}{id}")
}

/// A short, URL-safe map id from a time and a random number.
pub fn new_map_id(now_ms: f64, random: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n =
        ((now_ms.max(0.0) as u64) << 20) ^ (random & 0xF_FFFF) ^ (random >> 20).rotate_left(7);
    let mut out = Vec::new();
    while out.len() < 10 {
        out.push(ALPHABET[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            n = random.rotate_left(out.len() as u32 * 5) | 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| "map".into())
}

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
fn set_aside(
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
/// and sets unreadable maps aside.
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
        // Trust the index when its revision matches the stored map's.
        let header = peek_header(&raw);
        match (fresh, header) {
            (Some(entry), Some(h))
                if entry.revision == h.revision && entry.modified == h.saved_at =>
            {
                out.entries.push(entry)
            }
            _ => match parse_json(&raw).ok().and_then(|v| open_envelope(&v).ok()) {
                Some(opened) => {
                    out.rebuilt = true;
                    out.entries
                        .push(IndexEntry::of(id, &opened.map, opened.header, opened.newer));
                }
                None => {
                    let backup = set_aside(store, &map_key(id), &raw, id, now)?;
                    out.corrupt.push((id.clone(), backup));
                }
            },
        }
    }
    out.entries
        .sort_by(|a, b| b.modified.total_cmp(&a.modified));
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

fn update_index(
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
    entries.sort_by(|a, b| b.modified.total_cmp(&a.modified));
    write_index(store, &entries)
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
    out.sort();
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
    let header = match read_meta(store, id)? {
        Some(h) => Some(h),
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
    let revision = header
        .map_or(0, |h| h.revision)
        .max(base_revision.unwrap_or(0))
        + 1;
    let text = write_envelope(map, now, revision);
    let mut freed = 0;
    if let Some(h) = header {
        freed += rotate_backups(store, id, current.as_deref(), h)?;
    }
    loop {
        match store.set(&key, &text) {
            Ok(()) => break,
            Err(StoreError::QuotaExceeded) => {
                if !free_oldest_backup(store)? {
                    return Err(SaveError::Quota);
                }
                freed += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let written = Header {
        version: SCHEMA_VERSION,
        revision,
        saved_at: now,
    };
    write_meta(store, id, written);
    let entry = IndexEntry::of(id, map, written, false);
    // The index is rebuildable: a failure here loses nothing.
    let _ = update_index(store, Some(entry), None);
    Ok(Saved {
        revision,
        freed_backups: freed,
    })
}

/// Keeps `raw` (the previous copy, saved at `h.saved_at`) as a backup if the newest backup
/// is [`BACKUP_INTERVAL_MS`] older than it; trims to [`BACKUP_COUNT`]. A backup that does
/// not fit is simply skipped (backups are expendable). Returns backups freed (none today).
fn rotate_backups(
    store: &mut dyn KeyValueStore,
    id: &str,
    raw: Option<&str>,
    h: Header,
) -> Result<usize, SaveError> {
    let mut backups = list_backup_keys(store, id)?;
    let newest = backups.last().map(|(t, _)| *t);
    if newest.is_some_and(|t| h.saved_at - t < BACKUP_INTERVAL_MS) {
        return Ok(0);
    }
    // Only now is the previous copy needed (at most once per interval).
    let fetched;
    let raw = match raw {
        Some(raw) => raw,
        None => match store.get(&map_key(id))? {
            Some(r) => {
                fetched = r;
                fetched.as_str()
            }
            None => return Ok(0),
        },
    };
    let key = format!("{BACKUP_PREFIX}{id}:{}", h.saved_at as u64);
    match store.set(&key, raw) {
        Ok(()) => backups.push((h.saved_at, key)),
        Err(StoreError::QuotaExceeded) => {}
        Err(e) => return Err(e.into()),
    }
    while backups.len() > BACKUP_COUNT {
        let (_, old) = backups.remove(0);
        store.remove(&old)?;
    }
    Ok(0)
}

const META_PREFIX: &str = "trailmap:meta:";

/// The header of the stored map `id`, from its small meta entry.
fn read_meta(store: &dyn KeyValueStore, id: &str) -> Result<Option<Header>, StoreError> {
    let raw = store.get(&format!("{META_PREFIX}{id}"))?;
    Ok(raw.and_then(|r| {
        let v: Value = serde_json::from_str(&r).ok()?;
        Some(Header {
            version: v.get("version")?.as_u64()?.min(u64::from(u32::MAX)) as u32,
            revision: v.get("revision")?.as_u64()?,
            saved_at: v.get("savedAt")?.as_f64()?,
        })
    }))
}

/// Records the header of what was just saved. If that fails, the meta entry is removed so
/// the next save reads the map's own header instead of trusting a stale one.
fn write_meta(store: &mut dyn KeyValueStore, id: &str, h: Header) {
    let key = format!("{META_PREFIX}{id}");
    let text = format!(
        "{{\"version\":{},\"revision\":{},\"savedAt\":{}}}",
        h.version, h.revision, h.saved_at
    );
    if store.set(&key, &text).is_err() {
        let _ = store.remove(&key);
    }
}

/// Backup keys of a map with their times, oldest first.
fn list_backup_keys(store: &dyn KeyValueStore, id: &str) -> Result<Vec<(f64, String)>, StoreError> {
    let prefix = format!("{BACKUP_PREFIX}{id}:");
    let mut out: Vec<(f64, String)> = store
        .keys()?
        .into_iter()
        .filter_map(|k| {
            k.strip_prefix(&prefix)
                .and_then(|t| t.parse::<f64>().ok())
                .map(|t| (t, k.clone()))
        })
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(out)
}

/// Deletes the oldest automatic backup of any map; `false` if there is none.
fn free_oldest_backup(store: &mut dyn KeyValueStore) -> Result<bool, StoreError> {
    let oldest = store
        .keys()?
        .into_iter()
        .filter_map(|k| {
            let rest = k.strip_prefix(BACKUP_PREFIX)?;
            let t = rest.rsplit_once(':')?.1.parse::<f64>().ok()?;
            Some((t, k))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match oldest {
        Some((_, key)) => {
            store.remove(&key)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A saved version of a map: an automatic backup or a named snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Storage key (to load or delete it).
    pub key: String,
    /// The snapshot's name, or "Automatic backup".
    pub name: String,
    /// When it was taken, ms since the epoch.
    pub at: f64,
    /// Its size in characters.
    pub size: usize,
    /// Whether it is a named snapshot (kept until deleted) or an automatic backup.
    pub named: bool,
}

/// Takes a named snapshot of `map` (e.g. "Q3 review"). Snapshots never expire.
pub fn create_snapshot(
    store: &mut dyn KeyValueStore,
    id: &str,
    name: &str,
    map: &JourneyMap,
    now: f64,
) -> Result<Version, SaveError> {
    let name = name.trim();
    let name = if name.is_empty() { "Snapshot" } else { name };
    let mut value: Value =
        serde_json::from_str(&write_envelope(map, now, 0)).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut value {
        o.insert("name".into(), Value::String(name.to_string()));
    }
    let text = value.to_string();
    let key = format!("{SNAPSHOT_PREFIX}{id}:{}", now as u64);
    loop {
        match store.set(&key, &text) {
            Ok(()) => break,
            Err(StoreError::QuotaExceeded) => {
                if !free_oldest_backup(store)? {
                    return Err(SaveError::Quota);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Version {
        key,
        name: name.to_string(),
        at: now,
        size: text.chars().count(),
        named: true,
    })
}

/// Named snapshots and automatic backups of a map, newest first.
pub fn list_versions(store: &dyn KeyValueStore, id: &str) -> Result<Vec<Version>, StoreError> {
    let mut out = Vec::new();
    let snap_prefix = format!("{SNAPSHOT_PREFIX}{id}:");
    let backup_prefix = format!("{BACKUP_PREFIX}{id}:");
    for key in store.keys()? {
        let (named, rest) = match (
            key.strip_prefix(&snap_prefix),
            key.strip_prefix(&backup_prefix),
        ) {
            (Some(rest), _) => (true, rest),
            (_, Some(rest)) => (false, rest),
            _ => continue,
        };
        let Ok(at) = rest.parse::<f64>() else {
            continue;
        };
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        let name = if named {
            parse_json(&raw)
                .ok()
                .and_then(|v| v.get("name").and_then(Value::as_str).map(str::to_string))
                .unwrap_or_else(|| "Snapshot".into())
        } else {
            "Automatic backup".to_string()
        };
        out.push(Version {
            key,
            name,
            at,
            size: raw.chars().count(),
            named,
        });
    }
    out.sort_by(|a, b| b.at.total_cmp(&a.at));
    Ok(out)
}

/// Loads the map held by a snapshot or backup key.
pub fn load_version(
    store: &dyn KeyValueStore,
    key: &str,
) -> Result<(JourneyMap, RestoreReport), String> {
    let raw = store
        .get(key)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "this version no longer exists".to_string())?;
    let opened = parse_json(&raw)
        .and_then(|v| open_envelope(&v))
        .map_err(|e| e.to_string())?;
    Ok((opened.map, opened.report))
}

/// Deletes a snapshot or backup.
pub fn delete_version(store: &mut dyn KeyValueStore, key: &str) -> Result<(), StoreError> {
    if key.starts_with(SNAPSHOT_PREFIX) || key.starts_with(BACKUP_PREFIX) {
        store.remove(key)?;
    }
    Ok(())
}

/// Everything a delete removed, to put back on undo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// Map id.
    pub id: String,
    /// (key, value) pairs removed.
    pub entries: Vec<(String, String)>,
}

/// Deletes map `id` with its backups and snapshots; returns what was removed.
pub fn delete_map(store: &mut dyn KeyValueStore, id: &str) -> Result<Removed, StoreError> {
    let mine = [
        map_key(id),
        format!("{BACKUP_PREFIX}{id}:"),
        format!("{SNAPSHOT_PREFIX}{id}:"),
        format!("{META_PREFIX}{id}"),
    ];
    let mut removed = Removed {
        id: id.to_string(),
        entries: Vec::new(),
    };
    for key in store.keys()? {
        let belongs = key == mine[0]
            || key == mine[3]
            || key.starts_with(&mine[1])
            || key.starts_with(&mine[2]);
        if belongs {
            if let Some(value) = store.get(&key)? {
                removed.entries.push((key.clone(), value));
            }
        }
    }
    for (key, _) in &removed.entries {
        store.remove(key)?;
    }
    let _ = update_index(store, None, Some(id));
    Ok(removed)
}

/// Puts back what [`delete_map`] removed.
pub fn restore_removed(store: &mut dyn KeyValueStore, removed: &Removed) -> Result<(), StoreError> {
    for (key, value) in &removed.entries {
        store.set(key, value)?;
    }
    if let Some((_, raw)) = removed
        .entries
        .iter()
        .find(|(k, _)| *k == map_key(&removed.id))
    {
        if let Some(o) = parse_json(raw).ok().and_then(|v| open_envelope(&v).ok()) {
            let _ = update_index(
                store,
                Some(IndexEntry::of(&removed.id, &o.map, o.header, o.newer)),
                None,
            );
        }
    }
    Ok(())
}

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
    use crate::model::persist::store::MemoryStore;
    use crate::model::Stage;

    fn map(title: &str) -> JourneyMap {
        let mut m = JourneyMap::blank(title);
        let id = m.new_id();
        m.stages.push(Stage {
            id,
            name: "Awareness".into(),
            ..Stage::default()
        });
        m
    }

    fn loaded(store: &mut MemoryStore, id: &str) -> (JourneyMap, Header, bool) {
        match load_map(store, id, 0.0).unwrap() {
            LoadOutcome::Loaded {
                map, header, newer, ..
            } => (map, header, newer),
            other => panic!("expected a map, got {other:?}"),
        }
    }

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

    #[test]
    fn backups_roll_at_most_one_per_interval_and_keep_the_last_few() {
        let mut s = MemoryStore::new();
        let mut rev = None;
        for i in 0..20 {
            let t = i as f64 * 60_000.0 * 4.0; // every 4 minutes
            rev = Some(
                save_map(&mut s, "m", &map(&format!("v{i}")), rev, t)
                    .unwrap()
                    .revision,
            );
        }
        let versions = list_versions(&s, "m").unwrap();
        assert_eq!(versions.len(), BACKUP_COUNT);
        assert!(versions
            .windows(2)
            .all(|w| w[0].at - w[1].at >= BACKUP_INTERVAL_MS));
        let (old, _) = load_version(&s, &versions[0].key).unwrap();
        assert!(old.scope.title.starts_with('v'));
    }

    #[test]
    fn named_snapshots_are_listed_loaded_and_never_expire() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "m", &map("Now"), None, 1.0).unwrap();
        let snap = create_snapshot(&mut s, "m", "Q3 review", &map("Q3 state"), 10.0).unwrap();
        let mut rev = Some(1);
        for i in 0..30 {
            rev = Some(
                save_map(&mut s, "m", &map("later"), rev, 1e7 * f64::from(i + 1))
                    .unwrap()
                    .revision,
            );
        }
        let versions = list_versions(&s, "m").unwrap();
        let named: Vec<&Version> = versions.iter().filter(|v| v.named).collect();
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].name, "Q3 review");
        assert_eq!(named[0].key, snap.key);
        assert_eq!(
            load_version(&s, &snap.key).unwrap().0.scope.title,
            "Q3 state"
        );
        delete_version(&mut s, &snap.key).unwrap();
        assert!(list_versions(&s, "m").unwrap().iter().all(|v| !v.named));
    }

    #[test]
    fn deleting_a_map_can_be_undone_exactly() {
        let mut s = MemoryStore::new();
        save_map(&mut s, "m", &map("Keep me"), None, 1.0).unwrap();
        create_snapshot(&mut s, "m", "Q1", &map("Keep me"), 2.0).unwrap();
        save_map(&mut s, "other", &map("Other"), None, 3.0).unwrap();
        let before: Vec<String> = s.keys().unwrap();
        let removed = delete_map(&mut s, "m").unwrap();
        assert_eq!(
            removed.entries.len(),
            3,
            "map, its meta entry and the snapshot"
        );
        assert_eq!(load_index(&mut s, 0.0).unwrap().entries.len(), 1);
        restore_removed(&mut s, &removed).unwrap();
        assert_eq!(s.keys().unwrap(), before);
        assert_eq!(load_index(&mut s, 0.0).unwrap().entries.len(), 2);
    }

    #[test]
    fn map_ids_are_short_url_safe_and_distinct() {
        let a = new_map_id(1_795_305_600_000.0, 1);
        let b = new_map_id(1_795_305_600_000.0, 2);
        assert_ne!(a, b);
        assert_eq!(a.len(), 10);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert!(crate::routes::Route::parse(&format!("#/map/{a}")) == crate::routes::Route::Map(a));
    }
}
