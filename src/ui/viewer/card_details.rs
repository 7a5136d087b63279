//! The details of one card, read-only: every field its lane kind holds that has a value.

use crate::model::{Card, Emotion, Id, JourneyMap, LaneKind};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::viewer::grid::card_heading;
use leptos::prelude::*;

fn emotion(e: Option<Emotion>) -> String {
    e.map(|e| format!("{e} {}", e.label())).unwrap_or_default()
}

fn score(s: Option<u8>) -> String {
    s.map(|s| format!("{s} of 5")).unwrap_or_default()
}

/// The (label, value) rows of a card, empty values left out.
fn rows(map: &JourneyMap, card: &Card, kind: LaneKind) -> Vec<(&'static str, String)> {
    let mut out = vec![
        (
            "Stage",
            map.stage(card.stage)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        ),
        ("Text", card.text.clone()),
    ];
    match kind {
        LaneKind::Touchpoints => out.extend([
            ("Channel", card.channel.clone()),
            ("Emotion", emotion(card.emotion)),
            ("To-be emotion (after improvement)", emotion(card.to_be)),
            (
                "Moment of truth",
                if card.moment_of_truth {
                    "Yes".to_string()
                } else {
                    String::new()
                },
            ),
            ("The customer's own words", card.quote.clone()),
        ]),
        LaneKind::PainPoints => out.extend([
            ("Evidence", card.evidence.clone()),
            (
                "Magnitude (how many customers)",
                score(card.scores.magnitude),
            ),
            ("Severity", score(card.scores.severity)),
            ("Frequency", score(card.scores.frequency)),
            ("Business impact", score(card.scores.business_impact)),
            ("Effort to resolve", score(card.scores.effort)),
        ]),
        LaneKind::Opportunities => out.extend([
            ("Owner", card.owner.clone()),
            ("Deadline", card.deadline.clone()),
            ("KPI that proves it worked", card.kpi.clone()),
        ]),
        LaneKind::Kpis => match &card.metric {
            Some(m) => {
                let v = |v: Option<f64>| v.map(|v| m.format(v)).unwrap_or_default();
                out.extend([
                    ("Baseline", v(m.baseline)),
                    ("Target", v(m.target)),
                    ("Current", v(m.current)),
                    ("Better is", m.better.label().to_string()),
                    ("Source", m.source.clone()),
                ])
            }
            None => out.extend([
                ("Baseline", card.baseline.clone()),
                ("Target", card.target.clone()),
                ("Current", card.current.clone()),
            ]),
        },
        LaneKind::Actions | LaneKind::Thoughts => {}
    }
    let people: Vec<String> = card
        .stakeholders
        .iter()
        .filter_map(|s| map.stakeholder(*s))
        .map(|s| format!("{} ({})", s.name, s.role_type.label()))
        .collect();
    out.extend([
        ("Owning team", card.owning_team.clone()),
        ("Stakeholders involved", people.join(", ")),
        ("Notes", card.notes.clone()),
    ]);
    out.retain(|(_, v)| !v.is_empty());
    out
}

/// Details of the card `id`.
#[component]
pub fn CardDetails(
    /// The card.
    id: Id,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let body = editor.read(Part::Any, |m| {
        let found = m.card(id).and_then(|c| Some((c, m.card_kind(c)?)));
        match found {
            None => view! { <h2 id="panel-title">"Card"</h2><p>"This card is not on the map."</p> }.into_any(),
            Some((card, kind)) => {
                let items = rows(m, card, kind)
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view();
                view! { <h2 id="panel-title">{card_heading(kind)}</h2><dl class="details">{items}</dl> }.into_any()
            }
        }
    });
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="card-panel">
            <button type="button" class="icon close" aria-label="Close details" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            {body}
        </aside>
    }
}
