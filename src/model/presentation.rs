//! Presentation mode's slides: one per stage, in journey order, with what a workshop
//! walks through on the projector: the stage's goal and owner, the handoff into it, its
//! touchpoints with their
//! emotion, moments of truth and the customer's words, its pain points (the top friction
//! points marked) and its opportunities with their owners.

use crate::model::handoffs;
use crate::model::priorities::{self, Ranking};
use crate::model::{Emotion, Id, JourneyMap, LaneKind};

/// A touchpoint on a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideTouchpoint {
    /// Its text.
    pub text: String,
    /// Its channel.
    pub channel: String,
    /// Its emotion score.
    pub emotion: Option<Emotion>,
    /// Whether it is a moment of truth.
    pub moment_of_truth: bool,
    /// The customer's words.
    pub quote: String,
}

/// A pain point or an opportunity on a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideItem {
    /// Its text.
    pub text: String,
    /// A pain's evidence, or an opportunity's owner, deadline and KPI, in words.
    pub detail: String,
    /// A pain's rank among the top friction points.
    pub top: Option<usize>,
}

/// One stage as a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The stage.
    pub stage: Id,
    /// The stage's name.
    pub name: String,
    /// What the customer wants to achieve here.
    pub customer_goal: String,
    /// The team that owns the stage.
    pub owning_team: String,
    /// Touchpoints, in the map's order.
    pub touchpoints: Vec<SlideTouchpoint>,
    /// Pain points, in the map's order.
    pub pains: Vec<SlideItem>,
    /// Opportunities, in the map's order.
    pub opportunities: Vec<SlideItem>,
    /// The mean emotion of the scored touchpoints, to one decimal.
    pub average_emotion: Option<f64>,
    /// The handoff into the stage in words ([`handoffs::Handoff::words`]), if there is one.
    pub handoff: Option<String>,
}

/// "Owner: X · due 2027-01-31 · KPI: Y", leaving out what is blank.
fn plan_words(owner: &str, deadline: &str, kpi: &str) -> String {
    [("Owner: ", owner), ("due ", deadline), ("KPI: ", kpi)]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}{}", v.trim()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The slides of `map`, one per stage.
pub fn slides(map: &JourneyMap, ranking: &Ranking) -> Vec<Slide> {
    map.stages
        .iter()
        .map(|stage| {
            let mut slide = Slide {
                stage: stage.id,
                name: stage.name.clone(),
                customer_goal: stage.customer_goal.clone(),
                owning_team: stage.owning_team.clone(),
                touchpoints: Vec::new(),
                pains: Vec::new(),
                opportunities: Vec::new(),
                average_emotion: None,
                handoff: handoffs::into_stage(map, stage.id).map(|h| h.words()),
            };
            for lane in &map.lanes {
                for card in map.cell(stage.id, lane.id) {
                    match lane.kind {
                        LaneKind::Touchpoints => slide.touchpoints.push(SlideTouchpoint {
                            text: card.text.clone(),
                            channel: card.channel.clone(),
                            emotion: card.emotion,
                            moment_of_truth: card.moment_of_truth,
                            quote: card.quote.clone(),
                        }),
                        LaneKind::PainPoints => slide.pains.push(SlideItem {
                            text: card.text.clone(),
                            detail: card.evidence.clone(),
                            top: ranking.top_rank_of(card.id),
                        }),
                        LaneKind::Opportunities => slide.opportunities.push(SlideItem {
                            text: card.text.clone(),
                            detail: plan_words(&card.owner, &card.deadline, &card.kpi),
                            top: None,
                        }),
                        _ => {}
                    }
                }
            }
            let scores: Vec<f64> = slide
                .touchpoints
                .iter()
                .filter_map(|t| t.emotion.map(|e| f64::from(e.value())))
                .collect();
            if !scores.is_empty() {
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                slide.average_emotion = Some((mean * 10.0).round() / 10.0);
            }
            slide
        })
        .collect()
}

/// The slides of `map`, ranking its pains first.
pub fn slides_of(map: &JourneyMap) -> Vec<Slide> {
    slides(map, &priorities::rank(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{templates, Card, Stage};

    #[test]
    fn one_slide_per_stage_with_its_cards() {
        let map = templates::build("b2b-saas").unwrap();
        let slides = slides_of(&map);
        assert_eq!(slides.len(), map.stages.len());
        for (slide, stage) in slides.iter().zip(&map.stages) {
            assert_eq!(slide.name, stage.name);
            let touch = map
                .cards
                .iter()
                .filter(|c| c.stage == stage.id && map.card_kind(c) == Some(LaneKind::Touchpoints))
                .count();
            assert_eq!(slide.touchpoints.len(), touch);
        }
        // The top three friction points are marked on their slides, once each.
        let mut tops: Vec<usize> = slides
            .iter()
            .flat_map(|s| s.pains.iter().filter_map(|p| p.top))
            .collect();
        tops.sort_unstable();
        assert_eq!(tops, [1, 2, 3]);
        assert!(slides.iter().any(|s| !s.opportunities.is_empty()));
        // The handoff into a stage is on its slide; the first stage has none.
        assert_eq!(slides[0].handoff, None);
        assert_eq!(
            slides[3].handoff.as_deref(),
            Some("Handoff Sales → Customer success: The business case's goals do not reach the CSM: kickoff starts from zero. Owner: CS lead")
        );
    }

    #[test]
    fn the_average_emotion_is_rounded_to_one_decimal_and_absent_without_scores() {
        let mut map = JourneyMap::blank("x");
        let stage = map.new_id();
        map.stages.push(Stage {
            id: stage,
            name: "Onboarding".into(),
            ..Stage::default()
        });
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .unwrap()
            .id;
        let add = |map: &mut JourneyMap, emotion: Option<Emotion>| {
            let id = map.new_id();
            map.cards.push(Card {
                id,
                stage,
                lane,
                text: "t".into(),
                emotion,
                ..Card::default()
            });
        };
        assert_eq!(slides_of(&map)[0].average_emotion, None);
        for v in [2, 1, 1] {
            add(&mut map, Emotion::new(v));
        }
        // (2 + 1 + 1) / 3 = 1.333…
        assert_eq!(slides_of(&map)[0].average_emotion, Some(1.3));
        add(&mut map, None);
        assert_eq!(slides_of(&map)[0].average_emotion, Some(1.3));
        // Rounded half away from zero: (−2 − 1) / 2 = −1.5 stays; −1.25 gives −1.3.
        map.cards.clear();
        for v in [-2, -1, -1, -1] {
            add(&mut map, Emotion::new(v));
        }
        assert_eq!(slides_of(&map)[0].average_emotion, Some(-1.3));
    }

    #[test]
    fn plan_words_leave_out_what_is_blank() {
        assert_eq!(plan_words("Ana", "", " NPS "), "Owner: Ana · KPI: NPS");
        assert_eq!(plan_words("", "", ""), "");
        assert_eq!(
            plan_words("Ana", "2027-01-31", "CSAT"),
            "Owner: Ana · due 2027-01-31 · KPI: CSAT"
        );
    }
}
