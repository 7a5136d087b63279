//! The map's health check as a side panel: each finding with what to do and a button
//! that takes the user to the item (model::health does the checking).

use crate::adapters::clock::today;
use crate::model::health::{self, Finding, Target};
use crate::ui::editor::state::{EditorState, Panel, Part, View};
use leptos::prelude::*;

/// The findings on the editor's map, today: checked once per edit for the toolbar's count
/// and the panel both (provided by the editor page).
#[derive(Clone, Copy)]
pub struct Findings(pub Memo<Vec<Finding>>);

impl Findings {
    /// The findings of the editor's map.
    pub fn new(editor: EditorState) -> Findings {
        let today = today();
        Findings(Memo::new(move |_| {
            editor.read(Part::Any, |m| health::check(m, today))
        }))
    }
}

/// Focuses the first element matching `selector` once the view has drawn it.
fn focus_soon(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                el.scroll_into_view();
                let _ = el.focus();
            }
        }
    });
}

/// Takes the user to what a finding is about.
fn go_to(editor: EditorState, target: Target) {
    match target {
        Target::Card(id) => editor.panel.set(Panel::Card(id)),
        Target::Stage(id) => {
            editor.view.set(View::Grid);
            focus_soon(format!("th[data-stage='{}'] .stage-name", id.0));
        }
        Target::Stakeholder(id) => {
            editor.view.set(View::Stakeholders);
            focus_soon(format!("[data-stakeholder='{}'] input", id.0));
        }
        Target::Scope => editor.panel.set(Panel::Scope),
        Target::Handoff(id) => {
            editor.view.set(View::Grid);
            editor.panel.set(Panel::Handoff(id));
        }
    }
}

/// The health check panel.
#[component]
pub fn HealthPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let findings = expect_context::<Findings>().0;
    let list = move || {
        findings
            .get()
            .into_iter()
            .map(|f| {
                let target = f.target;
                view! {
                    <li class="finding">
                        <button type="button" class="link" on:click=move |_| go_to(editor, target)>{f.item}</button>
                        <p class="hint">{f.advice}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="health-panel">
            <button type="button" class="icon close" aria-label="Close health check" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Health check"</h2>
            <Show when=move || !findings.with(Vec::is_empty) fallback=|| view! {
                <p data-testid="health-clear">"Nothing to fix: every pain point is scored and addressed by an opportunity, every opportunity has an owner, a deadline and a KPI, no re-measure is overdue, every stage has scored touchpoints, every moment of truth has the customer's words, every stakeholder is on a touchpoint and the review is not overdue."</p>
            }>
                <p>{move || match findings.with(Vec::len) { 1 => "1 thing to look at before the next workshop or review.".to_string(), n => format!("{n} things to look at before the next workshop or review.") }}</p>
                <ul class="findings" data-testid="findings">{list}</ul>
            </Show>
        </aside>
    }
}
