//! The map as a grid: stages as columns left to right, lanes as rows, optionally one
//! group of lanes per stakeholder.

use crate::model::edit::Edit;
use crate::model::grid::{self, LaneGroup};
use crate::model::{Lane, LaneKind, Stage};
use crate::ui::editor::lane_row::LaneRow;
use crate::ui::editor::stage_header::StageHeader;
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::editor::touch_drag;
use leptos::prelude::*;

/// Adds a stage at the end, named "Stage N", and focuses its name.
fn add_stage(editor: EditorState) {
    let id = editor.new_id();
    let n = editor.with_map_untracked(|m| m.stages.len());
    let stage = Stage {
        id,
        name: format!("Stage {}", n + 1),
        ..Stage::default()
    };
    if editor.apply(Edit::InsertStage(n, stage)) {
        request_animation_frame(move || focus(&format!("th[data-stage='{}'] .stage-name", id.0)));
    }
}

fn focus(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// The grid.
#[component]
pub fn Grid() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let stages = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            m.stages.iter().map(|s| s.id).collect::<Vec<_>>()
        })
    });
    let lanes = Memo::new(move |_| {
        editor.read(Part::Lanes, |m| {
            m.lanes.iter().map(|l| l.id).collect::<Vec<_>>()
        })
    });
    let groups = Memo::new(move |_| {
        let grouping = editor.grouping.get();
        let filter = editor.filter.get();
        editor.read(Part::Stakeholders, |m| {
            grid::lane_groups(m, grouping, filter)
        })
    });
    let read_only = editor.read_only;
    let (new_lane_kind, set_new_lane_kind) = signal(LaneKind::Actions);
    let add_lane = move |_| {
        let id = editor.new_id();
        let kind = new_lane_kind.get_untracked();
        let at = editor.with_map_untracked(|m| m.lanes.len());
        editor.apply(Edit::InsertLane(
            at,
            Lane {
                id,
                name: kind.label().to_string(),
                kind,
            },
        ));
    };
    let group_title = move |g: LaneGroup| -> String {
        editor.read(Part::Stakeholders, |m| match g {
            LaneGroup::All => String::new(),
            LaneGroup::Stakeholder(s) => m
                .stakeholder(s)
                .map(|s| format!("{} · {}", s.name, s.role_type.label()))
                .unwrap_or_default(),
            LaneGroup::Unassigned => "No stakeholder named".to_string(),
        })
    };
    let empty = move || stages.with(|s| s.is_empty());
    // A finger carrying a card, a stage or a lane does not scroll the grid under it.
    let scroller = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            touch_drag::hold_scroll(&el);
        }
    });

    view! {
        <Show
            when=move || !empty()
            fallback=move || view! {
                <section class="empty-state" data-testid="no-stages">
                    <h2>"No stages yet"</h2>
                    <p>"A journey runs left to right through stages such as Awareness, Consideration and Decision. Add the first one to start mapping."</p>
                    <Show when=move || !read_only>
                        <button type="button" class="button primary" on:click=move |_| add_stage(editor)>"Add the first stage"</button>
                    </Show>
                </section>
            }
        >
            <div class="grid-scroll" tabindex="-1" data-scroll-root="" node_ref=scroller>
                <table class="journey-grid" aria-label="Journey map: stages by lanes">
                    <thead>
                        <tr>
                            <th scope="col" class="corner"><span class="visually-hidden">"Lanes"</span></th>
                            <For each=move || stages.get() key=|id| *id let:stage>
                                <StageHeader stage=stage/>
                            </For>
                            <Show when=move || !read_only>
                                <th class="add-col">
                                    <button type="button" class="button" on:click=move |_| add_stage(editor)>"+ Stage"</button>
                                </th>
                            </Show>
                        </tr>
                    </thead>
                    <For each=move || groups.get() key=|g| *g let:group>
                        {
                            let first = groups.with_untracked(|g| g.first() == Some(&group));
                            let title = move || group_title(group);
                            let span = move || stages.with(|s| s.len()) + 2;
                            view! {
                                <tbody class="lane-group">
                                    <Show when=move || group != LaneGroup::All>
                                        <tr class="group-head"><th scope="rowgroup" colspan=span>{title}</th></tr>
                                    </Show>
                                    <For each=move || lanes.get() key=|id| *id let:lane>
                                        <LaneRow lane=lane group=group editable_header=first/>
                                    </For>
                                </tbody>
                            }
                        }
                    </For>
                </table>
            </div>
            <Show when=move || !read_only>
                <div class="add-lane">
                    <label class="field inline">
                        <span class="field-label">"New lane"</span>
                        <select on:change:target=move |ev| {
                            if let Some(k) = LaneKind::from_key(&ev.target().value()) { set_new_lane_kind.set(k); }
                        }>
                            {LaneKind::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="button" on:click=add_lane>"+ Lane"</button>
                </div>
            </Show>
        </Show>
    }
}
