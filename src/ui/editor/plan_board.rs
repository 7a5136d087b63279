//! The improvement plan as a board: a column per status (idea, planned, in progress, done,
//! measured), each opportunity a card that moves to the next or previous column with its
//! buttons, the arrow keys (left and right, on its name) or by dragging its handle with
//! the pointer (mouse, pen or touch). A move is the same status edit the plan table makes,
//! in the one undo history.

use crate::model::edit::{CardField, Edit};
use crate::model::opportunities::cards_in_journey_order;
use crate::model::{Card, Id, LaneKind, PlanStatus};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// Sets the status of `id` (one undo step) and keeps keyboard focus on its card.
fn move_to(editor: EditorState, id: Id, status: PlanStatus, refocus: bool) {
    let same = editor.with_map_untracked(|m| m.card(id).map(|c| c.status == status));
    if same != Some(false) {
        return;
    }
    editor.seal();
    if editor.apply(Edit::SetCard(id, CardField::Status(status))) && refocus {
        request_animation_frame(move || {
            let selector = format!(".plan-board [data-card='{}'] .board-name", id.0);
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    }
    editor.seal();
}

/// The status `delta` columns away from `status`, if there is one.
fn step(status: PlanStatus, delta: i64) -> Option<PlanStatus> {
    let at = PlanStatus::ALL.iter().position(|s| *s == status)? as i64 + delta;
    usize::try_from(at)
        .ok()
        .and_then(|i| PlanStatus::ALL.get(i).copied())
}

/// The status column under a viewport point, from its `data-status`.
fn status_at(x: i32, y: i32) -> Option<PlanStatus> {
    let el = document().element_from_point(x as f32, y as f32)?;
    let column = el.closest("[data-status]").ok().flatten()?;
    PlanStatus::from_key(&column.get_attribute("data-status")?)
}

fn card_item(editor: EditorState, id: Id, dragging: RwSignal<Option<Id>>) -> impl IntoView {
    let info = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(|c| {
                (
                    Card::label(c),
                    c.owner.clone(),
                    c.deadline.clone(),
                    c.status,
                )
            })
        })
    });
    let name = move || info.with(|i| i.as_ref().map(|i| i.0.clone()).unwrap_or_default());
    let status = move || info.with(|i| i.as_ref().map_or(PlanStatus::Idea, |i| i.3));
    let meta = move || {
        info.with(|i| {
            i.as_ref().map(|(_, owner, deadline, _)| {
                let owner = if owner.trim().is_empty() {
                    "No owner yet"
                } else {
                    owner.as_str()
                };
                if deadline.is_empty() {
                    owner.to_string()
                } else {
                    format!("{owner} · due {deadline}")
                }
            })
        })
    };
    let button = move |delta: i64, arrow: &'static str| {
        view! {
            {move || step(status(), delta).map(|to| view! {
                <button type="button" class="button small"
                    aria-label=move || format!("Move “{}” to {}", name(), to.label())
                    disabled=editor.read_only
                    on:click=move |_| move_to(editor, id, to, true)>{arrow}</button>
            })}
        }
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if editor.read_only {
            return;
        }
        ev.prevent_default();
        crate::dom::pointer::capture(&ev);
        dragging.set(Some(id));
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        if dragging.get_untracked() != Some(id) {
            return;
        }
        dragging.set(None);
        if let Some(to) = status_at(ev.client_x(), ev.client_y()) {
            move_to(editor, id, to, false);
        }
    };
    view! {
        <li class="board-card" data-card=id.0.to_string() class:dragging=move || dragging.get() == Some(id)>
            <span class="board-head"><span class="drag-handle" aria-hidden="true" title="Drag to another column"
                on:pointerdown=on_down on:pointerup=on_up
                on:pointercancel=move |_| dragging.set(None)>"⋮⋮"</span>
            <button type="button" class="link board-name"
                aria-keyshortcuts="ArrowLeft ArrowRight"
                on:click=move |_| editor.panel.set(Panel::Card(id))
                on:keydown=move |ev| {
                    let delta = match ev.key().as_str() { "ArrowLeft" => -1, "ArrowRight" => 1, _ => return };
                    ev.prevent_default();
                    if editor.read_only { return; }
                    if let Some(to) = step(status(), delta) { move_to(editor, id, to, true); }
                }>{name}</button></span>
            <span class="meta">{meta}</span>
            <span class="board-moves">{button(-1, "←")}{button(1, "→")}</span>
        </li>
    }
}

/// The board.
#[component]
pub fn PlanBoard() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let dragging = RwSignal::new(None::<Id>);
    // The statuses of all opportunities, journey order: a column re-renders when a card
    // enters or leaves it, not on every keystroke.
    let placed = Memo::new(move |_| {
        editor.read(Part::Any, |m| {
            cards_in_journey_order(m, LaneKind::Opportunities)
                .iter()
                .map(|c| (c.id, c.status))
                .collect::<Vec<_>>()
        })
    });
    let columns = PlanStatus::ALL
        .map(|status| {
            let ids = Memo::new(move |_| {
                placed.with(|p| {
                    p.iter()
                        .filter(|(_, s)| *s == status)
                        .map(|(id, _)| *id)
                        .collect::<Vec<_>>()
                })
            });
            let title_id = format!("board-{}", status.key());
            let labelled_by = title_id.clone();
            view! {
                <section class="board-column" data-status=status.key() aria-labelledby=labelled_by
                    class:drop=move || dragging.get().is_some()>
                    <h4 id=title_id>{status.label()}<span class="count">{move || format!(" ({})", ids.with(Vec::len))}</span></h4>
                    <ul>
                        <For each=move || ids.get() key=|id| *id let:id>{card_item(editor, id, dragging)}</For>
                    </ul>
                </section>
            }
        })
        .into_iter()
        .collect_view();
    view! {
        <section class="plan-board-wrap" aria-labelledby="board-title" data-testid="plan-board">
            <h3 id="board-title">"Board by status"</h3>
            <p class="hint">"Move a card with its arrow buttons, the left and right arrow keys on its name, or drag its handle to another column."</p>
            <div class="plan-board">{columns}</div>
        </section>
    }
}
