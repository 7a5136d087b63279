//! Browser tests of the localStorage adapter against the real browser's storage.
#![cfg(target_arch = "wasm32")]

use trailmap::adapters::storage::LocalStore;
use trailmap::model::persist::{self, KeyValueStore, LoadOutcome, SaveError, StoreError};
use trailmap::model::JourneyMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn a_real_full_storage_is_reported_as_quota_and_the_old_copy_survives() {
    clear();
    let mut store = LocalStore::open();
    assert!(store.unavailable_reason().is_none());
    let mut map = JourneyMap::blank("Fits");
    persist::save_map(&mut store, "m", &map, None, 1.0).unwrap();
    // Fill the browser's real quota with filler entries.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let quota_hit = loop {
        match store.set(&format!("filler:{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 200, "storage never filled up");
    };
    assert_eq!(quota_hit, StoreError::QuotaExceeded);
    map.scope.objective = "y".repeat(600 * 1024);
    assert_eq!(
        persist::save_map(&mut store, "m", &map, Some(1), 2.0),
        Err(SaveError::Quota)
    );
    match persist::load_map(&mut store, "m", 3.0).unwrap() {
        LoadOutcome::Loaded { map, .. } => assert_eq!(map.scope.title, "Fits"),
        other => panic!("{other:?}"),
    }
    // Space frees: saving works again.
    for i in 0..filled {
        store.remove(&format!("filler:{i}")).unwrap();
    }
    assert!(persist::save_map(&mut store, "m", &map, Some(1), 4.0).is_ok());
    clear();
}

#[wasm_bindgen_test]
fn keys_and_values_round_trip_through_local_storage() {
    clear();
    let mut store = LocalStore::open();
    store.set("trailmap:a", "1").unwrap();
    store.set("trailmap:b", "ünïcödé ✓").unwrap();
    let mut keys = store.keys().unwrap();
    keys.sort();
    assert_eq!(keys, vec!["trailmap:a", "trailmap:b"]);
    assert_eq!(
        store.get("trailmap:b").unwrap().as_deref(),
        Some("ünïcödé ✓")
    );
    store.remove("trailmap:a").unwrap();
    assert_eq!(store.get("trailmap:a").unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
fn entries_pass_through_gloo_byte_for_byte() {
    clear();
    let mut store = LocalStore::open();
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let values = [
        r#"{"type":"trailmap/map","version":3,"map":{"scope":{"title":"Ünïcödé ✓ \"quoted\""}}}"#,
        r#"[{"id":"a","title":"x"},{"id":"b"}]"#,
        r#""a JSON string""#,
        "42",
        // Not JSON: a damaged entry being set aside.
        r#"{"type":"trailmap/map", garbage"#,
        "plain text",
    ];
    for (i, v) in values.iter().enumerate() {
        let key = format!("trailmap:v{i}");
        store.set(&key, v).unwrap();
        assert_eq!(
            raw.get_item(&key).unwrap().as_deref(),
            Some(*v),
            "stored as given"
        );
        assert_eq!(
            store.get(&key).unwrap().as_deref(),
            Some(*v),
            "read as stored"
        );
    }
    clear();
}
