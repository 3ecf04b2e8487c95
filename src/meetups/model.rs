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
    /// The theme from the council motion, if the facilitator chose one.
    #[serde(default)]
    pub theme: Option<Theme>,
    #[serde(default)]
    pub kind: MeetupKind,
    /// Who comes along, e.g. "a JGZ nurse" (empty: nobody).
    #[serde(default)]
    pub guest: String,
}

/// The themes the council motion names for the meetups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    /// Language development.
    Language,
    /// Less stress.
    Stress,
    /// Raising children.
    Parenting,
    /// Practical help: childcare, transport, food, money.
    Practical,
    /// Meeting each other.
    Meeting,
}

impl Theme {
    pub const ALL: [Theme; 5] = [
        Theme::Language,
        Theme::Stress,
        Theme::Parenting,
        Theme::Practical,
        Theme::Meeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Language => "language",
            Theme::Stress => "stress",
            Theme::Parenting => "parenting",
            Theme::Practical => "practical",
            Theme::Meeting => "meeting",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        let s = s.trim();
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Its place in `ALL` (and in a group's `theme_ends`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The plain words for the theme.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Language => k("meetup-theme-language"),
            Theme::Stress => k("meetup-theme-stress"),
            Theme::Parenting => k("meetup-theme-parenting"),
            Theme::Practical => k("meetup-theme-practical"),
            Theme::Meeting => k("meetup-theme-meeting"),
        }
    }
}

/// A meetup as usual, or a workshop (often with a guest).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetupKind {
    #[default]
    Meetup,
    Workshop,
}

impl MeetupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetupKind::Meetup => "meetup",
            MeetupKind::Workshop => "workshop",
        }
    }

    pub fn parse(s: &str) -> Option<MeetupKind> {
        match s.trim() {
            "meetup" => Some(MeetupKind::Meetup),
            "workshop" => Some(MeetupKind::Workshop),
            _ => None,
        }
    }
}

/// The longest guest line.
pub const GUEST_MAX: usize = 80;

/// The theme, kind and guest fields of the facilitator's meetup forms (`theme`, `kind`,
/// `guest`). An empty theme is none; an unknown theme or kind, or a guest line that is too long
/// or carries control characters, is the field's error.
pub fn parse_theme_fields(
    form: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> (Option<Theme>, MeetupKind, String) {
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("").trim();
    let theme = match field("theme") {
        "" => None,
        t => Theme::parse(t).or_else(|| {
            errors.add("theme", k("meetup-theme-invalid"));
            None
        }),
    };
    let kind = match field("kind") {
        "" => MeetupKind::Meetup,
        s => MeetupKind::parse(s).unwrap_or_else(|| {
            errors.add("kind", k("meetup-kind-invalid"));
            MeetupKind::Meetup
        }),
    };
    let guest = field("guest").to_string();
    if guest.chars().count() > GUEST_MAX || guest.chars().any(char::is_control) {
        errors.add("guest", k("meetup-guest-invalid"));
    }
    (theme, kind, guest)
}

/// What changed about a meetup since a parent said yes (shown on their RSVP page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Changed {
    Time,
    Place,
    TimeAndPlace,
}

impl Changed {
    pub fn as_str(self) -> &'static str {
        match self {
            Changed::Time => "time",
            Changed::Place => "place",
            Changed::TimeAndPlace => "time-place",
        }
    }

    pub fn parse(s: &str) -> Option<Changed> {
        [Changed::Time, Changed::Place, Changed::TimeAndPlace]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    /// From what moved; `None` when neither did.
    pub fn of(time: bool, place: bool) -> Option<Changed> {
        match (time, place) {
            (true, true) => Some(Changed::TimeAndPlace),
            (true, false) => Some(Changed::Time),
            (false, true) => Some(Changed::Place),
            (false, false) => None,
        }
    }

    /// Adds a later change to an earlier one.
    pub fn and(self, other: Option<Changed>) -> Changed {
        let time = |c: Changed| c != Changed::Place;
        let place = |c: Changed| c != Changed::Time;
        Changed::of(
            time(self) || other.is_some_and(time),
            place(self) || other.is_some_and(place),
        )
        .unwrap_or(self)
    }
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
    /// The time or place changed since they said yes.
    #[serde(default)]
    pub changed: Option<Changed>,
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
    fn themes_and_changes() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
            assert_eq!(Theme::ALL[t.index()], t);
        }
        assert_eq!(Theme::parse("stress"), Some(Theme::Stress));
        assert_eq!(Theme::parse("Stress'--"), None);
        assert_eq!(MeetupKind::parse("workshop"), Some(MeetupKind::Workshop));
        let mut errors = FieldErrors::default();
        let got = parse_theme_fields(
            &form(&[
                ("theme", "parenting"),
                ("kind", "workshop"),
                ("guest", " a JGZ nurse "),
            ]),
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(
            got,
            (
                Some(Theme::Parenting),
                MeetupKind::Workshop,
                "a JGZ nurse".into()
            )
        );
        let mut errors = FieldErrors::default();
        parse_theme_fields(
            &form(&[
                ("theme", "nope"),
                ("kind", "party"),
                ("guest", &"x".repeat(81)),
            ]),
            &mut errors,
        );
        assert_eq!(errors.get("theme"), Some("meetup-theme-invalid"));
        assert_eq!(errors.get("kind"), Some("meetup-kind-invalid"));
        assert_eq!(errors.get("guest"), Some("meetup-guest-invalid"));
        assert_eq!(Changed::of(false, false), None);
        assert_eq!(
            Changed::Time.and(Changed::of(false, true)),
            Changed::TimeAndPlace
        );
        assert_eq!(Changed::Place.and(None), Changed::Place);
        assert_eq!(
            Changed::parse(Changed::TimeAndPlace.as_str()),
            Some(Changed::TimeAndPlace)
        );
    }

    #[test]
    fn capacity() {
        assert!(fits(10, 7, 3));
        assert!(!fits(10, 8, 3));
        assert!(!fits(0, 0, 1));
    }
}
