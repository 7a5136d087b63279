//! Export and import of maps as JSON files (`<title>.trailmap.json`).
//!
//! Import accepts a one-map file, an all-maps file, the crash panel's recovery file and a
//! bare map object; a bad file gets a precise message and nothing changes.

use super::envelope::{
    describe, open_envelope, parse_json, write_envelope, EnvelopeError, APP_VERSION, MAP_TYPE,
    SCHEMA_VERSION,
};
use crate::model::dates::Date;
use crate::model::map::JourneyMap;
use crate::model::restore::{restore_map, RestoreReport};
use serde_json::Value;

/// `type` of a file holding several maps.
pub const MAPS_TYPE: &str = "trailmap/maps";
/// `type` of the crash panel's recovery file.
pub const RECOVERY_TYPE: &str = "trailmap/recovery";
/// Largest file accepted (characters).
pub const MAX_FILE_CHARS: usize = 20 * 1024 * 1024;

/// A file name from a map title: characters file systems reject are replaced, and the
/// name is never empty.
pub fn file_name_for(title: &str) -> String {
    format!("{}.trailmap.json", file_stem(title))
}

/// The base of a file name (no extension) for a map title, safe on every file system.
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut base = words.join(" ");
    base = base.trim_matches('.').trim().chars().take(80).collect();
    if base.is_empty() {
        base = "journey map".into();
    }
    base
}

/// One map as a file: (file name, JSON). The map's id goes along (when given), so that
/// importing the file where the map still exists asks before adding a second copy.
pub fn export_map_file(id: Option<&str>, map: &JourneyMap, now: f64) -> (String, String) {
    let mut value: Value =
        serde_json::from_str(&write_envelope(map, now, 0)).unwrap_or(Value::Null);
    if let (Value::Object(o), Some(id)) = (&mut value, id) {
        o.insert("id".into(), Value::String(id.to_string()));
    }
    (file_name_for(&map.scope.title), value.to_string())
}

/// Several maps as one file: (file name, JSON). The name carries `today`, the date where
/// the user is (the moment `now` would give UTC's, a day off in many evenings).
pub fn export_all_file(maps: &[(String, JourneyMap)], now: f64, today: Date) -> (String, String) {
    let entries: Vec<Value> = maps
        .iter()
        .map(|(id, map)| {
            let mut v: Value =
                serde_json::from_str(&write_envelope(map, now, 0)).unwrap_or(Value::Null);
            if let Value::Object(o) = &mut v {
                o.insert("id".into(), Value::String(id.clone()));
            }
            v
        })
        .collect();
    let file = serde_json::json!({
        "type": MAPS_TYPE,
        "version": SCHEMA_VERSION,
        "app": APP_VERSION,
        "exportedAt": now,
        "maps": entries,
    });
    (
        format!("trailmap-maps-{today}.trailmap.json"),
        file.to_string(),
    )
}

/// A map read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedMap {
    /// The id it had where it was exported, if the file says.
    pub id: Option<String>,
    /// The map.
    pub map: JourneyMap,
    /// What was repaired or dropped while reading it.
    pub report: RestoreReport,
}

/// Why a file could not be imported. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty,
    /// The file is larger than [`MAX_FILE_CHARS`].
    TooLarge(usize),
    /// Not JSON, with the position of the first error.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// JSON, but not a Trailmap file; says what was found.
    NotTrailmap(String),
    /// Written by a newer Trailmap.
    Newer(u32),
    /// A Trailmap file with no readable map; says where.
    NoMaps(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty => write!(f, "The file is empty. Choose a .trailmap.json file exported from Trailmap."),
            ImportError::TooLarge(n) => write!(
                f,
                "The file is too large ({} MB; the limit is {} MB). Is it really a Trailmap file?",
                n / (1024 * 1024),
                MAX_FILE_CHARS / (1024 * 1024)
            ),
            ImportError::NotJson { line, column, message } => write!(
                f,
                "The file is not valid JSON: {message} at line {line}, column {column}. It may be damaged or not a Trailmap file."
            ),
            ImportError::NotTrailmap(found) => write!(
                f,
                "The file is JSON but not a Trailmap file (it holds {found}). Choose a .trailmap.json file exported from Trailmap."
            ),
            ImportError::Newer(v) => write!(
                f,
                "The file was made by a newer version of Trailmap (schema {v}; this one reads up to {SCHEMA_VERSION}). Reload the page to update Trailmap, then import again."
            ),
            ImportError::NoMaps(why) => write!(f, "The file holds no map that can be read: {why}."),
        }
    }
}

impl From<EnvelopeError> for ImportError {
    fn from(e: EnvelopeError) -> ImportError {
        match e {
            EnvelopeError::NotJson {
                line,
                column,
                message,
            } => ImportError::NotJson {
                line,
                column,
                message,
            },
            EnvelopeError::NotAnEnvelope(found) => ImportError::NotTrailmap(found),
            EnvelopeError::NoMap(why) => ImportError::NoMaps(why),
        }
    }
}

fn version_of(value: &Value) -> u32 {
    value
        .get("version")
        .and_then(Value::as_u64)
        .map_or(1, |v| v.min(u64::from(u32::MAX)) as u32)
}

fn import_envelope(value: &Value, id: Option<String>) -> Result<ImportedMap, ImportError> {
    let v = version_of(value);
    if v > SCHEMA_VERSION {
        return Err(ImportError::Newer(v));
    }
    let opened = open_envelope(value)?;
    Ok(ImportedMap {
        id,
        map: opened.map,
        report: opened.report,
    })
}

fn looks_like_bare_map(o: &serde_json::Map<String, Value>) -> bool {
    o.get("type").is_none()
        && ["scope", "stages", "lanes", "cards"]
            .iter()
            .any(|k| o.contains_key(*k))
}

/// Reads a file's text into maps, or says precisely what is wrong with it.
pub fn import_file(text: &str) -> Result<Vec<ImportedMap>, ImportError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.len() > MAX_FILE_CHARS {
        return Err(ImportError::TooLarge(trimmed.len()));
    }
    let value = parse_json(trimmed)?;
    let Value::Object(o) = &value else {
        return Err(ImportError::NotTrailmap(describe(&value)));
    };
    match o.get("type").and_then(Value::as_str) {
        Some(MAP_TYPE) => {
            let id = o.get("id").and_then(Value::as_str).map(str::to_string);
            Ok(vec![import_envelope(&value, id)?])
        }
        Some(MAPS_TYPE) => {
            let v = version_of(&value);
            if v > SCHEMA_VERSION {
                return Err(ImportError::Newer(v));
            }
            let items = o
                .get("maps")
                .and_then(Value::as_array)
                .ok_or_else(|| ImportError::NoMaps("its “maps” list is missing".into()))?;
            let mut out = Vec::new();
            let mut skipped = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let id = item.get("id").and_then(Value::as_str).map(str::to_string);
                match import_envelope(item, id) {
                    Ok(m) => out.push(m),
                    Err(e) => skipped.push(format!("map {} ({e})", i + 1)),
                }
            }
            if out.is_empty() {
                return Err(ImportError::NoMaps(if skipped.is_empty() {
                    "its “maps” list is empty".into()
                } else {
                    skipped.join("; ")
                }));
            }
            if !skipped.is_empty() {
                if let Some(first) = out.first_mut() {
                    first.report.notes.push(format!(
                        "Skipped unreadable entries of the file: {}",
                        skipped.join("; ")
                    ));
                }
            }
            Ok(out)
        }
        Some(RECOVERY_TYPE) => import_recovery(o),
        Some(_) => Err(ImportError::NotTrailmap(describe(&value))),
        None if looks_like_bare_map(o) => {
            let (map, report) = restore_map(&value).map_err(ImportError::NoMaps)?;
            Ok(vec![ImportedMap {
                id: None,
                map,
                report,
            }])
        }
        None => Err(ImportError::NotTrailmap(describe(&value))),
    }
}

/// Maps from the crash panel's recovery file: the unsaved map first, then every stored map.
fn import_recovery(o: &serde_json::Map<String, Value>) -> Result<Vec<ImportedMap>, ImportError> {
    let mut out = Vec::new();
    if let Some(unsaved) = o.get("unsaved").filter(|v| v.is_object()) {
        if let Some(map) = unsaved.get("map") {
            if let Ok((map, mut report)) = restore_map(map) {
                report.notes.insert(
                    0,
                    "Recovered the changes that were not yet saved when Trailmap stopped".into(),
                );
                let id = unsaved
                    .get("id")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                out.push(ImportedMap { id, map, report });
            }
        }
    }
    if let Some(Value::Object(storage)) = o.get("storage") {
        for (key, raw) in storage {
            let Some(id) = key.strip_prefix("trailmap:map:") else {
                continue;
            };
            let Some(raw) = raw.as_str() else { continue };
            if out.iter().any(|m| m.id.as_deref() == Some(id)) {
                continue;
            }
            if let Ok(m) = parse_json(raw)
                .map_err(ImportError::from)
                .and_then(|v| import_envelope(&v, Some(id.into())))
            {
                out.push(m);
            }
        }
    }
    if out.is_empty() {
        return Err(ImportError::NoMaps(
            "the recovery file holds no readable map".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    fn map(title: &str) -> JourneyMap {
        let mut m = JourneyMap::blank(title);
        let id = m.new_id();
        m.stages.push(Stage {
            id,
            name: "Use".into(),
            ..Stage::default()
        });
        m
    }

    #[test]
    fn file_names_are_safe_and_never_empty() {
        assert_eq!(
            file_name_for("Q3: Onboarding / EMEA"),
            "Q3 Onboarding EMEA.trailmap.json"
        );
        assert_eq!(file_name_for("  "), "journey map.trailmap.json");
        assert_eq!(file_name_for("..."), "journey map.trailmap.json");
        assert_eq!(file_name_for("a\u{0}b"), "a b.trailmap.json");
    }

    #[test]
    fn one_map_round_trips_through_a_file() {
        let (name, json) = export_map_file(Some("m1"), &map("Renewal journey"), 5.0);
        assert_eq!(name, "Renewal journey.trailmap.json");
        let imported = import_file(&json).unwrap();
        assert_eq!(imported.len(), 1);
        assert_eq!(imported[0].id.as_deref(), Some("m1"));
        assert_eq!(imported[0].map, map("Renewal journey"));
    }

    #[test]
    fn all_maps_round_trip_with_their_ids() {
        let maps = vec![("a".to_string(), map("A")), ("b".to_string(), map("B"))];
        // 2026-11-22 00:00 UTC is still the 21st in New York (UTC−5): the user's date counts.
        let now = 1_795_305_600_000.0;
        let (name, json) = export_all_file(&maps, now, Date::local_from_unix_ms(now, -300));
        assert_eq!(name, "trailmap-maps-2026-11-21.trailmap.json");
        let (name, _) = export_all_file(&maps, now, Date::local_from_unix_ms(now, 60));
        assert_eq!(name, "trailmap-maps-2026-11-22.trailmap.json");
        let imported = import_file(&json).unwrap();
        let got: Vec<(Option<String>, String)> = imported
            .into_iter()
            .map(|m| (m.id, m.map.scope.title))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("a".into()), "A".into()),
                (Some("b".into()), "B".into())
            ]
        );
    }

    #[test]
    fn bare_maps_and_recovery_files_import() {
        let bare = serde_json::to_string(&map("Bare")).unwrap();
        assert_eq!(import_file(&bare).unwrap()[0].map.scope.title, "Bare");
        let stored = write_envelope(&map("Stored"), 1.0, 3);
        let recovery = serde_json::json!({
            "type": "trailmap/recovery", "version": 1,
            "unsaved": {"id": "x", "map": serde_json::to_value(map("Unsaved")).unwrap()},
            "storage": {"trailmap:map:y": stored, "trailmap:index": "[]"}
        });
        let got = import_file(&recovery.to_string()).unwrap();
        let titles: Vec<&str> = got.iter().map(|m| m.map.scope.title.as_str()).collect();
        assert_eq!(titles, ["Unsaved", "Stored"]);
    }

    #[test]
    fn bad_files_get_precise_messages() {
        assert_eq!(import_file("").unwrap_err(), ImportError::Empty);
        let err = import_file("{\n\"type\": \"trailmap/map\",\n\"map\": {,}\n}").unwrap_err();
        assert!(
            matches!(err, ImportError::NotJson { line: 3, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("line 3, column"), "{err}");
        assert_eq!(
            import_file("[1,2]").unwrap_err(),
            ImportError::NotTrailmap("a list of 2 items".into())
        );
        assert!(import_file(r#"{"type":"figma"}"#)
            .unwrap_err()
            .to_string()
            .contains("type “figma”"));
        assert!(import_file(r#"{"hello":1}"#)
            .unwrap_err()
            .to_string()
            .contains("without a Trailmap type"));
        assert_eq!(
            import_file(r#"{"type":"trailmap/map","version":42,"map":{}}"#).unwrap_err(),
            ImportError::Newer(42)
        );
        assert!(
            import_file(r#"{"type":"trailmap/maps","version":1,"maps":[]}"#)
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        let big = " ".repeat(10) + &"1".repeat(MAX_FILE_CHARS + 1);
        assert!(matches!(import_file(&big), Err(ImportError::TooLarge(_))));
    }

    #[test]
    fn one_bad_map_in_a_bundle_does_not_sink_the_rest() {
        let good = serde_json::from_str::<Value>(&write_envelope(&map("Good"), 1.0, 1)).unwrap();
        let file = serde_json::json!({"type": "trailmap/maps", "version": 1, "maps": [good, {"type": "nope"}]});
        let got = import_file(&file.to_string()).unwrap();
        assert_eq!(got.len(), 1);
        assert!(got[0].report.notes.iter().any(|n| n.contains("map 2")));
    }
}
