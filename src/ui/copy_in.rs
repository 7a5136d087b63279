//! `#/copy`: the map a share link showed in the viewer page, saved as a new map of this
//! browser, then opened for editing; or what went wrong and what to do.

use crate::adapters::handoff;
use crate::model::share;
use crate::routes::Route;
use crate::services::workspace::Workspace;
use crate::ui::toast::Toasts;
use leptos::prelude::*;

/// Saves the handed-over map (from sessionStorage, or from the address for a plain link).
#[component]
pub fn CopyIn(
    /// The plain payload, when it came in the address.
    payload: Option<String>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let outcome = match payload.or_else(handoff::take) {
        None => Err("There is no map to copy here. Open the share link again and choose “Save a copy to my maps”.".to_string()),
        Some(payload) => match share::decode(&payload) {
            Err(e) => Err(e.to_string()),
            Ok((map, _)) => workspace.create(&map).map_err(|e| {
                format!("The copy was not saved: {e}. Free some space (delete or export maps you no longer need), then open the share link again.")
            }),
        },
    };
    match outcome {
        Ok(id) => {
            toasts.info("Saved a copy to your maps. This copy is yours to edit; the sender's map is unchanged.");
            // In place of this entry: going back does not save a second copy.
            let _ = window().location().replace(&Route::Map(id).to_hash());
            view! { <p class="boot-status" role="status">"Opening your copy…"</p> }.into_any()
        }
        Err(message) => view! {
            <section class="empty-state" data-testid="copy-error" role="alert">
                <h1>"The copy was not saved"</h1>
                <p>{message}</p>
                <p><a class="button primary" href="#/">"Go to your maps"</a></p>
            </section>
        }
        .into_any(),
    }
}
