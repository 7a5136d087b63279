//! The bit predictor of link format 2, a stronger sibling of format 1's ([`super::cm`]):
//! - ten context models: orders 0–4 and 6, the current word, the word pair, and two that
//!   know how far into the current string the coder is (strings end with a 0xFF byte in
//!   the format-2 layout), which is what predicts where a string ends;
//! - larger tables whose slots carry a check byte, so a context that collides with
//!   another starts fresh instead of inheriting a stranger's statistics;
//! - a match model: when the last bytes occurred before (in the primer or earlier in the
//!   map), it predicts the byte that followed them. With the built-in templates in the
//!   primer, a map made from a template costs little more than its changes;
//! - mixer weights chosen by the partial byte and the match state, then an APM stage.
//!
//! Like format 1's, it is part of the link format: never change it; add a format instead.

use super::cm::{string_bucket, Apm, ByteHistory, Tables};

/// Context models (the match model is extra).
const MODELS: usize = 10;
/// Mixer inputs: the context models and the match model.
const INPUTS: usize = MODELS + 1;
const TABLE_BITS: u32 = 18;
const TABLE: usize = 1 << TABLE_BITS;
/// Counters adapt at 1/(n+1.5) until this many observations, then at a fixed rate.
const LIMIT: u32 = 20;
/// A slot no context owns yet: probability one half, no observations.
const FRESH: u32 = (1 << 15) << 16;
/// Shortest earlier occurrence the match model follows.
const MATCH_MIN: usize = 5;
const MATCH_BITS: u32 = 16;
/// Longest match length the match model tells apart.
const MATCH_LONGEST: usize = 31;
/// Ends a string in the format-2 layout.
const END: u8 = 0xFF;

/// Predicts the next bit from the most recent earlier occurrence of the last bytes.
#[derive(Clone)]
struct MatchModel {
    /// Every byte seen (primer and data).
    seen: Vec<u8>,
    /// Where the bytes after each hashed run of [`MATCH_MIN`] bytes start.
    last_at: Vec<u32>,
    /// Where the predicted byte is in `seen` (valid while `len > 0`).
    at: usize,
    /// Length of the current match (0: none).
    len: usize,
    /// Whether a bit of the current byte differed from the prediction.
    missed: bool,
    /// The bit predicted now.
    expected: u32,
    /// Probability (16-bit) that the predicted bit is a 1, by match length and bit.
    hits: Vec<u16>,
    hit_index: usize,
}

impl MatchModel {
    fn new() -> MatchModel {
        MatchModel {
            seen: Vec::new(),
            last_at: vec![0; 1 << MATCH_BITS],
            at: 0,
            len: 0,
            missed: false,
            expected: 0,
            hits: vec![1 << 15; (MATCH_LONGEST + 1) * 2],
            hit_index: 0,
        }
    }

    fn hash_of_last_bytes(&self) -> usize {
        let n = self.seen.len();
        let h = self.seen[n - MATCH_MIN..]
            .iter()
            .fold(0u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        (h >> (32 - MATCH_BITS)) as usize
    }

    /// Learns a whole byte: extends the match or looks for a new one.
    fn byte(&mut self, b: u8) {
        self.seen.push(b);
        let n = self.seen.len();
        if self.len > 0 && !self.missed && self.at + 1 < n && self.seen[self.at] == b {
            self.len += 1;
            self.at += 1;
        } else {
            self.len = 0;
        }
        if n >= MATCH_MIN {
            let h = self.hash_of_last_bytes();
            if self.len == 0 {
                let candidate = self.last_at[h] as usize;
                if candidate > 0 {
                    let mut l = 0;
                    while l < candidate
                        && l < MATCH_LONGEST
                        && self.seen[candidate - 1 - l] == self.seen[n - 1 - l]
                    {
                        l += 1;
                    }
                    if l >= MATCH_MIN {
                        self.len = l;
                        self.at = candidate;
                    }
                }
            }
            self.last_at[h] = u32::try_from(n).unwrap_or(u32::MAX);
        }
        self.missed = false;
    }

    /// The mixer input (stretched), given the partial byte `c0` after `bits` bits.
    fn input(&mut self, c0: u32, bits: u32, tables: &Tables) -> i32 {
        if self.len == 0 || self.missed {
            return 0;
        }
        let predicted = u32::from(self.seen[self.at]) | 0x100;
        if predicted >> (8 - bits) != c0 {
            self.missed = true;
            return 0;
        }
        self.expected = (predicted >> (7 - bits)) & 1;
        self.hit_index = self.len.min(MATCH_LONGEST) * 2 + self.expected as usize;
        tables.stretch(i32::from(self.hits[self.hit_index] >> 4))
    }

    fn update(&mut self, bit: u32) {
        if self.len == 0 || self.missed {
            return;
        }
        let target = if bit == 1 { 65535 } else { 0 };
        let p = i32::from(self.hits[self.hit_index]);
        self.hits[self.hit_index] = (p + ((target - p) >> 5)).clamp(0, 65535) as u16;
        if bit != self.expected {
            self.missed = true;
        }
    }

    /// 0: no match; 1: a short one; 2: a long one (selects mixer weights).
    fn state(&self, input: i32) -> usize {
        match (input, self.len) {
            (0, _) => 0,
            (_, 0..=15) => 1,
            _ => 2,
        }
    }
}

/// The format-2 predictor.
#[derive(Clone)]
pub(super) struct Model {
    tables: Tables,
    /// Counters, [`TABLE`] slots per context model, each packed as
    /// `probability (16 bits) << 16 | observations (up to LIMIT) << 8 | check byte`, where
    /// the check byte says which context owns the slot. One word per slot keeps priming
    /// to one cache miss per model and bit.
    slots: Vec<u32>,
    /// Mixer weights, [`INPUTS`] per set; sets by partial byte and match state.
    w: Vec<i32>,
    ctx: [u32; MODELS],
    slot: [usize; MODELS],
    st: [i32; INPUTS],
    set: usize,
    /// Partial byte with a leading 1.
    c0: u32,
    /// Bits of the current byte seen.
    bits: u32,
    history: ByteHistory,
    /// Bytes since the last string end.
    in_string: u32,
    mix_pr: i32,
    pr: i32,
    apm: Apm,
    matcher: MatchModel,
}

impl Model {
    /// A model that has seen nothing.
    pub(super) fn new() -> Model {
        let tables = Tables::new();
        let apm = Apm::new(1 << 14, &tables);
        let mut m = Model {
            tables,
            slots: vec![FRESH; TABLE * MODELS],
            w: vec![(1 << 16) / 4; 256 * 3 * INPUTS],
            ctx: [0; MODELS],
            slot: [0; MODELS],
            st: [0; INPUTS],
            set: 0,
            c0: 1,
            bits: 0,
            history: ByteHistory::default(),
            in_string: 0,
            mix_pr: 2048,
            pr: 2048,
            apm,
            matcher: MatchModel::new(),
        };
        m.set_contexts();
        m.predict();
        m
    }

    fn set_contexts(&mut self) {
        let c4 = self.history.c4;
        let at = string_bucket(self.in_string);
        self.ctx[..8].copy_from_slice(&self.history.contexts());
        self.ctx[8] = ((at << 8) | (c4 & 0xff)).wrapping_mul(0x2a3b_9c13) ^ 0x9;
        self.ctx[9] = ((at << 16) | (c4 & 0xffff)).wrapping_mul(0x7193_5a1d) ^ 0xa;
    }

    fn predict(&mut self) {
        let match_input = self.matcher.input(self.c0, self.bits, &self.tables);
        self.st[MODELS] = match_input;
        self.set = (self.c0 as usize + 256 * self.matcher.state(match_input)) * INPUTS;
        for i in 0..MODELS {
            let h = (self.ctx[i] ^ self.c0.wrapping_mul(0x9e37_79b1)).wrapping_mul(0x85eb_ca6b);
            let slot = i * TABLE + (h >> (32 - TABLE_BITS)) as usize;
            let owner = h & 0xff;
            if self.slots[slot] & 0xff != owner {
                self.slots[slot] = FRESH | owner;
            }
            self.slot[i] = slot;
            self.st[i] = self.tables.stretch((self.slots[slot] >> 20) as i32);
        }
        let dot: i64 = self.st[..]
            .iter()
            .zip(&self.w[self.set..self.set + INPUTS])
            .map(|(s, w)| i64::from(*s) * i64::from(*w))
            .sum();
        self.mix_pr = self.tables.squash((dot >> 16) as i32);
        let cx = (self.c0 | ((self.history.c4 & 0x3f) << 8)) as usize;
        let refined = self.apm.refine(self.mix_pr, cx, &self.tables);
        self.pr = ((self.mix_pr + 3 * refined) >> 2).clamp(1, 4095);
    }

    /// Learns one bit and predicts the next.
    pub(super) fn update(&mut self, bit: u32) {
        let err = ((bit as i32) << 12) - self.mix_pr;
        for (w, s) in self.w[self.set..self.set + INPUTS].iter_mut().zip(&self.st) {
            *w += (s * err) >> 10;
        }
        self.matcher.update(bit);
        let target = if bit == 1 { 65535 } else { 0 };
        for &slot in &self.slot {
            let packed = self.slots[slot];
            let n = (packed >> 8) & 0xff;
            let p = (packed >> 16) as i32;
            let step = ((target - p) as i64 * i64::from(self.tables.rate[n as usize])) >> 16;
            let p = (p + step as i32).clamp(0, 65535) as u32;
            let n = if n < LIMIT { n + 1 } else { n };
            self.slots[slot] = (p << 16) | (n << 8) | (packed & 0xff);
        }
        self.apm.update(bit);
        self.c0 = (self.c0 << 1) | bit;
        self.bits += 1;
        if self.c0 >= 256 {
            let byte = (self.c0 & 0xff) as u8;
            self.in_string = if byte == END {
                0
            } else {
                self.in_string.saturating_add(1)
            };
            self.history.push(
                byte,
                byte.is_ascii_alphabetic() || (0x80..END).contains(&byte),
            );
            self.c0 = 1;
            self.bits = 0;
            self.matcher.byte(byte);
            self.set_contexts();
        }
        self.predict();
    }

    /// Probability (12-bit) that the next bit is 1.
    pub(super) fn p(&self) -> u32 {
        self.pr as u32
    }
}
