//! A view's scroll container starts each newly shown view at its top.

use leptos::prelude::*;

/// Scrolls `container` back to its top whenever `shown` changes (another view takes the
/// container): a view opened after a long one scrolled down starts at its heading, not
/// somewhere in its middle.
pub fn top_on_change<T>(container: NodeRef<leptos::html::Div>, shown: impl Fn() -> T + 'static)
where
    T: PartialEq + 'static,
{
    Effect::new(move |before: Option<T>| {
        let now = shown();
        if before.is_some_and(|b| b != now) {
            if let Some(el) = container.get_untracked() {
                el.set_scroll_top(0);
            }
        }
        now
    });
}
