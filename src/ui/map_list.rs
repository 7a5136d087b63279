//! The list of maps in this browser.

use crate::ui::app::AppState;
use leptos::prelude::*;

/// The map list page.
#[component]
pub fn MapList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let maps = move || state.maps.get();
    view! {
        <section class="page map-list">
            <h1>"Your journey maps"</h1>
            <ul class="map-cards" data-testid="map-list">
                <For each=maps key=|m| m.id.clone() let:entry>
                    <li class="map-card">
                        <a href=format!("#/map/{}", entry.id)>{entry.map.scope.title.clone()}</a>
                        <span class="meta">{format!("{} stages", entry.map.stages.len())}</span>
                    </li>
                </For>
            </ul>
        </section>
    }
}
