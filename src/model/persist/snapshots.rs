//! Named snapshots (kept until deleted), and the versions list of the History panel.

use super::backups::free_oldest_backup;
use super::envelope::{open_envelope, parse_json, write_envelope};
use super::keys::{BACKUP_PREFIX, SNAPSHOT_PREFIX};
use super::saving::SaveError;
use super::store::{KeyValueStore, StoreError};
use crate::model::map::JourneyMap;
use crate::model::restore::RestoreReport;
use serde_json::Value;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::testing::map;
    use crate::model::persist::{save_map, MemoryStore};

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
}
