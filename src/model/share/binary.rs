//! A compact binary encoding of a journey map for share links: fields in a fixed order
//! instead of JSON names, integers as LEB128 varints, presence bits for optional card
//! fields, cards pointing at stages and lanes by position, common channels by number.
//! The reader bounds every count and length by the bytes left, so hostile input cannot
//! make it allocate more than the input justifies.
//!
//! Two layouts exist, both read forever:
//! - [`Layout::V1`] (link format 1): one stream of numbers, where each string is its byte
//!   length, then all text.
//! - [`Layout::V2`] (link format 2): numbers split into columns of one kind each (ids as
//!   differences, card stages, card lanes, presence bits, …), so a compressor sees runs
//!   of similar values; ids written as the difference from the id before plus one (0 for
//!   maps built in order); strings ended by a 0xFF byte (never part of UTF-8) in the text
//!   stream instead of lengths among the numbers.
//! - [`Layout::V3`] (link format 3): the bytes of [`Layout::V2`], then an optional trailer
//!   of tagged sections that lets later versions add data without a new format (below).
//!
//! Enum values and common channels travel as the frozen codes of [`super::wire`], never
//! as positions in the lists the user interface shows.
//!
//! ## Room to grow (format 3)
//!
//! After the last string of the map come zero or more sections, each
//! `tag (LEB128) · length (LEB128) · length bytes`, up to the end of the data. A map with
//! no sections ends right after its last string, so the trailer costs nothing when it is
//! not used. Tags say how an older decoder must treat a section it does not know:
//! - **even tags are optional**: the section only adds something an older version may
//!   leave out (it skips it and opens the map);
//! - **odd tags are required**: the map cannot be shown correctly without it, so an
//!   older version refuses the link with "made by a newer Trailmap" instead of showing a
//!   wrong map.
//!
//! Defined tags:
//! - **2, more card fields** ([`MORE_CARD_FIELDS`], optional): the opportunity fields
//!   (RICE inputs, the pain points addressed, plan status, re-measure date), laid out as
//!   below. An older format-3 decoder skips it and shows the map without them.
//! - **4, opportunity scoring** ([`SCORING`], optional): the prioritisation shown first,
//!   value–effort scores and Kano categories and answer counts. Absent when a map uses
//!   none of them, so such a map's link is byte for byte what it was before.
//!
//! - **6, handoffs** ([`HANDOFFS`], optional): what goes wrong in the handoff into a
//!   stage, its owner and the touchpoints it breaks.
//!
//! - **8, metrics** and **10, reviews** (optional): KPI cards' metrics and the map's
//!   reviews, laid out as [`super::review_sections`] says.
//!
//! New record kinds (a new list beside stages and cards) get a
//! section of their own. New card fields do too: the flags column holds today's sixteen
//! presence bits (bits 0–15) and nothing more; bits 16 and above stay zero in format 3 (a
//! decoder that finds one says the link needs a newer Trailmap), and fields beyond the
//! sixteen travel in a "more card fields" section listing, for the cards that have any,
//! the card's position (as a difference from the previous one), a presence-bits varint for
//! the new fields and their values, so cards without new fields pay nothing. Likewise a
//! new enum value or common channel gets the next free wire code, and a format-3 decoder
//! that meets a code it does not know says the link needs a newer Trailmap.

use super::review_sections;
use super::wire;
use crate::model::ids::Id;
use crate::model::map::{
    Card, JourneyMap, Lane, PainScores, Persona, PlanStatus, Scope, Stage, Stakeholder,
};
use crate::model::scales::{Emotion, Level};

/// How values are laid out in the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Link format 1: one number stream with string lengths, then the text.
    V1,
    /// Link format 2: number columns, id differences, 0xFF-ended strings.
    V2,
    /// Link format 3: [`Layout::V2`] followed by optional tagged sections.
    V3,
}

impl Layout {
    /// How many number columns the layout has.
    fn columns(self) -> usize {
        match self {
            Layout::V1 => 1,
            Layout::V2 | Layout::V3 => COLUMNS,
        }
    }
}

/// Ends a string in the [`Layout::V2`] text stream (a byte UTF-8 never uses).
const END: u8 = 0xFF;

/// The number columns of [`Layout::V2`]; [`Layout::V1`] writes all of them into the first.
#[derive(Clone, Copy)]
enum Col {
    /// Counts, scope settings, stakeholder levels and anything else.
    General = 0,
    /// Ids of personas, stakeholders, stages, lanes and cards.
    Ids = 1,
    /// Card stage positions.
    Stage = 2,
    /// Card lane positions.
    Lane = 3,
    /// Card presence bits.
    Flags = 4,
    /// Card channels.
    Channel = 5,
    /// Card emotion and to-be scores.
    Emotion = 6,
    /// References to stakeholders (card stakeholders, influences) and pain scores.
    Refs = 7,
}

const COLUMNS: usize = 8;

/// Appends values to byte buffers. Strings go to a separate text stream, joined after
/// the numbers by [`Writer::finish`], so the compressor sees one run of prose.
pub struct Writer {
    layout: Layout,
    /// The numbers written so far, per column (only the first in [`Layout::V1`]).
    cols: Vec<Vec<u8>>,
    /// The text written so far.
    texts: Vec<u8>,
    /// The last id written ([`Layout::V2`] writes differences).
    last_id: u32,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new(Layout::V1)
    }
}

/// Appends `v` as an unsigned LEB128 varint.
pub(super) fn write_leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

impl Writer {
    /// An empty writer for `layout`.
    pub fn new(layout: Layout) -> Writer {
        Writer {
            layout,
            cols: vec![Vec::new(); COLUMNS],
            texts: Vec::new(),
            last_id: 0,
        }
    }

    fn col(&mut self, col: Col) -> &mut Vec<u8> {
        match self.layout {
            Layout::V1 => &mut self.cols[0],
            Layout::V2 | Layout::V3 => &mut self.cols[col as usize],
        }
    }

    /// An unsigned integer as LEB128 (in the general column).
    pub fn uint(&mut self, v: u64) {
        self.uint_in(Col::General, v);
    }

    /// Raw bytes in the general column.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.col(Col::General).extend_from_slice(bytes);
    }

    fn uint_in(&mut self, col: Col, v: u64) {
        write_leb128(self.col(col), v);
    }

    fn byte_in(&mut self, col: Col, b: u8) {
        self.col(col).push(b);
    }

    fn byte(&mut self, b: u8) {
        self.byte_in(Col::General, b);
    }

    /// An item's id: as is in [`Layout::V1`], as a zigzag difference from the last id
    /// plus one in the later layouts.
    fn id(&mut self, id: Id) {
        match self.layout {
            Layout::V1 => self.uint(u64::from(id.0)),
            Layout::V2 | Layout::V3 => {
                let d = i64::from(id.0) - i64::from(self.last_id) - 1;
                self.last_id = id.0;
                self.uint_in(Col::Ids, zigzag(d));
            }
        }
    }

    /// A string: in [`Layout::V1`] its byte length among the numbers and its UTF-8 bytes
    /// in the text stream; in the later layouts its bytes and an end byte in the text
    /// stream.
    pub fn text(&mut self, s: &str) {
        if self.layout == Layout::V1 {
            self.uint(s.len() as u64);
        }
        self.texts.extend_from_slice(s.as_bytes());
        if self.layout != Layout::V1 {
            self.texts.push(END);
        }
    }

    /// Numbers, then text. [`Layout::V1`]: `[length of numbers][numbers][text]`;
    /// the later layouts: `[length of each column][columns][text]`.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        let used = self.layout.columns();
        for c in &self.cols[..used] {
            write_leb128(&mut out, c.len() as u64);
        }
        for c in &self.cols[..used] {
            out.extend_from_slice(c);
        }
        out.extend(self.texts);
        out
    }

    /// The bytes written so far with no header ([`Layout::V1`]'s single column).
    pub fn into_raw(self) -> Vec<u8> {
        self.cols.into_iter().flatten().chain(self.texts).collect()
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Why bytes could not be read as a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are damaged (the reason, in words).
    Damaged(String),
    /// The bytes hold something only a newer version knows (what, in words).
    Newer(String),
}

impl DecodeError {
    /// The reason, in words.
    pub fn why(&self) -> &str {
        match self {
            DecodeError::Damaged(why) | DecodeError::Newer(why) => why,
        }
    }
}

/// Reads values written by [`Writer`].
pub struct Reader<'a> {
    layout: Layout,
    cols: Vec<(&'a [u8], usize)>,
    texts: &'a [u8],
    text_at: usize,
    last_id: u32,
}

type Read<T> = Result<T, DecodeError>;

fn err<T>(what: &str) -> Read<T> {
    Err(DecodeError::Damaged(what.to_string()))
}

fn damaged(what: impl Into<String>) -> DecodeError {
    DecodeError::Damaged(what.into())
}

/// Reads an unsigned LEB128 varint at `at`, moving `at` past it.
pub(super) fn read_leb128(bytes: &[u8], at: &mut usize) -> Read<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let Some(&b) = bytes.get(*at) else {
            return err("the data ends in the middle of a number");
        };
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    err("a number is too long")
}

impl<'a> Reader<'a> {
    /// A reader over plain `bytes` (no text stream; strings cannot be read).
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            layout: Layout::V1,
            cols: vec![(bytes, 0)],
            texts: &[],
            text_at: 0,
            last_id: 0,
        }
    }

    /// A reader over what [`Writer::finish`] made for `layout`.
    pub fn split(all: &'a [u8], layout: Layout) -> Read<Reader<'a>> {
        let used = layout.columns();
        let mut at = 0;
        let mut lens = Vec::with_capacity(used);
        for _ in 0..used {
            lens.push(read_leb128(all, &mut at)?);
        }
        let mut cols = Vec::with_capacity(used);
        for n in lens {
            if n > (all.len() - at) as u64 {
                return err("the data is cut off");
            }
            let end = at + n as usize;
            cols.push((&all[at..end], 0));
            at = end;
        }
        Ok(Reader {
            layout,
            cols,
            texts: &all[at..],
            text_at: 0,
            last_id: 0,
        })
    }

    fn col(&self, col: Col) -> usize {
        match self.layout {
            Layout::V1 => 0,
            Layout::V2 | Layout::V3 => col as usize,
        }
    }

    /// Bytes not yet read (numbers and text).
    pub fn remaining(&self) -> usize {
        self.cols.iter().map(|(b, at)| b.len() - at).sum::<usize>() + self.texts.len()
            - self.text_at
    }

    /// An unsigned LEB128 integer from the general column.
    pub fn uint(&mut self) -> Read<u64> {
        self.uint_in(Col::General)
    }

    fn uint_in(&mut self, col: Col) -> Read<u64> {
        let c = self.col(col);
        let (bytes, at) = &mut self.cols[c];
        read_leb128(bytes, at)
    }

    fn byte_in(&mut self, col: Col) -> Read<u8> {
        let c = self.col(col);
        let (bytes, at) = &mut self.cols[c];
        let Some(&b) = bytes.get(*at) else {
            return err("the data ends too early");
        };
        *at += 1;
        Ok(b)
    }

    fn byte(&mut self) -> Read<u8> {
        self.byte_in(Col::General)
    }

    fn small(&mut self, max: u64, what: &str) -> Read<u64> {
        self.small_in(Col::General, max, what)
    }

    fn id(&mut self) -> Read<Id> {
        match self.layout {
            Layout::V1 => Ok(Id(self.small(u64::from(u32::MAX), "an id")? as u32)),
            Layout::V2 | Layout::V3 => {
                let d = unzigzag(self.uint_in(Col::Ids)?);
                let id = i64::from(self.last_id) + 1 + d;
                let id = u32::try_from(id)
                    .map_err(|_| damaged(format!("an id is out of range ({id})")))?;
                self.last_id = id;
                Ok(Id(id))
            }
        }
    }

    fn small_in(&mut self, col: Col, max: u64, what: &str) -> Read<u64> {
        let v = self.uint_in(col)?;
        if v > max {
            return Err(damaged(format!("{what} is out of range ({v})")));
        }
        Ok(v)
    }

    /// A count of items that each take at least `min_bytes` bytes: never more than the
    /// bytes left could hold.
    fn count(&mut self, min_bytes: usize) -> Read<usize> {
        self.count_in(Col::General, min_bytes)
    }

    fn count_in(&mut self, col: Col, min_bytes: usize) -> Read<usize> {
        let n = self.uint_in(col)?;
        if n > (self.remaining() / min_bytes.max(1)) as u64 {
            return err("a list claims more items than the data holds");
        }
        Ok(n as usize)
    }

    /// A string.
    pub fn text(&mut self) -> Read<String> {
        let rest = &self.texts[self.text_at..];
        let (len, skip) = match self.layout {
            Layout::V1 => {
                let len = self.uint()?;
                if len > rest.len() as u64 {
                    return err("a text runs past the end of the data");
                }
                (len as usize, 0)
            }
            Layout::V2 | Layout::V3 => match rest.iter().position(|b| *b == END) {
                Some(len) => (len, 1),
                None => return err("a text runs past the end of the data"),
            },
        };
        let s =
            std::str::from_utf8(&rest[..len]).map_err(|_| damaged("a text is not valid UTF-8"))?;
        self.text_at += len + skip;
        Ok(s.to_string())
    }

    /// Whether everything was read.
    fn done(&self) -> bool {
        self.remaining() == 0
    }

    /// Whether every number column was read to its end.
    fn numbers_done(&self) -> bool {
        self.cols.iter().all(|(b, at)| *at == b.len())
    }

    /// The bytes after the last string read.
    fn rest_of_text(&self) -> &'a [u8] {
        &self.texts[self.text_at..]
    }

    /// The error for a code this version does not know: from format 3 on, the sign of a
    /// newer Trailmap; before, of damage.
    fn unknown(&self, what: &str, code: u64) -> DecodeError {
        match self.layout {
            Layout::V3 => {
                DecodeError::Newer(format!("a {what} this version does not know ({code})"))
            }
            Layout::V1 | Layout::V2 => damaged(format!("unknown {what} ({code})")),
        }
    }

    /// A wire code read as a byte and looked up with `of`.
    fn code<T>(&mut self, of: fn(u8) -> Option<T>, what: &str) -> Read<T> {
        let code = self.byte()?;
        of(code).ok_or_else(|| self.unknown(what, u64::from(code)))
    }
}

/// Appends a section (see the module documentation) to a map encoded in
/// [`Layout::V3`]: `tag`, the body's length, the body.
pub fn append_section(out: &mut Vec<u8>, tag: u64, body: &[u8]) {
    write_leb128(out, tag);
    write_leb128(out, body.len() as u64);
    out.extend_from_slice(body);
}

/// Whether a section tag is required (odd) rather than optional (even).
pub fn is_required(tag: u64) -> bool {
    tag % 2 == 1
}

/// Reads the trailer of a [`Layout::V3`] map into `map`: reads the sections it knows,
/// skips optional ones it does not know and refuses required ones.
fn read_sections(trailer: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    let mut seen = Vec::new();
    while at < trailer.len() {
        let tag = read_leb128(trailer, &mut at)?;
        let len = read_leb128(trailer, &mut at)?;
        if len > (trailer.len() - at) as u64 {
            return err("a section runs past the end of the data");
        }
        let body = &trailer[at..at + len as usize];
        let known = [
            MORE_CARD_FIELDS,
            SCORING,
            HANDOFFS,
            review_sections::METRICS,
            review_sections::REVIEWS,
        ]
        .contains(&tag);
        if known && seen.contains(&tag) {
            return Err(damaged(format!("the section {tag} appears twice")));
        }
        seen.push(tag);
        if tag == MORE_CARD_FIELDS {
            read_more_card_fields(body, map)?;
        } else if tag == HANDOFFS {
            read_handoffs(body, map)?;
        } else if tag == SCORING {
            read_scoring(body, map)?;
        } else if tag == review_sections::METRICS {
            review_sections::read_metrics(body, map)?;
        } else if tag == review_sections::REVIEWS {
            review_sections::read_reviews(body, map)?;
        } else if is_required(tag) {
            return Err(DecodeError::Newer(format!(
                "a kind of data this version does not know (section {tag})"
            )));
        }
        at += len as usize;
    }
    Ok(())
}

/// Tag of the section holding card fields beyond the flags column's sixteen (optional).
///
/// Body: for each card with any of these fields, in card-list order: its position in the
/// card list (the first as is, each later one as the difference from the previous minus
/// one), a presence-bits varint ([`MORE_REACH`] …), then the values present in bit order:
/// amounts as [`write_amount`], codes as one byte ([`wire`]), texts as UTF-8 ended by
/// 0xFF, the pains addressed as a count and their positions in the card list.
pub const MORE_CARD_FIELDS: u64 = 2;

/// Tag of the section holding the stages' handoffs (optional).
///
/// Body: for each stage with any handoff detail, in stage order: its position (the first
/// as is, each later one as the difference from the previous minus one), a presence-bits
/// varint ([`HANDOFF_GAP`] …), then the values present in bit order: texts as UTF-8 ended
/// by 0xFF, the touchpoints it breaks as a count and their positions in the card list.
pub const HANDOFFS: u64 = 6;

/// Presence bits of the handoffs section.
const HANDOFF_GAP: u64 = 1;
const HANDOFF_OWNER: u64 = 1 << 1;
const HANDOFF_BREAKS: u64 = 1 << 2;
const HANDOFF_KNOWN: u64 = (1 << 3) - 1;

/// The handoffs section's body for `map`; empty when no stage has any.
fn handoffs(map: &JourneyMap) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for (i, st) in map.stages.iter().enumerate() {
        let breaks = card_positions(map, &st.handoff_breaks);
        let flags = [
            (!st.handoff_gap.is_empty(), HANDOFF_GAP),
            (!st.handoff_owner.is_empty(), HANDOFF_OWNER),
            (!breaks.is_empty(), HANDOFF_BREAKS),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
        if flags == 0 {
            continue;
        }
        write_entry_head(&mut out, &mut last, i, flags);
        if flags & HANDOFF_GAP != 0 {
            write_end_text(&mut out, &st.handoff_gap);
        }
        if flags & HANDOFF_OWNER != 0 {
            write_end_text(&mut out, &st.handoff_owner);
        }
        if flags & HANDOFF_BREAKS != 0 {
            write_positions(&mut out, &breaks);
        }
    }
    out
}

fn read_handoffs(body: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    let mut next = 0usize;
    while at < body.len() {
        let (i, flags) = read_entry_head(
            body,
            &mut at,
            &mut next,
            (map.stages.len(), HANDOFF_KNOWN),
            (
                "a handoff names a stage that does not exist",
                "handoff fields this version does not know",
            ),
        )?;
        if flags & HANDOFF_GAP != 0 {
            map.stages[i].handoff_gap = read_end_text(body, &mut at)?;
        }
        if flags & HANDOFF_OWNER != 0 {
            map.stages[i].handoff_owner = read_end_text(body, &mut at)?;
        }
        if flags & HANDOFF_BREAKS != 0 {
            let ids = read_positions(body, &mut at, map, "a handoff breaks")?;
            map.stages[i].handoff_breaks = ids;
        }
    }
    Ok(())
}

/// The head of one entry of a section that lists some of the map's items (cards, stages)
/// with fields: the item's position, the first as is and each later one as the difference
/// from the previous minus one, then the presence bits of the fields that follow.
fn write_entry_head(out: &mut Vec<u8>, last: &mut Option<usize>, i: usize, flags: u64) {
    write_leb128(out, last.map_or(i, |l| i - l - 1) as u64);
    *last = Some(i);
    write_leb128(out, flags);
}

/// Reads a head written by [`write_entry_head`]: the item's position, which must be below
/// `count`, and its presence bits, which must be within `known` (bits beyond it mean a
/// newer version); `messages` say which item is missing and which fields are unknown.
fn read_entry_head(
    body: &[u8],
    at: &mut usize,
    next: &mut usize,
    (count, known): (usize, u64),
    (missing, newer): (&str, &str),
) -> Read<(usize, u64)> {
    let skip = read_leb128(body, at)?;
    let i = usize::try_from(skip)
        .ok()
        .and_then(|s| s.checked_add(*next))
        .filter(|i| *i < count)
        .ok_or_else(|| damaged(missing))?;
    *next = i + 1;
    let flags = read_leb128(body, at)?;
    if flags & !known != 0 {
        return Err(DecodeError::Newer(newer.into()));
    }
    Ok((i, flags))
}

/// Positions in the card list of the cards `ids` names (ids of no card are left out).
fn card_positions(map: &JourneyMap, ids: &[Id]) -> Vec<usize> {
    ids.iter()
        .filter_map(|p| map.cards.iter().position(|x| x.id == *p))
        .collect()
}

/// A list of card positions: its length, then each position.
fn write_positions(out: &mut Vec<u8>, positions: &[usize]) {
    write_leb128(out, positions.len() as u64);
    for p in positions {
        write_leb128(out, *p as u64);
    }
}

/// Reads a list written by [`write_positions`] as the ids of those cards.
fn read_positions(body: &[u8], at: &mut usize, map: &JourneyMap, what: &str) -> Read<Vec<Id>> {
    let n = read_leb128(body, at)?;
    if n > (body.len() - *at) as u64 {
        return err("a list claims more items than the data holds");
    }
    let mut ids = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let p = read_leb128(body, at)?;
        let card = usize::try_from(p)
            .ok()
            .and_then(|p| map.cards.get(p))
            .ok_or_else(|| damaged(format!("{what} a card that does not exist")))?;
        ids.push(card.id);
    }
    Ok(ids)
}

/// Presence bits of the "more card fields" section.
const MORE_REACH: u64 = 1;
const MORE_PERIOD: u64 = 1 << 1;
const MORE_IMPACT: u64 = 1 << 2;
const MORE_CONFIDENCE: u64 = 1 << 3;
const MORE_EFFORT: u64 = 1 << 4;
const MORE_ADDRESSES: u64 = 1 << 5;
const MORE_STATUS: u64 = 1 << 6;
const MORE_REMEASURE: u64 = 1 << 7;
const MORE_KNOWN: u64 = (1 << 8) - 1;

/// An amount (reach, effort): a whole number of hundredths `h` as the varint `2h`; any
/// other finite value as `1` and then its IEEE-754 bits as a varint.
fn write_amount(out: &mut Vec<u8>, v: f64) {
    let h = (v * 100.0).round();
    if (0.0..=(u64::MAX >> 2) as f64).contains(&h) && h / 100.0 == v {
        write_leb128(out, (h as u64) << 1);
    } else {
        write_leb128(out, 1);
        write_leb128(out, v.to_bits());
    }
}

fn read_amount(bytes: &[u8], at: &mut usize) -> Read<f64> {
    let code = read_leb128(bytes, at)?;
    let v = match code {
        c if c & 1 == 0 => (c >> 1) as f64 / 100.0,
        1 => f64::from_bits(read_leb128(bytes, at)?),
        c => {
            return Err(DecodeError::Newer(format!(
                "an amount this version does not know ({c})"
            )))
        }
    };
    if !v.is_finite() {
        return err("an amount is not a finite number");
    }
    Ok(v)
}

fn write_end_text(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(s.as_bytes());
    out.push(END);
}

fn read_end_text(bytes: &[u8], at: &mut usize) -> Read<String> {
    let rest = &bytes[*at..];
    let Some(len) = rest.iter().position(|b| *b == END) else {
        return err("a text runs past the end of the data");
    };
    let s = std::str::from_utf8(&rest[..len]).map_err(|_| damaged("a text is not valid UTF-8"))?;
    *at += len + 1;
    Ok(s.to_string())
}

fn read_code<T>(bytes: &[u8], at: &mut usize, of: fn(u8) -> Option<T>, what: &str) -> Read<T> {
    let Some(&code) = bytes.get(*at) else {
        return err("the data ends too early");
    };
    *at += 1;
    of(code)
        .ok_or_else(|| DecodeError::Newer(format!("a {what} this version does not know ({code})")))
}

/// The "more card fields" section's body for `map`; empty when no card has any.
fn more_card_fields(map: &JourneyMap) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for (i, c) in map.cards.iter().enumerate() {
        let pains = card_positions(map, &c.addresses);
        let flags = [
            (c.reach.is_some(), MORE_REACH),
            (!c.reach_period.is_empty(), MORE_PERIOD),
            (c.rice_impact.is_some(), MORE_IMPACT),
            (c.rice_confidence.is_some(), MORE_CONFIDENCE),
            (c.effort_months.is_some(), MORE_EFFORT),
            (!pains.is_empty(), MORE_ADDRESSES),
            (c.status != PlanStatus::default(), MORE_STATUS),
            (!c.remeasure.is_empty(), MORE_REMEASURE),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
        if flags == 0 {
            continue;
        }
        write_entry_head(&mut out, &mut last, i, flags);
        if let Some(r) = c.reach {
            write_amount(&mut out, r);
        }
        if flags & MORE_PERIOD != 0 {
            write_end_text(&mut out, &c.reach_period);
        }
        if let Some(i) = c.rice_impact {
            out.push(wire::impact_code(i));
        }
        if let Some(k) = c.rice_confidence {
            out.push(wire::confidence_code(k));
        }
        if let Some(e) = c.effort_months {
            write_amount(&mut out, e);
        }
        if flags & MORE_ADDRESSES != 0 {
            write_positions(&mut out, &pains);
        }
        if flags & MORE_STATUS != 0 {
            out.push(wire::status_code(c.status));
        }
        if flags & MORE_REMEASURE != 0 {
            write_end_text(&mut out, &c.remeasure);
        }
    }
    out
}

fn read_more_card_fields(body: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    let mut next = 0usize;
    while at < body.len() {
        let (i, flags) = read_entry_head(
            body,
            &mut at,
            &mut next,
            (map.cards.len(), MORE_KNOWN),
            (
                "card fields name a card that does not exist",
                "card fields this version does not know",
            ),
        )?;
        let mut addresses = Vec::new();
        let c = &mut map.cards[i];
        if flags & MORE_REACH != 0 {
            c.reach = Some(read_amount(body, &mut at)?);
        }
        if flags & MORE_PERIOD != 0 {
            c.reach_period = read_end_text(body, &mut at)?;
        }
        if flags & MORE_IMPACT != 0 {
            c.rice_impact = Some(read_code(body, &mut at, wire::impact_of, "RICE impact")?);
        }
        if flags & MORE_CONFIDENCE != 0 {
            c.rice_confidence = Some(read_code(
                body,
                &mut at,
                wire::confidence_of,
                "RICE confidence",
            )?);
        }
        if flags & MORE_EFFORT != 0 {
            c.effort_months = Some(read_amount(body, &mut at)?);
        }
        if flags & MORE_ADDRESSES != 0 {
            let n = read_leb128(body, &mut at)?;
            if n > (body.len() - at) as u64 {
                return err("a list claims more items than the data holds");
            }
            for _ in 0..n {
                addresses.push(read_leb128(body, &mut at)?);
            }
        }
        if flags & MORE_STATUS != 0 {
            c.status = read_code(body, &mut at, wire::status_of, "plan status")?;
        }
        if flags & MORE_REMEASURE != 0 {
            c.remeasure = read_end_text(body, &mut at)?;
        }
        let mut ids = Vec::with_capacity(addresses.len());
        for p in addresses {
            let pain = usize::try_from(p)
                .ok()
                .and_then(|p| map.cards.get(p))
                .ok_or_else(|| damaged("an opportunity addresses a card that does not exist"))?;
            ids.push(pain.id);
        }
        map.cards[i].addresses = ids;
    }
    Ok(())
}

/// Tag of the opportunity scoring section (optional).
///
/// Body: the code of the prioritisation shown first ([`wire::prioritisation_code`]), then
/// for each card with any scoring field, in card-list order: its position (as in
/// [`MORE_CARD_FIELDS`]), a presence-bits varint ([`SCORE_VALUE`] …), then the values
/// present in bit order: value and effort as one byte each (1..10), the Kano category as
/// its code, the answer counts as a 25-bit varint saying which of the 5 × 5 pairs
/// (functional-major) are counted, then each of those counts as a varint.
pub const SCORING: u64 = 4;

/// Presence bits of the scoring section.
const SCORE_VALUE: u64 = 1;
const SCORE_EFFORT: u64 = 1 << 1;
const SCORE_KANO: u64 = 1 << 2;
const SCORE_ANSWERS: u64 = 1 << 3;
const SCORE_KNOWN: u64 = (1 << 4) - 1;

/// The scoring section's body for `map`; empty when it uses none of it.
fn scoring(map: &JourneyMap) -> Vec<u8> {
    let mut out = vec![wire::prioritisation_code(map.scope.prioritise_by)];
    let mut last: Option<usize> = None;
    for (i, c) in map.cards.iter().enumerate() {
        let flags = [
            (c.value_score.is_some(), SCORE_VALUE),
            (c.effort_score.is_some(), SCORE_EFFORT),
            (c.kano.is_some(), SCORE_KANO),
            (!c.kano_answers.is_empty(), SCORE_ANSWERS),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
        if flags == 0 {
            continue;
        }
        write_entry_head(&mut out, &mut last, i, flags);
        out.extend(c.value_score);
        out.extend(c.effort_score);
        out.extend(c.kano.map(wire::kano_code));
        if flags & SCORE_ANSWERS != 0 {
            let cells = c.kano_answers.0.iter().flatten();
            let mask = cells
                .clone()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .fold(0u64, |m, (k, _)| m | 1 << k);
            write_leb128(&mut out, mask);
            for n in cells.filter(|n| **n > 0) {
                write_leb128(&mut out, u64::from(*n));
            }
        }
    }
    if last.is_none() && map.scope.prioritise_by == crate::model::Prioritisation::default() {
        out.clear();
    }
    out
}

fn read_scoring(body: &[u8], map: &mut JourneyMap) -> Read<()> {
    let mut at = 0;
    map.scope.prioritise_by = read_code(body, &mut at, wire::prioritisation_of, "prioritisation")?;
    let mut next = 0usize;
    let scale = |bytes: &[u8], at: &mut usize| -> Read<u8> {
        let v = read_code(bytes, at, Some, "score")?;
        if (1..=10).contains(&v) {
            Ok(v)
        } else {
            err("a value or effort score is outside 1..10")
        }
    };
    while at < body.len() {
        let (i, flags) = read_entry_head(
            body,
            &mut at,
            &mut next,
            (map.cards.len(), SCORE_KNOWN),
            (
                "scores name a card that does not exist",
                "opportunity scores this version does not know",
            ),
        )?;
        let c = &mut map.cards[i];
        if flags & SCORE_VALUE != 0 {
            c.value_score = Some(scale(body, &mut at)?);
        }
        if flags & SCORE_EFFORT != 0 {
            c.effort_score = Some(scale(body, &mut at)?);
        }
        if flags & SCORE_KANO != 0 {
            c.kano = Some(read_code(body, &mut at, wire::kano_of, "Kano category")?);
        }
        if flags & SCORE_ANSWERS != 0 {
            let mask = read_leb128(body, &mut at)?;
            if mask == 0 || mask >> 25 != 0 {
                return err("Kano answer counts are damaged");
            }
            for (k, n) in c.kano_answers.0.iter_mut().flatten().enumerate() {
                if mask & 1 << k != 0 {
                    let v = read_leb128(body, &mut at)?;
                    *n = u32::try_from(v)
                        .ok()
                        .filter(|v| *v > 0 && *v <= crate::model::kano::MAX_COUNT)
                        .ok_or_else(|| damaged("a Kano answer count is out of range"))?;
                }
            }
        }
    }
    Ok(())
}

/// Presence bits of a card's optional fields.
const NOTES: u64 = 1;
const STAKEHOLDERS: u64 = 1 << 1;
const TEAM: u64 = 1 << 2;
const CHANNEL: u64 = 1 << 3;
const EMOTION: u64 = 1 << 4;
const QUOTE: u64 = 1 << 5;
const MOMENT: u64 = 1 << 6;
const TO_BE: u64 = 1 << 7;
const EVIDENCE: u64 = 1 << 8;
const SCORES: u64 = 1 << 9;
const OWNER: u64 = 1 << 10;
const DEADLINE: u64 = 1 << 11;
const KPI: u64 = 1 << 12;
const BASELINE: u64 = 1 << 13;
const TARGET: u64 = 1 << 14;
const CURRENT: u64 = 1 << 15;

fn pack_scores(s: &PainScores) -> u64 {
    [
        s.magnitude,
        s.severity,
        s.frequency,
        s.business_impact,
        s.effort,
    ]
    .iter()
    .fold(0u64, |acc, v| {
        acc * 7 + u64::from(v.map_or(0, |x| x.min(5) + 1))
    })
}

fn unpack_scores(mut packed: u64) -> Read<PainScores> {
    if packed >= 7u64.pow(5) {
        return err("pain-point scores are out of range");
    }
    let mut v = [None; 5];
    for slot in v.iter_mut().rev() {
        let d = (packed % 7) as u8;
        packed /= 7;
        *slot = if d == 0 { None } else { Some(d - 1) };
    }
    Ok(PainScores {
        magnitude: v[0],
        severity: v[1],
        frequency: v[2],
        business_impact: v[3],
        effort: v[4],
    })
}

/// Encodes `map` (which should be valid: cards in existing stages and lanes).
pub fn encode_map(map: &JourneyMap) -> Vec<u8> {
    encode_map_as(map, Layout::V1)
}

/// Encodes `map` in `layout` (which should be valid: cards in existing stages and lanes).
pub fn encode_map_as(map: &JourneyMap, layout: Layout) -> Vec<u8> {
    let mut w = Writer::new(layout);
    w.uint(u64::from(map.next_id));
    let s = &map.scope;
    w.text(&s.title);
    w.text(&s.objective);
    w.text(&s.segment);
    w.uint(s.primary_persona.map_or(0, |p| u64::from(p.0) + 1));
    w.text(&s.owner);
    w.byte(wire::cadence_code(s.review_cadence));
    w.text(&s.last_review);
    w.text(&s.next_review);
    w.text(&s.research_sources);

    w.uint(map.personas.len() as u64);
    for p in &map.personas {
        w.id(p.id);
        for t in p.texts() {
            w.text(t);
        }
    }
    w.uint(map.stakeholders.len() as u64);
    for st in &map.stakeholders {
        w.id(st.id);
        w.text(&st.name);
        w.byte(wire::role_code(st.role_type));
        w.text(&st.department);
        w.byte(st.influence.value());
        w.byte(st.interest.value());
        w.byte(wire::stance_code(st.stance));
        w.text(&st.priorities);
        w.text(&st.concerns);
        w.uint_in(Col::Refs, st.influences.len() as u64);
        for i in &st.influences {
            w.uint_in(Col::Refs, u64::from(i.0));
        }
    }
    w.uint(map.stages.len() as u64);
    for st in &map.stages {
        w.id(st.id);
        for t in [
            &st.name,
            &st.description,
            &st.customer_goal,
            &st.owning_team,
        ] {
            w.text(t);
        }
    }
    w.uint(map.lanes.len() as u64);
    for l in &map.lanes {
        w.id(l.id);
        w.text(&l.name);
        w.byte(wire::lane_code(l.kind));
    }
    w.uint(map.cards.len() as u64);
    for c in &map.cards {
        w.id(c.id);
        w.uint_in(
            Col::Stage,
            map.stages
                .iter()
                .position(|s| s.id == c.stage)
                .unwrap_or(map.stages.len()) as u64,
        );
        w.uint_in(
            Col::Lane,
            map.lanes
                .iter()
                .position(|l| l.id == c.lane)
                .unwrap_or(map.lanes.len()) as u64,
        );
        w.text(&c.text);
        let flags = [
            (!c.notes.is_empty(), NOTES),
            (!c.stakeholders.is_empty(), STAKEHOLDERS),
            (!c.owning_team.is_empty(), TEAM),
            (!c.channel.is_empty(), CHANNEL),
            (c.emotion.is_some(), EMOTION),
            (!c.quote.is_empty(), QUOTE),
            (c.moment_of_truth, MOMENT),
            (c.to_be.is_some(), TO_BE),
            (!c.evidence.is_empty(), EVIDENCE),
            (c.scores != PainScores::default(), SCORES),
            (!c.owner.is_empty(), OWNER),
            (!c.deadline.is_empty(), DEADLINE),
            (!c.kpi.is_empty(), KPI),
            (!c.baseline.is_empty(), BASELINE),
            (!c.target.is_empty(), TARGET),
            (!c.current.is_empty(), CURRENT),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
        w.uint_in(Col::Flags, flags);
        if flags & NOTES != 0 {
            w.text(&c.notes);
        }
        if flags & STAKEHOLDERS != 0 {
            w.uint_in(Col::Refs, c.stakeholders.len() as u64);
            for s in &c.stakeholders {
                let at = map
                    .stakeholders
                    .iter()
                    .position(|x| x.id == *s)
                    .unwrap_or(map.stakeholders.len());
                w.uint_in(Col::Refs, at as u64);
            }
        }
        if flags & TEAM != 0 {
            w.text(&c.owning_team);
        }
        if flags & CHANNEL != 0 {
            match wire::channel_code(&c.channel) {
                Some(code) => w.uint_in(Col::Channel, code),
                None => {
                    w.uint_in(Col::Channel, 0);
                    w.text(&c.channel);
                }
            }
        }
        if let Some(e) = c.emotion {
            w.byte_in(Col::Emotion, (e.value() + 2) as u8);
        }
        if flags & QUOTE != 0 {
            w.text(&c.quote);
        }
        if let Some(e) = c.to_be {
            w.byte_in(Col::Emotion, (e.value() + 2) as u8);
        }
        if flags & EVIDENCE != 0 {
            w.text(&c.evidence);
        }
        if flags & SCORES != 0 {
            w.uint_in(Col::Refs, pack_scores(&c.scores));
        }
        for (bit, t) in [
            (OWNER, &c.owner),
            (DEADLINE, &c.deadline),
            (KPI, &c.kpi),
            (BASELINE, &c.baseline),
            (TARGET, &c.target),
            (CURRENT, &c.current),
        ] {
            if flags & bit != 0 {
                w.text(t);
            }
        }
    }
    let mut out = w.finish();
    if layout == Layout::V3 {
        let more = more_card_fields(map);
        if !more.is_empty() {
            append_section(&mut out, MORE_CARD_FIELDS, &more);
        }
        let gaps = handoffs(map);
        if !gaps.is_empty() {
            append_section(&mut out, HANDOFFS, &gaps);
        }
        let scores = scoring(map);
        if !scores.is_empty() {
            append_section(&mut out, SCORING, &scores);
        }
        for (tag, body) in [
            (
                review_sections::METRICS,
                review_sections::metrics_section(map),
            ),
            (
                review_sections::REVIEWS,
                review_sections::reviews_section(map),
            ),
        ] {
            if !body.is_empty() {
                append_section(&mut out, tag, &body);
            }
        }
    }
    out
}

/// Decodes bytes written by [`encode_map`].
pub fn decode_map(bytes: &[u8]) -> Result<JourneyMap, DecodeError> {
    decode_map_as(bytes, Layout::V1)
}

/// Decodes bytes written by [`encode_map_as`] in `layout`.
pub fn decode_map_as(bytes: &[u8], layout: Layout) -> Result<JourneyMap, DecodeError> {
    let mut r = Reader::split(bytes, layout)?;
    let next_id = r.small(u64::from(u32::MAX), "the id counter")? as u32;
    let title = r.text()?;
    let objective = r.text()?;
    let segment = r.text()?;
    let persona = r.small(u64::from(u32::MAX) + 1, "the primary persona")?;
    let owner = r.text()?;
    let review_cadence = r.code(wire::cadence_of, "review cadence")?;
    let scope = Scope {
        title,
        objective,
        segment,
        primary_persona: persona.checked_sub(1).map(|p| Id(p as u32)),
        owner,
        review_cadence,
        last_review: r.text()?,
        next_review: r.text()?,
        research_sources: r.text()?,
        prioritise_by: Default::default(),
    };
    let mut map = JourneyMap {
        scope,
        next_id,
        ..JourneyMap::default()
    };

    let personas = r.count(9)?;
    for _ in 0..personas {
        let id = r.id()?;
        let mut t = || r.text();
        map.personas.push(Persona {
            id,
            name: t()?,
            role: t()?,
            firmographics: t()?,
            goals: t()?,
            challenges: t()?,
            decision_process: t()?,
            preferred_channels: t()?,
            frustrations: t()?,
        });
    }
    let people = r.count(9)?;
    for _ in 0..people {
        let id = r.id()?;
        let name = r.text()?;
        let role_type = r.code(wire::role_of, "role type")?;
        let department = r.text()?;
        let influence = Level::new(i64::from(r.byte()?))
            .ok_or_else(|| damaged("an influence is out of range"))?;
        let interest = Level::new(i64::from(r.byte()?))
            .ok_or_else(|| damaged("an interest is out of range"))?;
        let stance = r.code(wire::stance_of, "stance")?;
        let priorities = r.text()?;
        let concerns = r.text()?;
        let mut influences = Vec::new();
        for _ in 0..r.count_in(Col::Refs, 1)? {
            influences.push(Id(
                r.small_in(Col::Refs, u64::from(u32::MAX), "an id")? as u32
            ));
        }
        map.stakeholders.push(Stakeholder {
            id,
            name,
            role_type,
            department,
            influence,
            interest,
            stance,
            priorities,
            concerns,
            influences,
        });
    }
    let stages = r.count(5)?;
    for _ in 0..stages {
        let id = r.id()?;
        map.stages.push(Stage {
            id,
            name: r.text()?,
            description: r.text()?,
            customer_goal: r.text()?,
            owning_team: r.text()?,
            ..Stage::default()
        });
    }
    let lanes = r.count(3)?;
    for _ in 0..lanes {
        let id = r.id()?;
        let name = r.text()?;
        let kind = r.code(wire::lane_of, "lane kind")?;
        map.lanes.push(Lane { id, name, kind });
    }
    let cards = r.count(5)?;
    map.cards.reserve(cards);
    for _ in 0..cards {
        let id = r.id()?;
        let stage = map
            .stages
            .get(r.uint_in(Col::Stage)? as usize)
            .map(|s| s.id)
            .ok_or_else(|| damaged("a card's stage does not exist"))?;
        let lane = map
            .lanes
            .get(r.uint_in(Col::Lane)? as usize)
            .map(|l| l.id)
            .ok_or_else(|| damaged("a card's lane does not exist"))?;
        let mut c = Card {
            id,
            stage,
            lane,
            text: r.text()?,
            ..Card::default()
        };
        let flags = r.uint_in(Col::Flags)?;
        if flags >> 16 != 0 {
            return Err(match layout {
                Layout::V3 => DecodeError::Newer("card fields this version does not know".into()),
                Layout::V1 | Layout::V2 => damaged("a card has fields this version does not know"),
            });
        }
        if flags & NOTES != 0 {
            c.notes = r.text()?;
        }
        if flags & STAKEHOLDERS != 0 {
            for _ in 0..r.count_in(Col::Refs, 1)? {
                let at = r.uint_in(Col::Refs)? as usize;
                let s = map
                    .stakeholders
                    .get(at)
                    .ok_or_else(|| damaged("a card names a stakeholder who does not exist"))?;
                c.stakeholders.push(s.id);
            }
        }
        if flags & TEAM != 0 {
            c.owning_team = r.text()?;
        }
        if flags & CHANNEL != 0 {
            c.channel = match r.uint_in(Col::Channel)? {
                0 => r.text()?,
                code => match wire::channel_of(code) {
                    Some(channel) => channel.to_string(),
                    None if layout == Layout::V3 => return Err(r.unknown("channel", code)),
                    None => return err("unknown channel"),
                },
            };
        }
        let emotion = |r: &mut Reader| -> Read<Emotion> {
            Emotion::new(i64::from(r.byte_in(Col::Emotion)?) - 2)
                .ok_or_else(|| damaged("an emotion score is out of range"))
        };
        if flags & EMOTION != 0 {
            c.emotion = Some(emotion(&mut r)?);
        }
        if flags & QUOTE != 0 {
            c.quote = r.text()?;
        }
        c.moment_of_truth = flags & MOMENT != 0;
        if flags & TO_BE != 0 {
            c.to_be = Some(emotion(&mut r)?);
        }
        if flags & EVIDENCE != 0 {
            c.evidence = r.text()?;
        }
        if flags & SCORES != 0 {
            c.scores = unpack_scores(r.uint_in(Col::Refs)?)?;
        }
        for (bit, field) in [
            (OWNER, &mut c.owner),
            (DEADLINE, &mut c.deadline),
            (KPI, &mut c.kpi),
            (BASELINE, &mut c.baseline),
            (TARGET, &mut c.target),
            (CURRENT, &mut c.current),
        ] {
            if flags & bit != 0 {
                *field = r.text()?;
            }
        }
        map.cards.push(c);
    }
    match layout {
        Layout::V1 | Layout::V2 if !r.done() => err("there are bytes left after the map"),
        Layout::V1 | Layout::V2 => Ok(map),
        Layout::V3 if !r.numbers_done() => err("there are numbers left after the map"),
        Layout::V3 => {
            let trailer = r.rest_of_text();
            read_sections(trailer, &mut map).map(|()| map)
        }
    }
}

/// `map` without its handoffs: what a format-3 decoder from before the handoffs section
/// carries of it.
#[cfg(test)]
pub(crate) fn without_handoffs(map: &JourneyMap) -> JourneyMap {
    let mut older = map.clone();
    for st in &mut older.stages {
        st.handoff_gap.clear();
        st.handoff_owner.clear();
        st.handoff_breaks.clear();
    }
    older
}

/// `map` without the fields of format 3's sections: what formats 1 and 2, and a format-3
/// decoder from before the sections, carry of it.
#[cfg(test)]
pub(crate) fn without_sections(map: &JourneyMap) -> JourneyMap {
    let mut older = map.clone();
    for c in &mut older.cards {
        c.reach = None;
        c.reach_period.clear();
        c.rice_impact = None;
        c.rice_confidence = None;
        c.effort_months = None;
        c.addresses.clear();
        c.status = PlanStatus::Idea;
        c.remeasure.clear();
        c.metric = None;
    }
    older.reviews.clear();
    without_scoring(&without_handoffs(&older))
}

/// `map` without the fields of the scoring section: what a format-3 decoder from before
/// the section shows of it.
#[cfg(test)]
pub(crate) fn without_scoring(map: &JourneyMap) -> JourneyMap {
    let mut older = map.clone();
    older.scope.prioritise_by = Default::default();
    for c in &mut older.cards {
        c.value_score = None;
        c.effort_score = None;
        c.kano = None;
        c.kano_answers = Default::default();
    }
    older
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::generated_map;
    use crate::model::templates;

    const LAYOUTS: [Layout; 3] = [Layout::V1, Layout::V2, Layout::V3];

    #[test]
    fn maps_round_trip_exactly() {
        for layout in LAYOUTS {
            let round_trip = |m: &JourneyMap| decode_map_as(&encode_map_as(m, layout), layout);
            for t in templates::TEMPLATES {
                let map = templates::build(t.key).unwrap();
                // Formats 1 and 2 have no room for the opportunity fields.
                let carried = match layout {
                    Layout::V3 => map.clone(),
                    Layout::V1 | Layout::V2 => without_sections(&map),
                };
                assert_eq!(round_trip(&map).unwrap(), carried, "{} {layout:?}", t.key);
            }
            let big = generated_map(12, 8, 400, 9);
            assert_eq!(round_trip(&big).unwrap(), big);
            let blank = JourneyMap::blank("");
            assert_eq!(round_trip(&blank).unwrap(), blank);
            // Ids out of order, a NUL and non-ASCII text.
            let mut odd = generated_map(3, 2, 6, 3);
            odd.cards.reverse();
            odd.cards[0].text = "Zürich \0 kickoff — “quoted”".into();
            assert_eq!(round_trip(&odd).unwrap(), odd);
        }
    }

    #[test]
    fn custom_channels_and_every_score_combination_survive() {
        let mut map = generated_map(2, 2, 4, 1);
        map.cards[0].channel = "Trade fair in Hannover".into();
        map.cards[1].scores = PainScores {
            magnitude: Some(1),
            severity: None,
            frequency: Some(5),
            business_impact: Some(3),
            effort: None,
        };
        assert_eq!(decode_map(&encode_map(&map)).unwrap(), map);
    }

    /// `map` without metrics and reviews (their sections are tested in
    /// `review_sections`; a cut between two sections is a valid map without the later).
    fn without_reviews(mut map: JourneyMap) -> JourneyMap {
        map.reviews.clear();
        map.cards.iter_mut().for_each(|c| c.metric = None);
        map
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        for layout in LAYOUTS {
            let map = without_reviews(templates::build("b2b-saas").unwrap());
            let bytes = encode_map_as(&map, layout);
            // Format 3 cut exactly between sections is the map without the later ones
            // (each section is optional; scoring comes last); anywhere else, an error.
            let before_sections = encode_map_as(&without_sections(&map), Layout::V2).len();
            let before_handoffs =
                encode_map_as(&without_scoring(&without_handoffs(&map)), Layout::V3).len();
            let before_scoring = encode_map_as(&without_scoring(&map), Layout::V3).len();
            for n in 0..bytes.len() {
                let cut = decode_map_as(&bytes[..n], layout);
                if layout == Layout::V3 && n == before_sections {
                    assert_eq!(cut, Ok(without_sections(&map)));
                    continue;
                }
                if layout == Layout::V3 && n == before_handoffs && n < before_scoring {
                    assert_eq!(cut, Ok(without_scoring(&without_handoffs(&map))));
                    continue;
                }
                if layout == Layout::V3 && n == before_scoring && n < bytes.len() {
                    assert_eq!(cut, Ok(without_scoring(&map)));
                    continue;
                }
                assert!(cut.is_err(), "{layout:?}: prefix of {n} bytes decoded");
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(decode_map_as(&longer, layout).is_err());
        }
    }

    #[test]
    fn absurd_counts_are_refused_before_allocating() {
        let mut w = Writer::default();
        w.uint(1);
        for _ in 0..3 {
            w.text("");
        }
        w.uint(0);
        w.text("");
        w.raw(&[1]);
        for _ in 0..3 {
            w.text("");
        }
        w.uint(u64::MAX >> 1); // personas: an absurd count
        assert!(decode_map(&w.finish())
            .unwrap_err()
            .why()
            .contains("more items than the data holds"));
    }

    /// The section machinery costs nothing when unused: format 3's bytes of a map are
    /// format 2's.
    #[test]
    fn a_map_without_sections_is_its_format_two_bytes() {
        for t in templates::TEMPLATES {
            let map = without_sections(&templates::build(t.key).unwrap());
            assert_eq!(
                encode_map_as(&map, Layout::V3),
                encode_map_as(&map, Layout::V2),
                "{}",
                t.key
            );
        }
        let big = generated_map(12, 8, 400, 4);
        assert_eq!(
            encode_map_as(&big, Layout::V3).len(),
            encode_map_as(&big, Layout::V2).len()
        );
    }

    #[test]
    fn unknown_optional_sections_are_skipped_and_required_ones_refused() {
        let map = without_sections(&templates::build("b2b-saas").unwrap());
        let mut bytes = encode_map_as(&map, Layout::V3);
        append_section(&mut bytes, 100, b"a later version's extra");
        append_section(&mut bytes, 40, &[]);
        assert_eq!(decode_map_as(&bytes, Layout::V3), Ok(map.clone()));
        // Format 2 has no trailer: the same bytes are damaged there.
        assert!(matches!(
            decode_map_as(&bytes, Layout::V2),
            Err(DecodeError::Damaged(_))
        ));
        let mut required = bytes.clone();
        append_section(&mut required, 7, &[1, 2, 3]);
        assert!(matches!(
            decode_map_as(&required, Layout::V3),
            Err(DecodeError::Newer(_))
        ));
        // A section longer than the data left is damage.
        let mut cut = encode_map_as(&map, Layout::V3);
        cut.extend([4, 9, 1]);
        assert!(matches!(
            decode_map_as(&cut, Layout::V3),
            Err(DecodeError::Damaged(_))
        ));
        assert!(is_required(1) && is_required(7) && !is_required(0) && !is_required(2));
    }

    /// A template with plan data on its first opportunity and links to two pains.
    fn with_plan() -> JourneyMap {
        use crate::model::formulas::{Confidence, Impact};
        use crate::model::LaneKind;
        let mut map = without_reviews(templates::build("b2b-saas").unwrap());
        let kind = |m: &JourneyMap, c: &Card| m.card_kind(c);
        let pains: Vec<Id> = map
            .cards
            .iter()
            .filter(|c| kind(&map, c) == Some(LaneKind::PainPoints))
            .map(|c| c.id)
            .take(2)
            .collect();
        let opps: Vec<usize> = (0..map.cards.len())
            .filter(|i| kind(&map, &map.cards[*i]) == Some(LaneKind::Opportunities))
            .collect();
        let c = &mut map.cards[opps[0]];
        c.reach = Some(1200.0);
        c.reach_period = "trials per quarter".into();
        c.rice_impact = Some(Impact::Low);
        c.rice_confidence = Some(Confidence::Medium);
        c.effort_months = Some(0.29);
        c.addresses = vec![pains[1], pains[0]];
        c.status = PlanStatus::Done;
        c.remeasure = "2027-04-01".into();
        let c = &mut map.cards[opps[1]];
        c.reach = Some(1.0 / 3.0);
        c.status = PlanStatus::Measured;
        let last = *opps.last().unwrap();
        map.cards[last].rice_impact = Some(Impact::Minimal);
        map
    }

    #[test]
    fn opportunity_fields_travel_in_their_section_from_format_three_on() {
        let map = with_plan();
        let bytes = encode_map_as(&map, Layout::V3);
        assert_eq!(decode_map_as(&bytes, Layout::V3), Ok(map.clone()));
        // The section is all that is added to the format-2 bytes.
        let plain = encode_map_as(&map, Layout::V2);
        assert_eq!(bytes[..plain.len()], plain[..]);
        assert_eq!(bytes[plain.len()], MORE_CARD_FIELDS as u8);
        // A decoder that does not know the section (today's released one) skips it and
        // shows the map without the plan.
        assert_eq!(
            decode_map_as(&plain, Layout::V3),
            Ok(without_sections(&map))
        );
        let before_handoffs =
            encode_map_as(&without_scoring(&without_handoffs(&map)), Layout::V3).len();
        let before_scoring = encode_map_as(&without_scoring(&map), Layout::V3).len();
        for n in plain.len() + 1..bytes.len() {
            let cut = decode_map_as(&bytes[..n], Layout::V3);
            if n == before_handoffs {
                assert_eq!(cut, Ok(without_scoring(&without_handoffs(&map))));
            } else if n == before_scoring {
                assert_eq!(cut, Ok(without_scoring(&map)));
            } else {
                assert!(cut.is_err(), "cut at {n}");
            }
        }
    }

    #[test]
    fn handoffs_travel_in_their_section_and_older_decoders_skip_them() {
        let mut map = without_sections(&templates::build("six-stage-b2b").unwrap());
        let touchpoints: Vec<Id> = map.touchpoints().iter().map(|c| c.id).collect();
        map.stages[1].handoff_gap = "Sales promises what onboarding cannot keep".into();
        map.stages[1].handoff_owner = "RevOps".into();
        map.stages[1].handoff_breaks = vec![touchpoints[3], touchpoints[1]];
        map.stages[4].handoff_owner = "CS lead".into();
        let bytes = encode_map_as(&map, Layout::V3);
        assert_eq!(decode_map_as(&bytes, Layout::V3), Ok(map.clone()));
        let plain = encode_map_as(&map, Layout::V2);
        assert_eq!(bytes[..plain.len()], plain[..]);
        assert_eq!(bytes[plain.len()], HANDOFFS as u8);
        // A format-3 decoder from before handoffs skips the optional section.
        assert_eq!(
            decode_map_as(&plain, Layout::V3),
            Ok(without_sections(&map))
        );
        for n in plain.len() + 1..bytes.len() {
            assert!(
                decode_map_as(&bytes[..n], Layout::V3).is_err(),
                "cut at {n}"
            );
        }
        // Twice the same section, a stage past the end, an unknown field: refused.
        let section = |body: &[u8]| {
            let mut b = plain.clone();
            append_section(&mut b, HANDOFFS, body);
            decode_map_as(&b, Layout::V3)
        };
        let body = handoffs(&map);
        let mut twice = bytes.clone();
        append_section(&mut twice, HANDOFFS, &body);
        assert!(matches!(
            decode_map_as(&twice, Layout::V3),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            section(&[40, 1, b'x', END]),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(section(&[0, 8]), Err(DecodeError::Newer(_))));
        assert!(matches!(
            section(&[0, 4, 1, 200]),
            Err(DecodeError::Damaged(_))
        ));
    }

    #[test]
    fn amounts_are_exact_in_hundredths_and_any_finite_value_survives() {
        for v in [
            0.0,
            0.01,
            0.29,
            7.25,
            1200.0,
            1e9,
            1.0 / 3.0,
            123.456,
            2.5e-7,
        ] {
            let mut out = Vec::new();
            write_amount(&mut out, v);
            let mut at = 0;
            assert_eq!(read_amount(&out, &mut at), Ok(v));
            assert_eq!(at, out.len());
        }
        let mut out = Vec::new();
        write_amount(&mut out, 0.29);
        assert_eq!(out, vec![58]);
        let mut nan = vec![1];
        write_leb128(&mut nan, f64::NAN.to_bits());
        assert!(matches!(
            read_amount(&nan, &mut 0),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            read_amount(&[3], &mut 0),
            Err(DecodeError::Newer(_))
        ));
    }

    #[test]
    fn unknown_card_fields_and_codes_in_the_section_mean_a_newer_version() {
        let map = without_sections(&templates::build("b2b-saas").unwrap());
        let plain = encode_map_as(&map, Layout::V3);
        let section = |body: &[u8]| {
            let mut bytes = plain.clone();
            append_section(&mut bytes, MORE_CARD_FIELDS, body);
            decode_map_as(&bytes, Layout::V3)
        };
        assert!(matches!(
            section(&[0, 0x80, 0x02]),
            Err(DecodeError::Newer(_))
        ));
        // Impact code 9 does not exist yet.
        assert!(matches!(section(&[0, 4, 9]), Err(DecodeError::Newer(_))));
        // Status code 2 is "in progress", on the first card.
        let opened = section(&[0, 64, 2]).unwrap();
        assert_eq!(opened.cards[0].status, PlanStatus::InProgress);
        // A card past the end, or pains past the end, are damage.
        let n = map.cards.len() as u8;
        assert!(matches!(section(&[n, 64, 2]), Err(DecodeError::Damaged(_))));
        assert!(matches!(
            section(&[0, 32, 1, n]),
            Err(DecodeError::Damaged(_))
        ));
        // Two sections of the same kind are damage too.
        let mut twice = plain.clone();
        append_section(&mut twice, MORE_CARD_FIELDS, &[0, 64, 2]);
        append_section(&mut twice, MORE_CARD_FIELDS, &[0, 64, 2]);
        assert!(matches!(
            decode_map_as(&twice, Layout::V3),
            Err(DecodeError::Damaged(_))
        ));
    }

    /// A map with value–effort and Kano data on a few opportunities.
    fn with_scores() -> JourneyMap {
        use crate::model::formulas::{KanoAnswer, KanoCategory};
        let mut map = without_scoring(&with_plan());
        let opps: Vec<usize> = (0..map.cards.len())
            .filter(|i| {
                map.card_kind(&map.cards[*i]) == Some(crate::model::LaneKind::Opportunities)
            })
            .collect();
        map.scope.prioritise_by = crate::model::Prioritisation::Kano;
        let c = &mut map.cards[opps[0]];
        c.value_score = Some(10);
        c.effort_score = Some(1);
        c.kano = Some(KanoCategory::Questionable);
        c.kano_answers
            .set(KanoAnswer::Like, KanoAnswer::Dislike, 1_000_000);
        c.kano_answers
            .set(KanoAnswer::Dislike, KanoAnswer::Dislike, 1);
        map.cards[opps[2]].effort_score = Some(6);
        map.cards[opps[3]]
            .kano_answers
            .set(KanoAnswer::Neutral, KanoAnswer::MustBe, 130);
        map
    }

    #[test]
    fn scores_travel_in_their_own_section_and_cost_nothing_when_unused() {
        let map = with_scores();
        let bytes = encode_map_as(&map, Layout::V3);
        assert_eq!(decode_map_as(&bytes, Layout::V3), Ok(map.clone()));
        // Without scores, the bytes are exactly those of before the section existed.
        let plain = without_scoring(&map);
        let before = encode_map_as(&plain, Layout::V3);
        assert_eq!(bytes[..before.len()], before[..]);
        assert_eq!(bytes[before.len()], SCORING as u8);
        // A decoder from before the section skips it: what it shows is the map without.
        assert_eq!(decode_map_as(&before, Layout::V3), Ok(plain.clone()));
        // Only the setting, and nothing else, still travels.
        let mut setting = plain.clone();
        setting.scope.prioritise_by = crate::model::Prioritisation::ValueEffort;
        let b = encode_map_as(&setting, Layout::V3);
        assert_eq!(b[before.len()..], [SCORING as u8, 1, 1]);
        assert_eq!(decode_map_as(&b, Layout::V3), Ok(setting));
        for n in before.len() + 1..bytes.len() {
            assert!(
                decode_map_as(&bytes[..n], Layout::V3).is_err(),
                "cut at {n}"
            );
        }
    }

    #[test]
    fn bad_scores_are_damage_and_unknown_ones_a_newer_version() {
        let plain = without_scoring(&with_plan());
        let section = |body: &[u8]| {
            let mut bytes = encode_map_as(&plain, Layout::V3);
            append_section(&mut bytes, SCORING, body);
            decode_map_as(&bytes, Layout::V3)
        };
        assert!(section(&[0, 0, 1, 7]).is_ok());
        assert!(matches!(
            section(&[0, 0, 1, 11]),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            section(&[0, 0, 1, 0]),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(section(&[3]), Err(DecodeError::Newer(_))));
        assert!(matches!(section(&[0, 0, 16]), Err(DecodeError::Newer(_))));
        assert!(matches!(section(&[0, 0, 4, 6]), Err(DecodeError::Newer(_))));
        assert!(matches!(
            section(&[0, 0, 8, 0]),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            section(&[0, 0, 8, 1, 0]),
            Err(DecodeError::Damaged(_))
        ));
        assert!(matches!(
            section(&[0, 0xff, 0x7f, 1, 5]),
            Err(DecodeError::Damaged(_))
        ));
        let mut twice = encode_map_as(&plain, Layout::V3);
        append_section(&mut twice, SCORING, &[1]);
        append_section(&mut twice, SCORING, &[1]);
        assert!(matches!(
            decode_map_as(&twice, Layout::V3),
            Err(DecodeError::Damaged(_))
        ));
    }

    #[test]
    fn unknown_codes_mean_a_newer_version_from_format_three_on() {
        let mut map = generated_map(2, 2, 4, 1);
        map.cards[0].channel = "Website".into();
        for layout in [Layout::V2, Layout::V3] {
            let mut bytes = encode_map_as(&map, layout);
            // The channel column holds the card's channel number (1 = Website): make it
            // a number no channel has yet.
            let mut at = 0;
            let lens: Vec<u64> = (0..COLUMNS)
                .map(|_| read_leb128(&bytes, &mut at).unwrap())
                .collect();
            let channel_at = at + lens[..Col::Channel as usize].iter().sum::<u64>() as usize;
            assert_eq!(bytes[channel_at], 1);
            bytes[channel_at] = 100;
            let e = decode_map_as(&bytes, layout).unwrap_err();
            match layout {
                Layout::V3 => assert!(matches!(e, DecodeError::Newer(_)), "{e:?}"),
                _ => assert!(matches!(e, DecodeError::Damaged(_)), "{e:?}"),
            }
        }
    }
}
