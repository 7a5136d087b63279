//! Share-link lengths (figures, not a test): for several maps, the payload Trailmap makes
//! beside the baseline base64url(deflate(JSON)) that Mermaid Live uses, with the steps in
//! between, and encode/decode times.
//!
//! `cargo run --release --example bench_share`

use miniz_oxide::deflate::compress_to_vec;
use std::time::Instant;
use trailmap::model::generate::generated_map;
use trailmap::model::share::{self, base64url, binary};
use trailmap::model::{
    templates, Card, Emotion, JourneyMap, LaneKind, Level, Persona, RoleType, Stage, Stakeholder,
    Stance,
};

/// A hand-made map of 30 touchpoints with quotes (about 6 KB of text), written for this
/// benchmark in the words a consultant would type after interviews.
pub fn hand_made() -> JourneyMap {
    let mut map =
        JourneyMap::blank("Field service software: mid-market buyer journey, Q4 interviews");
    map.scope.objective =
        "Understand why pilots convert slowly and why year-one renewals wobble".into();
    map.scope.segment = "Facilities and field-service firms, 150 to 900 technicians".into();
    map.scope.owner = "Priya Nair, CX lead".into();
    map.scope.research_sources =
        "12 interviews (ops directors, dispatchers, IT), 9 months of tickets, Gong calls".into();
    let people = [
        (
            "Ops director (Marta)",
            "Operations",
            RoleType::DecisionMaker,
            9,
            8,
            Stance::Supporter,
            "Fewer missed visit windows, a dispatch board the regional managers trust",
            "Another tool the technicians ignore; losing a quarter to the rollout",
        ),
        (
            "Head of IT (Tomasz)",
            "IT",
            RoleType::Institutional,
            7,
            4,
            Stance::Blocker,
            "Single sign-on, data residency in the EU, no new integration to babysit",
            "The ERP connector breaking at month end; a security review done in a rush",
        ),
        (
            "Dispatch lead (Jamal)",
            "Dispatch",
            RoleType::EndUser,
            3,
            9,
            Stance::Supporter,
            "Drag a job to another crew without phoning three people",
            "The mobile app failing in basements with no signal",
        ),
        (
            "Finance controller",
            "Finance",
            RoleType::Influencer,
            6,
            3,
            Stance::Neutral,
            "A price per technician that stays flat for three years",
            "Paying for seats nobody uses after the pilot",
        ),
    ];
    let mut ids = Vec::new();
    for (name, dept, role_type, influence, interest, stance, priorities, concerns) in people {
        let id = map.new_id();
        ids.push(id);
        map.stakeholders.push(Stakeholder {
            id,
            name: name.into(),
            department: dept.into(),
            role_type,
            influence: Level::new(influence).unwrap_or_default(),
            interest: Level::new(interest).unwrap_or_default(),
            stance,
            priorities: priorities.into(),
            concerns: concerns.into(),
            ..Stakeholder::default()
        });
    }
    let persona = map.new_id();
    map.personas.push(Persona {
        id: persona,
        name: "Marta, the ops director under pressure".into(),
        role: "Director of field operations".into(),
        firmographics: "Facilities services, 420 technicians, six regions, Germany and Austria"
            .into(),
        goals: "Hit the visit-window SLA for the top twenty clients; cut overtime".into(),
        challenges: "Dispatch runs on spreadsheets and phone calls; IT is stretched".into(),
        decision_process:
            "She owns the budget; IT signs off on security; the CFO approves over 100k".into(),
        preferred_channels: "Peer referrals, a live demo with her own data, short calls".into(),
        frustrations: "Vendors who promise a two-week rollout and then vanish after signing".into(),
    });
    map.scope.primary_persona = Some(persona);
    let stages = [
        "Trigger",
        "Shortlist",
        "Pilot",
        "Contract",
        "Rollout",
        "First renewal",
    ];
    let mut stage_ids = Vec::new();
    for s in stages {
        let id = map.new_id();
        stage_ids.push(id);
        map.stages.push(Stage {
            id,
            name: s.into(),
            ..Stage::default()
        });
    }
    let lane = map.lane_of_kind(LaneKind::Touchpoints).unwrap_or_default();
    let rows: [(usize, &str, &str, i64, &str); 30] = [
        (
            0,
            "Missed SLA escalation from a key client",
            "Email",
            -2,
            "Our biggest client threatened to walk after the third missed visit window.",
        ),
        (
            0,
            "Board asks for a plan to fix dispatch",
            "Event",
            -1,
            "I had two weeks to come back with something credible.",
        ),
        (
            0,
            "Peer at a trade association dinner",
            "Referral",
            1,
            "He said their first-time fix rate went up eleven points in a year.",
        ),
        (
            0,
            "Reads a benchmark report on field service",
            "Analyst report",
            0,
            "Good numbers, but mostly enterprise logos, nobody our size.",
        ),
        (
            0,
            "Googles dispatch optimisation software",
            "Search",
            0,
            "Forty vendors, all claiming AI. Hard to tell them apart.",
        ),
        (
            1,
            "Comparison site shortlist",
            "Review site",
            0,
            "Reviews were useful on support, useless on integrations.",
        ),
        (
            1,
            "First sales call",
            "Sales call",
            1,
            "The rep asked about our technicians before talking about features.",
        ),
        (
            1,
            "Pricing page",
            "Website",
            -1,
            "Per-technician pricing with a minimum of 200 seats. We have 180.",
        ),
        (
            1,
            "Reference call with a similar firm",
            "Referral",
            2,
            "Honest about the rough first month, which made me trust the rest.",
        ),
        (
            1,
            "Internal shortlist review",
            "Email",
            0,
            "IT wanted to know about SSO before we even saw a demo.",
        ),
        (
            2,
            "Pilot kickoff with ten technicians",
            "Kickoff",
            1,
            "Clear plan, named people, a date for the first results.",
        ),
        (
            2,
            "Mobile app install on old Android phones",
            "In-product",
            -2,
            "Half the crew could not log in on day one.",
        ),
        (
            2,
            "Support chat during the pilot",
            "Support ticket",
            1,
            "Answered in twenty minutes, even on a Saturday.",
        ),
        (
            2,
            "Dispatcher training session",
            "Training",
            0,
            "Fine, but it was in English only and two of my dispatchers struggle.",
        ),
        (
            2,
            "Pilot results review",
            "QBR",
            2,
            "Eighteen percent fewer repeat visits in six weeks. The board liked that.",
        ),
        (
            3,
            "Security questionnaire",
            "Security review",
            -1,
            "Three hundred questions, and their answers arrived in a spreadsheet.",
        ),
        (
            3,
            "Contract redlines with legal",
            "Contract",
            -1,
            "Liability clauses went back and forth for a month.",
        ),
        (
            3,
            "Procurement asks for a discount",
            "Procurement",
            0,
            "They gave a little, then added a fee for the integration.",
        ),
        (
            3,
            "Signature and welcome email",
            "Email",
            1,
            "The welcome email had a named contact and a phone number. Small thing, mattered.",
        ),
        (
            4,
            "Handoff from sales to implementation",
            "Sales call",
            -2,
            "The implementation lead had never heard of our union agreement on shifts.",
        ),
        (
            4,
            "Data migration of five years of jobs",
            "Onboarding",
            -1,
            "Asset IDs came through mangled and we fixed them by hand.",
        ),
        (
            4,
            "Go-live for the first region",
            "In-product",
            1,
            "Dispatch screens finally show where everybody is.",
        ),
        (
            4,
            "Technician feedback in week two",
            "Community",
            0,
            "They like the route view, hate typing notes on the small screen.",
        ),
        (
            4,
            "First invoice",
            "Invoice",
            -2,
            "Billed for 200 seats while 120 were still on the old system.",
        ),
        (
            4,
            "Weekly check-in with the CSM",
            "Email",
            1,
            "She turned up with our own numbers, not a generic deck.",
        ),
        (
            5,
            "Quarterly business review with the ops director",
            "QBR",
            1,
            "First-time fix rate up nine points. Not eleven, but real.",
        ),
        (
            5,
            "Request to add the plumbing division",
            "Sales call",
            0,
            "Good idea, but a separate contract for a second division is silly.",
        ),
        (
            5,
            "Renewal notice from the vendor",
            "Renewal",
            -1,
            "Eight percent uplift with sixty days notice, no conversation first.",
        ),
        (
            5,
            "Survey after renewal",
            "Email",
            0,
            "Gave them a seven. Fixing invoices would get them a nine.",
        ),
        (
            5,
            "Asked to speak at their user day",
            "Event",
            1,
            "Happy to, if they send me the slides beforehand and keep it short.",
        ),
    ];
    let extra: [(usize, LaneKind, &str); 24] = [
        (
            0,
            LaneKind::Actions,
            "Pulls the last quarter's missed-visit report for the board",
        ),
        (
            0,
            LaneKind::Thoughts,
            "Is this a software problem or a scheduling habit problem?",
        ),
        (
            0,
            LaneKind::PainPoints,
            "No view of technician location; dispatch works from whiteboards",
        ),
        (
            0,
            LaneKind::Opportunities,
            "Publish a one-page ROI calculator for firms under 500 technicians",
        ),
        (
            1,
            LaneKind::Actions,
            "Builds a scorecard with IT: SSO, offline mode, union shift rules",
        ),
        (
            1,
            LaneKind::Thoughts,
            "Will this work with our ancient ERP, or is that a six-month project?",
        ),
        (
            1,
            LaneKind::PainPoints,
            "Minimum seat count excludes firms just under 200 technicians",
        ),
        (
            1,
            LaneKind::Opportunities,
            "Start-up tier from 100 seats with the same integrations",
        ),
        (
            2,
            LaneKind::Actions,
            "Runs a six-week pilot in the northern region with ten technicians",
        ),
        (
            2,
            LaneKind::Thoughts,
            "If the crew hates the app, the whole thing dies in the canteen",
        ),
        (
            2,
            LaneKind::PainPoints,
            "App does not support Android 9 devices still common among crews",
        ),
        (
            2,
            LaneKind::Opportunities,
            "Device check in the pilot kit, loaner phones for the first month",
        ),
        (
            3,
            LaneKind::Actions,
            "Legal, IT and procurement review the contract in parallel",
        ),
        (
            3,
            LaneKind::Thoughts,
            "Why does every answer take a week when the pilot took a day?",
        ),
        (
            3,
            LaneKind::PainPoints,
            "Security answers arrive piecemeal; review drags for five weeks",
        ),
        (
            3,
            LaneKind::Opportunities,
            "Pre-filled CAIQ and a trust page with the usual evidence",
        ),
        (
            4,
            LaneKind::Actions,
            "Migrates assets and job history, trains dispatchers by region",
        ),
        (
            4,
            LaneKind::Thoughts,
            "Who do I call when the migration breaks on a Friday night?",
        ),
        (
            4,
            LaneKind::PainPoints,
            "Sales promises about shift rules never reach the implementation team",
        ),
        (
            4,
            LaneKind::Opportunities,
            "Written handoff brief signed by the customer before kickoff",
        ),
        (
            5,
            LaneKind::Actions,
            "Prepares the renewal case with first-time fix rate and overtime hours",
        ),
        (
            5,
            LaneKind::Thoughts,
            "Can we add the plumbing division without renegotiating everything?",
        ),
        (
            5,
            LaneKind::PainPoints,
            "Price uplift announced before any value conversation",
        ),
        (
            5,
            LaneKind::Opportunities,
            "Value review ninety days before renewal with the ops director",
        ),
    ];
    for (stage, kind, text) in extra {
        let id = map.new_id();
        let lane = map.lane_of_kind(kind).unwrap_or_default();
        map.cards.push(Card {
            id,
            stage: stage_ids[stage],
            lane,
            text: text.into(),
            ..Card::default()
        });
    }
    for (i, s) in map.stages.iter_mut().enumerate() {
        s.description = [
            "A missed SLA or a board question makes dispatch a priority",
            "Ops and IT compare three vendors on demos and references",
            "Six weeks with two crews in one region, measured weekly",
            "Procurement, legal and IT security review the contract",
            "Region by region, with training for dispatchers first",
            "The value review decides renewal and the next regions",
        ][i]
            .into();
        s.owning_team = [
            "Marketing",
            "Sales",
            "Solutions",
            "Sales",
            "Customer success",
            "Account management",
        ][i]
            .into();
        s.customer_goal = [
            "Stop losing clients over missed visits",
            "A shortlist the board and IT accept",
            "Proof with our own crews",
            "Sign without surprises",
            "Live without chaos on the road",
            "Decide whether to grow or leave",
        ][i]
            .into();
    }
    for (i, (stage, text, channel, emotion, quote)) in rows.iter().enumerate() {
        let id = map.new_id();
        map.cards.push(Card {
            id,
            stage: stage_ids[*stage],
            lane,
            text: (*text).into(),
            channel: (*channel).into(),
            emotion: Emotion::new(*emotion),
            quote: (*quote).into(),
            moment_of_truth: matches!(i, 10 | 14 | 19 | 23 | 27),
            stakeholders: vec![ids[i % ids.len()]],
            ..Card::default()
        });
    }
    map
}

/// The B2B SaaS template as a team would have it after a workshop: ten cards reworded,
/// five touchpoints added, the scope filled in.
fn edited_template() -> JourneyMap {
    let mut map = templates::build("b2b-saas").unwrap_or_default();
    map.scope.title = "Northwind Analytics: mid-market onboarding journey".into();
    map.scope.owner = "Lena Brandt, customer success".into();
    let rewrites = [
        "Trial users stall at the data-source step",
        "Champion forwards our security pack to IT",
        "Procurement asks for a three-year price lock",
        "Kickoff call moved twice by the customer",
        "First dashboard shared with the leadership team",
        "Admin invites the regional analysts",
        "Usage dips after the second month",
        "QBR shows time saved on monthly reporting",
        "Renewal quote sent sixty days early",
        "Champion speaks at our user meetup",
    ];
    for (card, text) in map.cards.iter_mut().step_by(3).zip(rewrites) {
        card.text = text.into();
    }
    let stage = map.stages.first().map(|s| s.id).unwrap_or_default();
    let lane = map.lane_of_kind(LaneKind::Touchpoints).unwrap_or_default();
    for (text, quote, emotion) in [
        (
            "Partner webinar on reporting automation",
            "It was the first time I saw our own kind of data.",
            1,
        ),
        (
            "Pricing page with a calculator",
            "Finally a price I could put in a spreadsheet.",
            2,
        ),
        (
            "Sales call with a solutions engineer",
            "He knew our ERP better than our IT team.",
            1,
        ),
        (
            "Reference call with a peer in logistics",
            "She was honest about the rough first month.",
            0,
        ),
        (
            "Security questionnaire, 180 questions",
            "We answered the same questions for the third vendor this year.",
            -2,
        ),
    ] {
        let id = map.new_id();
        map.cards.push(Card {
            id,
            stage,
            lane,
            text: text.into(),
            quote: quote.into(),
            emotion: Emotion::new(emotion),
            channel: "Webinar".into(),
            ..Card::default()
        });
    }
    map
}

fn text_bytes(map: &JourneyMap) -> usize {
    let mut n = map.scope.title.len()
        + map.scope.objective.len()
        + map.scope.segment.len()
        + map.scope.owner.len()
        + map.scope.research_sources.len();
    n += map
        .stages
        .iter()
        .map(|s| s.name.len() + s.description.len() + s.customer_goal.len() + s.owning_team.len())
        .sum::<usize>();
    n += map
        .stakeholders
        .iter()
        .map(|s| s.name.len() + s.department.len() + s.priorities.len() + s.concerns.len())
        .sum::<usize>();
    n += map
        .personas
        .iter()
        .map(|p| p.texts().iter().map(|t| t.len()).sum::<usize>())
        .sum::<usize>();
    n += map
        .cards
        .iter()
        .map(|c| {
            c.text.len()
                + c.quote.len()
                + c.channel.len()
                + c.notes.len()
                + c.evidence.len()
                + c.owner.len()
                + c.kpi.len()
        })
        .sum::<usize>();
    n
}

fn main() {
    let mut maps: Vec<(String, JourneyMap)> = vec![
        ("tiny (blank + 1 stage)".into(), {
            let mut m = JourneyMap::blank("Quick sketch");
            let id = m.new_id();
            m.stages.push(Stage {
                id,
                name: "Awareness".into(),
                ..Stage::default()
            });
            m
        }),
        ("hand-made, 30 touchpoints".into(), hand_made()),
    ];
    for t in templates::TEMPLATES {
        maps.push((
            format!("template {}", t.key),
            templates::build(t.key).unwrap(),
        ));
    }
    maps.push(("b2b-saas template, edited".into(), edited_template()));
    maps.push((
        "generated, 400 touchpoints".into(),
        generated_map(12, 8, 400, 1),
    ));

    // Priming (learning the primer) happens once per page; time it apart.
    let t = Instant::now();
    let _ = share::encode(&JourneyMap::blank("warm-up"));
    println!(
        "priming the format-{} coder: {:.0} ms (once per page)",
        share::FORMAT_VERSION,
        t.elapsed().as_secs_f64() * 1000.0
    );

    println!("share-link payload lengths (characters after #/s/), baseline = base64url(deflate(JSON)), level 10");
    println!(
        "{:<34} {:>7} {:>9} {:>10} {:>10} {:>9} {:>7} {:>9}",
        "map", "text B", "baseline", "bin+defl", "format 1", "trailmap", "ratio", "enc/dec"
    );
    let mut worst: f64 = 0.0;
    for (name, map) in &maps {
        let json = serde_json::to_vec(map).expect("maps serialize");
        let baseline = base64url::encode(&compress_to_vec(&json, 10)).len();
        let bin = binary::encode_map_as(map, binary::Layout::V2);
        let bin_deflate = base64url::encode(&compress_to_vec(&bin, 10)).len();
        let format1 = share::encode_as(map, 1).len();
        let t0 = Instant::now();
        let payload = share::encode(map);
        let enc = t0.elapsed();
        let t1 = Instant::now();
        let (back, _) = share::decode(&payload).expect("own links decode");
        let dec = t1.elapsed();
        assert_eq!(&back, map, "{name} round trip");
        let ratio = payload.len() as f64 / baseline as f64;
        worst = worst.max(ratio);
        println!(
            "{:<34} {:>7} {:>9} {:>10} {:>10} {:>9} {:>7.2} {:>4.0}/{:<4.0}ms",
            name,
            text_bytes(map),
            baseline,
            bin_deflate,
            format1,
            payload.len(),
            ratio,
            enc.as_secs_f64() * 1000.0,
            dec.as_secs_f64() * 1000.0
        );
    }
    println!("columns: bin+defl = format-2 binary encoding + deflate; format 1 = the links of format 1 (binary with lengths + context mixing primed with 7 KB of domain text); trailmap = format 2 (column layout + stronger context mixing with a match model, primed with the domain text and the five built-in templates)");
    println!("the templates are in format 2's primer, so an unchanged template costs a few dozen characters and an edited one little more than its edits");
    println!("targets: hand-made 30-touchpoint map ≤ 2,500 characters; every map ≤ 0.75 × baseline (worst here: {worst:.2})");
}
