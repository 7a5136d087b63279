//! A message that outlives a page change: one page leaves it in sessionStorage (this tab
//! only) before it sends the user to the other page, which shows it once. The viewer uses
//! it to say "Saved a copy to your maps" in the app it opens.

const KEY: &str = "trailmap:notice";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Leaves `message` for the next page of this tab (nothing happens where sessionStorage
/// cannot be used: the message is a courtesy, the work is already saved).
pub fn leave(message: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(KEY, message);
    }
}

/// The message left by the previous page, once.
pub fn take() -> Option<String> {
    let s = session()?;
    let message = s.get_item(KEY).ok().flatten()?;
    let _ = s.remove_item(KEY);
    Some(message)
}
