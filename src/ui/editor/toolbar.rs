//! The editor's toolbar: title, views, panels, lane grouping, stakeholder filter, undo/redo.

use crate::dom::schedule::shown_after_paint;
use crate::model::edit::{Edit, ScopeField};
use crate::model::grid::Grouping;
use crate::model::Id;
use crate::ui::editor::health_panel::Findings;
use crate::ui::editor::state::{EditorState, Panel, Part, View};
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// The toolbar above the map.
#[component]
pub fn Toolbar(
    /// Extra controls on the right (save status, share, export).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let title = Memo::new(move |_| editor.read(Part::Scope, |m| m.scope.title.clone()));
    let people = editor.people();
    // A frame late, so the first edit's keystroke repaints only the card.
    let can_undo = shown_after_paint(move || editor.read_history(|d| d.can_undo()));
    let can_redo = shown_after_paint(move || editor.read_history(|d| d.can_redo()));
    let view_tab = move |v: View, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (editor.view.get() == v).to_string()
                on:click=move |_| editor.view.set(v)>{label}</button>
        }
    };
    let panel_toggle = move |p: Panel, label: &'static str| {
        view! {
            <button type="button" class="button" aria-pressed=move || (editor.panel.get() == p).to_string()
                on:click=move |_| editor.panel.update(|cur| *cur = if *cur == p { Panel::Closed } else { p })>{label}</button>
        }
    };
    let ro = editor.read_only;
    let findings = expect_context::<Findings>().0;
    view! {
        <div class="toolbar">
            <h1 class="visually-hidden">{move || format!("Journey map: {}", title.get())}</h1>
            <div class="toolbar-row">
                <OwnForm>
                <input class="map-title" aria-label="Map title" data-testid="map-title-input" readonly=ro
                    prop:value=move || title.get()
                    on:input:target=move |ev| { editor.apply(Edit::SetScope(ScopeField::Title(ev.target().value()))); }
                    on:blur=move |_| editor.seal()/>
                </OwnForm>
                <div class="toolbar-end">{children.map(|c| c())}</div>
            </div>
            <div class="toolbar-row">
                <div role="tablist" aria-label="Views" class="tabs">
                    {view_tab(View::Grid, "Map")}
                    {view_tab(View::Curve, "Emotion curve")}
                    {view_tab(View::Stakeholders, "Stakeholders")}
                    {view_tab(View::Priorities, "Priorities")}
                    {view_tab(View::Plan, "Plan")}
                    {view_tab(View::Trends, "Trends")}
                </div>
                {panel_toggle(Panel::Scope, "Scope")}
                {panel_toggle(Panel::Personas, "Personas")}
                <Show when=move || !ro>
                    <button type="button" class="button" data-testid="health-button" aria-pressed=move || (editor.panel.get() == Panel::Health).to_string()
                        on:click=move |_| editor.panel.update(|cur| *cur = if *cur == Panel::Health { Panel::Closed } else { Panel::Health })>
                        "Health check"
                        {move || match findings.get().len() { 0 => None, n => Some(view! { <span class="count-badge">{n.to_string()}<span class="visually-hidden">{if n == 1 { " finding" } else { " findings" }}</span></span> }) }}
                    </button>
                </Show>
                <label class="field inline">
                    <span class="field-label">"Group lanes"</span>
                    <select prop:value=move || if editor.grouping.get() == Grouping::ByStakeholder { "by" } else { "all" }
                        on:change:target=move |ev| editor.grouping.set(if ev.target().value() == "by" { Grouping::ByStakeholder } else { Grouping::Together })>
                        <option value="all">"All together"</option>
                        <option value="by">"By stakeholder"</option>
                    </select>
                </label>
                <label class="field inline">
                    <span class="field-label">"Stakeholder"</span>
                    <select data-testid="stakeholder-filter"
                        prop:value=move || editor.filter.get().map(|i| i.0.to_string()).unwrap_or_default()
                        on:change:target=move |ev| editor.filter.set(ev.target().value().parse().ok().map(Id))>
                        <option value="">"Everyone"</option>
                        <For each=move || people.get() key=|p| p.clone() let:p>
                            <option value=p.0.0.to_string()>{p.1.clone()}</option>
                        </For>
                    </select>
                </label>
                <Show when=move || !ro>
                    <div class="undo-redo">
                        <button type="button" class="button" disabled=move || !can_undo.get() on:click=move |_| editor.undo()
                            aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"↶ Undo"</button>
                        <button type="button" class="button" disabled=move || !can_redo.get() on:click=move |_| editor.redo()
                            aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">"↷ Redo"</button>
                    </div>
                </Show>
            </div>
        </div>
    }
}
