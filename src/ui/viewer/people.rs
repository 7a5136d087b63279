//! The stakeholder register, read-only: one row per stakeholder with role, department,
//! influence, interest, quadrant, stance, priorities and concerns.

use crate::ui::editor::state::{EditorState, Part};
use leptos::prelude::*;

/// The register as a table.
#[component]
pub fn PeopleTable() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    editor.read(Part::Any, |m| {
        if m.stakeholders.is_empty() {
            return view! { <p class="hint">"No stakeholders in this map."</p> }.into_any();
        }
        let rows = m
            .stakeholders
            .iter()
            .map(|s| {
                view! {
                    <tr>
                        <th scope="row">{s.name.clone()}</th>
                        <td>{s.role_type.label()}</td>
                        <td>{s.department.clone()}</td>
                        <td>{s.influence.to_string()}</td>
                        <td>{s.interest.to_string()}</td>
                        <td>{s.quadrant().label()}</td>
                        <td>{s.stance.label()}</td>
                        <td>{s.priorities.clone()}</td>
                        <td>{s.concerns.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="register" aria-labelledby="register-title">
                <h2 id="register-title">"Stakeholder register"</h2>
                <div class="table-scroll">
                    <table class="data-table">
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"Department"</th><th scope="col">"Influence"</th><th scope="col">"Interest"</th><th scope="col">"Quadrant"</th><th scope="col">"Stance"</th><th scope="col">"Priorities"</th><th scope="col">"Concerns"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    })
}
