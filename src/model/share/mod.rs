//! Share links with no server: the whole map travels in the link's fragment
//! (`…/#/s/<payload>`), which browsers never send to a server.
//!
//! A payload is base64url (no padding) of: a format version byte, a flags byte, then
//! - plain: the map's compact binary encoding ([`binary`]) compressed by a small
//!   context-mixing coder ([`cm`]) primed with domain text ([`PRIMER`]) and, from format
//!   2 on, with the built-in templates as they were when the format was made
//!   ([`primer`]), so a map made from a template costs little more than its changes;
//! - encrypted (flag bit 0): a header — from format 3 on a key-derivation id
//!   ([`KDF_PBKDF2_SHA256`]), then the PBKDF2 iteration count (LEB128), a 16-byte salt
//!   and a 12-byte AES-GCM nonce — followed by the plain body encrypted with AES-256-GCM
//!   under a key derived from the passphrase. The browser does the cryptography
//!   (WebCrypto); this module builds and parses the parts, so it stays pure and testable.
//!
//! Formats are frozen: links made today open in every later version. A change of
//! encoding, coder or primer needs a new version number and keeps decoding the old ones;
//! every released format has fixtures in `tests/fixtures/share/` that must keep decoding.
//! - Format 1: [`binary::Layout::V1`] (one number stream with string lengths),
//!   [`cm::Coder::V1`] (eight context models), primer [`PRIMER`].
//! - Format 2: [`binary::Layout::V2`] (number columns, 0xFF-ended strings),
//!   [`cm::Coder::V2`] (ten context models and a match model, about 12 MB), primer
//!   [`PRIMER`] followed by the format-2 encoding of each template in
//!   [`PRIMER_TEMPLATES`] as they were then, frozen in the file `primer-v2.bin`.
//! - Format 3: [`binary::Layout::V3`] (format 2's bytes, then optional tagged sections
//!   through which later versions add data without a new format: even tags optional,
//!   odd tags required, see [`binary`]), [`cm::Coder::V3`] (a light coder: five context
//!   models in nibble buckets and a match model, under 3 MB, allocated once and primed
//!   in milliseconds), the same frozen primer as format 2. Encrypted format-3 links
//!   authenticate their header: [`Sealed::header`] is AES-GCM's additional data
//!   ([`uses_header_aad`]), so a changed iteration count, salt, nonce or flag fails like
//!   a wrong passphrase instead of being used.
//!
//! Enum values and common channels travel as the frozen codes of [`wire`], whatever the
//! user interface lists do.

pub mod base64url;
pub mod binary;
pub mod cm;
mod cm2;
mod cm3;
pub mod qr;
pub mod reach;
pub mod review_sections;
pub mod strength;
pub mod wire;

pub use strength::{passphrase_strength, Rating, Strength};

use crate::model::map::JourneyMap;
use crate::model::restore::{repair, RestoreReport};
use crate::model::validate::is_valid;

/// The link format this build writes.
pub const FORMAT_VERSION: u8 = 3;

/// Domain text the coder learns before the data (the primer of format 1 and the start of
/// the later ones; never change it).
pub const PRIMER: &str = include_str!("primer.txt");

/// The primer of formats 2 and 3, frozen as bytes: [`PRIMER`] followed by the format-2
/// encoding of each template in [`PRIMER_TEMPLATES`] as they were when format 2 was made
/// (format 3's layout writes the same bytes for them). A test pins its checksum;
/// templates may change freely, this file never.
const PRIMER_V2: &[u8] = include_bytes!("primer-v2.bin");

/// The templates whose encodings follow [`PRIMER`] in the primer of formats 2 and 3, in
/// this order (as they were then: the primer is a frozen file, not built from today's
/// templates).
pub const PRIMER_TEMPLATES: [&str; 5] = [
    "five-phase-b2b",
    "six-stage-b2b",
    "b2b-saas",
    "professional-services",
    "b2b-ecommerce",
];

/// The primer of link format `version`: what the coder learns before the data.
pub fn primer(version: u8) -> &'static [u8] {
    match version {
        1 => PRIMER.as_bytes(),
        _ => PRIMER_V2,
    }
}

/// The byte layout and coder of link format `version` (1 to 3).
fn parts_of(version: u8) -> (binary::Layout, cm::Coder) {
    match version {
        1 => (binary::Layout::V1, cm::Coder::V1),
        2 => (binary::Layout::V2, cm::Coder::V2),
        _ => (binary::Layout::V3, cm::Coder::V3),
    }
}

/// Flag bit: the body is encrypted.
const ENCRYPTED: u8 = 1;

/// PBKDF2-HMAC-SHA256 iterations for new encrypted links (OWASP's 2023 advice).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// The iteration counts a link may ask for. Fewer would make guessing the passphrase
/// cheap (a changed link could downgrade its key); more would freeze the browser (a
/// changed link could hang the page). Checked before any key derivation.
pub const PBKDF2_ITERATIONS_ALLOWED: std::ops::RangeInclusive<u32> = 100_000..=2_000_000;

/// Key-derivation id in the header of encrypted links from format 3 on: PBKDF2 with
/// HMAC-SHA256 (the only one so far; another would get the next number).
pub const KDF_PBKDF2_SHA256: u8 = 1;

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
    /// AES-GCM refused to decrypt: the passphrase is wrong, or the encrypted part (or,
    /// from format 3 on, its header) was changed. AES-GCM cannot tell these apart.
    WrongPassphrase,
    /// It holds data only a newer Trailmap knows (what, in words), in a format this
    /// version reads.
    NewerFeature(String),
    /// An encrypted link whose header asks for key settings Trailmap refuses (why, in
    /// words), checked before any work: a changed or hostile link.
    UnsafeSettings(String),
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
            ShareError::WrongPassphrase => write!(f, "That passphrase does not open this map, or the link was changed on the way. Check the passphrase with the sender and try again; if it is right, ask for the link again."),
            ShareError::NewerFeature(what) => write!(f, "This link was made with a newer version of Trailmap (it holds {what}). Reload the page to update Trailmap, then open the link again."),
            ShareError::UnsafeSettings(why) => write!(f, "This protected link asks for key settings Trailmap does not accept ({why}), so it was not opened: the link was probably changed on the way. Ask the sender for a new link."),
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
    if version == 0 || version > FORMAT_VERSION {
        return Err(ShareError::Newer(version));
    }
    let (_, coder) = parts_of(version);
    let bytes = cm::decompress(body, primer(version), coder).map_err(cm_error)?;
    map_of(version, &bytes)
}

fn cm_error(e: cm::CmError) -> ShareError {
    match e {
        cm::CmError::TooLarge(_) => ShareError::TooLarge,
        cm::CmError::BadHeader => ShareError::Truncated,
    }
}

/// The map in the decompressed bytes of a body of link format `version`.
fn map_of(version: u8, bytes: &[u8]) -> Result<(JourneyMap, RestoreReport), ShareError> {
    let (layout, _) = parts_of(version);
    let mut map = binary::decode_map_as(bytes, layout).map_err(|e| match e {
        binary::DecodeError::Damaged(why) => ShareError::Damaged(why),
        binary::DecodeError::Newer(what) => ShareError::NewerFeature(what),
    })?;
    let mut report = RestoreReport::default();
    repair(&mut map, &mut report);
    if !is_valid(&map) {
        return Err(ShareError::Damaged("the map inside is inconsistent".into()));
    }
    Ok((map, report))
}

/// A plain payload being opened a little at a time ([`Steps::step`]), so that a page can
/// open a link in short tasks with the browser free between them: the coder's priming
/// and the decoding both advance by a budget of bytes per step. The result is exactly
/// [`decode`]'s.
pub struct Steps {
    version: u8,
    unpacking: cm::Unpacking,
}

impl Steps {
    /// Does up to about `budget` bytes of work (a primer byte or a decoded byte each);
    /// the map, or why it cannot be opened, once done.
    pub fn step(
        &mut self,
        budget: usize,
    ) -> Option<Result<(JourneyMap, RestoreReport), ShareError>> {
        let bytes = self.unpacking.step(budget)?;
        Some(map_of(self.version, &bytes))
    }
}

/// Starts opening a plain payload in steps; refuses at once what [`decode`] refuses
/// before decoding (a damaged or cut-off header, a passphrase link, a newer format).
pub fn decode_in_steps(payload: &str) -> Result<Steps, ShareError> {
    let bytes = plain_body_of(payload)?;
    open_body_in_steps(bytes[0], &bytes[2..])
}

/// [`open_body`] in steps (see [`Steps`]).
pub fn open_body_in_steps(version: u8, body: &[u8]) -> Result<Steps, ShareError> {
    if version == 0 || version > FORMAT_VERSION {
        return Err(ShareError::Newer(version));
    }
    let (_, coder) = parts_of(version);
    let unpacking = cm::Unpacking::start(body, primer(version), coder).map_err(cm_error)?;
    Ok(Steps { version, unpacking })
}

/// The share payload of `map` (URL-fragment safe).
pub fn encode(map: &JourneyMap) -> String {
    encode_as(map, FORMAT_VERSION)
}

/// The share payload of `map` in link format `version` (1 to 3), for fixtures and
/// benchmarks; the app always writes [`FORMAT_VERSION`].
pub fn encode_as(map: &JourneyMap, version: u8) -> String {
    plain_payload(version, &plain_body_as(map, version))
}

/// The plain payload of a body of link format `version` (as [`encode_as`] writes it):
/// what a protected link holds once decrypted, as an unprotected link would carry it.
pub fn plain_payload(version: u8, body: &[u8]) -> String {
    let mut bytes = vec![version, 0];
    bytes.extend_from_slice(body);
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

/// The link format of a payload, read from its first byte without decoding the rest.
pub fn format_of(payload: &str) -> Option<u8> {
    let head: String = payload
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(4)
        .collect();
    base64url::decode(&head).ok()?.first().copied()
}

/// Learns up to `budget` more bytes of link format `version`'s primer ahead of the next
/// encode or decode, so a page can spread the coder's start-up (tens of milliseconds,
/// far more on a slow phone) over several short tasks and stay responsive while a link
/// opens. Returns whether the coder is ready; the next call of [`decode`], [`encode`] or
/// [`open_body`] in that format then skips what was learnt. Formats whose coder primes a
/// copy per call are always ready.
pub fn warm_up(version: u8, budget: usize) -> bool {
    if !(1..=FORMAT_VERSION).contains(&version) {
        return true;
    }
    cm::prime_ahead(primer(version), parts_of(version).1, budget)
}

/// Whether a payload is passphrase-protected (`false` for anything unreadable).
pub fn is_encrypted(payload: &str) -> bool {
    bytes_of(payload).is_ok_and(|b| b[1] & ENCRYPTED != 0)
}

/// The bytes of a plain payload (format, flags, body), checked for its flags.
fn plain_body_of(payload: &str) -> Result<Vec<u8>, ShareError> {
    let bytes = bytes_of(payload)?;
    if bytes[1] & ENCRYPTED != 0 {
        return Err(ShareError::NeedsPassphrase);
    }
    if bytes[1] & !ENCRYPTED != 0 {
        return Err(ShareError::Damaged(
            "it uses options this version does not know".into(),
        ));
    }
    Ok(bytes)
}

/// Opens a plain payload.
pub fn decode(payload: &str) -> Result<(JourneyMap, RestoreReport), ShareError> {
    let bytes = plain_body_of(payload)?;
    open_body(bytes[0], &bytes[2..])
}

/// Whether encrypted links of format `version` pass their header ([`Sealed::header`]) to
/// AES-GCM as additional authenticated data: from format 3 on. Format-2 links were
/// encrypted without additional data and must still be opened that way.
pub fn uses_header_aad(version: u8) -> bool {
    version >= 3
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

impl Sealed {
    /// The payload's bytes before the ciphertext, exactly: format version, flags, (from
    /// format 3 on) the key-derivation id, iterations (LEB128), salt, nonce. When
    /// [`uses_header_aad`] says so, this is AES-GCM's additional authenticated data, both
    /// when encrypting and when decrypting: any change to it makes decryption fail.
    pub fn header(&self) -> Vec<u8> {
        let mut out = vec![self.version, ENCRYPTED];
        if uses_header_aad(self.version) {
            out.push(KDF_PBKDF2_SHA256);
        }
        binary::write_leb128(&mut out, u64::from(self.iterations));
        out.extend_from_slice(&self.salt);
        out.extend_from_slice(&self.nonce);
        out
    }

    /// The additional authenticated data to give AES-GCM for this link: the header from
    /// format 3 on, nothing for older links.
    pub fn additional_data(&self) -> Vec<u8> {
        if uses_header_aad(self.version) {
            self.header()
        } else {
            Vec::new()
        }
    }
}

/// Builds an encrypted payload from its parts: [`Sealed::header`], then the ciphertext.
pub fn seal(sealed: &Sealed) -> String {
    let mut bytes = sealed.header();
    bytes.extend_from_slice(&sealed.ciphertext);
    base64url::encode(&bytes)
}

/// Splits an encrypted payload into its parts. Refuses, before any key derivation, a
/// header this version cannot vouch for: an iteration count outside
/// [`PBKDF2_ITERATIONS_ALLOWED`] ([`ShareError::UnsafeSettings`]), an unknown
/// key-derivation id, or a header not written as [`Sealed::header`] writes it (so that
/// the header the browser authenticates is exactly the one in the link).
pub fn unseal(payload: &str) -> Result<Sealed, ShareError> {
    let bytes = bytes_of(payload)?;
    if bytes[1] & ENCRYPTED == 0 {
        return Err(ShareError::Damaged("it is not an encrypted link".into()));
    }
    if bytes[1] & !ENCRYPTED != 0 {
        return Err(ShareError::Damaged(
            "it uses options this version does not know".into(),
        ));
    }
    let version = bytes[0];
    let mut at = 2;
    if uses_header_aad(version) {
        match bytes.get(at) {
            Some(&KDF_PBKDF2_SHA256) => at += 1,
            Some(&kdf) => {
                return Err(ShareError::NewerFeature(format!(
                    "a kind of passphrase protection this version does not know ({kdf})"
                )))
            }
            None => return Err(ShareError::Truncated),
        }
    }
    let iterations = binary::read_leb128(&bytes, &mut at).map_err(|_| ShareError::Truncated)?;
    let allowed = PBKDF2_ITERATIONS_ALLOWED;
    if iterations < u64::from(*allowed.start()) || iterations > u64::from(*allowed.end()) {
        return Err(ShareError::UnsafeSettings(format!(
            "{iterations} key-derivation rounds, where {} to {} are allowed",
            allowed.start(),
            allowed.end()
        )));
    }
    let rest = &bytes[at..];
    if rest.len() < 16 + 12 + 16 {
        return Err(ShareError::Truncated);
    }
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&rest[..16]);
    let mut nonce = [0u8; 12];
    nonce.copy_from_slice(&rest[16..28]);
    let sealed = Sealed {
        version,
        iterations: iterations as u32,
        salt,
        nonce,
        ciphertext: rest[28..].to_vec(),
    };
    if sealed.header() != bytes[..at + 28] {
        return Err(ShareError::Damaged(
            "its header is not written the way Trailmap writes it".into(),
        ));
    }
    Ok(sealed)
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
    fn older_formats_still_open_and_each_is_shorter() {
        let planned = templates::build("professional-services").unwrap();
        // Formats 1 and 2 have no room for the opportunities' plan: compare without it.
        let map = binary::without_sections(&planned);
        let mut lengths = Vec::new();
        for (version, start) in [(1, "AQ"), (2, "Ag"), (3, "Aw")] {
            let link = encode_as(&map, version);
            assert_eq!(&link[..2], start, "format byte {version}");
            assert_eq!(decode(&link).unwrap().0, map, "format {version}");
            lengths.push(link.len());
        }
        assert!(
            lengths[0] > lengths[1] && lengths[1] > lengths[2],
            "{lengths:?}"
        );
        // The templates as they were when format 2 was made are in the primer: such a map
        // unchanged is a few dozen characters, and one edit adds about its text.
        let primed: JourneyMap = serde_json::from_str(include_str!(
            "../../../tests/fixtures/share/v3-b2b-saas.json"
        ))
        .unwrap();
        assert!(
            encode(&primed).len() < 60,
            "{} characters",
            encode(&primed).len()
        );
        let mut edited = primed.clone();
        edited.cards[3].text = "Steering committee moved to every second Thursday".into();
        let edited_link = encode(&edited);
        assert!(edited_link.len() < 160, "{} characters", edited_link.len());
        assert_eq!(decode(&edited_link).unwrap().0, edited);
        // Today's template with its KPI baselines and targets (not in the primer) costs
        // more, and its RICE plan more again.
        assert!(lengths[2] < 200, "{} characters", lengths[2]);
        // The templates' RICE plans came after the frozen primer: they cost what their
        // section compresses to, a couple of hundred characters.
        let mut unreviewed = binary::without_handoffs(&planned);
        unreviewed.reviews.clear();
        unreviewed.cards.iter_mut().for_each(|c| c.metric = None);
        let unscored = binary::without_scoring(&unreviewed);
        let link = encode(&unscored);
        assert!(link.len() < 300, "{} characters", link.len());
        assert_eq!(decode(&link).unwrap().0, unscored);
        // Its handoffs, value–effort and Kano data, metrics and three past reviews came
        // later still (sections 6, 4, 8 and 10): they cost several hundred more.
        let link = encode(&planned);
        assert!(link.len() < 1100, "{} characters", link.len());
        assert_eq!(decode(&link).unwrap().0, planned);
    }

    /// The primer of formats 2 and 3 is a frozen file: if it changes, their links no
    /// longer open. Never update this checksum; a new primer needs a new format (and a
    /// file of its own).
    #[test]
    fn the_primer_of_formats_two_and_three_is_frozen() {
        for version in [2, 3] {
            let primer = primer(version);
            let fnv = primer.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
            });
            assert_eq!(
                (primer.len(), fnv),
                (35_030, 16_916_026_313_082_843_202),
                "format {version}'s primer changed: its links would no longer open"
            );
        }
        assert_eq!(primer(1), PRIMER.as_bytes());
        assert!(primer(2).starts_with(PRIMER.as_bytes()));
    }

    /// Warming the coder up in steps changes nothing in what links encode or decode to,
    /// whether it is complete, partial, or for another format than the next call's.
    #[test]
    fn warming_up_in_steps_changes_no_result() {
        let map = templates::build("b2b-saas").unwrap();
        let mut edited = map.clone();
        edited.cards[2].quote = "Procurement wants three references by Friday".into();
        let fresh = encode(&edited);
        assert_eq!(format_of(&fresh), Some(FORMAT_VERSION));
        assert_eq!(format_of(" AQ"), Some(1));
        assert_eq!(format_of("!!"), None);
        let mut steps = 0;
        while !warm_up(FORMAT_VERSION, 4096) {
            steps += 1;
        }
        assert_eq!(steps, primer(FORMAT_VERSION).len() / 4096);
        assert_eq!(decode(&fresh).unwrap().0, edited);
        // Partly warmed, then encoded: the same link.
        assert!(!warm_up(FORMAT_VERSION, 1000));
        assert_eq!(encode(&edited), fresh);
        // Warmed, then a different format decoded, then this one: still right.
        while !warm_up(FORMAT_VERSION, 1 << 20) {}
        let old = encode_as(&map, 2);
        assert_eq!(decode(&old).unwrap().0, binary::without_sections(&map));
        assert_eq!(decode(&fresh).unwrap().0, edited);
        assert!(warm_up(1, 10) && warm_up(0, 10) && warm_up(FORMAT_VERSION + 1, 10));
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
        let payload = encode(&generated_map(3, 2, 12, 5));
        assert!(payload.len() > 200);
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
        for version in 1..=FORMAT_VERSION {
            let mut bomb = vec![version, 0, 0x80, 0x80, 0x80, 0x80, 0x04];
            bomb.extend([0u8; 16]);
            assert_eq!(decode(&base64url::encode(&bomb)), Err(ShareError::TooLarge));
        }
        assert_eq!(open_body(9, &[0, 0, 0]), Err(ShareError::Newer(9)));
    }

    /// The payload of `map` in format 3 with `sections` after the map's bytes, as a later
    /// version would write it.
    fn with_sections(map: &JourneyMap, sections: &[(u64, &[u8])]) -> String {
        let mut bytes = binary::encode_map_as(map, binary::Layout::V3);
        for (tag, body) in sections {
            binary::append_section(&mut bytes, *tag, body);
        }
        let mut payload = vec![3, 0];
        payload.extend(cm::compress(&bytes, primer(3), cm::Coder::V3));
        base64url::encode(&payload)
    }

    #[test]
    fn later_versions_can_add_sections_without_lengthening_todays_links() {
        let map = binary::without_sections(&templates::build("b2b-saas").unwrap());
        // No sections: the same bytes as format 2's layout, so the same link length as
        // without the section machinery.
        assert_eq!(
            plain_body_as(&map, 3),
            cm::compress(
                &binary::encode_map_as(&map, binary::Layout::V2),
                primer(3),
                cm::Coder::V3
            )
        );
        assert_eq!(with_sections(&map, &[]), encode(&map));
        // An unknown optional section (even tag) is skipped.
        let optional = with_sections(&map, &[(100, b"comments from a later version"), (102, &[])]);
        assert_eq!(decode(&optional).unwrap().0, map);
        // An unknown required section (odd tag) means a newer Trailmap.
        let required = with_sections(&map, &[(100, b"x"), (5, &[1, 2, 3])]);
        let e = decode(&required).unwrap_err();
        assert!(matches!(e, ShareError::NewerFeature(_)), "{e:?}");
        assert!(e.to_string().contains("newer version of Trailmap"), "{e}");
    }

    fn sealed(version: u8, iterations: u32) -> Sealed {
        Sealed {
            version,
            iterations,
            salt: [7; 16],
            nonce: [9; 12],
            ciphertext: vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        }
    }

    #[test]
    fn encrypted_payloads_split_into_their_parts() {
        for version in [2, FORMAT_VERSION] {
            let sealed = sealed(version, PBKDF2_ITERATIONS);
            let payload = seal(&sealed);
            assert!(is_encrypted(&payload));
            assert_eq!(unseal(&payload), Ok(sealed.clone()));
            assert_eq!(decode(&payload), Err(ShareError::NeedsPassphrase));
            assert_eq!(unseal(&payload[..40]), Err(ShareError::Truncated));
            // The header is every byte before the ciphertext.
            let bytes = base64url::decode(&payload).unwrap();
            let header = sealed.header();
            assert_eq!(bytes[..header.len()], header[..]);
            assert_eq!(bytes[header.len()..], sealed.ciphertext[..]);
        }
        assert!(!is_encrypted(&encode(&JourneyMap::blank("x"))));
    }

    #[test]
    fn the_header_is_authenticated_from_format_three_on() {
        assert!(!uses_header_aad(1) && !uses_header_aad(2));
        assert!(uses_header_aad(3) && uses_header_aad(FORMAT_VERSION));
        let new = sealed(FORMAT_VERSION, PBKDF2_ITERATIONS);
        // Version, flags, key-derivation id, 600,000 as LEB128, salt, nonce.
        let mut expected = vec![FORMAT_VERSION, 1, KDF_PBKDF2_SHA256, 0xc0, 0xcf, 0x24];
        expected.extend([7; 16]);
        expected.extend([9; 12]);
        assert_eq!(new.header(), expected);
        assert_eq!(new.additional_data(), expected);
        // Format 2 had no key-derivation id and no additional data.
        let old = sealed(2, PBKDF2_ITERATIONS);
        assert_eq!(old.header()[..5], [2, 1, 0xc0, 0xcf, 0x24]);
        assert_eq!(old.header().len(), 5 + 28);
        assert!(old.additional_data().is_empty());
        // The header of the unsealed parts is the link's: what the browser authenticates
        // is what the link holds.
        let payload = seal(&new);
        assert_eq!(unseal(&payload).unwrap().header(), expected);
    }

    #[test]
    fn unsafe_or_unknown_key_settings_are_refused_before_any_work() {
        for iterations in [1, 1_000, 99_999, 2_000_001, u32::MAX] {
            let e = unseal(&seal(&sealed(FORMAT_VERSION, iterations))).unwrap_err();
            assert!(
                matches!(e, ShareError::UnsafeSettings(_)),
                "{iterations}: {e:?}"
            );
            assert!(e.to_string().contains("key settings"), "{e}");
            assert!(matches!(
                unseal(&seal(&sealed(2, iterations))),
                Err(ShareError::UnsafeSettings(_))
            ));
        }
        for iterations in [100_000, PBKDF2_ITERATIONS, 2_000_000] {
            assert!(unseal(&seal(&sealed(FORMAT_VERSION, iterations))).is_ok());
        }
        // An unknown key derivation.
        let mut bytes = base64url::decode(&seal(&sealed(3, PBKDF2_ITERATIONS))).unwrap();
        bytes[2] = 2;
        assert!(matches!(
            unseal(&base64url::encode(&bytes)),
            Err(ShareError::NewerFeature(_))
        ));
        // The iteration count written the long way round (non-canonical LEB128).
        let mut long = vec![3, 1, KDF_PBKDF2_SHA256, 0xc0, 0xcf, 0xa4, 0x80, 0x00];
        long.extend([0; 16 + 12 + 17]);
        assert!(matches!(
            unseal(&base64url::encode(&long)),
            Err(ShareError::Damaged(_))
        ));
        // Flags this version does not know.
        let mut flags = base64url::decode(&seal(&sealed(3, PBKDF2_ITERATIONS))).unwrap();
        flags[1] |= 4;
        assert!(matches!(
            unseal(&base64url::encode(&flags)),
            Err(ShareError::Damaged(_))
        ));
        assert!(PBKDF2_ITERATIONS_ALLOWED.contains(&PBKDF2_ITERATIONS));
    }

    #[test]
    fn every_error_has_a_message_that_says_what_to_do() {
        let errors = [
            ShareError::Empty,
            ShareError::BadCharacter(3),
            ShareError::Truncated,
            ShareError::Newer(4),
            ShareError::Damaged("x".into()),
            ShareError::TooLarge,
            ShareError::NeedsPassphrase,
            ShareError::WrongPassphrase,
            ShareError::NewerFeature("x".into()),
            ShareError::UnsafeSettings("x".into()),
        ];
        for e in errors {
            assert!(e.to_string().len() > 40, "{e:?}");
        }
        let wrong = ShareError::WrongPassphrase.to_string();
        assert!(wrong.contains("does not open this map") && wrong.contains("changed"));
    }
}
