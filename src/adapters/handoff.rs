//! Handing a shared map from the viewer page to the app in the same tab: the viewer
//! leaves the map's plain payload in sessionStorage (this tab only, never in the address
//! bar or the history, which matters for a map that came with a passphrase) and opens
//! the app's `#/copy`, which takes it once and saves it as a new map. The same way, a
//! page that opens another leaves it the message to show there (what was just done).

const KEY: &str = "trailmap:copy";
const NOTICE: &str = "trailmap:notice";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Leaves `payload` for the app; whether it could.
pub fn leave(payload: &str) -> bool {
    session().is_some_and(|s| s.set_item(KEY, payload).is_ok())
}

/// The payload left by the viewer, once.
pub fn take() -> Option<String> {
    let s = session()?;
    let payload = s.get_item(KEY).ok().flatten()?;
    let _ = s.remove_item(KEY);
    Some(payload)
}

/// Leaves a message for the next page of this tab to show; whether it could.
pub fn leave_notice(message: &str) -> bool {
    session().is_some_and(|s| s.set_item(NOTICE, message).is_ok())
}

/// The message left by the previous page, once.
pub fn take_notice() -> Option<String> {
    let s = session()?;
    let message = s.get_item(NOTICE).ok().flatten()?;
    let _ = s.remove_item(NOTICE);
    Some(message)
}
