//! Writes a share-link fixture: the payload made today (in the current link format) for
//! a map, and the JSON of the map it must decode to in every later version. The maps: a
//! template by key, `hand-made` (the benchmark's hand-made map of 30 touchpoints) or
//! `edited-b2b-saas` (the benchmark's B2B SaaS template after a workshop) or
//! `planned-b2b-saas` (that map with a RICE plan: format 3's "more card fields" section)
//! or `reviewed` (the schema-4 file fixture's map: metrics and reviews, format 3's
//! sections 8 and 10).
//!
//! `cargo run --example make_share_fixture -- <template-key | hand-made | edited-b2b-saas | planned-b2b-saas | reviewed> [out-dir]`
//!
//! Never overwrite a fixture that exists: links already made must keep opening.

#[path = "bench_share.rs"]
#[allow(dead_code)]
mod bench;

fn main() {
    let mut args = std::env::args().skip(1);
    let key = args.next().unwrap_or_else(|| "b2b-saas".into());
    let dir = args.next().unwrap_or_else(|| "tests/fixtures/share".into());
    let map = match key.as_str() {
        "hand-made" => bench::hand_made(),
        "edited-b2b-saas" => bench::edited_template(),
        "planned-b2b-saas" => bench::planned(),
        "reviewed" => {
            let text = include_str!("../tests/fixtures/schema/v4.trailmap.json");
            trailmap::model::persist::envelope::open_envelope_text(text)
                .expect("the schema-4 fixture opens")
                .map
        }
        _ => match trailmap::model::templates::build(&key) {
            Some(map) => map,
            None => {
                eprintln!("no template “{key}” (or use hand-made or edited-b2b-saas)");
                std::process::exit(2);
            }
        },
    };
    let payload = trailmap::model::share::encode(&map);
    let json = serde_json::to_string_pretty(&map).unwrap_or_default();
    let v = trailmap::model::share::FORMAT_VERSION;
    for (ext, text) in [("link", &payload), ("json", &json)] {
        let path = format!("{dir}/v{v}-{key}.{ext}");
        if std::path::Path::new(&path).exists() {
            eprintln!("{path} exists: fixtures are never overwritten");
            std::process::exit(1);
        }
        match std::fs::write(&path, text) {
            Ok(()) => println!("wrote {path}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
