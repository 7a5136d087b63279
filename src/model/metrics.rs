//! Journey metrics: a KPI card's measure as numbers (kind, unit, baseline, target,
//! current, the direction that counts as better, its source), the progress it shows, and
//! the migration of the free-text KPI values of schema 3 and before.
//!
//! A metric lives on a KPI card ([`crate::model::Card::metric`]): its name is the card's
//! text and its stage the card's stage, unless it is marked as measuring the whole
//! journey ([`Metric::journey`]). Reviews ([`super::reviews`]) record its value over time.

use super::calculators::CalcInputs;
use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// What a metric measures, which decides its usual unit and range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetricKind {
    /// Net Promoter Score, −100..+100.
    Nps,
    /// Customer satisfaction: % of satisfied answers.
    Csat,
    /// A rate in per cent (activation, retention, churn, NRR, win rate …).
    #[default]
    Percentage,
    /// A count (tickets, referrals …).
    Count,
    /// A duration (time-to-value, sales-cycle length …).
    Duration,
    /// An amount of money (expansion revenue, MRR …).
    Money,
    /// Anything else, in its own unit.
    Custom,
}

impl MetricKind {
    /// All kinds, in the order forms list them.
    pub const ALL: [MetricKind; 7] = [
        MetricKind::Nps,
        MetricKind::Csat,
        MetricKind::Percentage,
        MetricKind::Count,
        MetricKind::Duration,
        MetricKind::Money,
        MetricKind::Custom,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            MetricKind::Nps => "NPS",
            MetricKind::Csat => "CSAT",
            MetricKind::Percentage => "Percentage",
            MetricKind::Count => "Count",
            MetricKind::Duration => "Duration",
            MetricKind::Money => "Money",
            MetricKind::Custom => "Custom",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            MetricKind::Nps => "nps",
            MetricKind::Csat => "csat",
            MetricKind::Percentage => "percentage",
            MetricKind::Count => "count",
            MetricKind::Duration => "duration",
            MetricKind::Money => "money",
            MetricKind::Custom => "custom",
        }
    }

    /// The kind for a key from [`MetricKind::key`].
    pub fn from_key(key: &str) -> Option<MetricKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The unit a new metric of this kind starts with.
    pub fn default_unit(self) -> &'static str {
        match self {
            MetricKind::Csat | MetricKind::Percentage => "%",
            MetricKind::Duration => "days",
            MetricKind::Money => "$",
            MetricKind::Nps | MetricKind::Count | MetricKind::Custom => "",
        }
    }
}

/// Which way a metric improves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    /// Higher is better (NPS, retention, win rate).
    #[default]
    Higher,
    /// Lower is better (churn, time-to-value, sales-cycle length).
    Lower,
}

impl Better {
    /// Both directions.
    pub const ALL: [Better; 2] = [Better::Higher, Better::Lower];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Better::Higher => "Higher is better",
            Better::Lower => "Lower is better",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }

    /// The direction for a key from [`Better::key`].
    pub fn from_key(key: &str) -> Option<Better> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }

    /// Whether going from `from` to `to` is an improvement (`Some(true)`), a setback
    /// (`Some(false)`) or no change (`None`).
    pub fn judge(self, from: f64, to: f64) -> Option<bool> {
        if to == from {
            None
        } else {
            Some((to > from) == (self == Better::Higher))
        }
    }
}

/// A KPI card's measure, as numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metric {
    /// What it measures.
    pub kind: MetricKind,
    /// Its unit, e.g. "%", "days", "$"; empty for NPS and plain counts.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Where it started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Where it should get to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Where it is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
    /// Which way counts as better.
    #[serde(skip_serializing_if = "is_default")]
    pub better: Better,
    /// Where the figure comes from, e.g. "Delighted survey, Q3".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Set when it measures the whole journey rather than the card's stage.
    #[serde(skip_serializing_if = "is_default")]
    pub journey: bool,
    /// The calculator inputs its current value was computed from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputs: Option<CalcInputs>,
}

/// Where a metric's current value stands between its baseline and its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// How far from the baseline towards the target, 0..1 (clamped; 1 = target met).
    pub fraction: f64,
    /// Better than the baseline (`Some(true)`), worse (`Some(false)`) or the same (`None`).
    pub improved: Option<bool>,
    /// Whether the target is met or beaten.
    pub met: bool,
}

impl Metric {
    /// A new metric of `kind` with its usual unit and direction.
    pub fn of_kind(kind: MetricKind) -> Metric {
        Metric {
            kind,
            unit: kind.default_unit().to_string(),
            ..Metric::default()
        }
    }

    /// The progress of the current value, once current, baseline and target are set.
    pub fn progress(&self) -> Option<Progress> {
        let (b, t, c) = (self.baseline?, self.target?, self.current?);
        let met = match self.better {
            Better::Higher => c >= t,
            Better::Lower => c <= t,
        };
        let fraction = if t == b {
            if met {
                1.0
            } else {
                0.0
            }
        } else {
            ((c - b) / (t - b)).clamp(0.0, 1.0)
        };
        Some(Progress {
            fraction,
            improved: self.better.judge(b, c),
            met,
        })
    }

    /// `value` written with this metric's unit: "+38" for an NPS, "42 %", "$12,500",
    /// "14 days".
    pub fn format(&self, value: f64) -> String {
        format_value(value, self.kind, &self.unit)
    }
}

/// `value` as an input shows it: no grouping, up to six decimals, trailing zeros
/// dropped ("2.345", "12500", "-4.5"), without the standard library's float formatting
/// (which would add kilobytes to the viewer).
pub fn plain_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let (whole, part) = decimal_digits(value.abs(), 6);
    let mut out = String::new();
    if value < 0.0 && (whole > 0 || part > 0) {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if part > 0 {
        let digits = format!("{part:06}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// A number with at most two decimals, trailing zeros dropped, thousands grouped with
/// commas and a true minus sign: 12500 → "12,500", −0.5 → "−0.5", 2.345 → "2.35"
/// (rounded half away from zero).
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let (whole, frac) = decimal_digits(value.abs(), 2);
    let frac = frac as u64;
    let hundredths = (whole * 100 + frac) as f64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac > 0 {
        let f = format!("{frac:02}");
        grouped.push('.');
        grouped.push_str(f.trim_end_matches('0'));
    }
    if value < 0.0 && hundredths > 0.0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// `value` (≥ 0) rounded to `decimals` places, half away from zero, as the number it
/// prints as (its shortest decimal form: 2.345 is "2.345", so it rounds to 2.35, where
/// the binary value 2.34499… would round down): the whole part and the decimals as an
/// integer.
fn decimal_digits(value: f64, decimals: u32) -> (u64, u32) {
    let scale = 10u64.pow(decimals);
    let n = value * scale as f64;
    if n.is_nan() || n >= 9.0e15 {
        return (value.trunc() as u64, 0);
    }
    // A relative nudge of 10⁻¹² makes 2.345 × 100 = 234.49999999999997 the 234.5 it is
    // written as, and rounds it up; no value a person types is that close to a half.
    let rounded = (n + 0.5 + n * 1e-12).floor() as u64;
    (rounded / scale, (rounded % scale) as u32)
}

/// `value` rounded to `decimals` places, half away from zero, on the decimal number it
/// prints as (2.345 → 2.35, −37.5 → −38 with 0 places): how every calculator result is
/// rounded. Never NaN for finite input.
pub fn round_half_away(value: f64, decimals: u32) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let (whole, part) = decimal_digits(value.abs(), decimals);
    let scale = u64::from(10u32.pow(decimals));
    // One division of two exact integers: the closest double to the decimal.
    let v = match whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(u64::from(part)))
    {
        Some(n) if n < 1 << 53 => n as f64 / scale as f64,
        _ => whole as f64 + f64::from(part) / scale as f64,
    };
    if value < 0.0 {
        -v
    } else {
        v
    }
}

/// A value with its unit, as [`Metric::format`] writes it.
pub fn format_value(value: f64, kind: MetricKind, unit: &str) -> String {
    let n = format_number(value);
    match (kind, unit) {
        (MetricKind::Nps, "") if value > 0.0 => format!("+{n}"),
        (_, "") => n,
        (_, "%") => format!("{n} %"),
        (_, "$" | "€" | "£") => match n.strip_prefix('−') {
            Some(abs) => format!("−{unit}{abs}"),
            None => format!("{unit}{n}"),
        },
        (_, unit) => format!("{n} {unit}"),
    }
}

/// A number read from a KPI's free text, with the unit written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedValue {
    /// The value (after a k or M multiplier).
    pub value: f64,
    /// The unit as normalised: "%", "$", "€", "£", "days", "hours", "minutes", "weeks",
    /// "points", or empty.
    pub unit: &'static str,
}

/// Reads a KPI value written as text: "42", "42 %", "+38", "−12", "$12,500", "€1.2k",
/// "14 days", "36h", "3.5 weeks", "45 pts". Anything more (a range, a comparison, words:
/// "< 60 min", "about 30", "40-50") is not a value and gives `None`, so that it is kept as
/// text rather than guessed at.
pub fn parse_value(text: &str) -> Option<ParsedValue> {
    let mut s = text.trim();
    let mut unit: &'static str = "";
    for (sym, name) in [("$", "$"), ("€", "€"), ("£", "£")] {
        if let Some(rest) = s.strip_prefix(sym) {
            s = rest.trim_start();
            unit = name;
        }
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    } else if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        s = rest;
        negative = true;
    }
    if unit.is_empty() {
        for (sym, name) in [("$", "$"), ("€", "€"), ("£", "£")] {
            if let Some(rest) = s.strip_prefix(sym) {
                s = rest;
                unit = name;
            }
        }
    }
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let (number, rest) = s.split_at(end);
    let value = parse_plain_number(number)?;
    let mut rest = rest.trim();
    let mut multiplier = 1.0;
    if let Some(r) = rest.strip_prefix(['k', 'K']) {
        if r.is_empty()
            || r.starts_with([' ', '%', '$', '€', '£'])
            || !r.starts_with(char::is_alphabetic)
        {
            multiplier = 1_000.0;
            rest = r.trim();
        }
    } else if let Some(r) = rest.strip_prefix('M') {
        if !r.starts_with(char::is_alphabetic) {
            multiplier = 1_000_000.0;
            rest = r.trim();
        }
    }
    let suffix: Option<&'static str> = match rest.to_ascii_lowercase().as_str() {
        "" => Some(""),
        "%" | "percent" => Some("%"),
        "$" | "usd" => Some("$"),
        "€" | "eur" => Some("€"),
        "£" | "gbp" => Some("£"),
        "d" | "day" | "days" => Some("days"),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some("hours"),
        "min" | "mins" | "minute" | "minutes" => Some("minutes"),
        "w" | "wk" | "wks" | "week" | "weeks" => Some("weeks"),
        "pt" | "pts" | "point" | "points" => Some("points"),
        _ => None,
    };
    let suffix = suffix?;
    if !suffix.is_empty() {
        if !unit.is_empty() && unit != suffix {
            return None;
        }
        unit = suffix;
    }
    let value = value * multiplier;
    Some(ParsedValue {
        value: if negative { -value } else { value },
        unit,
    })
}

/// "12,500.5" → 12500.5: digits, commas only between groups of three before the point.
fn parse_plain_number(s: &str) -> Option<f64> {
    if s.is_empty() || s.starts_with(['.', ',']) || s.ends_with(['.', ',']) {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.contains(['.', ','])) {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let plain: String = int.chars().filter(|c| *c != ',').collect();
    let joined = match frac {
        Some(f) => format!("{plain}.{f}"),
        None => plain,
    };
    joined.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The kind and direction a KPI's name and unit suggest.
pub fn guess_kind(name: &str, unit: &str) -> (MetricKind, Better) {
    let lower = name.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let kind = if has(&["nps", "net promoter"]) {
        MetricKind::Nps
    } else if has(&["csat", "satisfaction"]) {
        MetricKind::Csat
    } else {
        match unit {
            "%" => MetricKind::Percentage,
            "$" | "€" | "£" => MetricKind::Money,
            "days" | "hours" | "minutes" | "weeks" => MetricKind::Duration,
            "points" => MetricKind::Custom,
            _ if has(&["time", "cycle", "days", "duration"]) => MetricKind::Duration,
            _ if has(&["rate", "retention", "churn", "nrr", "grr", "%"]) => MetricKind::Percentage,
            _ if has(&["revenue", "mrr", "arr", "value"]) => MetricKind::Money,
            _ => MetricKind::Count,
        }
    };
    let lower_better = has(&[
        "churn",
        "time",
        "cycle",
        "ticket",
        "cost",
        "response",
        "days to",
        "contraction",
        "drop",
        "abandon",
        "escalation",
    ]);
    (
        kind,
        if lower_better {
            Better::Lower
        } else {
            Better::Higher
        },
    )
}

/// A metric made from a KPI card's free-text baseline, target and current value (as
/// schema 3 and before stored them), and the notes to append for texts that are not a
/// plain value, so that no text is lost.
pub fn from_kpi_texts(
    name: &str,
    baseline: &str,
    target: &str,
    current: &str,
) -> (Metric, Vec<String>) {
    let mut notes = Vec::new();
    let mut unit = "";
    let mut read = |label: &str, text: &str| -> Option<f64> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match parse_value(text) {
            Some(p) if unit.is_empty() || p.unit.is_empty() || p.unit == unit => {
                if !p.unit.is_empty() {
                    unit = p.unit;
                }
                Some(p.value)
            }
            _ => {
                notes.push(format!("{label} (as written before): {text}"));
                None
            }
        }
    };
    let baseline = read("Baseline", baseline);
    let target = read("Target", target);
    let current = read("Current", current);
    let (kind, better) = guess_kind(name, unit);
    let unit = match (kind, unit) {
        (_, "points") => "points".to_string(),
        (_, "") => kind.default_unit().to_string(),
        (_, u) => u.to_string(),
    };
    let unit = if kind == MetricKind::Nps || kind == MetricKind::Count && unit.is_empty() {
        String::new()
    } else {
        unit
    };
    (
        Metric {
            kind,
            unit,
            baseline,
            target,
            current,
            better,
            ..Metric::default()
        },
        notes,
    )
}

/// `notes` with `extra` lines appended (a blank line between the old notes and them).
pub fn append_notes(notes: &str, extra: &[String]) -> String {
    if extra.is_empty() {
        return notes.to_string();
    }
    let mut out = notes.trim_end().to_string();
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&extra.join("\n"));
    out
}

/// Turns a KPI card's free-text values into a metric in place (the text fields are
/// emptied, unreadable texts appended to the notes). Does nothing to a card that has a
/// metric or no text values. Returns whether it changed the card.
pub fn upgrade_kpi_card(card: &mut super::map::Card) -> bool {
    if card.metric.is_some()
        || (card.baseline.trim().is_empty()
            && card.target.trim().is_empty()
            && card.current.trim().is_empty())
    {
        return false;
    }
    let (metric, notes) = from_kpi_texts(&card.text, &card.baseline, &card.target, &card.current);
    card.notes = append_notes(&card.notes, &notes);
    card.baseline.clear();
    card.target.clear();
    card.current.clear();
    card.metric = Some(metric);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(f64, &'static str)> {
        parse_value(s).map(|v| (v.value, v.unit))
    }

    #[test]
    fn plain_values_parse_with_their_units() {
        assert_eq!(p("42"), Some((42.0, "")));
        assert_eq!(p(" 42 % "), Some((42.0, "%")));
        assert_eq!(p("42%"), Some((42.0, "%")));
        assert_eq!(p("+38"), Some((38.0, "")));
        assert_eq!(p("−12"), Some((-12.0, "")));
        assert_eq!(p("-4.5"), Some((-4.5, "")));
        assert_eq!(p("$12,500"), Some((12_500.0, "$")));
        assert_eq!(p("€1.2k"), Some((1_200.0, "€")));
        assert_eq!(p("2M"), Some((2_000_000.0, "")));
        assert_eq!(p("14 days"), Some((14.0, "days")));
        assert_eq!(p("36h"), Some((36.0, "hours")));
        assert_eq!(p("3.5 weeks"), Some((3.5, "weeks")));
        assert_eq!(p("45 pts"), Some((45.0, "points")));
        assert_eq!(p("120 %"), Some((120.0, "%")));
        assert_eq!(p("-$300"), Some((-300.0, "$")));
    }

    #[test]
    fn anything_more_than_a_value_is_not_parsed() {
        for text in [
            "< 60 min",
            "about 30",
            "40-50",
            "n/a",
            "",
            "12,50",
            "1.2.3",
            "TBD",
            "30 % by Q3",
            "$5 days",
            ".5",
            "1,2345",
        ] {
            assert_eq!(p(text), None, "{text}");
        }
    }

    #[test]
    fn kpi_texts_migrate_where_they_parse_and_are_kept_as_notes_where_not() {
        let (m, notes) = from_kpi_texts("Time to first value", "21 days", "< 7 days", "12 days");
        assert_eq!(m.kind, MetricKind::Duration);
        assert_eq!(m.unit, "days");
        assert_eq!(m.better, Better::Lower);
        assert_eq!(
            (m.baseline, m.target, m.current),
            (Some(21.0), None, Some(12.0))
        );
        assert_eq!(
            notes,
            vec!["Target (as written before): < 7 days".to_string()]
        );

        let (m, notes) = from_kpi_texts("NPS", "+12", "40", "31");
        assert_eq!(m.kind, MetricKind::Nps);
        assert_eq!(m.unit, "");
        assert_eq!(
            (m.baseline, m.target, m.current),
            (Some(12.0), Some(40.0), Some(31.0))
        );
        assert!(notes.is_empty());

        let (m, _) = from_kpi_texts("Logo churn", "8 %", "5 %", "");
        assert_eq!(
            (m.kind, m.better, m.unit.as_str()),
            (MetricKind::Percentage, Better::Lower, "%")
        );
        assert_eq!(m.current, None);

        // Mixed units: the second is not silently read in the first's unit.
        let (m, notes) = from_kpi_texts("Expansion", "$1,000", "20 %", "");
        assert_eq!(m.baseline, Some(1000.0));
        assert_eq!(m.target, None);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn upgrading_a_card_keeps_every_text() {
        let mut card = super::super::map::Card {
            text: "Win rate".into(),
            notes: "From the CRM".into(),
            baseline: "18 %".into(),
            target: "about a quarter".into(),
            current: "21%".into(),
            ..Default::default()
        };
        assert!(upgrade_kpi_card(&mut card));
        let m = card.metric.clone().unwrap();
        assert_eq!(
            (m.baseline, m.target, m.current),
            (Some(18.0), None, Some(21.0))
        );
        assert_eq!(
            card.notes,
            "From the CRM\n\nTarget (as written before): about a quarter"
        );
        assert!(card.baseline.is_empty() && card.target.is_empty() && card.current.is_empty());
        assert!(
            !upgrade_kpi_card(&mut card),
            "a second upgrade does nothing"
        );
    }

    #[test]
    fn progress_follows_the_direction() {
        let m = Metric {
            baseline: Some(20.0),
            target: Some(40.0),
            current: Some(30.0),
            ..Metric::of_kind(MetricKind::Nps)
        };
        let pr = m.progress().unwrap();
        assert_eq!(pr.fraction, 0.5);
        assert_eq!(pr.improved, Some(true));
        assert!(!pr.met);
        let churn = Metric {
            baseline: Some(8.0),
            target: Some(5.0),
            current: Some(9.0),
            better: Better::Lower,
            ..Metric::of_kind(MetricKind::Percentage)
        };
        let pr = churn.progress().unwrap();
        assert_eq!(pr.fraction, 0.0);
        assert_eq!(pr.improved, Some(false));
        let done = Metric {
            current: Some(4.0),
            ..churn.clone()
        };
        assert!(done.progress().unwrap().met);
        assert_eq!(done.progress().unwrap().fraction, 1.0);
        assert_eq!(Metric::default().progress(), None);
    }

    #[test]
    fn values_are_written_with_their_units() {
        assert_eq!(format_value(38.0, MetricKind::Nps, ""), "+38");
        assert_eq!(format_value(-12.0, MetricKind::Nps, ""), "−12");
        assert_eq!(format_value(0.0, MetricKind::Nps, ""), "0");
        assert_eq!(format_value(42.5, MetricKind::Percentage, "%"), "42.5 %");
        assert_eq!(format_value(12_500.0, MetricKind::Money, "$"), "$12,500");
        assert_eq!(format_value(-300.0, MetricKind::Money, "€"), "−€300");
        assert_eq!(format_value(14.0, MetricKind::Duration, "days"), "14 days");
        assert_eq!(format_number(2.345), "2.35");
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(f64::NAN), "—");
        assert_eq!(format_number(0.995), "1");
        assert_eq!(round_half_away(2.345, 2), 2.35);
        assert_eq!(round_half_away(-37.5, 0), -38.0);
        assert_eq!(round_half_away(37.5, 0), 38.0);
        assert_eq!(round_half_away(0.05, 1), 0.1);
        assert_eq!(round_half_away(1.25, 1), 1.3);
        assert_eq!(round_half_away(-1.25, 1), -1.3);
        assert_eq!(round_half_away(66.666, 1), 66.7);
        assert_eq!(plain_number(2.345), "2.345");
        assert_eq!(plain_number(-4.5), "-4.5");
        assert_eq!(plain_number(12_500.0), "12500");
        assert_eq!(plain_number(0.1 + 0.2), "0.3");
    }
}
