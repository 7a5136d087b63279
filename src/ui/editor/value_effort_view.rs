//! The value–effort matrix of opportunities in the Plan: the chart on a canvas (crisp at
//! any devicePixelRatio), a point dragged with the pointer (mouse, pen or touch, captured
//! until it is let go) to set value and effort as one undo step, PNG/SVG export, and a
//! table of every opportunity with its two scores as number inputs (arrow keys step
//! them): the keyboard alternative and the chart's data in one.

use crate::charts::value_effort::{draw_value_effort, ValueEffortOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::edit::{CardField, Edit};
use crate::model::opportunities::cards_in_journey_order;
use crate::model::value_effort::{self as ve, quadrant_of};
use crate::model::{Card, Id, LaneKind};
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// A 1..10 score input of one opportunity; a bad value is refused with a message.
fn score_cell(
    editor: EditorState,
    id: Id,
    label: &'static str,
    name: Memo<String>,
    get: fn(&Card) -> Option<u8>,
    put: fn(Option<u8>) -> CardField,
) -> impl IntoView {
    let error = RwSignal::new(None::<&'static str>);
    let value = Memo::new(move |_| editor.read(Part::Card(id), |m| m.card(id).and_then(get)));
    let error_id = format!("{}-error-{}", label.to_lowercase().replace(' ', "-"), id.0);
    view! {
        <td class="score" class:invalid=move || error.get().is_some()>
            <input type="number" inputmode="numeric" min="1" max="10" step="1"
                aria-label=move || format!("{label} of “{}”", name.get())
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                readonly=editor.read_only
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                on:input:target=move |ev| match ve::parse_score(&ev.target().value()) {
                    Ok(v) => {
                        error.set(None);
                        if editor.with_map_untracked(|m| m.card(id).map(get)) != Some(v) {
                            editor.apply(Edit::SetCard(id, put(v)));
                        }
                    }
                    Err(why) => error.set(Some(why)),
                }
                on:blur=move |_| editor.seal()/>
            <span class="error-text" id=error_id role="status">{move || error.get()}</span>
        </td>
    }
}

fn row(editor: EditorState, id: Id) -> impl IntoView {
    let name = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(Card::label).unwrap_or_default()
        })
    });
    let quadrant = move || {
        editor.read(Part::Card(id), |m| {
            m.card(id)
                .and_then(quadrant_of)
                .map_or("Needs both scores", |q| q.label())
        })
    };
    view! {
        <tr data-card=id.0.to_string()>
            <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{move || name.get()}</button></th>
            {score_cell(editor, id, "Value score", name, |c| c.value_score, CardField::ValueScore)}
            {score_cell(editor, id, "Effort score", name, |c| c.effort_score, CardField::EffortScore)}
            <td data-testid="ve-quadrant">{quadrant}</td>
        </tr>
    }
}

/// The value–effort matrix with its table.
#[component]
pub fn ValueEffortView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let selected = RwSignal::new(None::<Id>);
    let dragging = RwSignal::new(None::<(Id, u8, u8)>);
    let matrix = Memo::new(move |_| editor.read(Part::Any, ve::place));
    let options = move |scale: f64| ValueEffortOptions {
        scale,
        text_scale: 1.0,
        selected: selected.get(),
        dragging: dragging.get(),
    };
    let chart = use_chart_canvas(move |area, dpr| {
        let opts = options(dpr);
        matrix.with(|m| draw_value_effort(area, m, &opts))
    });
    let (wrap, canvas, layout, error) = (chart.wrap, chart.canvas, chart.layout, chart.error);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = chart.device(&ev);
        let Some(id) = layout.with_value(|l| l.hit(x, y)) else {
            return;
        };
        selected.set(Some(id));
        if editor.read_only {
            return;
        }
        ev.prevent_default();
        crate::dom::pointer::capture(&ev);
        let start = editor.with_map_untracked(|m| {
            m.card(id)
                .and_then(|c| Some((c.value_score?, c.effort_score?)))
        });
        if let Some((v, e)) = start {
            dragging.set(Some((id, v, e)));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((id, _, _)) = dragging.get_untracked() else {
            return;
        };
        let (x, y) = chart.device(&ev);
        if let Some((v, e)) = layout.with_value(|l| l.scores_at(x, y)) {
            if dragging.get_untracked() != Some((id, v, e)) {
                dragging.set(Some((id, v, e)));
            }
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| {
        let Some((id, v, e)) = dragging.get_untracked() else {
            return;
        };
        dragging.set(None);
        // One step for the whole drag, sealed so the next edit is a step of its own.
        editor.seal();
        editor.apply_with(|m| ve::set_scores(m, id, v, e));
        editor.seal();
    };
    let export_png = move |_| chart.export_png(editor, "value-effort matrix");
    let export_svg = move |_| {
        let opts = ValueEffortOptions {
            dragging: None,
            text_scale: SVG_TEXT_SCALE,
            ..options(1.0)
        };
        chart.export_svg(editor, "value-effort matrix", |area| {
            matrix.with_untracked(|m| draw_value_effort(area, m, &opts))
        });
    };
    let summary = move || {
        matrix.with(|m| {
            let counts: Vec<String> = ve::ValueEffortQuadrant::ALL
                .iter()
                .map(|q| {
                    let n = m.points.iter().filter(|p| p.quadrant == *q).count();
                    format!("{} {n}", q.label().to_lowercase())
                })
                .collect();
            format!(
                "Value–effort matrix of {} opportunities: {}. The same data is in the table beside it.",
                m.points.len(),
                counts.join(", ")
            )
        })
    };
    let ids = Memo::new(move |_| {
        editor.read(Part::Layout, |m| {
            cards_in_journey_order(m, LaneKind::Opportunities)
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });
    let missing = move || {
        let n = matrix.with(|m| m.missing.len());
        (n > 0).then(|| {
            let what = if n == 1 { "opportunity needs" } else { "opportunities need" };
            view! { <p class="hint" data-testid="ve-missing">{format!("{n} {what} a value and an effort score to appear on the matrix: enter them in the table.")}</p> }
        })
    };
    view! {
        <section class="chart-view value-effort-view" aria-labelledby="ve-title" data-testid="value-effort">
            <div class="section-head">
                <h3 id="ve-title">"Value–effort matrix"</h3>
                <div class="actions">
                    <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                    <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                </div>
            </div>
            <p class="rule" data-testid="ve-rule">{ve::RULE}</p>
            <p class="hint">"Drag a point to set its value and effort (one step to undo), or type the scores in the table; arrow keys step them."</p>
            {missing}
            {move || error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="matrix-layout">
                <div class="chart-canvas matrix ve" node_ref=wrap>
                    <canvas node_ref=canvas role="img" aria-label=summary data-testid="ve-canvas"
                        on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                        on:pointercancel=move |_| dragging.set(None)></canvas>
                </div>
                <div class="table-scroll">
                    <table class="data-table ve-table" data-testid="ve-table">
                        <caption class="visually-hidden">"Value and effort of each opportunity, 1 to 10"</caption>
                        <thead><tr><th scope="col">"Opportunity"</th><th scope="col">"Value (1–10)"</th><th scope="col">"Effort (1–10)"</th><th scope="col">"Quadrant"</th></tr></thead>
                        <tbody>
                            <For each=move || ids.get() key=|id| *id let:id>{row(editor, id)}</For>
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}
