//! The small meta entry of each map (`trailmap:meta:<id>`): the stored map's header, so a
//! save checks revisions without reading a map of a megabyte, and the list of the map's
//! automatic backups and named snapshots, so neither a save nor the History panel has to
//! list every key in storage or parse every snapshot.
//!
//! A missing entry, or a missing list in it (written before the lists existed, or by an
//! older Trailmap), means "unknown", never "none": the keys are then scanned once and the
//! next save writes the lists.

use super::envelope::Header;
use super::keys::META_PREFIX;
use super::store::{KeyValueStore, StoreError};
use serde::{Deserialize, Serialize};

/// One backup or snapshot as the meta entry lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    /// When it was taken, ms since the epoch (the time in its key).
    pub at: f64,
    /// Its size in characters.
    #[serde(default)]
    pub size: usize,
    /// A snapshot's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What the meta entry of a map holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Schema version of the stored map.
    pub version: u32,
    /// Its revision.
    pub revision: u64,
    /// When it was saved.
    #[serde(rename = "savedAt")]
    pub saved_at: f64,
    /// Automatic backups, oldest first; `None` when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backups: Option<Vec<Stamp>>,
    /// Named snapshots, oldest first; `None` when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshots: Option<Vec<Stamp>>,
    /// When storage last had no room for an automatic backup (the time of the save that
    /// tried). The next try waits an interval, as after a backup, so a full store does
    /// not pay a read and a failed write of the whole map on every save.
    #[serde(
        rename = "backupTried",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub backup_tried: Option<f64>,
    /// What the map list shows of the stored map (its title and counts), so the list can
    /// be right without the index being rewritten on every save; `None` when not known
    /// (written by an older Trailmap): the index entry is then checked against the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
}

/// What the map list shows of a map besides its time: it changes only when one of these
/// does, and only then does a save rewrite the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shown {
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
}

impl Meta {
    /// The header of the stored map.
    pub fn header(&self) -> Header {
        Header {
            version: self.version,
            revision: self.revision,
            saved_at: self.saved_at,
        }
    }
}

/// The key of a map's meta entry.
pub fn meta_key(id: &str) -> String {
    format!("{META_PREFIX}{id}")
}

/// The meta entry of map `id`, if there is a readable one.
pub fn read_meta(store: &dyn KeyValueStore, id: &str) -> Result<Option<Meta>, StoreError> {
    Ok(store
        .get(&meta_key(id))?
        .and_then(|r| serde_json::from_str(&r).ok()))
}

/// Writes the meta entry. If that fails it is removed, so that nothing trusts a stale one
/// (the next save reads the map's own header and scans for its versions instead).
pub(super) fn write_meta(store: &mut dyn KeyValueStore, id: &str, meta: &Meta) {
    let key = meta_key(id);
    let written = serde_json::to_string(meta)
        .ok()
        .is_some_and(|text| store.set(&key, &text).is_ok());
    if !written {
        let _ = store.remove(&key);
    }
}

/// Changes the version lists of map `id`'s meta entry, if it has them (unknown lists stay
/// unknown: a scan finds the change).
pub(super) fn update_lists(
    store: &mut dyn KeyValueStore,
    id: &str,
    change: impl FnOnce(&mut Vec<Stamp>, &mut Vec<Stamp>),
) -> Result<(), StoreError> {
    let Some(mut meta) = read_meta(store, id)? else {
        return Ok(());
    };
    if let (Some(backups), Some(snapshots)) = (&mut meta.backups, &mut meta.snapshots) {
        change(backups, snapshots);
        crate::model::order::sort_by(backups, |a, b| a.at.total_cmp(&b.at));
        crate::model::order::sort_by(snapshots, |a, b| a.at.total_cmp(&b.at));
        write_meta(store, id, &meta);
    }
    Ok(())
}
