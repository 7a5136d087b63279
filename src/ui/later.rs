//! Content that mounts after the view's first paint, once it nears the viewport: for
//! a part far down a view (a chart below long tables) that the frame opening the view
//! need not draw. Until then a placeholder holds about its height, so the scrollbar
//! is about right and nothing below jumps much.

use crate::dom::visible::{from_next_paint, use_near_viewport};
use leptos::prelude::*;

/// Mounts `children` after the first paint, once near the viewport; then keeps them.
#[component]
pub fn Later(
    /// The placeholder's height (a CSS length): about the content's.
    min_height: &'static str,
    children: Children,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    let children = StoredValue::new_local(Some(children));
    let placeholder = NodeRef::<leptos::html::Div>::new();
    let _rearm = use_near_viewport(
        placeholder,
        from_next_paint(move || ready.try_get_untracked() == Some(false)),
        move || {
            ready.try_set(true);
        },
    );
    move || {
        if ready.get() {
            children
                .try_update_value(Option::take)
                .flatten()
                .map(|c| c())
                .into_any()
        } else {
            view! { <div class="later" node_ref=placeholder aria-hidden="true" style:min-height=min_height></div> }
                .into_any()
        }
    }
}
