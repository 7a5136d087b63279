//! Kano categories of opportunities: picked directly, or computed from questionnaire
//! answer counts (each respondent answers "How do you feel if it is there?" and "… if it
//! is not there?"; each pair of answers maps to a category by the standard evaluation
//! table, [`KanoCategory::classify`]). Counted answers win over a direct pick: the
//! category most answers fall in, with the Better and Worse coefficients beside it.

use crate::model::edit::{CardField, Edit};
use crate::model::formulas::{
    format_hundredths, FormulaError, KanoAnswer, KanoCategory, KanoCoefficients, KanoCounts,
};
use crate::model::{Card, Id, JourneyMap};

/// The rule in words, as the view shows it.
pub const RULE: &str = "Kano: for each opportunity, count how many respondents gave each pair of answers (if it is there / if it is not there). Each pair maps to a category by the standard evaluation table; the category with the most answers wins (ties: must-be, then one-dimensional, attractive, indifferent). Better = (A + O) ÷ (A + O + M + I); Worse = −(O + M) ÷ (A + O + M + I). Without answers, pick the category directly.";

/// The most answers one pair may count (a typo guard; far above any survey).
pub const MAX_COUNT: u32 = 1_000_000;

/// Where an opportunity's category comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Computed from the counted answers.
    Answers,
    /// Picked by the user.
    Picked,
}

/// An opportunity's Kano category and where it comes from; `None` when neither is set.
pub fn category(card: &Card) -> Option<(KanoCategory, Source)> {
    match card.kano_answers.tally().dominant() {
        Some(c) => Some((c, Source::Answers)),
        None => card.kano.map(|c| (c, Source::Picked)),
    }
}

/// Better and Worse of an opportunity's answers, or why they cannot be computed.
pub fn coefficients(card: &Card) -> Result<KanoCoefficients, FormulaError> {
    card.kano_answers.tally().coefficients()
}

/// Better and Worse as the table shows them, or the message in their place.
pub fn coefficients_text(card: &Card) -> Result<(String, String), String> {
    coefficients(card)
        .map(|k| {
            (
                format_hundredths(k.better_hundredths),
                format_hundredths(k.worse_hundredths),
            )
        })
        .map_err(|e| e.to_string())
}

/// An answer count typed by the user: empty is 0; a whole number 0..1,000,000 is a count;
/// anything else is refused with a message (the stored count stays).
pub fn parse_count(text: &str) -> Result<u32, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    match text.parse::<i64>() {
        Ok(v) if v < 0 => Err("A count cannot be negative: enter 0 or more."),
        Ok(v) if v > i64::from(MAX_COUNT) => {
            Err("That is more than 1,000,000 answers: check the number.")
        }
        Ok(v) => Ok(v as u32),
        Err(_) => {
            Err("Enter how many respondents gave this pair of answers: a whole number, like 12.")
        }
    }
}

/// The edit that sets one answer pair's count of `card`; `None` when unchanged or gone.
pub fn set_count(
    map: &JourneyMap,
    card: Id,
    functional: KanoAnswer,
    dysfunctional: KanoAnswer,
    n: u32,
) -> Option<Edit> {
    let c = map.card(card)?;
    if c.kano_answers.get(functional, dysfunctional) == n {
        return None;
    }
    let mut counts: KanoCounts = c.kano_answers;
    counts.set(functional, dysfunctional, n);
    Some(Edit::SetCard(card, CardField::KanoAnswers(counts)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use KanoAnswer::*;

    #[test]
    fn answers_win_over_a_pick_and_a_pick_shows_without_them() {
        let mut card = Card::default();
        assert_eq!(category(&card), None);
        card.kano = Some(KanoCategory::Attractive);
        assert_eq!(
            category(&card),
            Some((KanoCategory::Attractive, Source::Picked))
        );
        card.kano_answers.set(MustBe, Dislike, 4);
        card.kano_answers.set(Like, Neutral, 1);
        assert_eq!(
            category(&card),
            Some((KanoCategory::MustBe, Source::Answers))
        );
        // Better = 1 / 5 = 0.2, Worse = −4 / 5 = −0.8.
        assert_eq!(coefficients_text(&card), Ok(("0.2".into(), "−0.8".into())));
        let none = Card::default();
        assert!(coefficients_text(&none)
            .unwrap_err()
            .contains("No questionnaire answers"));
    }

    #[test]
    fn counts_parse_or_say_what_is_wrong() {
        assert_eq!(parse_count(""), Ok(0));
        assert_eq!(parse_count(" 12 "), Ok(12));
        assert_eq!(parse_count("1000000"), Ok(MAX_COUNT));
        assert!(parse_count("-1").unwrap_err().contains("negative"));
        assert!(parse_count("1000001").unwrap_err().contains("more than"));
        for bad in ["1.5", "NaN", "twelve", "1e3"] {
            assert!(
                parse_count(bad).unwrap_err().contains("whole number"),
                "{bad}"
            );
        }
    }

    #[test]
    fn setting_a_count_is_an_invertible_edit() {
        let mut map = JourneyMap::blank("t");
        let id = map.new_id();
        map.cards.push(Card {
            id,
            ..Card::default()
        });
        let before = map.clone();
        let edit = set_count(&map, id, Like, Dislike, 7).unwrap();
        let inverse = edit.apply(&mut map).unwrap();
        assert_eq!(map.cards[0].kano_answers.get(Like, Dislike), 7);
        assert_eq!(set_count(&map, id, Like, Dislike, 7), None);
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, before);
    }
}
