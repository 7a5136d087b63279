//! Five built-in templates with real content, and the sample map.
//!
//! Each template is a complete map drawn from the reference articles on B2B journey
//! mapping: scope, a persona, a stakeholder register spread over the four
//! influence–interest quadrants, stages with goals and owners, and per stage actions,
//! thoughts, touchpoints (emotion, the customer's words, moments of truth), pain points
//! (evidence and scores), opportunities (owner, deadline, KPI) and KPIs.
//!
//! Each template is data, not code:
//! - `src/model/templates/<key>.json`, the source: the map as Trailmap's map JSON (what a
//!   file's `map` field holds), readable and editable as text;
//! - `src/model/templates/<key>.bin`, what the app ships: the same map in the share
//!   links' compact binary layout ([`binary`]), about a third of the JSON's size, read when
//!   the user starts from it. A test checks that each `.bin` decodes to exactly its
//!   `.json`; after editing a JSON file, `TRAILMAP_BLESS=1 cargo test templates` writes the
//!   `.bin` files anew.
//!
//! `build` is deterministic: the same key always gives the identical map (ids included).
//! Share links do not depend on templates (each link format's primer is frozen data of
//! its own), so a template can be improved freely; the tests below hold every template to
//! the content rules.

use super::map::JourneyMap;
use super::share::binary::{self, Layout};

/// A built-in template the user can start a map from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable key, used in menus, files and share links.
    pub key: &'static str,
    /// Name shown in the "New map" menu.
    pub name: &'static str,
    /// One line on what the template holds.
    pub summary: &'static str,
}

const FIVE_PHASE: &str = "five-phase-b2b";
const SIX_STAGE: &str = "six-stage-b2b";
const SAAS: &str = "b2b-saas";
const SERVICES: &str = "professional-services";
const ECOMMERCE: &str = "b2b-ecommerce";

/// All five, in the order the "New map" menu lists them.
pub const TEMPLATES: [Template; 5] = [
    Template {
        key: FIVE_PHASE,
        name: "B2B journey in 5 phases",
        summary: "Awareness to Loyalty, with the classic B2B moments of truth flagged.",
    },
    Template {
        key: SIX_STAGE,
        name: "B2B journey in 6 stages",
        summary: "Awareness to Advocacy, with the four team handoff gaps shown as pain points.",
    },
    Template {
        key: SAAS,
        name: "B2B SaaS (enterprise)",
        summary: "Trial, pilot, security review, onboarding, first value, renewal and expansion.",
    },
    Template {
        key: SERVICES,
        name: "Professional services",
        summary: "Referral, proposal, project delivery, follow-on work and references.",
    },
    Template {
        key: ECOMMERCE,
        name: "B2B e-commerce",
        summary: "Trade account, first order and invoice, delivery, reorder and account growth.",
    },
];

/// The binary layout of the shipped `.bin` files (format 3's: the opportunity fields
/// travel in its "more card fields" section).
const LAYOUT: Layout = Layout::V3;

/// The shipped encoding of each template, by key.
const DATA: [(&str, &[u8]); 5] = [
    (FIVE_PHASE, include_bytes!("templates/five-phase-b2b.bin")),
    (SIX_STAGE, include_bytes!("templates/six-stage-b2b.bin")),
    (SAAS, include_bytes!("templates/b2b-saas.bin")),
    (
        SERVICES,
        include_bytes!("templates/professional-services.bin"),
    ),
    (ECOMMERCE, include_bytes!("templates/b2b-ecommerce.bin")),
];

/// Builds the template with this key as a fresh map; `None` for an unknown key (or, which
/// the tests rule out, a template file that does not decode).
pub fn build(key: &str) -> Option<JourneyMap> {
    let (_, bytes) = DATA.iter().find(|(k, _)| *k == key)?;
    binary::decode_map_as(bytes, LAYOUT).ok()
}

/// The map shown on a first visit, so there is something to look at (one of the templates,
/// with a title saying it is a sample).
pub fn sample_map() -> JourneyMap {
    let mut map = build(SIX_STAGE).unwrap_or_default();
    map.scope.title = "Sample map: buying finance software in 6 stages".into();
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::Date;
    use crate::model::map::{Card, LaneKind, Quadrant, RoleType, Stance, COMMON_CHANNELS};
    use crate::model::restore::restore_map;
    use crate::model::validate::validate;
    use std::collections::HashSet;

    fn all() -> Vec<(&'static str, JourneyMap)> {
        TEMPLATES
            .iter()
            .map(|t| {
                (
                    t.key,
                    build(t.key).unwrap_or_else(|| panic!("{} does not build", t.key)),
                )
            })
            .collect()
    }

    fn cards_of(map: &JourneyMap, kind: LaneKind) -> Vec<&Card> {
        map.cards
            .iter()
            .filter(|c| map.card_kind(c) == Some(kind))
            .collect()
    }

    #[test]
    fn every_key_builds_and_unknown_keys_do_not() {
        let keys: Vec<&str> = TEMPLATES.iter().map(|t| t.key).collect();
        assert_eq!(
            keys,
            vec![
                "five-phase-b2b",
                "six-stage-b2b",
                "b2b-saas",
                "professional-services",
                "b2b-ecommerce"
            ]
        );
        for (key, map) in all() {
            assert!(!map.stages.is_empty(), "{key}");
        }
        assert_eq!(build("blank"), None);
        assert_eq!(build(""), None);
        assert_eq!(build("B2B-SAAS"), None);
    }

    #[test]
    fn building_is_deterministic() {
        for t in TEMPLATES {
            let (a, b) = (build(t.key), build(t.key));
            assert_eq!(a, b, "{}", t.key);
            assert_eq!(
                serde_json::to_string(&a).ok(),
                serde_json::to_string(&b).ok(),
                "{}",
                t.key
            );
        }
    }

    #[test]
    fn templates_validate_without_any_problem() {
        for (key, map) in all() {
            let problems = validate(&map);
            assert!(problems.is_empty(), "{key}: {problems:#?}");
        }
    }

    #[test]
    fn templates_round_trip_through_serde_and_restore_cleanly() {
        for (key, map) in all() {
            let json = serde_json::to_string(&map).expect("serializes");
            let back: JourneyMap = serde_json::from_str(&json).expect("deserializes");
            assert_eq!(back, map, "{key}: serde round trip");
            let value: serde_json::Value = serde_json::from_str(&json).expect("parses");
            let (restored, report) = restore_map(&value).expect("restores");
            assert!(report.is_clean(), "{key}: {:?}", report.notes);
            assert_eq!(restored, map, "{key}: restore round trip");
        }
    }

    #[test]
    fn stage_names_of_the_two_generic_templates_are_exact() {
        let names = |key| -> Vec<String> {
            build(key)
                .map(|m| m.stages.into_iter().map(|s| s.name).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            names(FIVE_PHASE),
            ["Awareness", "Consideration", "Purchase", "Use", "Loyalty"]
        );
        assert_eq!(
            names(SIX_STAGE),
            [
                "Awareness",
                "Consideration",
                "Decision",
                "Onboarding",
                "Adoption and expansion",
                "Advocacy"
            ]
        );
    }

    #[test]
    fn every_stage_has_cards_in_every_lane_and_the_lanes_are_the_defaults() {
        for (key, map) in all() {
            let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
            assert_eq!(kinds, LaneKind::ALL.to_vec(), "{key}");
            for stage in &map.stages {
                for lane in &map.lanes {
                    assert!(
                        map.cell(stage.id, lane.id).next().is_some(),
                        "{key}: stage {} has no {}",
                        stage.name,
                        lane.name
                    );
                }
                assert!(
                    !stage.description.is_empty() && !stage.customer_goal.is_empty(),
                    "{key}: {}",
                    stage.name
                );
                assert!(!stage.owning_team.is_empty(), "{key}: {}", stage.name);
            }
        }
    }

    #[test]
    fn scope_and_personas_are_filled_in() {
        for (key, map) in all() {
            let scope = &map.scope;
            for field in [
                &scope.title,
                &scope.objective,
                &scope.segment,
                &scope.owner,
                &scope.research_sources,
            ] {
                assert!(!field.trim().is_empty(), "{key}: {scope:?}");
            }
            assert_eq!(
                scope.review_cadence,
                crate::model::map::ReviewCadence::Quarterly
            );
            assert!((1..=2).contains(&map.personas.len()), "{key}");
            assert_eq!(
                scope.primary_persona,
                map.personas.first().map(|p| p.id),
                "{key}"
            );
            for p in &map.personas {
                for field in p.texts() {
                    assert!(!field.trim().is_empty(), "{key}: {p:?}");
                }
            }
        }
    }

    #[test]
    fn stakeholders_cover_every_role_type_and_all_four_quadrants() {
        for (key, map) in all() {
            assert!((4..=8).contains(&map.stakeholders.len()), "{key}");
            let roles: HashSet<RoleType> = map.stakeholders.iter().map(|s| s.role_type).collect();
            assert_eq!(roles.len(), RoleType::ALL.len(), "{key}: {roles:?}");
            let quadrants: HashSet<Quadrant> =
                map.stakeholders.iter().map(|s| s.quadrant()).collect();
            assert_eq!(quadrants.len(), 4, "{key}: {quadrants:?}");
            for s in &map.stakeholders {
                assert!(
                    !s.department.is_empty() && !s.priorities.is_empty() && !s.concerns.is_empty(),
                    "{key}: {s:?}"
                );
            }
            assert!(
                map.stakeholders.iter().any(|s| !s.influences.is_empty()),
                "{key}"
            );
            let stances: HashSet<Stance> = map.stakeholders.iter().map(|s| s.stance).collect();
            assert!(
                stances.contains(&Stance::Blocker) && stances.contains(&Stance::Supporter),
                "{key}"
            );
        }
    }

    #[test]
    fn touchpoints_are_complete_and_include_moments_of_truth() {
        for (key, map) in all() {
            let touchpoints = cards_of(&map, LaneKind::Touchpoints);
            assert!(
                (20..=35).contains(&touchpoints.len()),
                "{key}: {} touchpoints",
                touchpoints.len()
            );
            for t in &touchpoints {
                assert!(
                    COMMON_CHANNELS.contains(&t.channel.as_str()),
                    "{key}: channel {}",
                    t.channel
                );
                assert!(
                    t.emotion.is_some() && !t.quote.is_empty() && !t.owning_team.is_empty(),
                    "{key}: {}",
                    t.text
                );
                assert!(!t.stakeholders.is_empty(), "{key}: {} names nobody", t.text);
            }
            assert!(touchpoints.iter().any(|t| t.moment_of_truth), "{key}");
            assert!(touchpoints.iter().any(|t| t.to_be.is_some()), "{key}");
            let emotions: HashSet<i8> = touchpoints
                .iter()
                .filter_map(|t| t.emotion.map(|e| e.value()))
                .collect();
            assert!(
                emotions.contains(&-2) || emotions.contains(&-1),
                "{key}: no negative moment"
            );
            assert!(emotions.contains(&2), "{key}: no high point");
            let texts: HashSet<&str> = touchpoints.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(
                texts.len(),
                touchpoints.len(),
                "{key}: repeated touchpoint text"
            );
        }
    }

    #[test]
    fn the_five_phase_template_flags_the_moments_of_truth_of_its_seed() {
        let map = build(FIVE_PHASE).unwrap_or_default();
        let flagged: Vec<&str> = map
            .touchpoints()
            .into_iter()
            .filter(|t| t.moment_of_truth)
            .map(|t| t.channel.as_str())
            .collect();
        // First response to an enquiry, onboarding, first invoice, first ticket, first QBR, renewal.
        for channel in [
            "Website",
            "Onboarding",
            "Invoice",
            "Support ticket",
            "QBR",
            "Renewal",
        ] {
            assert!(
                flagged.contains(&channel),
                "{channel} not flagged: {flagged:?}"
            );
        }
    }

    #[test]
    fn the_six_stage_template_shows_the_four_handoff_gaps() {
        let map = build(SIX_STAGE).unwrap_or_default();
        let pains: Vec<&str> = cards_of(&map, LaneKind::PainPoints)
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        for gap in [
            "Marketing→sales",
            "Demo→proposal",
            "Sales→CS",
            "Onboarding→adoption",
        ] {
            assert!(
                pains.iter().any(|p| p.starts_with(gap)),
                "{gap} missing: {pains:?}"
            );
        }
    }

    #[test]
    fn pain_points_opportunities_and_kpis_are_complete() {
        for (key, map) in all() {
            let pains = cards_of(&map, LaneKind::PainPoints);
            for p in &pains {
                let s = p.scores;
                let all_five = [
                    s.magnitude,
                    s.severity,
                    s.frequency,
                    s.business_impact,
                    s.effort,
                ];
                assert!(
                    all_five.iter().all(|v| matches!(v, Some(1..=5))),
                    "{key}: {}",
                    p.text
                );
                assert!(!p.evidence.is_empty(), "{key}: {}", p.text);
            }
            let opportunities = cards_of(&map, LaneKind::Opportunities);
            assert!(
                opportunities.len() >= pains.len(),
                "{key}: one opportunity per pain point at least"
            );
            for o in &opportunities {
                assert!(
                    !o.owner.is_empty() && !o.kpi.is_empty(),
                    "{key}: {}",
                    o.text
                );
                assert!(
                    Date::parse(&o.deadline).is_some(),
                    "{key}: deadline {}",
                    o.deadline
                );
                // A RICE score with its reach's period, the KPI's baseline and target,
                // and the pains it addresses.
                assert!(
                    crate::model::opportunities::score(o).is_some() && !o.reach_period.is_empty(),
                    "{key}: RICE of {}",
                    o.text
                );
                assert!(
                    !o.baseline.is_empty() && !o.target.is_empty(),
                    "{key}: {}",
                    o.text
                );
                assert!(
                    !o.addresses.is_empty(),
                    "{key}: {} addresses no pain",
                    o.text
                );
            }
            assert_eq!(
                crate::model::opportunities::pains_without_opportunity(&map),
                vec![],
                "{key}: every pain point has an opportunity"
            );
            let statuses: HashSet<&str> = opportunities.iter().map(|o| o.status.key()).collect();
            assert!(
                statuses.len() >= 2,
                "{key}: the plan is under way, not all ideas"
            );
            for k in cards_of(&map, LaneKind::Kpis) {
                let m = k.metric.as_ref();
                assert!(
                    m.is_some_and(|m| m.baseline.is_some()
                        && m.target.is_some()
                        && m.current.is_some()
                        && !m.source.is_empty()),
                    "{key}: {} needs a metric with baseline, target, current and source",
                    k.text
                );
            }
            // Two or three past reviews, in date order, each with every metric and
            // emotion, the last one the scope's last review.
            assert!(
                (2..=3).contains(&map.reviews.len()),
                "{key}: {} reviews",
                map.reviews.len()
            );
            let dates: Vec<&str> = map.reviews.iter().map(|r| r.date.as_str()).collect();
            let mut sorted = dates.clone();
            sorted.sort();
            assert_eq!(dates, sorted, "{key}");
            assert_eq!(map.scope.last_review, *dates.last().unwrap(), "{key}");
            for r in &map.reviews {
                assert_eq!(
                    r.metrics.len(),
                    cards_of(&map, LaneKind::Kpis).len(),
                    "{key} {}",
                    r.date
                );
                assert!(
                    !r.emotions.is_empty() && !r.note.is_empty(),
                    "{key} {}",
                    r.date
                );
            }
            let first_to_last =
                crate::model::reviews::diff(&map.reviews[0], map.reviews.last().unwrap(), &[&map]);
            assert!(
                first_to_last
                    .metrics
                    .iter()
                    .any(|c| c.verdict == crate::model::reviews::Verdict::Better)
                    && !first_to_last.emotions.is_empty(),
                "{key}: the reviews show movement"
            );
            assert_eq!(
                crate::model::priorities::rank(&map).top().count(),
                3,
                "{key}: needs three scored friction points"
            );
        }
    }

    #[test]
    fn no_placeholder_text() {
        let banned = [
            "lorem",
            "ipsum",
            "todo",
            "tbd",
            "fixme",
            "xxx",
            "placeholder",
            "touchpoint 1",
            "stage 1",
            "persona 1",
            "stakeholder 1",
            "untitled",
            "sample text",
            "insert ",
        ];
        for (key, map) in all() {
            let json = serde_json::to_string(&map)
                .unwrap_or_default()
                .to_lowercase();
            for word in banned {
                assert!(!json.contains(word), "{key} contains “{word}”");
            }
        }
        let summaries = TEMPLATES
            .iter()
            .map(|t| format!("{} {}", t.name, t.summary).to_lowercase());
        for text in summaries {
            assert!(banned.iter().all(|w| !text.contains(w)), "{text}");
        }
    }

    /// A template stays workshop-sized (it was 14 KB before handoffs, value–effort and Kano
    /// data; what it costs the bundle is held by the size budget).
    #[test]
    fn each_template_is_under_18_kb_of_json() {
        for (key, map) in all() {
            let json = serde_json::to_string(&map).unwrap_or_default();
            let touchpoints = map.touchpoints().len();
            println!(
                "{key}: {} bytes of JSON, {touchpoints} touchpoints, {} cards",
                json.len(),
                map.cards.len()
            );
            // The past reviews are history the map carries, sized on their own.
            let reviews = serde_json::to_string(&map.reviews)
                .unwrap_or_default()
                .len();
            assert!(
                json.len() - reviews < 18 * 1024,
                "{key} is {} bytes without its reviews",
                json.len() - reviews
            );
            assert!(reviews < 5 * 1024, "{key}'s reviews are {reviews} bytes");
        }
    }

    #[test]
    fn sample_map_is_a_template_titled_as_a_sample() {
        let sample = sample_map();
        assert!(
            sample.scope.title.starts_with("Sample"),
            "{}",
            sample.scope.title
        );
        let mut template = build(SIX_STAGE).unwrap_or_default();
        template.scope.title = sample.scope.title.clone();
        assert_eq!(sample, template);
        assert!(validate(&sample).is_empty());
    }

    /// The source of a template, its JSON file.
    fn source(key: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/model/templates")
            .join(format!("{key}.json"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Every JSON source reads as a map with no unknown or misspelt field and no repair,
    /// and the shipped `.bin` decodes to exactly that map. `TRAILMAP_BLESS=1` rewrites the
    /// `.bin` files from the sources.
    #[test]
    fn shipped_templates_are_their_json_sources() {
        let bless = std::env::var_os("TRAILMAP_BLESS").is_some();
        assert_eq!(DATA.len(), TEMPLATES.len());
        for (t, (key, bytes)) in TEMPLATES.iter().zip(DATA) {
            assert_eq!(t.key, key);
            let json = source(key);
            let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
            let (map, report) = restore_map(&value).expect(key);
            assert!(report.is_clean(), "{key}: {:?}", report.notes);
            // Written back, the source is unchanged: no field is lost or unknown.
            let back = serde_json::to_string_pretty(&map).unwrap() + "\n";
            assert_eq!(back, json, "{key}.json has fields the map does not keep");
            let encoded = binary::encode_map_as(&map, LAYOUT);
            if bless {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(format!("src/model/templates/{key}.bin"));
                std::fs::write(path, &encoded).expect("writes the template");
                continue;
            }
            assert!(
                encoded == bytes,
                "{key}.bin is not {key}.json: run TRAILMAP_BLESS=1 cargo test templates"
            );
            assert_eq!(build(key), Some(map), "{key}");
        }
    }
}
