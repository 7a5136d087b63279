//! Where everything lives in the key–value store. Keys (all under the `trailmap:` prefix):
//! - `trailmap:index` — the list shown on the map list (rebuildable from the map keys);
//! - `trailmap:map:<id>` — one map in its envelope;
//! - `trailmap:meta:<id>` — the small header of the stored map (revision, time) and the
//!   list of its backups and snapshots (see [`super::meta`]);
//! - `trailmap:backup:<id>:<savedAt>` — automatic rolling backups (expendable);
//! - `trailmap:snapshot:<id>:<createdAt>` — named snapshots (kept until deleted);
//! - `trailmap:corrupt:<id>:<ms>` — unreadable entries set aside (never deleted).

/// Prefix of every key Trailmap writes.
pub const PREFIX: &str = "trailmap:";
/// Key of the map index.
pub const INDEX_KEY: &str = "trailmap:index";
pub(super) const MAP_PREFIX: &str = "trailmap:map:";
pub(super) const BACKUP_PREFIX: &str = "trailmap:backup:";
pub(super) const SNAPSHOT_PREFIX: &str = "trailmap:snapshot:";
pub(super) const CORRUPT_PREFIX: &str = "trailmap:corrupt:";

pub(super) const META_PREFIX: &str = "trailmap:meta:";

/// The storage key of a map.
pub fn map_key(id: &str) -> String {
    format!("{MAP_PREFIX}{id}")
}

/// The storage key of the automatic backup of map `id` taken at `at`.
pub fn backup_key(id: &str, at: f64) -> String {
    format!("{BACKUP_PREFIX}{id}:{}", at as u64)
}

/// The storage key of the named snapshot of map `id` taken at `at`.
pub fn snapshot_key(id: &str, at: f64) -> String {
    format!("{SNAPSHOT_PREFIX}{id}:{}", at as u64)
}

/// The map id and time of a backup or snapshot key, and whether it is a snapshot.
pub fn parse_version_key(key: &str) -> Option<(&str, f64, bool)> {
    let (rest, named) = match (
        key.strip_prefix(SNAPSHOT_PREFIX),
        key.strip_prefix(BACKUP_PREFIX),
    ) {
        (Some(rest), _) => (rest, true),
        (_, Some(rest)) => (rest, false),
        _ => return None,
    };
    let (id, at) = rest.rsplit_once(':')?;
    Some((id, at.parse::<f64>().ok()?, named))
}

/// A short, URL-safe map id from a time and a random number.
pub fn new_map_id(now_ms: f64, random: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n =
        ((now_ms.max(0.0) as u64) << 20) ^ (random & 0xF_FFFF) ^ (random >> 20).rotate_left(7);
    let mut out = Vec::new();
    while out.len() < 10 {
        out.push(ALPHABET[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            n = random.rotate_left(out.len() as u32 * 5) | 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| "map".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_ids_are_short_url_safe_and_distinct() {
        let a = new_map_id(1_795_305_600_000.0, 1);
        let b = new_map_id(1_795_305_600_000.0, 2);
        assert_ne!(a, b);
        assert_eq!(a.len(), 10);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert!(crate::routes::Route::parse(&format!("#/map/{a}")) == crate::routes::Route::Map(a));
    }
}
