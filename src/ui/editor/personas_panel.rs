//! The side panel listing the map's personas, each editable.

use crate::model::edit::{self, Edit, PersonaField};
use crate::model::{Id, Persona};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::field::TextField;
use leptos::prelude::*;

/// The personas panel.
#[component]
pub fn PersonasPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ids = Memo::new(move |_| {
        editor.read(Part::Personas, |m| {
            m.personas.iter().map(|p| p.id).collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = editor.new_id();
        let at = editor.with_map_untracked(|m| m.personas.len());
        editor.apply(Edit::InsertPersona(
            at,
            Persona {
                id,
                name: "New persona".into(),
                ..Persona::default()
            },
        ));
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="personas-panel">
            <button type="button" class="icon close" aria-label="Close personas" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Personas"</h2>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="hint">"No personas yet. A persona is the archetypal buyer or user this journey follows: their role, goals, and how they decide."</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <PersonaForm id=id/>
            </For>
            <Show when=move || !editor.read_only>
                <p><button type="button" class="button" on:click=add>"+ Persona"</button></p>
            </Show>
        </aside>
    }
}

/// One persona's fields.
#[component]
fn PersonaForm(id: Id) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let persona = Memo::new(move |_| {
        editor.read(Part::Personas, |m| {
            m.persona(id).cloned().unwrap_or_default()
        })
    });
    let ro = editor.read_only;
    let set = move |f: PersonaField| {
        editor.apply(Edit::SetPersona(id, f));
    };
    let text = move |get: fn(&Persona) -> &String| {
        Signal::derive(move || persona.with(|p| get(p).clone()))
    };
    let remove = move |_| {
        let name = persona.with_untracked(|p| p.name.clone());
        if editor.apply_with(|m| Some(edit::remove_persona(m, id))) {
            editor.offer_undo(&format!("Deleted the persona “{name}”."));
        }
    };
    view! {
        <section class="persona-form">
            <h3>{move || persona.with(|p| if p.name.is_empty() { "Unnamed persona".to_string() } else { p.name.clone() })}</h3>
            <TextField label="Name" readonly=ro value=text(|p| &p.name) on_input=move |v| set(PersonaField::Name(v))/>
            <TextField label="Role" readonly=ro value=text(|p| &p.role) on_input=move |v| set(PersonaField::Role(v))/>
            <TextField label="Firmographics" multiline=true readonly=ro placeholder="Company size, industry, region" value=text(|p| &p.firmographics) on_input=move |v| set(PersonaField::Firmographics(v))/>
            <TextField label="Goals" multiline=true readonly=ro value=text(|p| &p.goals) on_input=move |v| set(PersonaField::Goals(v))/>
            <TextField label="Challenges" multiline=true readonly=ro value=text(|p| &p.challenges) on_input=move |v| set(PersonaField::Challenges(v))/>
            <TextField label="Decision process" multiline=true readonly=ro value=text(|p| &p.decision_process) on_input=move |v| set(PersonaField::DecisionProcess(v))/>
            <TextField label="Preferred channels" readonly=ro value=text(|p| &p.preferred_channels) on_input=move |v| set(PersonaField::PreferredChannels(v))/>
            <TextField label="Frustrations" multiline=true readonly=ro value=text(|p| &p.frustrations) on_input=move |v| set(PersonaField::Frustrations(v))/>
            <Show when=move || !ro>
                <button type="button" class="button danger" on:click=remove>
                    "Delete persona"
                </button>
            </Show>
        </section>
    }
}
