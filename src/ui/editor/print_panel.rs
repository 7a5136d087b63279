//! Print a poster: the whole map on one landscape page (A3 or A0), the grid scaled to fit,
//! the emotion curve under it and the influence–interest matrix beside, no controls, the
//! map's title, the date and the owner in the footer; printed through the browser's print
//! dialog (which also saves a PDF). The poster is laid out off screen while this panel is
//! open; the print style sheet shows it alone (`style/main.css`, "Poster").

use crate::adapters::files::svg_data_url;
use crate::model::{JourneyMap, LaneKind};
use crate::ui::editor::chart_canvas::{curve_svg, matrix_svg};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// A poster size: its class, its name and how much larger than A3 it prints the poster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    A3,
    A0,
}

impl Size {
    fn class(self) -> &'static str {
        match self {
            Size::A3 => "a3",
            Size::A0 => "a0",
        }
    }

    /// The page's content box (landscape, 10 mm margins) over A3's: the poster is laid
    /// out at A3's width and scaled by this.
    fn factor(self) -> f64 {
        match self {
            Size::A3 => 1.0,
            // A0 landscape is 1189 × 841 mm: 1169 × 821 mm inside its margins, against A3's
            // 400 × 277 mm; the smaller ratio, so that it fits both ways.
            Size::A0 => (1169.0_f64 / 400.0).min(821.0 / 277.0),
        }
    }
}

/// A3 landscape inside 10 mm margins, in CSS pixels (96 per inch).
const A3_HEIGHT_PX: f64 = 277.0 * 96.0 / 25.4;

fn svg_image(svg: Result<String, crate::charts::ChartError>) -> Option<String> {
    svg.ok().map(|s| svg_data_url(&s))
}

/// The poster's body at A3 width (it is scaled to the page after layout).
fn poster_body(map: &JourneyMap, today: String) -> impl IntoView {
    let stages: Vec<_> = map.stages.iter().map(|s| s.name.clone()).collect();
    let rows = map
        .lanes
        .iter()
        .map(|lane| {
            let cells = map
                .stages
                .iter()
                .map(|stage| {
                    let cards = map
                        .cell(stage.id, lane.id)
                        .map(|c| {
                            let emotion = (lane.kind == LaneKind::Touchpoints)
                                .then_some(c.emotion)
                                .flatten()
                                .map(|e| e.label());
                            view! {
                                <li class:moment=c.moment_of_truth>
                                    {c.text.clone()}
                                    {emotion.map(|e| view! { <span class="poster-emotion">{format!(" · {e}")}</span> })}
                                    {c.moment_of_truth.then(|| view! { <span class="poster-emotion">" · moment of truth"</span> })}
                                    {(!c.quote.is_empty()).then(|| view! { <q>{c.quote.clone()}</q> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <td><ul>{cards}</ul></td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{lane.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let curve = svg_image(curve_svg(map, 1000, 380));
    let matrix = svg_image(matrix_svg(map, 540, 500));
    let title = if map.scope.title.trim().is_empty() {
        "Untitled map".to_string()
    } else {
        map.scope.title.clone()
    };
    let owner = map.scope.owner.trim().to_string();
    let foot = if owner.is_empty() {
        format!("{title} · printed {today}")
    } else {
        format!("{title} · printed {today} · owner: {owner}")
    };
    view! {
        <h1>{title}</h1>
        {(!map.scope.objective.trim().is_empty()).then(|| view! { <p class="poster-objective">{map.scope.objective.clone()}</p> })}
        <table class="poster-grid">
            <thead><tr><td></td>{stages.into_iter().map(|s| view! { <th scope="col">{s}</th> }).collect_view()}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <div class="poster-charts">
            {curve.map(|src| view! { <img class="poster-curve" src=src alt="Emotion curve"/> })}
            {matrix.map(|src| view! { <img class="poster-matrix" src=src alt="Influence–interest matrix"/> })}
        </div>
        <footer class="poster-foot" data-testid="poster-foot">{foot}</footer>
    }
}

/// The print panel, with the poster laid out off screen.
#[component]
pub fn PrintPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let size = RwSignal::new(Size::A3);
    let body_ref = NodeRef::<leptos::html::Div>::new();
    let scale = RwSignal::new(1.0_f64);
    let poster = move || {
        editor.track(Part::Any);
        let today = crate::adapters::clock::today().to_string();
        editor.with_map_untracked(|m| poster_body(m, today))
    };
    // After each layout of the poster: shrink it to the page's height if it is taller,
    // then scale it to the size chosen.
    Effect::new(move |_| {
        editor.track(Part::Any);
        let factor = size.get().factor();
        request_animation_frame(move || {
            if let Some(el) = body_ref.get_untracked() {
                let natural = f64::from(el.offset_height()).max(1.0);
                scale.set((A3_HEIGHT_PX / natural).min(1.0) * factor);
            }
        });
    });
    let choice = move |s: Size, label: &'static str| {
        view! {
            <label class="field checkbox">
                <input type="radio" name="poster-size" prop:checked=move || size.get() == s on:change=move |_| size.set(s)/>
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="print-panel">
            <button type="button" class="icon close" aria-label="Close print" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Print a poster"</h2>
            <p>"The whole map on one landscape page: the grid, the emotion curve under it and the influence–interest matrix beside it, with the title, today's date and the owner in the footer. No buttons or menus are printed."</p>
            <fieldset>
                <legend>"Paper"</legend>
                {choice(Size::A3, "A3 landscape (420 × 297 mm)")}
                {choice(Size::A0, "A0 landscape (1189 × 841 mm), for the workshop wall")}
            </fieldset>
            <p class="hint">"To get a PDF, choose “Save as PDF” as the printer. Set the paper size in the print dialog to the one chosen here."</p>
            <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>"Print / PDF"</button>
            <div class="poster-stage" aria-hidden="true">
                <div class=move || format!("poster {}", size.get().class()) data-testid="poster">
                    <div class="poster-body" node_ref=body_ref style=move || format!("transform: scale({:.4})", scale.get())>{poster}</div>
                </div>
            </div>
        </aside>
    }
}
