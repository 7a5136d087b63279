//! The metric of a KPI card in its details panel: kind, unit, baseline, target and
//! current value as numbers, the direction that counts as better, its source and whether
//! it measures the whole journey; the calculators below fill the current value.
//! Free-text values from before metrics (old files, links, spreadsheets) are shown as
//! they were, with a button that turns them into numbers and keeps the rest as notes.

use crate::model::edit::{CardField, Edit};
use crate::model::metrics::{self, Better, Metric, MetricKind};
use crate::model::{Card, Id};
use crate::ui::editor::calculator_panel::CalculatorPanel;
use crate::ui::editor::metric_badge::MetricBadge;
use crate::ui::editor::state::EditorState;
use crate::ui::field::{SelectField, TextField};
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// A number as an input shows it: no grouping, as many decimals as it has.
pub fn plain(v: Option<f64>) -> String {
    v.map(metrics::plain_number).unwrap_or_default()
}

/// One number of the metric, with a message for text that is not a number.
#[component]
fn NumberInput(
    label: &'static str,
    test_id: &'static str,
    #[prop(into)] value: Signal<Option<f64>>,
    on_change: Callback<Option<f64>>,
    readonly: bool,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let error = RwSignal::new(None::<String>);
    view! {
        <OwnForm>
        <label class="field">
            <span class="field-label">{label}</span>
            <input type="text" inputmode="decimal" readonly=readonly data-testid=test_id
                prop:value=move || plain(value.get())
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    if text.trim().is_empty() {
                        error.set(None);
                        on_change.run(None);
                    } else if let Some(p) = metrics::parse_value(&text) {
                        error.set(None);
                        on_change.run(Some(p.value));
                    } else {
                        error.set(Some(format!("“{}” is not a number: type a value such as 42 or 12.5.", text.trim())));
                    }
                }
                on:blur=move |_| editor.seal()/>
            {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </label>
        </OwnForm>
    }
}

/// The metric section of a KPI card's panel.
#[component]
pub fn MetricFields(
    /// The KPI card.
    id: Id,
    /// The card as the panel reads it.
    card: Memo<Option<Card>>,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ro = editor.read_only;
    let metric = Memo::new(move |_| card.with(|c| c.as_ref().and_then(|c| c.metric.clone())));
    let current = move || {
        metric.get_untracked().unwrap_or_else(|| {
            card.with_untracked(|c| {
                let name = c.as_ref().map(|c| c.text.as_str()).unwrap_or("");
                let (kind, better) = metrics::guess_kind(name, "");
                Metric {
                    better,
                    ..Metric::of_kind(kind)
                }
            })
        })
    };
    let update = move |f: &dyn Fn(&mut Metric)| {
        let mut m = current();
        f(&mut m);
        editor.apply(Edit::SetCard(id, CardField::Metric(Some(m))));
    };
    let legacy = Memo::new(move |_| {
        card.with(|c| {
            c.as_ref()
                .filter(|c| c.metric.is_none())
                .map(|c| [c.baseline.clone(), c.target.clone(), c.current.clone()])
                .filter(|t| t.iter().any(|s| !s.trim().is_empty()))
        })
    });
    let upgrade = move |_| {
        let Some(mut c) = card.get_untracked() else {
            return;
        };
        if metrics::upgrade_kpi_card(&mut c) {
            editor.apply(Edit::Batch(vec![
                Edit::SetCard(id, CardField::Metric(c.metric.clone())),
                Edit::SetCard(id, CardField::Notes(c.notes.clone())),
                Edit::SetCard(id, CardField::Baseline(String::new())),
                Edit::SetCard(id, CardField::Target(String::new())),
                Edit::SetCard(id, CardField::Current(String::new())),
            ]));
            editor.offer_undo(
                "Turned the KPI's values into numbers; text that was not a number is in the notes.",
            );
        }
    };
    let kinds: Vec<(String, String)> = MetricKind::ALL
        .iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    let directions: Vec<(String, String)> = Better::ALL
        .iter()
        .map(|b| (b.key().to_string(), b.label().to_string()))
        .collect();
    let num = move |get: fn(&Metric) -> Option<f64>| {
        Signal::derive(move || metric.with(|m| m.as_ref().and_then(get)))
    };
    view! {
        <fieldset class="metric-fields" data-testid="metric-fields">
            <legend>"Metric"</legend>
            {move || legacy.get().map(|[b, t, c]| view! {
                <div class="legacy-kpi">
                    <p class="hint">{format!("Written as text: baseline “{b}”, target “{t}”, current “{c}”.")}</p>
                    <Show when=move || !ro>
                        <button type="button" class="button" on:click=upgrade>"Make these numbers"</button>
                    </Show>
                </div>
            })}
            <MetricBadge metric=metric/>
            <SelectField label="Kind" options=kinds readonly=ro
                value=Signal::derive(move || metric.with(|m| m.as_ref().map_or("", |m| m.kind.key()).to_string()))
                on_change=move |v: String| if let Some(k) = MetricKind::from_key(&v) {
                    update(&|m: &mut Metric| {
                        if m.unit.is_empty() || MetricKind::ALL.iter().any(|o| o.default_unit() == m.unit) {
                            m.unit = k.default_unit().to_string();
                        }
                        m.kind = k;
                    })
                }/>
            <TextField label="Unit" readonly=ro placeholder="%, days, $, tickets"
                value=Signal::derive(move || metric.with(|m| m.as_ref().map(|m| m.unit.clone()).unwrap_or_default()))
                on_input=move |v: String| update(&|m: &mut Metric| m.unit = v.trim().to_string())/>
            <div class="metric-numbers">
                <NumberInput label="Baseline" test_id="metric-baseline" readonly=ro value=num(|m| m.baseline)
                    on_change=Callback::new(move |v| update(&|m: &mut Metric| m.baseline = v))/>
                <NumberInput label="Target" test_id="metric-target" readonly=ro value=num(|m| m.target)
                    on_change=Callback::new(move |v| update(&|m: &mut Metric| m.target = v))/>
                <NumberInput label="Current" test_id="metric-current" readonly=ro value=num(|m| m.current)
                    on_change=Callback::new(move |v| update(&|m: &mut Metric| { m.current = v; m.inputs = None; }))/>
            </div>
            <SelectField label="Better is" options=directions readonly=ro
                value=Signal::derive(move || metric.with(|m| m.as_ref().map_or(Better::Higher, |m| m.better).key().to_string()))
                on_change=move |v: String| if let Some(b) = Better::from_key(&v) { update(&|m: &mut Metric| m.better = b) }/>
            <TextField label="Source" readonly=ro placeholder="e.g. Quarterly NPS survey, CRM"
                value=Signal::derive(move || metric.with(|m| m.as_ref().map(|m| m.source.clone()).unwrap_or_default()))
                on_input=move |v: String| update(&|m: &mut Metric| m.source = v.clone())/>
            <label class="field checkbox">
                <input type="checkbox" disabled=ro prop:checked=move || metric.with(|m| m.as_ref().is_some_and(|m| m.journey))
                    on:change:target=move |ev| { let on = ev.target().checked(); update(&|m: &mut Metric| m.journey = on) }/>
                <span>"Measures the whole journey, not only this stage"</span>
            </label>
            <Show when=move || !ro>
                <CalculatorPanel id=id metric=metric/>
            </Show>
        </fieldset>
    }
}
