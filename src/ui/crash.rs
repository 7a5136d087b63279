//! The crash panel: shown by the panic hook instead of a blank page.
//!
//! Built with plain DOM calls (the reactive runtime may be what failed), and its
//! download link is a plain `<a download>` with a Blob URL, so it keeps working after
//! the WebAssembly module has stopped.

use crate::adapters::recovery;
use wasm_bindgen::JsValue;

/// Installs the panic hook that logs the panic and shows the crash panel.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("Trailmap stopped: {message}")));
        let _ = show_panel(&message);
    }));
}

fn show_panel(message: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    if document.get_element_by_id("crash-panel").is_some() {
        return Ok(());
    }
    let json = recovery::recovery_json();
    let parts = js_sys::Array::of1(&JsValue::from_str(&json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;

    let panel = document.create_element("section")?;
    panel.set_id("crash-panel");
    panel.set_class_name("crash-panel");
    panel.set_attribute("role", "alertdialog")?;
    panel.set_attribute("aria-labelledby", "crash-title")?;
    let title = document.create_element("h1")?;
    title.set_id("crash-title");
    title.set_text_content(Some("Trailmap stopped because of an error"));
    let text = document.create_element("p")?;
    text.set_text_content(Some(
        "Your saved maps are still in this browser. Download a copy of everything, \
         including changes not yet saved, then reload the page. You can import the \
         file from the map list.",
    ));
    let actions = document.create_element("p")?;
    actions.set_class_name("crash-actions");
    let download = document.create_element("a")?;
    download.set_class_name("button primary");
    download.set_attribute("href", &url)?;
    download.set_attribute("download", "trailmap-recovery.json")?;
    download.set_text_content(Some("Download my data"));
    // A plain link, so it works after the wasm module has stopped (and under the page's
    // Content-Security-Policy, which refuses inline handlers): this address with a new
    // query is a full page load, which keeps the route in the fragment.
    let reload = document.create_element("a")?;
    reload.set_class_name("button");
    reload.set_attribute("href", &reload_address()?)?;
    reload.set_text_content(Some("Reload"));
    actions.append_child(&download)?;
    actions.append_child(&reload)?;
    let details = document.create_element("details")?;
    let summary = document.create_element("summary")?;
    summary.set_text_content(Some("Technical details"));
    let pre = document.create_element("pre")?;
    pre.set_text_content(Some(message));
    details.append_child(&summary)?;
    details.append_child(&pre)?;
    for child in [&title, &text, &actions, &details] {
        panel.append_child(child)?;
    }
    body.append_child(&panel)?;
    Ok(())
}

/// This page's address with a query of its own (the app reads none), so following it
/// loads the page anew; the same address would only move to its fragment.
fn reload_address() -> Result<String, JsValue> {
    let location = web_sys::window().ok_or("no window")?.location();
    Ok(format!(
        "{}?reload={}{}",
        location.pathname()?,
        js_sys::Date::now() as u64,
        location.hash()?
    ))
}
