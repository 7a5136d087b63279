//! A message bar across the page: what happened and what to do, with an optional dismiss.

use leptos::prelude::*;

/// How serious a banner is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BannerKind {
    /// Information.
    Info,
    /// Something needs attention; nothing is lost.
    Warning,
    /// Something failed; the banner says what to do.
    Error,
}

impl BannerKind {
    fn class(self) -> &'static str {
        match self {
            BannerKind::Info => "banner info",
            BannerKind::Warning => "banner warning",
            BannerKind::Error => "banner error",
        }
    }
}

/// A banner.
#[component]
pub fn Banner(
    /// How serious it is.
    kind: BannerKind,
    /// Called when the user dismisses it; no dismiss button without it.
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
    /// The message and any action buttons.
    children: Children,
) -> impl IntoView {
    let role = if kind == BannerKind::Error {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class=kind.class() role=role>
            <div class="banner-body">{children()}</div>
            {on_dismiss.map(|cb| view! {
                <button type="button" class="icon banner-close" aria-label="Dismiss" on:click=move |_| cb.run(())>"×"</button>
            })}
        </div>
    }
}
