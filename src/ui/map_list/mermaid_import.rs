//! Import a Mermaid `journey` diagram as a new map: pasted, or from an `.mmd` file or a
//! Markdown file with a ```` ```mermaid ```` block. Lines Mermaid (or Trailmap's 1..5
//! scores) refuse are listed with their number and reason, and nothing is saved.

use crate::adapters::files::read_file_input_text;
use crate::adapters::handoff;
use crate::model::mermaid::{import, ImportError};
use crate::services::workspace::Workspace;
use crate::ui::toast::Toasts;
use leptos::prelude::*;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The heading and lines of a refused diagram.
fn refused(errors: &[ImportError]) -> (String, Vec<String>) {
    (
        format!(
            "Nothing was imported. Fix {} and import again:",
            plural(errors.len(), "line", "lines")
        ),
        errors.iter().map(|e| e.to_string()).collect(),
    )
}

/// The "Import Mermaid…" button and its dialog.
#[component]
pub fn MermaidImport(
    /// The editor page's address from this page (see [`super::MapList`]).
    editor: &'static str,
) -> AnyView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let text = RwSignal::new(String::new());
    // What went wrong: a heading and the refused lines (or the reason the map was not saved).
    let problem = RwSignal::new(None::<(String, Vec<String>)>);
    let open = move |_| {
        problem.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let run = move |source: String| {
        problem.set(None);
        match import(&source) {
            Err(e) => problem.set(Some(refused(&e))),
            Ok(imported) => {
                let map = &imported.map;
                match workspace.create(map) {
                    Ok(id) => {
                        let mut msg = format!(
                            "Imported “{}”: {}, {}, {}.{}",
                            map.scope.title,
                            plural(map.stages.len(), "stage", "stages"),
                            plural(map.cards.len(), "touchpoint", "touchpoints"),
                            plural(map.stakeholders.len(), "stakeholder", "stakeholders"),
                            workspace.kept_note()
                        );
                        for n in &imported.notes {
                            msg.push(' ');
                            msg.push_str(n);
                        }
                        // The message goes with the map where it opens in another page.
                        if editor.is_empty() || !handoff::leave_notice(&msg) {
                            toasts.info(&msg);
                        }
                        text.set(String::new());
                        close();
                        super::open_map(editor, id);
                    }
                    Err(e) => problem.set(Some((
                        format!("The map could not be saved: {e}. Free some space or export your maps, then try again."),
                        Vec::new(),
                    ))),
                }
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        leptos::task::spawn_local(async move {
            match read_file_input_text(&input).await {
                Ok(Some(content)) => {
                    text.set(content.clone());
                    run(content);
                }
                Ok(None) => {}
                Err(e) => problem.set(Some((e, Vec::new()))),
            }
            input.set_value("");
        });
    };
    view! {
        <button type="button" class="button" data-testid="mermaid-import-button" on:click=open>"Import Mermaid…"</button>
        <dialog node_ref=dialog class="dialog" aria-labelledby="mermaid-import-title" data-testid="mermaid-import">
            <h2 id="mermaid-import-title">"Import a Mermaid journey"</h2>
            <p class="hint">"Paste a Mermaid journey diagram, or choose an .mmd file or a Markdown (.md) file with one in a ```mermaid block. Each section becomes a stage, each task a touchpoint (score 1 to 5 → emotion −2 to +2), each actor a stakeholder."</p>
            <label class="field">
                <span class="field-label">"Mermaid journey"</span>
                <textarea class="code" rows="10" spellcheck="false" data-testid="mermaid-import-text"
                    placeholder="journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())></textarea>
            </label>
            {move || problem.get().map(|(heading, lines)| view! {
                <div class="form-error" role="alert" data-testid="mermaid-import-errors">
                    <p>{heading}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="dialog-actions">
                <label class="button file-button">
                    "Choose a file…"
                    <input type="file" accept=".mmd,.mermaid,.md,.markdown,.txt,text/markdown,text/plain" class="visually-hidden" data-testid="mermaid-import-file" on:change=on_file/>
                </label>
                <span class="spacer"></span>
                <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                <button type="button" class="button primary" data-testid="mermaid-import-submit" on:click=move |_| run(text.get_untracked())>"Import"</button>
            </div>
        </dialog>
    }
    .into_any()
}
