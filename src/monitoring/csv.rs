//! The dashboard's tables as CSV: the same rows and the same small-count rule as on screen.
use super::model::{Dashboard, Figure};
use crate::checkin::model::{references, Measure, REFERENCES};

fn pct(v: Option<u32>) -> String {
    v.map(|p| p.to_string()).unwrap_or_default()
}

fn fig(f: &Figure) -> String {
    f.shown()
}

/// The header and rows of one table, as the dashboard shows them (small counts hidden).
pub fn table(d: &Dashboard, name: &str) -> Option<(Vec<&'static str>, Vec<Vec<String>>)> {
    Some(match name {
        "activity" => (
            vec![
                "month",
                "municipality",
                "groups_active",
                "meetups_held",
                "adults",
                "children",
            ],
            d.activity
                .iter()
                .map(|r| {
                    vec![
                        r.month.clone(),
                        r.municipality.clone(),
                        fig(&r.groups_active),
                        fig(&r.meetups_held),
                        fig(&r.adults),
                        fig(&r.children),
                    ]
                })
                .collect(),
        ),
        "joins" => (
            vec![
                "month",
                "municipality",
                "join_requests",
                "contacted_within_7_days_pct",
                "median_days_to_contact",
                "joined_pct",
            ],
            d.joins
                .iter()
                .map(|r| {
                    vec![
                        r.month.clone(),
                        r.municipality.clone(),
                        fig(&r.requests),
                        pct(r.contacted_in_7_days),
                        r.median_days_to_contact.clone().unwrap_or_default(),
                        pct(r.joined),
                    ]
                })
                .collect(),
        ),
        "help" => (
            vec![
                "month",
                "help_requests",
                "median_hours_to_first_reply",
                "answered_within_2_days_pct",
                "interpreter_requests",
            ],
            d.help
                .iter()
                .map(|r| {
                    vec![
                        r.month.clone(),
                        fig(&r.requests),
                        r.median_hours_to_reply.clone().unwrap_or_default(),
                        pct(r.answered_in_2_days),
                        fig(&r.interpreter),
                    ]
                })
                .collect(),
        ),
        "help-themes" | "help-languages" | "help-interpreters" => (
            vec![
                "month",
                match name {
                    "help-themes" => "theme",
                    "help-languages" => "language",
                    _ => "interpreter_language",
                },
                "help_requests",
            ],
            match name {
                "help-themes" => &d.help_themes,
                "help-languages" => &d.help_languages,
                _ => &d.help_interpreters,
            }
            .iter()
            .map(|r| vec![r.month.clone(), r.key.clone(), fig(&r.requests)])
            .collect(),
        ),
        "guides" => (
            vec!["guide", "views", "helped_yes", "helped_no"],
            d.guides
                .iter()
                .map(|r| {
                    vec![
                        r.guide.clone(),
                        fig(&r.views),
                        fig(&r.helped_yes),
                        fig(&r.helped_no),
                    ]
                })
                .collect(),
        ),
        "unmet-demand" => (
            vec!["pc4", "place", "searches_without_group_within_10_km"],
            d.misses
                .iter()
                .map(|r| vec![r.pc4.clone(), r.place.clone(), fig(&r.searches)])
                .collect(),
        ),
        "outcomes" => outcomes(d),
        "referrals" => (
            vec![
                "month",
                "join_requests_self",
                "join_requests_someone_they_know",
                "join_requests_professional",
                "join_requests_other",
                "join_requests_not_given",
                "joined_with_child_4_or_older",
            ],
            d.referrals
                .iter()
                .map(|r| {
                    vec![
                        r.month.clone(),
                        fig(&r.self_),
                        fig(&r.known),
                        fig(&r.professional),
                        fig(&r.other),
                        fig(&r.not_given),
                        fig(&r.joined_child_four_plus),
                    ]
                })
                .collect(),
        ),
        _ => return None,
    })
}

/// The CBS figure of a measure for one population, as the header names it (year, who).
fn reference(measure: Measure, population: &str) -> String {
    references(measure)
        .find(|r| r.population == population)
        .map(|r| r.percent.to_string())
        .unwrap_or_default()
}

/// The check-in per quarter (or "all") and moment, each row beside CBS's national figures.
fn outcomes(d: &Dashboard) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let sources = REFERENCES
        .iter()
        .map(|r| format!("{} {}", r.year, r.source))
        .collect::<Vec<_>>()
        .join("; ");
    let all = "checkin-ref-all";
    let refs = [
        reference(Measure::NotLonely, all),
        reference(Measure::Moderately, all),
        reference(Measure::Strongly, all),
        reference(Measure::Strongly, "checkin-ref-single-parents"),
        reference(Measure::Satisfied, "checkin-ref-adults"),
    ];
    let rows = d
        .outcomes
        .iter()
        .map(|r| {
            let c = r.change.as_ref();
            let mut row = vec![
                r.quarter.clone(),
                r.moment.clone(),
                fig(&r.checkins),
                fig(&r.scored),
                pct(r.not_lonely),
                pct(r.moderately),
                pct(r.strongly),
                pct(r.emotional),
                pct(r.social),
                fig(&r.life_answered),
                text(&r.life_mean),
                pct(r.satisfied),
                pct(r.help_yes),
                fig(&r.unvalidated),
                c.map(|c| fig(&c.pairs)).unwrap_or_default(),
                c.map(|c| text(&c.loneliness)).unwrap_or_default(),
                c.map(|c| pct(c.less_lonely)).unwrap_or_default(),
                c.map(|c| fig(&c.life_pairs)).unwrap_or_default(),
                c.map(|c| text(&c.life)).unwrap_or_default(),
            ];
            row.extend(refs.iter().cloned());
            row.push(sources.clone());
            row
        })
        .collect();
    (
        vec![
            "quarter",
            "moment",
            "checkins",
            "with_loneliness_score",
            "not_lonely_pct",
            "moderately_lonely_pct",
            "strongly_lonely_pct",
            "emotionally_lonely_pct",
            "socially_lonely_pct",
            "life_satisfaction_answers",
            "life_satisfaction_mean",
            "satisfied_7_to_10_pct",
            "someone_to_help_with_children_pct",
            "in_unvalidated_translation",
            "paired_with_start",
            "mean_change_loneliness_score",
            "less_lonely_than_at_start_pct",
            "paired_life_satisfaction",
            "mean_change_life_satisfaction",
            "cbs_2024_age_15_plus_not_lonely_pct",
            "cbs_2024_age_15_plus_moderately_lonely_pct",
            "cbs_2024_age_15_plus_strongly_lonely_pct",
            "cbs_2019_single_parents_strongly_lonely_pct",
            "cbs_2023_age_18_plus_satisfied_pct",
            "reference_sources",
        ],
        rows,
    )
}

/// One table as CSV bytes (UTF-8), header first; `None` for an unknown table.
pub fn csv_bytes(d: &Dashboard, name: &str) -> Option<Vec<u8>> {
    let (header_row, rows) = table(d, name)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header_row).ok()?;
    for r in &rows {
        out.write_record(r).ok()?;
    }
    out.into_inner().ok()
}
