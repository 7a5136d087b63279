//! Bounded scores used across the map: emotion (−2..+2) and level (0..10).

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// How a customer feels at a touchpoint, an integer from −2 (very negative) to +2 (very positive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Emotion(i8);

impl Emotion {
    /// Lowest score: very negative.
    pub const MIN: i8 = -2;
    /// Highest score: very positive.
    pub const MAX: i8 = 2;
    /// Neutral (zero).
    pub const NEUTRAL: Emotion = Emotion(0);
    /// All five scores from very negative to very positive.
    pub const ALL: [Emotion; 5] = [Emotion(-2), Emotion(-1), Emotion(0), Emotion(1), Emotion(2)];

    /// The emotion for `value`, or `None` outside −2..+2.
    pub fn new(value: i64) -> Option<Emotion> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&value)
            .then_some(Emotion(value as i8))
    }

    /// The score, −2..+2.
    pub fn value(self) -> i8 {
        self.0
    }

    /// Mermaid journey score (1..5): emotion + 3.
    pub fn mermaid_score(self) -> u8 {
        (self.0 + 3) as u8
    }

    /// The emotion for a Mermaid journey score (1..5).
    pub fn from_mermaid_score(score: i64) -> Option<Emotion> {
        Emotion::new(score - 3)
    }

    /// Plain-English label: "very negative" … "very positive".
    pub fn label(self) -> &'static str {
        match self.0 {
            -2 => "very negative",
            -1 => "negative",
            0 => "neutral",
            1 => "positive",
            _ => "very positive",
        }
    }
}

impl fmt::Display for Emotion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 {
            write!(f, "+{}", self.0)
        } else if self.0 < 0 {
            write!(f, "−{}", -self.0)
        } else {
            write!(f, "0")
        }
    }
}

impl<'de> Deserialize<'de> for Emotion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        Emotion::new(v)
            .ok_or_else(|| serde::de::Error::custom(format!("emotion {v} is outside −2..+2")))
    }
}

/// A level from 0 to 10, used for influence and interest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Level(u8);

impl Level {
    /// Highest level.
    pub const MAX: u8 = 10;
    /// Levels at or above this count as "high" in the influence–interest matrix.
    pub const SPLIT: u8 = 5;

    /// The level for `value`, or `None` outside 0..10.
    pub fn new(value: i64) -> Option<Level> {
        (0..=i64::from(Self::MAX))
            .contains(&value)
            .then_some(Level(value as u8))
    }

    /// The level for `value`, clamped into 0..10.
    pub fn clamped(value: i64) -> Level {
        Level(value.clamp(0, i64::from(Self::MAX)) as u8)
    }

    /// The level, 0..10.
    pub fn value(self) -> u8 {
        self.0
    }

    /// Whether this level is on the high side of the quadrant split.
    pub fn is_high(self) -> bool {
        self.0 >= Self::SPLIT
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        Level::new(v).ok_or_else(|| serde::de::Error::custom(format!("level {v} is outside 0..10")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emotion_accepts_only_minus_two_to_plus_two() {
        assert_eq!(Emotion::new(-3), None);
        assert_eq!(Emotion::new(3), None);
        assert_eq!(Emotion::new(-2).unwrap().value(), -2);
        assert_eq!(Emotion::new(2).unwrap().value(), 2);
    }

    #[test]
    fn emotion_maps_to_mermaid_score_plus_three() {
        let scores: Vec<u8> = Emotion::ALL.iter().map(|e| e.mermaid_score()).collect();
        assert_eq!(scores, vec![1, 2, 3, 4, 5]);
        assert_eq!(Emotion::from_mermaid_score(1), Emotion::new(-2));
        assert_eq!(Emotion::from_mermaid_score(6), None);
    }

    #[test]
    fn emotion_labels_run_from_very_negative_to_very_positive() {
        assert_eq!(Emotion::new(-2).unwrap().label(), "very negative");
        assert_eq!(Emotion::NEUTRAL.label(), "neutral");
        assert_eq!(Emotion::new(2).unwrap().label(), "very positive");
        assert_eq!(Emotion::new(1).unwrap().to_string(), "+1");
        assert_eq!(Emotion::new(-1).unwrap().to_string(), "−1");
    }

    #[test]
    fn emotion_deserialize_rejects_out_of_range() {
        assert!(serde_json::from_str::<Emotion>("2").is_ok());
        assert!(serde_json::from_str::<Emotion>("5").is_err());
        assert!(serde_json::from_str::<Emotion>("1.5").is_err());
    }

    #[test]
    fn level_splits_at_five() {
        assert!(!Level::new(4).unwrap().is_high());
        assert!(Level::new(5).unwrap().is_high());
        assert_eq!(Level::new(11), None);
        assert_eq!(Level::clamped(42).value(), 10);
        assert_eq!(Level::clamped(-1).value(), 0);
        assert!(serde_json::from_str::<Level>("11").is_err());
    }
}
