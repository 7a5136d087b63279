//! The history of a map: named snapshots ("Q3 review") and automatic backups, to view,
//! restore (undoable) or delete.

use crate::model::dates::time_ago;
use crate::model::edit::Edit;
use crate::model::persist::Version;
use crate::services::workspace::{now, Workspace};
use crate::ui::editor::state::{EditorState, Panel};
use crate::ui::map_page::{Preview, SaveSession};
use leptos::prelude::*;

/// The history panel. Snapshots and backups belong to a saved map, so they need the map
/// page's save session and the workspace; where the editor is mounted without them (a
/// preview, a test, a page that does not save) the panel says so instead.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let body = match (use_context::<SaveSession>(), use_context::<Workspace>()) {
        (Some(session), Some(workspace)) => {
            view! { <SavedHistory editor=editor session=session workspace=workspace/> }.into_any()
        }
        _ => view! {
            <p class="hint" data-testid="history-unsaved">"History is kept for saved maps. Save this map in your browser (or export it) to take snapshots and get automatic backups."</p>
        }
        .into_any(),
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="history-panel">
            <button type="button" class="icon close" aria-label="Close history" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"History"</h2>
            {body}
        </aside>
    }
}

/// Snapshots and backups of a saved map.
#[component]
fn SavedHistory(editor: EditorState, session: SaveSession, workspace: Workspace) -> impl IntoView {
    let toasts = editor.toasts;
    let refresh = RwSignal::new(0u32);
    let versions = Memo::new(move |_| {
        refresh.track();
        session.status.track();
        workspace.versions(&session.id.get_value())
    });
    let name = RwSignal::new(String::new());
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = name.get_untracked();
        let result =
            editor.with_map_untracked(|m| workspace.snapshot(&session.id.get_value(), &label, m));
        match result {
            Ok(v) => {
                toasts.info(&format!("Took the snapshot “{}”.", v.name));
                name.set(String::new());
                refresh.update(|r| *r += 1);
            }
            Err(e) => toasts.info(&format!(
                "The snapshot was not taken: {e}. Free space by deleting old snapshots or maps."
            )),
        }
    };
    view! {
            <p class="hint">"Take a named snapshot before each quarterly review to compare later. Trailmap also keeps the last few versions automatically."</p>
            <Show when=move || !editor.read_only>
                <form class="snapshot-form" on:submit=take>
                    <label class="field">
                        <span class="field-label">"Snapshot name"</span>
                        <input type="text" placeholder="e.g. Q3 review" prop:value=move || name.get()
                            on:input:target=move |ev| name.set(ev.target().value())/>
                    </label>
                    <button type="submit" class="button primary">"Take snapshot"</button>
                </form>
            </Show>
            <Show when=move || versions.with(|v| v.is_empty())>
                <p class="hint">"No snapshots or backups yet."</p>
            </Show>
            <ol class="versions">
                <For each=move || versions.get() key=|v| v.key.clone() let:version>
                    <VersionRow version=version refresh=refresh editor=editor session=session workspace=workspace/>
                </For>
            </ol>
            <Show when=move || versions.with(|v| !v.is_empty())>
                <SnapshotCompare versions=versions editor=editor workspace=workspace/>
            </Show>
    }
}

/// The key of "the map as it is now" in the compare pickers.
const NOW: &str = "";

/// Compare two snapshots (or a snapshot and now): the same list of changes as the
/// Trends view's compare of two reviews.
#[component]
fn SnapshotCompare(
    versions: Memo<Vec<Version>>,
    editor: EditorState,
    workspace: Workspace,
) -> impl IntoView {
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(NOW.to_string());
    let from_key = move || {
        from.get()
            .or_else(|| versions.with(|v| v.first().map(|v| v.key.clone())))
            .unwrap_or_default()
    };
    let outcome = RwSignal::new(
        None::<Result<(crate::model::reviews::ReviewDiff, crate::model::JourneyMap), String>>,
    );
    let load = move |key: &str| -> Result<crate::model::JourneyMap, String> {
        if key == NOW {
            Ok(editor.with_map_untracked(|m| m.clone()))
        } else {
            workspace.load_version(key)
        }
    };
    let compare = move |_| {
        let result = load(&from_key()).and_then(|a| {
            let b = load(&to.get_untracked())?;
            Ok((crate::model::reviews::compare_maps(&a, &b), b))
        });
        outcome.set(Some(
            result.map_err(|e| format!("A version could not be read: {e}.")),
        ));
    };
    let options = move |current: Signal<String>| {
        let mut list: Vec<(String, String)> =
            versions.with(|v| v.iter().map(|v| (v.key.clone(), v.name.clone())).collect());
        list.push((NOW.to_string(), "Now (the map as it is)".to_string()));
        list.into_iter()
            .map(|(k, label)| {
                let k2 = k.clone();
                view! { <option value=k selected=move || current.get() == k2>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="snapshot-compare" aria-labelledby="snapshot-compare-title" data-testid="snapshot-compare">
            <h3 id="snapshot-compare-title">"Compare two versions"</h3>
            <label class="field">
                <span class="field-label">"From"</span>
                <select data-testid="snapshot-from" on:change:target=move |ev| from.set(Some(ev.target().value()))>
                    {move || options(Signal::derive(from_key))}
                </select>
            </label>
            <label class="field">
                <span class="field-label">"To"</span>
                <select data-testid="snapshot-to" on:change:target=move |ev| to.set(ev.target().value())>
                    {move || options(Signal::derive(move || to.get()))}
                </select>
            </label>
            <button type="button" class="button" data-testid="snapshot-compare-button" on:click=compare>"Compare"</button>
            {move || outcome.get().map(|r| match r {
                Ok((diff, map)) => view! { <crate::ui::editor::compare_view::DiffList diff=diff map=map/> }.into_any(),
                Err(e) => view! { <p class="hint" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}

/// One snapshot or backup.
#[component]
fn VersionRow(
    version: Version,
    refresh: RwSignal<u32>,
    editor: EditorState,
    session: SaveSession,
    workspace: Workspace,
) -> impl IntoView {
    let toasts = editor.toasts;
    let when = format!(
        "{} ({})",
        crate::adapters::clock::local_date(version.at),
        time_ago(now(), version.at)
    );
    let size = format!("{:.0} KB", (version.size as f64 / 1024.0).max(1.0));
    let (k1, k2, k3) = (
        version.key.clone(),
        version.key.clone(),
        version.key.clone(),
    );
    let name = version.name.clone();
    let view_it = {
        let name = name.clone();
        move |_| match workspace.load_version(&k1) {
            Ok(map) => session.preview.set(Some(Preview {
                name: name.clone(),
                at: version.at,
                map,
            })),
            Err(e) => toasts.info(&format!("This version could not be read: {e}.")),
        }
    };
    let restore = {
        let name = name.clone();
        move |_| match workspace.load_version(&k2) {
            Ok(map) => {
                if editor.apply(Edit::ReplaceMap(Box::new(map))) {
                    editor.offer_undo(&format!(
                        "Restored “{name}”. Undo brings back what you had."
                    ));
                }
            }
            Err(e) => toasts.info(&format!("This version could not be read: {e}.")),
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            let raw = workspace.raw(&k3);
            if workspace.delete_version(&k3).is_ok() {
                refresh.update(|r| *r += 1);
                if let Some(raw) = raw {
                    let key = k3.clone();
                    toasts.with_action(
                        &format!("Deleted the snapshot “{name}”."),
                        "Undo",
                        move || {
                            let _ = workspace.put_raw(&key, &raw);
                            refresh.update(|r| *r += 1);
                        },
                    );
                }
            }
        }
    };
    let ro = editor.read_only;
    view! {
        <li class="version" class:named=version.named>
            <div class="version-head">
                <strong>{name.clone()}</strong>
                <span class="meta">{when}" · "{size}</span>
            </div>
            <div class="version-actions">
                <button type="button" class="button" on:click=view_it>"View"<span class="visually-hidden">{format!(" {name}")}</span></button>
                <Show when=move || !ro>
                    <button type="button" class="button" on:click=restore.clone()>"Restore"<span class="visually-hidden">{format!(" {}", version.name)}</span></button>
                </Show>
                {version.named.then(|| view! { <button type="button" class="button danger" on:click=delete>"Delete"</button> })}
            </div>
        </li>
    }
}
