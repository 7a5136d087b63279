//! Fuzzes the Mermaid `journey` importer; any panic is a bug. Mutations of the fixtures
//! and of the templates' exports: every refusal names its lines with a reason, every
//! import is a valid map whose export imports again to the same export.
//!
//! `cargo run --release --features selftest --example fuzz_mermaid -- [cases=100000] [seed]`

fn main() {
    let (cases, seed) = trailmap::model::fuzzing::cli_args(100_000);
    let started = std::time::Instant::now();
    let tally = trailmap::model::fuzzing::run_mermaid(seed, cases);
    println!(
        "fuzz_mermaid: ran {} cases (seed {seed}) in {:.1}s: {} imported as a map, {} refused with line and reason, 0 panics",
        tally.cases,
        started.elapsed().as_secs_f64(),
        tally.maps,
        tally.errors
    );
}
