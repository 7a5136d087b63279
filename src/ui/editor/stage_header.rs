//! The header of one stage (column): name, goal and team, move and delete.

use crate::model::edit::{self, Edit, StageField};
use crate::model::{handoffs, Id};
use crate::ui::editor::handoff_panel::HandoffBadge;
use crate::ui::editor::priorities_view::{top_in_stage, top_label, PainRanking};
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::field::TextField;
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// A stage's column header.
#[component]
pub fn StageHeader(
    /// The stage.
    stage: Id,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let data = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            m.stage(stage).cloned().unwrap_or_default()
        })
    });
    let position = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            (
                m.stages.iter().position(|s| s.id == stage).unwrap_or(0),
                m.stages.len(),
            )
        })
    });
    let name = Signal::derive(move || data.with(|s| s.name.clone()));
    let move_stage = move |delta: i64| {
        editor.move_within(position.get_untracked(), delta, |to| {
            Edit::MoveStage(stage, to)
        })
    };
    let delete = move |_| {
        let label = name.get_untracked();
        if editor.apply_with(|m| Some(edit::remove_stage(m, stage))) {
            editor.offer_undo(&format!("Deleted the stage “{label}” and its cards."));
        }
    };
    let set = move |f: StageField| {
        editor.apply(Edit::SetStage(stage, f));
    };
    let read_only = editor.read_only;
    let (open, set_open) = signal(false);
    let top = use_context::<PainRanking>().map(|ranking| {
        let ranks = Memo::new(move |_| {
            ranking
                .0
                .with(|r| editor.with_map_untracked(|m| top_in_stage(m, r, stage)))
        });
        move || {
            let ranks = ranks.get();
            (!ranks.is_empty()).then(
                || view! { <p class="stage-top" data-testid="stage-top">{top_label(&ranks)}</p> },
            )
        }
    });
    let handoff = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            handoffs::into_stage(m, stage)
                .map(|h| (h.teams(), !h.to.handoff_owner.trim().is_empty()))
        })
    });
    let badge = move || {
        handoff
            .get()
            .map(|(teams, owned)| view! { <HandoffBadge to=stage teams=teams owned=owned/> })
    };
    view! {
        <th scope="col" class="stage-head" data-stage=stage.0.to_string()>
            <div class="stage-title">
                <span class="stage-number" aria-hidden="true">{move || position.get().0 + 1}</span>
                <OwnForm>
                <input
                    class="stage-name"
                    aria-label="Stage name"
                    readonly=read_only
                    prop:value=move || name.get()
                    on:input:target=move |ev| set(StageField::Name(ev.target().value()))
                    on:blur=move |_| editor.seal()
                    on:keydown=move |ev| {
                        if ev.alt_key() && ev.key() == "ArrowLeft" { ev.prevent_default(); move_stage(-1); }
                        if ev.alt_key() && ev.key() == "ArrowRight" { ev.prevent_default(); move_stage(1); }
                    }
                />
                </OwnForm>
            </div>
            {badge}
            {top}
            <Show when=move || !data.with(|s| s.customer_goal.is_empty()) && !open.get()>
                <p class="stage-goal"><span class="visually-hidden">"Customer goal: "</span>{move || data.with(|s| s.customer_goal.clone())}</p>
            </Show>
            <div class="mini-actions">
                <button type="button" class="icon" aria-expanded=move || open.get().to_string()
                    aria-label=move || format!("Details of stage {}", name.get())
                    on:click=move |_| set_open.update(|o| *o = !*o)>"⋯"</button>
                <Show when=move || !read_only>
                    <button type="button" class="icon" aria-label=move || format!("Move stage {} left", name.get()) disabled=move || position.get().0 == 0 on:click=move |_| move_stage(-1)>"←"</button>
                    <button type="button" class="icon" aria-label=move || format!("Move stage {} right", name.get()) disabled=move || { let (a, l) = position.get(); a + 1 >= l } on:click=move |_| move_stage(1)>"→"</button>
                    <button type="button" class="icon danger" aria-label=move || format!("Delete stage {}", name.get()) on:click=delete>"×"</button>
                </Show>
            </div>
            <Show when=move || open.get()>
                <div class="stage-details">
                    <TextField label="Description" multiline=true readonly=read_only value=Signal::derive(move || data.with(|s| s.description.clone())) on_input=move |v| set(StageField::Description(v))/>
                    <TextField label="Customer goal" multiline=true readonly=read_only value=Signal::derive(move || data.with(|s| s.customer_goal.clone())) on_input=move |v| set(StageField::CustomerGoal(v))/>
                    <TextField label="Owning team" readonly=read_only value=Signal::derive(move || data.with(|s| s.owning_team.clone())) on_input=move |v| set(StageField::OwningTeam(v))/>
                </div>
            </Show>
        </th>
    }
}
