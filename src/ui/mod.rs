//! Leptos components, one per file. State lives in signals built from the model;
//! no model logic inside `view!`.

pub mod app;
pub mod banner;
pub mod chart_table;
pub mod copy_in;
pub mod crash;
pub mod editor;
pub mod field;
pub mod header;
pub mod later;
pub mod list_page;
pub mod map_list;
pub mod map_page;
pub mod own_form;
pub mod pain_matrix;
pub mod present;
pub mod toast;
pub mod update_prompt;
pub mod viewer;

/// The editor page (`edit/index.html`, bin `editor`): installs the panic hook, removes
/// the static loading frame and mounts the whole app (map list and editor) on `<body>`
/// in its place (same header, so nothing moves); registers the service worker that keeps
/// the site working offline (at the site's root), with its update prompt.
pub fn start() {
    crash::install_panic_hook();
    crate::dom::boot::hand_over(|| leptos::mount::mount_to_body(app::App));
    update_prompt::mount("../sw.js");
}
