//! Windowed mounting for big maps: cells mount their cards in chunks as they come near
//! the viewport, so a map with hundreds of cards opens as fast as a small one.
//!
//! Elements are checked against the viewport when something scrolls, when the window
//! resizes and when a cell asks for it, never on every frame. (An IntersectionObserver
//! per cell made the browser map every observed cell on each frame: about 0.25 ms of
//! each keystroke's frame on a large map.)

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How far beyond the window (CSS pixels) an element counts as near the viewport.
const MARGIN: f64 = 300.0;

/// One watched element.
struct Watched {
    id: u64,
    element: web_sys::Element,
    wanted: Rc<dyn Fn() -> bool>,
    on_visible: Rc<dyn Fn()>,
}

/// Every watched element of the page, and whether a check is already scheduled.
#[derive(Default)]
struct Registry {
    next_id: u64,
    watched: Vec<Rc<Watched>>,
    check_scheduled: bool,
    listening: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// A rectangle in viewport coordinates: left, top, right, bottom.
type Bounds = (f64, f64, f64, f64);

/// Whether `rect` overlaps `bounds` (an element with no box never does).
fn overlaps(rect: &web_sys::DomRect, (left, top, right, bottom): Bounds) -> bool {
    let laid_out = rect.width() > 0.0 || rect.height() > 0.0;
    laid_out
        && rect.bottom() > top
        && rect.top() < bottom
        && rect.right() > left
        && rect.left() < right
}

/// Where an element can be seen: the window grown by [`MARGIN`], cut to the element's
/// scroll container (the way an IntersectionObserver with that root margin sees it).
fn visible_bounds(element: &web_sys::Element, width: f64, height: f64) -> Bounds {
    let window = (-MARGIN, -MARGIN, width + MARGIN, height + MARGIN);
    match element.closest("[data-scroll-root]").ok().flatten() {
        Some(root) => {
            let r = root.get_bounding_client_rect();
            (
                window.0.max(r.left()),
                window.1.max(r.top()),
                window.2.min(r.right()),
                window.3.min(r.bottom()),
            )
        }
        None => window,
    }
}

/// Calls the callback of every wanted element that is near the viewport.
fn check_now() {
    let due: Vec<Rc<Watched>> = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.check_scheduled = false;
        r.watched.clone()
    });
    let window = window();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    for w in due {
        if w.element.is_connected()
            && (w.wanted)()
            && overlaps(
                &w.element.get_bounding_client_rect(),
                visible_bounds(&w.element, width, height),
            )
        {
            (w.on_visible)();
        }
    }
}

/// Checks the watched elements in the next animation frame (once, however often asked):
/// for when something they depend on shows again without a scroll (a view shown again).
pub fn schedule_check() {
    let first = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        !std::mem::replace(&mut r.check_scheduled, true)
    });
    if first {
        request_animation_frame(check_now);
    }
}

/// Listens (once per page) for scrolling anywhere and for window resizes.
fn listen_once() {
    let first = REGISTRY.with(|r| !std::mem::replace(&mut r.borrow_mut().listening, true));
    if !first {
        return;
    }
    let on_change = Closure::<dyn Fn()>::new(schedule_check);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    let window = window();
    // Scroll events do not bubble; a capturing listener on the window sees them all.
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        on_change.as_ref().unchecked_ref(),
        &options,
    );
    let _ = window.add_event_listener_with_callback("resize", on_change.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_change.forget();
}

/// Calls `on_visible` whenever the element behind `target` is (or comes) within
/// [`MARGIN`] of the window and inside its scroll container (the nearest ancestor marked
/// `data-scroll-root`), as long as `wanted` says there is something left to show.
/// Call the returned `rearm` after growing the content before the element, so that an
/// element that is still near the viewport reports again.
pub fn use_near_viewport<E>(
    target: NodeRef<E>,
    wanted: impl Fn() -> bool + 'static,
    on_visible: impl Fn() + 'static,
) -> impl Fn() + Copy
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    listen_once();
    let wanted: Rc<dyn Fn() -> bool> = Rc::new(wanted);
    let on_visible: Rc<dyn Fn()> = Rc::new(on_visible);
    let registered: StoredValue<Option<u64>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = target
            .get()
            .and_then(|el| el.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let (wanted, on_visible) = (wanted.clone(), on_visible.clone());
        let id = REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            let id = r.next_id;
            r.next_id += 1;
            r.watched.push(Rc::new(Watched {
                id,
                element,
                wanted,
                on_visible,
            }));
            id
        });
        if let Some(old) = registered.try_update_value(|r| r.replace(id)).flatten() {
            unregister(old);
        }
        schedule_check();
    });
    on_cleanup(move || {
        if let Some(id) = registered.try_update_value(|r| r.take()).flatten() {
            unregister(id);
        }
    });
    schedule_check
}

/// `wanted`, held false until the next paint, when the watched elements are checked
/// again: for [`use_near_viewport`] content that can wait until the view's first frame
/// is drawn (rows below the first screen, a chart further down), so that the frame which
/// opens a view draws only what it must.
pub fn from_next_paint(wanted: impl Fn() -> bool + 'static) -> impl Fn() -> bool + 'static {
    let painted = Rc::new(std::cell::Cell::new(false));
    let flag = painted.clone();
    crate::dom::schedule::after_next_paint(move || {
        flag.set(true);
        schedule_check();
    });
    move || painted.get() && wanted()
}

/// Stops watching an element.
fn unregister(id: u64) {
    REGISTRY.with(|r| r.borrow_mut().watched.retain(|w| w.id != id));
}
