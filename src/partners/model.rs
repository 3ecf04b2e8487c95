//! Partners and the warm handover: the types and their rules (a partner's kind, its short address
//! name, the form a coordinator fills in, the partner link's cookie, the handover form, the
//! languages of a poster).
use serde::{Deserialize, Serialize};

use crate::groups::join::{parse_email, parse_name, parse_phone, Contact};
use crate::groups::model::{Postcode, GROUP_LANGUAGES};
use crate::i18n::{k, Lang};
use crate::web::form::{
    clean_text, field, typed_number, valid_token, FieldErrors, FromForm, RawForm,
};

/// What kind of organisation a partner is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerKind {
    YoungMothers,
    Jgz,
    NeighbourhoodTeam,
    School,
    Library,
    Steunouder,
    Other,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 7] = [
        PartnerKind::YoungMothers,
        PartnerKind::Jgz,
        PartnerKind::NeighbourhoodTeam,
        PartnerKind::School,
        PartnerKind::Library,
        PartnerKind::Steunouder,
        PartnerKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::YoungMothers => "young-mothers",
            PartnerKind::Jgz => "jgz",
            PartnerKind::NeighbourhoodTeam => "neighbourhood-team",
            PartnerKind::School => "school",
            PartnerKind::Library => "library",
            PartnerKind::Steunouder => "steunouder",
            PartnerKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<PartnerKind> {
        PartnerKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
    }

    /// Its name on the facilitator side.
    pub fn key(self) -> &'static str {
        match self {
            PartnerKind::YoungMothers => k("partner-kind-young-mothers"),
            PartnerKind::Jgz => k("partner-kind-jgz"),
            PartnerKind::NeighbourhoodTeam => k("partner-kind-neighbourhood-team"),
            PartnerKind::School => k("partner-kind-school"),
            PartnerKind::Library => k("partner-kind-library"),
            PartnerKind::Steunouder => k("partner-kind-steunouder"),
            PartnerKind::Other => k("partner-kind-other"),
        }
    }
}

pub const SLUG_MIN: usize = 2;
pub const SLUG_MAX: usize = 40;
pub const NAME_MAX: usize = 80;
pub const CONTACT_MAX: usize = 200;

/// A partner's short address name, as in `/r/jonge-moederwerk`: 2 to 40 of `a-z`, `0-9` and
/// single hyphens inside, so it reads well on a poster and needs no encoding in a link.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Option<Slug> {
        let s = input.trim().to_ascii_lowercase();
        let fits = (SLUG_MIN..=SLUG_MAX).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        fits.then_some(Slug(s))
    }

    /// A slug made from a name ("Jonge Moederwerk Almelo" → `jonge-moederwerk-almelo`): letters
    /// with accents lose them, everything else becomes a hyphen. None when nothing is left.
    pub fn from_name(name: &str) -> Option<Slug> {
        let mut s = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            let plain = match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                'ş' => 's',
                'ğ' => 'g',
                'ı' => 'i',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if plain != '-' || !s.ends_with('-') {
                s.push(plain);
            }
        }
        let trimmed: String = s.trim_matches('-').chars().take(SLUG_MAX).collect();
        Slug::parse(trimmed.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A partner as the pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub kind: PartnerKind,
    pub contact: String,
    pub active: bool,
}

/// The link of a partner, as a path.
pub fn link_path(slug: &str) -> String {
    format!("/r/{slug}")
}

/// What the coordinator types for a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerInput {
    pub name: String,
    pub kind: PartnerKind,
    pub contact: String,
    pub slug: Slug,
}

impl FromForm for PartnerInput {
    fn from_form(form: &RawForm) -> Result<PartnerInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = clean_text(&field(form, "name").replace(char::is_control, " "));
        if name.is_empty() {
            errors.add("name", k("partner-name-missing"));
        } else if name.chars().count() > NAME_MAX {
            errors.add("name", k("partner-name-long"));
        }
        let kind = errors.require(
            "kind",
            k("partner-kind-invalid"),
            PartnerKind::parse(field(form, "kind")),
        );
        let contact = clean_text(&field(form, "contact").replace(char::is_control, " "));
        if contact.chars().count() > CONTACT_MAX {
            errors.add("contact", k("partner-contact-long"));
        }
        // No address name typed: one is made from the name.
        let typed = field(form, "slug").trim();
        let slug = if typed.is_empty() {
            Slug::from_name(&name)
        } else {
            Slug::parse(typed)
        };
        let slug = if name.is_empty() && typed.is_empty() {
            None
        } else {
            errors.require("slug", k("partner-slug-invalid"), slug)
        };
        match (kind, slug) {
            (Some(kind), Some(slug)) if errors.is_empty() => Ok(PartnerInput {
                name,
                kind,
                contact,
                slug,
            }),
            _ => Err(errors),
        }
    }
}

// ---- The partner link's memory: a cookie of its own.

/// The cookie that remembers, for a few days, which partner's link brought this visitor. The
/// page cache keeps pages only for visitors with no cookie but the language one, so a page with
/// a partner chosen is never shown to anyone else.
pub const REF_COOKIE: &str = "ref";
/// How long the partner is remembered.
pub const REF_DAYS: i64 = 3;

/// The `Set-Cookie` value for a partner's link (`Secure` when the visitor came over HTTPS).
pub fn ref_cookie(slug: &Slug, secure: bool) -> String {
    format!(
        "{REF_COOKIE}={slug}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly{}",
        REF_DAYS * 86_400,
        if secure { "; Secure" } else { "" }
    )
}

/// The partner's slug in a `Cookie` header, if the visitor has one that can be a slug.
pub fn ref_in_cookies(cookie_header: &str) -> Option<Slug> {
    cookie_header
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == REF_COOKIE)
        .and_then(|(_, value)| Slug::parse(value))
}

/// The join form's "who sent you" value for a partner.
pub fn referral_value(slug: &str) -> String {
    format!("partner:{slug}")
}

/// The partner in a "who sent you" value (`partner:{slug}`).
pub fn referral_slug(value: &str) -> Option<Slug> {
    value.strip_prefix("partner:").and_then(Slug::parse)
}

// ---- Posters and cards.

/// How many languages a poster carries besides Dutch.
pub const POSTER_LANGS: usize = 2;

/// The languages of a poster after Dutch, from `?lang=ar,tr` (a list; Dutch, unknown codes and
/// repeats are left out; at most two).
pub fn poster_langs(list: &str) -> Vec<Lang> {
    let mut out: Vec<Lang> = Vec::new();
    for code in list.split([',', ' ', ';', '+']) {
        if let Some(lang) = Lang::parse(code).filter(|l| *l != Lang::Nl) {
            if !out.contains(&lang) && out.len() < POSTER_LANGS {
                out.push(lang);
            }
        }
    }
    out
}

/// The `?lang=` value of a poster with these languages: always starting with Dutch (`nl,ar`), so
/// the value is a list and never switches the page's own language.
pub fn poster_query(langs: &[Lang]) -> String {
    std::iter::once("nl")
        .chain(langs.iter().map(|l| l.code()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The languages after toggling one: taken out when chosen, else added (the oldest goes when
/// two are chosen already).
pub fn toggled(langs: &[Lang], lang: Lang) -> Vec<Lang> {
    if langs.contains(&lang) {
        langs.iter().copied().filter(|l| *l != lang).collect()
    } else {
        let mut out: Vec<Lang> = langs.to_vec();
        out.push(lang);
        while out.len() > POSTER_LANGS {
            out.remove(0);
        }
        out
    }
}

// ---- The warm handover.

/// Where the handed-over parent goes: a group chosen, or the nearest group to a postcode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Group(String),
    Near(Postcode),
}

/// What a professional fills in with the parent next to them. Without the parent's yes the form
/// does not parse, so nothing is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverInput {
    pub token: String,
    /// The partner chosen (a facilitator or coordinator chooses; a partner's account has one).
    pub partner: String,
    pub first_name: String,
    pub contact: Contact,
    pub language: String,
    pub child_age: Option<u8>,
    pub place: Place,
}

/// "06 12345678" or "anna@example.nl".
pub fn parse_reach(input: &str) -> Result<Contact, &'static str> {
    let input = input.trim();
    if input.is_empty() {
        Err(k("handover-reach-missing"))
    } else if input.contains('@') {
        parse_email(input)
            .map(Contact::Email)
            .ok_or(k("handover-reach-invalid"))
    } else {
        parse_phone(&typed_number(input))
            .map(Contact::Phone)
            .ok_or(k("handover-reach-invalid"))
    }
}

impl FromForm for HandoverInput {
    fn from_form(form: &RawForm) -> Result<HandoverInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let token = field(form, "token").to_string();
        if !valid_token(&token) {
            errors.add("form", k("form-expired"));
        }
        let partner = field(form, "partner").trim().to_string();
        if partner.len() > 64 {
            errors.add("partner", k("handover-partner-missing"));
        }
        let first_name =
            parse_name(field(form, "first_name")).map_err(|key| errors.add("first_name", key));
        let contact = parse_reach(field(form, "reach")).map_err(|key| errors.add("reach", key));
        let language = Some(field(form, "language"))
            .filter(|l| GROUP_LANGUAGES.contains(l))
            .unwrap_or("nl")
            .to_string();
        let child_age = match typed_number(field(form, "child_age")).trim() {
            "" => Ok(None),
            n => n
                .parse::<u8>()
                .ok()
                .filter(|a| *a <= 18)
                .map(Some)
                .ok_or_else(|| errors.add("child_age", k("handover-age-invalid"))),
        };
        let group = field(form, "group").trim();
        let pc4 = field(form, "pc4").trim();
        let place = if !group.is_empty() && group.len() <= 64 {
            Ok(Place::Group(group.to_string()))
        } else if pc4.is_empty() {
            errors.add("place", k("handover-place-missing"));
            Err(())
        } else {
            Postcode::parse(pc4)
                .map(Place::Near)
                .ok_or_else(|| errors.add("pc4", k("handover-pc4-invalid")))
        };
        // The one rule that matters most: the parent said yes after hearing the sentence.
        if field(form, "consent") != "yes" {
            errors.add("consent", k("handover-consent-missing"));
        }
        match (first_name, contact, child_age, place) {
            (Ok(first_name), Ok(contact), Ok(child_age), Ok(place)) if errors.is_empty() => {
                Ok(HandoverInput {
                    token,
                    partner,
                    first_name,
                    contact,
                    language,
                    child_age,
                    place,
                })
            }
            _ => Err(errors),
        }
    }
}

/// One handover as its maker sees it afterwards: when, to which group, how far it got. Never
/// the parent's name or contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandoverRow {
    pub created_at: i64,
    pub partner_name: String,
    pub group_name: String,
    /// `received`, `contacted`, `joined`, `not_joined`; None when the request is gone
    /// (withdrawn by the parent, or deleted after its time).
    pub status: Option<String>,
}

/// A person on the facilitator side who works for a partner, as the partner's page lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// Per partner and month: visits through its link and join requests it sent (raw counts; the
/// monitoring page hides the small ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerMonth {
    pub month: String,
    pub partner: String,
    pub visits: i64,
    pub join_requests: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::form::raw_form as form;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    #[test]
    fn slugs() {
        for good in ["jonge-moederwerk", "consultatiebureau", "jgz-7607", "ab"] {
            assert_eq!(Slug::parse(good).unwrap().as_str(), good);
        }
        assert_eq!(Slug::parse(" JGZ ").unwrap().as_str(), "jgz");
        for bad in [
            "",
            "a",
            "-a",
            "a-",
            "a--b",
            "a b",
            "a/b",
            "a_b",
            "é",
            "<x>",
            &"a".repeat(41),
        ] {
            assert_eq!(Slug::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Slug::from_name("Jonge Moederwerk – Almelo")
                .unwrap()
                .as_str(),
            "jonge-moederwerk-almelo"
        );
        assert_eq!(
            Slug::from_name("Bibliotheek Één").unwrap().as_str(),
            "bibliotheek-een"
        );
        assert_eq!(Slug::from_name("!!"), None);
        let long = Slug::from_name(&"abc ".repeat(30)).unwrap();
        assert!(long.as_str().len() <= SLUG_MAX && !long.as_str().ends_with('-'));
    }

    proptest::proptest! {
        #[test]
        fn any_slug_is_safe_in_a_link_and_a_cookie(s in "\\PC{0,50}") {
            for slug in [Slug::parse(&s), Slug::from_name(&s)].into_iter().flatten() {
                proptest::prop_assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
                proptest::prop_assert_eq!(Slug::parse(slug.as_str()), Some(slug.clone()));
                let cookie = ref_cookie(&slug, false);
                proptest::prop_assert_eq!(ref_in_cookies(cookie.split(';').next().unwrap()), Some(slug));
            }
        }
    }

    #[test]
    fn the_partner_form() {
        let p = PartnerInput::from_form(&form(&[
            ("name", " Jonge Moederwerk "),
            ("kind", "young-mothers"),
            ("contact", "Bel Sanne, 0546 123456"),
        ]))
        .unwrap();
        assert_eq!(p.slug.as_str(), "jonge-moederwerk");
        assert_eq!(p.name, "Jonge Moederwerk");
        assert_eq!(p.kind, PartnerKind::YoungMothers);
        let own = PartnerInput::from_form(&form(&[
            ("name", "Consultatiebureau Noord"),
            ("kind", "jgz"),
            ("slug", "cb-noord"),
        ]))
        .unwrap();
        assert_eq!(own.slug.as_str(), "cb-noord");
        assert_eq!(own.contact, "");
        let errors = PartnerInput::from_form(&form(&[
            ("name", ""),
            ("kind", "hospital"),
            ("slug", "a b"),
            ("contact", &"x".repeat(201)),
        ]))
        .unwrap_err();
        for f in ["name", "kind", "slug", "contact"] {
            assert!(errors.get(f).is_some(), "{f}");
        }
        for kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn the_cookie() {
        let slug = Slug::parse("jonge-moederwerk").unwrap();
        let c = ref_cookie(&slug, true);
        assert!(c.starts_with("ref=jonge-moederwerk; Path=/; Max-Age=259200;"));
        assert!(c.contains("SameSite=Lax") && c.contains("HttpOnly") && c.ends_with("; Secure"));
        assert!(!ref_cookie(&slug, false).contains("Secure"));
        assert_eq!(
            ref_in_cookies("lang=ar; ref=jonge-moederwerk"),
            Some(slug.clone())
        );
        assert_eq!(ref_in_cookies("lang=ar"), None);
        assert_eq!(ref_in_cookies("ref=../x"), None);
        assert_eq!(
            referral_slug(&referral_value("jgz")).unwrap().as_str(),
            "jgz"
        );
        assert_eq!(referral_slug("professional"), None);
    }

    #[test]
    fn poster_languages() {
        assert_eq!(poster_langs("ar,tr"), vec![Lang::Ar, Lang::Tr]);
        assert_eq!(poster_langs("nl,ar,ar,xx,tr,pl"), vec![Lang::Ar, Lang::Tr]);
        assert_eq!(poster_langs(""), Vec::<Lang>::new());
        assert_eq!(poster_query(&[Lang::Ar]), "nl,ar");
        // A list is never one language code, so the page's own language stays.
        assert_eq!(Lang::parse(&poster_query(&[Lang::Ar])), None);
        assert_eq!(
            toggled(&[Lang::Ar, Lang::Tr], Lang::Pl),
            vec![Lang::Tr, Lang::Pl]
        );
        assert_eq!(toggled(&[Lang::Ar, Lang::Tr], Lang::Ar), vec![Lang::Tr]);
    }

    #[test]
    fn a_handover_needs_the_parents_yes() {
        let good = [
            ("token", TOKEN),
            ("partner", "p1"),
            ("first_name", "Sanne"),
            ("reach", "06 12345678"),
            ("language", "ar"),
            ("child_age", "٣"),
            ("pc4", "7607"),
            ("consent", "yes"),
        ];
        let input = HandoverInput::from_form(&form(&good)).unwrap();
        assert_eq!(input.contact, Contact::Phone("0612345678".into()));
        assert_eq!(input.child_age, Some(3));
        assert_eq!(input.place, Place::Near(Postcode::parse("7607").unwrap()));
        let without: Vec<(&str, &str)> = good
            .iter()
            .copied()
            .filter(|(k, _)| *k != "consent")
            .collect();
        let errors = HandoverInput::from_form(&form(&without)).unwrap_err();
        assert_eq!(errors.get("consent"), Some("handover-consent-missing"));
        let mail = HandoverInput::from_form(&form(&[
            ("token", TOKEN),
            ("first_name", "S"),
            ("reach", "s@example.nl"),
            ("group", "g1"),
            ("consent", "yes"),
        ]))
        .unwrap();
        assert_eq!(mail.contact, Contact::Email("s@example.nl".into()));
        assert_eq!(mail.place, Place::Group("g1".into()));
        assert_eq!(mail.language, "nl");
        let errors = HandoverInput::from_form(&form(&[
            ("token", "x"),
            ("reach", "123"),
            ("child_age", "30"),
            ("consent", "on"),
        ]))
        .unwrap_err();
        for f in [
            "form",
            "first_name",
            "reach",
            "child_age",
            "place",
            "consent",
        ] {
            assert!(errors.get(f).is_some(), "{f}");
        }
        assert_eq!(
            HandoverInput::from_form(&form(&[("pc4", "12")]))
                .unwrap_err()
                .get("pc4"),
            Some("handover-pc4-invalid")
        );
    }
}
