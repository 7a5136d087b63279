//! Pure chart geometry: data ↔ pixel projections, label spreading and hit testing.
//! All coordinates are backing-store (device) pixels.

use crate::model::{Id, Level};

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Frame {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    /// Whether a point lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right() && y >= self.top && y <= self.bottom()
    }
}

/// x of the `index`-th of `count` touchpoints, centred in equal slots.
pub fn slot_x(frame: Frame, index: usize, count: usize) -> f64 {
    frame.left + (index as f64 + 0.5) * frame.width / count.max(1) as f64
}

/// y of an emotion score (−2 at the bottom, +2 at the top).
pub fn emotion_y(frame: Frame, score: f64) -> f64 {
    frame.top + (2.0 - score.clamp(-2.0, 2.0)) / 4.0 * frame.height
}

/// Cells on each axis of the matrix: levels 0..10, each centred in its own cell, so the
/// split between "low" (0–4) and "high" (5–10) falls on a cell boundary.
const CELLS: f64 = 11.0;

/// x of an interest level on the matrix.
pub fn interest_x(frame: Frame, level: f64) -> f64 {
    frame.left + (level + 0.5) / CELLS * frame.width
}

/// y of an influence level on the matrix (high at the top).
pub fn influence_y(frame: Frame, level: f64) -> f64 {
    frame.bottom() - (level + 0.5) / CELLS * frame.height
}

/// The x of the quadrant split (between levels 4 and 5).
pub fn split_x(frame: Frame) -> f64 {
    frame.left + f64::from(Level::SPLIT) / CELLS * frame.width
}

/// The y of the quadrant split (between levels 4 and 5).
pub fn split_y(frame: Frame) -> f64 {
    frame.bottom() - f64::from(Level::SPLIT) / CELLS * frame.height
}

/// The interest level under pixel `x`, clamped to 0..10.
pub fn x_to_interest(frame: Frame, x: f64) -> Level {
    Level::clamped(((x - frame.left) / frame.width * CELLS - 0.5).round() as i64)
}

/// The influence level under pixel `y`, clamped to 0..10.
pub fn y_to_influence(frame: Frame, y: f64) -> Level {
    Level::clamped(((frame.bottom() - y) / frame.height * CELLS - 0.5).round() as i64)
}

/// Moves points that would sit on top of each other onto a small ring around their
/// shared spot, in input order, so that every point and label stays visible.
pub fn spread(points: &[(f64, f64)], gap: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        let same = points[..out.len()]
            .iter()
            .filter(|p| (p.0 - x).abs() < 0.5 && (p.1 - y).abs() < 0.5)
            .count();
        if same == 0 {
            out.push((x, y));
        } else {
            // 6 per ring, rings growing outwards.
            let ring = 1 + (same - 1) / 6;
            let angle = (same - 1) as f64 * std::f64::consts::TAU / 6.0 + ring as f64 * 0.5;
            let r = gap * ring as f64;
            out.push((x + r * angle.cos(), y + r * angle.sin()));
        }
    }
    out
}

/// The id of the point nearest to (`x`, `y`) within `radius`, if any.
pub fn nearest(points: &[(Id, f64, f64)], x: f64, y: f64, radius: f64) -> Option<Id> {
    points
        .iter()
        .map(|(id, px, py)| (*id, (px - x).hypot(py - y)))
        .filter(|(_, d)| *d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// Where a point's label goes: its text starts at (`x`, `y`) and runs right, or (when
/// `before` is set) ends there; `y` is the text's vertical centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    /// The x where the text starts (or ends, when `before`).
    pub x: f64,
    /// The text's vertical centre.
    pub y: f64,
    /// The text ends at `x`: it sits left of its point.
    pub before: bool,
}

/// Places each point's label beside it, so that no label covers another label or any
/// point, and all stay inside `bounds`. Greedy, in input order (draw the important
/// points first): a label tries the right of its point, then the left, then just above
/// and below on either side. A label with no free place is left out (`None`): its point
/// is still drawn, and the chart's table names it.
/// `sizes` are the labels' widths and heights; `radius` is a point's; `gap` the space
/// between a point and its label.
pub fn place_labels(
    points: &[(f64, f64)],
    sizes: &[(f64, f64)],
    radius: f64,
    gap: f64,
    bounds: Frame,
) -> Vec<Option<LabelSpot>> {
    // Boxes as (left, top, right, bottom).
    type Box4 = (f64, f64, f64, f64);
    let overlaps = |a: Box4, b: Box4| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
    let dots: Vec<Box4> = points
        .iter()
        .map(|&(x, y)| (x - radius, y - radius, x + radius, y + radius))
        .collect();
    let mut taken: Vec<Box4> = Vec::new();
    points
        .iter()
        .zip(sizes)
        .enumerate()
        .map(|(i, (&(x, y), &(w, h)))| {
            let (right, left) = (x + radius + gap, x - radius - gap);
            // Above or below: clear of the points on the same line.
            let shift = h / 2.0 + radius + 2.0;
            let candidates = [
                (right, y, false),
                (left, y, true),
                (right, y - shift, false),
                (right, y + shift, false),
                (left, y - shift, true),
                (left, y + shift, true),
            ];
            let spot = candidates.into_iter().find_map(|(lx, ly, before)| {
                let left_edge = if before { lx - w } else { lx };
                let b = (left_edge, ly - h / 2.0, left_edge + w, ly + h / 2.0);
                let inside = b.0 >= bounds.left
                    && b.2 <= bounds.right()
                    && b.1 >= bounds.top
                    && b.3 <= bounds.bottom();
                let free = !taken.iter().any(|&t| overlaps(t, b))
                    && !dots
                        .iter()
                        .enumerate()
                        .any(|(j, &d)| j != i && overlaps(d, b));
                (inside && free).then_some((
                    b,
                    LabelSpot {
                        x: lx,
                        y: ly,
                        before,
                    },
                ))
            });
            spot.map(|(b, spot)| {
                taken.push(b);
                spot
            })
        })
        .collect()
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Frame = Frame {
        left: 10.0,
        top: 20.0,
        width: 110.0,
        height: 110.0,
    };

    /// A placed label's box, as (left, top, right, bottom).
    fn label_box(spot: LabelSpot, (w, h): (f64, f64)) -> (f64, f64, f64, f64) {
        let left = if spot.before { spot.x - w } else { spot.x };
        (left, spot.y - h / 2.0, left + w, spot.y + h / 2.0)
    }

    #[test]
    fn a_lone_label_sits_right_of_its_point_or_left_near_the_right_edge() {
        let plot = Frame {
            left: 0.0,
            top: 0.0,
            width: 400.0,
            height: 300.0,
        };
        let spots = place_labels(
            &[(100.0, 100.0), (390.0, 200.0)],
            &[(80.0, 14.0); 2],
            7.0,
            5.0,
            plot,
        );
        assert_eq!(
            spots[0],
            Some(LabelSpot {
                x: 112.0,
                y: 100.0,
                before: false
            })
        );
        assert_eq!(
            spots[1],
            Some(LabelSpot {
                x: 378.0,
                y: 200.0,
                before: true
            })
        );
    }

    #[test]
    fn labels_of_nearby_points_do_not_overlap_each_other_or_any_point() {
        let plot = Frame {
            left: 0.0,
            top: 0.0,
            width: 600.0,
            height: 400.0,
        };
        // A crowded corner: points 10 px apart, as on a value–effort matrix with equal
        // scores spread on a ring, and a row of points at one value.
        let mut points: Vec<(f64, f64)> = (0..12)
            .map(|i| {
                (
                    200.0 + f64::from(i % 4) * 10.0,
                    150.0 + f64::from(i / 4) * 10.0,
                )
            })
            .collect();
        points.extend((0..6).map(|i| (50.0 + f64::from(i) * 60.0, 300.0)));
        let sizes: Vec<(f64, f64)> = (0..points.len())
            .map(|i| (if i < 12 { 60.0 + i as f64 * 5.0 } else { 50.0 }, 14.0))
            .collect();
        let spots = place_labels(&points, &sizes, 7.0, 5.0, plot);
        let boxes: Vec<_> = spots
            .iter()
            .zip(&sizes)
            .filter_map(|(s, &size)| s.map(|s| label_box(s, size)))
            .collect();
        // The row has room above and below: every label there is placed; of the crowd
        // (a 30 × 20 px knot of twelve), some are.
        assert!(spots[12..].iter().all(Option::is_some), "{spots:?}");
        assert!(
            boxes.len() >= 10,
            "most labels find a place: {}",
            boxes.len()
        );
        let overlap = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
            a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
        };
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.0 >= 0.0 && a.2 <= 600.0 && a.1 >= 0.0 && a.3 <= 400.0,
                "inside: {a:?}"
            );
            for b in &boxes[i + 1..] {
                assert!(!overlap(*a, *b), "{a:?} overlaps {b:?}");
            }
            for &(x, y) in &points {
                assert!(
                    !overlap(*a, (x - 7.0, y - 7.0, x + 7.0, y + 7.0)),
                    "{a:?} covers the point at {x}, {y}"
                );
            }
        }
    }

    #[test]
    fn slots_are_centred_and_emotions_run_bottom_to_top() {
        assert_eq!(slot_x(F, 0, 2), 37.5);
        assert_eq!(slot_x(F, 1, 2), 92.5);
        assert_eq!(emotion_y(F, 2.0), 20.0);
        assert_eq!(emotion_y(F, -2.0), 130.0);
        assert_eq!(emotion_y(F, 0.0), 75.0);
        assert_eq!(emotion_y(F, 9.0), 20.0, "clamped");
    }

    #[test]
    fn levels_and_pixels_round_trip() {
        for v in 0..=10 {
            let l = Level::clamped(v);
            let x = interest_x(F, f64::from(l.value()));
            let y = influence_y(F, f64::from(l.value()));
            assert_eq!(x_to_interest(F, x), l);
            assert_eq!(y_to_influence(F, y), l);
            // A few pixels off still lands on the same level.
            assert_eq!(x_to_interest(F, x + 3.0), l);
        }
        assert_eq!(x_to_interest(F, -500.0).value(), 0);
        assert_eq!(y_to_influence(F, -500.0).value(), 10);
    }

    #[test]
    fn the_split_separates_four_from_five() {
        assert!(interest_x(F, 4.0) < split_x(F) && split_x(F) < interest_x(F, 5.0));
        assert!(influence_y(F, 5.0) < split_y(F) && split_y(F) < influence_y(F, 4.0));
    }

    #[test]
    fn overlapping_points_are_spread_apart() {
        let pts = vec![(50.0, 50.0); 8];
        let out = spread(&pts, 10.0);
        assert_eq!(out[0], (50.0, 50.0));
        for i in 0..out.len() {
            for j in i + 1..out.len() {
                let d = (out[i].0 - out[j].0).hypot(out[i].1 - out[j].1);
                assert!(d > 4.0, "points {i} and {j} overlap: {d}");
            }
        }
        assert_eq!(
            spread(&[(1.0, 1.0), (9.0, 9.0)], 10.0),
            vec![(1.0, 1.0), (9.0, 9.0)]
        );
    }

    #[test]
    fn nearest_finds_the_closest_point_within_reach() {
        let pts = [(Id(1), 0.0, 0.0), (Id(2), 10.0, 0.0)];
        assert_eq!(nearest(&pts, 7.0, 1.0, 5.0), Some(Id(2)));
        assert_eq!(nearest(&pts, 50.0, 50.0, 5.0), None);
    }

    #[test]
    fn long_text_is_truncated_with_an_ellipsis() {
        assert_eq!(truncate("Awareness", 20), "Awareness");
        assert_eq!(truncate("Adoption and expansion", 10), "Adoption …");
    }
}
