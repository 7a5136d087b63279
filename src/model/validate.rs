//! Checks a map for problems a user should fix; never panics.

use super::ids::Id;
use super::map::{JourneyMap, LaneKind};
use std::collections::HashSet;
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the map works.
    Warning,
    /// The map is inconsistent (e.g. a card in a stage that does not exist).
    Error,
}

/// One problem found in a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// How serious it is.
    pub severity: Severity,
    /// Where it is, in the user's words ("Stage 2", "Card “Demo”").
    pub place: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

fn is_iso_date(s: &str) -> bool {
    super::dates::Date::parse(s).is_some()
}

/// All problems in `map`, errors first.
pub fn validate(map: &JourneyMap) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |severity, place: String, message: String| {
        out.push(Problem {
            severity,
            place,
            message,
        })
    };

    if map.scope.title.trim().is_empty() {
        push(
            Severity::Warning,
            "Scope".into(),
            "the map has no title".into(),
        );
    }
    for (label, date) in [
        ("last review", &map.scope.last_review),
        ("next review", &map.scope.next_review),
    ] {
        if !date.is_empty() && !is_iso_date(date) {
            push(
                Severity::Warning,
                "Scope".into(),
                format!("the {label} date “{date}” is not a date (YYYY-MM-DD)"),
            );
        }
    }
    if let Some(p) = map.scope.primary_persona {
        if map.persona(p).is_none() {
            push(
                Severity::Error,
                "Scope".into(),
                format!("the primary persona ({p}) does not exist"),
            );
        }
    }

    let mut seen: HashSet<Id> = HashSet::new();
    let mut check_id = |id: Id, place: &str, push: &mut dyn FnMut(Severity, String, String)| {
        if !seen.insert(id) {
            push(
                Severity::Error,
                place.to_string(),
                format!("id {id} is used twice"),
            );
        }
        if id.0 >= map.next_id {
            push(
                Severity::Error,
                place.to_string(),
                format!("id {id} is not below next_id {}", map.next_id),
            );
        }
    };

    for (i, p) in map.personas.iter().enumerate() {
        let place = format!("Persona {}", i + 1);
        check_id(p.id, &place, &mut push);
        if p.name.trim().is_empty() {
            push(Severity::Warning, place, "the persona has no name".into());
        }
    }
    for (i, s) in map.stages.iter().enumerate() {
        let place = format!("Stage {}", i + 1);
        check_id(s.id, &place, &mut push);
        if s.name.trim().is_empty() {
            push(Severity::Warning, place, "the stage has no name".into());
        }
    }
    for (i, l) in map.lanes.iter().enumerate() {
        let place = format!("Lane {}", i + 1);
        check_id(l.id, &place, &mut push);
        if l.name.trim().is_empty() {
            push(Severity::Warning, place, "the lane has no name".into());
        }
    }
    for (i, s) in map.stakeholders.iter().enumerate() {
        let place = format!("Stakeholder {} “{}”", i + 1, s.name);
        check_id(s.id, &place, &mut push);
        if s.name.trim().is_empty() {
            push(
                Severity::Warning,
                place.clone(),
                "the stakeholder has no name".into(),
            );
        }
        for target in &s.influences {
            if *target == s.id {
                push(
                    Severity::Warning,
                    place.clone(),
                    "influences themselves".into(),
                );
            } else if map.stakeholder(*target).is_none() {
                push(
                    Severity::Error,
                    place.clone(),
                    format!("influences a stakeholder ({target}) who does not exist"),
                );
            }
        }
    }
    for (i, c) in map.cards.iter().enumerate() {
        let place = if c.text.trim().is_empty() {
            format!("Card {}", i + 1)
        } else {
            format!("Card “{}”", c.text)
        };
        check_id(c.id, &place, &mut push);
        if map.stage(c.stage).is_none() {
            push(
                Severity::Error,
                place.clone(),
                format!("sits in a stage ({}) that does not exist", c.stage),
            );
        }
        match map.lane(c.lane) {
            None => push(
                Severity::Error,
                place.clone(),
                format!("sits in a lane ({}) that does not exist", c.lane),
            ),
            Some(lane) if lane.kind == LaneKind::Touchpoints && c.emotion.is_none() => push(
                Severity::Warning,
                place.clone(),
                "the touchpoint has no emotion score".into(),
            ),
            _ => {}
        }
        for s in &c.stakeholders {
            if map.stakeholder(*s).is_none() {
                push(
                    Severity::Error,
                    place.clone(),
                    format!("names a stakeholder ({s}) who does not exist"),
                );
            }
        }
        let scores = [
            ("magnitude", c.scores.magnitude),
            ("severity", c.scores.severity),
            ("frequency", c.scores.frequency),
            ("business impact", c.scores.business_impact),
            ("effort", c.scores.effort),
        ];
        for (name, score) in scores {
            if let Some(v) = score {
                if !(1..=5).contains(&v) {
                    push(
                        Severity::Error,
                        place.clone(),
                        format!("the {name} score {v} is outside 1..5"),
                    );
                }
            }
        }
        if !c.deadline.is_empty() && !is_iso_date(&c.deadline) {
            push(
                Severity::Warning,
                place.clone(),
                format!("the deadline “{}” is not a date (YYYY-MM-DD)", c.deadline),
            );
        }
    }
    for (i, r) in map.reviews.iter().enumerate() {
        if !is_iso_date(&r.date) {
            push(
                Severity::Warning,
                format!("Review {}", i + 1),
                format!("the review date “{}” is not a date (YYYY-MM-DD)", r.date),
            );
        } else if i > 0 && map.reviews[i - 1].date > r.date {
            push(
                Severity::Warning,
                format!("Review {}", i + 1),
                format!("the review of {} comes after a later one", r.date),
            );
        }
    }
    crate::model::order::sort_by(&mut out, |a, b| b.severity.cmp(&a.severity));
    out
}

/// Whether `map` has no errors (warnings allowed).
pub fn is_valid(map: &JourneyMap) -> bool {
    validate(map).iter().all(|p| p.severity != Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::map::{Card, Stage};

    #[test]
    fn a_blank_map_with_a_title_has_no_problems() {
        assert_eq!(validate(&JourneyMap::blank("Ok")), vec![]);
    }

    #[test]
    fn dangling_references_and_bad_scores_are_errors() {
        let mut map = JourneyMap::blank("Ok");
        let stage = map.new_id();
        map.stages.push(Stage {
            id: stage,
            name: "S".into(),
            ..Stage::default()
        });
        let id = map.new_id();
        let mut card = Card {
            id,
            stage: Id(999),
            lane: map.lanes[0].id,
            text: "Demo".into(),
            ..Card::default()
        };
        card.stakeholders.push(Id(555));
        card.scores.severity = Some(9);
        map.cards.push(card);
        let problems = validate(&map);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("stage (999) that does not exist")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("stakeholder (555)")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("severity score 9")),
            "{messages:?}"
        );
        assert!(!is_valid(&map));
    }

    #[test]
    fn duplicate_ids_and_bad_dates_are_reported() {
        let mut map = JourneyMap::blank("");
        let dup = map.lanes[0].id;
        map.stages.push(Stage {
            id: dup,
            name: "S".into(),
            ..Stage::default()
        });
        map.scope.next_review = "next week".into();
        let problems = validate(&map);
        assert!(problems.iter().any(|p| p.message.contains("used twice")));
        assert!(problems.iter().any(|p| p.message.contains("no title")));
        assert!(problems
            .iter()
            .any(|p| p.message.contains("“next week” is not a date")));
        assert_eq!(problems[0].severity, Severity::Error, "errors come first");
    }
}
