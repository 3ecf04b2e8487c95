//! Languages: Fluent files in `locales/<lang>/`, the choice order
//! `?lang=xx` (sets a cookie) → cookie → Accept-Language → Dutch, and the right-to-left table.
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod negotiate;
#[cfg(feature = "ssr")]
pub use negotiate::{language_layer, LANG_COOKIE};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    Nl,
    En,
    Ar,
    Tr,
    Pl,
    Uk,
    Fa,
    So,
    Pap,
    Ti,
}

impl Lang {
    pub const ALL: [Lang; 10] = [
        Lang::Nl,
        Lang::En,
        Lang::Ar,
        Lang::Tr,
        Lang::Pl,
        Lang::Uk,
        Lang::Fa,
        Lang::So,
        Lang::Pap,
        Lang::Ti,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Pl => "pl",
            Lang::Uk => "uk",
            Lang::Fa => "fa",
            Lang::So => "so",
            Lang::Pap => "pap",
            Lang::Ti => "ti",
        }
    }

    /// The language's name in its own language and script (never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Tr => "Türkçe",
            Lang::Pl => "Polski",
            Lang::Uk => "Українська",
            Lang::Fa => "فارسی",
            Lang::So => "Soomaali",
            Lang::Pap => "Papiamentu",
            Lang::Ti => "ትግርኛ",
        }
    }

    /// Languages that write 2,5 rather than 2.5.
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Nl | Lang::Tr | Lang::Pl | Lang::Uk | Lang::Pap)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Parses a code such as `ar`, `AR` or `ar-MA` (only the primary subtag counts).
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// Translation for the current request. Pages render on the server (islands), so lookups
/// happen there; islands get their words as props.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn t(&self, key: &'static str) -> String {
        #[cfg(feature = "ssr")]
        {
            remembered(self.lang, key)
        }
        #[cfg(not(feature = "ssr"))]
        {
            lookup(self.lang, key, &[])
        }
    }

    /// A number with one decimal, with the decimal sign people expect.
    pub fn decimal(&self, value: f64) -> String {
        let s = format!("{value:.1}");
        if self.lang.decimal_comma() {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// An amount of money as the language writes it: "€ 2,50" (Dutch and others with a decimal
    /// comma), "€2.50" (English and others with a decimal point).
    pub fn money(&self, cents: u32) -> String {
        let (whole, rest) = (cents / 100, cents % 100);
        if self.lang.decimal_comma() {
            format!("€ {whole},{rest:02}")
        } else {
            format!("€{whole}.{rest:02}")
        }
    }

    /// Joins a list with the comma of the language.
    pub fn list(&self, items: impl IntoIterator<Item = String>) -> String {
        let sep = if self.lang.is_rtl() { "، " } else { ", " };
        items.into_iter().collect::<Vec<_>>().join(sep)
    }

    /// "dinsdag 1 december" / "Tuesday 1 December", local Dutch time.
    pub fn date(&self, unix: i64) -> String {
        let d = crate::time::to_local(unix);
        self.t_args(
            "date-long",
            &[
                ("weekday", self.t(weekday_key(d.weekday))),
                ("day", d.day.to_string()),
                ("month", self.t(month_key(d.month))),
            ],
        )
    }

    /// "10:00", local Dutch time.
    pub fn clock(&self, unix: i64) -> String {
        let d = crate::time::to_local(unix);
        format!("{:02}:{:02}", d.hour, d.minute)
    }

    pub fn t_args(&self, key: &'static str, args: &[(&'static str, String)]) -> String {
        lookup(self.lang, key, args)
    }
}

/// Marks a message key that is chosen in code (a match arm), so the key check finds it.
pub const fn k(key: &'static str) -> &'static str {
    key
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { lang: Lang::Nl })
}

pub fn weekday_key(n: u8) -> &'static str {
    match n {
        1 => k("day-1"),
        2 => k("day-2"),
        3 => k("day-3"),
        4 => k("day-4"),
        5 => k("day-5"),
        6 => k("day-6"),
        _ => k("day-7"),
    }
}

pub fn month_key(n: u8) -> &'static str {
    match n {
        1 => k("month-1"),
        2 => k("month-2"),
        3 => k("month-3"),
        4 => k("month-4"),
        5 => k("month-5"),
        6 => k("month-6"),
        7 => k("month-7"),
        8 => k("month-8"),
        9 => k("month-9"),
        10 => k("month-10"),
        11 => k("month-11"),
        _ => k("month-12"),
    }
}

/// The name of a language a group is held in, in the reader's language.
pub fn language_name_key(code: &str) -> &'static str {
    match code {
        "nl" => k("language-nl"),
        "en" => k("language-en"),
        "ar" => k("language-ar"),
        "tr" => k("language-tr"),
        "pl" => k("language-pl"),
        "uk" => k("language-uk"),
        "ti" => k("language-ti"),
        "pap" => k("language-pap"),
        "so" => k("language-so"),
        _ => k("language-fa"),
    }
}

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // Bidi isolation is done in the markup (<bdi>, dir="ltr"), not with invisible characters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[cfg(feature = "ssr")]
fn lookup(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    use fluent_templates::{fluent_bundle::FluentValue, Loader};
    use std::borrow::Cow;
    use std::collections::HashMap;
    use std::sync::LazyLock;
    static IDS: LazyLock<Vec<fluent_templates::LanguageIdentifier>> = LazyLock::new(|| {
        Lang::ALL
            .iter()
            .map(|l| l.code().parse().expect("language codes are valid"))
            .collect()
    });
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let id = &IDS[index];
    if args.is_empty() {
        LOCALES.lookup(id, key)
    } else {
        // Whole numbers go in as numbers, so Fluent can choose the plural form.
        fn value(v: &str) -> FluentValue<'_> {
            let counts = !v.is_empty() && v.len() < 10 && v.bytes().all(|b| b.is_ascii_digit());
            match v.parse::<i64>() {
                Ok(n) if counts && (v == "0" || !v.starts_with('0')) => FluentValue::from(n),
                _ => FluentValue::from(v),
            }
        }
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), value(v)))
            .collect();
        LOCALES.lookup_with_args(id, key, &map)
    }
}

/// A word without arguments, formatted by Fluent once per language and then kept: the locales
/// are fixed at build time, and a page asks for the same words on every render.
#[cfg(feature = "ssr")]
fn remembered(lang: Lang, key: &'static str) -> String {
    use std::collections::HashMap;
    use std::sync::{LazyLock, RwLock};
    type Words = RwLock<HashMap<&'static str, String>>;
    static KEPT: LazyLock<Vec<Words>> =
        LazyLock::new(|| Lang::ALL.iter().map(|_| Words::default()).collect());
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let words = &KEPT[index];
    if let Some(w) = words.read().unwrap_or_else(|e| e.into_inner()).get(key) {
        return w.clone();
    }
    let w = lookup(lang, key, &[]);
    words
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, w.clone());
    w
}

/// The client build renders only islands, which receive translated words as props.
#[cfg(not(feature = "ssr"))]
fn lookup(_lang: Lang, key: &str, _args: &[(&'static str, String)]) -> String {
    key.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_codes() {
        assert_eq!(Lang::parse("ar"), Some(Lang::Ar));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse(" nl "), Some(Lang::Nl));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn arabic_and_farsi_are_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fa.dir(), "rtl");
        assert_eq!(Lang::Tr.dir(), "ltr");
        assert_eq!(Lang::Nl.dir(), "ltr");
        assert_eq!(Lang::En.dir(), "ltr");
    }

    #[test]
    fn numbers_and_money_follow_the_language() {
        let nl = I18n { lang: Lang::Nl };
        let en = I18n { lang: Lang::En };
        let pl = I18n { lang: Lang::Pl };
        assert_eq!(nl.money(250), "€ 2,50");
        assert_eq!(en.money(250), "€2.50");
        assert_eq!(pl.money(1005), "€ 10,05");
        assert_eq!(nl.decimal(2.5), "2,5");
        assert_eq!(en.decimal(2.5), "2.5");
        assert_eq!(
            I18n { lang: Lang::Fa }.list(["a".into(), "b".into()]),
            "a، b"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn plural_forms_follow_the_number() {
        let nl = I18n { lang: Lang::Nl };
        let party = |a: &str, c: &str| {
            nl.t_args(
                "rsvp-party",
                &[("adults", a.to_string()), ("children", c.to_string())],
            )
        };
        assert_eq!(party("1", "1"), "1 volwassene, 1 kind");
        assert_eq!(party("2", "0"), "2 volwassenen, 0 kinderen");
        let ar = I18n { lang: Lang::Ar };
        assert_ne!(
            ar.t_args("meetup-places-left", &[("count", "1".into())]),
            ar.t_args("meetup-places-left", &[("count", "5".into())])
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn looks_up_words_per_language() {
        let nl = I18n { lang: Lang::Nl }.t("home-find-group");
        let ar = I18n { lang: Lang::Ar }.t("home-find-group");
        assert!(!nl.is_empty() && nl != "home-find-group");
        assert_ne!(nl, ar);
    }
}
