//! The map as one Markdown report, for a wiki page or a pull request: the scope with its
//! review dates, the personas, the stages with their touchpoints (emotion, channel) and
//! the customer's words, the moments of truth, the stakeholders by influence–interest
//! quadrant, the pain points ranked by impact (the top three marked), the improvement
//! plan, and the two charts as images beside the document ([`FileNames`]).
//!
//! Every text from the map is escaped ([`escape`]): it reads as written, never as
//! Markdown (a `|` does not end a table cell, a leading `#` or `-` is not a heading or a
//! list, backticks, asterisks and brackets are not code, emphasis or links, `<` is not
//! HTML, `$` is not math); line breaks inside a text stay line breaks (`<br>` in a table
//! cell, a hard break elsewhere).

use crate::model::dates::Date;
use crate::model::opportunities::{self, PlanQuery};
use crate::model::priorities;
use crate::model::{Card, Emotion, JourneyMap, LaneKind, Quadrant, Stage};
use std::fmt::Write;

/// The names of a report's three files: the document and the two charts it shows, which
/// it refers to by these names (so they go in the same folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNames {
    /// The Markdown document, `<name>.md`.
    pub report: String,
    /// The emotion curve, `<name>-emotion-curve.svg`.
    pub curve: String,
    /// The influence–interest matrix, `<name>-stakeholder-matrix.svg`.
    pub matrix: String,
}

/// A file-name base made of the title's letters and digits in lower case, words joined by
/// hyphens ("Sample map: Q3" → `sample-map-q3`): nothing in it needs escaping in a link,
/// and wikis and repositories take it as it is.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out = "journey-map".into();
    }
    out
}

/// The file names of the report of a map titled `title`.
pub fn file_names(title: &str) -> FileNames {
    let base = slug(title);
    FileNames {
        report: format!("{base}.md"),
        curve: format!("{base}-emotion-curve.svg"),
        matrix: format!("{base}-stakeholder-matrix.svg"),
    }
}

/// Characters escaped with a backslash wherever a map's text goes: each can start
/// Markdown (or GitHub's) markup in running text or a table.
const SPECIAL: &str = "\\`*_[]<>|#~&$";

/// One line of the map's text, escaped for running text or a table cell.
pub fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// One line escaped to stand at the start of a Markdown line: also not a list item
/// (`-`, `+`, `1.`, `1)`), a quote, or a heading's underline (`=`, `-`).
fn escape_line_start(line: &str) -> String {
    let out = escape(line);
    if out.starts_with(['-', '+', '=']) {
        return format!("\\{out}");
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &out[..digits], &out[digits..]);
    }
    out
}

/// The non-blank lines of a text, trimmed.
fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A text for running text (a paragraph or a list item): its lines escaped and joined by
/// hard line breaks, the lines after the first indented by `indent` spaces so that they
/// stay in the list item.
fn inline(text: &str, indent: usize) -> String {
    let glue = format!("\\\n{}", " ".repeat(indent));
    text_lines(text)
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join(&glue)
}

/// A text for a table cell: its lines escaped and joined by `<br>`.
fn cell(text: &str) -> String {
    text_lines(text)
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A text for a heading: one line.
fn heading(text: &str) -> String {
    text_lines(text).map(escape).collect::<Vec<_>>().join(" ")
}

/// A card's text, or what it is when it has none.
fn card_text(card: &Card, noun: &str) -> String {
    if text_lines(&card.text).next().is_none() {
        format!("(untitled {noun})")
    } else {
        card.text.clone()
    }
}

fn stage_name(stage: Option<&Stage>) -> String {
    match stage {
        Some(s) if text_lines(&s.name).next().is_some() => s.name.clone(),
        _ => "(untitled stage)".into(),
    }
}

fn emotion(e: Option<Emotion>) -> String {
    e.map(|e| format!("{e} {}", e.label())).unwrap_or_default()
}

/// A Markdown table: a header row, its delimiter row and one row per entry (cells already
/// escaped).
fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<&str> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&mut head.iter().copied()));
    out.push_str(&line(&mut head.iter().map(|_| "---")));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(|c| {
            if c.is_empty() {
                " "
            } else {
                c.as_str()
            }
        })));
    }
    out.push('\n');
}

/// `- **Label:** text`, nothing when the text is blank.
fn field(out: &mut String, label: &str, text: &str) {
    let text = inline(text, 2);
    if !text.is_empty() {
        let _ = writeln!(out, "- **{label}:** {text}");
    }
}

/// The report of `map` made on `today`, showing the charts saved under `names`.
pub fn report(map: &JourneyMap, today: Date, names: &FileNames) -> String {
    let mut out = String::new();
    let title = match heading(&map.scope.title) {
        t if t.is_empty() => "Untitled journey map".to_string(),
        t => t,
    };
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(out, "Journey map report made with Trailmap on {today}.\n");
    scope(&mut out, map);
    personas(&mut out, map);
    journey(&mut out, map, names);
    moments(&mut out, map);
    stakeholders(&mut out, map, names);
    pains(&mut out, map);
    plan(&mut out, map, today);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn scope(out: &mut String, map: &JourneyMap) {
    let s = &map.scope;
    out.push_str("## Scope\n\n");
    field(out, "Objective", &s.objective);
    field(out, "Segment", &s.segment);
    if let Some(p) = s.primary_persona.and_then(|id| map.persona(id)) {
        field(out, "Primary persona", &p.name);
    }
    field(out, "Owner", &s.owner);
    let date = |d: &str| match d.trim() {
        "" => "not set".to_string(),
        d => escape(d),
    };
    let _ = writeln!(
        out,
        "- **Review:** {}; last review {}, next review {}",
        s.review_cadence.label().to_lowercase(),
        date(&s.last_review),
        date(&s.next_review)
    );
    field(out, "Research sources", &s.research_sources);
    out.push('\n');
}

fn personas(out: &mut String, map: &JourneyMap) {
    if map.personas.is_empty() {
        return;
    }
    out.push_str(if map.personas.len() == 1 {
        "## Persona\n\n"
    } else {
        "## Personas\n\n"
    });
    for p in &map.personas {
        let name = match heading(&p.name) {
            n if n.is_empty() => "(unnamed persona)".to_string(),
            n => n,
        };
        let primary = if map.scope.primary_persona == Some(p.id) {
            " (primary)"
        } else {
            ""
        };
        let _ = writeln!(out, "### {name}{primary}\n");
        let before = out.len();
        field(out, "Role", &p.role);
        field(out, "Firmographics", &p.firmographics);
        field(out, "Goals", &p.goals);
        field(out, "Challenges", &p.challenges);
        field(out, "Decision process", &p.decision_process);
        field(out, "Preferred channels", &p.preferred_channels);
        field(out, "Pains and frustrations", &p.frustrations);
        if out.len() > before {
            out.push('\n');
        }
    }
}

fn journey(out: &mut String, map: &JourneyMap, names: &FileNames) {
    out.push_str("## Journey\n\n");
    if map.stages.is_empty() {
        out.push_str("The map has no stages yet.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "![Emotion curve: how the customer feels at each touchpoint, stage by stage, from −2 (very negative) to +2 (very positive)]({})\n",
        names.curve
    );
    for (i, stage) in map.stages.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}. {}\n",
            i + 1,
            heading(&stage_name(Some(stage)))
        );
        let description = inline(&stage.description, 0);
        if !description.is_empty() {
            let _ = writeln!(out, "{description}\n");
        }
        let before = out.len();
        field(out, "Customer goal", &stage.customer_goal);
        field(out, "Owning team", &stage.owning_team);
        if out.len() > before {
            out.push('\n');
        }
        let touchpoints: Vec<&Card> = map
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .flat_map(|l| map.cell(stage.id, l.id))
            .collect();
        if touchpoints.is_empty() {
            out.push_str("No touchpoints in this stage yet.\n\n");
            continue;
        }
        let rows: Vec<Vec<String>> = touchpoints
            .iter()
            .map(|c| {
                vec![
                    cell(&card_text(c, "touchpoint")),
                    cell(&c.channel),
                    emotion(c.emotion),
                    if c.moment_of_truth { "Yes" } else { "" }.into(),
                ]
            })
            .collect();
        table(
            out,
            &["Touchpoint", "Channel", "Emotion", "Moment of truth"],
            &rows,
        );
        for c in touchpoints.iter().filter(|c| !c.quote.trim().is_empty()) {
            let words = text_lines(&c.quote)
                .map(escape_line_start)
                .collect::<Vec<_>>()
                .join("\\\n> ");
            let _ = writeln!(
                out,
                "> “{words}”\\\n> — {}\n",
                escape(&heading_plain(&card_text(c, "touchpoint")))
            );
        }
    }
}

/// A text on one line, unescaped.
fn heading_plain(text: &str) -> String {
    text_lines(text).collect::<Vec<_>>().join(" ")
}

fn moments(out: &mut String, map: &JourneyMap) {
    let moments: Vec<&Card> = map
        .touchpoints()
        .into_iter()
        .filter(|c| c.moment_of_truth)
        .collect();
    if moments.is_empty() {
        return;
    }
    out.push_str("## Moments of truth\n\n");
    out.push_str("The touchpoints with the highest emotional impact, in journey order.\n\n");
    for c in moments {
        let mut facts = vec![escape(&stage_name(map.stage(c.stage)))];
        if !c.channel.trim().is_empty() {
            facts.push(escape(&heading_plain(&c.channel)));
        }
        if c.emotion.is_some() {
            facts.push(format!("emotion {}", emotion(c.emotion)));
        }
        let _ = write!(
            out,
            "- **{}** ({})",
            escape(&heading_plain(&card_text(c, "touchpoint"))),
            facts.join(", ")
        );
        let words = inline(&c.quote, 2);
        if !words.is_empty() {
            let _ = write!(out, ": “{words}”");
        }
        out.push('\n');
    }
    out.push('\n');
}

fn stakeholders(out: &mut String, map: &JourneyMap, names: &FileNames) {
    out.push_str("## Stakeholders\n\n");
    if map.stakeholders.is_empty() {
        out.push_str("The map has no stakeholders yet.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "![Influence–interest matrix: each stakeholder placed by interest (across) and influence (up), in four quadrants]({})\n",
        names.matrix
    );
    out.push_str("Influence and interest are scored 0 to 10; 5 and above counts as high.\n\n");
    for q in Quadrant::ALL {
        let (infl, inter) = match q {
            Quadrant::ManageClosely => ("high", "high"),
            Quadrant::KeepSatisfied => ("high", "low"),
            Quadrant::KeepInformed => ("low", "high"),
            Quadrant::Monitor => ("low", "low"),
        };
        let _ = writeln!(
            out,
            "### {}: {infl} influence, {inter} interest\n\n{}\n",
            q.label(),
            q.engagement()
        );
        let people: Vec<Vec<String>> = map
            .stakeholders
            .iter()
            .filter(|s| s.quadrant() == q)
            .map(|s| {
                let name = match cell(&s.name) {
                    n if n.is_empty() => "(unnamed)".to_string(),
                    n => n,
                };
                vec![
                    name,
                    s.role_type.label().into(),
                    cell(&s.department),
                    s.influence.value().to_string(),
                    s.interest.value().to_string(),
                    s.stance.label().into(),
                    cell(&s.concerns),
                ]
            })
            .collect();
        if people.is_empty() {
            out.push_str("Nobody in this quadrant.\n\n");
        } else {
            table(
                out,
                &[
                    "Stakeholder",
                    "Role",
                    "Department",
                    "Influence",
                    "Interest",
                    "Stance",
                    "Concerns",
                ],
                &people,
            );
        }
    }
}

fn pains(out: &mut String, map: &JourneyMap) {
    out.push_str("## Top pain points\n\n");
    let ranking = priorities::rank(map);
    if ranking.ranked.is_empty() && ranking.unscored.is_empty() {
        out.push_str("The map has no pain points yet.\n\n");
        return;
    }
    let marked = match ranking.ranked.len().min(priorities::TOP) {
        0 => String::new(),
        1 => "The highest-impact friction point is marked **Top 1**. ".to_string(),
        n => {
            format!("The {n} highest-impact friction points are marked **Top 1** to **Top {n}**. ")
        }
    };
    let _ = writeln!(out, "{marked}{}\n", priorities::RULE);
    let rows: Vec<Vec<String>> = ranking
        .ranked
        .iter()
        .filter_map(|r| {
            let c = map.card(r.card)?;
            let s = c.scores;
            let n = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
            let rank = if r.rank <= priorities::TOP {
                format!("**Top {}**", r.rank)
            } else {
                r.rank.to_string()
            };
            Some(vec![
                rank,
                cell(&card_text(c, "pain point")),
                cell(&stage_name(map.stage(c.stage))),
                format!(
                    "{} = {} × {} × {} × {}",
                    r.impact,
                    n(s.magnitude),
                    n(s.severity),
                    n(s.frequency),
                    n(s.business_impact)
                ),
                n(s.effort),
                cell(&c.evidence),
            ])
        })
        .collect();
    if !rows.is_empty() {
        table(
            out,
            &[
                "Rank",
                "Pain point",
                "Stage",
                "Impact",
                "Effort to resolve",
                "Evidence",
            ],
            &rows,
        );
    }
    if !ranking.unscored.is_empty() {
        out.push_str("Not ranked yet (one of the four impact scores is missing):\n\n");
        for c in ranking.unscored.iter().filter_map(|id| map.card(*id)) {
            let _ = writeln!(
                out,
                "- {} ({})",
                inline(&card_text(c, "pain point"), 2),
                escape(&stage_name(map.stage(c.stage)))
            );
        }
        out.push('\n');
    }
}

fn plan(out: &mut String, map: &JourneyMap, today: Date) {
    out.push_str("## Improvement plan\n\n");
    let rows = opportunities::plan_rows(map, &PlanQuery::default(), today);
    if rows.is_empty() {
        out.push_str("The map has no opportunities yet.\n\n");
    } else {
        out.push_str("Opportunities by RICE score (reach × impact × confidence ÷ effort), unscored ones last. The KPI is measured again on the re-measure date, by default the deadline + 90 days.\n\n");
        let ranking = opportunities::rank(map);
        let table_rows: Vec<Vec<String>> = rows
            .iter()
            .filter_map(|id| map.card(*id))
            .map(|c| {
                let addresses: Vec<String> = c
                    .addresses
                    .iter()
                    .filter_map(|p| map.card(*p))
                    .map(|p| cell(&card_text(p, "pain point")))
                    .collect();
                let kpi = match (c.baseline.trim(), c.target.trim()) {
                    ("", "") => cell(&c.kpi),
                    (b, t) => format!(
                        "{}{}{} → {}",
                        cell(&c.kpi),
                        if c.kpi.trim().is_empty() { "" } else { ": " },
                        if b.is_empty() { "?".into() } else { cell(b) },
                        if t.is_empty() { "?".into() } else { cell(t) }
                    ),
                };
                let flags = opportunities::flags(c, today);
                let mut status = c.status.label().to_string();
                if flags.overdue {
                    status.push_str(", overdue");
                }
                if flags.remeasure_due {
                    status.push_str(", re-measure due");
                }
                let remeasure = match opportunities::remeasure_date(c) {
                    Some(d) if opportunities::remeasure_is_default(c) => {
                        format!("{d} (deadline + 90 days)")
                    }
                    Some(d) => d.to_string(),
                    None => String::new(),
                };
                vec![
                    ranking
                        .rank_of(c.id)
                        .map_or("–".to_string(), |r| r.to_string()),
                    cell(&card_text(c, "opportunity")),
                    cell(&stage_name(map.stage(c.stage))),
                    addresses.join("<br>"),
                    cell(&c.owner),
                    cell(&c.deadline),
                    kpi,
                    status,
                    remeasure,
                ]
            })
            .collect();
        table(
            out,
            &[
                "RICE rank",
                "Opportunity",
                "Stage",
                "Addresses",
                "Owner",
                "Deadline",
                "KPI: baseline → target",
                "Status",
                "Re-measure",
            ],
            &table_rows,
        );
    }
    let orphans = opportunities::pains_without_opportunity(map);
    if !orphans.is_empty() {
        out.push_str("Pain points no opportunity addresses yet:\n\n");
        for c in orphans.iter().filter_map(|id| map.card(*id)) {
            let _ = writeln!(out, "- {}", inline(&card_text(c, "pain point"), 2));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(
            slug("Sample map: buying finance software in 6 stages"),
            "sample-map-buying-finance-software-in-6-stages"
        );
        assert_eq!(slug("  Ünïcode — Größe / Q3!  "), "ünïcode-größe-q3");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("***"), "journey-map");
        assert_eq!(slug(&"ab ".repeat(40)).len(), 59);
        let names = file_names("A|B");
        assert_eq!(names.report, "a-b.md");
        assert_eq!(names.curve, "a-b-emotion-curve.svg");
        assert_eq!(names.matrix, "a-b-stakeholder-matrix.svg");
    }

    #[test]
    fn escapes_markup_in_running_text_and_cells() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("`code` *em* _u_ [l](x) <b> ~s~ $x$ a&b #1 \\"),
            "\\`code\\` \\*em\\* \\_u\\_ \\[l\\](x) \\<b\\> \\~s\\~ \\$x\\$ a\\&b \\#1 \\\\"
        );
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("+ item"), "\\+ item");
        assert_eq!(escape_line_start("==="), "\\===");
        assert_eq!(escape_line_start("12. item"), "12\\. item");
        assert_eq!(escape_line_start("3) item"), "3\\) item");
        assert_eq!(escape_line_start("3 items"), "3 items");
        assert_eq!(escape_line_start("> quote"), "\\> quote");
        assert_eq!(escape_line_start("# heading"), "\\# heading");
        assert_eq!(
            inline("one\n\n  - two\r\n3. three", 2),
            "one\\\n  \\- two\\\n  3\\. three"
        );
        assert_eq!(cell("a | b\nc\td"), "a \\| b<br>c d");
        assert_eq!(inline(" \n \n", 0), "");
    }

    fn today() -> Date {
        Date::parse("2027-02-15").unwrap()
    }

    /// The six-stage template with review dates, so the scope shows them.
    fn template() -> JourneyMap {
        let mut map = templates::build("six-stage-b2b").unwrap();
        map.scope.last_review = "2026-11-02".into();
        map.scope.next_review = "2027-02-02".into();
        map
    }

    #[test]
    fn the_template_report_is_pinned() {
        let map = template();
        let got = report(&map, today(), &file_names(&map.scope.title));
        let want = include_str!("../../tests/fixtures/report/six-stage-b2b.md");
        if got != want {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/six-stage-b2b.md");
            let _ = std::fs::write(path, &got);
            panic!("the report changed: compare {path} with tests/fixtures/report/six-stage-b2b.md (copy it over if the change is meant)");
        }
    }

    #[test]
    fn hostile_text_stays_text() {
        let mut map = template();
        map.scope.title = "# Q3 | `rm -rf` *now*\nsecond line".into();
        map.scope.objective = "- not a list\n# not a heading\n1. not numbered".into();
        map.stages[0].name = "Aware|ness".into();
        let tp = map.touchpoints()[0].id;
        let card = map.cards.iter_mut().find(|c| c.id == tp).unwrap();
        card.text = "Pipe | in <b>cell</b>\nand a second line".into();
        card.channel = "`Blog`".into();
        card.quote = "> not a quote\n---".into();
        map.stakeholders[0].name = "C|F|O".into();
        let md = report(&map, today(), &file_names(&map.scope.title));
        assert!(
            md.starts_with("# \\# Q3 \\| \\`rm -rf\\` \\*now\\* second line\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "- **Objective:** \\- not a list\\\n  \\# not a heading\\\n  1\\. not numbered\n"
            ),
            "{md}"
        );
        assert!(md.contains("### 1. Aware\\|ness\n"), "{md}");
        assert!(md.contains("| Pipe \\| in \\<b\\>cell\\</b\\><br>and a second line | \\`Blog\\` | +1 positive |   |\n"), "{md}");
        assert!(md.contains("> “\\> not a quote\\\n> \\---”\\\n> — Pipe \\| in \\<b\\>cell\\</b\\> and a second line\n"), "{md}");
        assert!(md.contains("| C\\|F\\|O | Decision-maker |"), "{md}");
        // Every table row has as many unescaped pipes as its header.
        for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
            let pipes = |l: &str| {
                let b = l.as_bytes();
                (0..b.len())
                    .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
                    .count()
            };
            let mut lines = block.lines();
            let head = pipes(lines.next().unwrap());
            assert!(lines.all(|l| pipes(l) == head), "{block}");
        }
    }

    #[test]
    fn an_empty_map_says_what_is_missing() {
        let map = JourneyMap::blank("");
        let md = report(&map, today(), &file_names(""));
        assert_eq!(
            md,
            "# Untitled journey map\n\nJourney map report made with Trailmap on 2027-02-15.\n\n## Scope\n\n- **Review:** quarterly; last review not set, next review not set\n\n## Journey\n\nThe map has no stages yet.\n\n## Stakeholders\n\nThe map has no stakeholders yet.\n\n## Top pain points\n\nThe map has no pain points yet.\n\n## Improvement plan\n\nThe map has no opportunities yet.\n"
        );
    }
}
