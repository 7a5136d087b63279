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
