//! The pain-point matrix in the Priorities view: the chart on a canvas (crisp at any
//! devicePixelRatio), severity × frequency or business impact × magnitude, hover for a
//! pain's words and evidence, click to open it, PNG/SVG export and the data as a table.

use crate::charts::pain_matrix::{draw_pain_matrix, PainMatrixOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::pain_matrix::{place, PainAxes, QUADRANT_RULE};
use crate::model::Id;
use crate::ui::chart_table::ChartTable;
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::priorities_view::PainRanking;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// What the pointer is over: the pain point and where to show its tooltip (CSS pixels).
#[derive(Clone, Debug, PartialEq)]
struct Hover {
    id: Id,
    x: f64,
    y: f64,
}

/// The pain-point matrix with its axis choice, export and data table.
#[component]
pub fn PainMatrixView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ranking = expect_context::<PainRanking>();
    let axes = RwSignal::new(PainAxes::default());
    let hover = RwSignal::new(None::<Hover>);
    let matrix = Memo::new(move |_| {
        let axes = axes.get();
        ranking
            .0
            .with(|r| editor.read(Part::Any, |m| place(m, r, axes)))
    });
    let options = move |scale: f64| PainMatrixOptions {
        scale,
        text_scale: 1.0,
        axes: axes.get(),
        selected: hover.with(|h| h.as_ref().map(|h| h.id)),
    };
    let chart = use_chart_canvas(move |area, dpr| {
        let opts = options(dpr);
        matrix.with(|m| draw_pain_matrix(area, m, &opts))
    });
    let (wrap, canvas, layout, error) = (chart.wrap, chart.canvas, chart.layout, chart.error);
    let hit = move |ev: &web_sys::MouseEvent| {
        let (dx, dy) = chart.device(ev);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        layout
            .with_value(|l| l.hit(dx, dy))
            .map(|id| Hover { id, x, y })
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let next = hit(&ev);
        if hover.with_untracked(|h| h.as_ref().map(|h| h.id)) != next.as_ref().map(|h| h.id) {
            hover.set(next);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(h) = hit(&ev) {
            editor.panel.set(Panel::Card(h.id));
        }
    };
    let tooltip = move || {
        let h = hover.get()?;
        let p = matrix.with(|m| m.points.iter().find(|p| p.card == h.id).cloned())?;
        let (x_name, y_name) = axes.get_untracked().names();
        let style = format!("left: {}px; top: {}px", h.x + 14.0, h.y + 14.0);
        Some(view! {
            <div class="chart-tooltip" style=style role="tooltip" data-testid="pain-matrix-tooltip">
                <strong>{if p.text.is_empty() { "(no text yet)".to_string() } else { p.text }}</strong>
                <span class="meta">{format!("{} · {y_name} {} · {x_name} {} · {}", p.stage, p.y, p.x, p.quadrant.label())}</span>
                {(!p.evidence.is_empty()).then(|| view! { <span class="evidence">{p.evidence}</span> })}
            </div>
        })
    };
    let export_png = move |_| chart.export_png(editor, "pain-point matrix");
    let export_svg = move |_| {
        let opts = PainMatrixOptions {
            selected: None,
            text_scale: SVG_TEXT_SCALE,
            ..options(1.0)
        };
        chart.export_svg(editor, "pain-point matrix", |area| {
            matrix.with_untracked(|m| draw_pain_matrix(area, m, &opts))
        });
    };
    let summary = move || {
        let (x_name, y_name) = axes.get().names();
        let n = matrix.with(|m| m.points.len());
        format!(
            "Pain-point matrix: {n} pain points by {} and {}; the same data is in the table below.",
            y_name.to_lowercase(),
            x_name.to_lowercase()
        )
    };
    let missing = move || {
        let n = matrix.with(|m| m.missing.len());
        let (x_name, y_name) = axes.get().names();
        (n > 0).then(|| {
            let what = if n == 1 { "pain point lacks" } else { "pain points lack" };
            view! {
                <p class="hint" data-testid="pain-matrix-missing">{format!("{n} {what} a {} or {} score and {} not on the matrix: score them in the tables above.", y_name.to_lowercase(), x_name.to_lowercase(), if n == 1 { "is" } else { "are" })}</p>
            }
        })
    };
    let rows = move || {
        let (x_name, y_name) = axes.get().names();
        let head = view! { <tr><th scope="col">"Pain point"</th><th scope="col">"Stage"</th><th scope="col">{y_name}</th><th scope="col">{x_name}</th><th scope="col">"Quadrant"</th><th scope="col">"Effort"</th></tr> };
        let body = matrix
            .get()
            .points
            .into_iter()
            .map(|p| {
                let id = p.card;
                let text = if p.text.is_empty() { "(no text yet)".to_string() } else { p.text };
                view! {
                    <tr>
                        <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{text}</button></th>
                        <td>{p.stage}</td><td>{p.y}</td><td>{p.x}</td><td>{p.quadrant.label()}</td>
                        <td>{p.effort.map(|e| e.to_string()).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! { <thead>{head}</thead><tbody>{body}</tbody> }
    };

    view! {
        <section class="chart-view pain-matrix-view" aria-labelledby="pain-matrix-title" data-testid="pain-matrix">
            <div class="section-head">
                <h3 id="pain-matrix-title">"Pain-point matrix"</h3>
                <div class="actions">
                    <label class="field inline">
                        <span class="field-label">"Axes"</span>
                        <select data-testid="pain-matrix-axes" on:change:target=move |ev| {
                            if let Some(a) = PainAxes::from_key(&ev.target().value()) { axes.set(a) }
                        }>
                            {PainAxes::ALL.map(|a| view! { <option value=a.key()>{a.label()}</option> }).into_iter().collect_view()}
                        </select>
                    </label>
                    <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                    <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                </div>
            </div>
            <p class="hint">{QUADRANT_RULE}" Point size shows the other two impact scores, colour the effort to resolve; the top friction points carry their rank. Point at a pain to read it, click to open it."</p>
            {missing}
            {move || error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="chart-canvas pain-matrix" node_ref=wrap>
                <canvas node_ref=canvas role="img" aria-label=summary data-testid="pain-matrix-canvas"
                    on:pointermove=on_move on:pointerleave=move |_| hover.set(None) on:click=on_click></canvas>
                {tooltip}
            </div>
            <ChartTable>{rows}</ChartTable>
        </section>
    }
}
