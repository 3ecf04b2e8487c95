//! The 3- and 6-month reminders go out: a background task runs `store::send_due` every hour
//! (a reminder is about a month, not a minute). Every instance may run it: each reminder is
//! taken with a conditional change, so no parent gets a mail twice.
use std::time::Duration;

use crate::db::Db;

pub const EVERY: Duration = Duration::from_secs(3600);

pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            match super::store::send_due(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(mails = n, "check-in reminders"),
                Err(e) => {
                    tracing::warn!(error = %e, "check-in reminder pass failed; next pass tries again")
                }
            }
        }
    });
}
