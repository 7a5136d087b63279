//! The pain-point matrix under the Priorities tables, in the editor and in the shared
//! view alike: the chart on a canvas (crisp at any devicePixelRatio), severity × frequency
//! or business impact × magnitude, hover for a pain's words and evidence, click to open
//! its details, PNG/SVG export and the data as a table. Where the placement comes from is
//! the caller's: the editor's follows its live ranking, a shared link's map never changes.

use crate::charts::pain_matrix::{draw_pain_matrix, PainMatrixOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::pain_matrix::{PainAxes, PainMatrix, PainPoint, QUADRANT_RULE};
use crate::model::Id;
use crate::ui::chart_table::ChartTable;
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::{EditorState, Panel};
use leptos::prelude::*;

fn text_of(p: &PainPoint) -> String {
    if p.text.is_empty() {
        "(no text yet)".to_string()
    } else {
        p.text.clone()
    }
}

/// The pain-point matrix with its axis choice, export and data table. `place` gives the
/// placement for a pair of axes (what it reads reactively, the matrix follows);
/// `advice` ends the note on pains missing from the matrix (what the user can do).
#[component]
pub fn PainMatrixChart<F>(place: F, #[prop(optional)] advice: &'static str) -> impl IntoView
where
    F: Fn(PainAxes) -> PainMatrix + Send + Sync + 'static,
{
    let editor = expect_context::<EditorState>();
    let axes = RwSignal::new(PainAxes::default());
    let matrix = Memo::new(move |_| place(axes.get()));
    // The pain point under the pointer, and where (CSS pixels) its tooltip goes.
    let hover = RwSignal::new(None::<(Id, f64, f64)>);
    let options = move |scale: f64, text_scale: f64, selected: Option<Id>| PainMatrixOptions {
        scale,
        text_scale,
        axes: axes.get(),
        selected,
    };
    let chart = use_chart_canvas(move |area, dpr| {
        let opts = options(dpr, 1.0, hover.with(|h| h.map(|h| h.0)));
        matrix.with(|m| draw_pain_matrix(area, m, &opts))
    });
    let hit = move |ev: &web_sys::MouseEvent| {
        let (dx, dy) = chart.device(ev);
        chart
            .layout
            .with_value(|l| l.hit(dx, dy))
            .map(|id| (id, f64::from(ev.offset_x()), f64::from(ev.offset_y())))
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let next = hit(&ev);
        if hover.with_untracked(|h| h.map(|h| h.0)) != next.map(|h| h.0) {
            hover.set(next);
        }
    };
    let open = move |id: Id| editor.panel.set(Panel::Card(id));
    let tooltip = move || {
        let (id, x, y) = hover.get()?;
        let p = matrix.with(|m| m.points.iter().find(|p| p.card == id).cloned())?;
        let (x_name, y_name) = axes.get_untracked().names();
        Some(view! {
            <div class="chart-tooltip" style=format!("left: {}px; top: {}px", x + 14.0, y + 14.0) role="tooltip" data-testid="pain-matrix-tooltip">
                <strong>{text_of(&p)}</strong>
                <span class="meta">{format!("{} · {y_name} {} · {x_name} {} · {}", p.stage, p.y, p.x, p.quadrant.label())}</span>
                {(!p.evidence.is_empty()).then(|| view! { <span class="evidence">{p.evidence}</span> })}
            </div>
        })
    };
    let what = "pain-point matrix";
    let export_png = move |_| chart.export_png(editor, what);
    let export_svg = move |_| {
        let opts = options(1.0, SVG_TEXT_SCALE, None);
        chart.export_svg(editor, what, |area| {
            matrix.with_untracked(|m| draw_pain_matrix(area, m, &opts))
        });
    };
    let names = move || {
        let (x, y) = axes.get().names();
        (x.to_lowercase(), y.to_lowercase())
    };
    let summary = move || {
        let (x, y) = names();
        let n = matrix.with(|m| m.points.len());
        format!("Pain-point matrix: {n} pain points by {y} and {x}; the same data is in the table below.")
    };
    let missing = move || {
        let n = matrix.with(|m| m.missing.len());
        let (x, y) = names();
        (n > 0).then(|| {
            let (lack, be) = if n == 1 { ("pain point lacks", "is") } else { ("pain points lack", "are") };
            view! { <p class="hint" data-testid="pain-matrix-missing">{format!("{n} {lack} a {y} or {x} score and {be} not on the matrix{advice}.")}</p> }
        })
    };
    let rows = move || {
        let (x_name, y_name) = axes.get().names();
        let body = matrix
            .get()
            .points
            .into_iter()
            .map(|p| {
                let id = p.card;
                view! {
                    <tr>
                        <th scope="row"><button type="button" class="link" on:click=move |_| open(id)>{text_of(&p)}</button></th>
                        <td>{p.stage}</td><td>{p.y}</td><td>{p.x}</td><td>{p.quadrant.label()}</td>
                        <td>{p.effort.map(|e| e.to_string()).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <thead><tr><th scope="col">"Pain point"</th><th scope="col">"Stage"</th><th scope="col">{y_name}</th><th scope="col">{x_name}</th><th scope="col">"Quadrant"</th><th scope="col">"Effort"</th></tr></thead>
            <tbody>{body}</tbody>
        }
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
            {move || chart.error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="chart-canvas pain-matrix" node_ref=chart.wrap>
                <canvas node_ref=chart.canvas role="img" aria-label=summary data-testid="pain-matrix-canvas"
                    on:pointermove=on_move on:pointerleave=move |_| hover.set(None)
                    on:click=move |ev| { if let Some((id, _, _)) = hit(&ev) { open(id) } }></canvas>
                {tooltip}
            </div>
            <ChartTable>{rows}</ChartTable>
        </section>
    }
}
