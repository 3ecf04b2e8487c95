//! Forms that work without JavaScript: what was posted, what was wrong with it, and the rule
//! that turns a posted form into a domain value once (`FromForm`).
use std::collections::HashMap;

/// Message keys per field name. The field "form" holds a problem of the whole form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(String, &'static str)>);

impl FieldErrors {
    /// One problem: the field and the message key.
    pub fn one(field: &str, key: &'static str) -> Self {
        let mut e = Self::default();
        e.add(field, key);
        e
    }
    pub fn add(&mut self, field: &str, key: &'static str) {
        self.0.push((field.to_string(), key));
    }
    /// `value` as it is; when there is none, the field gets the message `key`.
    pub fn require<T>(&mut self, field: &str, key: &'static str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.add(field, key);
        }
        value
    }
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, k)| *k)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.0.iter().map(|(f, k)| (f.as_str(), *k))
    }
}

/// The raw fields of a posted form.
pub type RawForm = HashMap<String, String>;

/// A form from `(name, value)` pairs: the defaults of a new record, or a post in a test.
pub fn raw_form(pairs: &[(&str, &str)]) -> RawForm {
    pairs
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

/// What was posted and what was wrong with it, for the page that shows the form again.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    pub values: RawForm,
    pub errors: FieldErrors,
}

impl FormState {
    /// The posted values (passwords left out: never sent back into a page) with the problems.
    pub fn again(values: RawForm, errors: FieldErrors) -> Self {
        let values = values
            .into_iter()
            .filter(|(k, _)| !k.contains("password"))
            .collect();
        Self { values, errors }
    }
    /// A page shown with one value (for example a code shown once) and no problems.
    pub fn showing(name: &str, value: String) -> Self {
        let mut values = RawForm::new();
        values.insert(name.to_string(), value);
        Self {
            values,
            errors: FieldErrors::default(),
        }
    }
    /// The message for a field's problem in the reader's language, if it has one.
    pub fn message(&self, i: &crate::i18n::I18n, field: &str) -> Option<String> {
        self.errors.get(field).map(|key| i.t(key))
    }
    pub fn value(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// The fields that hold a number, a code, a date or a time, whatever form they are in: their
/// digits are read as people type them (see `posted`). Free text (a name, a message, an address)
/// is never among them: what a parent wrote stays as written.
pub const NUMBER_FIELDS: &[&str] = &[
    // A parent's forms: join, RSVP, help, pick-up code.
    "postcode",
    "phone",
    "code",
    "child_count",
    "child_ages",
    "adults",
    "kids",
    // A facilitator's forms: a group, a series of meetups, attendance.
    "children",
    "age_min",
    "age_max",
    "weekday",
    "start",
    "date",
    "minutes",
    "weeks",
    "capacity",
    "cost",
    "lat",
    "lon",
];

/// One digit as ASCII: Arabic-Indic (٠–٩, U+0660), Extended Arabic-Indic or Persian (۰–۹,
/// U+06F0) and full-width (０–９, U+FF10) digits; anything else is not a digit here.
fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

/// A number, code, date or time as a person typed it, as the parsers read it: every digit
/// ASCII, the Arabic comma, semicolon and decimal sign as `,` `;` `.`, full-width signs and
/// letters (＋, －, ：, ＡＢ) as ASCII, and the direction marks a phone puts around a number
/// (LRM, RLM, ALM) left out. Nothing else changes.
pub fn typed_number(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{200E}' | '\u{200F}' | '\u{61C}' => None,
            '\u{60C}' => Some(','),
            '\u{61B}' => Some(';'),
            '\u{66B}' => Some('.'),
            '\u{3000}' => Some(' '),
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            c => Some(ascii_digit(c).unwrap_or(c)),
        })
        .collect()
}

/// A posted form as the parsers read it, made once where a form is read (`web::valid`): the
/// values of `NUMBER_FIELDS` as `typed_number`, every other value as it was sent.
pub fn posted(mut form: RawForm) -> RawForm {
    for name in NUMBER_FIELDS {
        if let Some(value) = form.get_mut(*name) {
            *value = typed_number(value);
        }
    }
    form
}

/// One field of a posted form, empty when it is missing.
pub fn field<'a>(form: &'a RawForm, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

/// A domain value parsed once from a posted form, or the problems per field.
pub trait FromForm: Sized {
    fn from_form(form: &RawForm) -> Result<Self, FieldErrors>;
}

/// The bidi overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069): in stored text
/// they can turn what others read around ("Trojan Source"); nobody needs to type them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Free text a person typed, as it is stored: without bidi controls, and trimmed.
pub fn clean_text(s: &str) -> String {
    let kept: String = s.chars().filter(|c| !is_bidi_control(*c)).collect();
    kept.trim().to_string()
}

/// A private link token as the server makes them: 32 random bytes, base64url without padding.
pub fn valid_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Something typed where an e-mail address belongs that is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnEmail;

/// An e-mail address, parsed once where it is typed: something@domain.tld, no spaces, no
/// control or bidi characters, at most 254 characters, trimmed. Whatever holds one may mail it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Option<EmailAddress> {
        let e = input.trim();
        let odd = |c: char| c.is_whitespace() || c.is_control() || is_bidi_control(c);
        if e.len() > 254 || e.chars().any(odd) {
            return None;
        }
        let (local, domain) = e.split_once('@')?;
        let ok = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        ok.then(|| EmailAddress(e.to_string()))
    }

    /// An optional field: empty is `Ok(None)`, anything else must be an address.
    pub fn parse_optional(input: &str) -> Result<Option<EmailAddress>, NotAnEmail> {
        match input.trim() {
            "" => Ok(None),
            e => EmailAddress::parse(e).map(Some).ok_or(NotAnEmail),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Any posted form for property tests: the given field names and other names, any values.
#[cfg(test)]
pub fn any_form(
    fields: &'static [&'static str],
) -> impl proptest::strategy::Strategy<Value = RawForm> {
    use proptest::prelude::*;
    let name = prop_oneof![
        3 => proptest::sample::select(fields).prop_map(String::from),
        1 => "\\PC{0,8}",
    ];
    let value = prop_oneof![
        "\\PC{0,60}",
        any::<String>(),
        "[0-9 ,.:+-]{0,12}",
        "\\PC{300,1200}",
    ];
    proptest::collection::hash_map(name, value, 0..=fields.len() + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_sent_back() {
        let mut v = RawForm::new();
        v.insert("email".into(), "a@b.nl".into());
        v.insert("new_password".into(), "secret secret secret".into());
        let s = FormState::again(v, FieldErrors::one("form", "x"));
        assert_eq!(s.value("email"), "a@b.nl");
        assert_eq!(s.value("new_password"), "");
        assert_eq!(s.errors.get("form"), Some("x"));
    }

    #[test]
    fn text_loses_bidi_controls_and_spaces() {
        assert_eq!(clean_text(" \u{202E}Anna\u{2066} "), "Anna");
        assert_eq!(clean_text("a\u{202A}b\u{202D}c\u{2069}"), "abc");
        assert_eq!(
            clean_text("Ayşe مريم\u{200F}"),
            "Ayşe مريم\u{200F}",
            "marks stay"
        );
    }

    proptest::proptest! {
        #[test]
        fn clean_text_never_panics_and_is_clean(s in proptest::prelude::any::<String>()) {
            let c = clean_text(&s);
            proptest::prop_assert!(!c.chars().any(is_bidi_control));
            proptest::prop_assert_eq!(c.trim(), c.as_str());
            proptest::prop_assert_eq!(clean_text(&c), c.clone());
        }
    }

    #[test]
    fn email_addresses() {
        let ok = EmailAddress::parse(" Sanne@Example.nl ").unwrap();
        assert_eq!(ok.as_str(), "Sanne@Example.nl");
        for bad in [
            "",
            "sanne",
            "@example.nl",
            "sanne@",
            "sanne@example",
            "sanne@.nl",
            "sanne@example.",
            "sanne@ex..nl",
            "sa nne@example.nl",
            "sanne@a@b.nl",
            "sanne\u{202E}@example.nl",
            "sanne\n@example.nl",
        ] {
            assert_eq!(EmailAddress::parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            EmailAddress::parse(&format!("{}@x.nl", "a".repeat(260))),
            None
        );
        assert_eq!(EmailAddress::parse_optional("  "), Ok(None));
        assert_eq!(
            EmailAddress::parse_optional("a@b.nl"),
            Ok(Some(ok_of("a@b.nl")))
        );
        assert_eq!(EmailAddress::parse_optional("nope"), Err(NotAnEmail));
    }

    fn ok_of(s: &str) -> EmailAddress {
        EmailAddress::parse(s).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn an_address_parses_to_itself(s in "\\PC{0,80}") {
            if let Some(e) = EmailAddress::parse(&s) {
                proptest::prop_assert_eq!(EmailAddress::parse(e.as_str()), Some(e.clone()));
                proptest::prop_assert!(!e.as_str().chars().any(char::is_whitespace));
            }
        }
    }

    /// The zero of each family of digits people type: ASCII, Arabic-Indic, Persian, full-width.
    const FAMILIES: [char; 4] = ['0', '\u{660}', '\u{6F0}', '\u{FF10}'];

    /// `ascii` written in the digits of the family that starts at `zero`.
    fn in_family(ascii: &str, zero: char) -> String {
        ascii
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(zero as u32 + d).unwrap(),
                None => c,
            })
            .collect()
    }

    #[test]
    fn every_family_of_digits_becomes_ascii_in_number_fields() {
        // One row per kind of field: what was typed (in ASCII) and what the parser reads.
        let rows = [
            ("postcode", "7607 AB", "7607 AB"),
            ("phone", "06 12345678", "06 12345678"),
            ("phone", "+31 6 1234 5678", "+31 6 1234 5678"),
            ("code", "1234 5678 9012 3456", "1234 5678 9012 3456"),
            ("child_count", "2", "2"),
            ("child_ages", "4, 7", "4, 7"),
            ("adults", "2", "2"),
            ("kids", "3", "3"),
            ("children", "12", "12"),
            ("capacity", "15", "15"),
            ("age_min", "0", "0"),
            ("age_max", "4", "4"),
            ("minutes", "90", "90"),
            ("weeks", "8", "8"),
            ("date", "2026-12-08", "2026-12-08"),
            ("start", "09:30", "09:30"),
            ("cost", "2.50", "2.50"),
            ("lat", "52.35", "52.35"),
        ];
        for (name, typed, read) in rows {
            for zero in FAMILIES {
                let value = in_family(typed, zero);
                let form = posted(raw_form(&[(name, &value)]));
                assert_eq!(form[name], read, "{name} typed as {value:?}");
            }
        }
    }

    #[test]
    fn signs_typed_with_arabic_or_wide_digits_are_read_too() {
        let form = posted(raw_form(&[
            ("child_ages", "\u{664}\u{60C} \u{667}"), // ٤، ٧
            ("cost", "\u{662}\u{66B}\u{665}\u{660}"), // ٢٫٥٠
            (
                "phone",
                "\u{200E}\u{FF0B}\u{FF13}\u{FF11}\u{3000}\u{FF16}\u{200F}",
            ), // ＋３１　６
            ("start", "\u{FF10}\u{FF19}\u{FF1A}\u{FF13}\u{FF10}"), // ０９：３０
            ("postcode", "\u{6F7}\u{6F6}\u{6F0}\u{6F7} \u{FF21}\u{FF22}"), // ۷۶۰۷ ＡＢ
        ]));
        assert_eq!(form["child_ages"], "4, 7");
        assert_eq!(form["cost"], "2.50");
        assert_eq!(form["phone"], "+31 6");
        assert_eq!(form["start"], "09:30");
        assert_eq!(form["postcode"], "7607 AB");
    }

    #[test]
    fn free_text_keeps_its_digits_as_written() {
        let typed = "\u{639}\u{645}\u{631}\u{647} \u{664} \u{633}\u{646}\u{648}\u{627}\u{62A}\u{60C} \u{667}"; // عمره ٤ سنوات، ٧
        let form = posted(raw_form(&[
            ("message", typed),
            ("first_name", "\u{664}"),
            ("address", "Straat \u{664}"),
            ("description", "\u{FF11}"),
            ("place", "\u{6F4}"),
        ]));
        assert_eq!(form["message"], typed);
        assert_eq!(form["first_name"], "\u{664}");
        assert_eq!(form["address"], "Straat \u{664}");
        assert_eq!(form["description"], "\u{FF11}");
        assert_eq!(form["place"], "\u{6F4}");
        // Letters, other scripts and other numerals in a number field stay what they are.
        assert_eq!(
            typed_number("vier \u{0966} \u{2163}"),
            "vier \u{0966} \u{2163}"
        );
    }

    proptest::proptest! {
        #[test]
        fn reading_digits_is_done_once(s in proptest::prelude::any::<String>()) {
            let once = typed_number(&s);
            proptest::prop_assert_eq!(typed_number(&once), once.clone());
            proptest::prop_assert!(!once.chars().any(|c| ascii_digit(c).is_some() && !c.is_ascii_digit()));
        }
    }

    #[test]
    fn tokens_have_one_shape() {
        assert!(valid_token(&"a".repeat(43)));
        assert!(!valid_token(&"a".repeat(42)));
        assert!(!valid_token(&format!("{}é", "a".repeat(41))));
        assert!(!valid_token(&format!("{}/", "a".repeat(42))));
    }
}
