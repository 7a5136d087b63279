//! Moving cards, stages and lanes with a finger or a pen (Pointer Events): press and hold
//! for [`HOLD_MS`] to pick the item up, move it, lift the finger to drop it. A finger
//! that moves before then scrolls the map as usual; once an item is picked up the map
//! does not scroll under it (the grid's touchmove is cancelled), except near its edges,
//! where it scrolls towards the finger. The mouse keeps HTML drag and drop (drag.rs), and
//! the keyboard its Alt+arrow moves. Drops are handled where they land, like drag.rs's:
//! each target's `pointerup` takes what was lifted if it is of its kind.

use crate::model::Id;
use crate::ui::editor::drag::DragPayload;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a press is held before it picks the item up.
pub const HOLD_MS: u64 = 400;
/// How far (CSS pixels) a finger may wander while holding before the press counts as a
/// scroll instead.
const SLOP_PX: f64 = 10.0;
/// How close to the grid's edge a finger carrying an item scrolls the grid.
const EDGE_PX: f64 = 48.0;
/// How far the grid scrolls per move near an edge.
const EDGE_STEP_PX: f64 = 16.0;

/// What a press picks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifted {
    /// A card, from a lane group.
    Card(DragPayload),
    /// A stage (column).
    Stage(Id),
    /// A lane (row).
    Lane(Id),
}

struct Press {
    pointer: i32,
    x: f64,
    y: f64,
    what: Lifted,
    /// The element pressed (marked while lifted).
    element: web_sys::Element,
    timer: Option<TimeoutHandle>,
    lifted: bool,
    /// The drop target under the finger, marked.
    over: Option<web_sys::Element>,
}

thread_local! {
    static PRESS: RefCell<Option<Press>> = const { RefCell::new(None) };
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether an item is picked up (or a press may pick one up): HTML drag does not start
/// then, and the grid does not scroll under a lifted item.
pub fn active() -> bool {
    PRESS.with(|p| p.borrow().is_some())
}

fn lifted() -> bool {
    PRESS.with(|p| p.borrow().as_ref().is_some_and(|p| p.lifted))
}

/// Controls keep their own touch behaviour (typing, choosing, tapping): a press on one
/// picks nothing up.
const CONTROLS: &str = "textarea, input, select, button, a, label, [contenteditable]";

/// `pointerdown` on an item that can be moved: a touch or pen press starts the hold.
pub fn press(ev: &web_sys::PointerEvent, what: Lifted) {
    if ev.pointer_type() == "mouse" || !ev.is_primary() || ev.button() > 0 {
        return;
    }
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if target
        .as_ref()
        .is_some_and(|t| t.closest(CONTROLS).ok().flatten().is_some())
    {
        return;
    }
    let Some(element) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    // A press already under way (another finger) is left alone.
    if active() {
        return;
    }
    // Touch captures the pointer to the element pressed; released, the events go to the
    // element under the finger, so the drop lands where the finger is lifted.
    if let Some(t) = &target {
        if t.has_pointer_capture(ev.pointer_id()) {
            let _ = t.release_pointer_capture(ev.pointer_id());
        }
    }
    listen();
    let timer = set_timeout_with_handle(lift, std::time::Duration::from_millis(HOLD_MS)).ok();
    PRESS.with(|p| {
        *p.borrow_mut() = Some(Press {
            pointer: ev.pointer_id(),
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            what,
            element,
            timer,
            lifted: false,
            over: None,
        })
    });
}

/// The hold is over: the item is picked up.
fn lift() {
    PRESS.with(|p| {
        if let Some(p) = p.borrow_mut().as_mut() {
            p.lifted = true;
            p.timer = None;
            let _ = p.element.class_list().add_1("is-lifted");
        }
    });
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("touch-dragging");
    }
}

/// Ends the press, dropped or not: unmarks everything.
fn end() {
    let press = PRESS.with(|p| p.borrow_mut().take());
    if let Some(p) = press {
        if let Some(t) = p.timer {
            t.clear();
        }
        let _ = p.element.class_list().remove_1("is-lifted");
        if let Some(o) = p.over {
            let _ = o.class_list().remove_1("drop-target");
        }
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().remove_1("touch-dragging");
    }
}

/// The element a lifted item would drop on at (x, y), to mark it.
fn target_at(what: Lifted, x: f64, y: f64) -> Option<web_sys::Element> {
    let el = document().element_from_point(x as f32, y as f32)?;
    let selector = match what {
        Lifted::Card(_) => "li.card, td.cell",
        Lifted::Stage(_) => "th.stage-head, td.cell",
        Lifted::Lane(_) => "th.lane-head, td.cell",
    };
    el.closest(selector).ok().flatten()
}

/// Scrolls the grid when a finger carrying an item is near its edge.
fn edge_scroll(element: &web_sys::Element, x: f64, y: f64) {
    let Some(scroller) = element.closest(".grid-scroll").ok().flatten() else {
        return;
    };
    let r = scroller.get_bounding_client_rect();
    let step = |low: f64, high: f64, at: f64| {
        if at < low + EDGE_PX {
            -EDGE_STEP_PX
        } else if at > high - EDGE_PX {
            EDGE_STEP_PX
        } else {
            0.0
        }
    };
    let (dx, dy) = (step(r.left(), r.right(), x), step(r.top(), r.bottom(), y));
    if dx != 0.0 || dy != 0.0 {
        scroller.scroll_by_with_x_and_y(dx, dy);
    }
}

fn on_move(ev: &web_sys::PointerEvent) {
    let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
    let cancel = PRESS.with(|p| {
        let mut p = p.borrow_mut();
        let Some(p) = p.as_mut().filter(|p| p.pointer == ev.pointer_id()) else {
            return false;
        };
        if !p.lifted {
            // Moved before the hold was over: a scroll, not a move.
            return (x - p.x).hypot(y - p.y) > SLOP_PX;
        }
        let over = target_at(p.what, x, y);
        if over != p.over {
            if let Some(o) = &p.over {
                let _ = o.class_list().remove_1("drop-target");
            }
            if let Some(o) = &over {
                let _ = o.class_list().add_1("drop-target");
            }
            p.over = over;
        }
        edge_scroll(&p.element, x, y);
        false
    });
    if cancel {
        end();
    }
}

/// Window listeners for the presses (installed once): moves, the end of a press (after
/// the drop targets' own `pointerup`, which bubbles here last) and the cancel the browser
/// sends when it takes the finger over to scroll.
fn listen() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let _ = window_event_listener(leptos::ev::pointermove, |ev| on_move(&ev));
    let _ = window_event_listener(leptos::ev::pointerup, |_| end());
    let _ = window_event_listener(leptos::ev::pointercancel, |_| end());
    // A long press can open the context menu: not while an item is held.
    let _ = window_event_listener(leptos::ev::contextmenu, |ev| {
        if active() {
            ev.prevent_default();
        }
    });
}

/// Keeps the grid from scrolling under a lifted item: a non-passive `touchmove` listener
/// on the grid's scroll box (a passive one could not cancel the scroll).
pub fn hold_scroll(scroller: &web_sys::Element) {
    let f = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if lifted() {
            ev.prevent_default();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    let _ = scroller.add_event_listener_with_callback_and_add_event_listener_options(
        "touchmove",
        f.as_ref().unchecked_ref(),
        &options,
    );
    // Lives as long as the element (the grid mounts once per open map).
    f.forget();
}

/// Takes what was lifted at a `pointerup` if `accept` takes it (and ends the press).
fn take<T>(ev: &web_sys::PointerEvent, accept: impl Fn(Lifted) -> Option<T>) -> Option<T> {
    let what = PRESS.with(|p| {
        p.borrow()
            .as_ref()
            .filter(|p| p.lifted && p.pointer == ev.pointer_id())
            .map(|p| p.what)
    })?;
    let taken = accept(what)?;
    // Ended here, so the targets around this one find nothing to take; the event still
    // bubbles on (the page's press tracking listens for the release too).
    end();
    Some(taken)
}

/// A card dropped here, if one was carried.
pub fn take_card(ev: &web_sys::PointerEvent) -> Option<DragPayload> {
    take(ev, |w| match w {
        Lifted::Card(p) => Some(p),
        _ => None,
    })
}

/// A stage dropped here, if one was carried.
pub fn take_stage(ev: &web_sys::PointerEvent) -> Option<Id> {
    take(ev, |w| match w {
        Lifted::Stage(s) => Some(s),
        _ => None,
    })
}

/// A lane dropped here, if one was carried.
pub fn take_lane(ev: &web_sys::PointerEvent) -> Option<Id> {
    take(ev, |w| match w {
        Lifted::Lane(l) => Some(l),
        _ => None,
    })
}
