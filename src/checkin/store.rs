//! The check-ins and the reminders: stored, replaced, deleted by the parent's own key, read as
//! anonymous facts for the report, purged.
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::model::{Answer, CheckInFact, CheckInInput, Moment, Offer};
use crate::db::Db;
use crate::i18n::Lang;
use crate::security::tokens::{derive_token, open_token, seal_token};

/// What the sealed key of a reminder is bound to (see `security::tokens::seal_token`).
const SEALED_KEY: &str = "check-in-key";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The value that links two check-ins of one parent: a hash of the key in their link. The key
/// has 256 random bits, so the hash cannot be turned back into it.
pub fn pair_of(key: &str) -> String {
    hex(&Sha256::digest(format!("doorstart check-in pair\0{key}")))
}

/// A reminder's id: a hash of the same key made differently, so the reminders (which hold an
/// address) and the answers cannot be joined by anyone who does not have the key.
pub fn reminder_id(key: &str) -> String {
    hex(&Sha256::digest(format!(
        "doorstart check-in reminder\0{key}"
    )))
}

/// The check-in key of a parent who joined a group: made from their status link's token with
/// the app's secret, so the status page offers the same link every time without storing it.
pub fn key_for_join(pepper: &str, join_token: &str) -> String {
    derive_token(pepper, "check-in", join_token)
}

/// Stores a check-in; the same key and moment again replaces the first answers.
pub async fn save(db: &Db, input: &CheckInInput, lang: Lang) -> Result<(), sqlx::Error> {
    let a = |n: usize| input.answers[n].map(Answer::as_str);
    let statement = sqlx::query(
        "INSERT INTO checkins (id, pair, moment, month, lang, q1, q2, q3, q4, q5, q6, life, \
         help_children) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (pair, moment) DO UPDATE SET month = excluded.month, lang = excluded.lang, \
         q1 = excluded.q1, q2 = excluded.q2, q3 = excluded.q3, q4 = excluded.q4, \
         q5 = excluded.q5, q6 = excluded.q6, life = excluded.life, \
         help_children = excluded.help_children",
    )
    .bind(crate::db::new_id())
    .bind(pair_of(&input.key))
    .bind(input.moment.as_str())
    .bind(crate::monitoring::model::month_of(db.now()).to_string())
    .bind(lang.code())
    .bind(a(0))
    .bind(a(1))
    .bind(a(2))
    .bind(a(3))
    .bind(a(4))
    .bind(a(5))
    .bind(input.life.map(i64::from))
    .bind(
        input
            .help_with_children
            .map(|h| if h { "yes" } else { "no" }),
    );
    db.run(statement).await
}

/// The parent deletes their own answers (every moment) and any reminder, with their key.
/// Returns how many check-ins went.
pub async fn forget(db: &Db, key: &str) -> Result<u64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let gone = sqlx::query("DELETE FROM checkins WHERE pair = $1")
        .bind(pair_of(key))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM checkin_reminders WHERE id = $1")
        .bind(reminder_id(key))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(gone)
}

/// What the join status page offers: the parent's link, and the reminders' state when they
/// gave an e-mail address.
pub async fn offer(
    db: &Db,
    pepper: &str,
    join_token: &str,
    has_email: bool,
) -> Result<Offer, sqlx::Error> {
    let key = key_for_join(pepper, join_token);
    let reminders = if has_email {
        Some(reminder_on(db, &key).await?)
    } else {
        None
    };
    Ok(Offer { key, reminders })
}

/// Whether a reminder waits for this key.
pub async fn reminder_on(db: &Db, key: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM checkin_reminders WHERE id = $1")
        .bind(reminder_id(key))
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

/// The parent asked for the reminders: after about 3 and 6 months a mail with their own link.
/// Asking twice changes nothing.
pub async fn remind(
    db: &Db,
    pepper: &str,
    key: &str,
    recipient: &str,
    lang: Lang,
) -> Result<(), sqlx::Error> {
    let id = reminder_id(key);
    let sealed = seal_token(pepper, SEALED_KEY, &id, key)
        .ok_or_else(|| sqlx::Error::Protocol("a check-in key is not a token".into()))?;
    let now = db.now();
    let first = Moment::ThreeMonths;
    let statement = sqlx::query(
        "INSERT INTO checkin_reminders (id, recipient, lang, sealed_key, created_at, next_moment, \
         next_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(recipient)
    .bind(lang.code())
    .bind(sealed)
    .bind(now)
    .bind(first.as_str())
    .bind(now + first.reminder_days().unwrap_or(91) * 86_400);
    db.run(statement).await
}

/// The parent stopped the reminders: the row (and the address in it) is deleted.
pub async fn stop_reminders(db: &Db, key: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("DELETE FROM checkin_reminders WHERE id = $1").bind(reminder_id(key)),
    )
    .await
}

/// Reminders whose time has come: each is taken with a conditional change (so two instances
/// never both mail it), moved on to the 6-month one or deleted after it, and its mail written
/// to the outbox in the same transaction. Returns how many mails were written.
pub async fn send_due(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let due: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, recipient, lang, sealed_key, next_moment, created_at FROM checkin_reminders \
         WHERE next_at <= $1",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let pepper = db.pepper().await?;
    let mut written = 0;
    for (id, recipient, lang, sealed, moment, created_at) in due {
        let key = open_token(&pepper, SEALED_KEY, &id, &sealed);
        let now_moment = Moment::parse(&moment);
        let next = now_moment.and_then(Moment::next).filter(|_| key.is_some());
        let mut tx = db.pool.begin().await?;
        let took = match next.and_then(|n| n.reminder_days().map(|d| (n, d))) {
            Some((n, days)) => sqlx::query(
                "UPDATE checkin_reminders SET next_moment = $1, next_at = $2 \
                 WHERE id = $3 AND next_moment = $4",
            )
            .bind(n.as_str())
            .bind(created_at + days * 86_400)
            .bind(&id)
            .bind(&moment),
            None => sqlx::query("DELETE FROM checkin_reminders WHERE id = $1 AND next_moment = $2")
                .bind(&id)
                .bind(&moment),
        }
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if let (true, Some(key), Some(m)) = (took, &key, now_moment) {
            let lang = Lang::parse(&lang).unwrap_or_default();
            let link = super::model::link(key, m);
            crate::mail::outbox::enqueue(
                &mut tx,
                now,
                &recipient,
                lang,
                crate::mail::Kind::CheckIn,
                &link,
            )
            .await?;
            written += 1;
        } else if took {
            // A key sealed under another secret opens to nothing: no link can be mailed.
            tracing::warn!(
                "check-in reminder: the key could not be opened; the reminder is deleted"
            );
        }
        tx.commit().await?;
    }
    Ok(written)
}

fn answer(row: &sqlx::any::AnyRow, column: &str) -> Result<Option<Answer>, sqlx::Error> {
    Ok(row
        .try_get::<Option<String>, _>(column)?
        .as_deref()
        .and_then(Answer::parse))
}

/// One stored check-in as a fact; `None` for a moment this version does not know.
fn fact_of(r: &sqlx::any::AnyRow) -> Result<Option<CheckInFact>, sqlx::Error> {
    let Some(moment) = Moment::parse(&r.try_get::<String, _>("moment")?) else {
        return Ok(None);
    };
    Ok(Some(CheckInFact {
        pair: r.try_get("pair")?,
        moment,
        month: r.try_get("month")?,
        lang: r.try_get("lang")?,
        answers: [
            answer(r, "q1")?,
            answer(r, "q2")?,
            answer(r, "q3")?,
            answer(r, "q4")?,
            answer(r, "q5")?,
            answer(r, "q6")?,
        ],
        life: r
            .try_get::<Option<i64>, _>("life")?
            .and_then(|l| u8::try_from(l).ok())
            .filter(|l| *l <= 10),
        help_with_children: r
            .try_get::<Option<String>, _>("help_children")?
            .map(|h| h == "yes"),
    }))
}

/// The check-ins of the months `from` to `to` ("YYYY-MM") as anonymous facts for the report.
pub async fn facts(db: &Db, from: &str, to: &str) -> Result<Vec<CheckInFact>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT pair, moment, month, lang, q1, q2, q3, q4, q5, q6, life, help_children \
         FROM checkins WHERE month >= $1 AND month <= $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.extend(fact_of(r)?);
    }
    Ok(out)
}

/// Retention: check-ins older than `months` months go. Returns how many.
pub async fn purge(db: &Db, months: u32) -> Result<u64, sqlx::Error> {
    let cutoff = crate::monitoring::model::month_of(db.now()).minus(months);
    let done = sqlx::query("DELETE FROM checkins WHERE month < $1")
        .bind(cutoff.to_string())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// Retention: a reminder older than `days` goes, sent or not (normally it is deleted after the
/// 6-month mail already).
pub async fn purge_reminders(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    db.purge_older("DELETE FROM checkin_reminders WHERE created_at < $1", days)
        .await
}
