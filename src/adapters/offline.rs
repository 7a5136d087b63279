//! The service worker that keeps the site working offline (`sw.js` at the site root,
//! written by `scripts/post-build.mjs`): registration and the update handshake.
//!
//! A new version of the site installs in the background and then waits; the page learns
//! of it (`on_ready`) and asks the user. Only [`apply_update`] (the user's "Reload")
//! tells the waiting worker to take over, and the page reloads once it does. The page
//! never reloads on its own.
//!
//! Registered in release builds only: `trunk serve` (debug) has no `sw.js`.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
    ServiceWorkerUpdateViaCache,
};

/// What this page knows of its service worker.
#[derive(Default)]
struct State {
    registration: Option<ServiceWorkerRegistration>,
    /// The user asked for the new version: reload when it takes control.
    reload_asked: bool,
    /// A worker controlled this page before the latest change of controller.
    had_controller: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// The browser's service worker container, if it has one (not in insecure contexts).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// Registers the service worker at `script` (relative to the page: `sw.js` from the
/// app, `../sw.js` from the viewer) and calls `on_ready` whenever a new version of the
/// site is installed and waiting for the user's go-ahead. Without service workers, or
/// when registration fails (offline on a first visit, blocked), the page works as
/// before, online only.
pub fn register(script: &str, on_ready: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    let on_ready: Rc<dyn Fn()> = Rc::new(on_ready);
    STATE.with_borrow_mut(|s| s.had_controller = container.controller().is_some());

    // A new worker took control: the one the user asked for (reload into it), or one
    // another tab asked for (this tab still runs the old version: offer the reload).
    let ready = on_ready.clone();
    let on_controller = Closure::<dyn Fn()>::new(move || {
        let (asked, had) = STATE.with_borrow_mut(|s| {
            let had = std::mem::replace(&mut s.had_controller, true);
            (s.reload_asked, had)
        });
        if asked {
            let _ = web_sys::window().map(|w| w.location().reload());
        } else if had {
            ready();
        }
    });
    let _ = container.add_event_listener_with_callback(
        "controllerchange",
        on_controller.as_ref().unchecked_ref(),
    );
    on_controller.forget();

    let options = RegistrationOptions::new();
    // Always fetch sw.js itself from the network, so a deploy is noticed at once.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let promise = container.register_with_options(script, &options);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(promise).await else {
            return;
        };
        // Some hosts (test browsers) resolve without a registration.
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        watch(&container, &registration, on_ready);
        STATE.with_borrow_mut(|s| s.registration = Some(registration));
    });
}

/// Calls `on_ready` when a new version is waiting now or installs later, and looks for
/// a new version whenever the page comes back into view.
fn watch(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_ready: Rc<dyn Fn()>,
) {
    // Waiting since an earlier visit (a worker waits only when another one is active).
    if registration.waiting().is_some() && container.controller().is_some() {
        on_ready();
    }
    let reg = registration.clone();
    let container = container.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = reg.installing() else {
            return;
        };
        let ready = on_ready.clone();
        let container = container.clone();
        let w = worker.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            // Installed while another version controls the page: that one is now stale.
            // (The first version, with no controller, simply takes over.)
            if w.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                ready();
            }
        });
        let _ = worker
            .add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
        on_state.forget();
    });
    let _ = registration
        .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
    on_found.forget();

    let reg = registration.clone();
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            check_for_update(&reg);
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_visible.forget();
}

/// Asks the server whether sw.js changed (ignoring failure: offline is fine).
fn check_for_update(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// The user's "Reload": the waiting version takes over and the page reloads into it
/// (once it controls the page). If it already took over (another tab asked), reloads.
pub fn apply_update() {
    let waiting = STATE.with_borrow_mut(|s| {
        s.reload_asked = true;
        s.registration.as_ref().and_then(|r| r.waiting())
    });
    match waiting {
        Some(worker)
            if worker
                .post_message(&JsValue::from_str("skip-waiting"))
                .is_ok() => {}
        _ => {
            let _ = web_sys::window().map(|w| w.location().reload());
        }
    }
}
