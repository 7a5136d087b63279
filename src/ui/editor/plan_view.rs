//! The Plan view: opportunities prioritised by RICE (reach, impact, confidence and effort
//! edited in place, each bad value refused with a message beside it; the score and rank;
//! the pain points each one addresses, picked from the map's pains) and the improvement
//! plan (owner, deadline, KPI, baseline, target, status, re-measure date and flags,
//! filtered by owner and stage, sorted by any column). Every change is an edit of the same
//! cards the map shows, in the one undo history. Rows re-sort when a value is committed
//! (Enter, leaving the field, a choice), never under the user's typing.

use crate::adapters::clock::today;
use crate::model::edit::ScopeField;
use crate::model::edit::{self, CardField, Edit};
use crate::model::formulas::{Confidence, Impact};
use crate::model::opportunities::{self as opp, Column, PlanQuery, Ranking};
use crate::model::{Card, Id, LaneKind, PlanStatus, Prioritisation};
use crate::ui::editor::handoff_table::HandoffTable;
use crate::ui::editor::kano_view::KanoView;
use crate::ui::editor::plan_board::PlanBoard;
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::editor::value_effort_view::ValueEffortView;
use leptos::prelude::*;

/// What a row needs from the view: the live ranking and the trigger that re-sorts.
#[derive(Clone, Copy)]
struct Ctx {
    editor: EditorState,
    ranking: Memo<Ranking>,
    resort: RwSignal<u32>,
}

impl Ctx {
    /// Applies `field` to card `id` unless it holds that value already.
    fn set(&self, id: Id, field: CardField) {
        let same = self
            .editor
            .with_map_untracked(|m| m.card(id).map(|c| field.read_from(c) == field));
        if same == Some(false) {
            self.editor.apply(Edit::SetCard(id, field));
        }
    }

    fn commit(&self) {
        self.editor.seal();
        self.resort.update(|n| *n += 1);
    }
}

/// A one-line text or date input bound to a card field.
fn text_cell(
    ctx: Ctx,
    id: Id,
    label: &'static str,
    name: Memo<String>,
    kind: &'static str,
    get: fn(&Card) -> String,
    put: fn(String) -> CardField,
) -> AnyView {
    let editor = ctx.editor;
    let value = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| m.card(id).map(get).unwrap_or_default())
    });
    view! {
        <td><form class="own-form" on:submit=|ev| ev.prevent_default()>
            <input type=kind aria-label=move || format!("{label} of “{}”", name.get())
                readonly=editor.read_only
                prop:value=move || value.get()
                on:input:target=move |ev| ctx.set(id, put(ev.target().value()))
                on:change=move |_| ctx.commit()
                on:blur=move |_| editor.seal()/>
        </form></td>
    }
    .into_any()
}

/// A RICE amount (reach, effort): refused with a message beside it when it is not one.
fn amount_cell(
    ctx: Ctx,
    id: Id,
    label: &'static str,
    name: Memo<String>,
    get: fn(&Card) -> Option<f64>,
    parse: fn(&str) -> Result<Option<f64>, &'static str>,
    put: fn(Option<f64>) -> CardField,
) -> AnyView {
    let editor = ctx.editor;
    let error = RwSignal::new(None::<&'static str>);
    // As the input shows it (a memo of the same type as the other cells': less code).
    let value = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            opp::amount_input(m.card(id).and_then(get))
        })
    });
    let error_id = format!("{}-error-{}", label.to_lowercase(), id.0);
    view! {
        <td class="amount" class:invalid=move || error.get().is_some()>
            <form class="own-form" on:submit=|ev| ev.prevent_default()>
            <input type="text" inputmode="decimal" autocomplete="off"
                aria-label=move || format!("{label} of “{}”", name.get())
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                readonly=editor.read_only
                prop:value=move || value.get()
                on:input:target=move |ev| match parse(&ev.target().value()) {
                    Ok(v) => { error.set(None); ctx.set(id, put(v)); }
                    Err(why) => error.set(Some(why)),
                }
                on:change=move |_| ctx.commit()
                on:blur=move |_| editor.seal()/>
            </form>
            <span class="error-text" id=error_id role="status">{move || error.get()}</span>
        </td>
    }
    .into_any()
}

/// A choice from `options` (key, label), the first being "not set".
fn select_cell(
    ctx: Ctx,
    id: Id,
    label: &'static str,
    name: Memo<String>,
    options: Vec<(&'static str, &'static str)>,
    get: fn(&Card) -> &'static str,
    put: fn(&str) -> CardField,
) -> AnyView {
    let editor = ctx.editor;
    let value =
        Memo::new(move |_| editor.read(Part::Card(id), |m| m.card(id).map_or("", get).to_string()));
    let options = options
        .into_iter()
        .map(|(key, text)| view! { <option value=key selected=move || value.with(|v| v == key)>{text}</option> })
        .collect_view();
    view! {
        <td><select aria-label=move || format!("{label} of “{}”", name.get()) disabled=editor.read_only
            prop:value=move || value.get()
            on:change:target=move |ev| { ctx.set(id, put(&ev.target().value())); ctx.commit(); }>
            {options}
        </select></td>
    }
    .into_any()
}

fn impact_options() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", "Not set"))
        .chain(Impact::ALL.map(|i| (i.key(), i.label())))
        .collect()
}

fn confidence_options() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", "Not set"))
        .chain(Confidence::ALL.map(|c| (c.key(), c.label())))
        .collect()
}

/// The pain points an opportunity addresses: their names, and a list of every pain of
/// the map to tick (drawn only while open).
fn pains_cell(ctx: Ctx, id: Id, name: Memo<String>) -> AnyView {
    let editor = ctx.editor;
    let open = RwSignal::new(false);
    let linked = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(|c| c.addresses.clone()).unwrap_or_default()
        })
    });
    let summary = move || {
        editor.read(Part::Layout, |m| {
            let names: Vec<String> = linked
                .get()
                .iter()
                .filter_map(|p| m.card(*p).map(Card::label))
                .collect();
            if names.is_empty() {
                "No pain point linked".to_string()
            } else {
                names.join("; ")
            }
        })
    };
    let choices = move || {
        open.get().then(|| {
            let pains: Vec<(Id, String, String)> = editor.read(Part::Layout, |m| {
                opp::cards_in_journey_order(m, LaneKind::PainPoints)
                    .into_iter()
                    .map(|p| {
                        let stage = m.stage(p.stage).map(|s| s.name.clone()).unwrap_or_default();
                        (p.id, Card::label(p), stage)
                    })
                    .collect()
            });
            if pains.is_empty() {
                return view! { <p class="hint">"The map has no pain points yet."</p> }.into_any();
            }
            pains
                .into_iter()
                .map(|(pain, text, stage)| {
                    view! {
                        <label class="check">
                            <input type="checkbox" disabled=editor.read_only
                                prop:checked=move || linked.with(|l| l.contains(&pain))
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    editor.apply_with(|m| opp::link(m, id, pain, on));
                                }/>
                            {text}<span class="hint">{format!(" ({stage})")}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <td class="pains">
            <details on:toggle:target=move |ev| open.set(ev.target().open())>
                <summary>{summary}<span class="visually-hidden">{move || format!(": pain points “{}” addresses", name.get())}</span></summary>
                <fieldset class="pain-choices">
                    <legend class="visually-hidden">{move || format!("Pain points “{}” addresses", name.get())}</legend>
                    {choices}
                </fieldset>
            </details>
        </td>
    }
    .into_any()
}

/// The rank cell, live.
fn rank_cell(ctx: Ctx, id: Id) -> AnyView {
    view! {
        <td class="rank">{move || ctx.ranking.with(|r| r.rank_of(id)).map_or("–".to_string(), |r| r.to_string())}</td>
    }
    .into_any()
}

/// The opportunity's name (opens its card) and stage.
fn name_cells(ctx: Ctx, id: Id, name: Memo<String>) -> AnyView {
    let editor = ctx.editor;
    let stage = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            editor.track(Part::Stages);
            m.card(id)
                .and_then(|c| m.stage(c.stage))
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{move || name.get()}</button></th>
        <td>{move || stage.get()}</td>
    }
    .into_any()
}

fn name_memo(editor: EditorState, id: Id) -> Memo<String> {
    Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(Card::label).unwrap_or_default()
        })
    })
}

/// One opportunity in the RICE table.
fn rice_row(ctx: Ctx, id: Id) -> impl IntoView {
    let editor = ctx.editor;
    let name = name_memo(editor, id);
    let score = move || {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(|c| match opp::score(c) {
                Some(s) => opp::format_amount(s),
                None => format!("Needs {}", opp::missing_inputs(c).join(", ")),
            })
        })
    };
    view! {
        <tr data-card=id.0.to_string()>
            {rank_cell(ctx, id)}
            {name_cells(ctx, id, name)}
            {amount_cell(ctx, id, "Reach", name, |c| c.reach, opp::parse_reach, CardField::Reach)}
            {text_cell(ctx, id, "Reach period", name, "text", |c| c.reach_period.clone(), CardField::ReachPeriod)}
            {select_cell(ctx, id, "Impact", name, impact_options(), |c| c.rice_impact.map_or("", Impact::key), |k| CardField::RiceImpact(Impact::from_key(k)))}
            {select_cell(ctx, id, "Confidence", name, confidence_options(), |c| c.rice_confidence.map_or("", Confidence::key), |k| CardField::RiceConfidence(Confidence::from_key(k)))}
            {amount_cell(ctx, id, "Effort", name, |c| c.effort_months, opp::parse_effort, CardField::EffortMonths)}
            <td class="score" data-testid="rice-score">{score}</td>
            {pains_cell(ctx, id, name)}
        </tr>
    }
}

/// One opportunity in the improvement plan.
fn plan_row(ctx: Ctx, id: Id, today: crate::model::dates::Date) -> impl IntoView {
    let editor = ctx.editor;
    let name = name_memo(editor, id);
    let remeasure = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id)
                .and_then(opp::remeasure_date)
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    });
    let card = move |f: fn(&Card, crate::model::dates::Date) -> &'static str| {
        editor.read(Part::Card(id), |m| m.card(id).map_or("", |c| f(c, today)))
    };
    let remeasure_id = format!("remeasure-note-{}", id.0);
    let status_options: Vec<(&'static str, &'static str)> = PlanStatus::ALL
        .iter()
        .map(|s| (s.key(), s.label()))
        .collect();
    view! {
        <tr data-card=id.0.to_string()>
            {rank_cell(ctx, id)}
            {name_cells(ctx, id, name)}
            {text_cell(ctx, id, "Owner", name, "text", |c| c.owner.clone(), CardField::Owner)}
            {text_cell(ctx, id, "Deadline", name, "date", |c| c.deadline.clone(), CardField::Deadline)}
            {text_cell(ctx, id, "KPI", name, "text", |c| c.kpi.clone(), CardField::Kpi)}
            {text_cell(ctx, id, "Baseline", name, "text", |c| c.baseline.clone(), CardField::Baseline)}
            {text_cell(ctx, id, "Target", name, "text", |c| c.target.clone(), CardField::Target)}
            {select_cell(ctx, id, "Status", name, status_options, |c| c.status.key(), |k| CardField::Status(PlanStatus::from_key(k).unwrap_or_default()))}
            <td><form class="own-form" on:submit=|ev| ev.prevent_default()>
                <input type="date" aria-label=move || format!("Re-measure date of “{}”", name.get())
                    aria-describedby=remeasure_id.clone()
                    readonly=editor.read_only
                    prop:value=move || remeasure.get()
                    on:input:target=move |ev| ctx.set(id, CardField::Remeasure(ev.target().value()))
                    on:change=move |_| ctx.commit()
                    on:blur=move |_| editor.seal()/>
                </form>
                <span class="hint" id=remeasure_id>{move || card(|c, _| match (opp::remeasure_is_default(c), opp::remeasure_date(c)) {
                    (true, Some(_)) => "Deadline + 90 days",
                    (true, None) => "Set a deadline",
                    _ => "",
                })}</span>
            </td>
            <td class="flags" data-testid="plan-flags">{move || {
                let flag = card(|c, today| {
                    let f = opp::flags(c, today);
                    if f.overdue { "Overdue" } else if f.remeasure_due { "Re-measure due" } else { "" }
                });
                (!flag.is_empty()).then(|| view! { <span class="flag">{flag}</span> })
            }}</td>
        </tr>
    }
}

/// A sortable column heading: a button that sorts by it, then reverses.
fn sort_heading(query: RwSignal<PlanQuery>, column: Column) -> impl IntoView {
    let sorted = move || query.with(|q| q.sort == column);
    view! {
        <th scope="col" aria-sort=move || match (sorted(), query.with(|q| q.descending)) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }>
            <button type="button" class="sort" on:click=move |_| query.update(|q| {
                q.descending = q.sort == column && !q.descending;
                q.sort = column;
            })>
                {column.label()}
                <span aria-hidden="true">{move || match (sorted(), query.with(|q| q.descending)) {
                    (false, _) => "",
                    (true, false) => " ▲",
                    (true, true) => " ▼",
                }}</span>
            </button>
        </th>
    }
}

/// The form that adds an opportunity to a stage.
fn add_form(editor: EditorState, stages: Memo<Vec<(Id, String)>>) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(lane) = editor.with_map_untracked(|m| m.lane_of_kind(LaneKind::Opportunities))
        else {
            editor
                .toasts
                .info("The map has no Opportunities lane: add one in the map first.");
            return;
        };
        let stage = chosen
            .get_untracked()
            .parse()
            .ok()
            .map(Id)
            .or_else(|| stages.with_untracked(|s| s.first().map(|s| s.0)));
        let Some(stage) = stage else { return };
        let id = editor.new_id();
        let card = Card {
            id,
            stage,
            lane,
            ..Card::default()
        };
        if editor.apply_with(|m| Some(edit::add_card(m, card))) {
            editor.panel.set(Panel::Card(id));
        }
    };
    view! {
        <form class="add-opportunity" on:submit=add>
            <label class="field inline">
                <span class="field-label">"Stage"</span>
                <select prop:value=move || chosen.get() on:change:target=move |ev| chosen.set(ev.target().value())>
                    {move || stages.get().into_iter().map(|(id, name)| view! { <option value=id.0.to_string()>{name}</option> }).collect_view()}
                </select>
            </label>
            <button type="submit" class="button" data-testid="add-opportunity">"Add an opportunity"</button>
        </form>
    }
}

/// The Plan view.
#[component]
pub fn PlanView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let today = today();
    let ranking = Memo::new(move |_| editor.read(Part::Any, opp::rank));
    let resort = RwSignal::new(0u32);
    let ctx = Ctx {
        editor,
        ranking,
        resort,
    };
    let query = RwSignal::new(PlanQuery::default());
    let rice_order = Memo::new(move |_| {
        resort.track();
        editor.track(Part::Layout);
        editor.with_map_untracked(|m| {
            let r = opp::rank(m);
            r.ranked
                .iter()
                .map(|x| x.card)
                .chain(r.unscored)
                .collect::<Vec<_>>()
        })
    });
    let plan_order = Memo::new(move |_| {
        resort.track();
        editor.track(Part::Layout);
        let q = query.get();
        editor.with_map_untracked(|m| opp::plan_rows(m, &q, today))
    });
    let stages = Memo::new(move |_| {
        editor.read(Part::Stages, |m| {
            m.stages
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let owners = move || {
        resort.track();
        editor.track(Part::Layout);
        editor.with_map_untracked(opp::owners)
    };
    let none = Memo::new(move |_| rice_order.with(Vec::is_empty));
    let tables = move || {
        if none.get() {
            return view! {
                <p class="empty-state">"No opportunities yet. Add one for each pain point worth fixing, then give it reach, impact, confidence and effort to rank it."</p>
            }
            .into_any();
        }
        let rice = move || {
            view! {
                <h3 id="rice-title">"RICE"</h3>
                <div class="table-scroll">
                    <table class="data-table plan-table" data-testid="rice-table">
                        <caption class="visually-hidden">"Opportunities by RICE score, highest first"</caption>
                        <thead><tr>
                            <th scope="col">"Rank"</th><th scope="col">"Opportunity"</th><th scope="col">"Stage"</th>
                            <th scope="col">"Reach"</th><th scope="col">"Per"</th><th scope="col">"Impact"</th>
                            <th scope="col">"Confidence"</th><th scope="col">"Effort (person-months)"</th>
                            <th scope="col">"RICE score"</th><th scope="col">"Pain points addressed"</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || rice_order.get() key=|id| *id let:id>{rice_row(ctx, id)}</For>
                        </tbody>
                    </table>
                </div>
            }
        };
        let first = Memo::new(move |_| editor.read(Part::Scope, |m| m.scope.prioritise_by));
        let blocks = move || {
            first
                .get()
                .order()
                .map(|p| match p {
                    Prioritisation::Rice => rice().into_any(),
                    Prioritisation::ValueEffort => view! { <ValueEffortView/> }.into_any(),
                    Prioritisation::Kano => view! { <KanoView/> }.into_any(),
                })
                .into_iter()
                .collect_view()
        };
        view! {
            <label class="field inline prioritise-by">
                <span class="field-label">"Prioritise this map by (shown first)"</span>
                <select data-testid="prioritise-by" disabled=editor.read_only
                    prop:value=move || first.get().key()
                    on:change:target=move |ev| {
                        if let Some(p) = Prioritisation::from_key(&ev.target().value()) {
                            editor.apply(Edit::SetScope(ScopeField::PrioritiseBy(p)));
                            editor.seal();
                        }
                    }>
                    {Prioritisation::ALL.map(|p| view! { <option value=p.key() selected=move || first.get() == p>{p.label()}</option> }).into_iter().collect_view()}
                </select>
            </label>
            {blocks}
            <h3 id="plan-title">"Improvement plan"</h3>
            <p class="hint">"Re-measure each KPI the same way 90 days after the deadline (or on the date you set), then mark the opportunity Measured."</p>
            <div class="plan-filters">
                <label class="field inline">
                    <span class="field-label">"Owner"</span>
                    <select data-testid="plan-owner-filter"
                        prop:value=move || query.with(|q| q.owner.clone().map_or("*".into(), |o| if o.is_empty() { "-".into() } else { o }))
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            query.update(|q| q.owner = match v.as_str() { "*" => None, "-" => Some(String::new()), o => Some(o.to_string()) });
                        }>
                        <option value="*">"Everyone"</option>
                        <option value="-">"No owner yet"</option>
                        {move || owners().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field inline">
                    <span class="field-label">"Stage"</span>
                    <select data-testid="plan-stage-filter"
                        prop:value=move || query.with(|q| q.stage.map_or(String::new(), |s| s.0.to_string()))
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            query.update(|q| q.stage = v.parse().ok().map(Id));
                        }>
                        <option value="">"Every stage"</option>
                        {move || stages.get().into_iter().map(|(id, name)| view! { <option value=id.0.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
                <span class="hint" role="status">{move || match plan_order.with(Vec::len) { 1 => "1 opportunity shown".to_string(), n => format!("{n} opportunities shown") }}</span>
            </div>
            <div class="table-scroll">
                <table class="data-table plan-table" data-testid="plan-table" aria-labelledby="plan-title">
                    <thead><tr>
                        {Column::PLAN.map(|c| sort_heading(query, c)).into_iter().collect_view()}
                    </tr></thead>
                    <tbody>
                        <For each=move || plan_order.get() key=|id| *id let:id>{plan_row(ctx, id, today)}</For>
                    </tbody>
                </table>
            </div>
            <PlanBoard/>
        }
        .into_any()
    };
    view! {
        <section class="priorities plan" aria-labelledby="plan-view-title" data-testid="plan">
            <h2 id="plan-view-title">"Plan: opportunities by RICE, value–effort and Kano"</h2>
            <p class="rule" data-testid="rice-rule">{opp::RULE}</p>
            {(!editor.read_only).then(|| add_form(editor, stages))}
            {tables}
            <HandoffTable/>
        </section>
    }
}
