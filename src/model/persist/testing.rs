//! Helpers for the persistence tests.

use super::envelope::Header;
use super::saving::{load_map, LoadOutcome};
use super::store::{KeyValueStore, MemoryStore};
use crate::model::map::JourneyMap;
use crate::model::Stage;

pub fn map(title: &str) -> JourneyMap {
    let mut m = JourneyMap::blank(title);
    let id = m.new_id();
    m.stages.push(Stage {
        id,
        name: "Awareness".into(),
        ..Stage::default()
    });
    m
}

pub fn loaded(store: &mut MemoryStore, id: &str) -> (JourneyMap, Header, bool) {
    match load_map(store, id, 0.0).unwrap() {
        LoadOutcome::Loaded {
            map, header, newer, ..
        } => (map, header, newer),
        other => panic!("expected a map, got {other:?}"),
    }
}

/// A store that counts what each operation touches, as localStorage would pay for it:
/// every `get`, `set` and `remove` by key, and every key a listing returns.
#[derive(Default)]
pub struct CountingStore {
    /// The entries.
    pub inner: MemoryStore,
    /// Keys read, in order.
    pub read: std::cell::RefCell<Vec<String>>,
    /// Keys written or removed, in order.
    pub written: Vec<String>,
    /// Keys returned by listings.
    pub listed: std::cell::Cell<usize>,
    /// Characters of the values read.
    pub read_chars: std::cell::Cell<usize>,
    /// Characters of the values written.
    pub written_chars: usize,
}

impl CountingStore {
    /// Forgets the counts so far.
    pub fn reset(&mut self) {
        self.read.borrow_mut().clear();
        self.written.clear();
        self.listed.set(0);
        self.read_chars.set(0);
        self.written_chars = 0;
    }
}

impl KeyValueStore for CountingStore {
    fn get(&self, key: &str) -> Result<Option<String>, super::store::StoreError> {
        self.read.borrow_mut().push(key.to_string());
        let value = self.inner.get(key)?;
        let n = value.as_ref().map_or(0, |v| v.chars().count());
        self.read_chars.set(self.read_chars.get() + n);
        Ok(value)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), super::store::StoreError> {
        self.written.push(key.to_string());
        self.written_chars += value.chars().count();
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), super::store::StoreError> {
        self.written.push(key.to_string());
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, super::store::StoreError> {
        let keys = self.inner.keys()?;
        self.listed.set(self.listed.get() + keys.len());
        Ok(keys)
    }
}
