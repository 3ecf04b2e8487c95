//! The contact deadline acts: a background task runs `store::deadline_pass` every 10 minutes
//! (the morning reminder goes out between 08:00 and 08:10; escalation within 10 minutes of the
//! deadline). Every instance may run it: each request is taken with a conditional update.
use std::time::Duration;

use crate::db::Db;

pub const EVERY: Duration = Duration::from_secs(600);

pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            match super::store::deadline_pass(&db).await {
                Ok(p) if p.reminded + p.escalated > 0 => {
                    tracing::info!(
                        reminded = p.reminded,
                        escalated = p.escalated,
                        "join deadlines"
                    )
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "join deadline pass failed; next pass tries again")
                }
            }
        }
    });
}
