//! Whether a pointer button is held down, so that a layout change caused by losing focus
//! can wait until the click that moved the focus is over. (A card that shrinks when the
//! press on a button below it blurs the card would move that button away before the
//! release, and the click would be lost.)

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's pointer state.
#[derive(Default)]
struct PointerState {
    listening: bool,
    down: bool,
    /// Work waiting for the release.
    waiting: Vec<Box<dyn FnOnce()>>,
}

thread_local! {
    static STATE: RefCell<PointerState> = RefCell::new(PointerState::default());
}

/// Runs the work that waited for the release, after the click it ends has been handled.
fn released() {
    let waiting = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.down = false;
        std::mem::take(&mut s.waiting)
    });
    if !waiting.is_empty() {
        // The click is dispatched right after the release, in the same task.
        leptos::prelude::set_timeout(
            move || waiting.into_iter().for_each(|f| f()),
            std::time::Duration::ZERO,
        );
    }
}

/// Starts listening for presses and releases of any pointer: once per page (later calls
/// do nothing), before focus can move.
pub fn track_presses() {
    let first = STATE.with(|s| !std::mem::replace(&mut s.borrow_mut().listening, true));
    if !first {
        return;
    }
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    let window = leptos::prelude::window();
    let listen = |event: &str, f: fn()| {
        let closure = Closure::<dyn Fn()>::new(f);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            closure.as_ref().unchecked_ref(),
            &options,
        );
        // Lives as long as the page.
        closure.forget();
    };
    listen("pointerdown", || STATE.with(|s| s.borrow_mut().down = true));
    listen("pointerup", released);
    // A drag or a scroll gesture that takes over the pointer ends the press too.
    listen("pointercancel", released);
}

/// Runs `f` now, or after the click in progress if a pointer button is held down.
pub fn after_press(f: impl FnOnce() + 'static) {
    let run_now = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.down {
            s.waiting.push(Box::new(f));
            None
        } else {
            Some(f)
        }
    });
    if let Some(f) = run_now {
        f();
    }
}
