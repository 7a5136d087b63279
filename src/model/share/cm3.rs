//! The bit predictor of link format 3: format 2's ideas ([`super::cm2`]) in a model that
//! needs under 3 MB and primes in a few milliseconds.
//! - Five context models — order 3, order 6, the current word, and two that know how far
//!   into the current string the coder is (order 1 and order 2 with the string position;
//!   strings end with a 0xFF byte in the format-2/3 layouts). Measured: fewer but better
//!   chosen models than format 2's ten compress as well on these small inputs (the mixer
//!   settles sooner) at half the work.
//! - Each context is hashed once per nibble to a 16-byte bucket (a check byte and the
//!   bit states of the nibble's 15 tree nodes), four buckets to a 64-byte cache line
//!   (found by the check byte, else the least used one is taken over): one cache miss per
//!   model and nibble instead of per bit. The bucket is copied out while its nibble is
//!   coded and written back after.
//! - Bit states are bytes: bounded counts of zeros and ones seen, the older count halved
//!   when the other bit comes ([`States`]); a state map per model turns a state into a
//!   probability it learns as it goes.
//! - A match model follows the latest earlier occurrence of the last five bytes (in the
//!   primer or the data) and predicts the byte after it, with a confidence learnt per
//!   match length. With the templates in the primer, a map made from one is a long match.
//! - A mixer with weights chosen by the partial byte and the match length (weights for
//!   long matches learn fast, the others slowly), then an adaptive probability map by
//!   partial byte and the byte before.
//!
//! The model is allocated once per thread ([`with_primed`]) and reset, not reallocated or
//! copied, for every stream; priming it again each time is cheaper than keeping a primed
//! copy. All arithmetic is integer, so every platform predicts the same bits.
//!
//! Like formats 1 and 2's, it is part of the link format: never change it (a test pins
//! its tables and its output); add a format instead.

/// Context models (the match model is extra).
const MODELS: usize = 5;
/// Mixer inputs: the context models, the match model and a bias.
const INPUTS: usize = MODELS + 2;
/// Cache lines of buckets: 2^LINE_BITS × 64 bytes.
const LINE_BITS: u32 = 15;
/// Ends a string in the format-2/3 layouts.
const END: u8 = 0xFF;
/// Bytes of history the match model remembers.
const HISTORY_BITS: u32 = 18;
const HISTORY: usize = 1 << HISTORY_BITS;
/// Entries of the match model's index.
const MATCH_INDEX_BITS: u32 = 16;
/// Shortest earlier occurrence the match model follows.
const MATCH_MIN: usize = 5;
/// Match lengths told apart by the match model.
const MATCH_BUCKETS: usize = 16;
/// Contexts of the final adaptive probability map.
const APM_BITS: u32 = 12;
/// Limit of a state map's observation count.
const SM_LIMIT: u32 = 1023;

/// Probability (12-bit) at stretch `(i - 16) * 128`, i = 0..=32: 4096 / (1 + e^-(i-16)/2).
const SQUASH_POINTS: [i32; 33] = [
    1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546, 2048, 2550, 2994, 3349,
    3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095,
];

/// 4096 / (1 + e^-d/256) by interpolation, for d in -2047..=2047.
fn squash_interpolated(d: i32) -> i32 {
    let d = d.clamp(-2047, 2047) + 2048;
    let (i, w) = ((d >> 7) as usize, d & 127);
    (SQUASH_POINTS[i] * (128 - w) + SQUASH_POINTS[i + 1] * w + 64) >> 7
}

/// A cache line: four buckets of one check byte and the 15 bit states of a nibble.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([[u8; 16]; 4]);

/// The bit-history states a bucket's byte can hold: how many zeros and ones a context
/// has seen, bounded (the more one bit dominates, the longer its run may count: see
/// [`most`]), with the other bit's count discounted (n → n/2 + 1 when above 2) each time
/// a bit comes, so that recent bits weigh more. State 0 is "nothing seen"; the states are
/// numbered in the order a breadth-first walk from it meets them (167 in all).
struct States {
    /// The state after a 0 and after a 1.
    next: [[u8; 2]; 256],
    /// Zeros and ones seen, by state.
    counts: [(u8, u8); 256],
    /// Bits seen (zeros + ones): which bucket of a line gives way to a new context.
    priority: [u8; 256],
}

/// Largest count of either bit given the smaller of the two counts.
fn most(fewer: u32) -> u32 {
    match fewer {
        0 => 40,
        1 => 24,
        2 => 14,
        3 => 10,
        4 => 8,
        _ => fewer.max(6),
    }
}

impl States {
    fn new() -> States {
        let mut counts: Vec<(u32, u32)> = vec![(0, 0)];
        let mut next = [[0u8; 2]; 256];
        let mut at = 0;
        while at < counts.len() && at < 256 {
            let (n0, n1) = counts[at];
            for (bit, next) in next[at].iter_mut().enumerate() {
                let (mut mine, mut other) = if bit == 0 { (n0, n1) } else { (n1, n0) };
                mine += 1;
                if other > 2 {
                    other = other / 2 + 1;
                }
                let cap = most(mine.min(other));
                let (mine, other) = (mine.min(cap), other.min(cap));
                let pair = if bit == 0 {
                    (mine, other)
                } else {
                    (other, mine)
                };
                let j = match counts.iter().position(|c| *c == pair) {
                    Some(j) => j,
                    None => {
                        counts.push(pair);
                        counts.len() - 1
                    }
                };
                *next = j.min(255) as u8;
            }
            at += 1;
        }
        let mut c = [(0u8, 0u8); 256];
        let mut priority = [0u8; 256];
        for (k, (n0, n1)) in counts.iter().enumerate().take(256) {
            c[k] = (*n0 as u8, *n1 as u8);
            priority[k] = (*n0 + *n1) as u8;
        }
        States {
            next,
            counts: c,
            priority,
        }
    }

    /// How many states there are.
    #[cfg(test)]
    fn count(&self) -> usize {
        1 + self
            .next
            .iter()
            .flatten()
            .map(|s| usize::from(*s))
            .max()
            .unwrap_or(0)
    }
}

/// `N` copies of `v` on the heap (never on the stack, however large).
fn boxed<T: Copy, const N: usize>(v: T) -> Box<[T; N]> {
    match vec![v; N].into_boxed_slice().try_into() {
        Ok(b) => b,
        Err(_) => unreachable!("a vector of N items converts to an array of N"),
    }
}

/// Tables computed once: squash, stretch, state transitions.
struct Tables {
    /// squash(d) for d = -2048..=2047, at d + 2048.
    squash: [i16; 4096],
    /// The inverse of squash, by 12-bit probability.
    stretch: [i16; 4096],
    states: States,
    /// 65536 * 2 / (2n + 3): a state map's step after n observations.
    rate: [i32; SM_LIMIT as usize + 1],
}

impl Tables {
    fn new() -> Tables {
        let mut squash = [0i16; 4096];
        for (d, s) in squash.iter_mut().enumerate() {
            *s = squash_interpolated(d as i32 - 2048) as i16;
        }
        let mut stretch = [2047i16; 4096];
        let mut pi = 0usize;
        for x in -2047..=2047i32 {
            let v = squash_interpolated(x) as usize;
            for s in stretch.iter_mut().take(v + 1).skip(pi) {
                *s = x as i16;
            }
            pi = pi.max(v + 1);
        }
        let mut rate = [0i32; SM_LIMIT as usize + 1];
        for (n, r) in rate.iter_mut().enumerate() {
            *r = (131_072 / (2 * n + 3)) as i32;
        }
        Tables {
            squash,
            stretch,
            states: States::new(),
            rate,
        }
    }

    #[inline(always)]
    fn squash(&self, d: i32) -> i32 {
        i32::from(self.squash[((d.clamp(-2047, 2047) + 2048) as usize) & 4095])
    }

    #[inline(always)]
    fn stretch(&self, p: u32) -> i32 {
        i32::from(self.stretch[(p as usize) & 4095])
    }
}

/// Lines of buckets of the context models.
const LINES: usize = 1 << LINE_BITS;
/// Mixer weight sets: by partial byte and match state.
const WEIGHT_SETS: usize = 256 * 4;
const APM_CONTEXTS: usize = 1 << APM_BITS;
const MATCH_INDEX: usize = 1 << MATCH_INDEX_BITS;

impl super::cm::Bits for Model {
    fn p(&self) -> u32 {
        self.pr as u32
    }

    fn update(&mut self, bit: u32) {
        Model::update(self, bit);
    }
}

/// The working model and how much of which primer it has learnt since its last reset.
struct Working {
    model: Box<Model>,
    /// The primer being learnt ahead of use (its address and length), if any.
    primer: Option<(usize, usize)>,
    /// Bytes of that primer learnt so far.
    learnt: usize,
}

impl Working {
    fn new() -> Working {
        Working {
            model: Box::new(Model::new()),
            primer: None,
            learnt: 0,
        }
    }
}

thread_local! {
    /// The working model: allocated on first use, then reset for every stream.
    static WORKING: std::cell::RefCell<Option<Working>> = const { std::cell::RefCell::new(None) };
}

fn key_of(primer: &[u8]) -> (usize, usize) {
    (primer.as_ptr() as usize, primer.len())
}

/// Learns up to `budget` more bytes of `primer` ahead of the next stream, so that a page
/// can spread priming over several short tasks instead of one long one; returns whether
/// the model is now fully primed. The next [`with_primed`] call with the same primer then
/// starts from there instead of priming again. A stream coded in between (with any
/// primer) leaves the model used, and priming starts over.
pub(super) fn prime_ahead(primer: &[u8], budget: usize) -> bool {
    WORKING.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            return false;
        };
        let w = slot.get_or_insert_with(Working::new);
        if w.primer != Some(key_of(primer)) {
            w.model.reset();
            w.primer = Some(key_of(primer));
            w.learnt = 0;
        }
        let end = (w.learnt + budget).min(primer.len());
        w.model.learn(&primer[w.learnt..end]);
        w.learnt = end;
        end == primer.len()
    })
}

/// The working model taken out of its slot for one stream decoded in steps
/// ([`super::cm::Unpacking`]): between steps the page runs, and anything coded meanwhile
/// gets a model of its own instead of this one. It goes back into the slot when dropped,
/// keeping what it learnt of the primer if no data went through it.
pub(super) struct Held {
    w: Option<Working>,
    primer: &'static [u8],
    used: bool,
}

impl Held {
    /// Takes the working model (or makes one), keeping what was primed ahead with `primer`.
    pub(super) fn take(primer: &'static [u8]) -> Held {
        let taken = WORKING.with(|cell| cell.try_borrow_mut().ok().and_then(|mut s| s.take()));
        let mut w = taken.unwrap_or_else(Working::new);
        if w.primer != Some(key_of(primer)) {
            w.model.reset();
            w.primer = Some(key_of(primer));
            w.learnt = 0;
        }
        Held {
            w: Some(w),
            primer,
            used: false,
        }
    }

    /// Learns up to `budget` more bytes of the primer; once it is all learnt, the part of
    /// `budget` left for the data.
    pub(super) fn prime(&mut self, budget: usize) -> Option<usize> {
        let w = self.w.as_mut()?;
        let n = (self.primer.len() - w.learnt).min(budget);
        w.model.learn(&self.primer[w.learnt..w.learnt + n]);
        w.learnt += n;
        (w.learnt == self.primer.len()).then_some(budget - n)
    }

    /// The model, fully primed, for the stream's data.
    pub(super) fn model(&mut self) -> &mut Model {
        self.used = true;
        let w = self.w.get_or_insert_with(Working::new);
        &mut w.model
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let Some(mut w) = self.w.take() else {
            return;
        };
        if self.used {
            // It holds this stream's data: the next stream starts over.
            w.primer = None;
            w.learnt = 0;
        }
        WORKING.with(|cell| {
            if let Ok(mut slot) = cell.try_borrow_mut() {
                if slot.is_none() {
                    *slot = Some(w);
                }
            }
        });
    }
}

/// Runs `f` with the working model primed with `primer`.
pub(super) fn with_primed<R>(primer: &[u8], f: impl FnOnce(&mut Model) -> R) -> R {
    WORKING.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => {
            let w = slot.get_or_insert_with(Working::new);
            if w.primer == Some(key_of(primer)) {
                // Primed ahead, in part or in full: learn the rest.
                w.model.learn(&primer[w.learnt..]);
            } else {
                w.model.reset();
                w.model.learn(primer);
            }
            // From here the model holds this stream's data: the next one starts over.
            w.primer = None;
            w.learnt = 0;
            f(&mut w.model)
        }
        // Only if `f` itself coded a stream: a model of its own.
        Err(_) => {
            let mut m = Box::new(Model::new());
            m.learn(primer);
            f(&mut m)
        }
    })
}

/// The format-3 predictor, allocated once and reset for every stream.
pub(super) struct Model {
    t: Box<Tables>,
    lines: Box<[Line; LINES]>,
    /// State maps, one per context model: probability (22 bits) << 10 | count.
    maps: Box<[[u32; 256]; MODELS]>,
    /// Mixer weights (16.16 fixed point), by set.
    w: Box<[[i32; INPUTS]; WEIGHT_SETS]>,
    /// The adaptive probability map: 33 points per context.
    apm: Box<[[u16; 33]; APM_CONTEXTS]>,
    /// The last [`HISTORY`] bytes seen (primer and data), by position modulo its size.
    history: Box<[u8; HISTORY]>,
    /// Where the bytes after each hashed run of [`MATCH_MIN`] bytes start (position).
    index: Box<[u32; MATCH_INDEX]>,
    /// Hash of each context model's context at the last byte boundary.
    ctx: [u32; MODELS],
    /// The bucket (line * 4 + way) of each context model for the current nibble.
    bucket: [usize; MODELS],
    /// The state each context model used for the current bit.
    state: [u8; MODELS],
    /// Each context model's bucket for the current nibble, copied out of `lines` while
    /// the nibble is coded (and written back after it).
    nib: [[u8; 16]; MODELS],
    /// The mixer's inputs for the current bit (stretched probabilities).
    st: [i32; INPUTS],
    /// The mixer's weight set for the current bit.
    set: usize,
    /// Partial byte with a leading 1.
    c0: u32,
    /// Bits of the current byte seen.
    bits: u32,
    /// Node of the current nibble's bit tree (1..=15).
    node: usize,
    /// The last four bytes, the latest lowest.
    c4: u32,
    /// The four bytes before those.
    c8: u32,
    /// Hash of the current word so far (0 between words).
    word: u32,
    /// Bytes since the last string end.
    in_string: u32,
    /// The mixer's probability (12-bit) that the next bit is 1.
    mix_pr: i32,
    /// The final probability (12-bit, 1..=4095) that the next bit is 1.
    pr: i32,
    /// The row and point of the adaptive probability map used for the current bit.
    apm_at: usize,
    apm_lo: usize,
    // The match model.
    /// Bytes seen so far.
    seen: usize,
    /// Position of the predicted byte (valid while `match_len > 0`).
    match_at: usize,
    /// Length of the current match (0: none).
    match_len: usize,
    /// The predicted byte with a leading 1, or 0 when there is no prediction (none, or a
    /// bit of this byte differed).
    predicted: u32,
    /// The bit the match model predicts now.
    expected: u32,
    /// Probability (16-bit) that the predicted bit is right, by length bucket.
    hits: [u16; MATCH_BUCKETS],
    /// The length bucket of the current match.
    hit_bucket: usize,
}

/// Mixes the bits of a context hash (so that its top bits pick a line and its low byte
/// checks the bucket).
fn finalize(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^= h >> 15;
    h = h.wrapping_mul(0x846c_a68b);
    h ^ (h >> 16)
}

/// Which of [`MATCH_BUCKETS`] confidences a match of `len` bytes uses.
fn length_bucket(len: usize) -> usize {
    match len {
        0..=11 => len.saturating_sub(4),
        12..=15 => 8,
        16..=23 => 9,
        24..=31 => 10,
        32..=63 => 11,
        64..=127 => 12,
        128..=511 => 13,
        512..=2047 => 14,
        _ => 15,
    }
}

impl Model {
    /// A model that has seen nothing.
    pub(super) fn new() -> Model {
        let mut m = Model {
            t: Box::new(Tables::new()),
            lines: boxed(Line([[0; 16]; 4])),
            maps: boxed([0; 256]),
            w: boxed([0; INPUTS]),
            apm: boxed([0; 33]),
            history: boxed(0),
            index: boxed(0),
            ctx: [0; MODELS],
            bucket: [0; MODELS],
            state: [0; MODELS],
            nib: [[0; 16]; MODELS],
            st: [0; INPUTS],
            set: 0,
            c0: 1,
            bits: 0,
            node: 1,
            c4: 0,
            c8: 0,
            word: 0,
            in_string: 0,
            mix_pr: 2048,
            pr: 2048,
            apm_at: 0,
            apm_lo: 0,
            seen: 0,
            match_at: 0,
            match_len: 0,
            predicted: 0,
            expected: 0,
            hits: [0; MATCH_BUCKETS],
            hit_bucket: 0,
        };
        m.reset();
        m
    }

    /// Back to having seen nothing, without allocating.
    pub(super) fn reset(&mut self) {
        self.lines.fill(Line([[0; 16]; 4]));
        let mut fresh = [0u32; 256];
        for (s, p) in fresh.iter_mut().enumerate() {
            let (n0, n1) = self.t.states.counts[s];
            let (n0, n1) = (u64::from(n0), u64::from(n1));
            let p22 = ((2 * n1 + 1) << 22) / (2 * (n0 + n1) + 2);
            *p = ((p22 as u32) << 10) | (n0 + n1).min(2) as u32;
        }
        self.maps.fill(fresh);
        self.w.fill([(1 << 16) / 4; INPUTS]);
        let mut row = [0u16; 33];
        for (j, v) in row.iter_mut().enumerate() {
            *v = (self.t.squash((j as i32 - 16) * 128) * 16) as u16;
        }
        self.apm.fill(row);
        self.history.fill(0);
        self.index.fill(0);
        self.ctx = [0; MODELS];
        self.bucket = [0; MODELS];
        self.state = [0; MODELS];
        self.nib = [[0; 16]; MODELS];
        self.st = [0; INPUTS];
        self.set = 0;
        self.c0 = 1;
        self.bits = 0;
        self.node = 1;
        self.c4 = 0;
        self.c8 = 0;
        self.word = 0;
        self.in_string = 0;
        self.mix_pr = 2048;
        self.pr = 2048;
        self.apm_at = 0;
        self.apm_lo = 0;
        self.seen = 0;
        self.match_at = 0;
        self.match_len = 0;
        self.predicted = 0;
        self.expected = 0;
        for (i, h) in self.hits.iter_mut().enumerate() {
            *h = 49152 + (i as u16) * 1000;
        }
        self.hit_bucket = 0;
        self.set_contexts();
        self.find_buckets();
        self.predict();
    }

    /// Bytes of memory the model holds.
    #[cfg(test)]
    fn memory(&self) -> usize {
        std::mem::size_of::<Model>()
            + std::mem::size_of::<Tables>()
            + std::mem::size_of_val(&*self.lines)
            + std::mem::size_of_val(&*self.maps)
            + std::mem::size_of_val(&*self.w)
            + std::mem::size_of_val(&*self.apm)
            + std::mem::size_of_val(&*self.history)
            + std::mem::size_of_val(&*self.index)
    }

    fn set_contexts(&mut self) {
        let (c4, c8) = (self.c4, self.c8);
        let at = super::cm::string_bucket(self.in_string);
        let contexts = [
            // Order 3.
            (c4 & 0xff_ffff).wrapping_mul(0x2f0b_3a49) ^ 0x3,
            // Order 6.
            (c4.wrapping_mul(0x1f3d_5b79) ^ (c8 & 0xffff).wrapping_mul(0x7a3b_9c11)) ^ 0x6,
            // The current word.
            self.word.wrapping_mul(0x2b23_9f11) ^ 0x7,
            // Order 1 and 2, with the position in the string.
            ((at << 8) | (c4 & 0xff)).wrapping_mul(0x2a3b_9c13) ^ 0x9,
            ((at << 16) | (c4 & 0xffff)).wrapping_mul(0x7193_5a1d) ^ 0xa,
        ];
        for (i, (ctx, c)) in self.ctx.iter_mut().zip(contexts).enumerate() {
            *ctx = c.wrapping_add((i as u32).wrapping_mul(0x9e37_79b9));
        }
    }

    /// Finds (or claims) each context model's bucket for the nibble that starts now.
    fn find_buckets(&mut self) {
        for i in 0..MODELS {
            let b = self.bucket[i] & (4 * LINES - 1);
            self.lines[b >> 2].0[b & 3] = self.nib[i];
        }
        let nibble = if self.bits == 0 { 0 } else { self.c0 };
        // All lines first, so that their cache misses overlap.
        let mut lines = [0usize; MODELS];
        let mut checks = [0u8; MODELS];
        let mut touch = 0u8;
        for i in 0..MODELS {
            let h = finalize(self.ctx[i] ^ nibble.wrapping_mul(0x3c6e_f372));
            lines[i] = (h >> (32 - LINE_BITS)) as usize & (LINES - 1);
            checks[i] = h as u8;
            touch ^= self.lines[lines[i]].0[0][0];
        }
        std::hint::black_box(touch);
        for i in 0..MODELS {
            let (line, check) = (lines[i], checks[i]);
            let ways = &mut self.lines[line].0;
            let mut way = 4;
            for (k, bucket) in ways.iter().enumerate() {
                if bucket[0] == check {
                    way = k;
                    break;
                }
            }
            if way == 4 {
                // Replace the bucket whose root node saw the fewest bits.
                way = 0;
                let mut least = u8::MAX;
                for (k, bucket) in ways.iter().enumerate() {
                    let seen = self.t.states.priority[usize::from(bucket[1])];
                    if seen < least {
                        least = seen;
                        way = k;
                    }
                }
                ways[way] = [0; 16];
                ways[way][0] = check;
            }
            self.nib[i] = ways[way];
            self.bucket[i] = line * 4 + way;
        }
    }

    /// Learns a whole byte in the match model: extends the match or looks for a new one.
    fn match_byte(&mut self, b: u8) {
        const MASK: usize = HISTORY - 1;
        self.history[self.seen & MASK] = b;
        self.seen += 1;
        let n = self.seen;
        if self.match_len > 0 && self.predicted != 0 {
            self.match_len += 1;
            self.match_at += 1;
        } else {
            self.match_len = 0;
        }
        if n >= MATCH_MIN {
            let mut h: u32 = 0;
            for k in (1..=MATCH_MIN).rev() {
                h = (h ^ u32::from(self.history[(n - k) & MASK])).wrapping_mul(0x0100_0193);
            }
            let slot = (h >> (32 - MATCH_INDEX_BITS)) as usize & (MATCH_INDEX - 1);
            if self.match_len == 0 {
                let candidate = self.index[slot] as usize;
                if candidate > 0 && n - candidate < HISTORY - 64 {
                    let mut l = 0;
                    while l < candidate
                        && l < 32
                        && self.history[(candidate - 1 - l) & MASK]
                            == self.history[(n - 1 - l) & MASK]
                    {
                        l += 1;
                    }
                    if l >= MATCH_MIN {
                        self.match_len = l;
                        self.match_at = candidate;
                    }
                }
            }
            self.index[slot] = n as u32;
        }
        self.predicted = if self.match_len > 0 {
            self.hit_bucket = length_bucket(self.match_len);
            u32::from(self.history[self.match_at & MASK]) | 0x100
        } else {
            0
        };
    }

    /// Predicts the next bit: [`Model::p`].
    #[inline(always)]
    fn predict(&mut self) {
        let t = &*self.t;
        let maps = &*self.maps;
        let node = self.node & 15;
        for (((nib, state), st), map) in self
            .nib
            .iter()
            .zip(&mut self.state)
            .zip(&mut self.st)
            .zip(maps)
        {
            let s = nib[node];
            *state = s;
            *st = t.stretch(map[usize::from(s)] >> 20);
        }
        // The match model.
        let mut m = 0;
        let mut match_state = 0;
        if self.predicted != 0 {
            if self.predicted >> (8 - self.bits) == self.c0 {
                self.expected = (self.predicted >> (7 - self.bits)) & 1;
                let st = t.stretch(u32::from(
                    self.hits[self.hit_bucket & (MATCH_BUCKETS - 1)] >> 4,
                ));
                m = if self.expected == 1 { st } else { -st };
                match_state = if self.match_len < 16 {
                    1
                } else if self.match_len < 32 {
                    2
                } else {
                    3
                };
            } else {
                self.predicted = 0;
            }
        }
        self.st[MODELS] = m;
        self.st[MODELS + 1] = 256;
        self.set = (self.c0 as usize + 256 * match_state) & (WEIGHT_SETS - 1);
        let w = &self.w[self.set];
        let mut dot: i64 = 0;
        for (s, w) in self.st.iter().zip(w) {
            dot += i64::from(*s) * i64::from(*w);
        }
        let mix = ((dot >> 16) as i32).clamp(-2047, 2047);
        self.mix_pr = t.squash(mix);
        // The adaptive probability map, by partial byte and the byte before.
        let cx = (finalize(self.c0 | (self.c4 & 0xff) << 8) >> (32 - APM_BITS)) as usize
            & (APM_CONTEXTS - 1);
        let s = mix + 2048;
        let (lo, wt) = (((s >> 7) & 31) as usize, s & 127);
        self.apm_at = cx;
        self.apm_lo = lo;
        let row = &self.apm[cx];
        let refined = (i32::from(row[lo]) * (128 - wt) + i32::from(row[lo + 1]) * wt) >> 11;
        self.pr = ((self.mix_pr + 3 * refined) >> 2).clamp(1, 4095);
    }

    /// Learns one bit and predicts the next.
    pub(super) fn update(&mut self, bit: u32) {
        let bit = bit & 1;
        let err = ((bit as i32) << 12) - self.mix_pr;
        // Weights for long matches learn fast (a map made from a template is one long
        // match), the others slowly.
        let shift = if self.set >= 768 { 8 } else { 11 };
        let w = &mut self.w[self.set & (WEIGHT_SETS - 1)];
        for (w, st) in w.iter_mut().zip(&self.st) {
            // Wrapping, so that no input can overflow it (real data stays far below).
            *w = w.wrapping_add((st * err) >> shift);
        }
        // The match model.
        if self.predicted != 0 {
            let hb = self.hit_bucket & (MATCH_BUCKETS - 1);
            let p = i32::from(self.hits[hb]);
            if bit == self.expected {
                self.hits[hb] = (p + ((65535 - p) >> 6)) as u16;
            } else {
                self.hits[hb] = (p - (p >> 6)) as u16;
                self.predicted = 0;
            }
        }
        {
            let t = &*self.t;
            let maps = &mut *self.maps;
            let node = self.node & 15;
            let target: i64 = i64::from(bit) << 22;
            for ((nib, state), map) in self.nib.iter_mut().zip(&self.state).zip(maps) {
                let s = usize::from(*state);
                nib[node] = t.states.next[s][bit as usize];
                let e = map[s];
                let (p, n) = (i64::from(e >> 10), e & 1023);
                let p = p + (((target - p) * i64::from(t.rate[n as usize & 1023])) >> 16);
                let n = if n < SM_LIMIT { n + 1 } else { n };
                map[s] = ((p as u32) << 10) | n;
            }
        }
        // The adaptive probability map.
        {
            let g = (bit << 16) as i32 - bit as i32;
            let row = &mut self.apm[self.apm_at & (APM_CONTEXTS - 1)];
            let lo = self.apm_lo & 31;
            let t = i32::from(row[lo]);
            row[lo] = (t + ((g - t) >> 6)) as u16;
            let t = i32::from(row[lo + 1]);
            row[lo + 1] = (t + ((g - t) >> 6)) as u16;
        }
        self.c0 = (self.c0 << 1) | bit;
        self.bits += 1;
        self.node = self.node * 2 + bit as usize;
        if self.bits == 8 {
            let byte = (self.c0 & 0xff) as u8;
            self.in_string = if byte == END {
                0
            } else {
                self.in_string.saturating_add(1)
            };
            self.c8 = (self.c8 << 8) | (self.c4 >> 24);
            self.c4 = (self.c4 << 8) | u32::from(byte);
            if byte.is_ascii_alphabetic() || (0x80..END).contains(&byte) {
                self.word =
                    (self.word ^ u32::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
            } else {
                self.word = 0;
            }
            self.c0 = 1;
            self.bits = 0;
            self.node = 1;
            self.match_byte(byte);
            self.set_contexts();
            self.find_buckets();
        } else if self.bits == 4 {
            self.node = 1;
            self.find_buckets();
        }
        self.predict();
    }

    /// Learns `bytes` (the primer).
    pub(super) fn learn(&mut self, bytes: &[u8]) {
        for &b in bytes {
            for i in (0..8).rev() {
                self.update(u32::from((b >> i) & 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::share::cm::{compress, decompress, Coder};

    fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
        bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// The tables are part of format 3: if this fails, format-3 links would not open.
    #[test]
    fn the_tables_are_frozen() {
        let t = Tables::new();
        let states = t
            .states
            .next
            .iter()
            .flatten()
            .copied()
            .chain(t.states.counts.iter().flat_map(|(n0, n1)| [*n0, *n1]));
        let squash = t.squash.iter().flat_map(|v| v.to_le_bytes());
        let stretch = t.stretch.iter().flat_map(|v| v.to_le_bytes());
        let rate = t.rate.iter().flat_map(|v| v.to_le_bytes());
        assert_eq!(
            (
                t.states.count(),
                fnv(states),
                fnv(squash),
                fnv(stretch),
                fnv(rate)
            ),
            (
                167,
                2_805_435_644_791_467_989,
                7_431_330_912_701_283_476,
                5_565_227_695_415_798_093,
                9_081_590_263_153_358_443
            )
        );
    }

    /// The model as a whole is part of format 3: the same input must give the same bytes
    /// in every later version (the fixtures check decoding; this, coding).
    #[test]
    fn the_output_is_frozen() {
        let text = crate::model::share::PRIMER.as_bytes();
        let packed = compress(&text[..3000], &text[3000..], Coder::V3);
        assert_eq!(
            (packed.len(), fnv(packed.iter().copied())),
            (872, 7_051_407_319_878_268_741),
            "format 3's coder changed: links made with format 3 would no longer open"
        );
    }

    #[test]
    fn the_model_needs_under_four_megabytes() {
        let m = Model::new();
        assert!(m.memory() < 3 * 1024 * 1024, "{} bytes", m.memory());
    }

    #[test]
    fn a_stream_coded_while_another_is_coded_gets_a_model_of_its_own() {
        let data = b"Kickoff moved twice; the champion left; renewal at risk.";
        let primer = b"kickoff champion renewal";
        let outer = compress(data, primer, Coder::V3);
        let nested = with_primed(primer, |_| compress(data, primer, Coder::V3));
        assert_eq!(nested, outer);
        assert_eq!(decompress(&outer, primer, Coder::V3).unwrap(), data);
    }

    #[test]
    fn states_count_and_discount() {
        let s = States::new();
        assert!(s.count() < 256);
        // Ones in a row count up to 40; a zero then halves them.
        let mut at = 0usize;
        for _ in 0..50 {
            at = usize::from(s.next[at][1]);
        }
        assert_eq!(s.counts[at], (0, 40));
        assert_eq!(s.counts[usize::from(s.next[at][0])], (1, 21));
    }
}
