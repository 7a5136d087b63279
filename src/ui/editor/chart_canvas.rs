//! What both charts share: a canvas sized to its box × devicePixelRatio, redrawn when the
//! inputs its drawing reads change, with the layout kept for hit testing, and PNG/SVG export;
//! and the curve and matrix as SVG documents for the report and the poster.

use crate::adapters::canvas::{backend, download_png, svg, use_canvas_size, Canvas, CanvasSize};
use crate::adapters::files::download_text;
use crate::charts::curve::{draw_emotion_curve, CurveOptions};
use crate::charts::matrix::{draw_matrix, MatrixOptions};
use crate::charts::{ChartError, SVG_TEXT_SCALE};
use crate::model::persist::files::file_stem;
use crate::model::JourneyMap;
use crate::ui::editor::state::EditorState;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::IntoDrawingArea;

/// A chart on a canvas.
pub struct ChartCanvas<L: Send + Sync + 'static> {
    /// The box the canvas fills (observed for size).
    pub wrap: NodeRef<leptos::html::Div>,
    /// The canvas.
    pub canvas: NodeRef<leptos::html::Canvas>,
    /// Its CSS size and device pixel ratio.
    pub size: ReadSignal<Option<CanvasSize>>,
    /// Where the last drawing put things.
    pub layout: StoredValue<L>,
    /// Why the last drawing failed, if it did.
    pub error: RwSignal<Option<String>>,
}

// Every field is a Copy handle, whatever the layout type.
impl<L: Send + Sync + 'static> Clone for ChartCanvas<L> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<L: Send + Sync + 'static> Copy for ChartCanvas<L> {}

/// Sets up a chart canvas. `draw` gets the drawing area and the device pixel ratio; the
/// signals it reads decide when the chart is redrawn.
pub fn use_chart_canvas<L: Default + Send + Sync + 'static>(
    draw: impl Fn(&DrawingArea<Canvas<'static>, Shift>, f64) -> Result<L, ChartError> + 'static,
) -> ChartCanvas<L> {
    let wrap = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let size = use_canvas_size(wrap);
    let chart = ChartCanvas {
        wrap,
        canvas,
        size,
        layout: StoredValue::new(L::default()),
        error: RwSignal::new(None),
    };
    Effect::new(move |_| {
        let (Some(size), Some(el)) = (size.get(), canvas.get()) else {
            return;
        };
        let Some(back) = backend(&el, size) else {
            chart
                .error
                .set(Some("This browser could not draw the chart.".into()));
            return;
        };
        match draw(&back.into_drawing_area(), size.dpr) {
            Ok(l) => {
                chart.layout.set_value(l);
                chart.error.set(None);
            }
            Err(e) => chart.error.set(Some(format!("{e}."))),
        }
    });
    chart
}

impl<L: Send + Sync + 'static> ChartCanvas<L> {
    /// A pointer position in backing-store pixels.
    pub fn device(&self, ev: &web_sys::MouseEvent) -> (f64, f64) {
        let dpr = self.size.get_untracked().map_or(1.0, |s| s.dpr);
        (
            f64::from(ev.offset_x()) * dpr,
            f64::from(ev.offset_y()) * dpr,
        )
    }

    /// Downloads the canvas as "<map title> - <what>.png".
    pub fn export_png(&self, editor: EditorState, what: &str) {
        let name =
            editor.with_map_untracked(|m| format!("{} - {what}.png", file_stem(&m.scope.title)));
        if let Some(el) = self.canvas.get_untracked() {
            if let Err(e) = download_png(&el, &name) {
                editor
                    .toasts
                    .info(&format!("The picture was not saved: {e}."));
            }
        }
    }

    /// Downloads an SVG drawn by `draw` at the canvas's CSS size as "<map title> -
    /// <what>.svg" (with options of text scale [`crate::charts::SVG_TEXT_SCALE`]).
    pub fn export_svg<T>(
        &self,
        editor: EditorState,
        what: &str,
        draw: impl FnOnce(&DrawingArea<Canvas<'_>, Shift>) -> Result<T, ChartError>,
    ) {
        let Some(size) = self.size.get_untracked() else {
            return;
        };
        let name =
            editor.with_map_untracked(|m| format!("{} - {what}.svg", file_stem(&m.scope.title)));
        match svg(size.width, size.height, draw) {
            Ok(svg) => {
                if let Err(e) = download_text(&svg, "image/svg+xml", &name) {
                    editor.toasts.info(&format!("The SVG was not saved: {e}."));
                }
            }
            Err(e) => editor.toasts.info(&format!("The SVG was not made: {e}.")),
        }
    }
}

/// `map`'s emotion curve as an SVG document of `width` × `height` pixels, drawn as the
/// canvas draws it by default (the report's file and the poster).
pub fn curve_svg(map: &JourneyMap, width: u32, height: u32) -> Result<String, ChartError> {
    let options = CurveOptions {
        text_scale: SVG_TEXT_SCALE,
        ..CurveOptions::default()
    };
    svg(width, height, |area| {
        draw_emotion_curve(area, map, &options)
    })
}

/// `map`'s influence–interest matrix as an SVG document, as [`curve_svg`].
pub fn matrix_svg(map: &JourneyMap, width: u32, height: u32) -> Result<String, ChartError> {
    let options = MatrixOptions {
        text_scale: SVG_TEXT_SCALE,
        ..MatrixOptions::default()
    };
    svg(width, height, |area| draw_matrix(area, map, &options))
}
