//! Reviews: dated snapshots kept inside the map (every metric's value, every
//! touchpoint's emotion, the plan items' status and a note), the review schedule that
//! follows the cadence, and what changed between two reviews (or a review and now).
//!
//! Dates are calendar dates in the user's own time zone: the browser adapter
//! ([`crate::adapters::clock::today`]) gives today's local date; everything after that
//! (the next review by the cadence, month ends, leap days) is arithmetic here.

use super::dates::Date;
use super::edit::{Edit, ScopeField};
use super::ids::Id;
use super::map::{Card, JourneyMap, LaneKind, PlanStatus, ReviewCadence};
use super::metrics::Better;
use super::scales::Emotion;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One review of the map: what the metrics, emotions and plan stood at on a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// The date of the review, `YYYY-MM-DD` (the user's local date).
    pub date: String,
    /// What we learned.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Each metric's value then (metrics without a value are left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricReading>,
    /// Each touchpoint's emotion then (touchpoints without one are left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emotions: Vec<EmotionReading>,
    /// Each plan item's status then.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemReading>,
}

/// A metric's value at a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricReading {
    /// The KPI card holding the metric.
    pub card: Id,
    /// Its value.
    pub value: f64,
}

/// A touchpoint's emotion at a review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmotionReading {
    /// The touchpoint card.
    pub card: Id,
    /// Its emotion.
    pub emotion: Emotion,
    /// Whether it was a moment of truth.
    #[serde(default, skip_serializing_if = "is_default")]
    pub moment: bool,
}

impl Default for EmotionReading {
    fn default() -> EmotionReading {
        EmotionReading {
            card: Id::default(),
            emotion: Emotion::NEUTRAL,
            moment: false,
        }
    }
}

/// A plan item's status at a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemReading {
    /// The opportunity card.
    pub card: Id,
    /// Its status.
    #[serde(skip_serializing_if = "is_default")]
    pub status: PlanStatus,
    /// Its text then, so a removed item can still be named.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A snapshot of `map` as a review dated `date` with `note`.
pub fn capture(map: &JourneyMap, date: Date, note: &str) -> Review {
    let kind_of: HashMap<Id, LaneKind> = map.lanes.iter().map(|l| (l.id, l.kind)).collect();
    let mut review = Review {
        date: date.to_string(),
        note: note.trim().to_string(),
        ..Review::default()
    };
    for stage in &map.stages {
        for lane in &map.lanes {
            for c in map.cell(stage.id, lane.id) {
                match kind_of.get(&c.lane) {
                    Some(LaneKind::Kpis) => {
                        if let Some(value) = c.metric.as_ref().and_then(|m| m.current) {
                            review.metrics.push(MetricReading { card: c.id, value });
                        }
                    }
                    Some(LaneKind::Touchpoints) => {
                        if let Some(emotion) = c.emotion {
                            review.emotions.push(EmotionReading {
                                card: c.id,
                                emotion,
                                moment: c.moment_of_truth,
                            });
                        }
                    }
                    Some(LaneKind::Opportunities) => review.items.push(ItemReading {
                        card: c.id,
                        status: c.status,
                        text: c.text.clone(),
                    }),
                    _ => {}
                }
            }
        }
    }
    review
}

/// The next review after one on `last`, by `cadence`: the same day of the month
/// `cadence` months later, or that month's last day when it is shorter (31 January →
/// 28 or 29 February; 29 February → 28 February a year later).
pub fn next_review(last: Date, cadence: ReviewCadence) -> Date {
    last.add_months(cadence.months())
}

/// Where to insert a review dated `date` so the list stays in date order (after reviews
/// of the same date).
pub fn insertion_index(reviews: &[Review], date: &str) -> usize {
    reviews
        .iter()
        .take_while(|r| r.date.as_str() <= date)
        .count()
}

/// The edit that records `review` in `map` (one undo step): the review, in date order,
/// and the scope's last review (the latest reviewed date) and next review (by the
/// cadence from it).
pub fn record(map: &JourneyMap, review: Review) -> Edit {
    let date = Date::parse(&review.date);
    let latest = map
        .reviews
        .iter()
        .filter_map(|r| Date::parse(&r.date))
        .chain(date)
        .chain(Date::parse(&map.scope.last_review))
        .max();
    let mut edits = vec![Edit::InsertReview(
        insertion_index(&map.reviews, &review.date),
        review,
    )];
    if let Some(last) = latest {
        edits.push(Edit::SetScope(ScopeField::LastReview(last.to_string())));
        edits.push(Edit::SetScope(ScopeField::NextReview(
            next_review(last, map.scope.review_cadence).to_string(),
        )));
    }
    Edit::Batch(edits)
}

/// The edits of "mark reviewed today": last review today, next by the cadence.
pub fn mark_reviewed(map: &JourneyMap, today: Date) -> Edit {
    Edit::Batch(vec![
        Edit::SetScope(ScopeField::LastReview(today.to_string())),
        Edit::SetScope(ScopeField::NextReview(
            next_review(today, map.scope.review_cadence).to_string(),
        )),
    ])
}

/// How a value moved between two reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// It got better (by the metric's direction; higher emotion is better).
    Better,
    /// It got worse.
    Worse,
    /// It did not move.
    Same,
    /// It is there only in the later one.
    New,
    /// It is there only in the earlier one.
    Gone,
}

impl Verdict {
    fn of(before: Option<f64>, after: Option<f64>, better: Better) -> Verdict {
        match (before, after) {
            (Some(b), Some(a)) => match better.judge(b, a) {
                Some(true) => Verdict::Better,
                Some(false) => Verdict::Worse,
                None => Verdict::Same,
            },
            (None, Some(_)) => Verdict::New,
            _ => Verdict::Gone,
        }
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Same => "unchanged",
            Verdict::New => "new",
            Verdict::Gone => "no longer measured",
        }
    }
}

/// A metric's move.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricChange {
    /// The KPI card.
    pub card: Id,
    /// Its name.
    pub name: String,
    /// Value in the earlier review.
    pub before: Option<f64>,
    /// Value in the later one.
    pub after: Option<f64>,
    /// Better, worse, new or gone, by its direction.
    pub verdict: Verdict,
}

/// A touchpoint's emotion move.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionChange {
    /// The touchpoint.
    pub card: Id,
    /// Its name.
    pub name: String,
    /// Emotion in the earlier review.
    pub before: Option<Emotion>,
    /// Emotion in the later one.
    pub after: Option<Emotion>,
    /// A moment of truth (in either).
    pub moment: bool,
    /// Better, worse, new or gone.
    pub verdict: Verdict,
}

/// A plan item's change.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    /// The opportunity.
    pub card: Id,
    /// Its name.
    pub name: String,
    /// Status in the earlier review (`None`: not in the plan then).
    pub before: Option<PlanStatus>,
    /// Status in the later one (`None`: removed since).
    pub after: Option<PlanStatus>,
}

/// What changed between two reviews. Only what moved is listed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewDiff {
    /// Metrics whose value moved, appeared or disappeared.
    pub metrics: Vec<MetricChange>,
    /// Touchpoints whose emotion moved, appeared or disappeared.
    pub emotions: Vec<EmotionChange>,
    /// Plan items added since.
    pub items_added: Vec<ItemChange>,
    /// Plan items removed since.
    pub items_removed: Vec<ItemChange>,
    /// Plan items delivered (done or measured) since.
    pub items_done: Vec<ItemChange>,
    /// Plan items whose status moved otherwise.
    pub items_moved: Vec<ItemChange>,
}

impl ReviewDiff {
    /// Moments of truth whose emotion improved.
    pub fn moments_better(&self) -> impl Iterator<Item = &EmotionChange> {
        self.emotions
            .iter()
            .filter(|e| e.moment && e.verdict == Verdict::Better)
    }

    /// Moments of truth whose emotion worsened.
    pub fn moments_worse(&self) -> impl Iterator<Item = &EmotionChange> {
        self.emotions
            .iter()
            .filter(|e| e.moment && e.verdict == Verdict::Worse)
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.metrics.is_empty()
            && self.emotions.is_empty()
            && self.items_added.is_empty()
            && self.items_removed.is_empty()
            && self.items_done.is_empty()
            && self.items_moved.is_empty()
    }
}

/// Names cards from the maps given, the first that has the card winning.
struct Names<'a> {
    cards: HashMap<Id, &'a Card>,
}

impl<'a> Names<'a> {
    fn new(maps: &[&'a JourneyMap]) -> Names<'a> {
        let mut cards = HashMap::new();
        for map in maps.iter().rev() {
            for c in &map.cards {
                cards.insert(c.id, c);
            }
        }
        Names { cards }
    }

    fn name(&self, id: Id, fallback: &str, noun: &str) -> String {
        match self.cards.get(&id) {
            Some(c) if !c.text.trim().is_empty() => c.text.clone(),
            _ if !fallback.is_empty() => fallback.to_string(),
            _ => format!("A {noun} no longer on the map"),
        }
    }

    fn better(&self, id: Id) -> Better {
        self.cards
            .get(&id)
            .and_then(|c| c.metric.as_ref())
            .map_or(Better::Higher, |m| m.better)
    }
}

/// What changed from `before` to `after`; cards are named (and metrics' directions read)
/// from `maps`, the first holding a card winning (pass the current map, and for
/// snapshots both snapshot maps).
pub fn diff(before: &Review, after: &Review, maps: &[&JourneyMap]) -> ReviewDiff {
    let names = Names::new(maps);
    let mut out = ReviewDiff::default();

    let was: HashMap<Id, f64> = before.metrics.iter().map(|m| (m.card, m.value)).collect();
    let now: HashMap<Id, f64> = after.metrics.iter().map(|m| (m.card, m.value)).collect();
    let order = after.metrics.iter().map(|m| m.card).chain(
        before
            .metrics
            .iter()
            .map(|m| m.card)
            .filter(|c| !now.contains_key(c)),
    );
    for card in order {
        let (b, a) = (was.get(&card).copied(), now.get(&card).copied());
        let verdict = Verdict::of(b, a, names.better(card));
        if verdict != Verdict::Same {
            out.metrics.push(MetricChange {
                card,
                name: names.name(card, "", "metric"),
                before: b,
                after: a,
                verdict,
            });
        }
    }

    let was: HashMap<Id, &EmotionReading> = before.emotions.iter().map(|e| (e.card, e)).collect();
    let now: HashMap<Id, &EmotionReading> = after.emotions.iter().map(|e| (e.card, e)).collect();
    let order = after.emotions.iter().map(|e| e.card).chain(
        before
            .emotions
            .iter()
            .map(|e| e.card)
            .filter(|c| !now.contains_key(c)),
    );
    for card in order {
        let (b, a) = (was.get(&card), now.get(&card));
        let value = |e: Option<&&EmotionReading>| e.map(|e| f64::from(e.emotion.value()));
        let verdict = Verdict::of(value(b), value(a), Better::Higher);
        if verdict != Verdict::Same {
            out.emotions.push(EmotionChange {
                card,
                name: names.name(card, "", "touchpoint"),
                before: b.map(|e| e.emotion),
                after: a.map(|e| e.emotion),
                moment: b.is_some_and(|e| e.moment) || a.is_some_and(|e| e.moment),
                verdict,
            });
        }
    }

    let was: HashMap<Id, &ItemReading> = before.items.iter().map(|i| (i.card, i)).collect();
    let now: HashMap<Id, &ItemReading> = after.items.iter().map(|i| (i.card, i)).collect();
    for item in &after.items {
        let change = |before: Option<PlanStatus>| ItemChange {
            card: item.card,
            name: names.name(item.card, &item.text, "plan item"),
            before,
            after: Some(item.status),
        };
        match was.get(&item.card) {
            None => out.items_added.push(change(None)),
            Some(old) if old.status == item.status => {}
            Some(old) if item.status.delivered() && !old.status.delivered() => {
                out.items_done.push(change(Some(old.status)))
            }
            Some(old) => out.items_moved.push(change(Some(old.status))),
        }
    }
    for item in before.items.iter().filter(|i| !now.contains_key(&i.card)) {
        out.items_removed.push(ItemChange {
            card: item.card,
            name: names.name(item.card, &item.text, "plan item"),
            before: Some(item.status),
            after: None,
        });
    }
    out
}

/// What changed from one whole map to another (two named snapshots, or a snapshot and
/// now): both captured as reviews and compared, cards named from the later map first.
pub fn compare_maps(before: &JourneyMap, after: &JourneyMap) -> ReviewDiff {
    let day = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    diff(
        &capture(before, day, ""),
        &capture(after, day, ""),
        &[after, before],
    )
}

/// One point of a metric's trend: a review's date and the value then.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The review's date (`YYYY-MM-DD`).
    pub date: String,
    /// The value.
    pub value: f64,
}

/// A metric's values across the reviews, oldest first (reviews without it skipped).
pub fn metric_trend(map: &JourneyMap, card: Id) -> Vec<TrendPoint> {
    map.reviews
        .iter()
        .filter_map(|r| {
            r.metrics
                .iter()
                .find(|m| m.card == card)
                .map(|m| TrendPoint {
                    date: r.date.clone(),
                    value: m.value,
                })
        })
        .collect()
}

/// Every metric's values across the reviews, by KPI card, oldest first.
pub fn metric_trends(map: &JourneyMap) -> HashMap<Id, Vec<TrendPoint>> {
    let mut out: HashMap<Id, Vec<TrendPoint>> = HashMap::new();
    for r in &map.reviews {
        for m in &r.metrics {
            out.entry(m.card).or_default().push(TrendPoint {
                date: r.date.clone(),
                value: m.value,
            });
        }
    }
    out
}

/// The average emotion of each stage at each review: for every stage (map order), one
/// point per review that has an emotion for a touchpoint now in that stage.
pub fn stage_emotion_trends(map: &JourneyMap) -> Vec<(Id, Vec<TrendPoint>)> {
    let stage_of: HashMap<Id, Id> = map.cards.iter().map(|c| (c.id, c.stage)).collect();
    let mut out: Vec<(Id, Vec<TrendPoint>)> =
        map.stages.iter().map(|s| (s.id, Vec::new())).collect();
    let index: HashMap<Id, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for r in &map.reviews {
        let mut sums = vec![(0i64, 0i64); map.stages.len()];
        for e in &r.emotions {
            if let Some(i) = stage_of.get(&e.card).and_then(|s| index.get(s)) {
                sums[*i].0 += i64::from(e.emotion.value());
                sums[*i].1 += 1;
            }
        }
        for (i, (sum, n)) in sums.into_iter().enumerate() {
            if n > 0 {
                out[i].1.push(TrendPoint {
                    date: r.date.clone(),
                    value: super::metrics::round_half_away(sum as f64 / n as f64, 2),
                });
            }
        }
    }
    out
}

/// A plan item re-measured with its KPI: the metric's value at the last review before
/// the item's deadline and at the first review on or after its re-measure date.
#[derive(Clone, Debug, PartialEq)]
pub struct Remeasured {
    /// The opportunity.
    pub item: Id,
    /// The KPI card measured.
    pub metric: Id,
    /// Before: the review date and value.
    pub before: TrendPoint,
    /// After.
    pub after: TrendPoint,
}

/// Plan items whose KPI (the opportunity's KPI text naming a metric card, case and
/// spacing ignored) was measured before the deadline and again at the re-measure date
/// (the one set, or deadline + 90 days).
pub fn remeasured(map: &JourneyMap) -> Vec<Remeasured> {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let metrics: Vec<&Card> = map.cards.iter().filter(|c| c.metric.is_some()).collect();
    let mut out = Vec::new();
    for item in map
        .cards
        .iter()
        .filter(|c| map.card_kind(c) == Some(LaneKind::Opportunities) && !c.kpi.trim().is_empty())
    {
        let Some(metric) = metrics.iter().find(|m| norm(&m.text) == norm(&item.kpi)) else {
            continue;
        };
        let Some(deadline) = Date::parse(&item.deadline) else {
            continue;
        };
        let due = Date::parse(&item.remeasure).unwrap_or_else(|| deadline.add_days(90));
        let trend = metric_trend(map, metric.id);
        let before = trend
            .iter()
            .rfind(|p| Date::parse(&p.date).is_some_and(|d| d <= deadline));
        let after = trend
            .iter()
            .find(|p| Date::parse(&p.date).is_some_and(|d| d >= due));
        if let (Some(b), Some(a)) = (before, after) {
            out.push(Remeasured {
                item: item.id,
                metric: metric.id,
                before: b.clone(),
                after: a.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::metrics::{Metric, MetricKind};
    use crate::model::{Lane, Stage};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_cadence_clamps_month_ends_and_leap_days() {
        use ReviewCadence::*;
        let next = |s, c| next_review(d(s), c).to_string();
        assert_eq!(next("2026-01-31", Monthly), "2026-02-28");
        assert_eq!(next("2028-01-31", Monthly), "2028-02-29");
        assert_eq!(next("2026-11-30", Quarterly), "2027-02-28");
        assert_eq!(next("2027-11-30", Quarterly), "2028-02-29");
        assert_eq!(next("2026-08-31", Quarterly), "2026-11-30");
        assert_eq!(next("2024-02-29", Yearly), "2025-02-28");
        assert_eq!(next("2024-02-29", Quarterly), "2024-05-29");
        assert_eq!(next("2024-08-31", HalfYearly), "2025-02-28");
        assert_eq!(next("2026-12-15", Monthly), "2027-01-15");
        assert_eq!(next("2026-10-31", Quarterly), "2027-01-31");
    }

    fn sample() -> JourneyMap {
        let mut map = JourneyMap::blank("Reviews");
        let lane = |k| map.lane_of_kind(k).unwrap();
        let (tp, kpi, opp) = (
            lane(LaneKind::Touchpoints),
            lane(LaneKind::Kpis),
            lane(LaneKind::Opportunities),
        );
        let s1 = map.new_id();
        let s2 = map.new_id();
        map.stages.push(Stage {
            id: s1,
            name: "Onboarding".into(),
            ..Stage::default()
        });
        map.stages.push(Stage {
            id: s2,
            name: "Renewal".into(),
            ..Stage::default()
        });
        let add = |map: &mut JourneyMap, card: Card| {
            let id = map.new_id();
            map.cards.push(Card { id, ..card });
            id
        };
        add(
            &mut map,
            Card {
                stage: s1,
                lane: tp,
                text: "Kickoff".into(),
                emotion: Emotion::new(-1),
                moment_of_truth: true,
                ..Card::default()
            },
        );
        add(
            &mut map,
            Card {
                stage: s2,
                lane: tp,
                text: "Renewal call".into(),
                emotion: Emotion::new(1),
                ..Card::default()
            },
        );
        add(
            &mut map,
            Card {
                stage: s1,
                lane: kpi,
                text: "Time to first value".into(),
                metric: Some(Metric {
                    current: Some(21.0),
                    better: Better::Lower,
                    ..Metric::of_kind(MetricKind::Duration)
                }),
                ..Card::default()
            },
        );
        add(
            &mut map,
            Card {
                stage: s2,
                lane: kpi,
                text: "NPS".into(),
                metric: Some(Metric {
                    current: Some(12.0),
                    ..Metric::of_kind(MetricKind::Nps)
                }),
                ..Card::default()
            },
        );
        add(
            &mut map,
            Card {
                stage: s1,
                lane: opp,
                text: "Guided setup".into(),
                status: PlanStatus::Planned,
                ..Card::default()
            },
        );
        add(
            &mut map,
            Card {
                stage: s2,
                lane: opp,
                text: "Renewal playbook".into(),
                ..Card::default()
            },
        );
        let _ = Lane::default();
        map
    }

    fn set_metric(map: &mut JourneyMap, name: &str, v: f64) {
        let c = map.cards.iter_mut().find(|c| c.text == name).unwrap();
        c.metric.as_mut().unwrap().current = Some(v);
    }

    #[test]
    fn a_review_captures_metrics_emotions_and_items() {
        let map = sample();
        let r = capture(&map, d("2026-03-31"), "  First look ");
        assert_eq!(r.date, "2026-03-31");
        assert_eq!(r.note, "First look");
        assert_eq!(
            r.metrics.iter().map(|m| m.value).collect::<Vec<_>>(),
            vec![21.0, 12.0]
        );
        assert_eq!(r.emotions.len(), 2);
        assert!(r.emotions[0].moment);
        assert_eq!(
            r.items.iter().map(|i| i.status).collect::<Vec<_>>(),
            vec![PlanStatus::Planned, PlanStatus::Idea]
        );
        let json = serde_json::to_string(&r).unwrap();
        let back: Review = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn recording_keeps_date_order_and_moves_the_schedule() {
        let mut map = sample();
        map.scope.review_cadence = ReviewCadence::Quarterly;
        let second = capture(&map, d("2026-05-31"), "");
        record(&map, second).apply(&mut map).unwrap();
        assert_eq!(map.scope.last_review, "2026-05-31");
        assert_eq!(map.scope.next_review, "2026-08-31");
        let earlier = capture(&map, d("2026-02-28"), "late entry");
        let undo = record(&map, earlier).apply(&mut map).unwrap();
        let dates: Vec<&str> = map.reviews.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates, vec!["2026-02-28", "2026-05-31"]);
        assert_eq!(
            map.scope.last_review, "2026-05-31",
            "an older review does not move it back"
        );
        undo.apply(&mut map).unwrap();
        assert_eq!(map.reviews.len(), 1);
        let mut leap = sample();
        leap.scope.review_cadence = ReviewCadence::Yearly;
        mark_reviewed(&leap, d("2028-02-29"))
            .apply(&mut leap)
            .unwrap();
        assert_eq!(
            (
                leap.scope.last_review.as_str(),
                leap.scope.next_review.as_str()
            ),
            ("2028-02-29", "2029-02-28")
        );
    }

    #[test]
    fn the_diff_lists_what_moved_by_direction() {
        let mut map = sample();
        let q1 = capture(&map, d("2026-03-31"), "");
        set_metric(&mut map, "Time to first value", 14.0); // lower is better
        set_metric(&mut map, "NPS", 8.0); // higher is better
        let kickoff = map.cards.iter().position(|c| c.text == "Kickoff").unwrap();
        map.cards[kickoff].emotion = Emotion::new(1);
        let setup = map
            .cards
            .iter()
            .position(|c| c.text == "Guided setup")
            .unwrap();
        map.cards[setup].status = PlanStatus::Done;
        let playbook = map
            .cards
            .iter()
            .position(|c| c.text == "Renewal playbook")
            .unwrap();
        let playbook_id = map.cards[playbook].id;
        map.cards.remove(playbook);
        let tp = map.lane_of_kind(LaneKind::Opportunities).unwrap();
        let s = map.stages[0].id;
        let id = map.new_id();
        map.cards.push(Card {
            id,
            stage: s,
            lane: tp,
            text: "Health score".into(),
            ..Card::default()
        });
        let now = capture(&map, d("2026-06-30"), "");
        let diff = diff(&q1, &now, &[&map]);
        let m: Vec<(&str, Verdict)> = diff
            .metrics
            .iter()
            .map(|m| (m.name.as_str(), m.verdict))
            .collect();
        assert_eq!(
            m,
            vec![
                ("Time to first value", Verdict::Better),
                ("NPS", Verdict::Worse)
            ]
        );
        assert_eq!(diff.emotions.len(), 1);
        assert_eq!(diff.emotions[0].before, Emotion::new(-1));
        assert_eq!(diff.emotions[0].after, Emotion::new(1));
        assert_eq!(diff.moments_better().count(), 1);
        assert_eq!(diff.moments_worse().count(), 0);
        assert_eq!(
            diff.items_done
                .iter()
                .map(|i| i.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Guided setup"]
        );
        assert_eq!(
            diff.items_added
                .iter()
                .map(|i| i.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Health score"]
        );
        // The removed item is named from the review, though it is gone from the map.
        assert_eq!(diff.items_removed.len(), 1);
        assert_eq!(diff.items_removed[0].card, playbook_id);
        assert_eq!(diff.items_removed[0].name, "Renewal playbook");
        assert!(super::diff(&now, &now, &[&map]).is_empty());
        // Two whole maps (named snapshots) compare the same way.
        let whole = compare_maps(&sample(), &map);
        assert_eq!(whole.metrics.len(), 2);
        assert_eq!(whole.items_removed[0].name, "Renewal playbook");
    }

    #[test]
    fn trends_and_stage_averages() {
        let mut map = sample();
        map.reviews.push(capture(&map, d("2026-01-15"), ""));
        set_metric(&mut map, "NPS", 20.0);
        let kickoff = map.cards.iter().position(|c| c.text == "Kickoff").unwrap();
        map.cards[kickoff].emotion = Emotion::new(2);
        map.reviews.push(capture(&map, d("2026-04-15"), ""));
        let nps = map.cards.iter().find(|c| c.text == "NPS").unwrap().id;
        let t: Vec<f64> = metric_trend(&map, nps).iter().map(|p| p.value).collect();
        assert_eq!(t, vec![12.0, 20.0]);
        let stages = stage_emotion_trends(&map);
        assert_eq!(
            stages[0].1.iter().map(|p| p.value).collect::<Vec<_>>(),
            vec![-1.0, 2.0]
        );
        assert_eq!(
            stages[1].1.iter().map(|p| p.value).collect::<Vec<_>>(),
            vec![1.0, 1.0]
        );
    }

    #[test]
    fn plan_items_are_remeasured_ninety_days_after_their_deadline() {
        let mut map = sample();
        let setup = map
            .cards
            .iter()
            .position(|c| c.text == "Guided setup")
            .unwrap();
        map.cards[setup].kpi = "time to  first VALUE".into();
        map.cards[setup].deadline = "2026-03-31".into();
        map.reviews.push(capture(&map, d("2026-03-15"), ""));
        set_metric(&mut map, "Time to first value", 9.0);
        map.reviews
            .push(capture(&map, d("2026-06-28"), "too early"));
        set_metric(&mut map, "Time to first value", 7.0);
        map.reviews
            .push(capture(&map, d("2026-06-29"), "90 days on"));
        let r = remeasured(&map);
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].before.value, r[0].before.date.as_str()),
            (21.0, "2026-03-15")
        );
        assert_eq!(
            (r[0].after.value, r[0].after.date.as_str()),
            (7.0, "2026-06-29")
        );
    }
}
