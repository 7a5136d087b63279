//! Helpers for the persistence tests.

use super::envelope::Header;
use super::saving::{load_map, LoadOutcome};
use super::store::MemoryStore;
use crate::model::map::JourneyMap;
use crate::model::Stage;

pub fn map(title: &str) -> JourneyMap {
    let mut m = JourneyMap::blank(title);
    let id = m.new_id();
    m.stages.push(Stage {
        id,
        name: "Awareness".into(),
        ..Stage::default()
    });
    m
}

pub fn loaded(store: &mut MemoryStore, id: &str) -> (JourneyMap, Header, bool) {
    match load_map(store, id, 0.0).unwrap() {
        LoadOutcome::Loaded {
            map, header, newer, ..
        } => (map, header, newer),
        other => panic!("expected a map, got {other:?}"),
    }
}
