//! The frame the three quadrant charts share (influence–interest, pain-point and
//! value–effort matrices): the four tinted quadrants with their labels in the outer
//! corners, the border and the split lines, the axis titles and the empty-chart message.
//! Each chart keeps its own scales, ticks and points.

use super::geometry::{Frame, LabelSpot};
use super::palette::{GRID, INK, MUTED};
use super::{font, ChartError};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A length in device pixels as plotters takes it.
pub(crate) fn px(v: f64) -> i32 {
    v.round() as i32
}

/// One quadrant: its label, its corners (x0, y0, x1, y1 in device pixels) and its tint.
pub(crate) type Quadrant<'a> = (&'a str, f64, f64, f64, f64, RGBColor);

/// Draws the quadrants of `plot`, split at `(sx, sy)`, each label in its outer corner,
/// then the border and the split lines; `s` scales strokes, `t` type.
pub(crate) fn draw_quadrants<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: Frame,
    (sx, sy): (f64, f64),
    quadrants: &[Quadrant<'_>],
    (s, t): (f64, f64),
) -> Result<(), ChartError> {
    for &(label, x0, y0, x1, y1, tint) in quadrants {
        area.draw(&Rectangle::new(
            [(px(x0), px(y0)), (px(x1), px(y1))],
            tint.filled(),
        ))?;
        let (tx, anchor_h) = if x0 < sx {
            (x0 + 8.0 * s, HPos::Left)
        } else {
            (x1 - 8.0 * s, HPos::Right)
        };
        let (ty, anchor_v) = if y0 < sy {
            (y0 + 8.0 * s, VPos::Top)
        } else {
            (y1 - 8.0 * s, VPos::Bottom)
        };
        area.draw(&Text::new(
            label.to_string(),
            (px(tx), px(ty)),
            font(14.0 * t, &INK).pos(Pos::new(anchor_h, anchor_v)),
        ))?;
    }
    area.draw(&Rectangle::new(
        [
            (px(plot.left), px(plot.top)),
            (px(plot.right()), px(plot.bottom())),
        ],
        GRID.stroke_width(s.round().max(1.0) as u32),
    ))?;
    let line = MUTED.stroke_width((1.5 * s).round().max(1.0) as u32);
    area.draw(&PathElement::new(
        vec![(px(sx), px(plot.top)), (px(sx), px(plot.bottom()))],
        line,
    ))?;
    area.draw(&PathElement::new(
        vec![(px(plot.left), px(sy)), (px(plot.right()), px(sy))],
        line,
    ))?;
    Ok(())
}

/// Draws the axis titles under the plot and, turned, left of it; and `empty`, if given,
/// in the middle (the chart has no points yet).
pub(crate) fn draw_titles<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: Frame,
    (x_title, y_title): (&str, &str),
    empty: Option<String>,
    (s, t): (f64, f64),
) -> Result<(), ChartError> {
    area.draw(&Text::new(
        x_title.to_string(),
        (
            px(plot.left + plot.width / 2.0),
            px(plot.bottom() + 22.0 * s),
        ),
        font(13.0 * t, &INK).pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    area.draw(&Text::new(
        y_title.to_string(),
        (px(plot.left - 36.0 * s), px(plot.top + plot.height / 2.0)),
        font(13.0 * t, &INK)
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Center)),
    ))?;
    if let Some(message) = empty {
        area.draw(&Text::new(
            message,
            (
                px(plot.left + plot.width / 2.0),
                px(plot.top + plot.height / 2.0),
            ),
            font(14.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// The estimated boxes (width, height in device pixels) of point labels set at 12 px
/// times `t`, for [`super::geometry::place_labels`].
pub(crate) fn label_sizes(labels: &[String], t: f64) -> Vec<(f64, f64)> {
    labels
        .iter()
        .map(|l| (l.chars().count() as f64 * 6.8 * t, 15.0 * t))
        .collect()
}

/// Draws a point's label where [`super::geometry::place_labels`] put it.
pub(crate) fn draw_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: String,
    spot: LabelSpot,
    style: TextStyle<'static>,
) -> Result<(), ChartError> {
    let hpos = if spot.before { HPos::Right } else { HPos::Left };
    area.draw(&Text::new(
        label,
        (px(spot.x), px(spot.y)),
        style.pos(Pos::new(hpos, VPos::Center)),
    ))?;
    Ok(())
}
