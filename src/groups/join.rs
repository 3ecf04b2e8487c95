//! A parent's request to join a group: the parsed input and its rules.
use crate::web::form::{clean_text, valid_token, FromForm, RawForm};

use serde::{Deserialize, Serialize};

use super::model::GROUP_LANGUAGES;
use crate::i18n::k;
use crate::ui::forms::FieldErrors;

/// Days within which the facilitator promises to make contact.
pub const CONTACT_DAYS: i64 = 7;
pub const NAME_MAX: usize = 40;

/// The hour (Amsterdam time) of the reminder the morning after a join request.
pub const REMINDER_HOUR: u8 = 8;

/// When the handler is reminded of a request still without contact: 08:00 Amsterdam time on
/// the day after it came in.
#[cfg(feature = "ssr")]
pub fn reminder_at(created_at: i64) -> i64 {
    let (y, m, d) = crate::time::civil_from_days(crate::time::day_number(created_at) + 1);
    crate::time::from_local(y, m, d, REMINDER_HOUR, 0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinStatus {
    Received,
    Contacted,
    Joined,
    NotJoined,
}

impl JoinStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JoinStatus::Received => "received",
            JoinStatus::Contacted => "contacted",
            JoinStatus::Joined => "joined",
            JoinStatus::NotJoined => "not_joined",
        }
    }
    pub fn parse(s: &str) -> Option<JoinStatus> {
        match s {
            "received" => Some(JoinStatus::Received),
            "contacted" => Some(JoinStatus::Contacted),
            "joined" => Some(JoinStatus::Joined),
            "not_joined" => Some(JoinStatus::NotJoined),
            _ => None,
        }
    }
}

/// How the parent wants to be reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Contact {
    Phone(String),
    Email(String),
    /// "I'll just come to a meeting": nothing to store.
    AtMeeting,
}

impl Contact {
    pub fn kind(&self) -> &'static str {
        match self {
            Contact::Phone(_) => "phone",
            Contact::Email(_) => "email",
            Contact::AtMeeting => "meeting",
        }
    }
    pub fn value(&self) -> &str {
        match self {
            Contact::Phone(v) | Contact::Email(v) => v,
            Contact::AtMeeting => "",
        }
    }
}

/// A Dutch number (06…, 0546…, +31…, 0031…) or an international one (+ and 8–15 digits).
pub fn parse_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    if trimmed.len() > 25 {
        return None;
    }
    if !trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || " -()+.".contains(c))
    {
        return None;
    }
    let plus = trimmed.starts_with('+');
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let dutch = if let Some(rest) = digits.strip_prefix("31").filter(|_| plus) {
        Some(format!("0{rest}"))
    } else if let Some(rest) = digits.strip_prefix("0031") {
        Some(format!("0{rest}"))
    } else if !plus {
        Some(digits.clone())
    } else {
        None
    };
    match dutch {
        Some(d) if d.len() == 10 && d.starts_with('0') && !d.starts_with("00") => Some(d),
        Some(_) => None,
        None if (8..=15).contains(&digits.len()) && !digits.starts_with('0') => {
            Some(format!("+{digits}"))
        }
        None => None,
    }
}

/// A plausible e-mail address (see `EmailAddress`), as text.
pub fn parse_email(input: &str) -> Option<String> {
    crate::web::form::EmailAddress::parse(input).map(crate::web::form::EmailAddress::into_string)
}

/// A first name or nickname as the parent wrote it, without control or bidi characters.
pub fn parse_name(input: &str) -> Result<String, &'static str> {
    let name = clean_text(&input.replace(char::is_control, ""));
    if name.is_empty() {
        Err(k("join-name-missing"))
    } else if name.chars().count() > NAME_MAX {
        Err(k("join-name-long"))
    } else {
        Ok(name)
    }
}

/// "4, 7" → [4, 7]: up to 10 ages from 0 to 18.
pub fn parse_ages(input: &str) -> Option<Vec<u8>> {
    let ages: Option<Vec<u8>> = input
        .split([',', ' ', ';', '/'])
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u8>().ok().filter(|a| *a <= 18))
        .collect();
    ages.filter(|a| a.len() <= 10)
}

/// "Who sent you?": a kind of source, never a name (not required).
pub const REFERRALS: [&str; 4] = ["self", "known", "professional", "other"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinInput {
    pub token: String,
    pub first_name: String,
    pub contact: Contact,
    pub language: String,
    pub children: Option<u8>,
    pub child_ages: Vec<u8>,
    /// One of `REFERRALS`, or "unknown" when not given.
    pub referral: String,
}

impl FromForm for JoinInput {
    /// Parses the posted form; every problem is named per field with a message key.
    fn from_form(form: &RawForm) -> Result<JoinInput, FieldErrors> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
        let mut errors = FieldErrors::default();
        let token = field("token").to_string();
        if !valid_token(&token) || !field("website").is_empty() {
            errors.add("form", k("form-expired"));
        }
        let first_name =
            parse_name(field("first_name")).map_err(|key| errors.add("first_name", key));
        let contact = match field("contact_kind") {
            "phone" => parse_phone(field("phone"))
                .map(Contact::Phone)
                .ok_or_else(|| errors.add("phone", k("join-phone-invalid"))),
            "email" => parse_email(field("email"))
                .map(Contact::Email)
                .ok_or_else(|| errors.add("email", k("join-email-invalid"))),
            "meeting" => Ok(Contact::AtMeeting),
            _ => {
                errors.add("contact_kind", k("join-contact-missing"));
                Err(())
            }
        };
        let language = Some(field("language"))
            .filter(|l| GROUP_LANGUAGES.contains(l))
            .unwrap_or("nl")
            .to_string();
        let children = match field("child_count").trim() {
            "" => Ok(None),
            n => n
                .parse::<u8>()
                .ok()
                .filter(|n| *n <= 10)
                .map(Some)
                .ok_or_else(|| errors.add("child_count", k("join-children-invalid"))),
        };
        let child_ages = parse_ages(field("child_ages"))
            .ok_or_else(|| errors.add("child_ages", k("join-ages-invalid")));
        if field("consent") != "yes" {
            errors.add("consent", k("join-consent-missing"));
        }
        let referral = match field("referral") {
            "" => "unknown".to_string(),
            r if REFERRALS.contains(&r) => r.to_string(),
            // A partner whose link brought the parent: someone from an organisation.
            r if crate::partners::model::referral_slug(r).is_some() => "professional".to_string(),
            _ => {
                errors.add("referral", k("join-referral-invalid"));
                String::new()
            }
        };
        match (first_name, contact, children, child_ages) {
            (Ok(first_name), Ok(contact), Ok(children), Ok(child_ages)) if errors.is_empty() => {
                Ok(JoinInput {
                    token,
                    first_name,
                    contact,
                    language,
                    children,
                    child_ages,
                    referral,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the private status page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinStatusView {
    pub group_id: String,
    pub group_name: String,
    pub first_name: String,
    pub status: JoinStatus,
    pub contact_deadline: i64,
    /// "I'll just come to a meeting": nobody promised to make contact.
    pub just_comes: bool,
    /// The contact deadline has passed without contact (the request is with the coordinator,
    /// or moves there within the hour).
    pub late: bool,
    /// The anonymous check-in this parent is offered (their own link; reminders by mail).
    #[serde(default)]
    pub checkin: Option<crate::checkin::model::Offer>,
}

/// A join request as the facilitator's inbox shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct InboxItem {
    pub id: String,
    pub group_name: String,
    pub first_name: String,
    pub contact_kind: String,
    pub contact: String,
    pub language: String,
    pub children: Option<i64>,
    pub child_ages: String,
    pub status: String,
    pub created_at: i64,
    pub contact_deadline: i64,
    pub handler: String,
    /// Moved to the coordinator after the deadline: who had it ("-" when that account is gone).
    pub escalated_from: Option<String>,
}

/// A group in the facilitator's list.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ManagedGroup {
    pub id: String,
    pub name: String,
    pub active: bool,
    pub owner: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::form::is_bidi_control;

    use crate::web::form::raw_form as form;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    #[test]
    fn phones() {
        for (written, kept) in [
            ("06 12345678", "0612345678"),
            ("+31 6 1234 5678", "0612345678"),
            ("0031-546-123456", "0546123456"),
            ("(0546) 12 34 56", "0546123456"),
            ("+32 470 12 34 56", "+32470123456"),
        ] {
            assert_eq!(parse_phone(written).as_deref(), Some(kept), "{written}");
        }
        for bad in [
            "",
            "12345",
            "06-1234",
            "0612345678901",
            "06 1234 567a",
            "+31 6 123",
            "<script>",
        ] {
            assert_eq!(parse_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            parse_email(" anna@example.nl ").as_deref(),
            Some("anna@example.nl")
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@x.nl",
            "anna@nl",
            "an na@x.nl",
            "a@b@c.nl",
            "a@.nl",
            "a@x..nl",
        ] {
            assert_eq!(parse_email(bad), None, "{bad}");
        }
        assert_eq!(parse_email(&format!("{}@x.nl", "a".repeat(260))), None);
    }

    #[test]
    fn names_and_ages() {
        assert_eq!(parse_name("  Fatima "), Ok("Fatima".to_string()));
        assert_eq!(parse_name("   "), Err("join-name-missing"));
        assert_eq!(parse_name(&"x".repeat(41)), Err("join-name-long"));
        assert_eq!(
            parse_name("<b>Ay\u{0}şe</b>"),
            Ok("<b>Ayşe</b>".to_string())
        );
        assert_eq!(parse_ages("4, 7"), Some(vec![4, 7]));
        assert_eq!(parse_ages(""), Some(vec![]));
        assert_eq!(parse_ages("4, 19"), None);
        assert_eq!(parse_ages("vier"), None);
    }

    #[test]
    fn a_good_form() {
        let input = JoinInput::from_form(&form(&[
            ("token", TOKEN),
            ("first_name", "Sanne"),
            ("contact_kind", "phone"),
            ("phone", "06 12345678"),
            ("language", "ar"),
            ("child_count", "2"),
            ("child_ages", "5 8"),
            ("consent", "yes"),
        ]))
        .unwrap();
        assert_eq!(input.contact, Contact::Phone("0612345678".into()));
        assert_eq!(input.language, "ar");
        assert_eq!(input.children, Some(2));
        assert_eq!(input.child_ages, vec![5, 8]);
        let meeting = JoinInput::from_form(&form(&[
            ("token", TOKEN),
            ("first_name", "S"),
            ("contact_kind", "meeting"),
            ("phone", "not looked at"),
            ("consent", "yes"),
        ]))
        .unwrap();
        assert_eq!(meeting.contact, Contact::AtMeeting);
        assert_eq!(meeting.language, "nl");
    }

    #[test]
    fn every_problem_is_named() {
        let errors = JoinInput::from_form(&form(&[
            ("token", "short"),
            ("child_count", "99"),
            ("website", "x"),
        ]))
        .unwrap_err();
        for field in [
            "form",
            "first_name",
            "contact_kind",
            "child_count",
            "consent",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let errors = JoinInput::from_form(&form(&[
            ("token", TOKEN),
            ("first_name", "A"),
            ("contact_kind", "email"),
            ("email", "nope"),
            ("consent", "yes"),
        ]))
        .unwrap_err();
        assert_eq!(errors.get("email"), Some("join-email-invalid"));
        assert!(errors.get("phone").is_none());
    }

    #[test]
    fn bidi_controls_are_not_kept() {
        assert_eq!(parse_name("\u{202E}Anna\u{2069} "), Ok("Anna".to_string()));
        assert_eq!(parse_name("\u{202E}\u{0}"), Err("join-name-missing"));
        assert_eq!(parse_email("anna\u{202E}@x.nl"), None);
    }

    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["\\PC*", any::<String>(), "[0-9 +()./-]{0,30}"]
    }

    proptest! {
        #[test]
        fn phones_never_panic_and_stay(s in text()) {
            if let Some(p) = parse_phone(&s) {
                prop_assert_eq!(parse_phone(&p), Some(p));
            }
        }

        #[test]
        fn emails_never_panic_and_stay(s in text(), d in "[a-z]{1,8}\\.[a-z]{2,3}") {
            for s in [s.clone(), format!("{s}@{d}")] {
                if let Some(e) = parse_email(&s) {
                    prop_assert_eq!(parse_email(&e), Some(e));
                }
            }
        }

        #[test]
        fn names_never_panic_and_are_clean(s in text()) {
            if let Ok(n) = parse_name(&s) {
                prop_assert!(!n.chars().any(|c| c.is_control() || is_bidi_control(c)));
                prop_assert_eq!(parse_name(&n), Ok(n));
            }
        }

        #[test]
        fn ages_never_panic_and_stay(s in text()) {
            if let Some(a) = parse_ages(&s) {
                let written: Vec<String> = a.iter().map(u8::to_string).collect();
                prop_assert_eq!(parse_ages(&written.join(", ")), Some(a));
            }
        }

        #[test]
        fn any_join_form(f in crate::web::form::any_form(&[
            "token", "website", "first_name", "contact_kind", "phone", "email", "language",
            "child_count", "child_ages", "consent",
        ])) {
            if let Ok(j) = JoinInput::from_form(&f) {
                prop_assert!(!j.first_name.chars().any(is_bidi_control));
            }
        }
    }

    #[test]
    fn tokens() {
        assert!(valid_token(TOKEN));
        assert!(!valid_token("abc"));
        assert!(!valid_token(&TOKEN.replace('a', "/")));
    }
}

#[cfg(all(test, feature = "ssr"))]
mod reminder_tests {
    use super::*;

    #[test]
    fn the_reminder_is_the_next_morning_at_eight() {
        // Monday 23 November 2026, 12:00 → Tuesday 08:00 (winter time, UTC+1).
        let monday_noon = 1_795_431_600;
        assert_eq!(
            reminder_at(monday_noon),
            crate::time::from_local(2026, 11, 24, 8, 0)
        );
        assert_eq!(crate::time::to_local(reminder_at(monday_noon)).hour, 8);
        // Just before midnight: still the next morning, not eight hours later.
        let late = crate::time::from_local(2026, 11, 23, 23, 59);
        assert_eq!(
            reminder_at(late),
            crate::time::from_local(2026, 11, 24, 8, 0)
        );
        // Summer time: 08:00 local too.
        let summer = crate::time::from_local(2026, 7, 1, 9, 0);
        assert_eq!(crate::time::to_local(reminder_at(summer)).hour, 8);
        assert_eq!(crate::time::to_local(reminder_at(summer)).day, 2);
    }
}
