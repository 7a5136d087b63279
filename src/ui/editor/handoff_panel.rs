//! The side panel of one handoff between teams (see [`crate::model::handoffs`]): what goes
//! wrong when the work passes from one stage's team to the next, who owns fixing it and
//! the touchpoints it breaks. Read-only in the shared view.

use crate::model::edit::{Edit, StageField};
use crate::model::handoffs;
use crate::model::Id;
use crate::ui::editor::state::{EditorState, Panel, Part};
use crate::ui::field::TextField;
use leptos::prelude::*;

/// What the panel shows of the handoff into `to`.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    from: String,
    to: String,
    teams: String,
    team_change: bool,
    gap: String,
    owner: String,
    breaks: Vec<Id>,
    candidates: Vec<(Id, String, String)>,
}

/// The details of the handoff into the stage `to`.
#[component]
pub fn HandoffPanel(
    /// The receiving stage.
    to: Id,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let shown = Memo::new(move |_| {
        editor.track(Part::Any);
        editor.read(Part::Stages, |m| {
            handoffs::into_stage(m, to).map(|h| Shown {
                from: h.from.name.clone(),
                to: h.to.name.clone(),
                teams: h.teams(),
                team_change: h.team_change,
                gap: h.to.handoff_gap.clone(),
                owner: h.to.handoff_owner.clone(),
                breaks: h.to.handoff_breaks.clone(),
                candidates: handoffs::candidates(m, &h)
                    .into_iter()
                    .map(|c| {
                        let stage = m.stage(c.stage).map(|s| s.name.clone()).unwrap_or_default();
                        (c.id, c.text.clone(), stage)
                    })
                    .collect(),
            })
        })
    });
    let ro = editor.read_only;
    let set = move |f: StageField| {
        editor.apply(Edit::SetStage(to, f));
    };
    let text = move |get: fn(&Shown) -> &String| {
        Signal::derive(move || {
            shown.with(|s| s.as_ref().map(|s| get(s).clone()).unwrap_or_default())
        })
    };
    let toggle = move |id: Id, on: bool| {
        let mut list =
            shown.with_untracked(|s| s.as_ref().map(|s| s.breaks.clone()).unwrap_or_default());
        list.retain(|x| *x != id);
        if on {
            list.push(id);
        }
        set(StageField::HandoffBreaks(list));
    };
    let body = move || {
        let Some(s) = shown.get() else {
            return view! {
                <h2 id="panel-title">"Handoff"</h2>
                <p>"This handoff is gone: the stages around it were moved, removed or now have the same team. Undo brings it back."</p>
            }
            .into_any();
        };
        let same_team = (!s.team_change).then(|| view! {
            <p class="hint">"These two stages now have the same owning team. The handoff is kept because it holds details; clear them to remove it."</p>
        });
        let picks = if s.candidates.is_empty() {
            view! { <p class="hint">"Neither stage has a touchpoint yet."</p> }.into_any()
        } else {
            s.candidates
                .into_iter()
                .map(|(id, text, stage)| {
                    let checked = s.breaks.contains(&id);
                    view! {
                        <label class="field checkbox">
                            <input type="checkbox" disabled=ro prop:checked=checked
                                on:change:target=move |ev| toggle(id, ev.target().checked())/>
                            <span>{text}<small>{format!(" · {stage}")}</small></span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <h2 id="panel-title">{format!("Handoff: {}", s.teams)}</h2>
            <p class="panel-intro">{format!("From “{}” to “{}”.", s.from, s.to)}</p>
            {same_team}
            <TextField label="What goes wrong" multiline=true readonly=ro
                placeholder="e.g. the customer repeats their goals at kickoff"
                value=text(|s| &s.gap) on_input=move |v| set(StageField::HandoffGap(v))/>
            <TextField label="Owner" readonly=ro placeholder="Who makes sure nothing is lost"
                value=text(|s| &s.owner) on_input=move |v| set(StageField::HandoffOwner(v))/>
            <fieldset class="stakeholder-picks">
                <legend>"Touchpoints it breaks"</legend>
                {picks}
            </fieldset>
        }
        .into_any()
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="handoff-panel">
            <button type="button" class="icon close" aria-label="Close details" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            {body}
        </aside>
    }
}

/// The marker of a handoff in the receiving stage's header: opens its details. Shown as
/// needing attention while the handoff between teams has no owner.
#[component]
pub fn HandoffBadge(
    /// The receiving stage.
    to: Id,
    /// "Sales → Customer success".
    teams: String,
    /// Whether the handoff has an owner.
    owned: bool,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let open = move || editor.panel.get() == Panel::Handoff(to);
    view! {
        <button type="button" class="handoff-badge" class:unowned=!owned data-testid="handoff-badge"
            aria-pressed=move || open().to_string() title=teams.clone()
            on:click=move |_| editor.panel.set(if open() { Panel::Closed } else { Panel::Handoff(to) })>
            <span aria-hidden="true">"⇄"</span>"Handoff"<span class="visually-hidden">{format!(": {teams}")}</span>
        </button>
    }
}
