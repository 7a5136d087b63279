//! Five built-in templates with real content, and the sample map.
//!
//! Each template is a complete map drawn from the reference articles on B2B journey
//! mapping: scope, a persona, a stakeholder register spread over the four
//! influence–interest quadrants, stages with goals and owners, and per stage actions,
//! thoughts, touchpoints (emotion, the customer's words, moments of truth), pain points
//! (evidence and scores), opportunities (owner, deadline, KPI) and KPIs.
//!
//! Templates are built by code, not parsed, so `build` cannot fail and is deterministic:
//! the same key always gives the identical map (ids included), which lets a share link
//! encode a map as its difference from a template. Changing a template's content changes
//! what such links decode to; the snapshot test against `tests/fixtures/templates/`
//! makes every change deliberate.

use super::ids::Id;
use super::map::{
    Card, JourneyMap, LaneKind, PainScores, Persona, RoleType, Scope, Stage, Stakeholder, Stance,
};
use super::scales::{Emotion, Level};

/// A built-in template the user can start a map from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable key, used in menus, files and share links.
    pub key: &'static str,
    /// Name shown in the "New map" menu.
    pub name: &'static str,
    /// One line on what the template holds.
    pub summary: &'static str,
}

const FIVE_PHASE: &str = "five-phase-b2b";
const SIX_STAGE: &str = "six-stage-b2b";
const SAAS: &str = "b2b-saas";
const SERVICES: &str = "professional-services";
const ECOMMERCE: &str = "b2b-ecommerce";

/// All five, in the order the "New map" menu lists them.
pub const TEMPLATES: [Template; 5] = [
    Template {
        key: FIVE_PHASE,
        name: "B2B journey in 5 phases",
        summary: "Awareness to Loyalty, with the classic B2B moments of truth flagged.",
    },
    Template {
        key: SIX_STAGE,
        name: "B2B journey in 6 stages",
        summary: "Awareness to Advocacy, with the four team handoff gaps shown as pain points.",
    },
    Template {
        key: SAAS,
        name: "B2B SaaS (enterprise)",
        summary: "Trial, pilot, security review, onboarding, first value, renewal and expansion.",
    },
    Template {
        key: SERVICES,
        name: "Professional services",
        summary: "Referral, proposal, project delivery, follow-on work and references.",
    },
    Template {
        key: ECOMMERCE,
        name: "B2B e-commerce",
        summary: "Trade account, first order and invoice, delivery, reorder and account growth.",
    },
];

/// Builds the template with this key as a fresh map; `None` for an unknown key.
pub fn build(key: &str) -> Option<JourneyMap> {
    match key {
        FIVE_PHASE => Some(five_phase_b2b()),
        SIX_STAGE => Some(six_stage_b2b()),
        SAAS => Some(b2b_saas()),
        SERVICES => Some(professional_services()),
        ECOMMERCE => Some(b2b_ecommerce()),
        _ => None,
    }
}

/// The map shown on a first visit, so there is something to look at (one of the templates,
/// with a title saying it is a sample).
pub fn sample_map() -> JourneyMap {
    let mut map = six_stage_b2b();
    map.scope.title = "Sample map: buying finance software in 6 stages".into();
    map
}

// ---------------------------------------------------------------------------------------
// A small builder, so the content below reads like the map it makes.
// ---------------------------------------------------------------------------------------

/// The text of a persona.
struct PersonaText {
    name: &'static str,
    role: &'static str,
    firmographics: &'static str,
    goals: &'static str,
    challenges: &'static str,
    decision_process: &'static str,
    preferred_channels: &'static str,
    frustrations: &'static str,
}

/// One entry of the stakeholder register, before it gets an id.
struct Person {
    name: &'static str,
    role: RoleType,
    department: &'static str,
    influence: u8,
    interest: u8,
    stance: Stance,
    priorities: &'static str,
    concerns: &'static str,
}

/// The card just added, for optional details.
struct Added<'a>(Option<&'a mut Card>);

impl Added<'_> {
    /// Names the stakeholders involved.
    fn who(mut self, people: &[Id]) -> Self {
        if let Some(card) = self.0.as_deref_mut() {
            card.stakeholders = people.to_vec();
        }
        self
    }

    /// Flags the touchpoint as a moment of truth.
    fn moment_of_truth(mut self) -> Self {
        if let Some(card) = self.0.as_deref_mut() {
            card.moment_of_truth = true;
        }
        self
    }

    /// Sets the target emotion after improvement.
    fn target_emotion(mut self, emotion: i64) -> Self {
        if let Some(card) = self.0.as_deref_mut() {
            card.to_be = Emotion::new(emotion);
        }
        self
    }
}

/// A map under construction.
struct Draft {
    map: JourneyMap,
}

impl Draft {
    /// A map with the six default lanes and this scope (quarterly review).
    fn new(title: &str, objective: &str, segment: &str, owner: &str, research: &str) -> Draft {
        let mut map = JourneyMap::blank(title);
        map.scope = Scope {
            objective: objective.into(),
            segment: segment.into(),
            owner: owner.into(),
            research_sources: research.into(),
            ..map.scope
        };
        Draft { map }
    }

    /// The finished map.
    fn finish(self) -> JourneyMap {
        self.map
    }

    /// Adds a persona; the first one becomes the primary persona.
    fn persona(&mut self, text: PersonaText) -> Id {
        let id = self.map.new_id();
        self.map.personas.push(Persona {
            id,
            name: text.name.into(),
            role: text.role.into(),
            firmographics: text.firmographics.into(),
            goals: text.goals.into(),
            challenges: text.challenges.into(),
            decision_process: text.decision_process.into(),
            preferred_channels: text.preferred_channels.into(),
            frustrations: text.frustrations.into(),
        });
        self.map.scope.primary_persona.get_or_insert(id);
        id
    }

    /// Adds a stakeholder to the register.
    fn person(&mut self, p: Person) -> Id {
        let id = self.map.new_id();
        self.map.stakeholders.push(Stakeholder {
            id,
            name: p.name.into(),
            role_type: p.role,
            department: p.department.into(),
            influence: Level::clamped(i64::from(p.influence)),
            interest: Level::clamped(i64::from(p.interest)),
            stance: p.stance,
            priorities: p.priorities.into(),
            concerns: p.concerns.into(),
            influences: Vec::new(),
        });
        id
    }

    /// Records that `from` influences each of `to`.
    fn link(&mut self, from: Id, to: &[Id]) {
        if let Some(s) = self.map.stakeholders.iter_mut().find(|s| s.id == from) {
            s.influences.extend_from_slice(to);
        }
    }

    /// Adds a stage at the right end.
    fn stage(&mut self, name: &str, description: &str, goal: &str, team: &str) -> Id {
        let id = self.map.new_id();
        self.map.stages.push(Stage {
            id,
            name: name.into(),
            description: description.into(),
            customer_goal: goal.into(),
            owning_team: team.into(),
        });
        id
    }

    /// Appends a card of `kind` to `stage`, filled in by `fill`.
    fn add(
        &mut self,
        stage: Id,
        kind: LaneKind,
        text: &str,
        fill: impl FnOnce(&mut Card),
    ) -> Added<'_> {
        let id = self.map.new_id();
        let lane = self.map.lane_of_kind(kind).unwrap_or_default();
        let mut card = Card {
            id,
            stage,
            lane,
            text: text.into(),
            ..Card::default()
        };
        fill(&mut card);
        self.map.cards.push(card);
        Added(self.map.cards.last_mut())
    }

    /// What the customer does.
    fn act(&mut self, stage: Id, text: &str) {
        self.add(stage, LaneKind::Actions, text, |_| {});
    }

    /// What the customer thinks or asks.
    fn think(&mut self, stage: Id, text: &str) {
        self.add(stage, LaneKind::Thoughts, text, |_| {});
    }

    /// A touchpoint: channel, owning team, emotion −2..+2 and the customer's words.
    fn touch(
        &mut self,
        stage: Id,
        channel: &str,
        text: &str,
        team: &str,
        emotion: i64,
        quote: &str,
    ) -> Added<'_> {
        self.add(stage, LaneKind::Touchpoints, text, |c| {
            c.channel = channel.into();
            c.owning_team = team.into();
            c.emotion = Emotion::new(emotion);
            c.quote = quote.into();
        })
    }

    /// A pain point with evidence and scores: magnitude, severity, frequency, business
    /// impact, effort to resolve (each 1..5).
    fn pain(&mut self, stage: Id, text: &str, evidence: &str, scores: [u8; 5]) -> Added<'_> {
        let [magnitude, severity, frequency, business_impact, effort] = scores.map(Some);
        self.add(stage, LaneKind::PainPoints, text, |c| {
            c.evidence = evidence.into();
            c.scores = PainScores {
                magnitude,
                severity,
                frequency,
                business_impact,
                effort,
            };
        })
    }

    /// An opportunity with its owner, deadline (`YYYY-MM-DD`) and KPI.
    fn opportunity(&mut self, stage: Id, text: &str, owner: &str, deadline: &str, kpi: &str) {
        self.add(stage, LaneKind::Opportunities, text, |c| {
            c.owner = owner.into();
            c.deadline = deadline.into();
            c.kpi = kpi.into();
        });
    }

    /// A KPI with baseline, target and current value.
    fn kpi(&mut self, stage: Id, text: &str, baseline: &str, target: &str, current: &str) {
        self.add(stage, LaneKind::Kpis, text, |c| {
            c.baseline = baseline.into();
            c.target = target.into();
            c.current = current.into();
        });
    }
}

const RESEARCH: &str = "Suggested: 8–12 customer interviews (45 min, recorded with consent), CRM notes, support tickets, NPS comments";

// ---------------------------------------------------------------------------------------
// 1. Five phases (seed 000)
// ---------------------------------------------------------------------------------------

fn five_phase_b2b() -> JourneyMap {
    let mut d = Draft::new(
        "B2B journey in 5 phases",
        "Find the moments of truth that move NPS and retention, and fix the three worst first.",
        "Mid-sized companies (50–500 staff) buying a managed service",
        "Head of CX",
        RESEARCH,
    );
    d.persona(PersonaText {
        name: "Operations Olivia",
        role: "Operations Director",
        firmographics: "Manufacturer, 120 staff, family-owned, one site",
        goals: "Fix a recurring process problem without hiring; show the owner results",
        challenges: "No time to compare vendors; every euro must be justified",
        decision_process: "She shortlists; the CEO signs over €10k; finance checks terms",
        preferred_channels: "Peers, LinkedIn, email, phone",
        frustrations: "Vendors who go quiet after the demo; invoices that differ from the quote",
    });
    let ceo = d.person(Person {
        name: "CEO (owner)",
        role: RoleType::DecisionMaker,
        department: "Management",
        influence: 9,
        interest: 6,
        stance: Stance::Neutral,
        priorities: "Payback within a year, low risk",
        concerns: "Hidden costs, disruption to production",
    });
    let olivia = d.person(Person {
        name: "Olivia, Operations Director",
        role: RoleType::Champion,
        department: "Operations",
        influence: 7,
        interest: 9,
        stance: Stance::Supporter,
        priorities: "A visible fix this year",
        concerns: "Backing a vendor that lets her down",
    });
    let lead = d.person(Person {
        name: "Shift supervisor",
        role: RoleType::EndUser,
        department: "Production",
        influence: 3,
        interest: 8,
        stance: Stance::Neutral,
        priorities: "Less paperwork on the floor",
        concerns: "Another tool nobody trains us on",
    });
    let finance = d.person(Person {
        name: "Finance manager",
        role: RoleType::Institutional,
        department: "Finance",
        influence: 7,
        interest: 3,
        stance: Stance::Blocker,
        priorities: "Clear payment terms, invoices that match",
        concerns: "Price rises after year one",
    });
    let advisor = d.person(Person {
        name: "External advisor",
        role: RoleType::Influencer,
        department: "Outside accountant",
        influence: 4,
        interest: 2,
        stance: Stance::Neutral,
        priorities: "Client avoids a bad contract",
        concerns: "Long lock-in",
    });
    d.link(olivia, &[ceo, lead]);
    d.link(finance, &[ceo]);
    d.link(advisor, &[ceo]);
    d.link(lead, &[olivia]);

    let s = d.stage(
        "Awareness",
        "She sees the problem and learns that a category of solution exists.",
        "Understand the problem and who solves it",
        "Marketing",
    );
    d.act(s, "Searches the problem, asks peers at a trade fair");
    d.think(s, "Is this normal, or are we doing something wrong?");
    d.touch(
        s,
        "LinkedIn",
        "Customer story shared by a peer",
        "Marketing",
        1,
        "If they fixed it, so can we.",
    )
    .who(&[olivia]);
    d.touch(
        s,
        "Blog",
        "Practical how-to article",
        "Marketing",
        1,
        "Finally someone who explains it without selling.",
    )
    .who(&[olivia]);
    d.touch(
        s,
        "Event",
        "Trade-fair stand chat",
        "Sales",
        0,
        "Nice chat, but they never sent what they promised.",
    )
    .who(&[olivia]);
    d.touch(
        s,
        "Referral",
        "Advisor mentions the firm",
        "Account management",
        1,
        "Our accountant said they're solid.",
    )
    .who(&[advisor, ceo]);
    d.pain(
        s,
        "Trade-fair contacts not followed up",
        "40 % of fair leads had no contact within a week (CRM)",
        [3, 3, 2, 2, 1],
    );
    d.opportunity(
        s,
        "Follow up every fair contact within 24 h",
        "Marketing lead",
        "2027-03-31",
        "Fair leads contacted within 24 h",
    );
    d.kpi(s, "Qualified enquiries per month", "18", "30", "21");

    let s = d.stage(
        "Consideration",
        "She compares providers and forms a shortlist.",
        "A shortlist she can defend to the CEO",
        "Marketing and sales",
    );
    d.act(s, "Fills in the contact form; compares three providers");
    d.think(s, "Will they understand a company our size?");
    d.touch(
        s,
        "Website",
        "Reply to the contact form",
        "Sales",
        -2,
        "I asked for a call and heard nothing for two days.",
    )
    .who(&[olivia])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Website",
        "Case studies and prices",
        "Marketing",
        0,
        "No prices anywhere. What are they hiding?",
    )
    .who(&[olivia, finance]);
    d.touch(
        s,
        "Demo",
        "Demo with our own figures",
        "Sales",
        2,
        "They used our numbers. That sold it.",
    )
    .who(&[olivia, lead]);
    d.touch(
        s,
        "Review site",
        "Reads reviews",
        "Marketing",
        1,
        "Good reviews from firms like ours.",
    )
    .who(&[olivia]);
    d.pain(
        s,
        "Slow first response to web enquiries",
        "Median 26 h to first reply (CRM); 6 of 10 nearly went elsewhere",
        [5, 4, 4, 5, 2],
    );
    d.opportunity(
        s,
        "On-duty rep answers web enquiries within 60 min",
        "Head of Sales",
        "2027-02-28",
        "Median first-response time",
    );
    d.kpi(
        s,
        "Median first response to an enquiry",
        "26 h",
        "< 60 min",
        "9 h",
    );

    let s = d.stage(
        "Purchase",
        "She chooses, negotiates, signs and gets started.",
        "A fair deal and a start without surprises",
        "Sales",
    );
    d.act(s, "Negotiates terms, signs, books the onboarding");
    d.think(s, "Will we get what we were shown?");
    d.touch(
        s,
        "Proposal",
        "One-page proposal",
        "Sales",
        1,
        "Clear, one page, no small print.",
    )
    .who(&[ceo, finance]);
    d.touch(
        s,
        "Contract",
        "Contract and payment terms",
        "Sales",
        -1,
        "Three rounds just on payment terms.",
    )
    .who(&[finance]);
    d.touch(
        s,
        "Email",
        "Welcome email with a named contact",
        "Customer success",
        1,
        "One name to call. That helps.",
    )
    .who(&[olivia]);
    d.touch(
        s,
        "Kickoff",
        "Kickoff meeting",
        "Customer success",
        0,
        "Lots of logistics; nobody asked why we bought.",
    )
    .who(&[olivia, ceo])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Onboarding",
        "Onboarding session in the first 14 days",
        "Customer success",
        1,
        "They already knew our setup. No repeating ourselves.",
    )
    .who(&[olivia, lead])
    .moment_of_truth()
    .target_emotion(2);
    d.pain(
        s,
        "What sales learned is lost at handover",
        "4 of 10 re-explained their needs at onboarding",
        [3, 4, 3, 4, 2],
    );
    d.opportunity(
        s,
        "Sales handover note, read back at onboarding",
        "Head of Customer Success",
        "2027-03-31",
        "Customers who had to re-explain (interviews)",
    );
    d.kpi(s, "Days from signature to onboarding", "21", "≤ 14", "16");

    let s = d.stage(
        "Use",
        "Her team uses the service day to day.",
        "The promised result in daily work",
        "Customer success",
    );
    d.act(s, "Rolls the service out; raises the first questions");
    d.think(s, "Is this saving us time yet?");
    d.touch(
        s,
        "Invoice",
        "First invoice",
        "Finance",
        -2,
        "The invoice didn't match the quote. I felt cheated.",
    )
    .who(&[finance, ceo])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Support ticket",
        "First support ticket",
        "Support",
        1,
        "Fixed the same day, and they called to check.",
    )
    .who(&[lead])
    .moment_of_truth();
    d.touch(
        s,
        "Training",
        "Team training",
        "Customer success",
        0,
        "Good session, but half the shift missed it.",
    )
    .who(&[lead]);
    d.touch(
        s,
        "Email",
        "Monthly results report",
        "Customer success",
        1,
        "Now I can show the CEO real numbers.",
    )
    .who(&[olivia, ceo]);
    d.pain(
        s,
        "First invoice differs from the quote",
        "22 billing tickets in Q3; 3 of 10 interviews",
        [3, 5, 2, 5, 1],
    );
    d.opportunity(
        s,
        "Check each first invoice against the signed quote",
        "Finance lead",
        "2027-01-31",
        "Billing tickets on first invoices",
    );
    d.kpi(s, "CSAT on first support ticket", "78 %", "90 %", "84 %");

    let s = d.stage(
        "Loyalty",
        "She renews, expands, recommends, or leaves.",
        "Decide whether to stay and grow",
        "Account management",
    );
    d.act(s, "Reviews the year's results; decides on renewal");
    d.think(s, "Would I put my name to a recommendation?");
    d.touch(
        s,
        "QBR",
        "First quarterly business review",
        "Account management",
        1,
        "They showed what we saved, in euros.",
    )
    .who(&[ceo, olivia])
    .moment_of_truth();
    d.touch(
        s,
        "Renewal",
        "Renewal conversation",
        "Account management",
        -1,
        "They only called when the contract was ending.",
    )
    .who(&[ceo, finance])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Sales call",
        "Offer to add a second site",
        "Account management",
        0,
        "Makes sense, but not straight after a price rise.",
    )
    .who(&[ceo])
    .moment_of_truth();
    d.touch(
        s,
        "Referral",
        "Asked for a referral",
        "Marketing",
        1,
        "Happy to. They earned it.",
    )
    .who(&[olivia]);
    d.pain(
        s,
        "No contact between onboarding and renewal",
        "Churned accounts: 5 months on average without a call before renewal",
        [4, 4, 3, 5, 3],
    );
    d.opportunity(
        s,
        "A business review every quarter for every account",
        "Head of Account Management",
        "2027-04-30",
        "Accounts with a QBR this quarter",
    );
    d.kpi(s, "NPS", "18", "40", "27");
    d.kpi(s, "Annual customer churn", "14 %", "8 %", "12 %");
    d.finish()
}

// ---------------------------------------------------------------------------------------
// 2. Six stages with the four handoff gaps (seed 001)
// ---------------------------------------------------------------------------------------

fn six_stage_b2b() -> JourneyMap {
    let mut d = Draft::new(
        "B2B journey in 6 stages",
        "See where deals stall and customers go quiet at the four team handoffs; fix the worst three.",
        "Mid-market finance teams (200–1,000 staff)",
        "Head of RevOps",
        RESEARCH,
    );
    d.persona(PersonaText {
        name: "Finance Ops Fiona",
        role: "Finance Operations Manager",
        firmographics: "Distributor, 400 staff, three sites, old ERP",
        goals: "Close the month in 5 days, not 10; stop chasing paper invoices",
        challenges: "Small team, IT queue of months, sceptical CFO",
        decision_process: "She builds the case; the CFO signs; IT security and procurement approve",
        preferred_channels: "LinkedIn, peer groups, webinars, review sites",
        frustrations: "Demos that ignore her ERP; having to chase vendors for a price",
    });
    let cfo = d.person(Person {
        name: "CFO",
        role: RoleType::DecisionMaker,
        department: "Finance",
        influence: 9,
        interest: 7,
        stance: Stance::Neutral,
        priorities: "Faster close, payback under 12 months",
        concerns: "Another project that drags on",
    });
    let fiona = d.person(Person {
        name: "Fiona, Finance Ops Manager",
        role: RoleType::Champion,
        department: "Finance",
        influence: 6,
        interest: 10,
        stance: Stance::Supporter,
        priorities: "Less manual work for her team",
        concerns: "Looking bad if roll-out fails",
    });
    let clerk = d.person(Person {
        name: "Accounts payable clerk",
        role: RoleType::EndUser,
        department: "Finance",
        influence: 2,
        interest: 8,
        stance: Stance::Neutral,
        priorities: "Less typing, fewer supplier calls",
        concerns: "Learning a new tool at month-end",
    });
    let security = d.person(Person {
        name: "IT security lead",
        role: RoleType::Institutional,
        department: "IT",
        influence: 8,
        interest: 3,
        stance: Stance::Blocker,
        priorities: "Single sign-on, data stays in the EU",
        concerns: "Outside access to financial data",
    });
    let buyer = d.person(Person {
        name: "Procurement officer",
        role: RoleType::Institutional,
        department: "Procurement",
        influence: 6,
        interest: 2,
        stance: Stance::Neutral,
        priorities: "Standard terms, three quotes",
        concerns: "Auto-renewal clauses",
    });
    let peer = d.person(Person {
        name: "Peer CFO",
        role: RoleType::Influencer,
        department: "Finance network",
        influence: 4,
        interest: 3,
        stance: Stance::Supporter,
        priorities: "Sharing what worked",
        concerns: "Being quoted without asking",
    });
    d.link(fiona, &[cfo, clerk]);
    d.link(security, &[cfo]);
    d.link(buyer, &[cfo]);
    d.link(peer, &[cfo]);

    let s = d.stage(
        "Awareness",
        "She sees the problem and starts researching.",
        "Understand why month-end takes so long",
        "Marketing",
    );
    d.act(s, "Reads about invoice automation; asks peers");
    d.think(s, "Do other teams still type invoices by hand?");
    d.touch(
        s,
        "Blog",
        "Article on closing faster",
        "Marketing",
        1,
        "Useful, and no hard sell.",
    )
    .who(&[fiona]);
    d.touch(
        s,
        "LinkedIn",
        "Peer CFO's post",
        "Marketing",
        1,
        "If his team did it, we can.",
    )
    .who(&[cfo, peer]);
    d.touch(
        s,
        "Analyst report",
        "Analyst report",
        "Marketing",
        0,
        "Twenty vendors. They all sound the same.",
    )
    .who(&[fiona]);
    d.pain(
        s,
        "Content never says which ERPs it works with",
        "5 of 8 interviewees could not tell",
        [3, 2, 3, 2, 2],
    );
    d.opportunity(
        s,
        "A guide for each of the top five ERPs",
        "Content lead",
        "2027-03-31",
        "Demo requests from ERP guides",
    );
    d.kpi(s, "Marketing-qualified leads per month", "40", "60", "46");

    let s = d.stage(
        "Consideration",
        "She evaluates vendors and builds a shortlist.",
        "A shortlist of 2–3 that fit",
        "Marketing, then sales",
    );
    d.act(s, "Compares four vendors; requests a demo");
    d.think(s, "Which ones are worth a call?");
    d.touch(
        s,
        "Website",
        "Comparison page, price on request",
        "Marketing",
        0,
        "'Price on request' means expensive.",
    )
    .who(&[fiona]);
    d.touch(
        s,
        "Review site",
        "G2 reviews",
        "Marketing",
        1,
        "People mention fast support. Good sign.",
    )
    .who(&[fiona]);
    d.touch(
        s,
        "Webinar",
        "Webinar with a customer",
        "Marketing",
        1,
        "Hearing another finance team convinced me.",
    )
    .who(&[fiona, clerk]);
    d.touch(
        s,
        "Email",
        "First response to the demo request",
        "Sales",
        -2,
        "I was ready to talk. Nobody called for three days.",
    )
    .who(&[fiona])
    .moment_of_truth()
    .target_emotion(1);
    d.pain(
        s,
        "Marketing→sales handoff: 3-day wait",
        "CRM: median 3.1 days from request to call; 2 of 8 bought elsewhere",
        [4, 4, 4, 5, 2],
    );
    d.opportunity(
        s,
        "Book the call on the form; reply within 1 h",
        "Head of Sales Development",
        "2027-01-31",
        "Median time to first call",
    );
    d.kpi(
        s,
        "Demo request to first call",
        "3.1 days",
        "< 1 h",
        "1.5 days",
    );

    let s = d.stage(
        "Decision",
        "She chooses between finalists and wins internal approval.",
        "A choice the CFO and IT will sign off",
        "Sales",
    );
    d.act(
        s,
        "Sees a demo, asks for a proposal, passes security review",
    );
    d.think(s, "Can I defend this price to the CFO?");
    d.touch(
        s,
        "Demo",
        "Demo with our invoices",
        "Sales",
        2,
        "They loaded our own invoices. Sold.",
    )
    .who(&[fiona, clerk]);
    d.touch(
        s,
        "Proposal",
        "Proposal after the demo",
        "Sales",
        -1,
        "Two weeks after the demo, still no proposal.",
    )
    .who(&[fiona, cfo])
    .target_emotion(1);
    d.touch(
        s,
        "Security review",
        "Security questionnaire",
        "Sales",
        -1,
        "300 questions, and sales couldn't answer one.",
    )
    .who(&[security]);
    d.touch(
        s,
        "Procurement",
        "Procurement and contract",
        "Sales",
        0,
        "Standard terms. Signed in a week.",
    )
    .who(&[buyer, cfo]);
    d.pain(
        s,
        "Demo→proposal gap: no clear proposal",
        "Median 11 days from demo to proposal; 3 of 8 asked twice",
        [4, 3, 4, 4, 2],
    );
    d.opportunity(
        s,
        "Proposal within 48 h of every demo",
        "Sales Director",
        "2027-02-28",
        "Days from demo to proposal",
    );
    d.kpi(s, "Win rate", "22 %", "30 %", "25 %");

    let s = d.stage(
        "Onboarding",
        "The customer implements and learns the product.",
        "Live on the ERP without disrupting month-end",
        "Customer success",
    );
    d.act(s, "Kickoff call, ERP connection, team training");
    d.think(s, "Do they know what we agreed with sales?");
    d.touch(
        s,
        "Kickoff",
        "Kickoff call",
        "Customer success",
        -1,
        "We explained everything again from scratch.",
    )
    .who(&[fiona, cfo])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Onboarding",
        "ERP connected in the first 14 days",
        "Customer success",
        1,
        "Connected to our ERP in a week. Impressed.",
    )
    .who(&[security, fiona])
    .moment_of_truth();
    d.touch(
        s,
        "Training",
        "Training for the AP team",
        "Customer success",
        1,
        "Short videos we can rewatch. Perfect.",
    )
    .who(&[clerk]);
    d.pain(
        s,
        "Sales→CS handoff: context lost",
        "6 of 8 re-explained their goals at kickoff",
        [5, 3, 3, 4, 2],
    );
    d.opportunity(
        s,
        "Seller joins the kickoff; one shared handoff note",
        "Head of Customer Success",
        "2027-03-31",
        "Customers re-explaining goals",
    );
    d.kpi(s, "Days to go-live", "45", "30", "38");

    let s = d.stage(
        "Adoption and expansion",
        "The customer gets value and may expand.",
        "A faster close, proven in numbers",
        "Customer success",
    );
    d.act(s, "Processes invoices daily; reviews results at the QBR");
    d.think(s, "Are we actually closing faster?");
    d.touch(
        s,
        "In-product",
        "First month-end on the platform",
        "Product",
        2,
        "Closed in 6 days. First time ever.",
    )
    .who(&[fiona, clerk])
    .moment_of_truth();
    d.touch(
        s,
        "Support ticket",
        "First support ticket",
        "Support",
        -1,
        "Four days to fix a sync error, at month-end.",
    )
    .who(&[clerk])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "QBR",
        "First QBR",
        "Customer success",
        1,
        "Our numbers, not a sales deck.",
    )
    .who(&[cfo, fiona])
    .moment_of_truth();
    d.touch(
        s,
        "Sales call",
        "Offer to add the second company",
        "Account management",
        1,
        "They offered it just when we needed it.",
    )
    .who(&[cfo])
    .moment_of_truth();
    d.touch(
        s,
        "Renewal",
        "Renewal",
        "Account management",
        0,
        "Fine, but the price rise came as a surprise.",
    )
    .who(&[cfo, buyer])
    .moment_of_truth();
    d.pain(
        s,
        "Onboarding→adoption: set up but not used",
        "30 % of users inactive at day 60; cited by 2 churned accounts",
        [4, 4, 3, 5, 3],
    );
    d.opportunity(
        s,
        "Day-30 value check with a usage report",
        "Customer Success Manager",
        "2027-04-30",
        "Active users at day 60",
    );
    d.kpi(s, "Net revenue retention", "104 %", "115 %", "108 %");

    let s = d.stage(
        "Advocacy",
        "The customer refers others or becomes a public reference.",
        "Share a success without much effort",
        "Marketing",
    );
    d.act(s, "Shares results; takes reference calls");
    d.think(s, "Is it worth my time to speak for them?");
    d.touch(
        s,
        "Review site",
        "Asked for a G2 review",
        "Marketing",
        1,
        "Happy to, it took two minutes.",
    )
    .who(&[fiona]);
    d.touch(
        s,
        "Referral",
        "Referral programme",
        "Marketing",
        0,
        "I didn't know they had one.",
    )
    .who(&[cfo]);
    d.touch(
        s,
        "Website",
        "Case study interview",
        "Marketing",
        1,
        "Nice to see my team's work in print.",
    )
    .who(&[fiona, cfo]);
    d.pain(
        s,
        "Promoters are never asked",
        "Only 9 % of promoters asked for a review; 7 of 8 unaware of referrals",
        [3, 2, 2, 3, 1],
    );
    d.opportunity(
        s,
        "Ask promoters for a review within a week of NPS",
        "Customer Marketing Manager",
        "2027-02-28",
        "Reviews per quarter",
    );
    d.kpi(s, "New customers from referrals", "8 %", "25 %", "11 %");
    d.finish()
}

// ---------------------------------------------------------------------------------------
// 3. B2B SaaS, enterprise (seeds 003 and 004)
// ---------------------------------------------------------------------------------------

fn b2b_saas() -> JourneyMap {
    let mut d = Draft::new(
        "B2B SaaS journey (enterprise)",
        "Shorten the sales cycle and the time to first value, and protect renewals.",
        "Enterprise support teams (100+ agents)",
        "Head of CX",
        "Suggested: 10 interviews across buyer roles, trial and usage data, CRM, support tickets, G2 reviews",
    );
    d.persona(PersonaText {
        name: "Support Ops Sam",
        role: "Head of Support Operations",
        firmographics: "Software company, 2,500 staff, 180 agents, EU and US",
        goals: "Halve first-response time; one view of each customer",
        challenges: "Legacy help desk, six tools, a CRM nobody trusts",
        decision_process: "He runs the evaluation; the VP signs; security, legal and procurement approve; 6–9 months",
        preferred_channels: "Analyst reports, peer Slack groups, webinars, free trial",
        frustrations: "Trials without his data; security reviews that start from zero",
    });
    let vp = d.person(Person {
        name: "VP Customer Experience",
        role: RoleType::DecisionMaker,
        department: "Customer experience",
        influence: 9,
        interest: 8,
        stance: Stance::Supporter,
        priorities: "CSAT, cost per ticket, board story",
        concerns: "A failed roll-out in front of the board",
    });
    let sam = d.person(Person {
        name: "Sam, Head of Support Ops",
        role: RoleType::Champion,
        department: "Support",
        influence: 6,
        interest: 10,
        stance: Stance::Supporter,
        priorities: "Fewer tools, better routing",
        concerns: "Migration during peak season",
    });
    let agents = d.person(Person {
        name: "Support team leads",
        role: RoleType::EndUser,
        department: "Support",
        influence: 3,
        interest: 9,
        stance: Stance::Neutral,
        priorities: "Fast, familiar screens",
        concerns: "Losing macros and history",
    });
    let ciso = d.person(Person {
        name: "CISO",
        role: RoleType::Institutional,
        department: "Security",
        influence: 8,
        interest: 2,
        stance: Stance::Blocker,
        priorities: "SOC 2, SSO, data residency",
        concerns: "Customer data in a new system",
    });
    let legal = d.person(Person {
        name: "Procurement and legal",
        role: RoleType::Institutional,
        department: "Legal",
        influence: 6,
        interest: 3,
        stance: Stance::Neutral,
        priorities: "Liability caps, exit terms",
        concerns: "Non-standard contract",
    });
    let analyst = d.person(Person {
        name: "Industry analyst",
        role: RoleType::Influencer,
        department: "Analyst firm",
        influence: 4,
        interest: 2,
        stance: Stance::Neutral,
        priorities: "Independent view",
        concerns: "Vendor hype",
    });
    d.link(sam, &[vp, agents]);
    d.link(ciso, &[vp]);
    d.link(legal, &[vp]);
    d.link(analyst, &[vp, sam]);

    let s = d.stage(
        "Awareness",
        "He meets the problem in an industry report and starts looking.",
        "Know what better support tooling looks like",
        "Marketing",
    );
    d.act(s, "Reads an industry report; asks peers in a Slack group");
    d.think(s, "Is our help desk really that far behind?");
    d.touch(
        s,
        "Analyst report",
        "Analyst report on help desks",
        "Marketing",
        0,
        "Helpful map, but everyone claims AI.",
    )
    .who(&[sam, analyst]);
    d.touch(
        s,
        "Community",
        "Peer Slack thread",
        "Marketing",
        1,
        "Two peers swear by it. That counts.",
    )
    .who(&[sam]);
    d.touch(
        s,
        "Search",
        "Blog on cutting response time",
        "Marketing",
        1,
        "Practical. I shared it with my VP.",
    )
    .who(&[sam, vp]);
    d.pain(
        s,
        "Vendors look alike in analyst reports",
        "6 of 10 could not say how we differ",
        [3, 2, 3, 3, 3],
    );
    d.opportunity(
        s,
        "One-page comparison for analyst briefings",
        "Product Marketing Manager",
        "2027-03-31",
        "Share of deals citing analyst source",
    );
    d.kpi(s, "Trial sign-ups per month", "120", "200", "140");

    let s = d.stage(
        "Consideration",
        "He trials products, watches webinars and requests demos.",
        "A shortlist the team believes in",
        "Marketing and sales",
    );
    d.act(s, "Starts a free trial; requests a demo");
    d.think(s, "Will it work with our CRM and 180 agents?");
    d.touch(
        s,
        "Webinar",
        "Webinar on leaving a legacy help desk",
        "Marketing",
        1,
        "Answered my migration worries.",
    )
    .who(&[sam]);
    d.touch(
        s,
        "In-product",
        "Free trial",
        "Product",
        -1,
        "Empty account. I had no idea where to start.",
    )
    .who(&[sam, agents])
    .target_emotion(1);
    d.touch(
        s,
        "Sales call",
        "First reply to the demo request",
        "Sales",
        1,
        "A real person called back within the hour.",
    )
    .who(&[sam])
    .moment_of_truth();
    d.touch(
        s,
        "Demo",
        "Demo with our CRM data",
        "Sales",
        2,
        "Seeing our own tickets routed, I was sold.",
    )
    .who(&[sam, vp]);
    d.touch(
        s,
        "Review site",
        "G2 comparison",
        "Marketing",
        1,
        "Reviews match what I saw in the trial.",
    )
    .who(&[sam]);
    d.pain(
        s,
        "Trial starts empty",
        "62 % of trials never import a ticket (product data)",
        [4, 3, 5, 4, 2],
    );
    d.opportunity(
        s,
        "Trial pre-loaded with sample tickets and a checklist",
        "Growth PM",
        "2027-02-28",
        "Trials that import tickets",
    );
    d.kpi(s, "Trial to pilot conversion", "9 %", "15 %", "11 %");

    let s = d.stage(
        "Decision",
        "Pilot, security documents, negotiation and executive approval.",
        "Approval from the VP, security and legal",
        "Sales",
    );
    d.act(s, "Runs a pilot; sends security docs; negotiates");
    d.think(s, "Will the CISO block it at the last minute?");
    d.touch(
        s,
        "Referral",
        "Reference call with a similar company",
        "Sales",
        2,
        "Their peer told us the real story.",
    )
    .who(&[vp, sam]);
    d.touch(
        s,
        "In-product",
        "Pilot with 20 agents",
        "Customer success",
        1,
        "Agents liked it within a week.",
    )
    .who(&[agents, sam]);
    d.touch(
        s,
        "Proposal",
        "Business case for the VP",
        "Sales",
        1,
        "The ROI sheet did my job for me.",
    )
    .who(&[vp, sam]);
    d.touch(
        s,
        "Security review",
        "Security review",
        "Sales",
        -2,
        "We sent the same answers three times.",
    )
    .who(&[ciso])
    .target_emotion(1);
    d.touch(
        s,
        "Contract",
        "Contract negotiation",
        "Sales",
        -1,
        "Legal went back and forth for a month.",
    )
    .who(&[legal]);
    d.pain(
        s,
        "Security review restarts from zero",
        "Adds 5 weeks on average; 3 lost deals in a year",
        [3, 4, 4, 5, 2],
    );
    d.opportunity(
        s,
        "Trust page with SOC 2 report and a ready questionnaire",
        "Security Program Manager",
        "2027-01-31",
        "Days in security review",
    );
    d.kpi(s, "Sales-cycle length", "9 months", "6 months", "8 months");

    let s = d.stage(
        "Retention",
        "Onboarding, training, first value and ongoing support.",
        "Agents productive, the VP sees results",
        "Customer success",
    );
    d.act(s, "Migrates tickets, trains agents, reviews results");
    d.think(s, "When will response time actually drop?");
    d.touch(
        s,
        "Kickoff",
        "Kickoff with the CSM",
        "Customer success",
        -1,
        "The CSM didn't know what we'd agreed in the pilot.",
    )
    .who(&[sam, vp])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Onboarding",
        "Migration in the first 14 days",
        "Customer success",
        1,
        "Seven years of tickets moved over a weekend.",
    )
    .who(&[sam, ciso])
    .moment_of_truth();
    d.touch(
        s,
        "Invoice",
        "First invoice",
        "Finance",
        0,
        "Matched the order form, as it should.",
    )
    .who(&[legal])
    .moment_of_truth();
    d.touch(
        s,
        "Training",
        "Agent training",
        "Customer success",
        1,
        "Agents were up to speed in two days.",
    )
    .who(&[agents]);
    d.touch(
        s,
        "Support ticket",
        "First support ticket",
        "Support",
        -1,
        "Chatbot loop, then a 2-day wait.",
    )
    .who(&[agents])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "In-product",
        "Response-time dashboard",
        "Product",
        2,
        "First response down 40 %. I sent it to the board.",
    )
    .who(&[vp, sam])
    .moment_of_truth();
    d.touch(
        s,
        "QBR",
        "First QBR",
        "Customer success",
        1,
        "They brought ideas, not just charts.",
    )
    .who(&[vp, sam])
    .moment_of_truth();
    d.touch(
        s,
        "Renewal",
        "Renewal",
        "Account management",
        0,
        "Smooth, once we'd seen the numbers.",
    )
    .who(&[vp, legal])
    .moment_of_truth();
    d.pain(
        s,
        "First value takes 90 days",
        "Median 90 days to first dashboard; churned accounts never reached it",
        [4, 4, 3, 5, 3],
    );
    d.opportunity(
        s,
        "Value plan agreed at kickoff, checked on day 30",
        "Head of Customer Success",
        "2027-04-30",
        "Median days to first value",
    );
    d.kpi(s, "Time to first value", "90 days", "30 days", "64 days");
    d.kpi(s, "Gross revenue churn", "9 %", "5 %", "7 %");

    let s = d.stage(
        "Advocacy",
        "Testimonials, referrals, case studies and wider use.",
        "Be recognised for a success",
        "Marketing",
    );
    d.act(s, "Speaks at a user event; adds a second team");
    d.think(s, "Will this make me look good?");
    d.touch(
        s,
        "Event",
        "Talk at the user conference",
        "Marketing",
        2,
        "Proud moment for my team.",
    )
    .who(&[sam, vp]);
    d.touch(
        s,
        "Review site",
        "G2 review request",
        "Marketing",
        1,
        "Easy, they sent the link at the right time.",
    )
    .who(&[sam]);
    d.touch(
        s,
        "Sales call",
        "Expansion to the sales team",
        "Account management",
        -1,
        "Pitched before our own roll-out was done.",
    )
    .who(&[vp])
    .moment_of_truth()
    .target_emotion(1);
    d.pain(
        s,
        "Expansion pitched before value is proven",
        "3 of 10 felt pushed; expansion accepted by 18 %",
        [3, 3, 2, 4, 2],
    );
    d.opportunity(
        s,
        "Offer expansion only after the first-value milestone",
        "VP Account Management",
        "2027-03-31",
        "Expansion acceptance rate",
    );
    d.kpi(s, "NPS", "31", "45", "36");
    d.finish()
}

// ---------------------------------------------------------------------------------------
// 4. Professional services (seed 003)
// ---------------------------------------------------------------------------------------

fn professional_services() -> JourneyMap {
    let mut d = Draft::new(
        "Professional services journey",
        "Win more proposals and turn projects into repeat work and references.",
        "Mid-sized manufacturers hiring an ERP implementation partner",
        "Managing Partner",
        "Suggested: 8 client interviews, win/loss notes, project reviews, invoices, client NPS",
    );
    d.persona(PersonaText {
        name: "COO Carla",
        role: "Chief Operating Officer",
        firmographics: "Manufacturer, 600 staff, two plants",
        goals: "A new ERP live on time, with the plants behind it",
        challenges: "No in-house project experience; burned by a consultancy before",
        decision_process: "She sponsors; the CFO signs; IT and legal review; 2–4 months",
        preferred_channels: "Referrals, LinkedIn, industry events, face to face",
        frustrations: "Senior people in the pitch, juniors on the project; surprise extra days",
    });
    let cfo = d.person(Person {
        name: "CFO",
        role: RoleType::DecisionMaker,
        department: "Finance",
        influence: 9,
        interest: 6,
        stance: Stance::Neutral,
        priorities: "Fixed budget, no overruns",
        concerns: "Day rates that keep growing",
    });
    let carla = d.person(Person {
        name: "Carla, COO",
        role: RoleType::Champion,
        department: "Operations",
        influence: 7,
        interest: 9,
        stance: Stance::Supporter,
        priorities: "Go-live without stopping the plants",
        concerns: "Her name on a failed project",
    });
    let users = d.person(Person {
        name: "Plant key users",
        role: RoleType::EndUser,
        department: "Production",
        influence: 3,
        interest: 8,
        stance: Stance::Neutral,
        priorities: "Their input is heard",
        concerns: "Consultants who don't know the shop floor",
    });
    let it = d.person(Person {
        name: "Head of IT",
        role: RoleType::Institutional,
        department: "IT",
        influence: 7,
        interest: 4,
        stance: Stance::Blocker,
        priorities: "Clean data migration",
        concerns: "Left to support it alone after go-live",
    });
    let legal = d.person(Person {
        name: "Legal counsel",
        role: RoleType::Institutional,
        department: "Legal",
        influence: 5,
        interest: 2,
        stance: Stance::Neutral,
        priorities: "Clear liability and IP terms",
        concerns: "Open-ended scope",
    });
    let peer = d.person(Person {
        name: "Former colleague",
        role: RoleType::Influencer,
        department: "Another manufacturer",
        influence: 3,
        interest: 3,
        stance: Stance::Supporter,
        priorities: "Recommending someone reliable",
        concerns: "A bad recommendation on her",
    });
    d.link(carla, &[cfo, users]);
    d.link(it, &[cfo]);
    d.link(legal, &[cfo]);
    d.link(peer, &[carla]);

    let s = d.stage(
        "Awareness",
        "The client sees that it needs outside expertise.",
        "Find partners who have done this before",
        "Partners and marketing",
    );
    d.act(s, "Asks peers who they used; reads articles");
    d.think(s, "Who has done this in a plant like ours?");
    d.touch(
        s,
        "Referral",
        "Recommendation from a former colleague",
        "Partners",
        2,
        "She said they saved her project.",
    )
    .who(&[carla, peer]);
    d.touch(
        s,
        "LinkedIn",
        "Partner's article on ERP go-lives",
        "Marketing",
        1,
        "He clearly knows manufacturing.",
    )
    .who(&[carla]);
    d.touch(
        s,
        "Webinar",
        "Webinar on ERP pitfalls",
        "Marketing",
        1,
        "Practical, not a sales pitch.",
    )
    .who(&[it]);
    d.touch(
        s,
        "Event",
        "Conference talk",
        "Partners",
        1,
        "Honest about what went wrong. Rare.",
    )
    .who(&[carla, it]);
    d.pain(
        s,
        "Website says nothing about manufacturing",
        "4 of 8 checked and nearly dropped us",
        [3, 2, 3, 3, 1],
    );
    d.opportunity(
        s,
        "Manufacturing page with two client stories",
        "Marketing Manager",
        "2027-02-28",
        "Enquiries naming manufacturing",
    );
    d.kpi(s, "Enquiries from referrals per quarter", "6", "10", "7");

    let s = d.stage(
        "Consideration",
        "Capabilities, references and cultural fit are checked.",
        "Trust the people, not just the firm",
        "Partners",
    );
    d.act(s, "Calls two firms; checks references; meets the team");
    d.think(s, "Will the people we meet be the people who do the work?");
    d.touch(
        s,
        "Sales call",
        "First reply to the enquiry",
        "Partners",
        1,
        "A partner called back the same afternoon.",
    )
    .who(&[carla])
    .moment_of_truth();
    d.touch(
        s,
        "Website",
        "Team profiles and case studies",
        "Marketing",
        0,
        "Generic. Every firm says the same.",
    )
    .who(&[carla]);
    d.touch(
        s,
        "Referral",
        "Reference call with a past client",
        "Partners",
        2,
        "Straight answers, including the bad bits.",
    )
    .who(&[carla, cfo]);
    d.touch(
        s,
        "Sales call",
        "Chemistry meeting",
        "Partners",
        1,
        "They asked about our plants before their slides.",
    )
    .who(&[carla, users]);
    d.pain(
        s,
        "References hard to arrange",
        "Average 12 days to set up a reference call",
        [2, 3, 3, 3, 2],
    );
    d.opportunity(
        s,
        "Pool of ready references by industry",
        "Client Relationship Lead",
        "2027-03-31",
        "Days to reference call",
    );
    d.kpi(s, "Days from enquiry to proposal", "24", "10", "18");

    let s = d.stage(
        "Proposal and decision",
        "Proposal, scope and price are negotiated and signed.",
        "A scope and price the CFO can trust",
        "Partners",
    );
    d.act(s, "Compares proposals; negotiates scope; signs");
    d.think(s, "What isn't in this price?");
    d.touch(
        s,
        "RFP",
        "Our RFP answered",
        "Bid team",
        0,
        "Long, but it answered every question.",
    )
    .who(&[it, cfo]);
    d.touch(
        s,
        "Proposal",
        "Scope and fixed-price proposal",
        "Partners",
        -1,
        "Every assumption in small print.",
    )
    .who(&[cfo, carla])
    .target_emotion(1);
    d.touch(
        s,
        "Sales call",
        "Pitch to the management team",
        "Partners",
        1,
        "The partner answered the CFO's hardest question.",
    )
    .who(&[cfo, carla]);
    d.touch(
        s,
        "Contract",
        "Engagement letter",
        "Partners",
        -1,
        "Three weeks of legal back and forth.",
    )
    .who(&[legal]);
    d.pain(
        s,
        "Proposal assumptions unclear",
        "5 of 8 found the scope vague; 2 lost bids cited it",
        [4, 3, 4, 4, 2],
    );
    d.opportunity(
        s,
        "Plain-language scope page: in, out, assumptions",
        "Bid Manager",
        "2027-01-31",
        "Proposal win rate",
    );
    d.kpi(s, "Proposal win rate", "28 %", "40 %", "31 %");

    let s = d.stage(
        "Project delivery",
        "The project is run, reported on and billed.",
        "Go-live on time without disrupting the plants",
        "Delivery",
    );
    d.act(s, "Works with consultants; approves milestones");
    d.think(s, "Are we really on track?");
    d.touch(
        s,
        "Kickoff",
        "Project kickoff",
        "Delivery",
        -2,
        "Different team from the pitch. Where did the partner go?",
    )
    .who(&[carla, cfo])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Training",
        "Key-user workshops",
        "Delivery",
        1,
        "They listened to the shop floor.",
    )
    .who(&[users]);
    d.touch(
        s,
        "Email",
        "Weekly status report",
        "Delivery",
        0,
        "Green every week, until it wasn't.",
    )
    .who(&[carla]);
    d.touch(
        s,
        "Invoice",
        "First invoice",
        "Finance",
        -1,
        "Extra days we never approved.",
    )
    .who(&[cfo])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "Onboarding",
        "First plant goes live",
        "Delivery",
        2,
        "Orders went out on day one. Relief.",
    )
    .who(&[carla, users, it])
    .moment_of_truth();
    d.touch(
        s,
        "Support ticket",
        "First issue after go-live",
        "Delivery",
        -1,
        "A week to get a consultant back on site.",
    )
    .who(&[it])
    .moment_of_truth()
    .target_emotion(1);
    d.pain(
        s,
        "Pitch team ≠ delivery team",
        "6 of 8 named it; 2 escalations to the managing partner",
        [4, 4, 3, 5, 3],
    );
    d.pain(
        s,
        "Unapproved days on invoices",
        "9 disputed invoices last year",
        [3, 4, 3, 4, 1],
    );
    d.opportunity(
        s,
        "Pitch lead stays on as project director",
        "Managing Partner",
        "2027-03-31",
        "Client NPS at project close",
    );
    d.opportunity(
        s,
        "Change requests signed before any extra day is billed",
        "Finance Director",
        "2027-01-31",
        "Disputed invoices",
    );
    d.kpi(s, "Projects on budget", "55 %", "80 %", "62 %");

    let s = d.stage(
        "Follow-on and advocacy",
        "Results are reviewed; more work and references follow.",
        "Keep a trusted partner for what comes next",
        "Partners",
    );
    d.act(s, "Reviews results; considers the second plant");
    d.think(s, "Would I hire them again?");
    d.touch(
        s,
        "QBR",
        "Post-project review",
        "Partners",
        1,
        "They showed what improved, in our numbers.",
    )
    .who(&[carla, cfo])
    .moment_of_truth();
    d.touch(
        s,
        "Proposal",
        "Proposal for the second plant",
        "Partners",
        1,
        "Sensible next step, fairly priced.",
    )
    .who(&[cfo])
    .moment_of_truth();
    d.touch(
        s,
        "Renewal",
        "Support retainer renewal",
        "Delivery",
        0,
        "Fine, though nobody checked in before.",
    )
    .who(&[it, cfo])
    .moment_of_truth();
    d.touch(
        s,
        "Referral",
        "Asked to be a reference",
        "Partners",
        1,
        "Glad to. They earned it.",
    )
    .who(&[carla]);
    d.pain(
        s,
        "Silence after project close",
        "Average 4 months without contact after go-live",
        [3, 3, 3, 4, 2],
    );
    d.opportunity(
        s,
        "30/90-day check-ins after every go-live",
        "Client Relationship Lead",
        "2027-04-30",
        "Repeat-client revenue share",
    );
    d.kpi(s, "Revenue from repeat clients", "35 %", "50 %", "38 %");
    d.finish()
}

// ---------------------------------------------------------------------------------------
// 5. B2B e-commerce (seed 003)
// ---------------------------------------------------------------------------------------

fn b2b_ecommerce() -> JourneyMap {
    let mut d = Draft::new(
        "B2B e-commerce journey",
        "Make the first order easy and turn one-off buyers into regular reorderers.",
        "Maintenance buyers in mid-sized plants (spare parts and supplies)",
        "Head of Digital Commerce",
        "Suggested: 10 buyer interviews, web analytics, order and returns data, AP rejections, reviews",
    );
    d.persona(PersonaText {
        name: "Maintenance Buyer Ben",
        role: "Maintenance purchasing lead",
        firmographics: "Food manufacturer, 300 staff, one plant",
        goals: "The right part, next day, on a purchase order",
        challenges: "Breakdowns cannot wait; every order needs a PO",
        decision_process: "He picks suppliers; procurement approves new accounts; AP pays on terms",
        preferred_channels: "Search, supplier websites, phone, email",
        frustrations: "Prices hidden behind logins; invoices without the PO number",
    });
    let proc_mgr = d.person(Person {
        name: "Procurement manager",
        role: RoleType::DecisionMaker,
        department: "Procurement",
        influence: 8,
        interest: 6,
        stance: Stance::Neutral,
        priorities: "Fewer suppliers, agreed prices",
        concerns: "Buying outside contracts",
    });
    let ben = d.person(Person {
        name: "Ben, maintenance buyer",
        role: RoleType::Champion,
        department: "Maintenance",
        influence: 5,
        interest: 9,
        stance: Stance::Supporter,
        priorities: "Stock and speed",
        concerns: "Line stopped waiting for a part",
    });
    let techs = d.person(Person {
        name: "Maintenance technicians",
        role: RoleType::EndUser,
        department: "Maintenance",
        influence: 2,
        interest: 8,
        stance: Stance::Neutral,
        priorities: "The exact part, first time",
        concerns: "Wrong parts, slow returns",
    });
    let ap = d.person(Person {
        name: "Accounts payable",
        role: RoleType::Institutional,
        department: "Finance",
        influence: 6,
        interest: 2,
        stance: Stance::Blocker,
        priorities: "Invoices that match the PO",
        concerns: "Manual matching",
    });
    let erp = d.person(Person {
        name: "ERP administrator",
        role: RoleType::Institutional,
        department: "IT",
        influence: 5,
        interest: 3,
        stance: Stance::Neutral,
        priorities: "Orders flow into the ERP",
        concerns: "Another integration to maintain",
    });
    let forum = d.person(Person {
        name: "Maintenance forum peers",
        role: RoleType::Influencer,
        department: "Online community",
        influence: 3,
        interest: 2,
        stance: Stance::Supporter,
        priorities: "Honest supplier tips",
        concerns: "Paid reviews",
    });
    d.link(ben, &[proc_mgr, techs]);
    d.link(ap, &[proc_mgr]);
    d.link(erp, &[proc_mgr]);
    d.link(forum, &[ben]);
    d.link(techs, &[ben]);

    let s = d.stage(
        "Awareness",
        "The buyer searches for a specific part and finds suppliers.",
        "Find who has the part",
        "Marketing",
    );
    d.act(s, "Searches the part number; asks on a forum");
    d.think(s, "Who can ship this by tomorrow?");
    d.touch(
        s,
        "Search",
        "Finds the part by its number",
        "Marketing",
        1,
        "Part number, photo, in stock. Perfect.",
    )
    .who(&[ben]);
    d.touch(
        s,
        "Website",
        "Category page with filters",
        "E-commerce",
        1,
        "Filtered by shaft size. Found it in seconds.",
    )
    .who(&[techs]);
    d.touch(
        s,
        "Community",
        "Forum thread on suppliers",
        "Marketing",
        0,
        "Mixed views on their delivery times.",
    )
    .who(&[ben, forum]);
    d.touch(
        s,
        "Event",
        "Maintenance trade show",
        "Sales",
        1,
        "Could hold the parts in my hand. Useful.",
    )
    .who(&[ben, techs]);
    d.pain(
        s,
        "Product pages missing exact part numbers",
        "31 % of searches end without a product view (analytics)",
        [4, 3, 4, 3, 2],
    );
    d.opportunity(
        s,
        "Manufacturer part numbers and cross-references on every page",
        "Catalogue Manager",
        "2027-03-31",
        "Search-to-product-view rate",
    );
    d.kpi(
        s,
        "Search visits to product pages per month",
        "8,000",
        "12,000",
        "9,100",
    );

    let s = d.stage(
        "Consideration",
        "Prices, terms, stock and delivery options are checked.",
        "Be sure of price, stock and delivery",
        "E-commerce",
    );
    d.act(s, "Compares net prices, stock and delivery options");
    d.think(s, "Is this the trade price, and will it arrive tomorrow?");
    d.touch(
        s,
        "Website",
        "Price and stock check",
        "E-commerce",
        -1,
        "Prices only after login, and login needs approval.",
    )
    .who(&[ben])
    .target_emotion(1);
    d.touch(
        s,
        "Website",
        "Delivery options and cut-off times",
        "E-commerce",
        0,
        "2 pm cut-off for next day? Fine, but say it earlier.",
    )
    .who(&[ben]);
    d.touch(
        s,
        "Website",
        "Spec sheets and drawings",
        "E-commerce",
        1,
        "Drawings downloadable. Saved me a call.",
    )
    .who(&[techs]);
    d.touch(
        s,
        "Sales call",
        "Reply to a phone enquiry",
        "Inside sales",
        1,
        "Rep called back in 20 minutes with stock.",
    )
    .who(&[ben])
    .moment_of_truth();
    d.pain(
        s,
        "Prices hidden until the account is approved",
        "48 % of new visitors leave at the login wall",
        [4, 3, 5, 4, 2],
    );
    d.opportunity(
        s,
        "Show list prices and stock without login",
        "Head of E-commerce",
        "2027-02-28",
        "New-visitor add-to-basket rate",
    );
    d.kpi(
        s,
        "Add-to-basket rate, new trade visitors",
        "3 %",
        "6 %",
        "3.8 %",
    );

    let s = d.stage(
        "First order",
        "Account, purchase order, payment terms, delivery date.",
        "Order on a PO and on 30-day terms",
        "Sales operations",
    );
    d.act(s, "Applies for a trade account; orders on a PO");
    d.think(s, "Why does opening an account take so long?");
    d.touch(
        s,
        "Website",
        "Trade account application",
        "Sales operations",
        -2,
        "Five days for an account, while the line was down.",
    )
    .who(&[ben, proc_mgr])
    .target_emotion(1);
    d.touch(
        s,
        "Sales call",
        "Welcome call from the account manager",
        "Account management",
        1,
        "One person who knows our plant. Good.",
    )
    .who(&[ben]);
    d.touch(
        s,
        "Procurement",
        "Order from our ERP (punchout)",
        "E-commerce",
        0,
        "Works, once IT had set it up.",
    )
    .who(&[erp, ben]);
    d.touch(
        s,
        "Email",
        "Order confirmation with delivery date",
        "Customer service",
        1,
        "Clear date. I could plan the repair.",
    )
    .who(&[ben]);
    d.touch(
        s,
        "Invoice",
        "First invoice",
        "Finance",
        -1,
        "No PO number on it, so our AP rejected it.",
    )
    .who(&[ap])
    .moment_of_truth()
    .target_emotion(1);
    d.pain(
        s,
        "Trade account approval takes 5 days",
        "Median 5 days; 1 in 4 applicants never order",
        [4, 4, 4, 5, 2],
    );
    d.pain(
        s,
        "Invoices without the PO number",
        "14 % of first invoices rejected by customers' AP",
        [3, 3, 4, 4, 1],
    );
    d.opportunity(
        s,
        "Instant credit check; approval within 4 h",
        "Credit Control Manager",
        "2027-01-31",
        "Median account approval time",
    );
    d.opportunity(
        s,
        "PO number required on every invoice",
        "Billing Lead",
        "2026-12-31",
        "First-invoice rejection rate",
    );
    d.kpi(s, "Account approval time", "5 days", "4 h", "2 days");

    let s = d.stage(
        "Delivery and reorder",
        "Goods arrive and are checked; the portal is used to reorder.",
        "Right part, on time, easy to reorder",
        "Customer service",
    );
    d.act(s, "Receives and checks goods; reorders from history");
    d.think(s, "Can I just reorder without the whole process?");
    d.touch(
        s,
        "Onboarding",
        "Portal walkthrough in the first 14 days",
        "Account management",
        1,
        "Ten minutes, and I had saved lists for the line.",
    )
    .who(&[ben, techs])
    .moment_of_truth();
    d.touch(
        s,
        "Email",
        "Delivery tracking",
        "Logistics",
        1,
        "Tracking worked. No chasing.",
    )
    .who(&[ben]);
    d.touch(
        s,
        "Support ticket",
        "First return: wrong bearing",
        "Customer service",
        -1,
        "Return form was easy, the refund took three weeks.",
    )
    .who(&[techs, ben])
    .moment_of_truth()
    .target_emotion(1);
    d.touch(
        s,
        "In-product",
        "Reorder from order history",
        "E-commerce",
        2,
        "Reordering takes a minute now.",
    )
    .who(&[ben]);
    d.pain(
        s,
        "Refunds on returns take 3 weeks",
        "38 tickets a month chasing refunds",
        [3, 3, 3, 3, 2],
    );
    d.opportunity(
        s,
        "Refund when the return is scanned in",
        "Customer Service Manager",
        "2027-03-31",
        "Days from return to refund",
    );
    d.kpi(
        s,
        "Accounts reordering within 90 days",
        "42 %",
        "60 %",
        "47 %",
    );

    let s = d.stage(
        "Advocacy and growth",
        "Products are rated, colleagues told, new categories bought.",
        "A supplier worth consolidating on",
        "Account management",
    );
    d.act(
        s,
        "Rates products; adds new categories; tells the sister plant",
    );
    d.think(s, "Could we buy more from them and fewer from others?");
    d.touch(
        s,
        "Review site",
        "Product rating request",
        "E-commerce",
        1,
        "Quick. Glad to warn others about the cheap ones.",
    )
    .who(&[techs]);
    d.touch(
        s,
        "QBR",
        "Annual account review",
        "Account management",
        1,
        "They showed we saved 12 % by consolidating.",
    )
    .who(&[proc_mgr, ben])
    .moment_of_truth();
    d.touch(
        s,
        "Sales call",
        "Offer to add safety supplies",
        "Account management",
        1,
        "Good idea. One supplier fewer.",
    )
    .who(&[proc_mgr])
    .moment_of_truth();
    d.touch(
        s,
        "Renewal",
        "Price agreement renewal",
        "Account management",
        -1,
        "9 % increases, and no warning.",
    )
    .who(&[proc_mgr, ap])
    .moment_of_truth()
    .target_emotion(0);
    d.touch(
        s,
        "Referral",
        "Recommends us to the sister plant",
        "Account management",
        1,
        "Told them to ask for Maria in sales.",
    )
    .who(&[ben]);
    d.pain(
        s,
        "Price increases arrive without warning",
        "3 of 10 accounts moved categories away after renewal",
        [3, 4, 2, 5, 2],
    );
    d.opportunity(
        s,
        "Price changes announced 60 days ahead, with reasons",
        "Pricing Manager",
        "2027-04-30",
        "Accounts retained at renewal",
    );
    d.kpi(s, "Product categories per account", "2.1", "3.5", "2.4");
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::Date;
    use crate::model::map::{Quadrant, COMMON_CHANNELS};
    use crate::model::restore::restore_map;
    use crate::model::validate::validate;
    use std::collections::HashSet;

    fn all() -> Vec<(&'static str, JourneyMap)> {
        TEMPLATES
            .iter()
            .map(|t| {
                (
                    t.key,
                    build(t.key).unwrap_or_else(|| panic!("{} does not build", t.key)),
                )
            })
            .collect()
    }

    fn cards_of(map: &JourneyMap, kind: LaneKind) -> Vec<&Card> {
        map.cards
            .iter()
            .filter(|c| map.card_kind(c) == Some(kind))
            .collect()
    }

    #[test]
    fn every_key_builds_and_unknown_keys_do_not() {
        let keys: Vec<&str> = TEMPLATES.iter().map(|t| t.key).collect();
        assert_eq!(
            keys,
            vec![
                "five-phase-b2b",
                "six-stage-b2b",
                "b2b-saas",
                "professional-services",
                "b2b-ecommerce"
            ]
        );
        for (key, map) in all() {
            assert!(!map.stages.is_empty(), "{key}");
        }
        assert_eq!(build("blank"), None);
        assert_eq!(build(""), None);
        assert_eq!(build("B2B-SAAS"), None);
    }

    #[test]
    fn building_is_deterministic() {
        for t in TEMPLATES {
            let (a, b) = (build(t.key), build(t.key));
            assert_eq!(a, b, "{}", t.key);
            assert_eq!(
                serde_json::to_string(&a).ok(),
                serde_json::to_string(&b).ok(),
                "{}",
                t.key
            );
        }
    }

    #[test]
    fn templates_validate_without_any_problem() {
        for (key, map) in all() {
            let problems = validate(&map);
            assert!(problems.is_empty(), "{key}: {problems:#?}");
        }
    }

    #[test]
    fn templates_round_trip_through_serde_and_restore_cleanly() {
        for (key, map) in all() {
            let json = serde_json::to_string(&map).expect("serializes");
            let back: JourneyMap = serde_json::from_str(&json).expect("deserializes");
            assert_eq!(back, map, "{key}: serde round trip");
            let value: serde_json::Value = serde_json::from_str(&json).expect("parses");
            let (restored, report) = restore_map(&value).expect("restores");
            assert!(report.is_clean(), "{key}: {:?}", report.notes);
            assert_eq!(restored, map, "{key}: restore round trip");
        }
    }

    #[test]
    fn stage_names_of_the_two_generic_templates_are_exact() {
        let names = |key| -> Vec<String> {
            build(key)
                .map(|m| m.stages.into_iter().map(|s| s.name).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            names(FIVE_PHASE),
            ["Awareness", "Consideration", "Purchase", "Use", "Loyalty"]
        );
        assert_eq!(
            names(SIX_STAGE),
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
    fn every_stage_has_cards_in_every_lane_and_the_lanes_are_the_defaults() {
        for (key, map) in all() {
            let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
            assert_eq!(kinds, LaneKind::ALL.to_vec(), "{key}");
            for stage in &map.stages {
                for lane in &map.lanes {
                    assert!(
                        map.cell(stage.id, lane.id).next().is_some(),
                        "{key}: stage {} has no {}",
                        stage.name,
                        lane.name
                    );
                }
                assert!(
                    !stage.description.is_empty() && !stage.customer_goal.is_empty(),
                    "{key}: {}",
                    stage.name
                );
                assert!(!stage.owning_team.is_empty(), "{key}: {}", stage.name);
            }
        }
    }

    #[test]
    fn scope_and_personas_are_filled_in() {
        for (key, map) in all() {
            let scope = &map.scope;
            for field in [
                &scope.title,
                &scope.objective,
                &scope.segment,
                &scope.owner,
                &scope.research_sources,
            ] {
                assert!(!field.trim().is_empty(), "{key}: {scope:?}");
            }
            assert_eq!(
                scope.review_cadence,
                crate::model::map::ReviewCadence::Quarterly
            );
            assert!((1..=2).contains(&map.personas.len()), "{key}");
            assert_eq!(
                scope.primary_persona,
                map.personas.first().map(|p| p.id),
                "{key}"
            );
            for p in &map.personas {
                for field in p.texts() {
                    assert!(!field.trim().is_empty(), "{key}: {p:?}");
                }
            }
        }
    }

    #[test]
    fn stakeholders_cover_every_role_type_and_all_four_quadrants() {
        for (key, map) in all() {
            assert!((4..=8).contains(&map.stakeholders.len()), "{key}");
            let roles: HashSet<RoleType> = map.stakeholders.iter().map(|s| s.role_type).collect();
            assert_eq!(roles.len(), RoleType::ALL.len(), "{key}: {roles:?}");
            let quadrants: HashSet<Quadrant> =
                map.stakeholders.iter().map(|s| s.quadrant()).collect();
            assert_eq!(quadrants.len(), 4, "{key}: {quadrants:?}");
            for s in &map.stakeholders {
                assert!(
                    !s.department.is_empty() && !s.priorities.is_empty() && !s.concerns.is_empty(),
                    "{key}: {s:?}"
                );
            }
            assert!(
                map.stakeholders.iter().any(|s| !s.influences.is_empty()),
                "{key}"
            );
            let stances: HashSet<Stance> = map.stakeholders.iter().map(|s| s.stance).collect();
            assert!(
                stances.contains(&Stance::Blocker) && stances.contains(&Stance::Supporter),
                "{key}"
            );
        }
    }

    #[test]
    fn touchpoints_are_complete_and_include_moments_of_truth() {
        for (key, map) in all() {
            let touchpoints = cards_of(&map, LaneKind::Touchpoints);
            assert!(
                (20..=35).contains(&touchpoints.len()),
                "{key}: {} touchpoints",
                touchpoints.len()
            );
            for t in &touchpoints {
                assert!(
                    COMMON_CHANNELS.contains(&t.channel.as_str()),
                    "{key}: channel {}",
                    t.channel
                );
                assert!(
                    t.emotion.is_some() && !t.quote.is_empty() && !t.owning_team.is_empty(),
                    "{key}: {}",
                    t.text
                );
                assert!(!t.stakeholders.is_empty(), "{key}: {} names nobody", t.text);
            }
            assert!(touchpoints.iter().any(|t| t.moment_of_truth), "{key}");
            assert!(touchpoints.iter().any(|t| t.to_be.is_some()), "{key}");
            let emotions: HashSet<i8> = touchpoints
                .iter()
                .filter_map(|t| t.emotion.map(|e| e.value()))
                .collect();
            assert!(
                emotions.contains(&-2) || emotions.contains(&-1),
                "{key}: no negative moment"
            );
            assert!(emotions.contains(&2), "{key}: no high point");
            let texts: HashSet<&str> = touchpoints.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(
                texts.len(),
                touchpoints.len(),
                "{key}: repeated touchpoint text"
            );
        }
    }

    #[test]
    fn the_five_phase_template_flags_the_moments_of_truth_of_its_seed() {
        let map = build(FIVE_PHASE).unwrap_or_default();
        let flagged: Vec<&str> = map
            .touchpoints()
            .into_iter()
            .filter(|t| t.moment_of_truth)
            .map(|t| t.channel.as_str())
            .collect();
        // First response to an enquiry, onboarding, first invoice, first ticket, first QBR, renewal.
        for channel in [
            "Website",
            "Onboarding",
            "Invoice",
            "Support ticket",
            "QBR",
            "Renewal",
        ] {
            assert!(
                flagged.contains(&channel),
                "{channel} not flagged: {flagged:?}"
            );
        }
    }

    #[test]
    fn the_six_stage_template_shows_the_four_handoff_gaps() {
        let map = build(SIX_STAGE).unwrap_or_default();
        let pains: Vec<&str> = cards_of(&map, LaneKind::PainPoints)
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        for gap in [
            "Marketing→sales",
            "Demo→proposal",
            "Sales→CS",
            "Onboarding→adoption",
        ] {
            assert!(
                pains.iter().any(|p| p.starts_with(gap)),
                "{gap} missing: {pains:?}"
            );
        }
    }

    #[test]
    fn pain_points_opportunities_and_kpis_are_complete() {
        for (key, map) in all() {
            let pains = cards_of(&map, LaneKind::PainPoints);
            for p in &pains {
                let s = p.scores;
                let all_five = [
                    s.magnitude,
                    s.severity,
                    s.frequency,
                    s.business_impact,
                    s.effort,
                ];
                assert!(
                    all_five.iter().all(|v| matches!(v, Some(1..=5))),
                    "{key}: {}",
                    p.text
                );
                assert!(!p.evidence.is_empty(), "{key}: {}", p.text);
            }
            let opportunities = cards_of(&map, LaneKind::Opportunities);
            assert!(
                opportunities.len() >= pains.len(),
                "{key}: one opportunity per pain point at least"
            );
            for o in &opportunities {
                assert!(
                    !o.owner.is_empty() && !o.kpi.is_empty(),
                    "{key}: {}",
                    o.text
                );
                assert!(
                    Date::parse(&o.deadline).is_some(),
                    "{key}: deadline {}",
                    o.deadline
                );
            }
            for k in cards_of(&map, LaneKind::Kpis) {
                assert!(
                    !k.baseline.is_empty() && !k.target.is_empty() && !k.current.is_empty(),
                    "{key}: {}",
                    k.text
                );
            }
            assert_eq!(
                map.top_friction(3).len(),
                3,
                "{key}: needs three scored friction points"
            );
        }
    }

    #[test]
    fn no_placeholder_text() {
        let banned = [
            "lorem",
            "ipsum",
            "todo",
            "tbd",
            "fixme",
            "xxx",
            "placeholder",
            "touchpoint 1",
            "stage 1",
            "persona 1",
            "stakeholder 1",
            "untitled",
            "sample text",
            "insert ",
        ];
        for (key, map) in all() {
            let json = serde_json::to_string(&map)
                .unwrap_or_default()
                .to_lowercase();
            for word in banned {
                assert!(!json.contains(word), "{key} contains “{word}”");
            }
        }
        let summaries = TEMPLATES
            .iter()
            .map(|t| format!("{} {}", t.name, t.summary).to_lowercase());
        for text in summaries {
            assert!(banned.iter().all(|w| !text.contains(w)), "{text}");
        }
    }

    #[test]
    fn each_template_is_under_14_kb_of_json() {
        for (key, map) in all() {
            let json = serde_json::to_string(&map).unwrap_or_default();
            let touchpoints = map.touchpoints().len();
            println!(
                "{key}: {} bytes of JSON, {touchpoints} touchpoints, {} cards",
                json.len(),
                map.cards.len()
            );
            assert!(json.len() < 14 * 1024, "{key} is {} bytes", json.len());
        }
    }

    #[test]
    fn sample_map_is_a_template_titled_as_a_sample() {
        let sample = sample_map();
        assert!(
            sample.scope.title.starts_with("Sample"),
            "{}",
            sample.scope.title
        );
        let mut template = build(SIX_STAGE).unwrap_or_default();
        template.scope.title = sample.scope.title.clone();
        assert_eq!(sample, template);
        assert!(validate(&sample).is_empty());
    }

    /// The templates as shipped: a share link may encode a map as its difference from a
    /// template, so a content change must be deliberate. To accept one, run
    /// `TRAILMAP_BLESS=1 cargo test templates` and commit the fixtures.
    #[test]
    fn templates_match_their_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/templates");
        let bless = std::env::var_os("TRAILMAP_BLESS").is_some();
        for (key, map) in all() {
            let json = serde_json::to_string_pretty(&map).unwrap_or_default() + "\n";
            let path = dir.join(format!("{key}.json"));
            if bless {
                std::fs::create_dir_all(&dir).expect("creates the fixture folder");
                std::fs::write(&path, &json).expect("writes the fixture");
            }
            let stored = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                stored == json,
                "{key} differs from {}; if the change is deliberate, run TRAILMAP_BLESS=1 cargo test templates",
                path.display()
            );
        }
    }
}
