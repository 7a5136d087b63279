//! A map as a Mermaid `journey` diagram, with what the diagram cannot hold listed.

use super::{escape, Context, UNNAMED_STAGE, UNNAMED_TASK};
use crate::model::ids::Id;
use crate::model::map::{Card, JourneyMap, LaneKind};
use std::collections::HashMap;
use std::fmt::Write;

/// Whose view the diagram shows: who its actors are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Actors {
    /// Every touchpoint, each with the stakeholders on it.
    #[default]
    Stakeholders,
    /// Only the touchpoints this stakeholder is on, with them as the one actor.
    Stakeholder(Id),
    /// Every touchpoint, with this persona as the one actor.
    Persona(Id),
}

/// An exported diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// The diagram's text (ends with a line break).
    pub text: String,
    /// What the map holds that the diagram leaves out or changes, one sentence each.
    pub left_out: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Counts cards of `cards` for which `has` holds.
fn count(cards: &[&Card], has: impl Fn(&Card) -> bool) -> usize {
    cards.iter().filter(|c| has(c)).count()
}

/// The map as a Mermaid `journey` from the view of `actors`.
///
/// Touchpoints without an emotion score are written with score 3 (neutral: Mermaid needs
/// a score on every task) and the report says how many. The map's objective becomes the
/// diagram's accessible description (`accDescr`).
pub fn export(map: &JourneyMap, actors: Actors) -> Export {
    let mut left_out = Vec::new();
    let mut folded = 0usize;
    let mut line = |text: &str, context: Context| {
        let (s, had_breaks) = escape(text, context);
        folded += usize::from(had_breaks);
        s
    };
    let names: HashMap<Id, String> = map
        .stakeholders
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    let persona_name = match actors {
        Actors::Persona(id) => map.persona(id).map(|p| match p.name.trim() {
            "" => "Persona".to_string(),
            name => name.to_string(),
        }),
        _ => None,
    };
    let only = match actors {
        Actors::Stakeholder(id) if names.contains_key(&id) => Some(id),
        _ => None,
    };

    let mut out = String::from("journey\n");
    if !map.scope.title.trim().is_empty() {
        let _ = writeln!(out, "    title {}", line(&map.scope.title, Context::Line));
    }
    let objective = map.scope.objective.trim();
    if !objective.is_empty() {
        let (text, _) = escape(objective, Context::Block);
        if text.contains('\n') {
            out.push_str("    accDescr {\n");
            for l in text.lines() {
                let _ = writeln!(out, "        {}", l.trim());
            }
            out.push_str("    }\n");
        } else {
            let _ = writeln!(out, "    accDescr: {text}");
        }
    }

    let lanes: Vec<Id> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    let mut exported: Vec<&Card> = Vec::new();
    let (mut skipped, mut unscored, mut untitled_tasks, mut untitled_stages, mut empty_stages) =
        (0, 0, 0, 0, 0);
    for stage in &map.stages {
        let name = if stage.name.trim().is_empty() {
            untitled_stages += 1;
            UNNAMED_STAGE.to_string()
        } else {
            line(&stage.name, Context::Section)
        };
        let _ = writeln!(out, "    section {name}");
        let mut tasks = 0;
        for lane in &lanes {
            for card in map.cell(stage.id, *lane) {
                if only.is_some_and(|id| !card.stakeholders.contains(&id)) {
                    skipped += 1;
                    continue;
                }
                let task = if card.text.trim().is_empty() {
                    untitled_tasks += 1;
                    UNNAMED_TASK.to_string()
                } else {
                    line(&card.text, Context::Task)
                };
                let score = match card.emotion {
                    Some(e) => e.mermaid_score(),
                    None => {
                        unscored += 1;
                        3
                    }
                };
                let people: Vec<String> = match (&persona_name, only) {
                    (Some(p), _) => vec![line(p, Context::Actor)],
                    (None, Some(id)) => vec![line(&names[&id], Context::Actor)],
                    (None, None) => {
                        let mut seen = Vec::new();
                        for id in &card.stakeholders {
                            if let Some(n) = names.get(id).filter(|n| !n.trim().is_empty()) {
                                let n = line(n, Context::Actor);
                                if !seen.contains(&n) {
                                    seen.push(n);
                                }
                            }
                        }
                        seen
                    }
                };
                if people.is_empty() {
                    let _ = writeln!(out, "      {task}: {score}");
                } else {
                    let _ = writeln!(out, "      {task}: {score}: {}", people.join(", "));
                }
                exported.push(card);
                tasks += 1;
            }
        }
        if tasks == 0 {
            empty_stages += 1;
        }
    }

    if skipped > 0 {
        let who = only.map(|id| names[&id].clone()).unwrap_or_default();
        left_out.push(format!(
            "{} without {who} (the diagram shows {who}'s view).",
            plural(skipped, "touchpoint", "touchpoints")
        ));
    }
    if unscored > 0 {
        left_out.push(format!(
            "{} no emotion score: written with score 3 (neutral), as Mermaid needs a score.",
            plural(unscored, "touchpoint has", "touchpoints have")
        ));
    }
    type Has = fn(&Card) -> bool;
    let details: [(&str, Has); 6] = [
        ("customer's words (quotes)", |c| !c.quote.trim().is_empty()),
        ("channels", |c| !c.channel.trim().is_empty()),
        ("moment-of-truth flags", |c| c.moment_of_truth),
        ("target (to-be) emotions", |c| c.to_be.is_some()),
        ("notes", |c| !c.notes.trim().is_empty()),
        ("owning teams", |c| !c.owning_team.trim().is_empty()),
    ];
    for (what, has) in details {
        let n = count(&exported, has);
        if n > 0 {
            left_out.push(format!(
                "The {what} of {}.",
                plural(n, "touchpoint", "touchpoints")
            ));
        }
    }
    for kind in [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Kpis,
    ] {
        let n = map
            .cards
            .iter()
            .filter(|c| map.card_kind(c) == Some(kind))
            .count();
        if n > 0 {
            let noun = kind.card_noun();
            let many = match kind {
                LaneKind::Opportunities => "opportunities".to_string(),
                _ => format!("{noun}s"),
            };
            left_out.push(format!(
                "{} (Mermaid has only tasks).",
                plural(n, noun, &many)
            ));
        }
    }
    let stage_details = map
        .stages
        .iter()
        .filter(|s| {
            !(s.customer_goal.trim().is_empty()
                && s.description.trim().is_empty()
                && s.owning_team.trim().is_empty())
        })
        .count();
    if stage_details > 0 {
        left_out.push(format!(
            "The goals, descriptions and owning teams of {}.",
            plural(stage_details, "stage", "stages")
        ));
    }
    if empty_stages > 0 {
        left_out.push(format!(
            "{} no touchpoints: {} in the text, but Mermaid draws no box for {}.",
            plural(empty_stages, "stage has", "stages have"),
            if empty_stages == 1 {
                "its section is"
            } else {
                "their sections are"
            },
            if empty_stages == 1 { "it" } else { "them" }
        ));
    }
    if persona_name.is_some() && exported.iter().any(|c| !c.stakeholders.is_empty()) {
        left_out.push(
            "Which stakeholders are on each touchpoint (the diagram shows the persona's view)."
                .into(),
        );
    }
    if !map.stakeholders.is_empty() {
        left_out.push(format!(
            "The stakeholder register ({}): only names appear, as actors; roles, influence, interest and stance do not.",
            plural(map.stakeholders.len(), "stakeholder", "stakeholders")
        ));
    }
    if !map.personas.is_empty() {
        left_out.push(format!(
            "{} (only a name, when the diagram shows a persona's view).",
            plural(map.personas.len(), "persona", "personas")
        ));
    }
    let scope = &map.scope;
    if [
        &scope.segment,
        &scope.owner,
        &scope.last_review,
        &scope.next_review,
        &scope.research_sources,
    ]
    .iter()
    .any(|s| !s.trim().is_empty())
    {
        left_out.push(
            "The scope's segment, owner, review dates and research sources (the title and objective are in)."
                .into(),
        );
    }
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    for s in &map.stakeholders {
        *seen_names.entry(s.name.trim().to_lowercase()).or_default() += 1;
    }
    let shared = seen_names
        .iter()
        .filter(|(n, c)| !n.is_empty() && **c > 1)
        .count();
    if shared > 0 && persona_name.is_none() {
        left_out.push(format!(
            "{} more than one stakeholder: Mermaid shows each as one actor.",
            plural(shared, "name is shared by", "names are each shared by")
        ));
    }
    if folded > 0 {
        left_out.push(format!(
            "Line breaks in {} became spaces (Mermaid's names are one line).",
            plural(folded, "name", "names")
        ));
    }
    if untitled_tasks > 0 {
        left_out.push(format!(
            "{} without text {} written as “{UNNAMED_TASK}”.",
            plural(untitled_tasks, "touchpoint", "touchpoints"),
            if untitled_tasks == 1 { "is" } else { "are" }
        ));
    }
    if untitled_stages > 0 {
        left_out.push(format!(
            "{} without a name {} written as “{UNNAMED_STAGE}”.",
            plural(untitled_stages, "stage", "stages"),
            if untitled_stages == 1 { "is" } else { "are" }
        ));
    }
    Export {
        text: out,
        left_out,
    }
}
