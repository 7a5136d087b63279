//! Opportunities prioritised by RICE and tracked in an improvement plan.
//!
//! RICE = reach × impact × confidence / effort ([`formulas::rice`]), with impact on the
//! scale 3 / 2 / 1 / 0.5 / 0.25, confidence 100 / 80 / 50 % and effort in person-months
//! (more than 0). Opportunities with all four inputs are ranked, highest score first; ties
//! (equal to the hundredth the screen shows) go to the one that takes less effort, then to
//! the one earlier in the journey. The rest are listed apart, with what is missing.
//!
//! Each opportunity links to the pain points it addresses; a pain with no opportunity is
//! flagged. The plan: a status (idea → measured), the KPI's baseline and target, and a
//! re-measure date that defaults to the deadline + 90 days (stored only when the user sets
//! one). Given today's date, an opportunity is *overdue* when its deadline has passed and
//! it is not delivered, and *due for re-measure* when it is done and its re-measure date
//! has come.

use crate::model::dates::Date;
use crate::model::edit::{CardField, Edit};
use crate::model::formulas;
use crate::model::{Card, Id, JourneyMap, LaneKind};

/// The ranking rule in words, as the Opportunities view shows it.
pub const RULE: &str = "RICE = reach × impact × confidence ÷ effort. Impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. Confidence: 100, 80 or 50 %. Effort in person-months, more than 0. Ties go to less effort, then to the one earlier in the journey.";

/// Days from the deadline to the default re-measure date.
pub const REMEASURE_DAYS: i64 = 90;

/// The largest reach or effort accepted (a typo guard, and it keeps every score finite).
pub const MAX_AMOUNT: f64 = 1_000_000_000.0;

/// What the reach field says when it holds something else.
pub const REACH_HINT: &str =
    "Reach is how many customers or events per period: a number, 0 or more, like 1200 or 7.5.";
/// What the effort field says when it holds something else.
pub const EFFORT_HINT: &str =
    "Effort is in person-months and must be more than 0, like 2 or 0.5 (about two weeks).";

/// Why a typed amount was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bad {
    NotANumber,
    Negative,
    DecimalComma,
    TooPrecise,
    TooLarge,
}

/// A non-negative decimal typed by the user: digits with an optional point and at most two
/// decimals, thousands optionally grouped by commas ("1,200"). Never NaN or infinite.
fn parse_amount(text: &str) -> Result<Option<f64>, Bad> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = text.strip_prefix('-') {
        return match parse_amount(rest) {
            Ok(Some(v)) if v > 0.0 => Err(Bad::Negative),
            Ok(_) => Ok(Some(0.0)),
            Err(e) => Err(e),
        };
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let int: String = if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let grouped = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            let digits_comma_digits =
                frac.is_none() && groups.len() == 2 && groups.iter().all(|g| !g.is_empty());
            return Err(
                if digits_comma_digits && all_digits(&int.replace(',', "")) {
                    Bad::DecimalComma
                } else {
                    Bad::NotANumber
                },
            );
        }
        groups.concat()
    } else {
        int.to_string()
    };
    let frac = frac.unwrap_or("");
    if (int.is_empty() && frac.is_empty()) || !all_digits(&int) || !all_digits(frac) {
        return Err(Bad::NotANumber);
    }
    if frac.len() > 2 {
        return Err(Bad::TooPrecise);
    }
    if int.trim_start_matches('0').len() > 10 {
        return Err(Bad::TooLarge);
    }
    // Whole hundredths, divided once: the same double as parsing the decimal text.
    let digits = |s: &str| s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let hundredths = digits(&int) * 100 + digits(&format!("{frac:0<2}"));
    let value = hundredths as f64 / 100.0;
    if value > MAX_AMOUNT {
        return Err(Bad::TooLarge);
    }
    Ok(Some(value))
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn amount_message(bad: Bad, hint: &'static str) -> &'static str {
    match bad {
        Bad::NotANumber => hint,
        Bad::Negative => "It cannot be negative. Enter 0 or more.",
        Bad::DecimalComma => {
            "Use a point for decimals, like 1.5 (a comma groups thousands: 1,200)."
        }
        Bad::TooPrecise => "Use at most two decimals, like 0.25.",
        Bad::TooLarge => "That is more than 1,000,000,000: check the number.",
    }
}

/// A RICE reach typed by the user: empty is no reach; 0 or more (at most two decimals) is
/// a reach; anything else is refused with a message, so the stored value stays as it was.
pub fn parse_reach(text: &str) -> Result<Option<f64>, &'static str> {
    parse_amount(text).map_err(|bad| amount_message(bad, REACH_HINT))
}

/// A RICE effort in person-months typed by the user: empty is no effort; more than 0 (at
/// most two decimals) is an effort; 0, negative or anything else is refused with a message.
pub fn parse_effort(text: &str) -> Result<Option<f64>, &'static str> {
    match parse_amount(text) {
        Ok(Some(v)) if v <= 0.0 => Err(
            "Effort must be more than 0 person-months: nothing is free. Use 0.25 for about a week.",
        ),
        Ok(v) => Ok(v),
        Err(Bad::Negative) => Err("Effort must be more than 0 person-months, like 2 or 0.5."),
        Err(bad) => Err(amount_message(bad, EFFORT_HINT)),
    }
}

/// A number as the plan shows it: at most two decimals, no trailing zeros, thousands
/// grouped ("1,234.5"); finite by construction of the inputs ("–" if not).
pub fn format_amount(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let hundredths = (v * 100.0).round() as i64;
    let (int, frac) = (hundredths / 100, (hundredths % 100).abs());
    let digits = int.abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if int < 0 {
        grouped.insert(0, '-');
    }
    match frac {
        0 => grouped,
        f if f % 10 == 0 => format!("{grouped}.{}", f / 10),
        f => format!("{grouped}.{f:02}"),
    }
}

/// An amount as an input field shows it (no grouping, so it reads back unchanged).
pub fn amount_input(v: Option<f64>) -> String {
    v.map(|v| format_amount(v).replace(',', ""))
        .unwrap_or_default()
}

/// The RICE score of a card, `None` until reach, impact, confidence and effort are all set
/// (or if a stored value is out of range).
pub fn score(card: &Card) -> Option<f64> {
    formulas::rice(
        card.reach?,
        card.rice_impact?,
        card.rice_confidence?,
        card.effort_months?,
    )
    .ok()
    .filter(|s| s.is_finite())
}

/// The RICE inputs a card still lacks, in words ("reach", "impact", …).
pub fn missing_inputs(card: &Card) -> Vec<&'static str> {
    [
        (card.reach.is_none(), "reach"),
        (card.rice_impact.is_none(), "impact"),
        (card.rice_confidence.is_none(), "confidence"),
        (card.effort_months.is_none(), "effort"),
    ]
    .into_iter()
    .filter_map(|(gap, what)| gap.then_some(what))
    .collect()
}

/// The cards of lanes of `kind`, in journey order (stage, lane, order in the cell).
pub fn cards_in_journey_order(map: &JourneyMap, kind: LaneKind) -> Vec<&Card> {
    let mut out = Vec::new();
    for stage in &map.stages {
        for lane in map.lanes.iter().filter(|l| l.kind == kind) {
            out.extend(map.cell(stage.id, lane.id));
        }
    }
    out
}

/// One scored opportunity in the ranking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// The opportunity's card.
    pub card: Id,
    /// 1 for the highest score.
    pub rank: usize,
    /// Its RICE score.
    pub score: f64,
}

/// Every opportunity of a map: the scored ones ranked, the rest in journey order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// Opportunities with all four RICE inputs, highest score first.
    pub ranked: Vec<Ranked>,
    /// Opportunities missing a RICE input, in journey order.
    pub unscored: Vec<Id>,
}

impl Ranking {
    /// The rank of `card`, if it is scored.
    pub fn rank_of(&self, card: Id) -> Option<usize> {
        self.ranked.iter().find(|r| r.card == card).map(|r| r.rank)
    }
}

/// Every opportunity in the order of the map's chosen prioritisation (what the shared
/// view lists first): by RICE score; by value–effort quadrant (quick wins first), then
/// value (high first) and effort (low first); or by Kano category in its usual order
/// (must-be first). Ties, and the opportunities the method cannot place yet, keep the
/// journey's order, the unplaced ones last.
pub fn order_by(map: &JourneyMap, by: crate::model::Prioritisation) -> Vec<Id> {
    use crate::model::Prioritisation;
    /// Where a method places a card (group, then two tie-breakers); `None`: not yet.
    type Place = Option<(usize, i64, i64)>;
    let cards = cards_in_journey_order(map, LaneKind::Opportunities);
    let mut keyed: Vec<(Place, Id)> = match by {
        Prioritisation::Rice => {
            let r = rank(map);
            return r.ranked.iter().map(|x| x.card).chain(r.unscored).collect();
        }
        Prioritisation::ValueEffort => cards
            .iter()
            .map(|c| {
                let key = match (
                    crate::model::value_effort::quadrant_of(c),
                    c.value_score,
                    c.effort_score,
                ) {
                    (Some(q), Some(v), Some(e)) => Some((
                        crate::model::value_effort::ValueEffortQuadrant::ALL
                            .iter()
                            .position(|x| *x == q)
                            .unwrap_or(usize::MAX),
                        -i64::from(v),
                        i64::from(e),
                    )),
                    _ => None,
                };
                (key, c.id)
            })
            .collect(),
        Prioritisation::Kano => cards
            .iter()
            .map(|c| {
                let key = crate::model::kano::category(c).map(|(k, _)| {
                    let at = formulas::KanoCategory::ALL.iter().position(|x| *x == k);
                    (at.unwrap_or(usize::MAX), 0, 0)
                });
                (key, c.id)
            })
            .collect(),
    };
    // Stable: equal keys keep the journey's order; None sorts after every Some.
    keyed.sort_by_key(|(key, _)| (key.is_none(), *key));
    keyed.into_iter().map(|(_, id)| id).collect()
}

/// Ranks the opportunities of `map` by RICE (see the module's rule).
pub fn rank(map: &JourneyMap) -> Ranking {
    let mut scored: Vec<(usize, &Card, f64)> = Vec::new();
    let mut unscored = Vec::new();
    for (order, card) in cards_in_journey_order(map, LaneKind::Opportunities)
        .into_iter()
        .enumerate()
    {
        match score(card) {
            Some(s) => scored.push((order, card, s)),
            None => unscored.push(card.id),
        }
    }
    // Compared at the hundredth the screen shows, so what looks equal is a tie; then
    // less effort first (in hundredths of a person-month), then journey order.
    let hundredths = |v: f64| (v * 100.0).round() as i64;
    let mut rows: Vec<Row> = scored
        .iter()
        .enumerate()
        .map(|(i, (order, card, s))| Row {
            key: Some(Key::Num(-hundredths(*s))),
            then: card.effort_months.map_or(i64::MAX, hundredths),
            order: *order,
            at: i,
        })
        .collect();
    sort_rows(&mut rows, false);
    Ranking {
        ranked: rows
            .iter()
            .enumerate()
            .map(|(i, row)| Ranked {
                card: scored[row.at].1.id,
                rank: i + 1,
                score: scored[row.at].2,
            })
            .collect(),
        unscored,
    }
}

/// The date to re-measure the KPI: the one the user set, else the deadline + 90 days;
/// `None` when neither is a date.
pub fn remeasure_date(card: &Card) -> Option<Date> {
    Date::parse(&card.remeasure)
        .or_else(|| Date::parse(&card.deadline).map(|d| d.add_days(REMEASURE_DAYS)))
}

/// Whether the re-measure date is the default (deadline + 90 days) rather than set.
pub fn remeasure_is_default(card: &Card) -> bool {
    card.remeasure.is_empty()
}

/// What the plan flags about an opportunity on a given day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// The deadline has passed and it is not delivered.
    pub overdue: bool,
    /// It is done and its re-measure date has come: measure the KPI again.
    pub remeasure_due: bool,
}

/// The flags of `card` on `today`.
pub fn flags(card: &Card, today: Date) -> Flags {
    let past = |d: Option<Date>| d.is_some_and(|d| d < today);
    Flags {
        overdue: !card.status.delivered() && past(Date::parse(&card.deadline)),
        remeasure_due: card.status == crate::model::PlanStatus::Done
            && remeasure_date(card).is_some_and(|d| d <= today),
    }
}

/// The pain points no opportunity addresses, in journey order.
pub fn pains_without_opportunity(map: &JourneyMap) -> Vec<Id> {
    let opportunities = cards_in_journey_order(map, LaneKind::Opportunities);
    cards_in_journey_order(map, LaneKind::PainPoints)
        .into_iter()
        .filter(|p| !opportunities.iter().any(|o| o.addresses.contains(&p.id)))
        .map(|p| p.id)
        .collect()
}

/// The opportunities that address `pain`, in journey order.
pub fn opportunities_for(map: &JourneyMap, pain: Id) -> Vec<&Card> {
    cards_in_journey_order(map, LaneKind::Opportunities)
        .into_iter()
        .filter(|o| o.addresses.contains(&pain))
        .collect()
}

/// The edit that links `opportunity` to `pain` when `on`, or unlinks it; `None` when
/// nothing would change or either card is missing or of the wrong kind.
pub fn link(map: &JourneyMap, opportunity: Id, pain: Id, on: bool) -> Option<Edit> {
    let o = map.card(opportunity)?;
    let p = map.card(pain)?;
    if map.card_kind(p) != Some(LaneKind::PainPoints) || o.addresses.contains(&pain) == on {
        return None;
    }
    let mut addresses: Vec<Id> = o.addresses.iter().copied().filter(|a| *a != pain).collect();
    if on {
        addresses.push(pain);
    }
    Some(Edit::SetCard(opportunity, CardField::Addresses(addresses)))
}

/// A column of the improvement plan the user can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// RICE rank (unscored last).
    Rank,
    /// The opportunity's text.
    Opportunity,
    /// Its stage, in journey order.
    Stage,
    /// Who delivers it.
    Owner,
    /// By when.
    Deadline,
    /// The KPI.
    Kpi,
    /// The KPI's baseline.
    Baseline,
    /// The KPI's target.
    Target,
    /// Plan status, idea to measured.
    Status,
    /// The re-measure date (set or default).
    Remeasure,
    /// Flags: overdue first, then due for re-measure.
    Flags,
}

impl Column {
    /// The plan's columns, left to right.
    pub const PLAN: [Column; 11] = [
        Column::Rank,
        Column::Opportunity,
        Column::Stage,
        Column::Owner,
        Column::Deadline,
        Column::Kpi,
        Column::Baseline,
        Column::Target,
        Column::Status,
        Column::Remeasure,
        Column::Flags,
    ];

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Rank => "Rank",
            Column::Opportunity => "Opportunity",
            Column::Stage => "Stage",
            Column::Owner => "Owner",
            Column::Deadline => "Deadline",
            Column::Kpi => "KPI",
            Column::Baseline => "Baseline",
            Column::Target => "Target",
            Column::Status => "Status",
            Column::Remeasure => "Re-measure",
            Column::Flags => "Flags",
        }
    }
}

/// Which opportunities the plan shows, and in which order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanQuery {
    /// Only this owner's (trimmed, case-insensitive); `Some("")` for those without one.
    pub owner: Option<String>,
    /// Only this stage's.
    pub stage: Option<Id>,
    /// The column sorted by.
    pub sort: Column,
    /// Largest (or latest, or Z) first.
    pub descending: bool,
}

impl Default for PlanQuery {
    fn default() -> PlanQuery {
        PlanQuery {
            owner: None,
            stage: None,
            sort: Column::Rank,
            descending: false,
        }
    }
}

/// A sort key: numbers before text never mix in one column; `None` (blank) sorts last in
/// either direction.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Num(i64),
    Text(String),
}

/// One row to sort: its key (blank last), a second key, its journey order, and where it
/// came from.
struct Row {
    key: Option<Key>,
    then: i64,
    order: usize,
    at: usize,
}

/// Sorts `rows` by key (reversed when `descending`, blanks last either way), then by the
/// second key, then in journey order. An insertion sort: the lists are a map's
/// opportunities (dozens), and one small function costs less code than the standard
/// library's sort instantiated per comparator.
fn sort_rows(rows: &mut Vec<Row>, descending: bool) {
    use std::cmp::Ordering;
    crate::model::order::sort_by(rows, |a, b| {
        let by_key = match (&a.key, &b.key) {
            (Some(x), Some(y)) if descending => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_key.then(a.then.cmp(&b.then)).then(a.order.cmp(&b.order))
    });
}

/// The opportunities the plan shows for `query` on `today`: filtered, then sorted by the
/// column (blanks last), ties in journey order.
pub fn plan_rows(map: &JourneyMap, query: &PlanQuery, today: Date) -> Vec<Id> {
    let ranking = rank(map);
    let stage_at = |id: Id| {
        map.stages
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(usize::MAX)
    };
    let text = |s: &str| {
        let t = s.trim().to_lowercase();
        (!t.is_empty()).then_some(Key::Text(t))
    };
    let date = |d: Option<Date>| {
        d.map(|d| Key::Num(i64::from(d.year) * 10_000 + i64::from(d.month * 100 + d.day)))
    };
    let key = |c: &Card| -> Option<Key> {
        match query.sort {
            Column::Rank => ranking.rank_of(c.id).map(|r| Key::Num(r as i64)),
            Column::Opportunity => text(&c.text),
            Column::Stage => Some(Key::Num(stage_at(c.stage) as i64)),
            Column::Owner => text(&c.owner),
            Column::Deadline => date(Date::parse(&c.deadline)),
            Column::Kpi => text(&c.kpi),
            Column::Baseline => text(&c.baseline),
            Column::Target => text(&c.target),
            Column::Status => status_key(c),
            Column::Remeasure => date(remeasure_date(c)),
            Column::Flags => {
                let f = flags(c, today);
                match (f.overdue, f.remeasure_due) {
                    (true, _) => Some(Key::Num(0)),
                    (false, true) => Some(Key::Num(1)),
                    _ => None,
                }
            }
        }
    };
    let shown: Vec<&Card> = cards_in_journey_order(map, LaneKind::Opportunities)
        .into_iter()
        .filter(|c| {
            query
                .owner
                .as_ref()
                .is_none_or(|o| c.owner.trim().eq_ignore_ascii_case(o.trim()))
                && query.stage.is_none_or(|s| c.stage == s)
        })
        .collect();
    let mut rows: Vec<Row> = shown
        .iter()
        .enumerate()
        .map(|(order, c)| Row {
            key: key(c),
            then: 0,
            order,
            at: order,
        })
        .collect();
    sort_rows(&mut rows, query.descending);
    rows.iter().map(|r| shown[r.at].id).collect()
}

fn status_key(c: &Card) -> Option<Key> {
    crate::model::PlanStatus::ALL
        .iter()
        .position(|s| *s == c.status)
        .map(|i| Key::Num(i as i64))
}

/// The owners named on the map's opportunities, each once (as first written), A to Z.
pub fn owners(map: &JourneyMap) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in cards_in_journey_order(map, LaneKind::Opportunities) {
        let o = c.owner.trim();
        if !o.is_empty() && !out.iter().any(|x| x.eq_ignore_ascii_case(o)) {
            // Kept in order as they come (no sort: see sort_rows).
            let lower = o.to_lowercase();
            let at = out
                .iter()
                .position(|x| x.to_lowercase() > lower)
                .unwrap_or(out.len());
            out.insert(at, o.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_prioritisation_orders_all_opportunities_best_first() {
        use crate::model::value_effort::quadrant_of;
        use crate::model::Prioritisation;
        for t in crate::model::templates::TEMPLATES {
            let map = crate::model::templates::build(t.key).unwrap();
            let mut all: Vec<Id> = cards_in_journey_order(&map, LaneKind::Opportunities)
                .iter()
                .map(|c| c.id)
                .collect();
            all.sort();
            for by in Prioritisation::ALL {
                let order = order_by(&map, by);
                let mut same = order.clone();
                same.sort();
                assert_eq!(same, all, "{} by {by:?}: a permutation", t.key);
            }
            let ve: Vec<_> = order_by(&map, Prioritisation::ValueEffort)
                .iter()
                .map(|id| {
                    quadrant_of(map.card(*id).unwrap()).map(|q| {
                        crate::model::value_effort::ValueEffortQuadrant::ALL
                            .iter()
                            .position(|x| *x == q)
                    })
                })
                .collect();
            let placed: Vec<_> = ve.iter().take_while(|q| q.is_some()).collect();
            assert!(
                ve[placed.len()..].iter().all(Option::is_none),
                "unplaced last"
            );
            assert!(
                placed.windows(2).all(|w| w[0] <= w[1]),
                "{}: quick wins first",
                t.key
            );
            let kano: Vec<_> = order_by(&map, Prioritisation::Kano)
                .iter()
                .filter_map(|id| crate::model::kano::category(map.card(*id).unwrap()))
                .map(|(k, _)| formulas::KanoCategory::ALL.iter().position(|x| *x == k))
                .collect();
            assert!(
                kano.windows(2).all(|w| w[0] <= w[1]),
                "{}: must-be first",
                t.key
            );
        }
    }

    use super::*;
    use crate::model::formulas::{Confidence, Impact};
    use crate::model::{PlanStatus, Stage};

    #[test]
    fn amounts_parse_to_exact_values_or_say_what_is_wrong() {
        assert_eq!(parse_reach(""), Ok(None));
        assert_eq!(parse_reach("  "), Ok(None));
        assert_eq!(parse_reach("0"), Ok(Some(0.0)));
        assert_eq!(parse_reach("1200"), Ok(Some(1200.0)));
        assert_eq!(parse_reach(" 1,200 "), Ok(Some(1200.0)));
        assert_eq!(parse_reach("1,234,567.5"), Ok(Some(1_234_567.5)));
        assert_eq!(parse_reach("7.25"), Ok(Some(7.25)));
        assert_eq!(parse_reach(".5"), Ok(Some(0.5)));
        assert_eq!(parse_reach("-0"), Ok(Some(0.0)));
        assert_eq!(parse_reach("1000000000"), Ok(Some(MAX_AMOUNT)));
        for bad in [
            "NaN",
            "nan",
            "inf",
            "-inf",
            "infinity",
            "1e3",
            "abc",
            "1.2.3",
            ".",
            "+5",
            "0x10",
            "12,34,567",
            "1 200",
        ] {
            assert_eq!(parse_reach(bad), Err(REACH_HINT), "{bad}");
        }
        assert!(parse_reach("-3")
            .unwrap_err()
            .contains("cannot be negative"));
        assert!(parse_reach("1,5")
            .unwrap_err()
            .contains("point for decimals"));
        assert!(parse_reach("0.125").unwrap_err().contains("two decimals"));
        assert!(parse_reach("1000000000.01")
            .unwrap_err()
            .contains("more than"));
        assert!(parse_reach("99999999999999999999")
            .unwrap_err()
            .contains("more than"));
    }

    #[test]
    fn effort_must_be_more_than_zero() {
        assert_eq!(parse_effort("2"), Ok(Some(2.0)));
        assert_eq!(parse_effort("0.25"), Ok(Some(0.25)));
        assert_eq!(parse_effort(""), Ok(None));
        for bad in ["0", "0.00", "-1", "-0"] {
            assert!(
                parse_effort(bad).unwrap_err().contains("more than 0"),
                "{bad}"
            );
        }
        assert_eq!(parse_effort("two"), Err(EFFORT_HINT));
        assert_eq!(parse_effort("NaN"), Err(EFFORT_HINT));
    }

    #[test]
    fn amounts_format_for_the_screen_and_the_input() {
        assert_eq!(format_amount(400.0), "400");
        assert_eq!(format_amount(1234.5), "1,234.5");
        assert_eq!(format_amount(133.333_333), "133.33");
        assert_eq!(format_amount(0.25), "0.25");
        assert_eq!(format_amount(1_000_000.0), "1,000,000");
        assert_eq!(format_amount(f64::NAN), "–");
        assert_eq!(amount_input(Some(1234.5)), "1234.5");
        assert_eq!(amount_input(None), "");
        for v in [0.29, 7.25, 1200.0, 0.01] {
            assert_eq!(parse_reach(&amount_input(Some(v))), Ok(Some(v)));
        }
    }

    fn opp(
        map: &mut JourneyMap,
        stage: usize,
        text: &str,
        rice: Option<(f64, Impact, Confidence, f64)>,
    ) -> Id {
        let id = map.new_id();
        let stage = map.stages[stage].id;
        let lane = map.lane_of_kind(LaneKind::Opportunities).unwrap();
        let mut card = Card {
            id,
            stage,
            lane,
            text: text.into(),
            ..Card::default()
        };
        if let Some((r, i, c, e)) = rice {
            card.reach = Some(r);
            card.rice_impact = Some(i);
            card.rice_confidence = Some(c);
            card.effort_months = Some(e);
        }
        map.cards.push(card);
        id
    }

    fn pain(map: &mut JourneyMap, stage: usize, text: &str) -> Id {
        let id = map.new_id();
        let stage = map.stages[stage].id;
        let lane = map.lane_of_kind(LaneKind::PainPoints).unwrap();
        map.cards.push(Card {
            id,
            stage,
            lane,
            text: text.into(),
            ..Card::default()
        });
        id
    }

    fn two_stages() -> JourneyMap {
        let mut map = JourneyMap::blank("x");
        for name in ["A", "B"] {
            let id = map.new_id();
            map.stages.push(Stage {
                id,
                name: name.into(),
                ..Stage::default()
            });
        }
        map
    }

    #[test]
    fn scores_pin_exact_values_with_fractional_confidence() {
        use Confidence as C;
        use Impact as I;
        let mut map = two_stages();
        // 300 × 0.5 × 0.8 / 1.5 = 80.
        let a = opp(&mut map, 0, "a", Some((300.0, I::Low, C::Medium, 1.5)));
        // 1200 × 2 × 0.5 / 3 = 400.
        let b = opp(&mut map, 0, "b", Some((1200.0, I::High, C::Low, 3.0)));
        // 50 × 0.25 × 0.8 / 0.25 = 40.
        let c = opp(&mut map, 1, "c", Some((50.0, I::Minimal, C::Medium, 0.25)));
        let none = opp(&mut map, 1, "none", None);
        let s = |id| score(map.card(id).unwrap()).unwrap();
        assert_eq!(s(a), 80.0);
        assert_eq!(s(b), 400.0);
        assert_eq!(s(c), 40.0);
        assert_eq!(score(map.card(none).unwrap()), None);
        assert_eq!(
            missing_inputs(map.card(none).unwrap()),
            vec!["reach", "impact", "confidence", "effort"]
        );
        let r = rank(&map);
        assert_eq!(
            r.ranked
                .iter()
                .map(|x| (x.card, x.rank))
                .collect::<Vec<_>>(),
            vec![(b, 1), (a, 2), (c, 3)]
        );
        assert_eq!(r.unscored, vec![none]);
        assert_eq!(r.rank_of(c), Some(3));
        assert_eq!(r.rank_of(none), None);
    }

    #[test]
    fn ties_go_to_less_effort_then_journey_order() {
        use Confidence as C;
        use Impact as I;
        let mut map = two_stages();
        // All score 100: 100 × 1 × 1 / 1; 400 × 0.5 × 1 / 2; 250 × 1 × 0.8 / 2.
        let late_easy = opp(
            &mut map,
            1,
            "late easy",
            Some((100.0, I::Medium, C::High, 1.0)),
        );
        let early_hard = opp(
            &mut map,
            0,
            "early hard",
            Some((400.0, I::Low, C::High, 2.0)),
        );
        let late_hard = opp(
            &mut map,
            1,
            "late hard",
            Some((250.0, I::Medium, C::Medium, 2.0)),
        );
        // 100.004 shows as 100: a tie too; effort 1 like late_easy, but earlier.
        let early_easy = opp(
            &mut map,
            0,
            "early easy",
            Some((100.004, I::Medium, C::High, 1.0)),
        );
        let order: Vec<Id> = rank(&map).ranked.iter().map(|r| r.card).collect();
        assert_eq!(order, vec![early_easy, late_easy, early_hard, late_hard]);
    }

    #[test]
    fn ranking_is_a_permutation_and_one_change_moves_only_that_item() {
        use Confidence as C;
        use Impact as I;
        let mut map = two_stages();
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut ids = Vec::new();
        for i in 0..40 {
            let rice = (i % 7 != 0).then(|| {
                (
                    next(500) as f64,
                    Impact::ALL[next(5) as usize],
                    Confidence::ALL[next(3) as usize],
                    (next(8) + 1) as f64 / 2.0,
                )
            });
            ids.push(opp(&mut map, (i % 2) as usize, &format!("o{i}"), rice));
        }
        let before = rank(&map);
        let mut all: Vec<Id> = before
            .ranked
            .iter()
            .map(|r| r.card)
            .chain(before.unscored.iter().copied())
            .collect();
        all.sort();
        let mut expected = ids.clone();
        expected.sort();
        assert_eq!(all, expected);
        assert!(before
            .ranked
            .windows(2)
            .all(|w| w[0].score >= w[1].score - 0.005));
        // Give the last-ranked a massive score: the others keep their relative order.
        let last = before.ranked.last().unwrap().card;
        let card = map.cards.iter_mut().find(|c| c.id == last).unwrap();
        card.reach = Some(1_000_000.0);
        card.rice_impact = Some(I::Massive);
        card.rice_confidence = Some(C::High);
        let after = rank(&map);
        assert_eq!(after.ranked[0].card, last);
        let others = |r: &Ranking| -> Vec<Id> {
            r.ranked
                .iter()
                .map(|x| x.card)
                .filter(|c| *c != last)
                .collect()
        };
        assert_eq!(others(&after), others(&before));
        assert_eq!(after.unscored, before.unscored);
    }

    #[test]
    fn the_plan_filters_by_owner_and_stage_and_sorts_by_any_column_blanks_last() {
        use Confidence as C;
        use Impact as I;
        let today = Date::parse("2026-12-02").unwrap();
        let mut map = two_stages();
        let a = opp(&mut map, 0, "Alpha", Some((100.0, I::Medium, C::High, 1.0)));
        let b = opp(&mut map, 1, "beta", Some((900.0, I::Medium, C::High, 1.0)));
        let c = opp(&mut map, 0, "Gamma", None);
        let d = opp(&mut map, 1, "", None);
        let set = |map: &mut JourneyMap, id: Id, owner: &str, deadline: &str, status| {
            let card = map.cards.iter_mut().find(|x| x.id == id).unwrap();
            card.owner = owner.into();
            card.deadline = deadline.into();
            card.status = status;
        };
        set(&mut map, a, "CS lead", "2027-03-01", PlanStatus::Planned);
        set(
            &mut map,
            b,
            "Sales ops",
            "2026-11-01",
            PlanStatus::InProgress,
        );
        set(&mut map, c, "cs lead ", "", PlanStatus::Idea);
        set(&mut map, d, "", "2026-09-01", PlanStatus::Done);
        let rows = |q: &PlanQuery| plan_rows(&map, q, today);
        let mut q = PlanQuery::default();
        assert_eq!(rows(&q), vec![b, a, c, d]);
        q.descending = true;
        assert_eq!(rows(&q), vec![a, b, c, d], "blanks stay last");
        q = PlanQuery {
            sort: Column::Opportunity,
            ..PlanQuery::default()
        };
        assert_eq!(rows(&q), vec![a, b, c, d]);
        q.sort = Column::Deadline;
        assert_eq!(rows(&q), vec![d, b, a, c]);
        q.sort = Column::Status;
        q.descending = true;
        assert_eq!(rows(&q), vec![d, b, a, c]);
        q.sort = Column::Flags;
        q.descending = false;
        // b is overdue; d is done and due for re-measure since 2026-11-30.
        assert_eq!(rows(&q), vec![b, d, a, c]);
        q.sort = Column::Remeasure;
        assert_eq!(rows(&q), vec![d, b, a, c]);
        q.sort = Column::Stage;
        assert_eq!(rows(&q), vec![a, c, b, d]);
        let q = PlanQuery {
            owner: Some("CS LEAD".into()),
            ..PlanQuery::default()
        };
        assert_eq!(rows(&q), vec![a, c]);
        let q = PlanQuery {
            owner: Some(String::new()),
            ..PlanQuery::default()
        };
        assert_eq!(rows(&q), vec![d]);
        let q = PlanQuery {
            stage: Some(map.stages[1].id),
            ..PlanQuery::default()
        };
        assert_eq!(rows(&q), vec![b, d]);
        assert_eq!(
            owners(&map),
            vec!["CS lead".to_string(), "Sales ops".to_string()]
        );
        for column in Column::PLAN {
            let q = PlanQuery {
                sort: column,
                ..PlanQuery::default()
            };
            let mut all = rows(&q);
            all.sort();
            assert_eq!(all, vec![a, b, c, d], "{column:?} is a permutation");
        }
    }

    #[test]
    fn remeasure_defaults_to_deadline_plus_ninety_days() {
        let mut card = Card {
            deadline: "2026-03-31".into(),
            ..Card::default()
        };
        assert_eq!(remeasure_date(&card).unwrap().to_string(), "2026-06-29");
        assert!(remeasure_is_default(&card));
        card.remeasure = "2026-05-01".into();
        assert_eq!(remeasure_date(&card).unwrap().to_string(), "2026-05-01");
        assert!(!remeasure_is_default(&card));
        card.deadline.clear();
        card.remeasure.clear();
        assert_eq!(remeasure_date(&card), None);
    }

    #[test]
    fn overdue_and_remeasure_flags_follow_status_and_today() {
        let today = Date::parse("2026-12-02").unwrap();
        let card = |status, deadline: &str| Card {
            status,
            deadline: deadline.into(),
            ..Card::default()
        };
        let f = |c: &Card| flags(c, today);
        assert!(f(&card(PlanStatus::Planned, "2026-12-01")).overdue);
        assert!(!f(&card(PlanStatus::Planned, "2026-12-02")).overdue);
        assert!(f(&card(PlanStatus::InProgress, "2026-01-01")).overdue);
        assert!(!f(&card(PlanStatus::Done, "2026-01-01")).overdue);
        assert_eq!(f(&card(PlanStatus::Idea, "")), Flags::default());
        // Done on 2026-09-03: re-measure on 2026-12-02, due today.
        assert!(f(&card(PlanStatus::Done, "2026-09-03")).remeasure_due);
        assert!(!f(&card(PlanStatus::Done, "2026-09-04")).remeasure_due);
        // Measured: nothing left to flag.
        assert_eq!(
            f(&card(PlanStatus::Measured, "2026-01-01")),
            Flags::default()
        );
        let mut set = card(PlanStatus::Done, "2026-11-30");
        set.remeasure = "2026-12-01".into();
        assert!(f(&set).remeasure_due);
    }

    #[test]
    fn links_tie_opportunities_to_pains_and_flag_the_unaddressed() {
        let mut map = two_stages();
        let p1 = pain(&mut map, 0, "slow quotes");
        let p2 = pain(&mut map, 1, "lost context");
        let o = opp(&mut map, 0, "quote tool", None);
        assert_eq!(pains_without_opportunity(&map), vec![p1, p2]);
        let edit = link(&map, o, p2, true).unwrap();
        let inverse = edit.apply(&mut map).unwrap();
        assert_eq!(map.card(o).unwrap().addresses, vec![p2]);
        assert_eq!(pains_without_opportunity(&map), vec![p1]);
        assert_eq!(opportunities_for(&map, p2).len(), 1);
        // Linking twice, or linking to something that is not a pain, changes nothing.
        assert_eq!(link(&map, o, p2, true), None);
        assert_eq!(link(&map, o, o, true), None);
        assert_eq!(link(&map, o, Id(999), true), None);
        inverse.apply(&mut map).unwrap();
        assert!(map.card(o).unwrap().addresses.is_empty());
        // Deleting a pain drops the links to it, and undo brings both back.
        link(&map, o, p1, true).unwrap().apply(&mut map).unwrap();
        let before = map.clone();
        let undo = crate::model::edit::remove_card(&map, p1)
            .apply(&mut map)
            .unwrap();
        assert!(map.card(p1).is_none());
        assert!(map.card(o).unwrap().addresses.is_empty());
        undo.apply(&mut map).unwrap();
        assert_eq!(map, before);
    }
}
