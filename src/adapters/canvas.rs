//! Canvas plumbing for charts: a backing store sized to CSS size × devicePixelRatio
//! (plotters-canvas does not do this), a backend that sets the canvas's font only when it
//! changes, resize observation, and PNG export.

use leptos::prelude::*;
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
pub fn backend(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<Canvas> {
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
    Some(Canvas {
        inner: CanvasBackend::with_canvas_object(canvas.clone())?,
        context,
        font: String::new(),
    })
}

/// plotters-canvas's backend, but for text: it sets the context's `font` only when a
/// text's font differs from the last one. plotters-canvas sets it for every text, and
/// Chromium parses the font string each time: measured in the Priorities benchmark, 4.3
/// of the 4.6 ms of a redraw of the pain-point matrix (100 labelled points) went there.
/// Everything else is plotters-canvas's.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The font last set on the context (empty: not set by this backend yet).
    font: String,
}

/// A text that the canvas refused to draw.
#[derive(Debug)]
struct TextError(String);

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas could not draw a text: {}", self.0)
    }
}

impl std::error::Error for TextError {}

type CanvasErrorKind = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

fn text_error(e: wasm_bindgen::JsValue) -> CanvasErrorKind {
    DrawingErrorKind::FontError(Box::new(TextError(format!("{e:?}"))))
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), CanvasErrorKind> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), CanvasErrorKind> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), CanvasErrorKind> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), CanvasErrorKind> {
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
