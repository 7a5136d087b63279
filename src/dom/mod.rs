//! DOM helpers shared by the components: pointer state, windowed mounting near the
//! viewport, and work scheduled after the next paint.

pub mod pointer;
pub mod schedule;
pub mod visible;
