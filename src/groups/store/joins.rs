//! Join requests: stored, shown to the one who handles them, moved on, withdrawn, purged.
use sqlx::{FromRow, Row};

use super::*;
use crate::db::{Db, Stored};

/// Stores a join request under a token the server made; a second post of the same form stores
/// nothing.
pub async fn insert_join_request(
    db: &Db,
    group_id: &str,
    token: &str,
    input: &crate::groups::join::JoinInput,
) -> Result<Stored, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let (stored, _) =
        insert_join_request_in(&mut tx, db.now(), group_id, token, input, None).await?;
    tx.commit().await?;
    Ok(stored)
}

/// The same in the caller's transaction, through a partner when one is given (its link, or a
/// warm handover): the request keeps the partner and the partner's month counts it. Returns the
/// new request's id with it.
pub async fn insert_join_request_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    group_id: &str,
    token: &str,
    input: &crate::groups::join::JoinInput,
    partner_id: Option<&str>,
) -> Result<(Stored, Option<String>), sqlx::Error> {
    let ages = input
        .child_ages
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let fact = crate::db::new_id();
    let id = crate::db::new_id();
    let done = sqlx::query(
        "INSERT INTO join_requests (id, group_id, token_hash, first_name, contact_kind, contact, \
         language, children, child_ages, status, created_at, contact_deadline, updated_at, fact_id, \
         remind_at, partner_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $10, $12, $13, $14) \
         ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(&id)
    .bind(group_id)
    .bind(crate::security::tokens::hash_token(token))
    .bind(&input.first_name)
    .bind(input.contact.kind())
    .bind(input.contact.value())
    .bind(&input.language)
    .bind(input.children.map(i64::from))
    .bind(ages)
    .bind(now)
    .bind(now + crate::groups::join::CONTACT_DAYS * 86_400)
    .bind(&fact)
    // "I'll just come": nobody promised a call, so no reminder and no escalation.
    .bind((input.contact != crate::groups::join::Contact::AtMeeting)
        .then(|| crate::groups::join::reminder_at(now)))
    .bind(partner_id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 {
        crate::monitoring::store::join_fact(tx, &fact, group_id, now).await?;
        crate::monitoring::store::join_fact_origin(
            tx,
            &fact,
            &input.referral,
            input.child_ages.iter().any(|a| *a >= 4),
        )
        .await?;
        if let Some(partner) = partner_id {
            crate::partners::store::count_join_in(tx, partner, now).await?;
        }
        notify_new_join(tx, group_id, now).await?;
        return Ok((Stored::New, Some(id)));
    }
    let same: Option<(String, String, String)> = sqlx::query_as(
        "SELECT group_id, first_name, contact FROM join_requests WHERE token_hash = $1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&mut **tx)
    .await?;
    let mine = (group_id, input.first_name.as_str(), input.contact.value());
    Ok(match same {
        Some((g, n, c)) if (g.as_str(), n.as_str(), c.as_str()) == mine => (Stored::Again, None),
        _ => (Stored::Taken, None),
    })
}

/// A mail to whoever handles the group's requests (its active owner, or else every active
/// coordinator), on the join request's own transaction. Only "there is a new request, sign in".
async fn notify_new_join(
    conn: &mut sqlx::AnyConnection,
    group_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut to: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.email, a.lang FROM accounts a JOIN peer_groups g ON g.owner_id = a.id \
         WHERE g.id = $1 AND a.active = 1",
    )
    .bind(group_id)
    .fetch_all(&mut *conn)
    .await?;
    if to.is_empty() {
        to = sqlx::query_as(
            "SELECT email, lang FROM accounts WHERE role = 'coordinator' AND active = 1",
        )
        .fetch_all(&mut *conn)
        .await?;
    }
    for (email, lang) in to {
        let lang = crate::i18n::Lang::parse(&lang).unwrap_or_default();
        crate::mail::outbox::enqueue(
            conn,
            now,
            &email,
            lang,
            crate::mail::Kind::JoinNew,
            "/admin",
        )
        .await?;
    }
    Ok(())
}

pub async fn join_status(
    db: &Db,
    token: &str,
) -> Result<Option<crate::groups::join::JoinStatusView>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT j.group_id, g.name, j.first_name, j.status, j.contact_deadline, j.contact_kind \
         FROM join_requests j JOIN peer_groups g ON g.id = j.group_id WHERE j.token_hash = $1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(crate::groups::join::JoinStatusView {
            group_id: r.try_get("group_id")?,
            group_name: r.try_get("name")?,
            first_name: r.try_get("first_name")?,
            status: crate::groups::join::JoinStatus::parse(&r.try_get::<String, _>("status")?)
                .ok_or_else(|| sqlx::Error::Decode("bad join status".into()))?,
            contact_deadline: r.try_get("contact_deadline")?,
            just_comes: r.try_get::<String, _>("contact_kind")? == "meeting",
            late: db.now() > r.try_get::<i64, _>("contact_deadline")?,
            checkin: None,
        })
    })
    .transpose()
}

/// The e-mail address on a join request, when the parent chose to be mailed (for the check-in
/// reminders they may ask for on their status page).
pub async fn mail_contact(db: &Db, token: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT contact FROM join_requests WHERE token_hash = $1 AND contact_kind = 'email'",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&db.pool)
    .await
}

/// Deletes a join request at once (the parent withdraws). True when there was one.
pub async fn delete_join_request(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM join_requests WHERE token_hash = $1")
        .bind(crate::security::tokens::hash_token(token))
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Retention: a finished request (joined or not) goes 30 days after it was closed; any request
/// goes 90 days after it was made. Returns how many were deleted.
pub async fn purge_join_requests(
    db: &Db,
    closed_days: i64,
    max_days: i64,
) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let done = sqlx::query(
        "DELETE FROM join_requests WHERE \
         (status IN ('joined', 'not_joined') AND updated_at < $1) OR created_at < $2",
    )
    .bind(now - closed_days * 86_400)
    .bind(now - max_days * 86_400)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Who may see and change a join request: the coordinator all; a facilitator the requests
/// assigned to them, or of their own groups when nobody is assigned.
const MAY_HANDLE: &str = "($1 = 'coordinator' OR j.assigned_to = $2 \
     OR (j.assigned_to IS NULL AND g.owner_id = $2))";

pub async fn inbox(
    db: &Db,
    viewer: &crate::accounts::model::Account,
) -> Result<Vec<InboxItem>, sqlx::Error> {
    let sql = format!(
        "SELECT j.id, g.name AS group_name, j.first_name, j.contact_kind, j.contact, j.language, \
         j.children, j.child_ages, j.status, j.created_at, j.contact_deadline, \
         COALESCE(a.display_name, o.display_name, '-') AS handler, \
         CASE WHEN j.escalated_at IS NULL THEN NULL ELSE COALESCE(e.display_name, '-') END \
         AS escalated_from \
         FROM join_requests j JOIN peer_groups g ON g.id = j.group_id \
         LEFT JOIN accounts a ON a.id = j.assigned_to LEFT JOIN accounts o ON o.id = g.owner_id \
         LEFT JOIN accounts e ON e.id = j.escalated_from \
         WHERE {MAY_HANDLE} \
         ORDER BY CASE j.status WHEN 'received' THEN 0 WHEN 'contacted' THEN 1 ELSE 2 END, j.created_at"
    );
    let rows = as_viewer(&sql, viewer).fetch_all(&db.pool).await?;
    rows.iter().map(InboxItem::from_row).collect()
}

/// Changes the status if the viewer may handle the request; false otherwise (the caller
/// answers 404, so nobody learns that it exists).
pub async fn set_join_status(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    id: &str,
    status: crate::groups::join::JoinStatus,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "UPDATE join_requests SET status = $3, updated_at = $4 WHERE id = $5 AND id IN \
         (SELECT j.id FROM join_requests j JOIN peer_groups g ON g.id = j.group_id WHERE {MAY_HANDLE})"
    );
    let mut tx = db.pool.begin().await?;
    let done = as_viewer(&sql, viewer)
        .bind(status.as_str())
        .bind(db.now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let changed = done.rows_affected() == 1;
    if changed && status == crate::groups::join::JoinStatus::Contacted {
        // A parent who asked for mail hears that there is news (never what), in their language.
        let parent: Option<(String, String)> = sqlx::query_as(
            "SELECT contact, language FROM join_requests WHERE id = $1 AND contact_kind = 'email'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((email, lang)) = parent {
            let lang = crate::i18n::Lang::parse(&lang).unwrap_or_default();
            let kind = crate::mail::Kind::JoinContacted;
            crate::mail::outbox::enqueue(&mut tx, db.now(), &email, lang, kind, "/").await?;
        }
    }
    tx.commit().await?;
    if changed {
        crate::monitoring::store::join_progress(db, id, status.as_str()).await?;
    }
    Ok(changed)
}

/// The coordinator hands a request to another facilitator.
pub async fn assign_join_request(db: &Db, id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query(
            "UPDATE join_requests SET assigned_to = $1, updated_at = $2 WHERE id = $3 \
         AND EXISTS (SELECT 1 FROM accounts WHERE id = $1 AND active = 1)",
        )
        .bind(account_id)
        .bind(db.now())
        .bind(id),
    )
    .await
}

/// What one deadline pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeadlinePass {
    pub reminded: u64,
    pub escalated: u64,
}

/// The handler of a request (assigned, else the group's owner) when active: mail address and
/// language.
const HANDLER: &str = "SELECT a.email, a.lang FROM join_requests j \
     JOIN peer_groups g ON g.id = j.group_id \
     JOIN accounts a ON a.id = COALESCE(j.assigned_to, g.owner_id) \
     WHERE j.id = $1 AND a.active = 1";

/// Deadlines that act, for every instance at once (each step takes a row with a conditional
/// update, so two instances never both mail): the morning after a request without contact its
/// handler is reminded; after the contact deadline the request moves to the coordinator's list
/// (assigned to the first active coordinator, remembering who had it) and every active
/// coordinator gets a mail. "I'll just come" requests have no deadline.
pub async fn deadline_pass(db: &Db) -> Result<DeadlinePass, sqlx::Error> {
    let now = db.now();
    let mut pass = DeadlinePass::default();
    let due: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM join_requests WHERE status = 'received' AND remind_at <= $1",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    for id in due {
        let mut tx = db.pool.begin().await?;
        let took = sqlx::query(
            "UPDATE join_requests SET remind_at = NULL WHERE id = $1 AND remind_at IS NOT NULL",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        if took.rows_affected() == 1 {
            let to = sqlx::query_as(HANDLER).bind(&id);
            pass.reminded += mail_to(&mut tx, now, to, crate::mail::Kind::JoinReminder).await?;
        }
        tx.commit().await?;
    }
    let late: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM join_requests WHERE status = 'received' AND contact_kind <> 'meeting' \
         AND escalated_at IS NULL AND contact_deadline < $1",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    for id in late {
        let mut tx = db.pool.begin().await?;
        let coordinator: Option<String> = sqlx::query_scalar(
            "SELECT id FROM accounts WHERE role = 'coordinator' AND active = 1 \
             ORDER BY created_at, id LIMIT 1",
        )
        .fetch_optional(&mut *tx)
        .await?;
        let took = sqlx::query(
            "UPDATE join_requests SET escalated_at = $1, remind_at = NULL, \
             escalated_from = (SELECT COALESCE(j.assigned_to, g.owner_id) FROM join_requests j \
               JOIN peer_groups g ON g.id = j.group_id WHERE j.id = $2), \
             assigned_to = COALESCE($3, assigned_to) \
             WHERE id = $2 AND escalated_at IS NULL",
        )
        .bind(now)
        .bind(&id)
        .bind(&coordinator)
        .execute(&mut *tx)
        .await?;
        if took.rows_affected() == 1 {
            pass.escalated += 1;
            let to = sqlx::query_as(
                "SELECT email, lang FROM accounts WHERE role = 'coordinator' AND active = 1",
            );
            mail_to(&mut tx, now, to, crate::mail::Kind::JoinEscalated).await?;
        }
        tx.commit().await?;
    }
    Ok(pass)
}

/// Writes a mail of `kind` (a link to the inbox) to everyone `to` selects as (email, language),
/// in the caller's transaction; returns how many.
async fn mail_to<'q>(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    to: sqlx::query::QueryAs<'q, sqlx::Any, (String, String), sqlx::any::AnyArguments<'q>>,
    kind: crate::mail::Kind,
) -> Result<u64, sqlx::Error> {
    let to = to.fetch_all(&mut **tx).await?;
    for (email, lang) in &to {
        let lang = crate::i18n::Lang::parse(lang).unwrap_or_default();
        crate::mail::outbox::enqueue(tx, now, email, lang, kind, "/admin").await?;
    }
    Ok(to.len() as u64)
}
