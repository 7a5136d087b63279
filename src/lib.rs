//! Trailmap: B2B customer journey maps in the browser.
//!
//! - [`model`]: the pure domain core (types, edits, formulas, codecs), tested natively;
//! - [`charts`]: drawing code over any plotters backend (canvas in the browser, SVG in tests);
//! - [`routes`]: hash routes;
//! - `adapters` (browser only): storage, share links, files, canvas;
//! - `ui` (browser only): Leptos components.

pub mod charts;
pub mod model;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod ui;
