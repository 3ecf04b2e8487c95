//! Every SQL statement of accounts, invites, sign-in throttling and the audit log.
use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::{Account, AuditEntry, HelpChoice, Role};
use crate::db::{new_id, Db};

fn account(r: &AnyRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&r.try_get::<String, _>("role")?)
            .ok_or_else(|| sqlx::Error::Decode("bad role".into()))?,
    })
}

/// The one INSERT of an account (made on the command line, or by accepting an invite).
async fn insert_account(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    email: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO accounts (id, email, display_name, role, password_hash, active, created_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6)",
    )
    .bind(&id)
    .bind(email)
    .bind(display_name)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn create_account(
    db: &Db,
    email: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
) -> Result<String, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = insert_account(&mut tx, email, display_name, role, password_hash, db.now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// The account and its password hash, for signing in (active accounts only).
pub async fn for_sign_in(db: &Db, email: &str) -> Result<Option<(Account, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, display_name, role, password_hash FROM accounts \
         WHERE email = $1 AND active = 1",
    )
    .bind(email)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((account(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn active_by_id(db: &Db, id: &str) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, display_name, role FROM accounts WHERE id = $1 AND active = 1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(account).transpose()
}

/// The epoch sessions of this account must carry; a password change moves it on.
pub async fn session_epoch(db: &Db, id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT session_epoch FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map(Option::unwrap_or_default)
}

/// A new password ends every session of the account (the caller starts a new one).
pub async fn change_password(db: &Db, id: &str, hash: &str) -> Result<(), sqlx::Error> {
    db.run(sqlx::query(
        "UPDATE accounts SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2",
    )
    .bind(hash)
    .bind(id))
    .await
}

pub async fn set_password_hash(db: &Db, id: &str, hash: &str) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(id),
    )
    .await
}

/// The language a facilitator's mails are written in: the one they last signed in with.
pub async fn set_lang(db: &Db, id: &str, lang: crate::i18n::Lang) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query("UPDATE accounts SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(id),
    )
    .await
}

/// The help questions a facilitator wants the digest for.
pub async fn help_choice(db: &Db, id: &str) -> Result<HelpChoice, sqlx::Error> {
    let lists: Option<(String, String)> =
        sqlx::query_as("SELECT help_themes, help_langs FROM accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(lists
        .map(|(t, l)| HelpChoice::from_lists(&t, &l))
        .unwrap_or_default())
}

pub async fn set_help_choice(db: &Db, id: &str, choice: &HelpChoice) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET help_themes = $1, help_langs = $2 WHERE id = $3")
        .bind(choice.themes.join(","))
        .bind(choice.langs.join(","))
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn password_hash(db: &Db, id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1 AND active = 1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// Every account, for the coordinator: (account, active).
pub async fn all_accounts(db: &Db) -> Result<Vec<(Account, bool)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, email, display_name, role, active FROM accounts ORDER BY display_name",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((account(r)?, r.try_get::<i64, _>("active")? != 0)))
        .collect()
}

/// Active accounts, to hand requests and groups to.
pub async fn active_accounts(db: &Db) -> Result<Vec<Account>, sqlx::Error> {
    Ok(all_accounts(db)
        .await?
        .into_iter()
        .filter(|(_, active)| *active)
        .map(|(a, _)| a)
        .collect())
}

/// Whom the viewer may hand a request or a group to: every active account for the coordinator,
/// nobody for a facilitator.
pub async fn handover_targets(db: &Db, viewer: &Account) -> Result<Vec<Account>, sqlx::Error> {
    if viewer.is_coordinator() {
        active_accounts(db).await
    } else {
        Ok(Vec::new())
    }
}

/// Stops an account: it can no longer sign in; retention deletes it later (`purge_stopped`).
pub async fn deactivate(db: &Db, id: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("UPDATE accounts SET active = 0, stopped_at = $2 WHERE id = $1 AND active = 1")
            .bind(id)
            .bind(db.now()),
    )
    .await
}

pub async fn count_accounts(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await
}

pub async fn record_failure(db: &Db, account_id: &str) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query("INSERT INTO login_failures (account_id, at) VALUES ($1, $2)")
            .bind(account_id)
            .bind(db.now()),
    )
    .await
}

/// Failed sign-ins of an account since a moment.
pub async fn failures_since(db: &Db, account_id: &str, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE account_id = $1 AND at >= $2")
        .bind(account_id)
        .bind(since)
        .fetch_one(&db.pool)
        .await
}

pub async fn clear_failures(db: &Db, account_id: &str) -> Result<(), sqlx::Error> {
    db.run(sqlx::query("DELETE FROM login_failures WHERE account_id = $1").bind(account_id))
        .await
}

pub async fn create_invite(
    db: &Db,
    token: &str,
    role: Role,
    created_by: &str,
    days: i64,
) -> Result<(), sqlx::Error> {
    create_invite_for(db, token, role, created_by, days, None).await
}

/// An invite and, when `mail_to` is given, the mail with its link to that address in that
/// language, in one transaction. The address is kept only in the outbox row.
pub async fn create_invite_for(
    db: &Db,
    token: &str,
    role: Role,
    created_by: &str,
    days: i64,
    mail_to: Option<(&str, crate::i18n::Lang)>,
) -> Result<(), sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO invites (token_hash, role, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::security::tokens::hash_token(token))
    .bind(role.as_str())
    .bind(created_by)
    .bind(now)
    .bind(now + days * 86_400)
    .execute(&mut *tx)
    .await?;
    if let Some((to, lang)) = mail_to {
        let path = format!("/admin/invite/{token}");
        let kind = crate::mail::Kind::Invite;
        crate::mail::outbox::enqueue(&mut tx, now, to, lang, kind, &path).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The role of an open invite (not used, not expired).
/// A reset link lives this long.
pub const RESET_SECONDS: i64 = 3600;
/// At most this many reset links per account per hour (more asks are answered the same way,
/// and nothing is sent).
pub const RESETS_PER_HOUR: i64 = 3;

/// "Forgot your password": for an active account with this address, a one-hour link is stored
/// (as a hash) and its mail queued in the same transaction. Returns whether a mail was queued;
/// the page answers the same either way.
pub async fn request_reset(db: &Db, email: &str, token: &str) -> Result<bool, sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM password_resets WHERE created_at < $1")
        .bind(now - 86_400)
        .execute(&mut *tx)
        .await?;
    let account: Option<(String, String)> =
        sqlx::query_as("SELECT id, lang FROM accounts WHERE email = $1 AND active = 1")
            .bind(email)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id, lang)) = account else {
        tx.commit().await?;
        return Ok(false);
    };
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM password_resets WHERE account_id = $1 AND created_at > $2",
    )
    .bind(&id)
    .bind(now - 3600)
    .fetch_one(&mut *tx)
    .await?;
    if recent >= RESETS_PER_HOUR {
        tx.commit().await?;
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(crate::security::tokens::hash_token(token))
    .bind(&id)
    .bind(now)
    .bind(now + RESET_SECONDS)
    .execute(&mut *tx)
    .await?;
    let lang = crate::i18n::Lang::parse(&lang).unwrap_or_default();
    let path = format!("/admin/reset/{token}");
    crate::mail::outbox::enqueue(
        &mut tx,
        now,
        email,
        lang,
        crate::mail::Kind::PasswordReset,
        &path,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// True when the reset link is unused, younger than an hour and its account active.
pub async fn open_reset(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM password_resets r JOIN accounts a ON a.id = r.account_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND a.active = 1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .bind(db.now())
    .fetch_one(&db.pool)
    .await?;
    Ok(n == 1)
}

/// Uses a reset link: the new password is set, every session of the account ends, the link
/// (and any other open one of the account) can no longer be used. Returns the account id, or
/// None when the link is used, expired or unknown.
pub async fn use_reset(
    db: &Db,
    token: &str,
    password_hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    let now = db.now();
    let hash = crate::security::tokens::hash_token(token);
    let mut tx = db.pool.begin().await?;
    let took = sqlx::query(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(&hash)
    .execute(&mut *tx)
    .await?;
    if took.rows_affected() != 1 {
        return Ok(None);
    }
    let id: Option<String> = sqlx::query_scalar(
        "SELECT a.id FROM password_resets r JOIN accounts a ON a.id = r.account_id \
         WHERE r.token_hash = $1 AND a.active = 1",
    )
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2",
    )
    .bind(password_hash)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL",
    )
    .bind(now)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn open_invite(db: &Db, token: &str) -> Result<Option<Role>, sqlx::Error> {
    let role: Option<String> = sqlx::query_scalar(
        "SELECT role FROM invites WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(crate::security::tokens::hash_token(token))
    .bind(db.now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(role.as_deref().and_then(Role::parse))
}

/// Uses an invite and creates the account in one transaction; None when the invite is gone
/// or the e-mail is taken.
pub async fn accept_invite(
    db: &Db,
    token: &str,
    email: &str,
    display_name: &str,
    password_hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let role: Option<String> = sqlx::query_scalar(
        "UPDATE invites SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
         AND expires_at > $1 RETURNING role",
    )
    .bind(db.now())
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(role) = role else { return Ok(None) };
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Ok(None);
    }
    let role = Role::parse(&role).ok_or_else(|| sqlx::Error::Decode("bad role".into()))?;
    let id = insert_account(&mut tx, email, display_name, role, password_hash, db.now()).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// One line of the audit log: who, what, which object; never personal content.
pub async fn audit(
    db: &Db,
    actor_id: Option<&str>,
    action: &str,
    object_kind: &str,
    object_id: &str,
) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query(
            "INSERT INTO audit_log (id, at, actor_id, action, object_kind, object_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(db.now())
        .bind(actor_id)
        .bind(action)
        .bind(object_kind)
        .bind(object_id),
    )
    .await
}

pub async fn recent_audit(db: &Db, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT l.at, COALESCE(a.display_name, '-') AS actor, l.action, l.object_kind, l.object_id \
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id ORDER BY l.at DESC, l.id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

/// Retention: audit entries older than this many days.
pub async fn purge_audit(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    db.purge_older("DELETE FROM audit_log WHERE at < $1", days)
        .await
}

/// Retention: failed sign-ins older than this many days (the throttle looks back one hour).
pub async fn purge_login_failures(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    db.purge_older("DELETE FROM login_failures WHERE at < $1", days)
        .await
}

/// Retention: invites used or expired more than this many days ago.
pub async fn purge_invites(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    db.purge_older(
        "DELETE FROM invites WHERE used_at < $1 OR expires_at < $1",
        days,
    )
    .await
}

/// Retention: accounts stopped more than this many days ago are deleted, name, e-mail and
/// password hash with them. What pointed at them stays and points at nobody: groups, join
/// requests and help requests lose their owner, handler or claim (the coordinator sees them
/// all); the account's invites and failed sign-ins go. Audit entries keep the bare id (no
/// foreign key); the audit period is not longer than this one, so while an entry of the
/// account is kept, the account (and its name on the audit page) is kept too.
///
/// Accounts stopped before their stop time was recorded get it now, at their first pass.
pub async fn purge_stopped(db: &Db, days: i64) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    sqlx::query("UPDATE accounts SET stopped_at = $1 WHERE active = 0 AND stopped_at IS NULL")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let gone = "SELECT id FROM accounts WHERE active = 0 AND stopped_at < $1";
    for sql in [
        "UPDATE peer_groups SET owner_id = NULL WHERE owner_id IN",
        "UPDATE join_requests SET assigned_to = NULL WHERE assigned_to IN",
        "UPDATE help_requests SET claimed_by = NULL WHERE claimed_by IN",
        "DELETE FROM invites WHERE created_by IN",
        "DELETE FROM login_failures WHERE account_id IN",
    ] {
        sqlx::query(&format!("{sql} ({gone})"))
            .bind(now - days * 86_400)
            .execute(&mut *tx)
            .await?;
    }
    let done = sqlx::query("DELETE FROM accounts WHERE active = 0 AND stopped_at < $1")
        .bind(now - days * 86_400)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
