//! Trailmap: B2B customer journey maps in the browser.
//!
//! `model` is the pure domain core (native tests); `charts` draws with plotters on any
//! backend; `adapters` and `ui` exist only in the browser build.

pub mod charts;
pub mod model;
