//! Entry point of the page that opens the site (`index.html`): the lean map list. Maps
//! open in the editor page (src/bin/editor.rs), share links in the viewer
//! (src/bin/viewer.rs).

#[cfg(target_arch = "wasm32")]
fn main() {
    trailmap::ui::list_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Trailmap runs in the browser: serve it with the README's serve command.");
}
