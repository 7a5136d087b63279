//! The calculators of a metric: pick one, enter what you have, see the result (with the
//! NPS bands, or a message that says what to correct), and use it as the metric's current
//! value. The inputs are kept on the metric, so opening the panel again shows them.

use crate::model::calculators::{compute, parse_answers, CalcResult, Calculator};
use crate::model::edit::{CardField, Edit};
use crate::model::formulas::NpsCategory;
use crate::model::metrics::{format_value, Metric};
use crate::model::Id;
use crate::ui::editor::state::EditorState;
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// The calculator section of a metric.
#[component]
pub fn CalculatorPanel(
    /// The KPI card.
    id: Id,
    /// Its metric.
    metric: Memo<Option<Metric>>,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let saved = metric.with_untracked(|m| m.as_ref().and_then(|m| m.inputs.clone()));
    let calc = RwSignal::new(
        saved
            .as_ref()
            .map_or(Calculator::NpsAnswers, Calculator::of),
    );
    let texts = RwSignal::new(saved.as_ref().map(Calculator::texts).unwrap_or_default());
    let result = Memo::new(move |_| {
        let c = calc.get();
        texts.with(|t| {
            if t.iter().all(|s| s.trim().is_empty()) {
                return None;
            }
            Some(
                c.inputs(t)
                    .and_then(|i| compute(&i).map(|r| (i, r)))
                    .map_err(|e| e.to_string()),
            )
        })
    });
    let pick = move |key: String| {
        if let Some(c) = Calculator::from_key(&key) {
            calc.set(c);
            texts.set(Vec::new());
        }
    };
    let set_text = move |i: usize, v: String| {
        texts.update(|t| {
            if t.len() <= i {
                t.resize(i + 1, String::new());
            }
            t[i] = v;
        })
    };
    let apply = move |_| {
        let Some(Ok((inputs, r))) = result.get_untracked() else {
            return;
        };
        let mut m = metric
            .get_untracked()
            .unwrap_or_else(|| Metric::of_kind(r.kind));
        if m.inputs.is_none() && m.current.is_none() && m.baseline.is_none() && m.target.is_none() {
            m.kind = r.kind;
            m.unit = r.unit.to_string();
        }
        m.current = Some(r.value);
        m.inputs = Some(inputs);
        editor.apply(Edit::SetCard(id, CardField::Metric(Some(m))));
        editor.toasts.info(&format!(
            "The current value is now {}.",
            format_value(r.value, r.kind, r.unit)
        ));
    };
    let fields = move || {
        let c = calc.get();
        c.fields()
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let value = move || texts.with(|t| t.get(i).cloned().unwrap_or_default());
                let multiline = matches!(c, Calculator::NpsAnswers | Calculator::TimeToValue);
                let control = if multiline {
                    view! { <textarea rows="4" data-testid=format!("calc-input-{i}") prop:value=value
                        on:input:target=move |ev| set_text(i, ev.target().value())></textarea> }.into_any()
                } else {
                    view! { <input type="text" inputmode="decimal" data-testid=format!("calc-input-{i}") prop:value=value
                        on:input:target=move |ev| set_text(i, ev.target().value())/> }.into_any()
                };
                view! {
                    <label class="field">
                        <span class="field-label">{*label}</span>
                        {control}
                    </label>
                }
            })
            .collect_view()
    };
    let bands = move || {
        if calc.get() != Calculator::NpsAnswers {
            return None;
        }
        let answers = texts.with(|t| t.first().map(|s| parse_answers(s)))?.ok()?;
        let chips = answers
            .iter()
            .map(|a| {
                let class = match NpsCategory::of(*a) {
                    Some(NpsCategory::Promoter) => "band promoter",
                    Some(NpsCategory::Passive) => "band passive",
                    Some(NpsCategory::Detractor) => "band detractor",
                    None => "band out",
                };
                view! { <li class=class>{a.to_string()}</li> }
            })
            .collect_view();
        Some(view! { <ul class="nps-answers" aria-label="Answers by band">{chips}</ul> })
    };
    let outcome = move || match result.get() {
        None => view! { <p class="hint">"Enter the figures to compute the value."</p> }.into_any(),
        Some(Err(e)) => {
            view! { <p class="calc-error" role="alert" data-testid="calc-error">{e}</p> }.into_any()
        }
        Some(Ok((_, r))) => {
            let CalcResult {
                value,
                kind,
                unit,
                working,
                bands,
                ..
            } = r;
            view! {
                <p class="calc-result" role="status" data-testid="calc-result">
                    <strong>{format_value(value, kind, unit)}</strong>" "<span class="meta">{working}</span>
                </p>
                {bands.map(|b| view! {
                    <dl class="nps-bands" data-testid="nps-bands">
                        <div><dt>{NpsCategory::Promoter.label()}</dt><dd>{b.promoters.to_string()}</dd></div>
                        <div><dt>{NpsCategory::Passive.label()}</dt><dd>{b.passives.to_string()}</dd></div>
                        <div><dt>{NpsCategory::Detractor.label()}</dt><dd>{b.detractors.to_string()}</dd></div>
                    </dl>
                })}
            }
            .into_any()
        }
    };
    view! {
        <details class="calculator" data-testid="calculator" open=saved.is_some()>
            <summary>"Calculate the current value"</summary>
            <OwnForm>
            <label class="field">
                <span class="field-label">"Calculator"</span>
                <select data-testid="calc-pick" prop:value=move || calc.get().key() on:change:target=move |ev| pick(ev.target().value())>
                    {Calculator::ALL.map(|c| view! { <option value=c.key()>{c.label()}</option> }).into_iter().collect_view()}
                </select>
            </label>
            {fields}
            {bands}
            {outcome}
            <button type="button" class="button primary" data-testid="calc-apply"
                disabled=move || !matches!(result.get(), Some(Ok(_))) on:click=apply>"Use as current value"</button>
            </OwnForm>
        </details>
    }
}
