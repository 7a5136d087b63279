//! The journey map editor, one component per file.

pub mod card;
pub mod card_panel;
pub mod cell;
pub mod chart_canvas;
pub mod csv_panel;
pub mod curve_view;
pub mod drag;
pub mod grid;
pub mod health_panel;
pub mod history_panel;
pub mod lane_row;
pub mod matrix_view;
pub mod mermaid_panel;
pub mod page;
pub mod pain_matrix_view;
pub mod panel_toggle;
pub mod personas_panel;
pub mod plan_view;
pub mod print_panel;
pub mod priorities_view;
pub mod scope_panel;
pub mod share_panel;
pub mod stage_header;
pub mod stakeholders;
pub mod state;
pub mod toolbar;
