//! DOM helpers shared by the components: the hand-over from a page's static frame,
//! focus kept through a re-sort, pointer state, windowed mounting near the viewport,
//! work scheduled after the next paint, and a view's scroll reset when another shows.

pub mod boot;
pub mod focus;
pub mod pointer;
pub mod schedule;
pub mod scroll;
pub mod visible;
