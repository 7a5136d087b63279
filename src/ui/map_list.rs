//! The list of maps in this browser: create (blank or from a template), open, rename,
//! duplicate and delete (undoable).

use crate::adapters::route::navigate;
use crate::model::dates::time_ago;
use crate::model::{templates, JourneyMap};
use crate::routes::Route;
use crate::ui::toast::Toasts;
use crate::ui::workspace::{MapSummary, Workspace};
use leptos::prelude::*;

/// The map list page.
#[component]
pub fn MapList() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let create = move |map: JourneyMap| {
        let id = workspace.create(&map);
        navigate(&Route::Map(id));
    };
    let template_buttons = templates::TEMPLATES
        .iter()
        .map(|t| {
            let key = t.key;
            view! {
                <li>
                    <button type="button" class="template-choice" on:click=move |_| {
                        if let Some(map) = templates::build(key) { create(map) }
                    }>
                        <strong>{t.name}</strong>
                        <span>{t.summary}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page map-list">
            <div class="section-head">
                <h1>"Your journey maps"</h1>
            </div>
            <section class="new-map" aria-labelledby="new-map-title">
                <h2 id="new-map-title">"Start a new map"</h2>
                <ul class="templates">
                    <li>
                        <button type="button" class="template-choice blank" on:click=move |_| create(JourneyMap::blank("Untitled journey map"))>
                            <strong>"Blank map"</strong>
                            <span>"The six usual lanes, no stages yet."</span>
                        </button>
                    </li>
                    {template_buttons}
                </ul>
            </section>
            <Show when=move || workspace.summaries.with(|s| s.is_empty())>
                <p class="empty-state" data-testid="no-maps">"No maps in this browser yet. Start one above, or import a file."</p>
            </Show>
            <ul class="map-cards" data-testid="map-list">
                <For each=move || workspace.summaries.get() key=|s| (s.id.clone(), s.modified_ms.to_bits()) let:summary>
                    <MapCard summary=summary/>
                </For>
            </ul>
        </section>
    }
}

/// One map in the list.
#[component]
fn MapCard(summary: MapSummary) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let (renaming, set_renaming) = signal(false);
    let id = summary.id.clone();
    let title = summary.title.clone();
    let href = Route::Map(id.clone()).to_hash();
    let meta = format!(
        "{} stages · {} touchpoints · edited {}",
        summary.stages,
        summary.touchpoints,
        time_ago(js_sys::Date::now(), summary.modified_ms)
    );
    let delete = {
        let id = id.clone();
        let title = title.clone();
        move |_| {
            if let Some(map) = workspace.delete(&id) {
                let id = id.clone();
                toasts.with_action(&format!("Deleted “{title}”."), "Undo", move || {
                    workspace.save(&id, &map)
                });
            }
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            if workspace.duplicate(&id).is_some() {
                toasts.info("Duplicated the map. The copy is at the top of the list.");
            }
        }
    };
    let rename_id = id.clone();
    let commit = move |value: String| {
        let value = value.trim().to_string();
        if !value.is_empty() {
            workspace.rename(&rename_id, &value);
        }
        set_renaming.set(false);
    };
    let rename_value = title.clone();
    let display_title = if title.trim().is_empty() {
        "Untitled map".to_string()
    } else {
        title.clone()
    };
    view! {
        <li class="map-card" data-map=id.clone()>
            <Show
                when=move || renaming.get()
                fallback={
                    let href = href.clone();
                    let display_title = display_title.clone();
                    move || view! { <h2 class="map-card-title"><a href=href.clone()>{display_title.clone()}</a></h2> }
                }
            >
                {
                    let commit = commit.clone();
                    let commit2 = commit.clone();
                    let current = rename_value.clone();
                    view! {
                        <input class="rename" aria-label="New title" value=current autofocus
                            on:keydown:target=move |ev| {
                                if ev.key() == "Enter" { commit(ev.target().value()) }
                                if ev.key() == "Escape" { set_renaming.set(false) }
                            }
                            on:blur:target=move |ev| commit2(ev.target().value())/>
                    }
                }
            </Show>
            <p class="segment">{summary.segment.clone()}</p>
            <p class="meta">{meta}</p>
            <div class="map-card-actions">
                <a class="button primary" href=href.clone()>"Open"<span class="visually-hidden">{format!(" {title}")}</span></a>
                <button type="button" class="button" on:click=move |_| set_renaming.set(true)>"Rename"<span class="visually-hidden">{format!(" {title}")}</span></button>
                <button type="button" class="button" on:click=duplicate>"Duplicate"<span class="visually-hidden">{format!(" {title}")}</span></button>
                <button type="button" class="button danger" on:click=delete>"Delete"<span class="visually-hidden">{format!(" {title}")}</span></button>
            </div>
        </li>
    }
}
