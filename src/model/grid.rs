//! The grid view of a map: lane groups (swimlanes by stakeholder), the cards each cell
//! shows under a stakeholder filter, and the moves that keyboard and drag-and-drop make.

use super::edit::{self, CardField, Edit};
use super::ids::Id;
use super::map::{Card, JourneyMap};

/// How lanes are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// One set of lanes for everyone.
    Together,
    /// One set of lanes per stakeholder ("swimlanes by stakeholder").
    ByStakeholder,
}

/// A group of lanes in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaneGroup {
    /// All cards (grouping off), restricted by the stakeholder filter if one is set.
    All,
    /// Cards that involve this stakeholder.
    Stakeholder(Id),
    /// Cards that name no stakeholder.
    Unassigned,
}

/// The lane groups of the grid, top to bottom.
pub fn lane_groups(map: &JourneyMap, grouping: Grouping, filter: Option<Id>) -> Vec<LaneGroup> {
    match grouping {
        Grouping::Together => vec![LaneGroup::All],
        Grouping::ByStakeholder => {
            let mut groups: Vec<LaneGroup> = map
                .stakeholders
                .iter()
                .filter(|s| filter.is_none_or(|f| f == s.id))
                .map(|s| LaneGroup::Stakeholder(s.id))
                .collect();
            if filter.is_none() {
                groups.push(LaneGroup::Unassigned);
            }
            groups
        }
    }
}

/// Whether `card` shows in `group` under the stakeholder `filter`.
pub fn card_in_group(card: &Card, group: LaneGroup, filter: Option<Id>) -> bool {
    match group {
        LaneGroup::All => filter.is_none_or(|f| card.stakeholders.contains(&f)),
        LaneGroup::Stakeholder(s) => card.stakeholders.contains(&s),
        LaneGroup::Unassigned => card.stakeholders.is_empty(),
    }
}

/// The ids of the cards one cell shows, in order.
pub fn cell_ids(
    map: &JourneyMap,
    stage: Id,
    lane: Id,
    group: LaneGroup,
    filter: Option<Id>,
) -> Vec<Id> {
    map.cell(stage, lane)
        .filter(|c| card_in_group(c, group, filter))
        .map(|c| c.id)
        .collect()
}

/// The stakeholders a new card added in `group` starts with.
pub fn new_card_stakeholders(group: LaneGroup, filter: Option<Id>) -> Vec<Id> {
    match group {
        LaneGroup::Stakeholder(s) => vec![s],
        LaneGroup::Unassigned => Vec::new(),
        LaneGroup::All => filter.into_iter().collect(),
    }
}

/// The edit that moves a card `delta` places up (−) or down (+) among the cards its cell
/// shows; `None` at the edge.
pub fn nudge_card(
    map: &JourneyMap,
    id: Id,
    delta: i32,
    group: LaneGroup,
    filter: Option<Id>,
) -> Option<Edit> {
    let card = map.card(id)?;
    let visible = cell_ids(map, card.stage, card.lane, group, filter);
    let slot = visible.iter().position(|c| *c == id)? as i64 + i64::from(delta);
    let target = *visible.get(usize::try_from(slot).ok()?)?;
    let others: Vec<Id> = map
        .cell(card.stage, card.lane)
        .filter(|c| c.id != id)
        .map(|c| c.id)
        .collect();
    let at = others.iter().position(|c| *c == target)? + usize::from(delta > 0);
    edit::move_card(map, id, card.stage, card.lane, at)
}

/// The edit that moves a card to the stage `delta` columns away, at the end of its cell.
pub fn shift_card_stage(map: &JourneyMap, id: Id, delta: i32) -> Option<Edit> {
    let card = map.card(id)?;
    let at = map.stages.iter().position(|s| s.id == card.stage)? as i64 + i64::from(delta);
    let stage = map.stages.get(usize::try_from(at).ok()?)?.id;
    edit::move_card(map, id, stage, card.lane, usize::MAX)
}

/// The edit that moves a card to the lane `delta` rows away, at the end of its cell.
pub fn shift_card_lane(map: &JourneyMap, id: Id, delta: i32) -> Option<Edit> {
    let card = map.card(id)?;
    let at = map.lanes.iter().position(|l| l.id == card.lane)? as i64 + i64::from(delta);
    let lane = map.lanes.get(usize::try_from(at).ok()?)?.id;
    edit::move_card(map, id, card.stage, lane, usize::MAX)
}

/// The edit for dropping a card (dragged out of lane group `from`) into a cell of group
/// `to`, before the card `before` or last. Moving between stakeholders' swimlanes hands
/// the card from one stakeholder to the other.
pub fn drop_card(
    map: &JourneyMap,
    id: Id,
    stage: Id,
    lane: Id,
    before: Option<Id>,
    from: LaneGroup,
    to: LaneGroup,
) -> Option<Edit> {
    let card = map.card(id)?;
    if before == Some(id) {
        return None;
    }
    let slot = before
        .and_then(|b| {
            map.cell(stage, lane)
                .filter(|c| c.id != id)
                .position(|c| c.id == b)
        })
        .unwrap_or(usize::MAX);
    let mv = edit::move_card(map, id, stage, lane, slot)?;
    let mut stakeholders = card.stakeholders.clone();
    match (from, to) {
        (_, LaneGroup::All) => {}
        (f, t) if f == t => {}
        (from, LaneGroup::Stakeholder(s)) => {
            if let LaneGroup::Stakeholder(old) = from {
                stakeholders.retain(|x| *x != old);
            }
            if !stakeholders.contains(&s) {
                stakeholders.push(s);
            }
        }
        (_, LaneGroup::Unassigned) => stakeholders.clear(),
    }
    if stakeholders == card.stakeholders {
        Some(mv)
    } else {
        Some(Edit::Batch(vec![
            mv,
            Edit::SetCard(id, CardField::Stakeholders(stakeholders)),
        ]))
    }
}

/// The edit for dropping stage `moved` on stage `onto` (a touch move): `moved` takes the
/// place of `onto`, the stages between shift by one; `None` when it is there already.
pub fn move_stage_onto(map: &JourneyMap, moved: Id, onto: Id) -> Option<Edit> {
    let at = map.stages.iter().position(|s| s.id == onto)?;
    let from = map.stages.iter().position(|s| s.id == moved)?;
    (at != from).then_some(Edit::MoveStage(moved, at))
}

/// The edit for dropping lane `moved` on lane `onto`, as [`move_stage_onto`] for stages.
pub fn move_lane_onto(map: &JourneyMap, moved: Id, onto: Id) -> Option<Edit> {
    let at = map.lanes.iter().position(|l| l.id == onto)?;
    let from = map.lanes.iter().position(|l| l.id == moved)?;
    (at != from).then_some(Edit::MoveLane(moved, at))
}

/// How many lines `text` takes when wrapped word by word at about `per_line` characters:
/// the row count of a card's text box, so that cards need not be measured by the browser.
pub fn text_rows(text: &str, per_line: usize) -> usize {
    let per_line = per_line.max(1);
    let mut rows = 0;
    for paragraph in text.split('\n') {
        let mut used = 0usize;
        let mut lines = 1;
        for word in paragraph.split(' ') {
            let len = word.chars().count();
            let needed = if used == 0 { len } else { used + 1 + len };
            if needed <= per_line {
                used = needed;
            } else if len > per_line {
                // A long word breaks across lines.
                lines += usize::from(used > 0) + (len - 1) / per_line;
                used = len % per_line;
            } else {
                lines += 1;
                used = len;
            }
        }
        rows += lines;
    }
    rows.max(1)
}

/// Spare lines a card's text box keeps below the text while it is being typed in.
pub const SPARE_ROWS: usize = 2;

/// How a card's text box changes size after its text or its editing state changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resize {
    /// It keeps its rows.
    Keep,
    /// It takes these rows at once (the text does not fit, or editing ended).
    Now(usize),
    /// It takes these rows after the next paint: the text still fits, so the keystroke
    /// is shown first and the map below moves a frame later.
    AfterPaint(usize),
}

/// The resize of a card's text box that shows `shown` rows, when its text needs
/// `needed` (see [`text_rows`]) and `typing` says whether the user is editing it.
/// While typing, a box whose last line is reached grows [`SPARE_ROWS`] more than the
/// text needs, so the map below shifts once every few lines instead of at every line,
/// and it keeps at most that many empty lines when text is deleted. Otherwise the box
/// fits its text.
pub fn text_box_resize(needed: usize, shown: usize, typing: bool) -> Resize {
    let needed = needed.max(1);
    let target = if !typing {
        needed
    } else if needed >= shown {
        needed + SPARE_ROWS
    } else {
        shown.min(needed + SPARE_ROWS)
    };
    if target == shown {
        Resize::Keep
    } else if typing && needed <= shown && target > shown {
        Resize::AfterPaint(target)
    } else {
        Resize::Now(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::map::{Stage, Stakeholder};

    struct Fixture {
        map: JourneyMap,
        stages: [Id; 2],
        lane: Id,
        people: [Id; 2],
    }

    fn fixture() -> Fixture {
        let mut map = JourneyMap::blank("Grid");
        let stages = [map.new_id(), map.new_id()];
        for (i, id) in stages.iter().enumerate() {
            map.stages.push(Stage {
                id: *id,
                name: format!("S{i}"),
                ..Stage::default()
            });
        }
        let people = [map.new_id(), map.new_id()];
        for (i, id) in people.iter().enumerate() {
            map.stakeholders.push(Stakeholder {
                id: *id,
                name: format!("P{i}"),
                ..Stakeholder::default()
            });
        }
        let lane = map.lanes[2].id;
        for (text, who) in [
            ("a", vec![people[0]]),
            ("b", vec![people[1]]),
            ("c", vec![people[0]]),
            ("d", vec![]),
        ] {
            let id = map.new_id();
            map.cards.push(Card {
                id,
                stage: stages[0],
                lane,
                text: text.into(),
                stakeholders: who,
                ..Card::default()
            });
        }
        Fixture {
            map,
            stages,
            lane,
            people,
        }
    }

    fn texts(f: &Fixture, group: LaneGroup, filter: Option<Id>, stage: Id) -> Vec<String> {
        cell_ids(&f.map, stage, f.lane, group, filter)
            .into_iter()
            .map(|id| f.map.card(id).unwrap().text.clone())
            .collect()
    }

    #[test]
    fn text_rows_counts_wrapped_and_explicit_lines() {
        assert_eq!(text_rows("", 30), 1);
        assert_eq!(text_rows("short", 30), 1);
        assert_eq!(text_rows(&"x".repeat(61), 30), 3);
        assert_eq!(text_rows("a\nb\n\nc", 30), 4);
        // Words wrap whole: 18 + 18 characters do not fit one 30-character line.
        assert_eq!(text_rows("aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbb", 30), 2);
    }

    #[test]
    fn text_box_grows_in_steps_while_typing_and_fits_otherwise() {
        use Resize::*;
        // Not typing: the box fits its text.
        assert_eq!(text_box_resize(3, 3, false), Keep);
        assert_eq!(text_box_resize(2, 5, false), Now(2));
        assert_eq!(text_box_resize(0, 2, false), Now(1));
        // Typing on the last line: room for the next lines, after this key is painted.
        assert_eq!(text_box_resize(1, 1, true), AfterPaint(1 + SPARE_ROWS));
        // While the text fits with room to spare, the box stays.
        assert_eq!(text_box_resize(2, 3, true), Keep);
        // Text that does not fit (a paste) grows the box at once.
        assert_eq!(text_box_resize(6, 3, true), Now(6 + SPARE_ROWS));
        // Deleting text keeps at most the spare lines empty.
        assert_eq!(text_box_resize(1, 8, true), Now(1 + SPARE_ROWS));
        assert_eq!(text_box_resize(1, 3, true), Keep);
    }

    #[test]
    fn groups_follow_grouping_and_filter() {
        let f = fixture();
        assert_eq!(
            lane_groups(&f.map, Grouping::Together, None),
            vec![LaneGroup::All]
        );
        let groups = lane_groups(&f.map, Grouping::ByStakeholder, None);
        assert_eq!(
            groups,
            vec![
                LaneGroup::Stakeholder(f.people[0]),
                LaneGroup::Stakeholder(f.people[1]),
                LaneGroup::Unassigned
            ]
        );
        assert_eq!(
            lane_groups(&f.map, Grouping::ByStakeholder, Some(f.people[1])),
            vec![LaneGroup::Stakeholder(f.people[1])]
        );
    }

    #[test]
    fn cells_show_the_cards_of_their_group() {
        let f = fixture();
        let s0 = f.stages[0];
        assert_eq!(texts(&f, LaneGroup::All, None, s0), ["a", "b", "c", "d"]);
        assert_eq!(texts(&f, LaneGroup::All, Some(f.people[0]), s0), ["a", "c"]);
        assert_eq!(
            texts(&f, LaneGroup::Stakeholder(f.people[1]), None, s0),
            ["b"]
        );
        assert_eq!(texts(&f, LaneGroup::Unassigned, None, s0), ["d"]);
    }

    #[test]
    fn nudging_skips_cards_hidden_by_the_filter() {
        let mut f = fixture();
        let s0 = f.stages[0];
        let a = f.map.cards[0].id;
        let filter = Some(f.people[0]);
        nudge_card(&f.map, a, 1, LaneGroup::All, filter)
            .unwrap()
            .apply(&mut f.map)
            .unwrap();
        assert_eq!(texts(&f, LaneGroup::All, filter, s0), ["c", "a"]);
        assert_eq!(texts(&f, LaneGroup::All, None, s0), ["b", "c", "a", "d"]);
        assert!(
            nudge_card(&f.map, a, 1, LaneGroup::All, filter).is_none(),
            "a is last of its view"
        );
        nudge_card(&f.map, a, -1, LaneGroup::All, filter)
            .unwrap()
            .apply(&mut f.map)
            .unwrap();
        assert_eq!(texts(&f, LaneGroup::All, filter, s0), ["a", "c"]);
    }

    #[test]
    fn shifting_moves_between_stages_and_lanes_and_stops_at_the_edges() {
        let mut f = fixture();
        let a = f.map.cards[0].id;
        assert!(shift_card_stage(&f.map, a, -1).is_none());
        shift_card_stage(&f.map, a, 1)
            .unwrap()
            .apply(&mut f.map)
            .unwrap();
        assert_eq!(f.map.card(a).unwrap().stage, f.stages[1]);
        shift_card_lane(&f.map, a, 1)
            .unwrap()
            .apply(&mut f.map)
            .unwrap();
        assert_eq!(f.map.card(a).unwrap().lane, f.map.lanes[3].id);
    }

    #[test]
    fn dropping_into_another_swimlane_hands_the_card_over() {
        let mut f = fixture();
        let a = f.map.cards[0].id;
        let [p0, p1] = f.people;
        let edit = drop_card(
            &f.map,
            a,
            f.stages[1],
            f.lane,
            None,
            LaneGroup::Stakeholder(p0),
            LaneGroup::Stakeholder(p1),
        );
        edit.unwrap().apply(&mut f.map).unwrap();
        let card = f.map.card(a).unwrap();
        assert_eq!(card.stage, f.stages[1]);
        assert_eq!(card.stakeholders, vec![p1]);
    }

    #[test]
    fn dropping_before_a_card_places_it_there() {
        let mut f = fixture();
        let (a, d) = (f.map.cards[0].id, f.map.cards[3].id);
        drop_card(
            &f.map,
            d,
            f.stages[0],
            f.lane,
            Some(a),
            LaneGroup::All,
            LaneGroup::All,
        )
        .unwrap()
        .apply(&mut f.map)
        .unwrap();
        assert_eq!(
            texts(&f, LaneGroup::All, None, f.stages[0]),
            ["d", "a", "b", "c"]
        );
        assert!(drop_card(
            &f.map,
            d,
            f.stages[0],
            f.lane,
            Some(d),
            LaneGroup::All,
            LaneGroup::All
        )
        .is_none());
    }

    #[test]
    fn new_cards_start_with_the_group_or_filter_stakeholder() {
        let p = Id(5);
        assert_eq!(
            new_card_stakeholders(LaneGroup::Stakeholder(p), None),
            vec![p]
        );
        assert_eq!(new_card_stakeholders(LaneGroup::All, Some(p)), vec![p]);
        assert!(new_card_stakeholders(LaneGroup::Unassigned, Some(p)).is_empty());
    }

    #[test]
    fn a_stage_or_lane_dropped_on_another_takes_its_place_in_one_step() {
        let mut f = fixture();
        let third = f.map.new_id();
        f.map.stages.push(Stage {
            id: third,
            name: "S2".into(),
            ..Stage::default()
        });
        let names = |m: &JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        let edit = move_stage_onto(&f.map, f.stages[0], third).unwrap();
        assert_eq!(edit, Edit::MoveStage(f.stages[0], 2));
        let mut doc = crate::model::Document::new(f.map.clone());
        doc.apply(edit, 0.0).unwrap();
        assert_eq!(names(doc.map()), ["S1", "S2", "S0"]);
        doc.undo();
        assert_eq!(names(doc.map()), ["S0", "S1", "S2"]);
        assert!(move_stage_onto(&f.map, third, third).is_none());
        assert!(move_stage_onto(&f.map, Id(999), third).is_none());

        let lanes: Vec<Id> = f.map.lanes.iter().map(|l| l.id).collect();
        assert_eq!(
            move_lane_onto(&f.map, lanes[3], lanes[0]),
            Some(Edit::MoveLane(lanes[3], 0))
        );
        assert!(move_lane_onto(&f.map, lanes[1], lanes[1]).is_none());
    }
}
