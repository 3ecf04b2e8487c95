//! Every SQL statement of anonymous help. No IP address, user agent or other metadata is
//! stored; the pick-up code only as HMAC-SHA256 with a pepper that is not in the same row.
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::{
    AskInput, Conversation, HelpMessage, HelpStatus, HelpSummary, PickupCode, Theme,
};
use crate::db::{new_id, Db};

pub fn code_hash(pepper: &str, code: &PickupCode) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(pepper.as_bytes()).expect("any key length");
    mac.update(code.digits().as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub async fn create(
    db: &Db,
    input: &AskInput,
    language: &str,
    hash: &str,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    let fact = new_id();
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO help_requests (id, code_hash, theme, language, callback_phone, status, created_at, last_message_at, fact_id, interpreter, notify_email) \
         VALUES ($1, $2, $3, $4, $5, 'new', $6, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(hash)
    .bind(input.theme.as_str())
    .bind(language)
    .bind(input.callback_phone.as_deref())
    .bind(now)
    .bind(&fact)
    .bind(input.interpreter.as_deref())
    .bind(input.notify_email.as_deref())
    .execute(&mut *tx)
    .await?;
    crate::monitoring::store::help_fact(
        &mut tx,
        &fact,
        input.theme.as_str(),
        language,
        input.interpreter.as_deref(),
        now,
    )
    .await?;
    add_message_in(&mut tx, &id, "parent", &input.message, now).await?;
    tx.commit().await?;
    Ok(id)
}

async fn add_message_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    request_id: &str,
    author: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let statement = sqlx::query(
        "INSERT INTO help_messages (id, request_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(request_id)
    .bind(author)
    .bind(body)
    .bind(now);
    Db::run_in(tx, statement).await
}

fn conversation_head(r: &AnyRow) -> Result<Conversation, sqlx::Error> {
    let bad = |w: &str| sqlx::Error::Decode(format!("bad {w}").into());
    Ok(Conversation {
        id: r.try_get("id")?,
        theme: Theme::parse(&r.try_get::<String, _>("theme")?).ok_or_else(|| bad("theme"))?,
        language: r.try_get("language")?,
        status: HelpStatus::parse(&r.try_get::<String, _>("status")?)
            .ok_or_else(|| bad("status"))?,
        callback_phone: r.try_get("callback_phone")?,
        interpreter: r.try_get("interpreter")?,
        created_at: r.try_get("created_at")?,
        messages: Vec::new(),
    })
}

async fn with_messages(db: &Db, mut c: Conversation) -> Result<Conversation, sqlx::Error> {
    let rows = sqlx::query("SELECT author, body, created_at FROM help_messages WHERE request_id = $1 ORDER BY created_at, id")
        .bind(&c.id)
        .fetch_all(&db.pool)
        .await?;
    c.messages = rows
        .iter()
        .map(|r| {
            Ok(HelpMessage {
                from_parent: r.try_get::<String, _>("author")? == "parent",
                body: r.try_get("body")?,
                at: r.try_get("created_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(c)
}

const HEAD: &str =
    "SELECT id, theme, language, status, callback_phone, interpreter, created_at FROM help_requests";

/// The conversation whose `column` (the code's hash or the id) is `value`, with its messages.
async fn conversation(
    db: &Db,
    column: &str,
    value: &str,
) -> Result<Option<Conversation>, sqlx::Error> {
    let row = sqlx::query(&format!("{HEAD} WHERE {column} = $1"))
        .bind(value)
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some(r) => Ok(Some(with_messages(db, conversation_head(&r)?).await?)),
        None => Ok(None),
    }
}

pub async fn by_code(db: &Db, hash: &str) -> Result<Option<Conversation>, sqlx::Error> {
    conversation(db, "code_hash", hash).await
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<Conversation>, sqlx::Error> {
    conversation(db, "id", id).await
}

/// A message from the parent or a helper; a helper's first answer sets the first-reply time.
pub async fn add_message(
    db: &Db,
    id: &str,
    from_parent: bool,
    body: &str,
) -> Result<(), sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    add_message_in(
        &mut tx,
        id,
        if from_parent { "parent" } else { "helper" },
        body,
        now,
    )
    .await?;
    let status = if from_parent { "new" } else { "answered" };
    sqlx::query(
        "UPDATE help_requests SET status = $1, last_message_at = $2, \
         first_reply_at = CASE WHEN $3 = 1 AND first_reply_at IS NULL THEN $2 ELSE first_reply_at END \
         WHERE id = $4",
    )
    .bind(status)
    .bind(now)
    .bind(if from_parent { 0i64 } else { 1i64 })
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if !from_parent {
        crate::monitoring::store::help_replied(&mut tx, id).await?;
        tell_parent(&mut tx, id, now).await?;
    }
    tx.commit().await
}

/// At most one "there is an answer" mail an hour per question.
pub const ANSWER_MAIL_EVERY: i64 = 3600;

/// Queues "there is an answer" for a parent who left an address (in the question's language,
/// linking to the page where the code opens it; the code itself is in no mail).
async fn tell_parent(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let to: Option<(String, String)> = sqlx::query_as(
        "UPDATE help_requests SET notified_at = $1 WHERE id = $2 AND notify_email IS NOT NULL \
         AND (notified_at IS NULL OR notified_at <= $3) RETURNING notify_email, language",
    )
    .bind(now)
    .bind(id)
    .bind(now - ANSWER_MAIL_EVERY)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((email, lang)) = to {
        let lang = crate::i18n::Lang::parse(&lang).unwrap_or_default();
        let kind = crate::mail::Kind::HelpAnswered;
        crate::mail::outbox::enqueue(&mut *tx, now, &email, lang, kind, "/help/reply").await?;
    }
    Ok(())
}

pub async fn set_status(db: &Db, id: &str, status: HelpStatus) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("UPDATE help_requests SET status = $1 WHERE id = $2")
            .bind(status.as_str())
            .bind(id),
    )
    .await
}

/// Who may be made the holder of a request.
enum Holder {
    /// Someone takes a request nobody holds yet (or holds it again).
    Takes,
    /// The coordinator hands it to any active account.
    HandedTo,
}

async fn set_holder(db: &Db, id: &str, account_id: &str, how: Holder) -> Result<bool, sqlx::Error> {
    let only = match how {
        Holder::Takes => "(claimed_by IS NULL OR claimed_by = $1)",
        // Only someone who works on the help inbox: never a partner account (handovers only).
        Holder::HandedTo => {
            "$1 IN (SELECT id FROM accounts WHERE active = 1 \
             AND role IN ('facilitator', 'coordinator'))"
        }
    };
    let sql = format!("UPDATE help_requests SET claimed_by = $1 WHERE id = $2 AND {only}");
    db.changed_one(sqlx::query(&sql).bind(account_id).bind(id))
        .await
}

/// Takes a request nobody holds yet (or holds it again); false when another holds it.
pub async fn claim(db: &Db, id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    set_holder(db, id, account_id, Holder::Takes).await
}

/// The coordinator hands a request to an active facilitator or coordinator; false when there is
/// no such account (a partner account cannot hold a help question).
pub async fn hand_over(db: &Db, id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    set_holder(db, id, account_id, Holder::HandedTo).await
}

/// Who holds a request: `None` when there is no such request, `Some(None)` when nobody took
/// it yet.
pub async fn holder(db: &Db, id: &str) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar("SELECT claimed_by FROM help_requests WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// Deletes a request and its messages at once (the parent's "delete everything"). On SQLite,
/// `secure_delete` overwrites the freed pages and a checkpoint empties the write-ahead log, so
/// the words are gone from the files too.
pub async fn delete(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    // A "there is an answer" mail not sent yet goes with the question and its address.
    sqlx::query(
        "DELETE FROM mail_outbox WHERE kind = 'help-answered' AND state = 'waiting' \
         AND recipient = (SELECT notify_email FROM help_requests WHERE id = $1)",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM help_requests WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    db.checkpoint_deleted().await
}

/// New requests made since a moment (site-wide, every instance: the hourly cap).
pub async fn created_since(db: &Db, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM help_requests WHERE created_at >= $1")
        .bind(since)
        .fetch_one(&db.pool)
        .await
}

/// How long each request of the last 90 days waited for a first reply: `(seconds, answered)`;
/// one still unanswered has waited until now so far.
pub async fn recent_waits(db: &Db) -> Result<Vec<(i64, bool)>, sqlx::Error> {
    let now = db.now();
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT COALESCE(first_reply_at, $1) - created_at, \
         CASE WHEN first_reply_at IS NULL THEN 0 ELSE 1 END \
         FROM help_requests WHERE created_at >= $2",
    )
    .bind(now)
    .bind(now - 90 * 86_400)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(s, a)| (s, a == 1)).collect())
}

/// Oldest waiting first; filters are optional. A facilitator sees the requests nobody holds
/// and their own; the coordinator sees every one.
pub async fn inbox(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    theme: Option<Theme>,
    language: Option<&str>,
    status: Option<HelpStatus>,
    older_than_days: Option<i64>,
) -> Result<Vec<HelpSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT h.id, h.theme, h.language, h.status, h.created_at, h.last_message_at, h.interpreter, \
         CASE WHEN h.callback_phone IS NULL THEN 0 ELSE 1 END AS callback, \
         COALESCE(a.display_name, '-') AS claimed FROM help_requests h \
         LEFT JOIN accounts a ON a.id = h.claimed_by \
         WHERE ($1 = '' OR h.theme = $1) AND ($2 = '' OR h.language = $2) AND ($3 = '' OR h.status = $3) \
         AND h.last_message_at <= $4 \
         AND ($5 = 'coordinator' OR h.claimed_by IS NULL OR h.claimed_by = $6) \
         ORDER BY CASE h.status WHEN 'new' THEN 0 WHEN 'waiting' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END, \
         h.last_message_at LIMIT 200",
    )
    .bind(theme.map(Theme::as_str).unwrap_or(""))
    .bind(language.unwrap_or(""))
    .bind(status.map(HelpStatus::as_str).unwrap_or(""))
    .bind(db.now() - older_than_days.unwrap_or(0) * 86_400)
    .bind(viewer.role.as_str())
    .bind(&viewer.id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let h = conversation_head_min(r)?;
            Ok(HelpSummary {
                id: r.try_get("id")?,
                theme: h.0,
                language: r.try_get("language")?,
                status: h.1,
                created_at: r.try_get("created_at")?,
                last_message_at: r.try_get("last_message_at")?,
                claimed_by: r.try_get("claimed")?,
                interpreter: r.try_get("interpreter")?,
                callback: r.try_get::<i64, _>("callback")? == 1,
            })
        })
        .collect()
}

fn conversation_head_min(r: &AnyRow) -> Result<(Theme, HelpStatus), sqlx::Error> {
    let bad = |w: &str| sqlx::Error::Decode(format!("bad {w}").into());
    Ok((
        Theme::parse(&r.try_get::<String, _>("theme")?).ok_or_else(|| bad("theme"))?,
        HelpStatus::parse(&r.try_get::<String, _>("status")?).ok_or_else(|| bad("status"))?,
    ))
}

/// Retention: a request and its messages go this many days after the last message. The
/// retention pass then empties SQLite's write-ahead log (`Db::checkpoint_deleted`, as after
/// "delete everything"), so the words do not linger in the files.
pub async fn purge(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    db.purge_older("DELETE FROM help_requests WHERE last_message_at < $1", days)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_hash_is_keyed() {
        let code = PickupCode::parse(&"1234".repeat(9)).unwrap();
        let a = code_hash("pepper-one-pepper-one-pepper-one", &code);
        assert_eq!(
            a,
            code_hash("pepper-one-pepper-one-pepper-one", &code),
            "the same code finds the same row"
        );
        assert_ne!(
            a,
            code_hash("pepper-two-pepper-two-pepper-two", &code),
            "without the pepper the hash is useless"
        );
        let next = PickupCode::parse(&format!("{}0000", "1234".repeat(8))).unwrap();
        assert_ne!(a, code_hash("pepper-one-pepper-one-pepper-one", &next));
        assert_eq!(a.len(), 64);
        assert!(!a.contains(code.digits()));
    }
}
