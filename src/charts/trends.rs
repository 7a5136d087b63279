//! Trend charts as small multiples, one panel per series: each metric across the reviews
//! against its target line (and its baseline), the average emotion per stage across the
//! reviews (−2..+2 with a zero line), and plan items re-measured before and after.
//! Lines are coloured by the direction of the last move (green better, vermillion worse).

use super::geometry::Frame;
use super::palette::{BRAND, GREEN, GRID, INK, MUTED, PAPER, VERMILLION};
use super::{font, ChartError};
use crate::model::dates::Date;
use crate::model::ids::Id;
use crate::model::map::JourneyMap;
use crate::model::metrics::{format_number, Better, Metric};
use crate::model::reviews::{self, TrendPoint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One panel: a titled series of points.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPanel {
    /// The card the panel is about (metric, stage's id, or plan item).
    pub id: Id,
    /// Title.
    pub title: String,
    /// The points, oldest first: (label under the x axis, value).
    pub points: Vec<(String, f64)>,
    /// The target line, if any.
    pub target: Option<f64>,
    /// The baseline line, if any.
    pub baseline: Option<f64>,
    /// A fixed y range (emotions: −2..+2); otherwise it fits the data and lines.
    pub range: Option<(f64, f64)>,
    /// Which way is better.
    pub better: Better,
    /// How a value is written (the metric's unit).
    pub unit: String,
}

impl TrendPanel {
    /// The value written with its unit.
    pub fn format(&self, v: f64) -> String {
        let n = format_number(v);
        match self.unit.as_str() {
            "" => n,
            "%" => format!("{n} %"),
            "$" | "€" | "£" => format!("{}{n}", self.unit),
            u => format!("{n} {u}"),
        }
    }
}

/// The metric panels of `map`: one per KPI card with a metric, journey metrics first, the
/// reviews' values as points and, when `now` is given, the current value as the last
/// point labelled "Now".
pub fn metric_panels(map: &JourneyMap, now: bool) -> Vec<TrendPanel> {
    let mut cards: Vec<(&crate::model::Card, &Metric)> = map
        .stages
        .iter()
        .flat_map(|s| map.cards.iter().filter(move |c| c.stage == s.id))
        .filter_map(|c| c.metric.as_ref().map(|m| (c, m)))
        .collect();
    crate::model::order::sort_by(&mut cards, |a, b| b.1.journey.cmp(&a.1.journey));
    let readings = reviews::metric_trends(map);
    cards
        .into_iter()
        .map(|(c, m)| {
            let mut points: Vec<(String, f64)> = readings
                .get(&c.id)
                .map(|t| t.iter().map(|p| (short_date(&p.date), p.value)).collect())
                .unwrap_or_default();
            if now {
                if let Some(v) = m.current {
                    points.push(("Now".into(), v));
                }
            }
            let stage = map.stage(c.stage).map(|s| s.name.as_str()).unwrap_or("");
            TrendPanel {
                id: c.id,
                title: if m.journey {
                    format!("{} (journey)", c.text)
                } else if stage.is_empty() {
                    c.text.clone()
                } else {
                    format!("{} · {stage}", c.text)
                },
                points,
                target: m.target,
                baseline: m.baseline,
                range: None,
                better: m.better,
                unit: m.unit.clone(),
            }
        })
        .collect()
}

/// The stage panels: each stage's average emotion at each review.
pub fn stage_panels(map: &JourneyMap) -> Vec<TrendPanel> {
    reviews::stage_emotion_trends(map)
        .into_iter()
        .map(|(id, points)| TrendPanel {
            id,
            title: map.stage(id).map(|s| s.name.clone()).unwrap_or_default(),
            points: points
                .iter()
                .map(|p| (short_date(&p.date), p.value))
                .collect(),
            target: None,
            baseline: Some(0.0),
            range: Some((-2.0, 2.0)),
            better: Better::Higher,
            unit: String::new(),
        })
        .collect()
}

/// The re-measured plan items: before and after, against the metric's target.
pub fn remeasured_panels(map: &JourneyMap) -> Vec<TrendPanel> {
    reviews::remeasured(map)
        .into_iter()
        .filter_map(|r| {
            let item = map.card(r.item)?;
            let metric_card = map.card(r.metric)?;
            let m = metric_card.metric.as_ref()?;
            let label = |p: &TrendPoint, what: &str| format!("{what} {}", short_date(&p.date));
            Some(TrendPanel {
                id: r.item,
                title: format!("{} → {}", item.text, metric_card.text),
                points: vec![
                    (label(&r.before, "Before"), r.before.value),
                    (label(&r.after, "After"), r.after.value),
                ],
                target: m.target,
                baseline: None,
                range: None,
                better: m.better,
                unit: m.unit.clone(),
            })
        })
        .collect()
}

/// "2026-03-31" → "31 Mar ’26"; other text as it is.
pub fn short_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match Date::parse(date) {
        Some(d) => format!(
            "{} {} ’{:02}",
            d.day,
            MONTHS[(d.month - 1) as usize],
            d.year.rem_euclid(100)
        ),
        None => date.to_string(),
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendOptions {
    /// Device pixel ratio: fonts, strokes and markers scale by it.
    pub scale: f64,
    /// Extra factor for type only (SVG exports set 1.24).
    pub text_scale: f64,
    /// Panels per row.
    pub columns: usize,
}

impl Default for TrendOptions {
    fn default() -> Self {
        TrendOptions {
            scale: 1.0,
            text_scale: 1.0,
            columns: 3,
        }
    }
}

/// Where the panels and points were drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrendLayout {
    /// Each panel's plot area, in panel order.
    pub plots: Vec<Frame>,
    /// Drawn points: (panel index, point index, x, y).
    pub points: Vec<(usize, usize, f64, f64)>,
}

/// The CSS height the panels need at `width` CSS pixels: a row per `columns` panels.
pub fn height_for(panels: usize, columns: usize) -> u32 {
    let rows = panels.div_ceil(columns.max(1)).max(1);
    (rows as u32) * PANEL_HEIGHT
}

/// A y range around `lo..hi` on round numbers: steps of 1, 2 or 5 × 10ⁿ, about four of
/// them, with room above and below the data.
pub fn nice_range(lo: f64, hi: f64) -> (f64, f64) {
    let span = (hi - lo).max(hi.abs().max(1.0) * 0.02);
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut a = (lo / step).floor() * step;
    let mut b = (hi / step).ceil() * step;
    if a == lo {
        a -= step;
    }
    if b == hi {
        b += step;
    }
    (a, b)
}

/// CSS height of one panel.
pub const PANEL_HEIGHT: u32 = 190;

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws `panels` as small multiples on `area`.
pub fn draw_trends<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panels: &[TrendPanel],
    options: &TrendOptions,
) -> Result<TrendLayout, ChartError> {
    let s = options.scale.max(0.5);
    let t = s * options.text_scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    area.fill(&PAPER)?;
    let mut layout = TrendLayout::default();
    if panels.is_empty() {
        return Ok(layout);
    }
    let cols = options.columns.clamp(1, panels.len());
    let rows = panels.len().div_ceil(cols);
    let (cell_w, cell_h) = (w / cols as f64, h / rows as f64);
    let thin = (1.0 * s).round().max(1.0) as u32;
    let line_w = (2.0 * s).round().max(1.0) as u32;
    for (i, panel) in panels.iter().enumerate() {
        let (cx, cy) = ((i % cols) as f64 * cell_w, (i / cols) as f64 * cell_h);
        let plot = Frame {
            left: cx + 48.0 * s,
            top: cy + 30.0 * s,
            width: (cell_w - 64.0 * s).max(10.0),
            height: (cell_h - 62.0 * s).max(10.0),
        };
        layout.plots.push(plot);
        let title = crate::charts::geometry::truncate(&panel.title, 42);
        area.draw(&Text::new(
            title,
            (px(cx + 10.0 * s), px(cy + 8.0 * s)),
            font(13.0 * t, &INK).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        area.draw(&Rectangle::new(
            [
                (px(plot.left), px(plot.top)),
                (px(plot.right()), px(plot.bottom())),
            ],
            GRID.stroke_width(thin),
        ))?;
        let values = panel.points.iter().map(|p| p.1);
        let (lo, hi) = match panel.range {
            Some(r) => r,
            None => {
                let all: Vec<f64> = values.chain(panel.target).chain(panel.baseline).collect();
                let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                if !lo.is_finite() {
                    (0.0, 1.0)
                } else {
                    nice_range(lo, hi)
                }
            }
        };
        let y_of = |v: f64| plot.bottom() - (v - lo) / (hi - lo) * plot.height;
        for v in [lo, hi] {
            let label = if panel.range.is_some() {
                format!("{:+}", v as i64)
            } else {
                format_number(v)
            };
            area.draw(&Text::new(
                label,
                (px(plot.left - 5.0 * s), px(y_of(v))),
                font(10.0 * t, &MUTED).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        if let Some(b) = panel.baseline {
            let y = px(y_of(b));
            area.draw(&PathElement::new(
                vec![(px(plot.left), y), (px(plot.right()), y)],
                MUTED.stroke_width(thin),
            ))?;
        }
        if let Some(target) = panel.target {
            let y = y_of(target);
            // A dashed target line.
            let dash = 6.0 * s;
            let mut x = plot.left;
            while x < plot.right() {
                let x2 = (x + dash).min(plot.right());
                area.draw(&PathElement::new(
                    vec![(px(x), px(y)), (px(x2), px(y))],
                    GREEN.stroke_width(line_w),
                ))?;
                x += dash * 2.0;
            }
            area.draw(&Text::new(
                format!("target {}", panel.format(target)),
                (px(plot.right() - 4.0 * s), px(y - 3.0 * s)),
                font(10.0 * t, &GREEN).pos(Pos::new(HPos::Right, VPos::Bottom)),
            ))?;
        }
        if panel.points.is_empty() {
            area.draw(&Text::new(
                "Not measured at a review yet".to_string(),
                (
                    px(plot.left + plot.width / 2.0),
                    px(plot.top + plot.height / 2.0),
                ),
                font(11.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
            continue;
        }
        let n = panel.points.len();
        let x_of = |k: usize| plot.left + (k as f64 + 0.5) * plot.width / n as f64;
        let spots: Vec<(i32, i32)> = panel
            .points
            .iter()
            .enumerate()
            .map(|(k, p)| (px(x_of(k)), px(y_of(p.1))))
            .collect();
        let color =
            match (n >= 2).then(|| panel.better.judge(panel.points[0].1, panel.points[n - 1].1)) {
                Some(Some(true)) => GREEN,
                Some(Some(false)) => VERMILLION,
                _ => BRAND,
            };
        if n >= 2 {
            area.draw(&PathElement::new(spots.clone(), color.stroke_width(line_w)))?;
        }
        let every = n.div_ceil(((plot.width / (64.0 * s)).floor() as usize).max(1));
        for (k, (&(x, y), p)) in spots.iter().zip(&panel.points).enumerate() {
            area.draw(&Circle::new((x, y), px(4.0 * s), color.filled()))?;
            layout.points.push((i, k, f64::from(x), f64::from(y)));
            if k % every == 0 || k == n - 1 {
                area.draw(&Text::new(
                    p.0.clone(),
                    (x, px(plot.bottom() + 5.0 * s)),
                    font(10.0 * t, &MUTED).pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        }
        let last = panel.points[n - 1].1;
        area.draw(&Text::new(
            panel.format(last),
            (spots[n - 1].0, spots[n - 1].1 - px(7.0 * s)),
            font(11.0 * t, &INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
    }
    Ok(layout)
}

/// The panels as SVG at `width` × `height` CSS pixels (for export and tests).
pub fn trends_svg(
    panels: &[TrendPanel],
    options: &TrendOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let options = TrendOptions {
            text_scale: super::SVG_TEXT_SCALE,
            ..options.clone()
        };
        draw_trends(&area, panels, &options)?;
        area.present()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_fall_on_round_numbers_around_the_data() {
        assert_eq!(nice_range(31.0, 45.0), (30.0, 50.0));
        assert_eq!(nice_range(120.0, 200.0), (100.0, 220.0));
        assert_eq!(nice_range(5.0, 9.0), (4.0, 10.0));
    }

    #[test]
    fn short_dates_name_the_month() {
        assert_eq!(short_date("2026-03-31"), "31 Mar ’26");
        assert_eq!(short_date("later"), "later");
    }
}
