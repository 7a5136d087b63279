//! DOM helpers shared by the components: the hand-over from a page's static frame,
//! focus kept through a re-sort, pointer state, windowed mounting near the viewport, and work scheduled after the next
//! paint.

pub mod boot;
pub mod focus;
pub mod pointer;
pub mod schedule;
pub mod visible;
