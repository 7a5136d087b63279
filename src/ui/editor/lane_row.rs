//! One lane (row) of the grid within a lane group: its header and one cell per stage.

use crate::model::edit::{self, Edit, LaneField};
use crate::model::grid::{move_lane_onto, LaneGroup};
use crate::model::{Id, LaneKind};
use crate::ui::editor::cell::Cell;
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::editor::touch_drag::{self, Lifted};
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// A lane row.
#[component]
pub fn LaneRow(
    /// The lane.
    lane: Id,
    /// The lane group.
    group: LaneGroup,
    /// Whether this is the first group (lane controls show only there).
    editable_header: bool,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let info = Memo::new(move |_| {
        editor.read(Part::Lanes, |m| {
            m.lane(lane).map(|l| (l.name.clone(), l.kind))
        })
    });
    let name = Signal::derive(move || info.get().map(|(n, _)| n).unwrap_or_default());
    let kind = info
        .get_untracked()
        .map(|(_, k)| k)
        .unwrap_or(LaneKind::Actions);
    let stages = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            m.stages.iter().map(|s| s.id).collect::<Vec<_>>()
        })
    });
    let position = Memo::new(move |_| {
        editor.read(Part::Lanes, |m| {
            (
                m.lanes.iter().position(|l| l.id == lane).unwrap_or(0),
                m.lanes.len(),
            )
        })
    });
    let move_lane = move |delta: i64| {
        editor.move_within(position.get_untracked(), delta, |to| {
            Edit::MoveLane(lane, to)
        })
    };
    let delete = move |_| {
        let label = name.get_untracked();
        if editor.apply_with(|m| Some(edit::remove_lane(m, lane))) {
            editor.offer_undo(&format!("Deleted the lane “{label}” and its cards."));
        }
    };
    let read_only = editor.read_only;
    let header = if editable_header && !read_only {
        view! {
            <OwnForm>
            <textarea
                class="lane-name"
                rows="1"
                aria-label="Lane name"
                prop:value=move || name.get()
                on:input:target=move |ev| { editor.apply(Edit::SetLane(lane, LaneField::Name(ev.target().value()))); }
                on:blur=move |_| editor.seal()
                on:keydown=move |ev| {
                    if ev.alt_key() && ev.key() == "ArrowUp" { ev.prevent_default(); move_lane(-1); }
                    if ev.alt_key() && ev.key() == "ArrowDown" { ev.prevent_default(); move_lane(1); }
                    if ev.key() == "Enter" { ev.prevent_default(); }
                }
            ></textarea>
            </OwnForm>
            <Show when=move || name.get() != kind.label()>
                <span class="lane-kind">{kind.label()}</span>
            </Show>
            <div class="mini-actions">
                <button type="button" class="icon" aria-label=move || format!("Move lane {} up", name.get()) disabled=move || position.get().0 == 0 on:click=move |_| move_lane(-1)>"↑"</button>
                <button type="button" class="icon" aria-label=move || format!("Move lane {} down", name.get()) disabled=move || { let (a, l) = position.get(); a + 1 >= l } on:click=move |_| move_lane(1)>"↓"</button>
                <button type="button" class="icon danger" aria-label=move || format!("Delete lane {}", name.get()) on:click=delete>"×"</button>
            </div>
        }
        .into_any()
    } else {
        view! { <span class="lane-name-text">{move || name.get()}</span> }.into_any()
    };
    view! {
        <tr class=format!("lane kind-{}", kind.key())>
            <th scope="row" class="lane-head"
                on:pointerdown=move |ev| { if editable_header && !read_only { touch_drag::press(&ev, Lifted::Lane(lane)); } }
                on:pointerup=move |ev| { if let Some(moved) = touch_drag::take_lane(&ev) { editor.apply_with(|m| move_lane_onto(m, moved, lane)); } }>{header}</th>
            <For each=move || stages.get() key=|id| *id let:stage>
                {
                    let stage_name = Signal::derive(move || editor.read(Part::Stages, |m| m.stage(stage).map(|s| s.name.clone()).unwrap_or_default()));
                    view! { <Cell stage=stage lane=lane kind=kind group=group stage_name=stage_name/> }
                }
            </For>
        </tr>
    }
}
