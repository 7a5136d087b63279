//! The app shell: header, routing between the map list and one map.

use crate::adapters::route::use_route;
use crate::model::{templates, JourneyMap};
use crate::routes::Route;
use crate::ui::map_list::MapList;
use crate::ui::map_page::MapPage;
use leptos::prelude::*;

/// One map of the workspace as the app holds it in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkspaceMap {
    /// Workspace id (used in the URL).
    pub id: String,
    /// The map.
    pub map: JourneyMap,
}

/// Shared app state, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The maps of this browser.
    pub maps: RwSignal<Vec<WorkspaceMap>>,
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let sample = WorkspaceMap {
        id: "sample".into(),
        map: templates::sample_map(),
    };
    let state = AppState {
        maps: RwSignal::new(vec![sample]),
    };
    provide_context(state);
    let route = use_route();
    let page = move || match route.get() {
        Route::MapList => view! { <MapList/> }.into_any(),
        Route::Map(id) => view! { <MapPage id=id/> }.into_any(),
        Route::Shared(_) => view! { <NotFound what="This shared link".to_string()/> }.into_any(),
        Route::SelfTestCrash => panic!("self-test: a deliberate crash to check the crash panel"),
        Route::NotFound(_) => view! { <NotFound what="This page".to_string()/> }.into_any(),
    };
    view! {
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Trailmap"
            </a>
            <nav aria-label="Main">
                <a href="#/">"Maps"</a>
            </nav>
        </header>
        <main id="main" class="app-main">{page}</main>
    }
}

/// Shown for a route that matches nothing.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    view! {
        <section class="empty-state" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>{what}" does not exist in Trailmap. It may have been mistyped or removed."</p>
            <p><a class="button primary" href="#/">"Go to your maps"</a></p>
        </section>
    }
}
