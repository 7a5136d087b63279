//! The map's health check: what a demanding reviewer would point at before a workshop or
//! a review, each finding tied to the item it is about so the page can take the user
//! there. Pain points without scores or without an opportunity, opportunities without
//! owner, deadline or KPI, overdue re-measures, stages with no touchpoint or no emotion score, handoffs between teams with no owner,
//! moments of truth without the customer's words, stakeholders on no touchpoint, and a review date that has passed.

use crate::model::dates::Date;
use crate::model::{handoffs, opportunities, priorities, Card, Id, JourneyMap, LaneKind};

/// What a finding is about (where the page takes the user).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A card.
    Card(Id),
    /// A stage (its column).
    Stage(Id),
    /// A stakeholder (in the register).
    Stakeholder(Id),
    /// The handoff into a stage (its details).
    Handoff(Id),
    /// The map's scope (review dates).
    Scope,
}

/// One thing to fix: what it is about, and what is wrong and what to do, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where to go.
    pub target: Target,
    /// The item's name, as the list shows it.
    pub item: String,
    /// What is missing and what to do.
    pub advice: String,
}

fn name_of(card: &Card) -> String {
    if card.text.trim().is_empty() {
        "(a card with no text)".to_string()
    } else {
        card.text.clone()
    }
}

fn cards_of(map: &JourneyMap, kind: LaneKind) -> Vec<&Card> {
    let mut out = Vec::new();
    for stage in &map.stages {
        for lane in map.lanes.iter().filter(|l| l.kind == kind) {
            out.extend(map.cell(stage.id, lane.id));
        }
    }
    out
}

/// Every finding on `map`, in the order above; `today` (the user's date) for the review.
pub fn check(map: &JourneyMap, today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |target, item: String, advice: &str| {
        out.push(Finding {
            target,
            item,
            advice: advice.to_string(),
        })
    };
    for id in priorities::rank(map).unscored {
        if let Some(c) = map.card(id) {
            add(Target::Card(id), name_of(c), "Pain point not scored: give it a magnitude, severity, frequency and business impact (1 to 5) so it can be ranked.");
        }
    }
    for id in opportunities::pains_without_opportunity(map) {
        if let Some(c) = map.card(id) {
            add(Target::Card(id), name_of(c), "Pain point without an opportunity: add one that addresses it, or link an existing opportunity to it.");
        }
    }
    for c in cards_of(map, LaneKind::Opportunities) {
        let missing: Vec<&str> = [
            (c.owner.trim().is_empty(), "an owner"),
            (c.deadline.trim().is_empty(), "a deadline"),
            (c.kpi.trim().is_empty(), "a KPI"),
        ]
        .into_iter()
        .filter_map(|(gap, what)| gap.then_some(what))
        .collect();
        if !missing.is_empty() {
            let list = match missing.as_slice() {
                [one] => one.to_string(),
                [a, b] => format!("{a} and {b}"),
                _ => "an owner, a deadline and a KPI".to_string(),
            };
            add(
                Target::Card(c.id),
                name_of(c),
                &format!("Opportunity without {list}: nobody will act on it or know it worked."),
            );
        }
    }
    for c in cards_of(map, LaneKind::Opportunities) {
        if opportunities::flags(c, today).remeasure_due {
            let when = opportunities::remeasure_date(c).map_or(String::new(), |d| d.to_string());
            add(
                Target::Card(c.id),
                name_of(c),
                &format!("Re-measure due since {when}: measure its KPI again the same way, record the value, then set the status to Measured."),
            );
        }
    }
    let touchpoint_lanes: Vec<Id> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    for stage in &map.stages {
        let touchpoints: Vec<&Card> = map
            .cards
            .iter()
            .filter(|c| c.stage == stage.id && touchpoint_lanes.contains(&c.lane))
            .collect();
        if touchpoints.is_empty() {
            add(
                Target::Stage(stage.id),
                stage.name.clone(),
                "Stage with no touchpoint: add how the customer meets you here.",
            );
        } else if touchpoints.iter().all(|t| t.emotion.is_none()) {
            add(
                Target::Stage(stage.id),
                stage.name.clone(),
                "No emotion scored in this stage: the emotion curve has a gap here.",
            );
        }
    }
    for h in handoffs::handoffs(map)
        .into_iter()
        .filter(|h| h.team_change)
    {
        if h.to.handoff_owner.trim().is_empty() {
            add(
                Target::Handoff(h.to.id),
                format!("Handoff {}", h.teams()),
                "Handoff between teams with no owner: say who makes sure nothing is lost here, and what goes wrong today.",
            );
        }
    }
    for c in cards_of(map, LaneKind::Touchpoints) {
        if c.moment_of_truth && c.quote.trim().is_empty() {
            add(Target::Card(c.id), name_of(c), "Moment of truth without the customer's own words: add a quote from an interview or a ticket.");
        }
    }
    for s in &map.stakeholders {
        let on_touchpoint = map
            .cards
            .iter()
            .any(|c| touchpoint_lanes.contains(&c.lane) && c.stakeholders.contains(&s.id));
        if !on_touchpoint {
            add(
                Target::Stakeholder(s.id),
                s.name.clone(),
                "Stakeholder on no touchpoint: say where in the journey they take part.",
            );
        }
    }
    if let Some(next) = Date::parse(&map.scope.next_review) {
        if next < today {
            add(
                Target::Scope,
                format!("Next review {next}"),
                "The review date has passed: review the map with its owner, then mark it reviewed.",
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Emotion, PainScores, Stage, Stakeholder};

    fn today() -> Date {
        Date::parse("2026-12-01").unwrap()
    }

    fn lane(map: &JourneyMap, kind: LaneKind) -> Id {
        map.lanes.iter().find(|l| l.kind == kind).unwrap().id
    }

    fn add_card(map: &mut JourneyMap, stage: Id, kind: LaneKind, text: &str) -> Id {
        let id = map.new_id();
        let lane = lane(map, kind);
        map.cards.push(Card {
            id,
            stage,
            lane,
            text: text.into(),
            ..Card::default()
        });
        id
    }

    /// A map with nothing to find: a scored pain, a complete opportunity, a touchpoint with
    /// an emotion, a quote on its moment of truth, a stakeholder on it, a future review.
    fn healthy() -> (JourneyMap, Id) {
        let mut map = JourneyMap::blank("x");
        let stage = map.new_id();
        map.stages.push(Stage {
            id: stage,
            name: "Onboarding".into(),
            ..Stage::default()
        });
        let s = map.new_id();
        map.stakeholders.push(Stakeholder {
            id: s,
            name: "Dana".into(),
            ..Stakeholder::default()
        });
        let t = add_card(&mut map, stage, LaneKind::Touchpoints, "Kickoff");
        let tc = map.cards.iter_mut().find(|c| c.id == t).unwrap();
        tc.emotion = Emotion::new(-1);
        tc.moment_of_truth = true;
        tc.quote = "Nobody knew our goals".into();
        tc.stakeholders = vec![s];
        let p = add_card(&mut map, stage, LaneKind::PainPoints, "Context lost");
        map.cards.iter_mut().find(|c| c.id == p).unwrap().scores = PainScores {
            magnitude: Some(3),
            severity: Some(4),
            frequency: Some(3),
            business_impact: Some(4),
            effort: Some(2),
        };
        let o = add_card(&mut map, stage, LaneKind::Opportunities, "Handoff brief");
        let oc = map.cards.iter_mut().find(|c| c.id == o).unwrap();
        oc.owner = "CS lead".into();
        oc.deadline = "2027-01-31".into();
        oc.kpi = "Goals re-explained at kickoff".into();
        oc.addresses = vec![p];
        map.scope.next_review = "2027-03-01".into();
        (map, stage)
    }

    #[test]
    fn a_healthy_map_has_no_findings() {
        assert_eq!(check(&healthy().0, today()), vec![]);
    }

    #[test]
    fn each_gap_is_found_and_points_at_its_item() {
        let (mut map, stage) = healthy();
        let pain = add_card(&mut map, stage, LaneKind::PainPoints, "Invoice wrong");
        let opp = add_card(&mut map, stage, LaneKind::Opportunities, "");
        let mot = add_card(&mut map, stage, LaneKind::Touchpoints, "First ticket");
        map.cards
            .iter_mut()
            .find(|c| c.id == mot)
            .unwrap()
            .moment_of_truth = true;
        let empty = map.new_id();
        map.stages.push(Stage {
            id: empty,
            name: "Renewal".into(),
            owning_team: "Customer success".into(),
            ..Stage::default()
        });
        map.stages[0].owning_team = "Sales".into();
        let unscored_stage = map.new_id();
        map.stages.push(Stage {
            id: unscored_stage,
            name: "Expansion".into(),
            ..Stage::default()
        });
        add_card(&mut map, unscored_stage, LaneKind::Touchpoints, "QBR");
        let lonely = map.new_id();
        map.stakeholders.push(Stakeholder {
            id: lonely,
            name: "Procurement".into(),
            ..Stakeholder::default()
        });
        map.scope.next_review = "2026-11-30".into();
        let done = add_card(
            &mut map,
            stage,
            LaneKind::Opportunities,
            "Kickoff checklist",
        );
        let dc = map.cards.iter_mut().find(|c| c.id == done).unwrap();
        dc.owner = "CS".into();
        dc.kpi = "Time to first value".into();
        dc.deadline = "2026-08-31".into();
        dc.status = crate::model::PlanStatus::Done;
        let found = check(&map, today());
        let targets: Vec<Target> = found.iter().map(|f| f.target).collect();
        assert_eq!(
            targets,
            [
                Target::Card(pain),
                Target::Card(pain),
                Target::Card(opp),
                Target::Card(done),
                Target::Stage(empty),
                Target::Stage(unscored_stage),
                Target::Handoff(empty),
                Target::Card(mot),
                Target::Stakeholder(lonely),
                Target::Scope,
            ]
        );
        assert!(found[1]
            .advice
            .starts_with("Pain point without an opportunity"));
        assert!(
            found[2].advice.contains("an owner, a deadline and a KPI"),
            "{}",
            found[2].advice
        );
        assert_eq!(found[2].item, "(a card with no text)");
        // 2026-08-31 + 90 days.
        assert!(
            found[3]
                .advice
                .starts_with("Re-measure due since 2026-11-29:"),
            "{}",
            found[3].advice
        );
        assert!(found[5].advice.contains("No emotion scored"));
        assert_eq!(found[6].item, "Handoff Sales → Customer success");
        assert_eq!(found[9].item, "Next review 2026-11-30");
        // An owner settles it; a described handoff without a team change is no finding.
        map.stages[1].handoff_owner = "CS lead".into();
        map.stages[2].handoff_gap = "Renewal team not told of expansion talks".into();
        assert!(!check(&map, today())
            .iter()
            .any(|f| matches!(f.target, Target::Handoff(_))));
    }

    #[test]
    fn an_opportunity_names_exactly_what_it_lacks() {
        let (mut map, _) = healthy();
        let o = map
            .cards
            .iter_mut()
            .find(|c| c.text == "Handoff brief")
            .unwrap();
        o.kpi.clear();
        let found = check(&map, today());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].advice.starts_with("Opportunity without a KPI:"),
            "{}",
            found[0].advice
        );
        let o = map
            .cards
            .iter_mut()
            .find(|c| c.text == "Handoff brief")
            .unwrap();
        o.owner.clear();
        assert!(check(&map, today())[0]
            .advice
            .starts_with("Opportunity without an owner and a KPI:"));
    }

    #[test]
    fn the_review_is_due_only_after_its_day() {
        let (mut map, _) = healthy();
        map.scope.next_review = "2026-12-01".into();
        assert_eq!(check(&map, today()), vec![]);
        map.scope.next_review = "not a date".into();
        assert_eq!(check(&map, today()), vec![]);
    }

    #[test]
    fn every_template_is_checked_without_panicking_and_says_what_to_do() {
        for t in crate::model::templates::TEMPLATES {
            let map = crate::model::templates::build(t.key).unwrap();
            for f in check(&map, today()) {
                assert!(f.advice.ends_with('.'), "{}: {}", t.key, f.advice);
                assert!(!f.item.is_empty());
            }
        }
    }
}
