//! Trailmap: B2B customer journey maps in the browser.
//!
//! - [`model`]: the pure domain core (types, edits, formulas, codecs), tested natively;
//! - [`charts`]: drawing code over any plotters backend (canvas in the browser, SVG in tests);
//! - [`routes`]: hash routes;
//! - `adapters` (browser only): storage, share links, files, canvas;
//! - `services` (browser only): the app's services (the workspace handle, self-tests);
//! - `dom` (browser only): DOM helpers the components share;
//! - `ui` (browser only): Leptos components.

pub mod charts;
pub mod model;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod services;
#[cfg(target_arch = "wasm32")]
pub mod ui;
