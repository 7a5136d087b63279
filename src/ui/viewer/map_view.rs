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
use crate::ui::present::{Presentation, Story};
use crate::ui::toast::Toasts;
use crate::ui::viewer::about::About;
use crate::ui::viewer::card_details::CardDetails;
use crate::ui::viewer::grid::ReadOnlyGrid;
use crate::ui::viewer::handoff::HandoffDetails;
use crate::ui::viewer::matrix::Matrix;
use crate::ui::viewer::people::PeopleTable;
use crate::ui::viewer::plan::Plan;
use crate::ui::viewer::priorities::Priorities;
use crate::ui::viewer::reviews::Reviews;
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
    let _ = window().location().assign(&format!(
        "../{}{}",
        crate::routes::EDITOR_DIR,
        target.to_hash()
    ));
}

/// The banner over a shared map: read-only, and "Save a copy" once the map is open.
fn banner(save: Option<Callback<()>>) -> impl IntoView {
    let disabled = save.is_none();
    view! {
        <Banner kind=BannerKind::Info>
            <span data-testid="shared-banner"><strong>"Shared map, read-only. "</strong>"It lives only in this link until you save a copy."</span>
            <span class="banner-actions"><button type="button" class="button primary" disabled=disabled
                on:click=move |_| if let Some(s) = save { s.run(()) }>"Save a copy to my maps"</button></span>
        </Banner>
    }
}

/// What shows while a plain link decodes, when the link carries its title (see
/// [`crate::adapters::share::link_for`]): the frame of [`SharedMap`] with that title, as
/// `view/index.html` paints it from static HTML before the wasm, so nothing moves.
pub fn pending_frame(title: String) -> impl IntoView {
    view! {
        {banner(None)}
        <div class="editor read-only">
            <div class="toolbar">
                <div class="toolbar-row">
                    <h1 class="map-title-text" data-testid="pending-title">{title}</h1>
                </div>
            </div>
            <p class="boot-status" role="status" data-testid="share-opening"><span class="boot-spinner" aria-hidden="true"></span>"Opening the map…"</p>
        </div>
    }
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
    let save = Callback::new(move |()| payload.with_value(|p| save_copy(p, protected, toasts)));
    let people = viewer.people();
    let presenting = RwSignal::new(false);
    let tab = move |v: View, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (viewer.view.get() == v).to_string()
                on:click=move |_| viewer.view.set(v)>{label}</button>
        }
    };
    // On a narrow screen (a phone) the map reads as a story, stage after stage; the grid
    // stays one tap away.
    let narrow_now = || {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 700.0)
    };
    let narrow = RwSignal::new(narrow_now());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = narrow_now();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    let as_grid = RwSignal::new(false);
    let main_area = NodeRef::<leptos::html::Div>::new();
    crate::dom::scroll::top_on_change(main_area, move || viewer.view.get());
    let main = move || {
        match viewer.view.get() {
        View::Grid if narrow.get() && !as_grid.get() => view! {
            <p class="story-switch"><button type="button" class="button" on:click=move |_| as_grid.set(true)>"Show as a grid"</button></p>
            <Story map=viewer.with_map_untracked(JourneyMap::clone)/>
        }
        .into_any(),
        View::Grid => view! {
            {move || narrow.get().then(|| view! {
                <p class="story-switch"><button type="button" class="button" on:click=move |_| as_grid.set(false)>"Show stage by stage"</button></p>
            })}
            <ReadOnlyGrid/>
        }
        .into_any(),
        View::Curve => view! { <CurveView/> }.into_any(),
        View::Stakeholders => view! { <Matrix/> <PeopleTable/> }.into_any(),
        View::Priorities => view! { <Priorities/> }.into_any(),
        View::Plan => view! { <Plan/> }.into_any(),
        View::Trends => view! { <Reviews/> }.into_any(),
    }
    };
    let panel = move || match viewer.panel.get() {
        Panel::Card(id) => view! { <CardDetails id=id/> }.into_any(),
        Panel::Scope | Panel::Personas => view! { <About/> }.into_any(),
        Panel::Handoff(id) => view! { <HandoffDetails to=id/> }.into_any(),
        Panel::Closed
        | Panel::History
        | Panel::Share
        | Panel::Health
        | Panel::Print
        | Panel::Mermaid
        | Panel::Csv
        | Panel::Report => ().into_any(),
    };
    let about_open = move || matches!(viewer.panel.get(), Panel::Scope | Panel::Personas);
    view! {
        {banner(Some(save))}
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
                        {tab(View::Trends, "Reviews")}
                    </div>
                    <button type="button" class="button" aria-pressed=move || about_open().to_string()
                        on:click=move |_| viewer.panel.set(if about_open() { Panel::Closed } else { Panel::Scope })>"About this map"</button>
                    <button type="button" class="button" data-testid="present-button" on:click=move |_| presenting.set(true)>"Present"</button>
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
                <div class="editor-main" class:grid-view=move || viewer.view.get() == View::Grid node_ref=main_area>{main}</div>
                {panel}
            </div>
        </div>
        {move || presenting.get().then(|| view! {
            <Presentation map=viewer.with_map_untracked(JourneyMap::clone) on_close=Callback::new(move |_| presenting.set(false))/>
        })}
    }
}
