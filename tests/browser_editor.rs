//! Browser tests of the editor components: mounted in headless Chromium, driven through
//! DOM events, checked against the model.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use trailmap::model::{Card, JourneyMap, Stage};
use trailmap::ui::editor::page::EditorPage;
use trailmap::ui::editor::state::{EditorState, Panel};
use trailmap::ui::toast::Toasts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> JourneyMap {
    let mut map = JourneyMap::blank("Browser test map");
    for name in ["Awareness", "Decision"] {
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name: name.into(),
            ..Stage::default()
        });
    }
    let id = map.new_id();
    let (stage, lane) = (map.stages[0].id, map.lanes[2].id);
    map.cards.push(Card {
        id,
        stage,
        lane,
        text: "Webinar".into(),
        ..Card::default()
    });
    map
}

/// Mounts the editor for `map` into a fresh element; returns it and the editor state.
fn mount(map: JourneyMap) -> (web_sys::HtmlElement, EditorState) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    // In view, whatever the test runner printed above: cells mount only near the viewport.
    host.set_attribute(
        "style",
        "position:fixed;inset:0;overflow:auto;background:#fff",
    )
    .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let editor = EditorState::new(map, false, Toasts::new());
        provide_context(editor);
        tx.send(editor).unwrap();
        view! { <EditorPage/> }
    });
    std::mem::forget(handle);
    (host, rx.recv().unwrap())
}

/// Waits a few milliseconds (lets observers and animation frames run).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` matches `count` elements (cards mount as cells come into view).
async fn wait_for(host: &web_sys::HtmlElement, selector: &str, count: u32) {
    for _ in 0..100 {
        if host.query_selector_all(selector).unwrap().length() == count {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {count} × {selector}");
}

fn input(el: &web_sys::Element, value: &str) {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    }
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = host
        .query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn typing_in_a_card_updates_the_map_and_undo_restores_it() {
    let (host, editor) = mount(sample());
    wait_for(&host, "li.card", 1).await;
    let text = host
        .query_selector("li.card textarea.card-text")
        .unwrap()
        .unwrap();
    input(&text, "Webinar on onboarding");
    leptos::task::tick().await;
    assert_eq!(
        editor.with_map_untracked(|m| m.cards[0].text.clone()),
        "Webinar on onboarding"
    );
    editor.undo();
    sleep(50).await;
    let value = text
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .value();
    assert_eq!(value, "Webinar", "the textarea shows the undone text");
}

#[wasm_bindgen_test]
async fn the_grid_renders_stages_lanes_and_cards() {
    let (host, _editor) = mount(sample());
    wait_for(&host, "li.card", 1).await;
    assert_eq!(
        host.query_selector_all("th.stage-head").unwrap().length(),
        2
    );
    assert_eq!(host.query_selector_all("tr.lane").unwrap().length(), 6);
    assert_eq!(host.query_selector_all("li.card").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn adding_and_deleting_a_card_goes_through_the_model() {
    let (host, editor) = mount(sample());
    wait_for(&host, "li.card", 1).await;
    click(&host, "tr.kind-actions td.cell button.add-card");
    assert_eq!(editor.with_map_untracked(|m| m.cards.len()), 2);
    wait_for(&host, "li.card", 2).await;
    click(&host, "tr.kind-actions li.card button.danger");
    assert_eq!(editor.with_map_untracked(|m| m.cards.len()), 1);
    wait_for(&host, "li.card", 1).await;
    editor.undo();
    wait_for(&host, "li.card", 2).await;
}

#[wasm_bindgen_test]
async fn moving_a_stage_reorders_the_columns() {
    let (host, editor) = mount(sample());
    leptos::task::tick().await;
    click(
        &host,
        "th.stage-head button[aria-label='Move stage Awareness right']",
    );
    leptos::task::tick().await;
    assert_eq!(
        editor.with_map_untracked(|m| m.stages[0].name.clone()),
        "Decision"
    );
    let first: web_sys::HtmlInputElement = host
        .query_selector("th.stage-head input.stage-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(first.value(), "Decision");
}

/// The editor mounted on its own (no map page: no save session, no workspace), as in a
/// preview or a page that does not save: every side panel opens, none panics, and the
/// History panel says that history is kept for saved maps.
#[wasm_bindgen_test]
async fn every_panel_opens_where_the_editor_is_mounted_without_the_save_context() {
    let (host, editor) = mount(sample());
    wait_for(&host, "li.card", 1).await;
    let card = editor.with_map_untracked(|m| m.cards[0].id);
    for (panel, testid) in [
        (Panel::Card(card), "card-panel"),
        (Panel::Scope, "scope-panel"),
        (Panel::Personas, "personas-panel"),
        (Panel::History, "history-panel"),
        (Panel::Share, "share-panel"),
    ] {
        editor.panel.set(panel);
        wait_for(&host, &format!("[data-testid='{testid}']"), 1).await;
    }
    editor.panel.set(Panel::History);
    wait_for(&host, "[data-testid='history-unsaved']", 1).await;
    let text = host
        .query_selector("[data-testid='history-unsaved']")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("History is kept for saved maps"), "{text}");
    editor.panel.set(Panel::Closed);
    wait_for(&host, ".side-panel", 0).await;
}
