//! One cell of the grid (a stage × a lane, within a lane group): its cards and an add button.

use crate::dom::visible::use_near_viewport;
use crate::model::grid::{self, LaneGroup};
use crate::model::{Id, LaneKind};
use crate::ui::editor::card::CardView;
use crate::ui::editor::drag;
use crate::ui::editor::state::{EditorState, Part, View};
use crate::ui::editor::touch_drag;

/// Cards mounted at a time while a cell's unmounted part is in view. Small, because
/// every mounted card costs the browser work on each frame (typing included) and cards
/// mounted past the cell's visible part are not seen: 2 mounts 20 cards on the large
/// map where 6 mounted 40.
const CHUNK: usize = 2;
/// Space reserved per card not yet mounted, so the scrollbar is about right.
const PENDING_CARD_PX: usize = 96;
use leptos::prelude::*;

/// A cell of the grid.
#[component]
pub fn Cell(
    /// Its stage.
    stage: Id,
    /// Its lane.
    lane: Id,
    /// The kind of its lane.
    kind: LaneKind,
    /// The lane group it belongs to.
    group: LaneGroup,
    /// The stage's name, for labels.
    #[prop(into)]
    stage_name: Signal<String>,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ids = Memo::new(move |_| {
        let filter = editor.filter.get();
        editor.read(Part::Layout, |m| {
            grid::cell_ids(m, stage, lane, group, filter)
        })
    });
    // Cards mount in chunks as the placeholder below them nears the viewport.
    let (mounted, set_mounted) = signal(0usize);
    let placeholder = NodeRef::<leptos::html::Div>::new();
    // Watched only while some cards are still waiting to mount, so the callback (which
    // may come after the cell is gone) needs no check of its own; and not while another
    // view hides the map (it stays mounted): measuring its hidden cells at each check
    // cost the Priorities view 1 ms a check, and as much again in garbage collection.
    let waiting = move || {
        editor.view.try_get_untracked() == Some(View::Grid)
            && matches!(
                (ids.try_with_untracked(|i| i.len()), mounted.try_get_untracked()),
                (Some(total), Some(now)) if now < total
            )
    };
    let rearm = use_near_viewport(placeholder, waiting, move || {
        set_mounted.try_update(|m| *m += CHUNK);
    });
    // A cell that was fully mounted stays so when cards are added or moved in.
    Effect::new(move |previous: Option<usize>| {
        let total = ids.with(|i| i.len());
        if previous.is_some_and(|p| mounted.get_untracked() >= p) && mounted.get_untracked() < total
        {
            set_mounted.set(total);
        }
        total
    });
    Effect::new(move |_| {
        mounted.track();
        ids.track();
        rearm();
    });
    let shown = move || ids.with(|i| i.iter().take(mounted.get()).copied().collect::<Vec<Id>>());
    let pending = move || ids.with(|i| i.len().saturating_sub(mounted.get()));
    let noun = kind.card_noun();
    view! {
        <td
            class="cell"
            on:dragover=move |ev| drag::allow_drop(&ev)
            on:drop=move |ev| {
                if let Some(p) = drag::take(&ev) {
                    editor.move_card(p.card, |m| grid::drop_card(m, p.card, stage, lane, None, p.from, group));
                }
            }
            on:pointerup=move |ev| {
                // A card, or a stage or lane dropped over this cell's column or row.
                if let Some(p) = touch_drag::take_card(&ev) {
                    editor.apply_with(|m| grid::drop_card(m, p.card, stage, lane, None, p.from, group));
                } else if let Some(moved) = touch_drag::take_stage(&ev) {
                    editor.apply_with(|m| grid::move_stage_onto(m, moved, stage));
                } else if let Some(moved) = touch_drag::take_lane(&ev) {
                    editor.apply_with(|m| grid::move_lane_onto(m, moved, lane));
                }
            }
        >
            <ul class="cards">
                <For each=shown key=|id| *id let:id>
                    <CardView id=id group=group kind=kind/>
                </For>
            </ul>
            <div class="cards-pending" node_ref=placeholder aria-hidden="true"
                style=move || format!("height: {}px", pending() * PENDING_CARD_PX)></div>
            <Show when=move || !editor.read_only>
                <button
                    type="button"
                    class="add-card"
                    on:click=move |_| editor.add_card(stage, lane, group)
                >
                    // Named "Add action to Awareness": the name starts with the visible
                    // words (WCAG 2.5.3, label in name, so "click Add action" works in
                    // voice control) and the stage follows for screen readers.
                    <span aria-hidden="true">"+ "</span>
                    {format!("Add {noun}")}
                    <span class="visually-hidden">{move || format!(" to {}", stage_name.get())}</span>
                </button>
            </Show>
        </td>
    }
}
