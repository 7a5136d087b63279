//! Undo and redo over [`Edit`]s.

use super::edit::{Edit, EditError, Touched};
use super::map::JourneyMap;
use super::validate::{validate, Severity};

/// Edits of the same field closer together than this (in milliseconds) merge into one
/// undo step, so a burst of typing undoes as a whole.
pub const MERGE_WINDOW_MS: f64 = 1500.0;

/// How many undo steps are kept by default.
pub const DEFAULT_UNDO_LIMIT: usize = 200;

/// Names one undo step, so that a message's Undo button can undo that step and no
/// other. Steps keep their id while a burst of typing merges into them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StepId(u64);

/// Why [`Document::undo_step`] left the map as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoStepError {
    /// The step is not in the undo history: it was undone already, or is older than the
    /// history keeps.
    Gone,
    /// Later steps changed the same items, or the change cannot stand without them (a
    /// card whose stage was deleted since): undoing it alone would lose or break them.
    Entangled,
    /// Its inverse no longer applies.
    Failed(EditError),
}

impl std::fmt::Display for UndoStepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UndoStepError::Gone => write!(f, "it was undone already or is too old to undo"),
            UndoStepError::Entangled => write!(f, "later changes build on it"),
            UndoStepError::Failed(err) => write!(f, "{err}"),
        }
    }
}

/// Whether undoing one of two changes could overwrite or depend on the other. Layout
/// alone (the order of cards in the card list) does not count: cards only sit in it.
fn overlaps(a: &Touched, b: &Touched) -> bool {
    a.everything
        || b.everything
        || (a.scope && b.scope)
        || (a.personas && b.personas)
        || (a.stakeholders && b.stakeholders)
        || (a.stages && b.stages)
        || (a.lanes && b.lanes)
        || a.cards.iter().any(|id| b.cards.binary_search(id).is_ok())
}

fn error_count(map: &JourneyMap) -> usize {
    validate(map)
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count()
}

#[derive(Clone, Debug)]
struct Step {
    id: StepId,
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
    next_step: u64,
}

impl Document {
    /// A document with an empty history.
    pub fn new(map: JourneyMap) -> Document {
        Document {
            map,
            undo: Vec::new(),
            redo: Vec::new(),
            limit: DEFAULT_UNDO_LIMIT,
            next_step: 0,
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
            self.push(inverse, merge_key, now_ms);
        }
        self.redo.clear();
        Ok(touched)
    }

    fn push(
        &mut self,
        inverse: Edit,
        merge_key: Option<(u8, crate::model::Id, &'static str)>,
        at_ms: f64,
    ) {
        let id = StepId(self.next_step);
        self.next_step += 1;
        self.undo.push(Step {
            id,
            inverse,
            merge_key,
            at_ms,
        });
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
        self.push(inverse, None, f64::NEG_INFINITY);
        Some(touched)
    }

    /// The step that the last edit made or merged into; `None` when there is nothing to undo.
    pub fn last_step(&self) -> Option<StepId> {
        self.undo.last().map(|s| s.id)
    }

    /// Undoes exactly the step `id` (what a message's "Undo" button promises), at time
    /// `now_ms`, and returns what it touched.
    ///
    /// If it is the last step, this is a plain [`Document::undo`] (redo brings it back).
    /// If later steps came after it, it is undone on its own only when none of them
    /// touched the same items and the map has no new errors after it (a card is not
    /// restored into a stage deleted since): the later work is kept, and the undoing is a
    /// new step of its own, so Ctrl+Z takes it back. Otherwise the map is unchanged and
    /// the error says why; undoing step by step, or a snapshot, is then the way back.
    pub fn undo_step(&mut self, id: StepId, now_ms: f64) -> Result<Touched, UndoStepError> {
        let at = self
            .undo
            .iter()
            .rposition(|s| s.id == id)
            .ok_or(UndoStepError::Gone)?;
        if at + 1 == self.undo.len() {
            return self.undo().ok_or(UndoStepError::Gone);
        }
        let inverse = self.undo[at].inverse.clone();
        let touched = inverse.touched();
        if self.undo[at + 1..]
            .iter()
            .any(|later| overlaps(&touched, &later.inverse.touched()))
        {
            return Err(UndoStepError::Entangled);
        }
        let errors_before = error_count(&self.map);
        let redo = inverse
            .apply(&mut self.map)
            .map_err(UndoStepError::Failed)?;
        if error_count(&self.map) > errors_before {
            let _ = redo.apply(&mut self.map);
            return Err(UndoStepError::Entangled);
        }
        // The old step stays where it is: the new one above it (which redoes the change)
        // is always undone first, so by the time Ctrl+Z reaches the old step its inverse
        // applies again.
        self.push(redo, None, now_ms);
        self.redo.clear();
        Ok(touched)
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

    fn add_card(d: &mut Document, text: &str) -> crate::model::Id {
        let id = d.new_id();
        let first = d.map().cards[0].clone();
        let card = Card {
            id,
            text: text.into(),
            ..first
        };
        d.apply(Edit::InsertCard(usize::MAX, card), 0.0).unwrap();
        id
    }

    fn card_text(d: &Document, id: crate::model::Id) -> Option<&str> {
        d.map().card(id).map(|c| c.text.as_str())
    }

    #[test]
    fn undoing_a_step_after_later_typing_undoes_that_step_and_keeps_the_typing() {
        let mut d = doc();
        let kept = d.map().cards[0].id;
        let gone = add_card(&mut d, "Webinar");
        d.apply(Edit::RemoveCard(gone), 1_000.0).unwrap();
        let deletion = d.last_step().unwrap();
        d.apply(
            Edit::SetCard(kept, CardField::Text("Typed".into())),
            2_000.0,
        )
        .unwrap();
        d.undo_step(deletion, 3_000.0).unwrap();
        assert_eq!(card_text(&d, gone), Some("Webinar"));
        assert_eq!(card_text(&d, kept), Some("Typed"));
        // The undoing is a step of its own; undoing everything still reaches the start.
        d.undo();
        assert_eq!(card_text(&d, gone), None);
        assert_eq!(card_text(&d, kept), Some("Typed"));
        while d.undo().is_some() {}
        assert_eq!(card_text(&d, kept), Some(""));
        assert_eq!(card_text(&d, gone), None);
        assert_eq!(d.map().cards.len(), 1);
    }

    #[test]
    fn undoing_the_last_step_is_a_plain_undo() {
        let mut d = doc();
        let gone = add_card(&mut d, "Webinar");
        d.apply(Edit::RemoveCard(gone), 1_000.0).unwrap();
        let deletion = d.last_step().unwrap();
        d.undo_step(deletion, 2_000.0).unwrap();
        assert_eq!(card_text(&d, gone), Some("Webinar"));
        assert!(d.can_redo());
        // Once undone, the same button has nothing left to undo.
        assert_eq!(d.undo_step(deletion, 3_000.0), Err(UndoStepError::Gone));
    }

    #[test]
    fn a_step_that_later_steps_build_on_is_not_undone_alone() {
        let mut d = doc();
        let stage = d.map().stages[0].id;
        d.apply(
            Edit::SetStage(stage, crate::model::edit::StageField::Name("Old".into())),
            0.0,
        )
        .unwrap();
        let rename = d.last_step().unwrap();
        d.apply(
            Edit::SetStage(stage, crate::model::edit::StageField::Name("New".into())),
            10_000.0,
        )
        .unwrap();
        let before = d.map().clone();
        assert_eq!(d.undo_step(rename, 20_000.0), Err(UndoStepError::Entangled));
        assert_eq!(d.map(), &before);
    }

    #[test]
    fn a_card_is_not_restored_into_a_stage_deleted_since() {
        let mut d = doc();
        let gone = add_card(&mut d, "Webinar");
        d.apply(Edit::RemoveCard(gone), 1_000.0).unwrap();
        let deletion = d.last_step().unwrap();
        let stage = d.map().stages[0].id;
        let kept = d.map().cards[0].id;
        d.apply(
            Edit::Batch(vec![Edit::RemoveCard(kept), Edit::RemoveStage(stage)]),
            2_000.0,
        )
        .unwrap();
        let before = d.map().clone();
        assert_eq!(
            d.undo_step(deletion, 3_000.0),
            Err(UndoStepError::Entangled)
        );
        assert_eq!(d.map(), &before);
    }
}
