//! Fuzzes the share-link decoders; any panic is a bug. Two parts, `cases` each:
//! - the general fuzzer (`model::fuzzing::run_share`): random text, random bytes behind a
//!   valid header, and mutations of real links of the current format;
//! - format 3 in depth: mutated binary encodings (the layout with its section trailer),
//!   random coder bodies behind a format-3 header, mutations of format-3 links of real
//!   maps (the hand-made benchmark map, templates, an edited template, generated maps),
//!   mutated encrypted headers, and mutated binaries sent through the whole path
//!   (compressed with the format-3 coder, decoded as a link).
//!
//! `cargo run --release --features selftest --example fuzz_share -- [cases=100000] [seed]
//! [part=all|general|format3]`

#[path = "bench_share.rs"]
#[allow(dead_code)]
mod bench;

use trailmap::model::generate::{generated_map, SplitMix};
use trailmap::model::share::{self, base64url, binary, cm, Sealed, ShareError};
use trailmap::model::{templates, JourneyMap};

/// Mutates `bytes`: flipped bits, random bytes, cuts, insertions, copied runs.
fn mutate(rng: &mut SplitMix, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..=rng.below(4) {
        if out.is_empty() {
            break;
        }
        let at = rng.below(out.len() as u64) as usize;
        match rng.below(5) {
            0 => out[at] ^= 1 << rng.below(8),
            1 => out[at] = rng.below(256) as u8,
            2 => out.truncate(at),
            3 => {
                let junk: Vec<u8> = (0..rng.below(6)).map(|_| rng.below(256) as u8).collect();
                out.splice(at..at, junk);
            }
            _ => {
                let end = (at + rng.below(64) as usize).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
        }
    }
    out
}

/// Random sections as a later version might append them (sometimes with a lying length).
fn random_sections(rng: &mut SplitMix, out: &mut Vec<u8>) {
    for _ in 0..rng.below(3) {
        let body: Vec<u8> = (0..rng.below(20)).map(|_| rng.below(256) as u8).collect();
        binary::append_section(out, rng.below(12), &body);
        if rng.below(4) == 0 {
            out.truncate(out.len().saturating_sub(rng.below(4) as usize));
        }
    }
}

#[derive(Default)]
struct Counts {
    cases: u64,
    opened: u64,
    refused: u64,
}

impl Counts {
    fn add(&mut self, opened: bool) {
        self.cases += 1;
        if opened {
            self.opened += 1;
        } else {
            self.refused += 1;
        }
    }
}

/// A link that opened must hold a map that survives another round trip.
fn check_round_trip(map: &JourneyMap) {
    let again = share::decode(&share::encode(map)).expect("a decoded map re-encodes");
    assert_eq!(&again.0, map, "round trip after decoding changed the map");
}

fn decode_checked(payload: &str) -> bool {
    match share::decode(payload) {
        Ok((map, _)) => {
            check_round_trip(&map);
            true
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            false
        }
    }
}

fn main() {
    let (cases, seed) = trailmap::model::fuzzing::cli_args(100_000);
    let part = std::env::args().nth(3).unwrap_or_else(|| "all".into());
    println!("fuzz_share: {cases} cases in each part, seed {seed}");
    if part != "format3" {
        let started = std::time::Instant::now();
        let tally = trailmap::model::fuzzing::run_share(seed, cases);
        println!(
            "general: ran {} cases in {:.1}s: {} opened as a map, {} refused with a message, 0 panics",
            tally.cases,
            started.elapsed().as_secs_f64(),
            tally.maps,
            tally.errors
        );
    }
    if part == "general" {
        return;
    }

    let started = std::time::Instant::now();
    let mut rng = SplitMix::new(seed ^ 0x5eed_0003);
    let mut maps = vec![bench::hand_made(), bench::edited_template()];
    maps.extend(
        ["b2b-saas", "six-stage-b2b", "b2b-ecommerce"]
            .iter()
            .filter_map(|k| templates::build(k)),
    );
    maps.extend((0..4).map(|i| generated_map(2 + i, i, 3 * i + 1, seed ^ i as u64)));
    let binaries: Vec<Vec<u8>> = maps
        .iter()
        .map(|m| binary::encode_map_as(m, binary::Layout::V3))
        .collect();
    let links: Vec<String> = maps.iter().map(|m| share::encode_as(m, 3)).collect();
    let mut layout = Counts::default();
    let mut bodies = Counts::default();
    let mut mutated = Counts::default();
    let mut sealed = Counts::default();
    let mut whole = Counts::default();
    for _ in 0..cases {
        let pick = rng.below(maps.len() as u64) as usize;
        match rng.below(100) {
            // The binary layout alone (fast): mutations and random trailers.
            0..=39 => {
                let mut bytes = mutate(&mut rng, &binaries[pick]);
                if rng.below(3) == 0 {
                    bytes = binaries[pick].clone();
                    random_sections(&mut rng, &mut bytes);
                }
                layout.add(binary::decode_map_as(&bytes, binary::Layout::V3).is_ok());
            }
            // Random coder bodies behind a format-3 header.
            40..=54 => {
                let mut bytes = vec![3u8, 0];
                let len = match rng.below(3) {
                    0 => rng.below(1 << 20),
                    1 => rng.below(20_000),
                    _ => rng.below(300),
                };
                cm_header(&mut bytes, len);
                bytes.extend((0..rng.below(400)).map(|_| rng.below(256) as u8));
                bodies.add(decode_checked(&base64url::encode(&bytes)));
            }
            // Mutated format-3 links of real maps.
            55..=74 => {
                let text = mutate(&mut rng, links[pick].as_bytes());
                mutated.add(decode_checked(&String::from_utf8_lossy(&text)));
            }
            // Encrypted headers: random parts, then mutated.
            75..=94 => {
                let parts = Sealed {
                    version: 1 + rng.below(4) as u8,
                    iterations: match rng.below(3) {
                        0 => share::PBKDF2_ITERATIONS,
                        1 => rng.below(3_000_000) as u32,
                        _ => rng.next_u64() as u32,
                    },
                    salt: [rng.below(256) as u8; 16],
                    nonce: [rng.below(256) as u8; 12],
                    ciphertext: (0..rng.below(80)).map(|_| rng.below(256) as u8).collect(),
                };
                let text = mutate(&mut rng, share::seal(&parts).as_bytes());
                let payload = String::from_utf8_lossy(&text);
                let opened = match share::unseal(&payload) {
                    Ok(s) => {
                        assert!(share::PBKDF2_ITERATIONS_ALLOWED.contains(&s.iterations));
                        let cleaned: String =
                            payload.chars().filter(|c| !c.is_whitespace()).collect();
                        let bytes = base64url::decode(&cleaned).expect("it unsealed");
                        assert!(bytes.starts_with(&s.header()), "the header is the link's");
                        true
                    }
                    Err(e) => {
                        assert!(!e.to_string().is_empty());
                        assert_ne!(e, ShareError::NeedsPassphrase);
                        false
                    }
                };
                let _ = share::is_encrypted(&payload);
                sealed.add(opened);
            }
            // The whole path: a mutated binary, compressed by the format-3 coder.
            _ => {
                let mut bytes = mutate(&mut rng, &binaries[pick]);
                if rng.below(2) == 0 {
                    random_sections(&mut rng, &mut bytes);
                }
                let mut payload = vec![3u8, 0];
                payload.extend(cm::compress(&bytes, share::primer(3), cm::Coder::V3));
                whole.add(decode_checked(&base64url::encode(&payload)));
            }
        }
    }
    let total = layout.cases + bodies.cases + mutated.cases + sealed.cases + whole.cases;
    println!(
        "format 3: ran {total} cases in {:.1}s, 0 panics:",
        started.elapsed().as_secs_f64()
    );
    for (name, c) in [
        ("mutated binary layouts", &layout),
        ("random coder bodies", &bodies),
        ("mutated format-3 links", &mutated),
        ("mutated encrypted headers", &sealed),
        ("mutated binaries, whole path", &whole),
    ] {
        println!(
            "  {name:<30} {:>7} cases: {:>6} opened, {:>7} refused with a message",
            c.cases, c.opened, c.refused
        );
    }
}

/// The coder's length header (LEB128) for `len` bytes.
fn cm_header(out: &mut Vec<u8>, mut len: u64) {
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
