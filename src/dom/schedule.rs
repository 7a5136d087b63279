//! Work that can wait until the browser has painted what the user just did.

use leptos::prelude::*;
use std::time::Duration;

/// Runs `f` once the next frame has been painted: a task queued from the frame's
/// animation callbacks runs after that frame. For updates that need not share a
/// keystroke's frame (a layout shift, a status label), so the key shows at once.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// A copy of `source` that takes each new value one frame late. For state shown far
/// from where the user types (the save status, the undo button): changed in the
/// keystroke's own frame, its repaint and the card's would make the browser redraw
/// the whole area between them (about 2 ms on a software-drawn page).
pub fn shown_after_paint<T>(source: impl Fn() -> T + Send + Sync + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let source = Memo::new(move |_| source());
    let shown = RwSignal::new(source.get_untracked());
    Effect::new(move |_| {
        let value = source.get();
        after_next_paint(move || {
            // Unless it changed again meanwhile (that change schedules its own update).
            if source.try_get_untracked().as_ref() == Some(&value) {
                shown.try_set(value);
            }
        });
    });
    shown.read_only()
}
