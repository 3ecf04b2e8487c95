//! The pilot figures and their rules: months and periods, the small-count rule, medians and
//! shares. Everything here is an aggregate; nothing finds a person.
use serde::{Deserialize, Serialize};

/// A calendar month in Dutch time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// "2026-11".
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        ((2000..=2100).contains(&year) && (1..=12).contains(&month) && y.len() == 4 && m.len() == 2)
            .then_some(Month { year, month })
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn minus(self, months: u32) -> Month {
        let index = self.year * 12 + i32::from(self.month) - 1 - months as i32;
        Month {
            year: index.div_euclid(12),
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// The first local day of the month as a Unix day number.
    pub fn first_day(self) -> i64 {
        crate::time::days_from_civil(self.year, self.month, 1)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The month of a moment, in Dutch time.
pub fn month_of(unix: i64) -> Month {
    let d = crate::time::to_local(unix);
    Month {
        year: d.year,
        month: d.month,
    }
}

/// From the first day of `from` to the last day of `to`, both in Dutch time. At most 36 months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

pub const MAX_MONTHS: usize = 36;

impl Period {
    /// The period asked for; when a month is missing or wrong, the last 6 months up to `now`.
    pub fn parse(from: Option<&str>, to: Option<&str>, now: i64) -> Period {
        let current = month_of(now);
        let to = to.and_then(Month::parse).unwrap_or(current);
        let from = from.and_then(Month::parse).unwrap_or(to.minus(5));
        let period = if from <= to {
            Period { from, to }
        } else {
            Period { from: to, to: from }
        };
        if period.months().len() > MAX_MONTHS {
            Period {
                from: period.to.minus(MAX_MONTHS as u32 - 1),
                to: period.to,
            }
        } else {
            period
        }
    }

    pub fn months(&self) -> Vec<Month> {
        let mut out = vec![self.from];
        while *out.last().expect("one month") < self.to && out.len() <= MAX_MONTHS {
            let next = out.last().expect("one month").next();
            out.push(next);
        }
        out
    }

    /// Unix day numbers [first day, day after the last).
    pub fn day_range(&self) -> (i64, i64) {
        (self.from.first_day(), self.to.next().first_day())
    }

    /// Unix seconds [start, end), local midnight to local midnight.
    pub fn unix_range(&self) -> (i64, i64) {
        let start = |m: Month| crate::time::from_local(m.year, m.month, 1, 0, 0);
        (start(self.from), start(self.to.next()))
    }
}

/// Counts of 1 to 4 are not shown: "<5". Zero says nothing about anyone and is shown. Every
/// other count, totals included, is rounded to the nearest multiple of 5 (halves up): a hidden
/// `<5` can then no longer be worked out by subtracting the shown rows from a total (the
/// difference of rounded figures is only known to within a few, and may be 0 or negative).
pub const SMALL: i64 = 5;

/// Counts are shown rounded to this.
pub const ROUND_TO: i64 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    Count(i64),
    Small,
}

impl Figure {
    pub fn of(n: i64) -> Figure {
        if n > 0 && n < SMALL {
            Figure::Small
        } else {
            Figure::Count((n + ROUND_TO / 2) / ROUND_TO * ROUND_TO)
        }
    }

    pub fn shown(&self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Small => format!("<{SMALL}"),
        }
    }

    /// For charts: the bar's length (none for a hidden count).
    pub fn value(&self) -> Option<i64> {
        match self {
            Figure::Count(n) => Some(*n),
            Figure::Small => None,
        }
    }
}

/// Whether a count is one the report hides (1 to 4).
pub fn hidden(n: usize) -> bool {
    n > 0 && (n as i64) < SMALL
}

/// A share in whole percent (else `None`, shown as "–"): only over at least `SMALL` cases, and
/// never when the part or the rest is a hidden count. "20 % of 5" would give the hidden 1 away,
/// and "83 % of 6" the 1 that is not in it.
pub fn share(part: usize, whole: usize) -> Option<u32> {
    let rest = whole.saturating_sub(part);
    (whole as i64 >= SMALL && !hidden(part) && !hidden(rest))
        .then(|| ((part as f64 / whole as f64) * 100.0).round() as u32)
}

/// The mean, only over at least `SMALL` values.
pub fn mean(values: &[f64]) -> Option<f64> {
    ((values.len() as i64) >= SMALL).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A change with its sign and one decimal ("+0.5", "-1.2"), for the paired change.
pub fn signed_decimal(v: Option<f64>) -> Option<String> {
    v.map(|v| {
        let r = (v * 10.0).round() / 10.0;
        if r == 0.0 {
            "0.0".to_string()
        } else {
            format!("{r:+.1}")
        }
    })
}

/// The quarter of a month: "2026-11" → "2026-Q4".
pub fn quarter_of(month: Month) -> String {
    format!("{}-Q{}", month.year, (month.month - 1) / 3 + 1)
}

/// The median, only over at least `SMALL` values.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if (values.len() as i64) < SMALL {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// One decimal, as a figure for the report.
pub fn one_decimal(v: Option<f64>) -> Option<String> {
    v.map(|v| format!("{:.1}", (v * 10.0).round() / 10.0))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityRow {
    pub month: String,
    pub municipality: String,
    pub groups_active: Figure,
    pub meetups_held: Figure,
    pub adults: Figure,
    pub children: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinRow {
    pub month: String,
    pub municipality: String,
    pub requests: Figure,
    pub contacted_in_7_days: Option<u32>,
    pub median_days_to_contact: Option<String>,
    pub joined: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpRow {
    pub month: String,
    pub requests: Figure,
    pub median_hours_to_reply: Option<String>,
    pub answered_in_2_days: Option<u32>,
    /// Requests that asked to be called back with an interpreter.
    pub interpreter: Figure,
}

/// Help requests per month by one dimension (theme or language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitRow {
    pub month: String,
    pub key: String,
    pub requests: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideRow {
    pub guide: String,
    /// The guide's title in the reader's language (the slug until the server fills it in).
    pub title: String,
    pub views: Figure,
    pub helped_yes: Figure,
    pub helped_no: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissRow {
    pub pc4: String,
    pub place: String,
    pub searches: Figure,
}

/// The check-in's figures for one quarter (or `ALL_QUARTERS`, the whole period) and moment.
/// Every share is of the check-ins that answered what it counts; none over a hidden count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRow {
    pub quarter: String,
    /// "start", "3m" or "6m".
    pub moment: String,
    pub checkins: Figure,
    /// Check-ins with every statement answered (a loneliness score).
    pub scored: Figure,
    pub not_lonely: Option<u32>,
    pub moderately: Option<u32>,
    pub strongly: Option<u32>,
    /// Emotionally lonely (1–3 on the emotional sub-scale), of those with that score.
    pub emotional: Option<u32>,
    /// Socially lonely (1–3 on the social sub-scale), of those with that score.
    pub social: Option<u32>,
    pub life_answered: Figure,
    /// Mean life satisfaction 0–10, one decimal.
    pub life_mean: Option<String>,
    /// Satisfied (7–10), of those who answered.
    pub satisfied: Option<u32>,
    /// "Someone to ask for help with the children": yes, of those who answered.
    pub help_yes: Option<u32>,
    /// Check-ins read in a language whose wording is not a validated translation.
    pub unvalidated: Figure,
    /// For 3 and 6 months: the change since the same parent's start check-in.
    pub change: Option<PairedChange>,
}

/// Later check-ins paired with the same parent's start check-in (by the key of their link).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedChange {
    /// Pairs with a loneliness score at both moments.
    pub pairs: Figure,
    /// Mean change of the score 0–6 (negative: less lonely), signed, one decimal.
    pub loneliness: Option<String>,
    /// Share of those pairs whose score went down.
    pub less_lonely: Option<u32>,
    /// Pairs with life satisfaction at both moments.
    pub life_pairs: Figure,
    /// Mean change of life satisfaction (positive: more satisfied).
    pub life: Option<String>,
}

/// The quarter of `OutcomeRow` for the whole period.
pub const ALL_QUARTERS: &str = "all";

/// Join requests per month by "who sent you" (a kind of source, never a name), and the
/// families that joined with a child of 4 or older.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferralRow {
    pub month: String,
    pub self_: Figure,
    pub known: Figure,
    pub professional: Figure,
    pub other: Figure,
    pub not_given: Figure,
    pub joined_child_four_plus: Figure,
}

/// Totals over the whole period, for the one-page report and the charts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub groups_active: Figure,
    pub meetups_held: Figure,
    pub adults: Figure,
    pub children: Figure,
    pub join_requests: Figure,
    pub contacted_in_7_days: Option<u32>,
    pub median_days_to_contact: Option<String>,
    pub joined: Option<u32>,
    pub help_requests: Figure,
    pub median_hours_to_reply: Option<String>,
    pub answered_in_2_days: Option<u32>,
    pub interpreter_requests: Figure,
    pub guide_views: Figure,
    pub searches_without_group: Figure,
    /// Join requests sent by a professional ("who sent you?": wijkteam, consultatiebureau, …).
    pub referred_by_professional: Figure,
    /// Families that joined a group with a child of 4 or older (from the ages parents gave):
    /// they go on after the 4th birthday.
    pub joined_child_four_plus: Figure,
    /// Per month: join requests and help requests (for the chart).
    pub per_month: Vec<(String, Figure, Figure)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub from: String,
    pub to: String,
    pub activity: Vec<ActivityRow>,
    pub joins: Vec<JoinRow>,
    pub help: Vec<HelpRow>,
    pub help_themes: Vec<SplitRow>,
    pub help_languages: Vec<SplitRow>,
    /// Interpreter requests per month by the interpreter's language.
    pub help_interpreters: Vec<SplitRow>,
    pub guides: Vec<GuideRow>,
    pub misses: Vec<MissRow>,
    pub totals: Totals,
    /// Days in the period on which the hourly cap on new help questions turned questions
    /// away, with how many (load, not people: shown as counted).
    #[serde(default)]
    pub help_cap: Vec<(String, i64)>,
    /// Per partner and month: visits through its link and join requests through it.
    #[serde(default)]
    pub partners: Vec<PartnerRow>,
    /// Confirmed "tell me when a group starts" addresses waiting now, per PC4 area (numbers only).
    #[serde(default)]
    pub waiting: Vec<WaitingRow>,
    /// The check-in per quarter and moment, then per moment over the whole period.
    #[serde(default)]
    pub outcomes: Vec<OutcomeRow>,
    /// Join requests per month by "who sent you", and families with a child of 4 or older.
    #[serde(default)]
    pub referrals: Vec<ReferralRow>,
    /// Held meetups and who came, per month and meetup theme.
    #[serde(default)]
    pub meetup_themes: Vec<ThemeRow>,
}

/// Meetups of one theme held in one month, and the adults and children who came (small
/// counts hidden like every other figure).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeRow {
    pub month: String,
    /// The theme's text (`language`, `stress`, …).
    pub theme: String,
    pub meetups_held: Figure,
    pub adults: Figure,
    pub children: Figure,
}

/// One partner in one month (small counts hidden like every other figure).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerRow {
    pub month: String,
    pub partner: String,
    pub visits: Figure,
    pub join_requests: Figure,
}

/// Parents waiting for a group in one PC4 area (a count now, not per month; small hidden).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitingRow {
    pub pc4: String,
    pub place: String,
    pub waiting: Figure,
}

/// The tables that can be downloaded, by name.
pub const TABLES: [&str; 10] = [
    "activity",
    "joins",
    "help",
    "help-themes",
    "help-languages",
    "help-interpreters",
    "guides",
    "unmet-demand",
    "outcomes",
    "referrals",
];

// ---- Anonymous facts as the store reads them (the raw material of the dashboard).

/// A meetup that took place (not cancelled, started before now) in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldMeetup {
    pub month: Month,
    pub municipality: String,
    pub group_id: String,
    pub adults: Option<i64>,
    pub children: Option<i64>,
    /// Its theme (`meetups::model::Theme` as text), if it had one.
    pub theme: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JoinFact {
    pub month: Month,
    pub municipality: String,
    pub contacted_after: Option<i64>,
    pub joined: bool,
    /// "self", "known", "professional", "other" or "unknown".
    pub referral: String,
    pub child_four_plus: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HelpFact {
    pub month: Month,
    pub theme: String,
    pub language: String,
    pub first_reply_after: Option<i64>,
    /// The language of the interpreter asked for, if any.
    pub interpreter: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_count() {
        let m = Month::parse("2026-11").unwrap();
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(m.next().to_string(), "2026-12");
        assert_eq!(m.next().next().to_string(), "2027-01");
        assert_eq!(m.minus(11).to_string(), "2025-12");
        for bad in [
            "2026-13", "2026-1", "26-11", "2026", "", "abcd-ef", "1999-01",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_period_defaults_to_six_months_and_is_at_most_three_years() {
        let now = crate::time::from_local(2026, 11, 23, 12, 0);
        let p = Period::parse(None, None, now);
        assert_eq!(
            (p.from.to_string(), p.to.to_string()),
            ("2026-06".into(), "2026-11".into())
        );
        assert_eq!(p.months().len(), 6);
        let swapped = Period::parse(Some("2026-03"), Some("2026-01"), now);
        assert_eq!(swapped.from.to_string(), "2026-01");
        let long = Period::parse(Some("2000-01"), Some("2026-11"), now);
        assert_eq!(long.months().len(), MAX_MONTHS);
        let garbage = Period::parse(Some("x"), Some("2026-02"), now);
        assert_eq!(garbage.from.to_string(), "2025-09");
    }

    proptest::proptest! {
        #[test]
        fn months_never_panic_and_stay(s in "\\PC*", t in "[0-9+-]{0,8}") {
            for s in [s, t] {
                if let Some(m) = Month::parse(&s) {
                    proptest::prop_assert_eq!(Month::parse(&m.to_string()), Some(m));
                }
            }
        }

        #[test]
        fn any_period_is_ordered_and_short(
            from in proptest::option::of("\\PC{0,9}|[0-9]{4}-[0-9]{2}"),
            to in proptest::option::of("\\PC{0,9}|[0-9]{4}-[0-9]{2}"),
            now in 0i64..4_200_000_000,
        ) {
            let p = Period::parse(from.as_deref(), to.as_deref(), now);
            proptest::prop_assert!(p.from <= p.to);
            proptest::prop_assert!(p.months().len() <= MAX_MONTHS);
        }
    }

    #[test]
    fn period_ranges_follow_dutch_time() {
        let p = Period::parse(Some("2026-11"), Some("2026-11"), 0);
        let (start, end) = p.unix_range();
        // 1 November 00:00 in Amsterdam is 31 October 23:00 UTC.
        assert_eq!(start, 1_793_487_600);
        assert_eq!(end - start, 30 * 86_400);
        assert_eq!(month_of(start).to_string(), "2026-11");
        assert_eq!(month_of(start - 1).to_string(), "2026-10");
    }

    #[test]
    fn small_counts_are_hidden_but_zero_is_not() {
        assert_eq!(Figure::of(0).shown(), "0");
        for n in 1..5 {
            assert_eq!(Figure::of(n).shown(), "<5");
            assert_eq!(Figure::of(n).value(), None);
        }
        assert_eq!(Figure::of(5).shown(), "5");
        // Rounded to 5, so a total minus shown rows does not give a hidden count back:
        // rows 5, 6 and a hidden 2 make 13; shown 5, 5, "<5" and a total of 15.
        assert_eq!(Figure::of(6).shown(), "5");
        assert_eq!(Figure::of(7).shown(), "5");
        assert_eq!(Figure::of(8).shown(), "10");
        assert_eq!(Figure::of(13).shown(), "15");
        for hidden in 1..SMALL {
            let total = Figure::of(5 + 6 + hidden).value().unwrap();
            let worked_out = total - 5 - 5;
            assert_ne!(worked_out, hidden, "hidden {hidden} from the total");
        }
    }

    #[test]
    fn shares_and_medians_need_five_cases() {
        // (part, whole, shown): never over fewer than 5, never when the part or the rest is a
        // hidden count (1 to 4): "20 % of 5" would give a 1 away.
        let table = [
            (3, 4, None),
            (1, 5, None),
            (3, 5, None),
            (4, 5, None),
            (5, 6, None),
            (2, 9, None),
            (0, 5, Some(0)),
            (5, 5, Some(100)),
            (5, 10, Some(50)),
            (6, 11, Some(55)),
            (20, 24, None),
            (25, 30, Some(83)),
        ];
        for (part, whole, shown) in table {
            assert_eq!(share(part, whole), shown, "{part} of {whole}");
        }
        // Whatever is shown, no hidden count can be worked back from it.
        for whole in 0..40usize {
            for part in 0..=whole {
                if share(part, whole).is_some() {
                    assert!(!hidden(part) && !hidden(whole - part), "{part} of {whole}");
                }
            }
        }
        assert_eq!(mean(&[1.0, 2.0, 3.0, 4.0]), None);
        assert_eq!(mean(&[1.0, 2.0, 3.0, 4.0, 5.0]), Some(3.0));
        assert_eq!(signed_decimal(Some(-0.84)), Some("-0.8".into()));
        assert_eq!(signed_decimal(Some(0.25)), Some("+0.3".into()));
        assert_eq!(signed_decimal(Some(0.01)), Some("0.0".into()));
        assert_eq!(quarter_of(Month::parse("2026-11").unwrap()), "2026-Q4");
        assert_eq!(quarter_of(Month::parse("2026-03").unwrap()), "2026-Q1");
        assert_eq!(median(&mut [1.0, 2.0, 3.0, 4.0]), None);
        assert_eq!(median(&mut [5.0, 1.0, 3.0, 2.0, 4.0]), Some(3.0));
        assert_eq!(median(&mut [6.0, 1.0, 3.0, 2.0, 4.0, 5.0]), Some(3.5));
        assert_eq!(one_decimal(Some(1.25)), Some("1.3".into()));
    }
}
