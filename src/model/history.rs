//! Undo and redo over [`Edit`]s.

use super::edit::{Edit, EditError, Touched};
use super::map::JourneyMap;

/// Edits of the same field closer together than this (in milliseconds) merge into one
/// undo step, so a burst of typing undoes as a whole.
pub const MERGE_WINDOW_MS: f64 = 1500.0;

/// How many undo steps are kept by default.
pub const DEFAULT_UNDO_LIMIT: usize = 200;

#[derive(Clone, Debug)]
struct Step {
    inverse: Edit,
    merge_key: Option<(u8, crate::model::Id, &'static str)>,
    at_ms: f64,
}

/// A map together with its undo and redo stacks.
#[derive(Clone, Debug)]
pub struct Document {
    map: JourneyMap,
    undo: Vec<Step>,
    redo: Vec<Edit>,
    limit: usize,
}

impl Document {
    /// A document with an empty history.
    pub fn new(map: JourneyMap) -> Document {
        Document {
            map,
            undo: Vec::new(),
            redo: Vec::new(),
            limit: DEFAULT_UNDO_LIMIT,
        }
    }

    /// The same, keeping at most `limit` undo steps.
    pub fn with_limit(map: JourneyMap, limit: usize) -> Document {
        Document {
            limit: limit.max(1),
            ..Document::new(map)
        }
    }

    /// The current map.
    pub fn map(&self) -> &JourneyMap {
        &self.map
    }

    /// Applies `edit` at time `now_ms` and records it for undo. Clears the redo stack.
    /// Returns what the edit touched.
    pub fn apply(&mut self, edit: Edit, now_ms: f64) -> Result<Touched, EditError> {
        let merge_key = edit.merge_key();
        let touched = edit.touched();
        let inverse = edit.apply(&mut self.map)?;
        let merges = match (merge_key, self.undo.last()) {
            (Some(key), Some(last)) => {
                self.redo.is_empty()
                    && last.merge_key == Some(key)
                    && now_ms - last.at_ms <= MERGE_WINDOW_MS
            }
            _ => false,
        };
        if merges {
            // Keep the older inverse: it restores the value from before the burst.
            if let Some(last) = self.undo.last_mut() {
                last.at_ms = now_ms;
            }
        } else {
            self.push(Step {
                inverse,
                merge_key,
                at_ms: now_ms,
            });
        }
        self.redo.clear();
        Ok(touched)
    }

    fn push(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > self.limit {
            let excess = self.undo.len() - self.limit;
            self.undo.drain(..excess);
        }
    }

    /// Undoes the last step and returns what it touched; `None` if there was nothing to undo.
    pub fn undo(&mut self) -> Option<Touched> {
        let step = self.undo.pop()?;
        let touched = step.inverse.touched();
        let redo = step.inverse.apply(&mut self.map).ok()?;
        self.redo.push(redo);
        Some(touched)
    }

    /// Redoes the last undone step and returns what it touched; `None` if there was nothing
    /// to redo.
    pub fn redo(&mut self) -> Option<Touched> {
        let edit = self.redo.pop()?;
        let touched = edit.touched();
        let inverse = edit.apply(&mut self.map).ok()?;
        self.undo.push(Step {
            inverse,
            merge_key: None,
            at_ms: f64::NEG_INFINITY,
        });
        Some(touched)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of steps that can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Hands out a fresh id for a new item (no undo step: ids are never reused).
    pub fn new_id(&mut self) -> crate::model::Id {
        self.map.new_id()
    }

    /// Ends the current typing burst: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.merge_key = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{CardField, ScopeField};
    use crate::model::map::{Card, Stage};

    fn doc() -> Document {
        let mut map = JourneyMap::blank("Start");
        let stage = map.new_id();
        map.stages.push(Stage {
            id: stage,
            name: "S".into(),
            ..Stage::default()
        });
        let id = map.new_id();
        let lane = map.lanes[0].id;
        map.cards.push(Card {
            id,
            stage,
            lane,
            ..Card::default()
        });
        Document::new(map)
    }

    fn title(d: &Document) -> &str {
        &d.map().scope.title
    }

    #[test]
    fn typing_in_one_field_undoes_as_one_step() {
        let mut d = doc();
        for (i, t) in ["S", "Sa", "Sal", "Sale", "Sales"].iter().enumerate() {
            d.apply(
                Edit::SetScope(ScopeField::Title(t.to_string())),
                i as f64 * 100.0,
            )
            .unwrap();
        }
        assert_eq!(d.undo_depth(), 1);
        assert!(d.undo().is_some());
        assert_eq!(title(&d), "Start");
        assert!(d.redo().is_some());
        assert_eq!(title(&d), "Sales");
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut d = doc();
        d.apply(Edit::SetScope(ScopeField::Title("A".into())), 0.0)
            .unwrap();
        d.apply(Edit::SetScope(ScopeField::Title("AB".into())), 10_000.0)
            .unwrap();
        d.apply(Edit::SetScope(ScopeField::Owner("Kim".into())), 10_001.0)
            .unwrap();
        assert_eq!(d.undo_depth(), 3);
        d.undo();
        d.undo();
        assert_eq!(title(&d), "A");
    }

    #[test]
    fn sealing_ends_a_burst() {
        let mut d = doc();
        d.apply(Edit::SetScope(ScopeField::Title("A".into())), 0.0)
            .unwrap();
        d.seal();
        d.apply(Edit::SetScope(ScopeField::Title("AB".into())), 1.0)
            .unwrap();
        assert_eq!(d.undo_depth(), 2);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.apply(Edit::SetScope(ScopeField::Title("A".into())), 0.0)
            .unwrap();
        d.undo();
        assert!(d.can_redo());
        d.apply(Edit::SetScope(ScopeField::Owner("B".into())), 1.0)
            .unwrap();
        assert!(!d.can_redo());
    }

    #[test]
    fn at_least_a_hundred_steps_undo_back_to_the_start() {
        let mut d = doc();
        let card = d.map().cards[0].id;
        let original = d.map().clone();
        for i in 0..150 {
            d.apply(
                Edit::SetCard(card, CardField::Text(format!("v{i}"))),
                i as f64 * 10_000.0,
            )
            .unwrap();
        }
        let mut undone = 0;
        while d.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, 150);
        assert_eq!(d.map(), &original);
        while d.redo().is_some() {}
        assert_eq!(d.map().cards[0].text, "v149");
    }

    #[test]
    fn the_limit_drops_the_oldest_steps() {
        let mut d = Document::with_limit(doc().map().clone(), 3);
        for i in 0..5 {
            d.apply(
                Edit::SetScope(ScopeField::Title(format!("{i}"))),
                i as f64 * 10_000.0,
            )
            .unwrap();
        }
        assert_eq!(d.undo_depth(), 3);
        while d.undo().is_some() {}
        assert_eq!(title(&d), "1");
    }

    #[test]
    fn replacing_the_map_is_undoable() {
        let mut d = doc();
        let other = JourneyMap::blank("Snapshot");
        d.apply(Edit::ReplaceMap(Box::new(other)), 0.0).unwrap();
        assert_eq!(title(&d), "Snapshot");
        d.undo();
        assert_eq!(title(&d), "Start");
    }
}
