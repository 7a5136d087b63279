//! The Priorities view: every pain point with its stage, evidence and five scores,
//! editable in place from the keyboard, ranked by impact with the rule in words; the top
//! three marked; unscored pains listed apart with what to score. Read-only where the
//! editor is (a map from a newer version).

use crate::dom::visible::{from_next_paint, use_near_viewport};
use crate::model::edit::{CardField, Edit};
use crate::model::opportunities;
use crate::model::pain_matrix::place;
use crate::model::priorities::{self, Ranking, ScoreKey};
use crate::model::{Id, JourneyMap, PainScores};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::later::Later;
use crate::ui::pain_matrix::PainMatrixChart;
use leptos::prelude::*;

/// The five scores, as (column heading, getter, setter).
type Score = (
    &'static str,
    fn(&PainScores) -> Option<u8>,
    fn(&mut PainScores, Option<u8>),
);
const SCORES: [Score; 5] = [
    ("Magnitude", |s| s.magnitude, |s, v| s.magnitude = v),
    ("Severity", |s| s.severity, |s, v| s.severity = v),
    ("Frequency", |s| s.frequency, |s, v| s.frequency = v),
    (
        "Business impact",
        |s| s.business_impact,
        |s, v| s.business_impact = v,
    ),
    ("Effort", |s| s.effort, |s, v| s.effort = v),
];

/// The ranking of the open map, shared by the views that show it (provided by the
/// editor page, recomputed once per edit).
#[derive(Clone, Copy)]
pub struct PainRanking(pub Memo<Ranking>);

impl PainRanking {
    /// The ranking of the editor's map.
    pub fn new(editor: EditorState) -> PainRanking {
        PainRanking(Memo::new(move |_| editor.read(Part::Any, priorities::rank)))
    }
}

/// When the tables take the ranking's order: a row stays under the user's typing and
/// tabbing (its rank and impact change as they type) and moves on Enter, keeping the
/// focus, or when the focus leaves the tables. A row moved while the keyboard is in it
/// would lose the focus; moving one at every key also cost most of the key's frame on a
/// big map (the keyed list moves the rows between; Priorities benchmark).
#[derive(Clone, Copy)]
struct Order {
    /// A score box holds typing not yet committed.
    typing: RwSignal<bool>,
    /// Bumped at each commit: the tables take the live order.
    resort: RwSignal<u32>,
}

impl Order {
    /// Enter in a score box: the row may move, the box keeps the focus.
    fn commit_here(self) {
        self.typing.set(false);
        crate::dom::focus::keep(|| self.resort.update(|n| *n += 1));
    }

    /// The focus has left the tables: nothing to keep.
    fn commit(self) {
        self.typing.set(false);
        self.resort.update(|n| *n += 1);
    }
}

/// One score cell: a spin button (the ARIA pattern) that takes a score from the keyboard:
/// a digit 1 to 5 sets it, Arrow Up and Down step it, Home and End give 1 and 5, Delete
/// or Backspace clears it; any other character is refused with a message, and the score
/// stays as it was. Not an `<input>`: a text box carries a shadow tree and a scroller of
/// its own, five a row, and they were most of a row's cost at the view's opening and of
/// the compositor's work at each edit (Priorities benchmark). On a touch screen, where no
/// keyboard would come up, a tap opens the pain's details with its score boxes (the
/// section's pointer handler).
fn score_cell(shared: Shared, id: Id, score: Score, pain: Signal<String>) -> impl IntoView {
    let Shared {
        editor,
        order,
        refused,
        ..
    } = shared;
    let (heading, get, put) = score;
    let error = Signal::derive(move || {
        refused.0.with(|r| {
            r.filter(|r| r.card == id && r.heading == heading)
                .map(|r| r.why)
        })
    });
    let value = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| m.card(id).and_then(|c| get(&c.scores)))
    });
    let set = move |v: Option<u8>| {
        let Some(mut scores) = editor.with_map_untracked(|m| m.card(id).map(|c| c.scores)) else {
            return;
        };
        if get(&scores) != v {
            put(&mut scores, v);
            editor.apply(Edit::SetCard(id, CardField::Scores(scores)));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            return order.commit_here();
        }
        let typed = priorities::score_key(&key, value.get_untracked());
        if typed == ScoreKey::Pass {
            return;
        }
        ev.prevent_default();
        if editor.read_only {
            return;
        }
        match typed {
            ScoreKey::Set(v) => {
                order.typing.set(true);
                refused.clear();
                set(v);
            }
            ScoreKey::Refuse(why) => {
                order.typing.set(true);
                refused.0.set(Some(Refusal {
                    card: id,
                    heading,
                    why,
                }));
            }
            ScoreKey::Swallow | ScoreKey::Pass => {}
        }
    };
    // The message exists only while there is one (a cell's parts cost the view's
    // opening frame: five cells a row); it is announced as it appears.
    let error_id = move || format!("score-error-{}-{}", id.0, heading.len());
    view! {
        <td class="score">
            <span class="score-box" role="spinbutton" tabindex="0" aria-valuemin="1" aria-valuemax="5"
                aria-label=move || format!("{heading} of “{}”", pain.get())
                aria-valuenow=move || value.get().map(|v| v.to_string())
                aria-valuetext=move || value.get().is_none().then_some("not scored")
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| error_id())
                aria-readonly=editor.read_only.then_some("true")
                on:keydown=on_keydown>
                {move || value.get().map(|v| v.to_string())}
            </span>
            {move || error.get().map(|why| view! { <span class="error-pop"><span class="error-text" id=error_id() role="alert">{why}</span></span> })}
        </td>
    }
}

/// The key a score box refused last, while its message shows: one at a time, gone when
/// the focus moves on (it would cover the row below).
#[derive(Clone, Copy)]
struct Refused(RwSignal<Option<Refusal>>);

#[derive(Clone, Copy, PartialEq)]
struct Refusal {
    card: Id,
    /// The score's column.
    heading: &'static str,
    why: &'static str,
}

impl Refused {
    fn clear(self) {
        if self.0.with_untracked(Option::is_some) {
            self.0.set(None);
        }
    }
}

/// The pain points no opportunity addresses (flagged in the list).
#[derive(Clone, Copy)]
struct Unaddressed(Memo<Vec<Id>>);

/// What every row of both tables reads.
#[derive(Clone, Copy)]
struct Shared {
    editor: EditorState,
    order: Order,
    ranking: PainRanking,
    unaddressed: Unaddressed,
    refused: Refused,
}

/// One pain point's row.
fn pain_row(shared: Shared, id: Id, row_index: Signal<usize>) -> impl IntoView {
    let Shared {
        editor,
        ranking,
        unaddressed,
        ..
    } = shared;
    let info = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            editor.track(Part::Stages);
            m.card(id).map(|c| {
                let stage = m.stage(c.stage).map(|s| s.name.clone()).unwrap_or_default();
                (c.text.clone(), stage, c.evidence.clone())
            })
        })
    });
    let text =
        Signal::derive(move || info.with(|i| i.as_ref().map(|i| i.0.clone()).unwrap_or_default()));
    let ranked = Memo::new(move |_| {
        ranking
            .0
            .with(|r| r.ranked.iter().find(|x| x.card == id).copied())
    });
    let top = move || ranked.get().is_some_and(|r| r.rank <= priorities::TOP);
    let cells = SCORES
        .map(|s| score_cell(shared, id, s, text))
        .into_iter()
        .collect_view();
    view! {
        <tr class:top=top data-card=id.0.to_string() aria-rowindex=move || row_index.get().to_string()>
            <td class="rank"><span class="fixed-line">{move || match ranked.get() {
                Some(r) if r.rank <= priorities::TOP => view! { <span class="top-badge">{format!("Top {}", r.rank)}</span> }.into_any(),
                Some(r) => r.rank.to_string().into_any(),
                None => "–".into_any(),
            }}</span></td>
            <th scope="row">
                <button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>
                    {move || { let t = text.get(); if t.is_empty() { "(no text yet)".to_string() } else { t } }}
                </button>
                {move || unaddressed.0.with(|u| u.contains(&id)).then(|| view! { <span class="flag" data-testid="no-opportunity">"No opportunity"</span> })}
            </th>
            <td>{move || info.with(|i| i.as_ref().map(|i| i.1.clone()).unwrap_or_default())}</td>
            <td class="evidence">{move || info.with(|i| i.as_ref().map(|i| i.2.clone()).unwrap_or_default())}</td>
            {cells}
            <td class="impact"><span class="fixed-line">{move || ranked.get().map(|r| r.impact.to_string()).unwrap_or_else(|| "–".into())}</span></td>
        </tr>
    }
}

/// Rows the two tables mount with the view, the ranked table first: every row of the
/// templates, and on a big map the top of the first screen, so that the frame which
/// opens the view fits in 16 ms; the rest of the screen follows in the next frame, and
/// the rows below as they near the viewport. A row costs about 1.3 ms to mount, style and
/// lay out (its five score boxes most of it); all 100 rows of the big map took 100 ms
/// (Priorities benchmark).
const FIRST_ROWS: usize = 6;
/// Rows mounted at a time (one batch a frame) as the space below the mounted ones nears
/// the viewport.
const MORE_ROWS: usize = 8;
/// Space reserved per row not yet mounted, so the scrollbar is about right.
const PENDING_ROW_PX: usize = 56;

/// The rows a table mounts: the first `wanted` of `ids`, and every row mounted before
/// (however far down a re-sort took it), so that a row never goes while it may hold the
/// focus. Always a leading part of `ids`, so the rows show without gaps.
fn mounted_rows(ids: &[Id], wanted: usize, before: &[Id]) -> usize {
    let last_kept = ids
        .iter()
        .rposition(|id| before.contains(id))
        .map_or(0, |i| i + 1);
    wanted.max(last_kept).min(ids.len())
}

/// A table of pain points (the ranked ones, or the unscored ones): one function, so that
/// both tables share one keyed list (each `<For>` costs its own copy of the list code).
/// Rows mount in chunks as they near the viewport, like the map's cards; the table tells
/// assistive technology how many rows it has in all (`aria-rowcount`, `aria-rowindex`).
fn pains_table(
    shared: Shared,
    ids: Memo<Vec<Id>>,
    caption: &'static str,
    testid: &'static str,
    first_rows: usize,
) -> impl IntoView {
    let wanted = RwSignal::new(first_rows);
    let shown = Memo::new(move |before: Option<&Vec<Id>>| {
        ids.with(|ids| {
            ids[..mounted_rows(ids, wanted.get(), before.map_or(&[], Vec::as_slice))].to_vec()
        })
    });
    let pending = move || ids.with(Vec::len).saturating_sub(shown.with(Vec::len));
    let placeholder = NodeRef::<leptos::html::Div>::new();
    let waiting = move || {
        matches!(
            (ids.try_with_untracked(Vec::len), shown.try_with_untracked(Vec::len)),
            (Some(total), Some(now)) if now < total
        )
    };
    // More rows only after the view's first paint: the first screen is all the frame
    // that opens the view draws.
    let rearm = use_near_viewport(placeholder, from_next_paint(waiting), move || {
        if let Some(now) = shown.try_with_untracked(Vec::len) {
            wanted.try_set(now + MORE_ROWS);
        }
    });
    Effect::new(move |_| {
        shown.track();
        rearm();
    });
    // Row 1 is the heading row.
    let index = move |id: Id| {
        Signal::derive(move || shown.with(|s| s.iter().position(|x| *x == id).map_or(0, |i| i + 2)))
    };
    view! {
        <div class="table-scroll">
            <table class="data-table priorities-table" data-testid=testid
                aria-rowcount=move || (ids.with(Vec::len) + 1).to_string()>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr aria-rowindex="1">
                    <th scope="col">"Rank"</th><th scope="col">"Pain point"</th><th scope="col">"Stage"</th><th scope="col">"Evidence"</th>
                    {SCORES.map(|(h, _, _)| view! { <th scope="col" class="score">{h}</th> }).into_iter().collect_view()}
                    <th scope="col">"Impact"</th>
                </tr></thead>
                <tbody>
                    <For each=move || shown.get() key=|id| *id let:id>{pain_row(shared, id, index(id))}</For>
                </tbody>
            </table>
            <div class="rows-pending" node_ref=placeholder aria-hidden="true"
                style=move || format!("height: {}px", pending() * PENDING_ROW_PX)></div>
        </div>
    }
}

/// The Priorities view.
#[component]
pub fn PrioritiesView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ranking = expect_context::<PainRanking>();
    let order = Order {
        typing: RwSignal::new(false),
        resort: RwSignal::new(0),
    };
    // The two tables' rows: the live ranking, except while a score is being typed, when
    // the same pains keep the places they had (a pain added or removed elsewhere shows
    // at once).
    let shown = Memo::new(move |before: Option<&(Vec<Id>, Vec<Id>)>| {
        order.resort.track();
        let live = ranking.0.with(|r| {
            (
                r.ranked.iter().map(|x| x.card).collect::<Vec<_>>(),
                r.unscored.clone(),
            )
        });
        let members = |(a, b): &(Vec<Id>, Vec<Id>)| {
            let mut all: Vec<Id> = a.iter().chain(b).copied().collect();
            all.sort();
            all
        };
        match before {
            Some(before) if order.typing.get_untracked() && members(before) == members(&live) => {
                before.clone()
            }
            _ => live,
        }
    });
    let ranked = Memo::new(move |_| shown.with(|s| s.0.clone()));
    let unscored = Memo::new(move |_| shown.with(|s| s.1.clone()));
    let unaddressed = Unaddressed(Memo::new(move |_| {
        editor.read(Part::Any, opportunities::pains_without_opportunity)
    }));
    let refused = Refused(RwSignal::new(None));
    let shared = Shared {
        editor,
        order,
        ranking,
        unaddressed,
        refused,
    };
    // Each part is drawn when it appears and goes when it goes, not at every change of
    // the lists. (One closure that rebuilt the whole body when a table appeared kept the
    // old, same-typed view: a pain unscored in place vanished from both tables.)
    let ranked_empty = Memo::new(move |_| ranked.with(Vec::is_empty));
    let unscored_empty = Memo::new(move |_| unscored.with(Vec::is_empty));
    let none = Memo::new(move |_| ranked_empty.get() && unscored_empty.get());
    let empty_state = move || {
        none.get().then(|| view! {
            <p class="empty-state">"No pain points yet. Add them in the map's Pain points lane, with the evidence behind each, then score them here."</p>
        })
    };
    let scored = move || {
        (!ranked_empty.get()).then(|| {
            untrack(|| {
                pains_table(
                    shared,
                    ranked,
                    "Scored pain points, highest impact first",
                    "ranked-pains",
                    FIRST_ROWS,
                )
            })
        })
    };
    let waiting = move || {
        (!unscored_empty.get()).then(|| {
            untrack(|| {
                view! {
                    <h3>{move || format!("Not scored yet ({})", unscored.with(Vec::len))}</h3>
                    <p class="hint">"Give each of these a magnitude, severity, frequency and business impact from 1 to 5 to rank it; effort breaks ties."</p>
                    {pains_table(shared, unscored, "Pain points not scored yet", "unscored-pains", FIRST_ROWS.saturating_sub(ranked.with(Vec::len)))}
                }
            })
        })
    };
    // Drawing the matrix (a canvas) took 10 ms of the frame that opens the view.
    let matrix = move || {
        let placement = move |axes| {
            ranking
                .0
                .with(|r| editor.read(Part::Any, |m| place(m, r, axes)))
        };
        (!none.get()).then(|| view! {
            <Later min_height="36rem"><PainMatrixChart place=placement advice=": score them in the tables above"/></Later>
        })
    };
    view! {
        <section class="priorities" aria-labelledby="priorities-title" data-testid="priorities"
            on:focusout=move |ev: leptos::ev::FocusEvent| {
                use wasm_bindgen::JsCast;
                let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let here = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                // A score box left: what was typed in it is one undo step, and a message
                // about a key it refused goes.
                editor.seal();
                refused.clear();
                if here.is_some_and(|s| !s.contains(inside.as_ref())) {
                    order.commit();
                }
            }
            on:pointerup=move |ev: leptos::ev::PointerEvent| {
                // A tap on a score opens the pain's details, whose score boxes bring up
                // the screen's keyboard (a spin button would not). One handler for the
                // section, not one a box: five a row cost the view's opening frame.
                use wasm_bindgen::JsCast;
                if ev.pointer_type() == "mouse" || editor.read_only {
                    return;
                }
                let card = ev.target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .filter(|e| e.class_list().contains("score-box"))
                    .and_then(|e| e.closest("tr[data-card]").ok().flatten())
                    .and_then(|row| row.get_attribute("data-card"))
                    .and_then(|id| id.parse().ok());
                if let Some(id) = card {
                    editor.panel.set(Panel::Card(Id(id)));
                }
            }>
            <h2 id="priorities-title">"Priorities: pain points by impact"</h2>
            <p class="rule" data-testid="priority-rule">{priorities::RULE}</p>
            {empty_state}{scored}{waiting}{matrix}
        </section>
    }
}

/// How many of the top three friction points sit in `stage`, for its header.
pub fn top_in_stage(map: &JourneyMap, ranking: &Ranking, stage: Id) -> Vec<usize> {
    ranking
        .top()
        .filter(|r| map.card(r.card).is_some_and(|c| c.stage == stage))
        .map(|r| r.rank)
        .collect()
}

/// "Top friction point 1" or "Top friction points 1 and 3", for a stage's header.
pub fn top_label(ranks: &[usize]) -> String {
    let list: Vec<String> = ranks.iter().map(|r| r.to_string()).collect();
    match list.as_slice() {
        [one] => format!("Top friction point {one}"),
        [init @ .., last] => format!("Top friction points {} and {last}", init.join(", ")),
        [] => String::new(),
    }
}
