//! The versioned envelope a map is stored and exported in, and the migrations that bring
//! any older schema version up to the current one.

use crate::model::map::JourneyMap;
use crate::model::restore::{restore_map, RestoreReport};
use serde::Serialize;
use serde_json::Value;

/// The schema version this build writes. Bump it, and add a migration, whenever the
/// stored shape of a map changes: a build that reads up to an older version opens a newer
/// file read-only instead of saving it back without the fields it does not know.
///
/// - 1: the first schema.
/// - 2: opportunity cards gain RICE inputs (`reach`, `reach_period`, `rice_impact`,
///   `rice_confidence`, `effort_months`), links to the pain points they address
///   (`addresses`), a plan `status` and a `remeasure` date. All are optional and left out
///   when empty, so a map that does not use them is written exactly as in version 1.
/// - 3: stages gain the handoff into them (`handoff_gap`, `handoff_owner`,
///   `handoff_breaks`), optional and left out when empty.
/// - 4: opportunity cards gain a value–effort score (`value_score`, `effort_score`, each
///   1..10), a Kano category picked directly (`kano`) and Kano questionnaire answer counts
///   (`kano_answers`, a 5 × 5 table); the scope gains `prioritise_by` (which
///   prioritisation the Plan shows first). All optional and left out when empty, so a map
///   that does not use them is written exactly as in version 3.
/// - 5: KPI cards gain a `metric` (kind, unit, baseline/target/current as numbers, the
///   direction that counts as better, source, calculator inputs) and the map a list of
///   `reviews` (dated snapshots of metric values, touchpoint emotions and plan status).
///   Schema 4's free-text KPI values move into the metric where they are plain values;
///   those that are not are kept in the card's notes. A map without metrics or reviews is
///   written exactly as in version 4.
pub const SCHEMA_VERSION: u32 = 5;

/// The app version written into envelopes (for support: which build saved this).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `type` of a stored or exported single map.
pub const MAP_TYPE: &str = "trailmap/map";

/// A migration turns the `map` object of schema version N into that of version N + 1.
type Migration = fn(Value) -> Value;

/// Migrations by starting version: `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
/// It only ever grows.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Version 4 → 5: KPI cards' free-text `baseline`, `target` and `current` become a
/// `metric` with numbers where the text is a plain value ("42 %", "$12,500", "+38",
/// "14 days"); text that is not ("< 60 min", "about 30") is appended to the card's notes
/// as written, so no text is lost. Keys named `metric` on cards or `reviews` on the map,
/// which no version-4 build wrote, are dropped so they do not suddenly take a meaning.
/// Opportunities keep their KPI texts (an opportunity's KPI names a metric).
fn v4_to_v5(mut map: Value) -> Value {
    if let Some(object) = map.as_object_mut() {
        object.remove("reviews");
    }
    let kpi_lanes: Vec<Value> = map
        .get("lanes")
        .and_then(Value::as_array)
        .map(|lanes| {
            lanes
                .iter()
                .filter(|l| l.get("kind").and_then(Value::as_str) == Some("kpis"))
                .filter_map(|l| l.get("id").cloned())
                .collect()
        })
        .unwrap_or_default();
    let Some(cards) = map.get_mut("cards").and_then(Value::as_array_mut) else {
        return map;
    };
    for card in cards.iter_mut().filter_map(Value::as_object_mut) {
        card.remove("metric");
        if !card.get("lane").is_some_and(|l| kpi_lanes.contains(l)) {
            continue;
        }
        let text = |key: &str| {
            card.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let (baseline, target, current) = (text("baseline"), text("target"), text("current"));
        if [&baseline, &target, &current]
            .iter()
            .all(|t| t.trim().is_empty())
        {
            continue;
        }
        let (metric, notes) =
            crate::model::metrics::from_kpi_texts(&text("text"), &baseline, &target, &current);
        let notes = crate::model::metrics::append_notes(&text("notes"), &notes);
        for key in ["baseline", "target", "current"] {
            card.remove(key);
        }
        if !notes.is_empty() {
            card.insert("notes".into(), Value::String(notes));
        }
        if let Ok(m) = serde_json::to_value(&metric) {
            card.insert("metric".into(), m);
        }
    }
    map
}

/// Version 1 → 2: version 2 only adds optional opportunity fields, whose absence means
/// what a version-1 map meant (no RICE inputs, no links, status "idea", re-measure at the
/// deadline + 90 days). A version-1 map may still hold keys with these names that no
/// version-1 build wrote (hand-edited files): they are dropped, so that they do not
/// suddenly take a meaning.
fn v1_to_v2(map: Value) -> Value {
    const NEW: [&str; 8] = [
        "reach",
        "reach_period",
        "rice_impact",
        "rice_confidence",
        "effort_months",
        "addresses",
        "status",
        "remeasure",
    ];
    drop_keys(map, "cards", &NEW)
}

/// Version 2 → 3: version 3 only adds optional handoff fields to stages, whose absence
/// means what a version-2 map meant (no handoff described). Keys with these names in a
/// version-2 file were written by no build: they are dropped.
fn v2_to_v3(map: Value) -> Value {
    drop_keys(
        map,
        "stages",
        &["handoff_gap", "handoff_owner", "handoff_breaks"],
    )
}

/// Version 3 → 4: version 4 only adds optional fields whose absence means what a
/// version-3 map meant (no value–effort scores, no Kano category or answers, RICE shown
/// first). Keys with these names in a version-3 map were written by no version-3 build
/// (hand-edited files) and are dropped, as in [`v1_to_v2`].
fn v3_to_v4(map: Value) -> Value {
    let mut map = drop_keys(
        map,
        "cards",
        &["value_score", "effort_score", "kano", "kano_answers"],
    );
    if let Some(scope) = map.get_mut("scope").and_then(Value::as_object_mut) {
        scope.remove("prioritise_by");
    }
    map
}

/// Removes `keys` from every object in the array `map[list]`.
fn drop_keys(mut map: Value, list: &str, keys: &[&str]) -> Value {
    if let Some(items) = map.get_mut(list).and_then(Value::as_array_mut) {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            for key in keys {
                item.remove(*key);
            }
        }
    }
    map
}

/// Brings a `map` object from schema `version` to [`SCHEMA_VERSION`].
/// Errors for versions this build does not know (0, or newer than this build).
pub fn migrate(map: Value, version: u32) -> Result<Value, String> {
    if version == 0 {
        return Err("the schema version 0 does not exist".into());
    }
    if version > SCHEMA_VERSION {
        return Err(format!("it was saved by a newer Trailmap (schema {version}; this one reads up to {SCHEMA_VERSION})"));
    }
    let steps = &MIGRATIONS[(version - 1) as usize..];
    Ok(steps.iter().fold(map, |value, step| step(value)))
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u32,
    app: &'static str,
    #[serde(rename = "savedAt")]
    saved_at: f64,
    revision: u64,
    map: &'a JourneyMap,
}

/// Serializes `map` in an envelope.
pub fn write_envelope(map: &JourneyMap, saved_at: f64, revision: u64) -> String {
    let envelope = EnvelopeOut {
        kind: MAP_TYPE,
        version: SCHEMA_VERSION,
        app: APP_VERSION,
        saved_at,
        revision,
        map,
    };
    // Serializing plain data into a string cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The header fields of an envelope, read without restoring the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Header {
    /// Schema version.
    pub version: u32,
    /// Save counter; higher is newer.
    pub revision: u64,
    /// When it was saved, ms since the epoch.
    pub saved_at: f64,
}

/// A map read from an envelope.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The map (repaired where needed).
    pub map: JourneyMap,
    /// What was repaired or dropped.
    pub report: RestoreReport,
    /// The envelope's header.
    pub header: Header,
    /// Set when the envelope comes from a newer schema: the map is what this build could
    /// read, and must be treated as read-only.
    pub newer: bool,
}

/// Why an envelope could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// The text is not JSON.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// JSON, but not a Trailmap map envelope; says what was found.
    NotAnEnvelope(String),
    /// The envelope holds no readable map.
    NoMap(String),
}

impl std::fmt::Display for EnvelopeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnvelopeError::NotJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "it is not valid JSON (line {line}, column {column}: {message})"
                )
            }
            EnvelopeError::NotAnEnvelope(found) => write!(f, "it is not a Trailmap map ({found})"),
            EnvelopeError::NoMap(why) => write!(f, "it holds no readable map ({why})"),
        }
    }
}

/// Parses JSON text, with the position of a syntax error.
pub fn parse_json(text: &str) -> Result<Value, EnvelopeError> {
    serde_json::from_str(text).map_err(|e| EnvelopeError::NotJson {
        line: e.line(),
        column: e.column(),
        message: short_serde_message(&e),
    })
}

fn short_serde_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// A short description of a JSON value's kind, for messages.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => "a true/false value".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a text string".into(),
        Value::Array(a) => format!("a list of {} items", a.len()),
        Value::Object(o) => match o.get("type").and_then(Value::as_str) {
            Some(t) => format!(
                "an object of type “{}”",
                t.chars().take(40).collect::<String>()
            ),
            None => "an object without a Trailmap type".into(),
        },
    }
}

/// Reads the header of an envelope value.
pub fn header_of(value: &Value) -> Option<Header> {
    if value.get("type").and_then(Value::as_str) != Some(MAP_TYPE) {
        return None;
    }
    Some(Header {
        version: value
            .get("version")
            .and_then(Value::as_u64)
            .map_or(0, |v| v.min(u64::from(u32::MAX)) as u32),
        revision: value.get("revision").and_then(Value::as_u64).unwrap_or(0),
        saved_at: value
            .get("savedAt")
            .and_then(Value::as_f64)
            .filter(|t| t.is_finite())
            .unwrap_or(0.0),
    })
}

/// Reads the header of envelope text without parsing the map: the writer puts the header
/// first, so only the text before `"map"` is parsed (falls back to a full parse for
/// envelopes written by hand in another order). A 1 MB map costs microseconds, not
/// milliseconds, which matters because every save checks the stored revision.
pub fn peek_header(raw: &str) -> Option<Header> {
    if let Some(i) = raw.find(",\"map\":") {
        let head = format!("{}}}", &raw[..i]);
        if let Some(h) = serde_json::from_str::<Value>(&head)
            .ok()
            .as_ref()
            .and_then(header_of)
        {
            return Some(h);
        }
    }
    parse_json(raw).ok().as_ref().and_then(header_of)
}

/// Opens an envelope value: checks the type, migrates older versions, restores the map
/// tolerantly. A newer version is read as well as possible and flagged.
pub fn open_envelope(value: &Value) -> Result<Opened, EnvelopeError> {
    let header = header_of(value).ok_or_else(|| EnvelopeError::NotAnEnvelope(describe(value)))?;
    let map_value = value
        .get("map")
        .cloned()
        .ok_or_else(|| EnvelopeError::NoMap("the “map” field is missing".into()))?;
    let newer = header.version > SCHEMA_VERSION;
    let migrated = if newer {
        // Unknown future shape: read what matches today's fields, never write it back.
        map_value
    } else {
        migrate(map_value, header.version.max(1)).map_err(EnvelopeError::NoMap)?
    };
    let (map, report) = restore_map(&migrated).map_err(EnvelopeError::NoMap)?;
    Ok(Opened {
        map,
        report,
        header,
        newer,
    })
}

/// Opens envelope text.
pub fn open_envelope_text(text: &str) -> Result<Opened, EnvelopeError> {
    open_envelope(&parse_json(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip() {
        let map = JourneyMap::blank("Round trip");
        let text = write_envelope(&map, 1234.0, 7);
        let opened = open_envelope_text(&text).unwrap();
        assert_eq!(opened.map, map);
        assert_eq!(
            opened.header,
            Header {
                version: SCHEMA_VERSION,
                revision: 7,
                saved_at: 1234.0
            }
        );
        assert!(!opened.newer);
        assert!(opened.report.is_clean());
    }

    #[test]
    fn headers_are_peeked_without_reading_the_map() {
        let text = write_envelope(&JourneyMap::blank("Peek"), 42.0, 9);
        assert_eq!(
            peek_header(&text),
            Some(Header {
                version: SCHEMA_VERSION,
                revision: 9,
                saved_at: 42.0
            })
        );
        // Another field order still works (full parse).
        let reordered = r#"{"map":{"scope":{"title":"x"}},"revision":3,"type":"trailmap/map","version":1,"savedAt":5}"#;
        assert_eq!(peek_header(reordered).map(|h| h.revision), Some(3));
        // A "map" key inside the map does not fool it.
        let tricky = r#"{"type":"trailmap/map","version":1,"revision":2,"savedAt":1,"map":{"scope":{"title":",\"map\":"}}}"#;
        assert_eq!(peek_header(tricky).map(|h| h.revision), Some(2));
        assert_eq!(peek_header("garbage"), None);
    }

    #[test]
    fn newer_versions_are_read_and_flagged() {
        let text = format!(
            r#"{{"type":"trailmap/map","version":{},"revision":3,"map":{{"scope":{{"title":"From the future"}},"hologram":true}}}}"#,
            SCHEMA_VERSION + 1
        );
        let opened = open_envelope_text(&text).unwrap();
        assert!(opened.newer);
        assert_eq!(opened.map.scope.title, "From the future");
    }

    #[test]
    fn bad_input_says_what_is_wrong_and_where() {
        let err = open_envelope_text("{\n  \"type\": \"trailmap/map\",\n  oops\n}").unwrap_err();
        assert!(
            matches!(err, EnvelopeError::NotJson { line: 3, .. }),
            "{err:?}"
        );
        let err = open_envelope_text(r#"{"type":"excalidraw"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is not a Trailmap map (an object of type “excalidraw”)"
        );
        let err = open_envelope_text(r#"{"type":"trailmap/map","version":1}"#).unwrap_err();
        assert!(err.to_string().contains("“map” field is missing"));
        assert!(migrate(Value::Null, 0).is_err());
    }

    #[test]
    fn version_one_maps_migrate_without_taking_on_new_meaning() {
        let v1 =
            serde_json::json!({"cards": [{"id": 3, "text": "x", "status": "done", "reach": 5}, 7]});
        let v2 = migrate(v1, 1).unwrap();
        assert_eq!(
            v2,
            serde_json::json!({"cards": [{"id": 3, "text": "x"}, 7]})
        );
        assert_eq!(
            migrate(serde_json::json!({"cards": {}}), 1).unwrap(),
            serde_json::json!({"cards": {}})
        );
    }

    #[test]
    fn version_two_maps_lose_handoff_keys_no_build_wrote() {
        let v2 = serde_json::json!({"stages": [{"id": 1, "name": "S", "handoff_gap": "x", "handoff_breaks": [4]}]});
        assert_eq!(
            migrate(v2, 2).unwrap(),
            serde_json::json!({"stages": [{"id": 1, "name": "S"}]})
        );
    }

    #[test]
    fn version_three_maps_migrate_without_taking_on_new_meaning() {
        let v3 = serde_json::json!({
            "scope": {"title": "t", "prioritise_by": "kano"},
            "cards": [{"id": 3, "reach": 5, "value_score": 7, "effort_score": 2, "kano": "reverse", "kano_answers": [[1]]}]
        });
        assert_eq!(
            migrate(v3, 3).unwrap(),
            serde_json::json!({"scope": {"title": "t"}, "cards": [{"id": 3, "reach": 5}]})
        );
    }

    #[test]
    fn maps_without_the_version_four_fields_are_written_as_before() {
        let map = crate::model::templates::build("b2b-saas").unwrap();
        let mut plain = map.clone();
        plain.scope.prioritise_by = crate::model::Prioritisation::Rice;
        for c in &mut plain.cards {
            c.value_score = None;
            c.effort_score = None;
            c.kano = None;
            c.kano_answers = Default::default();
        }
        let json = serde_json::to_string(&plain).unwrap();
        for key in [
            "value_score",
            "effort_score",
            "kano",
            "kano_answers",
            "prioritise_by",
        ] {
            let quoted = format!("\"{key}\":");
            assert!(
                !json.contains(&quoted),
                "{key} written for a map that does not use it"
            );
        }
    }

    #[test]
    fn maps_without_the_new_fields_are_written_as_before() {
        let map = crate::model::templates::build("b2b-saas").unwrap();
        let mut plain = map.clone();
        plain.reviews.clear();
        for c in &mut plain.cards {
            let keep = crate::model::Card {
                reach: None,
                reach_period: String::new(),
                rice_impact: None,
                rice_confidence: None,
                effort_months: None,
                addresses: Vec::new(),
                status: crate::model::PlanStatus::Idea,
                remeasure: String::new(),
                metric: None,
                ..c.clone()
            };
            *c = keep;
        }
        for s in &mut plain.stages {
            s.handoff_gap.clear();
            s.handoff_owner.clear();
            s.handoff_breaks.clear();
        }
        let json = serde_json::to_string(&plain).unwrap();
        for key in [
            "reach",
            "reach_period",
            "rice_impact",
            "rice_confidence",
            "effort_months",
            "addresses",
            "status",
            "remeasure",
            "handoff_gap",
            "handoff_owner",
            "handoff_breaks",
            "metric",
            "reviews",
        ] {
            let quoted = format!("\"{key}\":");
            assert!(
                !json.contains(&quoted),
                "{key} written for a map that does not use it"
            );
        }
    }

    #[test]
    fn version_three_kpi_texts_become_metrics_and_keep_unreadable_text() {
        let v3 = serde_json::json!({
            "reviews": [{"date": "2020-01-01"}],
            "lanes": [{"id": 1, "kind": "kpis"}, {"id": 2, "kind": "opportunities"}],
            "cards": [
                {"id": 3, "lane": 1, "text": "Activation rate", "baseline": "31 %", "target": "45%", "current": "38 %", "notes": "Product analytics"},
                {"id": 4, "lane": 1, "text": "First response", "baseline": "4 hours", "target": "< 60 min", "metric": {"kind": "nps"}},
                {"id": 5, "lane": 2, "text": "Guided setup", "kpi": "Activation rate", "baseline": "31 %"},
                {"id": 6, "lane": 1, "text": "Blank KPI"}
            ]
        });
        let v4 = migrate(v3, 3).unwrap();
        assert_eq!(
            v4,
            serde_json::json!({
                "lanes": [{"id": 1, "kind": "kpis"}, {"id": 2, "kind": "opportunities"}],
                "cards": [
                    {"id": 3, "lane": 1, "text": "Activation rate", "notes": "Product analytics",
                     "metric": {"kind": "percentage", "unit": "%", "baseline": 31.0, "target": 45.0, "current": 38.0}},
                    {"id": 4, "lane": 1, "text": "First response",
                     "notes": "Target (as written before): < 60 min",
                     "metric": {"kind": "duration", "unit": "hours", "baseline": 4.0, "better": "lower"}},
                    {"id": 5, "lane": 2, "text": "Guided setup", "kpi": "Activation rate", "baseline": "31 %"},
                    {"id": 6, "lane": 1, "text": "Blank KPI"}
                ]
            })
        );
    }

    #[test]
    fn migration_table_covers_every_older_version() {
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION - 1);
        for v in 1..=SCHEMA_VERSION {
            assert!(migrate(serde_json::json!({}), v).is_ok());
        }
    }
}
