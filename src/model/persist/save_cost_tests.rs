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
fn save_cost(others: usize, later: bool) -> (Vec<String>, Vec<String>, usize, (usize, usize)) {
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
    let chars = (s.read_chars.get(), s.written_chars);
    (read, s.written.clone(), s.listed.get(), chars)
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
        let (read, written, listed, _) = fifty;
        assert_eq!(listed, 0, "a save lists no keys");
        assert!(
            read.iter().chain(&written).all(|k| own(k)),
            "only the map's own entries and the index: {read:?} {written:?}"
        );
    }
}

/// The characters a save reads and writes do not grow with the maps stored: the index
/// (one entry per map) is neither read nor rewritten when nothing the map list shows has
/// changed. With 50 maps of 100 KB in Chromium, reading and rewriting it cost about a
/// fifth of a save.
#[test]
fn a_save_reads_and_writes_as_many_characters_with_1_or_50_maps_stored() {
    for later in [false, true] {
        let (.., one) = save_cost(0, later);
        let (read, written, _, fifty) = save_cost(49, later);
        assert_eq!(one, fifty, "characters read, written (backup: {later})");
        assert!(!read.iter().chain(&written).any(|k| k == INDEX_KEY));
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

/// With storage full, a save that finds no room for an automatic backup does not try
/// again on the next save. Trying on every save (read the whole map, then fail to write a
/// copy of it) is what made a save with 50 maps of 100 KB stored, which fills
/// localStorage, cost about twice a save with 1.
#[test]
fn a_full_store_is_asked_for_a_backup_once_per_interval_not_on_every_save() {
    let (mut s, r) = stored(49);
    let m = sized("m", 100_000);
    // Room for the map's own entries to grow a little, none for a copy of the map.
    s.inner.capacity = Some(s.inner.used() + 2_000);
    let mut t = 10.0 * BACKUP_INTERVAL_MS;
    let mut r = save_map(&mut s, "m", &m, Some(r), t).unwrap().revision;
    for _ in 0..5 {
        t += 60_000.0;
        s.reset();
        r = save_map(&mut s, "m", &m, Some(r), t).unwrap().revision;
        let read = s.read.borrow().clone();
        assert_eq!(
            read,
            ["trailmap:meta:m"],
            "a save a minute later reads only the map's meta entry"
        );
        assert!(
            s.written.iter().all(|k| !k.contains("backup")),
            "and writes no backup: {:?}",
            s.written
        );
    }
    // With room again, the next backup is taken an interval after the failed try: the
    // save whose previous copy is ten minutes newer than it.
    s.inner.capacity = None;
    let mut minutes = 5;
    loop {
        minutes += 1;
        t += 60_000.0;
        s.reset();
        r = save_map(&mut s, "m", &m, Some(r), t).unwrap().revision;
        if s.written
            .iter()
            .any(|k| k.starts_with("trailmap:backup:m:"))
        {
            break;
        }
        assert!(minutes < 20, "a backup is taken again");
    }
    assert_eq!(minutes, 11);
    assert_eq!(
        list_versions(&s, "m").unwrap().len(),
        3,
        "two backups, a snapshot"
    );
}
