//! The map as a read-only grid: stages as columns, lanes as rows (optionally one group
//! of lanes per stakeholder), cards as text with their emotion, channel, moment of truth
//! and the customer's words. Drawn once per grouping and filter: nothing in it changes.

use crate::adapters::tasks::next_task;
use crate::model::grid::{self, LaneGroup};
use crate::model::priorities::{self, Ranking};
use crate::model::{handoffs, Card, Id, JourneyMap, LaneKind};
use crate::ui::editor::card::{capitalise, emotion_class};
use crate::ui::editor::handoff_panel::HandoffBadge;
use crate::ui::editor::priorities_view::{top_in_stage, top_label};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// One card, read-only, with a button that opens its details.
fn card_view(
    editor: EditorState,
    card: &Card,
    kind: LaneKind,
    top: Option<usize>,
) -> impl IntoView {
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
    let metric = card.metric.as_ref().map(|m| {
        let (line, spoken) = crate::ui::editor::metric_badge::describe(m);
        let bar = m.progress().map(|p| view! {
            <span class=crate::ui::editor::metric_badge::trend_class(m) role="img" aria-label=spoken>
                <span class="metric-fill" style=format!("width: {}%", (p.fraction * 100.0).round() as i64)></span>
            </span>
        });
        view! { <div class="metric-badge"><span class="metric-value">{line}</span>{bar}</div> }
    });
    let quote = (touchpoint && !card.quote.is_empty())
        .then(|| view! { <blockquote class="card-quote">{card.quote.clone()}</blockquote> });
    let text = if card.text.is_empty() {
        format!("(A {noun} with no text yet)")
    } else {
        card.text.clone()
    };
    let selected = move || editor.panel.get() == Panel::Card(id);
    let badge = top.map(|n| view! { <span class="top-badge" data-testid="top-badge">{format!("Top {n} friction point")}</span> });
    view! {
        <li class=format!("card kind-{}", kind.key()) class:is-mot=card.moment_of_truth class:is-selected=selected data-card=id.0.to_string()>
            <p class="card-text-ro">{text}</p>
            {meta}
            {metric}
            {quote}
            {badge}
            <div class="card-actions">
                <button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>
                    "Details"<span class="visually-hidden">{format!(" of this {noun}")}</span>
                </button>
            </div>
        </li>
    }
}

/// Lane rows drawn in the first task; then one more per task, so that drawing a big map
/// never blocks the page (with the CPU four times slower, as Lighthouse's phone, a row of
/// the realistic shared map takes about 40 ms, the whole map 130 to 250 ms).
const ROWS_FIRST: usize = 2;

/// One lane's row within a lane group.
fn lane_row(
    editor: EditorState,
    map: &JourneyMap,
    ranking: &Ranking,
    group: LaneGroup,
    lane: Id,
    filter: Option<Id>,
) -> impl IntoView {
    let lane = map.lane(lane).cloned().unwrap_or_default();
    let kind = lane.kind;
    let cells = map
        .stages
        .iter()
        .map(|stage| {
            let cards = grid::cell_ids(map, stage.id, lane.id, group, filter)
                .into_iter()
                .filter_map(|id| map.card(id))
                .map(|c| card_view(editor, c, kind, ranking.top_rank_of(c.id)))
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
}

/// The table for one grouping and filter, its first `shown` lane rows drawn.
fn table(
    editor: EditorState,
    map: &JourneyMap,
    groups: Vec<LaneGroup>,
    filter: Option<Id>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    let ranking = priorities::rank(map);
    let heads = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let ranks = top_in_stage(map, &ranking, s.id);
            let top = (!ranks.is_empty()).then(|| view! { <p class="stage-top" data-testid="stage-top">{top_label(&ranks)}</p> });
            let goal = (!s.customer_goal.is_empty()).then(|| {
                view! { <p class="stage-goal"><span class="visually-hidden">"Customer goal: "</span>{s.customer_goal.clone()}</p> }
            });
            let handoff = handoffs::into_stage(map, s.id).map(|h| {
                let owned = !h.to.handoff_owner.trim().is_empty();
                view! { <HandoffBadge to=s.id teams=h.teams() owned=owned/> }
            });
            view! {
                <th scope="col" class="stage-head" data-stage=s.id.0.to_string()>
                    <div class="stage-title">
                        <span class="stage-number" aria-hidden="true">{i + 1}</span>
                        <span class="stage-name-text">{s.name.clone()}</span>
                    </div>
                    {handoff}
                    {top}
                    {goal}
                </th>
            }
        })
        .collect_view();
    let columns = map.stages.len() + 1;
    let ranked = StoredValue::new(ranking);
    let lanes: Vec<Id> = map.lanes.iter().map(|l| l.id).collect();
    let bodies = groups
        .into_iter()
        .enumerate()
        .map(|(g, group)| {
            let title = match group {
                LaneGroup::All => None,
                LaneGroup::Stakeholder(s) => Some(
                    map.stakeholder(s)
                        .map(|s| format!("{} · {}", s.name, s.role_type.label()))
                        .unwrap_or_default(),
                ),
                LaneGroup::Unassigned => Some("No stakeholder named".to_string()),
            };
            let rows = lanes
                .iter()
                .enumerate()
                .map(|(l, &lane)| {
                    let index = g * lanes.len() + l;
                    // Once drawn, a row stays: only the step from hidden to shown re-runs.
                    let visible = Memo::new(move |_| shown.get() > index);
                    move || {
                        visible.get().then(|| {
                            editor.with_map_untracked(|m| {
                                ranked.with_value(|r| lane_row(editor, m, r, group, lane, filter))
                            })
                        })
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
                return view! {
                    <section class="empty-state" data-testid="no-stages">
                        <h2>"No stages yet"</h2>
                        <p>"The sender shared this map before adding any stage. Save a copy to start mapping it yourself."</p>
                    </section>
                }
                .into_any();
            }
            let groups = grid::lane_groups(m, grouping, filter);
            let total = groups.len() * m.lanes.len();
            // Redrawn from scratch when the grouping or the filter changes: this signal
            // then goes with the old table, and so does the loop that feeds it.
            let shown = RwSignal::new(ROWS_FIRST.min(total));
            leptos::task::spawn_local(async move {
                loop {
                    next_task().await;
                    let more = shown.try_update(|n| {
                        *n = (*n + 1).min(total);
                        *n < total
                    });
                    if more != Some(true) {
                        break;
                    }
                }
            });
            table(editor, m, groups, filter, shown).into_any()
        })
    }
}

/// "Touchpoint", "Pain point"…: the heading of a card's details.
pub fn card_heading(kind: LaneKind) -> String {
    capitalise(kind.card_noun())
}
