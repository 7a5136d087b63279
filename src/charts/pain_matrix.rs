//! The pain-point matrix: one point per scored pain point, placed by two of its scores
//! (severity × frequency, or business impact × magnitude; see
//! [`crate::model::pain_matrix`]), sized by the other two, coloured by the effort to
//! resolve, in four named quadrants; the top friction points carry their rank.

use super::geometry::{nearest, spread, Frame};
use super::palette::{GREEN, INK, MUTED, ORANGE, PAPER, VERMILLION};
use super::quadrants::{draw_quadrants, draw_titles, px};
use super::{font, ChartError};
use crate::model::pain_matrix::{PainAxes, PainMatrix, PainQuadrant, HIGH};
use crate::model::Id;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct PainMatrixOptions {
    /// Device pixel ratio: fonts, strokes and markers scale by it.
    pub scale: f64,
    /// Extra factor for type only (1 on canvas; SVG exports set 1.24, as for the others).
    pub text_scale: f64,
    /// Which scores place the points.
    pub axes: PainAxes,
    /// The pain point selected (hovered or focused).
    pub selected: Option<Id>,
}

impl Default for PainMatrixOptions {
    fn default() -> Self {
        PainMatrixOptions {
            scale: 1.0,
            text_scale: 1.0,
            axes: PainAxes::default(),
            selected: None,
        }
    }
}

/// Where the points were drawn, for hover and click.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PainMatrixLayout {
    /// The plot area (backing-store pixels).
    pub plot: Option<Frame>,
    /// Drawn points: (pain point, x, y).
    pub points: Vec<(Id, f64, f64)>,
    /// Device pixel ratio it was drawn at.
    pub scale: f64,
}

impl PainMatrixLayout {
    /// The pain point drawn under a backing-store pixel.
    pub fn hit(&self, x: f64, y: f64) -> Option<Id> {
        nearest(&self.points, x, y, 16.0 * self.scale)
    }

    /// Where the pain point was drawn.
    pub fn pixel_of(&self, id: Id) -> Option<(f64, f64)> {
        self.points
            .iter()
            .find(|p| p.0 == id)
            .map(|&(_, x, y)| (x, y))
    }
}

/// Cells per axis: scores 1 to 5, each centred in its own cell.
const CELLS: f64 = 5.0;

fn score_x(f: Frame, score: f64) -> f64 {
    f.left + (score - 0.5) / CELLS * f.width
}

fn score_y(f: Frame, score: f64) -> f64 {
    f.bottom() - (score - 0.5) / CELLS * f.height
}

/// The colour of an effort to resolve, and its name in the legend.
pub fn effort_color(effort: Option<u8>) -> (RGBColor, &'static str) {
    match effort {
        Some(1 | 2) => (GREEN, "low effort (1–2)"),
        Some(3) => (ORANGE, "medium effort (3)"),
        Some(_) => (VERMILLION, "high effort (4–5)"),
        None => (MUTED, "effort not scored"),
    }
}

/// Draws `matrix` on `area`.
pub fn draw_pain_matrix<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    matrix: &PainMatrix,
    options: &PainMatrixOptions,
) -> Result<PainMatrixLayout, ChartError> {
    let s = options.scale.max(0.5);
    let t = s * options.text_scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&PAPER)?;
    let legend_h = 52.0 * s;
    let side = (w - 70.0 * s).min(h - 50.0 * s - legend_h).max(20.0);
    let plot = Frame {
        left: 56.0 * s,
        top: 14.0 * s,
        width: side,
        height: side,
    };
    let mut layout = PainMatrixLayout {
        plot: Some(plot),
        scale: s,
        ..PainMatrixLayout::default()
    };
    // The split falls between 3 and 4 on both axes.
    let split = f64::from(HIGH) - 0.5;
    let (sx, sy) = (score_x(plot, split), score_y(plot, split));
    let quadrants = [
        (
            PainQuadrant::FixFirst,
            sx,
            plot.top,
            plot.right(),
            sy,
            RGBColor(254, 236, 236),
        ),
        (
            PainQuadrant::PlanAFix,
            plot.left,
            plot.top,
            sx,
            sy,
            RGBColor(255, 247, 230),
        ),
        (
            PainQuadrant::ReduceTheNoise,
            sx,
            sy,
            plot.right(),
            plot.bottom(),
            RGBColor(235, 245, 255),
        ),
        (
            PainQuadrant::Watch,
            plot.left,
            sy,
            sx,
            plot.bottom(),
            RGBColor(246, 248, 250),
        ),
    ];
    let quadrants = quadrants.map(|(q, x0, y0, x1, y1, tint)| (q.label(), x0, y0, x1, y1, tint));
    draw_quadrants(area, plot, (sx, sy), &quadrants, (s, t))?;

    let (x_name, y_name) = options.axes.names();
    for v in 1..=5 {
        let v = f64::from(v);
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
    let empty = matrix.points.is_empty().then(|| {
        format!(
            "No pain point has a {} and a {} score yet.",
            y_name.to_lowercase(),
            x_name.to_lowercase()
        )
    });
    draw_titles(
        area,
        plot,
        (&format!("{x_name} →"), &format!("{y_name} →")),
        empty,
        (s, t),
    )?;

    // Points, spread apart where they share a cell; the biggest drawn first, so that
    // small ones stay visible on top.
    let raw: Vec<(f64, f64)> = matrix
        .points
        .iter()
        .map(|p| (score_x(plot, f64::from(p.x)), score_y(plot, f64::from(p.y))))
        .collect();
    let spots = spread(&raw, 18.0 * s);
    // Area grows with the product (1 to 25): radius 5 to 14.
    let radius = |size: Option<u8>| (5.0 + (f64::from(size.unwrap_or(1)) / 25.0).sqrt() * 9.0) * s;
    let mut order: Vec<usize> = (0..matrix.points.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| {
        matrix.points[b].size.cmp(&matrix.points[a].size)
    });
    let stroke = (2.0 * s).round().max(1.0) as u32;
    for i in order {
        let p = &matrix.points[i];
        let (x, y) = spots[i];
        let r = radius(p.size);
        let (color, _) = effort_color(p.effort);
        if p.effort.is_some() {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(r),
                color.mix(0.85).filled(),
            ))?;
        } else {
            area.draw(&Circle::new((px(x), px(y)), px(r), PAPER.filled()))?;
        }
        area.draw(&Circle::new(
            (px(x), px(y)),
            px(r),
            color.stroke_width(stroke),
        ))?;
        if options.selected == Some(p.card) {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(r + 5.0 * s),
                INK.stroke_width(stroke),
            ))?;
        }
        if let Some(rank) = p.top {
            area.draw(&Text::new(
                format!("Top {rank}"),
                (px(x + r + 4.0 * s), px(y)),
                font(12.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        layout.points.push((p.card, x, y));
    }

    // Legend: what size and colour mean.
    let ly = plot.bottom() + 50.0 * s;
    let mut lx = plot.left;
    for effort in [Some(1), Some(3), Some(5), None] {
        let (color, label) = effort_color(effort);
        area.draw(&Circle::new(
            (px(lx + 6.0 * s), px(ly)),
            px(6.0 * s),
            color.stroke_width(stroke),
        ))?;
        if effort.is_some() {
            area.draw(&Circle::new(
                (px(lx + 6.0 * s), px(ly)),
                px(5.0 * s),
                color.filled(),
            ))?;
        }
        area.draw(&Text::new(
            label.to_string(),
            (px(lx + 16.0 * s), px(ly)),
            font(11.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        lx += 28.0 * s + label.chars().count() as f64 * 6.2 * s;
    }
    area.draw(&Text::new(
        format!("Bigger point: higher {}", options.axes.size_name()),
        (px(plot.left), px(ly + 20.0 * s)),
        font(11.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(layout)
}

/// The matrix as an SVG document of `width` × `height` pixels.
pub fn pain_matrix_svg(
    matrix: &PainMatrix,
    options: &PainMatrixOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let options = PainMatrixOptions {
            text_scale: super::SVG_TEXT_SCALE,
            ..options.clone()
        };
        draw_pain_matrix(&area, matrix, &options)?;
        area.present()?;
    }
    Ok(out)
}
