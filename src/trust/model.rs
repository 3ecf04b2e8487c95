//! The organisation behind the pilot, the retention periods as a parent reads them, and the
//! protocol the coordinator writes.
use serde::{Deserialize, Serialize};

use crate::i18n::k;
use crate::web::form::{clean_text, FieldErrors, FromForm, RawForm};

/// Who is responsible for the data (the "verwerkingsverantwoordelijke"): from
/// `DOORSTART_ORG_NAME` and `DOORSTART_ORG_CONTACT`. Unset, the pages say so plainly rather
/// than name an organisation that does not exist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: Option<String>,
    pub contact: Option<String>,
    /// A demo without a name of its own: the pages say plainly that no real organisation
    /// stands behind it (outside demo mode the server does not start without a name).
    #[serde(default)]
    pub demo: bool,
}

/// The longest organisation name or contact line we show.
pub const ORG_FIELD_MAX: usize = 200;

impl Organisation {
    /// From two values as they come from the environment: trimmed, control and bidi
    /// characters removed, empty means unset, too long is cut.
    pub fn new(name: Option<&str>, contact: Option<&str>) -> Self {
        let clean = |v: Option<&str>| {
            v.map(|v| clean_text(&v.replace(|c: char| c.is_control(), " ")))
                .filter(|v| !v.is_empty())
                .map(|v| v.chars().take(ORG_FIELD_MAX).collect())
        };
        Organisation {
            name: clean(name),
            contact: clean(contact),
            demo: false,
        }
    }

    #[cfg(feature = "ssr")]
    pub fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).ok();
        let mut org = Self::new(
            var("DOORSTART_ORG_NAME").as_deref(),
            var("DOORSTART_ORG_CONTACT").as_deref(),
        );
        org.demo =
            org.name.is_none() && var("DOORSTART_DEMO").is_some_and(|v| v == "1" || v == "true");
        org
    }
}

/// How long each kind of record is kept, as the privacy page shows it. The assembly fills it
/// from the constants and settings the retention task itself uses (`retention::periods`), so
/// the page and the deletion cannot say different things.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periods {
    /// A finished join request, days after it was finished.
    pub join_closed_days: i64,
    /// Any join request, days after it was made.
    pub join_max_days: i64,
    /// An RSVP (first name), days after the meetup.
    pub rsvp_days_after: i64,
    /// A help request and its messages, days after the last message.
    pub help_days: i64,
    /// Anonymous counts, months.
    pub stats_months: u32,
    /// Backups, days: deleted data leaves them within this period.
    pub backup_days: i64,
    /// Check-in answers, months.
    #[serde(default)]
    pub checkin_months: u32,
    /// A check-in reminder (address and sealed key), days at most.
    #[serde(default)]
    pub checkin_reminder_days: i64,
    /// "Tell me when a group starts near me": an address, days at most.
    #[serde(default)]
    pub notify_days: i64,
    /// The same address, hours while it is not confirmed.
    #[serde(default)]
    pub notify_unconfirmed_hours: i64,
}

/// The organisation's own protocol: when a facilitator would contact Veilig Thuis or 112.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    pub body: String,
    pub contact: String,
    pub changed_at: i64,
}

pub const PROTOCOL_MAX: usize = 4000;
pub const PROTOCOL_CONTACT_MAX: usize = 200;

/// The protocol as the coordinator posts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolInput {
    pub body: String,
    pub contact: String,
}

impl FromForm for ProtocolInput {
    fn from_form(form: &RawForm) -> Result<ProtocolInput, FieldErrors> {
        let field = |n: &str| form.get(n).map(String::as_str).unwrap_or("");
        let mut errors = FieldErrors::default();
        let body = clean_text(&field("body").replace(|c: char| c.is_control() && c != '\n', ""));
        let contact = clean_text(&field("contact").replace(|c: char| c.is_control(), " "));
        if body.is_empty() {
            errors.add("body", k("protocol-body-missing"));
        } else if body.chars().count() > PROTOCOL_MAX {
            errors.add("body", k("protocol-body-long"));
        }
        if contact.is_empty() {
            errors.add("contact", k("protocol-contact-missing"));
        } else if contact.chars().count() > PROTOCOL_CONTACT_MAX {
            errors.add("contact", k("protocol-contact-long"));
        }
        if errors.is_empty() {
            Ok(ProtocolInput { body, contact })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::web::form::raw_form as form;

    #[test]
    fn an_organisation_from_settings() {
        let o = Organisation::new(Some("  Stichting X\u{202E} "), Some(""));
        assert_eq!(o.name.as_deref(), Some("Stichting X"));
        assert_eq!(o.contact, None);
        assert_eq!(Organisation::new(None, None), Organisation::default());
        let long = "a".repeat(500);
        assert_eq!(
            Organisation::new(Some(&long), None)
                .name
                .unwrap()
                .chars()
                .count(),
            ORG_FIELD_MAX
        );
    }

    #[test]
    fn a_protocol() {
        let ok = ProtocolInput::from_form(&form(&[
            (
                "body",
                " Bij direct gevaar bellen we 112.\n\nAnders overleggen we eerst.\u{0} ",
            ),
            ("contact", "Coördinator, 053 000 0000"),
        ]))
        .unwrap();
        assert!(ok.body.starts_with("Bij direct gevaar"));
        assert!(ok.body.contains('\n') && !ok.body.contains('\0'));
        let bad = ProtocolInput::from_form(&form(&[
            ("body", &"x".repeat(PROTOCOL_MAX + 1)),
            ("contact", ""),
        ]))
        .unwrap_err();
        assert_eq!(bad.get("body"), Some("protocol-body-long"));
        assert_eq!(bad.get("contact"), Some("protocol-contact-missing"));
        let empty = ProtocolInput::from_form(&form(&[])).unwrap_err();
        assert_eq!(empty.get("body"), Some("protocol-body-missing"));
    }

    proptest::proptest! {
        #[test]
        fn any_protocol(f in crate::web::form::any_form(&["body", "contact"])) {
            if let Ok(p) = ProtocolInput::from_form(&f) {
                proptest::prop_assert!(p.body.chars().count() <= PROTOCOL_MAX);
                proptest::prop_assert!(!p.contact.is_empty());
            }
        }
    }
}
