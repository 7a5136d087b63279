//! Fuzzes the CSV importer (touchpoints and stakeholders); any panic is a bug. Mutations
//! of the sample map's files read into the sample map and a blank one: every refusal is a
//! message, every row left out names its line, every edit applies to a valid map.
//!
//! `cargo run --release --features selftest --example fuzz_csv -- [cases=100000] [seed]`

fn main() {
    let (cases, seed) = trailmap::model::fuzzing::cli_args(100_000);
    let started = std::time::Instant::now();
    let tally = trailmap::model::fuzzing::run_csv(seed, cases);
    println!(
        "fuzz_csv: ran {} cases (seed {seed}) in {:.1}s: {} read (rows added or left out with their line), {} refused as a whole with a message, 0 panics",
        tally.cases,
        started.elapsed().as_secs_f64(),
        tally.maps,
        tally.errors
    );
}
