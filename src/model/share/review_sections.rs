//! Link format 3's sections for metrics (tag 8) and reviews (tag 10), both optional (even):
//! an older format-3 decoder skips them and shows the map without metrics or reviews. A
//! map with neither writes neither, so its link is byte for byte what it was before.
//!
//! **Section 8, metrics** ([`METRICS`]): for each card with a metric, in card-list order:
//! its position in the card list (the first as is, each later one as the difference from
//! the previous minus one), a presence-bits varint ([`UNIT`] …), the kind as one byte
//! ([`kind_code`], frozen), then the values present in bit order: numbers as
//! [`write_number`], texts as UTF-8 ended by 0xFF, the calculator inputs as a length and
//! that many bytes: a calculator code ([`calc_code`], frozen) and its inputs (counts as
//! zigzag varints, amounts as numbers, pasted lists as texts). A decoder that does not
//! know the calculator skips its bytes and keeps the metric without inputs.
//!
//! **Section 10, reviews** ([`REVIEWS`]): the number of reviews, then for each: its date
//! and note (texts ended by 0xFF); the number of metric readings, each the card id as a
//! zigzag difference from the previous reading's card id (the first from 0) and the value
//! as [`write_number`]; the number of emotion readings, each the card id likewise and
//! one byte `(emotion + 2) · 2 + moment`; the number of plan items, each the card id
//! likewise, a varint `status code · 2 + has text` and, when set, the item's text (left
//! out when it is the text the card with that id has in the map).

use super::binary::{read_leb128, write_leb128, DecodeError};
use super::wire;
use crate::model::calculators::{CalcInputs, Calculator};
use crate::model::ids::Id;
use crate::model::map::JourneyMap;
use crate::model::metrics::{Better, Metric, MetricKind};
use crate::model::reviews::{EmotionReading, ItemReading, MetricReading, Review};
use crate::model::scales::Emotion;

type Read<T> = Result<T, DecodeError>;

/// Tag of the metrics section (optional).
pub const METRICS: u64 = 8;
/// Tag of the reviews section (optional).
pub const REVIEWS: u64 = 10;

const END: u8 = 0xFF;

/// Presence bits of a metric.
const UNIT: u64 = 1;
const BASELINE: u64 = 1 << 1;
const TARGET: u64 = 1 << 2;
const CURRENT: u64 = 1 << 3;
const LOWER: u64 = 1 << 4;
const SOURCE: u64 = 1 << 5;
const JOURNEY: u64 = 1 << 6;
const INPUTS: u64 = 1 << 7;
const KNOWN: u64 = (1 << 8) - 1;

fn damaged(what: &str) -> DecodeError {
    DecodeError::Damaged(what.to_string())
}

/// The frozen wire code of a metric kind.
pub fn kind_code(kind: MetricKind) -> u8 {
    match kind {
        MetricKind::Nps => 0,
        MetricKind::Csat => 1,
        MetricKind::Percentage => 2,
        MetricKind::Count => 3,
        MetricKind::Duration => 4,
        MetricKind::Money => 5,
        MetricKind::Custom => 6,
    }
}

/// The metric kind of a wire code.
pub fn kind_of(code: u8) -> Option<MetricKind> {
    Some(match code {
        0 => MetricKind::Nps,
        1 => MetricKind::Csat,
        2 => MetricKind::Percentage,
        3 => MetricKind::Count,
        4 => MetricKind::Duration,
        5 => MetricKind::Money,
        6 => MetricKind::Custom,
        _ => return None,
    })
}

/// The frozen wire code of a calculator.
pub fn calc_code(c: Calculator) -> u8 {
    match c {
        Calculator::NpsCounts => 0,
        Calculator::NpsAnswers => 1,
        Calculator::Csat => 2,
        Calculator::Retention => 3,
        Calculator::Churn => 4,
        Calculator::Nrr => 5,
        Calculator::Grr => 6,
        Calculator::TimeToValue => 7,
    }
}

fn write_inputs(out: &mut Vec<u8>, inputs: &CalcInputs) {
    let mut body = vec![calc_code(Calculator::of(inputs))];
    let counts =
        |body: &mut Vec<u8>, vs: &[i64]| vs.iter().for_each(|v| write_leb128(body, zigzag(*v)));
    match inputs {
        CalcInputs::NpsCounts {
            promoters,
            passives,
            detractors,
        } => counts(&mut body, &[*promoters, *passives, *detractors]),
        CalcInputs::NpsAnswers { answers } => write_text(&mut body, answers),
        CalcInputs::Csat {
            satisfied,
            responses,
        } => counts(&mut body, &[*satisfied, *responses]),
        CalcInputs::Retention { start, kept } | CalcInputs::Churn { start, kept } => {
            counts(&mut body, &[*start, *kept])
        }
        CalcInputs::Nrr {
            start,
            expansion,
            contraction,
            churned,
        } => [*start, *expansion, *contraction, *churned]
            .iter()
            .for_each(|v| write_number(&mut body, *v)),
        CalcInputs::Grr {
            start,
            contraction,
            churned,
        } => [*start, *contraction, *churned]
            .iter()
            .for_each(|v| write_number(&mut body, *v)),
        CalcInputs::TimeToValue { durations } => write_text(&mut body, durations),
    }
    write_leb128(out, body.len() as u64);
    out.extend_from_slice(&body);
}

fn read_inputs(bytes: &[u8], at: &mut usize) -> Read<Option<CalcInputs>> {
    let len = read_count(bytes, at)?;
    let body = &bytes[*at..*at + len];
    *at += len;
    let Some((&code, _)) = body.split_first() else {
        return Ok(None);
    };
    let mut i = 1;
    let at = &mut i;
    let mut count = || -> Read<i64> { Ok(unzigzag(read_leb128(body, at)?)) };
    let inputs = match code {
        0 => CalcInputs::NpsCounts {
            promoters: count()?,
            passives: count()?,
            detractors: count()?,
        },
        2 => CalcInputs::Csat {
            satisfied: count()?,
            responses: count()?,
        },
        3 => CalcInputs::Retention {
            start: count()?,
            kept: count()?,
        },
        4 => CalcInputs::Churn {
            start: count()?,
            kept: count()?,
        },
        1 => CalcInputs::NpsAnswers {
            answers: read_text(body, at)?,
        },
        7 => CalcInputs::TimeToValue {
            durations: read_text(body, at)?,
        },
        5 => CalcInputs::Nrr {
            start: read_number(body, at)?,
            expansion: read_number(body, at)?,
            contraction: read_number(body, at)?,
            churned: read_number(body, at)?,
        },
        6 => CalcInputs::Grr {
            start: read_number(body, at)?,
            contraction: read_number(body, at)?,
            churned: read_number(body, at)?,
        },
        // A calculator of a later version: the value stays, its inputs are dropped.
        _ => return Ok(None),
    };
    Ok(Some(inputs))
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// A number: a whole number of hundredths `h` (negative too) as the varint
/// `zigzag(h) · 2`; any other finite value as `1` and its IEEE-754 bits as a varint.
pub fn write_number(out: &mut Vec<u8>, v: f64) {
    let h = (v * 100.0).round();
    if h.abs() <= (1u64 << 52) as f64 && h / 100.0 == v {
        write_leb128(out, zigzag(h as i64) << 1);
    } else {
        write_leb128(out, 1);
        write_leb128(out, v.to_bits());
    }
}

fn read_number(bytes: &[u8], at: &mut usize) -> Read<f64> {
    let code = read_leb128(bytes, at)?;
    let v = match code {
        c if c & 1 == 0 => unzigzag(c >> 1) as f64 / 100.0,
        1 => f64::from_bits(read_leb128(bytes, at)?),
        c => {
            return Err(DecodeError::Newer(format!(
                "a number this version does not know ({c})"
            )))
        }
    };
    if !v.is_finite() {
        return Err(damaged("a number is not finite"));
    }
    Ok(v)
}

fn write_text(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(s.as_bytes());
    out.push(END);
}

fn read_text(bytes: &[u8], at: &mut usize) -> Read<String> {
    let rest = &bytes[*at..];
    let len = rest
        .iter()
        .position(|b| *b == END)
        .ok_or_else(|| damaged("a text runs past the end of the data"))?;
    let s = std::str::from_utf8(&rest[..len]).map_err(|_| damaged("a text is not valid UTF-8"))?;
    *at += len + 1;
    Ok(s.to_string())
}

fn read_byte(bytes: &[u8], at: &mut usize) -> Read<u8> {
    let b = *bytes
        .get(*at)
        .ok_or_else(|| damaged("the data ends too early"))?;
    *at += 1;
    Ok(b)
}

/// A count of items that each take at least one byte: never more than the bytes left.
fn read_count(bytes: &[u8], at: &mut usize) -> Read<usize> {
    let n = read_leb128(bytes, at)?;
    if n > (bytes.len() - *at) as u64 {
        return Err(damaged("a list claims more items than the data holds"));
    }
    Ok(n as usize)
}

/// The metrics section's body; empty when no card has a metric.
pub fn metrics_section(map: &JourneyMap) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for (i, c) in map.cards.iter().enumerate() {
        let Some(m) = &c.metric else { continue };
        let inputs = m.inputs.as_ref();
        let flags = [
            (!m.unit.is_empty(), UNIT),
            (m.baseline.is_some(), BASELINE),
            (m.target.is_some(), TARGET),
            (m.current.is_some(), CURRENT),
            (m.better == Better::Lower, LOWER),
            (!m.source.is_empty(), SOURCE),
            (m.journey, JOURNEY),
            (inputs.is_some(), INPUTS),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
        write_leb128(&mut out, last.map_or(i, |l| i - l - 1) as u64);
        last = Some(i);
        write_leb128(&mut out, flags);
        out.push(kind_code(m.kind));
        if flags & UNIT != 0 {
            write_text(&mut out, &m.unit);
        }
        for v in [m.baseline, m.target, m.current].into_iter().flatten() {
            write_number(&mut out, v);
        }
        if flags & SOURCE != 0 {
            write_text(&mut out, &m.source);
        }
        if let Some(inputs) = inputs {
            write_inputs(&mut out, inputs);
        }
    }
    out
}

/// Reads the metrics section into the map's cards.
pub fn read_metrics(body: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    let mut next = 0usize;
    while at < body.len() {
        let skip = read_leb128(body, &mut at)?;
        let i = usize::try_from(skip)
            .ok()
            .and_then(|s| s.checked_add(next))
            .filter(|i| *i < map.cards.len())
            .ok_or_else(|| damaged("a metric names a card that does not exist"))?;
        next = i + 1;
        let flags = read_leb128(body, &mut at)?;
        if flags & !KNOWN != 0 {
            return Err(DecodeError::Newer(
                "metric fields this version does not know".into(),
            ));
        }
        let code = read_byte(body, &mut at)?;
        let kind = kind_of(code).ok_or_else(|| {
            DecodeError::Newer(format!("a metric kind this version does not know ({code})"))
        })?;
        let mut m = Metric {
            kind,
            ..Metric::default()
        };
        if flags & UNIT != 0 {
            m.unit = read_text(body, &mut at)?;
        }
        if flags & BASELINE != 0 {
            m.baseline = Some(read_number(body, &mut at)?);
        }
        if flags & TARGET != 0 {
            m.target = Some(read_number(body, &mut at)?);
        }
        if flags & CURRENT != 0 {
            m.current = Some(read_number(body, &mut at)?);
        }
        if flags & LOWER != 0 {
            m.better = Better::Lower;
        }
        if flags & SOURCE != 0 {
            m.source = read_text(body, &mut at)?;
        }
        m.journey = flags & JOURNEY != 0;
        if flags & INPUTS != 0 {
            m.inputs = read_inputs(body, &mut at)?;
        }
        map.cards[i].metric = Some(m);
    }
    Ok(())
}

fn write_id(out: &mut Vec<u8>, last: &mut u32, id: Id) {
    write_leb128(out, zigzag(i64::from(id.0) - i64::from(*last)));
    *last = id.0;
}

fn read_id(bytes: &[u8], at: &mut usize, last: &mut u32) -> Read<Id> {
    let d = unzigzag(read_leb128(bytes, at)?);
    let id =
        u32::try_from(i64::from(*last) + d).map_err(|_| damaged("a card id is out of range"))?;
    *last = id;
    Ok(Id(id))
}

/// The reviews section's body; empty when the map has no reviews.
pub fn reviews_section(map: &JourneyMap) -> Vec<u8> {
    let mut out = Vec::new();
    if map.reviews.is_empty() {
        return out;
    }
    write_leb128(&mut out, map.reviews.len() as u64);
    for r in &map.reviews {
        write_text(&mut out, &r.date);
        write_text(&mut out, &r.note);
        let mut last = 0;
        write_leb128(&mut out, r.metrics.len() as u64);
        for m in &r.metrics {
            write_id(&mut out, &mut last, m.card);
            write_number(&mut out, m.value);
        }
        let mut last = 0;
        write_leb128(&mut out, r.emotions.len() as u64);
        for e in &r.emotions {
            write_id(&mut out, &mut last, e.card);
            out.push(((e.emotion.value() + 2) as u8) * 2 + u8::from(e.moment));
        }
        let mut last = 0;
        write_leb128(&mut out, r.items.len() as u64);
        for item in &r.items {
            write_id(&mut out, &mut last, item.card);
            let same = map.card(item.card).is_some_and(|c| c.text == item.text);
            write_leb128(
                &mut out,
                u64::from(wire::status_code(item.status)) * 2 + u64::from(!same),
            );
            if !same {
                write_text(&mut out, &item.text);
            }
        }
    }
    out
}

/// Reads the reviews section into the map (after its cards, which name unchanged items).
pub fn read_reviews(body: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    let n = read_count(body, &mut at)?;
    let mut reviews = Vec::with_capacity(n);
    for _ in 0..n {
        let mut r = Review {
            date: read_text(body, &mut at)?,
            note: read_text(body, &mut at)?,
            ..Review::default()
        };
        let mut last = 0;
        for _ in 0..read_count(body, &mut at)? {
            let card = read_id(body, &mut at, &mut last)?;
            r.metrics.push(MetricReading {
                card,
                value: read_number(body, &mut at)?,
            });
        }
        let mut last = 0;
        for _ in 0..read_count(body, &mut at)? {
            let card = read_id(body, &mut at, &mut last)?;
            let b = read_byte(body, &mut at)?;
            let emotion = Emotion::new(i64::from(b / 2) - 2)
                .filter(|_| b < 10)
                .ok_or_else(|| damaged("an emotion is out of range"))?;
            r.emotions.push(EmotionReading {
                card,
                emotion,
                moment: b % 2 == 1,
            });
        }
        let mut last = 0;
        for _ in 0..read_count(body, &mut at)? {
            let card = read_id(body, &mut at, &mut last)?;
            let v = read_leb128(body, &mut at)?;
            let code = u8::try_from(v / 2).unwrap_or(u8::MAX);
            let status = wire::status_of(code).ok_or_else(|| {
                DecodeError::Newer(format!("a plan status this version does not know ({code})"))
            })?;
            let text = if v % 2 == 1 {
                read_text(body, &mut at)?
            } else {
                map.card(card).map(|c| c.text.clone()).unwrap_or_default()
            };
            r.items.push(ItemReading { card, status, text });
        }
        reviews.push(r);
    }
    if at != body.len() {
        return Err(damaged("the reviews section has bytes left over"));
    }
    map.reviews = reviews;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_are_frozen() {
        let codes: Vec<u8> = MetricKind::ALL.iter().map(|k| kind_code(*k)).collect();
        assert_eq!(codes, vec![0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(kind_of(7), None);
    }

    #[test]
    fn calculator_inputs_round_trip_and_unknown_ones_are_skipped() {
        for inputs in [
            CalcInputs::NpsCounts {
                promoters: 10,
                passives: -1,
                detractors: 4,
            },
            CalcInputs::NpsAnswers {
                answers: "9 10\n3".into(),
            },
            CalcInputs::Csat {
                satisfied: 41,
                responses: 50,
            },
            CalcInputs::Retention {
                start: 200,
                kept: 184,
            },
            CalcInputs::Churn {
                start: 200,
                kept: 184,
            },
            CalcInputs::Nrr {
                start: 100_000.0,
                expansion: 0.0,
                contraction: 5_000.5,
                churned: 1.0,
            },
            CalcInputs::Grr {
                start: 10.0,
                contraction: 1.0,
                churned: 0.333,
            },
            CalcInputs::TimeToValue {
                durations: "3d 2w".into(),
            },
        ] {
            let mut out = Vec::new();
            write_inputs(&mut out, &inputs);
            let mut at = 0;
            assert_eq!(read_inputs(&out, &mut at).unwrap(), Some(inputs));
            assert_eq!(at, out.len());
        }
        let later = [3u8, 99, 1, 2, 7];
        let mut at = 0;
        assert_eq!(read_inputs(&later, &mut at).unwrap(), None);
        assert_eq!(at, 4, "its bytes are skipped");
        let codes: Vec<u8> = Calculator::ALL.iter().map(|c| calc_code(*c)).collect();
        assert_eq!(codes, vec![1, 0, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn numbers_keep_their_exact_value() {
        for v in [
            0.0,
            12.0,
            -12.0,
            38.5,
            -0.01,
            1e15,
            0.333,
            2.0f64.powi(60),
            -1e300,
        ] {
            let mut out = Vec::new();
            write_number(&mut out, v);
            let mut at = 0;
            assert_eq!(read_number(&out, &mut at).unwrap(), v);
            assert_eq!(at, out.len());
        }
        let mut out = Vec::new();
        write_number(&mut out, -12.0);
        assert_eq!(out.len(), 2, "an NPS of −12 takes two bytes");
    }
}
