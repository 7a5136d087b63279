//! The journey map: scope, personas, stakeholders, stages, lanes and cards.

use super::formulas::{Confidence, Impact, KanoCategory, KanoCounts};
use super::ids::Id;
use super::scales::{Emotion, Level};
use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A B2B customer journey map: everything one mapping exercise produces.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JourneyMap {
    /// Why, for whom and by whom the map is made.
    pub scope: Scope,
    /// The personas the map describes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Persona>,
    /// The buying committee and other people in the account (the stakeholder register).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// Stages (phases), left to right.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
    /// Lanes (rows), top to bottom.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<Lane>,
    /// All cards; within one stage and lane, their order here is their order on the map.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// The next id to hand out; always above every id in the map.
    pub next_id: u32,
    /// Reviews of the map, oldest first (schema 4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<super::reviews::Review>,
}

/// How often the map is reviewed against fresh data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewCadence {
    /// Every month.
    Monthly,
    /// Every three months (the default: maps are living documents).
    #[default]
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Every year.
    Yearly,
}

impl ReviewCadence {
    /// All cadences, shortest first.
    pub const ALL: [ReviewCadence; 4] = [
        ReviewCadence::Monthly,
        ReviewCadence::Quarterly,
        ReviewCadence::HalfYearly,
        ReviewCadence::Yearly,
    ];

    /// Months between two reviews.
    pub fn months(self) -> u32 {
        match self {
            ReviewCadence::Monthly => 1,
            ReviewCadence::Quarterly => 3,
            ReviewCadence::HalfYearly => 6,
            ReviewCadence::Yearly => 12,
        }
    }

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            ReviewCadence::Monthly => "Monthly",
            ReviewCadence::Quarterly => "Quarterly",
            ReviewCadence::HalfYearly => "Every six months",
            ReviewCadence::Yearly => "Yearly",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            ReviewCadence::Monthly => "monthly",
            ReviewCadence::Quarterly => "quarterly",
            ReviewCadence::HalfYearly => "half-yearly",
            ReviewCadence::Yearly => "yearly",
        }
    }

    /// The cadence for a key from [`ReviewCadence::key`].
    pub fn from_key(key: &str) -> Option<ReviewCadence> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The scope of the mapping exercise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scope {
    /// Title of the map.
    pub title: String,
    /// Objective of the exercise: why we map.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub objective: String,
    /// Segment, e.g. "Mid-market manufacturing".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub segment: String,
    /// The primary persona, if one is chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_persona: Option<Id>,
    /// Who owns and maintains the map.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// How often it is reviewed.
    #[serde(skip_serializing_if = "is_default")]
    pub review_cadence: ReviewCadence,
    /// Date of the last review, `YYYY-MM-DD`, or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_review: String,
    /// Date of the next review, `YYYY-MM-DD`, or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_review: String,
    /// Research the map rests on, e.g. "10 interviews, CRM, support tickets".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub research_sources: String,
    /// Which prioritisation of opportunities the Plan shows first.
    #[serde(skip_serializing_if = "is_default")]
    pub prioritise_by: Prioritisation,
}

/// A way to prioritise opportunities; each map picks the one its Plan shows first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Prioritisation {
    /// Reach × impact × confidence ÷ effort (the default).
    #[default]
    Rice,
    /// The value–effort matrix.
    ValueEffort,
    /// Kano categories.
    Kano,
}

impl Prioritisation {
    /// All of them, in the order the Plan lists them by default.
    pub const ALL: [Prioritisation; 3] = [
        Prioritisation::Rice,
        Prioritisation::ValueEffort,
        Prioritisation::Kano,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Prioritisation::Rice => "RICE",
            Prioritisation::ValueEffort => "Value–effort matrix",
            Prioritisation::Kano => "Kano",
        }
    }

    /// Stable key used in forms and files.
    pub fn key(self) -> &'static str {
        match self {
            Prioritisation::Rice => "rice",
            Prioritisation::ValueEffort => "value-effort",
            Prioritisation::Kano => "kano",
        }
    }

    /// The prioritisation for a key from [`Prioritisation::key`].
    pub fn from_key(key: &str) -> Option<Prioritisation> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// All of them with `self` first, the others in their usual order.
    pub fn order(self) -> [Prioritisation; 3] {
        let mut out = Self::ALL;
        let at = out.iter().position(|p| *p == self).unwrap_or(0);
        out[..=at].rotate_right(1);
        out
    }
}

/// A persona: the archetypal buyer or user the map follows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persona {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Operations Olivia".
    pub name: String,
    /// Job role.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Company size, industry, region.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub firmographics: String,
    /// What they want to achieve.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goals: String,
    /// What stands in their way.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub challenges: String,
    /// How they decide and who signs off.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub decision_process: String,
    /// Channels they prefer.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub preferred_channels: String,
    /// Pains and frustrations.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub frustrations: String,
}

impl Persona {
    /// Every text field, in the order share links store them.
    pub fn texts(&self) -> [&String; 8] {
        [
            &self.name,
            &self.role,
            &self.firmographics,
            &self.goals,
            &self.challenges,
            &self.decision_process,
            &self.preferred_channels,
            &self.frustrations,
        ]
    }
}

/// A stage (phase) of the journey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Awareness".
    pub name: String,
    /// What happens in this stage.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// What the customer is trying to achieve here.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_goal: String,
    /// The team that owns the stage (marketing, sales, CS, product…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owning_team: String,
    /// The handoff into this stage from the one before it (see [`crate::model::handoffs`]):
    /// what goes wrong when the work passes from one team to the next.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handoff_gap: String,
    /// Who owns fixing the handoff into this stage.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handoff_owner: String,
    /// The touchpoints (card ids) the handoff into this stage breaks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub handoff_breaks: Vec<Id>,
}

/// The kind of buying-committee role a stakeholder plays.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RoleType {
    /// Holds the budget and the final say.
    DecisionMaker,
    /// Sells the purchase internally.
    Champion,
    /// Uses the product day to day.
    #[default]
    EndUser,
    /// IT, procurement, legal, security, compliance: often a veto.
    Institutional,
    /// Analysts, consultants, peers.
    Influencer,
}

impl RoleType {
    /// All role types in the order the register lists them.
    pub const ALL: [RoleType; 5] = [
        RoleType::DecisionMaker,
        RoleType::Champion,
        RoleType::EndUser,
        RoleType::Institutional,
        RoleType::Influencer,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            RoleType::DecisionMaker => "Decision-maker",
            RoleType::Champion => "Champion",
            RoleType::EndUser => "End-user",
            RoleType::Institutional => "Institutional",
            RoleType::Influencer => "Influencer",
        }
    }

    /// Stable key used in forms, files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            RoleType::DecisionMaker => "decision-maker",
            RoleType::Champion => "champion",
            RoleType::EndUser => "end-user",
            RoleType::Institutional => "institutional",
            RoleType::Influencer => "influencer",
        }
    }

    /// The role type for a key from [`RoleType::key`].
    pub fn from_key(key: &str) -> Option<RoleType> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Where a stakeholder stands on the purchase or the change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// For it.
    Supporter,
    /// Undecided.
    #[default]
    Neutral,
    /// Against it.
    Blocker,
}

impl Stance {
    /// All stances.
    pub const ALL: [Stance; 3] = [Stance::Supporter, Stance::Neutral, Stance::Blocker];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supporter => "Supporter",
            Stance::Neutral => "Neutral",
            Stance::Blocker => "Blocker",
        }
    }

    /// Stable key used in forms, files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Stance::Supporter => "supporter",
            Stance::Neutral => "neutral",
            Stance::Blocker => "blocker",
        }
    }

    /// The stance for a key from [`Stance::key`].
    pub fn from_key(key: &str) -> Option<Stance> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A person in the customer's organisation: one entry of the stakeholder register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stakeholder {
    /// Stable id.
    pub id: Id,
    /// Name or title, e.g. "CFO".
    pub name: String,
    /// Buying-committee role.
    pub role_type: RoleType,
    /// Department.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// Influence on the decision, 0..10.
    pub influence: Level,
    /// Interest in the outcome, 0..10.
    pub interest: Level,
    /// Supporter, neutral or blocker.
    #[serde(skip_serializing_if = "is_default")]
    pub stance: Stance,
    /// What they care about.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub priorities: String,
    /// What worries them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub concerns: String,
    /// Stakeholders this one influences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub influences: Vec<Id>,
}

/// One of Mendelow's four quadrants of the influence–interest matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High influence, high interest.
    ManageClosely,
    /// High influence, low interest.
    KeepSatisfied,
    /// Low influence, high interest.
    KeepInformed,
    /// Low influence, low interest.
    Monitor,
}

impl Quadrant {
    /// All quadrants, most demanding first.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::ManageClosely,
        Quadrant::KeepSatisfied,
        Quadrant::KeepInformed,
        Quadrant::Monitor,
    ];

    /// The quadrant of a stakeholder with this influence and interest (split at 5).
    pub fn of(influence: Level, interest: Level) -> Quadrant {
        match (influence.is_high(), interest.is_high()) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    /// The quadrant's name.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "Manage closely",
            Quadrant::KeepSatisfied => "Keep satisfied",
            Quadrant::KeepInformed => "Keep informed",
            Quadrant::Monitor => "Monitor",
        }
    }

    /// The engagement this quadrant calls for.
    pub fn engagement(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => {
                "Involve them in decisions, meet regularly, act on their priorities first."
            }
            Quadrant::KeepSatisfied => {
                "Consult them on what they care about; keep updates short and never surprise them."
            }
            Quadrant::KeepInformed => {
                "Share progress often, invite feedback, and turn their interest into advocacy."
            }
            Quadrant::Monitor => {
                "Watch for changes in their role or interest; light-touch updates."
            }
        }
    }
}

impl Stakeholder {
    /// The influence–interest quadrant this stakeholder falls in.
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.influence, self.interest)
    }
}

/// What a lane (row) of the map holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LaneKind {
    /// What the customer does.
    #[default]
    Actions,
    /// What the customer thinks and asks.
    Thoughts,
    /// Interactions with the company, with emotion scores.
    Touchpoints,
    /// Friction, with evidence and scores.
    PainPoints,
    /// Improvements, with owner, deadline and KPI.
    Opportunities,
    /// Measures with baseline, target and current values.
    Kpis,
}

impl LaneKind {
    /// All lane kinds in their usual top-to-bottom order.
    pub const ALL: [LaneKind; 6] = [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Touchpoints,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Kpis,
    ];

    /// Default lane name.
    pub fn label(self) -> &'static str {
        match self {
            LaneKind::Actions => "Actions",
            LaneKind::Thoughts => "Thoughts and questions",
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Kpis => "KPIs",
        }
    }

    /// What one card of this kind is called.
    pub fn card_noun(self) -> &'static str {
        match self {
            LaneKind::Actions => "action",
            LaneKind::Thoughts => "thought",
            LaneKind::Touchpoints => "touchpoint",
            LaneKind::PainPoints => "pain point",
            LaneKind::Opportunities => "opportunity",
            LaneKind::Kpis => "KPI",
        }
    }

    /// The card noun with its indefinite article: "an action", "a KPI".
    pub fn card_noun_with_article(self) -> &'static str {
        match self {
            LaneKind::Actions => "an action",
            LaneKind::Thoughts => "a thought",
            LaneKind::Touchpoints => "a touchpoint",
            LaneKind::PainPoints => "a pain point",
            LaneKind::Opportunities => "an opportunity",
            LaneKind::Kpis => "a KPI",
        }
    }

    /// Stable key used in forms, files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            LaneKind::Actions => "actions",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::PainPoints => "pain-points",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Kpis => "kpis",
        }
    }

    /// The kind for a key from [`LaneKind::key`].
    pub fn from_key(key: &str) -> Option<LaneKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A lane (row) of the map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lane {
    /// Stable id.
    pub id: Id,
    /// Name shown at the start of the row.
    pub name: String,
    /// What its cards hold.
    pub kind: LaneKind,
}

/// Common B2B channels offered when a touchpoint's channel is picked; free text is allowed too.
pub const COMMON_CHANNELS: &[&str] = &[
    "Website",
    "Blog",
    "LinkedIn",
    "Search",
    "Analyst report",
    "Review site",
    "Referral",
    "Event",
    "Webinar",
    "Email",
    "Sales call",
    "Demo",
    "Proposal",
    "RFP",
    "Security review",
    "Procurement",
    "Contract",
    "Kickoff",
    "Training",
    "Onboarding",
    "In-product",
    "Support ticket",
    "Invoice",
    "QBR",
    "Renewal",
    "Community",
];

/// A card on the map: an action, thought, touchpoint, pain point, opportunity or KPI.
///
/// One struct serves every lane kind; the fields a kind does not use stay empty, so a card
/// keeps its data when it moves between lanes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    /// Stable id.
    pub id: Id,
    /// The stage (column) it sits in.
    pub stage: Id,
    /// The lane (row) it sits in.
    pub lane: Id,
    /// Its title or text.
    pub text: String,
    /// Free notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Stakeholders involved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Id>,
    /// The team that owns it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owning_team: String,
    /// Touchpoint: the channel (see [`COMMON_CHANNELS`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// Touchpoint: how the customer feels, −2..+2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emotion: Option<Emotion>,
    /// Touchpoint: the customer's own words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Touchpoint: one of the moments with the highest emotional impact.
    #[serde(skip_serializing_if = "is_default")]
    pub moment_of_truth: bool,
    /// Touchpoint: the target emotion after improvement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_be: Option<Emotion>,
    /// Pain point: evidence (quotes, ticket counts).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Pain point scores, each 1..5 when set.
    #[serde(skip_serializing_if = "is_default")]
    pub scores: PainScores,
    /// Opportunity: who delivers it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Opportunity: by when, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    /// Opportunity: the KPI that proves it worked.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kpi: String,
    /// KPI, and an opportunity's KPI: baseline value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub baseline: String,
    /// KPI, and an opportunity's KPI: target value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// KPI: current value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub current: String,
    /// Opportunity (RICE): customers or events reached per period, 0 or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<f64>,
    /// Opportunity (RICE): the period of the reach, e.g. "per quarter".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reach_period: String,
    /// Opportunity (RICE): impact on the scale 3, 2, 1, 0.5, 0.25.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rice_impact: Option<Impact>,
    /// Opportunity (RICE): confidence, 100, 80 or 50 %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rice_confidence: Option<Confidence>,
    /// Opportunity (RICE): effort in person-months, more than 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort_months: Option<f64>,
    /// Opportunity: the pain points (card ids) it addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Id>,
    /// Opportunity: where it stands in the improvement plan.
    #[serde(skip_serializing_if = "is_default")]
    pub status: PlanStatus,
    /// Opportunity: when to re-measure the KPI, `YYYY-MM-DD`, only when the user set it;
    /// empty means the deadline + 90 days.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remeasure: String,
    /// Opportunity (value–effort matrix): its value to customers and the business, 1..10
    /// (see [`crate::model::value_effort`] for the scale).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_score: Option<u8>,
    /// Opportunity (value–effort matrix): the effort to deliver it, 1..10 (relative, not
    /// RICE's person-months).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort_score: Option<u8>,
    /// Opportunity (Kano): the category picked directly (used while no questionnaire
    /// answers are counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kano: Option<KanoCategory>,
    /// Opportunity (Kano): how many respondents gave each functional/dysfunctional pair.
    #[serde(skip_serializing_if = "is_default")]
    pub kano_answers: KanoCounts,
    /// KPI: the measure as numbers (schema 4; schema 3's text values migrate into it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<super::metrics::Metric>,
}

impl Card {
    /// The card's text for labels and lists: "(no text yet)" while it is empty.
    pub fn label(&self) -> String {
        if self.text.trim().is_empty() {
            "(no text yet)".into()
        } else {
            self.text.clone()
        }
    }
}

/// Where an opportunity stands in the improvement plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// An idea, not yet planned.
    #[default]
    Idea,
    /// Planned, with an owner and a deadline.
    Planned,
    /// Being delivered.
    InProgress,
    /// Delivered; its KPI is still to be re-measured.
    Done,
    /// Delivered and re-measured with the same KPI.
    Measured,
}

impl PlanStatus {
    /// All statuses, in the order work moves through them.
    pub const ALL: [PlanStatus; 5] = [
        PlanStatus::Idea,
        PlanStatus::Planned,
        PlanStatus::InProgress,
        PlanStatus::Done,
        PlanStatus::Measured,
    ];

    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Idea => "Idea",
            PlanStatus::Planned => "Planned",
            PlanStatus::InProgress => "In progress",
            PlanStatus::Done => "Done",
            PlanStatus::Measured => "Measured",
        }
    }

    /// Stable key used in forms, files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            PlanStatus::Idea => "idea",
            PlanStatus::Planned => "planned",
            PlanStatus::InProgress => "in-progress",
            PlanStatus::Done => "done",
            PlanStatus::Measured => "measured",
        }
    }

    /// The status for a key from [`PlanStatus::key`].
    pub fn from_key(key: &str) -> Option<PlanStatus> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the opportunity has been delivered (done or measured).
    pub fn delivered(self) -> bool {
        matches!(self, PlanStatus::Done | PlanStatus::Measured)
    }
}

/// Scores of a pain point, each 1 (low) to 5 (high) when set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PainScores {
    /// How many customers it touches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub magnitude: Option<u8>,
    /// How badly it hurts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// How often it happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<u8>,
    /// Business impact: does it threaten renewal?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_impact: Option<u8>,
    /// Effort to resolve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
}

impl PainScores {
    /// Impact of the friction: magnitude × severity × frequency × business impact,
    /// `None` until all four are scored.
    pub fn impact(&self) -> Option<u32> {
        Some(
            u32::from(self.magnitude?)
                * u32::from(self.severity?)
                * u32::from(self.frequency?)
                * u32::from(self.business_impact?),
        )
    }
}

impl JourneyMap {
    /// A blank map with the usual lanes and no stages yet.
    pub fn blank(title: &str) -> JourneyMap {
        let mut map = JourneyMap {
            scope: Scope {
                title: title.to_string(),
                ..Scope::default()
            },
            next_id: 1,
            ..JourneyMap::default()
        };
        for kind in LaneKind::ALL {
            let id = map.new_id();
            map.lanes.push(Lane {
                id,
                name: kind.label().to_string(),
                kind,
            });
        }
        map
    }

    /// Hands out a fresh id.
    pub fn new_id(&mut self) -> Id {
        let floor = self.max_id().map_or(1, |m| m.0.saturating_add(1));
        self.next_id = self.next_id.max(floor);
        let id = Id(self.next_id);
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// The highest id used anywhere in the map.
    pub fn max_id(&self) -> Option<Id> {
        let ids = self
            .personas
            .iter()
            .map(|p| p.id)
            .chain(self.stakeholders.iter().map(|s| s.id))
            .chain(self.stages.iter().map(|s| s.id))
            .chain(self.lanes.iter().map(|l| l.id))
            .chain(self.cards.iter().map(|c| c.id));
        ids.max()
    }

    /// The stage with this id.
    pub fn stage(&self, id: Id) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The lane with this id.
    pub fn lane(&self, id: Id) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    /// The id of the first lane of this kind.
    pub fn lane_of_kind(&self, kind: LaneKind) -> Option<Id> {
        self.lanes.iter().find(|l| l.kind == kind).map(|l| l.id)
    }

    /// The card with this id.
    pub fn card(&self, id: Id) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The persona with this id.
    pub fn persona(&self, id: Id) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The stakeholder with this id.
    pub fn stakeholder(&self, id: Id) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The kind of the lane a card sits in.
    pub fn card_kind(&self, card: &Card) -> Option<LaneKind> {
        self.lane(card.lane).map(|l| l.kind)
    }

    /// The cards of one cell (stage × lane), in map order.
    pub fn cell(&self, stage: Id, lane: Id) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.stage == stage && c.lane == lane)
    }

    /// Touchpoints in journey order: by stage left to right, then lane top to bottom,
    /// then their order within the cell.
    pub fn touchpoints(&self) -> Vec<&Card> {
        let mut out = Vec::new();
        for stage in &self.stages {
            for lane in self
                .lanes
                .iter()
                .filter(|l| l.kind == LaneKind::Touchpoints)
            {
                out.extend(self.cell(stage.id, lane.id));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_map_has_the_six_usual_lanes_and_no_stages() {
        let map = JourneyMap::blank("New map");
        let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, LaneKind::ALL.to_vec());
        assert!(map.stages.is_empty());
        assert_eq!(map.scope.title, "New map");
        assert_eq!(map.scope.review_cadence, ReviewCadence::Quarterly);
    }

    #[test]
    fn new_id_never_reuses_an_id_even_when_next_id_is_stale() {
        let mut map = JourneyMap::blank("x");
        map.next_id = 1; // stale counter, e.g. from a hand-edited file
        let id = map.new_id();
        assert!(map.lanes.iter().all(|l| l.id != id));
        assert!(map.new_id() > id);
    }

    #[test]
    fn quadrants_split_at_five() {
        let l = |v| Level::new(v).unwrap();
        assert_eq!(Quadrant::of(l(5), l(5)), Quadrant::ManageClosely);
        assert_eq!(Quadrant::of(l(9), l(4)), Quadrant::KeepSatisfied);
        assert_eq!(Quadrant::of(l(4), l(9)), Quadrant::KeepInformed);
        assert_eq!(Quadrant::of(l(0), l(4)), Quadrant::Monitor);
        assert_eq!(Quadrant::ManageClosely.label(), "Manage closely");
    }

    #[test]
    fn touchpoints_come_in_stage_then_cell_order() {
        let mut map = JourneyMap::blank("x");
        let tp_lane = map.lanes[2].id;
        let s1 = map.new_id();
        let s2 = map.new_id();
        map.stages.push(Stage {
            id: s1,
            name: "One".into(),
            ..Stage::default()
        });
        map.stages.push(Stage {
            id: s2,
            name: "Two".into(),
            ..Stage::default()
        });
        for (stage, text) in [(s2, "b1"), (s1, "a1"), (s2, "b2"), (s1, "a2")] {
            let id = map.new_id();
            map.cards.push(Card {
                id,
                stage,
                lane: tp_lane,
                text: text.into(),
                ..Card::default()
            });
        }
        let order: Vec<&str> = map.touchpoints().iter().map(|c| c.text.as_str()).collect();
        assert_eq!(order, vec!["a1", "a2", "b1", "b2"]);
    }

    #[test]
    fn empty_fields_are_left_out_of_json() {
        let map = JourneyMap::blank("T");
        let json = serde_json::to_string(&map).unwrap();
        assert!(!json.contains("objective"));
        assert!(!json.contains("cards"));
        let back: JourneyMap = serde_json::from_str(&json).unwrap();
        assert_eq!(back, map);
    }
}
