//! A decoded shared map, read-only.

use crate::model::JourneyMap;
use leptos::prelude::*;

/// The shared map.
#[component]
pub fn SharedMap(map: JourneyMap) -> impl IntoView {
    view! { <h1>{map.scope.title.clone()}</h1> }
}
