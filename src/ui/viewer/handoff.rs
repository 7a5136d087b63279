//! The details of one handoff between teams, read-only (the editor's panel edits them).

use crate::model::handoffs;
use crate::model::Id;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// Details of the handoff into the stage `to`.
#[component]
pub fn HandoffDetails(
    /// The receiving stage.
    to: Id,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let body = editor.read(Part::Any, |m| {
        let Some(h) = handoffs::into_stage(m, to) else {
            return view! { <h2 id="panel-title">"Handoff"</h2><p>"This handoff is not on the map."</p> }.into_any();
        };
        let broken: Vec<String> = handoffs::broken(m, h.to)
            .into_iter()
            .map(|c| c.text.clone())
            .collect();
        let mut rows = vec![
            ("Stages", format!("{} → {}", h.from.name, h.to.name)),
            ("What goes wrong", h.to.handoff_gap.clone()),
            ("Owner", h.to.handoff_owner.clone()),
            ("Touchpoints it breaks", broken.join("; ")),
        ];
        rows.retain(|(_, v)| !v.trim().is_empty());
        let items = rows
            .into_iter()
            .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
            .collect_view();
        view! {
            <h2 id="panel-title">{format!("Handoff: {}", h.teams())}</h2>
            <dl class="details">{items}</dl>
        }
        .into_any()
    });
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="handoff-panel">
            <button type="button" class="icon close" aria-label="Close details" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            {body}
        </aside>
    }
}
