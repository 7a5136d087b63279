//! The editor: toolbar, the current view (grid, curve or stakeholders) and a side panel.

use crate::ui::editor::card_panel::CardPanel;
use crate::ui::editor::csv_panel::CsvPanel;
use crate::ui::editor::curve_view::CurveView;
use crate::ui::editor::grid::Grid;
use crate::ui::editor::health_panel::{Findings, HealthPanel};
use crate::ui::editor::history_panel::HistoryPanel;
use crate::ui::editor::matrix_view::MatrixView;
use crate::ui::editor::mermaid_panel::MermaidPanel;
use crate::ui::editor::personas_panel::PersonasPanel;
use crate::ui::editor::plan_view::PlanView;
use crate::ui::editor::print_panel::PrintPanel;
use crate::ui::editor::priorities_view::{PainRanking, PrioritiesView};
use crate::ui::editor::report_panel::ReportPanel;
use crate::ui::editor::scope_panel::ScopePanel;
use crate::ui::editor::share_panel::SharePanel;
use crate::ui::editor::stakeholders::StakeholderRegister;
use crate::ui::editor::state::{EditorState, Panel, View};
use crate::ui::editor::toolbar::Toolbar;
use crate::ui::editor::trends_view::TrendsView;
use leptos::prelude::*;

/// Undo and redo from the keyboard, anywhere on the page (text fields included: their
/// contents come from the map, so the map's history is the one to use).
fn use_undo_shortcuts(editor: EditorState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                editor.redo();
            }
            "z" => {
                ev.prevent_default();
                editor.undo();
            }
            "y" => {
                ev.prevent_default();
                editor.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// The editor page body for an open map.
#[component]
pub fn EditorPage(
    /// Controls for the toolbar's right end.
    #[prop(optional)]
    toolbar_end: Option<ChildrenFn>,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    use_undo_shortcuts(editor);
    provide_context(PainRanking::new(editor));
    provide_context(Findings::new(editor));
    // The map stays mounted (hidden) once shown: leaving it and coming back do not
    // rebuild it. Unmounting it cost about 5 ms of opening the Priorities view from it
    // on the big map (Priorities benchmark: 20.2 → 15.5 ms).
    let on_grid = Memo::new(move |_| editor.view.get() == View::Grid);
    let main_area = NodeRef::<leptos::html::Div>::new();
    crate::dom::scroll::top_on_change(main_area, move || editor.view.get());
    let grid_shown =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || on_grid.get());
    let grid = move || grid_shown.get().then(|| view! { <Grid/> });
    // Its cells wait while it is hidden: back in view, they look again.
    Effect::new(move |_| {
        if on_grid.get() {
            crate::dom::visible::schedule_check();
        }
    });
    let main = move || match editor.view.get() {
        View::Grid => ().into_any(),
        View::Curve => view! { <CurveView/> }.into_any(),
        View::Stakeholders => view! { <MatrixView/> <StakeholderRegister/> }.into_any(),
        View::Priorities => view! { <PrioritiesView/> }.into_any(),
        View::Plan => view! { <PlanView/> }.into_any(),
        View::Trends => view! { <TrendsView/> }.into_any(),
    };
    let panel = move || match editor.panel.get() {
        Panel::Closed => ().into_any(),
        Panel::Card(id) => view! { <CardPanel id=id/> }.into_any(),
        Panel::Scope => view! { <ScopePanel/> }.into_any(),
        Panel::Personas => view! { <PersonasPanel/> }.into_any(),
        Panel::History => view! { <HistoryPanel/> }.into_any(),
        Panel::Health => view! { <HealthPanel/> }.into_any(),
        Panel::Share => view! { <SharePanel/> }.into_any(),
        Panel::Print => view! { <PrintPanel/> }.into_any(),
        Panel::Mermaid => view! { <MermaidPanel/> }.into_any(),
        Panel::Csv => view! { <CsvPanel/> }.into_any(),
        Panel::Report => view! { <ReportPanel/> }.into_any(),
        Panel::Handoff(id) => {
            view! { <crate::ui::editor::handoff_panel::HandoffPanel to=id/> }.into_any()
        }
    };
    view! {
        <div class="editor" class:read-only=editor.read_only>
            <Toolbar>{toolbar_end.clone().map(|c| c())}</Toolbar>
            <div class="editor-body">
                <div class="editor-main" class:grid-view=on_grid node_ref=main_area>
                    <div class="grid-host" class:hidden=move || !on_grid.get()>{grid}</div>
                    {main}
                </div>
                {panel}
            </div>
        </div>
    }
}
