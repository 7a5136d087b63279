//! The page of one map: loads it, hands it to the editor, and saves every change —
//! debounced, flushed when the tab is hidden, checked against other tabs, and kept in
//! memory with a clear banner whenever storage refuses it.

use crate::adapters::files::download_text;
use crate::adapters::recovery;
use crate::dom::schedule::shown_after_paint;
use crate::model::edit::Edit;
use crate::model::persist::{self, ExternalChange, LoadOutcome, SaveError};
use crate::model::JourneyMap;
use crate::services::workspace::{now, Backing, Workspace};
use crate::ui::app::NotFound;
use crate::ui::banner::{Banner, BannerKind};
use crate::ui::editor::page::EditorPage;
use crate::ui::editor::panel_toggle::panel_toggle;
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::present::Presentation;
use crate::ui::toast::Toasts;
use leptos::context::Provider;
use leptos::prelude::*;
use std::time::Duration;

/// Autosave waits this long after the last change.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// After a failed save (storage full), try again this often.
const RETRY: Duration = Duration::from_secs(5);

/// Where the open map stands with storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is saved (at this time).
    Saved(f64),
    /// Changes are waiting for the autosave.
    Pending,
    /// The last save failed; changes are kept in this tab.
    Failed(SaveError),
    /// The map is read-only (written by a newer Trailmap).
    ReadOnly,
    /// Every change is applied, but only in this tab's memory: the browser refuses
    /// storage (the reason), so closing the tab loses the work.
    InMemory(String),
}

impl SaveStatus {
    /// Whether leaving the page now would lose work.
    pub fn loses_work(&self) -> bool {
        !matches!(self, SaveStatus::Saved(_) | SaveStatus::ReadOnly)
    }
}

/// A snapshot or backup being looked at, read-only.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Its name.
    pub name: String,
    /// When it was taken.
    pub at: f64,
    /// The map it holds.
    pub map: JourneyMap,
}

/// The save session of the open map, provided as context.
#[derive(Clone, Copy)]
pub struct SaveSession {
    /// Map id.
    pub id: StoredValue<String>,
    /// The stored revision this tab is based on.
    pub revision: StoredValue<u64>,
    /// Save status.
    pub status: RwSignal<SaveStatus>,
    /// A version being viewed instead of the map.
    pub preview: RwSignal<Option<Preview>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    editor: EditorState,
    workspace: Workspace,
    toasts: Toasts,
}

impl SaveSession {
    /// The status after a successful save or load: "saved" only if the bytes are in the
    /// browser's storage, not in the memory that stands in for it when storage is refused.
    fn stored(&self) -> SaveStatus {
        match self.workspace.backing.get_untracked() {
            Backing::Browser => SaveStatus::Saved(now()),
            Backing::Memory(why) => SaveStatus::InMemory(why),
        }
    }

    /// Saves now (cancelling a pending autosave).
    pub fn save_now(&self) {
        if let Some(t) = self.timer.try_update_value(|t| t.take()).flatten() {
            t.clear();
        }
        if self.editor.read_only
            || matches!(
                self.status.get_untracked(),
                SaveStatus::Saved(_) | SaveStatus::ReadOnly | SaveStatus::InMemory(_)
            )
        {
            return;
        }
        if matches!(
            self.status.get_untracked(),
            SaveStatus::Failed(SaveError::Conflict { .. })
        ) {
            // The user must choose first; never overwrite the other tab's work silently.
            return;
        }
        let (Some(id), Some(base)) = (self.id.try_get_value(), self.revision.try_get_value())
        else {
            return;
        };
        let result = self
            .editor
            .with_map_untracked(|m| self.workspace.save(&id, m, Some(base)));
        match result {
            Ok(saved) => {
                self.revision.set_value(saved.revision);
                self.status.try_set(self.stored());
                if saved.freed_backups > 0 {
                    self.toasts.info(&format!(
                        "Storage was full: Trailmap deleted {} old automatic backup{} to save your map.",
                        saved.freed_backups,
                        if saved.freed_backups == 1 { "" } else { "s" }
                    ));
                }
            }
            Err(err) => {
                // Keep the latest state where the crash panel can rescue it.
                let json = self
                    .editor
                    .with_map_untracked(|m| serde_json::to_string(m).unwrap_or_default());
                recovery::remember(&id, json);
                let retry = matches!(err, SaveError::Quota | SaveError::Unavailable(_));
                self.status.try_set(SaveStatus::Failed(err));
                if retry {
                    self.schedule(RETRY);
                }
            }
        }
    }

    fn schedule(&self, after: Duration) {
        let this = *self;
        if let Some(t) = self.timer.try_update_value(|t| t.take()).flatten() {
            t.clear();
        }
        if let Ok(handle) = set_timeout_with_handle(move || this.save_now(), after) {
            self.timer.set_value(Some(handle));
        }
    }

    /// Notes a change: saves after a short pause.
    fn changed(&self) {
        match self.status.get_untracked() {
            SaveStatus::ReadOnly | SaveStatus::Failed(SaveError::Conflict { .. }) => {}
            SaveStatus::Failed(_) => self.schedule(DEBOUNCE),
            SaveStatus::Pending => self.schedule(DEBOUNCE),
            SaveStatus::Saved(_) | SaveStatus::InMemory(_) => {
                self.status.set(SaveStatus::Pending);
                self.schedule(DEBOUNCE);
            }
        }
    }

    /// Resolves a conflict by taking the other tab's version (undoable).
    pub fn take_theirs(&self) {
        let id = self.id.get_value();
        match self.workspace.load(&id) {
            LoadOutcome::Loaded { map, header, .. } => {
                self.revision.set_value(header.revision);
                self.status.set(self.stored());
                self.editor.apply(Edit::ReplaceMap(Box::new(map)));
                self.editor
                    .offer_undo("Loaded the version from the other tab. Undo brings yours back.");
            }
            _ => self
                .toasts
                .info("The other version could not be read; keeping yours."),
        }
    }

    /// Resolves a conflict by saving this tab's version over the other one.
    pub fn keep_mine(&self) {
        let id = self.id.get_value();
        let result = self
            .editor
            .with_map_untracked(|m| self.workspace.save_force(&id, m));
        match result {
            Ok(saved) => {
                self.revision.set_value(saved.revision);
                self.status.set(self.stored());
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Downloads the open map as a JSON file.
    pub fn export(&self) {
        let id = self.id.get_value();
        let (name, json) = self
            .editor
            .with_map_untracked(|m| persist::export_map_file(Some(&id), m, now()));
        match download_text(&json, "application/json", &name) {
            Ok(()) => self.toasts.info(&format!("Exported to {name}.")),
            Err(e) => self.toasts.info(&format!("The export failed: {e}.")),
        }
    }
}

/// The page of one map.
#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    match workspace.load(&id) {
        LoadOutcome::Missing => view! { <NotFound what="This map".to_string()/> }.into_any(),
        LoadOutcome::Corrupt { reason, .. } => view! {
            <section class="empty-state" data-testid="map-corrupt">
                <h1>"This map could not be read"</h1>
                <p>{format!("Its saved data is damaged ({reason}). It was set aside, not deleted: you can download it from the map list. Your other maps are fine.")}</p>
                <p><a class="button primary" href="#/">"Go to your maps"</a></p>
            </section>
        }
        .into_any(),
        LoadOutcome::Loaded { map, report, header, newer } => {
            let notes = report.notes;
            view! { <OpenMap id=id map=map revision=header.revision newer=newer notes=notes toasts=toasts/> }.into_any()
        }
    }
}

/// The editor for a loaded map, with its save session.
#[component]
fn OpenMap(
    id: String,
    map: JourneyMap,
    revision: u64,
    newer: bool,
    notes: Vec<String>,
    toasts: Toasts,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let editor = EditorState::new(map, newer, toasts);
    provide_context(editor);
    let session = SaveSession {
        id: StoredValue::new(id.clone()),
        revision: StoredValue::new(revision),
        status: RwSignal::new(match workspace.backing.get_untracked() {
            _ if newer => SaveStatus::ReadOnly,
            Backing::Browser => SaveStatus::Saved(now()),
            Backing::Memory(why) => SaveStatus::InMemory(why),
        }),
        preview: RwSignal::new(None),
        timer: StoredValue::new(None),
        editor,
        workspace,
        toasts,
    };
    provide_context(session);

    // Autosave: every change schedules a save (the first run is the load itself).
    Effect::new(move |first: Option<()>| {
        editor.track(Part::Any);
        if first.is_some() {
            session.changed();
        }
    });
    // Flush when the tab is hidden or closed.
    let hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            session.save_now();
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| session.save_now());
    // Leaving with work that is not stored: the browser asks first.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        session.save_now();
        if session.status.get_untracked().loses_work() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // Another tab saved or deleted this map.
    let storage_id = id.clone();
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        let change = persist::external_change(
            ev.key().as_deref(),
            ev.new_value().as_deref(),
            &storage_id,
            session.revision.get_value(),
        );
        match change {
            ExternalChange::None => {}
            ExternalChange::Newer { revision, saved_at } => {
                session.status.set(SaveStatus::Failed(SaveError::Conflict {
                    theirs: revision,
                    saved_at,
                }))
            }
            ExternalChange::Deleted => {
                session.status.set(SaveStatus::Failed(SaveError::Conflict {
                    theirs: 0,
                    saved_at: 0.0,
                }))
            }
        }
    });
    on_cleanup(move || {
        session.save_now();
        hide.remove();
        pagehide.remove();
        unload.remove();
        storage.remove();
    });

    let repaired = RwSignal::new(notes);
    let presenting = RwSignal::new(false);
    let end = move || {
        view! {
            <SaveStatusView/>
            <button type="button" class="button" data-testid="present-button" on:click=move |_| presenting.set(true)>"Present"</button>
            <button type="button" class="button" aria-pressed=move || (editor.panel.get() == Panel::History).to_string()
                on:click=move |_| editor.panel.update(|p| *p = if *p == Panel::History { Panel::Closed } else { Panel::History })>"History"</button>
            <button type="button" class="button" on:click=move |_| session.export()>"Export"</button>
            <button type="button" class="button" aria-pressed=move || (editor.panel.get() == Panel::Print).to_string()
                on:click=move |_| editor.panel.update(|p| *p = if *p == Panel::Print { Panel::Closed } else { Panel::Print })>"Print / PDF"</button>
            {panel_toggle(editor, Panel::Mermaid, "Mermaid", "mermaid-button")}
            {panel_toggle(editor, Panel::Csv, "CSV", "csv-button")}
            {panel_toggle(editor, Panel::Report, "Report", "report-button")}
            <button type="button" class="button primary" aria-pressed=move || (editor.panel.get() == Panel::Share).to_string()
                on:click=move |_| editor.panel.update(|p| *p = if *p == Panel::Share { Panel::Closed } else { Panel::Share })>"Share"</button>
        }
    };
    view! {
        <SaveBanners/>
        {newer.then(|| view! {
            <Banner kind=BannerKind::Warning>
                <strong>"Read-only. "</strong>
                "This map was saved by a newer version of Trailmap, so this version shows it without changing it. Reload the page to update Trailmap and edit it."
            </Banner>
        })}
        <Show when=move || !repaired.with(|n| n.is_empty())>
            <Banner kind=BannerKind::Warning on_dismiss=Callback::new(move |_| repaired.set(Vec::new()))>
                <strong>"Trailmap repaired this map while opening it. "</strong>"Nothing else changed:"
                <ul>{move || repaired.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </Banner>
        </Show>
        <Show when=move || session.preview.with(|p| p.is_none()) fallback=move || view! { <PreviewPage/> }>
            <EditorPage toolbar_end=ToChildren::to_children(end)/>
        </Show>
        {move || presenting.get().then(|| view! {
            <Presentation map=editor.with_map_untracked(JourneyMap::clone) on_close=Callback::new(move |_| presenting.set(false))/>
        })}
    }
}

/// A snapshot or backup shown read-only, with a way to restore it or go back.
#[component]
fn PreviewPage() -> impl IntoView {
    let session = expect_context::<SaveSession>();
    let outer = expect_context::<EditorState>();
    let toasts = expect_context::<Toasts>();
    let Some(preview) = session.preview.get_untracked() else {
        return ().into_any();
    };
    let viewer = EditorState::new(preview.map.clone(), true, toasts);
    let name = preview.name.clone();
    let restore = move |_| {
        if let Some(p) = session.preview.get_untracked() {
            if outer.apply(Edit::ReplaceMap(Box::new(p.map))) {
                outer.offer_undo(&format!(
                    "Restored “{}”. Undo brings back what you had.",
                    p.name
                ));
            }
        }
        session.preview.set(None);
    };
    view! {
        <Banner kind=BannerKind::Info>
            <span data-testid="preview-banner"><strong>{format!("Viewing “{name}”")}</strong>
            {format!(" from {}, read-only.", crate::model::dates::Date::from_unix_ms(preview.at))}</span>
            <span class="banner-actions">
                {(!outer.read_only).then(|| view! { <button type="button" class="button primary" on:click=restore>"Restore this version"</button> })}
                <button type="button" class="button" on:click=move |_| session.preview.set(None)>"Back to the current map"</button>
            </span>
        </Banner>
        // A scoped context: the viewer must not replace the map's editor for siblings.
        <Provider value=viewer>
            <EditorPage/>
        </Provider>
    }
    .into_any()
}

/// What the save status says, in the toolbar.
#[component]
fn SaveStatusView() -> impl IntoView {
    let session = expect_context::<SaveSession>();
    // A frame late: "Saving…" must not share the frame of the keystroke that caused it.
    let shown = shown_after_paint(move || session.status.get());
    let text = move || match shown.get() {
        SaveStatus::Saved(_) => ("saved", "All changes saved"),
        SaveStatus::Pending => ("pending", "Saving…"),
        SaveStatus::Failed(SaveError::Conflict { .. }) => {
            ("failed", "Not saved: changed in another tab")
        }
        SaveStatus::Failed(SaveError::Quota) => ("failed", "Not saved: storage is full"),
        SaveStatus::Failed(SaveError::Unavailable(_)) => {
            ("failed", "Not saved: storage unavailable")
        }
        SaveStatus::InMemory(_) => ("failed", "Not saved: kept in this tab only"),
        SaveStatus::Failed(SaveError::Newer(_)) | SaveStatus::ReadOnly => ("readonly", "Read-only"),
    };
    view! {
        <span class=move || format!("save-status {}", text().0) role="status" data-testid="save-status">{move || text().1}</span>
    }
}

/// Banners for failed saves, each with what to do.
#[component]
fn SaveBanners() -> impl IntoView {
    let session = expect_context::<SaveSession>();
    move || {
        match session.status.get() {
        SaveStatus::Failed(SaveError::Quota) => view! {
            <Banner kind=BannerKind::Error>
                <span data-testid="quota-banner"><strong>"Your latest changes are not saved: this browser's storage is full. "</strong>
                "They are kept in this tab, and Trailmap saves them as soon as there is room. Export this map to be safe, or free space by deleting maps or snapshots you no longer need."</span>
                <span class="banner-actions"><button type="button" class="button primary" on:click=move |_| session.export()>"Export this map"</button></span>
            </Banner>
        }
        .into_any(),
        SaveStatus::Failed(SaveError::Unavailable(why)) => view! {
            <Banner kind=BannerKind::Error>
                <span data-testid="not-kept-banner"><strong>"Your changes are not being saved. "</strong>
                {format!("This browser refused storage ({why}). They are kept in this tab only: export the map before you close it.")}</span>
                <span class="banner-actions"><button type="button" class="button primary" on:click=move |_| session.export()>"Export this map"</button></span>
            </Banner>
        }
        .into_any(),
        SaveStatus::InMemory(why) => view! {
            <Banner kind=BannerKind::Error>
                <span data-testid="not-kept-banner"><strong>"This map is not being kept. "</strong>
                {format!("This browser does not let Trailmap store data ({why}), so your work lives in this tab only and is lost when you close it. Export this map to keep it, and import the file later.")}</span>
                <span class="banner-actions"><button type="button" class="button primary" on:click=move |_| session.export()>"Export this map"</button></span>
            </Banner>
        }
        .into_any(),
        SaveStatus::Failed(SaveError::Conflict { theirs, saved_at }) => {
            let what = if theirs == 0 {
                "This map was deleted in another tab.".to_string()
            } else {
                format!("This map was changed in another tab ({}).", crate::model::dates::time_ago(now(), saved_at))
            };
            view! {
                <Banner kind=BannerKind::Warning>
                    <span data-testid="conflict-banner"><strong>{what}</strong>" Your changes here are not saved yet. Which version do you want to keep?"</span>
                    <span class="banner-actions">
                        {(theirs != 0).then(|| view! { <button type="button" class="button" on:click=move |_| session.take_theirs()>"Load the other version"</button> })}
                        <button type="button" class="button primary" on:click=move |_| session.keep_mine()>"Keep mine"</button>
                    </span>
                </Banner>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
    }
}
