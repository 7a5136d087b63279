//! A save costs the same with 1 or 50 maps stored: it touches only the map's own entries
//! and the small meta and index entries, and the History panel's list comes from the
//! meta entry, not from listing every key or reading every snapshot.

use super::testing::{map, CountingStore};
use super::{create_snapshot, list_versions, save_map, BACKUP_INTERVAL_MS, INDEX_KEY};
use crate::model::JourneyMap;

/// A map of about `chars` characters stored.
fn sized(title: &str, chars: usize) -> JourneyMap {
    let mut m = map(title);
    m.scope.objective = "x".repeat(chars);
    m
}

/// A store holding `others` maps of ~100 KB besides "m", each with a snapshot and a
/// backup, and "m" likewise; returns it with "m"'s revision.
fn stored(others: usize) -> (CountingStore, u64) {
    let mut s = CountingStore::default();
    for i in 0..=others {
        let id = if i == others {
            "m".to_string()
        } else {
            format!("other{i}")
        };
        let m = sized(&id, 100_000);
        let r = save_map(&mut s, &id, &m, None, 1.0).unwrap().revision;
        create_snapshot(&mut s, &id, &format!("Snapshot of {id}"), &m, 2.0).unwrap();
        let r = save_map(&mut s, &id, &m, Some(r), 3.0 + BACKUP_INTERVAL_MS)
            .unwrap()
            .revision;
        if i == others {
            return (s, r);
        }
    }
    unreachable!()
}

/// What a save of "m" touches: one that keeps a backup (`later`), or one that does not.
fn save_cost(others: usize, later: bool) -> (Vec<String>, Vec<String>, usize) {
    let (mut s, mut r) = stored(others);
    let m = sized("m", 100_000);
    if !later {
        // This save keeps a backup; the next one, a minute later, does not.
        r = save_map(&mut s, "m", &m, Some(r), 4.0 + BACKUP_INTERVAL_MS)
            .unwrap()
            .revision;
    }
    s.reset();
    let at = if later {
        1e9
    } else {
        60_004.0 + BACKUP_INTERVAL_MS
    };
    save_map(&mut s, "m", &m, Some(r), at).unwrap();
    let read = s.read.borrow().clone();
    (read, s.written.clone(), s.listed.get())
}

fn own(key: &str) -> bool {
    key == INDEX_KEY || key.ends_with(":m") || key.contains(":m:")
}

#[test]
fn a_save_touches_the_same_entries_with_1_or_50_maps_stored() {
    for later in [false, true] {
        let one = save_cost(0, later);
        let fifty = save_cost(49, later);
        assert_eq!(
            one, fifty,
            "a save with 1 map stored vs 50 (backup: {later})"
        );
        let (read, written, listed) = fifty;
        assert_eq!(listed, 0, "a save lists no keys");
        assert!(
            read.iter().chain(&written).all(|k| own(k)),
            "only the map's own entries and the index: {read:?} {written:?}"
        );
    }
}

#[test]
fn the_history_list_reads_one_small_entry_whatever_is_stored() {
    for others in [0, 49] {
        let (mut s, _) = stored(others);
        s.reset();
        let versions = list_versions(&s, "m").unwrap();
        assert_eq!(versions.len(), 2, "a snapshot and a backup");
        assert!(versions
            .iter()
            .any(|v| v.named && v.name == "Snapshot of m"));
        assert_eq!(*s.read.borrow(), ["trailmap:meta:m"]);
        assert_eq!(s.listed.get(), 0);
    }
}
