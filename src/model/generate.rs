//! Deterministic generated maps of any size, for benchmarks and stress tests.

use super::map::{Card, JourneyMap, LaneKind, PainScores, RoleType, Stage, Stakeholder, Stance};
use super::scales::{Emotion, Level};

/// A small deterministic pseudo-random generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "onboarding",
    "pricing",
    "security",
    "review",
    "handoff",
    "contract",
    "renewal",
    "invoice",
    "training",
    "support",
    "integration",
    "dashboard",
    "procurement",
    "legal",
    "champion",
    "budget",
    "pilot",
    "rollout",
    "adoption",
    "expansion",
    "kickoff",
    "roadmap",
    "workshop",
    "ticket",
];

fn sentence(rng: &mut SplitMix, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    out
}

/// A map with `stages` stages, `stakeholders` stakeholders and `touchpoints` touchpoints
/// (spread over the stages, each with a quote), plus a few cards in every other lane.
pub fn generated_map(
    stages: usize,
    stakeholders: usize,
    touchpoints: usize,
    seed: u64,
) -> JourneyMap {
    let mut rng = SplitMix::new(seed);
    let mut map = JourneyMap::blank(&format!(
        "Generated map: {stages} stages, {touchpoints} touchpoints"
    ));
    map.scope.segment = "Generated for benchmarks".into();
    for i in 0..stages {
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name: format!("Stage {}", i + 1),
            customer_goal: sentence(&mut rng, 6),
            owning_team: "Customer success".into(),
            ..Stage::default()
        });
    }
    for i in 0..stakeholders {
        let id = map.new_id();
        map.stakeholders.push(Stakeholder {
            id,
            name: format!("Stakeholder {}", i + 1),
            role_type: RoleType::ALL[i % RoleType::ALL.len()],
            department: "Operations".into(),
            influence: Level::clamped(rng.below(11) as i64),
            interest: Level::clamped(rng.below(11) as i64),
            stance: Stance::ALL[rng.below(3) as usize],
            priorities: sentence(&mut rng, 5),
            concerns: sentence(&mut rng, 5),
            influences: Vec::new(),
        });
    }
    let Some(touch_lane) = map.lane_of_kind(LaneKind::Touchpoints) else {
        return map;
    };
    let people: Vec<_> = map.stakeholders.iter().map(|s| s.id).collect();
    let stage_ids: Vec<_> = map.stages.iter().map(|s| s.id).collect();
    if stage_ids.is_empty() {
        return map;
    }
    for i in 0..touchpoints {
        let id = map.new_id();
        let stage = stage_ids[i * stage_ids.len() / touchpoints.max(1)];
        let who = if people.is_empty() {
            vec![]
        } else {
            vec![people[i % people.len()]]
        };
        map.cards.push(Card {
            id,
            stage,
            lane: touch_lane,
            text: sentence(&mut rng, 4),
            stakeholders: who,
            channel: super::map::COMMON_CHANNELS[i % super::map::COMMON_CHANNELS.len()].into(),
            emotion: Emotion::new(rng.below(5) as i64 - 2),
            quote: sentence(&mut rng, 10),
            moment_of_truth: i % 17 == 0,
            to_be: (i % 3 == 0).then(|| Emotion::new(2)).flatten(),
            ..Card::default()
        });
    }
    for kind in [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Kpis,
    ] {
        let Some(lane) = map.lane_of_kind(kind) else {
            continue;
        };
        for &stage in &stage_ids {
            let id = map.new_id();
            let s = |rng: &mut SplitMix| Some(rng.below(5) as u8 + 1);
            let scores = PainScores {
                magnitude: s(&mut rng),
                severity: s(&mut rng),
                frequency: s(&mut rng),
                business_impact: s(&mut rng),
                effort: s(&mut rng),
            };
            map.cards.push(Card {
                id,
                stage,
                lane,
                text: sentence(&mut rng, 5),
                scores: if kind == LaneKind::PainPoints {
                    scores
                } else {
                    PainScores::default()
                },
                ..Card::default()
            });
        }
    }
    map
}

/// Adds pain points and opportunities to `map`, spread over its stages, until it holds
/// `pains` and `opportunities` of them (the Priorities benchmark's map): the new pains
/// scored 1–5 but every seventh left unscored, with evidence; the new opportunities with
/// plan data from [`add_plan`] (which fills the existing ones too).
pub fn add_priorities(map: &mut JourneyMap, pains: usize, opportunities: usize, seed: u64) {
    let mut rng = SplitMix::new(seed);
    let stage_ids: Vec<_> = map.stages.iter().map(|s| s.id).collect();
    if stage_ids.is_empty() {
        return;
    }
    for (kind, wanted) in [
        (LaneKind::PainPoints, pains),
        (LaneKind::Opportunities, opportunities),
    ] {
        let Some(lane) = map.lane_of_kind(kind) else {
            continue;
        };
        let have = map.cards.iter().filter(|c| c.lane == lane).count();
        for i in have..wanted {
            let id = map.new_id();
            let s = |rng: &mut SplitMix| Some(rng.below(5) as u8 + 1);
            let scores = if kind == LaneKind::PainPoints && i % 7 != 0 {
                PainScores {
                    magnitude: s(&mut rng),
                    severity: s(&mut rng),
                    frequency: s(&mut rng),
                    business_impact: s(&mut rng),
                    effort: s(&mut rng),
                }
            } else {
                PainScores::default()
            };
            map.cards.push(Card {
                id,
                stage: stage_ids[i % stage_ids.len()],
                lane,
                text: sentence(&mut rng, 5),
                evidence: if kind == LaneKind::PainPoints {
                    sentence(&mut rng, 8)
                } else {
                    String::new()
                },
                scores,
                ..Card::default()
            });
        }
    }
    add_plan(map, seed);
}

/// Fills every opportunity of `map` with plan data: RICE inputs (some left blank), a link
/// to the pain points of its stage, a status, an owner, a deadline, and now and then a
/// re-measure date of its own.
pub fn add_plan(map: &mut JourneyMap, seed: u64) {
    use super::formulas::{Confidence, Impact};
    use super::map::PlanStatus;
    let mut rng = SplitMix::new(seed);
    let pains: Vec<(super::ids::Id, super::ids::Id)> = map
        .cards
        .iter()
        .filter(|c| map.card_kind(c) == Some(LaneKind::PainPoints))
        .map(|c| (c.id, c.stage))
        .collect();
    let kinds: Vec<Option<LaneKind>> = map.cards.iter().map(|c| map.card_kind(c)).collect();
    for (i, c) in map.cards.iter_mut().enumerate() {
        if kinds[i] != Some(LaneKind::Opportunities) {
            continue;
        }
        let blank = rng.below(6) == 0;
        c.reach = (!blank).then(|| rng.below(200_000) as f64 / 100.0);
        c.reach_period = "accounts per quarter".into();
        c.rice_impact = Some(Impact::ALL[rng.below(5) as usize]);
        c.rice_confidence = Some(Confidence::ALL[rng.below(3) as usize]);
        c.effort_months = Some((rng.below(40) + 1) as f64 / 4.0);
        c.addresses = pains
            .iter()
            .filter(|(_, stage)| *stage == c.stage)
            .map(|(id, _)| *id)
            .collect();
        c.status = PlanStatus::ALL[rng.below(5) as usize];
        c.owner = "CS lead".into();
        c.deadline = format!("2027-{:02}-15", rng.below(12) + 1);
        c.kpi = "Time to first value".into();
        if rng.below(4) == 0 {
            c.remeasure = format!("2028-{:02}-01", rng.below(12) + 1);
        }
    }
}

/// Gives `map` `metrics` KPI cards with metrics (spread over the stages) and `reviews`
/// quarterly reviews in which the metrics and a share of the emotions move, so that the
/// trend charts and the compare have real work.
pub fn add_reviews(map: &mut JourneyMap, metrics: usize, reviews: usize, seed: u64) {
    use super::metrics::{Better, Metric, MetricKind};
    let mut rng = SplitMix::new(seed);
    let (Some(lane), false) = (map.lane_of_kind(LaneKind::Kpis), map.stages.is_empty()) else {
        return;
    };
    let stage_ids: Vec<_> = map.stages.iter().map(|s| s.id).collect();
    for i in 0..metrics {
        let id = map.new_id();
        let kind = MetricKind::ALL[i % MetricKind::ALL.len()];
        let baseline = rng.below(80) as f64;
        map.cards.push(Card {
            id,
            stage: stage_ids[i % stage_ids.len()],
            lane,
            text: format!("Metric {}", i + 1),
            metric: Some(Metric {
                baseline: Some(baseline),
                target: Some(baseline + 20.0),
                current: Some(baseline),
                better: if i % 4 == 3 {
                    Better::Lower
                } else {
                    Better::Higher
                },
                journey: i % 10 == 0,
                ..Metric::of_kind(kind)
            }),
            ..Card::default()
        });
    }
    let mut day = super::dates::Date::parse("2024-01-31").unwrap_or(super::dates::Date {
        year: 2024,
        month: 1,
        day: 31,
    });
    for _ in 0..reviews {
        for c in &mut map.cards {
            if let Some(m) = c.metric.as_mut() {
                m.current = m.current.map(|v| v + rng.below(7) as f64 - 2.0);
            }
            if c.emotion.is_some() && rng.below(3) == 0 {
                c.emotion = Emotion::new(rng.below(5) as i64 - 2);
            }
        }
        let review = super::reviews::capture(map, day, "Generated review");
        map.reviews.push(review);
        day = day.add_months(3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::is_valid;

    #[test]
    fn generated_maps_are_valid_sized_and_deterministic() {
        let map = generated_map(12, 8, 400, 7);
        assert!(is_valid(&map));
        assert_eq!(map.stages.len(), 12);
        assert_eq!(map.stakeholders.len(), 8);
        assert_eq!(map.touchpoints().len(), 400);
        assert_eq!(map, generated_map(12, 8, 400, 7));
        assert_ne!(map, generated_map(12, 8, 400, 8));
        let mut planned = map.clone();
        add_plan(&mut planned, 3);
        assert!(is_valid(&planned));
        assert!(crate::model::opportunities::pains_without_opportunity(&planned).is_empty());
        assert!(!crate::model::opportunities::rank(&planned)
            .ranked
            .is_empty());
    }

    #[test]
    fn the_priorities_map_has_the_pains_and_opportunities_asked_for() {
        let mut map = generated_map(12, 8, 400, 1);
        add_priorities(&mut map, 100, 60, 5);
        assert!(is_valid(&map));
        let count = |kind| {
            map.cards
                .iter()
                .filter(|c| map.card_kind(c) == Some(kind))
                .count()
        };
        assert_eq!(count(LaneKind::PainPoints), 100);
        assert_eq!(count(LaneKind::Opportunities), 60);
        assert_eq!(map.touchpoints().len(), 400);
        let ranking = crate::model::priorities::rank(&map);
        assert_eq!(ranking.ranked.len() + ranking.unscored.len(), 100);
        assert!(!ranking.unscored.is_empty());
        let opportunities = crate::model::opportunities::rank(&map);
        assert_eq!(
            opportunities.ranked.len() + opportunities.unscored.len(),
            60
        );
    }

    #[test]
    fn degenerate_sizes_do_not_panic() {
        assert!(generated_map(0, 0, 10, 1).cards.is_empty());
        assert_eq!(generated_map(1, 0, 0, 1).touchpoints().len(), 0);
    }
}
