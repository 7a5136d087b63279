//! One card in a cell: its text editable in place; touchpoints also show channel,
//! emotion, moment of truth and the customer's words.

use crate::dom::pointer;
use crate::dom::schedule::after_next_paint;
use crate::model::edit::CardField;
use crate::model::grid::{self, LaneGroup, Resize};
use crate::model::{Emotion, Id, LaneKind};
use crate::ui::editor::drag::{self, DragPayload};
use crate::ui::editor::priorities_view::PainRanking;
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::editor::touch_drag::{self, Lifted};
use crate::ui::own_form::OwnForm;
use leptos::html;
use leptos::prelude::*;

/// The emotion options of a touchpoint, as (key, label).
pub fn emotion_options() -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "No score".to_string())];
    out.extend(
        Emotion::ALL
            .iter()
            .rev()
            .map(|e| (e.value().to_string(), format!("{e} {}", e.label()))),
    );
    out
}

/// CSS class of an emotion score.
pub fn emotion_class(emotion: Option<Emotion>) -> &'static str {
    match emotion.map(|e| e.value()) {
        Some(-2) => "emo emo-n2",
        Some(-1) => "emo emo-n1",
        Some(0) => "emo emo-0",
        Some(1) => "emo emo-p1",
        Some(2) => "emo emo-p2",
        _ => "emo emo-none",
    }
}

/// About how many characters fit on one line of a card's text box.
const CHARS_PER_LINE: usize = 24;

/// A card of the grid.
#[component]
pub fn CardView(
    /// The card.
    id: Id,
    /// The lane group it is shown in.
    group: LaneGroup,
    /// The kind of its lane.
    kind: LaneKind,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let card = Memo::new(move |_| editor.read(Part::Card(id), |m| m.card(id).cloned()));
    // One memo per shown field: a keystroke in the text must not re-set the class,
    // the emotion or the flag, since every attribute write makes the browser restyle.
    let text =
        Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default()));
    // Whether the user is typing in the text box: it then grows a few lines at a time.
    let typing = RwSignal::new(false);
    let needed = move || text.with(|t| grid::text_rows(t, CHARS_PER_LINE));
    let rows = RwSignal::new(untrack(needed));
    let resize = move |needed: usize, typing_now: bool| {
        let shown = rows.get_untracked();
        match grid::text_box_resize(needed, shown, typing_now) {
            Resize::Keep => {}
            Resize::Now(n) => rows.set(n),
            // Unless something resized it meanwhile, or the user left it.
            Resize::AfterPaint(n) => after_next_paint(move || {
                if rows.try_get_untracked() == Some(shown)
                    && typing.try_get_untracked() == Some(true)
                {
                    rows.try_set(n);
                }
            }),
        }
    };
    // On each change of the text (focusing alone does not resize).
    Effect::new(move |_| resize(needed(), typing.get_untracked()));
    // On leaving the box: fit the text.
    Effect::new(move |_| {
        if !typing.get() {
            resize(untrack(needed), false);
        }
    });
    let input_ref = NodeRef::<html::Textarea>::new();
    pointer::track_presses();
    // Leaving the box shrinks it to fit; after the click that moved the focus, so the
    // control clicked below does not move away under the pointer.
    let stop_typing = move || {
        // The card may be gone by then (the click deleted it): nothing to resize.
        pointer::after_press(move || {
            let Some(Some(el)) = input_ref.try_get_untracked() else {
                return;
            };
            if !el.matches(":focus").unwrap_or(false) {
                typing.try_set(false);
            }
        })
    };

    // Take focus when asked to (after adding or moving this card).
    Effect::new(move |_| {
        if editor.focus_card.get() == Some(id) {
            if let Some(el) = input_ref.get() {
                let _ = el.focus();
                editor.focus_card.set(None);
            }
        }
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() {
            let handled = match key.as_str() {
                "ArrowUp" if ev.shift_key() => {
                    editor.move_card(id, |m| grid::shift_card_lane(m, id, -1));
                    true
                }
                "ArrowDown" if ev.shift_key() => {
                    editor.move_card(id, |m| grid::shift_card_lane(m, id, 1));
                    true
                }
                "ArrowUp" => {
                    editor.nudge_card(id, -1, group);
                    true
                }
                "ArrowDown" => {
                    editor.nudge_card(id, 1, group);
                    true
                }
                "ArrowLeft" => {
                    editor.move_card(id, |m| grid::shift_card_stage(m, id, -1));
                    true
                }
                "ArrowRight" => {
                    editor.move_card(id, |m| grid::shift_card_stage(m, id, 1));
                    true
                }
                _ => false,
            };
            if handled {
                ev.prevent_default();
            }
        } else if key == "Enter" && !ev.shift_key() {
            ev.prevent_default();
            editor.seal();
            editor.panel.set(Panel::Card(id));
        } else if key == "Escape" {
            if let Some(el) = input_ref.get() {
                let _ = el.blur();
            }
        }
    };

    let is_touchpoint = kind == LaneKind::Touchpoints;
    let noun = kind.card_noun();
    let mot_memo = Memo::new(move |_| card.with(|c| c.as_ref().is_some_and(|c| c.moment_of_truth)));
    let mot = move || mot_memo.get();
    let selected_memo = Memo::new(move |_| editor.panel.get() == Panel::Card(id));
    let selected = move || selected_memo.get();
    let read_only = editor.read_only;

    let touchpoint_meta = is_touchpoint.then(|| {
        let emotion_memo = Memo::new(move |_| card.with(|c| c.as_ref().and_then(|c| c.emotion)));
        let emotion = move || emotion_memo.get();
        let channel_memo = Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.channel.clone()).unwrap_or_default()));
        let channel = move || channel_memo.get();
        let quote_memo = Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.quote.clone()).unwrap_or_default()));
        let quote = move || quote_memo.get();
        let options = emotion_options()
            .into_iter()
            .map(|(k, label)| view! { <option value=k>{label}</option> })
            .collect_view();
        view! {
            <div class="card-meta">
                <select
                    class=move || emotion_class(emotion())
                    aria-label="Emotion"
                    disabled=read_only
                    prop:value=move || emotion().map(|e| e.value().to_string()).unwrap_or_default()
                    on:change:target=move |ev| {
                        let value = ev.target().value().parse::<i64>().ok().and_then(Emotion::new);
                        editor.apply(crate::model::Edit::SetCard(id, CardField::Emotion(value)));
                    }
                >
                    {options}
                </select>
                <button
                    type="button"
                    class="mot-toggle"
                    aria-pressed=move || mot().to_string()
                    title="Moment of truth"
                    disabled=read_only
                    on:click=move |_| {
                        let next = !mot();
                        editor.apply(crate::model::Edit::SetCard(id, CardField::MomentOfTruth(next)));
                    }
                >
                    <span aria-hidden="true">"★"</span>
                    <span class="visually-hidden">"Moment of truth"</span>
                </button>
                {move || {
                    let c = channel();
                    (!c.is_empty()).then(|| view! { <span class="chip channel">{c}</span> })
                }}
            </div>
            {move || {
                let q = quote();
                (!q.is_empty()).then(|| view! { <blockquote class="card-quote">{q}</blockquote> })
            }}
        }
    });

    let metric_meta = (kind == LaneKind::Kpis).then(|| {
        let metric = Memo::new(move |_| card.with(|c| c.as_ref().and_then(|c| c.metric.clone())));
        view! { <crate::ui::editor::metric_badge::MetricBadge metric=metric/> }
    });

    let classes = move || {
        let mut c = format!("card kind-{}", kind.key());
        if mot() {
            c.push_str(" is-mot");
        }
        if selected() {
            c.push_str(" is-selected");
        }
        c
    };
    let label = format!("{} text", capitalise(noun));
    // Pain points among the map's three highest-impact friction points say so.
    let top_badge = (kind == LaneKind::PainPoints)
        .then(use_context::<PainRanking>)
        .flatten()
        .map(|ranking| {
            let rank = Memo::new(move |_| ranking.0.with(|r| r.top_rank_of(id)));
            move || rank.get().map(|n| view! { <span class="top-badge" data-testid="top-badge">{format!("Top {n} friction point")}</span> })
        });

    view! {
        <li
            class=classes
            data-card=id.0.to_string()
            on:dragover=move |ev| drag::allow_drop(&ev)
            on:drop=move |ev| {
                ev.stop_propagation();
                if let Some(DragPayload { card: dragged, from }) = drag::take(&ev) {
                    let (stage, lane) = editor.with_map_untracked(|m| m.card(id).map(|c| (c.stage, c.lane))).unwrap_or_default();
                    editor.move_card(dragged, |m| grid::drop_card(m, dragged, stage, lane, Some(id), from, group));
                }
            }
            on:pointerdown=move |ev| { if !read_only { touch_drag::press(&ev, Lifted::Card(DragPayload { card: id, from: group })); } }
            on:pointerup=move |ev| {
                if let Some(DragPayload { card: dragged, from }) = touch_drag::take_card(&ev) {
                    let (stage, lane) = editor.with_map_untracked(|m| m.card(id).map(|c| (c.stage, c.lane))).unwrap_or_default();
                    // No focus on the card: on a touch screen that would open the keyboard.
                    editor.apply_with(|m| grid::drop_card(m, dragged, stage, lane, Some(id), from, group));
                }
            }
        >
            <div class="card-top">
                <span
                    class="drag-handle"
                    draggable=(!read_only).to_string()
                    title="Drag to move (on a touch screen, press and hold, then move; or Alt+arrow keys in the text)"
                    aria-hidden="true"
                    on:dragstart=move |ev| {
                        // A finger already carries the card (Pointer Events): no second drag.
                        if touch_drag::active() { ev.prevent_default(); } else { drag::start(&ev, DragPayload { card: id, from: group }) }
                    }
                    on:dragend=move |_| drag::cancel()
                >"⠿"</span>
                <OwnForm>
                <textarea
                    class="card-text"
                    node_ref=input_ref
                    aria-label=label
                    placeholder=format!("Describe the {noun}…")
                    rows=move || rows.get()
                    style=move || format!("--rows: {}", rows.get())
                    readonly=read_only
                    prop:value=move || text.get()
                    on:input:target=move |ev| {
                        editor.apply(crate::model::Edit::SetCard(id, CardField::Text(ev.target().value())));
                    }
                    on:focus=move |_| typing.set(true)
                    on:blur=move |_| {
                        editor.seal();
                        stop_typing();
                    }
                    on:keydown=on_keydown
                ></textarea>
                </OwnForm>
            </div>
            {touchpoint_meta}
            {metric_meta}
            {top_badge}
            <div class="card-actions">
                <button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>
                    "Details"<span class="visually-hidden">{format!(" of this {noun}")}</span>
                </button>
                <Show when=move || !read_only>
                    <button type="button" class="link danger" on:click=move |_| editor.delete_card(id)>
                        "Delete"<span class="visually-hidden">{format!(" this {noun}")}</span>
                    </button>
                </Show>
            </div>
        </li>
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
