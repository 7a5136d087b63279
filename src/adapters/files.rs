//! Files: downloads (JSON, SVG, PNG) through a temporary link.

use wasm_bindgen::JsCast;

/// Starts a download of `url` (a data: or blob: URL) as `file_name`.
pub fn download_url(url: &str, file_name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("the page is not ready")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the download could not start")?
        .unchecked_into();
    link.set_href(url);
    link.set_download(file_name);
    link.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("the page is not ready")?;
    body.append_child(&link)
        .map_err(|_| "the download could not start")?;
    link.click();
    link.remove();
    Ok(())
}

/// Starts a download of `text` with MIME type `mime` as `file_name`.
pub fn download_text(text: &str, mime: &str, file_name: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the file could not be prepared")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the file could not be prepared")?;
    let result = download_url(&url, file_name);
    // Revoke after the click has been handled.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(30),
    );
    result
}

async fn file_text(file: web_sys::File) -> Result<String, String> {
    const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
    if file.size() > MAX_BYTES {
        return Err(format!(
            "“{}” is too large ({:.0} MB; the limit is 20 MB). Is it really a Trailmap file?",
            file.name(),
            file.size() / 1024.0 / 1024.0
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("“{}” could not be read.", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("“{}” is not a text file.", file.name()))
}

/// The text of the file chosen in a file input, if any.
pub async fn read_file_input_text(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<String>, String> {
    match input.files().and_then(|f| f.get(0)) {
        Some(file) => file_text(file).await.map(Some),
        None => Ok(None),
    }
}

/// The text of a file (or plain text) dropped on the page, if any.
pub async fn read_dropped_text(ev: &web_sys::DragEvent) -> Result<Option<String>, String> {
    let Some(data) = ev.data_transfer() else {
        return Ok(None);
    };
    if let Some(file) = data.files().and_then(|f| f.get(0)) {
        return file_text(file).await.map(Some);
    }
    Ok(data
        .get_data("text/plain")
        .ok()
        .filter(|t| !t.trim().is_empty()))
}

/// An SVG document as an image address (`data:`), for an `<img>`: the chart exports drawn
/// as pictures in the poster, the presentation and the phone story.
pub fn svg_data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}
