//! Calculators that fill a metric's value from what a team has at hand, built on
//! [`super::formulas`]: NPS from counts or pasted 0–10 answers, CSAT, retention and churn
//! from customer counts, net and gross revenue retention from MRR movements, and
//! time-to-value as the median of pasted durations.
//!
//! The inputs are kept on the metric ([`super::metrics::Metric::inputs`]) so the figure
//! can be checked and recomputed. Inputs are stored as entered (counts as signed
//! numbers), so that a wrong one gets a message naming it, never a NaN.
//!
//! Rounding: an NPS is a whole number rounded half away from zero, as
//! [`NpsCounts::rounded`] computes it in integers; percentages and medians keep one
//! decimal, rounded half away from zero ([`round_half_away`]).

use super::formulas::{self, FormulaError, MrrMovements, NpsCategory, NpsCounts};
use super::metrics::{round_half_away, MetricKind};
use serde::{Deserialize, Serialize};

/// What a calculator was given. Stored as a [`CalcRecord`] (a plain struct: an internally
/// tagged enum costs the wasm tens of kilobytes of serde machinery).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "CalcRecord", into = "CalcRecord")]
pub enum CalcInputs {
    /// NPS from the number of promoters, passives and detractors.
    NpsCounts {
        /// Answers of 9 or 10.
        promoters: i64,
        /// Answers of 7 or 8.
        passives: i64,
        /// Answers of 0 to 6.
        detractors: i64,
    },
    /// NPS from pasted 0–10 answers (separated by spaces, commas, semicolons or lines).
    NpsAnswers {
        /// The answers as pasted.
        answers: String,
    },
    /// CSAT: the share of satisfied answers (4 or 5 of 5).
    Csat {
        /// Satisfied answers.
        satisfied: i64,
        /// All answers.
        responses: i64,
    },
    /// Customer retention: customers kept of those at the start.
    Retention {
        /// Customers at the start of the period.
        start: i64,
        /// Of those, still customers at its end.
        kept: i64,
    },
    /// Customer churn: customers lost of those at the start.
    Churn {
        /// Customers at the start of the period.
        start: i64,
        /// Of those, still customers at its end.
        kept: i64,
    },
    /// Net revenue retention.
    Nrr {
        /// MRR at the start.
        start: f64,
        /// Expansion MRR.
        expansion: f64,
        /// Contraction MRR.
        contraction: f64,
        /// Churned MRR.
        churned: f64,
    },
    /// Gross revenue retention (expansion does not count).
    Grr {
        /// MRR at the start.
        start: f64,
        /// Contraction MRR.
        contraction: f64,
        /// Churned MRR.
        churned: f64,
    },
    /// Time-to-value: the median of pasted durations, in days.
    TimeToValue {
        /// The durations as pasted ("12", "3d", "2w", "36h").
        durations: String,
    },
}

/// How [`CalcInputs`] are stored in files: the calculator, its counts, amounts and
/// pasted text, each left out when empty. Missing numbers read as 0.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalcRecord {
    /// Which calculator.
    pub calc: Calculator,
    /// Its counts, in [`Calculator::fields`] order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<i64>,
    /// Its amounts, in [`Calculator::fields`] order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<f64>,
    /// Its pasted list.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl From<CalcInputs> for CalcRecord {
    fn from(i: CalcInputs) -> CalcRecord {
        let calc = Calculator::of(&i);
        let (counts, amounts, text) = match i {
            CalcInputs::NpsCounts {
                promoters,
                passives,
                detractors,
            } => (vec![promoters, passives, detractors], vec![], String::new()),
            CalcInputs::NpsAnswers { answers } => (vec![], vec![], answers),
            CalcInputs::Csat {
                satisfied,
                responses,
            } => (vec![satisfied, responses], vec![], String::new()),
            CalcInputs::Retention { start, kept } | CalcInputs::Churn { start, kept } => {
                (vec![start, kept], vec![], String::new())
            }
            CalcInputs::Nrr {
                start,
                expansion,
                contraction,
                churned,
            } => (
                vec![],
                vec![start, expansion, contraction, churned],
                String::new(),
            ),
            CalcInputs::Grr {
                start,
                contraction,
                churned,
            } => (vec![], vec![start, contraction, churned], String::new()),
            CalcInputs::TimeToValue { durations } => (vec![], vec![], durations),
        };
        CalcRecord {
            calc,
            counts,
            amounts,
            text,
        }
    }
}

impl From<CalcRecord> for CalcInputs {
    fn from(r: CalcRecord) -> CalcInputs {
        let c = |i: usize| r.counts.get(i).copied().unwrap_or(0);
        let a = |i: usize| r.amounts.get(i).copied().unwrap_or(0.0);
        match r.calc {
            Calculator::NpsCounts => CalcInputs::NpsCounts {
                promoters: c(0),
                passives: c(1),
                detractors: c(2),
            },
            Calculator::NpsAnswers => CalcInputs::NpsAnswers { answers: r.text },
            Calculator::Csat => CalcInputs::Csat {
                satisfied: c(0),
                responses: c(1),
            },
            Calculator::Retention => CalcInputs::Retention {
                start: c(0),
                kept: c(1),
            },
            Calculator::Churn => CalcInputs::Churn {
                start: c(0),
                kept: c(1),
            },
            Calculator::Nrr => CalcInputs::Nrr {
                start: a(0),
                expansion: a(1),
                contraction: a(2),
                churned: a(3),
            },
            Calculator::Grr => CalcInputs::Grr {
                start: a(0),
                contraction: a(1),
                churned: a(2),
            },
            Calculator::TimeToValue => CalcInputs::TimeToValue { durations: r.text },
        }
    }
}

/// The calculators, for a picker.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calculator {
    /// [`CalcInputs::NpsCounts`].
    NpsCounts,
    /// [`CalcInputs::NpsAnswers`].
    #[default]
    NpsAnswers,
    /// [`CalcInputs::Csat`].
    Csat,
    /// [`CalcInputs::Retention`].
    Retention,
    /// [`CalcInputs::Churn`].
    Churn,
    /// [`CalcInputs::Nrr`].
    Nrr,
    /// [`CalcInputs::Grr`].
    Grr,
    /// [`CalcInputs::TimeToValue`].
    TimeToValue,
}

impl Calculator {
    /// All calculators in the order a picker lists them.
    pub const ALL: [Calculator; 8] = [
        Calculator::NpsAnswers,
        Calculator::NpsCounts,
        Calculator::Csat,
        Calculator::Retention,
        Calculator::Churn,
        Calculator::Nrr,
        Calculator::Grr,
        Calculator::TimeToValue,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Calculator::NpsAnswers => "NPS from raw 0–10 answers",
            Calculator::NpsCounts => "NPS from counts",
            Calculator::Csat => "CSAT",
            Calculator::Retention => "Customer retention",
            Calculator::Churn => "Customer churn",
            Calculator::Nrr => "Net revenue retention (NRR)",
            Calculator::Grr => "Gross revenue retention (GRR)",
            Calculator::TimeToValue => "Time-to-value (median)",
        }
    }

    /// Stable key used in forms.
    pub fn key(self) -> &'static str {
        match self {
            Calculator::NpsAnswers => "nps-answers",
            Calculator::NpsCounts => "nps-counts",
            Calculator::Csat => "csat",
            Calculator::Retention => "retention",
            Calculator::Churn => "churn",
            Calculator::Nrr => "nrr",
            Calculator::Grr => "grr",
            Calculator::TimeToValue => "time-to-value",
        }
    }

    /// The calculator for a key from [`Calculator::key`].
    pub fn from_key(key: &str) -> Option<Calculator> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The names of its inputs, in form order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Calculator::NpsAnswers => &["Answers (0–10), one per line or separated by commas"],
            Calculator::NpsCounts => &["Promoters (9–10)", "Passives (7–8)", "Detractors (0–6)"],
            Calculator::Csat => &["Satisfied answers (4–5 of 5)", "All answers"],
            Calculator::Retention | Calculator::Churn => {
                &["Customers at the start", "Of those, customers at the end"]
            }
            Calculator::Nrr => &[
                "Start MRR",
                "Expansion MRR",
                "Contraction MRR",
                "Churned MRR",
            ],
            Calculator::Grr => &["Start MRR", "Contraction MRR", "Churned MRR"],
            Calculator::TimeToValue => &["Durations in days (3d, 2w, 36h work too)"],
        }
    }

    /// The calculator that made `inputs`.
    pub fn of(inputs: &CalcInputs) -> Calculator {
        match inputs {
            CalcInputs::NpsCounts { .. } => Calculator::NpsCounts,
            CalcInputs::NpsAnswers { .. } => Calculator::NpsAnswers,
            CalcInputs::Csat { .. } => Calculator::Csat,
            CalcInputs::Retention { .. } => Calculator::Retention,
            CalcInputs::Churn { .. } => Calculator::Churn,
            CalcInputs::Nrr { .. } => Calculator::Nrr,
            CalcInputs::Grr { .. } => Calculator::Grr,
            CalcInputs::TimeToValue { .. } => Calculator::TimeToValue,
        }
    }

    /// The form's texts for `inputs` (the inverse of [`Calculator::inputs`]).
    pub fn texts(inputs: &CalcInputs) -> Vec<String> {
        let n = |v: &f64| super::metrics::format_number(*v).replace(',', "");
        match inputs {
            CalcInputs::NpsCounts {
                promoters,
                passives,
                detractors,
            } => vec![
                promoters.to_string(),
                passives.to_string(),
                detractors.to_string(),
            ],
            CalcInputs::NpsAnswers { answers } => vec![answers.clone()],
            CalcInputs::Csat {
                satisfied,
                responses,
            } => vec![satisfied.to_string(), responses.to_string()],
            CalcInputs::Retention { start, kept } | CalcInputs::Churn { start, kept } => {
                vec![start.to_string(), kept.to_string()]
            }
            CalcInputs::Nrr {
                start,
                expansion,
                contraction,
                churned,
            } => vec![n(start), n(expansion), n(contraction), n(churned)],
            CalcInputs::Grr {
                start,
                contraction,
                churned,
            } => vec![n(start), n(contraction), n(churned)],
            CalcInputs::TimeToValue { durations } => vec![durations.clone()],
        }
    }

    /// The inputs read from the form's texts (in [`Calculator::fields`] order); a text
    /// that is not a number gets a message naming its field.
    pub fn inputs(self, texts: &[String]) -> Result<CalcInputs, CalcError> {
        let field = |i: usize| texts.get(i).map(String::as_str).unwrap_or("");
        let name = |i: usize| self.fields()[i];
        let count = |i: usize| -> Result<i64, CalcError> {
            let t = field(i).trim().replace([',', ' '], "").replace('−', "-");
            if t.is_empty() {
                return Err(CalcError::Missing { what: name(i) });
            }
            t.parse::<i64>().map_err(|_| CalcError::NotAWholeNumber {
                what: name(i),
                text: field(i).trim().to_string(),
            })
        };
        let amount = |i: usize| -> Result<f64, CalcError> {
            let t = field(i).trim();
            if t.is_empty() {
                return Err(CalcError::Missing { what: name(i) });
            }
            super::metrics::parse_value(t)
                .filter(|p| matches!(p.unit, "" | "$" | "€" | "£"))
                .map(|p| p.value)
                .ok_or_else(|| CalcError::NotANumber {
                    what: name(i),
                    text: t.to_string(),
                })
        };
        Ok(match self {
            Calculator::NpsAnswers => CalcInputs::NpsAnswers {
                answers: field(0).to_string(),
            },
            Calculator::NpsCounts => CalcInputs::NpsCounts {
                promoters: count(0)?,
                passives: count(1)?,
                detractors: count(2)?,
            },
            Calculator::Csat => CalcInputs::Csat {
                satisfied: count(0)?,
                responses: count(1)?,
            },
            Calculator::Retention => CalcInputs::Retention {
                start: count(0)?,
                kept: count(1)?,
            },
            Calculator::Churn => CalcInputs::Churn {
                start: count(0)?,
                kept: count(1)?,
            },
            Calculator::Nrr => CalcInputs::Nrr {
                start: amount(0)?,
                expansion: amount(1)?,
                contraction: amount(2)?,
                churned: amount(3)?,
            },
            Calculator::Grr => CalcInputs::Grr {
                start: amount(0)?,
                contraction: amount(1)?,
                churned: amount(2)?,
            },
            Calculator::TimeToValue => CalcInputs::TimeToValue {
                durations: field(0).to_string(),
            },
        })
    }
}

/// Why a calculator could not compute, in words a user can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum CalcError {
    /// A formula refused its input.
    Formula(FormulaError),
    /// A field was left empty.
    Missing {
        /// The field.
        what: &'static str,
    },
    /// A count was not a whole number.
    NotAWholeNumber {
        /// The field.
        what: &'static str,
        /// What was typed.
        text: String,
    },
    /// An amount was not a number.
    NotANumber {
        /// The field.
        what: &'static str,
        /// What was typed.
        text: String,
    },
    /// A count was negative.
    NegativeCount {
        /// The field.
        what: &'static str,
        /// The count.
        value: i64,
    },
    /// More satisfied answers than answers.
    MoreSatisfiedThanAnswers {
        /// Satisfied answers.
        satisfied: i64,
        /// All answers.
        responses: i64,
    },
    /// No answers or durations to compute from.
    Empty {
        /// "answers" or "durations".
        what: &'static str,
    },
    /// A pasted item is not a whole number 0–10 or not a duration.
    BadItem {
        /// Which item (1 = first).
        position: usize,
        /// The item as pasted.
        text: String,
        /// What it should be.
        expected: &'static str,
    },
}

impl std::fmt::Display for CalcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalcError::Formula(e) => write!(f, "{e}"),
            CalcError::Missing { what } => write!(f, "“{what}” is empty: enter a number."),
            CalcError::NotAWholeNumber { what, text } => write!(
                f,
                "“{what}” is “{text}”, which is not a whole number: enter a count such as 12."
            ),
            CalcError::NotANumber { what, text } => write!(
                f,
                "“{what}” is “{text}”, which is not a number: enter an amount such as 12500."
            ),
            CalcError::NegativeCount { what, value } => write!(
                f,
                "“{what}” is {value}, but a count cannot be negative: enter 0 or more."
            ),
            CalcError::MoreSatisfiedThanAnswers {
                satisfied,
                responses,
            } => write!(
                f,
                "{satisfied} satisfied answers is more than the {responses} answers in all: check the counts."
            ),
            CalcError::Empty { what } => write!(f, "There are no {what} to compute from: paste at least one."),
            CalcError::BadItem {
                position,
                text,
                expected,
            } => write!(
                f,
                "Item {position} is “{text}”, which is not {expected}: correct or remove it."
            ),
        }
    }
}

impl From<FormulaError> for CalcError {
    fn from(e: FormulaError) -> CalcError {
        CalcError::Formula(e)
    }
}

/// What a calculator computed.
#[derive(Clone, Debug, PartialEq)]
pub struct CalcResult {
    /// The value to store as the metric's current value, rounded as the module says.
    pub value: f64,
    /// The kind of metric it fits.
    pub kind: MetricKind,
    /// The unit of the value.
    pub unit: &'static str,
    /// How it was computed, in words with the figures.
    pub working: String,
    /// For an NPS: the answers per band (promoters, passives, detractors).
    pub bands: Option<NpsCounts>,
}

fn non_negative(value: i64, what: &'static str) -> Result<u64, CalcError> {
    u64::try_from(value).map_err(|_| CalcError::NegativeCount { what, value })
}

/// `numerator / denominator` as a percentage with one decimal, rounded half away from
/// zero, computed in integers (no float error can tip a half).
fn percent_tenths(numerator: u128, denominator: u128) -> f64 {
    let tenths = (2000 * numerator + denominator) / (2 * denominator);
    tenths as f64 / 10.0
}

/// An amount in whole cents (amounts are money: a thousandth of a cent does not count).
fn cents(v: f64) -> i128 {
    (v * 100.0).round() as i128
}

/// Splits pasted text into items at spaces, commas, semicolons, tabs and line breaks.
fn items(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|s| !s.is_empty())
        .collect()
}

/// Reads pasted NPS answers: whole numbers 0–10.
pub fn parse_answers(text: &str) -> Result<Vec<i64>, CalcError> {
    let mut out = Vec::new();
    for (i, item) in items(text).into_iter().enumerate() {
        let value: i64 = item
            .replace('−', "-")
            .parse()
            .map_err(|_| CalcError::BadItem {
                position: i + 1,
                text: item.to_string(),
                expected: "a whole number from 0 to 10",
            })?;
        out.push(value);
    }
    if out.is_empty() {
        return Err(CalcError::Empty { what: "answers" });
    }
    Ok(out)
}

/// Reads pasted durations into days: "12" and "12d" are days, "2w" weeks, "36h" hours.
pub fn parse_durations(text: &str) -> Result<Vec<f64>, CalcError> {
    let mut out = Vec::new();
    for (i, item) in items(text).into_iter().enumerate() {
        let bad = || CalcError::BadItem {
            position: i + 1,
            text: item.to_string(),
            expected: "a duration such as 12, 12d, 2w or 36h",
        };
        let parsed = super::metrics::parse_value(item).ok_or_else(bad)?;
        let days = match parsed.unit {
            "" | "days" => parsed.value,
            "weeks" => parsed.value * 7.0,
            "hours" => parsed.value / 24.0,
            "minutes" => parsed.value / 1440.0,
            _ => return Err(bad()),
        };
        if days < 0.0 {
            return Err(bad());
        }
        out.push(days);
    }
    if out.is_empty() {
        return Err(CalcError::Empty { what: "durations" });
    }
    Ok(out)
}

/// The median: the middle value, or the mean of the two middle values.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    super::order::sort_by(&mut sorted, |a, b| a.total_cmp(b));
    let n = sorted.len();
    Some(if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    })
}

fn nps_result(counts: NpsCounts) -> Result<CalcResult, CalcError> {
    let value = counts
        .rounded()
        .ok_or(CalcError::Empty { what: "answers" })?;
    let total = counts.total();
    let pct = |n: u32| {
        super::metrics::format_number(round_half_away(100.0 * f64::from(n) / total as f64, 1))
    };
    Ok(CalcResult {
        value: f64::from(value),
        kind: MetricKind::Nps,
        unit: "",
        working: format!(
            "{} promoters, {} passives and {} detractors of {total} answers: {} % − {} % = {}",
            counts.promoters,
            counts.passives,
            counts.detractors,
            pct(counts.promoters),
            pct(counts.detractors),
            super::metrics::format_value(f64::from(value), MetricKind::Nps, "")
        ),
        bands: Some(counts),
    })
}

/// Computes a calculator's value from its inputs.
pub fn compute(inputs: &CalcInputs) -> Result<CalcResult, CalcError> {
    let pct = |kind, value: f64, working: String| CalcResult {
        value,
        kind,
        unit: "%",
        working,
        bands: None,
    };
    match inputs {
        CalcInputs::NpsCounts {
            promoters,
            passives,
            detractors,
        } => {
            let small = |v: i64, what| -> Result<u32, CalcError> {
                let v = non_negative(v, what)?;
                u32::try_from(v).map_err(|_| CalcError::NotAWholeNumber {
                    what,
                    text: v.to_string(),
                })
            };
            let counts = NpsCounts {
                promoters: small(*promoters, "Promoters (9–10)")?,
                passives: small(*passives, "Passives (7–8)")?,
                detractors: small(*detractors, "Detractors (0–6)")?,
            };
            nps_result(counts)
        }
        CalcInputs::NpsAnswers { answers } => {
            let answers = parse_answers(answers)?;
            nps_result(NpsCounts::from_answers(&answers)?)
        }
        CalcInputs::Csat {
            satisfied,
            responses,
        } => {
            let s = non_negative(*satisfied, "Satisfied answers (4–5 of 5)")?;
            let r = non_negative(*responses, "All answers")?;
            if r == 0 {
                return Err(CalcError::Empty { what: "answers" });
            }
            if s > r {
                return Err(CalcError::MoreSatisfiedThanAnswers {
                    satisfied: *satisfied,
                    responses: *responses,
                });
            }
            let v = percent_tenths(u128::from(s), u128::from(r));
            Ok(pct(
                MetricKind::Csat,
                v,
                format!(
                    "{s} satisfied of {r} answers = {} %",
                    super::metrics::format_number(v)
                ),
            ))
        }
        CalcInputs::Retention { start, kept } | CalcInputs::Churn { start, kept } => {
            let s = non_negative(*start, "Customers at the start")?;
            let k = non_negative(*kept, "Of those, customers at the end")?;
            // The formulas check the counts (start 0, more kept than there were).
            formulas::retention(s, k)?;
            let churn = matches!(inputs, CalcInputs::Churn { .. });
            let v = if churn {
                percent_tenths(u128::from(s - k), u128::from(s))
            } else {
                percent_tenths(u128::from(k), u128::from(s))
            };
            let working = if churn {
                format!(
                    "{} lost of {s} customers = {} %",
                    s - k,
                    super::metrics::format_number(v)
                )
            } else {
                format!(
                    "{k} kept of {s} customers = {} %",
                    super::metrics::format_number(v)
                )
            };
            Ok(pct(MetricKind::Percentage, v, working))
        }
        CalcInputs::Nrr {
            start,
            expansion,
            contraction,
            churned,
        } => {
            MrrMovements {
                start: *start,
                expansion: *expansion,
                contraction: *contraction,
                churned: *churned,
            }
            .net_revenue_retention()?;
            let (s, e, c, ch) = (
                cents(*start),
                cents(*expansion),
                cents(*contraction),
                cents(*churned),
            );
            if s == 0 {
                return Err(FormulaError::StartIsZero { what: "MRR" }.into());
            }
            let v = percent_tenths((s + e - c - ch) as u128, s as u128);
            let n = |v: f64| super::metrics::format_number(v);
            Ok(pct(
                MetricKind::Percentage,
                v,
                format!(
                    "({} + {} − {} − {}) / {} = {} %",
                    n(*start),
                    n(*expansion),
                    n(*contraction),
                    n(*churned),
                    n(*start),
                    n(v)
                ),
            ))
        }
        CalcInputs::Grr {
            start,
            contraction,
            churned,
        } => {
            MrrMovements {
                start: *start,
                expansion: 0.0,
                contraction: *contraction,
                churned: *churned,
            }
            .net_revenue_retention()?;
            let (s, c, ch) = (cents(*start), cents(*contraction), cents(*churned));
            if s == 0 {
                return Err(FormulaError::StartIsZero { what: "MRR" }.into());
            }
            let v = percent_tenths((s - c - ch) as u128, s as u128);
            let n = |v: f64| super::metrics::format_number(v);
            Ok(pct(
                MetricKind::Percentage,
                v,
                format!(
                    "({} − {} − {}) / {} = {} % (expansion does not count)",
                    n(*start),
                    n(*contraction),
                    n(*churned),
                    n(*start),
                    n(v)
                ),
            ))
        }
        CalcInputs::TimeToValue { durations } => {
            let days = parse_durations(durations)?;
            let m = median(&days).ok_or(CalcError::Empty { what: "durations" })?;
            let v = round_half_away(m, 1);
            Ok(CalcResult {
                value: v,
                kind: MetricKind::Duration,
                unit: "days",
                working: format!(
                    "median of {} durations = {} days",
                    days.len(),
                    super::metrics::format_number(v)
                ),
                bands: None,
            })
        }
    }
}

/// The band of each pasted answer, for showing answers beside their band.
pub fn bands_of(answers: &[i64]) -> Vec<Option<NpsCategory>> {
    answers.iter().map(|a| NpsCategory::of(*a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(inputs: CalcInputs) -> f64 {
        compute(&inputs).unwrap().value
    }

    #[test]
    fn nps_bounds_are_minus_and_plus_hundred() {
        let all = |s: &str| value(CalcInputs::NpsAnswers { answers: s.into() });
        assert_eq!(all("9 10 10 9"), 100.0);
        assert_eq!(all("0,1,2,3,4,5,6"), -100.0);
        assert_eq!(
            value(CalcInputs::NpsCounts {
                promoters: 0,
                passives: 0,
                detractors: 12
            }),
            -100.0
        );
        assert_eq!(
            value(CalcInputs::NpsCounts {
                promoters: 7,
                passives: 0,
                detractors: 0
            }),
            100.0
        );
    }

    #[test]
    fn twenty_pasted_answers_give_their_score_and_bands() {
        // 10 promoters, 6 passives, 4 detractors of 20: 50 % − 20 % = 30.
        let pasted = "10\n9\n9\n10\n9\n10\n9\n9\n10\n9\n8\n7\n8\n7\n8\n7\n6\n3\n0\n5";
        let r = compute(&CalcInputs::NpsAnswers {
            answers: pasted.into(),
        })
        .unwrap();
        assert_eq!(r.value, 30.0);
        assert_eq!(
            r.bands,
            Some(NpsCounts {
                promoters: 10,
                passives: 6,
                detractors: 4
            })
        );
        assert_eq!(
            r.working,
            "10 promoters, 6 passives and 4 detractors of 20 answers: 50 % − 20 % = +30"
        );
    }

    #[test]
    fn nps_rounds_half_away_from_zero() {
        // 3 of 8 promoters: 37.5 → 38; 3 of 8 detractors: −37.5 → −38.
        let c = |p, d| {
            value(CalcInputs::NpsCounts {
                promoters: p,
                passives: 8 - p - d,
                detractors: d,
            })
        };
        assert_eq!(c(3, 0), 38.0);
        assert_eq!(c(0, 3), -38.0);
        // 1 promoter, 2 detractors of 3: −33.3 → −33.
        assert_eq!(
            value(CalcInputs::NpsCounts {
                promoters: 1,
                passives: 0,
                detractors: 2
            }),
            -33.0
        );
    }

    #[test]
    fn scores_outside_zero_to_ten_and_junk_get_messages() {
        let err = compute(&CalcInputs::NpsAnswers {
            answers: "9, 10, 11".into(),
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Answer 3 is 11, but NPS answers run from 0 to 10: correct or remove it."
        );
        let err = compute(&CalcInputs::NpsAnswers {
            answers: "9 -1".into(),
        })
        .unwrap_err();
        assert!(err.to_string().starts_with("Answer 2 is -1"), "{err}");
        let err = compute(&CalcInputs::NpsAnswers {
            answers: "9 seven".into(),
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Item 2 is “seven”, which is not a whole number from 0 to 10: correct or remove it."
        );
        let err = compute(&CalcInputs::NpsAnswers {
            answers: " \n".into(),
        })
        .unwrap_err();
        assert_eq!(err, CalcError::Empty { what: "answers" });
        let err = compute(&CalcInputs::NpsCounts {
            promoters: 0,
            passives: 0,
            detractors: 0,
        })
        .unwrap_err();
        assert_eq!(err, CalcError::Empty { what: "answers" });
    }

    #[test]
    fn negative_counts_are_refused_by_name() {
        let err = compute(&CalcInputs::NpsCounts {
            promoters: 5,
            passives: -2,
            detractors: 1,
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "“Passives (7–8)” is -2, but a count cannot be negative: enter 0 or more."
        );
        assert!(compute(&CalcInputs::Retention {
            start: -10,
            kept: 2
        })
        .is_err());
        assert!(compute(&CalcInputs::Csat {
            satisfied: -1,
            responses: 4
        })
        .is_err());
    }

    #[test]
    fn csat_retention_and_churn_in_exact_tenths() {
        assert_eq!(
            value(CalcInputs::Csat {
                satisfied: 41,
                responses: 50
            }),
            82.0
        );
        // 2 of 3 = 66.666… → 66.7; 1 of 8 = 12.5 exactly; 1 of 16 = 6.25 → 6.3.
        assert_eq!(
            value(CalcInputs::Csat {
                satisfied: 2,
                responses: 3
            }),
            66.7
        );
        assert_eq!(
            value(CalcInputs::Retention {
                start: 16,
                kept: 15
            }),
            93.8
        );
        assert_eq!(
            value(CalcInputs::Churn {
                start: 16,
                kept: 15
            }),
            6.3
        );
        assert_eq!(
            value(CalcInputs::Retention {
                start: 200,
                kept: 184
            }),
            92.0
        );
        assert_eq!(
            value(CalcInputs::Churn {
                start: 200,
                kept: 184
            }),
            8.0
        );
        assert_eq!(
            compute(&CalcInputs::Csat {
                satisfied: 6,
                responses: 5
            })
            .unwrap_err(),
            CalcError::MoreSatisfiedThanAnswers {
                satisfied: 6,
                responses: 5
            }
        );
        assert_eq!(
            compute(&CalcInputs::Churn { start: 0, kept: 0 }).unwrap_err(),
            CalcError::Formula(FormulaError::StartIsZero { what: "customers" })
        );
    }

    #[test]
    fn nrr_and_grr_including_zero_expansion_and_zero_start() {
        let nrr = |s, e, c, ch| {
            compute(&CalcInputs::Nrr {
                start: s,
                expansion: e,
                contraction: c,
                churned: ch,
            })
        };
        assert_eq!(
            nrr(100_000.0, 30_000.0, 5_000.0, 5_000.0).unwrap().value,
            120.0
        );
        // Zero expansion: NRR equals GRR.
        let r = nrr(50_000.0, 0.0, 2_000.0, 3_000.0).unwrap();
        assert_eq!(r.value, 90.0);
        assert_eq!(r.working, "(50,000 + 0 − 2,000 − 3,000) / 50,000 = 90 %");
        let grr = compute(&CalcInputs::Grr {
            start: 50_000.0,
            contraction: 2_000.0,
            churned: 3_000.0,
        })
        .unwrap();
        assert_eq!(grr.value, 90.0);
        // A third: 100.0333… → 100.0; 2/3 of a cent never tips the rounding.
        assert_eq!(nrr(30_000.0, 10.0, 0.0, 0.0).unwrap().value, 100.0);
        assert_eq!(nrr(800.0, 0.0, 0.0, 4.0).unwrap().value, 99.5);
        let err = nrr(0.0, 100.0, 0.0, 0.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The period starts with 0 MRR, so there is nothing to compare against: enter the MRR at the start of the period."
        );
        assert!(nrr(1000.0, -1.0, 0.0, 0.0).is_err());
        assert!(nrr(1000.0, 0.0, 600.0, 500.0).is_err());
    }

    #[test]
    fn time_to_value_is_the_median_of_pasted_durations() {
        let ttv = |s: &str| {
            compute(&CalcInputs::TimeToValue {
                durations: s.into(),
            })
        };
        assert_eq!(ttv("12 30 7").unwrap().value, 12.0);
        assert_eq!(ttv("12, 30, 7, 9").unwrap().value, 10.5);
        assert_eq!(ttv("2w 36h 3d").unwrap().value, 3.0);
        assert_eq!(ttv("1 2").unwrap().value, 1.5);
        assert_eq!(ttv("1d 4h").unwrap().value, 0.6); // (1 + 1/6) / 2 = 0.5833 → 0.6
        let err = ttv("12 soon").unwrap_err();
        assert!(err.to_string().starts_with("Item 2 is “soon”"), "{err}");
        assert_eq!(ttv("").unwrap_err(), CalcError::Empty { what: "durations" });
        assert!(ttv("-3").is_err());
    }

    #[test]
    fn form_texts_round_trip_and_bad_fields_are_named() {
        for inputs in [
            CalcInputs::NpsCounts {
                promoters: 5,
                passives: 3,
                detractors: 2,
            },
            CalcInputs::Nrr {
                start: 12_500.5,
                expansion: 0.0,
                contraction: 10.0,
                churned: 2.0,
            },
            CalcInputs::TimeToValue {
                durations: "3 4".into(),
            },
        ] {
            let calc = Calculator::of(&inputs);
            assert_eq!(calc.inputs(&Calculator::texts(&inputs)).unwrap(), inputs);
        }
        let err = Calculator::Retention
            .inputs(&["100".into(), "ninety".into()])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "“Of those, customers at the end” is “ninety”, which is not a whole number: enter a count such as 12."
        );
        assert_eq!(
            Calculator::Nrr.inputs(&["".into()]).unwrap_err(),
            CalcError::Missing { what: "Start MRR" }
        );
        assert!(matches!(
            Calculator::Nrr.inputs(&["$12,000".into(), "0".into(), "0".into(), "0".into()]),
            Ok(CalcInputs::Nrr { start, .. }) if start == 12_000.0
        ));
    }

    #[test]
    fn inputs_serialize_with_their_calculator_tag() {
        let json = serde_json::to_string(&CalcInputs::Churn { start: 10, kept: 9 }).unwrap();
        assert_eq!(json, r#"{"calc":"churn","counts":[10,9]}"#);
        let back: CalcInputs = serde_json::from_str(&json).unwrap();
        assert_eq!(back, CalcInputs::Churn { start: 10, kept: 9 });
        let nrr = CalcInputs::Nrr {
            start: 1.5,
            expansion: 0.0,
            contraction: 2.0,
            churned: 3.0,
        };
        let json = serde_json::to_string(&nrr).unwrap();
        assert_eq!(json, r#"{"calc":"nrr","amounts":[1.5,0.0,2.0,3.0]}"#);
        assert_eq!(serde_json::from_str::<CalcInputs>(&json).unwrap(), nrr);
    }
}
