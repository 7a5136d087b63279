//! Automatic rolling backups: at most one per interval, the last few kept, and the first
//! thing freed when storage is full.

use super::envelope::Header;
use super::keys::{backup_key, map_key, parse_version_key, BACKUP_PREFIX};
use super::meta::{update_lists, Stamp};
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
/// in `backups` (the map's list, oldest first) is [`BACKUP_INTERVAL_MS`] older than it;
/// trims to [`BACKUP_COUNT`]. A backup that does not fit is skipped (backups are
/// expendable) and the attempt noted in `tried` as the time of the save making it
/// (`now`, the time of the copy being written), which counts as a backup for the
/// interval: a full store is not asked again on every save. Returns backups freed (none
/// today).
pub(super) fn rotate_backups(
    store: &mut dyn KeyValueStore,
    id: &str,
    raw: Option<&str>,
    h: Header,
    backups: &mut Vec<Stamp>,
    tried: &mut Option<f64>,
    now: f64,
) -> Result<usize, SaveError> {
    let newest = backups
        .iter()
        .map(|b| b.at)
        .chain(*tried)
        .max_by(f64::total_cmp);
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
    let at = (h.saved_at as u64) as f64;
    match store.set(&backup_key(id, at), raw) {
        Ok(()) => {
            backups.retain(|b| b.at != at);
            backups.push(Stamp {
                at,
                size: raw.chars().count(),
                name: None,
            });
            *tried = None;
        }
        Err(StoreError::QuotaExceeded) => *tried = Some(now),
        Err(e) => return Err(e.into()),
    }
    crate::model::order::sort_by(backups, |a, b| a.at.total_cmp(&b.at));
    while backups.len() > BACKUP_COUNT {
        let old = backups.remove(0);
        store.remove(&backup_key(id, old.at))?;
    }
    Ok(0)
}

/// Deletes the oldest automatic backup of any map (a scan of every key: only when storage
/// is full), and drops it from its map's list. Returns its map id and time; `None` if
/// there is no backup.
pub(super) fn free_oldest_backup(
    store: &mut dyn KeyValueStore,
) -> Result<Option<(String, f64)>, StoreError> {
    let oldest = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .filter_map(|k| {
            let (id, at, _) = parse_version_key(&k)?;
            Some((at, id.to_string(), k.clone()))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match oldest {
        Some((at, id, key)) => {
            store.remove(&key)?;
            update_lists(store, &id, |backups, _| backups.retain(|b| b.at != at))?;
            Ok(Some((id, at)))
        }
        None => Ok(None),
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
