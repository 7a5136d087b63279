//! The Plan view, read-only: opportunities in the order of the map's chosen prioritisation
//! (RICE, value–effort or Kano) with their inputs and the pains they address, and the improvement plan with owners, deadlines, KPIs, status, re-measure
//! dates and flags (as of the reader's today).

use crate::adapters::clock::today;
use crate::model::dates::Date;
use crate::model::opportunities as opp;
use crate::model::{Card, Id, JourneyMap, Prioritisation};
use crate::ui::editor::handoff_table::HandoffTable;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".into()
    } else {
        s.to_string()
    }
}

/// The opportunity's rank, name (opens its details) and stage.
fn lead_cells(
    editor: EditorState,
    map: &JourneyMap,
    c: &Card,
    rank: Option<usize>,
) -> impl IntoView {
    let id: Id = c.id;
    view! {
        <td class="rank">{rank.map_or("–".to_string(), |r| r.to_string())}</td>
        <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{Card::label(c)}</button></th>
        <td>{map.stage(c.stage).map(|s| s.name.clone()).unwrap_or_default()}</td>
    }
}

fn rice_row(editor: EditorState, map: &JourneyMap, c: &Card, rank: Option<usize>) -> impl IntoView {
    let reach = c.reach.map_or("–".to_string(), |r| {
        format!("{} {}", opp::format_amount(r), c.reach_period)
            .trim()
            .to_string()
    });
    let score = match opp::score(c) {
        Some(s) => opp::format_amount(s),
        None => format!("Needs {}", opp::missing_inputs(c).join(", ")),
    };
    let ve = match (
        c.value_score,
        c.effort_score,
        crate::model::value_effort::quadrant_of(c),
    ) {
        (Some(v), Some(e), Some(q)) => format!("{v} / {e}: {}", q.label()),
        _ => "–".into(),
    };
    let kano = crate::model::kano::category(c).map_or("–", |(k, _)| k.label());
    let pains: Vec<String> = c
        .addresses
        .iter()
        .filter_map(|p| map.card(*p).map(Card::label))
        .collect();
    view! {
        <tr data-card=c.id.0.to_string()>
            {lead_cells(editor, map, c, rank)}
            <td>{reach}</td>
            <td>{c.rice_impact.map_or("–", |i| i.label())}</td>
            <td>{c.rice_confidence.map_or("–", |k| k.label())}</td>
            <td>{c.effort_months.map_or("–".to_string(), opp::format_amount)}</td>
            <td class="score">{score}</td>
            <td data-testid="view-value-effort">{ve}</td>
            <td data-testid="view-kano">{kano}</td>
            <td>{if pains.is_empty() { "–".to_string() } else { pains.join("; ") }}</td>
        </tr>
    }
}

fn plan_row(
    editor: EditorState,
    map: &JourneyMap,
    c: &Card,
    rank: Option<usize>,
    today: Date,
) -> impl IntoView {
    let remeasure = match opp::remeasure_date(c) {
        Some(d) if opp::remeasure_is_default(c) => format!("{d} (deadline + 90 days)"),
        Some(d) => d.to_string(),
        None => "–".into(),
    };
    let f = opp::flags(c, today);
    let flags = [(f.overdue, "Overdue"), (f.remeasure_due, "Re-measure due")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, text)| view! { <span class="flag">{text}</span> })
        .collect_view();
    view! {
        <tr data-card=c.id.0.to_string()>
            {lead_cells(editor, map, c, rank)}
            <td>{or_dash(&c.owner)}</td>
            <td class="date">{or_dash(&c.deadline)}</td>
            <td>{or_dash(&c.kpi)}</td>
            <td>{or_dash(&c.baseline)}</td>
            <td>{or_dash(&c.target)}</td>
            <td>{c.status.label()}</td>
            <td>{remeasure}</td>
            <td class="flags">{flags}</td>
        </tr>
    }
}

/// The read-only Plan view.
#[component]
pub fn Plan() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let today = today();
    let by = editor.read(Part::Scope, |m| m.scope.prioritise_by);
    let body = editor.read(Part::Any, |m| {
        let r = opp::rank(m);
        // In the order of the prioritisation the map's owner chose to show first.
        let order = opp::order_by(m, by);
        if order.is_empty() {
            return view! { <p class="empty-state">"This map has no opportunities yet."</p> }
                .into_any();
        }
        let cards: Vec<&Card> = order.iter().filter_map(|id| m.card(*id)).collect();
        let rice_rows = cards
            .iter()
            .map(|c| rice_row(editor, m, c, r.rank_of(c.id)))
            .collect_view();
        let plan_rows = opp::plan_rows(m, &opp::PlanQuery::default(), today)
            .into_iter()
            .filter_map(|id| m.card(id))
            .map(|c| plan_row(editor, m, c, r.rank_of(c.id), today))
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table plan-table" data-testid="rice-table">
                    <caption class="visually-hidden">{match by {
                        Prioritisation::Rice => "Opportunities by RICE score, highest first",
                        Prioritisation::ValueEffort => "Opportunities by value and effort, quick wins first",
                        Prioritisation::Kano => "Opportunities by Kano category, must-be first",
                    }}</caption>
                    <thead><tr>
                        <th scope="col">"Rank"</th><th scope="col">"Opportunity"</th><th scope="col">"Stage"</th>
                        <th scope="col">"Reach"</th><th scope="col">"Impact"</th><th scope="col">"Confidence"</th>
                        <th scope="col">"Effort (person-months)"</th><th scope="col">"RICE score"</th>
                        <th scope="col">"Value / effort (1–10)"</th><th scope="col">"Kano"</th><th scope="col">"Pain points addressed"</th>
                    </tr></thead>
                    <tbody>{rice_rows}</tbody>
                </table>
            </div>
            <h3 id="plan-title">"Improvement plan"</h3>
            <div class="table-scroll">
                <table class="data-table plan-table" data-testid="plan-table" aria-labelledby="plan-title">
                    <thead><tr>
                        {opp::Column::PLAN.map(|c| view! { <th scope="col">{c.label()}</th> }).into_iter().collect_view()}
                    </tr></thead>
                    <tbody>{plan_rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    });
    view! {
        <section class="priorities plan" aria-labelledby="plan-view-title" data-testid="plan">
            <h2 id="plan-view-title" data-testid="plan-view-title">{match by {
                Prioritisation::Rice => "Plan: opportunities by RICE",
                Prioritisation::ValueEffort => "Plan: opportunities by value and effort",
                Prioritisation::Kano => "Plan: opportunities by Kano category",
            }}</h2>
            <p class="rule" data-testid="rice-rule">{match by {
                Prioritisation::Rice => opp::RULE,
                Prioritisation::ValueEffort => crate::model::value_effort::RULE,
                Prioritisation::Kano => crate::model::kano::RULE,
            }}</p>
            {body}
            <HandoffTable/>
        </section>
    }
}
