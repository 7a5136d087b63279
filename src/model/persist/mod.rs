//! Persistence logic, free of browser APIs: versioned envelopes and migrations, saving and
//! loading against a key–value store with every localStorage fault handled as a value,
//! history (rolling backups and named snapshots), and JSON file export and import.
//!
//! The browser adapter (`adapters::storage`) implements [`store::KeyValueStore`] over
//! localStorage; tests use [`store::MemoryStore`].
//!
//! One file per job: [`keys`] (where everything lives), [`index`] (the map list),
//! [`saving`] (loading, saving and conflicts), [`meta`] (each map's small header and
//! version list), [`backups`], [`snapshots`], [`delete`] (delete and undo) and [`events`]
//! (other tabs' changes).

pub mod backups;
pub mod delete;
pub mod envelope;
pub mod events;
pub mod files;
pub mod index;
pub mod keys;
pub mod meta;
#[cfg(test)]
mod save_cost_tests;
pub mod saving;
pub mod snapshots;
pub mod store;
#[cfg(test)]
mod testing;

pub use backups::{BACKUP_COUNT, BACKUP_INTERVAL_MS};
pub use delete::*;
pub use envelope::{APP_VERSION, SCHEMA_VERSION};
pub use events::*;
pub use files::{export_all_file, export_map_file, import_file, ImportError, ImportedMap};
pub use index::*;
pub use keys::{map_key, new_map_id, INDEX_KEY, PREFIX};
pub use saving::*;
pub use snapshots::*;
pub use store::{KeyValueStore, MemoryStore, StoreError};
