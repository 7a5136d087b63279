//! A toolbar button that opens and closes one side panel.

use crate::ui::editor::state::{EditorState, Panel};
use leptos::prelude::*;

/// The button for `panel`, pressed while it is open. Type-erased and not generic, so each
/// button added to a toolbar costs one call, not another copy of the toolbar's view code.
pub fn panel_toggle(
    editor: EditorState,
    panel: Panel,
    label: &'static str,
    testid: &'static str,
) -> AnyView {
    view! {
        <button type="button" class="button" data-testid=testid aria-pressed=move || (editor.panel.get() == panel).to_string()
            on:click=move |_| editor.panel.update(|p| *p = if *p == panel { Panel::Closed } else { panel })>{label}</button>
    }
    .into_any()
}
