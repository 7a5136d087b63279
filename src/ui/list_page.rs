//! The lean page that opens the site (`index.html`, bin `trailmap`): the map list alone.
//! A map opens in the editor page (`edit/`, the whole app), share links in the viewer
//! (`view/`); so a first visit downloads neither the editor nor the link coder.

use crate::adapters::route::use_route;
use crate::adapters::storage::LocalStore;
use crate::routes::{Route, EDITOR_DIR, VIEWER_DIR};
use crate::services::workspace::Workspace;
use crate::ui::header::Header;
use crate::ui::map_list::MapList;
use crate::ui::toast::{ToastArea, Toasts};
use leptos::prelude::*;

/// Sends this address on to the editor page, fragment and all, in place of this entry.
fn to_editor() {
    let location = window().location();
    let (search, hash) = (
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    );
    let _ = location.replace(&format!("{EDITOR_DIR}{search}{hash}"));
}

/// Installs the panic hook and mounts the map list in place of the static frame of
/// `index.html` (the same header and list head, so nothing moves). Where the browser
/// refuses storage, maps live in memory, which a change of page would lose: the whole
/// visit then happens in the editor page, which holds the map list too.
pub fn start() {
    crate::ui::crash::install_panic_hook();
    if LocalStore::open().unavailable_reason().is_some() {
        to_editor();
        return;
    }
    crate::dom::boot::hand_over(|| leptos::mount::mount_to_body(ListPage));
    crate::ui::update_prompt::mount("sw.js");
}

/// The map list, and the way on for any other address.
#[component]
fn ListPage() -> impl IntoView {
    provide_context(Workspace::open());
    let toasts = Toasts::new();
    provide_context(toasts);
    let route = use_route();
    // The inline script of index.html sends other addresses on before any wasm loads;
    // these are fragments changed in this tab (a link pasted into the address bar).
    let page = move || match route.get() {
        Route::MapList => view! { <MapList editor=EDITOR_DIR/> }.into_any(),
        Route::Shared(_) => {
            // The whole fragment: a link's title hint goes along.
            let hash = window().location().hash().unwrap_or_default();
            let _ = window().location().replace(&format!("{VIEWER_DIR}{hash}"));
            ().into_any()
        }
        _ => {
            to_editor();
            ().into_any()
        }
    };
    view! {
        <Header home="#/"/>
        <main id="main" class="app-main" tabindex="-1">{page}</main>
        <ToastArea toasts=toasts/>
    }
}
