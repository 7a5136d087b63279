//! Tolerant restore: turns any JSON into the best journey map it holds, reporting what
//! was dropped or repaired instead of failing as a whole.
//!
//! The approach follows Excalidraw's `restore.ts`: every item is restored on its own, a
//! broken field falls back to its default, a broken item is dropped, and references to
//! dropped items are cleaned up, so one bad field never costs the user their map.

use super::ids::Id;
use super::map::{Card, JourneyMap, Lane, Persona, Scope, Stage, Stakeholder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// What a restore repaired or dropped, in plain words for the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// One line per repair, e.g. "Card 3: the emotion was unreadable and was cleared".
    pub notes: Vec<String>,
}

impl RestoreReport {
    /// Whether the data came through untouched.
    pub fn is_clean(&self) -> bool {
        self.notes.is_empty()
    }

    fn note(&mut self, text: String) {
        self.notes.push(text);
    }
}

/// Deserializes `value` as a `T`, field by field: a field that cannot be read falls back
/// to its default and is reported under `place`. `None` if `value` is not an object.
fn restore_struct<T>(value: &Value, place: &str, report: &mut RestoreReport) -> Option<T>
where
    T: DeserializeOwned + Serialize + Default,
{
    let object = value.as_object()?;
    if let Ok(item) = T::deserialize(value) {
        return Some(item);
    }
    let mut good: Map<String, Value> = match serde_json::to_value(T::default()) {
        Ok(Value::Object(defaults)) => defaults,
        _ => Map::new(),
    };
    for (key, field) in object {
        let mut trial = good.clone();
        trial.insert(key.clone(), field.clone());
        if T::deserialize(&Value::Object(trial.clone())).is_ok() {
            good = trial;
        } else {
            report.note(format!(
                "{place}: the field “{key}” could not be read and was reset"
            ));
        }
    }
    T::deserialize(&Value::Object(good)).ok()
}

/// Restores each element of the array `value[key]`; non-objects are dropped and reported.
fn restore_list<T>(value: &Value, key: &str, noun: &str, report: &mut RestoreReport) -> Vec<T>
where
    T: DeserializeOwned + Serialize + Default,
{
    let items = match value.get(key) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            report.note(format!(
                "The {key} list could not be read and was left empty"
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let place = format!("{noun} {}", i + 1);
        match restore_struct::<T>(item, &place, report) {
            Some(restored) => out.push(restored),
            None => report.note(format!("{place} was not readable and was dropped")),
        }
    }
    out
}

/// Restores a journey map from any JSON value. Fails only if `value` is not an object.
pub fn restore_map(value: &Value) -> Result<(JourneyMap, RestoreReport), String> {
    if !value.is_object() {
        return Err("a map must be a JSON object".into());
    }
    let mut report = RestoreReport::default();
    let scope = match value.get("scope") {
        None => Scope::default(),
        Some(scope) => restore_struct::<Scope>(scope, "Scope", &mut report).unwrap_or_else(|| {
            report.note("The scope could not be read and was reset".into());
            Scope::default()
        }),
    };
    let mut map = JourneyMap {
        scope,
        personas: restore_list::<Persona>(value, "personas", "Persona", &mut report),
        stakeholders: restore_list::<Stakeholder>(
            value,
            "stakeholders",
            "Stakeholder",
            &mut report,
        ),
        stages: restore_list::<Stage>(value, "stages", "Stage", &mut report),
        lanes: restore_list::<Lane>(value, "lanes", "Lane", &mut report),
        cards: restore_list::<Card>(value, "cards", "Card", &mut report),
        next_id: value
            .get("next_id")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .min(u64::from(u32::MAX)) as u32,
        reviews: restore_list::<super::reviews::Review>(value, "reviews", "Review", &mut report),
    };
    repair(&mut map, &mut report);
    Ok((map, report))
}

/// Ids from this value up are replaced on restore, so a map never runs out of ids.
const ID_LIMIT: u32 = 1 << 30;

/// Makes ids unique, non-zero and below 2^30, drops cards without a stage or lane, and removes
/// references to items that do not exist.
pub fn repair(map: &mut JourneyMap, report: &mut RestoreReport) {
    let mut seen: HashSet<Id> = HashSet::new();
    // Ids at or above ID_LIMIT count as missing and a next_id that high is ignored: near
    // u32::MAX, `new_id` could no longer hand out fresh ids (found by fuzz_restore).
    let highest = map
        .personas
        .iter()
        .map(|p| p.id)
        .chain(map.stakeholders.iter().map(|s| s.id))
        .chain(map.stages.iter().map(|s| s.id))
        .chain(map.lanes.iter().map(|l| l.id))
        .chain(map.cards.iter().map(|c| c.id))
        .filter(|id| id.0 < ID_LIMIT)
        .max();
    let mut next = highest
        .map_or(1, |m| m.0 + 1)
        .max(if map.next_id < ID_LIMIT / 2 {
            map.next_id
        } else {
            0
        })
        .max(1);
    let mut fresh = |id: &mut Id, place: String, report: &mut RestoreReport| {
        if id.0 == 0 || id.0 >= ID_LIMIT || !seen.insert(*id) {
            *id = Id(next);
            seen.insert(*id);
            next = next.saturating_add(1);
            report.note(format!(
                "{place} had a missing or repeated id and got a new one"
            ));
        }
    };
    // Stages, lanes and stakeholders are referenced by cards: give them first claim on ids.
    for (i, s) in map.stages.iter_mut().enumerate() {
        fresh(&mut s.id, format!("Stage {}", i + 1), report);
    }
    for (i, l) in map.lanes.iter_mut().enumerate() {
        fresh(&mut l.id, format!("Lane {}", i + 1), report);
    }
    for (i, s) in map.stakeholders.iter_mut().enumerate() {
        fresh(&mut s.id, format!("Stakeholder {}", i + 1), report);
    }
    for (i, p) in map.personas.iter_mut().enumerate() {
        fresh(&mut p.id, format!("Persona {}", i + 1), report);
    }
    for (i, c) in map.cards.iter_mut().enumerate() {
        fresh(&mut c.id, format!("Card {}", i + 1), report);
    }
    map.next_id = next;

    let stages: HashSet<Id> = map.stages.iter().map(|s| s.id).collect();
    let lanes: HashSet<Id> = map.lanes.iter().map(|l| l.id).collect();
    let before = map.cards.len();
    map.cards
        .retain(|c| stages.contains(&c.stage) && lanes.contains(&c.lane));
    let dropped = before - map.cards.len();
    if dropped > 0 {
        report.note(format!(
            "{dropped} card(s) sat in a stage or lane that no longer exists and were dropped"
        ));
    }
    let people: HashSet<Id> = map.stakeholders.iter().map(|s| s.id).collect();
    let mut unlinked = 0;
    for card in &mut map.cards {
        let n = card.stakeholders.len();
        card.stakeholders.retain(|s| people.contains(s));
        let mut unique = HashSet::new();
        card.stakeholders.retain(|s| unique.insert(*s));
        unlinked += n - card.stakeholders.len();
        for score in [
            &mut card.scores.magnitude,
            &mut card.scores.severity,
            &mut card.scores.frequency,
            &mut card.scores.business_impact,
            &mut card.scores.effort,
        ] {
            if let Some(v) = score {
                if !(1..=5).contains(v) {
                    *score = Some((*v).clamp(1, 5));
                    report.note(format!(
                        "A pain-point score of “{}” was out of range and was clamped",
                        card.text
                    ));
                }
            }
        }
    }
    // Opportunities link only to pain points that exist, once each; RICE amounts in range.
    let pains: HashSet<Id> = map
        .cards
        .iter()
        .filter(|c| map.card_kind(c) == Some(super::map::LaneKind::PainPoints))
        .map(|c| c.id)
        .collect();
    let mut pain_links = 0;
    for card in &mut map.cards {
        let n = card.addresses.len();
        let mut unique = HashSet::new();
        card.addresses
            .retain(|p| pains.contains(p) && unique.insert(*p));
        pain_links += n - card.addresses.len();
        let max = super::opportunities::MAX_AMOUNT;
        let bad_reach = card.reach.is_some_and(|r| !(0.0..=max).contains(&r));
        let bad_effort = card.effort_months.is_some_and(|e| !(e > 0.0 && e <= max));
        if bad_reach {
            card.reach = None;
        }
        if bad_effort {
            card.effort_months = None;
        }
        let out_of_scale = |v: &mut Option<u8>| {
            let bad = v.is_some_and(|x| !(1..=10).contains(&x));
            if bad {
                *v = v.map(|x| x.clamp(1, 10));
            }
            bad
        };
        let bad_value = out_of_scale(&mut card.value_score);
        let bad_scale = out_of_scale(&mut card.effort_score) || bad_value;
        if bad_scale {
            report.note(format!(
                "A value or effort score of “{}” was outside 1..10 and was clamped",
                card.text
            ));
        }
        let max_count = super::kano::MAX_COUNT;
        let mut bad_count = false;
        for n in card.kano_answers.0.iter_mut().flatten() {
            if *n > max_count {
                *n = max_count;
                bad_count = true;
            }
        }
        if bad_count {
            report.note(format!(
                "A Kano answer count of “{}” was over 1,000,000 and was capped",
                card.text
            ));
        }
        if bad_reach || bad_effort {
            report.note(format!(
                "A RICE reach or effort of “{}” was out of range and was cleared",
                card.text
            ));
        }
    }
    if pain_links > 0 {
        report.note(format!(
            "{pain_links} link(s) from opportunities to pain points that do not exist were removed"
        ));
    }
    // Handoffs break only touchpoints that exist, once each.
    let touchpoints: HashSet<Id> = map.touchpoints().iter().map(|c| c.id).collect();
    let mut broken_links = 0;
    for stage in &mut map.stages {
        let n = stage.handoff_breaks.len();
        let mut unique = HashSet::new();
        stage
            .handoff_breaks
            .retain(|t| touchpoints.contains(t) && unique.insert(*t));
        broken_links += n - stage.handoff_breaks.len();
    }
    if broken_links > 0 {
        report.note(format!(
            "{broken_links} link(s) from handoffs to touchpoints that do not exist were removed"
        ));
    }
    for s in &mut map.stakeholders {
        let own = s.id;
        let n = s.influences.len();
        s.influences.retain(|t| *t != own && people.contains(t));
        unlinked += n - s.influences.len();
    }
    if unlinked > 0 {
        report.note(format!(
            "{unlinked} link(s) to stakeholders who do not exist were removed"
        ));
    }
    if let Some(p) = map.scope.primary_persona {
        if map.persona(p).is_none() {
            map.scope.primary_persona = None;
            report.note("The primary persona no longer exists and was cleared".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_clean_map_restores_unchanged() {
        let mut map = JourneyMap::blank("Clean");
        let id = map.new_id();
        map.stages.push(Stage {
            id,
            name: "S".into(),
            ..Stage::default()
        });
        let value = serde_json::to_value(&map).unwrap();
        let (back, report) = restore_map(&value).unwrap();
        assert_eq!(back, map);
        assert!(report.is_clean(), "{:?}", report.notes);
    }

    #[test]
    fn one_bad_field_resets_only_that_field() {
        let value = json!({
            "scope": {"title": "Kept", "review_cadence": "fortnightly"},
            "stages": [{"id": 1, "name": "Awareness"}],
            "lanes": [{"id": 2, "name": "Touchpoints", "kind": "touchpoints"}],
            "cards": [
                {"id": 3, "stage": 1, "lane": 2, "text": "Demo", "emotion": 7},
                {"id": 4, "stage": 1, "lane": 2, "text": "Kept card", "emotion": -2}
            ],
            "next_id": 5
        });
        let (map, report) = restore_map(&value).unwrap();
        assert_eq!(map.scope.title, "Kept");
        assert_eq!(map.cards.len(), 2);
        assert_eq!(map.cards[0].text, "Demo");
        assert_eq!(map.cards[0].emotion, None);
        assert_eq!(map.cards[1].emotion.map(|e| e.value()), Some(-2));
        assert!(
            report.notes.iter().any(|n| n.contains("“emotion”")),
            "{:?}",
            report.notes
        );
        assert!(
            report.notes.iter().any(|n| n.contains("“review_cadence”")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn unreadable_items_are_dropped_and_reported() {
        let value = json!({
            "stages": [{"id": 1, "name": "S"}, "garbage", 42],
            "lanes": [{"id": 2, "name": "L"}],
            "cards": [{"id": 3, "stage": 1, "lane": 2}, {"id": 4, "stage": 99, "lane": 2}],
            "personas": "not a list"
        });
        let (map, report) = restore_map(&value).unwrap();
        assert_eq!(map.stages.len(), 1);
        assert_eq!(map.cards.len(), 1);
        assert!(report
            .notes
            .iter()
            .any(|n| n.contains("Stage 2 was not readable")));
        assert!(report
            .notes
            .iter()
            .any(|n| n.contains("1 card(s) sat in a stage")));
        assert!(report.notes.iter().any(|n| n.contains("personas list")));
    }

    #[test]
    fn repeated_and_missing_ids_are_renumbered_and_next_id_moves_past_them() {
        let value = json!({
            "stages": [{"id": 5, "name": "A"}, {"id": 5, "name": "B"}, {"name": "C"}],
            "next_id": 2
        });
        let (map, report) = restore_map(&value).unwrap();
        let ids: HashSet<Id> = map.stages.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 3);
        assert!(map
            .stages
            .iter()
            .all(|s| s.id.0 < map.next_id && s.id.0 > 0));
        assert_eq!(report.notes.len(), 2);
    }

    #[test]
    fn handoffs_keep_only_links_to_touchpoints_that_exist() {
        let value = json!({
            "stages": [{"id": 1, "name": "A"}, {"id": 2, "name": "B", "handoff_gap": "lost notes",
                        "handoff_breaks": [4, 4, 5, 99]}],
            "lanes": [{"id": 3, "name": "T", "kind": "touchpoints"}, {"id": 6, "name": "P", "kind": "pain-points"}],
            "cards": [
                {"id": 4, "stage": 2, "lane": 3, "text": "kickoff"},
                {"id": 5, "stage": 2, "lane": 6, "text": "a pain, not a touchpoint"}
            ],
            "next_id": 7
        });
        let (map, report) = restore_map(&value).unwrap();
        assert_eq!(map.stages[1].handoff_breaks, vec![Id(4)]);
        assert_eq!(map.stages[1].handoff_gap, "lost notes");
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.starts_with("3 link(s) from handoffs")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn opportunity_links_and_rice_amounts_are_repaired() {
        let value = json!({
            "stages": [{"id": 1, "name": "A"}],
            "lanes": [{"id": 2, "name": "P", "kind": "pain-points"}, {"id": 3, "name": "O", "kind": "opportunities"}],
            "cards": [
                {"id": 4, "stage": 1, "lane": 2, "text": "pain"},
                {"id": 5, "stage": 1, "lane": 3, "text": "opp", "addresses": [4, 4, 5, 99],
                 "reach": -3, "effort_months": 0, "rice_impact": "low", "rice_confidence": "medium",
                 "status": "in-progress"},
                {"id": 6, "stage": 1, "lane": 3, "text": "bad impact", "rice_impact": "huge", "reach": 10}
            ]
        });
        let (map, report) = restore_map(&value).unwrap();
        let opp = map.card(Id(5)).unwrap();
        assert_eq!(opp.addresses, vec![Id(4)]);
        assert_eq!((opp.reach, opp.effort_months), (None, None));
        assert_eq!(opp.rice_impact, Some(crate::model::formulas::Impact::Low));
        assert_eq!(opp.status, crate::model::PlanStatus::InProgress);
        let other = map.card(Id(6)).unwrap();
        assert_eq!((other.rice_impact, other.reach), (None, Some(10.0)));
        assert_eq!(report.notes.len(), 3, "{:?}", report.notes);
    }

    #[test]
    fn links_to_missing_stakeholders_are_removed() {
        let value = json!({
            "stakeholders": [{"id": 1, "name": "CFO", "influences": [1, 2, 9]}, {"id": 2, "name": "CIO"}],
            "stages": [{"id": 3, "name": "S"}],
            "lanes": [{"id": 4, "name": "L"}],
            "cards": [{"id": 5, "stage": 3, "lane": 4, "stakeholders": [2, 8, 2]}],
            "scope": {"primary_persona": 77}
        });
        let (map, report) = restore_map(&value).unwrap();
        assert_eq!(map.stakeholders[0].influences, vec![Id(2)]);
        assert_eq!(map.cards[0].stakeholders, vec![Id(2)]);
        assert_eq!(map.scope.primary_persona, None);
        assert!(!report.is_clean());
    }

    #[test]
    fn huge_ids_are_renumbered_so_new_ids_stay_available() {
        let value = json!({
            "stages": [{"id": 4294967295u32, "name": "A"}, {"id": 3, "name": "B"}],
            "next_id": 4294967295u32
        });
        let (mut map, report) = restore_map(&value).unwrap();
        assert!(
            crate::model::validate::is_valid(&map),
            "{:?}",
            crate::model::validate::validate(&map)
        );
        assert!(map.stages.iter().all(|s| s.id.0 < ID_LIMIT));
        assert_eq!(report.notes.len(), 1, "{:?}", report.notes);
        let a = map.new_id();
        let b = map.new_id();
        assert!(a != b && b.0 < map.next_id);
    }

    #[test]
    fn non_objects_are_refused() {
        assert!(restore_map(&json!([1, 2])).is_err());
        assert!(restore_map(&json!("map")).is_err());
    }
}
