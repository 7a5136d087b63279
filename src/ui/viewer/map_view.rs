//! A decoded shared map, read-only: the banner with "Save a copy to my maps", the views
//! (map, emotion curve, stakeholders, priorities, plan) and a details panel. The charts are the editor's
//! own components over a read-only editor state; the grid and the panels are lean
//! read-only versions, so the viewer carries none of the editing code.

use crate::adapters::handoff;
use crate::model::grid::Grouping;
use crate::model::{Id, JourneyMap};
use crate::routes::Route;
use crate::ui::banner::{Banner, BannerKind};
use crate::ui::editor::curve_view::CurveView;
use crate::ui::editor::state::{EditorState, Panel, View};
use crate::ui::toast::Toasts;
use crate::ui::viewer::about::About;
use crate::ui::viewer::card_details::CardDetails;
use crate::ui::viewer::grid::ReadOnlyGrid;
use crate::ui::viewer::matrix::Matrix;
use crate::ui::viewer::people::PeopleTable;
use crate::ui::viewer::plan::Plan;
use crate::ui::viewer::priorities::Priorities;
use leptos::prelude::*;

/// Hands the map to the app page, which saves it as a new map and opens it for editing
/// (the app carries the storage code, so the viewer needs none). A protected map goes
/// only through sessionStorage (this tab), never through the address.
fn save_copy(payload: &str, protected: bool, toasts: Toasts) {
    let target = if handoff::leave(payload) {
        Route::Copy(None)
    } else if !protected {
        Route::Copy(Some(payload.to_string()))
    } else {
        toasts.info("The copy was not saved: this browser does not let Trailmap keep anything for this tab (a private window, or site data blocked). Open the link in a normal window of your usual browser.");
        return;
    };
    let _ = window()
        .location()
        .assign(&format!("../{}", target.to_hash()));
}

/// The shared map.
#[component]
pub fn SharedMap(
    /// The map.
    map: JourneyMap,
    /// Its plain payload (a protected link's, decrypted), for "Save a copy".
    payload: String,
    /// Whether the link was protected by a passphrase.
    protected: bool,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let title = map.scope.title.clone();
    let viewer = EditorState::new(map, true, toasts);
    provide_context(viewer);
    let payload = StoredValue::new(payload);
    let save = move |_| payload.with_value(|p| save_copy(p, protected, toasts));
    let people = viewer.people();
    let tab = move |v: View, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (viewer.view.get() == v).to_string()
                on:click=move |_| viewer.view.set(v)>{label}</button>
        }
    };
    let main = move || match viewer.view.get() {
        View::Grid => view! { <ReadOnlyGrid/> }.into_any(),
        View::Curve => view! { <CurveView/> }.into_any(),
        View::Stakeholders => view! { <Matrix/> <PeopleTable/> }.into_any(),
        View::Priorities => view! { <Priorities/> }.into_any(),
        View::Plan => view! { <Plan/> }.into_any(),
    };
    let panel = move || match viewer.panel.get() {
        Panel::Card(id) => view! { <CardDetails id=id/> }.into_any(),
        Panel::Scope | Panel::Personas => view! { <About/> }.into_any(),
        Panel::Closed | Panel::History | Panel::Share | Panel::Health => ().into_any(),
    };
    let about_open = move || matches!(viewer.panel.get(), Panel::Scope | Panel::Personas);
    view! {
        <Banner kind=BannerKind::Info>
            <span data-testid="shared-banner"><strong>"Shared map, read-only. "</strong>"It lives only in this link until you save a copy."</span>
            <span class="banner-actions"><button type="button" class="button primary" on:click=save>"Save a copy to my maps"</button></span>
        </Banner>
        <div class="editor read-only">
            <div class="toolbar">
                <div class="toolbar-row">
                    <h1 class="map-title-text" data-testid="shared-title">{title}</h1>
                </div>
                <div class="toolbar-row">
                    <div role="tablist" aria-label="Views" class="tabs">
                        {tab(View::Grid, "Map")}
                        {tab(View::Curve, "Emotion curve")}
                        {tab(View::Stakeholders, "Stakeholders")}
                        {tab(View::Priorities, "Priorities")}
                        {tab(View::Plan, "Plan")}
                    </div>
                    <button type="button" class="button" aria-pressed=move || about_open().to_string()
                        on:click=move |_| viewer.panel.set(if about_open() { Panel::Closed } else { Panel::Scope })>"About this map"</button>
                    <label class="field inline">
                        <span class="field-label">"Group lanes"</span>
                        <select on:change:target=move |ev| viewer.grouping.set(if ev.target().value() == "by" { Grouping::ByStakeholder } else { Grouping::Together })>
                            <option value="all">"All together"</option>
                            <option value="by">"By stakeholder"</option>
                        </select>
                    </label>
                    <label class="field inline">
                        <span class="field-label">"Stakeholder"</span>
                        <select data-testid="stakeholder-filter"
                            on:change:target=move |ev| viewer.filter.set(ev.target().value().parse().ok().map(Id))>
                            <option value="">"Everyone"</option>
                            {move || people.get().into_iter().map(|(id, name)| view! { <option value=id.0.to_string()>{name}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
            </div>
            <div class="editor-body">
                <div class="editor-main" class:grid-view=move || viewer.view.get() == View::Grid>{main}</div>
                {panel}
            </div>
        </div>
    }
}
