//! Browser adapters at the edge of the app: everything that touches browser APIs
//! other than the DOM the components render.

pub mod canvas;
pub mod clock;
pub mod files;
pub mod handoff;
pub mod offline;
pub mod recovery;
pub mod route;
pub mod share;
pub mod storage;
pub mod tasks;
