//! Every stored schema version keeps loading: one fixture file per version, kept for good.

use std::path::Path;
use trailmap::model::formulas::{Confidence, Impact};
use trailmap::model::persist::envelope::{open_envelope_text, SCHEMA_VERSION};
use trailmap::model::persist::import_file;
use trailmap::model::validate::{validate, Severity};
use trailmap::model::{opportunities, LaneKind, PlanStatus};

#[test]
fn a_fixture_exists_for_every_schema_version_and_each_loads_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema");
    for version in 1..=SCHEMA_VERSION {
        let path = dir.join(format!("v{version}.trailmap.json"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
        let opened =
            open_envelope_text(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!opened.newer);
        assert!(
            opened.report.is_clean(),
            "{}: {:?}",
            path.display(),
            opened.report.notes
        );
        let errors: Vec<_> = validate(&opened.map)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        // The same file imports through the file path too.
        assert_eq!(import_file(&text).unwrap()[0].map, opened.map);
    }
}

#[test]
fn the_v1_fixture_keeps_every_field() {
    let text = include_str!("fixtures/schema/v1.trailmap.json");
    let map = open_envelope_text(text).unwrap().map;
    assert_eq!(
        map.scope.research_sources,
        "8 interviews, CRM, 140 support tickets"
    );
    assert_eq!(
        map.personas[0].decision_process,
        "Recommends; CFO and IT security sign off"
    );
    assert_eq!(map.stakeholders[0].influences, vec![map.stakeholders[1].id]);
    let kickoff = map.touchpoints()[0];
    assert!(kickoff.moment_of_truth);
    assert_eq!(kickoff.emotion.map(|e| e.value()), Some(-1));
    assert_eq!(kickoff.to_be.map(|e| e.value()), Some(1));
    let pain = map
        .cards
        .iter()
        .find(|c| map.card_kind(c) == Some(LaneKind::PainPoints))
        .unwrap();
    assert_eq!(pain.scores.impact(), Some(400));
    assert_eq!(map.next_id, 18);
}

#[test]
fn the_v1_fixture_migrates_to_opportunities_without_plan_data() {
    let map = open_envelope_text(include_str!("fixtures/schema/v1.trailmap.json"))
        .unwrap()
        .map;
    let opp = map.card(trailmap::model::Id(16)).unwrap();
    assert_eq!(opp.owner, "CS lead");
    assert_eq!(
        (opp.reach, opp.rice_impact, opp.effort_months),
        (None, None, None)
    );
    assert!(opp.addresses.is_empty());
    assert_eq!(opp.status, PlanStatus::Idea);
    // The re-measure date defaults to the deadline (2027-01-31) + 90 days.
    assert_eq!(
        opportunities::remeasure_date(opp).unwrap().to_string(),
        "2027-05-01"
    );
}

#[test]
fn the_v2_fixture_keeps_the_opportunity_fields() {
    let map = open_envelope_text(include_str!("fixtures/schema/v2.trailmap.json"))
        .unwrap()
        .map;
    let opp = map.card(trailmap::model::Id(16)).unwrap();
    assert_eq!(opp.reach, Some(120.0));
    assert_eq!(opp.reach_period, "new accounts per quarter");
    assert_eq!(opp.rice_impact, Some(Impact::High));
    assert_eq!(opp.rice_confidence, Some(Confidence::Medium));
    assert_eq!(opp.effort_months, Some(1.5));
    // 120 × 2 × 0.8 / 1.5 = 128.
    assert_eq!(opportunities::score(opp), Some(128.0));
    assert_eq!(opp.addresses, vec![trailmap::model::Id(15)]);
    assert_eq!(opp.status, PlanStatus::InProgress);
    assert_eq!(opp.remeasure, "2027-04-15");
    assert_eq!(
        (opp.baseline.as_str(), opp.target.as_str()),
        ("60 days", "30 days")
    );
    assert!(opportunities::pains_without_opportunity(&map).is_empty());
}

#[test]
fn the_v3_fixture_keeps_the_handoff() {
    let map = open_envelope_text(include_str!("fixtures/schema/v3.trailmap.json"))
        .unwrap()
        .map;
    let onboarding = &map.stages[1];
    assert_eq!(onboarding.handoff_owner, "Head of customer success");
    assert_eq!(onboarding.handoff_breaks, vec![trailmap::model::Id(14)]);
    let found = trailmap::model::handoffs::handoffs(&map);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].words(),
        "Handoff Sales → Customer success: The CSM asks again what the buyer told sales. Owner: Head of customer success"
    );
    // The older fixtures have no handoff described, only the team change.
    let v2 = open_envelope_text(include_str!("fixtures/schema/v2.trailmap.json"))
        .unwrap()
        .map;
    assert!(!trailmap::model::handoffs::handoffs(&v2)[0].described());
}

#[test]
fn the_v4_fixture_keeps_value_effort_and_kano() {
    use trailmap::model::formulas::{KanoAnswer, KanoCategory};
    use trailmap::model::kano::{self, Source};
    use trailmap::model::value_effort::{quadrant_of, ValueEffortQuadrant};
    use trailmap::model::Prioritisation;
    let map = open_envelope_text(include_str!("fixtures/schema/v4.trailmap.json"))
        .unwrap()
        .map;
    assert_eq!(map.scope.prioritise_by, Prioritisation::ValueEffort);
    let opp = map.card(trailmap::model::Id(16)).unwrap();
    assert_eq!((opp.value_score, opp.effort_score), (Some(8), Some(3)));
    assert_eq!(quadrant_of(opp), Some(ValueEffortQuadrant::QuickWin));
    assert_eq!(
        opp.kano_answers.get(KanoAnswer::Like, KanoAnswer::Dislike),
        6
    );
    assert_eq!(opp.kano_answers.total(), 18);
    // O 6, A 3 (like × expect/neutral/live-with), M 4, I 3, R 1 (dislike × like), Q 1.
    let t = opp.kano_answers.tally();
    assert_eq!(
        (
            t.one_dimensional,
            t.attractive,
            t.must_be,
            t.indifferent,
            t.reverse,
            t.questionable
        ),
        (6, 3, 4, 3, 1, 1)
    );
    // The answers win over the pick (attractive).
    assert_eq!(
        kano::category(opp),
        Some((KanoCategory::OneDimensional, Source::Answers))
    );
    // Better = (3 + 6) / 16 = 0.5625 → 0.56; Worse = −(6 + 4) / 16 = −0.625 → −0.63.
    assert_eq!(
        kano::coefficients_text(opp),
        Ok(("0.56".to_string(), "−0.63".to_string()))
    );
    let other = map.card(trailmap::model::Id(18)).unwrap();
    assert_eq!(quadrant_of(other), Some(ValueEffortQuadrant::TimeSink));
    assert_eq!(
        kano::category(other),
        Some((KanoCategory::MustBe, Source::Picked))
    );
}

#[test]
fn the_v2_fixture_migrates_without_value_effort_or_kano() {
    let map = open_envelope_text(include_str!("fixtures/schema/v2.trailmap.json"))
        .unwrap()
        .map;
    assert_eq!(
        map.scope.prioritise_by,
        trailmap::model::Prioritisation::Rice
    );
    for c in &map.cards {
        assert_eq!((c.value_score, c.effort_score, c.kano), (None, None, None));
        assert!(c.kano_answers.is_empty());
    }
}

#[test]
fn the_v5_fixture_keeps_metrics_and_reviews() {
    use trailmap::model::metrics::{Better, MetricKind};
    use trailmap::model::reviews;
    let map = open_envelope_text(include_str!("fixtures/schema/v5.trailmap.json"))
        .unwrap()
        .map;
    let ttv = map.card(trailmap::model::Id(17)).unwrap();
    let m = ttv.metric.as_ref().unwrap();
    assert_eq!((m.kind, m.better), (MetricKind::Duration, Better::Lower));
    assert_eq!(
        (m.baseline, m.target, m.current),
        (Some(60.0), Some(30.0), Some(41.0))
    );
    assert_eq!(ttv.notes, "Target (as written before): under a month");
    let nps = map
        .card(trailmap::model::Id(18))
        .unwrap()
        .metric
        .clone()
        .unwrap();
    assert!(nps.journey);
    assert_eq!(
        trailmap::model::calculators::compute(nps.inputs.as_ref().unwrap())
            .unwrap()
            .value,
        30.0
    );
    assert_eq!(map.reviews.len(), 2);
    let diff = reviews::diff(&map.reviews[0], &map.reviews[1], &[&map]);
    let verdicts: Vec<_> = diff.metrics.iter().map(|c| c.verdict).collect();
    assert_eq!(
        verdicts,
        vec![reviews::Verdict::Better, reviews::Verdict::Better]
    );
    assert_eq!(diff.moments_better().count(), 1);
    assert_eq!(diff.items_moved.len(), 1);
}

#[test]
fn the_v2_fixture_migrates_its_kpi_texts_into_a_metric() {
    let map = open_envelope_text(include_str!("fixtures/schema/v2.trailmap.json"))
        .unwrap()
        .map;
    let kpi = map.card(trailmap::model::Id(17)).unwrap();
    let m = kpi.metric.as_ref().unwrap();
    assert_eq!(
        (m.baseline, m.target, m.current),
        (Some(60.0), Some(30.0), Some(52.0))
    );
    assert_eq!(m.kind, trailmap::model::metrics::MetricKind::Duration);
    assert!(kpi.baseline.is_empty() && kpi.notes.is_empty());
    // The opportunity keeps its KPI texts.
    let opp = map.card(trailmap::model::Id(16)).unwrap();
    assert_eq!(opp.baseline, "60 days");
    assert!(opp.metric.is_none());
}
