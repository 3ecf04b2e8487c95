//! Types shared by server and views, and the parsed domain values with their rules.
use serde::{Deserialize, Serialize};

/// A Dutch postcode, reduced to the four digits we search with (PC4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Postcode(u16);

impl Postcode {
    /// Accepts `7607`, `7607AB`, `7607 ab` and surrounding spaces, in the digits people type
    /// (`٧٦٠٧`, `۷۶۰۷`, `７６０７`): a posted form has them as ASCII already, a finder's query
    /// (`?postcode=…`) not.
    pub fn parse(input: &str) -> Option<Postcode> {
        let compact: String = crate::web::form::typed_number(input)
            .split_whitespace()
            .collect();
        // Only ASCII can be a postcode: bytes are then characters, and slicing is safe.
        if !compact.is_ascii() || (compact.len() != 4 && compact.len() != 6) {
            return None;
        }
        let (digits, letters) = compact.split_at(4);
        if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
            return None;
        }
        if !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        digits.parse().ok().map(Postcode)
    }

    pub fn pc4(self) -> u16 {
        self.0
    }
}

impl std::fmt::Display for Postcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.0)
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// Distance shown to people: kilometres with one decimal.
pub fn round_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

/// Day of the week, Monday = 1 … Sunday = 7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weekday(u8);

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday(1),
        Weekday(2),
        Weekday(3),
        Weekday(4),
        Weekday(5),
        Weekday(6),
        Weekday(7),
    ];

    pub fn new(n: i64) -> Option<Weekday> {
        (1..=7).contains(&n).then_some(Weekday(n as u8))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn key(self) -> &'static str {
        crate::i18n::weekday_key(self.0)
    }
}

/// The optional filters of the finder. Unknown or out-of-range values are dropped, not errors:
/// a filter only narrows what a parent sees.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFilters {
    pub child_age: Option<u8>,
    pub language: Option<String>,
    pub weekday: Option<Weekday>,
    pub children_welcome: bool,
    /// Only groups a father is welcome in (`fathers=1`).
    pub open_to_fathers: bool,
    /// Only groups with a coming meetup of this theme (`theme=stress`); see `with_theme`.
    #[serde(default)]
    pub theme: Option<crate::meetups::model::Theme>,
    /// The time the theme filter counts as now (a meetup ending before it is not coming).
    #[serde(default)]
    pub now: i64,
    /// Only groups that start in this part of the day (`time=morning`); see `with_time_mode`.
    #[serde(default)]
    pub time: Option<super::matching::TimeOfDay>,
    /// In person or online only (`mode=online`).
    #[serde(default)]
    pub mode: Option<super::matching::Mode>,
}

/// A checkbox of the finder's form: on when sent as `1`, `on` or `true`.
fn ticked(value: Option<&str>) -> bool {
    matches!(value, Some("1") | Some("on") | Some("true"))
}

impl GroupFilters {
    pub fn parse(
        age: Option<&str>,
        language: Option<&str>,
        day: Option<&str>,
        kids: Option<&str>,
        fathers: Option<&str>,
    ) -> Self {
        let child_age = age
            .and_then(|a| a.trim().parse::<u8>().ok())
            .filter(|a| *a <= 18);
        let language = language
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| GROUP_LANGUAGES.contains(&l.as_str()));
        let weekday = day
            .and_then(|d| d.trim().parse::<i64>().ok())
            .and_then(Weekday::new);
        GroupFilters {
            child_age,
            language,
            weekday,
            children_welcome: ticked(kids),
            open_to_fathers: ticked(fathers),
            theme: None,
            now: 0,
            time: None,
            mode: None,
        }
    }

    /// Adds the time-of-day and in-person/online choices (unknown values are ignored).
    pub fn with_time_mode(mut self, time: Option<&str>, mode: Option<&str>) -> Self {
        self.time = time.and_then(super::matching::TimeOfDay::parse);
        self.mode = mode.and_then(super::matching::Mode::parse);
        self
    }

    /// Adds the theme filter (an unknown theme is ignored, as every filter value here) and
    /// the time it counts from.
    pub fn with_theme(mut self, theme: Option<&str>, now: i64) -> Self {
        self.theme = theme.and_then(crate::meetups::model::Theme::parse);
        self.now = now;
        self
    }

    /// The rule of the age, language, day, children, fathers and theme filters for one group.
    pub fn admits(&self, g: &impl Filterable) -> bool {
        let t = g.traits();
        self.child_age
            .is_none_or(|a| t.age_min <= a && a <= t.age_max)
            && self
                .language
                .as_deref()
                .is_none_or(|l| t.languages.iter().any(|x| x == l))
            && self.weekday.is_none_or(|d| d == t.weekday)
            && (!self.children_welcome || t.children_welcome || t.childcare)
            && (!self.open_to_fathers || t.audience.open_to_fathers())
            && self
                .theme
                .is_none_or(|th| t.theme_ends[th.index()] >= self.now.max(1))
            && self
                .time
                .is_none_or(|p| super::matching::TimeOfDay::of(t.start_minute) == p)
    }
}

/// What the filters look at.
pub struct Traits<'a> {
    pub age_min: u8,
    pub age_max: u8,
    pub languages: &'a [String],
    pub weekday: Weekday,
    pub children_welcome: bool,
    pub childcare: bool,
    pub audience: Audience,
    pub theme_ends: &'a [i64; THEMES],
    /// Minutes after midnight the group starts (for the time-of-day filter).
    pub start_minute: u16,
}

/// How many meetup themes there are (`meetups::model::Theme::ALL`).
pub const THEMES: usize = 5;

pub trait Filterable {
    fn traits(&self) -> Traits<'_>;
}

/// A group in the search box, with just what distance and filters need (the finder reads
/// these for many groups, and the full facts only for the ones it shows).
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub lat: f64,
    pub lon: f64,
    pub age_min: u8,
    pub age_max: u8,
    pub languages: Vec<String>,
    pub weekday: Weekday,
    pub children_welcome: bool,
    pub childcare: bool,
    pub audience: Audience,
    /// Per theme (`Theme::index`), the end of the group's last meetup of that theme that is
    /// not cancelled (0: none).
    pub theme_ends: [i64; THEMES],
    /// Minutes after midnight the group starts.
    pub start_minute: u16,
}

/// Both kinds of group carry what the filters look at under the same names.
macro_rules! filterable {
    ($($group:ty),*) => {$(
        impl Filterable for $group {
            fn traits(&self) -> Traits<'_> {
                Traits {
                    age_min: self.age_min,
                    age_max: self.age_max,
                    languages: &self.languages,
                    weekday: self.weekday,
                    children_welcome: self.children_welcome,
                    childcare: self.childcare,
                    audience: self.audience,
                    theme_ends: &self.theme_ends,
                    start_minute: self.start_minute,
                }
            }
        }
    )*};
}
filterable!(GroupFacts, Candidate);

/// Languages a group can be held in (codes; names come from the locale files).
pub const GROUP_LANGUAGES: [&str; 10] =
    ["nl", "en", "ar", "tr", "pl", "uk", "ti", "pap", "so", "fa"];

/// How often a group meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rhythm {
    Weekly,
    Fortnightly,
    Monthly,
}

impl Rhythm {
    pub fn parse(s: &str) -> Option<Rhythm> {
        match s {
            "weekly" => Some(Rhythm::Weekly),
            "fortnightly" => Some(Rhythm::Fortnightly),
            "monthly" => Some(Rhythm::Monthly),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Rhythm::Weekly => "weekly",
            Rhythm::Fortnightly => "fortnightly",
            Rhythm::Monthly => "monthly",
        }
    }
}

/// Who a group is for. Most groups are for every parent; some meet as mothers, as fathers or
/// as young parents, and a parent sees that before going.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    #[default]
    EveryParent,
    Mothers,
    Fathers,
    YoungParents,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::EveryParent,
        Audience::Mothers,
        Audience::Fathers,
        Audience::YoungParents,
    ];

    pub fn parse(s: &str) -> Option<Audience> {
        match s.trim() {
            "every-parent" => Some(Audience::EveryParent),
            "mothers" => Some(Audience::Mothers),
            "fathers" => Some(Audience::Fathers),
            "young-parents" => Some(Audience::YoungParents),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::EveryParent => "every-parent",
            Audience::Mothers => "mothers",
            Audience::Fathers => "fathers",
            Audience::YoungParents => "young-parents",
        }
    }

    /// A father is welcome: every group but a mothers' group.
    pub fn open_to_fathers(self) -> bool {
        !matches!(self, Audience::Mothers)
    }

    /// "For every parent", "For mothers", … on the card and the group page.
    pub fn key(self) -> &'static str {
        match self {
            Audience::EveryParent => crate::i18n::k("audience-every-parent"),
            Audience::Mothers => crate::i18n::k("audience-mothers"),
            Audience::Fathers => crate::i18n::k("audience-fathers"),
            Audience::YoungParents => crate::i18n::k("audience-young-parents"),
        }
    }
}

/// What a parent sees of a group, in a result list and on its page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupFacts {
    pub id: String,
    pub name: String,
    pub municipality: String,
    pub address: String,
    pub lat: f64,
    pub lon: f64,
    pub weekday: Weekday,
    pub start_minute: u16,
    pub rhythm: Rhythm,
    pub age_min: u8,
    pub age_max: u8,
    pub languages: Vec<String>,
    pub children_welcome: bool,
    pub childcare: bool,
    pub cost_cents: u32,
    pub online: bool,
    pub audience: Audience,
    pub facilitator_name: String,
    /// Unix seconds of the next meetup that is not cancelled.
    pub next_meetup: Option<i64>,
    /// Per theme (`Theme::index`), the end of the last coming meetup of that theme (0: none).
    #[serde(default)]
    pub theme_ends: [i64; THEMES],
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupHit {
    pub group: GroupFacts,
    pub distance_km: f64,
}

/// The answer of the finder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GroupSearch {
    /// No postcode given yet: show the form only.
    Empty,
    Invalid,
    UnknownPostcode,
    Found {
        place: String,
        /// Up to 10 groups within 25 km, nearest first.
        near: Vec<GroupHit>,
        /// True when none of them is within 10 km: `near` then holds the nearest further away.
        nothing_close: bool,
        online: Vec<GroupFacts>,
        /// True when the filters hide groups within 10 km (the page offers to clear them).
        #[serde(default)]
        hidden_near: bool,
    },
}

pub const MAX_RESULTS: usize = 10;
pub const SEARCH_RADIUS_KM: f64 = 25.0;
pub const CLOSE_KM: f64 = 10.0;

/// Chooses what to show from candidates already sorted by distance (all of them, any distance).
pub fn pick_results(sorted: Vec<GroupHit>) -> (Vec<GroupHit>, bool) {
    let nothing_close = sorted.first().is_none_or(|h| h.distance_km > CLOSE_KM);
    let within: Vec<GroupHit> = sorted
        .iter()
        .filter(|h| h.distance_km <= SEARCH_RADIUS_KM)
        .take(MAX_RESULTS)
        .cloned()
        .collect();
    if nothing_close {
        // Show the nearest ones further away, so the parent still has somewhere to go.
        (sorted.into_iter().take(3).collect(), true)
    } else {
        (within, false)
    }
}

/// "09:30" from minutes after midnight.
pub fn clock_time(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_in_every_usual_shape() {
        for s in [
            "7607",
            "7607AB",
            "7607 ab",
            "  7607 AB  ",
            "7607ab",
            "7607 A B",
            "\u{667}\u{666}\u{660}\u{667}",
            "\u{6F7}\u{6F6}\u{6F0}\u{6F7} AB",
            "\u{FF17}\u{FF16}\u{FF10}\u{FF17}\u{FF21}\u{FF22}",
        ] {
            assert_eq!(Postcode::parse(s).map(|p| p.pc4()), Some(7607), "{s:?}");
        }
        for s in [
            "", "760", "76071", "0607", "7607 A", "7607 A1", "abcd", "7607ABC", "٠٦٠٧", "7607-AB",
            "123é4", "12é", "7607é", "7607ÄB",
        ] {
            assert_eq!(Postcode::parse(s), None, "{s:?}");
        }
        assert_eq!(Postcode::parse("1012").unwrap().to_string(), "1012");
    }

    #[test]
    fn distance_between_almelo_and_enschede() {
        // Almelo 7607 to Enschede 7511: about 22 km as the crow flies.
        let d = distance_km(52.3549, 6.6676, 52.22, 6.9001);
        assert!((d - 22.5).abs() < 1.0, "{d}");
        assert_eq!(distance_km(52.0, 6.0, 52.0, 6.0), 0.0);
        assert_eq!(round_km(2.449), 2.4);
        assert_eq!(round_km(3.15), 3.2);
    }

    fn group(
        id: &str,
        age: (u8, u8),
        langs: &[&str],
        day: i64,
        kids: bool,
        care: bool,
    ) -> GroupFacts {
        GroupFacts {
            id: id.into(),
            name: id.into(),
            municipality: "Almelo".into(),
            address: String::new(),
            lat: 52.0,
            lon: 6.0,
            weekday: Weekday::new(day).unwrap(),
            start_minute: 600,
            rhythm: Rhythm::Weekly,
            age_min: age.0,
            age_max: age.1,
            languages: langs.iter().map(|s| s.to_string()).collect(),
            children_welcome: kids,
            childcare: care,
            cost_cents: 0,
            online: false,
            audience: Audience::EveryParent,
            facilitator_name: "Anna".into(),
            next_meetup: None,
            theme_ends: [0; THEMES],
        }
    }

    #[test]
    fn filters_narrow_by_age_language_day_and_children() {
        let g = group("a", (4, 12), &["nl", "ar"], 2, false, true);
        assert!(GroupFilters::default().admits(&g));
        assert!(GroupFilters::parse(Some("4"), None, None, None, None).admits(&g));
        assert!(GroupFilters::parse(Some("12"), None, None, None, None).admits(&g));
        assert!(!GroupFilters::parse(Some("3"), None, None, None, None).admits(&g));
        assert!(!GroupFilters::parse(Some("13"), None, None, None, None).admits(&g));
        assert!(GroupFilters::parse(None, Some("AR"), None, None, None).admits(&g));
        assert!(!GroupFilters::parse(None, Some("tr"), None, None, None).admits(&g));
        assert!(GroupFilters::parse(None, None, Some("2"), None, None).admits(&g));
        assert!(!GroupFilters::parse(None, None, Some("3"), None, None).admits(&g));
        assert!(GroupFilters::parse(None, None, None, Some("1"), None).admits(&g));
        let no_kids = group("b", (4, 12), &["nl"], 2, false, false);
        assert!(!GroupFilters::parse(None, None, None, Some("1"), None).admits(&no_kids));
    }

    #[test]
    fn who_a_group_is_for() {
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
        assert_eq!(Audience::default(), Audience::EveryParent);
        assert_eq!(Audience::parse(" mothers "), Some(Audience::Mothers));
        assert_eq!(Audience::parse("Mothers"), None);
        assert_eq!(Audience::parse(""), None);
        let fathers = GroupFilters::parse(None, None, None, None, Some("1"));
        assert!(fathers.open_to_fathers);
        let mut g = group("a", (0, 18), &["nl"], 1, false, false);
        for (audience, open) in [
            (Audience::EveryParent, true),
            (Audience::Mothers, false),
            (Audience::Fathers, true),
            (Audience::YoungParents, true),
        ] {
            g.audience = audience;
            assert_eq!(fathers.admits(&g), open, "{audience:?}");
            assert!(
                GroupFilters::default().admits(&g),
                "no filter: {audience:?}"
            );
        }
    }

    #[test]
    fn bad_filter_values_are_ignored() {
        let f = GroupFilters::parse(
            Some("-1"),
            Some("<script>"),
            Some("9"),
            Some("maybe"),
            Some("yes"),
        );
        assert_eq!(f, GroupFilters::default());
    }

    fn hit(km: f64) -> GroupHit {
        GroupHit {
            group: group(&km.to_string(), (0, 18), &["nl"], 1, true, false),
            distance_km: km,
        }
    }

    #[test]
    fn results_are_capped_and_far_ones_flagged() {
        let many: Vec<GroupHit> = (0..15).map(|i| hit(i as f64)).collect();
        let (shown, none_close) = pick_results(many);
        assert_eq!(shown.len(), MAX_RESULTS);
        assert!(!none_close);

        let some: Vec<GroupHit> = vec![hit(2.0), hit(24.0), hit(30.0)];
        let (shown, _) = pick_results(some);
        assert_eq!(shown.len(), 2, "30 km is outside the radius");

        let far: Vec<GroupHit> = vec![hit(12.0), hit(40.0), hit(80.0), hit(90.0)];
        let (shown, none_close) = pick_results(far);
        assert!(none_close);
        assert_eq!(shown.len(), 3);
        assert_eq!(shown[0].distance_km, 12.0);

        let (shown, none_close) = pick_results(vec![]);
        assert!(none_close && shown.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn postcode_parse_never_panics(
            a in "\\PC*",
            b in proptest::prelude::any::<String>(),
            c in "[1-9][0-9é٧ ]{2,5}[A-Za-zé]{0,2}",
        ) {
            for s in [a, b, c] {
                if let Some(p) = Postcode::parse(&s) {
                    proptest::prop_assert_eq!(Postcode::parse(&p.to_string()), Some(p));
                }
            }
        }

        #[test]
        fn postcodes_round_trip(n in 1000u16..=9999, letters in "( ?[A-Za-z]{2})?") {
            let p = Postcode::parse(&format!("{n}{letters}"));
            proptest::prop_assert_eq!(p.map(Postcode::pc4), Some(n));
            proptest::prop_assert_eq!(Postcode::parse(&p.unwrap().to_string()), p);
        }

        #[test]
        fn filters_never_panic(v in proptest::collection::vec("\\PC{0,12}", 5)) {
            let f = GroupFilters::parse(Some(&v[0]), Some(&v[1]), Some(&v[2]), Some(&v[3]), Some(&v[4]));
            proptest::prop_assert!(f.child_age.is_none_or(|a| a <= 18));
        }
    }

    #[test]
    fn times_and_days() {
        assert_eq!(clock_time(570), "09:30");
        assert_eq!(Weekday::new(0), None);
        assert_eq!(Weekday::new(8), None);
    }
}
