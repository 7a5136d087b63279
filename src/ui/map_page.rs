//! One map, shown as a grid of stages × lanes.

use crate::ui::app::{AppState, NotFound};
use leptos::prelude::*;

/// The page of one map.
#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let found = state
        .maps
        .with_untracked(|maps| maps.iter().find(|m| m.id == id).cloned());
    let Some(entry) = found else {
        return view! { <NotFound what="This map".to_string()/> }.into_any();
    };
    let map = entry.map;
    let stages = map.stages.clone();
    let lanes = map.lanes.clone();
    view! {
        <section class="page map-page">
            <h1 data-testid="map-title">{map.scope.title.clone()}</h1>
            <div class="grid" role="table" aria-label="Journey map">
                <div role="row" class="grid-row">
                    <div role="columnheader" class="lane-head"></div>
                    {stages.iter().map(|s| view! { <div role="columnheader" class="stage-head">{s.name.clone()}</div> }).collect_view()}
                </div>
                {lanes.iter().map(|lane| {
                    let cells = stages.iter().map(|stage| {
                        let cards = map.cell(stage.id, lane.id).map(|c| view! { <div class="card">{c.text.clone()}</div> }).collect_view();
                        view! { <div role="cell" class="cell">{cards}</div> }
                    }).collect_view();
                    view! { <div role="row" class="grid-row"><div role="rowheader" class="lane-head">{lane.name.clone()}</div>{cells}</div> }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}
