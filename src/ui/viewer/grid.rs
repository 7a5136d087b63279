//! The map as a read-only grid: stages as columns, lanes as rows (optionally one group
//! of lanes per stakeholder), cards as text with their emotion, channel, moment of truth
//! and the customer's words. Drawn once per grouping and filter: nothing in it changes.

use crate::model::grid::{self, LaneGroup};
use crate::model::{Card, Id, JourneyMap, LaneKind};
use crate::ui::editor::card::{capitalise, emotion_class};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// One card, read-only, with a button that opens its details.
fn card_view(editor: EditorState, card: &Card, kind: LaneKind) -> impl IntoView {
    let id = card.id;
    let noun = kind.card_noun();
    let touchpoint = kind == LaneKind::Touchpoints;
    let meta = (touchpoint && (card.emotion.is_some() || card.moment_of_truth || !card.channel.is_empty()))
        .then(|| {
            let emotion = card.emotion.map(|e| {
                view! { <span class=format!("chip {}", emotion_class(Some(e)))>{format!("{e} {}", e.label())}</span> }
            });
            let mot = card.moment_of_truth.then(|| {
                view! { <span class="chip mot"><span aria-hidden="true">"★ "</span>"Moment of truth"</span> }
            });
            let channel = (!card.channel.is_empty())
                .then(|| view! { <span class="chip channel">{card.channel.clone()}</span> });
            view! { <div class="card-meta">{emotion}{mot}{channel}</div> }
        });
    let quote = (touchpoint && !card.quote.is_empty())
        .then(|| view! { <blockquote class="card-quote">{card.quote.clone()}</blockquote> });
    let text = if card.text.is_empty() {
        format!("(A {noun} with no text yet)")
    } else {
        card.text.clone()
    };
    let selected = move || editor.panel.get() == Panel::Card(id);
    view! {
        <li class=format!("card kind-{}", kind.key()) class:is-mot=card.moment_of_truth class:is-selected=selected data-card=id.0.to_string()>
            <p class="card-text-ro">{text}</p>
            {meta}
            {quote}
            <div class="card-actions">
                <button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>
                    "Details"<span class="visually-hidden">{format!(" of this {noun}")}</span>
                </button>
            </div>
        </li>
    }
}

/// The table for one grouping and filter.
fn table(
    editor: EditorState,
    map: &JourneyMap,
    groups: Vec<LaneGroup>,
    filter: Option<Id>,
) -> impl IntoView {
    let heads = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let goal = (!s.customer_goal.is_empty()).then(|| {
                view! { <p class="stage-goal"><span class="visually-hidden">"Customer goal: "</span>{s.customer_goal.clone()}</p> }
            });
            view! {
                <th scope="col" class="stage-head" data-stage=s.id.0.to_string()>
                    <div class="stage-title">
                        <span class="stage-number" aria-hidden="true">{i + 1}</span>
                        <span class="stage-name-text">{s.name.clone()}</span>
                    </div>
                    {goal}
                </th>
            }
        })
        .collect_view();
    let columns = map.stages.len() + 1;
    let bodies = groups
        .into_iter()
        .map(|group| {
            let title = match group {
                LaneGroup::All => None,
                LaneGroup::Stakeholder(s) => Some(
                    map.stakeholder(s)
                        .map(|s| format!("{} · {}", s.name, s.role_type.label()))
                        .unwrap_or_default(),
                ),
                LaneGroup::Unassigned => Some("No stakeholder named".to_string()),
            };
            let rows = map
                .lanes
                .iter()
                .map(|lane| {
                    let kind = lane.kind;
                    let cells = map
                        .stages
                        .iter()
                        .map(|stage| {
                            let cards = grid::cell_ids(map, stage.id, lane.id, group, filter)
                                .into_iter()
                                .filter_map(|id| map.card(id))
                                .map(|c| card_view(editor, c, kind))
                                .collect_view();
                            view! { <td class="cell"><ul class="cards">{cards}</ul></td> }
                        })
                        .collect_view();
                    let kind_label = (lane.name != kind.label())
                        .then(|| view! { <span class="lane-kind">{kind.label()}</span> });
                    view! {
                        <tr class=format!("lane kind-{}", kind.key())>
                            <th scope="row" class="lane-head"><span class="lane-name-text">{lane.name.clone()}</span>{kind_label}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let head = title.map(|t| {
                view! { <tr class="group-head"><th scope="rowgroup" colspan=columns>{t}</th></tr> }
            });
            view! { <tbody class="lane-group">{head}{rows}</tbody> }
        })
        .collect_view();
    view! {
        <div class="grid-scroll" tabindex="-1" data-scroll-root="">
            <table class="journey-grid" aria-label="Journey map: stages by lanes">
                <thead>
                    <tr>
                        <th scope="col" class="corner"><span class="visually-hidden">"Lanes"</span></th>
                        {heads}
                    </tr>
                </thead>
                {bodies}
            </table>
        </div>
    }
}

/// The read-only grid.
#[component]
pub fn ReadOnlyGrid() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    move || {
        let grouping = editor.grouping.get();
        let filter = editor.filter.get();
        editor.read(Part::Any, |m| {
            if m.stages.is_empty() {
                view! {
                    <section class="empty-state" data-testid="no-stages">
                        <h2>"No stages yet"</h2>
                        <p>"The sender shared this map before adding any stage. Save a copy to start mapping it yourself."</p>
                    </section>
                }
                .into_any()
            } else {
                table(editor, m, grid::lane_groups(m, grouping, filter), filter).into_any()
            }
        })
    }
}

/// "Touchpoint", "Pain point"…: the heading of a card's details.
pub fn card_heading(kind: LaneKind) -> String {
    capitalise(kind.card_noun())
}
