//! Browser tests (wasm-bindgen-test in headless Chromium) for the app shell.
#![cfg(target_arch = "wasm32")]

use trailmap::adapters::recovery;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn app_mounts_and_lists_the_sample_map() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), trailmap::ui::app::App);
    leptos::task::tick().await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Your journey maps"), "rendered: {text}");
    assert!(host
        .query_selector("[data-testid=map-list] a")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn recovery_json_holds_storage_entries_and_unsaved_state() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("trailmap:test:entry", "{\"a\":1}")
        .unwrap();
    storage.set_item("other-app", "x").unwrap();
    recovery::remember("m1", "{\"scope\":{\"title\":\"Unsaved\"}}".to_string());
    let json: serde_json::Value = serde_json::from_str(&recovery::recovery_json()).unwrap();
    assert_eq!(json["type"], "trailmap/recovery");
    assert_eq!(json["storage"]["trailmap:test:entry"], "{\"a\":1}");
    assert!(json["storage"].get("other-app").is_none());
    assert_eq!(json["unsaved"]["map"]["scope"]["title"], "Unsaved");
    storage.remove_item("trailmap:test:entry").unwrap();
    storage.remove_item("other-app").unwrap();
}
