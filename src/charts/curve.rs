//! The emotion curve: touchpoints in journey order (x, grouped in stage bands) against
//! emotion −2..+2 (y), one line for the persona or one per stakeholder, with moments of
//! truth, pain points and the dashed to-be curve.

use super::geometry::{emotion_y, nearest, slot_x, truncate, Frame};
use super::palette::{BAND, BRAND, GRID, HIGHLIGHT, INK, LINES, MOMENT, MUTED, PAIN, PAPER};
use super::{font, ChartError};
use crate::model::{Emotion, Id, JourneyMap, LaneKind};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveOptions {
    /// Device pixel ratio: fonts, strokes and markers scale by it.
    pub scale: f64,
    /// Extra factor for type only: 1 on canvas; the SVG exports set it so their text
    /// matches the canvas (plotters' SVG backend writes sizes divided by 1.24).
    pub text_scale: f64,
    /// One line per stakeholder instead of one for the persona.
    pub by_stakeholder: bool,
    /// Stakeholders whose lines are hidden.
    pub hidden: Vec<Id>,
    /// The touchpoint selected in the editor.
    pub selected: Option<Id>,
    /// The touchpoint under the pointer.
    pub hovered: Option<Id>,
    /// A stage to pick out (its index), as presentation mode does for the stage shown.
    pub highlight_stage: Option<usize>,
}

impl Default for CurveOptions {
    fn default() -> Self {
        CurveOptions {
            scale: 1.0,
            text_scale: 1.0,
            by_stakeholder: false,
            hidden: Vec::new(),
            selected: None,
            hovered: None,
            highlight_stage: None,
        }
    }
}

/// One touchpoint as the curve sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    /// The card.
    pub id: Id,
    /// Its slot on the x axis.
    pub slot: usize,
    /// Title.
    pub text: String,
    /// As-is score.
    pub emotion: Option<Emotion>,
    /// To-be score.
    pub to_be: Option<Emotion>,
    /// Moment of truth.
    pub moment_of_truth: bool,
    /// The customer's words.
    pub quote: String,
    /// Stakeholders involved.
    pub stakeholders: Vec<Id>,
}

/// A stage band on the x axis.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveStage {
    /// Stage name.
    pub name: String,
    /// First slot.
    pub start: usize,
    /// One past the last slot.
    pub end: usize,
    /// Pain points recorded in this stage.
    pub pains: usize,
}

/// A line of the curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveLine {
    /// Legend label.
    pub label: String,
    /// Colour.
    pub color: RGBColor,
    /// Indices into [`CurveModel::points`] of its scored touchpoints.
    pub points: Vec<usize>,
}

/// Everything the curve shows, computed from a map (pure; drawn by [`draw_emotion_curve`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CurveModel {
    /// Touchpoints in journey order.
    pub points: Vec<CurvePoint>,
    /// Stage bands.
    pub stages: Vec<CurveStage>,
    /// Slots on the x axis (an empty stage still takes one).
    pub slots: usize,
    /// Lines to draw.
    pub lines: Vec<CurveLine>,
}

impl CurveModel {
    /// The curve of `map` under `options`.
    pub fn of(map: &JourneyMap, options: &CurveOptions) -> CurveModel {
        let touch_lanes: Vec<Id> = map
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .map(|l| l.id)
            .collect();
        let pain_lanes: Vec<Id> = map
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::PainPoints)
            .map(|l| l.id)
            .collect();
        let mut points = Vec::new();
        let mut stages = Vec::new();
        let mut slot = 0;
        for stage in &map.stages {
            let start = slot;
            for lane in &touch_lanes {
                for card in map.cell(stage.id, *lane) {
                    points.push(CurvePoint {
                        id: card.id,
                        slot,
                        text: card.text.clone(),
                        emotion: card.emotion,
                        to_be: card.to_be,
                        moment_of_truth: card.moment_of_truth,
                        quote: card.quote.clone(),
                        stakeholders: card.stakeholders.clone(),
                    });
                    slot += 1;
                }
            }
            if slot == start {
                slot += 1;
            }
            let pains = map
                .cards
                .iter()
                .filter(|c| c.stage == stage.id && pain_lanes.contains(&c.lane))
                .count();
            stages.push(CurveStage {
                name: stage.name.clone(),
                start,
                end: slot,
                pains,
            });
        }
        let scored = |keep: &dyn Fn(&CurvePoint) -> bool| -> Vec<usize> {
            points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.emotion.is_some() && keep(p))
                .map(|(i, _)| i)
                .collect()
        };
        let lines = if options.by_stakeholder {
            map.stakeholders
                .iter()
                .enumerate()
                .filter(|(_, s)| !options.hidden.contains(&s.id))
                .map(|(i, s)| CurveLine {
                    label: s.name.clone(),
                    color: LINES[i % LINES.len()],
                    points: scored(&|p: &CurvePoint| p.stakeholders.contains(&s.id)),
                })
                .filter(|l| !l.points.is_empty())
                .collect()
        } else {
            let label = map
                .scope
                .primary_persona
                .and_then(|p| map.persona(p))
                .map_or_else(|| "All touchpoints".to_string(), |p| p.name.clone());
            let pts = scored(&|_| true);
            if pts.is_empty() {
                Vec::new()
            } else {
                vec![CurveLine {
                    label,
                    color: BRAND,
                    points: pts,
                }]
            }
        };
        CurveModel {
            points,
            stages,
            slots: slot,
            lines,
        }
    }

    /// Whether any to-be score exists.
    pub fn has_to_be(&self) -> bool {
        self.points.iter().any(|p| p.to_be.is_some())
    }
}

/// Where things were drawn, for hover and click without redrawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveLayout {
    /// The plot area.
    pub plot: Option<Frame>,
    /// Every drawn as-is point: (touchpoint, x, y) in backing-store pixels.
    pub points: Vec<(Id, f64, f64)>,
    /// Device pixel ratio it was drawn at.
    pub scale: f64,
}

impl CurveLayout {
    /// The touchpoint drawn nearest to a backing-store pixel, within a finger's reach.
    pub fn hit(&self, x: f64, y: f64) -> Option<Id> {
        nearest(&self.points, x, y, 14.0 * self.scale)
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws the emotion curve of `map` on `area`.
pub fn draw_emotion_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    map: &JourneyMap,
    options: &CurveOptions,
) -> Result<CurveLayout, ChartError> {
    let s = options.scale.max(0.5);
    let t = s * options.text_scale;
    let model = CurveModel::of(map, options);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&PAPER)?;
    let mut layout = CurveLayout {
        scale: s,
        ..CurveLayout::default()
    };
    if model.lines.is_empty() {
        let message = if model.points.is_empty() {
            "No touchpoints yet: add touchpoints to the map to see the emotion curve."
        } else {
            "No emotion scores yet: score touchpoints from very negative (−2) to very positive (+2)."
        };
        area.draw(&Text::new(
            message.to_string(),
            (px(w / 2.0), px(h / 2.0)),
            font(15.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        return Ok(layout);
    }
    let legend_h = 36.0 * s;
    let plot = Frame {
        left: 150.0 * s,
        top: 60.0 * s,
        width: (w - 170.0 * s).max(10.0),
        height: (h - 60.0 * s - 30.0 * s - legend_h).max(10.0),
    };
    layout.plot = Some(plot);
    let slot_w = plot.width / model.slots.max(1) as f64;

    // Stage bands, names and pain-point markers.
    for (i, stage) in model.stages.iter().enumerate() {
        let x0 = plot.left + stage.start as f64 * slot_w;
        let x1 = plot.left + stage.end as f64 * slot_w;
        let band = [
            (px(x0), px(plot.top - 50.0 * s)),
            (px(x1), px(plot.bottom())),
        ];
        if options.highlight_stage == Some(i) {
            area.draw(&Rectangle::new(band, HIGHLIGHT.filled()))?;
            area.draw(&Rectangle::new(
                band,
                BRAND.stroke_width((2.0 * s).round().max(1.0) as u32),
            ))?;
        } else if i % 2 == 1 {
            area.draw(&Rectangle::new(band, BAND.filled()))?;
        }
        let chars = ((x1 - x0) / (7.5 * s)).max(3.0) as usize;
        area.draw(&Text::new(
            truncate(&stage.name, chars),
            (px((x0 + x1) / 2.0), px(plot.top - 46.0 * s)),
            font(13.0 * t, &INK).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        if stage.pains > 0 {
            let label = format!(
                "● {} pain point{}",
                stage.pains,
                if stage.pains == 1 { "" } else { "s" }
            );
            area.draw(&Text::new(
                truncate(&label, chars),
                (px((x0 + x1) / 2.0), px(plot.top - 26.0 * s)),
                font(11.0 * t, &PAIN).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }

    // Emotion axis.
    for e in Emotion::ALL {
        let y = emotion_y(plot, f64::from(e.value()));
        let (color, width) = if e.value() == 0 {
            (INK, 2.0 * s)
        } else {
            (GRID, 1.0 * s)
        };
        area.draw(&PathElement::new(
            vec![(px(plot.left), px(y)), (px(plot.right()), px(y))],
            color.stroke_width(width.round().max(1.0) as u32),
        ))?;
        area.draw(&Text::new(
            format!("{e} {}", e.label()),
            (px(plot.left - 10.0 * s), px(y)),
            font(12.0 * t, &MUTED).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }

    let xy = |i: usize, e: Emotion| {
        (
            slot_x(plot, model.points[i].slot, model.slots),
            emotion_y(plot, f64::from(e.value())),
        )
    };
    let stroke = (3.0 * s).round().max(1.0) as u32;
    for line in &model.lines {
        // To-be first, dashed, underneath.
        let to_be: Vec<(i32, i32)> = line
            .points
            .iter()
            .filter_map(|&i| model.points[i].to_be.map(|e| xy(i, e)))
            .map(|(x, y)| (px(x), px(y)))
            .collect();
        if to_be.len() > 1 {
            area.draw(&DashedPathElement::new(
                to_be.clone(),
                (8.0 * s) as i32,
                (6.0 * s) as i32,
                line.color.stroke_width(stroke.max(2) - 1),
            ))?;
        }
        for &(x, y) in &to_be {
            area.draw(&Circle::new(
                (x, y),
                (4.0 * s) as i32,
                line.color.stroke_width((1.5 * s).round().max(1.0) as u32),
            ))?;
        }
        let pts: Vec<(f64, f64)> = line
            .points
            .iter()
            .filter_map(|&i| model.points[i].emotion.map(|e| xy(i, e)))
            .collect();
        let path: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        area.draw(&PathElement::new(path, line.color.stroke_width(stroke)))?;
        for (k, &i) in line.points.iter().enumerate() {
            let (x, y) = pts[k];
            let p = &model.points[i];
            if p.moment_of_truth {
                area.draw(&Circle::new(
                    (px(x), px(y)),
                    (10.0 * s) as i32,
                    MOMENT.stroke_width((2.5 * s).round().max(1.0) as u32),
                ))?;
            }
            area.draw(&Circle::new(
                (px(x), px(y)),
                (5.5 * s) as i32,
                line.color.filled(),
            ))?;
            if options.selected == Some(p.id) || options.hovered == Some(p.id) {
                area.draw(&Circle::new(
                    (px(x), px(y)),
                    (14.0 * s) as i32,
                    INK.stroke_width((2.0 * s).round().max(1.0) as u32),
                ))?;
            }
            layout.points.push((p.id, x, y));
        }
    }

    // Legend.
    let mut x = plot.left;
    let y = h - legend_h / 2.0 - 4.0 * s;
    let mut entry = |label: &str, color: RGBColor, kind: u8| -> Result<(), ChartError> {
        match kind {
            0 => area.draw(&PathElement::new(
                vec![(px(x), px(y)), (px(x + 22.0 * s), px(y))],
                color.stroke_width(stroke),
            ))?,
            1 => area.draw(&DashedPathElement::new(
                vec![(px(x), px(y)), (px(x + 22.0 * s), px(y))],
                (6.0 * s) as i32,
                (4.0 * s) as i32,
                color.stroke_width(stroke.max(2) - 1),
            ))?,
            _ => area.draw(&Circle::new(
                (px(x + 11.0 * s), px(y)),
                (8.0 * s) as i32,
                color.stroke_width((2.5 * s).round().max(1.0) as u32),
            ))?,
        }
        let text = truncate(label, 28);
        area.draw(&Text::new(
            text.clone(),
            (px(x + 28.0 * s), px(y)),
            font(12.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 40.0 * s + text.chars().count() as f64 * 7.0 * s;
        Ok(())
    };
    for line in &model.lines {
        entry(&line.label, line.color, 0)?;
    }
    if model.has_to_be() {
        entry("to-be (target)", MUTED, 1)?;
    }
    if model.points.iter().any(|p| p.moment_of_truth) {
        entry("moment of truth", MOMENT, 2)?;
    }
    Ok(layout)
}

/// One row of the curve's text alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveRow {
    /// The touchpoint's id.
    pub id: Id,
    /// Stage name.
    pub stage: String,
    /// Touchpoint title.
    pub touchpoint: String,
    /// Channel.
    pub channel: String,
    /// Stakeholders involved, by name.
    pub stakeholders: String,
    /// "−1 negative", or empty.
    pub emotion: String,
    /// The to-be score, or empty.
    pub to_be: String,
    /// Moment of truth.
    pub moment_of_truth: bool,
    /// The customer's words.
    pub quote: String,
}

/// The plotted values as table rows, in journey order (the chart's text alternative).
pub fn curve_rows(map: &JourneyMap) -> Vec<CurveRow> {
    let label = |e: Option<Emotion>| e.map(|e| format!("{e} {}", e.label())).unwrap_or_default();
    map.touchpoints()
        .into_iter()
        .map(|c| CurveRow {
            id: c.id,
            stage: map
                .stage(c.stage)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            touchpoint: c.text.clone(),
            channel: c.channel.clone(),
            stakeholders: c
                .stakeholders
                .iter()
                .filter_map(|s| map.stakeholder(*s).map(|s| s.name.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            emotion: label(c.emotion),
            to_be: label(c.to_be),
            moment_of_truth: c.moment_of_truth,
            quote: c.quote.clone(),
        })
        .collect()
}

/// The curve as an SVG document of `width` × `height` pixels.
pub fn curve_svg(
    map: &JourneyMap,
    options: &CurveOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let options = CurveOptions {
            text_scale: super::SVG_TEXT_SCALE,
            ..options.clone()
        };
        draw_emotion_curve(&area, map, &options)?;
        area.present()?;
    }
    Ok(out)
}
