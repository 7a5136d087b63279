//! Share links with no server: the whole map travels in the link's fragment
//! (`…/#/s/<payload>`), which browsers never send to a server.
//!
//! A payload is base64url (no padding) of: a format version byte, a flags byte, then
//! - plain: the map's compact binary encoding ([`binary`]) compressed by a small
//!   context-mixing coder ([`cm`]) primed with domain text ([`PRIMER`]) and, from format
//!   2 on, with the built-in templates as they were when the format was made
//!   ([`primer`]), so a map made from a template costs little more than its changes;
//! - encrypted: the PBKDF2 iteration count, a 16-byte salt, a 12-byte AES-GCM nonce, and
//!   the plain body encrypted with AES-256-GCM under a key derived from the passphrase.
//!   The browser does the cryptography (WebCrypto); this module builds and parses the
//!   parts, so it stays pure and testable.
//!
//! Formats are frozen: links made today open in every later version. A change of
//! encoding, coder or primer needs a new version number and keeps decoding the old ones.
//! - Format 1: [`binary::Layout::V1`], [`cm::Coder::V1`], primer [`PRIMER`].
//! - Format 2: [`binary::Layout::V2`], [`cm::Coder::V2`], primer [`PRIMER`] followed by
//!   the format-2 encoding of each template in [`PRIMER_TEMPLATES`].

pub mod base64url;
pub mod binary;
pub mod cm;
mod cm2;
pub mod qr;

use crate::model::map::JourneyMap;
use crate::model::restore::{repair, RestoreReport};
use crate::model::templates;
use crate::model::validate::is_valid;
use std::sync::OnceLock;

/// The link format this build writes.
pub const FORMAT_VERSION: u8 = 2;

/// Domain text the coder learns before the data (formats 1 and 2; never change it).
pub const PRIMER: &str = include_str!("primer.txt");

/// The templates whose encodings follow [`PRIMER`] in format 2's primer, in this order.
/// Their content is frozen by a test on the primer's checksum: to change a template,
/// first save format 2's primer as a file and read it from there.
pub const PRIMER_TEMPLATES: [&str; 5] = [
    "five-phase-b2b",
    "six-stage-b2b",
    "b2b-saas",
    "professional-services",
    "b2b-ecommerce",
];

/// The primer of link format `version`: what the coder learns before the data.
pub fn primer(version: u8) -> &'static [u8] {
    static V2: OnceLock<Vec<u8>> = OnceLock::new();
    match version {
        1 => PRIMER.as_bytes(),
        _ => V2.get_or_init(|| {
            let mut primer = PRIMER.as_bytes().to_vec();
            for key in PRIMER_TEMPLATES {
                if let Some(map) = templates::build(key) {
                    primer.extend(binary::encode_map_as(&map, binary::Layout::V2));
                }
            }
            primer
        }),
    }
}

/// The byte layout and coder of link format `version` (1 or 2).
fn parts_of(version: u8) -> (binary::Layout, cm::Coder) {
    match version {
        1 => (binary::Layout::V1, cm::Coder::V1),
        _ => (binary::Layout::V2, cm::Coder::V2),
    }
}

/// Flag bit: the body is encrypted.
const ENCRYPTED: u8 = 1;

/// PBKDF2-HMAC-SHA256 iterations for new encrypted links (OWASP's 2023 advice).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Most characters a payload may have (an upper bound for any map that fits a browser).
pub const MAX_PAYLOAD_CHARS: usize = 8 * 1024 * 1024;

/// Why a link could not be opened. Every message says what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// No payload at all.
    Empty,
    /// A character that cannot be in a link payload, at this position.
    BadCharacter(usize),
    /// Too short or cut off.
    Truncated,
    /// Made by a newer Trailmap (format version).
    Newer(u8),
    /// The data inside is damaged.
    Damaged(String),
    /// Larger than any real map.
    TooLarge,
    /// Encrypted: a passphrase is needed.
    NeedsPassphrase,
    /// The passphrase does not open it.
    WrongPassphrase,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => write!(f, "This share link holds no map. Ask the sender for the whole link."),
            ShareError::BadCharacter(at) => write!(
                f,
                "This share link was changed on the way (an unexpected character at position {}). Copy the whole link again, or ask the sender to send it again.",
                at + 1
            ),
            ShareError::Truncated => write!(f, "This share link is cut off. Copy the whole link, including its end, or ask the sender to send it again."),
            ShareError::Newer(v) => write!(f, "This link was made with a newer version of Trailmap (link format {v}). Reload the page to update Trailmap, then open the link again."),
            ShareError::Damaged(why) => write!(f, "This share link is damaged ({why}). Ask the sender for a new link."),
            ShareError::TooLarge => write!(f, "This share link is larger than any map Trailmap makes, so it was not opened."),
            ShareError::NeedsPassphrase => write!(f, "This map is protected by a passphrase. Enter it to open the map."),
            ShareError::WrongPassphrase => write!(f, "That passphrase does not open this map. Check it with the sender and try again."),
        }
    }
}

/// The compressed plain body of `map` in link format `version` (what an encrypted link
/// encrypts).
pub fn plain_body_as(map: &JourneyMap, version: u8) -> Vec<u8> {
    let (layout, coder) = parts_of(version);
    cm::compress(&binary::encode_map_as(map, layout), primer(version), coder)
}

/// The compressed plain body of `map` in the current format.
pub fn plain_body(map: &JourneyMap) -> Vec<u8> {
    plain_body_as(map, FORMAT_VERSION)
}

/// The map in a plain body of link format `version` (after decryption, for encrypted
/// links).
pub fn open_body(version: u8, body: &[u8]) -> Result<(JourneyMap, RestoreReport), ShareError> {
    let (layout, coder) = parts_of(version);
    let bytes = cm::decompress(body, primer(version), coder).map_err(|e| match e {
        cm::CmError::TooLarge(_) => ShareError::TooLarge,
        cm::CmError::BadHeader => ShareError::Truncated,
    })?;
    let mut map = binary::decode_map_as(&bytes, layout).map_err(|e| ShareError::Damaged(e.0))?;
    let mut report = RestoreReport::default();
    repair(&mut map, &mut report);
    if !is_valid(&map) {
        return Err(ShareError::Damaged("the map inside is inconsistent".into()));
    }
    Ok((map, report))
}

/// The share payload of `map` (URL-fragment safe).
pub fn encode(map: &JourneyMap) -> String {
    encode_as(map, FORMAT_VERSION)
}

/// The share payload of `map` in link format `version` (1 or 2), for fixtures and
/// benchmarks; the app always writes [`FORMAT_VERSION`].
pub fn encode_as(map: &JourneyMap, version: u8) -> String {
    let mut bytes = vec![version, 0];
    bytes.extend(plain_body_as(map, version));
    base64url::encode(&bytes)
}

fn bytes_of(payload: &str) -> Result<Vec<u8>, ShareError> {
    // Mail clients wrap long links: whitespace is never part of a payload.
    let cleaned: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return Err(ShareError::Empty);
    }
    if cleaned.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLarge);
    }
    let bytes = base64url::decode(&cleaned).map_err(|e| match e {
        base64url::Base64Error::BadCharacter(at) => ShareError::BadCharacter(at),
        base64url::Base64Error::Truncated => ShareError::Truncated,
    })?;
    match bytes.first() {
        None => Err(ShareError::Truncated),
        Some(0) => Err(ShareError::Damaged("its format version is missing".into())),
        Some(&v) if v > FORMAT_VERSION => Err(ShareError::Newer(v)),
        Some(_) if bytes.len() < 3 => Err(ShareError::Truncated),
        Some(_) => Ok(bytes),
    }
}

/// Whether a payload is passphrase-protected (`false` for anything unreadable).
pub fn is_encrypted(payload: &str) -> bool {
    bytes_of(payload).is_ok_and(|b| b[1] & ENCRYPTED != 0)
}

/// Opens a plain payload.
pub fn decode(payload: &str) -> Result<(JourneyMap, RestoreReport), ShareError> {
    let bytes = bytes_of(payload)?;
    if bytes[1] & ENCRYPTED != 0 {
        return Err(ShareError::NeedsPassphrase);
    }
    if bytes[1] & !ENCRYPTED != 0 {
        return Err(ShareError::Damaged(
            "it uses options this version does not know".into(),
        ));
    }
    open_body(bytes[0], &bytes[2..])
}

/// The parts of an encrypted payload, for the browser to decrypt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    /// Link format of the plain body inside.
    pub version: u8,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// PBKDF2 salt.
    pub salt: [u8; 16],
    /// AES-GCM nonce.
    pub nonce: [u8; 12],
    /// Ciphertext with its 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// Builds an encrypted payload from its parts.
pub fn seal(sealed: &Sealed) -> String {
    let mut w = binary::Writer::default();
    w.raw(&[sealed.version, ENCRYPTED]);
    w.uint(u64::from(sealed.iterations));
    w.raw(&sealed.salt);
    w.raw(&sealed.nonce);
    w.raw(&sealed.ciphertext);
    base64url::encode(&w.into_raw())
}

/// Splits an encrypted payload into its parts.
pub fn unseal(payload: &str) -> Result<Sealed, ShareError> {
    let bytes = bytes_of(payload)?;
    if bytes[1] & ENCRYPTED == 0 {
        return Err(ShareError::Damaged("it is not an encrypted link".into()));
    }
    let mut r = binary::Reader::new(&bytes[2..]);
    let iterations = r.uint().map_err(|_| ShareError::Truncated)?;
    if !(1_000..=10_000_000).contains(&iterations) {
        return Err(ShareError::Damaged(
            "its key settings are out of range".into(),
        ));
    }
    let rest = &bytes[bytes.len() - r.remaining()..];
    if rest.len() < 16 + 12 + 16 {
        return Err(ShareError::Truncated);
    }
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&rest[..16]);
    let mut nonce = [0u8; 12];
    nonce.copy_from_slice(&rest[16..28]);
    Ok(Sealed {
        version: bytes[0],
        iterations: iterations as u32,
        salt,
        nonce,
        ciphertext: rest[28..].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::generated_map;
    use crate::model::templates;

    #[test]
    fn maps_round_trip_through_a_link() {
        for t in templates::TEMPLATES {
            let map = templates::build(t.key).unwrap();
            let (back, report) = decode(&encode(&map)).unwrap();
            assert_eq!(back, map, "{}", t.key);
            assert!(report.is_clean());
        }
        let big = generated_map(12, 8, 400, 4);
        assert_eq!(decode(&encode(&big)).unwrap().0, big);
    }

    #[test]
    fn format_one_links_still_open_and_format_two_is_shorter() {
        let map = templates::build("professional-services").unwrap();
        let old = encode_as(&map, 1);
        assert_eq!(old.as_bytes()[0..2], *b"AQ", "format byte 1");
        assert_eq!(decode(&old).unwrap().0, map);
        let new = encode(&map);
        assert_eq!(decode(&new).unwrap().0, map);
        // The templates are in the primer: an unchanged one is a few dozen characters.
        assert!(new.len() < 120, "{} characters", new.len());
        let mut edited = map.clone();
        edited.cards[3].text = "Steering committee moved to every second Thursday".into();
        let edited_link = encode(&edited);
        assert!(edited_link.len() < 200, "{} characters", edited_link.len());
        assert_eq!(decode(&edited_link).unwrap().0, edited);
    }

    /// Format 2's primer holds the templates as they were: if a template changes, this
    /// fails. Then save today's `primer(2)` as a file, read format 2's primer from it, and
    /// update the checksum only for a new format.
    #[test]
    fn format_two_primer_is_frozen() {
        let primer = primer(2);
        let fnv = primer.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
        assert_eq!(
            (primer.len(), fnv),
            (35_030, 16_916_026_313_082_843_202),
            "format 2's primer changed: links made with format 2 would no longer open"
        );
    }

    #[test]
    fn hostile_text_survives_as_text() {
        let mut map = JourneyMap::blank("<script>alert('x')</script>");
        map.scope.objective = "javascript:alert(document.cookie)".into();
        map.scope.owner = "\"><img src=x onerror=alert(1)>".into();
        let (back, _) = decode(&encode(&map)).unwrap();
        assert_eq!(back, map);
    }

    #[test]
    fn bad_links_get_clear_errors() {
        let payload = encode(&templates::build("b2b-saas").unwrap());
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode("  "), Err(ShareError::Empty));
        assert!(matches!(
            decode(&payload[..payload.len() / 2]),
            Err(ShareError::Damaged(_) | ShareError::Truncated)
        ));
        let mut bad = payload.clone();
        bad.insert(10, '!');
        assert_eq!(decode(&bad), Err(ShareError::BadCharacter(10)));
        assert!(
            decode(&format!("{}\n{}", &payload[..50], &payload[50..])).is_ok(),
            "wrapped links still open"
        );
        let newer = base64url::encode(&[FORMAT_VERSION + 1, 0, 1, 2, 3]);
        assert_eq!(decode(&newer), Err(ShareError::Newer(FORMAT_VERSION + 1)));
        assert!(decode(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer version of Trailmap"));
        // A "bomb": claims 1 GB of content.
        let mut bomb = vec![FORMAT_VERSION, 0, 0x80, 0x80, 0x80, 0x80, 0x04];
        bomb.extend([0u8; 16]);
        assert_eq!(decode(&base64url::encode(&bomb)), Err(ShareError::TooLarge));
    }

    #[test]
    fn encrypted_payloads_split_into_their_parts() {
        let sealed = Sealed {
            version: FORMAT_VERSION,
            iterations: PBKDF2_ITERATIONS,
            salt: [7; 16],
            nonce: [9; 12],
            ciphertext: vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        };
        let payload = seal(&sealed);
        assert!(is_encrypted(&payload));
        assert!(!is_encrypted(&encode(&JourneyMap::blank("x"))));
        assert_eq!(unseal(&payload), Ok(sealed));
        assert_eq!(decode(&payload), Err(ShareError::NeedsPassphrase));
        assert_eq!(unseal(&payload[..40]), Err(ShareError::Truncated));
    }
}
