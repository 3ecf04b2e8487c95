//! From raw rows to the dashboard: counts per cell, then the small-count rule.
use std::collections::{BTreeMap, BTreeSet};

use super::model::*;

const DAY: f64 = 86_400.0;

/// Per month and municipality: the groups that met, meetups, adults, children.
type Cell = (BTreeSet<String>, i64, i64, i64);

pub struct Raw {
    pub meetups: Vec<HeldMeetup>,
    pub joins: Vec<JoinFact>,
    pub help: Vec<HelpFact>,
    pub guides: Vec<(String, i64, i64, i64)>,
    pub misses: Vec<(String, i64)>,
}

fn join_figures(facts: &[&JoinFact]) -> (Figure, Option<u32>, Option<String>, Option<u32>) {
    let n = facts.len();
    let in_week = facts
        .iter()
        .filter(|f| f.contacted_after.is_some_and(|s| s <= 7 * 86_400))
        .count();
    let mut days: Vec<f64> = facts
        .iter()
        .filter_map(|f| f.contacted_after.map(|s| s as f64 / DAY))
        .collect();
    let joined = facts.iter().filter(|f| f.joined).count();
    (
        Figure::of(n as i64),
        share(in_week, n),
        one_decimal(median(&mut days)),
        share(joined, n),
    )
}

/// How many of these requests asked for an interpreter.
fn interpreters(facts: &[&HelpFact]) -> Figure {
    Figure::of(facts.iter().filter(|f| f.interpreter.is_some()).count() as i64)
}

fn help_figures(facts: &[&HelpFact]) -> (Figure, Option<String>, Option<u32>) {
    let n = facts.len();
    let mut hours: Vec<f64> = facts
        .iter()
        .filter_map(|f| f.first_reply_after.map(|s| s as f64 / 3600.0))
        .collect();
    let in_two_days = facts
        .iter()
        .filter(|f| f.first_reply_after.is_some_and(|s| s <= 2 * 86_400))
        .count();
    (
        Figure::of(n as i64),
        one_decimal(median(&mut hours)),
        share(in_two_days, n),
    )
}

pub fn dashboard(period: Period, raw: Raw) -> Dashboard {
    let months = period.months();
    // Activity per month and municipality.
    let mut cells: BTreeMap<(Month, String), Cell> = BTreeMap::new();
    for m in &raw.meetups {
        let cell = cells.entry((m.month, m.municipality.clone())).or_default();
        cell.0.insert(m.group_id.clone());
        cell.1 += 1;
        cell.2 += m.adults.unwrap_or(0);
        cell.3 += m.children.unwrap_or(0);
    }
    let activity = cells
        .iter()
        .map(
            |((month, place), (groups, held, adults, children))| ActivityRow {
                month: month.to_string(),
                municipality: place.clone(),
                groups_active: Figure::of(groups.len() as i64),
                meetups_held: Figure::of(*held),
                adults: Figure::of(*adults),
                children: Figure::of(*children),
            },
        )
        .collect();
    // Join requests per month and municipality.
    let mut by_cell: BTreeMap<(Month, String), Vec<&JoinFact>> = BTreeMap::new();
    for f in &raw.joins {
        by_cell
            .entry((f.month, f.municipality.clone()))
            .or_default()
            .push(f);
    }
    let joins = by_cell
        .iter()
        .map(|((month, place), facts)| {
            let (requests, week, days, joined) = join_figures(facts);
            JoinRow {
                month: month.to_string(),
                municipality: place.clone(),
                requests,
                contacted_in_7_days: week,
                median_days_to_contact: days,
                joined,
            }
        })
        .collect();
    // Help per month (no place: help is anonymous), by theme and by language.
    let help = months
        .iter()
        .map(|month| {
            let facts: Vec<&HelpFact> = raw.help.iter().filter(|f| f.month == *month).collect();
            let (requests, hours, two_days) = help_figures(&facts);
            HelpRow {
                month: month.to_string(),
                requests,
                median_hours_to_reply: hours,
                answered_in_2_days: two_days,
                interpreter: interpreters(&facts),
            }
        })
        .collect();
    let split = |key: fn(&HelpFact) -> Option<&str>| -> Vec<SplitRow> {
        let mut counts: BTreeMap<(Month, String), i64> = BTreeMap::new();
        for f in &raw.help {
            if let Some(k) = key(f) {
                *counts.entry((f.month, k.to_string())).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|((month, key), n)| SplitRow {
                month: month.to_string(),
                key,
                requests: Figure::of(n),
            })
            .collect()
    };
    let help_themes = split(|f| Some(&f.theme));
    let help_languages = split(|f| Some(&f.language));
    let help_interpreters = split(|f| f.interpreter.as_deref());
    let guides = raw
        .guides
        .iter()
        .map(|(guide, v, y, n)| GuideRow {
            guide: guide.clone(),
            title: guide.clone(),
            views: Figure::of(*v),
            helped_yes: Figure::of(*y),
            helped_no: Figure::of(*n),
        })
        .collect();
    let misses = raw
        .misses
        .iter()
        .map(|(pc4, n)| MissRow {
            pc4: pc4.clone(),
            place: crate::groups::model::Postcode::parse(pc4)
                .and_then(crate::groups::postcodes::centroid)
                .map(|c| format!("{} ({})", c.place, c.municipality))
                .unwrap_or_default(),
            searches: Figure::of(*n),
        })
        .collect();
    // Totals over the period.
    let all_joins: Vec<&JoinFact> = raw.joins.iter().collect();
    let (join_requests, week, days, joined) = join_figures(&all_joins);
    let all_help: Vec<&HelpFact> = raw.help.iter().collect();
    let (help_requests, hours, two_days) = help_figures(&all_help);
    let groups: BTreeSet<&str> = raw.meetups.iter().map(|m| m.group_id.as_str()).collect();
    let totals = Totals {
        groups_active: Figure::of(groups.len() as i64),
        meetups_held: Figure::of(raw.meetups.len() as i64),
        adults: Figure::of(raw.meetups.iter().filter_map(|m| m.adults).sum()),
        children: Figure::of(raw.meetups.iter().filter_map(|m| m.children).sum()),
        join_requests,
        contacted_in_7_days: week,
        median_days_to_contact: days,
        joined,
        help_requests,
        median_hours_to_reply: hours,
        answered_in_2_days: two_days,
        interpreter_requests: interpreters(&all_help),
        guide_views: Figure::of(raw.guides.iter().map(|g| g.1).sum()),
        searches_without_group: Figure::of(raw.misses.iter().map(|m| m.1).sum()),
        referred_by_professional: Figure::of(
            raw.joins
                .iter()
                .filter(|f| f.referral == "professional")
                .count() as i64,
        ),
        joined_child_four_plus: Figure::of(
            raw.joins
                .iter()
                .filter(|f| f.joined && f.child_four_plus)
                .count() as i64,
        ),
        per_month: months
            .iter()
            .map(|m| {
                let j = raw.joins.iter().filter(|f| f.month == *m).count() as i64;
                let h = raw.help.iter().filter(|f| f.month == *m).count() as i64;
                (m.to_string(), Figure::of(j), Figure::of(h))
            })
            .collect(),
    };
    Dashboard {
        from: period.from.to_string(),
        to: period.to.to_string(),
        activity,
        joins,
        help,
        help_themes,
        help_languages,
        help_interpreters,
        guides,
        misses,
        totals,
        help_cap: Vec::new(),
        partners: Vec::new(),
        waiting: Vec::new(),
        // The check-in is read and added by `api::load`.
        outcomes: Vec::new(),
        referrals: super::outcomes::referrals(period, &raw.joins),
        meetup_themes: meetup_themes(&raw.meetups),
    }
}

/// Held meetups, adults and children per month and theme (meetups without a theme left out).
fn meetup_themes(meetups: &[HeldMeetup]) -> Vec<ThemeRow> {
    let mut cells: BTreeMap<(Month, usize), (i64, i64, i64)> = BTreeMap::new();
    for m in meetups {
        let Some(theme) = m
            .theme
            .as_deref()
            .and_then(crate::meetups::model::Theme::parse)
        else {
            continue;
        };
        let cell = cells.entry((m.month, theme.index())).or_default();
        cell.0 += 1;
        cell.1 += m.adults.unwrap_or(0);
        cell.2 += m.children.unwrap_or(0);
    }
    cells
        .into_iter()
        .map(|((month, t), (held, adults, children))| ThemeRow {
            month: month.to_string(),
            theme: crate::meetups::model::Theme::ALL[t].as_str().to_string(),
            meetups_held: Figure::of(held),
            adults: Figure::of(adults),
            children: Figure::of(children),
        })
        .collect()
}
