//! Presentation mode, for the workshop projector: full screen, one stage at a time (its
//! goal, touchpoints with emotion, moments of truth and the customer's words, pain
//! points, opportunities) in big type and high contrast, with the emotion curve under it
//! and the stage shown picked out. Arrow keys, PageUp/PageDown (presentation clickers),
//! Home/End and Space move; Esc leaves. Read-only: the editor and the viewer both open it.

use crate::adapters::canvas::svg;
use crate::adapters::files::svg_data_url;
use crate::adapters::tasks::next_task;
use crate::charts::curve::{draw_emotion_curve, CurveOptions};
use crate::charts::SVG_TEXT_SCALE;
use crate::model::presentation::{slides_of, Slide};
use crate::model::JourneyMap;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The emotion curve with stage `index` picked out, as an image address.
fn curve_image(map: &JourneyMap, index: usize) -> Option<String> {
    let options = CurveOptions {
        highlight_stage: Some(index),
        // The SVG export's type. A larger scale was meant here for the back of the room,
        // but the SVG path always replaced it with this one, and the curve's legend spaces
        // its entries for this scale (a larger one makes them overlap).
        text_scale: SVG_TEXT_SCALE,
        ..CurveOptions::default()
    };
    svg(1200, 330, |area| draw_emotion_curve(area, map, &options))
        .ok()
        .map(|svg| svg_data_url(&svg))
}

/// One stage's content; `key` makes its ids unique on the page.
fn slide_view(slide: Slide, key: &str) -> impl IntoView {
    let id = |part: &str| format!("{key}-{part}");
    let touchpoints = slide
        .touchpoints
        .into_iter()
        .map(|t| {
            let meta: Vec<String> = [
                t.emotion.map(|e| e.label().to_string()),
                (!t.channel.trim().is_empty()).then(|| t.channel.clone()),
                t.moment_of_truth.then(|| "moment of truth".to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            let tone = t.emotion.map_or("none", |e| match e.value() {
                v if v < 0 => "negative",
                0 => "neutral",
                _ => "positive",
            });
            view! {
                <li class="present-touchpoint" class:moment=t.moment_of_truth data-tone=tone>
                    <span class="present-text">{t.text}</span>
                    {(!meta.is_empty()).then(|| view! { <span class="present-meta">{meta.join(" · ")}</span> })}
                    {(!t.quote.is_empty()).then(|| view! { <q>{t.quote}</q> })}
                </li>
            }
        })
        .collect_view();
    let items = |list: Vec<crate::model::presentation::SlideItem>| {
        list.into_iter()
            .map(|p| {
                view! {
                    <li>
                        {p.top.map(|r| view! { <span class="top-badge">{format!("Top {r}")}</span>" " })}
                        <span class="present-text">{p.text}</span>
                        {(!p.detail.is_empty()).then(|| view! { <span class="present-meta">{p.detail}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    let (pains, opportunities) = (slide.pains, slide.opportunities);
    let no_pains = pains.is_empty();
    let no_opps = opportunities.is_empty();
    let about: Vec<String> = [
        (!slide.customer_goal.trim().is_empty())
            .then(|| format!("Customer's goal: {}", slide.customer_goal.trim())),
        (!slide.owning_team.trim().is_empty())
            .then(|| format!("Owned by {}", slide.owning_team.trim())),
        slide
            .average_emotion
            .map(|a| format!("Average emotion {a:+.1}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <h2 class="present-stage" id=id("stage")>{slide.name}</h2>
        {(!about.is_empty()).then(|| view! { <p class="present-about">{about.join(" · ")}</p> })}
        {slide.handoff.map(|h| view! { <p class="present-handoff">{h}</p> })}
        <div class="present-columns">
            <div>
                <h3 id=id("touch")>"Touchpoints"</h3>
                <ul class="present-list">{touchpoints}</ul>
            </div>
            <div>
                <h3 id=id("pains")>"Pain points"</h3>
                {if no_pains { view! { <p class="present-meta">"None recorded."</p> }.into_any() } else { view! { <ul class="present-list">{items(pains)}</ul> }.into_any() }}
                <h3 id=id("opps")>"Opportunities"</h3>
                {if no_opps { view! { <p class="present-meta">"None yet."</p> }.into_any() } else { view! { <ul class="present-list">{items(opportunities)}</ul> }.into_any() }}
            </div>
        </div>
    }
}

/// Presentation mode over `map` (a copy taken when it opens); `on_close` when it ends.
#[component]
pub fn Presentation(map: JourneyMap, on_close: Callback<()>) -> impl IntoView {
    let slides = slides_of(&map);
    let count = slides.len();
    let title = map.scope.title.clone();
    let index = RwSignal::new(0usize);
    let root = NodeRef::<leptos::html::Div>::new();
    let opener = document().active_element();
    let close = move || {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        on_close.run(());
    };
    let go = move |to: usize| index.set(to.min(count.saturating_sub(1)));
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let at = index.get_untracked();
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => go(at + 1),
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => go(at.saturating_sub(1)),
            "Home" => go(0),
            "End" => go(count),
            "Escape" => close(),
            _ => return,
        }
        ev.prevent_default();
    });
    // Leaving full screen (the browser's own Esc) ends the presentation too.
    let was_full = StoredValue::new(false);
    let full = window_event_listener(
        leptos::ev::Custom::new("fullscreenchange"),
        move |_: web_sys::Event| {
            if document().fullscreen_element().is_some() {
                was_full.set_value(true);
            } else if was_full.get_value() {
                on_close.run(());
            }
        },
    );
    on_cleanup(move || {
        keys.remove();
        full.remove();
        // Back to where the user was, once the overlay is gone.
        if let Some(el) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let _ = el.focus();
            // Full screen where the browser allows it; the overlay fills the window anyway.
            let _ = el.request_fullscreen();
        }
    });
    let map = StoredValue::new(map);
    let slides = StoredValue::new(slides);
    let body = move || {
        let i = index.get();
        slides
            .with_value(|s| s.get(i).cloned())
            .map(|slide| slide_view(slide, "present"))
    };
    let curve = move || {
        let i = index.get();
        map.with_value(|m| curve_image(m, i))
            .map(|src| view! { <img class="present-curve" src=src alt="Emotion curve of the journey, this stage picked out"/> })
    };
    view! {
        <div class="presentation" node_ref=root tabindex="-1" role="dialog" aria-modal="true"
            aria-label=format!("Presentation: {title}") data-testid="presentation">
            <header class="present-head">
                <span class="present-title">{title.clone()}</span>
                <span class="present-count" aria-live="polite" data-testid="present-count">
                    {move || if count == 0 { "No stages yet".to_string() } else { format!("Stage {} of {count}", index.get() + 1) }}
                </span>
            </header>
            <div class="present-body">
                {move || if count == 0 { view! { <p class="present-about">"This map has no stages yet: add them in the map, then present."</p> }.into_any() } else { body().into_any() }}
            </div>
            {curve}
            <nav class="present-nav" aria-label="Presentation">
                <button type="button" class="button" disabled=move || index.get() == 0 on:click=move |_| go(index.get_untracked().saturating_sub(1))>"← Previous"</button>
                <button type="button" class="button" disabled=move || { index.get() + 1 >= count } on:click=move |_| go(index.get_untracked() + 1)>"Next →"</button>
                <button type="button" class="button" on:click=move |_| close()>"Leave (Esc)"</button>
            </nav>
        </div>
    }
}

/// The map as a story, stage after stage, for narrow screens (a phone reading a shared
/// link): each stage's goal, touchpoints, pains and opportunities, then the emotion curve
/// fitted to the width; nothing to scroll sideways. The curve is drawn in a task of
/// its own after the text has painted (a phone reads the first stage meanwhile).
#[component]
pub fn Story(map: JourneyMap) -> impl IntoView {
    let curve = RwSignal::new(None::<String>);
    let slides = slides_of(&map);
    let total = slides.len();
    // The first stage in the first task (it fills a phone's screen), then one stage per
    // task: drawing them all at once was the shared view's longest task on a slow phone.
    let shown = RwSignal::new(total.min(1));
    let stages = slides
        .into_iter()
        .enumerate()
        .map(|(i, slide)| {
            let slide = StoredValue::new(slide);
            let visible = Memo::new(move |_| shown.get() > i);
            move || {
                visible.get().then(|| view! {
                    <section class="story-stage" data-testid="story-stage" aria-labelledby=format!("story-{i}-stage")>
                        {slide_view(slide.get_value(), &format!("story-{i}"))}
                    </section>
                })
            }
        })
        .collect_view();
    let draw_curve = move || {
        let options = CurveOptions {
            text_scale: SVG_TEXT_SCALE,
            ..CurveOptions::default()
        };
        let src = svg(800, 400, |area| draw_emotion_curve(area, &map, &options))
            .ok()
            .map(|svg| svg_data_url(&svg));
        curve.try_set(src);
    };
    leptos::task::spawn_local(async move {
        loop {
            next_task().await;
            let more = shown.try_update(|n| {
                *n = (*n + 1).min(total);
                *n < total
            });
            match more {
                Some(true) => {}
                Some(false) => break,
                // The story is gone (the reader switched to the grid).
                None => return,
            }
        }
        // The curve last, after the text has painted.
        crate::dom::schedule::after_next_paint(draw_curve);
    });
    view! {
        <div class="story" data-testid="story">
            {stages}
            // After the stages, below the first screen: the text is what a phone shows
            // first (and is the page's largest paint). Its room is kept while it is drawn.
            <section class="story-stage" aria-labelledby="story-curve-title">
                <h2 class="present-stage" id="story-curve-title">"Emotion curve"</h2>
                <div class="story-curve-box">{move || curve.get().map(|src| view! { <img class="story-curve" src=src alt="Emotion curve of the journey, stage by stage"/> })}</div>
            </section>
        </div>
    }
}
