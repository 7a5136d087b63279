//! What changed between two reviews, or a review and now: metrics that moved (with the
//! direction that counts as better), emotions that moved per touchpoint, moments of truth
//! that improved or worsened, plan items added, removed or delivered. The History panel
//! shows the same list for two named snapshots.

use crate::model::dates::Date;
use crate::model::reviews::{self, ItemChange, Review, ReviewDiff, Verdict};
use crate::model::{Emotion, JourneyMap};
use crate::ui::editor::state::{EditorState, Part};
use leptos::prelude::*;

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "change better",
        Verdict::Worse => "change worse",
        _ => "change flat",
    }
}

fn value_text(map: &JourneyMap, card: crate::model::Id, v: Option<f64>) -> String {
    match (v, map.card(card).and_then(|c| c.metric.as_ref())) {
        (Some(v), Some(m)) => m.format(v),
        (Some(v), None) => crate::model::metrics::format_number(v),
        (None, _) => "–".into(),
    }
}

fn emotion_text(e: Option<Emotion>) -> String {
    e.map_or("–".into(), |e| format!("{e} {}", e.label()))
}

fn item_list(title: &'static str, test: &'static str, items: Vec<ItemChange>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let lis = items
            .into_iter()
            .map(|i| {
                let status = match (i.before, i.after) {
                    (Some(b), Some(a)) => format!("{} → {}", b.label(), a.label()),
                    (None, Some(a)) => a.label().to_string(),
                    (Some(b), None) => format!("was {}", b.label().to_lowercase()),
                    (None, None) => String::new(),
                };
                view! { <li>{i.name}<span class="meta">{format!(" · {status}")}</span></li> }
            })
            .collect_view();
        view! { <h4>{title}</h4><ul data-testid=test>{lis}</ul> }
    })
}

/// The list of changes in `diff`, naming values with `map`'s metrics.
#[component]
pub fn DiffList(
    /// What changed.
    diff: ReviewDiff,
    /// The map whose metrics format the values.
    map: JourneyMap,
) -> impl IntoView {
    if diff.is_empty() {
        return view! { <p class="hint" data-testid="diff-empty">"Nothing changed between the two."</p> }.into_any();
    }
    let better = diff
        .moments_better()
        .map(|e| e.name.clone())
        .collect::<Vec<_>>();
    let worse = diff
        .moments_worse()
        .map(|e| e.name.clone())
        .collect::<Vec<_>>();
    let metrics = (!diff.metrics.is_empty()).then(|| {
        let rows = diff
            .metrics
            .iter()
            .map(|m| {
                view! {
                    <tr class=verdict_class(m.verdict)>
                        <th scope="row">{m.name.clone()}</th>
                        <td>{value_text(&map, m.card, m.before)}</td>
                        <td>{value_text(&map, m.card, m.after)}</td>
                        <td>{m.verdict.label()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h4>"Metrics"</h4>
            <table data-testid="diff-metrics">
                <thead><tr><th scope="col">"Metric"</th><th scope="col">"Before"</th><th scope="col">"After"</th><th scope="col">"Change"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let emotions = (!diff.emotions.is_empty()).then(|| {
        let rows = diff
            .emotions
            .iter()
            .map(|e| {
                view! {
                    <tr class=verdict_class(e.verdict)>
                        <th scope="row">{e.name.clone()}{e.moment.then_some(" ★")}</th>
                        <td>{emotion_text(e.before)}</td>
                        <td>{emotion_text(e.after)}</td>
                        <td>{e.verdict.label()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h4>"Emotions per touchpoint"</h4>
            <table data-testid="diff-emotions">
                <thead><tr><th scope="col">"Touchpoint (★ moment of truth)"</th><th scope="col">"Before"</th><th scope="col">"After"</th><th scope="col">"Change"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let moments = (!better.is_empty() || !worse.is_empty()).then(|| view! {
        <h4>"Moments of truth"</h4>
        <ul data-testid="diff-moments">
            {(!better.is_empty()).then(|| view! { <li class="change better">{format!("Improved: {}", better.join(", "))}</li> })}
            {(!worse.is_empty()).then(|| view! { <li class="change worse">{format!("Worsened: {}", worse.join(", "))}</li> })}
        </ul>
    });
    let ReviewDiff {
        items_added,
        items_removed,
        items_done,
        items_moved,
        ..
    } = diff.clone();
    view! {
        <div class="diff-list" data-testid="diff-list">
            {metrics}
            {moments}
            {emotions}
            {item_list("Plan items delivered", "diff-done", items_done)}
            {item_list("Plan items added", "diff-added", items_added)}
            {item_list("Plan items removed", "diff-removed", items_removed)}
            {item_list("Plan items moved on", "diff-moved", items_moved)}
        </div>
    }
    .into_any()
}

/// The key of "now" in the compare pickers.
const NOW: &str = "now";

/// Compare two reviews, or a review and now.
#[component]
pub fn CompareView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let options = Memo::new(move |_| {
        editor.read(Part::Reviews, |m| {
            m.reviews
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        i.to_string(),
                        format!(
                            "{}{}",
                            r.date,
                            if r.note.is_empty() {
                                String::new()
                            } else {
                                format!(" · {}", crate::charts::geometry::truncate(&r.note, 30))
                            }
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let n = move || options.with(|o| o.len());
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(None::<String>);
    let from_key = move || {
        from.get()
            .unwrap_or_else(|| n().saturating_sub(if n() >= 2 { 2 } else { 1 }).to_string())
    };
    let to_key = move || {
        to.get().unwrap_or_else(|| {
            if n() >= 2 {
                (n() - 1).to_string()
            } else {
                NOW.to_string()
            }
        })
    };
    let snapshot = move |key: &str, map: &JourneyMap| -> Option<Review> {
        if key == NOW {
            Some(reviews::capture(map, crate::adapters::clock::today(), ""))
        } else {
            key.parse::<usize>()
                .ok()
                .and_then(|i| map.reviews.get(i).cloned())
        }
    };
    let result = move || {
        let (a, b) = (from_key(), to_key());
        editor.track(Part::Reviews);
        editor.read(Part::Any, |m| {
            let (ra, rb) = (snapshot(&a, m)?, snapshot(&b, m)?);
            Some((reviews::diff(&ra, &rb, &[m]), m.clone()))
        })
    };
    // Where a choice sits in time: a review by its date (then its place), now after all.
    let when = move |key: &str| -> Option<(String, usize)> {
        if key == NOW {
            return Some((crate::adapters::clock::today().to_string(), usize::MAX));
        }
        let i = key.parse::<usize>().ok()?;
        editor.read(Part::Reviews, |m| {
            m.reviews.get(i).map(|r| (r.date.clone(), i))
        })
    };
    let order = move || {
        let (a, b) = (from_key(), to_key());
        match (when(&a), when(&b)) {
            _ if a == b => {
                Some("“From” and “To” are the same: pick two different points to compare.")
            }
            (Some(x), Some(y)) if x > y => Some(
                "“From” is later than “To”: the changes read backwards (a gain shows as a loss).",
            ),
            _ => None,
        }
    };
    let swap = move |_| {
        let (a, b) = (from_key(), to_key());
        from.set(Some(b));
        to.set(Some(a));
    };
    let picker = move |label: &'static str, test: &'static str, sig: RwSignal<Option<String>>| {
        view! {
            <label class="field inline">
                <span class="field-label">{label}</span>
                <select data-testid=test on:change:target=move |ev| sig.set(Some(ev.target().value()))>
                    <For each=move || options.get() key=|o| o.clone() let:o>
                        {
                            let k = o.0.clone();
                            let sel = move || (if test == "compare-from" { from_key() } else { to_key() }) == k;
                            view! { <option value=o.0.clone() selected=sel>{o.1.clone()}</option> }
                        }
                    </For>
                    <option value=NOW selected=move || (if test == "compare-from" { from_key() } else { to_key() }) == NOW>"Now (the map as it is)"</option>
                </select>
            </label>
        }
    };
    view! {
        <section class="compare-view" aria-labelledby="compare-title" data-testid="compare-view">
            <div class="section-head">
                <h3 id="compare-title">"What changed"</h3>
            </div>
            <Show when={move || n() > 0} fallback=|| view! { <p class="hint">"Record a review to compare it with a later one, or with the map as it is now."</p> }>
                <div class="actions">
                    {picker("From", "compare-from", from)}
                    {picker("To", "compare-to", to)}
                </div>
                {move || order().map(|why| view! {
                    <p class="hint warn" role="status" data-testid="compare-order">{why}" "
                        <button type="button" class="button" on:click=swap>"Swap From and To"</button>
                    </p>
                })}
                {move || result().map(|(diff, map)| view! { <DiffList diff=diff map=map/> })}
            </Show>
        </section>
    }
}

/// Today's date, for the review form.
pub fn today_text() -> String {
    let d: Date = crate::adapters::clock::today();
    d.to_string()
}
