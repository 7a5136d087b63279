//! The influence–interest matrix (Mendelow's power-interest grid): interest on x, influence
//! on y, split at 5 into four named quadrants; one labelled point per stakeholder, coloured
//! by role type, shaped by stance.

use super::geometry::{
    influence_y, interest_x, nearest, place_labels, split_x, split_y, spread, truncate,
    x_to_interest, y_to_influence, Frame,
};
use super::palette::{role_color, INK, MUTED, PAPER};
use super::quadrants::{draw_label, draw_quadrants, draw_titles, label_sizes, px};
use super::{font, ChartError};
use crate::model::{Id, JourneyMap, Level, Quadrant, RoleType, Stakeholder, Stance};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixOptions {
    /// Device pixel ratio: fonts, strokes and markers scale by it.
    pub scale: f64,
    /// Extra factor for type only: 1 on canvas; the SVG exports set it so their text
    /// matches the canvas (plotters' SVG backend writes sizes divided by 1.24).
    pub text_scale: f64,
    /// The stakeholder selected (or being dragged).
    pub selected: Option<Id>,
    /// A stakeholder shown at a position other than the map's (while dragging):
    /// (id, influence, interest).
    pub dragging: Option<(Id, Level, Level)>,
}

impl Default for MatrixOptions {
    fn default() -> Self {
        MatrixOptions {
            scale: 1.0,
            text_scale: 1.0,
            selected: None,
            dragging: None,
        }
    }
}

/// Where things were drawn, for dragging and keyboard moves without redrawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixLayout {
    /// The plot area (backing-store pixels).
    pub plot: Option<Frame>,
    /// Drawn points: (stakeholder, x, y).
    pub points: Vec<(Id, f64, f64)>,
    /// Device pixel ratio it was drawn at.
    pub scale: f64,
}

impl MatrixLayout {
    /// The stakeholder drawn under a backing-store pixel.
    pub fn hit(&self, x: f64, y: f64) -> Option<Id> {
        nearest(&self.points, x, y, 14.0 * self.scale)
    }

    /// The (influence, interest) under a backing-store pixel, clamped to 0..10.
    pub fn levels_at(&self, x: f64, y: f64) -> Option<(Level, Level)> {
        self.plot
            .map(|f| (y_to_influence(f, y), x_to_interest(f, x)))
    }

    /// The pixel of (influence, interest).
    pub fn pixel_of(&self, influence: Level, interest: Level) -> Option<(f64, f64)> {
        self.plot.map(|f| {
            (
                interest_x(f, f64::from(interest.value())),
                influence_y(f, f64::from(influence.value())),
            )
        })
    }
}

/// Draws the matrix of `map`'s stakeholders on `area`.
pub fn draw_matrix<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    map: &JourneyMap,
    options: &MatrixOptions,
) -> Result<MatrixLayout, ChartError> {
    let s = options.scale.max(0.5);
    let t = s * options.text_scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&PAPER)?;
    let legend_h = 52.0 * s;
    let side = (w - 70.0 * s).min(h - 50.0 * s - legend_h).max(20.0);
    let plot = Frame {
        left: 56.0 * s,
        top: 14.0 * s,
        width: side,
        height: side,
    };
    let mut layout = MatrixLayout {
        plot: Some(plot),
        scale: s,
        ..MatrixLayout::default()
    };
    let (sx, sy) = (split_x(plot), split_y(plot));

    // Quadrants, tinted, named in their outer corners.
    let quadrants = [
        (
            Quadrant::KeepSatisfied,
            plot.left,
            plot.top,
            sx,
            sy,
            RGBColor(255, 247, 230),
        ),
        (
            Quadrant::ManageClosely,
            sx,
            plot.top,
            plot.right(),
            sy,
            RGBColor(254, 236, 236),
        ),
        (
            Quadrant::Monitor,
            plot.left,
            sy,
            sx,
            plot.bottom(),
            RGBColor(246, 248, 250),
        ),
        (
            Quadrant::KeepInformed,
            sx,
            sy,
            plot.right(),
            plot.bottom(),
            RGBColor(235, 245, 255),
        ),
    ];
    let quadrants = quadrants.map(|(q, x0, y0, x1, y1, tint)| (q.label(), x0, y0, x1, y1, tint));
    draw_quadrants(area, plot, (sx, sy), &quadrants, (s, t))?;

    // Axes: ticks 0, 5, 10 and titles.
    for v in [0.0, 5.0, 10.0] {
        area.draw(&Text::new(
            format!("{v}"),
            (px(interest_x(plot, v)), px(plot.bottom() + 6.0 * s)),
            font(11.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        area.draw(&Text::new(
            format!("{v}"),
            (px(plot.left - 6.0 * s), px(influence_y(plot, v))),
            font(11.0 * t, &MUTED).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let empty = map
        .stakeholders
        .is_empty()
        .then(|| "No stakeholders yet: add the buying committee in the register.".to_string());
    draw_titles(area, plot, ("Interest →", "Influence →"), empty, (s, t))?;

    // Points, spread apart where they coincide.
    let placed: Vec<(&Stakeholder, Level, Level)> = map
        .stakeholders
        .iter()
        .map(|st| match options.dragging {
            Some((id, infl, inter)) if id == st.id => (st, infl, inter),
            _ => (st, st.influence, st.interest),
        })
        .collect();
    let raw: Vec<(f64, f64)> = placed
        .iter()
        .map(|(_, infl, inter)| {
            (
                interest_x(plot, f64::from(inter.value())),
                influence_y(plot, f64::from(infl.value())),
            )
        })
        .collect();
    let spots = spread(&raw, 16.0 * s);
    let r = 7.0 * s;
    let stroke = (2.5 * s).round().max(1.0) as u32;
    let labels: Vec<String> = placed
        .iter()
        .map(|(st, _, _)| truncate(&st.name, 24))
        .collect();
    let label_spots = place_labels(&spots, &label_sizes(&labels, t), r, 5.0 * s, plot);
    for ((((st, _, _), &(x, y)), label), spot) in
        placed.iter().zip(&spots).zip(labels).zip(label_spots)
    {
        let color = role_color(st.role_type);
        match st.stance {
            Stance::Supporter => area.draw(&Circle::new((px(x), px(y)), px(r), color.filled()))?,
            Stance::Neutral => {
                area.draw(&Circle::new((px(x), px(y)), px(r), PAPER.filled()))?;
                area.draw(&Circle::new(
                    (px(x), px(y)),
                    px(r),
                    color.stroke_width(stroke),
                ))?;
            }
            Stance::Blocker => area.draw(&Rectangle::new(
                [(px(x - r), px(y - r)), (px(x + r), px(y + r))],
                color.filled(),
            ))?,
        }
        if options.selected == Some(st.id) {
            area.draw(&Circle::new(
                (px(x), px(y)),
                px(r + 6.0 * s),
                INK.stroke_width(stroke),
            ))?;
        }
        // Beside the point, clear of the other labels and points.
        if let Some(spot) = spot {
            draw_label(area, label, spot, font(12.0 * t, &INK))?;
        }
        layout.points.push((st.id, x, y));
    }

    // Legend: role colours, then stance shapes.
    let mut lx = plot.left;
    let ly = plot.bottom() + 50.0 * s;
    for role in RoleType::ALL {
        area.draw(&Circle::new(
            (px(lx + 6.0 * s), px(ly)),
            px(6.0 * s),
            role_color(role).filled(),
        ))?;
        area.draw(&Text::new(
            role.label().to_string(),
            (px(lx + 16.0 * s), px(ly)),
            font(11.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        lx += 24.0 * s + role.label().chars().count() as f64 * 6.5 * s;
    }
    let mut lx = plot.left;
    let ly = ly + 20.0 * s;
    for stance in Stance::ALL {
        let (x, y) = (lx + 6.0 * s, ly);
        match stance {
            Stance::Supporter => {
                area.draw(&Circle::new((px(x), px(y)), px(5.0 * s), MUTED.filled()))?
            }
            Stance::Neutral => area.draw(&Circle::new(
                (px(x), px(y)),
                px(5.0 * s),
                MUTED.stroke_width(stroke.max(2) - 1),
            ))?,
            Stance::Blocker => area.draw(&Rectangle::new(
                [
                    (px(x - 5.0 * s), px(y - 5.0 * s)),
                    (px(x + 5.0 * s), px(y + 5.0 * s)),
                ],
                MUTED.filled(),
            ))?,
        }
        area.draw(&Text::new(
            stance.label().to_string(),
            (px(lx + 16.0 * s), px(y)),
            font(11.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        lx += 24.0 * s + stance.label().chars().count() as f64 * 6.5 * s;
    }
    Ok(layout)
}

/// The stakeholders of each quadrant with the engagement it calls for (the matrix's text
/// alternative, and the list beside it).
pub fn matrix_groups(map: &JourneyMap) -> Vec<(Quadrant, Vec<&Stakeholder>)> {
    Quadrant::ALL
        .into_iter()
        .map(|q| {
            (
                q,
                map.stakeholders
                    .iter()
                    .filter(|s| s.quadrant() == q)
                    .collect(),
            )
        })
        .collect()
}

/// The matrix as an SVG document of `width` × `height` pixels.
pub fn matrix_svg(
    map: &JourneyMap,
    options: &MatrixOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let options = MatrixOptions {
            text_scale: super::SVG_TEXT_SCALE,
            ..options.clone()
        };
        draw_matrix(&area, map, &options)?;
        area.present()?;
    }
    Ok(out)
}
