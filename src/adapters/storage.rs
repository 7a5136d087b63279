//! localStorage as a [`KeyValueStore`].
//!
//! Built on `web_sys::Storage` directly rather than gloo-storage: gloo's calls
//! `expect_throw` when the browser throws (storage disabled, blocked by policy), and
//! surviving exactly those faults is the point of this module. Quota errors are told apart
//! from other failures by the DOMException's name.

use crate::model::persist::{KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage, or the reason it cannot be used.
pub struct LocalStore {
    storage: Result<web_sys::Storage, String>,
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn is_quota(err: &JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>().is_some_and(|e| {
        let name = e.name();
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code() == 22
    })
}

impl LocalStore {
    /// Opens localStorage, checking that it can really be read and written.
    pub fn open() -> LocalStore {
        let storage = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => {
                let probe = "trailmap:probe";
                match s.set_item(probe, "1").and_then(|_| s.remove_item(probe)) {
                    Ok(()) => Ok(s),
                    // A full store still works for reading; saving will report the quota.
                    Err(e) if is_quota(&e) => Ok(s),
                    Err(e) => Err(describe(&e)),
                }
            }
            Some(Ok(None)) => Err("this browser has no localStorage".to_string()),
            Some(Err(e)) => Err(describe(&e)),
            None => Err("no browser window".to_string()),
        };
        LocalStore { storage }
    }

    /// Why storage cannot be used, if it cannot.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.storage.as_ref().err().map(String::as_str)
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage
            .as_ref()
            .map_err(|why| StoreError::Unavailable(why.clone()))
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Unavailable(describe(&e))
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = self.storage()?;
        let n = s
            .length()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = s
                .key(i)
                .map_err(|e| StoreError::Unavailable(describe(&e)))?
            {
                out.push(k);
            }
        }
        Ok(out)
    }
}
