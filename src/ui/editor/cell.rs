//! One cell of the grid (a stage × a lane, within a lane group): its cards and an add button.

use crate::model::grid::{self, LaneGroup};
use crate::model::{Id, LaneKind};
use crate::ui::editor::card::CardView;
use crate::ui::editor::drag;
use crate::ui::editor::state::EditorState;
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
        editor.with_map(|m| grid::cell_ids(m, stage, lane, group, filter))
    });
    let noun = kind.card_noun();
    let a_noun = kind.card_noun_with_article();
    view! {
        <td
            class="cell"
            on:dragover=move |ev| drag::allow_drop(&ev)
            on:drop=move |ev| {
                if let Some(p) = drag::take(&ev) {
                    editor.move_card(p.card, |m| grid::drop_card(m, p.card, stage, lane, None, p.from, group));
                }
            }
        >
            <ul class="cards">
                <For each=move || ids.get() key=|id| *id let:id>
                    <CardView id=id group=group kind=kind/>
                </For>
            </ul>
            <Show when=move || !editor.read_only>
                <button
                    type="button"
                    class="add-card"
                    on:click=move |_| editor.add_card(stage, lane, group)
                    aria-label=move || format!("Add {a_noun} to {}", stage_name.get())
                >
                    {format!("+ Add {noun}")}
                </button>
            </Show>
        </td>
    }
}
