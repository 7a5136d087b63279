//! The side panel for the map's scope: why, for whom, by whom, and when it is reviewed.

use crate::model::dates::Date;
use crate::model::edit::{Edit, ScopeField};
use crate::model::{ReviewCadence, Scope};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::field::{SelectField, TextField};
use leptos::prelude::*;

/// The scope panel.
#[component]
pub fn ScopePanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let scope = Memo::new(move |_| editor.read(Part::Scope, |m| m.scope.clone()));
    let ro = editor.read_only;
    let set = move |f: ScopeField| {
        editor.apply(Edit::SetScope(f));
    };
    let text =
        move |get: fn(&Scope) -> &String| Signal::derive(move || scope.with(|s| get(s).clone()));
    let cadences: Vec<(String, String)> = ReviewCadence::ALL
        .iter()
        .map(|c| (c.key().to_string(), c.label().to_string()))
        .collect();
    let personas = Memo::new(move |_| {
        editor.read(Part::Personas, |m| {
            let mut out = vec![(String::new(), "None chosen".to_string())];
            out.extend(
                m.personas
                    .iter()
                    .map(|p| (p.id.0.to_string(), p.name.clone())),
            );
            out
        })
    });
    let suggested_next = move || {
        scope.with(|s| {
            Date::parse(&s.last_review)
                .map(|d| crate::model::reviews::next_review(d, s.review_cadence).to_string())
        })
    };
    // The adapter gives today's date where the user is; the model does the arithmetic.
    let mark_reviewed = move |_| {
        let today = crate::adapters::clock::today();
        editor.apply_with(|m| Some(crate::model::reviews::mark_reviewed(m, today)));
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="scope-panel">
            <button type="button" class="icon close" aria-label="Close scope" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Scope"</h2>
            <TextField label="Title" readonly=ro value=text(|s| &s.title) on_input=move |v| set(ScopeField::Title(v))/>
            <TextField label="Objective: why we map" multiline=true readonly=ro placeholder="e.g. Find why mid-market trials stall before purchase" value=text(|s| &s.objective) on_input=move |v| set(ScopeField::Objective(v))/>
            <TextField label="Segment" readonly=ro placeholder="e.g. Mid-market manufacturing, 200–1,000 staff" value=text(|s| &s.segment) on_input=move |v| set(ScopeField::Segment(v))/>
            {move || view! {
                <SelectField label="Primary persona" options=personas.get() readonly=ro
                    value=Signal::derive(move || scope.with(|s| s.primary_persona.map(|p| p.0.to_string()).unwrap_or_default()))
                    on_change=move |v: String| set(ScopeField::PrimaryPersona(v.parse().ok().map(crate::model::Id)))/>
            }}
            <TextField label="Owner" readonly=ro value=text(|s| &s.owner) on_input=move |v| set(ScopeField::Owner(v))/>
            <TextField label="Research sources" multiline=true readonly=ro placeholder="e.g. 10 interviews, CRM, support tickets" value=text(|s| &s.research_sources) on_input=move |v| set(ScopeField::ResearchSources(v))/>
            <SelectField label="Review cadence" options=cadences readonly=ro
                value=Signal::derive(move || scope.with(|s| s.review_cadence.key().to_string()))
                on_change=move |v: String| if let Some(c) = ReviewCadence::from_key(&v) { set(ScopeField::ReviewCadence(c)) }/>
            <TextField label="Last review" kind="date" readonly=ro value=text(|s| &s.last_review) on_input=move |v| set(ScopeField::LastReview(v))/>
            <TextField label="Next review" kind="date" readonly=ro value=text(|s| &s.next_review) on_input=move |v| set(ScopeField::NextReview(v))/>
            <Show when=move || suggested_next().is_some_and(|d| scope.with(|s| s.next_review != d))>
                <p class="hint">{move || format!("By the cadence, the next review is due {}.", suggested_next().unwrap_or_default())}</p>
            </Show>
            <Show when=move || !ro>
                <p><button type="button" class="button" on:click=mark_reviewed>"Mark reviewed today"</button></p>
            </Show>
        </aside>
    }
}
