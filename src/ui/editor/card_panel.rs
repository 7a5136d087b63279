//! The side panel with every field of one card, by the kind of its lane.

use crate::model::edit::{CardField, Edit};
use crate::model::{Card, Emotion, Id, LaneKind, PainScores, COMMON_CHANNELS};
use crate::ui::editor::card::{capitalise, emotion_options};
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::field::{NumberField, SelectField, TextField};
use leptos::prelude::*;

/// Details of the card `id`.
#[component]
pub fn CardPanel(
    /// The card.
    id: Id,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let card = Memo::new(move |_| editor.read(Part::Card(id), |m| m.card(id).cloned()));
    let kind = Memo::new(move |_| {
        editor.track(Part::Lanes);
        editor.read(Part::Card(id), |m| m.card(id).and_then(|c| m.card_kind(c)))
    });
    let ro = editor.read_only;
    let set = move |f: CardField| {
        editor.apply(Edit::SetCard(id, f));
    };
    let text = move |get: fn(&Card) -> &String| {
        Signal::derive(move || {
            card.with(|c| c.as_ref().map(|c| get(c).clone()).unwrap_or_default())
        })
    };
    let emotion_value = move |get: fn(&Card) -> Option<Emotion>| {
        Signal::derive(move || {
            card.with(|c| {
                c.as_ref()
                    .and_then(get)
                    .map(|e| e.value().to_string())
                    .unwrap_or_default()
            })
        })
    };
    let parse_emotion = |v: String| v.parse::<i64>().ok().and_then(Emotion::new);
    let score = move |get: fn(&PainScores) -> Option<u8>| {
        Signal::derive(move || {
            card.with(|c| c.as_ref().and_then(|c| get(&c.scores)).map(i64::from))
        })
    };
    let set_score = move |put: fn(&mut PainScores, Option<u8>), v: Option<i64>| {
        let mut scores = card.with_untracked(|c| c.as_ref().map(|c| c.scores).unwrap_or_default());
        put(&mut scores, v.map(|v| v as u8));
        set(CardField::Scores(scores));
    };
    let stakeholders = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            m.stakeholders
                .iter()
                .map(|s| (s.id, s.name.clone(), s.role_type.label()))
                .collect::<Vec<_>>()
        })
    });
    let involved =
        move |s: Id| card.with(|c| c.as_ref().is_some_and(|c| c.stakeholders.contains(&s)));
    let toggle_stakeholder = move |s: Id, on: bool| {
        let mut list = card.with_untracked(|c| {
            c.as_ref()
                .map(|c| c.stakeholders.clone())
                .unwrap_or_default()
        });
        list.retain(|x| *x != s);
        if on {
            list.push(s);
        }
        set(CardField::Stakeholders(list));
    };
    let channels = COMMON_CHANNELS
        .iter()
        .map(|c| view! { <option value=*c></option> })
        .collect_view();

    let body = move || {
        let Some(kind) = kind.get() else {
            return view! { <p>"This card is no longer on the map."</p> }.into_any();
        };
        let noun = kind.card_noun();
        let specific = match kind {
            LaneKind::Touchpoints => view! {
                <label class="field">
                    <span class="field-label">"Channel"</span>
                    <input list="channel-list" prop:value=move || text(|c| &c.channel).get() readonly=ro
                        placeholder="Pick or type a channel"
                        on:input:target=move |ev| set(CardField::Channel(ev.target().value()))
                        on:blur=move |_| editor.seal()/>
                </label>
                <SelectField label="Emotion" options=emotion_options() readonly=ro value=emotion_value(|c| c.emotion) on_change=move |v| set(CardField::Emotion(parse_emotion(v)))/>
                <SelectField label="To-be emotion (after improvement)" options=emotion_options() readonly=ro value=emotion_value(|c| c.to_be) on_change=move |v| set(CardField::ToBe(parse_emotion(v)))/>
                <label class="field checkbox">
                    <input type="checkbox" disabled=ro prop:checked=move || card.with(|c| c.as_ref().is_some_and(|c| c.moment_of_truth))
                        on:change:target=move |ev| set(CardField::MomentOfTruth(ev.target().checked()))/>
                    <span>"Moment of truth"</span>
                </label>
                <TextField label="The customer's own words" multiline=true readonly=ro placeholder="“We waited three days for an answer.”" value=text(|c| &c.quote) on_input=move |v| set(CardField::Quote(v))/>
            }.into_any(),
            LaneKind::PainPoints => view! {
                <TextField label="Evidence" multiline=true readonly=ro placeholder="Quotes, ticket counts, churn reasons" value=text(|c| &c.evidence) on_input=move |v| set(CardField::Evidence(v))/>
                <fieldset class="scores">
                    <legend>"Scores, 1 (low) to 5 (high)"</legend>
                    <NumberField label="Magnitude (how many customers)" min=1 max=5 readonly=ro value=score(|s| s.magnitude) on_change=move |v| set_score(|s, v| s.magnitude = v, v)/>
                    <NumberField label="Severity" min=1 max=5 readonly=ro value=score(|s| s.severity) on_change=move |v| set_score(|s, v| s.severity = v, v)/>
                    <NumberField label="Frequency" min=1 max=5 readonly=ro value=score(|s| s.frequency) on_change=move |v| set_score(|s, v| s.frequency = v, v)/>
                    <NumberField label="Business impact" min=1 max=5 readonly=ro value=score(|s| s.business_impact) on_change=move |v| set_score(|s, v| s.business_impact = v, v)/>
                    <NumberField label="Effort to resolve" min=1 max=5 readonly=ro value=score(|s| s.effort) on_change=move |v| set_score(|s, v| s.effort = v, v)/>
                </fieldset>
            }.into_any(),
            LaneKind::Opportunities => view! {
                <TextField label="Owner" readonly=ro value=text(|c| &c.owner) on_input=move |v| set(CardField::Owner(v))/>
                <TextField label="Deadline" kind="date" readonly=ro value=text(|c| &c.deadline) on_input=move |v| set(CardField::Deadline(v))/>
                <TextField label="KPI that proves it worked" readonly=ro value=text(|c| &c.kpi) on_input=move |v| set(CardField::Kpi(v))/>
            }.into_any(),
            LaneKind::Kpis => view! {
                <crate::ui::editor::metric_fields::MetricFields id=id card=card/>
            }.into_any(),
            LaneKind::Actions | LaneKind::Thoughts => ().into_any(),
        };
        view! {
            <h2 id="panel-title">{capitalise(noun)}</h2>
            <TextField label="Text" multiline=true readonly=ro value=text(|c| &c.text) on_input=move |v| set(CardField::Text(v))/>
            {specific}
            <TextField label="Owning team" readonly=ro value=text(|c| &c.owning_team) on_input=move |v| set(CardField::OwningTeam(v))/>
            <fieldset class="stakeholder-picks">
                <legend>"Stakeholders involved"</legend>
                <Show when=move || stakeholders.with(|s| s.is_empty())>
                    <p class="hint">"No stakeholders yet. Add them in the Stakeholders view."</p>
                </Show>
                <For each=move || stakeholders.get() key=|s| s.clone() let:s>
                    {
                        let (sid, name, role) = s;
                        view! {
                            <label class="field checkbox">
                                <input type="checkbox" disabled=ro prop:checked=move || involved(sid)
                                    on:change:target=move |ev| toggle_stakeholder(sid, ev.target().checked())/>
                                <span>{name}<small>{format!(" · {role}")}</small></span>
                            </label>
                        }
                    }
                </For>
            </fieldset>
            <TextField label="Notes" multiline=true readonly=ro value=text(|c| &c.notes) on_input=move |v| set(CardField::Notes(v))/>
        }
        .into_any()
    };

    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="card-panel">
            <button type="button" class="icon close" aria-label="Close details" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <datalist id="channel-list">{channels}</datalist>
            {body}
            <Show when=move || !ro>
                <p><button type="button" class="button danger" on:click=move |_| editor.delete_card(id)>"Delete"</button></p>
            </Show>
        </aside>
    }
}
