//! The influence–interest matrix view: the chart on a canvas, stakeholders dragged to set
//! influence and interest (one undo step per drag), the quadrant lists beside it with the
//! engagement each calls for (arrow keys move a stakeholder), and PNG/SVG export.

use crate::charts::matrix::{draw_matrix, MatrixOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::edit::{Edit, StakeholderField};
use crate::model::{Id, Level, Quadrant};
use crate::ui::editor::chart_canvas::use_chart_canvas;
use crate::ui::editor::state::{EditorState, Part};
use leptos::prelude::*;

/// The matrix with its quadrant lists.
#[component]
pub fn MatrixView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let selected = RwSignal::new(None::<Id>);
    let dragging = RwSignal::new(None::<(Id, Level, Level)>);
    let options = move |scale: f64| MatrixOptions {
        scale,
        text_scale: 1.0,
        selected: selected.get(),
        dragging: dragging.get(),
    };
    let chart = use_chart_canvas(move |area, dpr| {
        editor.track(Part::Stakeholders);
        let opts = options(dpr);
        editor.with_map_untracked(|m| draw_matrix(area, m, &opts))
    });
    let (wrap, canvas, layout, error) = (chart.wrap, chart.canvas, chart.layout, chart.error);
    let device = move |ev: &web_sys::MouseEvent| chart.device(ev);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if editor.read_only {
            return;
        }
        let (x, y) = device(&ev);
        let Some(id) = layout.with_value(|l| l.hit(x, y)) else {
            return;
        };
        ev.prevent_default();
        crate::dom::pointer::capture(&ev);
        selected.set(Some(id));
        let start =
            editor.with_map_untracked(|m| m.stakeholder(id).map(|s| (s.influence, s.interest)));
        if let Some((infl, inter)) = start {
            dragging.set(Some((id, infl, inter)));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((id, _, _)) = dragging.get_untracked() else {
            return;
        };
        let (x, y) = device(&ev);
        if let Some((infl, inter)) = layout.with_value(|l| l.levels_at(x, y)) {
            if dragging.get_untracked() != Some((id, infl, inter)) {
                dragging.set(Some((id, infl, inter)));
            }
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| {
        let Some((id, infl, inter)) = dragging.get_untracked() else {
            return;
        };
        dragging.set(None);
        move_to(editor, id, infl, inter);
    };

    let groups = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            Quadrant::ALL
                .into_iter()
                .map(|q| {
                    let people: Vec<(Id, String, &'static str, u8, u8)> = m
                        .stakeholders
                        .iter()
                        .filter(|s| s.quadrant() == q)
                        .map(|s| {
                            (
                                s.id,
                                s.name.clone(),
                                s.stance.label(),
                                s.influence.value(),
                                s.interest.value(),
                            )
                        })
                        .collect();
                    (q, people)
                })
                .collect::<Vec<_>>()
        })
    });
    let export_png = move |_| chart.export_png(editor, "influence-interest matrix");
    let export_svg = move |_| {
        let opts = MatrixOptions {
            dragging: None,
            text_scale: SVG_TEXT_SCALE,
            ..options(1.0)
        };
        chart.export_svg(editor, "influence-interest matrix", |area| {
            editor.with_map_untracked(|m| draw_matrix(area, m, &opts))
        });
    };

    view! {
        <section class="chart-view matrix-view" aria-labelledby="matrix-title">
            <div class="section-head">
                <h2 id="matrix-title">"Influence–interest matrix"</h2>
                <div class="actions">
                    <button type="button" class="button" on:click=export_png>"Export PNG"</button>
                    <button type="button" class="button" on:click=export_svg>"Export SVG"</button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            <div class="matrix-layout">
                <div class="chart-canvas matrix" node_ref=wrap>
                    <canvas node_ref=canvas role="img" data-testid="matrix-canvas"
                        aria-label="Influence–interest matrix; the stakeholders of each quadrant are listed beside it"
                        on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                        on:pointercancel=move |_| dragging.set(None)></canvas>
                </div>
                <div class="quadrants" data-testid="quadrant-lists">
                    <p class="hint">"Drag a point to set influence and interest, or focus a name below and use the arrow keys: up and down for influence, left and right for interest."</p>
                    <For each=move || groups.get() key=|(q, people)| (*q, people.clone()) let:group>
                        {
                            let (q, people) = group;
                            view! {
                                <section class="quadrant" data-quadrant=q.label()>
                                    <h3>{q.label()}</h3>
                                    <p class="hint">{q.engagement()}</p>
                                    <ul>
                                        {people.into_iter().map(|(id, name, stance, infl, inter)| view! {
                                            <li>
                                                <button type="button" class="stakeholder-chip" data-id=id.0.to_string()
                                                    aria-pressed=move || (selected.get() == Some(id)).to_string()
                                                    aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
                                                    on:focus=move |_| selected.set(Some(id))
                                                    on:click=move |_| selected.set(Some(id))
                                                    on:keydown=move |ev| {
                                                        let (di, dn) = match ev.key().as_str() {
                                                            "ArrowUp" => (1, 0), "ArrowDown" => (-1, 0),
                                                            "ArrowRight" => (0, 1), "ArrowLeft" => (0, -1),
                                                            _ => return,
                                                        };
                                                        ev.prevent_default();
                                                        nudge(editor, id, di, dn);
                                                        refocus(id);
                                                    }>
                                                    {name}
                                                    <span class="meta">{format!(" · {stance} · influence {infl}, interest {inter}")}</span>
                                                </button>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            }
                        }
                    </For>
                </div>
            </div>
        </section>
    }
}

/// Moves a stakeholder to (influence, interest) as one undo step.
fn move_to(editor: EditorState, id: Id, influence: Level, interest: Level) {
    let unchanged = editor.with_map_untracked(|m| {
        m.stakeholder(id)
            .is_some_and(|s| s.influence == influence && s.interest == interest)
    });
    if unchanged {
        return;
    }
    editor.apply(Edit::Batch(vec![
        Edit::SetStakeholder(id, StakeholderField::Influence(influence)),
        Edit::SetStakeholder(id, StakeholderField::Interest(interest)),
    ]));
}

/// Moves a stakeholder by whole levels from the keyboard.
fn nudge(editor: EditorState, id: Id, d_influence: i64, d_interest: i64) {
    let Some((infl, inter)) =
        editor.with_map_untracked(|m| m.stakeholder(id).map(|s| (s.influence, s.interest)))
    else {
        return;
    };
    let infl = Level::clamped(i64::from(infl.value()) + d_influence);
    let inter = Level::clamped(i64::from(inter.value()) + d_interest);
    if d_influence != 0 {
        editor.apply(Edit::SetStakeholder(id, StakeholderField::Influence(infl)));
    } else {
        editor.apply(Edit::SetStakeholder(id, StakeholderField::Interest(inter)));
    }
}

/// Keeps keyboard focus on a stakeholder whose button moved to another quadrant list.
fn refocus(id: Id) {
    request_animation_frame(move || {
        let selector = format!(".quadrants button[data-id='{}']", id.0);
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
