//! Pain points ranked by the impact of the friction, so that a map singles out its three
//! highest-impact friction points, and the rest in order. The rule, shown on screen as
//! [`RULE`]: impact = magnitude × severity × frequency × business impact (each scored 1
//! to 5, so 1 to 625); ties go to the pain that takes less effort to resolve, then to the
//! one earlier in the journey (stage left to right, lane top to bottom, order in the
//! cell). A pain with any of the four impact scores missing is unscored and listed apart.

use crate::model::{Card, Id, JourneyMap, LaneKind};

/// The ranking rule in words, as the Priorities view shows it.
pub const RULE: &str = "Impact = magnitude × severity × frequency × business impact, each scored 1 (low) to 5 (high), so 1 to 625. Ties go to the pain that takes less effort to resolve, then to the one earlier in the journey.";

/// How many pains the map singles out.
pub const TOP: usize = 3;

/// One scored pain point in the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// The pain point's card.
    pub card: Id,
    /// 1 for the highest impact.
    pub rank: usize,
    /// Its impact (1 to 625).
    pub impact: u32,
}

/// Every pain point of a map: the scored ones ranked, the unscored ones in journey order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking {
    /// Scored pain points, highest impact first.
    pub ranked: Vec<Ranked>,
    /// Pain points missing one of the four impact scores, in journey order.
    pub unscored: Vec<Id>,
}

impl Ranking {
    /// The pains the map singles out (at most [`TOP`]), highest first.
    pub fn top(&self) -> impl Iterator<Item = &Ranked> {
        self.ranked.iter().take(TOP)
    }

    /// The rank of `card` if it is among the top [`TOP`].
    pub fn top_rank_of(&self, card: Id) -> Option<usize> {
        self.top().find(|r| r.card == card).map(|r| r.rank)
    }
}

/// The pain points of `map` in journey order.
pub fn pains_in_journey_order(map: &JourneyMap) -> Vec<&Card> {
    let mut out = Vec::new();
    for stage in &map.stages {
        for lane in map.lanes.iter().filter(|l| l.kind == LaneKind::PainPoints) {
            out.extend(map.cell(stage.id, lane.id));
        }
    }
    out
}

/// Ranks the pain points of `map` (see the module's rule).
pub fn rank(map: &JourneyMap) -> Ranking {
    let pains = pains_in_journey_order(map);
    let mut scored: Vec<(usize, &Card, u32)> = Vec::new();
    let mut unscored = Vec::new();
    for (order, card) in pains.into_iter().enumerate() {
        match card.scores.impact() {
            Some(impact) => scored.push((order, card, impact)),
            None => unscored.push(card.id),
        }
    }
    // Unscored effort counts as the hardest (5): a pain is not favoured for a blank.
    let effort = |c: &Card| c.scores.effort.unwrap_or(5);
    crate::model::order::sort_by(&mut scored, |(oa, a, ia), (ob, b, ib)| {
        ib.cmp(ia).then(effort(a).cmp(&effort(b))).then(oa.cmp(ob))
    });
    Ranking {
        ranked: scored
            .into_iter()
            .enumerate()
            .map(|(i, (_, card, impact))| Ranked {
                card: card.id,
                rank: i + 1,
                impact,
            })
            .collect(),
        unscored,
    }
}

/// What a pain score's box says when something other than a score is typed in it.
pub const SCORE_HINT: &str =
    "Type a whole number from 1 (low) to 5 (high), or press Delete to clear the score.";

/// What a key pressed in a pain score's box does (the box is a spin button: one key, one
/// score).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreKey {
    /// Store this score (`None`: not scored).
    Set(Option<u8>),
    /// Refuse the key with this message; the score stays as it was.
    Refuse(&'static str),
    /// The key does nothing here, and nothing else either (Space would scroll the page).
    Swallow,
    /// Not the box's key (Tab, Enter, Escape, Shift…): the browser and the app have it.
    Pass,
}

/// What `key` (as the browser names it: `KeyboardEvent.key`, no modifier held) does to a
/// score box holding `now`: a digit 1 to 5 is that score; Arrow Up and Down step it
/// within 1 to 5 (from nothing, to 1); Home and End give 1 and 5; Delete and Backspace
/// clear it; any other character (0, 6, −, a letter) is refused.
pub fn score_key(key: &str, now: Option<u8>) -> ScoreKey {
    match key {
        "ArrowUp" => ScoreKey::Set(Some(step_score(now, 1))),
        "ArrowDown" => ScoreKey::Set(Some(step_score(now, -1))),
        "Home" => ScoreKey::Set(Some(1)),
        "End" => ScoreKey::Set(Some(5)),
        "Backspace" | "Delete" => ScoreKey::Set(None),
        " " => ScoreKey::Swallow,
        k if k.chars().count() == 1 => match k.parse::<u8>() {
            Ok(n @ 1..=5) => ScoreKey::Set(Some(n)),
            _ => ScoreKey::Refuse(SCORE_HINT),
        },
        _ => ScoreKey::Pass,
    }
}

/// A score one step up (`by` > 0) or down from `score`, kept within 1 to 5; no score yet
/// steps to 1 (what the arrow keys do in a score box).
pub fn step_score(score: Option<u8>, by: i8) -> u8 {
    match score {
        None => 1,
        Some(v) => (i16::from(v) + i16::from(by)).clamp(1, 5) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PainScores, Stage};

    #[test]
    fn arrow_steps_stay_within_one_to_five() {
        assert_eq!(step_score(None, 1), 1);
        assert_eq!(step_score(None, -1), 1);
        assert_eq!(step_score(Some(3), 1), 4);
        assert_eq!(step_score(Some(3), -1), 2);
        assert_eq!(step_score(Some(5), 1), 5);
        assert_eq!(step_score(Some(1), -1), 1);
    }

    #[test]
    fn a_score_box_takes_one_key_per_score_and_refuses_the_rest() {
        use ScoreKey::*;
        for n in 1..=5u8 {
            assert_eq!(score_key(&n.to_string(), Some(2)), Set(Some(n)));
            assert_eq!(score_key(&n.to_string(), None), Set(Some(n)));
        }
        assert_eq!(score_key("ArrowUp", Some(4)), Set(Some(5)));
        assert_eq!(score_key("ArrowUp", Some(5)), Set(Some(5)));
        assert_eq!(score_key("ArrowDown", None), Set(Some(1)));
        assert_eq!(score_key("Home", Some(3)), Set(Some(1)));
        assert_eq!(score_key("End", None), Set(Some(5)));
        assert_eq!(score_key("Delete", Some(3)), Set(None));
        assert_eq!(score_key("Backspace", None), Set(None));
        for bad in ["0", "6", "9", "-", "+", ".", "x", "é", "½"] {
            assert_eq!(score_key(bad, Some(3)), Refuse(SCORE_HINT), "{bad}");
        }
        assert_eq!(score_key(" ", Some(3)), Swallow);
        for other in [
            "Tab",
            "Enter",
            "Escape",
            "Shift",
            "ArrowLeft",
            "F5",
            "Unidentified",
        ] {
            assert_eq!(score_key(other, Some(3)), Pass, "{other}");
        }
    }

    fn scores(m: u8, s: u8, f: u8, b: u8, e: Option<u8>) -> PainScores {
        PainScores {
            magnitude: Some(m),
            severity: Some(s),
            frequency: Some(f),
            business_impact: Some(b),
            effort: e,
        }
    }

    /// A map with two stages and the pains given as (stage 0 or 1, text, scores).
    fn map_with(pains: &[(usize, &str, PainScores)]) -> JourneyMap {
        let mut map = JourneyMap::blank("x");
        for name in ["A", "B"] {
            let id = map.new_id();
            map.stages.push(Stage {
                id,
                name: name.into(),
                ..Stage::default()
            });
        }
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::PainPoints)
            .unwrap()
            .id;
        for (stage, text, scores) in pains {
            let id = map.new_id();
            let stage = map.stages[*stage].id;
            map.cards.push(Card {
                id,
                stage,
                lane,
                text: text.to_string(),
                scores: *scores,
                ..Card::default()
            });
        }
        map
    }

    fn texts(map: &JourneyMap, ids: impl IntoIterator<Item = Id>) -> Vec<String> {
        ids.into_iter()
            .map(|id| map.card(id).unwrap().text.clone())
            .collect()
    }

    #[test]
    fn ranks_by_impact_then_less_effort_then_journey_order() {
        let map = map_with(&[
            (1, "late tie", scores(2, 2, 2, 2, Some(3))),
            (0, "low", scores(1, 1, 1, 1, Some(1))),
            (1, "max hard", scores(5, 5, 5, 5, Some(5))),
            (
                0,
                "unscored",
                PainScores {
                    effort: Some(1),
                    ..PainScores::default()
                },
            ),
            (1, "max easy", scores(5, 5, 5, 5, Some(1))),
            (0, "early tie", scores(2, 2, 2, 2, Some(3))),
            (0, "no effort", scores(2, 2, 2, 2, None)),
            (
                0,
                "three missing",
                PainScores {
                    magnitude: Some(5),
                    ..PainScores::default()
                },
            ),
        ]);
        let r = rank(&map);
        assert_eq!(
            texts(&map, r.ranked.iter().map(|x| x.card)),
            [
                "max easy",
                "max hard",
                "early tie",
                "late tie",
                "no effort",
                "low"
            ]
        );
        assert_eq!(
            r.ranked.iter().map(|x| x.impact).collect::<Vec<_>>(),
            [625, 625, 16, 16, 16, 1]
        );
        assert_eq!(
            r.ranked.iter().map(|x| x.rank).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        // Unscored in journey order: stage A before stage B, then order in the cell.
        assert_eq!(
            texts(&map, r.unscored.clone()),
            ["unscored", "three missing"]
        );
        assert_eq!(
            texts(&map, r.top().map(|x| x.card)),
            ["max easy", "max hard", "early tie"]
        );
        let early = r.ranked[2].card;
        assert_eq!(r.top_rank_of(early), Some(3));
        assert_eq!(r.top_rank_of(r.ranked[3].card), None);
    }

    #[test]
    fn a_map_without_pains_or_scores_has_no_top() {
        assert_eq!(rank(&map_with(&[])), Ranking::default());
        let r = rank(&map_with(&[(0, "x", PainScores::default())]));
        assert!(r.ranked.is_empty());
        assert_eq!(r.unscored.len(), 1);
        assert_eq!(r.top().count(), 0);
    }

    #[test]
    fn only_pain_point_cards_are_ranked() {
        let mut map = map_with(&[(0, "pain", scores(3, 3, 3, 3, Some(2)))]);
        let other = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .unwrap()
            .id;
        let id = map.new_id();
        let stage = map.stages[0].id;
        map.cards.push(Card {
            id,
            stage,
            lane: other,
            scores: scores(5, 5, 5, 5, Some(1)),
            ..Card::default()
        });
        assert_eq!(
            texts(&map, rank(&map).ranked.iter().map(|x| x.card)),
            ["pain"]
        );
    }

    /// A small deterministic generator (xorshift), for the properties below.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn score(&mut self) -> Option<u8> {
            match self.next() % 7 {
                0 => None,
                n => Some(n.min(5) as u8),
            }
        }
    }

    fn random_map(rng: &mut Rng) -> JourneyMap {
        let n = (rng.next() % 20) as usize;
        let pains: Vec<(usize, String, PainScores)> = (0..n)
            .map(|i| {
                let s = PainScores {
                    magnitude: rng.score(),
                    severity: rng.score(),
                    frequency: rng.score(),
                    business_impact: rng.score(),
                    effort: rng.score(),
                };
                ((rng.next() % 2) as usize, format!("p{i}"), s)
            })
            .collect();
        let refs: Vec<(usize, &str, PainScores)> =
            pains.iter().map(|(s, t, p)| (*s, t.as_str(), *p)).collect();
        map_with(&refs)
    }

    #[test]
    fn the_ranking_is_a_permutation_of_the_pains() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..500 {
            let map = random_map(&mut rng);
            let r = rank(&map);
            let mut all: Vec<Id> = r
                .ranked
                .iter()
                .map(|x| x.card)
                .chain(r.unscored.iter().copied())
                .collect();
            all.sort();
            let mut pains: Vec<Id> = pains_in_journey_order(&map).iter().map(|c| c.id).collect();
            pains.sort();
            assert_eq!(all, pains);
            assert!(r.ranked.windows(2).all(|w| w[0].impact >= w[1].impact));
        }
    }

    #[test]
    fn changing_one_score_moves_only_that_pain() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        for _ in 0..500 {
            let mut map = random_map(&mut rng);
            if map.cards.is_empty() {
                continue;
            }
            let before = rank(&map);
            let at = (rng.next() as usize) % map.cards.len();
            let changed = map.cards[at].id;
            map.cards[at].scores.severity = rng.score();
            let after = rank(&map);
            let others = |r: &Ranking| -> Vec<Id> {
                r.ranked
                    .iter()
                    .map(|x| x.card)
                    .filter(|c| *c != changed)
                    .collect()
            };
            assert_eq!(others(&before), others(&after));
        }
    }
}
