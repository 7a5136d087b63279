//! Wire codes: the numbers that stand for enum values and common channels in the binary
//! encoding of every link format. They are part of the link formats, so they live here,
//! apart from the lists the user interface orders for people (`RoleType::ALL`,
//! `COMMON_CHANNELS`, …): reordering or extending those changes nothing in a link.
//!
//! Rules: a code, once given, keeps its meaning forever. A new variant gets the next free
//! code (the `match`es below stop compiling until it has one); a code is never reused. A
//! decoder that meets a code it does not know says the link needs a newer Trailmap
//! (format 3 on) or that it is damaged (formats 1 and 2).

use crate::model::formulas::{Confidence, Impact, KanoCategory};
use crate::model::map::{LaneKind, PlanStatus, Prioritisation, ReviewCadence, RoleType, Stance};

/// The code of a review cadence.
pub fn cadence_code(c: ReviewCadence) -> u8 {
    match c {
        ReviewCadence::Monthly => 0,
        ReviewCadence::Quarterly => 1,
        ReviewCadence::HalfYearly => 2,
        ReviewCadence::Yearly => 3,
    }
}

/// The review cadence of a code.
pub fn cadence_of(code: u8) -> Option<ReviewCadence> {
    Some(match code {
        0 => ReviewCadence::Monthly,
        1 => ReviewCadence::Quarterly,
        2 => ReviewCadence::HalfYearly,
        3 => ReviewCadence::Yearly,
        _ => return None,
    })
}

/// The code of a stakeholder's role type.
pub fn role_code(r: RoleType) -> u8 {
    match r {
        RoleType::DecisionMaker => 0,
        RoleType::Champion => 1,
        RoleType::EndUser => 2,
        RoleType::Institutional => 3,
        RoleType::Influencer => 4,
    }
}

/// The role type of a code.
pub fn role_of(code: u8) -> Option<RoleType> {
    Some(match code {
        0 => RoleType::DecisionMaker,
        1 => RoleType::Champion,
        2 => RoleType::EndUser,
        3 => RoleType::Institutional,
        4 => RoleType::Influencer,
        _ => return None,
    })
}

/// The code of a stakeholder's stance.
pub fn stance_code(s: Stance) -> u8 {
    match s {
        Stance::Supporter => 0,
        Stance::Neutral => 1,
        Stance::Blocker => 2,
    }
}

/// The stance of a code.
pub fn stance_of(code: u8) -> Option<Stance> {
    Some(match code {
        0 => Stance::Supporter,
        1 => Stance::Neutral,
        2 => Stance::Blocker,
        _ => return None,
    })
}

/// The code of a lane kind.
pub fn lane_code(k: LaneKind) -> u8 {
    match k {
        LaneKind::Actions => 0,
        LaneKind::Thoughts => 1,
        LaneKind::Touchpoints => 2,
        LaneKind::PainPoints => 3,
        LaneKind::Opportunities => 4,
        LaneKind::Kpis => 5,
    }
}

/// The lane kind of a code.
pub fn lane_of(code: u8) -> Option<LaneKind> {
    Some(match code {
        0 => LaneKind::Actions,
        1 => LaneKind::Thoughts,
        2 => LaneKind::Touchpoints,
        3 => LaneKind::PainPoints,
        4 => LaneKind::Opportunities,
        5 => LaneKind::Kpis,
        _ => return None,
    })
}

/// The code of a RICE impact (format 3's "more card fields" section on).
pub fn impact_code(i: Impact) -> u8 {
    match i {
        Impact::Massive => 0,
        Impact::High => 1,
        Impact::Medium => 2,
        Impact::Low => 3,
        Impact::Minimal => 4,
    }
}

/// The RICE impact of a code.
pub fn impact_of(code: u8) -> Option<Impact> {
    Some(match code {
        0 => Impact::Massive,
        1 => Impact::High,
        2 => Impact::Medium,
        3 => Impact::Low,
        4 => Impact::Minimal,
        _ => return None,
    })
}

/// The code of a RICE confidence.
pub fn confidence_code(c: Confidence) -> u8 {
    match c {
        Confidence::High => 0,
        Confidence::Medium => 1,
        Confidence::Low => 2,
    }
}

/// The RICE confidence of a code.
pub fn confidence_of(code: u8) -> Option<Confidence> {
    Some(match code {
        0 => Confidence::High,
        1 => Confidence::Medium,
        2 => Confidence::Low,
        _ => return None,
    })
}

/// The code of an opportunity's plan status.
pub fn status_code(s: PlanStatus) -> u8 {
    match s {
        PlanStatus::Idea => 0,
        PlanStatus::Planned => 1,
        PlanStatus::InProgress => 2,
        PlanStatus::Done => 3,
        PlanStatus::Measured => 4,
    }
}

/// The plan status of a code.
pub fn status_of(code: u8) -> Option<PlanStatus> {
    Some(match code {
        0 => PlanStatus::Idea,
        1 => PlanStatus::Planned,
        2 => PlanStatus::InProgress,
        3 => PlanStatus::Done,
        4 => PlanStatus::Measured,
        _ => return None,
    })
}

/// The code of a Kano category.
pub fn kano_code(k: KanoCategory) -> u8 {
    match k {
        KanoCategory::MustBe => 0,
        KanoCategory::OneDimensional => 1,
        KanoCategory::Attractive => 2,
        KanoCategory::Indifferent => 3,
        KanoCategory::Reverse => 4,
        KanoCategory::Questionable => 5,
    }
}

/// The Kano category of a code.
pub fn kano_of(code: u8) -> Option<KanoCategory> {
    Some(match code {
        0 => KanoCategory::MustBe,
        1 => KanoCategory::OneDimensional,
        2 => KanoCategory::Attractive,
        3 => KanoCategory::Indifferent,
        4 => KanoCategory::Reverse,
        5 => KanoCategory::Questionable,
        _ => return None,
    })
}

/// The code of a prioritisation.
pub fn prioritisation_code(p: Prioritisation) -> u8 {
    match p {
        Prioritisation::Rice => 0,
        Prioritisation::ValueEffort => 1,
        Prioritisation::Kano => 2,
    }
}

/// The prioritisation of a code.
pub fn prioritisation_of(code: u8) -> Option<Prioritisation> {
    Some(match code {
        0 => Prioritisation::Rice,
        1 => Prioritisation::ValueEffort,
        2 => Prioritisation::Kano,
        _ => return None,
    })
}

/// Channels that travel as a number: channel `CHANNELS[i]` is written as `i + 1` (0 means
/// free text follows). Frozen: a copy of the app's channel list as it was when formats 1
/// to 3 were made. New channels may only be appended (a decoder that does not know a
/// number says the link needs a newer Trailmap); entries are never changed or removed.
pub const CHANNELS: [&str; 26] = [
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

/// The number a channel travels as (`None`: it travels as text).
pub fn channel_code(channel: &str) -> Option<u64> {
    CHANNELS
        .iter()
        .position(|c| *c == channel)
        .map(|i| i as u64 + 1)
}

/// The channel of a number from [`channel_code`].
pub fn channel_of(code: u64) -> Option<&'static str> {
    let i = usize::try_from(code.checked_sub(1)?).ok()?;
    CHANNELS.get(i).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables, literally: if this fails, links already made would change meaning.
    #[test]
    fn the_wire_codes_are_frozen() {
        let cadences = [
            (0, ReviewCadence::Monthly),
            (1, ReviewCadence::Quarterly),
            (2, ReviewCadence::HalfYearly),
            (3, ReviewCadence::Yearly),
        ];
        for (code, c) in cadences {
            assert_eq!((cadence_code(c), cadence_of(code)), (code, Some(c)));
        }
        let roles = [
            (0, RoleType::DecisionMaker),
            (1, RoleType::Champion),
            (2, RoleType::EndUser),
            (3, RoleType::Institutional),
            (4, RoleType::Influencer),
        ];
        for (code, r) in roles {
            assert_eq!((role_code(r), role_of(code)), (code, Some(r)));
        }
        let stances = [
            (0, Stance::Supporter),
            (1, Stance::Neutral),
            (2, Stance::Blocker),
        ];
        for (code, s) in stances {
            assert_eq!((stance_code(s), stance_of(code)), (code, Some(s)));
        }
        let lanes = [
            (0, LaneKind::Actions),
            (1, LaneKind::Thoughts),
            (2, LaneKind::Touchpoints),
            (3, LaneKind::PainPoints),
            (4, LaneKind::Opportunities),
            (5, LaneKind::Kpis),
        ];
        for (code, k) in lanes {
            assert_eq!((lane_code(k), lane_of(code)), (code, Some(k)));
        }
        let impacts = [
            (0, Impact::Massive),
            (1, Impact::High),
            (2, Impact::Medium),
            (3, Impact::Low),
            (4, Impact::Minimal),
        ];
        for (code, i) in impacts {
            assert_eq!((impact_code(i), impact_of(code)), (code, Some(i)));
        }
        let confidences = [
            (0, Confidence::High),
            (1, Confidence::Medium),
            (2, Confidence::Low),
        ];
        for (code, c) in confidences {
            assert_eq!((confidence_code(c), confidence_of(code)), (code, Some(c)));
        }
        let statuses = [
            (0, PlanStatus::Idea),
            (1, PlanStatus::Planned),
            (2, PlanStatus::InProgress),
            (3, PlanStatus::Done),
            (4, PlanStatus::Measured),
        ];
        for (code, s) in statuses {
            assert_eq!((status_code(s), status_of(code)), (code, Some(s)));
        }
        assert_eq!(impact_of(5), None);
        assert_eq!(confidence_of(3), None);
        assert_eq!(status_of(5), None);
        for (code, k) in KanoCategory::ALL.into_iter().enumerate() {
            assert_eq!((kano_code(k), kano_of(code as u8)), (code as u8, Some(k)));
        }
        assert_eq!(kano_of(6), None);
        for (code, p) in Prioritisation::ALL.into_iter().enumerate() {
            let c = code as u8;
            assert_eq!((prioritisation_code(p), prioritisation_of(c)), (c, Some(p)));
        }
        assert_eq!(prioritisation_of(3), None);
        assert_eq!(cadence_of(4), None);
        assert_eq!(role_of(5), None);
        assert_eq!(stance_of(3), None);
        assert_eq!(lane_of(6), None);
        assert_eq!(
            CHANNELS.join("|"),
            "Website|Blog|LinkedIn|Search|Analyst report|Review site|Referral|Event|Webinar|\
             Email|Sales call|Demo|Proposal|RFP|Security review|Procurement|Contract|Kickoff|\
             Training|Onboarding|In-product|Support ticket|Invoice|QBR|Renewal|Community"
        );
        assert_eq!(channel_code("Website"), Some(1));
        assert_eq!(channel_code("Community"), Some(26));
        assert_eq!(channel_code("Trade fair"), None);
        assert_eq!(channel_of(0), None);
        assert_eq!(channel_of(26), Some("Community"));
        assert_eq!(channel_of(27), None);
        assert_eq!(channel_of(u64::MAX), None);
    }

    /// Every variant has a code that reads back as itself.
    #[test]
    fn codes_round_trip_for_every_variant() {
        for c in ReviewCadence::ALL {
            assert_eq!(cadence_of(cadence_code(c)), Some(c));
        }
        for r in RoleType::ALL {
            assert_eq!(role_of(role_code(r)), Some(r));
        }
        for s in Stance::ALL {
            assert_eq!(stance_of(stance_code(s)), Some(s));
        }
        for k in LaneKind::ALL {
            assert_eq!(lane_of(lane_code(k)), Some(k));
        }
        for i in Impact::ALL {
            assert_eq!(impact_of(impact_code(i)), Some(i));
        }
        for c in Confidence::ALL {
            assert_eq!(confidence_of(confidence_code(c)), Some(c));
        }
        for s in PlanStatus::ALL {
            assert_eq!(status_of(status_code(s)), Some(s));
        }
    }
}
