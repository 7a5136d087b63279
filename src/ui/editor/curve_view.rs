//! The emotion curve view: the chart on a canvas (crisp at any devicePixelRatio), hover
//! for a touchpoint's words, click to open it, line toggles, PNG/SVG export and the data
//! as a table.

use crate::charts::curve::{curve_rows, draw_emotion_curve, CurveOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::Id;
use crate::ui::chart_table::ChartTable;
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// What the pointer is over: the touchpoint and where to show its tooltip (CSS pixels).
#[derive(Clone, Debug, PartialEq)]
struct Hover {
    id: Id,
    x: f64,
    y: f64,
}

/// The emotion curve view.
#[component]
pub fn CurveView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let by_stakeholder = RwSignal::new(false);
    let hidden = RwSignal::new(Vec::<Id>::new());
    let hover = RwSignal::new(None::<Hover>);
    let selected = Memo::new(move |_| match editor.panel.get() {
        Panel::Card(id) => Some(id),
        _ => None,
    });
    let options = move |scale: f64| CurveOptions {
        scale,
        text_scale: 1.0,
        by_stakeholder: by_stakeholder.get(),
        hidden: hidden.get(),
        selected: selected.get(),
        hovered: hover.with(|h| h.as_ref().map(|h| h.id)),
        highlight_stage: None,
    };
    // Redraw when the map, the size or the options change; not otherwise.
    let chart = use_chart_canvas(move |area, dpr| {
        editor.track(Part::Any);
        let opts = options(dpr);
        editor.with_map_untracked(|m| draw_emotion_curve(area, m, &opts))
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
        let row =
            editor.with_map_untracked(|m| curve_rows(m).into_iter().find(|r| r.id == h.id))?;
        let style = format!("left: {}px; top: {}px", h.x + 14.0, h.y + 14.0);
        Some(view! {
            <div class="chart-tooltip" style=style role="tooltip" data-testid="curve-tooltip">
                <strong>{row.touchpoint}</strong>
                <span class="meta">{format!("{} · {}", row.stage, row.emotion)}{row.moment_of_truth.then_some(" · moment of truth")}</span>
                {(!row.quote.is_empty()).then(|| view! { <q>{row.quote}</q> })}
            </div>
        })
    };
    let people = editor.people();
    let rows = Memo::new(move |_| {
        editor.track(Part::Any);
        editor.with_map_untracked(curve_rows)
    });
    let export_png = move |_| chart.export_png(editor, "emotion curve");
    let export_svg = move |_| {
        let opts = CurveOptions {
            hovered: None,
            text_scale: SVG_TEXT_SCALE,
            ..options(1.0)
        };
        chart.export_svg(editor, "emotion curve", |area| {
            editor.with_map_untracked(|m| draw_emotion_curve(area, m, &opts))
        });
    };
    let summary = move || {
        let n = rows.with(|r| r.iter().filter(|r| !r.emotion.is_empty()).count());
        format!("Emotion curve of {n} scored touchpoints; the same data is in the table below.")
    };

    view! {
        <section class="chart-view" aria-labelledby="curve-title">
            <div class="section-head">
                <h2 id="curve-title">"Emotion curve"</h2>
                <div class="actions">
                    <label class="field inline">
                        <span class="field-label">"Lines"</span>
                        <select on:change:target=move |ev| by_stakeholder.set(ev.target().value() == "by")>
                            <option value="one">"One for the persona"</option>
                            <option value="by">"One per stakeholder"</option>
                        </select>
                    </label>
                    <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                    <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                </div>
            </div>
            <Show when=move || by_stakeholder.get()>
                <fieldset class="line-toggles">
                    <legend>"Show lines for"</legend>
                    <For each=move || people.get() key=|p| p.clone() let:p>
                        {
                            let (id, name) = p;
                            view! {
                                <label class="field checkbox">
                                    <input type="checkbox" prop:checked=move || !hidden.with(|h| h.contains(&id))
                                        on:change:target=move |ev| {
                                            let on = ev.target().checked();
                                            hidden.update(|h| { h.retain(|x| *x != id); if !on { h.push(id); } });
                                        }/>
                                    <span>{name}</span>
                                </label>
                            }
                        }
                    </For>
                </fieldset>
            </Show>
            {move || error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="chart-canvas curve" node_ref=wrap>
                <canvas node_ref=canvas role="img" aria-label=summary data-testid="curve-canvas"
                    on:pointermove=on_move on:pointerleave=move |_| hover.set(None) on:click=on_click></canvas>
                {tooltip}
            </div>
            <ChartTable>
                <thead><tr><th scope="col">"Stage"</th><th scope="col">"Touchpoint"</th><th scope="col">"Channel"</th><th scope="col">"Stakeholders"</th><th scope="col">"Emotion"</th><th scope="col">"To-be"</th><th scope="col">"Moment of truth"</th><th scope="col">"Customer's words"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr><td>{r.stage}</td><td>{r.touchpoint}</td><td>{r.channel}</td><td>{r.stakeholders}</td><td>{r.emotion}</td><td>{r.to_be}</td><td>{if r.moment_of_truth { "Yes" } else { "" }}</td><td>{r.quote}</td></tr>
                    }).collect_view()}
                </tbody>
            </ChartTable>
        </section>
    }
}
