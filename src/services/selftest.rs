//! Self-tests and benchmarks that must run in the real release build, reached by
//! `#/selftest/<name>`: nothing links to them; the test and benchmark scripts open them.
//!
//! - `crash`: panics on purpose (the crash panel's test);
//! - `large-map`: stores a generated map of 12 stages, 8 stakeholders and 400 touchpoints
//!   as `bench-large` and opens it (the editor benchmark);
//! - `priorities-map`: the same map with 100 pain points (some unscored) and 60
//!   opportunities with plan data, stored as `bench-priorities` and opened (the
//!   Priorities benchmark);
//! - `trends-bench`: on a map of 12 reviews × 40 metrics × 400 touchpoints, times the
//!   Trends view's charts drawn on a canvas, the compare of two reviews (and of a review
//!   with now), and gives the share link's size with 0 and 12 reviews (the trends
//!   benchmark);
//! - `storage-bench`: times saving and loading a ~1 MB map in localStorage and prints
//!   the figures as JSON (the storage benchmark);
//! - `save-cost-bench`: times saving a ~100 KB map with no other map stored and with 49
//!   others of ~100 KB (the storage benchmark's 1-vs-50 figure);
//! - `chart-bench`: times redraws of the curve (400 touchpoints × 8 stakeholders) and the
//!   matrix (60 stakeholders) on a canvas (the chart benchmark);
//! - `share-bench`: times opening a realistic shared map (the first decode in the page,
//!   priming included, then repeats), and encoding and decoding the generated
//!   400-touchpoint map (the share benchmark);
//! - `share-steps-bench`: the same first open as the shared page does it, the coder
//!   warmed up in steps between which the browser may run other tasks.

use crate::adapters::route::replace;
use crate::adapters::storage::LocalStore;
use crate::model::generate::generated_map;
use crate::model::persist::{self, KeyValueStore, LoadOutcome};
use crate::routes::Route;
use crate::services::workspace::{now, Workspace};
use crate::ui::app::NotFound;
use leptos::prelude::*;

/// Id the editor benchmark's map is stored under.
pub const LARGE_MAP_ID: &str = "bench-large";
/// Id the Priorities benchmark's map is stored under.
pub const PRIORITIES_MAP_ID: &str = "bench-priorities";

fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now, |p| p.now())
}

/// The median and p95 of `runs` timings of `f`, in ms.
fn timed(runs: usize, f: impl Fn()) -> (f64, f64) {
    let times = (0..runs)
        .map(|_| {
            let t0 = performance_now();
            f();
            performance_now() - t0
        })
        .collect();
    median_p95(times)
}

/// A canvas of its own for the chart benchmarks (never put in the page).
fn bench_canvas() -> Option<web_sys::HtmlCanvasElement> {
    use wasm_bindgen::JsCast;
    document()
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()
}

fn median_p95(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    let at = |q: f64| xs[((q * xs.len() as f64).ceil() as usize).clamp(1, xs.len()) - 1];
    (at(0.5), at(0.95))
}

/// Saves and loads a ~1 MB map `runs` times; returns the figures as JSON.
fn storage_bench(runs: usize) -> String {
    let mut map = generated_map(12, 8, 1200, 7);
    for card in &mut map.cards {
        card.notes = "Interview notes: ".to_string() + &card.quote.repeat(7);
    }
    let mut store = LocalStore::open();
    let id = "bench-storage";
    let (mut saves, mut loads, mut serializes, mut writes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut bytes = 0;
    let mut revision = None;
    for _ in 0..runs {
        // The parts of a save, measured alone: serializing, and writing the text.
        let ts = performance_now();
        let text = persist::envelope::write_envelope(&map, now(), 0);
        let tw = performance_now();
        let _ = store.set("trailmap:bench-write", &text);
        serializes.push(tw - ts);
        writes.push(performance_now() - tw);
        let _ = store.remove("trailmap:bench-write");
        let t0 = performance_now();
        let saved = persist::save_map(&mut store, id, &map, revision, now());
        let t1 = performance_now();
        let loaded = persist::load_map(&mut store, id, now());
        let t2 = performance_now();
        match (saved, loaded) {
            (Ok(s), Ok(LoadOutcome::Loaded { .. })) => {
                revision = Some(s.revision);
                saves.push(t1 - t0);
                loads.push(t2 - t1);
            }
            (s, l) => return format!("{{\"error\":\"{:?} / {:?}\"}}", s.err(), l.err()),
        }
        bytes = store
            .get(&persist::map_key(id))
            .ok()
            .flatten()
            .map_or(0, |s| s.len());
    }
    let _ = persist::delete_map(&mut store, id);
    let (save_med, save_p95) = median_p95(saves);
    let (load_med, load_p95) = median_p95(loads);
    let (ser_med, _) = median_p95(serializes);
    let (write_med, _) = median_p95(writes);
    format!(
        "{{\"runs\":{runs},\"bytes\":{bytes},\"save_median_ms\":{save_med:.2},\"save_p95_ms\":{save_p95:.2},\"load_median_ms\":{load_med:.2},\"load_p95_ms\":{load_p95:.2},\"serialize_median_ms\":{ser_med:.2},\"write_median_ms\":{write_med:.2}}}"
    )
}

/// A generated map of about `kb` KB stored.
fn map_of_size(kb: usize, seed: u64) -> crate::model::JourneyMap {
    let mut map = generated_map(8, 6, 120, seed);
    let mut i = 0;
    while persist::envelope::write_envelope(&map, 0.0, 1).len() < kb * 1024 {
        let n = i % map.cards.len();
        map.cards[n]
            .notes
            .push_str("Interview notes: the team asked about pricing tiers. ");
        i += 1;
    }
    map
}

/// Waits `ms` milliseconds without blocking the page.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// localStorage, counting the characters each call reads and writes (no timing: the
/// count costs nothing beside a call).
struct Counted {
    inner: LocalStore,
    read: std::cell::Cell<usize>,
    written: usize,
}

impl KeyValueStore for Counted {
    fn get(&self, key: &str) -> Result<Option<String>, persist::StoreError> {
        let value = self.inner.get(key)?;
        self.read
            .set(self.read.get() + value.as_ref().map_or(0, String::len));
        Ok(value)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), persist::StoreError> {
        self.written += value.len();
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), persist::StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, persist::StoreError> {
        self.inner.keys()
    }
}

/// The room left in localStorage, in characters (to within 1,024), by probe writes.
fn free_room(raw: &web_sys::Storage) -> usize {
    let (mut lo, mut hi) = (0usize, 12_000_000usize);
    while hi - lo > 1024 {
        let mid = (lo + hi) / 2;
        if raw
            .set_item("trailmap:bench-room", &"x".repeat(mid))
            .is_ok()
        {
            lo = mid;
        } else {
            hi = mid;
        }
        let _ = raw.remove_item("trailmap:bench-room");
    }
    lo
}

/// Times saves of a ~100 KB map as the app saves it after an edit of a card, with no other
/// map stored and with
/// 49 other maps of ~100 KB (which fill localStorage), in alternating rounds (the browser
/// is given two seconds to commit the others to disk before each round, so that work is
/// not timed); returns the medians as JSON, with the characters a save reads and writes,
/// the room left, and the medians of a bare `setItem` of the same text over the map's own
/// entry beside them (the browser's own share of the cost).
async fn save_cost_bench(rounds: usize, saves: usize) -> String {
    let Some(raw) = window().local_storage().ok().flatten() else {
        return "{\"error\":\"no localStorage\"}".into();
    };
    let mut store = Counted {
        inner: LocalStore::open(),
        read: Default::default(),
        written: 0,
    };
    let id = "bench-cost-target";
    let key = persist::map_key(id);
    let others: Vec<String> = (0..49).map(|i| format!("bench-cost-{i}")).collect();
    let mut map = map_of_size(100, 0);
    let bytes = persist::envelope::write_envelope(&map, 0.0, 1).len();
    let mut revision = None;
    // Per crowd (1 map stored, 50): save times, control times, characters read and
    // written by the saves, room left.
    let mut times = [Vec::new(), Vec::new()];
    let mut control = [Vec::new(), Vec::new()];
    let mut moved = [(0, 0); 2];
    let mut room = [0; 2];
    let mut error = None;
    'rounds: for round in 0..rounds {
        for crowd in [0, 1] {
            if crowd == 1 {
                for (i, other) in others.iter().enumerate() {
                    let m = map_of_size(100, i as u64 + 1);
                    if let Err(e) = persist::save_map(&mut store, other, &m, None, now()) {
                        error = Some(format!("storing map {} of 49: {e}", i + 1));
                        break 'rounds;
                    }
                }
            }
            room[crowd] = free_room(&raw);
            sleep(2000).await;
            for run in 0..saves {
                // An edit of a card's notes, as most edits are (one of the title or a
                // count would also rewrite the index, as the map list shows those).
                map.cards[0].notes = format!("Save-cost benchmark, round {round}, edit {run}");
                let (read0, written0) = (store.read.get(), store.written);
                let t0 = performance_now();
                let saved = persist::save_map(&mut store, id, &map, revision, now());
                let ms = performance_now() - t0;
                match saved {
                    Ok(s) => revision = Some(s.revision),
                    Err(e) => {
                        error = Some(e.to_string());
                        break 'rounds;
                    }
                }
                times[crowd].push(ms);
                moved[crowd].0 += store.read.get() - read0;
                moved[crowd].1 += store.written - written0;
                // The control: localStorage alone writing the text just saved over it.
                let text = raw.get_item(&key).ok().flatten().unwrap_or_default();
                let t1 = performance_now();
                let ok = raw.set_item(&key, &text).is_ok();
                control[crowd].push(performance_now() - t1);
                if !ok {
                    error = Some("the control write was refused".into());
                    break 'rounds;
                }
            }
            if crowd == 1 {
                for other in &others {
                    let _ = persist::delete_map(&mut store, other);
                }
            }
        }
    }
    for other in others.iter().map(String::as_str).chain([id]) {
        let _ = persist::delete_map(&mut store, other);
    }
    if let Some(e) = error {
        return format!("{{\"error\":\"{e}\"}}");
    }
    let n = (rounds * saves).max(1);
    let [alone, crowded] = times;
    let [raw_alone, raw_crowded] = control;
    let (one, _) = median_p95(alone);
    let (fifty, _) = median_p95(crowded);
    let (raw_one, _) = median_p95(raw_alone);
    let (raw_fifty, _) = median_p95(raw_crowded);
    format!(
        "{{\"rounds\":{rounds},\"saves\":{saves},\"bytes\":{bytes},\"save_1_map_ms\":{one:.3},\"save_50_maps_ms\":{fifty:.3},\"write_1_map_ms\":{raw_one:.3},\"write_50_maps_ms\":{raw_fifty:.3},\"read_1_map_chars\":{},\"written_1_map_chars\":{},\"read_50_maps_chars\":{},\"written_50_maps_chars\":{},\"room_1_map_chars\":{},\"room_50_maps_chars\":{}}}",
        moved[0].0 / n,
        moved[0].1 / n,
        moved[1].0 / n,
        moved[1].1 / n,
        room[0],
        room[1]
    )
}

/// Redraws the curve of 400 touchpoints × 8 stakeholders and the matrix of 60
/// stakeholders on a canvas `runs` times each; returns the figures as JSON.
fn chart_bench(runs: usize) -> String {
    use crate::adapters::canvas::{backend, CanvasSize};
    use crate::charts::curve::{draw_emotion_curve, CurveOptions};
    use crate::charts::matrix::{draw_matrix, MatrixOptions};
    use crate::model::{Level, Stakeholder};
    use plotters::prelude::IntoDrawingArea;

    let Some(canvas) = bench_canvas() else {
        return "{\"error\":\"no canvas\"}".into();
    };
    let curve_map = generated_map(12, 8, 400, 5);
    let mut matrix_map = generated_map(1, 0, 0, 5);
    for i in 0..60 {
        let id = matrix_map.new_id();
        matrix_map.stakeholders.push(Stakeholder {
            id,
            name: format!("Stakeholder {}", i + 1),
            influence: Level::clamped((i * 7 % 11) as i64),
            interest: Level::clamped((i * 3 % 11) as i64),
            ..Stakeholder::default()
        });
    }
    let time = |size: CanvasSize,
                draw: &dyn Fn(
        &plotters::drawing::DrawingArea<crate::adapters::canvas::Canvas, plotters::coord::Shift>,
    )| {
        let redraw = || {
            if let Some(back) = backend(&canvas, size) {
                draw(&back.into_drawing_area());
            }
        };
        // One untimed draw first: sizing the canvas's backing store is not a redraw.
        redraw();
        timed(runs, redraw)
    };
    let curve_opts = CurveOptions {
        by_stakeholder: true,
        ..CurveOptions::default()
    };
    let (c_med, c_p95) = time(
        CanvasSize {
            width: 1400,
            height: 460,
            dpr: 1.0,
        },
        &|a| {
            let _ = draw_emotion_curve(a, &curve_map, &curve_opts);
        },
    );
    let (m_med, m_p95) = time(
        CanvasSize {
            width: 640,
            height: 700,
            dpr: 1.0,
        },
        &|a| {
            let _ = draw_matrix(a, &matrix_map, &MatrixOptions::default());
        },
    );
    format!(
        "{{\"runs\":{runs},\"curve_median_ms\":{c_med:.2},\"curve_p95_ms\":{c_p95:.2},\"matrix_median_ms\":{m_med:.2},\"matrix_p95_ms\":{m_p95:.2}}}"
    )
}

/// Times the share-link coder in the browser; returns the figures as JSON. The first
/// decode is timed alone: it is what a stakeholder who opens a link waits for.
fn share_bench(runs: usize) -> String {
    use crate::model::share;
    let hand_made = include_str!("../../tests/fixtures/share/v3-hand-made.link").trim();
    let t0 = performance_now();
    let first = share::decode(hand_made);
    let first_ms = performance_now() - t0;
    if let Err(e) = first {
        return format!("{{\"error\":\"{e}\"}}");
    }
    let time = |f: &dyn Fn()| timed(runs, f).0;
    let again_ms = time(&|| {
        let _ = share::decode(hand_made);
    });
    let big = generated_map(12, 8, 400, 4);
    let big_link = share::encode(&big);
    let encode_ms = time(&|| {
        let _ = share::encode(&big);
    });
    let decode_ms = time(&|| {
        let _ = share::decode(&big_link);
    });
    let roundtrip_ok = share::decode(&big_link).is_ok_and(|(m, _)| m == big);
    // An old format-2 link of a template, for comparison (its heavier coder).
    let v2 = include_str!("../../tests/fixtures/share/v2-six-stage-b2b.link").trim();
    let t0 = performance_now();
    let v2_ok = share::decode(v2).is_ok();
    let v2_first_ms = performance_now() - t0;
    format!(
        "{{\"runs\":{runs},\"hand_made_chars\":{},\"first_open_ms\":{first_ms:.2},\"open_again_median_ms\":{again_ms:.2},\"large_chars\":{},\"large_encode_median_ms\":{encode_ms:.2},\"large_decode_median_ms\":{decode_ms:.2},\"large_round_trip\":{roundtrip_ok},\"v2_first_open_ms\":{v2_first_ms:.2},\"v2_ok\":{v2_ok}}}",
        hand_made.len(),
        big_link.len()
    )
}

/// Opens a realistic shared link as the viewer does, in steps of 1 KB (the coder's
/// priming, then the decoding); returns the total and the longest step.
fn share_steps_bench() -> String {
    use crate::model::share;
    let hand_made = include_str!("../../tests/fixtures/share/v3-hand-made.link").trim();
    let t0 = performance_now();
    let mut longest: f64 = 0.0;
    let mut steps = 0;
    let mut opening = share::decode_in_steps(hand_made).expect("the fixture starts");
    let ok = loop {
        let s0 = performance_now();
        let done = opening.step(1024);
        longest = longest.max(performance_now() - s0);
        steps += 1;
        if let Some(done) = done {
            break done.is_ok();
        }
    };
    let total_ms = performance_now() - t0;
    format!(
        "{{\"steps\":{steps},\"longest_step_ms\":{longest:.2},\"total_ms\":{total_ms:.2},\"ok\":{ok}}}"
    )
}

/// A benchmark page: lets the page paint first, then runs `bench` on the main thread as
/// the app would, and shows the JSON it returns for the benchmark script to read.
fn bench_page(title: &'static str, bench: impl FnOnce() -> String + 'static) -> AnyView {
    let result = RwSignal::new(String::new());
    set_timeout(
        move || result.set(bench()),
        std::time::Duration::from_millis(50),
    );
    view! {
        <section class="page">
            <h1>{title}</h1>
            <pre data-testid="bench-result">{move || result.get()}</pre>
        </section>
    }
    .into_any()
}

/// Stores a generated map under `id` and opens it, as a user would from the map list.
fn store_and_open(id: &'static str, map: crate::model::JourneyMap) -> AnyView {
    let workspace = expect_context::<Workspace>();
    match workspace.save_force(id, &map) {
        Ok(_) => {
            replace(&Route::MapList);
            let _ = window()
                .location()
                .set_hash(&Route::Map(id.into()).to_hash());
            view! { <p>"Opening the generated map…"</p> }.into_any()
        }
        Err(e) => view! { <p data-testid="bench-result">{format!("{{\"error\":\"{e}\"}}")}</p> }
            .into_any(),
    }
}

/// Times the Trends view's work on a map of 12 reviews × 40 metrics × 400 touchpoints:
/// each chart drawn on a canvas at the view's width (1200 CSS px, three panels a row),
/// the compare of the first and last review and of the last review with now (its
/// capture included); and the share link's length with no review and with 12.
fn trends_bench(runs: usize) -> String {
    use crate::adapters::canvas::{backend, CanvasSize};
    use crate::charts::trends::{
        draw_trends, height_for, metric_panels, remeasured_panels, stage_panels, TrendOptions,
    };
    use crate::model::generate::{add_plan, add_reviews};
    use crate::model::{dates::Date, reviews, share};
    use plotters::prelude::IntoDrawingArea;

    let Some(canvas) = bench_canvas() else {
        return "{\"error\":\"no canvas\"}".into();
    };
    let mut map = generated_map(12, 8, 400, 7);
    add_plan(&mut map, 3);
    add_reviews(&mut map, 40, 12, 11);
    // The same map without its reviews, for the link's length per review.
    let mut bare = map.clone();
    bare.reviews.clear();
    let time = |f: &dyn Fn()| timed(runs, f);
    let mut charts = Vec::new();
    for (name, panels) in [
        ("metrics", metric_panels(&map, true)),
        ("stages", stage_panels(&map)),
        ("remeasured", remeasured_panels(&map)),
    ] {
        let size = CanvasSize {
            width: 1200,
            height: height_for(panels.len(), 3),
            dpr: 1.0,
        };
        let draw = || {
            if let Some(back) = backend(&canvas, size) {
                let _ = draw_trends(&back.into_drawing_area(), &panels, &TrendOptions::default());
            }
        };
        draw(); // sizing the canvas's backing store is not a redraw
        let (median, p95) = time(&draw);
        charts.push(format!(
            "{{\"name\":\"{name}\",\"panels\":{},\"height\":{},\"median_ms\":{median:.2},\"p95_ms\":{p95:.2}}}",
            panels.len(),
            size.height
        ));
    }
    let (first, last) = (&map.reviews[0], &map.reviews[map.reviews.len() - 1]);
    let (compare, compare_p95) = time(&|| {
        let _ = reviews::diff(first, last, &[&map]);
    });
    let Some(today) = Date::parse("2027-06-30") else {
        return "{\"error\":\"date\"}".into();
    };
    let (with_now, _) = time(&|| {
        let now = reviews::capture(&map, today, "");
        let _ = reviews::diff(last, &now, &[&map]);
    });
    let (bytes_0, bytes_12) = (share::encode(&bare).len(), share::encode(&map).len());
    format!(
        "{{\"runs\":{runs},\"reviews\":{},\"metrics\":40,\"touchpoints\":{},\"charts\":[{}],\"compare_median_ms\":{compare:.3},\"compare_p95_ms\":{compare_p95:.3},\"compare_now_median_ms\":{with_now:.3},\"link_chars_no_review\":{bytes_0},\"link_chars_12_reviews\":{bytes_12}}}",
        map.reviews.len(),
        map.touchpoints().len(),
        charts.join(",")
    )
}

/// A self-test page.
#[component]
pub fn SelfTestPage(name: String) -> impl IntoView {
    match name.as_str() {
        "crash" => panic!("self-test: a deliberate crash to check the crash panel"),
        "large-map" => store_and_open(LARGE_MAP_ID, generated_map(12, 8, 400, 1)),
        "priorities-map" => {
            let mut map = generated_map(12, 8, 400, 1);
            crate::model::generate::add_priorities(&mut map, 100, 60, 5);
            store_and_open(PRIORITIES_MAP_ID, map)
        }
        "trends-bench" => bench_page("Trends benchmark", || trends_bench(21)),
        "storage-bench" => bench_page("Storage benchmark", || storage_bench(21)),
        "save-cost-bench" => {
            let result = RwSignal::new(String::new());
            leptos::task::spawn_local(async move {
                sleep(50).await;
                result.set(save_cost_bench(3, 7).await);
            });
            view! {
                <section class="page">
                    <h1>"Save cost with 1 and 50 maps stored"</h1>
                    <pre data-testid="bench-result">{move || result.get()}</pre>
                </section>
            }
            .into_any()
        }
        "chart-bench" => bench_page("Chart benchmark", || chart_bench(31)),
        "share-bench" => bench_page("Share-link benchmark", || share_bench(7)),
        "share-steps-bench" => bench_page("Share-link benchmark, in steps", share_steps_bench),
        _ => view! { <NotFound what="This self-test".to_string()/> }.into_any(),
    }
}
