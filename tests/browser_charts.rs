//! The charts drawn on a real canvas in headless Chromium: pixels where the layout says.
#![cfg(target_arch = "wasm32")]

use plotters::prelude::IntoDrawingArea;
use trailmap::adapters::canvas::{backend, CanvasSize};
use trailmap::charts::curve::{draw_emotion_curve, CurveOptions};
use trailmap::charts::matrix::{draw_matrix, MatrixOptions};
use trailmap::model::{templates, JourneyMap, Level, RoleType, Stakeholder, Stance};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> web_sys::HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: web_sys::HtmlCanvasElement = document.create_element("canvas").unwrap().unchecked_into();
    document.body().unwrap().append_child(&c).unwrap();
    c
}

fn pixel(c: &web_sys::HtmlCanvasElement, x: f64, y: f64) -> (u8, u8, u8) {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx
        .get_image_data(x.round(), y.round(), 1.0, 1.0)
        .unwrap()
        .data();
    (data[0], data[1], data[2])
}

#[wasm_bindgen_test]
fn a_supporter_is_a_filled_dot_of_its_role_colour_where_the_layout_says() {
    let mut map = JourneyMap::blank("Pixels");
    let id = map.new_id();
    map.stakeholders.push(Stakeholder {
        id,
        name: "CFO".into(),
        role_type: RoleType::DecisionMaker,
        stance: Stance::Supporter,
        influence: Level::clamped(9),
        interest: Level::clamped(8),
        ..Stakeholder::default()
    });
    let c = canvas();
    let size = CanvasSize {
        width: 400,
        height: 460,
        dpr: 2.0,
    };
    let area = backend(&c, size).unwrap().into_drawing_area();
    let layout = draw_matrix(
        &area,
        &map,
        &MatrixOptions {
            scale: 2.0,
            ..MatrixOptions::default()
        },
    )
    .unwrap();
    // The backing store is CSS size × devicePixelRatio.
    assert_eq!((c.width(), c.height()), (800, 920));
    let (_, x, y) = layout.points[0];
    assert_eq!(
        pixel(&c, x, y),
        (0, 114, 178),
        "decision-maker blue at the point"
    );
    // Far from any point: the quadrant tint, not the dot.
    assert_ne!(pixel(&c, x - 60.0, y + 60.0), (0, 114, 178));
}

#[wasm_bindgen_test]
fn the_curve_draws_its_points_on_canvas() {
    let map = templates::build("b2b-saas").unwrap();
    let c = canvas();
    let area = backend(
        &c,
        CanvasSize {
            width: 900,
            height: 400,
            dpr: 1.0,
        },
    )
    .unwrap()
    .into_drawing_area();
    let layout = draw_emotion_curve(&area, &map, &CurveOptions::default()).unwrap();
    assert!(!layout.points.is_empty());
    let (_, x, y) = layout.points[0];
    assert_eq!(
        pixel(&c, x, y),
        (15, 94, 89),
        "persona line colour at a point"
    );
    assert_eq!(layout.hit(x + 2.0, y + 2.0), Some(layout.points[0].0));
}
