//! A help question that waits 2 days without an answer goes to the coordinators, like a join
//! request after its contact deadline: a task runs `escalate_pass` every 10 minutes on every
//! instance. Each question is taken once, by a conditional update of `escalated_at`, so it is
//! escalated once however many instances run; one pass queues one mail per active coordinator
//! (kind `help-escalated`, a link to the inbox of questions waiting 2 days; no words, theme or
//! language of any question).
use std::time::Duration;

use crate::db::Db;

/// A question waits this long for an answer before the coordinators hear of it.
pub const UNANSWERED_SECONDS: i64 = 2 * 86_400;
/// How often the task looks.
pub const EVERY: Duration = Duration::from_secs(600);
/// Where the mail links to: the coordinator's help inbox, new questions older than 2 days.
pub const LINK: &str = "/admin/help?status=new&older=2";

/// Escalates the questions that are due; returns how many (0 when another instance took them).
pub async fn escalate_pass(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db.now();
    // Waiting for a helper (the parent wrote last) for 2 days, and not escalated before; taken
    // in the order of their ids, so two instances never wait for each other in a circle.
    let due: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM help_requests WHERE status = 'new' AND escalated_at IS NULL \
         AND last_message_at <= $1 ORDER BY id",
    )
    .bind(now - UNANSWERED_SECONDS)
    .fetch_all(&db.pool)
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = db.pool.begin().await?;
    let mut taken = 0;
    for id in &due {
        let took = sqlx::query(
            "UPDATE help_requests SET escalated_at = $1 WHERE id = $2 AND escalated_at IS NULL \
             AND status = 'new'",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        taken += took.rows_affected();
    }
    if taken > 0 {
        let to: Vec<(String, String)> = sqlx::query_as(
            "SELECT email, lang FROM accounts WHERE role = 'coordinator' AND active = 1",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (email, lang) in &to {
            let lang = crate::i18n::Lang::parse(lang).unwrap_or_default();
            let kind = crate::mail::Kind::HelpEscalated;
            crate::mail::outbox::enqueue(&mut tx, now, email, lang, kind, LINK).await?;
        }
    }
    tx.commit().await?;
    Ok(taken)
}

pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            match escalate_pass(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(escalated = n, "help questions unanswered for 2 days"),
                Err(e) => {
                    tracing::warn!(error = %e, "help escalation pass failed; next pass tries again")
                }
            }
        }
    });
}
