//! Where a link of a given length arrives whole. Links travel through mail clients, chat
//! apps and QR codes, each with a length beyond which it may cut or refuse the link; the
//! share panel says which apply and offers what still works (the map's file).

/// Characters past which some mail clients and older browsers cut a link (Outlook on the
/// web and older Internet Explorer limits; the web's long-standing safe length).
pub const MAIL_SAFE_CHARS: usize = 2_048;

/// Characters past which chat apps start cutting or refusing links (Teams and Slack take
/// a few thousand characters per link or message).
pub const CHAT_SAFE_CHARS: usize = 4_000;

/// How far a link of some length travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Mail, chat and browsers all take it.
    Everywhere,
    /// Chat apps and browsers take it; some mail clients may cut it.
    NotMail,
    /// Only a browser's address bar is sure to take it: mail and many chat apps may cut it.
    BrowserOnly,
}

impl Reach {
    /// The reach of a link of `chars` characters.
    pub fn of(chars: usize) -> Reach {
        if chars <= MAIL_SAFE_CHARS {
            Reach::Everywhere
        } else if chars <= CHAT_SAFE_CHARS {
            Reach::NotMail
        } else {
            Reach::BrowserOnly
        }
    }

    /// What the user should know, in words; `None` when the link goes everywhere.
    pub fn advice(self) -> Option<&'static str> {
        match self {
            Reach::Everywhere => None,
            Reach::NotMail => Some(
                "This link is longer than 2,048 characters: some mail programs cut links that long, and the map would not open. Chat apps take it. To send it by mail, send the map's file instead.",
            ),
            Reach::BrowserOnly => Some(
                "This link is longer than 4,000 characters: mail programs and many chat apps cut links that long, and the map would not open. Send the map's file instead, or shorten long notes and quotes.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_steps_down_at_the_mail_and_chat_limits() {
        assert_eq!(Reach::of(0), Reach::Everywhere);
        assert_eq!(Reach::of(2_048), Reach::Everywhere);
        assert_eq!(Reach::of(2_049), Reach::NotMail);
        assert_eq!(Reach::of(4_000), Reach::NotMail);
        assert_eq!(Reach::of(4_001), Reach::BrowserOnly);
        assert_eq!(Reach::Everywhere.advice(), None);
        assert!(Reach::NotMail.advice().unwrap().contains("mail"));
        assert!(Reach::BrowserOnly.advice().unwrap().contains("file"));
    }
}
