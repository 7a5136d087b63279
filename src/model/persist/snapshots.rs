//! Named snapshots (kept until deleted), and the versions list of the History panel.

use super::backups::free_oldest_backup;
use super::envelope::{open_envelope, parse_json, write_envelope};
use super::keys::{backup_key, parse_version_key, snapshot_key};
use super::meta::{read_meta, update_lists, Stamp};
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
    let key = snapshot_key(id, now);
    loop {
        match store.set(&key, &text) {
            Ok(()) => break,
            Err(StoreError::QuotaExceeded) => {
                if free_oldest_backup(store)?.is_none() {
                    return Err(SaveError::Quota);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let size = text.chars().count();
    let at = (now as u64) as f64;
    update_lists(store, id, |_, snapshots| {
        snapshots.retain(|s| s.at != at);
        snapshots.push(Stamp {
            at,
            size,
            name: Some(name.to_string()),
        });
    })?;
    Ok(Version {
        key,
        name: name.to_string(),
        at: now,
        size,
        named: true,
    })
}

/// Named snapshots and automatic backups of a map, newest first: from the map's meta
/// entry (one small read), or, when it does not list them, by scanning the keys.
pub fn list_versions(store: &dyn KeyValueStore, id: &str) -> Result<Vec<Version>, StoreError> {
    let listed = read_meta(store, id)?.and_then(|m| m.backups.zip(m.snapshots));
    let Some((backups, snapshots)) = listed else {
        return scan_versions(store, id);
    };
    let mut out: Vec<Version> = backups
        .into_iter()
        .map(|b| Version {
            key: backup_key(id, b.at),
            name: "Automatic backup".to_string(),
            at: b.at,
            size: b.size,
            named: false,
        })
        .chain(snapshots.into_iter().map(|s| Version {
            key: snapshot_key(id, s.at),
            name: s.name.unwrap_or_else(|| "Snapshot".into()),
            at: s.at,
            size: s.size,
            named: true,
        }))
        .collect();
    crate::model::order::sort_by(&mut out, |a, b| b.at.total_cmp(&a.at));
    Ok(out)
}

/// The versions of a map found by scanning every key and reading each version (for data
/// whose meta entry does not list them yet), newest first.
pub(super) fn scan_versions(
    store: &dyn KeyValueStore,
    id: &str,
) -> Result<Vec<Version>, StoreError> {
    let mut out = Vec::new();
    for key in store.keys()? {
        let Some((owner, at, named)) = parse_version_key(&key) else {
            continue;
        };
        if owner != id {
            continue;
        }
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        let name = if named {
            snapshot_name(&raw)
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
    crate::model::order::sort_by(&mut out, |a, b| b.at.total_cmp(&a.at));
    Ok(out)
}

/// The lists for a meta entry: (backups, snapshots), each oldest first.
pub(super) fn stamps(versions: &[Version]) -> (Vec<Stamp>, Vec<Stamp>) {
    let mut backups = Vec::new();
    let mut snapshots = Vec::new();
    for v in versions.iter().rev() {
        let stamp = Stamp {
            at: v.at,
            size: v.size,
            name: v.named.then(|| v.name.clone()),
        };
        if v.named {
            snapshots.push(stamp);
        } else {
            backups.push(stamp);
        }
    }
    (backups, snapshots)
}

fn snapshot_name(raw: &str) -> String {
    parse_json(raw)
        .ok()
        .and_then(|v| v.get("name").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| "Snapshot".into())
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
    if let Some((id, at, named)) = parse_version_key(key) {
        let id = id.to_string();
        store.remove(key)?;
        update_lists(store, &id, |backups, snapshots| {
            let list = if named { snapshots } else { backups };
            list.retain(|s| s.at != at);
        })?;
    }
    Ok(())
}

/// Puts back a snapshot or backup that was deleted (undo); any other key is written as is.
pub fn put_back(store: &mut dyn KeyValueStore, key: &str, raw: &str) -> Result<(), StoreError> {
    store.set(key, raw)?;
    if let Some((id, at, named)) = parse_version_key(key) {
        let id = id.to_string();
        let stamp = Stamp {
            at,
            size: raw.chars().count(),
            name: named.then(|| snapshot_name(raw)),
        };
        update_lists(store, &id, |backups, snapshots| {
            let list = if named { snapshots } else { backups };
            list.retain(|s| s.at != at);
            list.push(stamp);
        })?;
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
