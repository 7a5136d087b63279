//! A form of its own around a few controls.
//!
//! On every change to a form control, Chromium's autofill looks at the control's form; a
//! control outside any form belongs to one implicit form holding every such control of
//! the page, and checking it forces style and layout once per control. On a large map
//! that was about 10 ms per keystroke. In a form of its own, a card's text is checked
//! alone. The form never submits (Enter in a one-line field would otherwise reload).

use leptos::prelude::*;

/// Wraps `children` in a `<form>` that lays out as if it were not there.
#[component]
pub fn OwnForm(children: Children) -> impl IntoView {
    view! {
        <form class="own-form" on:submit=|ev| ev.prevent_default()>
            {children()}
        </form>
    }
}
