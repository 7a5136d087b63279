//! Handoff gaps: where the journey passes from one team to the next (marketing → sales,
//! sales → customer success …), the customer often feels the seam: context is lost,
//! questions are asked twice, nobody owns the moment. Between two adjacent stages whose
//! owning teams differ, the map shows a handoff; the receiving stage holds what goes wrong
//! there ([`Stage::handoff_gap`]), who owns fixing it and the touchpoints it breaks.
//!
//! The gap lives on the receiving stage, not on the pair, so it moves with the stage and
//! goes (and comes back on undo) with it. A description written for a handoff whose
//! teams have since become the same is kept and still shown, never dropped silently.

use super::ids::Id;
use super::map::{Card, JourneyMap, Stage};

/// One handoff between adjacent stages.
#[derive(Clone, Copy, Debug)]
pub struct Handoff<'a> {
    /// The stage the work leaves.
    pub from: &'a Stage,
    /// The stage the work enters; it holds the gap's description, owner and touchpoints.
    pub to: &'a Stage,
    /// Whether the owning teams differ (both stages name a team, and not the same one).
    pub team_change: bool,
}

impl Handoff<'_> {
    /// Whether the user has described this handoff at all.
    pub fn described(&self) -> bool {
        has_gap(self.to)
    }

    /// The handoff in one line: "Handoff Sales → Customer success: what goes wrong. Owner:
    /// who." (what is blank left out).
    pub fn words(&self) -> String {
        let mut out = format!("Handoff {}", self.teams());
        let gap = self.to.handoff_gap.trim();
        if !gap.is_empty() {
            out.push_str(": ");
            out.push_str(gap);
        }
        let owner = self.to.handoff_owner.trim();
        if !owner.is_empty() {
            if !out.ends_with(['.', '!', '?']) {
                out.push('.');
            }
            out.push_str(" Owner: ");
            out.push_str(owner);
        }
        out
    }

    /// "Sales → Customer success" (or the stage names when a team is not named).
    pub fn teams(&self) -> String {
        let side = |s: &Stage| {
            if s.owning_team.trim().is_empty() {
                s.name.clone()
            } else {
                s.owning_team.trim().to_string()
            }
        };
        format!("{} → {}", side(self.from), side(self.to))
    }
}

/// Whether a stage holds any handoff detail.
pub fn has_gap(stage: &Stage) -> bool {
    !stage.handoff_gap.trim().is_empty()
        || !stage.handoff_owner.trim().is_empty()
        || !stage.handoff_breaks.is_empty()
}

/// Whether two owning teams are different teams (case and spacing aside); an unnamed team
/// is no change.
pub fn teams_differ(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && !b.is_empty() && !a.eq_ignore_ascii_case(b)
}

/// The handoffs of `map`, left to right: every pair of adjacent stages whose teams differ,
/// and every stage that holds handoff detail even though its team no longer changes.
pub fn handoffs(map: &JourneyMap) -> Vec<Handoff<'_>> {
    map.stages
        .windows(2)
        .filter_map(|pair| {
            let team_change = teams_differ(&pair[0].owning_team, &pair[1].owning_team);
            (team_change || has_gap(&pair[1])).then_some(Handoff {
                from: &pair[0],
                to: &pair[1],
                team_change,
            })
        })
        .collect()
}

/// The handoff into the stage `to`, if there is one.
pub fn into_stage(map: &JourneyMap, to: Id) -> Option<Handoff<'_>> {
    handoffs(map).into_iter().find(|h| h.to.id == to)
}

/// The touchpoints a handoff may break: those of the two stages it joins, in map order.
pub fn candidates<'a>(map: &'a JourneyMap, handoff: &Handoff<'_>) -> Vec<&'a Card> {
    let (from, to) = (handoff.from.id, handoff.to.id);
    map.touchpoints()
        .into_iter()
        .filter(|c| c.stage == from || c.stage == to)
        .collect()
}

/// The texts of the touchpoints a handoff breaks, in the order the user picked them
/// (ids that name no card are skipped).
pub fn broken<'a>(map: &'a JourneyMap, stage: &Stage) -> Vec<&'a Card> {
    stage
        .handoff_breaks
        .iter()
        .filter_map(|id| map.card(*id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{remove_card, remove_stage, Edit, StageField};
    use crate::model::templates;

    fn three_stages() -> JourneyMap {
        let mut map = JourneyMap::blank("Handoffs");
        for (name, team) in [
            ("Evaluate", "Sales"),
            ("Onboard", "customer success "),
            ("Adopt", "Customer Success"),
        ] {
            let id = map.new_id();
            map.stages.push(Stage {
                id,
                name: name.into(),
                owning_team: team.into(),
                ..Stage::default()
            });
        }
        map
    }

    #[test]
    fn a_handoff_is_where_the_team_changes() {
        let map = three_stages();
        let found = handoffs(&map);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].from.name, "Evaluate");
        assert_eq!(found[0].to.name, "Onboard");
        assert!(found[0].team_change);
        assert!(!found[0].described());
        assert_eq!(found[0].teams(), "Sales → customer success");
        assert!(!teams_differ("Sales", ""), "an unnamed team is no change");
        assert!(!teams_differ(" CS", "cs"));
    }

    #[test]
    fn a_described_handoff_stays_when_its_teams_become_the_same() {
        let mut map = three_stages();
        map.stages[2].handoff_gap = "The CSM re-asks the goals".into();
        let found = handoffs(&map);
        assert_eq!(found.len(), 2);
        assert!(!found[1].team_change);
        assert_eq!(found[1].teams(), "customer success → Customer Success");
        assert_eq!(
            found[1].words(),
            "Handoff customer success → Customer Success: The CSM re-asks the goals"
        );
        map.stages[2].handoff_owner = "CS lead".into();
        assert_eq!(
            handoffs(&map)[1].words(),
            "Handoff customer success → Customer Success: The CSM re-asks the goals. Owner: CS lead"
        );
        assert_eq!(
            handoffs(&map)[0].words(),
            "Handoff Sales → customer success"
        );
        assert!(into_stage(&map, map.stages[2].id).is_some());
        assert!(into_stage(&map, map.stages[0].id).is_none());
    }

    #[test]
    fn removing_a_touchpoint_unlinks_it_from_the_handoff_and_undo_relinks_it() {
        let mut map = templates::build("six-stage-b2b").unwrap();
        let handoff = handoffs(&map)[0];
        let to = handoff.to.id;
        let touchpoint = candidates(&map, &handoff)[0].id;
        Edit::SetStage(to, StageField::HandoffBreaks(vec![touchpoint]))
            .apply(&mut map)
            .unwrap();
        let before = map.clone();
        let undo = remove_card(&map, touchpoint).apply(&mut map).unwrap();
        assert!(map.stage(to).unwrap().handoff_breaks.is_empty());
        undo.apply(&mut map).unwrap();
        assert_eq!(map, before);
        // Removing the receiving stage takes its handoff with it; undo brings it back.
        let undo = remove_stage(&map, to).apply(&mut map).unwrap();
        assert!(map.stage(to).is_none());
        undo.apply(&mut map).unwrap();
        assert_eq!(map, before);
    }

    #[test]
    fn candidates_are_the_touchpoints_of_the_two_stages() {
        let map = templates::build("six-stage-b2b").unwrap();
        let handoff = handoffs(&map)[0];
        let found = candidates(&map, &handoff);
        assert!(!found.is_empty());
        for c in found {
            assert!(c.stage == handoff.from.id || c.stage == handoff.to.id);
            assert_eq!(
                map.card_kind(c),
                Some(crate::model::map::LaneKind::Touchpoints)
            );
        }
    }
}
