//! The page of one map: loads it from the workspace, edits it, saves changes.

use crate::ui::app::NotFound;
use crate::ui::editor::page::EditorPage;
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::toast::Toasts;
use crate::ui::workspace::Workspace;
use leptos::prelude::*;

/// The page of one map.
#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let Some(map) = workspace.load(&id) else {
        return view! { <NotFound what="This map".to_string()/> }.into_any();
    };
    let editor = EditorState::new(map, false, toasts);
    provide_context(editor);
    // Save after every change (the first run is the load itself).
    Effect::new(move |first: Option<()>| {
        editor.track(Part::Any);
        if first.is_some() {
            editor.with_map_untracked(|m| workspace.save(&id, m));
        }
    });
    view! { <EditorPage/> }.into_any()
}
