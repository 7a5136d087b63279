//! The emotion curve view: the chart on a canvas (crisp at any devicePixelRatio), hover
//! for a touchpoint's words, click to open it, line toggles, PNG/SVG export and the data
//! as a table.

use crate::adapters::canvas::{backend, download_png, use_canvas_size};
use crate::adapters::files::download_text;
use crate::charts::curve::{curve_rows, curve_svg, draw_emotion_curve, CurveLayout, CurveOptions};
use crate::model::persist::files::file_stem;
use crate::model::Id;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;

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
    let error = RwSignal::new(None::<String>);
    let wrap = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let size = use_canvas_size(wrap);
    let layout = StoredValue::new(CurveLayout::default());

    let options = move || CurveOptions {
        scale: size.get().map_or(1.0, |s| s.dpr),
        text_scale: 1.0,
        by_stakeholder: by_stakeholder.get(),
        hidden: hidden.get(),
        selected: match editor.panel.get() {
            Panel::Card(id) => Some(id),
            _ => None,
        },
        hovered: hover.with(|h| h.as_ref().map(|h| h.id)),
    };
    // Redraw when the map, the size or the options change; not otherwise.
    Effect::new(move |_| {
        editor.track(Part::Any);
        let opts = options();
        let (Some(size), Some(el)) = (size.get(), canvas.get()) else {
            return;
        };
        let Some(back) = backend(&el, size) else {
            error.set(Some("This browser could not draw the chart.".into()));
            return;
        };
        let area = back.into_drawing_area();
        match editor.with_map_untracked(|m| draw_emotion_curve(&area, m, &opts)) {
            Ok(l) => {
                layout.set_value(l);
                error.set(None);
            }
            Err(e) => error.set(Some(format!("The curve could not be drawn: {e}."))),
        }
    });

    let hit = move |ev: &web_sys::MouseEvent| {
        let dpr = size.get_untracked().map_or(1.0, |s| s.dpr);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        layout
            .with_value(|l| l.hit(x * dpr, y * dpr))
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
    let people = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            m.stakeholders
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let rows = Memo::new(move |_| {
        editor.track(Part::Any);
        editor.with_map_untracked(curve_rows)
    });
    let file = move || editor.with_map_untracked(|m| file_stem(&m.scope.title));
    let export_png = move |_| {
        if let Some(el) = canvas.get_untracked() {
            if let Err(e) = download_png(&el, &format!("{} - emotion curve.png", file())) {
                editor
                    .toasts
                    .info(&format!("The picture was not saved: {e}."));
            }
        }
    };
    let export_svg = move |_| {
        let Some(sz) = size.get_untracked() else {
            return;
        };
        let opts = CurveOptions {
            scale: 1.0,
            hovered: None,
            ..options()
        };
        match editor.with_map_untracked(|m| curve_svg(m, &opts, sz.width, sz.height)) {
            Ok(svg) => {
                let _ = download_text(
                    &svg,
                    "image/svg+xml",
                    &format!("{} - emotion curve.svg", file()),
                );
            }
            Err(e) => editor.toasts.info(&format!("The SVG was not made: {e}.")),
        }
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
            <details class="chart-table">
                <summary>"Show the data as a table"</summary>
                <table>
                    <thead><tr><th scope="col">"Stage"</th><th scope="col">"Touchpoint"</th><th scope="col">"Channel"</th><th scope="col">"Stakeholders"</th><th scope="col">"Emotion"</th><th scope="col">"To-be"</th><th scope="col">"Moment of truth"</th><th scope="col">"Customer's words"</th></tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| view! {
                            <tr><td>{r.stage}</td><td>{r.touchpoint}</td><td>{r.channel}</td><td>{r.stakeholders}</td><td>{r.emotion}</td><td>{r.to_be}</td><td>{if r.moment_of_truth { "Yes" } else { "" }}</td><td>{r.quote}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// The canvas element behind a node ref, for exports.
pub fn canvas_of(node: &NodeRef<leptos::html::Canvas>) -> Option<web_sys::HtmlCanvasElement> {
    node.get_untracked().and_then(|c| c.dyn_into().ok())
}
