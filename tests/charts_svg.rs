//! The charts drawn to SVG natively: the same code that draws on canvas in the browser.

use plotters::prelude::*;
use trailmap::charts::curve::{
    curve_rows, curve_svg, draw_emotion_curve, CurveModel, CurveOptions,
};
use trailmap::charts::matrix::{draw_matrix, matrix_groups, matrix_svg, MatrixOptions};
use trailmap::model::generate::generated_map;
use trailmap::model::{templates, Emotion, JourneyMap, Level, Quadrant, Stakeholder};

fn template() -> JourneyMap {
    templates::build("six-stage-b2b").unwrap()
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn the_curve_shows_stage_names_axis_labels_and_every_scored_touchpoint() {
    let map = template();
    let svg = curve_svg(&map, &CurveOptions::default(), 1800, 600).unwrap();
    for stage in &map.stages {
        assert!(svg.contains(&stage.name), "stage “{}” missing", stage.name);
    }
    for label in ["very negative", "neutral", "very positive"] {
        assert!(svg.contains(label));
    }
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (1800, 600)).into_drawing_area();
        draw_emotion_curve(&area, &map, &CurveOptions::default()).unwrap()
    };
    let scored = map
        .touchpoints()
        .iter()
        .filter(|c| c.emotion.is_some())
        .count();
    assert_eq!(layout.points.len(), scored);
    // Moments of truth get a ring of their own colour (138, 90, 0).
    let moments = map
        .touchpoints()
        .iter()
        .filter(|c| c.moment_of_truth && c.emotion.is_some())
        .count();
    assert!(moments > 0);
    assert_eq!(
        count(&svg, "stroke=\"#8A5A00\""),
        moments + 1,
        "one ring per moment of truth, plus the legend's"
    );
}

#[test]
fn hovering_finds_the_touchpoint_and_its_words() {
    let map = template();
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (1400, 500)).into_drawing_area();
        draw_emotion_curve(&area, &map, &CurveOptions::default()).unwrap()
    };
    let (id, x, y) = layout.points[3];
    assert_eq!(layout.hit(x + 4.0, y - 4.0), Some(id));
    assert_eq!(layout.hit(2.0, 2.0), None);
    let row = curve_rows(&map).into_iter().find(|r| r.id == id).unwrap();
    assert!(!row.quote.is_empty());
}

#[test]
fn the_dashed_to_be_curve_appears_only_where_to_be_scores_exist() {
    let mut map = template();
    let with = curve_svg(&map, &CurveOptions::default(), 1400, 500).unwrap();
    assert!(with.contains("to-be (target)"));
    for c in &mut map.cards {
        c.to_be = None;
    }
    let without = curve_svg(&map, &CurveOptions::default(), 1400, 500).unwrap();
    assert!(!without.contains("to-be (target)"));
    assert!(
        count(&with, "<polyline") > count(&without, "<polyline"),
        "dashes are drawn as short segments"
    );
}

#[test]
fn one_line_per_stakeholder_and_hidden_ones_are_not_drawn() {
    let map = template();
    let by = CurveOptions {
        by_stakeholder: true,
        ..CurveOptions::default()
    };
    let model = CurveModel::of(&map, &by);
    assert!(model.lines.len() >= 3);
    let svg = curve_svg(&map, &by, 1800, 600).unwrap();
    let first = &model.lines[0].label;
    assert!(svg.contains(first.as_str()));
    let hidden_id = map
        .stakeholders
        .iter()
        .find(|s| &s.name == first)
        .unwrap()
        .id;
    let hide = CurveOptions {
        by_stakeholder: true,
        hidden: vec![hidden_id],
        ..CurveOptions::default()
    };
    let model2 = CurveModel::of(&map, &hide);
    assert_eq!(model2.lines.len(), model.lines.len() - 1);
    assert!(model2.lines.iter().all(|l| &l.label != first));
}

#[test]
fn scale_two_doubles_the_type() {
    let map = template();
    let one = curve_svg(&map, &CurveOptions::default(), 1400, 500).unwrap();
    let two = curve_svg(
        &map,
        &CurveOptions {
            scale: 2.0,
            ..CurveOptions::default()
        },
        2800,
        1000,
    )
    .unwrap();
    let sizes = |svg: &str| -> Vec<f64> {
        svg.split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect()
    };
    let near = |xs: &[f64], v: f64| xs.iter().any(|x| (x - v).abs() < 0.01);
    assert!(
        near(&sizes(&one), 13.0),
        "stage names at 13 px: {:?}",
        sizes(&one)
    );
    assert!(
        near(&sizes(&two), 26.0),
        "stage names at 26 px when scale is 2"
    );
    assert!(!near(&sizes(&two), 13.0));
}

#[test]
fn empty_and_tiny_maps_draw_a_message_not_a_panic() {
    let blank = JourneyMap::blank("Empty");
    let svg = curve_svg(&blank, &CurveOptions::default(), 800, 400).unwrap();
    assert!(svg.contains("No touchpoints yet"));
    let mut unscored = template();
    unscored.cards.iter_mut().for_each(|c| c.emotion = None);
    assert!(curve_svg(&unscored, &CurveOptions::default(), 800, 400)
        .unwrap()
        .contains("No emotion scores yet"));
    assert!(curve_svg(&template(), &CurveOptions::default(), 1, 1).is_ok());
    let big = generated_map(12, 8, 400, 3);
    assert!(curve_svg(
        &big,
        &CurveOptions {
            by_stakeholder: true,
            ..CurveOptions::default()
        },
        1600,
        600
    )
    .is_ok());
}

#[test]
fn the_matrix_names_the_quadrants_and_plots_every_stakeholder() {
    let map = template();
    let svg = matrix_svg(&map, &MatrixOptions::default(), 700, 760).unwrap();
    for q in Quadrant::ALL {
        assert!(svg.contains(q.label()), "{} missing", q.label());
    }
    for s in &map.stakeholders {
        let shown = trailmap::charts::geometry::truncate(&s.name, 24);
        assert!(svg.contains(&shown), "{} missing", s.name);
    }
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (700, 760)).into_drawing_area();
        draw_matrix(&area, &map, &MatrixOptions::default()).unwrap()
    };
    assert_eq!(layout.points.len(), map.stakeholders.len());
    let (id, x, y) = layout.points[0];
    assert_eq!(layout.hit(x, y), Some(id));
    let s = map.stakeholder(id).unwrap();
    assert_eq!(layout.levels_at(x, y), Some((s.influence, s.interest)));
}

#[test]
fn dragging_to_a_pixel_gives_levels_and_back() {
    let map = template();
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (600, 660)).into_drawing_area();
        draw_matrix(&area, &map, &MatrixOptions::default()).unwrap()
    };
    for (infl, inter) in [(0, 0), (10, 10), (5, 4), (9, 2)] {
        let (x, y) = layout
            .pixel_of(Level::clamped(infl), Level::clamped(inter))
            .unwrap();
        assert_eq!(
            layout.levels_at(x, y),
            Some((Level::clamped(infl), Level::clamped(inter)))
        );
    }
    assert_eq!(
        layout.levels_at(-100.0, 10_000.0),
        Some((Level::clamped(0), Level::clamped(0)))
    );
}

#[test]
fn sixty_stakeholders_on_one_spot_stay_apart() {
    let mut map = JourneyMap::blank("Crowd");
    for i in 0..60 {
        let id = map.new_id();
        map.stakeholders.push(Stakeholder {
            id,
            name: format!("Person {i}"),
            influence: Level::clamped(5),
            interest: Level::clamped(5),
            ..Stakeholder::default()
        });
    }
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (800, 860)).into_drawing_area();
        draw_matrix(&area, &map, &MatrixOptions::default()).unwrap()
    };
    assert_eq!(layout.points.len(), 60);
    let distinct: std::collections::HashSet<(i64, i64)> = layout
        .points
        .iter()
        .map(|(_, x, y)| (*x as i64, *y as i64))
        .collect();
    assert_eq!(distinct.len(), 60);
}

#[test]
fn quadrant_groups_list_every_stakeholder_once_with_its_engagement() {
    let map = template();
    let groups = matrix_groups(&map);
    assert_eq!(groups.len(), 4);
    assert_eq!(
        groups.iter().map(|(_, g)| g.len()).sum::<usize>(),
        map.stakeholders.len()
    );
    assert!(groups
        .iter()
        .all(|(q, g)| g.iter().all(|s| s.quadrant() == *q)));
    assert!(!Quadrant::ManageClosely.engagement().is_empty());
    let _ = Emotion::NEUTRAL;
}

#[test]
fn the_pain_matrix_names_its_quadrants_and_plots_every_scored_pain() {
    use trailmap::charts::pain_matrix::{draw_pain_matrix, pain_matrix_svg, PainMatrixOptions};
    use trailmap::model::pain_matrix::{place, PainAxes, PainQuadrant};
    use trailmap::model::priorities;
    let map = template();
    let ranking = priorities::rank(&map);
    for axes in PainAxes::ALL {
        let matrix = place(&map, &ranking, axes);
        assert!(matrix.points.len() >= 3, "the template's pains are scored");
        let options = PainMatrixOptions {
            axes,
            ..PainMatrixOptions::default()
        };
        let svg = pain_matrix_svg(&matrix, &options, 700, 760).unwrap();
        for q in PainQuadrant::ALL {
            assert!(svg.contains(q.label()), "{} missing", q.label());
        }
        let (x_name, y_name) = axes.names();
        assert!(svg.contains(&format!("{x_name} →")) && svg.contains(&format!("{y_name} →")));
        // The top friction points carry their rank (when this pair of scores has them).
        for p in matrix.points.iter().filter(|p| p.top.is_some()) {
            assert!(svg.contains(&format!("Top {}", p.top.unwrap())));
        }
        let mut out = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut out, (700, 760)).into_drawing_area();
            draw_pain_matrix(&area, &matrix, &options).unwrap()
        };
        assert_eq!(layout.points.len(), matrix.points.len());
        // Every point can be found under the pointer, even where several share a cell.
        for &(id, x, y) in &layout.points {
            assert_eq!(layout.hit(x, y), Some(id));
        }
        // Higher on the y score is higher on the screen.
        let hi = matrix.points.iter().max_by_key(|p| p.y).unwrap();
        let lo = matrix.points.iter().min_by_key(|p| p.y).unwrap();
        if hi.y > lo.y {
            assert!(layout.pixel_of(hi.card).unwrap().1 < layout.pixel_of(lo.card).unwrap().1);
        }
    }
}

#[test]
fn a_pain_matrix_with_nothing_scored_says_so() {
    use trailmap::charts::pain_matrix::{pain_matrix_svg, PainMatrixOptions};
    use trailmap::model::pain_matrix::PainMatrix;
    let svg = pain_matrix_svg(
        &PainMatrix::default(),
        &PainMatrixOptions::default(),
        400,
        300,
    )
    .unwrap();
    assert!(svg.contains("No pain point has a severity and a frequency score yet."));
    // Too small to hold a plot: still a picture, no panic.
    assert!(pain_matrix_svg(
        &PainMatrix::default(),
        &PainMatrixOptions::default(),
        10,
        10
    )
    .is_ok());
}
