//! Share links made by earlier builds keep opening: every fixture payload under
//! `tests/fixtures/share/` decodes to the map stored beside it, for good.

use std::path::Path;
use trailmap::model::share;
use trailmap::model::JourneyMap;

#[test]
fn every_fixture_link_decodes_to_its_map() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/share");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixture folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("link") {
            continue;
        }
        let payload = std::fs::read_to_string(&path).expect("link text");
        let json =
            std::fs::read_to_string(path.with_extension("json")).expect("map beside the link");
        let expected: JourneyMap = serde_json::from_str(&json).expect("fixture map");
        let (map, report) =
            share::decode(payload.trim()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(map, expected, "{}", path.display());
        assert!(report.is_clean());
        checked += 1;
    }
    assert!(checked >= 2, "fixtures missing");
}
