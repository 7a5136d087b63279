//! Entry point of the editor page (`edit/`): the whole app, map list and editor.

#[cfg(target_arch = "wasm32")]
fn main() {
    trailmap::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Trailmap runs in the browser: serve it with the README's serve command.");
}
