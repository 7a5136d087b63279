//! Automatic rolling backups: at most one per interval, the last few kept, and the first
//! thing freed when storage is full.

use super::envelope::Header;
use super::keys::{map_key, BACKUP_PREFIX};
use super::saving::SaveError;
use super::store::{KeyValueStore, StoreError};

/// Automatic backups kept per map. localStorage holds about 5 MB for the whole app; a
/// typical map is 20–100 KB, so five backups of a dozen maps fit with room to spare, and
/// backups are the first thing freed when space runs out.
pub const BACKUP_COUNT: usize = 5;
/// At most one automatic backup per this many milliseconds (10 minutes), so typing does
/// not churn storage while a working session still leaves a trail.
pub const BACKUP_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Keeps `raw` (the previous copy, saved at `h.saved_at`) as a backup if the newest backup
/// is [`BACKUP_INTERVAL_MS`] older than it; trims to [`BACKUP_COUNT`]. A backup that does
/// not fit is simply skipped (backups are expendable). Returns backups freed (none today).
pub(super) fn rotate_backups(
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
pub(super) fn free_oldest_backup(store: &mut dyn KeyValueStore) -> Result<bool, StoreError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persist::testing::map;
    use crate::model::persist::{list_versions, load_version, save_map, MemoryStore};

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
}
