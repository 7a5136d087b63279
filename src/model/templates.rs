//! Five built-in templates with real content, drawn from the domain notes and the seed
//! articles (B2B journey mapping practice), and the sample map shown on a first visit.
//!
//! Each template is built by a small builder so the content reads like the map it makes.
//! `build` is deterministic: the same key always gives the same map.

use super::ids::Id;
use super::map::{
    Card, JourneyMap, LaneKind, PainScores, Persona, ReviewCadence, RoleType, Scope, Stage,
    Stakeholder, Stance,
};
use super::scales::{Emotion, Level};

/// A built-in template the user can start a map from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable key.
    pub key: &'static str,
    /// Name in the "New map" menu.
    pub name: &'static str,
    /// One-line summary.
    pub summary: &'static str,
}

/// All five, in the order the "New map" menu lists them.
pub const TEMPLATES: [Template; 5] = [
    Template {
        key: "five-phase-b2b",
        name: "5-phase B2B",
        summary: "Awareness, Consideration, Purchase, Use, Loyalty, with the classic B2B moments of truth.",
    },
    Template {
        key: "six-stage-b2b",
        name: "6-stage B2B",
        summary: "Awareness to Advocacy, with the handoff gaps between marketing, sales and CS.",
    },
    Template {
        key: "b2b-saas",
        name: "B2B SaaS",
        summary: "Trial, security review, onboarding and expansion for a software subscription.",
    },
    Template {
        key: "professional-services",
        name: "Professional services",
        summary: "Referrals, proposals and delivery for a consulting or agency engagement.",
    },
    Template {
        key: "b2b-ecommerce",
        name: "B2B e-commerce",
        summary: "Account set-up, purchase orders, delivery and reorders on a trade portal.",
    },
];

/// Builds the template with this key as a fresh map; `None` for an unknown key.
pub fn build(key: &str) -> Option<JourneyMap> {
    match key {
        "five-phase-b2b" => Some(five_phase()),
        "six-stage-b2b" => Some(six_stage()),
        "b2b-saas" => Some(saas()),
        "professional-services" => Some(services()),
        "b2b-ecommerce" => Some(ecommerce()),
        _ => None,
    }
}

/// The map shown on a first visit: the B2B SaaS template, titled as a sample.
pub fn sample_map() -> JourneyMap {
    let mut map = saas();
    map.scope.title = "Sample: B2B SaaS journey (mid-market)".into();
    map
}

/// Builds a map from readable calls.
struct Builder {
    map: JourneyMap,
    people: Vec<(&'static str, Id)>,
}

/// A touchpoint's content.
struct Tp {
    text: &'static str,
    channel: &'static str,
    team: &'static str,
    who: &'static [&'static str],
    emotion: i64,
    quote: &'static str,
    moment_of_truth: bool,
    to_be: Option<i64>,
}

impl Builder {
    fn new(scope: Scope) -> Builder {
        let mut map = JourneyMap::blank(&scope.title);
        map.scope = scope;
        Builder {
            map,
            people: Vec::new(),
        }
    }

    fn lane(&self, kind: LaneKind) -> Id {
        self.map
            .lanes
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| l.id)
            .unwrap_or_default()
    }

    fn persona(&mut self, p: Persona) {
        let id = self.map.new_id();
        if self.map.scope.primary_persona.is_none() {
            self.map.scope.primary_persona = Some(id);
        }
        self.map.personas.push(Persona { id, ..p });
    }

    #[allow(clippy::too_many_arguments)]
    fn person(
        &mut self,
        key: &'static str,
        name: &str,
        role_type: RoleType,
        department: &str,
        influence: i64,
        interest: i64,
        stance: Stance,
        priorities: &str,
        concerns: &str,
    ) {
        let id = self.map.new_id();
        self.people.push((key, id));
        self.map.stakeholders.push(Stakeholder {
            id,
            name: name.into(),
            role_type,
            department: department.into(),
            influence: Level::clamped(influence),
            interest: Level::clamped(interest),
            stance,
            priorities: priorities.into(),
            concerns: concerns.into(),
            influences: Vec::new(),
        });
    }

    fn influences(&mut self, who: &str, whom: &[&str]) {
        let targets: Vec<Id> = whom.iter().filter_map(|k| self.id_of(k)).collect();
        if let Some(id) = self.id_of(who) {
            if let Some(s) = self.map.stakeholders.iter_mut().find(|s| s.id == id) {
                s.influences.extend(targets);
            }
        }
    }

    fn id_of(&self, key: &str) -> Option<Id> {
        self.people
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, id)| *id)
    }

    fn stage(
        &mut self,
        name: &str,
        description: &str,
        customer_goal: &str,
        owning_team: &str,
    ) -> Id {
        let id = self.map.new_id();
        self.map.stages.push(Stage {
            id,
            name: name.into(),
            description: description.into(),
            customer_goal: customer_goal.into(),
            owning_team: owning_team.into(),
        });
        id
    }

    fn card(&mut self, stage: Id, kind: LaneKind, card: Card) {
        let id = self.map.new_id();
        let lane = self.lane(kind);
        self.map.cards.push(Card {
            id,
            stage,
            lane,
            ..card
        });
    }

    fn action(&mut self, stage: Id, text: &str) {
        self.card(
            stage,
            LaneKind::Actions,
            Card {
                text: text.into(),
                ..Card::default()
            },
        );
    }

    fn thought(&mut self, stage: Id, text: &str) {
        self.card(
            stage,
            LaneKind::Thoughts,
            Card {
                text: text.into(),
                ..Card::default()
            },
        );
    }

    fn tp(&mut self, stage: Id, tp: Tp) {
        let stakeholders = tp.who.iter().filter_map(|k| self.id_of(k)).collect();
        self.card(
            stage,
            LaneKind::Touchpoints,
            Card {
                text: tp.text.into(),
                channel: tp.channel.into(),
                owning_team: tp.team.into(),
                stakeholders,
                emotion: Emotion::new(tp.emotion),
                quote: tp.quote.into(),
                moment_of_truth: tp.moment_of_truth,
                to_be: tp.to_be.and_then(Emotion::new),
                ..Card::default()
            },
        );
    }

    /// A pain point with scores [magnitude, severity, frequency, business impact, effort].
    fn pain(&mut self, stage: Id, text: &str, evidence: &str, s: [u8; 5]) {
        let scores = PainScores {
            magnitude: Some(s[0]),
            severity: Some(s[1]),
            frequency: Some(s[2]),
            business_impact: Some(s[3]),
            effort: Some(s[4]),
        };
        self.card(
            stage,
            LaneKind::PainPoints,
            Card {
                text: text.into(),
                evidence: evidence.into(),
                scores,
                ..Card::default()
            },
        );
    }

    fn opportunity(&mut self, stage: Id, text: &str, owner: &str, deadline: &str, kpi: &str) {
        self.card(
            stage,
            LaneKind::Opportunities,
            Card {
                text: text.into(),
                owner: owner.into(),
                deadline: deadline.into(),
                kpi: kpi.into(),
                ..Card::default()
            },
        );
    }

    fn kpi(&mut self, stage: Id, text: &str, baseline: &str, target: &str, current: &str) {
        self.card(
            stage,
            LaneKind::Kpis,
            Card {
                text: text.into(),
                baseline: baseline.into(),
                target: target.into(),
                current: current.into(),
                ..Card::default()
            },
        );
    }
}

#[allow(clippy::too_many_arguments)]
const fn tp(
    text: &'static str,
    channel: &'static str,
    team: &'static str,
    who: &'static [&'static str],
    emotion: i64,
    quote: &'static str,
    moment_of_truth: bool,
    to_be: Option<i64>,
) -> Tp {
    Tp {
        text,
        channel,
        team,
        who,
        emotion,
        quote,
        moment_of_truth,
        to_be,
    }
}

fn scope(title: &str, objective: &str, segment: &str, owner: &str, sources: &str) -> Scope {
    Scope {
        title: title.into(),
        objective: objective.into(),
        segment: segment.into(),
        owner: owner.into(),
        review_cadence: ReviewCadence::Quarterly,
        research_sources: sources.into(),
        ..Scope::default()
    }
}

/// The usual buying committee of a mid-market B2B purchase.
fn committee(b: &mut Builder) {
    b.person(
        "cfo",
        "CFO",
        RoleType::DecisionMaker,
        "Finance",
        9,
        4,
        Stance::Neutral,
        "Payback inside 12 months; predictable total cost",
        "Hidden implementation and renewal costs",
    );
    b.person(
        "ops",
        "Head of Operations",
        RoleType::Champion,
        "Operations",
        7,
        9,
        Stance::Supporter,
        "Fewer manual hand-offs; a rollout that does not disrupt the quarter",
        "Being blamed if adoption stalls",
    );
    b.person(
        "user",
        "Team leads (end-users)",
        RoleType::EndUser,
        "Operations",
        3,
        8,
        Stance::Neutral,
        "Tools that save time on day one",
        "Another system to learn on top of the day job",
    );
    b.person(
        "it",
        "IT security lead",
        RoleType::Institutional,
        "IT",
        7,
        6,
        Stance::Blocker,
        "Data residency, SSO, a clean security questionnaire",
        "Shadow IT and vendor lock-in",
    );
    b.person(
        "proc",
        "Procurement",
        RoleType::Institutional,
        "Procurement",
        6,
        3,
        Stance::Neutral,
        "Standard terms and a competitive quote",
        "Contract terms outside policy",
    );
    b.person(
        "analyst",
        "Industry analyst / peer",
        RoleType::Influencer,
        "External",
        4,
        3,
        Stance::Supporter,
        "Credible references in the same industry",
        "Unproven vendors",
    );
    b.influences("ops", &["cfo", "user"]);
    b.influences("it", &["cfo"]);
    b.influences("analyst", &["ops"]);
}

fn five_phase() -> JourneyMap {
    let mut b = Builder::new(scope(
        "5-phase B2B customer journey",
        "Find the three friction points that cost us the most renewals, and fix them within a quarter.",
        "SMB and mid-market B2B buyers",
        "Head of Customer Experience",
        "10 customer interviews (45 minutes, recorded with consent), CRM stage data, support tickets",
    ));
    b.persona(Persona {
        name: "Operations Olivia".into(),
        role: "Operations manager".into(),
        firmographics: "Manufacturer, 200–500 staff, regional".into(),
        goals: "Fix a process problem without disrupting production".into(),
        challenges: "Little time, small IT team, must convince the CFO".into(),
        decision_process: "Researches and shortlists; CFO signs; IT can veto".into(),
        preferred_channels: "Peer referrals, email, short demos".into(),
        frustrations: "Slow answers, vendors who disappear after signing".into(),
        ..Persona::default()
    });
    committee(&mut b);
    let aw = b.stage(
        "Awareness",
        "The customer realises they have a problem and finds that our category exists.",
        "Understand the problem and whether it can be solved",
        "Marketing",
    );
    let co = b.stage(
        "Consideration",
        "The customer compares options and forms a shortlist.",
        "Find a credible shortlist quickly",
        "Marketing and sales",
    );
    let pu = b.stage(
        "Purchase",
        "The customer chooses, negotiates, signs and starts onboarding.",
        "Buy with confidence and without surprises",
        "Sales",
    );
    let us = b.stage(
        "Use",
        "The customer uses the product in day-to-day operations.",
        "Get value in the first weeks",
        "Customer success",
    );
    let lo = b.stage(
        "Loyalty",
        "The customer renews, expands, recommends or churns.",
        "Keep the value and grow it",
        "Customer success",
    );

    b.action(aw, "Searches for how peers solve the problem");
    b.action(aw, "Reads a blog post shared by a colleague");
    b.thought(aw, "Is this a real problem or just our bad luck?");
    b.tp(
        aw,
        tp(
            "Finds our guide through search",
            "Search",
            "Marketing",
            &["ops"],
            1,
            "The guide explained our problem better than we could.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Sends a website enquiry",
            "Website",
            "Sales",
            &["ops"],
            -1,
            "I filled in the form and heard nothing for two days.",
            true,
            Some(1),
        ),
    );
    b.pain(
        aw,
        "First commercial response is slow",
        "Median reply 26 hours; 4 of 10 interviewees mentioned it",
        [4, 4, 4, 4, 2],
    );
    b.opportunity(
        aw,
        "Reply to every enquiry within 60 minutes",
        "Head of Sales",
        "2027-01-31",
        "Median first response time",
    );
    b.kpi(
        aw,
        "First response to an enquiry (minutes)",
        "1,560",
        "60",
        "1,560",
    );

    b.action(co, "Compares three vendors on a spreadsheet");
    b.thought(co, "Who else like us uses this, and did it work?");
    b.tp(
        co,
        tp(
            "Reads a customer case study",
            "Website",
            "Marketing",
            &["ops", "cfo"],
            1,
            "Seeing a plant like ours made it real.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "Attends a live demo",
            "Demo",
            "Sales",
            &["ops", "user"],
            1,
            "The demo used our own data. That sold it to the team.",
            false,
            Some(2),
        ),
    );
    b.tp(
        co,
        tp(
            "Asks a peer for a reference",
            "Referral",
            "Customer success",
            &["analyst"],
            2,
            "Their ops lead said: just make sure you get a named CSM.",
            false,
            None,
        ),
    );
    b.pain(
        co,
        "Pricing only on request",
        "6 of 10 interviewees said they almost dropped us at this point",
        [4, 3, 5, 3, 1],
    );
    b.opportunity(
        co,
        "Publish price ranges and a sample proposal",
        "Marketing lead",
        "2027-02-28",
        "Demo-to-proposal conversion",
    );
    b.kpi(co, "Demo-to-proposal conversion", "38 %", "50 %", "41 %");

    b.action(pu, "Negotiates terms with procurement");
    b.action(pu, "Answers the security questionnaire");
    b.thought(
        pu,
        "Will the people we met in sales still be around after we sign?",
    );
    b.tp(
        pu,
        tp(
            "Receives the proposal",
            "Proposal",
            "Sales",
            &["cfo", "proc"],
            0,
            "Clear enough, but the implementation fee came as a surprise.",
            false,
            Some(1),
        ),
    );
    b.tp(
        pu,
        tp(
            "Security review",
            "Security review",
            "IT / Sales engineering",
            &["it"],
            -1,
            "Two weeks of back-and-forth on questions already in their docs.",
            false,
            Some(1),
        ),
    );
    b.tp(
        pu,
        tp(
            "Signs the contract",
            "Contract",
            "Sales",
            &["cfo"],
            1,
            "Relieved it was done, nervous about the rollout.",
            false,
            None,
        ),
    );
    b.tp(
        pu,
        tp(
            "Onboarding session in the first 14 days",
            "Onboarding",
            "Customer success",
            &["ops", "user"],
            -1,
            "We had to explain everything again to a new person.",
            true,
            Some(2),
        ),
    );
    b.pain(
        pu,
        "Sales-to-CS handoff loses context",
        "7 of 10 repeated their requirements after signing",
        [4, 4, 5, 5, 2],
    );
    b.opportunity(
        pu,
        "Joint handoff call with the account executive and CSM",
        "CS lead",
        "2027-01-15",
        "Time to first value",
    );
    b.kpi(pu, "Sales cycle length (days)", "74", "60", "71");

    b.action(us, "Rolls out to the first team");
    b.action(us, "Raises the first support ticket");
    b.thought(us, "Is this actually saving us time yet?");
    b.tp(
        us,
        tp(
            "First invoice",
            "Invoice",
            "Finance",
            &["cfo"],
            -2,
            "The invoice did not match what we were sold. That hurt trust.",
            true,
            Some(1),
        ),
    );
    b.tp(
        us,
        tp(
            "First support ticket",
            "Support ticket",
            "Support",
            &["user"],
            1,
            "Fixed the same afternoon. Impressive.",
            true,
            Some(2),
        ),
    );
    b.tp(
        us,
        tp(
            "Training for team leads",
            "Training",
            "Customer success",
            &["user"],
            1,
            "Short and practical, exactly what we needed.",
            false,
            None,
        ),
    );
    b.pain(
        us,
        "First invoice does not match the order",
        "11 billing tickets in the first month of new accounts",
        [3, 5, 3, 4, 2],
    );
    b.opportunity(
        us,
        "Invoice preview sent with the welcome pack",
        "Finance lead",
        "2027-02-15",
        "Billing tickets per new account",
    );
    b.kpi(us, "Time to first value (days)", "60", "30", "52");

    b.action(lo, "Prepares the renewal budget");
    b.thought(lo, "Can we justify this again next year?");
    b.tp(
        lo,
        tp(
            "First quarterly business review",
            "QBR",
            "Customer success",
            &["cfo", "ops"],
            1,
            "For the first time we saw the savings in numbers.",
            true,
            Some(2),
        ),
    );
    b.tp(
        lo,
        tp(
            "Renewal conversation",
            "Renewal",
            "Customer success",
            &["cfo", "proc"],
            0,
            "Fine, but nobody asked what we need next year.",
            true,
            Some(2),
        ),
    );
    b.tp(
        lo,
        tp(
            "Asked for a referral",
            "Referral",
            "Marketing",
            &["ops"],
            1,
            "Happy to recommend them to our sister plant.",
            false,
            None,
        ),
    );
    b.pain(
        lo,
        "Renewal is purely transactional",
        "Churned accounts cite 'no contact between QBRs'",
        [3, 4, 3, 5, 3],
    );
    b.opportunity(
        lo,
        "Value review 90 days before renewal",
        "CS lead",
        "2027-03-31",
        "Gross revenue retention",
    );
    b.kpi(lo, "NPS", "18", "40", "24");
    b.map
}

fn six_stage() -> JourneyMap {
    let mut b = Builder::new(scope(
        "6-stage B2B journey with handoff gaps",
        "See where deals stall between marketing, sales and customer success, from the buyer's side.",
        "Mid-market B2B, 3–9 person buying committee",
        "Revenue operations",
        "6 win/loss interviews, 4 customer interviews, CRM stage timings",
    ));
    b.persona(Persona {
        name: "Economic buyer Ethan".into(),
        role: "VP Operations".into(),
        firmographics: "Logistics company, 800 staff, three countries".into(),
        goals: "Prove efficiency gains to the board this year".into(),
        challenges: "Many stakeholders; a slow procurement process".into(),
        decision_process: "Owns the budget; needs IT and procurement sign-off".into(),
        preferred_channels: "Analyst reports, LinkedIn, peer calls".into(),
        frustrations: "Repeating himself to every new person at the vendor".into(),
        ..Persona::default()
    });
    committee(&mut b);
    let aw = b.stage(
        "Awareness",
        "The buyer recognises a problem and starts researching.",
        "Name the problem",
        "Marketing",
    );
    let co = b.stage(
        "Consideration",
        "The buyer evaluates solutions and shortlists vendors.",
        "A shortlist of 2–3",
        "Marketing",
    );
    let de = b.stage(
        "Decision",
        "The buyer chooses between finalists and seeks internal approval.",
        "Internal approval",
        "Sales",
    );
    let on = b.stage(
        "Onboarding",
        "The customer implements and learns the product.",
        "Live without disruption",
        "Customer success",
    );
    let ad = b.stage(
        "Adoption and expansion",
        "The customer gets value and may expand.",
        "Value the board can see",
        "Customer success",
    );
    let av = b.stage(
        "Advocacy",
        "The customer refers others or becomes a public reference.",
        "Be seen as a smart buyer",
        "Marketing",
    );

    b.action(aw, "Reads an analyst report on the category");
    b.thought(aw, "How much is this problem costing us?");
    b.tp(
        aw,
        tp(
            "LinkedIn post from a peer",
            "LinkedIn",
            "Marketing",
            &["ops"],
            1,
            "A peer posted their results; I saved it.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Blog article on the problem",
            "Blog",
            "Marketing",
            &["ops"],
            1,
            "Useful, no sales pitch.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Analyst report mention",
            "Analyst report",
            "Marketing",
            &["cfo", "analyst"],
            0,
            "They were in the report, but as a niche player.",
            false,
            Some(1),
        ),
    );
    b.kpi(
        aw,
        "Marketing-qualified leads per month",
        "120",
        "150",
        "131",
    );

    b.action(co, "Downloads a comparison guide");
    b.thought(co, "Who is the safe choice?");
    b.tp(
        co,
        tp(
            "Comparison page",
            "Website",
            "Marketing",
            &["ops"],
            1,
            "Honest about where they are not the best fit.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "Webinar with a customer",
            "Webinar",
            "Marketing",
            &["ops", "user"],
            1,
            "Hearing a customer was worth ten slides.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "G2 reviews",
            "Review site",
            "Marketing",
            &["user"],
            0,
            "Mixed reviews on support response times.",
            false,
            Some(1),
        ),
    );
    b.tp(
        co,
        tp(
            "Demo request follow-up",
            "Email",
            "Sales",
            &["ops"],
            -2,
            "I asked for a demo and waited three days.",
            true,
            Some(1),
        ),
    );
    b.pain(
        co,
        "Handoff gap: marketing to sales",
        "Median 3 days from demo request to first call",
        [4, 4, 4, 5, 2],
    );
    b.opportunity(
        co,
        "Route demo requests to a named rep within one hour",
        "Sales operations",
        "2027-01-31",
        "Lead response time",
    );
    b.kpi(co, "Lead response time (hours)", "72", "1", "30");

    b.action(de, "Builds the business case for the board");
    b.action(de, "Runs the security review");
    b.thought(de, "Will IT block this at the last minute?");
    b.tp(
        de,
        tp(
            "Tailored demo",
            "Demo",
            "Sales",
            &["ops", "user", "it"],
            2,
            "They showed our workflow, not theirs.",
            false,
            None,
        ),
    );
    b.tp(
        de,
        tp(
            "Proposal after the demo",
            "Proposal",
            "Sales",
            &["cfo"],
            -1,
            "After a great demo, the proposal took two weeks.",
            true,
            Some(1),
        ),
    );
    b.tp(
        de,
        tp(
            "Security review",
            "Security review",
            "Sales engineering",
            &["it"],
            -1,
            "They had answers, but we had to chase them.",
            false,
            Some(1),
        ),
    );
    b.tp(
        de,
        tp(
            "Procurement negotiation",
            "Procurement",
            "Sales",
            &["proc", "cfo"],
            0,
            "Standard, if slow.",
            false,
            None,
        ),
    );
    b.pain(
        de,
        "Handoff gap: demo to proposal",
        "Average 11 days; 3 lost deals cite momentum",
        [3, 4, 4, 5, 2],
    );
    b.opportunity(
        de,
        "Proposal template sent within 48 hours of the demo",
        "Head of Sales",
        "2027-02-15",
        "Win rate",
    );
    b.kpi(de, "Win rate", "21 %", "28 %", "23 %");

    b.action(on, "Kicks off with the project team");
    b.thought(on, "Do they remember what we told sales?");
    b.tp(
        on,
        tp(
            "Kickoff call",
            "Kickoff",
            "Customer success",
            &["ops", "it"],
            -1,
            "The CSM had not seen our requirements document.",
            true,
            Some(2),
        ),
    );
    b.tp(
        on,
        tp(
            "Training sessions",
            "Training",
            "Customer success",
            &["user"],
            1,
            "Hands-on and patient.",
            false,
            None,
        ),
    );
    b.tp(
        on,
        tp(
            "CSM check-in",
            "Email",
            "Customer success",
            &["ops"],
            1,
            "Weekly check-ins kept us on track.",
            false,
            None,
        ),
    );
    b.pain(
        on,
        "Handoff gap: sales to CS",
        "Kickoff notes show requirements re-collected in 5 of 6 accounts",
        [4, 4, 5, 5, 2],
    );
    b.opportunity(
        on,
        "Handoff brief signed off by the buyer before kickoff",
        "CS lead",
        "2027-01-31",
        "Onboarding CSAT",
    );
    b.kpi(on, "Onboarding CSAT", "3.6 / 5", "4.5 / 5", "3.9 / 5");

    b.action(ad, "Expands to a second site");
    b.thought(ad, "Are we using it as well as we could?");
    b.tp(
        ad,
        tp(
            "First QBR",
            "QBR",
            "Customer success",
            &["cfo", "ops"],
            1,
            "They brought benchmarks from similar customers.",
            true,
            Some(2),
        ),
    );
    b.tp(
        ad,
        tp(
            "Upsell conversation",
            "Sales call",
            "Account management",
            &["cfo"],
            -1,
            "It felt like a pitch, not advice.",
            true,
            Some(1),
        ),
    );
    b.tp(
        ad,
        tp(
            "Renewal",
            "Renewal",
            "Customer success",
            &["cfo", "proc"],
            1,
            "Easy because the QBRs had shown the value.",
            true,
            None,
        ),
    );
    b.pain(
        ad,
        "Handoff gap: onboarding to adoption",
        "Only 55 % of licensed users active after 90 days",
        [4, 3, 4, 5, 3],
    );
    b.opportunity(
        ad,
        "Adoption plan with milestones per team",
        "CS lead",
        "2027-03-31",
        "Active users at 90 days",
    );
    b.kpi(ad, "Net revenue retention", "104 %", "115 %", "107 %");

    b.action(av, "Speaks at a customer event");
    b.thought(av, "What do I get out of being a reference?");
    b.tp(
        av,
        tp(
            "Case study request",
            "Email",
            "Marketing",
            &["ops"],
            1,
            "Happy to, if it helps my team get recognition.",
            false,
            None,
        ),
    );
    b.tp(
        av,
        tp(
            "Referral programme invitation",
            "Referral",
            "Marketing",
            &["ops", "analyst"],
            0,
            "Nice, but the reward was an afterthought.",
            false,
            Some(1),
        ),
    );
    b.tp(
        av,
        tp(
            "Review request on G2",
            "Review site",
            "Marketing",
            &["user"],
            1,
            "Quick to do after a good support experience.",
            false,
            None,
        ),
    );
    b.kpi(av, "Referral rate", "4 %", "10 %", "5 %");
    b.map
}

fn saas() -> JourneyMap {
    let mut b = Builder::new(scope(
        "B2B SaaS customer journey",
        "Shorten time to first value for mid-market accounts and raise net revenue retention above 110 %.",
        "Mid-market, 200–1,000 staff",
        "Head of Customer Success",
        "8 customer interviews, product analytics, 140 support tickets, CRM",
    ));
    b.persona(Persona {
        name: "Process owner Priya".into(),
        role: "Head of Operations".into(),
        firmographics: "Mid-market services company, 450 staff, EU".into(),
        goals: "Replace spreadsheets with one system her teams actually use".into(),
        challenges: "Security review, budget approval, busy end-users".into(),
        decision_process: "Champion; the CFO approves; IT security can veto".into(),
        preferred_channels: "Webinars, peer Slack groups, free trial".into(),
        frustrations: "Trials that end before the team has tried anything real".into(),
        ..Persona::default()
    });
    b.persona(Persona {
        name: "Security reviewer Sam".into(),
        role: "IT security lead".into(),
        firmographics: "Same account; team of three".into(),
        goals: "No new risk; SSO and data residency".into(),
        challenges: "Too many vendor questionnaires".into(),
        decision_process: "Veto power; rarely meets sales".into(),
        preferred_channels: "Trust centre, documentation, email".into(),
        frustrations: "Vendors who answer with marketing material".into(),
        ..Persona::default()
    });
    committee(&mut b);
    let aw = b.stage(
        "Awareness",
        "Prospect discovers the pain through an industry report and finds educational content.",
        "Understand options",
        "Marketing",
    );
    let co = b.stage(
        "Consideration",
        "Downloads whitepapers, attends webinars, requests demos, starts a trial.",
        "A trial that proves it works for us",
        "Marketing and sales",
    );
    let de = b.stage(
        "Decision",
        "Negotiates pricing, passes the security review, runs a pilot, gets executive approval.",
        "Approval without surprises",
        "Sales",
    );
    let re = b.stage(
        "Retention",
        "Completes onboarding, trains users, reaches the first value milestone, expands usage.",
        "Value in weeks, not months",
        "Customer success",
    );
    let av = b.stage(
        "Advocacy",
        "Gives a testimonial, refers colleagues, joins a case study.",
        "Recognition for a good decision",
        "Marketing",
    );

    b.action(
        aw,
        "Reads an industry report on the cost of manual processes",
    );
    b.thought(aw, "Are teams like ours really doing this in one tool?");
    b.tp(
        aw,
        tp(
            "Industry report",
            "Analyst report",
            "Marketing",
            &["ops", "analyst"],
            0,
            "Interesting numbers, but is it for companies our size?",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Educational blog post",
            "Blog",
            "Marketing",
            &["ops"],
            1,
            "Finally someone explained it without jargon.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "First response to a contact form",
            "Email",
            "Sales",
            &["ops"],
            -1,
            "An automated email, then silence for two days.",
            true,
            Some(1),
        ),
    );
    b.kpi(aw, "Website-to-trial conversion", "1.8 %", "3 %", "2.1 %");

    b.action(co, "Starts a 14-day free trial");
    b.action(co, "Invites two team leads to the trial");
    b.thought(co, "Can we get anything real done in 14 days?");
    b.tp(
        co,
        tp(
            "Webinar with a customer",
            "Webinar",
            "Marketing",
            &["ops", "user"],
            1,
            "The customer story sounded exactly like us.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "Trial sign-up and empty workspace",
            "In-product",
            "Product",
            &["ops", "user"],
            -2,
            "An empty screen and a 40-minute video. We gave up on day two.",
            true,
            Some(1),
        ),
    );
    b.tp(
        co,
        tp(
            "Demo with a solutions engineer",
            "Demo",
            "Sales",
            &["ops", "user"],
            2,
            "He built our workflow live in 20 minutes.",
            false,
            None,
        ),
    );
    b.pain(
        co,
        "Trials stall on an empty workspace",
        "62 % of trials never create a second record (product analytics)",
        [5, 4, 5, 4, 2],
    );
    b.opportunity(
        co,
        "Trial templates per industry, preloaded with sample data",
        "Product manager, onboarding",
        "2027-02-28",
        "Trial-to-paid conversion",
    );
    b.kpi(co, "Trial-to-paid conversion", "9 %", "15 %", "10 %");

    b.action(de, "Completes the security questionnaire");
    b.action(de, "Presents the business case to the CFO");
    b.thought(de, "What will this really cost once we add users?");
    b.tp(
        de,
        tp(
            "Security documentation review",
            "Security review",
            "Sales engineering",
            &["it"],
            -1,
            "The trust centre answered half; the rest took three weeks.",
            true,
            Some(1),
        ),
    );
    b.tp(
        de,
        tp(
            "Pricing negotiation",
            "Proposal",
            "Sales",
            &["cfo", "proc"],
            0,
            "Per-seat pricing made the CFO nervous about growth.",
            false,
            Some(1),
        ),
    );
    b.tp(
        de,
        tp(
            "Executive sponsor call",
            "Sales call",
            "Sales",
            &["cfo"],
            1,
            "Their CEO joined. That signalled commitment.",
            false,
            None,
        ),
    );
    b.pain(
        de,
        "Security review drags on",
        "Median 19 days; 2 deals slipped a quarter",
        [3, 4, 4, 5, 2],
    );
    b.opportunity(
        de,
        "Pre-filled standard questionnaires (SIG Lite, CAIQ) in the trust centre",
        "Security and compliance lead",
        "2027-01-31",
        "Days in security review",
    );
    b.kpi(de, "Days in security review", "19", "7", "16");

    b.action(re, "Configures SSO and imports data");
    b.action(re, "Rolls out to the first two teams");
    b.thought(re, "When will my team stop asking for the old spreadsheet?");
    b.tp(
        re,
        tp(
            "Implementation kickoff",
            "Kickoff",
            "Customer success",
            &["ops", "it"],
            -1,
            "The CSM asked for everything we had already told sales.",
            true,
            Some(2),
        ),
    );
    b.tp(
        re,
        tp(
            "Onboarding in the first 14 days",
            "Onboarding",
            "Customer success",
            &["user"],
            1,
            "The guided set-up got us live in a week.",
            true,
            None,
        ),
    );
    b.tp(
        re,
        tp(
            "First support ticket",
            "Support ticket",
            "Support",
            &["user"],
            1,
            "Answered in an hour with a screen recording.",
            true,
            None,
        ),
    );
    b.tp(
        re,
        tp(
            "First value milestone",
            "In-product",
            "Customer success",
            &["ops", "cfo"],
            2,
            "The first month-end close without a spreadsheet.",
            true,
            None,
        ),
    );
    b.tp(
        re,
        tp(
            "First invoice",
            "Invoice",
            "Finance",
            &["cfo", "proc"],
            -1,
            "Prorated seats nobody had explained.",
            true,
            Some(1),
        ),
    );
    b.tp(
        re,
        tp(
            "First quarterly business review",
            "QBR",
            "Customer success",
            &["cfo", "ops"],
            1,
            "They showed hours saved per team. The CFO noticed.",
            true,
            Some(2),
        ),
    );
    b.tp(
        re,
        tp(
            "Renewal and expansion",
            "Renewal",
            "Account management",
            &["cfo", "proc"],
            0,
            "We renewed, but adding a department meant a new contract.",
            true,
            Some(2),
        ),
    );
    b.pain(
        re,
        "Sales-to-CS handoff repeats discovery",
        "7 of 8 interviewees; kickoff notes duplicate sales notes",
        [4, 4, 5, 5, 2],
    );
    b.pain(
        re,
        "Invoice surprises on prorated seats",
        "14 billing tickets in the first 60 days of new accounts",
        [3, 4, 3, 4, 1],
    );
    b.opportunity(
        re,
        "Handoff brief reviewed with the customer before kickoff",
        "CS team lead",
        "2027-01-15",
        "Time to first value",
    );
    b.opportunity(
        re,
        "Invoice preview in the welcome email",
        "Billing operations",
        "2027-02-01",
        "Billing tickets per new account",
    );
    b.kpi(re, "Time to first value (days)", "45", "21", "38");
    b.kpi(re, "Net revenue retention", "103 %", "112 %", "106 %");

    b.action(av, "Shares results in a peer community");
    b.thought(av, "Will being a reference take much of my time?");
    b.tp(
        av,
        tp(
            "Case study interview",
            "Email",
            "Marketing",
            &["ops"],
            1,
            "They wrote it; I only had to approve it.",
            false,
            None,
        ),
    );
    b.tp(
        av,
        tp(
            "Referral to a former colleague",
            "Referral",
            "Marketing",
            &["ops"],
            2,
            "I told her: ask for the industry template.",
            false,
            None,
        ),
    );
    b.tp(
        av,
        tp(
            "Review site request",
            "Review site",
            "Marketing",
            &["user"],
            0,
            "Asked on a busy day; I ignored it.",
            false,
            Some(1),
        ),
    );
    b.kpi(av, "NPS", "21", "40", "27");
    b.map
}

fn services() -> JourneyMap {
    let mut b = Builder::new(scope(
        "Professional services client journey",
        "Win more follow-on engagements by making delivery feel as good as the pitch.",
        "Mid-sized companies buying consulting projects (EUR 50–300k)",
        "Managing partner",
        "7 client interviews, project retrospectives, proposal win/loss log",
    ));
    b.persona(Persona {
        name: "Transformation lead Tomás".into(),
        role: "Director of Strategy".into(),
        firmographics: "Family-owned industrial group, 1,200 staff".into(),
        goals: "An outside view the board will trust, delivered on time".into(),
        challenges: "Internal politics; earlier consultants who left only slides".into(),
        decision_process:
            "Shortlists two firms; the CEO and CFO decide; procurement negotiates rates".into(),
        preferred_channels: "Referrals, partner meetings, industry events".into(),
        frustrations: "Junior teams after a senior pitch".into(),
        ..Persona::default()
    });
    b.person(
        "ceo",
        "CEO",
        RoleType::DecisionMaker,
        "Executive board",
        10,
        6,
        Stance::Supporter,
        "A credible plan the board backs",
        "Consultants who do not understand the family business",
    );
    b.person(
        "cfo",
        "CFO",
        RoleType::DecisionMaker,
        "Finance",
        8,
        4,
        Stance::Neutral,
        "Fixed fees and clear milestones",
        "Scope creep and open-ended day rates",
    );
    b.person(
        "lead",
        "Director of Strategy",
        RoleType::Champion,
        "Strategy",
        7,
        10,
        Stance::Supporter,
        "Results that make the programme succeed",
        "Being left with slides and no adoption",
    );
    b.person(
        "mgrs",
        "Plant managers",
        RoleType::EndUser,
        "Operations",
        4,
        7,
        Stance::Blocker,
        "Keeping production stable",
        "Consultants telling them how to run their plants",
    );
    b.person(
        "proc",
        "Procurement",
        RoleType::Institutional,
        "Procurement",
        5,
        2,
        Stance::Neutral,
        "Rate cards and framework terms",
        "Firms outside the approved supplier list",
    );
    b.person(
        "peer",
        "Former client (referrer)",
        RoleType::Influencer,
        "External",
        4,
        3,
        Stance::Supporter,
        "Helping a peer avoid mistakes",
        "Recommending someone who disappoints",
    );
    b.influences("peer", &["lead"]);
    b.influences("lead", &["ceo"]);
    b.influences("mgrs", &["ceo"]);
    let aw = b.stage(
        "Awareness",
        "The client recognises the need for outside expertise and asks for recommendations.",
        "Find a firm they can trust",
        "Partners",
    );
    let co = b.stage(
        "Consideration",
        "Reviews capabilities, checks references, judges cultural fit.",
        "Confidence in the team, not just the brand",
        "Partners",
    );
    let de = b.stage(
        "Decision",
        "Requests proposals, negotiates scope and pricing, signs.",
        "A scope the board will approve",
        "Partners and bid team",
    );
    let dl = b.stage(
        "Delivery",
        "The project runs: workshops, analysis, recommendations, implementation support.",
        "Progress visible every week",
        "Engagement manager",
    );
    let re = b.stage(
        "Retention",
        "Results are evaluated; further engagements are considered.",
        "Proof the money was well spent",
        "Partner",
    );
    let av = b.stage(
        "Advocacy",
        "The client gives references and recommends the firm to peers.",
        "Be the one who found the right partner",
        "Partners",
    );

    b.action(aw, "Asks two peers who they used");
    b.thought(aw, "Who understands companies like ours?");
    b.tp(
        aw,
        tp(
            "Peer recommendation",
            "Referral",
            "Partners",
            &["peer", "lead"],
            2,
            "She said they actually stayed until things worked.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Industry event talk",
            "Event",
            "Partners",
            &["lead"],
            1,
            "The talk was practical, no buzzwords.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "First call back after the enquiry",
            "Sales call",
            "Partners",
            &["lead"],
            1,
            "A partner called back the same morning.",
            true,
            None,
        ),
    );

    b.action(co, "Checks two references");
    b.thought(
        co,
        "Will the people in the pitch be the people on the project?",
    );
    b.tp(
        co,
        tp(
            "Chemistry meeting",
            "Sales call",
            "Partners",
            &["lead", "ceo"],
            1,
            "They listened more than they talked.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "Reference call",
            "Referral",
            "Partners",
            &["lead", "peer"],
            2,
            "The reference was candid about what went wrong too.",
            false,
            None,
        ),
    );
    b.tp(
        co,
        tp(
            "Credentials deck",
            "Email",
            "Bid team",
            &["cfo"],
            -1,
            "Forty slides of logos, nothing about our problem.",
            false,
            Some(1),
        ),
    );
    b.pain(
        co,
        "Generic credentials instead of a point of view",
        "Loss reviews: 3 of 5 lost bids cite 'did not understand us'",
        [3, 3, 4, 4, 2],
    );

    b.action(de, "Compares two proposals side by side");
    b.thought(de, "What happens if the scope changes halfway?");
    b.tp(
        de,
        tp(
            "Proposal presentation",
            "Proposal",
            "Bid team",
            &["ceo", "cfo", "lead"],
            1,
            "Clear phases and a fixed fee per phase.",
            true,
            None,
        ),
    );
    b.tp(
        de,
        tp(
            "Rate negotiation",
            "Procurement",
            "Partners",
            &["proc", "cfo"],
            -1,
            "Procurement squeezed the rates; the partner went quiet.",
            false,
            Some(0),
        ),
    );
    b.tp(
        de,
        tp(
            "Engagement letter signed",
            "Contract",
            "Partners",
            &["ceo"],
            1,
            "Done. Now let's see if they deliver.",
            false,
            None,
        ),
    );
    b.pain(
        de,
        "Team swap after signing",
        "2 of 7 clients met new team members at kickoff",
        [2, 5, 2, 5, 2],
    );
    b.opportunity(
        de,
        "Name the delivery team in the proposal and keep it",
        "Managing partner",
        "2027-01-31",
        "Client satisfaction at kickoff",
    );
    b.kpi(de, "Proposal win rate", "34 %", "45 %", "37 %");

    b.action(dl, "Joins weekly steering meetings");
    b.action(dl, "Runs workshops with plant managers");
    b.thought(dl, "Are we getting value for these day rates?");
    b.tp(
        dl,
        tp(
            "Project kickoff",
            "Kickoff",
            "Engagement manager",
            &["lead", "mgrs"],
            0,
            "Good plan; the plant managers were sceptical.",
            true,
            Some(1),
        ),
    );
    b.tp(
        dl,
        tp(
            "Site workshops",
            "Event",
            "Consultants",
            &["mgrs"],
            -1,
            "They told us what we already knew.",
            false,
            Some(1),
        ),
    );
    b.tp(
        dl,
        tp(
            "Weekly status report",
            "Email",
            "Engagement manager",
            &["lead", "cfo"],
            1,
            "Always on Friday, always honest about risks.",
            false,
            None,
        ),
    );
    b.tp(
        dl,
        tp(
            "First invoice",
            "Invoice",
            "Finance",
            &["cfo"],
            -1,
            "Expenses we had not agreed on.",
            true,
            Some(1),
        ),
    );
    b.tp(
        dl,
        tp(
            "Final recommendations",
            "Sales call",
            "Partners",
            &["ceo", "lead"],
            2,
            "A plan the board approved in one meeting.",
            true,
            None,
        ),
    );
    b.pain(
        dl,
        "Workshops feel like an audit to plant managers",
        "Workshop feedback 2.9/5 from operations staff",
        [3, 4, 4, 4, 2],
    );
    b.opportunity(
        dl,
        "Co-design workshops led with a plant manager",
        "Engagement manager",
        "2027-02-28",
        "Workshop feedback score",
    );
    b.kpi(dl, "Milestones delivered on time", "70 %", "90 %", "78 %");

    b.action(re, "Reviews results at 3 and 6 months");
    b.thought(re, "Do we need them for the next phase?");
    b.tp(
        re,
        tp(
            "Results review at 90 days",
            "QBR",
            "Partner",
            &["ceo", "cfo"],
            1,
            "They came back unpaid to check the results.",
            true,
            Some(2),
        ),
    );
    b.tp(
        re,
        tp(
            "Proposal for a follow-on",
            "Proposal",
            "Partner",
            &["cfo"],
            0,
            "Reasonable, but it arrived before we had digested phase one.",
            false,
            Some(1),
        ),
    );
    b.kpi(re, "Follow-on engagement rate", "35 %", "50 %", "38 %");

    b.action(av, "Recommends the firm at an industry association dinner");
    b.thought(av, "Would I hire them again?");
    b.tp(
        av,
        tp(
            "Reference request",
            "Email",
            "Partners",
            &["lead"],
            1,
            "Glad to: they made me look good to the board.",
            false,
            None,
        ),
    );
    b.tp(
        av,
        tp(
            "Alumni event invitation",
            "Event",
            "Marketing",
            &["lead", "ceo"],
            1,
            "A good evening with peers, no selling.",
            false,
            None,
        ),
    );
    b.kpi(av, "Client NPS", "32", "50", "36");
    b.map
}

fn ecommerce() -> JourneyMap {
    let mut b = Builder::new(scope(
        "B2B e-commerce buyer journey",
        "Cut the effort of the first order and make reordering a two-minute task.",
        "Trade buyers at small and mid-sized contractors",
        "Head of Digital Commerce",
        "9 buyer interviews, web analytics funnel, 200 customer service emails, order data",
    ));
    b.persona(Persona {
        name: "Purchasing Paul".into(),
        role: "Purchasing manager".into(),
        firmographics: "Electrical contractor, 60 staff, 12 vans".into(),
        goals: "The right parts on site by 7 am, on account terms".into(),
        challenges: "Urgent orders, several suppliers, approval limits".into(),
        decision_process: "Orders up to EUR 5,000 alone; above that the director approves".into(),
        preferred_channels: "Web shop, phone for urgent orders, email confirmations".into(),
        frustrations: "Stock shown online that is not actually available".into(),
        ..Persona::default()
    });
    b.person(
        "dir",
        "Managing director",
        RoleType::DecisionMaker,
        "Management",
        9,
        3,
        Stance::Neutral,
        "Cash flow, payment terms",
        "Margin loss from rush deliveries",
    );
    b.person(
        "buyer",
        "Purchasing manager",
        RoleType::Champion,
        "Purchasing",
        6,
        9,
        Stance::Supporter,
        "Fast ordering, reliable delivery",
        "Site teams blaming him for late parts",
    );
    b.person(
        "site",
        "Site supervisors",
        RoleType::EndUser,
        "Field operations",
        3,
        8,
        Stance::Neutral,
        "The right parts, on time, complete",
        "Substitutions they did not ask for",
    );
    b.person(
        "fin",
        "Accounts payable",
        RoleType::Institutional,
        "Finance",
        5,
        4,
        Stance::Blocker,
        "Invoices that match purchase orders",
        "Manual matching of partial deliveries",
    );
    b.person(
        "rep",
        "Field sales rep",
        RoleType::Influencer,
        "Supplier sales",
        4,
        4,
        Stance::Supporter,
        "Keeping the account",
        "Losing the relationship to the web shop",
    );
    b.influences("site", &["buyer"]);
    b.influences("rep", &["buyer"]);
    b.influences("fin", &["dir"]);
    let aw = b.stage(
        "Awareness",
        "The buyer searches for a specific product, compares specifications, reads reviews.",
        "Find the exact part fast",
        "E-commerce marketing",
    );
    let co = b.stage(
        "Consideration",
        "Evaluates pricing and terms, checks stock, reviews delivery options.",
        "Know price, stock and delivery before committing",
        "E-commerce",
    );
    let de = b.stage(
        "Decision",
        "Creates an account, submits a purchase order, sets payment terms.",
        "Order on account without friction",
        "Customer service and credit control",
    );
    let re = b.stage(
        "Retention",
        "Receives goods, checks quality, uses the self-service portal, reorders.",
        "Reordering in two minutes",
        "Operations and customer service",
    );
    let av = b.stage(
        "Advocacy",
        "Rates products, recommends to colleagues, buys more categories.",
        "A supplier that makes the job easier",
        "E-commerce marketing",
    );

    b.action(aw, "Searches a part number on Google");
    b.thought(aw, "Do they have it in stock near me?");
    b.tp(
        aw,
        tp(
            "Search result to a product page",
            "Search",
            "E-commerce marketing",
            &["buyer"],
            1,
            "The part number search worked first time.",
            false,
            None,
        ),
    );
    b.tp(
        aw,
        tp(
            "Product specifications and datasheet",
            "Website",
            "Product data",
            &["buyer", "site"],
            0,
            "The datasheet was there, the cable cross-section was not.",
            false,
            Some(1),
        ),
    );
    b.kpi(aw, "Search-to-product-page rate", "41 %", "55 %", "44 %");

    b.action(co, "Checks trade price and stock at the nearest branch");
    b.thought(co, "Is the price shown my price, or list price?");
    b.tp(
        co,
        tp(
            "Price shown only after log-in",
            "Website",
            "E-commerce",
            &["buyer"],
            -1,
            "I can't compare if I can't see a price.",
            false,
            Some(1),
        ),
    );
    b.tp(
        co,
        tp(
            "Stock availability",
            "Website",
            "E-commerce",
            &["buyer", "site"],
            -2,
            "Said 'in stock'. It wasn't. The crew waited half a day.",
            true,
            Some(1),
        ),
    );
    b.tp(
        co,
        tp(
            "Delivery options",
            "Website",
            "Logistics",
            &["buyer"],
            1,
            "Next-day to site before 7 am is exactly what we need.",
            false,
            None,
        ),
    );
    b.pain(
        co,
        "Stock shown online is not reliable",
        "23 % of 'in stock' lines short-shipped last quarter",
        [4, 5, 4, 5, 3],
    );
    b.opportunity(
        co,
        "Branch-level stock updated every 15 minutes",
        "Head of Digital Commerce",
        "2027-03-31",
        "Order lines short-shipped",
    );
    b.kpi(co, "Order lines short-shipped", "23 %", "5 %", "19 %");

    b.action(de, "Applies for a trade account");
    b.action(de, "Submits the first purchase order");
    b.thought(de, "Why do I have to fax a credit application in 2026?");
    b.tp(
        de,
        tp(
            "Trade account application",
            "Website",
            "Credit control",
            &["buyer", "fin"],
            -2,
            "A PDF to print, sign and scan. Took a week.",
            true,
            Some(1),
        ),
    );
    b.tp(
        de,
        tp(
            "First purchase order",
            "Email",
            "Customer service",
            &["buyer"],
            1,
            "Confirmation with delivery slot within minutes.",
            true,
            None,
        ),
    );
    b.tp(
        de,
        tp(
            "Approval above the order limit",
            "Email",
            "E-commerce",
            &["dir"],
            0,
            "The approval email went to spam.",
            false,
            Some(1),
        ),
    );
    b.pain(
        de,
        "Account opening takes a week",
        "Median 6 days; 31 % of applicants never place an order",
        [4, 4, 3, 5, 3],
    );
    b.opportunity(
        de,
        "Online credit application with instant decision up to a limit",
        "Credit control lead",
        "2027-02-28",
        "Days from application to first order",
    );
    b.kpi(de, "Days from application to first order", "6", "1", "6");

    b.action(re, "Receives the delivery on site");
    b.action(re, "Reorders last month's list from the portal");
    b.thought(re, "Why does the invoice not match the delivery note?");
    b.tp(
        re,
        tp(
            "Delivery to site",
            "Email",
            "Logistics",
            &["site"],
            1,
            "On time, and the driver called ahead.",
            true,
            None,
        ),
    );
    b.tp(
        re,
        tp(
            "Partial delivery and invoice",
            "Invoice",
            "Finance",
            &["fin", "buyer"],
            -2,
            "Three invoices for one order. Accounts payable hates us.",
            true,
            Some(1),
        ),
    );
    b.tp(
        re,
        tp(
            "Reorder from order history",
            "In-product",
            "E-commerce",
            &["buyer"],
            2,
            "Two clicks and the same list is on its way.",
            false,
            None,
        ),
    );
    b.tp(
        re,
        tp(
            "Returns request",
            "Support ticket",
            "Customer service",
            &["site", "buyer"],
            -1,
            "Had to call; the portal had no returns form.",
            true,
            Some(1),
        ),
    );
    b.pain(
        re,
        "Invoices do not match partial deliveries",
        "Accounts payable email: 38 % of threads are matching questions",
        [3, 4, 5, 4, 2],
    );
    b.opportunity(
        re,
        "One consolidated invoice per purchase order",
        "Finance systems lead",
        "2027-03-15",
        "Invoice queries per 100 orders",
    );
    b.kpi(re, "Reorder rate at 90 days", "58 %", "75 %", "61 %");

    b.action(
        av,
        "Tells a site supervisor at another firm about the portal",
    );
    b.thought(av, "Could we buy tools from them too?");
    b.tp(
        av,
        tp(
            "Product rating request",
            "Email",
            "E-commerce marketing",
            &["site"],
            0,
            "Happy to rate, but the email came before delivery.",
            false,
            Some(1),
        ),
    );
    b.tp(
        av,
        tp(
            "Category expansion offer",
            "Email",
            "Field sales",
            &["buyer", "rep"],
            1,
            "Useful: they noticed we buy cable but not tools.",
            false,
            None,
        ),
    );
    b.kpi(av, "Categories bought per account", "2.1", "3.0", "2.3");
    b.map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::map::Quadrant;
    use crate::model::restore::restore_map;
    use crate::model::validate::validate;

    fn all() -> Vec<(Template, JourneyMap)> {
        TEMPLATES
            .iter()
            .map(|t| (*t, build(t.key).expect("every template builds")))
            .collect()
    }

    #[test]
    fn every_template_is_a_valid_map_without_warnings() {
        for (t, map) in all() {
            assert_eq!(validate(&map), vec![], "{}", t.key);
        }
    }

    #[test]
    fn every_template_round_trips_through_json_and_restore() {
        for (t, map) in all() {
            let value = serde_json::to_value(&map).unwrap();
            let (back, report) = restore_map(&value).unwrap();
            assert_eq!(back, map, "{}", t.key);
            assert!(report.is_clean(), "{}: {:?}", t.key, report.notes);
        }
    }

    #[test]
    fn the_stage_sets_follow_the_sources() {
        let names = |key| {
            build(key)
                .unwrap()
                .stages
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("five-phase-b2b"),
            ["Awareness", "Consideration", "Purchase", "Use", "Loyalty"]
        );
        assert_eq!(
            names("six-stage-b2b"),
            [
                "Awareness",
                "Consideration",
                "Decision",
                "Onboarding",
                "Adoption and expansion",
                "Advocacy"
            ]
        );
    }

    #[test]
    fn every_template_is_complete_and_real() {
        for (t, map) in all() {
            let touchpoints = map.touchpoints();
            assert!(
                touchpoints.len() >= 14,
                "{}: {} touchpoints",
                t.key,
                touchpoints.len()
            );
            assert!(
                touchpoints.iter().any(|c| c.moment_of_truth),
                "{}: no moment of truth",
                t.key
            );
            assert!(
                touchpoints
                    .iter()
                    .all(|c| c.emotion.is_some() && !c.quote.is_empty()),
                "{}",
                t.key
            );
            for kind in LaneKind::ALL {
                assert!(
                    map.cards.iter().any(|c| map.card_kind(c) == Some(kind)),
                    "{}: empty lane {kind:?}",
                    t.key
                );
            }
            let quadrants: Vec<Quadrant> = map.stakeholders.iter().map(|s| s.quadrant()).collect();
            for q in Quadrant::ALL {
                assert!(quadrants.contains(&q), "{}: no stakeholder in {q:?}", t.key);
            }
            assert!(
                !map.personas.is_empty() && map.scope.primary_persona.is_some(),
                "{}",
                t.key
            );
            assert_eq!(
                map.top_friction(3).len(),
                3.min(map.top_friction(9).len()),
                "{}",
                t.key
            );
            let json = serde_json::to_string(&map).unwrap().to_lowercase();
            for filler in ["lorem", "todo", "touchpoint 1", "xxx", "tbd"] {
                assert!(
                    !json.contains(filler),
                    "{}: placeholder text “{filler}”",
                    t.key
                );
            }
            println!(
                "{}: {} touchpoints, {} bytes of JSON",
                t.key,
                touchpoints.len(),
                json.len()
            );
            assert!(json.len() < 16_000, "{}: {} bytes", t.key, json.len());
        }
    }

    #[test]
    fn building_is_deterministic_and_unknown_keys_build_nothing() {
        for t in TEMPLATES {
            assert_eq!(build(t.key), build(t.key));
        }
        assert_eq!(build("nope"), None);
        assert!(sample_map().scope.title.starts_with("Sample"));
    }

    #[test]
    fn the_five_phase_template_flags_the_seed_moments_of_truth() {
        let map = build("five-phase-b2b").unwrap();
        let moments: Vec<&str> = map
            .touchpoints()
            .iter()
            .filter(|c| c.moment_of_truth)
            .map(|c| c.text.as_str())
            .collect();
        for expected in [
            "Sends a website enquiry",
            "Onboarding session in the first 14 days",
            "First invoice",
            "First support ticket",
            "First quarterly business review",
            "Renewal conversation",
        ] {
            assert!(
                moments.contains(&expected),
                "missing moment of truth “{expected}”: {moments:?}"
            );
        }
    }

    #[test]
    fn the_six_stage_template_shows_the_four_handoff_gaps() {
        let map = build("six-stage-b2b").unwrap();
        let gaps = map
            .cards
            .iter()
            .filter(|c| {
                map.card_kind(c) == Some(LaneKind::PainPoints) && c.text.starts_with("Handoff gap")
            })
            .count();
        assert_eq!(gaps, 4);
    }
}
