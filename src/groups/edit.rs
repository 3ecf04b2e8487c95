//! What a facilitator fills in for a group, parsed once into a checked value.
use crate::web::form::{clean_text, FromForm, RawForm};
use std::collections::HashMap;

use super::model::{Audience, Postcode, Rhythm, Weekday, GROUP_LANGUAGES};
use crate::i18n::k;
use crate::ui::forms::FieldErrors;

#[derive(Clone, Debug, PartialEq)]
pub struct GroupInput {
    pub name: String,
    pub description: String,
    pub first_visit: String,
    pub postcode: Postcode,
    pub address: String,
    pub weekday: Weekday,
    pub start_minute: u16,
    pub rhythm: Rhythm,
    pub ages: (u8, u8),
    pub languages: Vec<String>,
    pub children_welcome: bool,
    pub childcare: bool,
    pub cost_cents: u32,
    pub online: bool,
    /// Who the group is for (every parent unless the form says otherwise).
    pub audience: Audience,
    pub facilitator_name: String,
    pub active: bool,
    /// The exact place when the facilitator moved it; else the postcode's centre.
    pub coords: Option<(f64, f64)>,
}

/// The form of a new group before the facilitator fills it in: Tuesday 10:00, weekly, children
/// 4 to 12, in Dutch, free.
pub fn new_group_values() -> RawForm {
    crate::web::form::raw_form(&[
        ("weekday", "2"),
        ("start", "10:00"),
        ("rhythm", "weekly"),
        ("audience", "every-parent"),
        ("age_min", "4"),
        ("age_max", "12"),
        ("lang_nl", "1"),
        ("cost", "0"),
    ])
}

/// Latitude and longitude inside the Netherlands (with a margin), e.g. "52.3549" and "6.6676".
pub fn parse_coords(lat: &str, lon: &str) -> Result<Option<(f64, f64)>, &'static str> {
    let (lat, lon) = (lat.trim().replace(',', "."), lon.trim().replace(',', "."));
    if lat.is_empty() && lon.is_empty() {
        return Ok(None);
    }
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) if (50.6..=53.7).contains(&a) && (3.2..=7.3).contains(&o) => {
            Ok(Some((a, o)))
        }
        _ => Err(k("group-coords-invalid")),
    }
}

/// "09:30" → minutes after midnight.
pub fn parse_time(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.trim().len() <= 5).then_some(h * 60 + m)
}

/// "2,50", "2.50", "2" or "" → cents; at most € 50.
pub fn parse_euros(s: &str) -> Option<u32> {
    let s = s.trim().trim_start_matches('€').trim().replace(',', ".");
    if s.is_empty() {
        return Some(0);
    }
    let (whole, part) = s.split_once('.').unwrap_or((&s, ""));
    if part.len() > 2
        || whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let cents = whole
        .parse::<u32>()
        .ok()?
        .checked_mul(100)?
        .checked_add(format!("{part:0<2}").parse::<u32>().ok()?)?;
    (cents <= 5_000).then_some(cents)
}

/// A posted field as typed text: trimmed, without bidi controls.
fn text(form: &HashMap<String, String>, name: &str) -> String {
    form.get(name).map(|s| clean_text(s)).unwrap_or_default()
}

/// A whole number typed in a field, if it lies in `range`.
fn number_in<T: std::str::FromStr + PartialOrd>(
    form: &HashMap<String, String>,
    name: &str,
    range: std::ops::RangeInclusive<T>,
) -> Option<T> {
    text(form, name).parse().ok().filter(|n| range.contains(n))
}

fn checked(form: &HashMap<String, String>, name: &str) -> bool {
    form.get(name).is_some_and(|v| v == "1" || v == "on")
}

/// A group's words in one more language (Dutch is in the group form itself). Both texts empty
/// means: remove this language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTextInput {
    pub lang: String,
    pub description: String,
    pub first_visit: String,
}

impl FromForm for GroupTextInput {
    fn from_form(form: &RawForm) -> Result<GroupTextInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let lang = crate::web::form::field(form, "text_lang").to_string();
        if lang == "nl" || !crate::groups::model::GROUP_LANGUAGES.contains(&lang.as_str()) {
            errors.add("text_lang", crate::i18n::k("group-texts-lang-invalid"));
        }
        let mut text = |name: &str, max: usize| {
            let v = crate::web::form::clean_text(crate::web::form::field(form, name));
            if v.chars().count() > max {
                errors.add(name, crate::i18n::k("group-form-too-long"));
            }
            v
        };
        let description = text("text_description", 1000);
        let first_visit = text("text_first_visit", 500);
        if errors.is_empty() {
            Ok(GroupTextInput {
                lang,
                description,
                first_visit,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(feature = "ssr")]
impl FromForm for GroupInput {
    /// The postcode must be one we know a place for.
    fn from_form(form: &RawForm) -> Result<GroupInput, FieldErrors> {
        Self::parse(form, |p| super::postcodes::centroid(p).is_some())
    }
}

impl GroupInput {
    pub fn parse(
        form: &HashMap<String, String>,
        known_postcode: impl Fn(Postcode) -> bool,
    ) -> Result<GroupInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut sized = |name: &str, min: usize, max: usize, key: &'static str| {
            let v = text(form, name);
            let n = v.chars().count();
            if n < min || n > max || v.chars().any(char::is_control) {
                errors.add(name, key);
            }
            v
        };
        let name = sized("name", 1, 80, k("group-name-invalid"));
        let description = sized("description", 1, 1000, k("group-description-invalid"));
        let first_visit = sized("first_visit", 0, 500, k("group-first-visit-invalid"));
        let facilitator_name = sized("facilitator_name", 1, 40, k("join-name-missing"));
        let online = checked(form, "online");
        let address = sized(
            "address",
            if online { 0 } else { 1 },
            120,
            k("group-address-invalid"),
        );
        let postcode = Postcode::parse(&text(form, "postcode")).filter(|p| known_postcode(*p));
        let postcode = errors.require("postcode", k("postcode-invalid"), postcode);
        let weekday = text(form, "weekday").parse().ok().and_then(Weekday::new);
        let weekday = errors.require("weekday", k("group-weekday-invalid"), weekday);
        let start_minute = parse_time(&text(form, "start"));
        let start_minute = errors.require("start", k("group-time-invalid"), start_minute);
        let rhythm = Rhythm::parse(&text(form, "rhythm"));
        let rhythm = errors.require("rhythm", k("group-weekday-invalid"), rhythm);
        // Not sent (an older form): every parent, as the column's default.
        let audience = match text(form, "audience").as_str() {
            "" => Some(Audience::EveryParent),
            other => Audience::parse(other),
        };
        let audience = errors.require("audience", k("group-audience-invalid"), audience);
        let age = |n: &str| number_in(form, n, 0..=18u8);
        let ages = match (age("age_min"), age("age_max")) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        };
        let ages = errors.require("age_min", k("group-ages-invalid"), ages);
        let languages: Vec<String> = GROUP_LANGUAGES
            .iter()
            .filter(|code| checked(form, &format!("lang_{code}")))
            .map(|code| code.to_string())
            .collect();
        if languages.is_empty() {
            errors.add("languages", k("group-languages-invalid"));
        }
        let coords = parse_coords(&text(form, "lat"), &text(form, "lon"));
        if let Err(key) = coords {
            errors.add("lat", key);
        }
        let cost_cents = parse_euros(&text(form, "cost"));
        if cost_cents.is_none() {
            errors.add("cost", k("group-cost-invalid"));
        }
        match (
            postcode,
            weekday,
            start_minute,
            rhythm,
            ages,
            cost_cents,
            audience,
        ) {
            (
                Some(postcode),
                Some(weekday),
                Some(start_minute),
                Some(rhythm),
                Some(ages),
                Some(cost_cents),
                Some(audience),
            ) if errors.is_empty() => Ok(GroupInput {
                name,
                description,
                first_visit,
                postcode,
                address,
                weekday,
                start_minute,
                rhythm,
                ages,
                languages,
                children_welcome: checked(form, "children_welcome"),
                childcare: checked(form, "childcare"),
                cost_cents,
                online,
                audience,
                facilitator_name,
                active: !checked(form, "paused"),
                coords: coords.unwrap_or(None),
            }),
            _ => Err(errors),
        }
    }
}

/// A series of meetups: "every Tuesday 10:00 for 8 weeks".
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesInput {
    pub first_day: (i32, u8, u8),
    pub start_minute: u16,
    pub minutes: u16,
    pub weeks: u8,
    pub place: String,
    pub capacity: u32,
    /// Theme, kind and guest line (`meetups::model::parse_theme_fields`).
    pub theme: Option<crate::meetups::model::Theme>,
    pub kind: crate::meetups::model::MeetupKind,
    pub guest: String,
}

impl FromForm for SeriesInput {
    fn from_form(form: &RawForm) -> Result<SeriesInput, FieldErrors> {
        Self::parse(form)
    }
}

impl SeriesInput {
    pub fn parse(form: &HashMap<String, String>) -> Result<SeriesInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = text(form, "date");
        let first_day = (|| {
            let mut it = date.split('-');
            let y: i32 = it.next()?.parse().ok()?;
            let m: u8 = it.next()?.parse().ok()?;
            let d: u8 = it.next()?.parse().ok()?;
            let valid = it.next().is_none()
                && (2020..=2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
                && crate::time::civil_from_days(crate::time::days_from_civil(y, m, d)) == (y, m, d);
            valid.then_some((y, m, d))
        })();
        let first_day = errors.require("date", k("series-date-invalid"), first_day);
        let start_minute = parse_time(&text(form, "start"));
        let start_minute = errors.require("start", k("group-time-invalid"), start_minute);
        let minutes = number_in(form, "minutes", 15..=480u16);
        let minutes = errors.require("minutes", k("series-minutes-invalid"), minutes);
        let weeks = number_in(form, "weeks", 1..=26u8);
        let weeks = errors.require("weeks", k("series-weeks-invalid"), weeks);
        let place = text(form, "place");
        if place.is_empty() || place.chars().count() > 120 || place.chars().any(char::is_control) {
            errors.add("place", k("group-address-invalid"));
        }
        let capacity = number_in(form, "capacity", 1..=500u32);
        let capacity = errors.require("capacity", k("series-capacity-invalid"), capacity);
        let (theme, kind, guest) = crate::meetups::model::parse_theme_fields(form, &mut errors);
        let guest = crate::web::form::clean_text(&guest);
        match (first_day, start_minute, minutes, weeks, capacity) {
            (Some(first_day), Some(start_minute), Some(minutes), Some(weeks), Some(capacity))
                if errors.is_empty() =>
            {
                Ok(SeriesInput {
                    first_day,
                    start_minute,
                    minutes,
                    weeks,
                    place,
                    capacity,
                    theme,
                    kind,
                    guest,
                })
            }
            _ => Err(errors),
        }
    }

    /// Start and end (Unix seconds) of each meetup, one a week, in Dutch local time.
    pub fn times(&self) -> Vec<(i64, i64)> {
        let (y, m, d) = self.first_day;
        let first = crate::time::days_from_civil(y, m, d);
        (0..self.weeks as i64)
            .map(|w| {
                let (y, m, d) = crate::time::civil_from_days(first + 7 * w);
                let start = crate::time::from_local(
                    y,
                    m,
                    d,
                    (self.start_minute / 60) as u8,
                    (self.start_minute % 60) as u8,
                );
                (start, start + self.minutes as i64 * 60)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_another_language() {
        let ok = GroupTextInput::from_form(&form(&[
            ("text_lang", "ar"),
            ("text_description", " نلتقي كل أسبوع \u{202E}"),
            ("text_first_visit", ""),
        ]))
        .unwrap();
        assert_eq!(ok.lang, "ar");
        assert_eq!(ok.description, "نلتقي كل أسبوع");
        assert!(GroupTextInput::from_form(&form(&[("text_lang", "nl")])).is_err());
        assert!(GroupTextInput::from_form(&form(&[("text_lang", "xx")])).is_err());
        let long = "a".repeat(1001);
        let e =
            GroupTextInput::from_form(&form(&[("text_lang", "en"), ("text_description", &long)]));
        assert_eq!(
            e.unwrap_err().get("text_description"),
            Some("group-form-too-long")
        );
    }

    use crate::web::form::raw_form as form;

    #[test]
    fn times_and_money() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("9.30"), None);
        assert_eq!(parse_euros(""), Some(0));
        assert_eq!(parse_euros("2,50"), Some(250));
        assert_eq!(parse_euros("€ 1.5"), Some(150));
        assert_eq!(parse_euros("3"), Some(300));
        assert_eq!(parse_euros("2,505"), None);
        assert_eq!(parse_euros("-1"), None);
        assert_eq!(parse_euros("51"), None);
    }

    #[test]
    fn big_amounts_do_not_overflow() {
        assert_eq!(parse_euros("42949672.99"), None);
        assert_eq!(parse_euros("42949672"), None);
        assert_eq!(parse_euros("99999999999"), None);
    }

    #[test]
    fn a_place_is_one_line_without_bidi() {
        let mut f = form(&[
            ("date", "2026-12-01"),
            ("start", "10:00"),
            ("minutes", "120"),
            ("weeks", "8"),
            ("place", " \u{202E}Buurthuis "),
            ("capacity", "12"),
        ]);
        assert_eq!(SeriesInput::parse(&f).unwrap().place, "Buurthuis");
        f.insert("place".into(), "Buurthuis\r\nBEGIN:VEVENT".into());
        assert!(SeriesInput::parse(&f).unwrap_err().get("place").is_some());
        f.insert("place".into(), "Buurthuis".into());
        f.insert("date".into(), "2026-12-01-01".into());
        assert!(SeriesInput::parse(&f).unwrap_err().get("date").is_some());
    }

    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["\\PC*", any::<String>(), "[0-9 €,.:+-]{0,14}"]
    }

    proptest! {
        #[test]
        fn times_never_panic_and_stay(s in text()) {
            if let Some(m) = parse_time(&s) {
                prop_assert_eq!(parse_time(&crate::groups::model::clock_time(m)), Some(m));
            }
        }

        #[test]
        fn euros_never_panic_and_stay(s in text()) {
            if let Some(c) = parse_euros(&s) {
                prop_assert!(c <= 5_000);
                prop_assert_eq!(parse_euros(&format!("{},{:02}", c / 100, c % 100)), Some(c));
            }
        }

        #[test]
        fn coords_never_panic_and_stay(a in text(), o in text()) {
            if let Ok(Some((lat, lon))) = parse_coords(&a, &o) {
                prop_assert_eq!(
                    parse_coords(&lat.to_string(), &lon.to_string()),
                    Ok(Some((lat, lon)))
                );
            }
        }

        #[test]
        fn any_group_form(f in crate::web::form::any_form(&[
            "name", "description", "first_visit", "facilitator_name", "online", "address",
            "postcode", "weekday", "start", "rhythm", "age_min", "age_max", "lang_nl", "lat",
            "lon", "cost", "children_welcome", "childcare", "paused", "audience",
        ])) {
            if let Ok(g) = GroupInput::parse(&f, |_| true) {
                prop_assert!(!g.name.chars().any(crate::web::form::is_bidi_control));
            }
        }

        #[test]
        fn any_series_form(f in crate::web::form::any_form(&[
            "date", "start", "minutes", "weeks", "place", "capacity",
        ])) {
            if let Ok(s) = SeriesInput::parse(&f) {
                prop_assert!(!s.place.chars().any(char::is_control));
                prop_assert_eq!(s.times().len(), s.weeks as usize);
            }
        }
    }

    #[test]
    fn coordinates() {
        assert_eq!(parse_coords("", ""), Ok(None));
        assert_eq!(
            parse_coords("52,3549", "6.6676"),
            Ok(Some((52.3549, 6.6676)))
        );
        assert!(
            parse_coords("48.85", "2.35").is_err(),
            "Paris is not in the Netherlands"
        );
        assert!(parse_coords("52.3", "").is_err());
    }

    #[test]
    fn a_group_form() {
        let mut good = new_group_values();
        good.extend(form(&[
            ("name", "Koffie"),
            ("description", "Samen koffie"),
            ("first_visit", ""),
            ("facilitator_name", "Anna"),
            ("address", "Straat 1"),
            ("postcode", "7607 AB"),
            ("lang_ar", "1"),
            ("childcare", "1"),
        ]));
        let g = GroupInput::parse(&good, |_| true).unwrap();
        assert_eq!(g.languages, vec!["nl".to_string(), "ar".to_string()]);
        assert!(g.childcare && !g.children_welcome && g.active);
        assert_eq!(g.audience, Audience::EveryParent, "the new form's choice");
        let mut fathers = good.clone();
        fathers.insert("audience".into(), "fathers".into());
        let g = GroupInput::parse(&fathers, |_| true).unwrap();
        assert_eq!(g.audience, Audience::Fathers);
        fathers.remove("audience");
        let g = GroupInput::parse(&fathers, |_| true).unwrap();
        assert_eq!(g.audience, Audience::EveryParent, "not sent: every parent");
        fathers.insert("audience".into(), "grandparents".into());
        let e = GroupInput::parse(&fathers, |_| true).unwrap_err();
        assert_eq!(e.get("audience"), Some("group-audience-invalid"));
        let mut bad = good.clone();
        bad.insert("age_min".into(), "13".into());
        bad.remove("lang_nl");
        bad.remove("lang_ar");
        bad.insert("start".into(), "25:00".into());
        let e = GroupInput::parse(&bad, |_| false).unwrap_err();
        for f in ["age_min", "languages", "start", "postcode"] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }

    #[test]
    fn a_series_of_eight_tuesdays() {
        let s = SeriesInput::parse(&form(&[
            ("date", "2026-12-01"),
            ("start", "10:00"),
            ("minutes", "120"),
            ("weeks", "8"),
            ("place", "Buurthuis"),
            ("capacity", "12"),
        ]))
        .unwrap();
        let times = s.times();
        assert_eq!(times.len(), 8);
        for (start, end) in &times {
            let l = crate::time::to_local(*start);
            assert_eq!((l.weekday, l.hour, l.minute), (2, 10, 0));
            assert_eq!(end - start, 7200);
        }
        assert!(SeriesInput::parse(&form(&[("date", "2026-02-30")]))
            .unwrap_err()
            .get("date")
            .is_some());
    }
}
