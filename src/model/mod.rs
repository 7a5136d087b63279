//! The pure domain core: journey map types, edits, validation, restore and codecs.
//!
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod calculators;
pub mod csv_files;
pub mod dates;
pub mod edit;
pub mod formulas;
// Test code: generators for tests, fuzzers and benchmarks, never in a production build
// (the `selftest` feature, which only the test and benchmark commands turn on).
#[cfg(all(not(target_arch = "wasm32"), any(test, feature = "selftest")))]
pub mod fuzzing;
#[cfg(any(test, feature = "selftest"))]
pub mod generate;
pub mod grid;
pub mod handoffs;
pub mod health;
pub mod history;
pub mod ids;
pub mod kano;
pub mod map;
pub mod mermaid;
pub mod metrics;
pub mod opportunities;
pub mod order;
pub mod pain_matrix;
pub mod persist;
pub mod presentation;
pub mod priorities;
pub mod report;
pub mod restore;
pub mod reviews;
pub mod scales;
pub mod share;
pub mod templates;
pub mod validate;
pub mod value_effort;

pub use edit::Edit;
pub use history::Document;
pub use ids::Id;
pub use map::*;
pub use scales::{Emotion, Level};
