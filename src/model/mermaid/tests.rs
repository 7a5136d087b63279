use super::*;
use crate::model::map::{Card, JourneyMap, LaneKind, Stage, Stakeholder};
use crate::model::scales::Emotion;
use crate::model::templates;
use crate::model::validate::is_valid;

const DOCS: &str = include_str!("../../../tests/fixtures/mermaid/docs-user-journey.mmd");
const DOCS_A11Y: &str = include_str!("../../../tests/fixtures/mermaid/docs-accessibility.mmd");
const EVERYTHING: &str = include_str!("../../../tests/fixtures/mermaid/everything.mmd");
const README: &str = include_str!("../../../tests/fixtures/mermaid/readme.md");

/// What a map says that a diagram can hold: the title, the objective, and per stage its
/// tasks with score and actor names.
type Content = (
    String,
    String,
    Vec<(String, Vec<(String, u8, Vec<String>)>)>,
);

fn content(map: &JourneyMap) -> Content {
    let stages = map
        .stages
        .iter()
        .map(|s| {
            let tasks = map
                .touchpoints()
                .into_iter()
                .filter(|c| c.stage == s.id)
                .map(|c| {
                    let names = c
                        .stakeholders
                        .iter()
                        .filter_map(|id| map.stakeholder(*id))
                        .map(|s| s.name.clone())
                        .collect();
                    (
                        c.text.clone(),
                        c.emotion.map_or(0, |e| e.mermaid_score()),
                        names,
                    )
                })
                .collect();
            (s.name.clone(), tasks)
        })
        .collect();
    (map.scope.title.clone(), map.scope.objective.clone(), stages)
}

fn ok(text: &str) -> Imported {
    import(text).unwrap_or_else(|e| panic!("{e:?}"))
}

fn err(text: &str) -> Vec<ImportError> {
    match import(text) {
        Ok(i) => panic!("imported {:?}", content(&i.map)),
        Err(e) => e,
    }
}

fn task(name: &str, score: u8, actors: &[&str]) -> (String, u8, Vec<String>) {
    (
        name.to_string(),
        score,
        actors.iter().map(|a| a.to_string()).collect(),
    )
}

#[test]
fn the_documentation_example_imports_as_stages_touchpoints_and_stakeholders() {
    let imported = ok(DOCS);
    let map = &imported.map;
    assert!(is_valid(map));
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(
        content(map),
        (
            "My working day".to_string(),
            String::new(),
            vec![
                (
                    "Go to work".to_string(),
                    vec![
                        task("Make tea", 5, &["Me"]),
                        task("Go upstairs", 3, &["Me"]),
                        task("Do work", 1, &["Me", "Cat"]),
                    ]
                ),
                (
                    "Go home".to_string(),
                    vec![
                        task("Go downstairs", 5, &["Me"]),
                        task("Sit down", 5, &["Me"]),
                    ]
                ),
            ]
        )
    );
    let names: Vec<&str> = map.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Me", "Cat"]);
    let lane = map.lane_of_kind(LaneKind::Touchpoints).unwrap();
    assert!(map.cards.iter().all(|c| c.lane == lane));
    assert_eq!(
        map.cards[2].emotion,
        Emotion::new(-2),
        "score 1 is emotion -2"
    );
}

#[test]
fn the_accessibility_example_keeps_its_description_as_the_objective() {
    let map = ok(DOCS_A11Y).map;
    assert!(is_valid(&map));
    assert_eq!(
        map.scope.title, "My working day",
        "title wins over accTitle"
    );
    assert_eq!(map.scope.objective, "My User Journey Diagram Description");
    assert_eq!(content(&map).2, content(&ok(DOCS).map).2);
}

#[test]
fn everything_mermaid_accepts_is_read_as_mermaid_draws_it() {
    let imported = ok(EVERYTHING);
    let map = &imported.map;
    assert!(is_valid(map), "{:?}", crate::model::validate::validate(map));
    let (title, objective, stages) = content(map);
    assert_eq!(
        title, "Buying a reporting tool",
        "title statement over front matter"
    );
    assert_eq!(objective, "How a finance team\nbuys a reporting tool");
    assert_eq!(
        stages,
        vec![
            (
                UNNAMED_STAGE.to_string(),
                vec![task("Warm-up call", 4, &[])]
            ),
            (
                "Discover".to_string(),
                vec![
                    task("Read a blog post", 4, &["Finance lead", "Analyst"]),
                    task("Ask a peer #1 on LinkedIn", 5, &["Finance lead"]),
                    task("Compare : features", 3, &[]),
                    task("Sit through a webinar", 2, &[]),
                    task("Download the white paper", 3, &["Analyst"]),
                ]
            ),
            (
                "Decide".to_string(),
                vec![
                    task("Security review", 1, &["IT", "Procurement"]),
                    task("Sign the contract", 4, &["Finance lead"]),
                ]
            ),
            (
                "Discover".to_string(),
                vec![task("Second look at the blog", 3, &["Analyst"])]
            ),
        ]
    );
    assert_eq!(map.stakeholders.len(), 4, "one stakeholder per actor name");
    assert!(imported
        .notes
        .iter()
        .any(|n| n.contains("before the first section")));
    assert!(imported.notes.iter().any(|n| n.contains("follows itself")));
}

#[test]
fn the_front_matter_title_and_then_acc_title_stand_in_for_a_missing_title() {
    let map = ok("---\ntitle: 'From the front'\n---\njourney\nsection A\nT: 3\n").map;
    assert_eq!(map.scope.title, "From the front");
    let map = ok("journey\naccTitle: Accessible\nsection A\nT: 3\n").map;
    assert_eq!(map.scope.title, "Accessible");
    let map = ok("journey\nsection A\nT: 3\n").map;
    assert_eq!(map.scope.title, DEFAULT_TITLE);
}

#[test]
fn a_markdown_document_gives_its_first_journey_block_with_its_own_line_numbers() {
    let map = ok(README).map;
    assert_eq!(map.scope.title, "Onboarding a new customer");
    assert_eq!(map.stages.len(), 2);
    assert_eq!(map.touchpoints().len(), 3);
    let broken = README.replace("Data import: 2", "Data import: 7");
    let errors = err(&broken);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 17, "{}", errors[0]);
    assert!(errors[0].reason.contains("outside 1–5"));
    let no_journey = "# Doc\n\n```mermaid\nflowchart LR\n  A --> B\n```\n";
    let errors = err(no_journey);
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].reason.contains("“flowchart”"), "{}", errors[0]);
}

#[test]
fn crlf_a_byte_order_mark_and_any_keyword_case_are_fine() {
    let map = ok("\u{feff}journey\r\n  TITLE T\r\n  SECTION S\r\n  Task: 2: A\r\n").map;
    assert_eq!(
        content(&map).2,
        vec![("S".into(), vec![task("Task", 2, &["A"])])]
    );
}

#[test]
fn bad_lines_are_refused_with_their_line_and_reason_and_nothing_is_made() {
    let text = "journey\n  title T\n  section S\n    Good: 3: A\n    Too high: 6: A\n    Word: great: A\n    Half: 2.5\n    No score:\n    Just words\n    Semi; colon: 3\n  section S: two\n    : 3\n";
    let errors = err(text);
    let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.reason.as_str())).collect();
    let expect = [
        (5, "the score 6 of “Too high” is outside 1–5"),
        (6, "the score “great” of “Word” is not a number"),
        (7, "the score “2.5” of “Half” is not a whole number"),
        (8, "the task “No score” has no score"),
        (9, "“Just words” is not a task"),
        (10, "Mermaid does not allow “;” here"),
        (11, "a section's name cannot hold “:”"),
        (12, "the task has no name"),
    ];
    assert_eq!(got.len(), expect.len(), "{got:?}");
    for ((line, reason), (el, er)) in got.iter().zip(expect) {
        assert_eq!(*line, el, "{reason}");
        assert!(reason.starts_with(er), "line {line}: {reason}");
    }
    assert_eq!(errors[0].to_string().split(':').next(), Some("Line 5"));
}

#[test]
fn text_that_is_not_a_journey_is_refused_at_its_first_line() {
    let e = err("flowchart LR\n A --> B\n");
    assert_eq!(e[0].line, 1);
    assert!(e[0].reason.contains("starts with the word “journey”"));
    let e = err("%% only a comment\n\n");
    assert!(e[0].reason.contains("no “journey” line"));
    let e = err("   \n");
    assert!(e[0].reason.contains("nothing to import"));
    let e = err("---\ntitle: x\njourney\n");
    assert!(e[0].reason.contains("never closed"));
    let e = err("journey\naccDescr {\n never closed\n");
    assert_eq!(e[0].line, 2);
    assert!(e[0].reason.contains("accDescr {"));
    let e = err("journey\nsection S\nJourney back: 3\n");
    assert_eq!(e[0].line, 3);
    assert!(e[0].reason.contains("cannot start with “journey”"));
}

/// A map with every awkward text Mermaid cannot hold as it is.
fn awkward_map() -> JourneyMap {
    let mut map = JourneyMap::blank("Q3: renewals; #1 priority");
    map.scope.objective = "Why we map:\n  find the }gaps%% here".into();
    let lane = map.lane_of_kind(LaneKind::Touchpoints).unwrap();
    let pains = map.lane_of_kind(LaneKind::PainPoints).unwrap();
    let mut people = Vec::new();
    for name in ["CFO, Finance", "IT: security", "Ops #2"] {
        let id = map.new_id();
        map.stakeholders.push(Stakeholder {
            id,
            name: name.into(),
            ..Stakeholder::default()
        });
        people.push(id);
    }
    let mut stages = Vec::new();
    for name in ["Evaluate: phase 1", "", "Section two", "Empty"] {
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name: name.into(),
            customer_goal: "goal".into(),
            ..Stage::default()
        });
        stages.push(id);
    }
    let cards = [
        (0, "Demo: live; 50%% off", Some(2), vec![0, 1]),
        (0, "title page review", Some(-2), vec![2]),
        (1, "Journey recap\nwith notes", None, vec![]),
        (1, "", Some(0), vec![0]),
        (2, "accTitle", Some(1), vec![1]),
        (2, "section of the RFP", Some(-1), vec![0, 2]),
        (2, "accDescr { x", Some(1), vec![]),
    ];
    for (stage, text, emotion, who) in cards {
        let id = map.new_id();
        map.cards.push(Card {
            id,
            stage: stages[stage],
            lane,
            text: text.into(),
            emotion: emotion.and_then(Emotion::new),
            stakeholders: who.iter().map(|i| people[*i]).collect(),
            quote: "“It was slow.”".into(),
            channel: "Demo".into(),
            ..Card::default()
        });
    }
    let id = map.new_id();
    map.cards.push(Card {
        id,
        stage: stages[0],
        lane: pains,
        text: "Slow answers".into(),
        ..Card::default()
    });
    map
}

#[test]
fn awkward_texts_survive_export_and_import_with_entity_codes() {
    let map = awkward_map();
    let out = export(&map, Actors::Stakeholders);
    assert!(
        out.text
            .contains("      Demo#58; live#59; 50#37;% off: 5: CFO#44; Finance, IT#58; security\n"),
        "{}",
        out.text
    );
    assert!(out
        .text
        .contains("    title Q3: renewals#59; #35;1 priority\n"));
    assert!(out
        .text
        .contains("      #116;itle page review: 1: Ops #35;2\n"));
    assert!(out.text.contains("      #74;ourney recap with notes: 3\n"));
    assert!(out.text.contains("      #97;ccTitle: 4: IT#58; security\n"));
    assert!(out.text.contains("    section Evaluate#58; phase 1\n"));
    let back = ok(&out.text).map;
    assert!(is_valid(&back));
    let (title, objective, stages) = content(&back);
    assert_eq!(title, map.scope.title);
    assert_eq!(objective, "Why we map:\nfind the }gaps%% here");
    let names: Vec<&str> = stages.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        names,
        ["Evaluate: phase 1", UNNAMED_STAGE, "Section two", "Empty"]
    );
    assert_eq!(
        stages[0].1,
        vec![
            task("Demo: live; 50%% off", 5, &["CFO, Finance", "IT: security"]),
            task("title page review", 1, &["Ops #2"]),
        ]
    );
    assert_eq!(
        stages[1].1,
        vec![
            task("Journey recap with notes", 3, &[]),
            task(UNNAMED_TASK, 3, &["CFO, Finance"]),
        ]
    );
    assert_eq!(stages[2].1[0], task("accTitle", 4, &["IT: security"]));
    assert_eq!(stages[2].1[2], task("accDescr { x", 4, &[]));
}

#[test]
fn the_export_says_what_it_left_out() {
    let out = export(&awkward_map(), Actors::Stakeholders);
    let all = out.left_out.join("\n");
    for expected in [
        "1 touchpoint has no emotion score: written with score 3",
        "The customer's words (quotes) of 7 touchpoints.",
        "The channels of 7 touchpoints.",
        "1 pain point (Mermaid has only tasks).",
        "The goals, descriptions and owning teams of 4 stages.",
        "1 stage has no touchpoints",
        "The stakeholder register (3 stakeholders)",
        "Line breaks in 1 name became spaces",
        "1 touchpoint without text is written as “Untitled touchpoint”.",
        "1 stage without a name is written as “Untitled stage”.",
    ] {
        assert!(all.contains(expected), "missing “{expected}” in:\n{all}");
    }
    assert!(!all.contains("persona"), "{all}");
}

#[test]
fn one_stakeholder_or_the_persona_gives_their_view() {
    let mut map = awkward_map();
    let cfo = map.stakeholders[0].id;
    let out = export(&map, Actors::Stakeholder(cfo));
    let tasks: Vec<&str> = out
        .text
        .lines()
        .filter(|l| l.starts_with("      ") && !l.starts_with("       "))
        .collect();
    assert_eq!(tasks.len(), 3, "{}", out.text);
    assert!(tasks.iter().all(|t| t.ends_with(": CFO#44; Finance")));
    assert!(out.left_out[0].starts_with("4 touchpoints without CFO, Finance"));

    let persona = map.new_id();
    map.personas.push(crate::model::map::Persona {
        id: persona,
        name: "Olivia".into(),
        ..Default::default()
    });
    let out = export(&map, Actors::Persona(persona));
    let tasks: Vec<&str> = out
        .text
        .lines()
        .filter(|l| l.starts_with("      ") && !l.starts_with("       "))
        .collect();
    assert_eq!(tasks.len(), 7);
    assert!(tasks.iter().all(|t| t.ends_with(": Olivia")), "{tasks:?}");
    assert!(out
        .left_out
        .iter()
        .any(|n| n.contains("the diagram shows the persona's view")));
}

#[test]
fn import_export_import_keeps_the_content_of_every_fixture() {
    for text in [DOCS, DOCS_A11Y, EVERYTHING, README] {
        let first = ok(text).map;
        let out = export(&first, Actors::Stakeholders);
        let second = ok(&out.text).map;
        assert_eq!(content(&second), content(&first), "{}", out.text);
        assert_eq!(
            export(&second, Actors::Stakeholders).text,
            out.text,
            "export is stable"
        );
    }
}

#[test]
fn every_template_and_the_sample_export_and_import_back_with_their_touchpoints() {
    let mut maps: Vec<JourneyMap> = templates::TEMPLATES
        .iter()
        .filter_map(|t| templates::build(t.key))
        .collect();
    maps.push(templates::sample_map());
    assert_eq!(maps.len(), 6);
    for map in maps {
        let out = export(&map, Actors::Stakeholders);
        let back = ok(&out.text).map;
        assert!(is_valid(&back));
        let (title, _, stages) = content(&back);
        assert_eq!(title, map.scope.title);
        let (_, _, original) = content(&map);
        assert_eq!(stages.len(), original.len());
        for (got, want) in stages.iter().zip(&original) {
            assert_eq!(
                got.0,
                want.0.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            assert_eq!(got.1.len(), want.1.len());
            for (g, w) in got.1.iter().zip(&want.1) {
                assert_eq!(g.0, w.0.split_whitespace().collect::<Vec<_>>().join(" "));
                assert_eq!(g.1, if w.1 == 0 { 3 } else { w.1 });
                assert_eq!(g.2, w.2);
            }
        }
        assert!(out.left_out.iter().any(|n| n.contains("quotes")));
    }
}

#[test]
fn entity_codes_decode_and_unknown_ones_stay() {
    assert_eq!(
        decode("a #58; b #quot;x#quot; #nope; #; ##35;"),
        "a : b \"x\" #nope; #; ##"
    );
    assert_eq!(decode("#1114112; #9829;"), "#1114112; ♥");
    assert_eq!(
        escape("a\n b\tc", Context::Line),
        ("a b c".to_string(), true)
    );
    assert_eq!(escape("Title x", Context::Task).0, "#84;itle x");
    assert_eq!(escape("Titled", Context::Task).0, "Titled");
    assert_eq!(escape("accdescr", Context::Task).0, "#97;ccdescr");
}

// The fuzzing helpers are native-only (they are not built for wasm).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn three_thousand_mangled_diagrams_never_panic_and_each_refusal_names_a_line() {
    let tally = crate::model::fuzzing::run_mermaid(7, 3_000);
    assert_eq!(tally.maps + tally.errors, 3_000);
    assert!(tally.maps > 300, "{tally:?}");
    assert!(tally.errors > 300, "{tally:?}");
}
