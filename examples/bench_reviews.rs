//! Benchmark of reviews on a big map: 12 reviews × 40 metrics × 400 touchpoints.
//! Prints the median time to compare two reviews (and a review with now), to build the
//! trend panels, to draw each Trends chart (to SVG natively: the same drawing code the
//! canvas runs), and the share link's size with 0 and 12 reviews.
//!
//! `cargo run --release --features selftest --example bench_reviews`

use plotters::prelude::*;
use std::time::Instant;
use trailmap::charts::trends::{
    draw_trends, metric_panels, remeasured_panels, stage_panels, TrendOptions,
};
use trailmap::model::generate::{add_plan, add_reviews, generated_map};
use trailmap::model::reviews;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn main() {
    let mut map = generated_map(12, 8, 400, 7);
    add_plan(&mut map, 3);
    let bare = map.clone();
    add_reviews(&mut map, 40, 12, 11);
    println!(
        "map: {} stages, {} touchpoints, {} metrics, {} reviews",
        map.stages.len(),
        map.touchpoints().len(),
        map.cards.iter().filter(|c| c.metric.is_some()).count(),
        map.reviews.len()
    );
    let (a, b) = (&map.reviews[0], &map.reviews[11]);
    let mut changes = 0;
    let compare = median_ms(51, || changes = reviews::diff(a, b, &[&map]).metrics.len());
    let now = median_ms(51, || {
        let now = reviews::capture(
            &map,
            trailmap::model::dates::Date::parse("2027-06-30").unwrap(),
            "",
        );
        changes = reviews::diff(b, &now, &[&map]).emotions.len();
    });
    println!("compare two reviews: median {compare:.3} ms (target ≤ 16 ms)");
    println!("compare a review with now (capture included): median {now:.3} ms");
    let panels = [
        ("metrics", metric_panels(&map, true)),
        ("stages", stage_panels(&map)),
        ("remeasured", remeasured_panels(&map)),
    ];
    let build = median_ms(21, || {
        let _ = metric_panels(&map, true);
        let _ = stage_panels(&map);
    });
    println!("build the metric and stage panels: median {build:.3} ms");
    for (name, p) in &panels {
        let height = trailmap::charts::trends::height_for(p.len(), 3);
        let draw = median_ms(21, || {
            let mut out = String::with_capacity(1 << 20);
            let area = SVGBackend::with_string(&mut out, (1200, height)).into_drawing_area();
            draw_trends(&area, p, &TrendOptions::default()).unwrap();
            area.present().unwrap();
        });
        let per_panel = draw / p.len().max(1) as f64;
        println!(
            "draw {name}: {} panels at 1200 × {height}: median {draw:.3} ms ({per_panel:.3} ms a panel; target ≤ 8 ms a chart)",
            p.len()
        );
    }
    let l0 = trailmap::model::share::encode(&bare).len();
    let mut with_metrics = map.clone();
    with_metrics.reviews.clear();
    let lm = trailmap::model::share::encode(&with_metrics).len();
    let l12 = trailmap::model::share::encode(&map).len();
    println!(
        "share link: {l0} characters without metrics, {lm} with 40 metrics, {l12} with 12 reviews: {:.0} characters a review",
        (l12 - lm) as f64 / 12.0
    );
}
