//! Writes a share-link fixture: the payload made today for a template and the JSON of the
//! map it must decode to in every later version.
//! `cargo run --example make_share_fixture -- <template-key> <out-dir>`

fn main() {
    let mut args = std::env::args().skip(1);
    let key = args.next().unwrap_or_else(|| "b2b-saas".into());
    let dir = args.next().unwrap_or_else(|| "tests/fixtures/share".into());
    let Some(map) = trailmap::model::templates::build(&key) else {
        eprintln!("no template “{key}”");
        std::process::exit(2);
    };
    let payload = trailmap::model::share::encode(&map);
    let json = serde_json::to_string_pretty(&map).unwrap_or_default();
    let v = trailmap::model::share::FORMAT_VERSION;
    for (ext, text) in [("link", &payload), ("json", &json)] {
        let path = format!("{dir}/v{v}-{key}.{ext}");
        match std::fs::write(&path, text) {
            Ok(()) => println!("wrote {path}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
