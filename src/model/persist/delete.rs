//! Deleting a map with everything it owns, and putting it back (undo).

use super::envelope::{open_envelope, parse_json};
use super::index::{update_index, IndexEntry};
use super::keys::{map_key, BACKUP_PREFIX, META_PREFIX, SNAPSHOT_PREFIX};
use super::store::{KeyValueStore, StoreError};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::testing::map;
    use crate::model::persist::{create_snapshot, load_index, save_map, MemoryStore};

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
}
