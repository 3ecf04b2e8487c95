//! "Best match first, and why": the finder's extra choices (time of day, in person or online),
//! the order of the results and the plain words that say why a group fits.
//!
//! The order is simple enough to explain: distance in km, and a group that speaks the parent's
//! own language (the language the page is read in, or the one chosen in the filters) counts as
//! `OWN_LANGUAGE_KM` nearer. Age, weekday and time of day are filters: every result fits them,
//! and the "why" line says so.
use serde::{Deserialize, Serialize};

use crate::i18n::k;

/// A group that speaks the parent's own language comes before one up to this many km nearer.
pub const OWN_LANGUAGE_KM: f64 = 5.0;

/// Part of the day a group starts in: morning before 12:00, afternoon before 17:00, evening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl TimeOfDay {
    pub const ALL: [TimeOfDay; 3] = [TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Evening];

    pub fn parse(s: &str) -> Option<TimeOfDay> {
        TimeOfDay::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Evening => "evening",
        }
    }

    /// The part of the day of a start time (minutes after midnight).
    pub fn of(start_minute: u16) -> TimeOfDay {
        match start_minute {
            m if m < 12 * 60 => TimeOfDay::Morning,
            m if m < 17 * 60 => TimeOfDay::Afternoon,
            _ => TimeOfDay::Evening,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            TimeOfDay::Morning => k("time-morning"),
            TimeOfDay::Afternoon => k("time-afternoon"),
            TimeOfDay::Evening => k("time-evening"),
        }
    }
}

/// Meeting in person or online (`mode=in-person|online`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    InPerson,
    Online,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::InPerson, Mode::Online];

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InPerson => "in-person",
            Mode::Online => "online",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Mode::InPerson => k("mode-in-person"),
            Mode::Online => k("mode-online"),
        }
    }
}

/// The language the parent speaks for the order and the "why" line: the one chosen in the
/// filters, else the page's language.
pub fn own_language<'a>(chosen: Option<&'a str>, page: &'a str) -> &'a str {
    chosen.unwrap_or(page)
}

/// The order of a result: lower first.
pub fn score(km: f64, languages: &[String], own_language: &str) -> f64 {
    if languages.iter().any(|l| l == own_language) {
        km - OWN_LANGUAGE_KM
    } else {
        km
    }
}

/// Puts results in the order of `score` (equal scores keep their order, nearest first).
pub fn rank<T>(items: &mut [T], key: impl Fn(&T) -> (f64, &[String]), own_language: &str) {
    items.sort_by(|a, b| {
        let (ka, la) = key(a);
        let (kb, lb) = key(b);
        score(ka, la, own_language).total_cmp(&score(kb, lb, own_language))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_day() {
        assert_eq!(TimeOfDay::of(9 * 60 + 30), TimeOfDay::Morning);
        assert_eq!(TimeOfDay::of(12 * 60), TimeOfDay::Afternoon);
        assert_eq!(TimeOfDay::of(16 * 60 + 59), TimeOfDay::Afternoon);
        assert_eq!(TimeOfDay::of(19 * 60), TimeOfDay::Evening);
        assert_eq!(TimeOfDay::parse("evening"), Some(TimeOfDay::Evening));
        assert_eq!(TimeOfDay::parse("night"), None);
        assert_eq!(Mode::parse("in-person"), Some(Mode::InPerson));
        assert_eq!(Mode::parse("x"), None);
    }

    #[test]
    fn own_language_counts_as_nearer() {
        let ar = vec!["nl".to_string(), "ar".to_string()];
        let nl = vec!["nl".to_string()];
        let mut hits = vec![(2.0, nl.clone()), (6.0, ar.clone()), (9.0, ar.clone())];
        rank(&mut hits, |h| (h.0, &h.1), "ar");
        assert_eq!(
            hits.iter().map(|h| h.0).collect::<Vec<_>>(),
            [6.0, 2.0, 9.0]
        );
        rank(&mut hits, |h| (h.0, &h.1), "nl");
        assert_eq!(
            hits.iter().map(|h| h.0).collect::<Vec<_>>(),
            [2.0, 6.0, 9.0]
        );
    }
}
