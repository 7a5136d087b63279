//! What the map is about, read-only: its scope (objective, segment, owner, reviews,
//! research) and its personas.

use crate::model::JourneyMap;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

fn list(rows: Vec<(&'static str, String)>) -> impl IntoView {
    rows.into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view()
}

fn scope_rows(m: &JourneyMap) -> Vec<(&'static str, String)> {
    let s = &m.scope;
    let persona = s
        .primary_persona
        .and_then(|id| m.personas.iter().find(|p| p.id == id))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    vec![
        ("Objective", s.objective.clone()),
        ("Customer segment", s.segment.clone()),
        ("Primary persona", persona),
        ("Owner", s.owner.clone()),
        ("Review cadence", s.review_cadence.label().to_string()),
        ("Last review", s.last_review.clone()),
        ("Next review", s.next_review.clone()),
        ("Research sources", s.research_sources.clone()),
    ]
}

/// The "About this map" panel.
#[component]
pub fn About() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let (scope, personas) = editor.read(Part::Any, |m| {
        let personas = m
            .personas
            .iter()
            .map(|p| {
                let rows = list(vec![
                    ("Role", p.role.clone()),
                    ("Company", p.firmographics.clone()),
                    ("Goals", p.goals.clone()),
                    ("Challenges", p.challenges.clone()),
                    ("How they decide", p.decision_process.clone()),
                    ("Preferred channels", p.preferred_channels.clone()),
                    ("Frustrations", p.frustrations.clone()),
                ]);
                view! { <h4>{p.name.clone()}</h4><dl class="details">{rows}</dl> }
            })
            .collect_view();
        let none = m
            .personas
            .is_empty()
            .then(|| view! { <p class="hint">"No personas in this map."</p> });
        (list(scope_rows(m)), view! { {personas}{none} })
    });
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="about-panel">
            <button type="button" class="icon close" aria-label="Close details" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"About this map"</h2>
            <dl class="details">{scope}</dl>
            <h3>"Personas"</h3>
            {personas}
        </aside>
    }
}
