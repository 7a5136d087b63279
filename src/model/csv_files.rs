//! Spreadsheet files: touchpoints, pain points, opportunities and stakeholders as CSV
//! (RFC 4180 by the `csv` crate: quotes, commas and line breaks inside fields; CRLF
//! between records; UTF-8 with a byte order mark so that spreadsheet programs read the
//! accents right), and touchpoints and stakeholders read back into a map.
//!
//! Import adds rows to the open map as one [`Edit`] (one undo step) and never changes
//! what is there: columns are found by their header (any order, any case; unknown columns
//! are ignored and listed), stages and stakeholders are matched by name (case-insensitive)
//! and made when missing, and every row that cannot be read is listed with its line and
//! reason and left out, while the others can still be added.

use super::edit::Edit;
use super::ids::Id;
use super::map::{Card, JourneyMap, LaneKind, RoleType, Stage, Stakeholder, Stance};
use super::scales::{Emotion, Level};
use std::collections::HashMap;

/// The byte order mark written first: spreadsheet programs then read the file as UTF-8.
const BOM: &str = "\u{feff}";

/// One of the four files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// Touchpoints with stage, channel, stakeholders, emotion, quote, moment of truth.
    Touchpoints,
    /// Pain points with evidence and their five scores.
    PainPoints,
    /// Opportunities (the plan) with owner, deadline and KPI.
    Opportunities,
    /// The stakeholder register.
    Stakeholders,
}

impl Table {
    /// All four, in the order the panel offers them.
    pub const ALL: [Table; 4] = [
        Table::Touchpoints,
        Table::PainPoints,
        Table::Opportunities,
        Table::Stakeholders,
    ];

    /// Plain-English name ("pain points"), also the file name's suffix.
    pub fn label(self) -> &'static str {
        match self {
            Table::Touchpoints => "touchpoints",
            Table::PainPoints => "pain points",
            Table::Opportunities => "opportunities",
            Table::Stakeholders => "stakeholders",
        }
    }

    /// The file name for a map with this title.
    pub fn file_name(self, title: &str) -> String {
        format!(
            "{} - {}.csv",
            super::persist::files::file_stem(title),
            self.label()
        )
    }

    fn header(self) -> &'static [&'static str] {
        match self {
            Table::Touchpoints => &[
                "Stage",
                "Touchpoint",
                "Channel",
                "Stakeholders",
                "Owning team",
                "Emotion",
                "Customer's words",
                "Moment of truth",
                "To-be emotion",
                "Notes",
            ],
            Table::PainPoints => &[
                "Stage",
                "Pain point",
                "Evidence",
                "Magnitude",
                "Severity",
                "Frequency",
                "Business impact",
                "Effort",
                "Impact",
                "Stakeholders",
                "Owning team",
                "Notes",
            ],
            Table::Opportunities => &[
                "Stage",
                "Opportunity",
                "Owner",
                "Deadline",
                "KPI",
                "Stakeholders",
                "Owning team",
                "Notes",
            ],
            Table::Stakeholders => &[
                "Name",
                "Role type",
                "Department",
                "Influence",
                "Interest",
                "Quadrant",
                "Stance",
                "Priorities",
                "Concerns",
                "Influences",
            ],
        }
    }
}

/// Names joined for one cell: "CFO; IT security lead".
fn names(map: &JourneyMap, ids: &[Id]) -> String {
    ids.iter()
        .filter_map(|id| map.stakeholder(*id))
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// An emotion as a spreadsheet reads it: "-2" … "2" (ASCII minus, no plus sign).
fn emotion(e: Option<Emotion>) -> String {
    opt(e.map(|e| e.value()))
}

/// The file for one table of `map`: header and one record per item, in map order.
pub fn export(map: &JourneyMap, table: Table) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let stage_name = |c: &Card| {
        map.stage(c.stage)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let cards = |kind: LaneKind| {
        map.stages
            .iter()
            .flat_map(move |s| {
                map.lanes
                    .iter()
                    .filter(move |l| l.kind == kind)
                    .flat_map(move |l| map.cell(s.id, l.id))
            })
            .collect::<Vec<&Card>>()
    };
    match table {
        Table::Touchpoints => {
            for c in cards(LaneKind::Touchpoints) {
                rows.push(vec![
                    stage_name(c),
                    c.text.clone(),
                    c.channel.clone(),
                    names(map, &c.stakeholders),
                    c.owning_team.clone(),
                    emotion(c.emotion),
                    c.quote.clone(),
                    if c.moment_of_truth { "yes" } else { "" }.into(),
                    emotion(c.to_be),
                    c.notes.clone(),
                ]);
            }
        }
        Table::PainPoints => {
            for c in cards(LaneKind::PainPoints) {
                let s = c.scores;
                rows.push(vec![
                    stage_name(c),
                    c.text.clone(),
                    c.evidence.clone(),
                    opt(s.magnitude),
                    opt(s.severity),
                    opt(s.frequency),
                    opt(s.business_impact),
                    opt(s.effort),
                    opt(s.impact()),
                    names(map, &c.stakeholders),
                    c.owning_team.clone(),
                    c.notes.clone(),
                ]);
            }
        }
        Table::Opportunities => {
            for c in cards(LaneKind::Opportunities) {
                rows.push(vec![
                    stage_name(c),
                    c.text.clone(),
                    c.owner.clone(),
                    c.deadline.clone(),
                    c.kpi.clone(),
                    names(map, &c.stakeholders),
                    c.owning_team.clone(),
                    c.notes.clone(),
                ]);
            }
        }
        Table::Stakeholders => {
            for s in &map.stakeholders {
                rows.push(vec![
                    s.name.clone(),
                    s.role_type.label().into(),
                    s.department.clone(),
                    s.influence.to_string(),
                    s.interest.to_string(),
                    s.quadrant().label().into(),
                    s.stance.label().into(),
                    s.priorities.clone(),
                    s.concerns.clone(),
                    names(map, &s.influences),
                ]);
            }
        }
    }
    // Writing to a Vec cannot fail.
    let _ = w.write_record(table.header());
    for row in rows {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// A row of an imported file that was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Its line in the file (from 1; the header is line 1).
    pub line: u64,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Line {}: {}", self.line, self.reason)
    }
}

/// What an imported file would add to the map, before the user confirms.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Which table the file holds (touchpoints or stakeholders).
    pub table: Table,
    /// One line per row to add ("Awareness · Webinar · emotion +1").
    pub rows: Vec<String>,
    /// Stages and stakeholders that do not exist yet and will be made, by name.
    pub new_stages: Vec<String>,
    /// See [`Preview::new_stages`].
    pub new_stakeholders: Vec<String>,
    /// Columns of the file that Trailmap does not read.
    pub ignored_columns: Vec<String>,
    /// Rows left out, with line and reason.
    pub errors: Vec<RowError>,
    /// The edit that adds the rows (one undo step); `None` when no row can be added.
    pub edit: Option<Edit>,
}

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Reads an emotion written as -2…2 (also "+1", "−1" with a Unicode minus); empty is none.
fn parse_emotion(v: &str, what: &str) -> Result<Option<Emotion>, String> {
    let t = v.trim().replace('−', "-");
    if t.is_empty() {
        return Ok(None);
    }
    let n: i64 = t.strip_prefix('+').unwrap_or(&t).parse().map_err(|_| {
        format!(
            "the {what} “{}” is not a whole number from -2 to 2",
            v.trim()
        )
    })?;
    Emotion::new(n)
        .map(Some)
        .ok_or_else(|| format!("the {what} {n} is outside -2 to 2"))
}

/// The line (from 1) of the record starting at byte `at` of `text`. The csv crate's own
/// line count, and its byte position, stop short of the `\n` of a CRLF line end (which
/// RFC 4180 files use), so line ends at `at` are skipped first.
fn line_at(text: &str, at: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = (at as usize).min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

fn parse_level(v: &str, what: &str) -> Result<Level, String> {
    let t = v.trim();
    if t.is_empty() {
        return Ok(Level::default());
    }
    let n: i64 = t
        .parse()
        .map_err(|_| format!("the {what} “{t}” is not a whole number from 0 to 10"))?;
    Level::new(n).ok_or_else(|| format!("the {what} {n} is outside 0 to 10"))
}

fn parse_bool(v: &str) -> Result<bool, String> {
    match key(v).as_str() {
        "" | "no" | "false" | "0" | "n" => Ok(false),
        "yes" | "true" | "1" | "y" | "x" => Ok(true),
        _ => Err(format!(
            "the moment of truth “{}” is not yes or no",
            v.trim()
        )),
    }
}

/// Reads a CSV file of touchpoints or stakeholders (which one, from its header: a
/// "Touchpoint" column, or a "Name" column) and prepares the edit that adds its rows to
/// `map`, taking fresh ids from `new_id`.
pub fn import(
    map: &JourneyMap,
    text: &str,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Preview, FileError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError(
            "The file is empty. Choose a .csv file of touchpoints or stakeholders (one exported from Trailmap shows the columns).".into(),
        ));
    }
    // Spreadsheets in some countries separate with semicolons: take whichever the header uses.
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            FileError(format!(
                "The file's first line cannot be read as CSV ({e})."
            ))
        })?
        .iter()
        .map(key)
        .collect();
    let col = |name: &str| header.iter().position(|h| *h == key(name));
    let table = if col("Touchpoint").is_some() {
        Table::Touchpoints
    } else if col("Name").is_some() {
        Table::Stakeholders
    } else {
        return Err(FileError(format!(
            "The file's first line has no “Touchpoint” or “Name” column, so it is neither touchpoints nor stakeholders (it has: {}). Export a file from Trailmap to see the columns.",
            header.join(", ")
        )));
    };
    let known = table.header();
    let ignored_columns = header
        .iter()
        .filter(|h| !h.is_empty() && !known.iter().any(|k| key(k) == **h))
        .cloned()
        .collect();
    let mut preview = Preview {
        table,
        rows: Vec::new(),
        new_stages: Vec::new(),
        new_stakeholders: Vec::new(),
        ignored_columns,
        errors: Vec::new(),
        edit: None,
    };
    let mut stages: HashMap<String, Id> = map.stages.iter().map(|s| (key(&s.name), s.id)).collect();
    let mut people: HashMap<String, Id> = map
        .stakeholders
        .iter()
        .map(|s| (key(&s.name), s.id))
        .collect();
    let mut edits = Vec::new();
    let mut stakeholders_at = map.stakeholders.len();
    let mut stages_at = map.stages.len();
    let mut cards_at = map.cards.len();
    let lane = map.lane_of_kind(LaneKind::Touchpoints);
    if table == Table::Touchpoints && lane.is_none() {
        return Err(FileError(
            "This map has no touchpoint lane to add the touchpoints to. Add one, then import again.".into(),
        ));
    }
    let mut pending_influences: Vec<(Id, u64, String)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                preview.errors.push(RowError {
                    line,
                    reason: format!("the row cannot be read as CSV ({e})"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(text, p.byte()));
        let get = |name: &str| {
            col(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut fail = |reason: String| preview.errors.push(RowError { line, reason });
        match table {
            Table::Touchpoints => {
                let text = get("Touchpoint");
                if text.is_empty() {
                    fail("the touchpoint has no text (the “Touchpoint” column is empty)".into());
                    continue;
                }
                let stage_name = get("Stage");
                if stage_name.is_empty() {
                    fail(format!(
                        "“{text}” has no stage (the “Stage” column is empty)"
                    ));
                    continue;
                }
                let (emo, to_be, mot) = match (
                    parse_emotion(get("Emotion"), "emotion"),
                    parse_emotion(get("To-be emotion"), "to-be emotion"),
                    parse_bool(get("Moment of truth")),
                ) {
                    (Ok(a), Ok(b), Ok(c)) => (a, b, c),
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                        fail(format!("{e} (“{text}”)"));
                        continue;
                    }
                };
                let stage = match stages.get(&key(stage_name)) {
                    Some(id) => *id,
                    None => {
                        let id = new_id();
                        edits.push(Edit::InsertStage(
                            stages_at,
                            Stage {
                                id,
                                name: stage_name.to_string(),
                                ..Stage::default()
                            },
                        ));
                        stages_at += 1;
                        stages.insert(key(stage_name), id);
                        preview.new_stages.push(stage_name.to_string());
                        id
                    }
                };
                let mut who = Vec::new();
                for name in get("Stakeholders")
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    let id = match people.get(&key(name)) {
                        Some(id) => *id,
                        None => {
                            let id = new_id();
                            edits.push(Edit::InsertStakeholder(
                                stakeholders_at,
                                Stakeholder {
                                    id,
                                    name: name.to_string(),
                                    ..Stakeholder::default()
                                },
                            ));
                            stakeholders_at += 1;
                            people.insert(key(name), id);
                            preview.new_stakeholders.push(name.to_string());
                            id
                        }
                    };
                    if !who.contains(&id) {
                        who.push(id);
                    }
                }
                let id = new_id();
                preview.rows.push(format!(
                    "{stage_name} · {text}{}",
                    emo.map(|e| format!(" · emotion {e}")).unwrap_or_default()
                ));
                edits.push(Edit::InsertCard(
                    cards_at,
                    Card {
                        id,
                        stage,
                        lane: lane.unwrap_or_default(),
                        text: text.to_string(),
                        channel: get("Channel").to_string(),
                        stakeholders: who,
                        owning_team: get("Owning team").to_string(),
                        emotion: emo,
                        quote: get("Customer's words").to_string(),
                        moment_of_truth: mot,
                        to_be,
                        notes: get("Notes").to_string(),
                        ..Card::default()
                    },
                ));
                cards_at += 1;
            }
            Table::Stakeholders => {
                let name = get("Name");
                if name.is_empty() {
                    fail("the stakeholder has no name (the “Name” column is empty)".into());
                    continue;
                }
                if people.contains_key(&key(name)) {
                    fail(format!(
                        "“{name}” is already in the register (or earlier in this file); an import only adds new stakeholders"
                    ));
                    continue;
                }
                let role = get("Role type");
                let role_type = if role.is_empty() {
                    Some(RoleType::default())
                } else {
                    RoleType::ALL
                        .into_iter()
                        .find(|r| key(r.label()) == key(role) || r.key() == key(role))
                };
                let Some(role_type) = role_type else {
                    fail(format!(
                        "the role type “{role}” of “{name}” is not one of: {}",
                        RoleType::ALL.map(|r| r.label()).join(", ")
                    ));
                    continue;
                };
                let stance_text = get("Stance");
                let stance = if stance_text.is_empty() {
                    Some(Stance::default())
                } else {
                    Stance::ALL
                        .into_iter()
                        .find(|s| key(s.label()) == key(stance_text))
                };
                let Some(stance) = stance else {
                    fail(format!(
                        "the stance “{stance_text}” of “{name}” is not supporter, neutral or blocker"
                    ));
                    continue;
                };
                let (influence, interest) = match (
                    parse_level(get("Influence"), "influence"),
                    parse_level(get("Interest"), "interest"),
                ) {
                    (Ok(a), Ok(b)) => (a, b),
                    (Err(e), _) | (_, Err(e)) => {
                        fail(format!("{e} (“{name}”)"));
                        continue;
                    }
                };
                let id = new_id();
                people.insert(key(name), id);
                pending_influences.push((id, line, get("Influences").to_string()));
                preview.rows.push(format!(
                    "{name} · {} · influence {influence}, interest {interest}",
                    role_type.label()
                ));
                edits.push(Edit::InsertStakeholder(
                    stakeholders_at,
                    Stakeholder {
                        id,
                        name: name.to_string(),
                        role_type,
                        department: get("Department").to_string(),
                        influence,
                        interest,
                        stance,
                        priorities: get("Priorities").to_string(),
                        concerns: get("Concerns").to_string(),
                        influences: Vec::new(),
                    },
                ));
                stakeholders_at += 1;
            }
            _ => {}
        }
    }
    // Whom each new stakeholder influences: anyone in the register or in the file.
    for (id, line, text) in pending_influences {
        let mut targets = Vec::new();
        for name in text.split(';').map(str::trim).filter(|n| !n.is_empty()) {
            match people.get(&key(name)) {
                Some(t) if *t != id => targets.push(*t),
                Some(_) => {}
                None => preview.errors.push(RowError {
                    line,
                    reason: format!(
                        "“{name}” in Influences is neither in the register nor in the file: that link is left out (the stakeholder is added)"
                    ),
                }),
            }
        }
        if let Some(Edit::InsertStakeholder(_, s)) = edits
            .iter_mut()
            .find(|e| matches!(e, Edit::InsertStakeholder(_, s) if s.id == id))
        {
            s.influences = targets;
        }
    }
    preview.errors.sort_by_key(|e| e.line);
    if !preview.rows.is_empty() {
        preview.edit = Some(Edit::Batch(edits));
    }
    Ok(preview)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates;
    use crate::model::validate::is_valid;

    fn ids(map: &JourneyMap) -> impl FnMut() -> Id {
        let mut scratch = map.clone();
        move || scratch.new_id()
    }

    fn apply(map: &JourneyMap, text: &str) -> (JourneyMap, Preview) {
        let mut out = map.clone();
        let preview = import(map, text, &mut || out.new_id()).unwrap_or_else(|e| panic!("{e}"));
        if let Some(edit) = preview.edit.clone() {
            edit.apply(&mut out).expect("the edit applies");
        }
        (out, preview)
    }

    #[test]
    fn files_start_with_a_bom_and_quote_commas_quotes_and_line_breaks() {
        let mut map = templates::sample_map();
        let tp = map.touchpoints()[0].id;
        let card = map.cards.iter_mut().find(|c| c.id == tp).unwrap();
        card.quote = "He said \"fine, later\"\nthen left".into();
        let text = export(&map, Table::Touchpoints);
        assert!(text.starts_with("\u{feff}Stage,Touchpoint,Channel,"));
        assert!(
            text.contains("\"He said \"\"fine, later\"\"\nthen left\""),
            "{text}"
        );
        assert!(text.contains("\r\n"));
        let records = text.matches("\r\n").count();
        assert_eq!(records, 1 + map.touchpoints().len());
        for table in Table::ALL {
            let t = export(&map, table);
            assert!(t.starts_with(BOM));
            assert!(t.lines().count() > 2, "{table:?}");
        }
        assert_eq!(
            Table::PainPoints.file_name("Q3: map"),
            "Q3 map - pain points.csv"
        );
    }

    #[test]
    fn touchpoints_and_stakeholders_read_back_into_an_empty_map() {
        let source = templates::sample_map();
        let blank = JourneyMap::blank("Copy");
        let (with_people, p) = apply(&blank, &export(&source, Table::Stakeholders));
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(with_people.stakeholders.len(), source.stakeholders.len());
        for (a, b) in with_people.stakeholders.iter().zip(&source.stakeholders) {
            assert_eq!(
                (
                    &a.name,
                    a.role_type,
                    a.influence,
                    a.interest,
                    a.stance,
                    &a.concerns
                ),
                (
                    &b.name,
                    b.role_type,
                    b.influence,
                    b.interest,
                    b.stance,
                    &b.concerns
                )
            );
            assert_eq!(a.influences.len(), b.influences.len());
        }
        let (full, p) = apply(&with_people, &export(&source, Table::Touchpoints));
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(p.new_stakeholders.is_empty());
        assert_eq!(p.new_stages.len(), source.stages.len());
        assert!(is_valid(&full));
        let got: Vec<_> = full
            .touchpoints()
            .iter()
            .map(|c| {
                (
                    c.text.clone(),
                    c.emotion,
                    c.quote.clone(),
                    c.moment_of_truth,
                    names(&full, &c.stakeholders),
                )
            })
            .collect();
        let want: Vec<_> = source
            .touchpoints()
            .iter()
            .map(|c| {
                (
                    c.text.clone(),
                    c.emotion,
                    c.quote.clone(),
                    c.moment_of_truth,
                    names(&source, &c.stakeholders),
                )
            })
            .collect();
        assert_eq!(got, want);
        // One undo step takes it all back.
        let mut undo_map = with_people.clone();
        let inverse = p.edit.unwrap().apply(&mut undo_map).unwrap();
        inverse.apply(&mut undo_map).unwrap();
        assert_eq!(undo_map, with_people);
    }

    #[test]
    fn bad_rows_are_listed_with_their_line_and_the_others_still_come_in() {
        let map = templates::sample_map();
        let text = "Touchpoint,Stage,Emotion,Moment of truth,Colour\r\n\
                    Webinar,Awareness,1,,red\r\n\
                    ,Awareness,1,,\r\n\
                    Call,,0,,\r\n\
                    Demo,Decision,5,,\r\n\
                    Chat,Decision,-1,maybe,\r\n\
                    \"Two\nlines\",New stage,−2,yes,\r\n";
        let (out, p) = apply(&map, text);
        assert_eq!(p.rows.len(), 2, "{:?}", p.rows);
        assert_eq!(p.new_stages, ["New stage"]);
        assert_eq!(p.ignored_columns, ["colour"]);
        let errors: Vec<(u64, &str)> = p
            .errors
            .iter()
            .map(|e| (e.line, e.reason.as_str()))
            .collect();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert_eq!(errors[0].0, 3);
        assert!(errors[0].1.contains("no text"));
        assert_eq!(errors[1].0, 4);
        assert!(errors[1].1.contains("no stage"));
        assert_eq!(errors[2].0, 5);
        assert!(errors[2].1.contains("the emotion 5 is outside -2 to 2"));
        assert_eq!(errors[3].0, 6);
        assert!(errors[3].1.contains("“maybe” is not yes or no"));
        assert_eq!(
            p.errors[0].to_string(),
            "Line 3: the touchpoint has no text (the “Touchpoint” column is empty)"
        );
        assert!(is_valid(&out));
        let added = out
            .touchpoints()
            .into_iter()
            .find(|c| c.text == "Two\nlines")
            .unwrap();
        assert_eq!(added.emotion, Emotion::new(-2));
        assert!(added.moment_of_truth);
    }

    #[test]
    fn stakeholder_rows_check_names_roles_levels_and_links() {
        let map = templates::sample_map();
        let existing = map.stakeholders[0].name.clone();
        let text = format!(
            "Name,Role type,Influence,Interest,Stance,Influences\n\
             \"{existing}\",Champion,5,5,,\n\
             New CTO,decision-maker,9,4,Blocker,\"{existing}; Nobody\"\n\
             Analyst,Guru,1,1,,\n\
             Peer,Influencer,11,1,,\n\
             Board,Decision-maker,8,2,hostile,\n"
        );
        let (out, p) = apply(&map, &text);
        assert_eq!(p.rows.len(), 1, "{:?}", p.errors);
        let cto = out
            .stakeholders
            .iter()
            .find(|s| s.name == "New CTO")
            .unwrap();
        assert_eq!(cto.role_type, RoleType::DecisionMaker);
        assert_eq!(cto.stance, Stance::Blocker);
        assert_eq!(cto.influences, vec![map.stakeholders[0].id]);
        let reasons: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
        assert!(reasons[0].starts_with("Line 2: "), "{reasons:?}");
        assert!(reasons[0].contains("already in the register"));
        assert!(reasons[1].starts_with("Line 3: “Nobody” in Influences"));
        assert!(reasons[2].contains("role type “Guru”"));
        assert!(reasons[3].contains("influence 11 is outside 0 to 10"));
        assert!(reasons[4].contains("stance “hostile”"));
        assert!(is_valid(&out));
    }

    #[test]
    fn files_that_are_not_tables_of_touchpoints_or_stakeholders_are_refused() {
        let map = JourneyMap::blank("x");
        let mut next = ids(&map);
        for text in ["", "\u{feff}  \n", "Stage,Pain point\nA,B\n"] {
            assert!(import(&map, text, &mut next).is_err(), "{text:?}");
        }
        let pains = export(&templates::sample_map(), Table::PainPoints);
        let e = import(&map, &pains, &mut next).unwrap_err();
        assert!(e.0.contains("neither touchpoints nor stakeholders"), "{e}");
        let only_bad = import(&map, "Name\n\n", &mut next).unwrap();
        assert!(only_bad.edit.is_none());
        // Semicolons, as spreadsheets write CSV in some countries.
        let semi = import(&map, "Name;Role type\nAna;Champion\n", &mut next).unwrap();
        assert_eq!(semi.rows, ["Ana · Champion · influence 0, interest 0"]);
    }

    // The fuzzing helpers are native-only (they are not built for wasm).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn two_thousand_mangled_files_never_panic_and_each_row_left_out_names_its_line() {
        let tally = crate::model::fuzzing::run_csv(11, 2_000);
        assert_eq!(tally.maps + tally.errors, 2_000);
        assert!(tally.maps > 500, "{tally:?}");
    }
}
