//! The check-in's rules: the six statements of the short De Jong Gierveld loneliness scale as
//! CBS asks them, life satisfaction 0–10, their scoring, and the form that carries them.
//!
//! Sources (read 2026-12-07):
//! - De Jong Gierveld, J. & Van Tilburg, T. G. (1999, updated). *Manual of the Loneliness
//!   Scale*. VU University Amsterdam. <https://home.fsw.vu.nl/tg.van.tilburg/manual_loneliness_scale_1999.html>
//!   (the 6-item short scale: De Jong Gierveld & Van Tilburg, 2006; its SPSS syntax counts
//!   items 3, 9, 10 of the long scale, our 1, 4, 6, as emotional and 4, 7, 8, our 2, 3, 5, as
//!   social; 0–1 not lonely, 2–4 moderately, 5–6 strongly lonely).
//! - CBS, *Loneliness survey – technical explanation* (2020):
//!   <https://www.cbs.nl/en-gb/news/2020/13/nearly-1-in-10-dutch-people-frequently-lonely-in-2019/loneliness-survey-technical-explanation>
//!   ("somewhat" or "yes" scores 1, after items 2, 3 and 5 are re-coded; the same cut-offs;
//!   each sub-scale 0–3).
//! - CBS, *Meten van tevredenheid* (2014): life satisfaction 0–10, 0 "volledig ontevreden",
//!   10 "volledig tevreden"; 0–4 dissatisfied, 5–6 neither, 7–8 satisfied, 9–10 very satisfied.
//!   <https://www.cbs.nl/nl-nl/nieuws/2014/04/mensen-vaakst-tevreden-met-woning-minst-vaak-met-financien/meten-van-tevredenheid>
//!
//! The scale is for counting groups of people in research, not for judging one person: nothing
//! here is ever shown to the parent or to anyone as "your score".
use serde::{Deserialize, Serialize};

use crate::i18n::{k, Lang};
use crate::web::form::{field, valid_token, FieldErrors, FromForm, RawForm};

/// An answer to one statement ("ja / min of meer / nee").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    MoreOrLess,
    No,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::MoreOrLess, Answer::No];

    /// The form's and the database's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::MoreOrLess => "more-or-less",
            Answer::No => "no",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The words on the button ("Ja", "Min of meer", "Nee" in Dutch, as CBS offers them).
    pub fn key(self) -> &'static str {
        match self {
            Answer::Yes => k("checkin-yes"),
            Answer::MoreOrLess => k("checkin-more-or-less"),
            Answer::No => k("checkin-no"),
        }
    }
}

/// Which loneliness a statement asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dimension {
    /// Missing a close bond; worded negatively: "yes" is the lonely answer.
    Emotional,
    /// Missing a wider circle; worded positively: "no" is the lonely answer (re-coded).
    Social,
}

/// One statement: its form field, what it asks about, its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub field: &'static str,
    pub dimension: Dimension,
    pub key: &'static str,
}

/// The six statements in CBS's order. The Dutch words are CBS's (locales/nl/checkin.ftl).
pub const ITEMS: [Item; 6] = [
    Item {
        field: "q1",
        dimension: Dimension::Emotional,
        key: k("checkin-q1"),
    },
    Item {
        field: "q2",
        dimension: Dimension::Social,
        key: k("checkin-q2"),
    },
    Item {
        field: "q3",
        dimension: Dimension::Social,
        key: k("checkin-q3"),
    },
    Item {
        field: "q4",
        dimension: Dimension::Emotional,
        key: k("checkin-q4"),
    },
    Item {
        field: "q5",
        dimension: Dimension::Social,
        key: k("checkin-q5"),
    },
    Item {
        field: "q6",
        dimension: Dimension::Emotional,
        key: k("checkin-q6"),
    },
];

/// The answers to the six statements, in order; `None` where a statement was skipped.
pub type Answers = [Option<Answer>; 6];

/// 1 for the lonely answer, 0 for the other: "more or less" always counts as lonely.
pub fn item_score(dimension: Dimension, answer: Answer) -> u8 {
    match (dimension, answer) {
        (Dimension::Emotional, Answer::Yes | Answer::MoreOrLess) => 1,
        (Dimension::Social, Answer::No | Answer::MoreOrLess) => 1,
        _ => 0,
    }
}

/// The sum over the items of one dimension (or all when `None`); missing when any of them was
/// skipped. The issue asks for this strict rule (a skipped item makes the score missing, never
/// zero); the manual's SPSS syntax is a little more lenient for the 6-item total (it still
/// counts a total with one item missing), so our totals are never higher or lower by a skipped
/// item, at the price of a few more missing scores.
fn sum(answers: &Answers, dimension: Option<Dimension>) -> Option<u8> {
    ITEMS
        .iter()
        .zip(answers)
        .filter(|(item, _)| dimension.is_none_or(|d| item.dimension == d))
        .map(|(item, a)| a.map(|a| item_score(item.dimension, a)))
        .sum()
}

/// The scores of one check-in: total 0–6, emotional 0–3, social 0–3; `None` is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub total: Option<u8>,
    pub emotional: Option<u8>,
    pub social: Option<u8>,
}

pub fn scores(answers: &Answers) -> Scores {
    Scores {
        total: sum(answers, None),
        emotional: sum(answers, Some(Dimension::Emotional)),
        social: sum(answers, Some(Dimension::Social)),
    }
}

/// CBS's and the manual's three groups of the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// 0–1.
    NotLonely,
    /// 2–4 ("enigszins eenzaam" at CBS).
    Moderately,
    /// 5–6 ("sterk eenzaam").
    Strongly,
}

pub fn level(total: u8) -> Level {
    match total {
        0 | 1 => Level::NotLonely,
        2..=4 => Level::Moderately,
        _ => Level::Strongly,
    }
}

/// A sub-scale's two groups in the manual: 0 not lonely, 1–3 lonely.
pub fn lonely_on(sub: u8) -> bool {
    sub >= 1
}

/// Life satisfaction as CBS groups it: 7 or more is satisfied (7–8 satisfied, 9–10 very).
pub fn satisfied(life: u8) -> bool {
    life >= 7
}

/// When in a parent's time with Doorstart the check-in is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Moment {
    Start,
    ThreeMonths,
    SixMonths,
}

impl Moment {
    pub const ALL: [Moment; 3] = [Moment::Start, Moment::ThreeMonths, Moment::SixMonths];

    pub fn as_str(self) -> &'static str {
        match self {
            Moment::Start => "start",
            Moment::ThreeMonths => "3m",
            Moment::SixMonths => "6m",
        }
    }

    pub fn parse(s: &str) -> Option<Moment> {
        Moment::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The check-in after this one, if any.
    pub fn next(self) -> Option<Moment> {
        match self {
            Moment::Start => Some(Moment::ThreeMonths),
            Moment::ThreeMonths => Some(Moment::SixMonths),
            Moment::SixMonths => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Moment::Start => k("checkin-moment-start"),
            Moment::ThreeMonths => k("checkin-moment-3m"),
            Moment::SixMonths => k("checkin-moment-6m"),
        }
    }

    /// Days after the reminder was asked for that its mail goes out (about 3 and 6 months).
    pub fn reminder_days(self) -> Option<i64> {
        match self {
            Moment::Start => None,
            Moment::ThreeMonths => Some(91),
            Moment::SixMonths => Some(182),
        }
    }
}

/// Whether the statements in this language are a validated translation of the scale. Only the
/// Dutch are: they are CBS's own words. Validated Persian (6 items) and Turkish (11 items)
/// versions exist in the literature (Salmand 2019; Çavdar et al., IJHSS), but we could not read
/// their wording, so our Persian and Turkish are, like every other language here, a careful
/// translation that has not been validated. The report counts check-ins in such a language.
pub fn wording_validated(lang: Lang) -> bool {
    lang == Lang::Nl
}

/// What the join status page offers: the parent's own check-in link (its random key) and, for a
/// parent who gave an e-mail address, whether the 3- and 6-month reminders are on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub key: String,
    /// `None`: no e-mail address on the request, so no reminder can be offered.
    pub reminders: Option<bool>,
}

impl Offer {
    pub fn link(&self, moment: Moment) -> String {
        link(&self.key, moment)
    }
}

/// The check-in link of a key and moment.
pub fn link(key: &str, moment: Moment) -> String {
    format!("/check-in?k={key}&moment={}", moment.as_str())
}

/// A posted check-in, parsed once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInInput {
    /// The random key of the parent's link (never stored as such: see `store::pair_of`).
    pub key: String,
    pub moment: Moment,
    pub answers: Answers,
    pub life: Option<u8>,
    pub help_with_children: Option<bool>,
}

/// The form fields, for tests and the page.
pub const FIELDS: [&str; 11] = [
    "k",
    "moment",
    "consent",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "life",
    "help_with_children",
];

impl FromForm for CheckInInput {
    /// Every statement may be skipped; an answer that no button sends, a `life` outside 0–10 or
    /// no consent is a problem of its field, and nothing is stored.
    fn from_form(form: &RawForm) -> Result<CheckInInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let key = field(form, "k").to_string();
        let moment = Moment::parse(field(form, "moment"));
        if !valid_token(&key) || moment.is_none() || !field(form, "website").is_empty() {
            errors.add("form", k("checkin-form-broken"));
        }
        if field(form, "consent") != "yes" {
            errors.add("consent", k("checkin-consent-missing"));
        }
        let mut answers: Answers = [None; 6];
        for (slot, item) in answers.iter_mut().zip(ITEMS) {
            match field(form, item.field) {
                "" => {}
                v => match Answer::parse(v) {
                    Some(a) => *slot = Some(a),
                    None => errors.add(item.field, k("checkin-answer-invalid")),
                },
            }
        }
        let life = match field(form, "life").trim() {
            "" => None,
            v => {
                let n = v.parse::<u8>().ok().filter(|n| *n <= 10);
                if n.is_none() {
                    errors.add("life", k("checkin-life-invalid"));
                }
                n
            }
        };
        let help_with_children = match field(form, "help_with_children") {
            "" => None,
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.add("help_with_children", k("checkin-answer-invalid"));
                None
            }
        };
        match moment {
            Some(moment) if errors.is_empty() => Ok(CheckInInput {
                key,
                moment,
                answers,
                life,
                help_with_children,
            }),
            _ => Err(errors),
        }
    }
}

/// One stored check-in as the report reads it: no name, contact, group or time of day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInFact {
    /// The hash that links a parent's check-ins (see `store::pair_of`).
    pub pair: String,
    pub moment: Moment,
    /// "YYYY-MM", Dutch time.
    pub month: String,
    /// The language the statements were read in.
    pub lang: String,
    pub answers: Answers,
    pub life: Option<u8>,
    pub help_with_children: Option<bool>,
}

/// A national figure to compare with: the same scale or question, the year, who, where read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// What is compared: one of the report's measures.
    pub measure: Measure,
    /// The share in percent as the source gives it.
    pub percent: &'static str,
    pub year: u16,
    /// Who was asked (message key).
    pub population: &'static str,
    pub source: &'static str,
}

/// The measures of the report that have a national figure beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    NotLonely,
    Moderately,
    Strongly,
    Satisfied,
}

/// CBS's figures, read 2026-12-07. Nothing else is compared: no national mean life satisfaction
/// was read from a source, so none is shown.
pub const REFERENCES: [Reference; 5] = [
    Reference {
        measure: Measure::NotLonely,
        percent: "61",
        year: 2024,
        population: k("checkin-ref-all"),
        source: "CBS, Sociale samenhang en welzijn 2024 (https://openrijk.nl/en/rijksinstellingen/centraal-bureau-voor-de-statistiek/artikel/10-procent-van-de-15-plussers-sterk-eenzaam-in-2024/10-percent-of-15-and-older-feel-strongly-lonely-in-2024)",
    },
    Reference {
        measure: Measure::Moderately,
        percent: "30",
        year: 2024,
        population: k("checkin-ref-all"),
        source: "CBS, Sociale samenhang en welzijn 2024 (https://openrijk.nl/en/rijksinstellingen/centraal-bureau-voor-de-statistiek/artikel/10-procent-van-de-15-plussers-sterk-eenzaam-in-2024/10-percent-of-15-and-older-feel-strongly-lonely-in-2024)",
    },
    Reference {
        measure: Measure::Strongly,
        percent: "10",
        year: 2024,
        population: k("checkin-ref-all"),
        source: "CBS, Sociale samenhang en welzijn 2024 (https://openrijk.nl/en/rijksinstellingen/centraal-bureau-voor-de-statistiek/artikel/10-procent-van-de-15-plussers-sterk-eenzaam-in-2024/10-percent-of-15-and-older-feel-strongly-lonely-in-2024)",
    },
    Reference {
        measure: Measure::Strongly,
        percent: "15",
        year: 2019,
        population: k("checkin-ref-single-parents"),
        source: "CBS (https://www.cbs.nl/en-gb/news/2020/13/nearly-1-in-10-dutch-people-frequently-lonely-in-2019)",
    },
    Reference {
        measure: Measure::Satisfied,
        percent: "84.2",
        year: 2023,
        population: k("checkin-ref-adults"),
        source: "CBS, Monitor of Well-being (https://cbs.nl/en-gb/visualisations/monitor-of-well-being-and-the-sustainable-development-goals/distribution-of-well-being/distribution-of-well-being-subjective-well-being)",
    },
];

/// The figures to put beside one measure.
pub fn references(measure: Measure) -> impl Iterator<Item = &'static Reference> {
    REFERENCES.iter().filter(move |r| r.measure == measure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::form::raw_form as form;

    use Answer::{MoreOrLess as M, No as N, Yes as Y};

    const KEY: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    #[test]
    fn each_item_scores_its_lonely_answer() {
        // (statement, answer, score): emotional 1, 4, 6 count "yes" and "more or less";
        // social 2, 3, 5 are re-coded and count "no" and "more or less".
        let table = [
            (1, Y, 1),
            (1, M, 1),
            (1, N, 0),
            (2, Y, 0),
            (2, M, 1),
            (2, N, 1),
            (3, Y, 0),
            (3, M, 1),
            (3, N, 1),
            (4, Y, 1),
            (4, M, 1),
            (4, N, 0),
            (5, Y, 0),
            (5, M, 1),
            (5, N, 1),
            (6, Y, 1),
            (6, M, 1),
            (6, N, 0),
        ];
        for (n, answer, score) in table {
            let item = ITEMS[n - 1];
            assert_eq!(item.field, format!("q{n}"));
            assert_eq!(item_score(item.dimension, answer), score, "q{n} {answer:?}");
        }
    }

    #[test]
    fn worked_cases_of_the_manual_and_cbs() {
        // Cases worked by hand with the manual's SPSS syntax (count lone3 lone9 lone10 (2,3),
        // lone4 lone7 lone8 (1,2); recode 0–1 / 2–4 / 5–6) and CBS's technical explanation.
        // (answers q1..q6, total, emotional, social, level)
        let table: [(Answers, u8, u8, u8, Level); 8] = [
            // Nobody missed, everyone to lean on: not lonely.
            (
                [Some(N), Some(Y), Some(Y), Some(N), Some(Y), Some(N)],
                0,
                0,
                0,
                Level::NotLonely,
            ),
            // "Yes" to everything: emotional 3, social 0 (the positive items re-coded): 3.
            ([Some(Y); 6], 3, 3, 0, Level::Moderately),
            // "No" to everything: emotional 0, social 3: 3.
            ([Some(N); 6], 3, 0, 3, Level::Moderately),
            // "More or less" counts as lonely everywhere: 6.
            ([Some(M); 6], 6, 3, 3, Level::Strongly),
            // Every lonely answer: 6.
            (
                [Some(Y), Some(N), Some(N), Some(Y), Some(N), Some(Y)],
                6,
                3,
                3,
                Level::Strongly,
            ),
            // One emotional item: 1, still not lonely (CBS: 0 to 1).
            (
                [Some(M), Some(Y), Some(Y), Some(N), Some(Y), Some(N)],
                1,
                1,
                0,
                Level::NotLonely,
            ),
            // Two: moderately (2 to 4).
            (
                [Some(M), Some(Y), Some(N), Some(N), Some(Y), Some(N)],
                2,
                1,
                1,
                Level::Moderately,
            ),
            // Five: strongly (5 or 6).
            (
                [Some(Y), Some(N), Some(M), Some(Y), Some(Y), Some(M)],
                5,
                3,
                2,
                Level::Strongly,
            ),
        ];
        for (answers, total, emotional, social, lvl) in table {
            let s = scores(&answers);
            assert_eq!(
                s,
                Scores {
                    total: Some(total),
                    emotional: Some(emotional),
                    social: Some(social)
                },
                "{answers:?}"
            );
            assert_eq!(level(total), lvl, "{answers:?}");
        }
    }

    #[test]
    fn a_skipped_item_makes_the_score_missing_never_zero() {
        // (answers, total, emotional, social)
        type Row = (Answers, Option<u8>, Option<u8>, Option<u8>);
        let table: [Row; 5] = [
            // A social item skipped: total and social missing, emotional still counted.
            (
                [Some(Y), None, Some(Y), Some(Y), Some(Y), Some(Y)],
                None,
                Some(3),
                None,
            ),
            // An emotional item skipped: total and emotional missing.
            (
                [Some(N), Some(Y), Some(Y), None, Some(Y), Some(N)],
                None,
                None,
                Some(0),
            ),
            // Nothing answered: nothing scored (not a "not lonely" zero).
            ([None; 6], None, None, None),
            // All answered but one of each: both missing.
            (
                [None, Some(N), Some(N), Some(Y), None, Some(Y)],
                None,
                None,
                None,
            ),
            // All answered: scored.
            ([Some(N); 6], Some(3), Some(0), Some(3)),
        ];
        for (answers, total, emotional, social) in table {
            assert_eq!(
                scores(&answers),
                Scores {
                    total,
                    emotional,
                    social
                },
                "{answers:?}"
            );
        }
    }

    #[test]
    fn levels_and_sub_scales_follow_the_cut_offs() {
        let expected = [
            Level::NotLonely,
            Level::NotLonely,
            Level::Moderately,
            Level::Moderately,
            Level::Moderately,
            Level::Strongly,
            Level::Strongly,
        ];
        for (total, want) in expected.into_iter().enumerate() {
            assert_eq!(level(total as u8), want, "{total}");
        }
        assert_eq!(
            (0..=3).map(lonely_on).collect::<Vec<_>>(),
            [false, true, true, true]
        );
        assert_eq!(
            (0..=10).filter(|n| satisfied(*n)).collect::<Vec<_>>(),
            [7, 8, 9, 10]
        );
    }

    #[test]
    fn moments_and_links() {
        for m in Moment::ALL {
            assert_eq!(Moment::parse(m.as_str()), Some(m));
        }
        assert_eq!(Moment::parse("12m"), None);
        assert_eq!(Moment::Start.next(), Some(Moment::ThreeMonths));
        assert_eq!(Moment::SixMonths.next(), None);
        assert_eq!(
            link(KEY, Moment::ThreeMonths),
            format!("/check-in?k={KEY}&moment=3m")
        );
    }

    #[test]
    fn a_form_with_every_answer() {
        let input = CheckInInput::from_form(&form(&[
            ("k", KEY),
            ("moment", "start"),
            ("consent", "yes"),
            ("q1", "yes"),
            ("q2", "more-or-less"),
            ("q3", "no"),
            ("q4", "no"),
            ("q5", "yes"),
            ("q6", "more-or-less"),
            ("life", "7"),
            ("help_with_children", "no"),
        ]))
        .unwrap();
        assert_eq!(
            input.answers,
            [Some(Y), Some(M), Some(N), Some(N), Some(Y), Some(M)]
        );
        assert_eq!(
            (input.life, input.help_with_children),
            (Some(7), Some(false))
        );
        assert_eq!(scores(&input.answers).total, Some(4));
    }

    #[test]
    fn skipped_is_fine_bad_is_named() {
        let skipped = CheckInInput::from_form(&form(&[
            ("k", KEY),
            ("moment", "6m"),
            ("consent", "yes"),
            ("q1", "no"),
        ]))
        .unwrap();
        assert_eq!(skipped.answers[1..], [None; 5]);
        assert_eq!((skipped.life, skipped.help_with_children), (None, None));
        // (field, value, the field that gets the message)
        let bad = [
            ("q3", "maybe", "q3"),
            ("q1", "YES", "q1"),
            ("life", "11", "life"),
            ("life", "-1", "life"),
            ("life", "7.5", "life"),
            ("help_with_children", "sometimes", "help_with_children"),
            ("consent", "no", "consent"),
            ("moment", "1y", "form"),
            ("k", "short", "form"),
            ("website", "spam", "form"),
        ];
        for (name, value, problem) in bad {
            let mut f = form(&[("k", KEY), ("moment", "start"), ("consent", "yes")]);
            f.insert(name.to_string(), value.to_string());
            let errors = CheckInInput::from_form(&f).unwrap_err();
            assert!(errors.get(problem).is_some(), "{name}={value}");
        }
        let no_consent = CheckInInput::from_form(&form(&[("k", KEY), ("moment", "start")]));
        assert_eq!(
            no_consent.unwrap_err().get("consent"),
            Some("checkin-consent-missing")
        );
    }

    #[test]
    fn only_the_dutch_wording_is_validated() {
        for lang in Lang::ALL {
            assert_eq!(wording_validated(lang), lang == Lang::Nl, "{lang:?}");
        }
        // Every figure beside the report names its year and source.
        for r in REFERENCES {
            assert!(r.year >= 2019 && r.source.contains("CBS") && r.source.contains("https://"));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_check_in_form(f in crate::web::form::any_form(&FIELDS)) {
            if let Ok(c) = CheckInInput::from_form(&f) {
                proptest::prop_assert!(c.life.is_none_or(|l| l <= 10));
                let s = scores(&c.answers);
                proptest::prop_assert!(s.total.is_none_or(|t| t <= 6));
                proptest::prop_assert_eq!(s.total.is_some(), c.answers.iter().all(Option::is_some));
            }
        }
    }
}
