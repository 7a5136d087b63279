//! Journey metrics formulas: NPS, RICE, Kano, retention, churn, NRR.
//!
//! Every function checks its input and returns a [`FormulaError`] for input that cannot
//! happen (an NPS answer of 11, an effort of zero, more customers kept than there were),
//! so the UI can show the message instead of a wrong number.
//!
//! Ratios (retention, churn, net revenue retention) are fractions: `1.0` is 100 %.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a formula could not be computed, in words a user can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum FormulaError {
    /// An NPS answer outside 0..10; `position` counts from 1.
    AnswerOutOfRange {
        /// Which answer (1 = first).
        position: usize,
        /// The answer given.
        value: i64,
    },
    /// A number that must be finite (not blank, not infinite) was not.
    NotANumber {
        /// The input's name, e.g. "reach".
        what: &'static str,
    },
    /// An amount or count that cannot be negative was.
    Negative {
        /// The input's name.
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// RICE effort was zero or less.
    EffortNotPositive {
        /// The effort given, in person-months.
        value: f64,
    },
    /// The period started with no customers or no revenue, so there is nothing to divide by.
    StartIsZero {
        /// "customers" or "MRR".
        what: &'static str,
    },
    /// More customers kept than there were at the start.
    KeptMoreThanStart {
        /// Customers kept.
        kept: u64,
        /// Customers at the start.
        start: u64,
    },
    /// No Kano answers were counted for a feature.
    NoKanoAnswers,
    /// Every Kano answer was reverse or questionable, so Better and Worse have nothing
    /// to divide by.
    OnlyReverseOrQuestionable {
        /// How many answers there were.
        answers: u64,
    },
    /// Contraction plus churned MRR is more than the MRR there was at the start.
    LostMoreThanStart {
        /// Contraction + churned MRR.
        lost: f64,
        /// MRR at the start.
        start: f64,
    },
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormulaError::AnswerOutOfRange { position, value } => write!(
                f,
                "Answer {position} is {value}, but NPS answers run from 0 to 10: correct or remove it."
            ),
            FormulaError::NotANumber { what } => {
                write!(f, "The {what} is not a number: enter a number.")
            }
            FormulaError::Negative { what, value } => write!(
                f,
                "The {what} is {value}, but it cannot be negative: enter 0 or more."
            ),
            FormulaError::EffortNotPositive { value } => write!(
                f,
                "The effort is {value} person-months, but it must be more than 0: estimate at least a fraction of a person-month."
            ),
            FormulaError::StartIsZero { what } => write!(
                f,
                "The period starts with 0 {what}, so there is nothing to compare against: enter the {what} at the start of the period."
            ),
            FormulaError::KeptMoreThanStart { kept, start } => write!(
                f,
                "{kept} customers kept is more than the {start} at the start of the period: count only customers who were there at the start (new customers do not count)."
            ),
            FormulaError::NoKanoAnswers => write!(
                f,
                "No questionnaire answers yet: enter how many respondents gave each pair of answers, or pick the category directly."
            ),
            FormulaError::OnlyReverseOrQuestionable { answers } => write!(
                f,
                "All {answers} answers are reverse or questionable, so Better and Worse cannot be computed: check how the questions were asked, or count more answers."
            ),
            FormulaError::LostMoreThanStart { lost, start } => write!(
                f,
                "Contraction plus churned MRR ({lost}) is more than the MRR at the start ({start}): these customers cannot lose more than they paid; check the figures."
            ),
        }
    }
}

impl std::error::Error for FormulaError {}

fn finite(value: f64, what: &'static str) -> Result<f64, FormulaError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(FormulaError::NotANumber { what })
    }
}

fn non_negative(value: f64, what: &'static str) -> Result<f64, FormulaError> {
    if finite(value, what)? < 0.0 {
        Err(FormulaError::Negative { what, value })
    } else {
        Ok(value)
    }
}

// ---------------------------------------------------------------------------------------
// NPS
// ---------------------------------------------------------------------------------------

/// Where one 0..10 answer to "How likely are you to recommend us?" falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NpsCategory {
    /// 9 or 10.
    Promoter,
    /// 7 or 8.
    Passive,
    /// 0 to 6.
    Detractor,
}

impl NpsCategory {
    /// The category of an answer, or `None` outside 0..10.
    pub fn of(answer: i64) -> Option<NpsCategory> {
        match answer {
            9 | 10 => Some(NpsCategory::Promoter),
            7 | 8 => Some(NpsCategory::Passive),
            0..=6 => Some(NpsCategory::Detractor),
            _ => None,
        }
    }

    /// Plain-English label with its answer range.
    pub fn label(self) -> &'static str {
        match self {
            NpsCategory::Promoter => "Promoter (9–10)",
            NpsCategory::Passive => "Passive (7–8)",
            NpsCategory::Detractor => "Detractor (0–6)",
        }
    }
}

/// The counts behind a Net Promoter Score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NpsCounts {
    /// Answers of 9 or 10.
    pub promoters: u32,
    /// Answers of 7 or 8.
    pub passives: u32,
    /// Answers of 0 to 6.
    pub detractors: u32,
}

impl NpsCounts {
    /// Counts the answers; an answer outside 0..10 is an error naming its position.
    pub fn from_answers(answers: &[i64]) -> Result<NpsCounts, FormulaError> {
        let mut counts = NpsCounts::default();
        for (i, &value) in answers.iter().enumerate() {
            let slot = match NpsCategory::of(value) {
                Some(NpsCategory::Promoter) => &mut counts.promoters,
                Some(NpsCategory::Passive) => &mut counts.passives,
                Some(NpsCategory::Detractor) => &mut counts.detractors,
                None => {
                    return Err(FormulaError::AnswerOutOfRange {
                        position: i + 1,
                        value,
                    })
                }
            };
            *slot = slot.saturating_add(1);
        }
        Ok(counts)
    }

    /// Number of answers.
    pub fn total(&self) -> u64 {
        u64::from(self.promoters) + u64::from(self.passives) + u64::from(self.detractors)
    }

    /// The exact NPS, %promoters − %detractors, from −100 to +100; `None` with no answers.
    pub fn score(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| {
            100.0 * (f64::from(self.promoters) - f64::from(self.detractors)) / total as f64
        })
    }

    /// The NPS as it is reported: a whole number, rounded half away from zero
    /// (37.5 → 38, −37.5 → −38), computed in integers so no float error can tip it;
    /// `None` with no answers.
    pub fn rounded(&self) -> Option<i32> {
        let total = i64::try_from(self.total()).ok().filter(|&t| t > 0)?;
        let difference = 100 * (i64::from(self.promoters) - i64::from(self.detractors));
        let magnitude = (2 * difference.abs() + total) / (2 * total);
        let rounded = if difference < 0 {
            -magnitude
        } else {
            magnitude
        };
        i32::try_from(rounded).ok()
    }
}

/// The Net Promoter Score of 0..10 answers, rounded as [`NpsCounts::rounded`] says:
/// `Ok(None)` for no answers, an error for an answer outside 0..10.
pub fn nps(answers: &[i64]) -> Result<Option<i32>, FormulaError> {
    Ok(NpsCounts::from_answers(answers)?.rounded())
}

// ---------------------------------------------------------------------------------------
// RICE
// ---------------------------------------------------------------------------------------

/// RICE impact: how much one reached customer's behaviour changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Impact {
    /// 3×.
    Massive,
    /// 2×.
    High,
    /// 1×.
    Medium,
    /// 0.5×.
    Low,
    /// 0.25×.
    Minimal,
}

impl Impact {
    /// All levels, largest first.
    pub const ALL: [Impact; 5] = [
        Impact::Massive,
        Impact::High,
        Impact::Medium,
        Impact::Low,
        Impact::Minimal,
    ];

    /// The multiplier: 3, 2, 1, 0.5 or 0.25.
    pub fn value(self) -> f64 {
        match self {
            Impact::Massive => 3.0,
            Impact::High => 2.0,
            Impact::Medium => 1.0,
            Impact::Low => 0.5,
            Impact::Minimal => 0.25,
        }
    }

    /// Plain-English label with the multiplier.
    pub fn label(self) -> &'static str {
        match self {
            Impact::Massive => "Massive (3)",
            Impact::High => "High (2)",
            Impact::Medium => "Medium (1)",
            Impact::Low => "Low (0.5)",
            Impact::Minimal => "Minimal (0.25)",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            Impact::Massive => "massive",
            Impact::High => "high",
            Impact::Medium => "medium",
            Impact::Low => "low",
            Impact::Minimal => "minimal",
        }
    }

    /// The impact for a key from [`Impact::key`].
    pub fn from_key(key: &str) -> Option<Impact> {
        Self::ALL.into_iter().find(|i| i.key() == key)
    }
}

/// RICE confidence: how sure the team is of its reach and impact estimates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// 100 %: backed by data.
    High,
    /// 80 %: some evidence.
    Medium,
    /// 50 %: a hunch.
    Low,
}

impl Confidence {
    /// All levels, most confident first.
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    /// The percentage: 100, 80 or 50.
    pub fn percent(self) -> u32 {
        match self {
            Confidence::High => 100,
            Confidence::Medium => 80,
            Confidence::Low => 50,
        }
    }

    /// Plain-English label with the percentage.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "High (100 %)",
            Confidence::Medium => "Medium (80 %)",
            Confidence::Low => "Low (50 %)",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    /// The confidence for a key from [`Confidence::key`].
    pub fn from_key(key: &str) -> Option<Confidence> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// RICE score = Reach × Impact × Confidence / Effort.
///
/// `reach` is customers (or events) per period, 0 or more; `effort_person_months` must be
/// more than 0. Confidence enters as a fraction (80 % → 0.8).
pub fn rice(
    reach: f64,
    impact: Impact,
    confidence: Confidence,
    effort_person_months: f64,
) -> Result<f64, FormulaError> {
    let reach = non_negative(reach, "reach")?;
    let effort = finite(effort_person_months, "effort")?;
    if effort <= 0.0 {
        return Err(FormulaError::EffortNotPositive { value: effort });
    }
    Ok(reach * impact.value() * f64::from(confidence.percent()) / (100.0 * effort))
}

// ---------------------------------------------------------------------------------------
// Kano
// ---------------------------------------------------------------------------------------

/// An answer to a Kano question ("How do you feel if the feature is there / is not there?").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KanoAnswer {
    /// "I like it."
    Like,
    /// "I expect it" (it must be that way).
    MustBe,
    /// "I am neutral."
    Neutral,
    /// "I can live with it."
    LiveWith,
    /// "I dislike it."
    Dislike,
}

impl KanoAnswer {
    /// All answers in questionnaire order.
    pub const ALL: [KanoAnswer; 5] = [
        KanoAnswer::Like,
        KanoAnswer::MustBe,
        KanoAnswer::Neutral,
        KanoAnswer::LiveWith,
        KanoAnswer::Dislike,
    ];

    /// The answer as the questionnaire words it.
    pub fn label(self) -> &'static str {
        match self {
            KanoAnswer::Like => "I like it",
            KanoAnswer::MustBe => "I expect it",
            KanoAnswer::Neutral => "I am neutral",
            KanoAnswer::LiveWith => "I can live with it",
            KanoAnswer::Dislike => "I dislike it",
        }
    }

    /// The answer's short name for table headings ("Like", "Expect", …).
    pub fn short(self) -> &'static str {
        match self {
            KanoAnswer::Like => "Like",
            KanoAnswer::MustBe => "Expect",
            KanoAnswer::Neutral => "Neutral",
            KanoAnswer::LiveWith => "Live with",
            KanoAnswer::Dislike => "Dislike",
        }
    }

    /// Position in [`KanoAnswer::ALL`] (the questionnaire's order).
    pub fn index(self) -> usize {
        match self {
            KanoAnswer::Like => 0,
            KanoAnswer::MustBe => 1,
            KanoAnswer::Neutral => 2,
            KanoAnswer::LiveWith => 3,
            KanoAnswer::Dislike => 4,
        }
    }
}

/// The Kano category of a feature, from one functional/dysfunctional answer pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KanoCategory {
    /// Basic: expected; its absence dissatisfies, its presence does not delight.
    MustBe,
    /// Performance: the more, the better.
    OneDimensional,
    /// Excitement: delights when there, not missed when absent.
    Attractive,
    /// The customer does not care either way.
    Indifferent,
    /// The customer would rather not have it.
    Reverse,
    /// The two answers contradict each other (e.g. likes it both there and absent).
    Questionable,
}

impl KanoCategory {
    /// All categories.
    pub const ALL: [KanoCategory; 6] = [
        KanoCategory::MustBe,
        KanoCategory::OneDimensional,
        KanoCategory::Attractive,
        KanoCategory::Indifferent,
        KanoCategory::Reverse,
        KanoCategory::Questionable,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "Must-be (basic)",
            KanoCategory::OneDimensional => "One-dimensional (performance)",
            KanoCategory::Attractive => "Attractive (excitement)",
            KanoCategory::Indifferent => "Indifferent",
            KanoCategory::Reverse => "Reverse",
            KanoCategory::Questionable => "Questionable",
        }
    }

    /// The category's letter in the evaluation table (M, O, A, I, R, Q).
    pub fn letter(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "M",
            KanoCategory::OneDimensional => "O",
            KanoCategory::Attractive => "A",
            KanoCategory::Indifferent => "I",
            KanoCategory::Reverse => "R",
            KanoCategory::Questionable => "Q",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "must-be",
            KanoCategory::OneDimensional => "one-dimensional",
            KanoCategory::Attractive => "attractive",
            KanoCategory::Indifferent => "indifferent",
            KanoCategory::Reverse => "reverse",
            KanoCategory::Questionable => "questionable",
        }
    }

    /// The category for a key from [`KanoCategory::key`].
    pub fn from_key(key: &str) -> Option<KanoCategory> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The category for a functional answer (feature present) and a dysfunctional
    /// answer (feature absent), by the standard Kano evaluation table.
    ///
    /// Source: C. Berger et al., "Kano's Methods for Understanding Customer-defined
    /// Quality", *Center for Quality of Management Journal* 2(4), 1993, table 2
    /// (reproduced in K. Matzler & H. Hinterhuber, *Technovation* 18(1), 1998). Rows are
    /// the functional answer, columns the dysfunctional one, both in the order like,
    /// must-be, neutral, live-with, dislike:
    ///
    /// | functional \ dysfunctional | like | must-be | neutral | live-with | dislike |
    /// |----------------------------|------|---------|---------|-----------|---------|
    /// | like                       | Q    | A       | A       | A         | O       |
    /// | must-be                    | R    | I       | I       | I         | M       |
    /// | neutral                    | R    | I       | I       | I         | M       |
    /// | live-with                  | R    | I       | I       | I         | M       |
    /// | dislike                    | R    | R       | R       | R         | Q       |
    pub fn classify(functional: KanoAnswer, dysfunctional: KanoAnswer) -> KanoCategory {
        use KanoCategory::{
            Attractive as A, Indifferent as I, MustBe as M, OneDimensional as O, Questionable as Q,
            Reverse as R,
        };
        const TABLE: [[KanoCategory; 5]; 5] = [
            [Q, A, A, A, O],
            [R, I, I, I, M],
            [R, I, I, I, M],
            [R, I, I, I, M],
            [R, R, R, R, Q],
        ];
        TABLE[functional.index()][dysfunctional.index()]
    }
}

/// How many respondents gave each functional/dysfunctional answer pair for one feature:
/// `counts[f][d]` for the functional answer `f` and the dysfunctional answer `d`, both in
/// the order of [`KanoAnswer::ALL`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KanoCounts(pub [[u32; 5]; 5]);

/// The answers of a Kano questionnaire per category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KanoTally {
    /// Must-be (M).
    pub must_be: u64,
    /// One-dimensional (O).
    pub one_dimensional: u64,
    /// Attractive (A).
    pub attractive: u64,
    /// Indifferent (I).
    pub indifferent: u64,
    /// Reverse (R).
    pub reverse: u64,
    /// Questionable (Q).
    pub questionable: u64,
}

/// Better and Worse (Berger et al. 1993's customer-satisfaction coefficients).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KanoCoefficients {
    /// Better = (A + O) / (A + O + M + I), 0..1: how much having it raises satisfaction.
    pub better: f64,
    /// Worse = −(O + M) / (A + O + M + I), −1..0: how much missing it lowers satisfaction.
    pub worse: f64,
    /// Better in hundredths, rounded half away from zero in integers (as the NPS is).
    pub better_hundredths: i32,
    /// Worse in hundredths, rounded half away from zero (so −0.125 → −13).
    pub worse_hundredths: i32,
}

/// `100 × part / whole` rounded half away from zero, in integers (whole > 0, part ≥ 0).
fn hundredths(part: u64, whole: u64) -> i32 {
    let (part, whole) = (u128::from(part), u128::from(whole));
    i32::try_from((200 * part + whole) / (2 * whole)).unwrap_or(i32::MAX)
}

impl KanoCounts {
    /// The count of one answer pair.
    pub fn get(&self, functional: KanoAnswer, dysfunctional: KanoAnswer) -> u32 {
        self.0[functional.index()][dysfunctional.index()]
    }

    /// Sets the count of one answer pair.
    pub fn set(&mut self, functional: KanoAnswer, dysfunctional: KanoAnswer, n: u32) {
        self.0[functional.index()][dysfunctional.index()] = n;
    }

    /// Every answer counted.
    pub fn total(&self) -> u64 {
        self.0.iter().flatten().map(|&n| u64::from(n)).sum()
    }

    /// Whether no answer is counted.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// The answers per category, by the evaluation table ([`KanoCategory::classify`]).
    pub fn tally(&self) -> KanoTally {
        let mut t = KanoTally::default();
        for f in KanoAnswer::ALL {
            for d in KanoAnswer::ALL {
                let n = u64::from(self.get(f, d));
                let slot = match KanoCategory::classify(f, d) {
                    KanoCategory::MustBe => &mut t.must_be,
                    KanoCategory::OneDimensional => &mut t.one_dimensional,
                    KanoCategory::Attractive => &mut t.attractive,
                    KanoCategory::Indifferent => &mut t.indifferent,
                    KanoCategory::Reverse => &mut t.reverse,
                    KanoCategory::Questionable => &mut t.questionable,
                };
                *slot += n;
            }
        }
        t
    }
}

impl KanoTally {
    /// The count of one category.
    pub fn of(&self, category: KanoCategory) -> u64 {
        match category {
            KanoCategory::MustBe => self.must_be,
            KanoCategory::OneDimensional => self.one_dimensional,
            KanoCategory::Attractive => self.attractive,
            KanoCategory::Indifferent => self.indifferent,
            KanoCategory::Reverse => self.reverse,
            KanoCategory::Questionable => self.questionable,
        }
    }

    /// The category most answers fall in; `None` with no answers. Ties go by the usual
    /// evaluation rule M > O > A > I (what hurts most when missing first), then R, then Q:
    /// the order of [`KanoCategory::ALL`].
    pub fn dominant(&self) -> Option<KanoCategory> {
        let mut best: Option<(KanoCategory, u64)> = None;
        for c in KanoCategory::ALL {
            let n = self.of(c);
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((c, n));
            }
        }
        best.map(|(c, _)| c)
    }

    /// Better and Worse; an error when there is nothing to divide by (no answers, or only
    /// reverse and questionable ones).
    pub fn coefficients(&self) -> Result<KanoCoefficients, FormulaError> {
        let total = self.must_be + self.one_dimensional + self.attractive + self.indifferent;
        if total == 0 {
            let answers = self.reverse + self.questionable;
            return Err(if answers == 0 {
                FormulaError::NoKanoAnswers
            } else {
                FormulaError::OnlyReverseOrQuestionable { answers }
            });
        }
        let better = self.attractive + self.one_dimensional;
        let worse = self.one_dimensional + self.must_be;
        Ok(KanoCoefficients {
            better: better as f64 / total as f64,
            worse: -(worse as f64) / total as f64,
            better_hundredths: hundredths(better, total),
            worse_hundredths: -hundredths(worse, total),
        })
    }
}

/// Hundredths as a coefficient is shown: "0.67", "−0.33", "0", "−1".
pub fn format_hundredths(h: i32) -> String {
    let sign = if h < 0 { "−" } else { "" };
    let (int, frac) = (h.unsigned_abs() / 100, h.unsigned_abs() % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

// ---------------------------------------------------------------------------------------
// Retention, churn, net revenue retention
// ---------------------------------------------------------------------------------------

/// Customer retention = customers kept / customers at the start of the period, 0..1.
///
/// `kept` counts only customers who were there at the start and still are at the end.
pub fn retention(start: u64, kept: u64) -> Result<f64, FormulaError> {
    if start == 0 {
        return Err(FormulaError::StartIsZero { what: "customers" });
    }
    if kept > start {
        return Err(FormulaError::KeptMoreThanStart { kept, start });
    }
    Ok(kept as f64 / start as f64)
}

/// Customer churn = 1 − retention, 0..1.
pub fn churn(start: u64, kept: u64) -> Result<f64, FormulaError> {
    if start == 0 {
        return Err(FormulaError::StartIsZero { what: "customers" });
    }
    if kept > start {
        return Err(FormulaError::KeptMoreThanStart { kept, start });
    }
    // (start − kept) / start is 1 − kept / start without the rounding of a subtraction.
    Ok((start - kept) as f64 / start as f64)
}

/// The MRR movements of one cohort over a period, for net revenue retention.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MrrMovements {
    /// MRR of the cohort at the start of the period (> 0).
    pub start: f64,
    /// MRR added by upgrades and cross-sells within the cohort.
    pub expansion: f64,
    /// MRR lost to downgrades by customers who stayed.
    pub contraction: f64,
    /// MRR lost with customers who left.
    pub churned: f64,
}

impl MrrMovements {
    /// Net revenue retention = (start + expansion − contraction − churned) / start,
    /// as a fraction (1.2 = 120 %).
    pub fn net_revenue_retention(&self) -> Result<f64, FormulaError> {
        let start = non_negative(self.start, "start MRR")?;
        let expansion = non_negative(self.expansion, "expansion MRR")?;
        let contraction = non_negative(self.contraction, "contraction MRR")?;
        let churned = non_negative(self.churned, "churned MRR")?;
        if start == 0.0 {
            return Err(FormulaError::StartIsZero { what: "MRR" });
        }
        let lost = contraction + churned;
        if lost > start {
            return Err(FormulaError::LostMoreThanStart { lost, start });
        }
        Ok((start + expansion - lost) / start)
    }
}

/// Net revenue retention = (start MRR + expansion − contraction − churned MRR) / start MRR,
/// as a fraction (1.2 = 120 %).
pub fn net_revenue_retention(
    start_mrr: f64,
    expansion: f64,
    contraction: f64,
    churned: f64,
) -> Result<f64, FormulaError> {
    MrrMovements {
        start: start_mrr,
        expansion,
        contraction,
        churned,
    }
    .net_revenue_retention()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn nps_categories_split_at_seven_and_nine() {
        assert_eq!(NpsCategory::of(10), Some(NpsCategory::Promoter));
        assert_eq!(NpsCategory::of(9), Some(NpsCategory::Promoter));
        assert_eq!(NpsCategory::of(8), Some(NpsCategory::Passive));
        assert_eq!(NpsCategory::of(7), Some(NpsCategory::Passive));
        assert_eq!(NpsCategory::of(6), Some(NpsCategory::Detractor));
        assert_eq!(NpsCategory::of(0), Some(NpsCategory::Detractor));
        assert_eq!(NpsCategory::of(-1), None);
        assert_eq!(NpsCategory::of(11), None);
        assert_eq!(NpsCategory::Passive.label(), "Passive (7–8)");
    }

    #[test]
    fn nps_of_a_mixed_sample() {
        // 5 promoters (9, 10, 10, 9, 9), 3 passives (7, 8, 8), 2 detractors (3, 6):
        // 50 % − 20 % = 30.
        let answers = [9, 10, 7, 3, 8, 10, 9, 6, 8, 9];
        let counts = NpsCounts::from_answers(&answers).unwrap();
        assert_eq!(
            counts,
            NpsCounts {
                promoters: 5,
                passives: 3,
                detractors: 2
            }
        );
        assert_eq!(counts.score(), Some(30.0));
        assert_eq!(nps(&answers), Ok(Some(30)));
    }

    #[test]
    fn nps_extremes_are_plus_and_minus_hundred() {
        assert_eq!(nps(&[9, 10, 10]), Ok(Some(100)));
        assert_eq!(nps(&[0, 6, 3, 5]), Ok(Some(-100)));
        assert_eq!(nps(&[7, 8]), Ok(Some(0)), "passives only");
    }

    #[test]
    fn nps_of_no_answers_is_none() {
        assert_eq!(nps(&[]), Ok(None));
        assert_eq!(NpsCounts::default().score(), None);
    }

    #[test]
    fn nps_rounds_half_away_from_zero() {
        // 3 promoters of 8 = 37.5 → 38; 3 detractors of 8 = −37.5 → −38.
        assert_eq!(nps(&[9, 9, 9, 7, 7, 7, 7, 7]), Ok(Some(38)));
        assert_eq!(nps(&[1, 1, 1, 7, 7, 7, 7, 7]), Ok(Some(-38)));
        // 1 promoter, 2 detractors of 3 = −33.33… → −33; 2 of 3 promoters = 66.67 → 67.
        assert_eq!(nps(&[10, 2, 4]), Ok(Some(-33)));
        assert_eq!(nps(&[10, 10, 8]), Ok(Some(67)));
        let thirds = NpsCounts::from_answers(&[10, 2, 4]).unwrap();
        assert!(close(thirds.score().unwrap(), -100.0 / 3.0));
    }

    #[test]
    fn nps_answers_outside_zero_to_ten_are_errors_naming_the_position() {
        let err = nps(&[9, 10, 11]).unwrap_err();
        assert_eq!(
            err,
            FormulaError::AnswerOutOfRange {
                position: 3,
                value: 11
            }
        );
        assert!(err.to_string().contains("Answer 3 is 11"), "{err}");
        assert!(nps(&[-1]).is_err());
    }

    #[test]
    fn rice_multiplies_reach_impact_confidence_and_divides_by_effort() {
        // 500 × 2 × 0.8 / 2 = 400.
        let score = rice(500.0, Impact::High, Confidence::Medium, 2.0).unwrap();
        assert!(close(score, 400.0), "{score}");
        // 120 × 0.25 × 0.5 / 0.5 = 30.
        let score = rice(120.0, Impact::Minimal, Confidence::Low, 0.5).unwrap();
        assert!(close(score, 30.0), "{score}");
        // 1000 × 3 × 1 / 4 = 750.
        let score = rice(1000.0, Impact::Massive, Confidence::High, 4.0).unwrap();
        assert!(close(score, 750.0), "{score}");
        assert_eq!(rice(0.0, Impact::Medium, Confidence::High, 1.0), Ok(0.0));
    }

    #[test]
    fn rice_scales_and_labels() {
        let values: Vec<f64> = Impact::ALL.iter().map(|i| i.value()).collect();
        assert_eq!(values, vec![3.0, 2.0, 1.0, 0.5, 0.25]);
        let percents: Vec<u32> = Confidence::ALL.iter().map(|c| c.percent()).collect();
        assert_eq!(percents, vec![100, 80, 50]);
        assert_eq!(Impact::Low.label(), "Low (0.5)");
        assert_eq!(Confidence::Medium.label(), "Medium (80 %)");
    }

    #[test]
    fn rice_rejects_zero_or_negative_effort_and_bad_reach() {
        assert_eq!(
            rice(100.0, Impact::High, Confidence::High, 0.0),
            Err(FormulaError::EffortNotPositive { value: 0.0 })
        );
        assert!(rice(100.0, Impact::High, Confidence::High, -1.0).is_err());
        assert!(rice(100.0, Impact::High, Confidence::High, f64::NAN).is_err());
        assert_eq!(
            rice(-5.0, Impact::High, Confidence::High, 1.0),
            Err(FormulaError::Negative {
                what: "reach",
                value: -5.0
            })
        );
        let message = rice(1.0, Impact::High, Confidence::High, 0.0)
            .unwrap_err()
            .to_string();
        assert!(message.contains("must be more than 0"), "{message}");
    }

    #[test]
    fn kano_classic_pairs() {
        use KanoAnswer::*;
        assert_eq!(
            KanoCategory::classify(Like, Dislike),
            KanoCategory::OneDimensional
        );
        assert_eq!(
            KanoCategory::classify(Like, LiveWith),
            KanoCategory::Attractive
        );
        assert_eq!(
            KanoCategory::classify(Like, Neutral),
            KanoCategory::Attractive
        );
        assert_eq!(
            KanoCategory::classify(MustBe, Dislike),
            KanoCategory::MustBe
        );
        assert_eq!(
            KanoCategory::classify(LiveWith, Dislike),
            KanoCategory::MustBe
        );
        assert_eq!(
            KanoCategory::classify(Neutral, Neutral),
            KanoCategory::Indifferent
        );
        assert_eq!(KanoCategory::classify(Dislike, Like), KanoCategory::Reverse);
        assert_eq!(KanoCategory::classify(Neutral, Like), KanoCategory::Reverse);
        assert_eq!(
            KanoCategory::classify(Like, Like),
            KanoCategory::Questionable
        );
        assert_eq!(
            KanoCategory::classify(Dislike, Dislike),
            KanoCategory::Questionable
        );
    }

    #[test]
    fn kano_table_has_the_standard_counts() {
        // The 25 cells: 1 O, 3 A, 3 M, 9 I, 7 R, 2 Q.
        let mut counts = std::collections::HashMap::new();
        for f in KanoAnswer::ALL {
            for d in KanoAnswer::ALL {
                *counts.entry(KanoCategory::classify(f, d)).or_insert(0) += 1;
            }
        }
        assert_eq!(counts[&KanoCategory::OneDimensional], 1);
        assert_eq!(counts[&KanoCategory::Attractive], 3);
        assert_eq!(counts[&KanoCategory::MustBe], 3);
        assert_eq!(counts[&KanoCategory::Indifferent], 9);
        assert_eq!(counts[&KanoCategory::Reverse], 7);
        assert_eq!(counts[&KanoCategory::Questionable], 2);
        assert_eq!(KanoCategory::MustBe.label(), "Must-be (basic)");
        assert_eq!(KanoAnswer::LiveWith.label(), "I can live with it");
    }

    #[test]
    fn retention_and_churn_are_complements() {
        // 200 at the start, 184 kept: retention 92 %, churn 8 %.
        assert!(close(retention(200, 184).unwrap(), 0.92));
        assert!(close(churn(200, 184).unwrap(), 0.08));
        assert_eq!(retention(50, 50), Ok(1.0));
        assert_eq!(churn(50, 50), Ok(0.0));
        assert_eq!(retention(50, 0), Ok(0.0));
        assert_eq!(churn(50, 0), Ok(1.0));
        let (r, c) = (retention(3, 1).unwrap(), churn(3, 1).unwrap());
        assert!(close(r + c, 1.0));
    }

    #[test]
    fn retention_rejects_impossible_counts() {
        assert_eq!(
            retention(0, 0),
            Err(FormulaError::StartIsZero { what: "customers" })
        );
        assert_eq!(
            churn(10, 12),
            Err(FormulaError::KeptMoreThanStart {
                kept: 12,
                start: 10
            })
        );
        let message = retention(10, 12).unwrap_err().to_string();
        assert!(message.contains("12 customers kept"), "{message}");
    }

    #[test]
    fn net_revenue_retention_by_hand() {
        // (100 000 + 30 000 − 5 000 − 5 000) / 100 000 = 1.2.
        let nrr = net_revenue_retention(100_000.0, 30_000.0, 5_000.0, 5_000.0).unwrap();
        assert!(close(nrr, 1.2), "{nrr}");
        // (50 000 + 0 − 2 000 − 3 000) / 50 000 = 0.9.
        let nrr = net_revenue_retention(50_000.0, 0.0, 2_000.0, 3_000.0).unwrap();
        assert!(close(nrr, 0.9), "{nrr}");
        // Everybody left: 0.
        assert_eq!(net_revenue_retention(800.0, 0.0, 0.0, 800.0), Ok(0.0));
    }

    #[test]
    fn net_revenue_retention_rejects_impossible_amounts() {
        assert_eq!(
            net_revenue_retention(0.0, 10.0, 0.0, 0.0),
            Err(FormulaError::StartIsZero { what: "MRR" })
        );
        assert_eq!(
            net_revenue_retention(1000.0, -1.0, 0.0, 0.0),
            Err(FormulaError::Negative {
                what: "expansion MRR",
                value: -1.0
            })
        );
        assert!(net_revenue_retention(-1000.0, 0.0, 0.0, 0.0).is_err());
        assert!(net_revenue_retention(1000.0, 0.0, -5.0, 0.0).is_err());
        assert!(net_revenue_retention(1000.0, 0.0, 0.0, f64::INFINITY).is_err());
        assert_eq!(
            net_revenue_retention(1000.0, 0.0, 600.0, 500.0),
            Err(FormulaError::LostMoreThanStart {
                lost: 1100.0,
                start: 1000.0
            })
        );
    }

    fn counts(pairs: &[(KanoAnswer, KanoAnswer, u32)]) -> KanoCounts {
        let mut c = KanoCounts::default();
        for &(f, d, n) in pairs {
            c.set(f, d, n);
        }
        c
    }

    #[test]
    fn kano_counts_give_the_dominant_category_and_exact_coefficients() {
        use KanoAnswer::*;
        let c = counts(&[
            (Like, Dislike, 3),
            (Like, Neutral, 4),
            (Like, LiveWith, 1),
            (MustBe, Dislike, 2),
            (Neutral, Neutral, 2),
            (Like, Like, 1),
            (Dislike, Like, 1),
        ]);
        assert_eq!(c.total(), 14);
        let t = c.tally();
        assert_eq!(
            t,
            KanoTally {
                must_be: 2,
                one_dimensional: 3,
                attractive: 5,
                indifferent: 2,
                reverse: 1,
                questionable: 1,
            }
        );
        assert_eq!(t.dominant(), Some(KanoCategory::Attractive));
        let k = t.coefficients().unwrap();
        // Better = (5 + 3) / 12 = 0.666…, Worse = −(3 + 2) / 12 = −0.4166…
        assert_eq!((k.better_hundredths, k.worse_hundredths), (67, -42));
        assert_eq!(k.better, 8.0 / 12.0);
        assert_eq!(k.worse, -5.0 / 12.0);
        assert_eq!(format_hundredths(k.better_hundredths), "0.67");
        assert_eq!(format_hundredths(k.worse_hundredths), "−0.42");
    }

    #[test]
    fn kano_halves_round_away_from_zero_and_ties_go_must_be_first() {
        use KanoAnswer::*;
        // 1 of 8: 0.125 → 0.13 and −0.125 → −0.13.
        let c = counts(&[
            (Like, Neutral, 1),
            (Neutral, Dislike, 0),
            (Neutral, Neutral, 7),
        ]);
        let k = c.tally().coefficients().unwrap();
        assert_eq!((k.better_hundredths, k.worse_hundredths), (13, 0));
        let c = counts(&[(LiveWith, Dislike, 1), (MustBe, MustBe, 7)]);
        let k = c.tally().coefficients().unwrap();
        assert_eq!((k.better_hundredths, k.worse_hundredths), (0, -13));
        assert_eq!(format_hundredths(0), "0");
        assert_eq!(format_hundredths(-100), "−1");
        assert_eq!(format_hundredths(50), "0.5");
        // Ties: M > O > A > I > R > Q.
        let tie = counts(&[
            (Like, Neutral, 2),
            (MustBe, Dislike, 2),
            (Neutral, Neutral, 2),
        ]);
        assert_eq!(tie.tally().dominant(), Some(KanoCategory::MustBe));
        let tie = counts(&[(Like, Neutral, 2), (Like, Dislike, 2)]);
        assert_eq!(tie.tally().dominant(), Some(KanoCategory::OneDimensional));
        let tie = counts(&[(Like, Like, 2), (Dislike, Like, 2)]);
        assert_eq!(tie.tally().dominant(), Some(KanoCategory::Reverse));
        // Everyone one way: the corners of the table.
        let all_o = counts(&[(Like, Dislike, 9)]);
        let k = all_o.tally().coefficients().unwrap();
        assert_eq!((k.better_hundredths, k.worse_hundredths), (100, -100));
    }

    #[test]
    fn kano_without_usable_answers_says_why() {
        use KanoAnswer::*;
        let none = KanoCounts::default();
        assert!(none.is_empty());
        assert_eq!(none.tally().dominant(), None);
        assert_eq!(
            none.tally().coefficients(),
            Err(FormulaError::NoKanoAnswers)
        );
        assert!(FormulaError::NoKanoAnswers
            .to_string()
            .contains("No questionnaire answers yet"));
        let odd = counts(&[(Like, Like, 2), (Dislike, Dislike, 1)]);
        assert_eq!(odd.tally().dominant(), Some(KanoCategory::Questionable));
        let e = odd.tally().coefficients().unwrap_err();
        assert_eq!(e, FormulaError::OnlyReverseOrQuestionable { answers: 3 });
        assert!(e.to_string().contains("All 3 answers"));
    }

    #[test]
    fn kano_counts_serialize_as_a_five_by_five_table() {
        let c = counts(&[(KanoAnswer::Like, KanoAnswer::Dislike, 3)]);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            "[[0,0,0,0,3],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0],[0,0,0,0,0]]"
        );
        assert_eq!(serde_json::from_str::<KanoCounts>(&json).unwrap(), c);
        for k in KanoCategory::ALL {
            assert_eq!(KanoCategory::from_key(k.key()), Some(k));
        }
    }
}
