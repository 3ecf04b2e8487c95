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
    let mut dashboard = super::build::dashboard(period, raw);
    let (from, to) = (
        period.from.first_day() * 86_400,
        period.to.next().first_day() * 86_400,
    );
    dashboard.help_cap = crate::help::throttle::cap_days(db, from, to)
        .await?
        .into_iter()
        .map(|(day, hits)| {
            let (y, m, d) = crate::time::civil_from_days(day.div_euclid(86_400));
            (format!("{y:04}-{m:02}-{d:02}"), hits)
        })
        .collect();
    let (from, to) = (period.from.to_string(), period.to.to_string());
    dashboard.partners = crate::partners::store::monthly(db, &from, &to)
        .await?
        .into_iter()
        .map(|m| super::model::PartnerRow {
            month: m.month,
            partner: m.partner,
            visits: super::model::Figure::of(m.visits),
            join_requests: super::model::Figure::of(m.join_requests),
        })
        .collect();
    dashboard.waiting = crate::groups::store::notify::waiting_per_area(db)
        .await?
        .into_iter()
        .map(|(pc4, n)| super::model::WaitingRow {
            pc4: format!("{pc4:04}"),
            place: crate::groups::model::Postcode::parse(&format!("{pc4:04}"))
                .and_then(crate::groups::postcodes::centroid)
                .map(|c| c.place.clone())
                .unwrap_or_default(),
            waiting: super::model::Figure::of(n),
        })
        .collect();
    // The check-in: a later check-in in the period pairs with a start up to a year before.
    let first = super::outcomes::first_month_read(period).to_string();
    let checkins = crate::checkin::store::facts(db, &first, &period.to.to_string()).await?;
    dashboard.outcomes = super::outcomes::outcomes(period, &checkins);
    Ok(dashboard)
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
