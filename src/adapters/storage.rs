//! localStorage as a [`KeyValueStore`].
//!
//! Two parts, each for what it does best:
//! - **the start-up probe** ([`LocalStore::open`]) uses `web_sys::Storage` directly: it
//!   writes and removes a probe entry and turns every way the browser can refuse
//!   (storage disabled, blocked by policy, a sandboxed frame) into a reason shown to the
//!   user. It must stay: gloo-storage's accessors `expect_throw` when the browser throws,
//!   which would crash the app exactly where it should fall back to memory;
//! - **reading and writing entries** once the probe found storage usable goes through
//!   gloo-storage (`LocalStorage::get`, `set`, `delete`). gloo stores JSON; Trailmap's
//!   entries are JSON texts already, so they pass through as `serde_json::RawValue`, byte
//!   for byte (the stored format does not change). An entry that is not JSON (a damaged
//!   one being set aside) is read and written as plain text through the raw storage, and
//!   so is the key listing, which gloo does not offer without reading every value.
//!
//! Quota errors are told apart from other failures by the exception's name.

use crate::model::persist::{KeyValueStore, StoreError};
use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage, or the reason it cannot be used.
pub struct LocalStore {
    usable: Result<(), String>,
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn is_quota_name(name: &str) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

fn is_quota(err: &JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| is_quota_name(&e.name()) || e.code() == 22)
}

fn from_js(err: &JsValue) -> StoreError {
    if is_quota(err) {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable(describe(err))
    }
}

fn from_gloo(err: GlooError) -> StoreError {
    match err {
        GlooError::JsError(e) if is_quota_name(&e.name) => StoreError::QuotaExceeded,
        GlooError::JsError(e) => StoreError::Unavailable(format!("{}: {}", e.name, e.message)),
        other => StoreError::Unavailable(other.to_string()),
    }
}

impl LocalStore {
    /// Opens localStorage, checking that it can really be read and written.
    pub fn open() -> LocalStore {
        let usable = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => {
                let probe = "trailmap:probe";
                match s.set_item(probe, "1").and_then(|_| s.remove_item(probe)) {
                    Ok(()) => Ok(()),
                    // A full store still works for reading; saving will report the quota.
                    Err(e) if is_quota(&e) => Ok(()),
                    Err(e) => Err(describe(&e)),
                }
            }
            Some(Ok(None)) => Err("this browser has no localStorage".to_string()),
            Some(Err(e)) => Err(describe(&e)),
            None => Err("no browser window".to_string()),
        };
        LocalStore { usable }
    }

    /// Why storage cannot be used, if it cannot.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.usable.as_ref().err().map(String::as_str)
    }

    fn usable(&self) -> Result<(), StoreError> {
        self.usable
            .as_ref()
            .map(|_| ())
            .map_err(|why| StoreError::Unavailable(why.clone()))
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.usable()?;
        match LocalStorage::get::<Box<RawValue>>(key) {
            Ok(raw) => Ok(Some(raw.get().to_string())),
            Err(GlooError::KeyNotFound(_)) => Ok(None),
            // Not JSON (a damaged entry): read it as it is, to set it aside.
            Err(GlooError::SerdeError(_)) => {
                LocalStorage::raw().get_item(key).map_err(|e| from_js(&e))
            }
            Err(e) => Err(from_gloo(e)),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.usable()?;
        match serde_json::from_str::<&RawValue>(value) {
            Ok(json) => LocalStorage::set(key, json).map_err(from_gloo),
            Err(_) => LocalStorage::raw()
                .set_item(key, value)
                .map_err(|e| from_js(&e)),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.usable()?;
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.usable()?;
        let s = LocalStorage::raw();
        let n = s.length().map_err(|e| from_js(&e))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = s.key(i).map_err(|e| from_js(&e))? {
                out.push(k);
            }
        }
        Ok(out)
    }
}
