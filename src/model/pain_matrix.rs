//! The pain-point matrix: each scored pain point placed by two of its scores, severity
//! against frequency or business impact against magnitude, in four named quadrants, with
//! the other two scores and the effort to resolve carried along for size and colour.
//! "High" is a score of 4 or 5 (the rule is shown beside the chart).

use crate::model::priorities::{self, Ranking};
use crate::model::{Id, JourneyMap, PainScores};

/// Which two scores place the points (y against x).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PainAxes {
    /// Severity (y) against frequency (x).
    #[default]
    SeverityFrequency,
    /// Business impact (y) against magnitude (x).
    ImpactMagnitude,
}

impl PainAxes {
    /// Both choices, in the order the selector lists them.
    pub const ALL: [PainAxes; 2] = [PainAxes::SeverityFrequency, PainAxes::ImpactMagnitude];

    /// The choice in words.
    pub fn label(self) -> &'static str {
        match self {
            PainAxes::SeverityFrequency => "Severity × frequency",
            PainAxes::ImpactMagnitude => "Business impact × magnitude",
        }
    }

    /// A stable key for the selector.
    pub fn key(self) -> &'static str {
        match self {
            PainAxes::SeverityFrequency => "severity-frequency",
            PainAxes::ImpactMagnitude => "impact-magnitude",
        }
    }

    /// The choice of a key.
    pub fn from_key(key: &str) -> Option<PainAxes> {
        PainAxes::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The names of the x and y scores.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            PainAxes::SeverityFrequency => ("Frequency", "Severity"),
            PainAxes::ImpactMagnitude => ("Magnitude", "Business impact"),
        }
    }

    /// The name of the pair that sizes the points (the other two impact scores).
    pub fn size_name(self) -> &'static str {
        match self {
            PainAxes::SeverityFrequency => "magnitude × business impact",
            PainAxes::ImpactMagnitude => "severity × frequency",
        }
    }

    /// (x, y, the two scores that size the point).
    fn pick(self, s: &PainScores) -> (Option<u8>, Option<u8>, Option<u8>, Option<u8>) {
        match self {
            PainAxes::SeverityFrequency => {
                (s.frequency, s.severity, s.magnitude, s.business_impact)
            }
            PainAxes::ImpactMagnitude => (s.magnitude, s.business_impact, s.severity, s.frequency),
        }
    }
}

/// A score counts as high from this value on (so 4 and 5 of 1 to 5).
pub const HIGH: u8 = 4;

/// The rule of the quadrants in words.
pub const QUADRANT_RULE: &str = "High means a score of 4 or 5.";

/// The four quadrants, named for what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PainQuadrant {
    /// High on both: hurts badly and often (or many customers and renewals).
    FixFirst,
    /// High y, low x: severe but rare (or threatens renewals of a few accounts).
    PlanAFix,
    /// Low y, high x: mild but frequent (or touches many, costs little).
    ReduceTheNoise,
    /// Low on both.
    Watch,
}

impl PainQuadrant {
    /// All four, top right first.
    pub const ALL: [PainQuadrant; 4] = [
        PainQuadrant::FixFirst,
        PainQuadrant::PlanAFix,
        PainQuadrant::ReduceTheNoise,
        PainQuadrant::Watch,
    ];

    /// The quadrant of (x, y) scores.
    pub fn of(x: u8, y: u8) -> PainQuadrant {
        match (x >= HIGH, y >= HIGH) {
            (true, true) => PainQuadrant::FixFirst,
            (false, true) => PainQuadrant::PlanAFix,
            (true, false) => PainQuadrant::ReduceTheNoise,
            (false, false) => PainQuadrant::Watch,
        }
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            PainQuadrant::FixFirst => "Fix first",
            PainQuadrant::PlanAFix => "Plan a fix",
            PainQuadrant::ReduceTheNoise => "Reduce the noise",
            PainQuadrant::Watch => "Watch",
        }
    }
}

/// One pain point on the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PainPoint {
    /// Its card.
    pub card: Id,
    /// Its text.
    pub text: String,
    /// Its evidence.
    pub evidence: String,
    /// Its stage's name.
    pub stage: String,
    /// The x score (1 to 5).
    pub x: u8,
    /// The y score (1 to 5).
    pub y: u8,
    /// The product of the other two impact scores (1 to 25), when both are scored.
    pub size: Option<u8>,
    /// Effort to resolve (1 to 5), when scored.
    pub effort: Option<u8>,
    /// Its rank among the top friction points, if it is one.
    pub top: Option<usize>,
    /// Its quadrant.
    pub quadrant: PainQuadrant,
}

/// The matrix's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PainMatrix {
    /// Pain points with both axis scores, in journey order.
    pub points: Vec<PainPoint>,
    /// Pain points missing an axis score, in journey order.
    pub missing: Vec<Id>,
}

/// Places the pain points of `map` on the matrix of `axes`.
pub fn place(map: &JourneyMap, ranking: &Ranking, axes: PainAxes) -> PainMatrix {
    let mut out = PainMatrix::default();
    for card in priorities::pains_in_journey_order(map) {
        let (x, y, a, b) = axes.pick(&card.scores);
        let valid = |v: Option<u8>| v.filter(|v| (1..=5).contains(v));
        match (valid(x), valid(y)) {
            (Some(x), Some(y)) => out.points.push(PainPoint {
                card: card.id,
                text: card.text.clone(),
                evidence: card.evidence.clone(),
                stage: map
                    .stage(card.stage)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                x,
                y,
                size: valid(a).zip(valid(b)).map(|(a, b)| a * b),
                effort: valid(card.scores.effort),
                top: ranking.top_rank_of(card.id),
                quadrant: PainQuadrant::of(x, y),
            }),
            _ => out.missing.push(card.id),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates;

    fn set(map: &mut JourneyMap, id: Id, scores: PainScores) {
        map.cards.iter_mut().find(|c| c.id == id).unwrap().scores = scores;
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

    #[test]
    fn quadrants_split_between_three_and_four() {
        assert_eq!(PainQuadrant::of(4, 4), PainQuadrant::FixFirst);
        assert_eq!(PainQuadrant::of(5, 5), PainQuadrant::FixFirst);
        assert_eq!(PainQuadrant::of(3, 4), PainQuadrant::PlanAFix);
        assert_eq!(PainQuadrant::of(4, 3), PainQuadrant::ReduceTheNoise);
        assert_eq!(PainQuadrant::of(3, 3), PainQuadrant::Watch);
        assert_eq!(PainQuadrant::of(1, 1), PainQuadrant::Watch);
    }

    #[test]
    fn the_axes_pick_their_scores_and_size_by_the_other_two() {
        let mut map = templates::sample_map();
        let pains: Vec<Id> = priorities::pains_in_journey_order(&map)
            .iter()
            .map(|c| c.id)
            .collect();
        assert!(pains.len() >= 2, "the sample map has pain points");
        for id in &pains {
            set(&mut map, *id, PainScores::default());
        }
        set(&mut map, pains[0], scores(2, 5, 4, 3, Some(1)));
        // Partly scored: on the severity × frequency matrix, not sized.
        set(
            &mut map,
            pains[1],
            PainScores {
                severity: Some(2),
                frequency: Some(5),
                ..PainScores::default()
            },
        );
        let ranking = priorities::rank(&map);
        let sf = place(&map, &ranking, PainAxes::SeverityFrequency);
        assert_eq!(sf.points.len(), 2);
        let p = &sf.points[0];
        assert_eq!(
            (p.card, p.x, p.y, p.size, p.effort),
            (pains[0], 4, 5, Some(6), Some(1))
        );
        assert_eq!(p.quadrant, PainQuadrant::FixFirst);
        assert_eq!(p.top, Some(1), "the only fully scored pain ranks first");
        let q = &sf.points[1];
        assert_eq!((q.x, q.y, q.size, q.top), (5, 2, None, None));
        assert_eq!(q.quadrant, PainQuadrant::ReduceTheNoise);
        assert_eq!(sf.missing, pains[2..].to_vec());

        let im = place(&map, &ranking, PainAxes::ImpactMagnitude);
        let p = &im.points[0];
        assert_eq!((p.x, p.y, p.size), (2, 3, Some(20)));
        assert_eq!(p.quadrant, PainQuadrant::Watch);
        assert_eq!(im.points.len(), 1, "the second pain has no magnitude");
        assert_eq!(im.missing.len(), pains.len() - 1);
    }

    #[test]
    fn out_of_range_scores_are_not_placed() {
        let mut map = templates::sample_map();
        let id = priorities::pains_in_journey_order(&map)[0].id;
        set(&mut map, id, scores(9, 0, 3, 3, Some(7)));
        let m = place(&map, &priorities::rank(&map), PainAxes::SeverityFrequency);
        assert!(m.missing.contains(&id));
        assert!(m.points.iter().all(|p| p.card != id));
    }

    #[test]
    fn axes_keys_round_trip() {
        for a in PainAxes::ALL {
            assert_eq!(PainAxes::from_key(a.key()), Some(a));
        }
        assert_eq!(PainAxes::from_key("nonsense"), None);
    }
}
