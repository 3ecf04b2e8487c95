//! The guides as pages see them (already in the reader's language), the local-help entries and
//! the rules: how a step is read aloud, and what a coordinator may type in.
use serde::{Deserialize, Serialize};

/// How a step leads to the next one (the GOV.UK step-by-step "and"/"or").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Joiner {
    And,
    Or,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// A proper name (BelastingTelefoon, Het Juridisch Loket): never translated.
    pub name: String,
    pub phone: Option<String>,
    pub url: Option<String>,
}

/// `tel:` form of a phone number as written: digits only.
pub fn tel_href(phone: &str) -> String {
    format!(
        "tel:{}",
        phone
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    )
}

/// A website without scheme and `www.`, as people read it.
pub fn site_label(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_string()
}

/// A link inside Doorstart, with its words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InnerLink {
    pub path: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub icon: String,
    pub title: String,
    pub text: String,
    pub who: Option<String>,
    pub need: Option<String>,
    pub cost: Option<String>,
    pub contacts: Vec<Contact>,
    pub links: Vec<InnerLink>,
    pub next: Option<Joiner>,
}

/// One guide in one language. `fell_back` says it is shown in Dutch because the reader's
/// language lacks (part of) it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guide {
    pub slug: String,
    pub icon: String,
    pub lang: String,
    pub title: String,
    pub intro: String,
    pub steps: Vec<Step>,
    pub fell_back: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideTile {
    pub slug: String,
    pub icon: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeTiles {
    pub theme: String,
    pub guides: Vec<GuideTile>,
}

/// An office or walk-in place for one step in one municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalEntry {
    pub id: String,
    pub municipality: String,
    pub guide: String,
    pub step: String,
    pub name: String,
    pub hours: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub example: bool,
    pub checked_at: i64,
}

/// Entries not checked for this long are listed for the coordinator.
pub const RECHECK_DAYS: i64 = 90;

impl LocalEntry {
    pub fn needs_check(&self, now: i64) -> bool {
        now - self.checked_at > RECHECK_DAYS * 86_400
    }
}

/// What a coordinator typed for a local entry, checked. Field errors name keys in `locales/`.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalInput {
    pub municipality: String,
    pub guide: String,
    pub step: String,
    pub name: String,
    pub hours: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub example: bool,
}

impl LocalInput {
    /// `known_step(guide, step)` and `known_municipality(code)` come from the guide library and
    /// the CBS list; the rest is length and shape.
    pub fn parse(
        form: &std::collections::HashMap<String, String>,
        known_step: impl Fn(&str, &str) -> bool,
        known_municipality: impl Fn(&str) -> bool,
    ) -> Result<LocalInput, crate::ui::forms::FieldErrors> {
        use crate::i18n::k;
        // Typed text: one line, without control or bidi characters.
        let get = |n: &str| {
            form.get(n)
                .map(|v| crate::web::form::clean_text(&v.replace(char::is_control, "")))
                .unwrap_or_default()
        };
        let mut errors = crate::ui::forms::FieldErrors::default();
        let municipality = get("municipality");
        if !known_municipality(&municipality) {
            errors.add("municipality", k("local-error-municipality"));
        }
        let (guide, step) = get("step")
            .split_once('/')
            .map(|(g, s)| (g.to_string(), s.to_string()))
            .unwrap_or_default();
        if !known_step(&guide, &step) {
            errors.add("step", k("local-error-step"));
        }
        let name = get("name");
        if name.is_empty() || name.chars().count() > 120 {
            errors.add("name", k("local-error-name"));
        }
        let hours = get("hours");
        if hours.chars().count() > 300 {
            errors.add("hours", k("local-error-long"));
        }
        let phone = get("phone");
        if !phone.is_empty() && !office_phone(&phone) {
            errors.add("phone", k("local-error-phone"));
        }
        let address = get("address");
        if address.chars().count() > 200 {
            errors.add("address", k("local-error-long"));
        }
        let website = get("website");
        if !website.is_empty()
            && (!website.starts_with("https://") || website.len() > 300 || website.contains(' '))
        {
            errors.add("website", k("local-error-website"));
        }
        if phone.is_empty() && address.is_empty() && website.is_empty() {
            errors.add("phone", k("local-error-reach"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LocalInput {
            municipality,
            guide,
            step,
            name,
            hours,
            phone,
            address,
            website,
            example: get("example") == "yes",
        })
    }
}

/// An office number as written ("0546 541 111", "0800-2000", "14 0546"): 3 to 15 digits.
pub fn office_phone(input: &str) -> bool {
    let digits = input.chars().filter(char::is_ascii_digit).count();
    input.chars().count() <= 25
        && (3..=15).contains(&digits)
        && input
            .chars()
            .all(|c| c.is_ascii_digit() || " -()+".contains(c))
}

/// The text handed to the browser's speech synthesis: phone numbers and postcodes digit by
/// digit ("0 8 0 0, 0 5 4 3"), amounts as amounts ("0,25 euro"), the rest as written.
pub fn for_speech(text: &str, euro: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // An amount: "€ 0,25", "€25", "€ 1.250".
        if c == '€' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let start = j;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || ((chars[j] == ',' || chars[j] == '.')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            if j > start {
                let amount: String = chars[start..j].iter().collect();
                out.push_str(&amount);
                out.push(' ');
                out.push_str(euro);
                i = j;
                continue;
            }
            out.push(c);
            i += 1;
            continue;
        }
        let starts_number = c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if starts_number {
            // Digit groups joined by one '-' or ' ' (a phone number is written so).
            let mut groups: Vec<String> = vec![String::new()];
            let mut joined_by_dash = false;
            let mut j = i;
            while j < chars.len() {
                let d = chars[j];
                if d.is_ascii_digit() {
                    groups.last_mut().expect("one group").push(d);
                    j += 1;
                } else if (d == '-' || d == ' ')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                    && groups.last().is_some_and(|g| !g.is_empty())
                    && (d == '-'
                        || groups[0].starts_with('0')
                        || groups.iter().map(String::len).sum::<usize>() >= 3)
                {
                    joined_by_dash |= d == '-';
                    groups.push(String::new());
                    j += 1;
                } else {
                    break;
                }
            }
            let digits: usize = groups.iter().map(String::len).sum();
            let first = &groups[0];
            let service_number = groups.len() == 1 && first.len() == 3 && first.starts_with("11");
            let phone = digits >= 7 || (joined_by_dash && first.starts_with('0')) || service_number;
            // A postcode: four digits, a space or not, two capital letters.
            let after = j;
            let postcode_letters = groups.len() == 1 && first.len() == 4 && {
                let mut k = after;
                if chars.get(k) == Some(&' ') {
                    k += 1;
                }
                let two = chars.get(k).is_some_and(char::is_ascii_uppercase)
                    && chars.get(k + 1).is_some_and(char::is_ascii_uppercase)
                    && !chars.get(k + 2).is_some_and(|c| c.is_alphanumeric());
                two.then_some(k)
            }
            .is_some();
            if postcode_letters {
                let mut k = after;
                if chars[k] == ' ' {
                    k += 1;
                }
                let spoken: Vec<String> = first
                    .chars()
                    .chain([chars[k], chars[k + 1]])
                    .map(String::from)
                    .collect();
                out.push_str(&spoken.join(" "));
                i = k + 2;
                continue;
            }
            if phone {
                let spoken: Vec<String> = groups
                    .iter()
                    .map(|g| g.chars().map(String::from).collect::<Vec<_>>().join(" "))
                    .collect();
                out.push_str(&spoken.join(", "));
                i = j;
                continue;
            }
            // A plain number: as written, up to where the groups began to be joined.
            let plain: String = chars[i..j].iter().collect();
            out.push_str(&plain);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// National facts (guide steps with their official source) are checked again after this many
/// days.
pub const NATIONAL_RECHECK_DAYS: i64 = 180;

/// One guide step's national fact as the coordinator's re-check list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NationalFact {
    pub step_label: String,
    pub source: String,
    /// `YYYY-MM-DD`, as in `data/guides.toml`.
    pub checked: String,
    /// Days since it was checked.
    pub age_days: i64,
}

impl NationalFact {
    pub fn due(&self) -> bool {
        self.age_days > NATIONAL_RECHECK_DAYS
    }
}

/// Days since `YYYY-MM-DD` on the day `today` (days since 1970-01-01); `None` for a bad date.
pub fn days_since(date: &str, today: i64) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(today - crate::time::days_from_civil(y as i32, m as u8, d as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_facts_age_in_days() {
        let today = crate::time::days_from_civil(2026, 12, 2);
        assert_eq!(days_since("2026-12-02", today), Some(0));
        assert_eq!(days_since("2026-06-01", today), Some(184));
        assert_eq!(days_since("2026-13-01", today), None);
        assert_eq!(days_since("2026-12", today), None);
        let fact = |age_days| NationalFact {
            step_label: String::new(),
            source: String::new(),
            checked: String::new(),
            age_days,
        };
        assert!(!fact(180).due() && fact(181).due());
    }

    proptest::proptest! {
        #[test]
        fn any_local_help_form(f in crate::web::form::any_form(&[
            "municipality", "step", "name", "hours", "phone", "address", "website", "example",
        ])) {
            if let Ok(l) = LocalInput::parse(&f, |_, _| true, |_| true) {
                let typed = [&l.name, &l.hours, &l.address, &l.website];
                let odd = |c: char| c.is_control() || crate::web::form::is_bidi_control(c);
                proptest::prop_assert!(typed.iter().all(|t| !t.chars().any(odd)));
            }
        }

        #[test]
        fn speech_never_panics(s in "\\PC*|[0-9€ ,.A-Z-]{0,30}") {
            let _ = for_speech(&s, "euro");
        }
    }

    #[test]
    fn contacts_as_links_and_labels() {
        assert_eq!(tel_href("0800-0543"), "tel:08000543");
        assert_eq!(tel_href("0546 54 11 11"), "tel:0546541111");
        assert_eq!(site_label("https://www.svb.nl/"), "svb.nl");
        assert_eq!(
            site_label("https://lbio.nl/kinderalimentatie"),
            "lbio.nl/kinderalimentatie"
        );
    }

    /// Each (written, as read aloud), in a text whose currency word is "euro".
    fn spoken(cases: &[(&str, &str)]) {
        for (written, read) in cases {
            assert_eq!(for_speech(written, "euro"), *read, "{written}");
        }
    }

    #[test]
    fn phone_numbers_are_read_digit_by_digit() {
        spoken(&[
            ("Bel 0800-0543.", "Bel 0 8 0 0, 0 5 4 3."),
            (
                "Bel 088-0767000 of 113.",
                "Bel 0 8 8, 0 7 6 7 0 0 0 of 1 1 3.",
            ),
            ("Bel 112", "Bel 1 1 2"),
            ("06 12345678", "0 6, 1 2 3 4 5 6 7 8"),
        ]);
    }

    #[test]
    fn amounts_are_read_as_amounts() {
        spoken(&[
            (
                "Bellen kost € 0,25 per minuut.",
                "Bellen kost 0,25 euro per minuut.",
            ),
            ("Alleen €", "Alleen €"),
        ]);
        assert_eq!(for_speech("€25", "يورو"), "25 يورو");
    }

    #[test]
    fn postcodes_are_read_digit_by_digit() {
        spoken(&[
            (
                "Wierdensestraat 1, 7607 AB Almelo",
                "Wierdensestraat 1, 7 6 0 7 A B Almelo",
            ),
            ("7607AB", "7 6 0 7 A B"),
        ]);
    }

    #[test]
    fn ordinary_numbers_stay_as_written() {
        spoken(&[
            (
                "Tot 18 jaar, 4 weken, 2,5 jaar, 2026.",
                "Tot 18 jaar, 4 weken, 2,5 jaar, 2026.",
            ),
            ("A4 en B12", "A4 en B12"),
            ("1 2 3", "1 2 3"),
        ]);
    }

    use crate::web::form::raw_form as form;

    #[test]
    fn local_entries_need_a_place_a_step_a_name_and_a_way_to_reach() {
        let known_step = |g: &str, s: &str| g == "debts" && s == "s2";
        let known_gm = |c: &str| c == "GM0141";
        let ok = LocalInput::parse(
            &form(&[
                ("municipality", "GM0141"),
                ("step", "debts/s2"),
                ("name", " Schuldhulp Almelo "),
                ("phone", "0546 541 111"),
                ("example", "yes"),
            ]),
            known_step,
            known_gm,
        )
        .unwrap();
        assert_eq!(ok.name, "Schuldhulp Almelo");
        assert!(ok.example);
        let errors = LocalInput::parse(
            &form(&[
                ("municipality", "GM9999"),
                ("step", "debts/s9"),
                ("name", ""),
                ("website", "http://example.org"),
            ]),
            known_step,
            known_gm,
        )
        .unwrap_err();
        for field in ["municipality", "step", "name", "website"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let unreachable = LocalInput::parse(
            &form(&[
                ("municipality", "GM0141"),
                ("step", "debts/s2"),
                ("name", "X"),
            ]),
            known_step,
            known_gm,
        )
        .unwrap_err();
        assert_eq!(unreachable.get("phone"), Some("local-error-reach"));
    }

    #[test]
    fn an_entry_needs_checking_after_ninety_days() {
        let entry = LocalEntry {
            id: "x".into(),
            municipality: "GM0141".into(),
            guide: "debts".into(),
            step: "s2".into(),
            name: "n".into(),
            hours: String::new(),
            phone: String::new(),
            address: String::new(),
            website: String::new(),
            example: false,
            checked_at: 0,
        };
        assert!(!entry.needs_check(90 * 86_400));
        assert!(entry.needs_check(90 * 86_400 + 1));
    }
}
