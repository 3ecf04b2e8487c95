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

    #[test]
    fn tokens_have_one_shape() {
        assert!(valid_token(&"a".repeat(43)));
        assert!(!valid_token(&"a".repeat(42)));
        assert!(!valid_token(&format!("{}é", "a".repeat(41))));
        assert!(!valid_token(&format!("{}/", "a".repeat(42))));
    }
}
