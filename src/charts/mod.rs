//! Charts drawn with plotters on any backend: the emotion curve, the influence–interest
//! matrix and the pain-point matrix. The same drawing code draws on a `<canvas>` in the browser (plotters-canvas)
//! and to SVG natively (tests) and in the browser (exports). Pure geometry lives in
//! [`geometry`]; drawing functions return a layout for hit testing.

pub mod curve;
pub mod geometry;
pub mod matrix;
pub mod pain_matrix;
pub mod palette;
pub(crate) mod quadrants;
pub mod trends;
pub mod value_effort;

use plotters::prelude::*;
use plotters::style::RGBColor;

/// A drawing failure, as text (the backend's error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the chart could not be drawn ({})", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> ChartError {
        ChartError(e.to_string())
    }
}

/// The type factor of SVG exports: plotters' SVG backend writes font sizes divided by
/// 1.24, so this makes an export's type match the canvas's.
pub const SVG_TEXT_SCALE: f64 = 1.24;

/// The chart font at `size` backing-store pixels in `color`. The family is named by its
/// variant, not by the string "sans-serif", which plotters would lower-case into a new
/// string at every call (each label of each redraw).
pub(crate) fn font(size: f64, color: &RGBColor) -> TextStyle<'static> {
    (FontFamily::SansSerif, size).into_font().color(color)
}
