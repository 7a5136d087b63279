//! Save cost with 1 and with 50 maps stored (figures, not a test): a map of ~100 KB saved
//! as the app saves it (`persist::save_map`, whose result carries the map's new index entry
//! for the map list), with 1 and with 50 maps of ~100 KB in the store (each with a snapshot and a
//! backup); medians of several runs, interleaved, and their ratio (goal ≤ 1.2). For
//! comparison, the same save followed by re-reading the map list from storage
//! (`load_index` + `unacknowledged_corrupt`), which is what every save did before.
//!
//! `cargo run --release --features selftest --example bench_storage [runs]`

use std::time::Instant;
use trailmap::model::generate::generated_map;
use trailmap::model::persist::{self, MemoryStore, BACKUP_INTERVAL_MS};
use trailmap::model::JourneyMap;

/// A generated map of about 100 KB stored.
fn map_100k(seed: u64) -> JourneyMap {
    let mut map = generated_map(8, 6, 120, seed);
    let target = 100 * 1024;
    let mut i = 0;
    while persist::envelope::write_envelope(&map, 0.0, 1).len() < target {
        let n = i % map.cards.len();
        map.cards[n]
            .notes
            .push_str("Interview notes: the team asked about pricing tiers. ");
        i += 1;
    }
    map
}

fn store_with(maps: usize) -> (MemoryStore, u64, JourneyMap) {
    let mut s = MemoryStore::new();
    let mut rev = 0;
    let mut target = map_100k(0);
    for i in 0..maps {
        let id = if i + 1 == maps {
            "target".to_string()
        } else {
            format!("map{i}")
        };
        let m = map_100k(i as u64 + 1);
        let r = persist::save_map(&mut s, &id, &m, None, 1.0)
            .unwrap()
            .revision;
        persist::create_snapshot(&mut s, &id, "Q3 review", &m, 2.0).unwrap();
        rev = persist::save_map(&mut s, &id, &m, Some(r), 3.0 + BACKUP_INTERVAL_MS)
            .unwrap()
            .revision;
        target = m;
    }
    (s, rev, target)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(31);
    let (mut one, mut rev1, mut map1) = store_with(1);
    let (mut fifty, mut rev50, mut map50) = store_with(50);
    let bytes = persist::envelope::write_envelope(&map1, 0.0, 1).len();
    let (mut t1, mut t50, mut r1, mut r50) = (vec![], vec![], vec![], vec![]);
    let mut now = 4.0 + BACKUP_INTERVAL_MS;
    for run in 0..runs {
        for with_refresh in [false, true] {
            for (s, rev, map, times) in [
                (
                    &mut one,
                    &mut rev1,
                    &mut map1,
                    if with_refresh { &mut r1 } else { &mut t1 },
                ),
                (
                    &mut fifty,
                    &mut rev50,
                    &mut map50,
                    if with_refresh { &mut r50 } else { &mut t50 },
                ),
            ] {
                now += 1000.0;
                map.scope.title = format!("Target map, edit {run}");
                let t0 = Instant::now();
                let saved = persist::save_map(s, "target", map, Some(*rev), now).unwrap();
                if with_refresh {
                    let index = persist::load_index(s, now).unwrap();
                    let _ = persist::unacknowledged_corrupt(s).unwrap();
                    assert!(!index.entries.is_empty());
                } else {
                    assert_eq!(saved.entry.revision, saved.revision);
                }
                times.push(t0.elapsed().as_secs_f64() * 1000.0);
                *rev = saved.revision;
            }
        }
    }
    let (m1, m50) = (median(t1), median(t50));
    let (o1, o50) = (median(r1), median(r50));
    println!(
        "save of a {:.0} KB map, native (MemoryStore), median of {runs} runs:",
        bytes as f64 / 1024.0
    );
    println!("  1 map stored:   {m1:.3} ms");
    println!(
        "  50 maps stored: {m50:.3} ms   ratio {:.2}   goal ≤ 1.2",
        m50 / m1
    );
    println!("the same save followed by re-reading the map list from storage (each save before):");
    println!("  1 map stored:   {o1:.3} ms");
    println!("  50 maps stored: {o50:.3} ms   ratio {:.2}", o50 / o1);
}
