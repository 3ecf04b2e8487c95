//! The dashboard's tables as CSV: the same rows and the same small-count rule as on screen.
use super::model::{Dashboard, Figure};

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
        _ => return None,
    })
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
