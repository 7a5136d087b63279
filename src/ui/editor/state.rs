//! The editor's state: the open document (map + undo history) and view settings, as
//! signals. Components call the methods here; the model does the work.

use crate::model::edit::{self, Edit, Touched};
use crate::model::grid::{self, Grouping, LaneGroup};
use crate::model::history::{StepId, UndoStepError};
use crate::model::{Card, Document, Id, JourneyMap};
use crate::ui::toast::Toasts;
use leptos::prelude::*;
use std::collections::HashMap;

/// A part of the map a view can depend on. Edits notify only the parts they touch, so a
/// keystroke in one card re-renders that card, not the whole grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Any change at all (autosave, charts).
    Any,
    /// The scope.
    Scope,
    /// Personas.
    Personas,
    /// The stakeholder register.
    Stakeholders,
    /// Stages.
    Stages,
    /// Lanes.
    Lanes,
    /// Which cards sit in which cell.
    Layout,
    /// The undo/redo stacks.
    History,
    /// One card's content.
    Card(Id),
    /// The review list.
    Reviews,
}

/// One change trigger per part of the map.
#[derive(Default)]
pub struct Triggers {
    parts: HashMap<Part, ArcTrigger>,
}

impl Triggers {
    fn get(&mut self, part: Part) -> &ArcTrigger {
        self.parts.entry(part).or_default()
    }

    fn notify(&self, touched: &Touched) {
        let fire = |part: Part| {
            if let Some(t) = self.parts.get(&part) {
                t.notify();
            }
        };
        fire(Part::Any);
        fire(Part::History);
        if touched.everything {
            self.parts.values().for_each(|t| t.notify());
            return;
        }
        let flags = [
            (touched.scope, Part::Scope),
            (touched.personas, Part::Personas),
            (touched.stakeholders, Part::Stakeholders),
            (touched.stages, Part::Stages),
            (touched.lanes, Part::Lanes),
            (touched.layout, Part::Layout),
            (touched.reviews, Part::Reviews),
        ];
        for (hit, part) in flags {
            if hit {
                fire(part);
            }
        }
        for id in &touched.cards {
            fire(Part::Card(*id));
        }
    }
}

/// Which side panel is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// None: the grid takes the full width.
    Closed,
    /// Details of one card.
    Card(Id),
    /// Scope of the map.
    Scope,
    /// Personas.
    Personas,
    /// Snapshots and backups.
    History,
    /// The share link.
    Share,
    /// The map's health check.
    Health,
    /// Print a poster.
    Print,
    /// The map as a Mermaid journey diagram.
    Mermaid,
    /// Spreadsheet (CSV) files out and in.
    Csv,
    /// The map as a Markdown report with its two charts.
    Report,
    /// The handoff into a stage.
    Handoff(Id),
}

/// Which view of the map is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The stages × lanes grid.
    Grid,
    /// The emotion curve.
    Curve,
    /// The stakeholder register and the influence–interest matrix.
    Stakeholders,
    /// Pain points ranked by impact.
    Priorities,
    /// Opportunities by RICE and the improvement plan.
    Plan,
    /// Metrics and emotions across reviews; recording and comparing reviews.
    Trends,
}

/// The state of the open map, shared by the editor's components as context.
#[derive(Clone, Copy)]
pub struct EditorState {
    /// The map and its history (read through [`EditorState::read`], which tracks a part).
    doc: StoredValue<Document>,
    /// Change triggers per part.
    triggers: StoredValue<Triggers>,
    /// Whether edits are refused (shared links, maps from a newer version).
    pub read_only: bool,
    /// The open side panel.
    pub panel: RwSignal<Panel>,
    /// Which view is shown.
    pub view: RwSignal<View>,
    /// Lane grouping.
    pub grouping: RwSignal<Grouping>,
    /// Show only cards that involve this stakeholder.
    pub filter: RwSignal<Option<Id>>,
    /// The card that should take keyboard focus after the next render (after moves and adds).
    pub focus_card: RwSignal<Option<Id>>,
    /// Messages with an optional undo.
    pub toasts: Toasts,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl EditorState {
    /// A new editor state for `map`.
    pub fn new(map: JourneyMap, read_only: bool, toasts: Toasts) -> EditorState {
        EditorState {
            doc: StoredValue::new(Document::new(map)),
            triggers: StoredValue::new(Triggers::default()),
            read_only,
            panel: RwSignal::new(Panel::Closed),
            view: RwSignal::new(View::Grid),
            grouping: RwSignal::new(Grouping::Together),
            filter: RwSignal::new(None),
            focus_card: RwSignal::new(None),
            toasts,
        }
    }

    /// Subscribes the running effect or memo to changes of `part`.
    pub fn track(&self, part: Part) {
        self.triggers.update_value(|t| t.get(part).track());
    }

    /// Reads the map and subscribes to changes of `part`.
    pub fn read<R>(&self, part: Part, f: impl FnOnce(&JourneyMap) -> R) -> R {
        self.track(part);
        self.doc.with_value(|d| f(d.map()))
    }

    /// Reads the map without subscribing to anything.
    pub fn with_map_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> R {
        self.doc.with_value(|d| f(d.map()))
    }

    /// Reads the map if the editor still exists (for timers and cleanups that may run
    /// after it is gone).
    pub fn try_with_map_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.doc.try_with_value(|d| f(d.map()))
    }

    /// Reads the document (map and history) and subscribes to its history.
    pub fn read_history<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.track(Part::History);
        self.doc.with_value(f)
    }

    fn changed(&self, touched: &Touched) {
        self.triggers.with_value(|t| t.notify(touched));
    }

    /// Applies an edit as one undoable step; a failure is shown as a message.
    pub fn apply(&self, edit: Edit) -> bool {
        if self.read_only {
            self.toasts
                .info("This map is read-only. Save a copy to edit it.");
            return false;
        }
        let result = self.doc.try_update_value(|d| d.apply(edit, now_ms()));
        match result {
            Some(Ok(touched)) => {
                self.changed(&touched);
                true
            }
            Some(Err(err)) => {
                self.toasts
                    .info(&format!("That change was not made: {err}."));
                false
            }
            None => false,
        }
    }

    /// Applies the edit `build` makes from the current map; nothing if it makes none.
    pub fn apply_with(&self, build: impl FnOnce(&JourneyMap) -> Option<Edit>) -> bool {
        match self.with_map_untracked(build) {
            Some(edit) => self.apply(edit),
            None => false,
        }
    }

    /// Ends a burst of typing so the next edit is a separate undo step.
    pub fn seal(&self) {
        self.doc.update_value(|d| d.seal());
    }

    /// Undoes the last step.
    pub fn undo(&self) {
        if self.read_only {
            return;
        }
        match self.doc.try_update_value(|d| d.undo()).flatten() {
            Some(touched) => self.changed(&touched),
            None => self.toasts.info("Nothing to undo."),
        }
    }

    /// Redoes the last undone step.
    pub fn redo(&self) {
        if self.read_only {
            return;
        }
        match self.doc.try_update_value(|d| d.redo()).flatten() {
            Some(touched) => self.changed(&touched),
            None => self.toasts.info("Nothing to redo."),
        }
    }

    /// A fresh id from the map (no undo step: ids are never reused).
    pub fn new_id(&self) -> Id {
        self.doc
            .try_update_value(|d| d.new_id())
            .unwrap_or_default()
    }

    /// Adds an empty card at the end of a cell of a lane group and focuses it for typing.
    pub fn add_card(&self, stage: Id, lane: Id, group: LaneGroup) {
        let id = self.new_id();
        let stakeholders = grid::new_card_stakeholders(group, self.filter.get_untracked());
        let card = Card {
            id,
            stage,
            lane,
            stakeholders,
            ..Card::default()
        };
        if self.apply_with(|m| Some(edit::add_card(m, card))) {
            self.focus_card.set(Some(id));
        }
    }

    /// Deletes a card, offering an undo.
    pub fn delete_card(&self, id: Id) {
        let noun = self.with_map_untracked(|m| {
            m.card(id)
                .and_then(|c| m.card_kind(c))
                .map_or("card", |k| k.card_noun())
        });
        if self.apply(Edit::RemoveCard(id)) {
            if self.panel.get_untracked() == Panel::Card(id) {
                self.panel.set(Panel::Closed);
            }
            self.offer_undo(&format!("Deleted the {noun}."));
        }
    }

    /// Shows a message with an Undo button for the step the last edit made (call it right
    /// after the edit the message reports).
    ///
    /// The button undoes that step and only that one, even after later edits: a user who
    /// deleted a card, typed elsewhere and then clicked "Undo" on "Deleted the card" wants
    /// the card back and the typing kept. When later edits build on the step (it can't
    /// be undone alone without losing them) the map is left as it is and the message says
    /// how to get back: Ctrl+Z step by step, or a snapshot from History.
    pub fn offer_undo(&self, message: &str) {
        let Some(step) = self.doc.with_value(|d| d.last_step()) else {
            self.toasts.info(message);
            return;
        };
        let this = *self;
        self.toasts
            .with_action(message, "Undo", move || this.undo_step(step));
    }

    /// Undoes exactly `step` (see [`Document::undo_step`]); says so when it can't.
    pub fn undo_step(&self, step: StepId) {
        if self.read_only {
            return;
        }
        match self.doc.try_update_value(|d| d.undo_step(step, now_ms())) {
            Some(Ok(touched)) => self.changed(&touched),
            Some(Err(UndoStepError::Gone)) => self
                .toasts
                .info("That change was undone already, or is too old to undo."),
            Some(Err(err)) => self.toasts.info(&format!(
                "That change can no longer be undone on its own: {err}. Undo step by step (Ctrl+Z), or restore an earlier version from History."
            )),
            None => {}
        }
    }

    /// Applies a card move and keeps keyboard focus on the card.
    pub fn move_card(&self, id: Id, build: impl FnOnce(&JourneyMap) -> Option<Edit>) {
        if self.apply_with(build) {
            self.focus_card.set(Some(id));
        }
    }

    /// The stakeholders' ids and names, for pickers and line toggles.
    pub fn people(&self) -> Memo<Vec<(Id, String)>> {
        let this = *self;
        Memo::new(move |_| {
            this.read(Part::Stakeholders, |m| {
                m.stakeholders
                    .iter()
                    .map(|s| (s.id, s.name.clone()))
                    .collect()
            })
        })
    }

    /// Moves an item `delta` places within a list, given its (position, length), with
    /// `edit` making the move to a position; nothing at the ends.
    pub fn move_within(
        &self,
        position: (usize, usize),
        delta: i64,
        edit: impl FnOnce(usize) -> Edit,
    ) {
        let (at, len) = position;
        let to = at as i64 + delta;
        if to >= 0 && (to as usize) < len {
            self.apply(edit(to as usize));
        }
    }

    /// Moves a card one place up or down among the cards its cell shows.
    pub fn nudge_card(&self, id: Id, delta: i32, group: LaneGroup) {
        let filter = self.filter.get_untracked();
        self.move_card(id, |m| grid::nudge_card(m, id, delta, group, filter));
    }
}
