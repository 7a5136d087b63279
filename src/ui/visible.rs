//! Windowed mounting for big maps: cells mount their cards in chunks as they come near
//! the viewport, so a map with hundreds of cards opens as fast as a small one.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How far beyond the viewport a placeholder counts as visible.
const MARGIN: &str = "300px";

/// Calls `on_visible` whenever the element behind `target` is (or comes) within
/// [`MARGIN`] of the viewport. Call `rearm` (returned) after growing the content before
/// the element, so that an element that is still visible reports again.
pub fn use_near_viewport<E>(target: NodeRef<E>, on_visible: impl Fn() + 'static) -> impl Fn() + Copy
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let observer: StoredValue<
        Option<send_wrapper::SendWrapper<web_sys::IntersectionObserver>>,
        LocalStorage,
    > = StoredValue::new_local(None);
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let hit = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if hit {
            on_visible();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(MARGIN);
    if let Ok(io) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    {
        observer.set_value(Some(send_wrapper::SendWrapper::new(io)));
    }
    // One small closure per placeholder, alive as long as the page.
    callback.forget();
    // Called from animation frames: the component may be gone by then, so nothing here
    // may assume its signals still exist.
    let rearm = move || {
        observer.try_with_value(|io| {
            if let (Some(io), Some(el)) = (io, target.try_get_untracked().flatten()) {
                if let Ok(el) = el.dyn_into::<web_sys::Element>() {
                    io.disconnect();
                    io.observe(&el);
                }
            }
        });
    };
    Effect::new(move |_| {
        if target.get().is_some() {
            rearm();
        }
    });
    on_cleanup(move || {
        observer.try_with_value(|io| {
            if let Some(io) = io {
                io.disconnect();
            }
        });
    });
    rearm
}
