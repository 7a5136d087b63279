//! The stakeholder register: the buying committee, with role type, influence, interest,
//! stance, priorities, concerns and whom each one influences.

use crate::model::edit::{self, Edit, StakeholderField};
use crate::model::{Id, Level, RoleType, Stakeholder, Stance};
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::field::{NumberField, SelectField, TextField};
use leptos::prelude::*;

/// The register as a list of editable rows.
#[component]
pub fn StakeholderRegister() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ids = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            m.stakeholders.iter().map(|s| s.id).collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = editor.new_id();
        let at = editor.with_map_untracked(|m| m.stakeholders.len());
        let s = Stakeholder {
            id,
            name: format!("Stakeholder {}", at + 1),
            influence: Level::clamped(5),
            interest: Level::clamped(5),
            ..Stakeholder::default()
        };
        if editor.apply(Edit::InsertStakeholder(at, s)) {
            request_animation_frame(move || {
                if let Some(el) = document()
                    .query_selector(&format!("[data-stakeholder='{}'] input", id.0))
                    .ok()
                    .flatten()
                {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
        }
    };
    view! {
        <section class="register" aria-labelledby="register-title" data-testid="stakeholder-register">
            <div class="section-head">
                <h2 id="register-title">"Stakeholder register"</h2>
                <Show when=move || !editor.read_only>
                    <button type="button" class="button primary" on:click=add>"+ Stakeholder"</button>
                </Show>
            </div>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="hint">"No stakeholders yet. B2B purchases involve a buying committee of 5 to 11 people: add the decision-maker, the champion, end-users, institutional roles (IT, procurement, legal) and influencers."</p>
            </Show>
            <ol class="register-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <StakeholderRow id=id/>
                </For>
            </ol>
        </section>
    }
}

/// One stakeholder's fields.
#[component]
fn StakeholderRow(id: Id) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let person = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            m.stakeholder(id).cloned().unwrap_or_default()
        })
    });
    let others = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            m.stakeholders
                .iter()
                .filter(|s| s.id != id)
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let ro = editor.read_only;
    let set = move |f: StakeholderField| {
        editor.apply(Edit::SetStakeholder(id, f));
    };
    let text = move |get: fn(&Stakeholder) -> &String| {
        Signal::derive(move || person.with(|p| get(p).clone()))
    };
    let roles: Vec<(String, String)> = RoleType::ALL
        .iter()
        .map(|r| (r.key().into(), r.label().into()))
        .collect();
    let stances: Vec<(String, String)> = Stance::ALL
        .iter()
        .map(|s| (s.key().into(), s.label().into()))
        .collect();
    let (open, set_open) = signal(false);
    let position = Memo::new(move |_| {
        editor.read(Part::Stakeholders, |m| {
            (
                m.stakeholders.iter().position(|s| s.id == id).unwrap_or(0),
                m.stakeholders.len(),
            )
        })
    });
    let move_by = move |delta: i64| {
        editor.move_within(position.get_untracked(), delta, |to| {
            Edit::MoveStakeholder(id, to)
        })
    };
    let remove = move |_| {
        let name = person.with_untracked(|p| p.name.clone());
        if editor.apply_with(|m| Some(edit::remove_stakeholder(m, id))) {
            editor.offer_undo(&format!("Removed “{name}” from the register."));
        }
    };
    let set_influence = move |v: Option<i64>| {
        if let Some(v) = v {
            set(StakeholderField::Influence(Level::clamped(v)));
        }
    };
    let set_interest = move |v: Option<i64>| {
        if let Some(v) = v {
            set(StakeholderField::Interest(Level::clamped(v)));
        }
    };
    let influences = move |other: Id| person.with(|p| p.influences.contains(&other));
    let toggle_influence = move |other: Id, on: bool| {
        let mut list = person.with_untracked(|p| p.influences.clone());
        list.retain(|x| *x != other);
        if on {
            list.push(other);
        }
        set(StakeholderField::Influences(list));
    };
    view! {
        <li class=move || format!("register-row role-{} stance-{}", person.with(|p| p.role_type.key()), person.with(|p| p.stance.key()))
            data-stakeholder=id.0.to_string()>
            <div class="register-main">
                <TextField label="Name" readonly=ro value=text(|p| &p.name) on_input=move |v| set(StakeholderField::Name(v))/>
                <SelectField label="Role type" options=roles readonly=ro value=Signal::derive(move || person.with(|p| p.role_type.key().to_string()))
                    on_change=move |v: String| if let Some(r) = RoleType::from_key(&v) { set(StakeholderField::RoleType(r)) }/>
                <TextField label="Department" readonly=ro value=text(|p| &p.department) on_input=move |v| set(StakeholderField::Department(v))/>
                <NumberField label="Influence (0–10)" min=0 max=10 readonly=ro value=Signal::derive(move || Some(i64::from(person.with(|p| p.influence.value()))))
                    on_change=set_influence/>
                <NumberField label="Interest (0–10)" min=0 max=10 readonly=ro value=Signal::derive(move || Some(i64::from(person.with(|p| p.interest.value()))))
                    on_change=set_interest/>
                <SelectField label="Stance" options=stances readonly=ro value=Signal::derive(move || person.with(|p| p.stance.key().to_string()))
                    on_change=move |v: String| if let Some(s) = Stance::from_key(&v) { set(StakeholderField::Stance(s)) }/>
                <div class="quadrant-badge" data-testid="quadrant">
                    <span class="field-label">"Quadrant"</span>
                    <span class="badge">{move || person.with(|p| p.quadrant().label())}</span>
                </div>
                <div class="mini-actions">
                    <button type="button" class="icon" aria-expanded=move || open.get().to_string()
                        aria-label=move || format!("More about {}", person.with(|p| p.name.clone()))
                        on:click=move |_| set_open.update(|o| *o = !*o)>"⋯"</button>
                    <Show when=move || !ro>
                        <button type="button" class="icon" aria-label=move || format!("Move {} up", person.with(|p| p.name.clone())) disabled=move || position.get().0 == 0 on:click=move |_| move_by(-1)>"↑"</button>
                        <button type="button" class="icon" aria-label=move || format!("Move {} down", person.with(|p| p.name.clone())) disabled=move || { let (a, l) = position.get(); a + 1 >= l } on:click=move |_| move_by(1)>"↓"</button>
                        <button type="button" class="icon danger" aria-label=move || format!("Remove {}", person.with(|p| p.name.clone())) on:click=remove>"×"</button>
                    </Show>
                </div>
            </div>
            <Show when=move || open.get()>
                <div class="register-more">
                    <TextField label="Priorities" multiline=true readonly=ro value=text(|p| &p.priorities) on_input=move |v| set(StakeholderField::Priorities(v))/>
                    <TextField label="Concerns" multiline=true readonly=ro value=text(|p| &p.concerns) on_input=move |v| set(StakeholderField::Concerns(v))/>
                    <fieldset class="stakeholder-picks">
                        <legend>"Influences"</legend>
                        <For each=move || others.get() key=|o| o.clone() let:o>
                            {
                                let (oid, name) = o;
                                view! {
                                    <label class="field checkbox">
                                        <input type="checkbox" disabled=ro prop:checked=move || influences(oid)
                                            on:change:target=move |ev| toggle_influence(oid, ev.target().checked())/>
                                        <span>{name}</span>
                                    </label>
                                }
                            }
                        </For>
                    </fieldset>
                </div>
            </Show>
        </li>
    }
}
