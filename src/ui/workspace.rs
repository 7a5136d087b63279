//! The maps of this browser, as the app holds them: summaries for the list, and
//! load/save/create/duplicate/rename/delete of whole maps.

use crate::model::JourneyMap;
use leptos::prelude::*;
use std::collections::HashMap;

/// What the map list shows of one map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSummary {
    /// Workspace id (used in the URL).
    pub id: String,
    /// Title.
    pub title: String,
    /// Segment.
    pub segment: String,
    /// Number of stages.
    pub stages: usize,
    /// Number of touchpoints.
    pub touchpoints: usize,
    /// Last modified, ms since the epoch.
    pub modified_ms: f64,
}

impl MapSummary {
    fn of(id: &str, map: &JourneyMap, modified_ms: f64) -> MapSummary {
        MapSummary {
            id: id.to_string(),
            title: map.scope.title.clone(),
            segment: map.scope.segment.clone(),
            stages: map.stages.len(),
            touchpoints: map.touchpoints().len(),
            modified_ms,
        }
    }
}

/// The workspace, provided as context.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// Summaries, most recently modified first.
    pub summaries: RwSignal<Vec<MapSummary>>,
    maps: StoredValue<HashMap<String, JourneyMap>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{:x}{:x}", now() as u64 % 0xffff_ffff, random % 0xffff_ffff)
}

impl Workspace {
    /// A workspace holding `maps`.
    pub fn new(maps: Vec<(String, JourneyMap)>) -> Workspace {
        let ws = Workspace {
            summaries: RwSignal::new(Vec::new()),
            maps: StoredValue::new(HashMap::new()),
        };
        for (id, map) in maps {
            ws.save(&id, &map);
        }
        ws
    }

    /// The map with this id.
    pub fn load(&self, id: &str) -> Option<JourneyMap> {
        self.maps.with_value(|m| m.get(id).cloned())
    }

    /// Saves a map under `id`.
    pub fn save(&self, id: &str, map: &JourneyMap) {
        self.maps.update_value(|m| {
            m.insert(id.to_string(), map.clone());
        });
        let summary = MapSummary::of(id, map, now());
        self.summaries.update(|list| {
            list.retain(|s| s.id != id);
            list.insert(0, summary);
        });
    }

    /// Adds a new map and returns its id.
    pub fn create(&self, map: &JourneyMap) -> String {
        let id = new_id();
        self.save(&id, map);
        id
    }

    /// Copies a map under a new id, titled "… (copy)".
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut map = self.load(id)?;
        map.scope.title = format!("{} (copy)", map.scope.title);
        Some(self.create(&map))
    }

    /// Renames a map.
    pub fn rename(&self, id: &str, title: &str) {
        if let Some(mut map) = self.load(id) {
            map.scope.title = title.to_string();
            self.save(id, &map);
        }
    }

    /// Deletes a map and returns it, so the deletion can be undone with [`Workspace::save`].
    pub fn delete(&self, id: &str) -> Option<JourneyMap> {
        let removed = self.maps.try_update_value(|m| m.remove(id)).flatten();
        self.summaries.update(|list| list.retain(|s| s.id != id));
        removed
    }
}
