//! The passphrase layer of share links with the browser's WebCrypto.
#![cfg(target_arch = "wasm32")]

use trailmap::adapters::share::{decode_with_passphrase, encode_encrypted, link_for};
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
fn links_keep_the_page_address_and_put_the_map_in_the_fragment() {
    let link = link_for("AbC");
    assert!(link.ends_with("#/s/AbC"), "{link}");
    assert!(link.starts_with("http"), "{link}");
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
