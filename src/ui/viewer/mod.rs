//! The read-only viewer that share links open (`view/#/s/<payload>`, built from
//! `src/bin/viewer.rs` as a page of its own). It carries no editor, so a stakeholder's
//! phone downloads a fraction of the app: it decodes the link (asking for the passphrase
//! of a protected one), shows the map, its emotion curve, stakeholders, priorities (with
//! the pain-point matrix), plan and reviews, read-only, and can save a copy to this
//! browser's maps, which the app then opens for editing.

mod about;
mod card_details;
mod grid;
mod handoff;
mod map_view;
mod matrix;
mod people;
mod plan;
mod priorities;
mod reviews;

use crate::adapters::share::{decode_in_steps, unlock};
use crate::model::share::{self, ShareError};
use crate::model::JourneyMap;
use crate::routes::Route;
use crate::ui::header::Header;
use crate::ui::toast::{ToastArea, Toasts};
use leptos::prelude::*;

/// Installs the panic hook and mounts the viewer in place of the static frame of
/// `view/index.html` (the same header, and the same title where the link carries it).
pub fn start() {
    crate::ui::crash::install_panic_hook();
    crate::dom::boot::hand_over(|| leptos::mount::mount_to_body(Viewer));
    crate::ui::update_prompt::mount("../sw.js");
}

/// Where opening the link stands.
#[derive(Clone, Debug, PartialEq)]
enum Opening {
    /// Decoding a plain link (in short tasks).
    Decoding,
    /// Waiting for the passphrase (with the last error, if any).
    Locked(Option<String>),
    /// Decrypting.
    Unlocking,
    /// Open: the map and its plain payload.
    Open(JourneyMap, String),
    /// The link cannot be opened.
    Failed(String),
}

/// The payload in this page's address, if it holds a share link.
fn payload_in_address() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    match Route::parse(&hash) {
        Route::Shared(payload) => Some(payload),
        _ => None,
    }
}

/// The viewer page: header, the shared map (or why it cannot be shown), messages.
#[component]
fn Viewer() -> impl IntoView {
    let toasts = Toasts::new();
    provide_context(toasts);
    let payload = payload_in_address();
    let hint =
        crate::adapters::share::title_hint_of(&window().location().hash().unwrap_or_default());
    let framed = hint.is_some();
    let encrypted = payload.as_deref().is_some_and(share::is_encrypted);
    let state = RwSignal::new(match &payload {
        None => Opening::Failed(
            "This address holds no shared map. Ask the sender for the whole link: it ends with a long code after #/s/.".to_string(),
        ),
        Some(_) if encrypted => Opening::Locked(None),
        Some(_) => Opening::Decoding,
    });
    let payload = StoredValue::new(payload.unwrap_or_default());
    if encrypted {
        // Prime the coder while the user types the passphrase.
        if let Some(version) = share::format_of(&payload.get_value()) {
            leptos::task::spawn_local(crate::adapters::share::warm_up(version));
        }
    }
    if state.get_untracked() == Opening::Decoding {
        leptos::task::spawn_local(async move {
            let next = match decode_in_steps(&payload.get_value()).await {
                Ok((map, _)) => Opening::Open(map, payload.get_value()),
                Err(e) => Opening::Failed(e.to_string()),
            };
            state.set(next);
        });
    }
    let passphrase = RwSignal::new(String::new());
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = passphrase.get_untracked();
        state.set(Opening::Unlocking);
        leptos::task::spawn_local(async move {
            let opened = match unlock(&payload.get_value(), &pass).await {
                Ok(plain) => decode_in_steps(&plain).await.map(|(map, _)| (map, plain)),
                Err(e) => Err(e),
            };
            let next = match opened {
                Ok((map, plain)) => Opening::Open(map, plain),
                Err(ShareError::WrongPassphrase) => {
                    Opening::Locked(Some(ShareError::WrongPassphrase.to_string()))
                }
                Err(e) => Opening::Failed(e.to_string()),
            };
            state.set(next);
        });
    };
    let page = move || {
        match state.get() {
        Opening::Decoding if framed => map_view::pending_frame(hint.clone().unwrap_or_default()).into_any(),
        Opening::Decoding => view! {
            <section class="empty-state" data-testid="share-opening">
                <p class="boot-status" role="status"><span class="boot-spinner" aria-hidden="true"></span>"Opening the shared map…"</p>
            </section>
        }
        .into_any(),
        Opening::Open(map, plain) => view! { <map_view::SharedMap map=map payload=plain protected=encrypted/> }.into_any(),
        Opening::Failed(message) => view! {
            <section class="empty-state" data-testid="share-error" role="alert">
                <h1>"This share link cannot be opened"</h1>
                <p>{message}</p>
                <p><a class="button primary" href="../#/">"Go to your maps"</a></p>
            </section>
        }
        .into_any(),
        locked @ (Opening::Locked(_) | Opening::Unlocking) => {
            let (error, busy) = match locked {
                Opening::Locked(e) => (e, false),
                _ => (None, true),
            };
            view! {
                <section class="empty-state unlock" data-testid="share-locked">
                    <h1>"This map is protected"</h1>
                    <p>"Enter the passphrase the sender gave you. It never leaves this browser."</p>
                    {error.map(|e| view! { <p class="error-text" role="alert">{e}</p> })}
                    <form on:submit=unlock>
                        <label class="field">
                            <span class="field-label">"Passphrase"</span>
                            <input type="password" autocomplete="off" autofocus prop:value=move || passphrase.get()
                                on:input:target=move |ev| passphrase.set(ev.target().value())/>
                        </label>
                        <button type="submit" class="button primary" disabled=busy>{if busy { "Opening…" } else { "Open the map" }}</button>
                    </form>
                </section>
            }
            .into_any()
        }
    }
    };
    let full = move || match state.get() {
        Opening::Open(..) => true,
        Opening::Decoding => framed,
        _ => false,
    };
    view! {
        <Header home="../#/"/>
        <main id="main" class="app-main" class:full=full tabindex="-1">{page}</main>
        <ToastArea toasts=toasts/>
    }
}
