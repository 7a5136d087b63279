//! Last-resort data recovery: what the crash panel offers to download.
//!
//! The autosave path records the latest serialized map here, so that even edits that
//! could not be written to storage (quota, private mode) can be rescued after a crash.

use std::cell::RefCell;

thread_local! {
    static LATEST: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Records the latest serialized state of the open map (`id`, JSON).
pub fn remember(id: &str, json: String) {
    LATEST.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some((id.to_string(), json));
        }
    });
}

/// A JSON document holding every Trailmap entry of localStorage plus the latest in-memory
/// state, built without the reactive runtime (it may be what crashed).
pub fn recovery_json() -> String {
    let mut entries: Vec<String> = Vec::new();
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let len = storage.length().unwrap_or(0);
        for i in 0..len {
            if let Ok(Some(key)) = storage.key(i) {
                if key.starts_with("trailmap:") {
                    if let Ok(Some(value)) = storage.get_item(&key) {
                        entries.push(format!(
                            "{}:{}",
                            serde_json::to_string(&key).unwrap_or_default(),
                            serde_json::to_string(&value).unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }
    let latest = LATEST
        .with(|slot| slot.try_borrow().ok().and_then(|s| s.clone()))
        .map(|(id, json)| {
            format!(
                "{{\"id\":{},\"map\":{}}}",
                serde_json::to_string(&id).unwrap_or_default(),
                json
            )
        })
        .unwrap_or_else(|| "null".to_string());
    format!(
        "{{\"type\":\"trailmap/recovery\",\"version\":1,\"unsaved\":{latest},\"storage\":{{{}}}}}",
        entries.join(",")
    )
}
