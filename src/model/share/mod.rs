//! Share links with no server: the whole map travels in the link's fragment
//! (`…/#/s/<payload>`), which browsers never send to a server.
//!
//! A payload is base64url (no padding) of: a format version byte, a flags byte, then
//! - plain: the map's compact binary encoding ([`binary`]) compressed by a small
//!   context-mixing coder ([`cm`]) primed with domain text ([`PRIMER`]);
//! - encrypted: the PBKDF2 iteration count, a 16-byte salt, a 12-byte AES-GCM nonce, and
//!   the plain body encrypted with AES-256-GCM under a key derived from the passphrase.
//!   The browser does the cryptography (WebCrypto); this module builds and parses the
//!   parts, so it stays pure and testable.
//!
//! Format version 1 is frozen: links made today open in every later version. A change of
//! encoding, coder or primer needs a new version number and keeps decoding this one.

pub mod base64url;
pub mod binary;
pub mod cm;
pub mod qr;

use crate::model::map::JourneyMap;
use crate::model::restore::{repair, RestoreReport};
use crate::model::validate::is_valid;

/// The link format this build writes.
pub const FORMAT_VERSION: u8 = 1;

/// Domain text the coder learns before the data (format version 1; never change it).
pub const PRIMER: &str = include_str!("primer.txt");

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

/// The compressed plain body of `map` (what an encrypted link encrypts).
pub fn plain_body(map: &JourneyMap) -> Vec<u8> {
    cm::compress(&binary::encode_map(map), PRIMER.as_bytes())
}

/// The map in a plain body (after decryption, for encrypted links).
pub fn open_body(body: &[u8]) -> Result<(JourneyMap, RestoreReport), ShareError> {
    let bytes = cm::decompress(body, PRIMER.as_bytes()).map_err(|e| match e {
        cm::CmError::TooLarge(_) => ShareError::TooLarge,
        cm::CmError::BadHeader => ShareError::Truncated,
    })?;
    let mut map = binary::decode_map(&bytes).map_err(|e| ShareError::Damaged(e.0))?;
    let mut report = RestoreReport::default();
    repair(&mut map, &mut report);
    if !is_valid(&map) {
        return Err(ShareError::Damaged("the map inside is inconsistent".into()));
    }
    Ok((map, report))
}

/// The share payload of `map` (URL-fragment safe).
pub fn encode(map: &JourneyMap) -> String {
    let mut bytes = vec![FORMAT_VERSION, 0];
    bytes.extend(plain_body(map));
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
    open_body(&bytes[2..])
}

/// The parts of an encrypted payload, for the browser to decrypt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
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
    w.bytes.extend([FORMAT_VERSION, ENCRYPTED]);
    w.uint(u64::from(sealed.iterations));
    w.bytes.extend_from_slice(&sealed.salt);
    w.bytes.extend_from_slice(&sealed.nonce);
    w.bytes.extend_from_slice(&sealed.ciphertext);
    base64url::encode(&w.bytes)
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
