//! The coordinator's monitoring: the dashboard data, CSV downloads and the one-page report.
use leptos::prelude::*;

use super::model::Dashboard;
use crate::error::AppError;

#[cfg(feature = "ssr")]
pub async fn load(db: &crate::db::Db, period: super::model::Period) -> Result<Dashboard, AppError> {
    use super::store;
    let raw = super::build::Raw {
        meetups: store::held_meetups(db, period).await?,
        joins: store::join_facts(db, period).await?,
        help: store::help_facts(db, period).await?,
        guides: store::guide_totals(db, period).await?,
        misses: store::search_misses(db, period).await?,
    };
    Ok(super::build::dashboard(period, raw))
}

/// The figures for a period ("2026-01" to "2026-06"); only the coordinator, others get 404.
#[server(prefix = "/api", endpoint = "admin/monitoring")]
pub async fn monitoring_figures(
    from: Option<String>,
    to: Option<String>,
) -> Result<(crate::accounts::model::Account, Dashboard), AppError> {
    let (me, db) = crate::web::auth::require_coordinator().await?;
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
