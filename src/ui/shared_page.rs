//! A map opened from a share link: read-only, with "Save a copy to my maps"; asks for the
//! passphrase of a protected link; explains a bad link.

use crate::adapters::route::navigate;
use crate::adapters::share::{decode_in_steps, decode_with_passphrase};
use crate::model::share::{self, ShareError};
use crate::model::JourneyMap;
use crate::routes::Route;
use crate::ui::banner::{Banner, BannerKind};
use crate::ui::editor::page::EditorPage;
use crate::ui::editor::state::EditorState;
use crate::ui::toast::Toasts;
use crate::ui::workspace::Workspace;
use leptos::context::Provider;
use leptos::prelude::*;

/// Where opening the link stands.
#[derive(Clone, Debug, PartialEq)]
enum Opening {
    /// Decoding a plain link (in short tasks).
    Decoding,
    /// Waiting for the passphrase (with the last error, if any).
    Locked(Option<String>),
    /// Decrypting.
    Unlocking,
    /// Open.
    Open(JourneyMap),
    /// The link cannot be opened.
    Failed(String),
}

/// The shared-map page.
#[component]
pub fn SharedPage(payload: String) -> impl IntoView {
    let encrypted = share::is_encrypted(&payload);
    let state = RwSignal::new(if encrypted {
        Opening::Locked(None)
    } else {
        Opening::Decoding
    });
    if !encrypted {
        let payload = payload.clone();
        leptos::task::spawn_local(async move {
            let next = match decode_in_steps(&payload).await {
                Ok((map, _)) => Opening::Open(map),
                Err(e) => Opening::Failed(e.to_string()),
            };
            state.try_set(next);
        });
    }
    let passphrase = RwSignal::new(String::new());
    let payload = StoredValue::new(payload);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = passphrase.get_untracked();
        let payload = payload.get_value();
        state.set(Opening::Unlocking);
        leptos::task::spawn_local(async move {
            let next = match decode_with_passphrase(&payload, &pass).await {
                Ok(map) => Opening::Open(map),
                Err(ShareError::WrongPassphrase) => {
                    Opening::Locked(Some(ShareError::WrongPassphrase.to_string()))
                }
                Err(e) => Opening::Failed(e.to_string()),
            };
            state.set(next);
        });
    };
    move || {
        match state.get() {
        Opening::Decoding => view! {
            <section class="empty-state" data-testid="share-opening">
                <p class="boot-status" role="status"><span class="boot-spinner" aria-hidden="true"></span>"Opening the shared map…"</p>
            </section>
        }
        .into_any(),
        Opening::Open(map) => view! { <SharedMap map=map/> }.into_any(),
        Opening::Failed(message) => view! {
            <section class="empty-state" data-testid="share-error" role="alert">
                <h1>"This share link cannot be opened"</h1>
                <p>{message}</p>
                <p><a class="button primary" href="#/">"Go to your maps"</a></p>
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
    }
}

/// A decoded shared map, read-only, with a way to keep a copy.
#[component]
fn SharedMap(map: JourneyMap) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let toasts = expect_context::<Toasts>();
    let viewer = EditorState::new(map, true, toasts);
    let save = move |_| {
        let copy = viewer.with_map_untracked(Clone::clone);
        match workspace.create(&copy) {
            Ok(id) => {
                toasts.info("Saved a copy to your maps. This copy is yours to edit; the sender's map is unchanged.");
                navigate(&Route::Map(id));
            }
            Err(e) => toasts.info(&format!(
                "The copy was not saved: {e}. Free some space, or export your maps."
            )),
        }
    };
    view! {
        <Banner kind=BannerKind::Info>
            <span data-testid="shared-banner"><strong>"Shared map, read-only. "</strong>"It lives only in this link until you save a copy."</span>
            <span class="banner-actions"><button type="button" class="button primary" on:click=save>"Save a copy to my maps"</button></span>
        </Banner>
        <Provider value=viewer>
            <EditorPage/>
        </Provider>
    }
}
