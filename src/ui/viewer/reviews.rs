//! The reviews of a shared map, read-only and compact (no charts, to keep the viewer
//! small): each metric's value at each review beside its target, and the reviews' dates
//! and notes.

use crate::model::JourneyMap;
use crate::ui::editor::state::{EditorState, Part};
use leptos::prelude::*;

fn table(map: &JourneyMap) -> impl IntoView {
    let heads = map
        .reviews
        .iter()
        .map(|r| view! { <th scope="col">{r.date.clone()}</th> })
        .collect_view();
    let rows = map
        .cards
        .iter()
        .filter_map(|c| c.metric.as_ref().map(|m| (c, m)))
        .map(|(c, m)| {
            let cells = map
                .reviews
                .iter()
                .map(|r| {
                    let v = r
                        .metrics
                        .iter()
                        .find(|x| x.card == c.id)
                        .map(|x| m.format(x.value));
                    view! { <td>{v.unwrap_or_else(|| "–".into())}</td> }
                })
                .collect_view();
            let dash = |v: Option<f64>| v.map_or("–".to_string(), |v| m.format(v));
            view! {
                <tr>
                    <th scope="row">{c.text.clone()}</th>
                    {cells}
                    <td>{dash(m.current)}</td>
                    <td>{dash(m.target)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table data-testid="viewer-review-table">
            <thead><tr><th scope="col">"Metric"</th>{heads}<th scope="col">"Now"</th><th scope="col">"Target"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The read-only Reviews view.
#[component]
pub fn Reviews() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let body = editor.read(Part::Any, |m| {
        if m.reviews.is_empty() {
            return view! { <p class="hint">"This map has no recorded reviews."</p> }.into_any();
        }
        let notes = m
            .reviews
            .iter()
            .rev()
            .map(|r| view! { <li><strong>{r.date.clone()}</strong>{(!r.note.is_empty()).then(|| format!(" · {}", r.note))}</li> })
            .collect_view();
        view! {
            {table(m)}
            <h3>"Reviews"</h3>
            <ol class="review-notes" data-testid="viewer-reviews">{notes}</ol>
        }
        .into_any()
    });
    view! {
        <section class="viewer-reviews" aria-labelledby="viewer-reviews-title">
            <h2 id="viewer-reviews-title">"Metrics across reviews"</h2>
            {body}
        </section>
    }
}
