//! The coordinator's monitoring: the dashboard data, CSV downloads and the one-page report.
use leptos::prelude::*;

use super::model::Dashboard;
use crate::error::AppError;

#[cfg(feature = "ssr")]
pub async fn load(db: &crate::db::Db, period: super::model::Period) -> Result<Dashboard, AppError> {
    use super::store;
    let raw = super::model::build::Raw {
        meetups: store::held_meetups(db, period).await?,
        joins: store::join_facts(db, period).await?,
        help: store::help_facts(db, period).await?,
        guides: store::guide_totals(db, period).await?,
        misses: store::search_misses(db, period).await?,
    };
    Ok(super::model::build::dashboard(period, raw))
}

/// The figures for a period ("2026-01" to "2026-06"); only the coordinator, others get 404.
#[server(prefix = "/api", endpoint = "admin/monitoring")]
pub async fn monitoring_figures(
    from: Option<String>,
    to: Option<String>,
) -> Result<(crate::admin::model::Account, Dashboard), AppError> {
    let (me, db) = crate::admin::auth::require_coordinator().await?;
    let period = super::model::Period::parse(from.as_deref(), to.as_deref(), db.now());
    let mut d = load(&db, period).await?;
    let lang = crate::i18n::use_i18n().lang;
    for row in &mut d.guides {
        if let Some(title) = crate::guides::library::current().title(&row.guide, lang) {
            row.title = title;
        }
    }
    Ok((me, d))
}

#[cfg(feature = "ssr")]
pub mod handlers {
    use std::collections::HashMap;

    use axum::extract::{Path, Query, State};
    use axum::http::header;
    use axum::response::{IntoResponse, Response};
    use tower_sessions::Session;

    use super::super::model::{Dashboard, Figure, Period, TABLES};
    use crate::error::AppError;
    use crate::server::AppState;

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
                ],
                d.help
                    .iter()
                    .map(|r| {
                        vec![
                            r.month.clone(),
                            fig(&r.requests),
                            r.median_hours_to_reply.clone().unwrap_or_default(),
                            pct(r.answered_in_2_days),
                        ]
                    })
                    .collect(),
            ),
            "help-themes" | "help-languages" => (
                vec![
                    "month",
                    if name == "help-themes" {
                        "theme"
                    } else {
                        "language"
                    },
                    "help_requests",
                ],
                if name == "help-themes" {
                    &d.help_themes
                } else {
                    &d.help_languages
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

    /// `/admin/monitoring/csv/{table}.csv?from=2026-01&to=2026-06`: one table as CSV (UTF-8).
    pub async fn csv(
        State(state): State<AppState>,
        session: Session,
        Path(file): Path<String>,
        Query(q): Query<HashMap<String, String>>,
    ) -> Response {
        let me = match crate::admin::auth::account_or_sign_in(&session, &state.db).await {
            Ok(me) => me,
            Err(res) => return res,
        };
        let Some(name) = file.strip_suffix(".csv").filter(|n| TABLES.contains(n)) else {
            return AppError::NotFound.into_response();
        };
        if !me.is_coordinator() {
            return AppError::NotFound.into_response();
        }
        let period = Period::parse(
            q.get("from").map(String::as_str),
            q.get("to").map(String::as_str),
            state.db.now(),
        );
        let dashboard = match super::load(&state.db, period).await {
            Ok(d) => d,
            Err(e) => return e.into_response(),
        };
        let Some((header_row, rows)) = table(&dashboard, name) else {
            return AppError::NotFound.into_response();
        };
        let mut out = csv::Writer::from_writer(Vec::new());
        let written = out
            .write_record(&header_row)
            .and_then(|_| rows.iter().try_for_each(|r| out.write_record(r)));
        let body = match (written, out.into_inner()) {
            (Ok(()), Ok(body)) => body,
            _ => return AppError::Internal.into_response(),
        };
        let filename = format!("doorstart-{name}-{}-{}.csv", period.from, period.to);
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            body,
        )
            .into_response()
    }
}
