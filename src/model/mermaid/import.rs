//! A Mermaid `journey` diagram (or a Markdown document with one in a fenced block) as a
//! new map, or the lines Mermaid would refuse, each with its reason.

use super::{decode, is_entity_at, strip_keyword, DEFAULT_TITLE, UNNAMED_STAGE};
use crate::model::ids::Id;
use crate::model::map::{Card, JourneyMap, LaneKind, Stage, Stakeholder};
use crate::model::scales::Emotion;
use std::fmt;

/// At most this many refusals are listed: after that the text is probably not a journey.
const MAX_ERRORS: usize = 20;

/// A line of the text that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Its line number, from 1, in the text as given (a Markdown file's own lines).
    pub line: usize,
    /// Why, and what to write instead.
    pub reason: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line {}: {}", self.line, self.reason)
    }
}

/// An imported diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The new map: the diagram's title, a stage per section, its tasks as touchpoints in
    /// the touchpoint lane, its actors as stakeholders.
    pub map: JourneyMap,
    /// What was read in a way worth knowing (text Mermaid ignores, tasks before any
    /// section, …), one sentence each.
    pub notes: Vec<String>,
}

/// One line of the diagram with its number in the whole text.
#[derive(Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// Where the diagram's lines are: the whole text, or the first fenced `mermaid` block of
/// a Markdown document that holds a journey.
fn diagram_lines<'a>(lines: &[Line<'a>]) -> Result<Vec<Line<'a>>, ImportError> {
    let first = lines.iter().find(|l| !l.text.trim().is_empty());
    let Some(first) = first else {
        return Err(ImportError {
            line: 1,
            reason: "there is nothing to import: paste a Mermaid journey (it starts with the word “journey”), or choose an .mmd or .md file with one.".into(),
        });
    };
    let opening = |l: &Line| -> Option<(char, usize)> {
        let t = l.text.trim_start();
        let fence = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
        let len = t.chars().take_while(|c| *c == fence).count();
        (len >= 3 && t[len..].trim_start().starts_with("mermaid")).then_some((fence, len))
    };
    let looks_like_diagram = {
        let t = first.text.trim_start();
        t.starts_with("journey") || t.starts_with("---") || t.starts_with("%%")
    };
    if looks_like_diagram || !lines.iter().any(|l| opening(l).is_some()) {
        return Ok(lines.to_vec());
    }
    let mut blocks: Vec<(usize, Vec<Line<'a>>)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((fence, len)) = opening(&lines[i]) {
            let start = lines[i].number;
            let mut body = Vec::new();
            i += 1;
            while i < lines.len() {
                let t = lines[i].text.trim();
                if t.chars().take_while(|c| *c == fence).count() >= len
                    && t.chars().all(|c| c == fence)
                {
                    break;
                }
                body.push(lines[i]);
                i += 1;
            }
            blocks.push((start, body));
        }
        i += 1;
    }
    let kind = |body: &[Line]| -> String {
        body.iter()
            .map(|l| l.text.trim())
            .find(|t| !t.is_empty() && !t.starts_with("%%") && *t != "---")
            .and_then(|t| t.split_whitespace().next())
            .unwrap_or("empty")
            .to_string()
    };
    if let Some((_, body)) = blocks.iter().find(|(_, body)| {
        body.iter()
            .any(|l| l.text.trim_start().starts_with("journey"))
    }) {
        return Ok(body.clone());
    }
    let (start, body) = &blocks[0];
    Err(ImportError {
        line: *start,
        reason: format!(
            "the Markdown's mermaid block{} no journey: the one here is a “{}” diagram. Trailmap imports the first block that starts with “journey”.",
            if blocks.len() == 1 { " holds" } else { "s hold" },
            kind(body)
        ),
    })
}

/// The part of `text` before a comment (`#` that is not an entity code), and the byte
/// index of the first bare `;`, which Mermaid refuses.
fn before_comment(text: &str) -> (&str, Option<usize>) {
    let mut semicolon = None;
    let mut i = 0;
    while i < text.len() {
        let c = text.as_bytes()[i];
        if c == b'#' {
            match is_entity_at(text, i) {
                Some(len) => {
                    i += len;
                    continue;
                }
                None => return (&text[..i], semicolon),
            }
        }
        if c == b';' && semicolon.is_none() {
            semicolon = Some(i);
        }
        i += 1;
    }
    (text, semicolon)
}

/// What a front matter's `title:` holds, quotes removed.
fn yaml_scalar(value: &str) -> String {
    let v = value.trim();
    let unquoted = v
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    unquoted.unwrap_or(v).trim().to_string()
}

/// A parsed task.
struct Task {
    section: Option<usize>,
    name: String,
    emotion: Emotion,
    actors: Vec<String>,
}

#[derive(Default)]
struct Diagram {
    title: Option<String>,
    front_title: Option<String>,
    acc_title: Option<String>,
    acc_descr: Option<String>,
    sections: Vec<String>,
    tasks: Vec<Task>,
    notes: Vec<String>,
    errors: Vec<ImportError>,
}

impl Diagram {
    fn fail(&mut self, line: usize, reason: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(ImportError { line, reason });
        }
    }

    /// One statement (a line after `journey`, or what follows an `accDescr` block's `}`).
    fn statement(&mut self, n: usize, raw: &str) -> Option<usize> {
        let s = raw.trim_start();
        if s.trim().is_empty() {
            return None;
        }
        // accTitle and accDescr values run to the end of the line, `#` and `;` included.
        for (kw, slot) in [("acctitle", 0), ("accdescr", 1)] {
            if let Some(rest) = strip_keyword(s, kw) {
                let rest_trim = rest.trim_start();
                let at = s.len() - rest_trim.len();
                if rest_trim.starts_with(':') {
                    let value = decode(s[at + 1..].trim());
                    if slot == 0 {
                        self.acc_title = Some(value);
                    } else {
                        self.acc_descr = Some(value);
                    }
                    return None;
                }
                if slot == 1 && rest_trim.starts_with('{') {
                    // The block's text starts after `{`: the caller collects it.
                    return Some(at + 1 + (raw.len() - s.len()));
                }
            }
        }
        let (body, semicolon) = before_comment(s);
        if let Some(at) = semicolon {
            let shown: String = body[..at].trim().chars().take(40).collect();
            self.fail(
                n,
                format!("Mermaid does not allow “;” here (after “{shown}”). For a semicolon inside a name write #59; instead."),
            );
            return None;
        }
        if body.trim().is_empty() {
            return None;
        }
        if strip_keyword(body, "journey").is_some() {
            self.fail(
                n,
                "a line cannot start with “journey” after the first: Mermaid reads it as the diagram type. To start a task's name with it, write its first letter as an entity code (#106; for “j”, #74; for “J”).".into(),
            );
            return None;
        }
        let keyword_rest =
            |kw: &str| strip_keyword(body, kw).filter(|r| r.starts_with(char::is_whitespace));
        if let Some(rest) = keyword_rest("title") {
            let title = decode(rest.trim());
            if title.is_empty() {
                self.fail(n, "“title” needs the diagram's title after it.".into());
            } else {
                self.title = Some(title);
            }
            return None;
        }
        if let Some(rest) = keyword_rest("section") {
            if let Some(colon) = rest.find(':') {
                self.fail(
                    n,
                    format!(
                        "a section's name cannot hold “:” (after “{}”). For a colon in the name write #58; instead.",
                        rest[..colon].trim()
                    ),
                );
                return None;
            }
            let name = decode(rest.trim());
            if name.is_empty() {
                self.fail(n, "“section” needs the section's name after it.".into());
                return None;
            }
            if self.sections.last() == Some(&name) {
                // The same section right after itself: Mermaid draws one box.
                self.notes.push(format!(
                    "Line {n}: section “{name}” follows itself: Mermaid draws them as one, so they are one stage."
                ));
            } else {
                self.sections.push(name);
            }
            return None;
        }
        let Some(colon) = body.find(':') else {
            let shown: String = body.trim().chars().take(60).collect();
            self.fail(
                n,
                format!("“{shown}” is not a task, a section or a title. A task is written “Name: score: Actor, Actor”, with a score from 1 (worst) to 5 (best)."),
            );
            return None;
        };
        let name = decode(body[..colon].trim());
        if name.is_empty() {
            self.fail(
                n,
                "the task has no name before its colon. A task is written “Name: score: Actor, Actor”.".into(),
            );
            return None;
        }
        let data = &body[colon + 1..];
        let mut pieces = data.split(':');
        let score_text = pieces.next().unwrap_or("").trim();
        let actors: Vec<String> = pieces
            .next()
            .map(|a| {
                a.split(',')
                    .map(|p| decode(p.trim()))
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let ignored: Vec<&str> = pieces.collect();
        if score_text.is_empty() {
            self.fail(
                n,
                format!("the task “{name}” has no score. Write one from 1 (worst) to 5 (best) after the colon: “{name}: 3”."),
            );
            return None;
        }
        let score = match score_text
            .strip_prefix('+')
            .unwrap_or(score_text)
            .parse::<i64>()
        {
            Ok(v) => v,
            Err(_) => {
                let reason = if score_text.parse::<f64>().is_ok_and(f64::is_finite) {
                    format!("the score “{score_text}” of “{name}” is not a whole number: Trailmap's scores are 1, 2, 3, 4 or 5.")
                } else {
                    format!("the score “{score_text}” of “{name}” is not a number: write a whole number from 1 (worst) to 5 (best).")
                };
                self.fail(n, reason);
                return None;
            }
        };
        let Some(emotion) = Emotion::from_mermaid_score(score) else {
            self.fail(
                n,
                format!("the score {score} of “{name}” is outside 1–5: a journey's scores run from 1 (worst) to 5 (best)."),
            );
            return None;
        };
        if ignored.iter().any(|p| !p.trim().is_empty()) {
            self.notes.push(format!(
                "Line {n}: the text after the task's second colon (“{}”) is left out, as Mermaid leaves it out.",
                ignored.join(":").trim()
            ));
        }
        self.tasks.push(Task {
            section: self.sections.len().checked_sub(1),
            name,
            emotion,
            actors,
        });
        None
    }
}

/// Reads a Mermaid `journey` (or the first fenced ```` ```mermaid ```` block with one in a
/// Markdown document) as a new map.
///
/// Accepted as Mermaid accepts them: front matter (`---` … `---`, its `title:` used when
/// the diagram has no `title`), `%%` comments and `%%{…}%%` directives, `#` comments,
/// `accTitle:` (the title when there is no other) and `accDescr:` or `accDescr { … }`
/// (the map's objective), keywords in any case, indentation, tasks without actors, and
/// entity codes (`#58;`). Refused, each with its line and reason, and nothing made: text
/// that is not a journey, lines Mermaid's grammar rejects, and scores that are not a whole
/// number from 1 to 5.
pub fn import(text: &str) -> Result<Imported, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let all: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            number: i + 1,
            text: l.strip_suffix('\r').unwrap_or(l),
        })
        .collect();
    let lines = diagram_lines(&all).map_err(|e| vec![e])?;
    let mut d = Diagram::default();
    let mut i = 0;

    // Front matter: `---` on the first line, up to the next `---`.
    if lines.first().is_some_and(|l| l.text.trim_end() == "---") {
        let start = lines[0].number;
        match lines[1..].iter().position(|l| l.text.trim_end() == "---") {
            None => {
                return Err(vec![ImportError {
                    line: start,
                    reason: "the front matter that starts here is never closed: end it with a line of three dashes (---).".into(),
                }])
            }
            Some(end) => {
                for l in &lines[1..=end] {
                    if let Some(v) = l.text.strip_prefix("title:") {
                        let t = yaml_scalar(v);
                        if !t.is_empty() {
                            d.front_title = Some(t);
                        }
                    }
                }
                i = end + 2;
            }
        }
    }

    let mut seen_journey = false;
    // The line an unclosed `%%{` directive or `accDescr {` block started on.
    let mut directive: Option<usize> = None;
    let mut block: Option<(usize, String)> = None;
    while i < lines.len() {
        let Line { number: n, text } = lines[i];
        i += 1;
        if let Some((start, mut acc)) = block.take() {
            match text.find('}') {
                None => {
                    acc.push('\n');
                    acc.push_str(text);
                    block = Some((start, acc));
                }
                Some(end) => {
                    acc.push('\n');
                    acc.push_str(&text[..end]);
                    d.acc_descr = Some(block_text(&acc));
                    if let Some(at) = d.statement(n, &text[end + 1..]) {
                        block = open_block(n, &text[end + 1..], at, &mut d);
                    }
                }
            }
            continue;
        }
        if directive.is_some() {
            if text.contains("}%%") {
                directive = None;
            }
            continue;
        }
        let t = text.trim_start();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("%%{") {
            if !t.contains("}%%") {
                directive = Some(n);
            }
            continue;
        }
        if t.starts_with("%%") {
            continue;
        }
        let rest = if seen_journey {
            text
        } else if let Some(rest) = t.strip_prefix("journey") {
            seen_journey = true;
            rest
        } else {
            let shown: String = t.chars().take(40).collect();
            return Err(vec![ImportError {
                line: n,
                reason: format!("a Mermaid journey starts with the word “journey”, but this line is “{shown}”. Paste a journey diagram, or a Markdown document with one in a ```mermaid block."),
            }]);
        };
        if let Some(at) = d.statement(n, rest) {
            block = open_block(n, rest, at, &mut d);
        }
    }
    if let Some(start) = directive {
        d.fail(
            start,
            "the directive that starts here (%%{) is never closed with }%%.".into(),
        );
    }
    if let Some((start, _)) = block {
        d.fail(
            start,
            "the accDescr { block that starts here is never closed with }.".into(),
        );
    }
    if !seen_journey {
        let line = lines.last().map_or(1, |l| l.number);
        return Err(vec![ImportError {
            line,
            reason: "there is no “journey” line: the text holds only front matter or comments."
                .into(),
        }]);
    }
    if !d.errors.is_empty() {
        return Err(d.errors);
    }
    Ok(build(d))
}

/// Opens an `accDescr {` block whose text starts at byte `at` of `text`; a `}` on the same
/// line closes it at once (and what follows is read as a statement).
fn open_block(n: usize, text: &str, at: usize, d: &mut Diagram) -> Option<(usize, String)> {
    let inner = &text[at..];
    match inner.find('}') {
        None => Some((n, inner.to_string())),
        Some(end) => {
            d.acc_descr = Some(block_text(&inner[..end]));
            let after = &inner[end + 1..];
            d.statement(n, after)
                .and_then(|at2| open_block(n, after, at2, d))
        }
    }
}

/// An `accDescr { … }` block's text as Mermaid keeps it: trimmed, each line's
/// indentation removed.
fn block_text(raw: &str) -> String {
    let lines: Vec<&str> = raw.trim().lines().map(str::trim).collect();
    decode(&lines.join("\n"))
}

/// The map for a parsed diagram.
fn build(d: Diagram) -> Imported {
    let title = d
        .title
        .or(d.front_title)
        .or(d.acc_title)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_TITLE.to_string());
    let mut map = JourneyMap::blank(&title);
    map.scope.objective = d.acc_descr.unwrap_or_default();
    let mut notes = d.notes;
    let lane = map
        .lane_of_kind(LaneKind::Touchpoints)
        .unwrap_or(map.lanes[0].id);
    let before_any = d.tasks.iter().filter(|t| t.section.is_none()).count();
    let mut stage_ids: Vec<Id> = Vec::new();
    let unnamed = (before_any > 0).then(|| {
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name: UNNAMED_STAGE.to_string(),
            ..Stage::default()
        });
        notes.push(format!(
            "{before_any} task{} before the first section {} in a stage named “{UNNAMED_STAGE}”.",
            if before_any == 1 { "" } else { "s" },
            if before_any == 1 { "is" } else { "are" }
        ));
        id
    });
    for name in d.sections {
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name,
            ..Stage::default()
        });
        stage_ids.push(id);
    }
    for task in d.tasks {
        // Tasks before any section made the unnamed stage above.
        let Some(stage) = task.section.map(|s| stage_ids[s]).or(unnamed) else {
            continue;
        };
        let mut people = Vec::new();
        for actor in task.actors {
            let id = match map.stakeholders.iter().find(|s| s.name == actor) {
                Some(s) => s.id,
                None => {
                    let id = map.new_id();
                    map.stakeholders.push(Stakeholder {
                        id,
                        name: actor,
                        ..Stakeholder::default()
                    });
                    id
                }
            };
            if !people.contains(&id) {
                people.push(id);
            }
        }
        let id = map.new_id();
        map.cards.push(Card {
            id,
            stage,
            lane,
            text: task.name,
            stakeholders: people,
            emotion: Some(task.emotion),
            ..Card::default()
        });
    }
    if map.stages.is_empty() {
        notes.push("The diagram has no sections or tasks: the map has no stages yet.".into());
    }
    Imported { map, notes }
}
