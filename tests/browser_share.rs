//! The passphrase layer of share links with the browser's WebCrypto.
#![cfg(target_arch = "wasm32")]

use trailmap::adapters::share::{
    decode_with_passphrase, encode_encrypted, link_for, title_hint_of,
};
use trailmap::model::share::{self, ShareError};
use trailmap::model::templates;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_protected_link_opens_with_its_passphrase_and_only_with_it() {
    let map = templates::build("b2b-ecommerce").unwrap();
    let payload = encode_encrypted(&map, "correct horse battery")
        .await
        .unwrap();
    assert!(share::is_encrypted(&payload));
    assert_eq!(
        share::decode(&payload).unwrap_err(),
        ShareError::NeedsPassphrase
    );
    assert_eq!(
        decode_with_passphrase(&payload, "correct horse battery")
            .await
            .unwrap(),
        map
    );
    assert_eq!(
        decode_with_passphrase(&payload, "Correct horse battery")
            .await
            .unwrap_err(),
        ShareError::WrongPassphrase
    );
    // Two links of the same map differ (fresh salt and nonce each time).
    let again = encode_encrypted(&map, "correct horse battery")
        .await
        .unwrap();
    assert_ne!(payload, again);
}

#[wasm_bindgen_test]
fn links_open_the_viewer_beside_this_page_and_put_the_map_in_the_fragment() {
    let link = link_for("AbC", None);
    assert!(link.ends_with("/view/#/s/AbC"), "{link}");
    assert!(link.starts_with("http"), "{link}");
}

#[wasm_bindgen_test]
fn a_plain_link_carries_the_title_for_the_first_paint_and_it_reads_back() {
    let title = "Q4 review: buy & renew (EMEA) 100% + “more”";
    let link = link_for("AbC", Some(title));
    let hash = &link[link.find('#').unwrap()..];
    assert_eq!(
        hash,
        "#/s/AbC?t=Q4+review%3A+buy+%26+renew+(EMEA)+100%25+%2B+%E2%80%9Cmore%E2%80%9D"
    );
    assert_eq!(title_hint_of(hash).as_deref(), Some(title));
    assert_eq!(
        trailmap::routes::Route::parse(hash),
        trailmap::routes::Route::Shared("AbC".into())
    );
    // Blank titles add nothing; long ones are cut with an ellipsis; bad escapes read as none.
    assert!(link_for("AbC", Some("  ")).ends_with("#/s/AbC"));
    let long = "x".repeat(150);
    let hint = title_hint_of(&link_for("AbC", Some(&long))).unwrap();
    assert_eq!(hint, format!("{}…", "x".repeat(100)));
    assert_eq!(title_hint_of("#/s/AbC?t=%E2%80"), None);
    assert_eq!(title_hint_of("#/s/AbC"), None);
}

/// Links made natively (the fixtures) open the same in the browser: both builds prime the
/// coder identically, so a link made on one opens on the other.
#[wasm_bindgen_test]
fn fixture_links_open_in_the_browser_as_natively() {
    for (link, json) in [
        (
            include_str!("fixtures/share/v1-b2b-saas.link"),
            include_str!("fixtures/share/v1-b2b-saas.json"),
        ),
        (
            include_str!("fixtures/share/v2-six-stage-b2b.link"),
            include_str!("fixtures/share/v2-six-stage-b2b.json"),
        ),
        (
            include_str!("fixtures/share/v3-hand-made.link"),
            include_str!("fixtures/share/v3-hand-made.json"),
        ),
    ] {
        let expected: trailmap::model::JourneyMap = serde_json::from_str(json).unwrap();
        assert_eq!(share::decode(link.trim()).unwrap().0, expected);
    }
    let edited = {
        let mut m = templates::build("b2b-saas").unwrap();
        m.cards[0].quote = "We compared four vendors in one afternoon.".into();
        m
    };
    assert_eq!(share::decode(&share::encode(&edited)).unwrap().0, edited);
}

/// The passphrase of the encrypted fixtures (made with Node's WebCrypto by
/// `tests/fixtures/share/make-encrypted.mjs`, an implementation independent of ours).
const FIXTURE_PASSPHRASE: &str = "correct horse battery staple";

fn saas() -> trailmap::model::JourneyMap {
    serde_json::from_str(include_str!("fixtures/share/v2-b2b-saas.json")).unwrap()
}

/// Encrypted links of every released format open: format 2 without additional data,
/// format 3 with its header as additional data (the fixture was encrypted with it, so
/// it opens only if the decoder passes exactly the same header).
#[wasm_bindgen_test]
async fn encrypted_fixture_links_of_every_format_open() {
    for payload in [
        include_str!("fixtures/share/v2-b2b-saas.encrypted"),
        include_str!("fixtures/share/v3-b2b-saas.encrypted"),
    ] {
        let map = decode_with_passphrase(payload.trim(), FIXTURE_PASSPHRASE)
            .await
            .unwrap();
        assert_eq!(map, saas());
    }
}

/// Rebuilds a payload with one byte of its decoded bytes changed.
fn with_byte(payload: &str, at: usize, f: impl Fn(u8) -> u8) -> String {
    let mut bytes = share::base64url::decode(payload.trim()).unwrap();
    bytes[at] = f(bytes[at]);
    share::base64url::encode(&bytes)
}

/// From format 3 on the header is authenticated: a changed salt, nonce or round count
/// fails like a wrong passphrase; rounds out of range are refused before any work.
#[wasm_bindgen_test]
async fn a_tampered_protected_link_is_refused_with_its_own_message() {
    let v3 = include_str!("fixtures/share/v3-b2b-saas.encrypted").trim();
    // Header: version, flags, KDF id, rounds (3 LEB128 bytes for 600,000), salt, nonce.
    for at in [6, 25, 40] {
        let tampered = with_byte(v3, at, |b| b ^ 1);
        assert_eq!(
            decode_with_passphrase(&tampered, FIXTURE_PASSPHRASE)
                .await
                .unwrap_err(),
            ShareError::WrongPassphrase,
            "byte {at}"
        );
    }
    // 600,000 rounds → 600,001: still in range, so only the authentication catches it.
    let rounds = with_byte(v3, 3, |b| b + 1);
    assert_eq!(
        decode_with_passphrase(&rounds, FIXTURE_PASSPHRASE)
            .await
            .unwrap_err(),
        ShareError::WrongPassphrase
    );
    // 10 million rounds would stall the page: refused at once, with its own message.
    let sealed = share::unseal(v3).unwrap();
    let hostile = share::seal(&share::Sealed {
        iterations: 10_000_000,
        ..sealed
    });
    let refused = decode_with_passphrase(&hostile, FIXTURE_PASSPHRASE)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, ShareError::UnsafeSettings(_)),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("key settings"));
}
