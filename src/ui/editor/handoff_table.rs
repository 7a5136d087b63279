//! The handoff gaps of the Plan view (editor and shared view): each handoff between
//! teams with what goes wrong, the touchpoints it breaks and its owner; a handoff's name
//! opens its details.

use crate::model::handoffs;
use crate::model::Id;
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// One row: (receiving stage, teams, "From → To", gap, touchpoints, owner).
type Row = (Id, String, String, String, String, String);

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "–".into()
    } else {
        s.to_string()
    }
}

/// The table of handoff gaps, or what to do when there is none.
#[component]
pub fn HandoffTable() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let rows = Memo::new(move |_| {
        editor.read(Part::Any, |m| {
            handoffs::handoffs(m)
                .into_iter()
                .map(|h| {
                    let broken: Vec<String> = handoffs::broken(m, h.to)
                        .into_iter()
                        .map(|c| c.text.clone())
                        .collect();
                    (
                        h.to.id,
                        h.teams(),
                        format!("{} → {}", h.from.name, h.to.name),
                        or_dash(&h.to.handoff_gap),
                        or_dash(&broken.join("; ")),
                        or_dash(&h.to.handoff_owner),
                    )
                })
                .collect::<Vec<Row>>()
        })
    });
    let table = move || {
        let rows = rows.get();
        if rows.is_empty() {
            return view! {
                <p class="hint" data-testid="no-handoffs">"No handoffs between teams: give each stage its owning team (a stage's ⋯ details) to see where the work passes from one team to the next."</p>
            }
            .into_any();
        }
        let body = rows
            .into_iter()
            .map(|(to, teams, stages, gap, broken, owner)| {
                let unowned = owner == "–";
                view! {
                    <tr data-handoff=to.0.to_string()>
                        <th scope="row"><button type="button" class="link" on:click=move |_| editor.panel.set(Panel::Handoff(to))>{teams}</button></th>
                        <td>{stages}</td>
                        <td>{gap}</td>
                        <td>{broken}</td>
                        <td class:flag=unowned>{if unowned { "No owner".to_string() } else { owner }}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table plan-table" data-testid="handoff-table" aria-labelledby="handoff-title">
                    <thead><tr>
                        <th scope="col">"Handoff"</th><th scope="col">"Stages"</th><th scope="col">"What goes wrong"</th>
                        <th scope="col">"Touchpoints it breaks"</th><th scope="col">"Owner"</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h3 id="handoff-title">"Handoff gaps"</h3>
        {table}
    }
}
