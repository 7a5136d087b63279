//! A small context-mixing compressor (in the spirit of Matt Mahoney's lpaq): each bit is
//! predicted by eight context models (orders 0–4 and 6, the current word, and the word
//! pair), with counters that adapt fast on little data, mixed by an online logistic mixer
//! whose weights depend on the partial byte, refined by an adaptive probability map, and
//! coded with a binary arithmetic coder. On the short texts of a journey map it packs
//! clearly tighter than deflate, and a primer — domain text both sides feed through the
//! model before the data — helps further. Model, primer and coder are part of the link
//! format: changing any of them needs a new format version. This file holds the coder
//! (one binary arithmetic coder drives every format's predictor through `Bits`), the
//! parts formats 1 and 2 share and format 1's predictor ([`Coder::V1`]); format 2's is in
//! `cm2.rs`, format 3's in `cm3.rs`.
//!
//! Formats 1 and 2 prime a predictor once per coder and primer and copy it for every
//! stream (format 2's is about 12 MB); format 3's light predictor is allocated once per
//! thread and primed again for every stream, which costs less than the copy would.

use super::binary::{read_leb128, write_leb128};

/// Most bytes a compressed stream may claim to hold (guards against decompression bombs).
pub const MAX_DECODED: usize = 4 * 1024 * 1024;

/// Most a stream may expand relative to its size.
const MAX_RATIO: u64 = 400;

const MODELS: usize = 8;
const TABLE_BITS: u32 = 16;
const TABLE: usize = 1 << TABLE_BITS;
/// Counters adapt at 1/(n+1.5) until this many observations, then at a fixed rate.
const LIMIT: usize = 127;

fn squash_f(d: i32) -> i32 {
    let x = f64::from(d.clamp(-2047, 2047)) / 256.0;
    ((4096.0 / (1.0 + (-x).exp())) as i32).clamp(1, 4095)
}

/// Which bit predictor a stream was made with (part of the link format).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coder {
    /// Link format 1.
    V1,
    /// Link format 2 (`cm2.rs`).
    V2,
    /// Link format 3 (`cm3.rs`).
    V3,
}

/// A bit predictor the coder can drive.
pub(super) trait Bits {
    /// Probability (12-bit) that the next bit is 1.
    fn p(&self) -> u32;
    /// Learns one bit and predicts the next.
    fn update(&mut self, bit: u32);
}

/// Tables shared by predictor parts.
#[derive(Clone)]
pub(super) struct Tables {
    stretch: Vec<i16>,
    squash: Vec<i16>,
    /// 65536 / (n + 1.5), the counter step after n observations.
    pub(super) rate: Vec<i32>,
}

impl Tables {
    pub(super) fn new() -> Tables {
        let squash: Vec<i16> = (-2047..=2047).map(|d| squash_f(d) as i16).collect();
        let mut stretch = vec![2047i16; 4096];
        let mut pi = 0usize;
        for x in -2047..=2047i32 {
            let v = squash_f(x) as usize;
            for s in stretch.iter_mut().take(v + 1).skip(pi) {
                *s = x as i16;
            }
            pi = pi.max(v + 1);
        }
        let rate = (0..=LIMIT)
            .map(|n| (65536.0 / (n as f64 + 1.5)) as i32)
            .collect();
        Tables {
            stretch,
            squash,
            rate,
        }
    }

    pub(super) fn squash(&self, d: i32) -> i32 {
        i32::from(self.squash[(d.clamp(-2047, 2047) + 2047) as usize])
    }

    pub(super) fn stretch(&self, p: i32) -> i32 {
        i32::from(self.stretch[p.clamp(0, 4095) as usize])
    }
}

/// An adaptive probability map: refines a probability given a small context.
#[derive(Clone)]
pub(super) struct Apm {
    t: Vec<u16>,
    index: usize,
}

impl Apm {
    pub(super) fn new(contexts: usize, tables: &Tables) -> Apm {
        let mut t = vec![0u16; contexts * 33];
        for c in 0..contexts {
            for j in 0..33 {
                t[c * 33 + j] = (tables.squash((j as i32 - 16) * 128) * 16) as u16;
            }
        }
        Apm { t, index: 0 }
    }

    pub(super) fn refine(&mut self, pr: i32, cx: usize, tables: &Tables) -> i32 {
        let s = tables.stretch(pr) + 2048;
        let lo = (s >> 7) as usize;
        let w = s & 127;
        self.index = cx * 33 + lo.min(31);
        let a = i32::from(self.t[self.index]);
        let b = i32::from(self.t[self.index + 1]);
        ((a * (128 - w) + b * w) >> 11).clamp(1, 4095)
    }

    pub(super) fn update(&mut self, bit: u32) {
        let g = ((bit as i32) << 16) + ((bit as i32) << 5) - (bit as i32) - (bit as i32);
        for i in [self.index, self.index + 1] {
            let t = i32::from(self.t[i]);
            self.t[i] = (t + ((g - t) >> 6)).clamp(0, 65535) as u16;
        }
    }
}

/// How far into the current string the coder is (`in_string` bytes since the last string
/// end), in the few buckets the string-position contexts of formats 2 and 3 use.
pub(super) fn string_bucket(in_string: u32) -> u32 {
    match in_string {
        0..=3 => in_string,
        4..=7 => 4,
        8..=15 => 5,
        16..=31 => 6,
        32..=47 => 7,
        48..=63 => 8,
        64..=95 => 9,
        _ => 10,
    }
}

/// The bytes behind the coder as the context models of both formats see them: the last
/// eight bytes and the current and previous word.
#[derive(Clone, Default)]
pub(super) struct ByteHistory {
    /// Last four bytes, the latest lowest.
    pub(super) c4: u32,
    /// The four bytes before those.
    c8: u32,
    /// Hash of the current word so far (0 between words).
    word: u32,
    /// Hash of the word before.
    prev_word: u32,
}

impl ByteHistory {
    /// Learns a whole byte; `in_word` says whether it continues the current word.
    pub(super) fn push(&mut self, byte: u8, in_word: bool) {
        self.c8 = (self.c8 << 8) | (self.c4 >> 24);
        self.c4 = (self.c4 << 8) | u32::from(byte);
        if in_word {
            self.word =
                (self.word ^ u32::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
        } else if self.word != 0 {
            self.prev_word = self.word;
            self.word = 0;
        }
    }

    /// Format 1's eight contexts: orders 0–4 and 6, the word, and the word pair.
    pub(super) fn contexts(&self) -> [u32; 8] {
        let (c4, c8) = (self.c4, self.c8);
        [
            0,
            (c4 & 0xff) | 0x100,
            (c4 & 0xffff) | 0x2_0000,
            (c4 & 0xff_ffff).wrapping_mul(0x2f0b_3a49) ^ 0x3,
            c4.wrapping_mul(0x6f4f_2a25) ^ 0x4,
            (c4.wrapping_mul(0x1f3d_5b79) ^ (c8 & 0xffff).wrapping_mul(0x7a3b_9c11)) ^ 0x6,
            self.word.wrapping_mul(0x2b23_9f11) ^ 0x7,
            (self.word.wrapping_mul(0x3c6e_f372) ^ self.prev_word.wrapping_mul(0x5f35_6495)) ^ 0x8,
        ]
    }
}

#[derive(Clone)]
struct Model {
    tables: Tables,
    p: Vec<u16>,
    n: Vec<u8>,
    /// Mixer weights, one set of MODELS per partial byte.
    w: Vec<i32>,
    ctx: [u32; MODELS],
    idx: [usize; MODELS],
    st: [i32; MODELS],
    c0: u32,
    history: ByteHistory,
    mix_pr: i32,
    pr: i32,
    apm: Apm,
}

impl Model {
    fn new() -> Model {
        let tables = Tables::new();
        let apm = Apm::new(1 << 14, &tables);
        let mut m = Model {
            tables,
            p: vec![1 << 15; TABLE * MODELS],
            n: vec![0; TABLE * MODELS],
            w: vec![(1 << 16) / 4; 256 * MODELS],
            ctx: [0; MODELS],
            idx: [0; MODELS],
            st: [0; MODELS],
            c0: 1,
            history: ByteHistory::default(),
            mix_pr: 2048,
            pr: 2048,
            apm,
        };
        m.set_contexts();
        m.predict();
        m
    }

    fn set_contexts(&mut self) {
        self.ctx = self.history.contexts();
    }

    fn predict(&mut self) {
        let set = self.c0 as usize * MODELS;
        let mut dot: i64 = 0;
        for i in 0..MODELS {
            let h = (self.ctx[i] ^ self.c0.wrapping_mul(0x9e37_79b1)).wrapping_mul(0x85eb_ca6b);
            let idx = i * TABLE + (h >> (32 - TABLE_BITS)) as usize;
            self.idx[i] = idx;
            let st = self.tables.stretch(i32::from(self.p[idx] >> 4));
            self.st[i] = st;
            dot += i64::from(self.w[set + i]) * i64::from(st);
        }
        self.mix_pr = self.tables.squash((dot >> 16) as i32);
        let cx = (self.c0 | ((self.history.c4 & 0x3f) << 8)) as usize;
        let refined = self.apm.refine(self.mix_pr, cx, &self.tables);
        self.pr = ((self.mix_pr + 3 * refined) >> 2).clamp(1, 4095);
    }

    fn update(&mut self, bit: u32) {
        let err = ((bit as i32) << 12) - self.mix_pr;
        let set = self.c0 as usize * MODELS;
        for i in 0..MODELS {
            self.w[set + i] += (self.st[i] * err) >> 10;
            let idx = self.idx[i];
            let n = usize::from(self.n[idx]);
            let p = i32::from(self.p[idx]);
            let target = if bit == 1 { 65535 } else { 0 };
            self.p[idx] = (p
                + (((target - p) as i64 * i64::from(self.tables.rate[n])) >> 16) as i32)
                .clamp(0, 65535) as u16;
            if n < LIMIT {
                self.n[idx] += 1;
            }
        }
        self.apm.update(bit);
        self.c0 = (self.c0 << 1) | bit;
        if self.c0 >= 256 {
            let byte = (self.c0 & 0xff) as u8;
            self.history
                .push(byte, byte.is_ascii_alphabetic() || byte >= 0x80);
            self.c0 = 1;
            self.set_contexts();
        }
        self.predict();
    }

    /// Probability (12-bit) that the next bit is 1.
    fn p(&self) -> u32 {
        self.pr as u32
    }
}

/// Either format's predictor.
#[derive(Clone)]
enum Predictor {
    V1(Box<Model>),
    V2(Box<super::cm2::Model>),
}

impl Bits for Predictor {
    fn p(&self) -> u32 {
        match self {
            Predictor::V1(m) => m.p(),
            Predictor::V2(m) => m.p(),
        }
    }

    fn update(&mut self, bit: u32) {
        match self {
            Predictor::V1(m) => m.update(bit),
            Predictor::V2(m) => m.update(bit),
        }
    }
}

impl Predictor {
    /// Format 1's or 2's predictor (format 3's is not cached: see `cm3.rs`).
    fn new(coder: Coder) -> Predictor {
        match coder {
            Coder::V1 => Predictor::V1(Box::new(Model::new())),
            _ => Predictor::V2(Box::new(super::cm2::Model::new())),
        }
    }

    /// A predictor that has learnt `primer`, built once per coder and primer and then
    /// copied, since priming costs far more than a copy.
    fn primed(coder: Coder, primer: &[u8]) -> Predictor {
        use std::sync::{Mutex, OnceLock};
        /// Primed predictors by coder and primer.
        type Primed = Vec<(Coder, Vec<u8>, Predictor)>;
        static CACHE: OnceLock<Mutex<Primed>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        if let Ok(mut slots) = cache.lock() {
            if let Some((_, _, m)) = slots.iter().find(|(c, p, _)| *c == coder && p == primer) {
                return m.clone();
            }
            let mut m = Predictor::new(coder);
            m.learn(primer);
            slots.retain(|(c, _, _)| *c != coder);
            slots.push((coder, primer.to_vec(), m.clone()));
            return m;
        }
        let mut m = Predictor::new(coder);
        m.learn(primer);
        m
    }

    fn learn(&mut self, bytes: &[u8]) {
        for &b in bytes {
            for i in (0..8).rev() {
                self.update(u32::from((b >> i) & 1));
            }
        }
    }
}

/// Compresses `data` with `coder`'s predictor, after priming it with `primer`. The output
/// starts with the data's length.
pub fn compress(data: &[u8], primer: &[u8], coder: Coder) -> Vec<u8> {
    match coder {
        Coder::V3 => super::cm3::with_primed(primer, |m| compress_with(data, m)),
        _ => compress_with(data, &mut Predictor::primed(coder, primer)),
    }
}

/// [`compress`] with a primed predictor.
fn compress_with(data: &[u8], m: &mut impl Bits) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2 + 8);
    write_leb128(&mut out, data.len() as u64);
    let header = out.len();
    let (mut x1, mut x2): (u32, u32) = (0, u32::MAX);
    for &byte in data {
        for i in (0..8).rev() {
            let bit = u32::from((byte >> i) & 1);
            let xmid = x1 + ((x2 - x1) >> 12) * m.p();
            if bit == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            m.update(bit);
            while (x1 ^ x2) & 0xff00_0000 == 0 {
                out.push((x2 >> 24) as u8);
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
            }
        }
    }
    // Enough of x1 to pin the last interval.
    out.extend_from_slice(&x1.to_be_bytes());
    while out.last() == Some(&0) && out.len() > 1 {
        out.pop();
    }
    // The decoder refuses streams that claim more than MAX_RATIO times their size (bombs).
    // Very repetitive data can compress further: pad it with zeros, which decode exactly as
    // the zeros the decoder reads past the end.
    let least = header + (data.len() as u64).div_ceil(MAX_RATIO).saturating_sub(16) as usize;
    if out.len() < least {
        out.resize(least, 0);
    }
    out
}

/// Why a stream could not be decompressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CmError {
    /// It claims more than [`MAX_DECODED`] bytes.
    TooLarge(u64),
    /// The length header is broken.
    BadHeader,
}

/// Learns up to `budget` more bytes of `primer` ahead of the next stream of `coder`,
/// where that coder keeps a working model between calls (format 3's); returns whether
/// priming is complete (always `true` for coders that prime per call). See
/// [`super::cm3::prime_ahead`].
pub fn prime_ahead(primer: &[u8], coder: Coder, budget: usize) -> bool {
    match coder {
        Coder::V3 => super::cm3::prime_ahead(primer, budget),
        _ => true,
    }
}

/// Reads a stream's length header and checks it against the bomb guards; returns the
/// length and the body after the header.
fn header_of(data: &[u8]) -> Result<(u64, &[u8]), CmError> {
    let mut at = 0;
    let len = read_leb128(data, &mut at).map_err(|_| CmError::BadHeader)?;
    let body = &data[at..];
    // No map compresses better than a few hundred to one: a stream claiming more is damaged
    // or hostile, and decoding it would only burn time.
    if len > MAX_DECODED as u64 || len > (body.len() as u64 + 16) * MAX_RATIO {
        return Err(CmError::TooLarge(len));
    }
    Ok((len, body))
}

/// Decompresses what [`compress`] made with the same `primer` and `coder`. A damaged
/// stream decodes to garbage of the declared length (the layer above detects it), never
/// more than [`MAX_DECODED`] bytes.
pub fn decompress(data: &[u8], primer: &[u8], coder: Coder) -> Result<Vec<u8>, CmError> {
    let (len, body) = header_of(data)?;
    Ok(match coder {
        Coder::V3 => super::cm3::with_primed(primer, |m| decompress_with(body, len, m)),
        _ => decompress_with(body, len, &mut Predictor::primed(coder, primer)),
    })
}

/// Decodes `len` bytes from `body` with a primed predictor.
fn decompress_with(body: &[u8], len: u64, m: &mut impl Bits) -> Vec<u8> {
    let mut d = Decoder::new(body.to_vec(), len);
    d.run(m, usize::MAX);
    d.out
}

/// The arithmetic decoder between two runs: a stream can be decoded a few bytes at a
/// time ([`Unpacking`]) exactly as in one go.
struct Decoder {
    body: Vec<u8>,
    next: usize,
    x1: u32,
    x2: u32,
    x: u32,
    len: usize,
    out: Vec<u8>,
}

impl Decoder {
    fn new(body: Vec<u8>, len: u64) -> Decoder {
        let mut d = Decoder {
            body,
            next: 0,
            x1: 0,
            x2: u32::MAX,
            x: 0,
            len: len as usize,
            out: Vec::with_capacity(len as usize),
        };
        for _ in 0..4 {
            d.x = (d.x << 8) | d.byte_in();
        }
        d
    }

    /// The next body byte; past the end the coder reads zeros (trailing zeros are trimmed
    /// when compressing).
    fn byte_in(&mut self) -> u32 {
        let b = self.body.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        u32::from(b)
    }

    /// Decodes up to `bytes` more bytes; returns whether the stream is complete.
    fn run(&mut self, m: &mut impl Bits, bytes: usize) -> bool {
        let end = self.len.min(self.out.len().saturating_add(bytes));
        while self.out.len() < end {
            let mut c: u32 = 0;
            for _ in 0..8 {
                let xmid = self.x1 + ((self.x2 - self.x1) >> 12) * m.p();
                let bit = u32::from(self.x <= xmid);
                if bit == 1 {
                    self.x2 = xmid;
                } else {
                    self.x1 = xmid + 1;
                }
                m.update(bit);
                c = (c << 1) | bit;
                while (self.x1 ^ self.x2) & 0xff00_0000 == 0 {
                    self.x1 <<= 8;
                    self.x2 = (self.x2 << 8) | 255;
                    self.x = (self.x << 8) | self.byte_in();
                }
            }
            self.out.push(c as u8);
        }
        self.out.len() == self.len
    }
}

/// Whose predictor a stream decoded in steps uses.
enum StepModel {
    /// Formats 1 and 2: a primed copy, made in the first step.
    Copy(Coder, &'static [u8], Option<Box<Predictor>>),
    /// Format 3: the working model, held for the whole stream (see [`super::cm3::Held`]).
    Light(super::cm3::Held),
}

/// A stream decompressed a few bytes at a time, so a page can spread the work over short
/// tasks: [`Unpacking::step`] primes and decodes up to a budget of bytes per call (a
/// primer byte costs about what a decoded byte does). The result is exactly
/// [`decompress`]'s.
pub struct Unpacking {
    model: StepModel,
    decoder: Decoder,
}

impl Unpacking {
    /// Starts decompressing `data`, checking its header (as [`decompress`] does).
    pub fn start(data: &[u8], primer: &'static [u8], coder: Coder) -> Result<Unpacking, CmError> {
        let (len, body) = header_of(data)?;
        let model = match coder {
            Coder::V3 => StepModel::Light(super::cm3::Held::take(primer)),
            _ => StepModel::Copy(coder, primer, None),
        };
        Ok(Unpacking {
            model,
            decoder: Decoder::new(body.to_vec(), len),
        })
    }

    /// Does up to about `budget` bytes of work; the decompressed bytes once complete.
    pub fn step(&mut self, budget: usize) -> Option<Vec<u8>> {
        let done = match &mut self.model {
            StepModel::Copy(coder, primer, slot) => {
                let m = slot.get_or_insert_with(|| Box::new(Predictor::primed(*coder, primer)));
                self.decoder.run(m.as_mut(), budget)
            }
            StepModel::Light(held) => match held.prime(budget) {
                Some(left) => self.decoder.run(held.model(), left),
                None => false,
            },
        };
        done.then(|| std::mem::take(&mut self.decoder.out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODERS: [Coder; 3] = [Coder::V1, Coder::V2, Coder::V3];

    #[test]
    fn round_trips_with_and_without_a_primer() {
        let text = "The kickoff call was great, but nobody from sales was there. We explained everything again.";
        for coder in CODERS {
            for primer in [&b""[..], b"kickoff call sales explained"] {
                let packed = compress(text.as_bytes(), primer, coder);
                assert_eq!(decompress(&packed, primer, coder).unwrap(), text.as_bytes());
            }
            assert_eq!(
                decompress(&compress(b"", b"", coder), b"", coder).unwrap(),
                b""
            );
            let binary: Vec<u8> = (0..5000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
                .collect();
            assert_eq!(
                decompress(&compress(&binary, b"", coder), b"", coder).unwrap(),
                binary
            );
            for n in 0..40usize {
                let data: Vec<u8> = (0..n as u8).collect();
                assert_eq!(
                    decompress(&compress(&data, b"x", coder), b"x", coder).unwrap(),
                    data,
                    "{coder:?}, length {n}"
                );
            }
        }
    }

    #[test]
    fn text_shrinks_and_a_primer_helps() {
        let text = "Our onboarding took three weeks longer than promised. The support team answered quickly, \
                    but the invoice did not match the quote and the renewal conversation felt like a sales pitch. "
            .repeat(3);
        for coder in CODERS {
            let plain = compress(text.as_bytes(), b"", coder);
            let primed = compress(
                text.as_bytes(),
                b"onboarding support invoice quote renewal conversation sales",
                coder,
            );
            assert!(
                plain.len() < text.len() / 2,
                "{coder:?}: {} of {}",
                plain.len(),
                text.len()
            );
            assert!(primed.len() < plain.len(), "{coder:?}");
        }
    }

    #[test]
    fn the_match_model_makes_a_primed_text_nearly_free() {
        let text = b"Nobody followed up after the demo, so the champion had to chase us twice.";
        // 30 KB of other text first, as in format 2's primer, then the text itself.
        let words = [
            "kickoff", "renewal", "invoice", "security", "review", "pilot", "buyer",
        ];
        let mut primer = Vec::new();
        let mut x: u32 = 7;
        while primer.len() < 30_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            primer.extend_from_slice(words[(x >> 16) as usize % words.len()].as_bytes());
            primer.push(if x & 0x100 == 0 { b' ' } else { b'.' });
        }
        primer.extend_from_slice(text);
        for coder in [Coder::V2, Coder::V3] {
            let primed = compress(text, &primer, coder).len();
            let cold = compress(text, &primer[..30_000], coder).len();
            assert!(
                primed <= 12,
                "{coder:?}: {primed} bytes for a text the primer holds"
            );
            assert!(
                cold > 3 * primed,
                "{coder:?}: {cold} bytes without it in the primer"
            );
        }
    }

    #[test]
    fn very_repetitive_data_still_opens() {
        // Far more than 400:1: the coder pads its output so the bomb guard lets it through.
        let data = b"Same card again. ".repeat(20_000);
        for coder in CODERS {
            let packed = compress(&data, b"", coder);
            assert_eq!(decompress(&packed, b"", coder).unwrap(), data, "{coder:?}");
        }
    }

    #[test]
    fn a_claimed_bomb_is_refused() {
        let mut bomb = vec![0xff, 0xff, 0xff, 0xff, 0x0f];
        bomb.extend([0u8; 8]);
        for coder in CODERS {
            assert!(matches!(
                decompress(&bomb, b"", coder),
                Err(CmError::TooLarge(_))
            ));
            assert_eq!(decompress(&[], b"", coder), Err(CmError::BadHeader));
            assert_eq!(decompress(&[0x80; 12], b"", coder), Err(CmError::BadHeader));
        }
    }
}
