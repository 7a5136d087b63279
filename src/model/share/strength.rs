//! How hard a share-link passphrase would be to guess, for the share panel to say before
//! a link is protected with it. A rough, honest rule of thumb, not an estimate of entropy:
//! length matters most, then variety; the handful of phrases everybody tries first are
//! refused outright.

/// How a passphrase rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    /// Easy to guess: choose another.
    Weak,
    /// Acceptable for a map that is not sensitive.
    Fair,
    /// Hard to guess.
    Strong,
}

/// A rating with its reason, in a few words for the share panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength {
    /// How the passphrase rates.
    pub rating: Rating,
    /// Why, in a few words ("shorter than 12 characters").
    pub reason: &'static str,
}

/// Fewest characters of a passphrase that is not weak.
pub const MIN_CHARS: usize = 12;

/// Phrases (lower case, spaces and trailing digits or symbols removed) tried first by
/// anyone guessing.
const COMMON: &[&str] = &[
    "password",
    "passphrase",
    "passwort",
    "motdepasse",
    "qwerty",
    "qwertyuiop",
    "qwertz",
    "azerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "administrator",
    "changeme",
    "secret",
    "trailmap",
    "journeymap",
    "customerjourney",
    "abcdefghijkl",
    "correcthorsebatterystaple",
];

/// Rates `passphrase`: weak when shorter than [`MIN_CHARS`] characters, of only one kind
/// of character (lower case, upper case, digits, others), mostly one repeated character,
/// or a common word; strong when at least 16 characters of two kinds or more, or 12 of
/// three kinds or more; fair otherwise.
pub fn passphrase_strength(passphrase: &str) -> Strength {
    let weak = |reason| Strength {
        rating: Rating::Weak,
        reason,
    };
    let chars: Vec<char> = passphrase.chars().collect();
    let core: String = passphrase
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let core = core.trim_end_matches(|c: char| !c.is_alphabetic());
    if COMMON.contains(&core) {
        return weak("a phrase everybody tries first");
    }
    if chars.len() < MIN_CHARS {
        return weak("shorter than 12 characters");
    }
    let kinds = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_numeric()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    if kinds < 2 {
        return weak("only one kind of character: add words with spaces, digits or capitals");
    }
    let mut distinct = chars.clone();
    crate::model::order::sort(&mut distinct);
    distinct.dedup();
    if distinct.len() * 3 < chars.len() {
        return weak("mostly the same characters repeated");
    }
    if chars.len() >= 16 || (kinds >= 3 && chars.len() >= MIN_CHARS) {
        Strength {
            rating: Rating::Strong,
            reason: "long and varied",
        }
    } else {
        Strength {
            rating: Rating::Fair,
            reason: "acceptable; another word or two would make it strong",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(p: &str) -> Rating {
        passphrase_strength(p).rating
    }

    #[test]
    fn short_common_and_monotonous_passphrases_are_weak() {
        for p in [
            "",
            "abc",
            "Tr4il!map", // 9 characters
            "password",
            "Password123456",   // a common word with digits after it
            "pass word 2024!!", // the same with spaces
            "Correct Horse Battery Staple",
            "aaaaaaaaaaaaaaaa", // one kind
            "workshopnotes",    // one kind, 13 characters
            "123456789012",     // one kind
            "aaaaaaaaaaaa1A",   // repeated
        ] {
            assert_eq!(rating(p), Rating::Weak, "{p:?}");
        }
        assert_eq!(
            passphrase_strength("abc").reason,
            "shorter than 12 characters"
        );
        assert_eq!(
            passphrase_strength("Password123456").reason,
            "a phrase everybody tries first"
        );
        assert!(passphrase_strength("workshopnotes")
            .reason
            .starts_with("only one kind"));
    }

    #[test]
    fn longer_and_varied_passphrases_rate_better() {
        assert_eq!(rating("workshop notes"), Rating::Fair); // 14, two kinds
        assert_eq!(rating("Workshop notes"), Rating::Strong); // 14, three kinds
        assert_eq!(rating("blue kettle orbit lantern"), Rating::Strong); // 25, two kinds
        assert_eq!(rating("Sh0rt & sweet"), Rating::Strong);
        // Characters count, not bytes: eight umlauts are 16 bytes but too short.
        assert_eq!(rating("üüü äää ööö ß"), Rating::Fair);
        assert_eq!(
            passphrase_strength("üüüääööß").reason,
            "shorter than 12 characters"
        );
        assert!(Rating::Weak < Rating::Fair && Rating::Fair < Rating::Strong);
    }
}
