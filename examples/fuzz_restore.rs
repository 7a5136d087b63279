//! Fuzzes file import, envelope opening and tolerant restore with random bytes, random
//! JSON and mutations of a valid file; any panic is a bug.
//!
//! `cargo run --release --example fuzz_restore -- [cases=100000] [seed]`

fn main() {
    let (cases, seed) = trailmap::model::fuzzing::cli_args(100_000);
    println!("fuzz_restore: {cases} cases, seed {seed}");
    let started = std::time::Instant::now();
    let tally = trailmap::model::fuzzing::run(seed, cases);
    println!(
        "ran {} cases in {:.1}s: {} imported a map, {} refused with a message, 0 panics",
        tally.cases,
        started.elapsed().as_secs_f64(),
        tally.maps,
        tally.errors
    );
}
