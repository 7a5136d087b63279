//! The Priorities view, read-only: pain points ranked by impact with the rule in words,
//! the top three marked, the unscored ones apart, and the pain-point matrix.

use crate::model::opportunities;
use crate::model::pain_matrix::place;
use crate::model::priorities::{self, Ranked};
use crate::model::{Card, Id, JourneyMap};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::pain_matrix::PainMatrixChart;
use leptos::prelude::*;

fn score(s: Option<u8>) -> String {
    s.map(|s| s.to_string()).unwrap_or_else(|| "–".into())
}

fn row(
    editor: EditorState,
    map: &JourneyMap,
    card: &Card,
    ranked: Option<Ranked>,
    unaddressed: bool,
) -> impl IntoView {
    let id: Id = card.id;
    let s = card.scores;
    let rank = match ranked {
        Some(r) if r.rank <= priorities::TOP => {
            view! { <span class="top-badge">{format!("Top {}", r.rank)}</span> }.into_any()
        }
        Some(r) => r.rank.to_string().into_any(),
        None => "–".into_any(),
    };
    let text = if card.text.is_empty() {
        "(no text yet)".to_string()
    } else {
        card.text.clone()
    };
    view! {
        <tr class:top=ranked.is_some_and(|r| r.rank <= priorities::TOP) data-card=id.0.to_string()>
            <td class="rank">{rank}</td>
            <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{text}</button>
                {unaddressed.then(|| view! { <span class="flag">"No opportunity"</span> })}</th>
            <td>{map.stage(card.stage).map(|s| s.name.clone()).unwrap_or_default()}</td>
            <td class="evidence">{card.evidence.clone()}</td>
            <td class="score">{score(s.magnitude)}</td>
            <td class="score">{score(s.severity)}</td>
            <td class="score">{score(s.frequency)}</td>
            <td class="score">{score(s.business_impact)}</td>
            <td class="score">{score(s.effort)}</td>
            <td class="impact">{ranked.map(|r| r.impact.to_string()).unwrap_or_else(|| "–".into())}</td>
        </tr>
    }
}

fn table(caption: &'static str, testid: &'static str, rows: AnyView) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table priorities-table" data-testid=testid>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>
                    <th scope="col">"Rank"</th><th scope="col">"Pain point"</th><th scope="col">"Stage"</th><th scope="col">"Evidence"</th>
                    <th scope="col" class="score">"Magnitude"</th><th scope="col" class="score">"Severity"</th><th scope="col" class="score">"Frequency"</th>
                    <th scope="col" class="score">"Business impact"</th><th scope="col" class="score">"Effort"</th><th scope="col">"Impact"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The read-only Priorities view.
#[component]
pub fn Priorities() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let body = editor.read(Part::Any, |m| {
        let r = priorities::rank(m);
        let lonely = opportunities::pains_without_opportunity(m);
        if r.ranked.is_empty() && r.unscored.is_empty() {
            return view! { <p class="empty-state">"This map has no pain points yet."</p> }
                .into_any();
        }
        let ranked = (!r.ranked.is_empty()).then(|| {
            let rows = r
                .ranked
                .iter()
                .filter_map(|x| {
                    m.card(x.card)
                        .map(|c| row(editor, m, c, Some(*x), lonely.contains(&c.id)))
                })
                .collect_view()
                .into_any();
            table(
                "Scored pain points, highest impact first",
                "ranked-pains",
                rows,
            )
        });
        let unscored = (!r.unscored.is_empty()).then(|| {
            let rows = r
                .unscored
                .iter()
                .filter_map(|id| {
                    m.card(*id)
                        .map(|c| row(editor, m, c, None, lonely.contains(&c.id)))
                })
                .collect_view()
                .into_any();
            view! {
                <h3>{format!("Not scored yet ({})", r.unscored.len())}</h3>
                {table("Pain points not scored yet", "unscored-pains", rows)}
            }
        });
        // A shared link's map never changes: the ranking is made once, here.
        let placement = move |axes| editor.with_map_untracked(|m| place(m, &r, axes));
        view! { {ranked}{unscored}<PainMatrixChart place=placement/> }.into_any()
    });
    view! {
        <section class="priorities" aria-labelledby="priorities-title" data-testid="priorities">
            <h2 id="priorities-title">"Priorities: pain points by impact"</h2>
            <p class="rule" data-testid="priority-rule">{priorities::RULE}</p>
            {body}
        </section>
    }
}
