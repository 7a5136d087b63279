//! The value–effort matrix of opportunities: effort on x, value on y, each 1 to 10, split
//! between 5 and 6 into quick wins, big bets, fill-ins and time sinks (see
//! [`crate::model::value_effort`]); one labelled point per scored opportunity.

use super::geometry::{nearest, place_labels, spread, truncate, Frame};
use super::palette::{BLUE, INK, MUTED, PAPER};
use super::quadrants::{draw_label, draw_quadrants, draw_titles, label_sizes, px};
use super::{font, ChartError};
use crate::model::value_effort::{self, Matrix, ValueEffortQuadrant, HIGH, MAX};
use crate::model::Id;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueEffortOptions {
    /// Device pixel ratio: fonts, strokes and markers scale by it.
    pub scale: f64,
    /// Extra factor for type only (1 on canvas; SVG exports set 1.24, as for the others).
    pub text_scale: f64,
    /// The opportunity selected (hovered, focused or dragged).
    pub selected: Option<Id>,
    /// An opportunity shown at a place other than the map's (while dragging):
    /// (id, value, effort).
    pub dragging: Option<(Id, u8, u8)>,
}

impl Default for ValueEffortOptions {
    fn default() -> Self {
        ValueEffortOptions {
            scale: 1.0,
            text_scale: 1.0,
            selected: None,
            dragging: None,
        }
    }
}

/// Where things were drawn, for hit testing and dragging.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueEffortLayout {
    /// The plot area (backing-store pixels).
    pub plot: Option<Frame>,
    /// Drawn points: (opportunity, x, y).
    pub points: Vec<(Id, f64, f64)>,
    /// Device pixel ratio it was drawn at.
    pub scale: f64,
}

/// Cells per axis: scores 1 to 10, each centred in its own cell.
const CELLS: f64 = MAX as f64;

fn score_x(f: Frame, score: f64) -> f64 {
    f.left + (score - 0.5) / CELLS * f.width
}

fn score_y(f: Frame, score: f64) -> f64 {
    f.bottom() - (score - 0.5) / CELLS * f.height
}

impl ValueEffortLayout {
    /// The opportunity drawn under a backing-store pixel.
    pub fn hit(&self, x: f64, y: f64) -> Option<Id> {
        nearest(&self.points, x, y, 16.0 * self.scale)
    }

    /// The (value, effort) of the cell under a backing-store pixel, clamped to 1..10.
    pub fn scores_at(&self, x: f64, y: f64) -> Option<(u8, u8)> {
        self.plot.map(|f| {
            let effort = ((x - f.left) / f.width * CELLS + 0.5).round() as i64;
            let value = ((f.bottom() - y) / f.height * CELLS + 0.5).round() as i64;
            (value_effort::clamp(value), value_effort::clamp(effort))
        })
    }

    /// The pixel of (value, effort).
    pub fn pixel_of(&self, value: u8, effort: u8) -> Option<(f64, f64)> {
        self.plot
            .map(|f| (score_x(f, f64::from(effort)), score_y(f, f64::from(value))))
    }
}

/// Draws `matrix` on `area`.
pub fn draw_value_effort<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    matrix: &Matrix,
    options: &ValueEffortOptions,
) -> Result<ValueEffortLayout, ChartError> {
    let s = options.scale.max(0.5);
    let t = s * options.text_scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&PAPER)?;
    let side = (w - 70.0 * s).min(h - 50.0 * s).max(20.0);
    let plot = Frame {
        left: 56.0 * s,
        top: 14.0 * s,
        width: side,
        height: side,
    };
    let mut layout = ValueEffortLayout {
        plot: Some(plot),
        scale: s,
        ..ValueEffortLayout::default()
    };
    let split = f64::from(HIGH) - 0.5;
    let (sx, sy) = (score_x(plot, split), score_y(plot, split));
    let quadrants = [
        (
            ValueEffortQuadrant::QuickWin,
            plot.left,
            plot.top,
            sx,
            sy,
            RGBColor(232, 246, 239),
        ),
        (
            ValueEffortQuadrant::BigBet,
            sx,
            plot.top,
            plot.right(),
            sy,
            RGBColor(235, 245, 255),
        ),
        (
            ValueEffortQuadrant::FillIn,
            plot.left,
            sy,
            sx,
            plot.bottom(),
            RGBColor(246, 248, 250),
        ),
        (
            ValueEffortQuadrant::TimeSink,
            sx,
            sy,
            plot.right(),
            plot.bottom(),
            RGBColor(254, 236, 236),
        ),
    ];
    let quadrants = quadrants.map(|(q, x0, y0, x1, y1, tint)| (q.label(), x0, y0, x1, y1, tint));
    draw_quadrants(area, plot, (sx, sy), &quadrants, (s, t))?;
    for v in [1.0, 5.0, 6.0, 10.0] {
        area.draw(&Text::new(
            format!("{v}"),
            (px(score_x(plot, v)), px(plot.bottom() + 6.0 * s)),
            font(11.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        area.draw(&Text::new(
            format!("{v}"),
            (px(plot.left - 6.0 * s), px(score_y(plot, v))),
            font(11.0 * t, &MUTED).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let empty = matrix
        .points
        .is_empty()
        .then(|| "No opportunity has a value and an effort yet.".to_string());
    draw_titles(area, plot, ("Effort →", "Value →"), empty, (s, t))?;

    let placed: Vec<(Id, &str, u8, u8)> = matrix
        .points
        .iter()
        .map(|p| match options.dragging {
            Some((id, v, e)) if id == p.card => (p.card, p.text.as_str(), v, e),
            _ => (p.card, p.text.as_str(), p.value, p.effort),
        })
        .collect();
    let raw: Vec<(f64, f64)> = placed
        .iter()
        .map(|&(_, _, v, e)| (score_x(plot, f64::from(e)), score_y(plot, f64::from(v))))
        .collect();
    let spots = spread(&raw, 16.0 * s);
    let r = 7.0 * s;
    let stroke = (2.5 * s).round().max(1.0) as u32;
    let labels: Vec<String> = placed
        .iter()
        .map(|&(_, text, _, _)| {
            truncate(
                if text.is_empty() {
                    "(no text yet)"
                } else {
                    text
                },
                24,
            )
        })
        .collect();
    let spots_of_labels = place_labels(&spots, &label_sizes(&labels, t), r, 5.0 * s, plot);
    for (((&(id, _, _, _), &(x, y)), label), spot) in
        placed.iter().zip(&spots).zip(labels).zip(spots_of_labels)
    {
        area.draw(&Circle::new((px(x), px(y)), px(r), BLUE.filled()))?;
        if options.selected == Some(id) {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(r + 6.0 * s),
                INK.stroke_width(stroke),
            ))?;
        }
        if let Some(spot) = spot {
            draw_label(area, label, spot, font(12.0 * t, &INK))?;
        }
        layout.points.push((id, x, y));
    }
    Ok(layout)
}

/// The matrix as an SVG document of `width` × `height` pixels.
pub fn value_effort_svg(
    matrix: &Matrix,
    options: &ValueEffortOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let options = ValueEffortOptions {
            text_scale: super::SVG_TEXT_SCALE,
            ..options.clone()
        };
        draw_value_effort(&area, matrix, &options)?;
        area.present()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates;

    #[test]
    fn the_template_draws_its_quadrants_and_points_and_pixels_map_back_to_scores() {
        let map = templates::build("b2b-saas").unwrap();
        let matrix = value_effort::place(&map);
        assert!(!matrix.points.is_empty());
        let svg = value_effort_svg(&matrix, &ValueEffortOptions::default(), 640, 480).unwrap();
        for q in ValueEffortQuadrant::ALL {
            assert!(svg.contains(q.label()), "{}", q.label());
        }
        let mut out = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut out, (640, 480)).into_drawing_area();
            draw_value_effort(&area, &matrix, &ValueEffortOptions::default()).unwrap()
        };
        assert_eq!(layout.points.len(), matrix.points.len());
        for v in 1..=10 {
            for e in 1..=10 {
                let (x, y) = layout.pixel_of(v, e).unwrap();
                assert_eq!(layout.scores_at(x, y), Some((v, e)));
            }
        }
        // Far outside the plot clamps to the scale.
        assert_eq!(layout.scores_at(-500.0, 5000.0), Some((1, 1)));
    }
}
