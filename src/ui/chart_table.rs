//! A chart's data as a table: the accessible alternative of every chart, in a `<details>`
//! the user opens. Its rows are built only while it is open: a closed table rebuilt at
//! every edit cost a third of a score edit's work on a big map (Priorities benchmark).

use leptos::prelude::*;

/// "Show the data as a table", with `children` (the table's head and body) inside.
#[component]
pub fn ChartTable(children: ChildrenFn) -> impl IntoView {
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let now = ev
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        open.set(now);
    };
    view! {
        <details class="chart-table" on:toggle=on_toggle>
            <summary>"Show the data as a table"</summary>
            <table>{move || open.get().then(|| children())}</table>
        </details>
    }
}
