//! Input generators for fuzzing the decoders (file import, envelopes, restore): random
//! bytes, random JSON, and mutations of valid files. Used by `examples/fuzz_restore.rs`
//! and, with fewer cases, by the test suite.

use super::generate::{generated_map, SplitMix};
use super::persist::{envelope, export_map_file, import_file};
use super::restore::restore_map;
use serde_json::{Map, Value};

/// The fuzz commands' arguments: `[cases] [seed]` (the seed from the clock by default).
pub fn cli_args(default_cases: u64) -> (u64, u64) {
    let mut args = std::env::args().skip(1);
    let cases = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(default_cases);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    (cases, seed)
}

/// What one fuzz case ended in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Cases run.
    pub cases: u64,
    /// Cases that produced at least one map.
    pub maps: u64,
    /// Cases that produced an error value.
    pub errors: u64,
}

fn random_string(rng: &mut SplitMix) -> String {
    const POOL: &[&str] = &[
        "",
        "a",
        "Awareness",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "ü",
        "😀",
        "\u{0}",
        "\"",
        "\\",
        "trailmap/map",
        "trailmap/maps",
        "trailmap/recovery",
        "touchpoints",
        "decision-maker",
        "quarterly",
    ];
    if rng.below(3) == 0 {
        POOL[rng.below(POOL.len() as u64) as usize].to_string()
    } else {
        (0..rng.below(12))
            .map(|_| char::from_u32(rng.below(0x2FF) as u32 + 1).unwrap_or('x'))
            .collect()
    }
}

const KEYS: &[&str] = &[
    "type",
    "version",
    "map",
    "maps",
    "scope",
    "title",
    "stages",
    "lanes",
    "cards",
    "id",
    "stage",
    "lane",
    "emotion",
    "to_be",
    "kind",
    "stakeholders",
    "influence",
    "interest",
    "influences",
    "role_type",
    "stance",
    "scores",
    "severity",
    "next_id",
    "personas",
    "primary_persona",
    "review_cadence",
    "revision",
    "savedAt",
    "unsaved",
    "storage",
    "moment_of_truth",
    "value_score",
    "effort_score",
    "kano",
    "kano_answers",
    "prioritise_by",
];

/// A random JSON value biased towards Trailmap's field names.
pub fn random_json(rng: &mut SplitMix, depth: u32) -> Value {
    match rng.below(if depth == 0 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(rng.below(40) as i64 - 10),
        3 => serde_json::Number::from_f64((rng.next_u64() as f64) / 1e9 - 9e9)
            .map_or(Value::Null, Value::Number),
        4 => Value::String(random_string(rng)),
        5 | 6 => {
            let mut o = Map::new();
            for _ in 0..rng.below(7) {
                o.insert(
                    KEYS[rng.below(KEYS.len() as u64) as usize].to_string(),
                    random_json(rng, depth - 1),
                );
            }
            Value::Object(o)
        }
        _ => Value::Array(
            (0..rng.below(5))
                .map(|_| random_json(rng, depth - 1))
                .collect(),
        ),
    }
}

/// Replaces a random value inside `value` with a random one (wrong types in any field).
fn mutate_value(rng: &mut SplitMix, value: &mut Value, depth: u32) {
    if depth == 0 || rng.below(4) == 0 {
        *value = random_json(rng, 2);
        return;
    }
    match value {
        Value::Object(o) if !o.is_empty() => {
            let key = o.keys().nth(rng.below(o.len() as u64) as usize).cloned();
            if let Some(child) = key.and_then(|k| o.get_mut(&k)) {
                mutate_value(rng, child, depth - 1);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len() as u64) as usize;
            mutate_value(rng, &mut a[i], depth - 1);
        }
        _ => *value = random_json(rng, 2),
    }
}

/// Mutates text: bit flips, truncation, insertion of junk or duplication.
fn mutate_text(rng: &mut SplitMix, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len() as u64) as usize;
        match rng.below(4) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes.truncate(at),
            2 => {
                let junk: Vec<u8> = (0..rng.below(6)).map(|_| rng.below(256) as u8).collect();
                bytes.splice(at..at, junk);
            }
            _ => {
                let end = (at + rng.below(64) as usize).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

/// Runs one case of the import/restore fuzzer; panics only on a bug.
pub fn run_case(rng: &mut SplitMix, seed_file: &str, tally: &mut Tally) {
    tally.cases += 1;
    let text: String = match rng.below(4) {
        0 => String::from_utf8_lossy(
            &(0..rng.below(200))
                .map(|_| rng.below(256) as u8)
                .collect::<Vec<_>>(),
        )
        .into_owned(),
        1 => random_json(rng, 4).to_string(),
        2 => String::from_utf8_lossy(&mutate_text(rng, seed_file)).into_owned(),
        _ => {
            let mut v: Value = serde_json::from_str(seed_file).unwrap_or(Value::Null);
            for _ in 0..=rng.below(3) {
                mutate_value(rng, &mut v, 8);
            }
            v.to_string()
        }
    };
    match import_file(&text) {
        Ok(maps) => {
            tally.maps += 1;
            for m in maps {
                // Whatever was imported must re-export and re-import to the same map.
                let (_, again) = export_map_file(m.id.as_deref(), &m.map, 0.0);
                let back = import_file(&again).expect("a re-exported map imports");
                assert_eq!(
                    back[0].map, m.map,
                    "round trip after import changed the map"
                );
            }
        }
        Err(e) => {
            tally.errors += 1;
            assert!(!e.to_string().is_empty());
        }
    }
    let _ = envelope::open_envelope_text(&text);
    if let Ok(v) = serde_json::from_str::<Value>(&text) {
        let _ = restore_map(&v);
    }
}

/// A valid, rich file to mutate.
pub fn seed_file() -> String {
    let mut map = generated_map(3, 3, 12, 99);
    super::generate::add_plan(&mut map, 99);
    export_map_file(Some("fuzz"), &map, 0.0).1
}

/// Runs `cases` cases from `seed`.
pub fn run(seed: u64, cases: u64) -> Tally {
    let mut rng = SplitMix::new(seed);
    let seed_file = seed_file();
    let mut tally = Tally::default();
    for _ in 0..cases {
        run_case(&mut rng, &seed_file, &mut tally);
    }
    tally
}

/// Runs `cases` cases of the share-link fuzzer from `seed`: random text, random bytes
/// behind a valid header, and mutations of real links; every map that comes out must
/// round-trip. Returns (cases, opened, refused).
pub fn run_share(seed: u64, cases: u64) -> Tally {
    use super::share::{self, base64url};
    let mut rng = SplitMix::new(seed);
    let mut links: Vec<String> = (0..4)
        .map(|i| share::encode(&generated_map(2 + i, i, 3 * i, seed ^ i as u64)))
        .collect();
    let mut planned = generated_map(3, 2, 6, seed);
    super::generate::add_plan(&mut planned, seed);
    links.push(share::encode(&planned));
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut tally = Tally::default();
    for _ in 0..cases {
        tally.cases += 1;
        let payload: String = match rng.below(5) {
            0 => (0..rng.below(300))
                .map(|_| CHARS[rng.below(64) as usize] as char)
                .collect(),
            1 => {
                let mut bytes = vec![1u8, rng.below(2) as u8];
                bytes.extend((0..rng.below(200)).map(|_| rng.below(256) as u8));
                base64url::encode(&bytes)
            }
            2 => random_string(&mut rng),
            _ => {
                let link = &links[rng.below(links.len() as u64) as usize];
                String::from_utf8_lossy(&mutate_text(&mut rng, link)).into_owned()
            }
        };
        match share::decode(&payload) {
            Ok((map, _)) => {
                tally.maps += 1;
                let again = share::decode(&share::encode(&map)).expect("a decoded map re-encodes");
                assert_eq!(again.0, map, "round trip after decoding changed the map");
            }
            Err(e) => {
                tally.errors += 1;
                assert!(!e.to_string().is_empty());
            }
        }
        let _ = share::unseal(&payload);
        let _ = share::is_encrypted(&payload);
    }
    tally
}

/// Runs `cases` cases of the Mermaid importer's fuzzer from `seed`: mutations (inserted
/// syntax, cuts, random characters) of the fixtures and of the templates' exports. Every
/// refusal must name lines of the text with a reason; every import must give a valid map
/// whose export imports again to the same export.
pub fn run_mermaid(seed: u64, cases: u64) -> Tally {
    use super::mermaid::{export, import, Actors};
    use super::templates;
    use super::validate::is_valid;
    let mut rng = SplitMix::new(seed);
    let mut seeds: Vec<String> = [
        include_str!("../../tests/fixtures/mermaid/docs-user-journey.mmd"),
        include_str!("../../tests/fixtures/mermaid/docs-accessibility.mmd"),
        include_str!("../../tests/fixtures/mermaid/everything.mmd"),
        include_str!("../../tests/fixtures/mermaid/readme.md"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    seeds.extend(
        templates::TEMPLATES
            .iter()
            .filter_map(|t| templates::build(t.key))
            .map(|m| export(&m, Actors::Stakeholders).text),
    );
    const PIECES: &[&str] = &[
        ":",
        ";",
        "#",
        "#58;",
        "#quot;",
        "%%",
        "%%{",
        "}%%",
        "{",
        "}",
        "\n",
        "\r\n",
        "section ",
        "title ",
        "accDescr {",
        "accDescr:",
        "accTitle:",
        "journey",
        "---\n",
        "```mermaid\n",
        "```\n",
        "é",
        "😀",
        "İ",
        "9",
        "-1",
        "2.5",
        ",",
        " ",
        "\u{feff}",
    ];
    let mut tally = Tally::default();
    for _ in 0..cases {
        tally.cases += 1;
        let mut text = seeds[rng.below(seeds.len() as u64) as usize].clone();
        for _ in 0..1 + rng.below(6) {
            let mut at = rng.below(text.len() as u64 + 1) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => text.insert_str(at, PIECES[rng.below(PIECES.len() as u64) as usize]),
                1 => {
                    let mut end = (at + rng.below(8) as usize).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, "");
                }
                _ => text.insert(at, char::from_u32(rng.below(0x3000) as u32).unwrap_or('x')),
            }
        }
        match import(&text) {
            Ok(imported) => {
                tally.maps += 1;
                assert!(is_valid(&imported.map), "{text:?}");
                let out = export(&imported.map, Actors::Stakeholders).text;
                let again = import(&out).unwrap_or_else(|e| panic!("{e:?} for {out:?}"));
                assert_eq!(export(&again.map, Actors::Stakeholders).text, out);
            }
            Err(errors) => {
                tally.errors += 1;
                assert!(!errors.is_empty());
                let lines = text.split('\n').count();
                for e in errors {
                    assert!(e.line >= 1 && e.line <= lines, "{e} in {text:?}");
                    assert!(!e.reason.is_empty());
                }
            }
        }
    }
    tally
}

/// Runs `cases` cases of the CSV importer's fuzzer from `seed`: mutations (quotes,
/// separators, line ends, bad numbers, cuts) of the sample map's touchpoint and stakeholder
/// files, read into the sample map and into a blank one. Every file-level refusal must be
/// a message, every row left out must name its line, and every edit must apply and leave a
/// valid map.
pub fn run_csv(seed: u64, cases: u64) -> Tally {
    use super::csv_files::{export, import, Table};
    use super::map::JourneyMap;
    use super::templates;
    use super::validate::is_valid;
    let mut rng = SplitMix::new(seed);
    let sample = templates::sample_map();
    let targets = [sample.clone(), JourneyMap::blank("Blank")];
    let seeds = [
        export(&sample, Table::Touchpoints),
        export(&sample, Table::Stakeholders),
        "Touchpoint;Stage;Emotion\nA;B;1\n".to_string(),
    ];
    const PIECES: &[&str] = &[
        "\"",
        ",",
        ";",
        "\r\n",
        "\n",
        "\r",
        "é",
        "😀",
        "-3",
        "12",
        "+1",
        "−2",
        "yes",
        "maybe",
        "\u{feff}",
        "Touchpoint",
        "Name",
        "Stage",
        ",,,,,,,,,,,,",
        "\"\"",
    ];
    let mut tally = Tally::default();
    for _ in 0..cases {
        tally.cases += 1;
        let mut text = seeds[rng.below(seeds.len() as u64) as usize].clone();
        for _ in 0..1 + rng.below(6) {
            let mut at = rng.below(text.len() as u64 + 1) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => text.insert_str(at, PIECES[rng.below(PIECES.len() as u64) as usize]),
                1 => {
                    let mut end = (at + rng.below(16) as usize).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, "");
                }
                _ => text.insert(at, char::from_u32(rng.below(0x3000) as u32).unwrap_or('x')),
            }
        }
        let target = &targets[rng.below(2) as usize];
        let mut out = target.clone();
        match import(target, &text, &mut || out.new_id()) {
            Err(e) => {
                tally.errors += 1;
                assert!(!e.0.is_empty());
            }
            Ok(preview) => {
                let lines = text.split('\n').count() as u64;
                for e in &preview.errors {
                    assert!(e.line >= 1 && e.line <= lines, "{e} in {text:?}");
                    assert!(!e.reason.is_empty());
                }
                if preview.edit.is_some() || !preview.errors.is_empty() {
                    tally.maps += 1;
                } else {
                    tally.errors += 1;
                }
                if let Some(edit) = preview.edit {
                    edit.apply(&mut out).expect("the import's edit applies");
                    assert!(is_valid(&out), "{text:?}");
                }
            }
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_thousand_mangled_links_never_panic() {
        let tally = super::run_share(7, 1_000);
        assert_eq!(tally.maps + tally.errors, 1_000);
        assert!(tally.errors > 500, "{tally:?}");
        assert!(tally.maps > 0, "{tally:?}");
    }

    #[test]
    fn two_thousand_random_and_mutated_files_never_panic() {
        let tally = super::run(20261122, 2_000);
        assert_eq!(tally.cases, 2_000);
        assert_eq!(tally.maps + tally.errors, tally.cases);
        assert!(
            tally.maps > 100,
            "mutations of a valid file should often still import: {tally:?}"
        );
        assert!(
            tally.errors > 100,
            "random input should often be refused: {tally:?}"
        );
    }
}
