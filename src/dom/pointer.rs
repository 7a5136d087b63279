//! Whether a pointer button is held down, so that a layout change caused by losing focus
//! can wait until the click that moved the focus is over. (A card that shrinks when the
//! press on a button below it blurs the card would move that button away before the
//! release, and the click would be lost.)

use leptos::prelude::*;
use std::cell::RefCell;

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
        set_timeout(
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
    // The handles are dropped: the listeners live as long as the page.
    let _ = window_event_listener(leptos::ev::pointerdown, |_| {
        STATE.with(|s| s.borrow_mut().down = true)
    });
    let _ = window_event_listener(leptos::ev::pointerup, |_| released());
    // A drag or a scroll gesture that takes over the pointer ends the press too.
    let _ = window_event_listener(leptos::ev::pointercancel, |_| released());
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

/// Sends the rest of this pointer's events (moves, release) to the element it went down
/// on, however far it moves: what a drag needs.
pub fn capture(ev: &web_sys::PointerEvent) {
    if let Some(target) = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    {
        let _ = target.set_pointer_capture(ev.pointer_id());
    }
}
