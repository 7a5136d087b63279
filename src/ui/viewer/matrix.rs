//! The influence–interest matrix, read-only: the chart on a canvas (the editor's drawing
//! code), PNG/SVG export, and beside it who sits in each quadrant with the engagement it
//! calls for.

use crate::charts::matrix::{draw_matrix, MatrixOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::Quadrant;
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::{EditorState, Part};
use leptos::prelude::*;

/// The matrix with its quadrant lists.
#[component]
pub fn Matrix() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let options = |scale: f64, text_scale: f64| MatrixOptions {
        scale,
        text_scale,
        selected: None,
        dragging: None,
    };
    let chart = use_chart_canvas(move |area, dpr| {
        editor.track(Part::Stakeholders);
        editor.with_map_untracked(|m| draw_matrix(area, m, &options(dpr, 1.0)))
    });
    let export_png = move |_| chart.export_png(editor, "influence-interest matrix");
    let export_svg = move |_| {
        chart.export_svg(editor, "influence-interest matrix", |area| {
            editor.with_map_untracked(|m| draw_matrix(area, m, &options(1.0, SVG_TEXT_SCALE)))
        });
    };
    let quadrants = editor.read(Part::Stakeholders, |m| {
        Quadrant::ALL
            .into_iter()
            .map(|q| {
                let people = m
                    .stakeholders
                    .iter()
                    .filter(|s| s.quadrant() == q)
                    .map(|s| {
                        view! {
                            <li>
                                {s.name.clone()}
                                <span class="meta">{format!(" · {} · influence {}, interest {}", s.stance.label(), s.influence.value(), s.interest.value())}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="quadrant" data-quadrant=q.label()>
                        <h3>{q.label()}</h3>
                        <p class="hint">{q.engagement()}</p>
                        <ul>{people}</ul>
                    </section>
                }
            })
            .collect_view()
    });
    view! {
        <section class="chart-view matrix-view" aria-labelledby="matrix-title">
            <div class="section-head">
                <h2 id="matrix-title">"Influence–interest matrix"</h2>
                <div class="actions">
                    <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                    <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                </div>
            </div>
            {move || chart.error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="matrix-layout">
                <div class="chart-canvas matrix" node_ref=chart.wrap>
                    <canvas node_ref=chart.canvas role="img" data-testid="matrix-canvas"
                        aria-label="Influence–interest matrix; the stakeholders of each quadrant are listed beside it"></canvas>
                </div>
                <div class="quadrants" data-testid="quadrant-lists">{quadrants}</div>
            </div>
        </section>
    }
}
