//! Meetup types and the rules of RSVPs.
use crate::web::form::{FromForm, RawForm};
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::groups::join::parse_name;
use crate::i18n::k;
use crate::ui::forms::FieldErrors;
use crate::web::form::{valid_token, EmailAddress};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetupSummary {
    pub id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub capacity: u32,
    pub cancelled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsvpInput {
    pub token: String,
    pub first_name: String,
    pub adults: u8,
    pub children: u8,
    /// Only when the parent wants a mail when they get a place, go back on the waiting list or
    /// the meetup is cancelled; deleted with the RSVP.
    pub email: Option<EmailAddress>,
}

impl FromForm for RsvpInput {
    fn from_form(form: &RawForm) -> Result<RsvpInput, FieldErrors> {
        Self::parse(form)
    }
}

impl RsvpInput {
    pub fn parse(form: &HashMap<String, String>) -> Result<RsvpInput, FieldErrors> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
        let mut errors = FieldErrors::default();
        let token = field("token").to_string();
        if !valid_token(&token) || !field("website").is_empty() {
            errors.add("form", k("form-expired"));
        }
        let first_name = parse_name(field("first_name"));
        if let Err(key) = first_name {
            errors.add("first_name", key);
        }
        let count = |name: &str, min: u8, max: u8| {
            field(name)
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (min..=max).contains(n))
        };
        let adults = count("adults", 1, 5);
        if adults.is_none() {
            errors.add("adults", k("rsvp-adults-invalid"));
        }
        let children = if field("kids").trim().is_empty() {
            Some(0)
        } else {
            count("kids", 0, 10)
        };
        if children.is_none() {
            errors.add("kids", k("rsvp-children-invalid"));
        }
        let email = EmailAddress::parse_optional(field("email"))
            .map_err(|_| errors.add("email", k("rsvp-email-invalid")));
        match (first_name, adults, children, email) {
            (Ok(first_name), Some(adults), Some(children), Ok(email)) if errors.is_empty() => {
                Ok(RsvpInput {
                    token,
                    first_name,
                    adults,
                    children,
                    email,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn people(&self) -> u32 {
        self.adults as u32 + self.children as u32
    }
}

/// Whether a party of `people` fits when `taken` places of `capacity` are used.
pub fn fits(capacity: u32, taken: u32, people: u32) -> bool {
    taken + people <= capacity
}

/// A change the facilitator's side made to an RSVP, shown on its page (and mailed to a parent
/// who left an address).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moved {
    /// From the waiting list to a place.
    Up,
    /// Back to the waiting list (fewer places).
    Down,
}

impl Moved {
    pub fn as_str(self) -> &'static str {
        match self {
            Moved::Up => "up",
            Moved::Down => "down",
        }
    }

    pub fn parse(s: &str) -> Option<Moved> {
        [Moved::Up, Moved::Down]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// What the private RSVP page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RsvpView {
    pub meetup: MeetupSummary,
    pub group_name: String,
    pub first_name: String,
    pub adults: u8,
    pub children: u8,
    pub waiting: bool,
    /// The last move between the waiting list and a place, if any.
    pub moved: Option<Moved>,
    /// Whether the parent left an e-mail address for news.
    pub mails: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    use crate::web::form::raw_form as form;

    #[test]
    fn rsvp_rules() {
        let ok = RsvpInput::parse(&form(&[
            ("token", TOKEN),
            ("first_name", "Ayşe"),
            ("adults", "1"),
            ("kids", "2"),
        ]))
        .unwrap();
        assert_eq!(ok.people(), 3);
        let no_kids = RsvpInput::parse(&form(&[
            ("token", TOKEN),
            ("first_name", "A"),
            ("adults", "2"),
        ]))
        .unwrap();
        assert_eq!(no_kids.children, 0);
        assert_eq!(no_kids.email, None);
        let with_mail = RsvpInput::parse(&form(&[
            ("token", TOKEN),
            ("first_name", "A"),
            ("adults", "1"),
            ("email", " sanne@example.nl "),
        ]))
        .unwrap();
        assert_eq!(
            with_mail.email.as_ref().map(EmailAddress::as_str),
            Some("sanne@example.nl")
        );
        let bad_mail = RsvpInput::parse(&form(&[
            ("token", TOKEN),
            ("first_name", "A"),
            ("adults", "1"),
            ("email", "sanne at example"),
        ]))
        .unwrap_err();
        assert_eq!(bad_mail.get("email"), Some("rsvp-email-invalid"));
        assert_eq!(Moved::parse(Moved::Down.as_str()), Some(Moved::Down));
        let bad = RsvpInput::parse(&form(&[
            ("token", TOKEN),
            ("first_name", ""),
            ("adults", "0"),
            ("kids", "11"),
        ]))
        .unwrap_err();
        assert_eq!(bad.get("first_name"), Some("join-name-missing"));
        assert_eq!(bad.get("adults"), Some("rsvp-adults-invalid"));
        assert_eq!(bad.get("kids"), Some("rsvp-children-invalid"));
        assert!(RsvpInput::parse(&form(&[
            ("token", "x"),
            ("first_name", "A"),
            ("adults", "1")
        ]))
        .is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_rsvp_form(f in crate::web::form::any_form(&[
            "token", "website", "first_name", "adults", "kids", "email",
        ])) {
            if let Ok(r) = RsvpInput::parse(&f) {
                proptest::prop_assert!((1..=15).contains(&r.people()));
            }
        }
    }

    #[test]
    fn capacity() {
        assert!(fits(10, 7, 3));
        assert!(!fits(10, 8, 3));
        assert!(!fits(0, 0, 1));
    }
}
