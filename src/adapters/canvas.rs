//! Canvas plumbing for charts: a backing store sized to CSS size × devicePixelRatio
//! (plotters-canvas does not do this), resize observation, and PNG export.

use leptos::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
pub fn backend(canvas: &HtmlCanvasElement, size: CanvasSize) -> Option<CanvasBackend> {
    let (w, h) = (size.device_width().max(1), size.device_height().max(1));
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    CanvasBackend::with_canvas_object(canvas.clone())
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
        measure();
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
