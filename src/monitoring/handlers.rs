//! The coordinator's CSV downloads of the dashboard.
use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use super::csv::csv_bytes;
use super::model::{Period, TABLES};
use crate::db::Db;
use crate::web::{AppState, Coordinator, OrNotFound, WebError, WebResult};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/monitoring/csv/{file}", get(csv))
}

/// `/admin/monitoring/csv/{table}.csv?from=2026-01&to=2026-06`: one table as CSV (UTF-8).
async fn csv(
    State(db): State<Db>,
    _: Coordinator,
    Path(file): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult {
    let name = file
        .strip_suffix(".csv")
        .filter(|n| TABLES.contains(n))
        .or_not_found()?;
    let period = Period::parse(
        q.get("from").map(String::as_str),
        q.get("to").map(String::as_str),
        db.now(),
    );
    let dashboard = super::api::load(&db, period).await?;
    let body = csv_bytes(&dashboard, name).ok_or(WebError::Internal)?;
    let filename = format!("doorstart-{name}-{}-{}.csv", period.from, period.to);
    Ok((
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
        .into_response())
}
