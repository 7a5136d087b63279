//! Kano in the Plan: a table of every opportunity with its category — picked directly, or
//! computed from questionnaire answer counts entered in a 5 × 5 grid of number inputs
//! (drawn only while a row's grid is open) — with the dominant category, the number of
//! answers and the Better and Worse coefficients, or the message saying why they are not
//! there. Every input works from the keyboard; every change is one edit in the undo history.

use crate::model::edit::{CardField, Edit};
use crate::model::formulas::{KanoAnswer, KanoCategory};
use crate::model::kano::{self, Source};
use crate::model::opportunities::cards_in_journey_order;
use crate::model::{Card, Id, LaneKind};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// One answer pair's count.
fn count_cell(
    editor: EditorState,
    id: Id,
    name: Memo<String>,
    f: KanoAnswer,
    d: KanoAnswer,
    error: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let value = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map_or(0, |c| c.kano_answers.get(f, d))
        })
    });
    let letter = KanoCategory::classify(f, d).letter();
    view! {
        <td>
            <input type="number" inputmode="numeric" min="0" step="1"
                aria-label=move || format!("Answers “{}” if there and “{}” if not, for “{}” (counts as {letter})", f.label(), d.label(), name.get())
                readonly=editor.read_only
                prop:value=move || { let v = value.get(); if v == 0 { String::new() } else { v.to_string() } }
                placeholder="0"
                on:input:target=move |ev| match kano::parse_count(&ev.target().value()) {
                    Ok(n) => { error.set(None); editor.apply_with(|m| kano::set_count(m, id, f, d, n)); }
                    Err(why) => error.set(Some(why)),
                }
                on:blur=move |_| editor.seal()/>
            <span class="kano-letter" aria-hidden="true">{letter}</span>
        </td>
    }
}

/// The 5 × 5 grid of answer counts of one opportunity.
fn answers_grid(editor: EditorState, id: Id, name: Memo<String>) -> impl IntoView {
    let error = RwSignal::new(None::<&'static str>);
    let error_id = format!("kano-error-{}", id.0);
    let rows = KanoAnswer::ALL
        .map(|f| {
            let cells = KanoAnswer::ALL
                .map(|d| count_cell(editor, id, name, f, d, error))
                .into_iter()
                .collect_view();
            view! { <tr><th scope="row">{f.short()}</th>{cells}</tr> }
        })
        .into_iter()
        .collect_view();
    view! {
        <table class="kano-grid" aria-describedby=error_id.clone()>
            <caption>{move || format!("Answers for “{}”: rows if it is there, columns if it is not", name.get())}</caption>
            <thead><tr><td></td>{KanoAnswer::ALL.map(|d| view! { <th scope="col">{d.short()}</th> }).into_iter().collect_view()}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <span class="error-text" id=error_id role="status">{move || error.get()}</span>
    }
}

fn row(editor: EditorState, id: Id) -> impl IntoView {
    let name = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(Card::label).unwrap_or_default()
        })
    });
    let info = Memo::new(move |_| {
        editor.read(Part::Card(id), |m| {
            m.card(id).map(|c| {
                (
                    kano::category(c),
                    c.kano.map_or("", KanoCategory::key).to_string(),
                    c.kano_answers.total(),
                    kano::coefficients_text(c),
                )
            })
        })
    });
    let open = RwSignal::new(false);
    let category = move || {
        info.with(|i| match i.as_ref().and_then(|i| i.0) {
            Some((c, Source::Answers)) => format!("{} (from answers)", c.label()),
            Some((c, Source::Picked)) => format!("{} (picked)", c.label()),
            None => "Not set".into(),
        })
    };
    let answered = move || info.with(|i| i.as_ref().is_some_and(|i| i.2 > 0));
    let coefficients = move || {
        info.with(|i| match i.as_ref().map(|i| &i.3) {
            Some(Ok((b, w))) => view! { <td data-testid="kano-better">{b.clone()}</td><td data-testid="kano-worse">{w.clone()}</td> }.into_any(),
            Some(Err(why)) if i.as_ref().is_some_and(|i| i.2 > 0) => view! { <td colspan="2" class="hint" data-testid="kano-message">{why.clone()}</td> }.into_any(),
            _ => view! { <td colspan="2" class="hint" data-testid="kano-message">"No answers counted"</td> }.into_any(),
        })
    };
    let options = std::iter::once(("", "Not set"))
        .chain(KanoCategory::ALL.map(|c| (c.key(), c.label())))
        .map(|(key, text)| view! { <option value=key selected=move || info.with(|i| i.as_ref().is_some_and(|i| i.1 == key))>{text}</option> })
        .collect_view();
    view! {
        <tr data-card=id.0.to_string()>
            <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Card(id))>{move || name.get()}</button></th>
            <td data-testid="kano-category">{category}</td>
            <td>
                <select aria-label=move || format!("Kano category of “{}”", name.get()) disabled=editor.read_only
                    aria-describedby=format!("kano-pick-note-{}", id.0)
                    prop:value=move || info.with(|i| i.as_ref().map(|i| i.1.clone()).unwrap_or_default())
                    on:change:target=move |ev| {
                        let pick = KanoCategory::from_key(&ev.target().value());
                        editor.apply(Edit::SetCard(id, CardField::Kano(pick)));
                        editor.seal();
                    }>
                    {options}
                </select>
                <span class="hint" id=format!("kano-pick-note-{}", id.0)>{move || answered().then_some(" Answers decide while any are counted.")}</span>
            </td>
            <td class="amount">{move || info.with(|i| i.as_ref().map_or(0, |i| i.2))}</td>
            {coefficients}
            <td>
                <details on:toggle:target=move |ev| open.set(ev.target().open())>
                    <summary>{move || format!("Answers of “{}”", name.get())}</summary>
                    {move || open.get().then(|| answers_grid(editor, id, name))}
                </details>
            </td>
        </tr>
    }
}

/// The Kano table.
#[component]
pub fn KanoView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ids = Memo::new(move |_| {
        editor.read(Part::Layout, |m| {
            cards_in_journey_order(m, LaneKind::Opportunities)
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="kano-view" aria-labelledby="kano-title" data-testid="kano">
            <h3 id="kano-title">"Kano categories"</h3>
            <p class="rule" data-testid="kano-rule">{kano::RULE}</p>
            <div class="table-scroll">
                <table class="data-table kano-table" data-testid="kano-table">
                    <caption class="visually-hidden">"Kano category of each opportunity, with the questionnaire answers behind it"</caption>
                    <thead><tr>
                        <th scope="col">"Opportunity"</th><th scope="col">"Category"</th><th scope="col">"Pick directly"</th>
                        <th scope="col">"Answers"</th><th scope="col">"Better"</th><th scope="col">"Worse"</th><th scope="col">"Questionnaire"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>{row(editor, id)}</For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
