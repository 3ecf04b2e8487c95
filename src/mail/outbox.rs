//! The outbox table: rows written with the event, claimed with a lease, sent at most once.
use sqlx::{AnyConnection, Row};

use super::Kind;
use crate::db::Db;
use crate::i18n::Lang;

/// A claim lasts this long; a claimed row whose sender stopped is taken by another pass after it.
pub const LEASE_SECONDS: i64 = 300;
/// Tries before a mail is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// Rows that could not be sent are deleted after this long (the address is personal data).
pub const KEEP_SECONDS: i64 = 7 * 86_400;

/// Wait before try `attempts + 1`: 1, 2, 4, … minutes, at most 6 hours.
pub fn backoff_seconds(attempts: i64) -> i64 {
    (60_i64 << attempts.clamp(0, 9)).min(6 * 3600)
}

/// Puts a mail in the outbox, on the event's own transaction: both stand or fall together.
pub async fn enqueue(
    conn: &mut AnyConnection,
    now: i64,
    recipient: &str,
    lang: Lang,
    kind: Kind,
    link_path: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_outbox (id, recipient, lang, kind, link_path, created_at, state, \
         attempts, next_at) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', 0, $6)",
    )
    .bind(crate::db::new_id())
    .bind(recipient)
    .bind(lang.code())
    .bind(kind.as_str())
    .bind(link_path)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// One claimed mail.
#[derive(Clone, Debug)]
pub struct Due {
    pub id: String,
    pub recipient: String,
    pub lang: Lang,
    pub kind: Option<Kind>,
    pub link_path: String,
    pub attempts: i64,
}

/// Rows left in `sending` by a sender that stopped (crash, kill) become `uncertain`: the SMTP
/// server may have taken them, so they are never sent again. Returns how many.
pub async fn mark_uncertain(db: &Db) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE mail_outbox SET state = 'uncertain', claim = NULL \
         WHERE state = 'sending' AND claimed_until < $1",
    )
    .bind(db.now())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Claims up to `limit` due rows for `claim` (a fresh id per pass) for `LEASE_SECONDS`. The
/// conditions are repeated outside the sub-select so that two instances never claim one row.
pub async fn claim(db: &Db, claim: &str, limit: i64) -> Result<Vec<Due>, sqlx::Error> {
    let now = db.now();
    sqlx::query(
        "UPDATE mail_outbox SET claim = $1, claimed_until = $2 \
         WHERE state = 'waiting' AND next_at <= $3 \
         AND (claimed_until IS NULL OR claimed_until < $3) \
         AND id IN (SELECT id FROM mail_outbox WHERE state = 'waiting' AND next_at <= $3 \
         AND (claimed_until IS NULL OR claimed_until < $3) ORDER BY created_at LIMIT $4)",
    )
    .bind(claim)
    .bind(now + LEASE_SECONDS)
    .bind(now)
    .bind(limit)
    .execute(&db.pool)
    .await?;
    let rows = sqlx::query(
        "SELECT id, recipient, lang, kind, link_path, attempts FROM mail_outbox \
         WHERE claim = $1 AND state = 'waiting' ORDER BY created_at",
    )
    .bind(claim)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Due {
                id: r.try_get("id")?,
                recipient: r.try_get("recipient")?,
                lang: Lang::parse(&r.try_get::<String, _>("lang")?).unwrap_or_default(),
                kind: Kind::parse(&r.try_get::<String, _>("kind")?),
                link_path: r.try_get("link_path")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect()
}

/// Marks one claimed row as being handed over now; false when the claim was lost (the lease ran
/// out and another pass took the row): then this pass must not send it.
pub async fn start_sending(db: &Db, id: &str, claim: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query(
            "UPDATE mail_outbox SET state = 'sending' \
             WHERE id = $1 AND claim = $2 AND state = 'waiting'",
        )
        .bind(id)
        .bind(claim),
    )
    .await
}

/// Sent: the row (and the address in it) is deleted.
pub async fn sent(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    db.run(sqlx::query("DELETE FROM mail_outbox WHERE id = $1").bind(id))
        .await
}

/// Not sent this time: back to waiting with a longer wait, or given up after `MAX_ATTEMPTS`
/// (or at once when `refused`).
pub async fn not_sent(db: &Db, due: &Due, refused: bool) -> Result<(), sqlx::Error> {
    let attempts = due.attempts + 1;
    let give_up = refused || attempts >= MAX_ATTEMPTS;
    db.run(
        sqlx::query(
            "UPDATE mail_outbox SET state = $1, attempts = $2, next_at = $3, claim = NULL, \
             claimed_until = NULL WHERE id = $4",
        )
        .bind(if give_up { "failed" } else { "waiting" })
        .bind(attempts)
        .bind(db.now() + backoff_seconds(due.attempts))
        .bind(&due.id),
    )
    .await
}

/// Deletes rows older than `KEEP_SECONDS`, sent or not.
pub async fn purge(db: &Db) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM mail_outbox WHERE created_at < $1")
        .bind(db.now() - KEEP_SECONDS)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// Rows per state (for the admin page and tests).
pub async fn counts(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT state, COUNT(*) FROM mail_outbox GROUP BY state ORDER BY state")
        .fetch_all(&db.pool)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stops_growing() {
        assert_eq!(backoff_seconds(0), 60);
        assert_eq!(backoff_seconds(1), 120);
        assert_eq!(backoff_seconds(3), 480);
        assert_eq!(backoff_seconds(40), 6 * 3600);
        assert!((0..MAX_ATTEMPTS).all(|a| backoff_seconds(a) <= backoff_seconds(a + 1)));
    }
}
