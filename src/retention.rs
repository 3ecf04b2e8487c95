//! Deletes personal records when their time is up: a background task, hourly.
use std::time::Duration;

use crate::db::Db;

/// How long a finished join request is kept (`DOORSTART_JOIN_CLOSED_DAYS`, default 30).
pub const JOIN_CLOSED_DAYS: i64 = 30;

fn days_from_env(name: &str, default: i64) -> i64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|d| (1..=365).contains(d))
        .unwrap_or(default)
}

/// How long any join request is kept.
pub const JOIN_MAX_DAYS: i64 = 90;

/// A help request and its messages go this many days after the last message
/// (`DOORSTART_HELP_DAYS`, default 90).
pub const HELP_DAYS: i64 = 90;

/// How long RSVPs (first names) are kept after their meetup.
pub const RSVP_DAYS_AFTER: i64 = 30;

/// Anonymous counts (monitoring facts, guide counts, searches without a group) are kept this
/// many months: the 18-month pilot report and a year to compare with.
pub const STATS_MONTHS: u32 = 36;

/// One pass over every kind of personal record.
pub async fn purge_once(db: &Db) -> Result<u64, sqlx::Error> {
    let closed_days = days_from_env("DOORSTART_JOIN_CLOSED_DAYS", JOIN_CLOSED_DAYS);
    let joins = crate::groups::store::purge_join_requests(db, closed_days, JOIN_MAX_DAYS).await?;
    let rsvps = crate::meetups::store::purge_rsvps(db, RSVP_DAYS_AFTER).await?;
    let help_days = days_from_env("DOORSTART_HELP_DAYS", HELP_DAYS);
    let help = crate::help::store::purge(db, help_days).await?;
    let stats = crate::monitoring::store::purge(db, STATS_MONTHS).await?;
    if let Err(e) = db.sessions.delete_expired().await {
        tracing::warn!(error = %e, "could not delete expired sessions");
    }
    Ok(joins + rsvps + help + stats)
}

pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match purge_once(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "retention"),
                Err(e) => tracing::warn!(error = %e, "retention pass failed"),
            }
        }
    });
}
