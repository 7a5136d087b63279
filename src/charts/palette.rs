//! Chart colours: calm, high-contrast on a projector, and safe for the common forms of
//! colour blindness (Okabe–Ito). The CSS in `style/main.css` uses the same values.

use crate::model::{RoleType, Stance};
use plotters::style::RGBColor;

/// Main text.
pub const INK: RGBColor = RGBColor(15, 23, 42);
/// Secondary text and axes.
pub const MUTED: RGBColor = RGBColor(71, 85, 105);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(203, 213, 225);
/// Background.
pub const PAPER: RGBColor = RGBColor(255, 255, 255);
/// Alternate stage band.
pub const BAND: RGBColor = RGBColor(241, 245, 249);
/// A stage picked out (presentation mode).
pub const HIGHLIGHT: RGBColor = RGBColor(254, 243, 199);
/// The persona line and the app's brand.
pub const BRAND: RGBColor = RGBColor(15, 94, 89);
/// Moments of truth.
pub const MOMENT: RGBColor = RGBColor(138, 90, 0);
/// Pain points.
pub const PAIN: RGBColor = RGBColor(180, 35, 24);
/// Okabe–Ito blue.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe–Ito vermillion.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Okabe–Ito bluish green.
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
/// Okabe–Ito reddish purple.
pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
/// Okabe–Ito orange.
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
/// Okabe–Ito sky blue.
pub const SKY: RGBColor = RGBColor(86, 180, 233);

/// Colours for one line per stakeholder, in order.
pub const LINES: [RGBColor; 8] = [
    BLUE,
    VERMILLION,
    GREEN,
    PURPLE,
    ORANGE,
    SKY,
    RGBColor(0, 0, 0),
    RGBColor(110, 84, 148),
];

/// The colour of a role type on the matrix.
pub fn role_color(role: RoleType) -> RGBColor {
    match role {
        RoleType::DecisionMaker => BLUE,
        RoleType::Champion => GREEN,
        RoleType::EndUser => ORANGE,
        RoleType::Institutional => PURPLE,
        RoleType::Influencer => SKY,
    }
}

/// How a stance is drawn on the matrix (shape), in words for the legend.
pub fn stance_marker(stance: Stance) -> &'static str {
    match stance {
        Stance::Supporter => "filled circle",
        Stance::Neutral => "ring",
        Stance::Blocker => "square",
    }
}
