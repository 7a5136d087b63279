//! Fuzzes the share-link decoder with random text, random bytes behind a valid header and
//! mutations of real links; any panic is a bug.
//!
//! `cargo run --release --example fuzz_share -- [cases=100000] [seed]`

fn main() {
    let (cases, seed) = trailmap::model::fuzzing::cli_args(100_000);
    println!("fuzz_share: {cases} cases, seed {seed}");
    let started = std::time::Instant::now();
    let tally = trailmap::model::fuzzing::run_share(seed, cases);
    println!(
        "ran {} cases in {:.1}s: {} opened as a map, {} refused with a message, 0 panics",
        tally.cases,
        started.elapsed().as_secs_f64(),
        tally.maps,
        tally.errors
    );
}
