//! The page header both pages share (the app and the share-link viewer): a skip link to
//! the main content, the brand and the way to the map list.

use leptos::prelude::*;

/// The header; `home` is the map list's address from this page.
#[component]
pub fn Header(
    /// The map list's address ("#/" in the app, "../#/" in the viewer).
    home: &'static str,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) { let _ = main.focus(); }
            }
        }>"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href=home>
                <span class="brand-mark" aria-hidden="true"></span>
                "Trailmap"
            </a>
            <nav aria-label="Main">
                <a href=home>"Your maps"</a>
            </nav>
        </header>
    }
}
