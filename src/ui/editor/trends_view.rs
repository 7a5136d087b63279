//! The Trends view: record a review (a dated snapshot of every metric, emotion and plan
//! status, with a note), the reviews so far, each metric across the reviews against its
//! target, the average emotion per stage across the reviews, plan items re-measured
//! before and after, and what changed between two reviews.

use crate::charts::trends::{metric_panels, remeasured_panels, stage_panels};
use crate::model::dates::Date;
use crate::model::edit::Edit;
use crate::model::reviews;
use crate::ui::editor::compare_view::{today_text, CompareView};
use crate::ui::editor::state::{EditorState, Part};
use crate::ui::editor::trend_chart::TrendChart;
use crate::ui::own_form::OwnForm;
use leptos::prelude::*;

/// The form that records a review.
#[component]
fn RecordReview() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let date = RwSignal::new(today_text());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = Date::parse(date.get_untracked().trim()) else {
            error.set(Some(
                "The review date is not a date: pick one, e.g. today.".into(),
            ));
            return;
        };
        error.set(None);
        let text = note.get_untracked();
        let recorded = editor.apply_with(|m| {
            let review = reviews::capture(m, d, &text);
            Some(reviews::record(m, review))
        });
        if recorded {
            note.set(String::new());
            editor.offer_undo(&format!("Recorded the review of {d}: every metric, emotion and plan status as they are now."));
        }
    };
    view! {
        <OwnForm>
        <form class="record-review" data-testid="record-review" on:submit=record aria-labelledby="record-title">
            <h3 id="record-title">"Record a review"</h3>
            <p class="hint">"Keeps every metric's current value, every touchpoint's emotion and the plan's status in the map, dated, so later reviews can be compared with it. The scope's next review moves on by the cadence."</p>
            <div class="record-fields">
                <label class="field">
                    <span class="field-label">"Date"</span>
                    <input type="date" data-testid="review-date" prop:value=move || date.get() on:input:target=move |ev| date.set(ev.target().value())/>
                </label>
                <label class="field grow">
                    <span class="field-label">"What we learned"</span>
                    <input type="text" data-testid="review-note" placeholder="e.g. Handoff calls cut onboarding by a week" prop:value=move || note.get() on:input:target=move |ev| note.set(ev.target().value())/>
                </label>
                <button type="submit" class="button primary" data-testid="record-review-button">"Record review"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </form>
        </OwnForm>
    }
}

/// The reviews so far, newest first, with their notes and a delete (undoable).
#[component]
fn ReviewList() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let ro = editor.read_only;
    let list = Memo::new(move |_| {
        editor.read(Part::Reviews, |m| {
            m.reviews
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        i,
                        r.date.clone(),
                        r.note.clone(),
                        r.metrics.len(),
                        r.emotions.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let remove = move |i: usize, date: String| {
        if editor.apply(Edit::RemoveReview(i)) {
            editor.offer_undo(&format!("Deleted the review of {date}."));
        }
    };
    view! {
        <section class="review-list" aria-labelledby="reviews-title" data-testid="review-list">
            <h3 id="reviews-title">{move || format!("Reviews ({})", list.with(|l| l.len()))}</h3>
            <Show when=move || list.with(|l| l.is_empty())>
                <p class="hint">"No review recorded yet."</p>
            </Show>
            <ol reversed>
                {move || list.get().into_iter().rev().map(|(i, date, note, metrics, emotions)| {
                    let d2 = date.clone();
                    view! {
                        <li data-testid="review-item">
                            <strong>{date.clone()}</strong>
                            <span class="meta">{format!(" · {metrics} metrics, {emotions} emotions")}</span>
                            {(!note.is_empty()).then(|| view! { <p>{note.clone()}</p> })}
                            {(!ro).then(|| view! {
                                <button type="button" class="link danger" on:click=move |_| remove(i, d2.clone())>
                                    "Delete"<span class="visually-hidden">{format!(" the review of {date}")}</span>
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The Trends view.
#[component]
pub fn TrendsView() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let metrics = Memo::new(move |_| editor.read(Part::Any, |m| metric_panels(m, true)));
    let stages = Memo::new(move |_| {
        editor.track(Part::Reviews);
        editor.read(Part::Layout, stage_panels)
    });
    let remeasured = Memo::new(move |_| editor.read(Part::Any, remeasured_panels));
    view! {
        <div class="trends-view" data-testid="trends-view">
            <h2 class="visually-hidden">"Trends"</h2>
            <Show when=move || !editor.read_only>
                <RecordReview/>
            </Show>
            <TrendChart title="Metrics across reviews" name="metrics"
                summary="Each metric at each review and now, against its target (dashed green) and baseline (grey)"
                panels=metrics empty="No metric yet: give a KPI card a metric in its details."/>
            <TrendChart title="Average emotion per stage" name="stages"
                summary="The average touchpoint emotion of each stage at each review, from −2 to +2"
                panels=stages empty="No review yet: record one to start the trend."/>
            <TrendChart title="Plan items re-measured" name="remeasured"
                summary="Plan items whose KPI was measured before the deadline and again at the re-measure date"
                panels=remeasured empty="No plan item re-measured yet: an item whose KPI names a metric shows here once a review falls on or after its re-measure date (the deadline + 90 days)."/>
            <CompareView/>
            <ReviewList/>
        </div>
    }
}
