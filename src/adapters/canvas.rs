//! Canvas plumbing for charts: a backing store sized to CSS size × devicePixelRatio
//! (plotters-canvas does not do this), a backend that sets the canvas's font only when it
//! changes and that also writes the SVG exports (one backend type, so each chart is
//! compiled once), resize observation, and PNG export.

use crate::charts::ChartError;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;
use web_sys::HtmlCanvasElement;

/// The size a canvas is shown at, in CSS pixels, and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasSize {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// `window.devicePixelRatio` (1 on most monitors, 2 on retina screens).
    pub dpr: f64,
}

impl CanvasSize {
    /// Backing-store width in device pixels.
    pub fn device_width(&self) -> u32 {
        (f64::from(self.width) * self.dpr).round() as u32
    }

    /// Backing-store height in device pixels.
    pub fn device_height(&self) -> u32 {
        (f64::from(self.height) * self.dpr).round() as u32
    }
}

/// The current device pixel ratio.
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|d| *d > 0.0)
        .unwrap_or(1.0)
}

/// Sizes the canvas's backing store to `size` in device pixels (only when it differs, as
/// resizing clears the canvas) and returns a plotters backend for it.
pub fn backend(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<Canvas<'static>> {
    let (w, h) = (size.device_width().max(1), size.device_height().max(1));
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    Some(Canvas(Target::Screen(Screen {
        inner: CanvasBackend::with_canvas_object(canvas.clone())?,
        context,
        font: String::new(),
    })))
}

/// Draws with `draw` into an SVG document of `width` × `height` pixels, through the same
/// backend type as the screen, so that each chart's drawing code is compiled once for the
/// browser, not once for the canvas and again for SVG (5–6 KB of raw wasm a chart: the
/// editor page's first load 10.9 KB gzip less, scripts/size-report.sh).
pub fn svg<L>(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<Canvas<'_>, Shift>) -> Result<L, ChartError>,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = Canvas(Target::Svg(SVGBackend::with_string(
            &mut out,
            (width, height),
        )))
        .into_drawing_area();
        draw(&area)?;
        area.present()?;
    }
    Ok(out)
}

/// The browser's plotters backend: a `<canvas>` on screen, or an SVG document being
/// written (exports). One type for both, see [`svg`].
pub struct Canvas<'a>(Target<'a>);

enum Target<'a> {
    Screen(Screen),
    Svg(SVGBackend<'a>),
}

/// plotters-canvas's backend, but for text: it sets the context's `font` only when a
/// text's font differs from the last one. plotters-canvas sets it for every text, and
/// Chromium parses the font string each time: measured in the Priorities benchmark, 4.3
/// of the 4.6 ms of a redraw of the pain-point matrix (100 labelled points) went there.
/// Everything else is plotters-canvas's.
struct Screen {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The font last set on the context (empty: not set by this backend yet).
    font: String,
}

/// What a backend reported, as text (the canvas's and SVG's errors are of two types).
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

type ErrorKind = DrawingErrorKind<BackendError>;

fn text_error(e: wasm_bindgen::JsValue) -> ErrorKind {
    DrawingErrorKind::DrawingError(BackendError(format!(
        "the canvas could not draw a text: {e:?}"
    )))
}

/// The backend's own error as this backend's.
fn own<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> ErrorKind {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls `$call` on whichever backend `$self` is.
macro_rules! either {
    ($self:ident, $b:ident => $call:expr) => {
        match &mut $self.0 {
            Target::Screen(Screen { inner: $b, .. }) => $call.map_err(own),
            Target::Svg($b) => $call.map_err(own),
        }
    };
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match &self.0 {
            Target::Screen(s) => s.inner.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), ErrorKind> {
        either!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), ErrorKind> {
        either!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.draw_path(path, style))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), ErrorKind> {
        either!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), ErrorKind> {
        match &mut self.0 {
            Target::Screen(screen) => screen.draw_text(text, style, pos),
            Target::Svg(b) => b.draw_text(text, style, pos).map_err(own),
        }
    }
}

impl Screen {
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), ErrorKind> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // Set before any save(): a restore() must not take it back behind our cache.
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if font != self.font {
            self.context.set_font(&font);
            self.font = font;
        }
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        let turn: f64 = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        if turn != 0.0 {
            self.context.save();
            self.context.translate(x, y).map_err(text_error)?;
            self.context.rotate(turn.to_radians()).map_err(text_error)?;
            (x, y) = (0.0, 0.0);
        }
        self.context.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        let (r, g, b) = color.rgb;
        self.context
            .set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
        let drawn = self.context.fill_text(text, x, y).map_err(text_error);
        if turn != 0.0 {
            self.context.restore();
        }
        drawn
    }
}

/// A signal of the size of the element behind `target` (its content box), updated by a
/// ResizeObserver and by devicePixelRatio changes (browser zoom, moving to another
/// screen). `None` until the element is mounted and laid out.
pub fn use_canvas_size<E>(target: NodeRef<E>) -> ReadSignal<Option<CanvasSize>>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (size, set_size) = signal(None::<CanvasSize>);
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let Ok(el) = el.dyn_into::<web_sys::Element>() else {
            return;
        };
        let measure = {
            let el = el.clone();
            move || {
                let next = CanvasSize {
                    width: el.client_width().max(0) as u32,
                    height: el.client_height().max(0) as u32,
                    dpr: device_pixel_ratio(),
                };
                // May run after the component is gone: never assume the signal exists.
                if next.width > 0
                    && next.height > 0
                    && size.try_get_untracked().is_some_and(|s| s != Some(next))
                {
                    set_size.try_set(Some(next));
                }
            }
        };
        // No measure now: reading the size here would force a layout of everything just
        // built (43 ms of opening the Priorities view on a big map). The observer's
        // first report comes after the frame's own layout, before its paint.
        let on_resize = Closure::<dyn FnMut()>::new(measure.clone());
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        on_resize.forget();
        // devicePixelRatio changes fire `resize` on window.
        let handle = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || handle.remove());
    });
    size
}

/// Downloads a canvas's current picture as a PNG file named `file_name`.
pub fn download_png(canvas: &HtmlCanvasElement, file_name: &str) -> Result<(), String> {
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the chart could not be turned into a picture".to_string())?;
    crate::adapters::files::download_url(&url, file_name)
}
