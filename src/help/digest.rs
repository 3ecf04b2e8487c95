//! New help questions reach facilitators as a digest: at most one mail an hour per facilitator,
//! only when something new came in since their last one, with no text of the question. A task
//! runs `digest_pass` every 10 minutes on every instance (each account is taken with a
//! conditional update, so two instances never both mail).
use std::time::Duration;

use crate::db::Db;

/// At most one digest per facilitator in this many seconds.
pub const DIGEST_EVERY: i64 = 3600;

/// Sends (queues) the digests that are due; returns how many.
pub async fn digest_pass(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db.now();
    // Every active facilitator takes help questions (the open help inbox is theirs); with no
    // facilitator, the coordinators.
    let mut to: Vec<(String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, email, lang, help_digest_at FROM accounts \
         WHERE active = 1 AND role = 'facilitator'",
    )
    .fetch_all(&db.pool)
    .await?;
    if to.is_empty() {
        to = sqlx::query_as(
            "SELECT id, email, lang, help_digest_at FROM accounts \
             WHERE active = 1 AND role = 'coordinator'",
        )
        .fetch_all(&db.pool)
        .await?;
    }
    let mut sent = 0;
    for (id, email, lang, last) in to {
        if last.is_some_and(|t| t > now - DIGEST_EVERY) {
            continue;
        }
        // New since the last digest (a first digest: new in the last day), nobody holds it yet.
        let since = last.unwrap_or(now - 86_400);
        let new: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM help_requests \
             WHERE status = 'new' AND claimed_by IS NULL AND created_at > $1",
        )
        .bind(since)
        .fetch_one(&db.pool)
        .await?;
        if new == 0 {
            continue;
        }
        let mut tx = db.pool.begin().await?;
        let took = sqlx::query(
            "UPDATE accounts SET help_digest_at = $1 WHERE id = $2 \
             AND (help_digest_at IS NULL OR help_digest_at <= $3)",
        )
        .bind(now)
        .bind(&id)
        .bind(now - DIGEST_EVERY)
        .execute(&mut *tx)
        .await?;
        if took.rows_affected() == 1 {
            let lang = crate::i18n::Lang::parse(&lang).unwrap_or_default();
            let kind = crate::mail::Kind::HelpDigest;
            crate::mail::outbox::enqueue(&mut tx, now, &email, lang, kind, "/admin/help").await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
}

pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = digest_pass(&db).await {
                tracing::warn!(error = %e, "help digest pass failed; next pass tries again");
            }
        }
    });
}
