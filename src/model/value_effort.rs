//! The value–effort matrix of opportunities: value (to customers and the business) on y,
//! effort to deliver on x, each scored 1 to 10, in four named quadrants — quick wins
//! (high value, low effort), big bets (high value, high effort), fill-ins (low value, low
//! effort) and time sinks (low value, high effort).
//!
//! Why 1 to 10, split between 5 and 6: ten steps are fine enough to place a point by
//! dragging and coarse enough to agree on in a workshop; a scale with no zero and an even
//! number of steps has no middle value, so every scored opportunity falls on one side of
//! each split, with five steps on either side (the stakeholder matrix's 0–10 splits at 5
//! too, but its middle value counts as high). The effort here is a relative size, not
//! RICE's person-months, so it can be scored before anyone estimates the work.

use crate::model::edit::{CardField, Edit};
use crate::model::opportunities::cards_in_journey_order;
use crate::model::{Card, Id, JourneyMap, LaneKind};

/// The lowest score.
pub const MIN: u8 = 1;
/// The highest score.
pub const MAX: u8 = 10;
/// A score counts as high from this value on (6..10 of 1..10).
pub const HIGH: u8 = 6;

/// The rule of the matrix in words, as the view shows it.
pub const RULE: &str = "Value and effort are each scored 1 to 10; 6 or more is high. Quick wins: high value, low effort. Big bets: high value, high effort. Fill-ins: low value, low effort. Time sinks: low value, high effort.";

/// The four quadrants, named for what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueEffortQuadrant {
    /// High value, low effort: do these first.
    QuickWin,
    /// High value, high effort: plan them.
    BigBet,
    /// Low value, low effort: when there is time.
    FillIn,
    /// Low value, high effort: avoid.
    TimeSink,
}

impl ValueEffortQuadrant {
    /// All four, best first.
    pub const ALL: [ValueEffortQuadrant; 4] = [
        ValueEffortQuadrant::QuickWin,
        ValueEffortQuadrant::BigBet,
        ValueEffortQuadrant::FillIn,
        ValueEffortQuadrant::TimeSink,
    ];

    /// The quadrant of a value and an effort.
    pub fn of(value: u8, effort: u8) -> ValueEffortQuadrant {
        match (value >= HIGH, effort >= HIGH) {
            (true, false) => ValueEffortQuadrant::QuickWin,
            (true, true) => ValueEffortQuadrant::BigBet,
            (false, false) => ValueEffortQuadrant::FillIn,
            (false, true) => ValueEffortQuadrant::TimeSink,
        }
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            ValueEffortQuadrant::QuickWin => "Quick wins",
            ValueEffortQuadrant::BigBet => "Big bets",
            ValueEffortQuadrant::FillIn => "Fill-ins",
            ValueEffortQuadrant::TimeSink => "Time sinks",
        }
    }

    /// What to do with the opportunities in it.
    pub fn advice(self) -> &'static str {
        match self {
            ValueEffortQuadrant::QuickWin => "Do these first.",
            ValueEffortQuadrant::BigBet => "Plan them; break them into steps.",
            ValueEffortQuadrant::FillIn => "Do them when there is room.",
            ValueEffortQuadrant::TimeSink => "Avoid, or rethink to cut the effort.",
        }
    }
}

/// A value or effort score typed by the user: empty is none; a whole number 1..10 is a
/// score; anything else is refused with a message (the stored value stays).
pub fn parse_score(text: &str) -> Result<Option<u8>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(v) if (i64::from(MIN)..=i64::from(MAX)).contains(&v) => Ok(Some(v as u8)),
        Ok(_) => {
            Err("Scores run from 1 (lowest) to 10 (highest): enter a whole number in that range.")
        }
        Err(_) => Err("Enter a whole number from 1 to 10, like 7."),
    }
}

/// A score clamped into 1..10.
pub fn clamp(v: i64) -> u8 {
    v.clamp(i64::from(MIN), i64::from(MAX)) as u8
}

/// One opportunity on the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Its card.
    pub card: Id,
    /// Its text.
    pub text: String,
    /// Its stage's name.
    pub stage: String,
    /// Value, 1..10.
    pub value: u8,
    /// Effort, 1..10.
    pub effort: u8,
    /// Where that puts it.
    pub quadrant: ValueEffortQuadrant,
}

/// The matrix of a map: the scored opportunities, and the ones still missing a score.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    /// Opportunities with both scores, in journey order.
    pub points: Vec<Point>,
    /// Opportunities missing value or effort, in journey order.
    pub missing: Vec<Id>,
}

/// Places the opportunities of `map`.
pub fn place(map: &JourneyMap) -> Matrix {
    let mut out = Matrix::default();
    for c in cards_in_journey_order(map, LaneKind::Opportunities) {
        match (c.value_score, c.effort_score) {
            (Some(value), Some(effort)) => out.points.push(Point {
                card: c.id,
                text: c.text.clone(),
                stage: map
                    .stage(c.stage)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                value,
                effort,
                quadrant: ValueEffortQuadrant::of(value, effort),
            }),
            _ => out.missing.push(c.id),
        }
    }
    out
}

/// The quadrant of a card, once both scores are set.
pub fn quadrant_of(card: &Card) -> Option<ValueEffortQuadrant> {
    Some(ValueEffortQuadrant::of(
        card.value_score?,
        card.effort_score?,
    ))
}

/// The edit that sets both scores of `card` as one undo step; `None` when nothing would
/// change or the card is gone.
pub fn set_scores(map: &JourneyMap, card: Id, value: u8, effort: u8) -> Option<Edit> {
    let c = map.card(card)?;
    let (value, effort) = (clamp(value.into()), clamp(effort.into()));
    let mut edits = Vec::new();
    if c.value_score != Some(value) {
        edits.push(Edit::SetCard(card, CardField::ValueScore(Some(value))));
    }
    if c.effort_score != Some(effort) {
        edits.push(Edit::SetCard(card, CardField::EffortScore(Some(effort))));
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The edit that moves `card` by whole steps from the keyboard (a missing score starts in
/// the middle, 5); `None` at the edge or when the card is gone.
pub fn nudge(map: &JourneyMap, card: Id, d_value: i64, d_effort: i64) -> Option<Edit> {
    let c = map.card(card)?;
    let value = clamp(i64::from(c.value_score.unwrap_or(5)) + d_value);
    let effort = clamp(i64::from(c.effort_score.unwrap_or(5)) + d_effort);
    set_scores(map, card, value, effort)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Stage};

    fn map_with(scores: &[(Option<u8>, Option<u8>)]) -> JourneyMap {
        let mut map = JourneyMap::blank("t");
        let stage = map.new_id();
        map.stages.push(Stage {
            id: stage,
            name: "Adopt".into(),
            ..Stage::default()
        });
        let lane = map.lane_of_kind(LaneKind::Opportunities).unwrap();
        for (i, (v, e)) in scores.iter().enumerate() {
            let id = map.new_id();
            map.cards.push(Card {
                id,
                stage,
                lane,
                text: format!("o{i}"),
                value_score: *v,
                effort_score: *e,
                ..Card::default()
            });
        }
        map
    }

    #[test]
    fn quadrants_split_between_five_and_six() {
        use ValueEffortQuadrant::*;
        assert_eq!(ValueEffortQuadrant::of(6, 5), QuickWin);
        assert_eq!(ValueEffortQuadrant::of(10, 1), QuickWin);
        assert_eq!(ValueEffortQuadrant::of(6, 6), BigBet);
        assert_eq!(ValueEffortQuadrant::of(5, 5), FillIn);
        assert_eq!(ValueEffortQuadrant::of(1, 1), FillIn);
        assert_eq!(ValueEffortQuadrant::of(5, 6), TimeSink);
        assert_eq!(QuickWin.label(), "Quick wins");
        // Five steps on each side of each split.
        let high = (MIN..=MAX).filter(|v| *v >= HIGH).count();
        assert_eq!((high, (MAX - MIN + 1) as usize - high), (5, 5));
    }

    #[test]
    fn scores_parse_or_say_what_is_wrong() {
        assert_eq!(parse_score(""), Ok(None));
        assert_eq!(parse_score(" 7 "), Ok(Some(7)));
        assert_eq!(parse_score("1"), Ok(Some(1)));
        assert_eq!(parse_score("10"), Ok(Some(10)));
        assert!(parse_score("0").unwrap_err().contains("1 (lowest) to 10"));
        assert!(parse_score("11").unwrap_err().contains("1 (lowest) to 10"));
        assert!(parse_score("-3").unwrap_err().contains("1 (lowest) to 10"));
        for bad in ["NaN", "7.5", "seven", "1e1", "inf"] {
            assert!(
                parse_score(bad).unwrap_err().contains("whole number"),
                "{bad}"
            );
        }
    }

    #[test]
    fn placing_lists_the_scored_and_the_missing_in_journey_order() {
        let map = map_with(&[(Some(8), Some(2)), (None, Some(3)), (Some(2), Some(9))]);
        let m = place(&map);
        let ids: Vec<Id> = map.cards.iter().map(|c| c.id).collect();
        assert_eq!(m.points.len(), 2);
        assert_eq!(m.points[0].quadrant, ValueEffortQuadrant::QuickWin);
        assert_eq!(m.points[1].quadrant, ValueEffortQuadrant::TimeSink);
        assert_eq!(m.points[0].stage, "Adopt");
        assert_eq!(m.missing, vec![ids[1]]);
    }

    #[test]
    fn a_drag_is_one_undo_step_that_sets_both_scores() {
        let mut map = map_with(&[(None, None)]);
        let id = map.cards[0].id;
        let before = map.clone();
        let edit = set_scores(&map, id, 9, 3).unwrap();
        assert!(matches!(&edit, Edit::Batch(e) if e.len() == 2));
        let inverse = edit.apply(&mut map).unwrap();
        assert_eq!(
            (map.cards[0].value_score, map.cards[0].effort_score),
            (Some(9), Some(3))
        );
        assert_eq!(set_scores(&map, id, 9, 3), None, "no change, no step");
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, before);
        // Out-of-range values are clamped, never stored.
        set_scores(&map, id, 0, 200)
            .unwrap()
            .apply(&mut map)
            .unwrap();
        assert_eq!(
            (map.cards[0].value_score, map.cards[0].effort_score),
            (Some(1), Some(10))
        );
    }

    #[test]
    fn keyboard_nudges_move_one_step_and_stop_at_the_edges() {
        let mut map = map_with(&[(None, Some(10))]);
        let id = map.cards[0].id;
        nudge(&map, id, 1, 0).unwrap().apply(&mut map).unwrap();
        assert_eq!(
            (map.cards[0].value_score, map.cards[0].effort_score),
            (Some(6), Some(10))
        );
        assert_eq!(nudge(&map, id, 0, 1), None);
        nudge(&map, id, 0, -1).unwrap().apply(&mut map).unwrap();
        assert_eq!(map.cards[0].effort_score, Some(9));
    }
}
