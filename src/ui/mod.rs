//! Leptos components, one per file. State lives in signals built from the model;
//! no model logic inside `view!`.

pub mod app;
pub mod banner;
pub mod crash;
pub mod editor;
pub mod field;
pub mod map_list;
pub mod map_page;
pub mod own_form;
pub mod toast;
pub mod viewer;
/// The workspace handle moved to [`crate::services::workspace`]; this re-export keeps
/// the old path compiling for one commit.
pub mod workspace {
    pub use crate::services::workspace::*;
}

/// Installs the panic hook, removes the static loading frame of `index.html` and mounts
/// the app on `<body>` in its place (same header, so nothing moves).
pub fn start() {
    crash::install_panic_hook();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
