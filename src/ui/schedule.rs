//! Work that can wait until the browser has painted what the user just did.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Runs `f` once the next frame has been painted: a task queued from the frame's
/// animation callbacks runs after that frame. For updates that need not share a
/// keystroke's frame (a layout shift, a status label), so the key shows at once.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
