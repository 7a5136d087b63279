//! Small-multiple trend panels on a canvas (crisp at any devicePixelRatio), with PNG and
//! SVG export and the same data as a table.

use crate::charts::trends::{draw_trends, height_for, TrendOptions, TrendPanel};
use crate::charts::SVG_TEXT_SCALE;
use crate::ui::chart_table::ChartTable;
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::EditorState;
use leptos::prelude::*;

/// Panels per row at a CSS width.
fn columns_for(width: u32) -> usize {
    match width {
        0..=560 => 1,
        561..=960 => 2,
        _ => 3,
    }
}

/// A titled chart of trend panels.
#[component]
pub fn TrendChart(
    /// Heading.
    title: &'static str,
    /// What the chart shows, for the canvas's accessible name.
    summary: &'static str,
    /// Name used in test ids and export file names.
    name: &'static str,
    /// The panels.
    panels: Memo<Vec<TrendPanel>>,
    /// Shown when there is nothing to draw.
    empty: &'static str,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let chart = use_chart_canvas(move |area, dpr| {
        let (w, _) = area.dim_in_pixel();
        let opts = TrendOptions {
            scale: dpr,
            columns: columns_for((f64::from(w) / dpr) as u32),
            ..TrendOptions::default()
        };
        panels.with(|p| draw_trends(area, p, &opts))
    });
    let (wrap, canvas, error, size) = (chart.wrap, chart.canvas, chart.error, chart.size);
    let columns = move || size.get().map_or(3, |s| columns_for(s.width));
    let height = move || {
        format!(
            "height: {}px",
            height_for(panels.with(|p| p.len()), columns())
        )
    };
    let export_png = move |_| chart.export_png(editor, name);
    let export_svg = move |_| {
        let cols = columns();
        let opts = TrendOptions {
            columns: cols,
            text_scale: SVG_TEXT_SCALE,
            ..TrendOptions::default()
        };
        chart.export_svg(editor, name, |area| {
            panels.with_untracked(|p| draw_trends(area, p, &opts))
        });
    };
    let label = move || {
        let points: usize = panels.with(|p| p.iter().map(|p| p.points.len()).sum());
        format!(
            "{summary}: {} panels, {points} points; the same data is in the table below.",
            panels.with(|p| p.len())
        )
    };
    let rows = move || {
        panels
            .get()
            .into_iter()
            .map(|p| {
                let values = p
                    .points
                    .iter()
                    .map(|(d, v)| format!("{d}: {}", p.format(*v)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <tr>
                        <th scope="row">{p.title.clone()}</th>
                        <td>{if values.is_empty() { "–".to_string() } else { values }}</td>
                        <td>{p.target.map(|t| p.format(t)).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="chart-view trend-chart" aria-labelledby=format!("{name}-title") data-testid=format!("trend-{name}")>
            <div class="section-head">
                <h3 id=format!("{name}-title")>{title}</h3>
                <Show when=move || panels.with(|p| !p.is_empty())>
                    <div class="actions">
                        <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                        <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                    </div>
                </Show>
            </div>
            <Show when=move || panels.with(|p| p.is_empty())>
                <p class="hint">{empty}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="chart-canvas trends" node_ref=wrap style=height class:hidden=move || panels.with(|p| p.is_empty())>
                <canvas node_ref=canvas role="img" aria-label=label data-testid=format!("trend-{name}-canvas")
                    data-points=move || panels.with(|p| p.iter().map(|p| p.points.len()).sum::<usize>().to_string())></canvas>
            </div>
            <Show when=move || panels.with(|p| !p.is_empty())>
                <ChartTable>
                    <thead><tr><th scope="col">"Series"</th><th scope="col">"Values"</th><th scope="col">"Target"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </ChartTable>
            </Show>
        </section>
    }
}
