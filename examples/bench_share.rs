//! Share-link figures (not a test), in one run, side by side for link formats 2 and 3:
//! payload lengths beside the baselines base64url(deflate(JSON)) (as Mermaid Live makes
//! its links) and base64url(deflate(JSON) with the primer as preset dictionary); encode
//! and decode times (medians); the coder's memory (a counting allocator: peak bytes
//! allocated during one decode, and bytes the coder keeps between calls); priming time.
//!
//! `cargo run --release --features selftest --example bench_share [runs]`
//!
//! `make_share_fixture` includes this file for [`hand_made`] and [`edited_template`].

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use trailmap::model::share::{self, base64url, cm};
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
pub fn edited_template() -> JourneyMap {
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

/// The generated map of 400 touchpoints (the generators need the `selftest` feature,
/// which this benchmark requires; `make_share_fixture`, which includes this file, does
/// without).
#[cfg(feature = "selftest")]
fn generated() -> JourneyMap {
    trailmap::model::generate::generated_map(12, 8, 400, 4)
}

/// The edited B2B SaaS map after a prioritisation workshop: every opportunity with RICE
/// inputs, the pains of its stage linked, a status, and one re-measure date set by hand.
pub fn planned() -> JourneyMap {
    use trailmap::model::formulas::{Confidence, Impact};
    use trailmap::model::PlanStatus;
    let mut map = edited_template();
    let rice = [
        (1200.0, Impact::High, Confidence::Medium, 2.0),
        (300.0, Impact::Massive, Confidence::Low, 4.5),
        (45.0, Impact::Medium, Confidence::High, 0.5),
        (800.0, Impact::Low, Confidence::Medium, 1.0),
        (60.0, Impact::High, Confidence::High, 3.0),
        (2500.0, Impact::Minimal, Confidence::Low, 0.25),
    ];
    let pains: Vec<(trailmap::model::Id, trailmap::model::Id)> = map
        .cards
        .iter()
        .filter(|c| map.card_kind(c) == Some(LaneKind::PainPoints))
        .map(|c| (c.id, c.stage))
        .collect();
    let opportunities: Vec<usize> = (0..map.cards.len())
        .filter(|i| map.card_kind(&map.cards[*i]) == Some(LaneKind::Opportunities))
        .collect();
    for (n, i) in opportunities.into_iter().enumerate() {
        let (reach, impact, confidence, effort) = rice[n % rice.len()];
        let c = &mut map.cards[i];
        c.reach = Some(reach);
        c.reach_period = "accounts per quarter".into();
        c.rice_impact = Some(impact);
        c.rice_confidence = Some(confidence);
        c.effort_months = Some(effort);
        c.addresses = pains
            .iter()
            .filter(|(_, stage)| *stage == c.stage)
            .map(|(id, _)| *id)
            .collect();
        if n == 0 {
            // The first one also addresses the last pain of the journey.
            c.addresses.extend(pains.last().map(|(id, _)| *id));
        }
        c.status = PlanStatus::ALL[n % PlanStatus::ALL.len()];
        c.baseline = format!("{} days", 30 + 5 * n);
        c.target = format!("{} days", 15 + 2 * n);
        if n == 1 {
            c.remeasure = "2027-06-30".into();
        }
    }
    map
}

#[cfg(not(feature = "selftest"))]
fn generated() -> JourneyMap {
    JourneyMap::blank("generated maps need the selftest feature")
}

/// Counts the bytes allocated now and the most allocated at once since the last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwards to the system allocator with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated now.
fn allocated() -> usize {
    NOW.load(Ordering::Relaxed)
}

/// Runs `f` and returns its result and the most bytes it had allocated at once beyond
/// what was allocated before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = allocated();
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

/// Raw deflate of `data` with `dictionary` as preset dictionary (deflate's window holds
/// its last 32 KB, as zlib's `deflateSetDictionary` does): the dictionary is compressed
/// first and flushed, and only the bytes after the flush count.
fn deflate_with_dictionary(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let mut c = Box::new(CompressorOxide::new(flags));
    let mut out = vec![0u8; 2 * (dictionary.len() + data.len()) + 1024];
    let mut at = 0;
    for (input, flush) in [(dictionary, TDEFLFlush::Sync), (data, TDEFLFlush::Finish)] {
        let mut input = input;
        let start = at;
        loop {
            let (status, used, written) = compress(&mut c, input, &mut out[at..], flush);
            at += written;
            input = &input[used..];
            match status {
                TDEFLStatus::Done => break,
                TDEFLStatus::Okay if input.is_empty() => break,
                TDEFLStatus::Okay => {}
                _ => panic!("deflate failed"),
            }
        }
        if flush == TDEFLFlush::Finish {
            return out[start..at].to_vec();
        }
    }
    Vec::new()
}

/// Median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
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
    maps.push(("b2b-saas edited, with a RICE plan".into(), planned()));
    maps.push(("generated, 400 touchpoints".into(), generated()));
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(7);

    // Memory and priming. The first call of a format builds what its coder keeps.
    let probe = &maps[1].1;
    let mut memory = Vec::new();
    for v in [3u8, 2] {
        let before = allocated();
        let t = Instant::now();
        let payload = share::encode_as(probe, v);
        let first = t.elapsed();
        let held = allocated() - before - payload.capacity();
        let (_, peak) = peak_of(|| share::decode(&payload).expect("own links decode"));
        memory.push((v, first, held, peak));
    }
    let prime = |v: u8| {
        let coder = if v == 2 { cm::Coder::V2 } else { cm::Coder::V3 };
        median(runs, || {
            let _ = cm::compress(b"", share::primer(v), coder);
        })
    };
    println!("coder memory and priming (format 3 primes on every call; format 2 primes once and copies the primed model)");
    for (v, first, held, peak) in &memory {
        println!(
            "  format {v}: first call {:.0} ms; kept between calls {:.2} MB; peak during one decode of the hand-made map {:.2} MB; a call's priming (or copy of the primed model) {:.1} ms",
            ms(*first),
            *held as f64 / 1e6,
            *peak as f64 / 1e6,
            ms(prime(*v))
        );
    }
    println!();
    println!("payload lengths (characters after #/s/) and times (median of {runs}, ms, priming included)");
    println!(
        "{:<32} {:>6} {:>7} {:>7} {:>7} {:>7} {:>6} {:>13} {:>13}",
        "map",
        "text B",
        "deflate",
        "+dict",
        "fmt 2",
        "fmt 3",
        "3 vs 2",
        "fmt 2 enc/dec",
        "fmt 3 enc/dec"
    );
    let dictionary = share::primer(share::FORMAT_VERSION);
    for (name, map) in &maps {
        let json = serde_json::to_vec(map).expect("maps serialize");
        let deflate = base64url::encode(&compress_to_vec(&json, 10)).len();
        let with_dictionary = base64url::encode(&deflate_with_dictionary(dictionary, &json)).len();
        let mut cells = Vec::new();
        let mut lengths = Vec::new();
        for v in [2u8, 3] {
            let payload = share::encode_as(map, v);
            // Format 2 has no room for the opportunity fields: its links carry the rest.
            let decoded = share::decode(&payload).expect("own links decode").0;
            if v >= 3 {
                assert_eq!(&decoded, map, "{name}");
            } else {
                assert_eq!(decoded.cards.len(), map.cards.len(), "{name}");
            }
            lengths.push(payload.len());
            let enc = median(runs, || {
                let _ = share::encode_as(map, v);
            });
            let dec = median(runs, || {
                let _ = share::decode(&payload);
            });
            cells.push(format!("{:>6.1}/{:<6.1}", ms(enc), ms(dec)));
        }
        println!(
            "{:<32} {:>6} {:>7} {:>7} {:>7} {:>7} {:>+5.1}% {:>13} {:>13}",
            name,
            text_bytes(map),
            deflate,
            with_dictionary,
            lengths[0],
            lengths[1],
            (lengths[1] as f64 / lengths[0] as f64 - 1.0) * 100.0,
            cells[0],
            cells[1]
        );
    }
    println!("deflate = base64url(deflate(JSON)), level 10; +dict = the same with format 3's primer as preset dictionary; fmt 2 / fmt 3 = Trailmap's links of formats 2 and 3");
}
