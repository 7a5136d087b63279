//! "A new version of Trailmap is ready": offered when the site was deployed anew while
//! this page was open (or since its cached copy was stored). Reload brings the new
//! version; until then the page keeps working on the one it runs. Mounted by both pages
//! on a root of its own, so it shows wherever the page is.

use crate::adapters::offline;
use leptos::prelude::*;

/// Registers the service worker at `service_worker` (relative to the page) and mounts
/// the prompt at the end of `<body>`.
pub fn mount(service_worker: &'static str) {
    leptos::mount::mount_to_body(move || view! { <UpdatePrompt service_worker /> });
}

/// The prompt: empty until a new version waits.
#[component]
fn UpdatePrompt(
    /// The service worker's script, relative to the page.
    service_worker: &'static str,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    offline::register(service_worker, move || {
        let _ = ready.try_set(true);
    });
    // Plain reactive children (no <Show>, no state while reloading): this is on the lean
    // viewer's first load too. The reload follows within moments of the click.
    view! {
        <div class="update-prompt-area" role="status" aria-live="polite">
            {move || ready.get().then(|| view! {
                <div class="update-prompt" data-testid="update-prompt">
                    <span>"A new version of Trailmap is ready."</span>
                    <button type="button" class="button primary" on:click=|_| offline::apply_update()>"Reload"</button>
                </div>
            })}
        </div>
    }
}
