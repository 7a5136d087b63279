//! Persistence logic, free of browser APIs: versioned envelopes and migrations, saving and
//! loading against a key–value store with every localStorage fault handled as a value,
//! history (rolling backups and named snapshots), and JSON file export and import.
//!
//! The browser adapter (`adapters::storage`) implements [`store::KeyValueStore`] over
//! localStorage; tests use [`store::MemoryStore`].

pub mod envelope;
pub mod files;
pub mod store;
pub mod workspace;

pub use envelope::{APP_VERSION, SCHEMA_VERSION};
pub use files::{export_all_file, export_map_file, import_file, ImportError, ImportedMap};
pub use store::{KeyValueStore, MemoryStore, StoreError};
pub use workspace::*;
