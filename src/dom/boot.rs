//! The hand-over from a page's static frame (`#boot`: header and loading state, on the
//! map list the list's fixed part, on a share link the map's title) to the app.
//!
//! The frame is painted from HTML and CSS before the wasm arrives. Removed before the
//! browser has timed that paint, it is dropped from Largest Contentful Paint, which then
//! waits for the app's own copy of the same text: on a fast machine the wasm can be
//! running before the frame's first paint is on screen. So the app waits for
//! `window.trailmapBootShown`, which `assets/boot.js` (inlined at the end of the frame)
//! resolves once the paint is timed, or at once where the browser times none, and clears.

use wasm_bindgen::JsCast;

/// Removes the static frame and calls `mount`, once the frame's paint is on screen: at
/// once when it already is (the usual case on a phone, where the wasm takes longer).
pub fn hand_over(mount: impl FnOnce() + 'static) {
    let take_over = move || {
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        mount();
    };
    let shown = js_sys::Reflect::get(&leptos::prelude::window(), &"trailmapBootShown".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    match shown {
        // Not Leptos's spawner: its executor starts with the first mount.
        Some(shown) => wasm_bindgen_futures::spawn_local(async move {
            // Resolved, never rejected; either way the app must take over.
            let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
            take_over();
        }),
        None => take_over(),
    }
}
