//! The Mermaid panel: the map as a Mermaid `journey` diagram from the view the user
//! chooses (every stakeholder, one stakeholder, or a persona), to copy or download as
//! `.mmd`, with what the diagram leaves out.

use crate::adapters::files::download_text;
use crate::adapters::share::copy_text;
use crate::model::mermaid::{export, Actors};
use crate::model::persist::files::file_stem;
use crate::model::Id;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// The view choice as the select's value: `all`, `s<id>` or `p<id>`.
fn actors_from(value: &str) -> Actors {
    let id = |rest: &str| rest.parse().ok().map(Id);
    match (value.get(..1), value.get(1..).and_then(id)) {
        (Some("s"), Some(id)) => Actors::Stakeholder(id),
        (Some("p"), Some(id)) => Actors::Persona(id),
        _ => Actors::Stakeholders,
    }
}

/// The Mermaid panel.
#[component]
pub fn MermaidPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let choice = RwSignal::new(String::from("all"));
    // The choices as the panel opens (it is opened again to see a renamed stakeholder).
    let options = editor.with_map_untracked(|m| {
        let mut out = vec![(
            "all".to_string(),
            "Every stakeholder on each touchpoint".to_string(),
        )];
        out.extend(
            m.stakeholders
                .iter()
                .map(|s| (format!("s{}", s.id), format!("Only {}", s.name))),
        );
        out.extend(
            m.personas
                .iter()
                .map(|p| (format!("p{}", p.id), format!("The persona {}", p.name))),
        );
        out.into_iter()
            .map(|(value, label)| view! { <option value=value>{label}</option> })
            .collect_view()
    });
    // Made again on every change while the panel is open: a few microseconds.
    let diagram = Memo::new(move |_| {
        let actors = actors_from(&choice.get());
        editor.read(Part::Any, |m| export(m, actors))
    });
    let copy = move |_| {
        let text = diagram.with_untracked(|d| d.text.clone());
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => editor.toasts.info("Copied the Mermaid diagram."),
                Err(_) => editor.toasts.info(
                    "The browser did not allow copying: select the diagram's text and copy it by hand.",
                ),
            }
        });
    };
    let download = move |_| {
        let name = format!(
            "{}.mmd",
            editor.with_map_untracked(|m| file_stem(&m.scope.title))
        );
        let text = diagram.with_untracked(|d| d.text.clone());
        match download_text(&text, "text/vnd.mermaid", &name) {
            Ok(()) => editor.toasts.info(&format!("Downloaded {name}.")),
            Err(e) => editor
                .toasts
                .info(&format!("The file was not downloaded: {e}.")),
        }
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="mermaid-panel">
            <button type="button" class="icon close" aria-label="Close Mermaid diagram" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Mermaid diagram"</h2>
            <p class="hint">"The map as a Mermaid journey, for a README, a wiki or a pull request: a section per stage, a task per touchpoint with its score (emotion + 3, from 1 to 5) and its actors."</p>
            <label class="field">
                <span class="field-label">"Whose view"</span>
                <select data-testid="mermaid-actors" prop:value=move || choice.get()
                    on:change:target=move |ev| choice.set(ev.target().value())>
                    {options}
                </select>
            </label>
            <label class="field">
                <span class="field-label">"Diagram"</span>
                <textarea class="code" readonly rows="12" data-testid="mermaid-text" prop:value=move || diagram.with(|d| d.text.clone())></textarea>
            </label>
            <p class="actions">
                <button type="button" class="button" on:click=copy>"Copy"</button>
                <button type="button" class="button" on:click=download>"Download .mmd"</button>
            </p>
            <h3>"Left out of the diagram"</h3>
            <ul class="left-out" data-testid="mermaid-left-out">
                {move || diagram.with(|d| {
                    let nothing = ["Nothing: the diagram holds the whole map.".to_string()];
                    let notes = if d.left_out.is_empty() { &nothing[..] } else { &d.left_out[..] };
                    notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()
                })}
            </ul>
        </aside>
    }
}
