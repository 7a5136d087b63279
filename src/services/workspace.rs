//! The maps of this browser as the app holds them: the map list, and every storage call
//! the components make, over localStorage or, when it cannot be used, memory.

use crate::adapters::storage::LocalStore;
use crate::model::persist::{
    self, IndexEntry, KeyValueStore, LoadOutcome, MemoryStore, Removed, SaveError, Saved,
    StoreError,
};
use crate::model::{templates, JourneyMap};
use leptos::prelude::*;

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// 64 random bits (crypto.getRandomValues, or Math.random where that fails).
pub fn random() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * 9.0e15) as u64
    }
}

/// Where maps are kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Backing {
    /// localStorage.
    Browser,
    /// Memory only, because localStorage cannot be used; the reason.
    Memory(String),
}

/// A map set aside because it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    /// The map's id.
    pub id: String,
    /// The storage key its raw text now lives under.
    pub backup_key: String,
}

/// The workspace, provided as context.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// The map list, most recently modified first.
    pub summaries: RwSignal<Vec<IndexEntry>>,
    /// Where maps are kept.
    pub backing: RwSignal<Backing>,
    /// Maps found unreadable and set aside (shown until dismissed).
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// Whether the user changed anything while maps are kept in memory only (then
    /// leaving the page loses it, and the page asks first).
    pub changed_in_memory: RwSignal<bool>,
    store: StoredValue<Box<dyn KeyValueStore>, LocalStorage>,
}

impl Workspace {
    /// Opens localStorage (or memory, if it cannot be used), loads the map list, and puts
    /// the sample map there on a first visit.
    pub fn open() -> Workspace {
        let local = LocalStore::open();
        let (store, backing): (Box<dyn KeyValueStore>, Backing) = match local.unavailable_reason() {
            None => (Box::new(local), Backing::Browser),
            Some(why) => (
                Box::new(MemoryStore::new()),
                Backing::Memory(why.to_string()),
            ),
        };
        let ws = Workspace {
            summaries: RwSignal::new(Vec::new()),
            backing: RwSignal::new(backing),
            set_aside: RwSignal::new(Vec::new()),
            changed_in_memory: RwSignal::new(false),
            store: StoredValue::new_local(store),
        };
        ws.refresh();
        let first_visit = ws
            .with_store(|s| {
                s.keys()
                    .map(|k| !k.iter().any(|k| k.starts_with(persist::PREFIX)))
            })
            .unwrap_or(true);
        if first_visit {
            let _ = ws.create(&templates::sample_map());
            ws.changed_in_memory.set(false);
        }
        ws
    }

    /// Runs `f` on the store. (The store lives as long as the app; should it be gone,
    /// the call fails as "unavailable" rather than panicking.)
    fn with_store<R, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut dyn KeyValueStore) -> Result<R, E>,
    ) -> Result<R, E> {
        self.store
            .try_update_value(|s| f(s.as_mut()))
            .unwrap_or_else(|| Err(StoreError::Unavailable("Trailmap is closing".into()).into()))
    }

    /// Whether what is saved is really stored: `false` while maps are kept in memory
    /// only because the browser refuses storage.
    pub fn persistent(&self) -> bool {
        self.backing.with_untracked(|b| *b == Backing::Browser)
    }

    /// After any change: remembers it if it lives in memory only.
    fn note_change(&self) {
        if !self.persistent() && !self.changed_in_memory.get_untracked() {
            self.changed_in_memory.set(true);
        }
    }

    /// What to add to a message about a change when it lives in memory only.
    pub fn kept_note(&self) -> &'static str {
        if self.persistent() {
            ""
        } else {
            " It is kept in this tab only, because this browser blocks storage: export it before you close the tab."
        }
    }

    /// Re-reads the map list from storage (after another tab changed it, or on start).
    pub fn refresh(&self) {
        let loaded = self.with_store(|s| persist::load_index(s, now()));
        match loaded {
            Ok(index) => self.summaries.set(index.entries),
            Err(_) => self.summaries.set(Vec::new()),
        }
        // Every unreadable entry set aside and not yet acknowledged, now or before.
        let pending = self
            .with_store(|s| persist::unacknowledged_corrupt(s))
            .unwrap_or_default();
        let list: Vec<SetAside> = pending
            .into_iter()
            .map(|(id, backup_key)| SetAside { id, backup_key })
            .collect();
        if self.set_aside.with_untracked(|old| *old != list) {
            self.set_aside.set(list);
        }
    }

    /// The user has seen the set-aside entries: stop telling (they stay stored).
    pub fn acknowledge_set_aside(&self) {
        let keys: Vec<String> = self
            .set_aside
            .get_untracked()
            .into_iter()
            .map(|s| s.backup_key)
            .collect();
        let _ = self.with_store(|s| persist::acknowledge_corrupt(s, &keys));
        self.set_aside.set(Vec::new());
    }

    /// Loads one map.
    pub fn load(&self, id: &str) -> LoadOutcome {
        let outcome: Result<LoadOutcome, StoreError> =
            self.with_store(|s| persist::load_map(s, id, now()));
        match outcome {
            Ok(LoadOutcome::Corrupt { backup_key, reason }) => {
                self.refresh();
                LoadOutcome::Corrupt { backup_key, reason }
            }
            Ok(other) => other,
            Err(_) => LoadOutcome::Missing,
        }
    }

    /// Saves a map the editor has open at `base_revision`.
    pub fn save(
        &self,
        id: &str,
        map: &JourneyMap,
        base_revision: Option<u64>,
    ) -> Result<Saved, SaveError> {
        let result = self.with_store(|s| persist::save_map(s, id, map, base_revision, now()));
        self.saved(&result);
        result
    }

    /// After a save: the map list takes the saved map's new entry (a save reads nothing
    /// else from storage).
    fn saved(&self, result: &Result<Saved, SaveError>) {
        if let Ok(saved) = result {
            self.note_change();
            self.summaries.update(|list| {
                list.retain(|e| e.id != saved.entry.id);
                list.insert(0, saved.entry.clone());
                crate::model::order::sort_by(list, |a, b| b.modified.total_cmp(&a.modified));
            });
        }
    }

    /// Saves a map over whatever another tab saved meanwhile.
    pub fn save_force(&self, id: &str, map: &JourneyMap) -> Result<Saved, SaveError> {
        let result = self.with_store(|s| persist::save_map_force(s, id, map, now()));
        self.saved(&result);
        result
    }

    /// Adds a new map and returns its id.
    pub fn create(&self, map: &JourneyMap) -> Result<String, SaveError> {
        let id = persist::new_map_id(now(), random());
        self.save(&id, map, None)?;
        Ok(id)
    }

    /// Adds a map under a given id (import), failing if that id is taken.
    pub fn create_with_id(&self, id: &str, map: &JourneyMap) -> Result<(), SaveError> {
        self.save(id, map, None).map(|_| ())
    }

    /// Whether a map with this id exists.
    pub fn exists(&self, id: &str) -> bool {
        self.with_store(|s| s.get(&persist::map_key(id)))
            .ok()
            .flatten()
            .is_some()
    }

    /// Copies a map under a new id, titled "… (copy)".
    pub fn duplicate(&self, id: &str) -> Result<String, String> {
        match self.load(id) {
            LoadOutcome::Loaded { mut map, .. } => {
                map.scope.title = format!("{} (copy)", map.scope.title);
                self.create(&map).map_err(|e| e.to_string())
            }
            _ => Err("the map could not be read".into()),
        }
    }

    /// Renames a map.
    pub fn rename(&self, id: &str, title: &str) -> Result<(), String> {
        match self.load(id) {
            LoadOutcome::Loaded {
                mut map,
                header,
                newer: false,
                ..
            } => {
                map.scope.title = title.to_string();
                self.save(id, &map, Some(header.revision))
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            LoadOutcome::Loaded { newer: true, .. } => {
                Err("it was saved by a newer Trailmap and is read-only".into())
            }
            _ => Err("the map could not be read".into()),
        }
    }

    /// Deletes a map (with its history); the result restores it.
    pub fn delete(&self, id: &str) -> Result<Removed, String> {
        let result = self
            .with_store(|s| persist::delete_map(s, id))
            .map_err(|e: StoreError| e.to_string());
        self.note_change();
        self.refresh();
        result
    }

    /// Puts back a deleted map.
    pub fn restore(&self, removed: &Removed) -> Result<(), String> {
        let result = self
            .with_store(|s| persist::restore_removed(s, removed))
            .map_err(|e: StoreError| e.to_string());
        self.refresh();
        result
    }

    /// Named snapshots and backups of a map, newest first.
    pub fn versions(&self, id: &str) -> Vec<persist::Version> {
        self.with_store(|s| persist::list_versions(s, id))
            .unwrap_or_default()
    }

    /// Takes a named snapshot.
    pub fn snapshot(
        &self,
        id: &str,
        name: &str,
        map: &JourneyMap,
    ) -> Result<persist::Version, SaveError> {
        self.with_store(|s| persist::create_snapshot(s, id, name, map, now()))
    }

    /// Loads a snapshot or backup.
    pub fn load_version(&self, key: &str) -> Result<JourneyMap, String> {
        self.with_store(|s| Ok::<_, StoreError>(persist::load_version(s, key)))
            .map_err(|e| e.to_string())
            .and_then(|r| r.map(|(m, _)| m))
    }

    /// Deletes a snapshot or backup.
    pub fn delete_version(&self, key: &str) -> Result<(), String> {
        self.with_store(|s| persist::delete_version(s, key))
            .map_err(|e: StoreError| e.to_string())
    }

    /// The raw text stored under a key (to download a set-aside entry).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.with_store(|s| s.get(key)).ok().flatten()
    }

    /// Writes raw text back under a key (undoing a snapshot delete: the map's version
    /// list learns of it again).
    pub fn put_raw(&self, key: &str, value: &str) -> Result<(), String> {
        self.with_store(|s| persist::put_back(s, key, value))
            .map_err(|e: StoreError| e.to_string())
    }

    /// Every readable map, for "Export all".
    pub fn all_maps(&self) -> Vec<(String, JourneyMap)> {
        let ids: Vec<String> = self
            .summaries
            .get_untracked()
            .into_iter()
            .map(|e| e.id)
            .collect();
        ids.into_iter()
            .filter_map(|id| match self.load(&id) {
                LoadOutcome::Loaded { map, .. } => Some((id, map)),
                _ => None,
            })
            .collect()
    }
}
