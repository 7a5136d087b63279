//! Edits to a journey map, each invertible, so that every change can be undone.
//!
//! An [`Edit`] applied to a map returns its inverse; applying the inverse restores the
//! map exactly. Compound changes (deleting a stakeholder who is referenced by cards)
//! are a [`Edit::Batch`] of primitive edits.

use super::formulas::{Confidence, Impact, KanoCategory, KanoCounts};
use super::ids::Id;
use super::map::{
    Card, JourneyMap, Lane, LaneKind, PainScores, Persona, PlanStatus, Prioritisation,
    ReviewCadence, RoleType, Scope, Stage, Stakeholder, Stance,
};
use super::scales::{Emotion, Level};

/// Declares a field enum for `$ty`: one variant per editable field, carrying its value.
macro_rules! field_enum {
    ($(#[$meta:meta])* $name:ident for $ty:ty { $($(#[$vmeta:meta])* $variant:ident($vty:ty) => $field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum $name {
            $($(#[$vmeta])* $variant($vty)),*
        }

        impl $name {
            /// Writes this value into `target` and returns the value it replaced.
            pub fn swap_into(self, target: &mut $ty) -> $name {
                match self {
                    $($name::$variant(v) => $name::$variant(std::mem::replace(&mut target.$field, v))),*
                }
            }

            /// The current value of the same field in `target`.
            pub fn read_from(&self, target: &$ty) -> $name {
                match self {
                    $($name::$variant(_) => $name::$variant(target.$field.clone())),*
                }
            }

            /// Name of the field, for messages and undo coalescing.
            pub fn name(&self) -> &'static str {
                match self {
                    $($name::$variant(_) => stringify!($field)),*
                }
            }
        }
    };
}

field_enum! {
    /// An editable field of the map's scope.
    ScopeField for Scope {
        /// Title.
        Title(String) => title,
        /// Objective of the exercise.
        Objective(String) => objective,
        /// Segment.
        Segment(String) => segment,
        /// Primary persona.
        PrimaryPersona(Option<Id>) => primary_persona,
        /// Owner.
        Owner(String) => owner,
        /// Review cadence.
        ReviewCadence(ReviewCadence) => review_cadence,
        /// Last review date.
        LastReview(String) => last_review,
        /// Next review date.
        NextReview(String) => next_review,
        /// Research sources.
        ResearchSources(String) => research_sources,
        /// The prioritisation the Plan shows first.
        PrioritiseBy(Prioritisation) => prioritise_by,
    }
}

field_enum! {
    /// An editable field of a persona.
    PersonaField for Persona {
        /// Name.
        Name(String) => name,
        /// Role.
        Role(String) => role,
        /// Firmographics.
        Firmographics(String) => firmographics,
        /// Goals.
        Goals(String) => goals,
        /// Challenges.
        Challenges(String) => challenges,
        /// Decision process.
        DecisionProcess(String) => decision_process,
        /// Preferred channels.
        PreferredChannels(String) => preferred_channels,
        /// Frustrations.
        Frustrations(String) => frustrations,
    }
}

field_enum! {
    /// An editable field of a stage.
    StageField for Stage {
        /// Name.
        Name(String) => name,
        /// Description.
        Description(String) => description,
        /// Customer goal.
        CustomerGoal(String) => customer_goal,
        /// Owning team.
        OwningTeam(String) => owning_team,
        /// What goes wrong in the handoff into the stage.
        HandoffGap(String) => handoff_gap,
        /// Who owns fixing the handoff into the stage.
        HandoffOwner(String) => handoff_owner,
        /// The touchpoints the handoff into the stage breaks.
        HandoffBreaks(Vec<Id>) => handoff_breaks,
    }
}

field_enum! {
    /// An editable field of a lane.
    LaneField for Lane {
        /// Name.
        Name(String) => name,
        /// Kind.
        Kind(LaneKind) => kind,
    }
}

field_enum! {
    /// An editable field of a stakeholder.
    StakeholderField for Stakeholder {
        /// Name.
        Name(String) => name,
        /// Role type.
        RoleType(RoleType) => role_type,
        /// Department.
        Department(String) => department,
        /// Influence 0..10.
        Influence(Level) => influence,
        /// Interest 0..10.
        Interest(Level) => interest,
        /// Stance.
        Stance(Stance) => stance,
        /// Priorities.
        Priorities(String) => priorities,
        /// Concerns.
        Concerns(String) => concerns,
        /// Whom they influence.
        Influences(Vec<Id>) => influences,
    }
}

field_enum! {
    /// An editable field of a card.
    CardField for Card {
        /// Text.
        Text(String) => text,
        /// Notes.
        Notes(String) => notes,
        /// Stakeholders involved.
        Stakeholders(Vec<Id>) => stakeholders,
        /// Owning team.
        OwningTeam(String) => owning_team,
        /// Channel.
        Channel(String) => channel,
        /// Emotion score.
        Emotion(Option<Emotion>) => emotion,
        /// Customer's own words.
        Quote(String) => quote,
        /// Moment-of-truth flag.
        MomentOfTruth(bool) => moment_of_truth,
        /// Target emotion after improvement.
        ToBe(Option<Emotion>) => to_be,
        /// Evidence.
        Evidence(String) => evidence,
        /// Pain-point scores.
        Scores(PainScores) => scores,
        /// Opportunity owner.
        Owner(String) => owner,
        /// Opportunity deadline.
        Deadline(String) => deadline,
        /// Opportunity KPI.
        Kpi(String) => kpi,
        /// KPI baseline.
        Baseline(String) => baseline,
        /// KPI target.
        Target(String) => target,
        /// KPI current value.
        Current(String) => current,
        /// RICE reach per period.
        Reach(Option<f64>) => reach,
        /// The period of the RICE reach.
        ReachPeriod(String) => reach_period,
        /// RICE impact.
        RiceImpact(Option<Impact>) => rice_impact,
        /// RICE confidence.
        RiceConfidence(Option<Confidence>) => rice_confidence,
        /// RICE effort in person-months.
        EffortMonths(Option<f64>) => effort_months,
        /// The pain points an opportunity addresses.
        Addresses(Vec<Id>) => addresses,
        /// Plan status.
        Status(PlanStatus) => status,
        /// Re-measure date set by the user.
        Remeasure(String) => remeasure,
        /// Value–effort matrix: value 1..10.
        ValueScore(Option<u8>) => value_score,
        /// Value–effort matrix: effort 1..10.
        EffortScore(Option<u8>) => effort_score,
        /// Kano category picked directly.
        Kano(Option<KanoCategory>) => kano,
        /// Kano questionnaire answer counts.
        KanoAnswers(KanoCounts) => kano_answers,
        /// KPI: the metric.
        Metric(Option<super::metrics::Metric>) => metric,
    }
}

/// One invertible change to a map.
// A card is the largest variant (on 64-bit targets past clippy's threshold since the RICE
// fields): edits are short-lived, and boxing it would cost code on every insert.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set a scope field.
    SetScope(ScopeField),
    /// Insert a persona at a position.
    InsertPersona(usize, Persona),
    /// Remove a persona.
    RemovePersona(Id),
    /// Set a persona field.
    SetPersona(Id, PersonaField),
    /// Insert a stakeholder at a position.
    InsertStakeholder(usize, Stakeholder),
    /// Remove a stakeholder (use [`remove_stakeholder`] to drop references too).
    RemoveStakeholder(Id),
    /// Set a stakeholder field.
    SetStakeholder(Id, StakeholderField),
    /// Move a stakeholder to a position in the register.
    MoveStakeholder(Id, usize),
    /// Insert a stage at a position.
    InsertStage(usize, Stage),
    /// Remove a stage (use [`remove_stage`] to remove its cards too).
    RemoveStage(Id),
    /// Set a stage field.
    SetStage(Id, StageField),
    /// Move a stage to a position.
    MoveStage(Id, usize),
    /// Insert a lane at a position.
    InsertLane(usize, Lane),
    /// Remove a lane (use [`remove_lane`] to remove its cards too).
    RemoveLane(Id),
    /// Set a lane field.
    SetLane(Id, LaneField),
    /// Move a lane to a position.
    MoveLane(Id, usize),
    /// Insert a card at a position of the card list.
    InsertCard(usize, Card),
    /// Remove a card.
    RemoveCard(Id),
    /// Set a card field.
    SetCard(Id, CardField),
    /// Move a card to a stage, a lane and a position of the card list.
    MoveCard {
        /// The card.
        id: Id,
        /// Target stage.
        stage: Id,
        /// Target lane.
        lane: Id,
        /// Position in the card list after the move.
        index: usize,
    },
    /// Insert a review at a position of the review list.
    InsertReview(usize, super::reviews::Review),
    /// Remove the review at a position.
    RemoveReview(usize),
    /// Set the note of the review at a position.
    SetReviewNote(usize, String),
    /// Several edits applied in order, undone in reverse.
    Batch(Vec<Edit>),
    /// Replace the whole map (restoring a snapshot); the inverse puts the old one back.
    ReplaceMap(Box<JourneyMap>),
}

/// Why an edit could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The item it names is not in the map (deleted meanwhile).
    Missing(&'static str, Id),
    /// An item with this id exists already.
    Duplicate(&'static str, Id),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Missing(what, id) => write!(f, "the {what} ({id}) is no longer on the map"),
            EditError::Duplicate(what, id) => write!(f, "a {what} with id {id} exists already"),
        }
    }
}

fn position<T>(
    items: &[T],
    id: Id,
    what: &'static str,
    key: impl Fn(&T) -> Id,
) -> Result<usize, EditError> {
    items
        .iter()
        .position(|x| key(x) == id)
        .ok_or(EditError::Missing(what, id))
}

fn insert_unique<T>(
    items: &mut Vec<T>,
    index: usize,
    item: T,
    what: &'static str,
    key: impl Fn(&T) -> Id,
) -> Result<(), EditError> {
    let id = key(&item);
    if items.iter().any(|x| key(x) == id) {
        return Err(EditError::Duplicate(what, id));
    }
    items.insert(index.min(items.len()), item);
    Ok(())
}

fn move_to<T>(items: &mut Vec<T>, from: usize, to: usize) -> usize {
    let item = items.remove(from);
    let to = to.min(items.len());
    items.insert(to, item);
    from
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        let inverse = match self {
            Edit::SetScope(field) => Edit::SetScope(field.swap_into(&mut map.scope)),
            Edit::InsertPersona(index, persona) => {
                let id = persona.id;
                insert_unique(&mut map.personas, index, persona, "persona", |p| p.id)?;
                Edit::RemovePersona(id)
            }
            Edit::RemovePersona(id) => {
                let at = position(&map.personas, id, "persona", |p| p.id)?;
                Edit::InsertPersona(at, map.personas.remove(at))
            }
            Edit::SetPersona(id, field) => {
                let at = position(&map.personas, id, "persona", |p| p.id)?;
                Edit::SetPersona(id, field.swap_into(&mut map.personas[at]))
            }
            Edit::InsertStakeholder(index, stakeholder) => {
                let id = stakeholder.id;
                insert_unique(
                    &mut map.stakeholders,
                    index,
                    stakeholder,
                    "stakeholder",
                    |s| s.id,
                )?;
                Edit::RemoveStakeholder(id)
            }
            Edit::RemoveStakeholder(id) => {
                let at = position(&map.stakeholders, id, "stakeholder", |s| s.id)?;
                Edit::InsertStakeholder(at, map.stakeholders.remove(at))
            }
            Edit::SetStakeholder(id, field) => {
                let at = position(&map.stakeholders, id, "stakeholder", |s| s.id)?;
                Edit::SetStakeholder(id, field.swap_into(&mut map.stakeholders[at]))
            }
            Edit::MoveStakeholder(id, to) => {
                let at = position(&map.stakeholders, id, "stakeholder", |s| s.id)?;
                Edit::MoveStakeholder(id, move_to(&mut map.stakeholders, at, to))
            }
            Edit::InsertStage(index, stage) => {
                let id = stage.id;
                insert_unique(&mut map.stages, index, stage, "stage", |s| s.id)?;
                Edit::RemoveStage(id)
            }
            Edit::RemoveStage(id) => {
                let at = position(&map.stages, id, "stage", |s| s.id)?;
                Edit::InsertStage(at, map.stages.remove(at))
            }
            Edit::SetStage(id, field) => {
                let at = position(&map.stages, id, "stage", |s| s.id)?;
                Edit::SetStage(id, field.swap_into(&mut map.stages[at]))
            }
            Edit::MoveStage(id, to) => {
                let at = position(&map.stages, id, "stage", |s| s.id)?;
                Edit::MoveStage(id, move_to(&mut map.stages, at, to))
            }
            Edit::InsertLane(index, lane) => {
                let id = lane.id;
                insert_unique(&mut map.lanes, index, lane, "lane", |l| l.id)?;
                Edit::RemoveLane(id)
            }
            Edit::RemoveLane(id) => {
                let at = position(&map.lanes, id, "lane", |l| l.id)?;
                Edit::InsertLane(at, map.lanes.remove(at))
            }
            Edit::SetLane(id, field) => {
                let at = position(&map.lanes, id, "lane", |l| l.id)?;
                Edit::SetLane(id, field.swap_into(&mut map.lanes[at]))
            }
            Edit::MoveLane(id, to) => {
                let at = position(&map.lanes, id, "lane", |l| l.id)?;
                Edit::MoveLane(id, move_to(&mut map.lanes, at, to))
            }
            Edit::InsertCard(index, card) => {
                let id = card.id;
                insert_unique(&mut map.cards, index, card, "card", |c| c.id)?;
                Edit::RemoveCard(id)
            }
            Edit::RemoveCard(id) => {
                let at = position(&map.cards, id, "card", |c| c.id)?;
                Edit::InsertCard(at, map.cards.remove(at))
            }
            Edit::SetCard(id, field) => {
                let at = position(&map.cards, id, "card", |c| c.id)?;
                Edit::SetCard(id, field.swap_into(&mut map.cards[at]))
            }
            Edit::MoveCard {
                id,
                stage,
                lane,
                index,
            } => {
                let at = position(&map.cards, id, "card", |c| c.id)?;
                position(&map.stages, stage, "stage", |s| s.id)?;
                position(&map.lanes, lane, "lane", |l| l.id)?;
                let card = &mut map.cards[at];
                let inverse = Edit::MoveCard {
                    id,
                    stage: card.stage,
                    lane: card.lane,
                    index: at,
                };
                card.stage = stage;
                card.lane = lane;
                move_to(&mut map.cards, at, index);
                inverse
            }
            Edit::InsertReview(index, review) => {
                let at = index.min(map.reviews.len());
                map.reviews.insert(at, review);
                Edit::RemoveReview(at)
            }
            Edit::RemoveReview(index) => {
                if index >= map.reviews.len() {
                    return Err(EditError::Missing("review", Id(index as u32)));
                }
                Edit::InsertReview(index, map.reviews.remove(index))
            }
            Edit::SetReviewNote(index, note) => {
                let Some(review) = map.reviews.get_mut(index) else {
                    return Err(EditError::Missing("review", Id(index as u32)));
                };
                Edit::SetReviewNote(index, std::mem::replace(&mut review.note, note))
            }
            Edit::ReplaceMap(mut other) => {
                std::mem::swap(map, &mut other);
                Edit::ReplaceMap(other)
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(map) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(err) => {
                            // Roll back what was applied so the map is unchanged.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(map);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        };
        Ok(inverse)
    }

    /// A key that identifies "the same field of the same item", used to merge a burst of
    /// typing into one undo step. `None` for structural edits, which never merge.
    pub fn merge_key(&self) -> Option<(u8, Id, &'static str)> {
        match self {
            Edit::SetScope(f) => Some((0, Id(0), f.name())),
            Edit::SetPersona(id, f) => Some((1, *id, f.name())),
            Edit::SetStakeholder(id, f) => Some((2, *id, f.name())),
            Edit::SetStage(id, f) => Some((3, *id, f.name())),
            Edit::SetLane(id, f) => Some((4, *id, f.name())),
            Edit::SetCard(id, f) => Some((5, *id, f.name())),
            Edit::SetReviewNote(i, _) => Some((6, Id(*i as u32), "note")),
            _ => None,
        }
    }
}

/// The edits that remove the cards for which `gone` holds, and first every link to them
/// from a remaining opportunity or a stage's handoff.
fn remove_cards(map: &JourneyMap, gone: impl Fn(&Card) -> bool) -> Vec<Edit> {
    let removed: Vec<Id> = map.cards.iter().filter(|c| gone(c)).map(|c| c.id).collect();
    let mut edits = Vec::new();
    for other in map.cards.iter().filter(|c| !gone(c)) {
        if other.addresses.iter().any(|p| removed.contains(p)) {
            let kept = other
                .addresses
                .iter()
                .copied()
                .filter(|p| !removed.contains(p))
                .collect();
            edits.push(Edit::SetCard(other.id, CardField::Addresses(kept)));
        }
    }
    for stage in &map.stages {
        if stage.handoff_breaks.iter().any(|t| removed.contains(t)) {
            let kept = stage
                .handoff_breaks
                .iter()
                .copied()
                .filter(|t| !removed.contains(t))
                .collect();
            edits.push(Edit::SetStage(stage.id, StageField::HandoffBreaks(kept)));
        }
    }
    edits.extend(removed.into_iter().map(Edit::RemoveCard));
    edits
}

/// The edit that removes a stage and every card in it.
pub fn remove_stage(map: &JourneyMap, stage: Id) -> Edit {
    let mut edits = remove_cards(map, |c| c.stage == stage);
    edits.push(Edit::RemoveStage(stage));
    Edit::Batch(edits)
}

/// The edit that removes a lane and every card in it.
pub fn remove_lane(map: &JourneyMap, lane: Id) -> Edit {
    let mut edits = remove_cards(map, |c| c.lane == lane);
    edits.push(Edit::RemoveLane(lane));
    Edit::Batch(edits)
}

/// The edit that removes a card and every opportunity's link to it.
pub fn remove_card(map: &JourneyMap, card: Id) -> Edit {
    Edit::Batch(remove_cards(map, |c| c.id == card))
}

/// The edit that removes a stakeholder and every reference to them (cards, influence links).
pub fn remove_stakeholder(map: &JourneyMap, stakeholder: Id) -> Edit {
    let mut edits = Vec::new();
    for card in map
        .cards
        .iter()
        .filter(|c| c.stakeholders.contains(&stakeholder))
    {
        let kept = card
            .stakeholders
            .iter()
            .copied()
            .filter(|s| *s != stakeholder)
            .collect();
        edits.push(Edit::SetCard(card.id, CardField::Stakeholders(kept)));
    }
    for other in map
        .stakeholders
        .iter()
        .filter(|s| s.influences.contains(&stakeholder))
    {
        let kept = other
            .influences
            .iter()
            .copied()
            .filter(|s| *s != stakeholder)
            .collect();
        edits.push(Edit::SetStakeholder(
            other.id,
            StakeholderField::Influences(kept),
        ));
    }
    edits.push(Edit::RemoveStakeholder(stakeholder));
    Edit::Batch(edits)
}

/// The edit that removes a persona and clears it as primary persona.
pub fn remove_persona(map: &JourneyMap, persona: Id) -> Edit {
    let mut edits = Vec::new();
    if map.scope.primary_persona == Some(persona) {
        edits.push(Edit::SetScope(ScopeField::PrimaryPersona(None)));
    }
    edits.push(Edit::RemovePersona(persona));
    Edit::Batch(edits)
}

/// The edit that moves a card to position `slot` among the cards of cell (`stage`, `lane`).
///
/// `slot` counts the other cards of the target cell; past the end means last.
pub fn move_card(map: &JourneyMap, card: Id, stage: Id, lane: Id, slot: usize) -> Option<Edit> {
    map.card(card)?;
    // Positions are computed as if the card were already removed from the list.
    let rest: Vec<&Card> = map.cards.iter().filter(|c| c.id != card).collect();
    let cell: Vec<usize> = rest
        .iter()
        .enumerate()
        .filter(|(_, c)| c.stage == stage && c.lane == lane)
        .map(|(i, _)| i)
        .collect();
    let index = match cell.get(slot) {
        Some(&i) => i,
        None => match cell.last() {
            Some(&last) => last + 1,
            None => insertion_point(map, &rest, stage, lane),
        },
    };
    Some(Edit::MoveCard {
        id: card,
        stage,
        lane,
        index,
    })
}

/// Where a new card of an empty cell goes in the card list: after the cards of earlier
/// cells in reading order, so the list stays roughly sorted by stage and lane.
fn insertion_point(map: &JourneyMap, cards: &[&Card], stage: Id, lane: Id) -> usize {
    let rank = |c: &Card| {
        let s = map
            .stages
            .iter()
            .position(|x| x.id == c.stage)
            .unwrap_or(usize::MAX);
        let l = map
            .lanes
            .iter()
            .position(|x| x.id == c.lane)
            .unwrap_or(usize::MAX);
        (s, l)
    };
    let target = {
        let s = map
            .stages
            .iter()
            .position(|x| x.id == stage)
            .unwrap_or(usize::MAX);
        let l = map
            .lanes
            .iter()
            .position(|x| x.id == lane)
            .unwrap_or(usize::MAX);
        (s, l)
    };
    cards
        .iter()
        .rposition(|c| rank(c) <= target)
        .map_or(0, |i| i + 1)
}

/// The edit that adds `card` as the last card of its cell.
pub fn add_card(map: &JourneyMap, card: Card) -> Edit {
    let cell_last = map
        .cards
        .iter()
        .rposition(|c| c.stage == card.stage && c.lane == card.lane);
    let index = match cell_last {
        Some(i) => i + 1,
        None => {
            let all: Vec<&Card> = map.cards.iter().collect();
            insertion_point(map, &all, card.stage, card.lane)
        }
    };
    Edit::InsertCard(index, card)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> JourneyMap {
        let mut map = JourneyMap::blank("Test");
        for name in ["Awareness", "Decision"] {
            let id = map.new_id();
            map.stages.push(Stage {
                id,
                name: name.into(),
                ..Stage::default()
            });
        }
        let sh = map.new_id();
        map.stakeholders.push(Stakeholder {
            id: sh,
            name: "CFO".into(),
            ..Stakeholder::default()
        });
        let (s0, s1) = (map.stages[0].id, map.stages[1].id);
        let tp = map.lanes[2].id;
        for (stage, text) in [(s0, "Blog"), (s0, "Webinar"), (s1, "Demo")] {
            let id = map.new_id();
            map.cards.push(Card {
                id,
                stage,
                lane: tp,
                text: text.into(),
                stakeholders: vec![sh],
                ..Card::default()
            });
        }
        map
    }

    fn roundtrip(edit: Edit) -> JourneyMap {
        let original = sample();
        let mut map = original.clone();
        let inverse = edit.apply(&mut map).expect("edit applies");
        assert_ne!(map, original, "edit changed nothing");
        inverse.apply(&mut map).expect("inverse applies");
        assert_eq!(map, original, "inverse did not restore the map");
        map
    }

    #[test]
    fn every_kind_of_edit_is_undone_by_its_inverse() {
        let m = sample();
        let (s0, s1) = (m.stages[0].id, m.stages[1].id);
        let card = m.cards[0].id;
        let lane = m.lanes[0].id;
        let sh = m.stakeholders[0].id;
        roundtrip(Edit::SetScope(ScopeField::Title("Renamed".into())));
        roundtrip(Edit::SetStage(s0, StageField::Name("Discover".into())));
        roundtrip(Edit::MoveStage(s0, 1));
        roundtrip(remove_stage(&m, s0));
        roundtrip(Edit::InsertStage(
            1,
            Stage {
                id: Id(99),
                name: "New".into(),
                ..Stage::default()
            },
        ));
        roundtrip(Edit::MoveLane(lane, 5));
        roundtrip(remove_lane(&m, m.lanes[2].id));
        roundtrip(Edit::SetLane(lane, LaneField::Name("Doing".into())));
        roundtrip(Edit::SetCard(card, CardField::Emotion(Emotion::new(-2))));
        roundtrip(Edit::SetCard(card, CardField::MomentOfTruth(true)));
        roundtrip(Edit::RemoveCard(card));
        roundtrip(move_card(&m, card, s1, m.lanes[2].id, 0).unwrap());
        roundtrip(remove_stakeholder(&m, sh));
        roundtrip(Edit::SetStakeholder(
            sh,
            StakeholderField::Influence(Level::new(9).unwrap()),
        ));
        roundtrip(Edit::SetCard(card, CardField::Reach(Some(1200.0))));
        roundtrip(Edit::SetCard(
            card,
            CardField::ReachPeriod("per quarter".into()),
        ));
        roundtrip(Edit::SetCard(
            card,
            CardField::RiceImpact(Some(Impact::Low)),
        ));
        roundtrip(Edit::SetCard(
            card,
            CardField::RiceConfidence(Some(Confidence::Medium)),
        ));
        roundtrip(Edit::SetCard(card, CardField::EffortMonths(Some(0.5))));
        roundtrip(Edit::SetCard(
            card,
            CardField::Addresses(vec![m.cards[2].id]),
        ));
        roundtrip(Edit::SetCard(
            card,
            CardField::Status(PlanStatus::InProgress),
        ));
        roundtrip(Edit::SetCard(
            card,
            CardField::Remeasure("2027-03-01".into()),
        ));
        roundtrip(Edit::SetCard(card, CardField::ValueScore(Some(8))));
        roundtrip(Edit::SetCard(card, CardField::EffortScore(Some(3))));
        roundtrip(Edit::SetCard(
            card,
            CardField::Kano(Some(KanoCategory::Attractive)),
        ));
        roundtrip(Edit::SetCard(
            card,
            CardField::KanoAnswers(KanoCounts([[1; 5]; 5])),
        ));
        roundtrip(Edit::SetScope(ScopeField::PrioritiseBy(
            Prioritisation::Kano,
        )));
        roundtrip(remove_card(&m, card));
        roundtrip(Edit::InsertPersona(
            0,
            Persona {
                id: Id(77),
                name: "Olivia".into(),
                ..Persona::default()
            },
        ));
    }

    #[test]
    fn failed_batch_leaves_the_map_unchanged() {
        let original = sample();
        let mut map = original.clone();
        let batch = Edit::Batch(vec![
            Edit::SetScope(ScopeField::Title("Changed".into())),
            Edit::RemoveCard(Id(4242)),
        ]);
        assert_eq!(
            batch.apply(&mut map),
            Err(EditError::Missing("card", Id(4242)))
        );
        assert_eq!(map, original);
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut map = sample();
        let dup = map.cards[0].clone();
        assert!(matches!(
            Edit::InsertCard(0, dup).apply(&mut map),
            Err(EditError::Duplicate(..))
        ));
    }

    #[test]
    fn removing_a_stakeholder_drops_references() {
        let mut map = sample();
        let sh = map.stakeholders[0].id;
        remove_stakeholder(&map, sh).apply(&mut map).unwrap();
        assert!(map.stakeholders.is_empty());
        assert!(map.cards.iter().all(|c| c.stakeholders.is_empty()));
    }

    #[test]
    fn move_card_places_it_at_the_slot_of_the_target_cell() {
        let mut map = sample();
        let (s0, s1) = (map.stages[0].id, map.stages[1].id);
        let tp = map.lanes[2].id;
        let blog = map.cards[0].id;
        move_card(&map, blog, s1, tp, 0)
            .unwrap()
            .apply(&mut map)
            .unwrap();
        let cell: Vec<&str> = map.cell(s1, tp).map(|c| c.text.as_str()).collect();
        assert_eq!(cell, vec!["Blog", "Demo"]);
        // Past the end means last.
        move_card(&map, blog, s1, tp, 9)
            .unwrap()
            .apply(&mut map)
            .unwrap();
        let cell: Vec<&str> = map.cell(s1, tp).map(|c| c.text.as_str()).collect();
        assert_eq!(cell, vec!["Demo", "Blog"]);
        // Into an empty cell.
        let actions = map.lanes[0].id;
        move_card(&map, blog, s0, actions, 0)
            .unwrap()
            .apply(&mut map)
            .unwrap();
        assert_eq!(map.cell(s0, actions).count(), 1);
    }

    #[test]
    fn add_card_appends_to_its_cell() {
        let mut map = sample();
        let s0 = map.stages[0].id;
        let tp = map.lanes[2].id;
        let id = map.new_id();
        let edit = add_card(
            &map,
            Card {
                id,
                stage: s0,
                lane: tp,
                text: "Case study".into(),
                ..Card::default()
            },
        );
        edit.apply(&mut map).unwrap();
        let cell: Vec<&str> = map.cell(s0, tp).map(|c| c.text.as_str()).collect();
        assert_eq!(cell, vec!["Blog", "Webinar", "Case study"]);
    }
}

/// What an edit touched, so a view can refresh only the parts that depend on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// The whole map was replaced: refresh everything.
    pub everything: bool,
    /// The scope changed.
    pub scope: bool,
    /// The persona list or a persona changed.
    pub personas: bool,
    /// The stakeholder register changed.
    pub stakeholders: bool,
    /// The stage list or a stage changed.
    pub stages: bool,
    /// The lane list or a lane changed.
    pub lanes: bool,
    /// Which cards sit in which cell changed (cards added, removed, moved, or their
    /// stakeholders changed, which decides their swimlane).
    pub layout: bool,
    /// Cards whose content changed.
    pub cards: Vec<Id>,
    /// The review list changed.
    pub reviews: bool,
}

impl Touched {
    fn add(&mut self, edit: &Edit) {
        match edit {
            Edit::SetScope(_) => self.scope = true,
            Edit::InsertPersona(..) | Edit::RemovePersona(_) | Edit::SetPersona(..) => {
                self.personas = true
            }
            Edit::InsertStakeholder(..)
            | Edit::RemoveStakeholder(_)
            | Edit::SetStakeholder(..)
            | Edit::MoveStakeholder(..) => self.stakeholders = true,
            Edit::InsertStage(..)
            | Edit::RemoveStage(_)
            | Edit::SetStage(..)
            | Edit::MoveStage(..) => self.stages = true,
            Edit::InsertLane(..) | Edit::RemoveLane(_) | Edit::SetLane(..) | Edit::MoveLane(..) => {
                self.lanes = true
            }
            Edit::InsertCard(_, card) => {
                self.layout = true;
                self.cards.push(card.id);
            }
            Edit::RemoveCard(id) | Edit::MoveCard { id, .. } => {
                self.layout = true;
                self.cards.push(*id);
            }
            Edit::SetCard(id, field) => {
                if matches!(field, CardField::Stakeholders(_)) {
                    self.layout = true;
                }
                self.cards.push(*id);
            }
            Edit::InsertReview(..) | Edit::RemoveReview(_) | Edit::SetReviewNote(..) => {
                self.reviews = true
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| self.add(e)),
            Edit::ReplaceMap(_) => self.everything = true,
        }
    }
}

impl Edit {
    /// What applying this edit (or its inverse) touches.
    pub fn touched(&self) -> Touched {
        let mut t = Touched::default();
        t.add(self);
        crate::model::order::sort(&mut t.cards);
        t.cards.dedup();
        t
    }
}

#[cfg(test)]
mod touched_tests {
    use super::*;

    #[test]
    fn touched_names_exactly_what_an_edit_changes() {
        let t = Edit::SetCard(Id(3), CardField::Text("x".into())).touched();
        assert_eq!(
            t,
            Touched {
                cards: vec![Id(3)],
                ..Touched::default()
            }
        );
        let t = Edit::SetCard(Id(3), CardField::Stakeholders(vec![])).touched();
        assert!(t.layout);
        let t = Edit::Batch(vec![
            Edit::RemoveCard(Id(2)),
            Edit::RemoveCard(Id(1)),
            Edit::RemoveStage(Id(9)),
        ])
        .touched();
        assert_eq!(t.cards, vec![Id(1), Id(2)]);
        assert!(t.layout && t.stages && !t.lanes && !t.scope);
        assert!(Edit::ReplaceMap(Box::default()).touched().everything);
        assert!(
            Edit::SetScope(ScopeField::Title("t".into()))
                .touched()
                .scope
        );
    }
}
