//! The editor page's shell (`edit/`): header, routing between the map list and one map,
//! messages.

use crate::adapters::route::use_route;
use crate::routes::{Route, VIEWER_DIR};
use crate::services::workspace::Workspace;
use crate::ui::copy_in::CopyIn;
use crate::ui::header::Header;
use crate::ui::map_list::MapList;
use crate::ui::map_page::MapPage;
use crate::ui::toast::{ToastArea, Toasts};
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let workspace = Workspace::open();
    provide_context(workspace);
    let toasts = Toasts::new();
    provide_context(toasts);
    // What the map list did before it opened this page (e.g. an import's report).
    if let Some(notice) = crate::adapters::handoff::take_notice() {
        toasts.info(&notice);
    }
    let route = use_route();
    // Maps kept in memory only (storage refused) and changed: leaving loses them, so the
    // browser asks first. (The editor asks too while its map is not stored.)
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if workspace.changed_in_memory.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || unload.remove());
    let page = move || match route.get() {
        Route::MapList => view! { <MapList editor=""/> }.into_any(),
        Route::Map(id) => view! { <MapPage id=id/> }.into_any(),
        // Share links open in the viewer page; one pasted into this tab (a change of
        // the fragment alone) goes there too.
        Route::Shared(_) => {
            // The whole fragment: a link's title hint goes along.
            let hash = window().location().hash().unwrap_or_default();
            let _ = window()
                .location()
                .replace(&format!("../{VIEWER_DIR}{hash}"));
            view! {
                <section class="empty-state" data-testid="share-opening">
                    <p class="boot-status" role="status"><span class="boot-spinner" aria-hidden="true"></span>"Opening the shared map…"</p>
                </section>
            }
            .into_any()
        }
        #[cfg(feature = "selftest")]
        Route::SelfTest(name) => {
            view! { <crate::services::selftest::SelfTestPage name=name/> }.into_any()
        }
        Route::Copy(payload) => view! { <CopyIn payload=payload/> }.into_any(),
        Route::NotFound(_) => view! { <NotFound what="This page".to_string()/> }.into_any(),
    };
    view! {
        <Header home="#/"/>
        <main id="main" class="app-main" class:full=move || matches!(route.get(), Route::Map(_)) tabindex="-1">{page}</main>
        <ToastArea toasts=toasts/>
    }
}

/// Shown for a route that matches nothing.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    view! {
        <section class="empty-state" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>{what}" does not exist in Trailmap. It may have been mistyped or deleted."</p>
            <p><a class="button primary" href="#/">"Go to your maps"</a></p>
        </section>
    }
}
