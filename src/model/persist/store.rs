//! The key–value store the persistence logic runs on, with localStorage's failure modes,
//! and an in-memory implementation for tests.

use std::collections::BTreeMap;

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, private mode, blocked by policy).
    Unavailable(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(f, "this browser's storage is full"),
            StoreError::Unavailable(why) => {
                write!(f, "this browser's storage cannot be used ({why})")
            }
        }
    }
}

/// A string key–value store (localStorage in the browser).
pub trait KeyValueStore {
    /// The value under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`; on error nothing changes.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// All keys.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store that can be made full or unavailable, counting size like
/// localStorage does (UTF-16 code units of keys and values).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    /// Capacity in UTF-16 code units; `None` for unlimited.
    pub capacity: Option<usize>,
    /// When set, every call fails as unavailable with this reason.
    pub unavailable: Option<String>,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryStore {
    /// An empty store without a size limit.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// An empty store holding at most `capacity` UTF-16 code units.
    pub fn with_capacity(capacity: usize) -> MemoryStore {
        MemoryStore {
            capacity: Some(capacity),
            ..MemoryStore::default()
        }
    }

    /// Size used, in UTF-16 code units.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        match &self.unavailable {
            Some(why) => Err(StoreError::Unavailable(why.clone())),
            None => Ok(()),
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(cap) = self.capacity {
            let old = self.entries.get(key).map_or(0, |v| units(key) + units(v));
            if self.used() - old + units(key) + units(value) > cap {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_enforces_capacity_without_partial_writes() {
        let mut s = MemoryStore::with_capacity(10);
        s.set("ab", "cdef").unwrap();
        assert_eq!(s.set("x", "0123456"), Err(StoreError::QuotaExceeded));
        assert_eq!(s.get("x").unwrap(), None);
        // Replacing a value counts only the difference.
        s.set("ab", "12345678").unwrap();
        assert_eq!(s.used(), 10);
    }

    #[test]
    fn memory_store_can_be_unavailable() {
        let mut s = MemoryStore::new();
        s.unavailable = Some("private mode".into());
        assert!(matches!(s.get("k"), Err(StoreError::Unavailable(_))));
        assert!(matches!(s.set("k", "v"), Err(StoreError::Unavailable(_))));
    }
}
