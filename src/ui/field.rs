//! Labelled form controls bound to a value and a setter; every edit goes through the
//! setter (which makes an undoable edit), and leaving a control ends the undo step.

use crate::ui::editor::state::EditorState;
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

fn seal_on_blur() -> impl Fn(leptos::ev::FocusEvent) + Clone {
    let editor = use_context::<EditorState>();
    move |_| {
        if let Some(e) = editor {
            e.seal();
        }
    }
}

/// A labelled one-line or multi-line text input.
#[component]
pub fn TextField(
    /// The visible label.
    label: &'static str,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// A textarea instead of an input.
    #[prop(optional)]
    multiline: bool,
    /// Hint shown while empty.
    #[prop(optional)]
    placeholder: &'static str,
    /// `type` of a one-line input (default "text"; "date" for dates).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// Disable editing.
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let blur = seal_on_blur();
    let control = if multiline {
        view! {
            <textarea
                prop:value=move || value.get()
                placeholder=placeholder
                readonly=readonly
                rows="2"
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type=kind.unwrap_or("text")
                prop:value=move || value.get()
                placeholder=placeholder
                readonly=readonly
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=blur
            />
        }
        .into_any()
    };
    view! {
        <OwnForm>
        <label class="field">
            <span class="field-label">{label}</span>
            {control}
        </label>
        </OwnForm>
    }
}

/// A labelled choice from a fixed list of `(key, label)` options.
#[component]
pub fn SelectField(
    /// The visible label.
    label: &'static str,
    /// The options as (key, label).
    options: Vec<(String, String)>,
    /// The key of the current choice.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen key.
    #[prop(into)]
    on_change: Callback<String>,
    /// Disable editing.
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(key, text)| {
            let k = key.clone();
            view! { <option value=key selected=move || value.get() == k>{text}</option> }
        })
        .collect_view();
    view! {
        <OwnForm>
        <label class="field">
            <span class="field-label">{label}</span>
            <select
                disabled=readonly
                prop:value=move || value.get()
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options}
            </select>
        </label>
        </OwnForm>
    }
}

/// A labelled whole number in a range (e.g. influence 0–10).
#[component]
pub fn NumberField(
    /// The visible label.
    label: &'static str,
    /// Smallest value.
    min: i64,
    /// Largest value.
    max: i64,
    /// The current value, `None` when unset.
    #[prop(into)]
    value: Signal<Option<i64>>,
    /// Called with the new value (clamped into range), `None` when cleared.
    #[prop(into)]
    on_change: Callback<Option<i64>>,
    /// Disable editing.
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let blur = seal_on_blur();
    view! {
        <OwnForm>
        <label class="field field-number">
            <span class="field-label">{label}</span>
            <input
                type="number"
                inputmode="numeric"
                min=min
                max=max
                step="1"
                readonly=readonly
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    let parsed = text.trim().parse::<f64>().ok().map(|v| (v.round() as i64).clamp(min, max));
                    if text.trim().is_empty() {
                        on_change.run(None);
                    } else if parsed.is_some() {
                        on_change.run(parsed);
                    }
                }
                on:blur=blur
            />
        </label>
        </OwnForm>
    }
}
