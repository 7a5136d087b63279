//! Share links made by earlier builds keep opening: every fixture payload under
//! `tests/fixtures/share/` (`v<format>-<name>.link`) decodes to the map stored beside it
//! (`.json`), for good. And today's coder still writes them byte for byte, so a change
//! to any released format's encoder shows up here too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use trailmap::model::share;
use trailmap::model::JourneyMap;

/// The files in `dir` (relative to the crate) whose extension is `ext`, sorted.
fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    paths.sort();
    paths
}

/// Every fixture: (file name, format version, payload, expected map).
fn fixtures() -> Vec<(String, u8, String, JourneyMap)> {
    let mut out = Vec::new();
    for path in files_in("tests/fixtures/share", "link") {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let version: u8 = name
            .strip_prefix('v')
            .and_then(|rest| rest.split('-').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name}: fixtures are named v<format>-<name>.link"));
        let payload = std::fs::read_to_string(&path).expect("link text");
        let json =
            std::fs::read_to_string(path.with_extension("json")).expect("map beside the link");
        let expected: JourneyMap = serde_json::from_str(&json).expect("fixture map");
        out.push((name, version, payload.trim().to_string(), expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_fixture_link_decodes_to_its_map() {
    let mut per_format: BTreeMap<u8, usize> = BTreeMap::new();
    for (name, version, payload, expected) in fixtures() {
        let (map, report) = share::decode(&payload).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(map, expected, "{name}");
        assert!(report.is_clean(), "{name}");
        *per_format.entry(version).or_default() += 1;
    }
    // Every released format keeps fixtures: two or more each.
    for version in 1..=share::FORMAT_VERSION {
        assert!(
            per_format.get(&version).copied().unwrap_or(0) >= 2,
            "format {version} has fewer than two fixtures: {per_format:?}"
        );
    }
}

#[test]
fn todays_coder_writes_every_fixture_byte_for_byte() {
    for (name, version, payload, expected) in fixtures() {
        assert_eq!(
            share::encode_as(&expected, version),
            payload,
            "{name}: format {version}'s encoder changed"
        );
    }
}

#[test]
fn the_current_format_has_fixtures_of_templates_and_of_a_hand_made_map() {
    let names: Vec<String> = fixtures()
        .into_iter()
        .filter(|f| f.1 == share::FORMAT_VERSION)
        .map(|f| f.0)
        .collect();
    let v = share::FORMAT_VERSION;
    for name in [
        format!("v{v}-b2b-saas.link"),
        format!("v{v}-six-stage-b2b.link"),
        format!("v{v}-hand-made.link"),
        format!("v{v}-planned-b2b-saas.link"),
    ] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
}

/// Encrypted fixtures (`.encrypted`, made by `make-encrypted.mjs` with Node's WebCrypto, an
/// implementation independent of Trailmap's): their headers parse, and the header the
/// model gives the browser as AES-GCM's additional data is exactly the link's own bytes
/// (format 3) or nothing (format 2). Decrypting them needs WebCrypto: see
/// `tests/browser_share.rs`.
#[test]
fn encrypted_fixture_headers_are_what_the_browser_authenticates() {
    let mut checked = 0;
    for path in files_in("tests/fixtures/share", "encrypted") {
        let payload = std::fs::read_to_string(&path).expect("payload text");
        let payload = payload.trim();
        assert!(share::is_encrypted(payload), "{}", path.display());
        assert_eq!(
            share::decode(payload).unwrap_err(),
            share::ShareError::NeedsPassphrase
        );
        let sealed = share::unseal(payload).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(sealed.iterations, share::PBKDF2_ITERATIONS);
        let bytes = share::base64url::decode(payload).expect("base64url");
        let header = sealed.header();
        assert_eq!(bytes[..header.len()], header[..], "{}", path.display());
        assert_eq!(bytes[header.len()..], sealed.ciphertext[..]);
        let aad = sealed.additional_data();
        if share::uses_header_aad(sealed.version) {
            assert_eq!(aad, header);
        } else {
            assert!(aad.is_empty());
        }
        checked += 1;
    }
    assert!(checked >= 2, "encrypted fixtures missing");
}

/// What a released format decodes with is frozen data kept with the format: the primer
/// files and the wire tables in `src/model/share/`. This test fails if the link code
/// (outside its tests) reaches for anything people edit for other reasons: the built-in
/// templates, the order of the lists the user interface shows (`RoleType::ALL`,
/// `LaneKind::ALL`, `COMMON_CHANNELS`, …) or display labels. With that, a template edited,
/// a label reworded or a dropdown reordered cannot change what any fixture decodes to,
/// which `every_fixture_link_decodes_to_its_map` checks for every released format.
#[test]
fn link_code_depends_on_no_template_label_or_ui_list() {
    let forbidden = ["::ALL", "COMMON_CHANNELS", "templates::", ".label("];
    let mut read = 0;
    for path in files_in("src/model/share", "rs") {
        let text = std::fs::read_to_string(&path).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for word in forbidden {
                assert!(
                    !line.contains(word),
                    "{}:{}: link code uses {word}: decode from the frozen tables in wire.rs instead",
                    path.display(),
                    n + 1
                );
            }
        }
        read += 1;
    }
    assert!(read >= 8, "read {read} files");
}

/// Opens `payload` in steps of `budget` bytes; returns the result and the number of steps.
fn in_steps(
    payload: &str,
    budget: usize,
) -> (
    Result<(JourneyMap, trailmap::model::restore::RestoreReport), share::ShareError>,
    usize,
) {
    let mut steps = match share::decode_in_steps(payload) {
        Ok(s) => s,
        Err(e) => return (Err(e), 0),
    };
    for n in 1.. {
        if let Some(done) = steps.step(budget) {
            return (done, n);
        }
    }
    unreachable!()
}

#[test]
fn opening_in_steps_gives_exactly_what_opening_at_once_gives() {
    for (name, _, payload, expected) in fixtures() {
        let at_once = share::decode(&payload).map(|(m, _)| m);
        assert_eq!(at_once.as_ref().ok(), Some(&expected), "{name}");
        for budget in [1, 97, 1024, usize::MAX] {
            let (got, steps) = in_steps(&payload, budget);
            assert_eq!(
                got.map(|(m, _)| m).as_ref().ok(),
                Some(&expected),
                "{name} in steps of {budget}"
            );
            if budget == 1024 && name.starts_with("v3") {
                // The primer (35 KB) and the body both advance by the budget.
                assert!(steps > 30, "{name}: {steps} steps of 1 KB");
            }
        }
    }
}

#[test]
fn a_link_opened_in_steps_survives_other_links_coded_in_between() {
    let all = fixtures();
    let v3: Vec<_> = all.iter().filter(|f| f.1 == 3).collect();
    let (first, second) = (v3[0], v3[1]);
    let mut steps = share::decode_in_steps(&first.2).expect("starts");
    let mut done = None;
    let mut round = 0;
    while done.is_none() {
        done = steps.step(2048);
        // Between two steps the page opens and makes other links.
        round += 1;
        if round % 3 == 0 {
            assert_eq!(share::decode(&second.2).expect("opens").0, second.3);
            let _ = share::encode(&second.3);
        }
    }
    assert_eq!(done.unwrap().expect("opens").0, first.3);
    // And the working model is fine afterwards.
    assert_eq!(share::decode(&first.2).expect("opens").0, first.3);
}

#[test]
fn bad_links_in_steps_fail_as_they_do_at_once() {
    let (_, _, payload, _) = fixtures()
        .into_iter()
        .find(|f| f.1 == 3)
        .expect("a v3 fixture");
    let cases = [
        payload[..payload.len() / 2].to_string(),
        format!("{}$%{}", &payload[..20], &payload[22..]),
        format!("BA{}", &payload[2..]),
        "AQ".to_string(),
        String::new(),
    ];
    for bad in cases {
        let at_once = share::decode(&bad).map(|(m, _)| m);
        let (stepped, _) = in_steps(&bad, 512);
        assert_eq!(stepped.map(|(m, _)| m), at_once, "{bad:.30}");
    }
}

/// The fixture with a RICE plan pins format 3's "more card fields" section: its map uses
/// every field the section carries.
#[test]
fn the_planned_fixture_carries_every_opportunity_field() {
    let (_, _, payload, expected) = fixtures()
        .into_iter()
        .find(|f| f.0 == "v3-planned-b2b-saas.link")
        .expect("the planned fixture");
    let map = share::decode(&payload).unwrap().0;
    assert_eq!(map, expected);
    let c = |f: fn(&trailmap::model::Card) -> bool| map.cards.iter().any(f);
    assert!(c(|c| c.reach.is_some() && !c.reach_period.is_empty()));
    assert!(c(|c| c.rice_impact.is_some() && c.rice_confidence.is_some()));
    assert!(c(|c| c.effort_months == Some(4.5)));
    assert!(c(|c| c.addresses.len() >= 2));
    assert!(c(|c| c.status == trailmap::model::PlanStatus::Measured));
    assert!(c(|c| c.remeasure == "2027-06-30"));
}

/// The opportunity scoring section (tag 4): the fixture that uses it keeps its
/// value–effort scores, Kano picks and answer counts and the per-map choice; every
/// fixture from before it uses none of it, and (`todays_coder_writes_every_fixture_byte_for_byte`)
/// still encodes to exactly its old bytes.
#[test]
fn scored_links_keep_value_effort_and_kano_and_older_links_are_unchanged() {
    use trailmap::model::formulas::{KanoAnswer, KanoCategory};
    use trailmap::model::Prioritisation;
    let all = fixtures();
    let (_, _, payload, expected) = all
        .iter()
        .find(|f| f.0 == "v3-scored-b2b-saas.link")
        .expect("v3-scored-b2b-saas.link");
    let (map, _) = share::decode(payload).unwrap();
    assert_eq!(&map, expected);
    assert_eq!(map.scope.prioritise_by, Prioritisation::ValueEffort);
    let scored: Vec<_> = map
        .cards
        .iter()
        .filter(|c| c.value_score.is_some())
        .collect();
    assert_eq!(scored.len(), 5);
    assert!(map
        .cards
        .iter()
        .any(|c| c.kano == Some(KanoCategory::MustBe)));
    assert!(map
        .cards
        .iter()
        .any(|c| c.kano_answers.get(KanoAnswer::MustBe, KanoAnswer::Dislike) == 6));
    for (name, _, _, older) in all.iter().filter(|f| !f.0.contains("scored")) {
        assert_eq!(older.scope.prioritise_by, Prioritisation::Rice, "{name}");
        for c in &older.cards {
            assert_eq!(
                (c.value_score, c.effort_score, c.kano),
                (None, None, None),
                "{name}"
            );
            assert!(c.kano_answers.is_empty(), "{name}");
        }
    }
}

/// The fixture with handoffs pins format 3's handoffs section: its map uses every field
/// the section carries (a gap, an owner, touchpoints broken, on several stages).
#[test]
fn the_handoffs_fixture_carries_every_handoff_field() {
    let (_, _, payload, expected) = fixtures()
        .into_iter()
        .find(|f| f.0 == "v3-handoffs-six-stage-b2b.link")
        .expect("the handoffs fixture");
    let map = share::decode(&payload).unwrap().0;
    assert_eq!(map, expected);
    let described: Vec<_> = map
        .stages
        .iter()
        .filter(|s| !s.handoff_gap.is_empty())
        .collect();
    assert!(described.len() >= 4);
    assert!(described.iter().all(|s| !s.handoff_owner.is_empty()));
    assert!(map.stages.iter().any(|s| s.handoff_breaks.len() >= 2));
    assert!(map.stages[0].handoff_gap.is_empty());
}

/// The fixture with metrics and reviews pins format 3's sections 8 and 10.
#[test]
fn the_reviewed_fixture_carries_metrics_and_reviews() {
    let (_, _, payload, expected) = fixtures()
        .into_iter()
        .find(|f| f.0 == "v3-reviewed.link")
        .expect("the reviewed fixture");
    let map = share::decode(&payload).unwrap().0;
    assert_eq!(map, expected);
    assert_eq!(map.reviews.len(), 2);
    assert_eq!(map.reviews[1].note, "Joint calls started");
    let metrics: Vec<_> = map.cards.iter().filter_map(|c| c.metric.as_ref()).collect();
    assert_eq!(metrics.len(), 2);
    assert!(metrics.iter().any(|m| m.inputs.is_some() && m.journey));
    assert!(metrics
        .iter()
        .any(|m| m.better == trailmap::model::metrics::Better::Lower));
}

/// Maps without metrics or reviews write neither section: their links are byte for byte
/// what they were before metrics existed (every older fixture is such a map, and
/// `todays_coder_writes_every_fixture_byte_for_byte` holds them to their bytes), and
/// dropping a map's metrics and reviews gives exactly the bytes of the map without them.
#[test]
fn maps_without_metrics_or_reviews_encode_to_the_bytes_they_did_before() {
    let before_metrics: Vec<_> = fixtures()
        .into_iter()
        .filter(|f| f.3.reviews.is_empty() && f.3.cards.iter().all(|c| c.metric.is_none()))
        .collect();
    assert!(before_metrics.len() >= 9, "{}", before_metrics.len());
    for (name, version, payload, map) in before_metrics {
        assert_eq!(share::encode_as(&map, version), payload, "{name}");
    }
    let (_, _, _, reviewed) = fixtures()
        .into_iter()
        .find(|f| f.0 == "v3-reviewed.link")
        .expect("the reviewed fixture");
    let mut plain = reviewed.clone();
    plain.reviews.clear();
    for c in &mut plain.cards {
        c.metric = None;
    }
    let with = trailmap::model::share::binary::encode_map_as(
        &reviewed,
        trailmap::model::share::binary::Layout::V3,
    );
    let without = trailmap::model::share::binary::encode_map_as(
        &plain,
        trailmap::model::share::binary::Layout::V3,
    );
    assert_eq!(
        &with[..without.len()],
        &without[..],
        "the sections only follow the map"
    );
    assert!(with.len() > without.len());
}

/// How much a share link grows with each recorded review (printed; run with
/// `cargo test --test share_links link_growth -- --nocapture`).
#[test]
fn link_growth_per_review_is_reported() {
    use trailmap::model::dates::Date;
    use trailmap::model::reviews;
    let mut map = trailmap::model::templates::build("b2b-saas").unwrap();
    map.reviews.clear();
    for c in &mut map.cards {
        trailmap::model::metrics::upgrade_kpi_card(c);
    }
    let mut lengths = vec![share::encode(&map).len()];
    let mut day = Date::parse("2025-01-15").unwrap();
    for k in 0..4 {
        // Every metric and a third of the emotions move between reviews.
        for (i, c) in map.cards.iter_mut().enumerate() {
            if let Some(m) = c.metric.as_mut() {
                m.current = Some(m.current.unwrap_or(10.0) + 1.0 + k as f64);
            }
            if i % 3 == k % 3 {
                if let Some(e) = c.emotion {
                    c.emotion = trailmap::model::Emotion::new(
                        i64::from(e.value()) + if e.value() < 2 { 1 } else { -1 },
                    );
                }
            }
        }
        let review = reviews::capture(&map, day, "Quarterly review: what moved and why");
        map.reviews.push(review);
        day = day.add_months(3);
        lengths.push(share::encode(&map).len());
        assert_eq!(share::decode(&share::encode(&map)).unwrap().0, map);
    }
    let growth: Vec<usize> = lengths.windows(2).map(|w| w[1] - w[0]).collect();
    println!(
        "b2b-saas link length with 0..=4 reviews: {lengths:?} characters; growth per review {growth:?} (median {})",
        {
            let mut g = growth.clone();
            g.sort();
            g[g.len() / 2]
        }
    );
    assert!(growth.iter().all(|g| *g < 400), "{growth:?}");
}
