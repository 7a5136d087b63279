//! Keeping the keyboard's place when a list re-sorts under it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `f`, which may move the focused element within the page (a table re-sorted, its
/// row moved by the keyed list), and gives that element its focus back before the next
/// paint if the move took it away: a row taken out and put back loses focus to `<body>`.
pub fn keep(f: impl FnOnce()) {
    let active = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    f();
    let Some(active) = active else {
        return;
    };
    // The keyed list moves its rows in Leptos's effects, which run before the frame.
    request_animation_frame(move || {
        let body: Option<web_sys::Element> = document().body().map(Into::into);
        let lost = document()
            .active_element()
            .is_none_or(|now| Some(now) == body);
        if lost && active.is_connected() {
            let _ = active.focus();
        }
    });
}
