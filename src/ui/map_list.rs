//! The list of maps in this browser: create (blank or from a template), open, rename,
//! duplicate, export, delete (undoable), and import by file picker, drag and drop or paste.

use crate::adapters::files::{download_text, read_dropped_text, read_file_input_text};
use crate::adapters::route::navigate;
use crate::model::dates::time_ago;
use crate::model::persist::{self, ImportedMap, IndexEntry};
use crate::model::{templates, JourneyMap};
use crate::routes::Route;
use crate::services::workspace::{now, Backing, Workspace};
use crate::ui::banner::{Banner, BannerKind};
use crate::ui::toast::Toasts;
use leptos::prelude::*;

mod mermaid_import;

/// An imported map whose id is already taken: the user decides.
#[derive(Clone, Debug, PartialEq)]
struct Clash {
    key: u64,
    id: String,
    map: JourneyMap,
}

/// Opens map `id` in the editor: in this page, or in the editor page at `editor`.
pub(crate) fn open_map(editor: &str, id: String) {
    if editor.is_empty() {
        navigate(&Route::Map(id));
    } else {
        let _ = window()
            .location()
            .assign(&format!("{editor}{}", Route::Map(id).to_hash()));
    }
}

/// The map list page.
#[component]
pub fn MapList(
    /// The editor page's address from this page: empty where this page holds the editor
    /// too (the editor page), `edit/` on the lean map-list page that opens the site.
    editor: &'static str,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let import_error = RwSignal::new(None::<String>);
    let import_notes = RwSignal::new(Vec::<String>::new());
    let clashes = RwSignal::new(Vec::<Clash>::new());
    let dragging = RwSignal::new(false);
    // Other tabs may have added, changed or deleted maps since this list was last read.
    workspace.refresh();
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k.starts_with(persist::PREFIX)) {
            workspace.refresh();
        }
    });
    on_cleanup(move || other_tab.remove());

    let create = move |map: JourneyMap| match workspace.create(&map) {
        Ok(id) => open_map(editor, id),
        Err(e) => toasts.info(&format!(
            "The map could not be created: {e}. Free some space or export your maps."
        )),
    };

    // Import: add what does not clash, ask about what does.
    let import_text = move |text: String| {
        import_error.set(None);
        import_notes.set(Vec::new());
        match persist::import_file(&text) {
            Err(e) => import_error.set(Some(e.to_string())),
            Ok(maps) => {
                let mut added = 0;
                let mut notes = Vec::new();
                for ImportedMap { id, map, report } in maps {
                    notes.extend(
                        report
                            .notes
                            .into_iter()
                            .map(|n| format!("“{}”: {n}", map.scope.title)),
                    );
                    match id.filter(|id| {
                        crate::routes::Route::parse(&format!("#/map/{id}"))
                            == Route::Map(id.clone())
                    }) {
                        Some(id) if workspace.exists(&id) => clashes.update(|c| {
                            c.push(Clash {
                                key: now().to_bits() ^ c.len() as u64,
                                id,
                                map,
                            })
                        }),
                        Some(id) => {
                            if workspace.create_with_id(&id, &map).is_ok() {
                                added += 1;
                            }
                        }
                        None => {
                            if workspace.create(&map).is_ok() {
                                added += 1;
                            }
                        }
                    }
                }
                import_notes.set(notes);
                let waiting = clashes.with_untracked(|c| c.len());
                let msg = match (added, waiting) {
                    (0, 0) => "Nothing was imported.".to_string(),
                    (n, 0) => format!(
                        "Imported {n} map{}.{}",
                        if n == 1 { "" } else { "s" },
                        workspace.kept_note()
                    ),
                    (n, w) => format!(
                        "Imported {n} map{}; {w} need{} your decision below.",
                        if n == 1 { "" } else { "s" },
                        if w == 1 { "s" } else { "" }
                    ),
                };
                toasts.info(&msg);
            }
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        leptos::task::spawn_local(async move {
            match read_file_input_text(&input).await {
                Ok(Some(text)) => import_text(text),
                Ok(None) => {}
                Err(e) => import_error.set(Some(e)),
            }
            input.set_value("");
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        leptos::task::spawn_local(async move {
            match read_dropped_text(&ev).await {
                Ok(Some(text)) => import_text(text),
                Ok(None) => import_error.set(Some(
                    "Nothing was dropped that Trailmap can read. Drop a .trailmap.json file."
                        .into(),
                )),
                Err(e) => import_error.set(Some(e)),
            }
        });
    };
    // Paste a file's contents anywhere on the page (outside text fields).
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if in_field {
            return;
        }
        if let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) {
            if text.trim_start().starts_with('{') {
                ev.prevent_default();
                import_text(text);
            }
        }
    });
    on_cleanup(move || paste.remove());

    let export_all = move |_| export_all_maps(workspace, toasts);

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
        <section
            class="page map-list"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <StorageBanners/>
            <div class="section-head">
                <h1>"Your journey maps"</h1>
                <div class="actions">
                    <label class="button file-button">
                        "Import…"
                        <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="import-input" on:change=on_file/>
                    </label>
                    <mermaid_import::MermaidImport editor=editor/>
                    <button type="button" class="button" on:click=export_all>"Export all"</button>
                </div>
            </div>
            <p class="hint">"Import a .trailmap.json file with the button, by dropping it on this page, or by pasting its contents here (Ctrl+V)."</p>
            {move || import_error.get().map(|e| view! {
                <Banner kind=BannerKind::Error on_dismiss=Callback::new(move |_| import_error.set(None))>
                    <strong>"Nothing was imported. "</strong>{e}
                </Banner>
            })}
            <Show when=move || !import_notes.with(|n| n.is_empty())>
                <Banner kind=BannerKind::Warning on_dismiss=Callback::new(move |_| import_notes.set(Vec::new()))>
                    <strong>"Trailmap repaired the imported file while reading it:"</strong>
                    <ul>{move || import_notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </Banner>
            </Show>
            <For each=move || clashes.get() key=|c| c.key let:clash>
                <ClashChoice clash=clash clashes=clashes/>
            </For>
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
            <h2>"Maps in this browser"</h2>
            <Show when=move || workspace.summaries.with(|s| s.is_empty())>
                <p class="empty-state" data-testid="no-maps">"No maps in this browser yet. Start one above, or import a file."</p>
            </Show>
            <ul class="map-cards" data-testid="map-list">
                <For each=move || workspace.summaries.get() key=|s| (s.id.clone(), s.revision, s.modified.to_bits()) let:summary>
                    <MapCard summary=summary editor=editor/>
                </For>
            </ul>
        </section>
    }
}

/// Asks what to do with an imported map whose id is taken.
#[component]
fn ClashChoice(clash: Clash, clashes: RwSignal<Vec<Clash>>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let key = clash.key;
    let done = move || clashes.update(|c| c.retain(|x| x.key != key));
    let title = clash.map.scope.title.clone();
    let (id, map) = (clash.id.clone(), clash.map.clone());
    let replace = {
        let (id, map, title) = (id.clone(), map.clone(), title.clone());
        move |_| {
            match workspace.save_force(&id, &map) {
                Ok(_) => toasts.info(&format!(
                    "Replaced “{title}” with the imported version.{}",
                    workspace.kept_note()
                )),
                Err(e) => toasts.info(&format!("“{title}” was not replaced: {e}.")),
            }
            done();
        }
    };
    let keep_both = {
        let (map, title) = (map.clone(), title.clone());
        move |_| {
            let mut copy = map.clone();
            copy.scope.title = format!("{title} (imported)");
            match workspace.create(&copy) {
                Ok(_) => toasts.info(&format!(
                    "Imported “{title}” as a copy.{}",
                    workspace.kept_note()
                )),
                Err(e) => toasts.info(&format!("“{title}” was not imported: {e}.")),
            }
            done();
        }
    };
    view! {
        <Banner kind=BannerKind::Warning>
            <span data-testid="import-clash">{format!("“{title}” is already in your maps. Replace the one here with the imported one, or keep both?")}</span>
            <span class="banner-actions">
                <button type="button" class="button" on:click=replace>"Replace"</button>
                <button type="button" class="button primary" on:click=keep_both>"Keep both"</button>
                <button type="button" class="button" on:click=move |_| done()>"Skip"</button>
            </span>
        </Banner>
    }
}

/// Downloads every map as one file ("Export all").
fn export_all_maps(workspace: Workspace, toasts: Toasts) {
    let maps = workspace.all_maps();
    if maps.is_empty() {
        toasts.info("There are no maps to export yet.");
        return;
    }
    let (name, json) = persist::export_all_file(&maps, now(), crate::adapters::clock::today());
    match download_text(&json, "application/json", &name) {
        Ok(()) => toasts.info(&format!("Exported {} maps to {name}.", maps.len())),
        Err(e) => toasts.info(&format!("The export failed: {e}.")),
    }
}

/// Banners about storage as a whole: memory-only mode, and maps set aside.
#[component]
fn StorageBanners() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let memory = move || match workspace.backing.get() {
        Backing::Memory(why) => Some(view! {
            <Banner kind=BannerKind::Error>
                <span data-testid="not-kept-banner"><strong>"Maps are not being saved. "</strong>
                {format!("This browser does not let Trailmap store data ({why}). You can keep working, but everything here is lost when you close this tab: export your maps first, and import the file later.")}</span>
                <span class="banner-actions"><button type="button" class="button primary" on:click=move |_| export_all_maps(workspace, toasts)>"Export all maps"</button></span>
            </Banner>
        }),
        Backing::Browser => None,
    };
    let download = move |_| {
        for s in workspace.set_aside.get_untracked() {
            if let Some(raw) = workspace.raw(&s.backup_key) {
                let _ = download_text(
                    &raw,
                    "application/json",
                    &format!("unreadable-map-{}.json", s.id),
                );
            }
        }
    };
    view! {
        {memory}
        <Show when=move || !workspace.set_aside.with(|s| s.is_empty())>
            <Banner kind=BannerKind::Warning on_dismiss=Callback::new(move |_| workspace.acknowledge_set_aside())>
                <span data-testid="set-aside">{move || {
                    let n = workspace.set_aside.with(|s| s.len());
                    format!("{n} saved map{} could not be read. {} was set aside, not deleted, and your other maps are fine. Download it to try repairing it or to send it to support.",
                        if n == 1 { "" } else { "s" }, if n == 1 { "It" } else { "They" })
                }}</span>
                <span class="banner-actions"><button type="button" class="button" on:click=download>"Download"</button></span>
            </Banner>
        </Show>
    }
}

/// One map in the list.
#[component]
fn MapCard(summary: IndexEntry, editor: &'static str) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let (renaming, set_renaming) = signal(false);
    let id = summary.id.clone();
    let title = if summary.title.trim().is_empty() {
        "Untitled map".to_string()
    } else {
        summary.title.clone()
    };
    let href = format!("{editor}{}", Route::Map(id.clone()).to_hash());
    let meta = format!(
        "{} stages · {} touchpoints · saved {}",
        summary.stages,
        summary.touchpoints,
        time_ago(now(), summary.modified)
    );
    let delete = {
        let (id, title) = (id.clone(), title.clone());
        move |_| match workspace.delete(&id) {
            Ok(removed) => {
                let removed = send_wrapper::SendWrapper::new(removed);
                toasts.with_action(&format!("Deleted “{title}”."), "Undo", move || {
                    let _ = workspace.restore(&removed);
                });
            }
            Err(e) => toasts.info(&format!("“{title}” was not deleted: {e}.")),
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| match workspace.duplicate(&id) {
            Ok(_) => toasts.info(&format!(
                "Duplicated the map. The copy is at the top of the list.{}",
                workspace.kept_note()
            )),
            Err(e) => toasts.info(&format!("The map was not duplicated: {e}.")),
        }
    };
    let export = {
        let id = id.clone();
        move |_| {
            if let crate::model::persist::LoadOutcome::Loaded { map, .. } = workspace.load(&id) {
                let (name, json) = persist::export_map_file(Some(&id), &map, now());
                if let Err(e) = download_text(&json, "application/json", &name) {
                    toasts.info(&format!("The export failed: {e}."));
                }
            }
        }
    };
    let commit = {
        let id = id.clone();
        move |value: String| {
            let value = value.trim().to_string();
            if !value.is_empty() {
                if let Err(e) = workspace.rename(&id, &value) {
                    toasts.info(&format!("The map was not renamed: {e}."));
                }
            }
            set_renaming.set(false);
        }
    };
    let rename_value = summary.title.clone();
    let heading = {
        let (href, title) = (href.clone(), title.clone());
        move || view! { <h3 class="map-card-title"><a href=href.clone()>{title.clone()}</a></h3> }
    };
    view! {
        <li class="map-card" data-map=id.clone()>
            <Show when=move || renaming.get() fallback=heading.clone()>
                {
                    let (commit, commit2) = (commit.clone(), commit.clone());
                    view! {
                        <input class="rename" aria-label="New title" value=rename_value.clone() autofocus
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
            {summary.newer.then(|| view! { <p class="meta warn">"Saved by a newer Trailmap: opens read-only."</p> })}
            <div class="map-card-actions">
                <a class="button primary" href=href.clone()>"Open"<span class="visually-hidden">{format!(" {title}")}</span></a>
                <button type="button" class="button" on:click=move |_| set_renaming.set(true)>"Rename"<span class="visually-hidden">{format!(" {title}")}</span></button>
                <button type="button" class="button" on:click=duplicate>"Duplicate"<span class="visually-hidden">{format!(" {title}")}</span></button>
                <button type="button" class="button" on:click=export>"Export"<span class="visually-hidden">{format!(" {title}")}</span></button>
                <button type="button" class="button danger" on:click=delete>"Delete"<span class="visually-hidden">{format!(" {title}")}</span></button>
            </div>
        </li>
    }
}
