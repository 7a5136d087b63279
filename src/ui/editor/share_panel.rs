//! The share panel: a link that carries the whole map in its fragment, a QR code for the
//! workshop projector, and an optional passphrase.

use crate::adapters::files::download_text;
use crate::adapters::share::{copy_text, encode_encrypted, link_for};
use crate::model::persist;
use crate::model::share::reach::Reach;
use crate::model::share::strength::{passphrase_strength, Rating};
use crate::model::share::{self, qr};
use crate::ui::editor::state::{now_ms, EditorState, Panel, Part};
use leptos::prelude::*;
use std::time::Duration;

/// Pause in editing after which the link is made again.
const RELINK_AFTER: Duration = Duration::from_millis(400);

/// A link with its copy button and QR code.
#[component]
fn LinkBox(
    /// What the link is, e.g. "Link".
    label: &'static str,
    /// The link.
    #[prop(into)]
    link: Signal<String>,
    /// Test id of the link field.
    testid: &'static str,
) -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => editor.toasts.info("Copied the link."),
                Err(e) => editor
                    .toasts
                    .info(&format!("The link was not copied: {e}.")),
            }
        });
    };
    let qr = Memo::new(move |_| qr::qr_svg(&link.get()));
    let chars = Memo::new(move |_| link.with(|l| l.chars().count()));
    let reach = Memo::new(move |_| Reach::of(chars.get()));
    let download = move |_| {
        let (name, json) =
            editor.with_map_untracked(|m| persist::export_map_file(None, m, now_ms()));
        match download_text(&json, "application/json", &name) {
            Ok(()) => editor.toasts.info(&format!(
                "Downloaded {name}: send it as an attachment; it opens with Import in Trailmap."
            )),
            Err(e) => editor
                .toasts
                .info(&format!("The file was not downloaded: {e}.")),
        }
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input type="text" readonly prop:value=move || link.get() data-testid=testid
                on:focus:target=move |ev| ev.target().select()/>
        </label>
        <p class="meta link-meta">{move || format!("{} characters", chars.get())}
            <button type="button" class="button" on:click=copy>"Copy link"</button></p>
        {move || reach.get().advice().map(|text| view! {
            <div class="link-advice" role="note" data-testid=format!("{testid}-advice")>
                <p>{text}</p>
                <button type="button" class="button" on:click=download>"Download the map file"</button>
            </div>
        })}
        {move || match qr.get() {
            Some(svg) => view! { <div class="qr" data-testid="share-qr" inner_html=svg></div> }.into_any(),
            None => view! { <p class="hint">"This link is too long for a QR code: send it by message, or send the map's file."</p> }.into_any(),
        }}
    }
}

/// The share panel.
#[component]
pub fn SharePanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    // Encoding a map takes a few tens of milliseconds in the browser: made once on open,
    // then again only after a pause in typing, so keys stay fast while the panel is open.
    let make_link =
        move || editor.with_map_untracked(|m| link_for(&share::encode(m), Some(&m.scope.title)));
    let link = RwSignal::new(make_link());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(t) = timer.try_update_value(|t| t.take()).flatten() {
            t.clear();
        }
    };
    Effect::new(move |first: Option<()>| {
        editor.track(Part::Any);
        if first.is_some() {
            stop();
            if let Ok(t) = set_timeout_with_handle(move || link.set(make_link()), RELINK_AFTER) {
                timer.set_value(Some(t));
            }
        }
    });
    on_cleanup(stop);
    let passphrase = RwSignal::new(String::new());
    let protected = RwSignal::new(None::<String>);
    let strength =
        Memo::new(move |_| passphrase.with(|p| (!p.is_empty()).then(|| passphrase_strength(p))));
    let strength_class = Memo::new(move |_| match strength.get().map(|s| s.rating) {
        None => "",
        Some(Rating::Weak) => "weak",
        Some(Rating::Fair) => "fair",
        Some(Rating::Strong) => "strong",
    });
    let strength_text = Memo::new(move |_| match strength.get() {
        None => "A few unrelated words, 12 characters or more, are hard to guess.".to_string(),
        Some(s) => {
            let rating = match s.rating {
                Rating::Weak => "Weak: easy to guess",
                Rating::Fair => "Fair",
                Rating::Strong => "Strong",
            };
            format!("{rating} ({}).", s.reason)
        }
    });
    let busy = RwSignal::new(false);
    let protect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = passphrase.get_untracked();
        let strength = passphrase_strength(&pass);
        if strength.rating == Rating::Weak {
            editor.toasts.info(&format!(
                "That passphrase is easy to guess ({}). Use a few unrelated words, 12 characters or more.",
                strength.reason
            ));
            return;
        }
        busy.set(true);
        let map = editor.with_map_untracked(Clone::clone);
        leptos::task::spawn_local(async move {
            match encode_encrypted(&map, &pass).await {
                Ok(payload) => protected.set(Some(link_for(&payload, None))),
                Err(e) => editor
                    .toasts
                    .info(&format!("The protected link was not made: {e}.")),
            }
            busy.set(false);
        });
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="share-panel">
            <button type="button" class="icon close" aria-label="Close sharing" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Share"</h2>
            <p class="hint">"The whole map travels inside the link, after the #, which browsers never send to a server. Whoever opens it sees the map read-only and can save a copy of their own."</p>
            <LinkBox label="Link" link=link testid="share-link"/>
            <form class="protect" on:submit=protect>
                <h3>"Protect with a passphrase"</h3>
                <p class="hint">"The map is encrypted in the link (AES-256); the viewer needs the passphrase. Tell it separately, not in the same message."</p>
                <label class="field">
                    <span class="field-label">"Passphrase"</span>
                    <input type="password" autocomplete="new-password" prop:value=move || passphrase.get()
                        on:input:target=move |ev| passphrase.set(ev.target().value())
                        aria-describedby="passphrase-strength"/>
                </label>
                <p id="passphrase-strength" class=move || format!("hint strength {}", strength_class.get()) data-testid="passphrase-strength" aria-live="polite">
                    {move || strength_text.get()}
                </p>
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { "Encrypting…" } else { "Create protected link" }}
                </button>
            </form>
            {move || protected.get().map(|l| view! { <LinkBox label="Protected link" link=Signal::derive(move || l.clone()) testid="protected-link"/> })}
        </aside>
    }
}
