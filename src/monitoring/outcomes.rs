//! The check-in in the report (issue 24): per quarter and moment, then per moment over the
//! whole period, how many check-ins, the shares not / moderately / strongly lonely (CBS's
//! groups of the short De Jong Gierveld scale), the sub-scales, life satisfaction, and the
//! change since the same parent's start check-in. Also the council's monthly referral figures.
//! Counts as everywhere: 1–4 hidden, the rest rounded to 5; shares and means only over at least
//! 5, and never a share whose part or rest is a hidden count.
use std::collections::{BTreeMap, HashMap};

use super::model::*;
use crate::checkin::model::{
    level, lonely_on, satisfied, scores, wording_validated, CheckInFact, Level, Moment,
};
use crate::i18n::Lang;

fn validated(f: &CheckInFact) -> bool {
    Lang::parse(&f.lang).is_some_and(wording_validated)
}

/// The change of later check-ins since their start check-in (found by the same pair).
fn change(later: &[&CheckInFact], starts: &HashMap<&str, &CheckInFact>) -> PairedChange {
    let mut scores_diff = Vec::new();
    let mut down = 0;
    let mut life_diff = Vec::new();
    for f in later {
        let Some(start) = starts.get(f.pair.as_str()) else {
            continue;
        };
        if let (Some(before), Some(after)) =
            (scores(&start.answers).total, scores(&f.answers).total)
        {
            scores_diff.push(f64::from(after) - f64::from(before));
            if after < before {
                down += 1;
            }
        }
        if let (Some(before), Some(after)) = (start.life, f.life) {
            life_diff.push(f64::from(after) - f64::from(before));
        }
    }
    PairedChange {
        pairs: Figure::of(scores_diff.len() as i64),
        loneliness: signed_decimal(mean(&scores_diff)),
        less_lonely: share(down, scores_diff.len()),
        life_pairs: Figure::of(life_diff.len() as i64),
        life: signed_decimal(mean(&life_diff)),
    }
}

fn row(
    quarter: String,
    moment: Moment,
    facts: &[&CheckInFact],
    starts: &HashMap<&str, &CheckInFact>,
) -> OutcomeRow {
    let all: Vec<_> = facts.iter().map(|f| scores(&f.answers)).collect();
    let totals: Vec<u8> = all.iter().filter_map(|s| s.total).collect();
    let at = |l: Level| totals.iter().filter(|t| level(**t) == l).count();
    let sub = |pick: fn(&crate::checkin::model::Scores) -> Option<u8>| {
        let answered: Vec<u8> = all.iter().filter_map(pick).collect();
        share(
            answered.iter().filter(|s| lonely_on(**s)).count(),
            answered.len(),
        )
    };
    let life: Vec<u8> = facts.iter().filter_map(|f| f.life).collect();
    let life_values: Vec<f64> = life.iter().map(|l| f64::from(*l)).collect();
    let help: Vec<bool> = facts.iter().filter_map(|f| f.help_with_children).collect();
    OutcomeRow {
        quarter,
        moment: moment.as_str().to_string(),
        checkins: Figure::of(facts.len() as i64),
        scored: Figure::of(totals.len() as i64),
        not_lonely: share(at(Level::NotLonely), totals.len()),
        moderately: share(at(Level::Moderately), totals.len()),
        strongly: share(at(Level::Strongly), totals.len()),
        emotional: sub(|s| s.emotional),
        social: sub(|s| s.social),
        life_answered: Figure::of(life.len() as i64),
        life_mean: one_decimal(mean(&life_values)),
        satisfied: share(life.iter().filter(|l| satisfied(**l)).count(), life.len()),
        help_yes: share(help.iter().filter(|h| **h).count(), help.len()),
        unvalidated: Figure::of(facts.iter().filter(|f| !validated(f)).count() as i64),
        change: (moment != Moment::Start).then(|| change(facts, starts)),
    }
}

/// The first month whose check-ins the report reads: a later check-in in the period may pair
/// with a start check-in up to a year before it.
pub fn first_month_read(period: Period) -> Month {
    period.from.minus(12)
}

/// The rows of the period from the check-ins read since `first_month_read`.
pub fn outcomes(period: Period, facts: &[CheckInFact]) -> Vec<OutcomeRow> {
    let starts: HashMap<&str, &CheckInFact> = facts
        .iter()
        .filter(|f| f.moment == Moment::Start)
        .map(|f| (f.pair.as_str(), f))
        .collect();
    let in_period: Vec<(Month, &CheckInFact)> = facts
        .iter()
        .filter_map(|f| Month::parse(&f.month).map(|m| (m, f)))
        .filter(|(m, _)| *m >= period.from && *m <= period.to)
        .collect();
    let mut by_quarter: BTreeMap<(String, Moment), Vec<&CheckInFact>> = BTreeMap::new();
    let mut by_moment: BTreeMap<Moment, Vec<&CheckInFact>> = BTreeMap::new();
    for (month, f) in &in_period {
        by_quarter
            .entry((quarter_of(*month), f.moment))
            .or_default()
            .push(f);
        by_moment.entry(f.moment).or_default().push(f);
    }
    let mut rows: Vec<OutcomeRow> = by_quarter
        .into_iter()
        .map(|((quarter, moment), facts)| row(quarter, moment, &facts, &starts))
        .collect();
    rows.extend(
        by_moment
            .into_iter()
            .map(|(moment, facts)| row(ALL_QUARTERS.to_string(), moment, &facts, &starts)),
    );
    rows
}

/// Join requests per month by who sent the parent, and families that joined with a child of 4
/// or older (by the month of their request).
pub fn referrals(period: Period, joins: &[JoinFact]) -> Vec<ReferralRow> {
    period
        .months()
        .into_iter()
        .map(|month| {
            let of_month: Vec<&JoinFact> = joins.iter().filter(|j| j.month == month).collect();
            let count = |kind: &str| {
                Figure::of(of_month.iter().filter(|j| j.referral == kind).count() as i64)
            };
            ReferralRow {
                month: month.to_string(),
                self_: count("self"),
                known: count("known"),
                professional: count("professional"),
                other: count("other"),
                not_given: count("unknown"),
                joined_child_four_plus: Figure::of(
                    of_month
                        .iter()
                        .filter(|j| j.joined && j.child_four_plus)
                        .count() as i64,
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::model::Answer::{MoreOrLess as M, No as N, Yes as Y};
    use crate::checkin::model::Answers;

    const NOT: Answers = [Some(N), Some(Y), Some(Y), Some(N), Some(Y), Some(N)];
    const MODERATE: Answers = [Some(Y); 6];
    const STRONG: Answers = [Some(M); 6];

    fn fact(pair: &str, moment: Moment, month: &str, answers: Answers, life: u8) -> CheckInFact {
        CheckInFact {
            pair: pair.to_string(),
            moment,
            month: month.to_string(),
            lang: "nl".to_string(),
            answers,
            life: Some(life),
            help_with_children: Some(true),
        }
    }

    fn period(from: &str, to: &str) -> Period {
        Period::parse(Some(from), Some(to), 0)
    }

    #[test]
    fn shares_per_moment_with_small_groups_hidden() {
        // Start in November: 10 parents, 5 not lonely, 3 moderately, 2 strongly lonely.
        let mut facts = Vec::new();
        for n in 0..10 {
            let answers = match n {
                0..=4 => NOT,
                5..=7 => MODERATE,
                _ => STRONG,
            };
            facts.push(fact(&format!("p{n}"), Moment::Start, "2026-11", answers, 5));
        }
        let rows = outcomes(period("2026-11", "2026-11"), &facts);
        let all = rows
            .iter()
            .find(|r| r.quarter == ALL_QUARTERS && r.moment == "start")
            .unwrap();
        assert_eq!(all.checkins, Figure::Count(10));
        // 5 of 10 not lonely is shown; 3 and 2 are hidden counts, so their shares are not.
        assert_eq!(
            (all.not_lonely, all.moderately, all.strongly),
            (Some(50), None, None)
        );
        assert_eq!(all.life_mean.as_deref(), Some("5.0"));
        assert_eq!(all.satisfied, Some(0));
        assert_eq!(all.help_yes, Some(100));
        assert_eq!(all.unvalidated, Figure::Count(0));
        assert!(all.change.is_none(), "no change at the start");
        // The quarter row says the same for 2026-Q4.
        assert!(rows
            .iter()
            .any(|r| r.quarter == "2026-Q4" && r.checkins == Figure::Count(10)));
    }

    #[test]
    fn a_skipped_item_is_missing_not_zero() {
        let mut facts: Vec<CheckInFact> = (0..5)
            .map(|n| fact(&format!("p{n}"), Moment::Start, "2026-11", STRONG, 3))
            .collect();
        // Six more who skipped one statement: counted as check-ins, never as "not lonely".
        for n in 5..11 {
            let mut answers = STRONG;
            answers[2] = None;
            facts.push(fact(&format!("p{n}"), Moment::Start, "2026-11", answers, 3));
        }
        let rows = outcomes(period("2026-11", "2026-11"), &facts);
        let all = rows.iter().find(|r| r.quarter == ALL_QUARTERS).unwrap();
        assert_eq!(all.checkins, Figure::Count(10), "11, rounded to 5");
        assert_eq!(all.scored, Figure::Count(5));
        assert_eq!((all.not_lonely, all.strongly), (Some(0), Some(100)));
        // The emotional sub-scale is whole for all 11: strongly lonely items.
        assert_eq!(all.emotional, Some(100));
    }

    #[test]
    fn paired_change_links_only_the_same_key() {
        let mut facts = Vec::new();
        // Six parents: strongly lonely at the start (in the year before the period) ...
        for n in 0..6 {
            facts.push(fact(&format!("p{n}"), Moment::Start, "2026-06", STRONG, 4));
        }
        // ... five of them not lonely after 3 months, one still strongly lonely; and one 3-month
        // check-in without a start (a parent at a meetup) that pairs with nobody.
        for n in 0..6 {
            let answers = if n < 5 { NOT } else { STRONG };
            facts.push(fact(
                &format!("p{n}"),
                Moment::ThreeMonths,
                "2026-10",
                answers,
                7,
            ));
        }
        facts.push(fact("stranger", Moment::ThreeMonths, "2026-10", NOT, 9));
        let rows = outcomes(period("2026-10", "2026-12"), &facts);
        let three = rows
            .iter()
            .find(|r| r.quarter == ALL_QUARTERS && r.moment == "3m")
            .unwrap();
        let change = three.change.clone().unwrap();
        assert_eq!(change.pairs, Figure::Count(5), "six pairs, rounded");
        // (0 × 5 + 6) / 6 − 6 = −5: on average five points less lonely.
        assert_eq!(change.loneliness.as_deref(), Some("-5.0"));
        // 5 of 6 less lonely: the rest is a hidden 1, so no share.
        assert_eq!(change.less_lonely, None);
        assert_eq!(change.life.as_deref(), Some("+3.0"));
        // The start check-ins were before the period: no start row.
        assert!(!rows.iter().any(|r| r.moment == "start"));
    }

    #[test]
    fn unvalidated_translations_are_counted() {
        let mut facts: Vec<CheckInFact> = (0..6)
            .map(|n| fact(&format!("p{n}"), Moment::Start, "2026-11", NOT, 8))
            .collect();
        for f in facts.iter_mut().take(5) {
            f.lang = "ar".into();
        }
        let rows = outcomes(period("2026-11", "2026-11"), &facts);
        assert_eq!(rows[0].unvalidated, Figure::Count(5));
    }

    #[test]
    fn referrals_per_month() {
        let month = Month::parse("2026-11").unwrap();
        let join = |referral: &str, joined: bool, four: bool| JoinFact {
            month,
            municipality: "Almelo".into(),
            contacted_after: None,
            joined,
            referral: referral.into(),
            child_four_plus: four,
        };
        let mut joins: Vec<JoinFact> = (0..5).map(|_| join("professional", true, true)).collect();
        joins.push(join("self", true, false));
        let rows = referrals(period("2026-10", "2026-11"), &joins);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].professional, Figure::Count(0));
        assert_eq!(rows[1].professional, Figure::Count(5));
        assert_eq!(rows[1].self_, Figure::Small);
        assert_eq!(rows[1].joined_child_four_plus, Figure::Count(5));
    }
}
