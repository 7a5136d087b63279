//! Entry point of the lean read-only viewer that share links open.

#[cfg(target_arch = "wasm32")]
fn main() {
    trailmap::ui::viewer::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Trailmap viewer runs in the browser: serve it with the README's serve command.");
}
