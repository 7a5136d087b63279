//! Share links in the browser: building the link from the page's own address, and the
//! passphrase layer with WebCrypto (PBKDF2-HMAC-SHA256 → AES-256-GCM), native and fast.
//! From link format 3 on, the link's header (format, key derivation and its rounds, salt,
//! nonce) is AES-GCM's additional authenticated data, so a changed header fails to
//! decrypt like a changed ciphertext; the model refuses out-of-range rounds before any
//! key derivation ([`share::unseal`]).

use crate::adapters::tasks::next_task;
use crate::model::restore::RestoreReport;
use crate::model::share::{self, Sealed, ShareError, PBKDF2_ITERATIONS};
use crate::model::JourneyMap;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes the coder learns or decodes per task while a link opens: 4 KB took 12-20 ms on a
/// laptop, 50-130 ms with the CPU four times slower (Lighthouse's phone), each a long
/// task; 1 KB keeps a phone's steps near 20 ms, for about 40 steps in all.
const STEP: usize = 1024;

/// Gets the coder of link format `version` ready in short tasks, yielding to the browser
/// between them, so opening a link never blocks the page for long.
pub async fn warm_up(version: u8) {
    while !share::warm_up(version, STEP) {
        crate::adapters::tasks::next_task().await;
    }
}

/// Runs `steps` to the end in short tasks, yielding to the browser between them.
async fn run_steps(mut steps: share::Steps) -> Result<(JourneyMap, RestoreReport), ShareError> {
    loop {
        if let Some(done) = steps.step(STEP) {
            return done;
        }
        next_task().await;
    }
}

/// Opens a plain payload without one long task: it starts in a task of its own (not in
/// the one that mounted the page), primes the coder and decodes in short tasks
/// ([`share::Steps`]), and the caller's next step (drawing the map) gets a task of its
/// own too.
pub async fn decode_in_steps(payload: &str) -> Result<(JourneyMap, RestoreReport), ShareError> {
    next_task().await;
    let decoded = match share::decode_in_steps(payload) {
        Ok(steps) => run_steps(steps).await,
        Err(e) => Err(e),
    };
    next_task().await;
    decoded
}

/// How much of a map's title a plain link carries for the viewer's first paint.
const HINT_CHARS: usize = 100;

/// The full link for a payload, made in the app: the viewer page beside this page (any
/// sub-path) with `#/s/<payload>`. A plain link also carries the map's title after the
/// payload (`?t=<title>`, spaces as `+`) for the viewer page's first paint: it shows the
/// title from static HTML while the wasm downloads, so a phone sees what it is opening
/// at once. Only that first paint reads it; the map, title included, comes from the
/// payload alone (a fragment's query was ignored by every release's [`Route::parse`]), so
/// the hint cannot change what a link opens, and old links without it open as before.
/// Protected links never carry it.
///
/// [`Route::parse`]: crate::routes::Route::parse
pub fn link_for(payload: &str, title: Option<&str>) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| {
            Some(format!(
                "{}{}",
                l.origin().ok()?,
                crate::routes::viewer_path(&l.pathname().ok()?)
            ))
        })
        .unwrap_or_default();
    let hint = title
        .map(title_hint)
        .filter(|h| !h.is_empty())
        .map(|h| format!("?t={h}"))
        .unwrap_or_default();
    format!("{base}#/s/{payload}{hint}")
}

/// A title as a link carries it: trimmed, at most [`HINT_CHARS`] characters (then "…"),
/// percent-encoded as `encodeURIComponent` does, spaces as `+`.
pub fn title_hint(title: &str) -> String {
    let title = title.trim();
    let mut short: String = title.chars().take(HINT_CHARS).collect();
    if short.len() < title.len() {
        short.push('…');
    }
    String::from(js_sys::encode_uri_component(&short)).replace("%20", "+")
}

/// The title a share link's fragment carries for the first paint (see [`link_for`]).
pub fn title_hint_of(hash: &str) -> Option<String> {
    let raw = crate::routes::fragment_query(hash, "t")?;
    let title = String::from(js_sys::decode_uri_component(&raw.replace('+', " ")).ok()?);
    (!title.trim().is_empty()).then_some(title)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| {
            "this browser has no Web Crypto (it needs a secure https:// or localhost page)".into()
        })
}

/// Random bytes from the browser's cryptographic generator.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut out = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut out).ok())
        .ok_or("this browser cannot make random numbers")?;
    Ok(out)
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<web_sys::CryptoKey, JsValue> {
    let subtle = subtle().map_err(|e| JsValue::from_str(&e))?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let material = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?;
    let params = Object::new();
    set(&params, "name", &"PBKDF2".into());
    set(&params, "salt", &Uint8Array::from(salt));
    set(&params, "iterations", &JsValue::from(iterations));
    set(&params, "hash", &"SHA-256".into());
    let aes = Object::new();
    set(&aes, "name", &"AES-GCM".into());
    set(&aes, "length", &JsValue::from(256));
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        material.unchecked_ref(),
        &aes,
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

/// AES-GCM parameters: the nonce and, when the link format authenticates its header,
/// that header as additional data.
fn gcm(sealed: &Sealed) -> Object {
    let params = Object::new();
    set(&params, "name", &"AES-GCM".into());
    set(&params, "iv", &Uint8Array::from(&sealed.nonce[..]));
    let aad = sealed.additional_data();
    if !aad.is_empty() {
        set(&params, "additionalData", &Uint8Array::from(&aad[..]));
    }
    params
}

/// The passphrase-protected payload of `map`.
pub async fn encode_encrypted(map: &JourneyMap, passphrase: &str) -> Result<String, String> {
    let salt = random_bytes::<16>()?;
    let nonce = random_bytes::<12>()?;
    let body = share::plain_body(map);
    let failed = |_| "the link could not be encrypted in this browser".to_string();
    let key = derive_key(passphrase, &salt, PBKDF2_ITERATIONS)
        .await
        .map_err(failed)?;
    let subtle = subtle()?;
    let mut sealed = Sealed {
        version: share::FORMAT_VERSION,
        iterations: PBKDF2_ITERATIONS,
        salt,
        nonce,
        ciphertext: Vec::new(),
    };
    let encrypted = JsFuture::from(
        subtle
            .encrypt_with_object_and_u8_array(&gcm(&sealed), &key, &body)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    sealed.ciphertext = Uint8Array::new(&encrypted).to_vec();
    Ok(share::seal(&sealed))
}

/// Decrypts a passphrase-protected payload into the plain payload of the same map (its
/// format and body, as an unprotected link would carry them), which opens like any plain
/// link and can be handed to the app to keep a copy.
pub async fn unlock(payload: &str, passphrase: &str) -> Result<String, ShareError> {
    let sealed = share::unseal(payload)?;
    let key = derive_key(passphrase, &sealed.salt, sealed.iterations)
        .await
        .map_err(|_| ShareError::Damaged("this browser could not derive the key".into()))?;
    let subtle = subtle().map_err(ShareError::Damaged)?;
    let promise = subtle
        .decrypt_with_object_and_u8_array(&gcm(&sealed), &key, &sealed.ciphertext)
        .map_err(|_| ShareError::WrongPassphrase)?;
    // AES-GCM refuses a wrong key and any tampering (of the ciphertext, and from format 3
    // on of the header) with an OperationError: it cannot tell them apart.
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| ShareError::WrongPassphrase)?;
    Ok(share::plain_payload(
        sealed.version,
        &Uint8Array::new(&plain).to_vec(),
    ))
}

/// Opens a passphrase-protected payload (decrypted, then opened in steps).
pub async fn decode_with_passphrase(
    payload: &str,
    passphrase: &str,
) -> Result<JourneyMap, ShareError> {
    let plain = unlock(payload, passphrase).await?;
    decode_in_steps(&plain).await.map(|(map, _)| map)
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or("no clipboard")?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "the browser did not allow copying; select the link and copy it by hand".to_string()
        })
}
