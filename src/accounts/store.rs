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
        // A partner's account handles no requests and no groups.
        let mut all = active_accounts(db).await?;
        all.retain(|a| a.role != Role::Partner);
        Ok(all)
    } else {
        Ok(Vec::new())
    }
}

/// What became of a coordinator's change to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Done,
    /// No such account in the state the change needs (the caller answers 404).
    NotFound,
    /// Nothing to change: the account has that role already.
    Unchanged,
    /// It would leave no active coordinator.
    LastCoordinator,
}

/// Takes the rows of every active coordinator for this transaction, so two changes at once
/// (two coordinators demoting or stopping each other) cannot both see "another coordinator is
/// left": on PostgreSQL the second waits for the first and then sees its result; SQLite writes
/// one transaction at a time anyway.
async fn hold_coordinators(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = role WHERE role = 'coordinator' AND active = 1")
        .execute(&mut **tx)
        .await
        .map(drop)
}

/// The role of an active account and whether another active coordinator is left without it.
async fn role_and_others(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
) -> Result<Option<(Role, bool)>, sqlx::Error> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT role, (SELECT COUNT(*) FROM accounts o WHERE o.role = 'coordinator' \
         AND o.active = 1 AND o.id <> $1) FROM accounts WHERE id = $1 AND active = 1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(role, others)| {
        let role = Role::parse(&role).ok_or_else(|| sqlx::Error::Decode("bad role".into()))?;
        Ok((role, others > 0))
    })
    .transpose()
}

/// Stops an account: it can no longer sign in and every session of it ends; retention deletes
/// it later (`purge_stopped`). In the same transaction the help questions it held (not yet
/// solved) go back to the shared inbox, each with an audit line, the stop has its audit line,
/// and every active coordinator gets a mail (kind `account-stopped`, no parent's data). The last
/// active coordinator is not stopped.
pub async fn deactivate(db: &Db, actor_id: &str, id: &str) -> Result<Change, sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    hold_coordinators(&mut tx).await?;
    match role_and_others(&mut tx, id).await? {
        None => return Ok(Change::NotFound),
        Some((Role::Coordinator, false)) => return Ok(Change::LastCoordinator),
        Some(_) => {}
    }
    sqlx::query(
        "UPDATE accounts SET active = 0, stopped_at = $2, session_epoch = session_epoch + 1 \
         WHERE id = $1 AND active = 1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let released: Vec<String> = sqlx::query_scalar(
        "UPDATE help_requests SET claimed_by = NULL WHERE claimed_by = $1 AND status <> 'solved' \
         RETURNING id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let actor = Some(actor_id);
    Db::run_in(
        &mut tx,
        audit_entry(now, actor, "deactivate", "account", id),
    )
    .await?;
    for question in &released {
        let entry = audit_entry(now, actor, "help-released", "help_request", question);
        Db::run_in(&mut tx, entry).await?;
    }
    let coordinators: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, lang FROM accounts WHERE role = 'coordinator' AND active = 1",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (email, lang) in &coordinators {
        let lang = crate::i18n::Lang::parse(lang).unwrap_or_default();
        let kind = crate::mail::Kind::AccountStopped;
        crate::mail::outbox::enqueue(&mut tx, now, email, lang, kind, "/admin/help").await?;
    }
    tx.commit().await?;
    Ok(Change::Done)
}

/// A stopped account may sign in again (it keeps its role; what it held was shared when it
/// stopped). The audit line is written in the same transaction.
pub async fn reactivate(db: &Db, actor_id: &str, id: &str) -> Result<Change, sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE accounts SET active = 1, stopped_at = NULL WHERE id = $1 AND active = 0",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(Change::NotFound);
    }
    let entry = audit_entry(now, Some(actor_id), "reactivate", "account", id);
    Db::run_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Change::Done)
}

/// A coordinator gives an active account another role; the last active coordinator keeps
/// theirs. The audit line is written in the same transaction.
pub async fn set_role(
    db: &Db,
    actor_id: &str,
    id: &str,
    role: Role,
) -> Result<Change, sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    hold_coordinators(&mut tx).await?;
    match role_and_others(&mut tx, id).await? {
        None => return Ok(Change::NotFound),
        Some((now_role, _)) if now_role == role => return Ok(Change::Unchanged),
        Some((Role::Coordinator, false)) => return Ok(Change::LastCoordinator),
        Some(_) => {}
    }
    sqlx::query("UPDATE accounts SET role = $2 WHERE id = $1 AND active = 1")
        .bind(id)
        .bind(role.as_str())
        .execute(&mut *tx)
        .await?;
    let action = format!("role-{}", role.as_str());
    let entry = audit_entry(now, Some(actor_id), &action, "account", id);
    Db::run_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Change::Done)
}

pub async fn count_accounts(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await
}

/// The typed address as the sign-in throttle knows it: an HMAC under the app's pepper, the same
/// for an address with an account and one without, so neither the backoff nor the lock tells
/// which addresses have an account; the address itself is not kept.
pub async fn address_key(db: &Db, email: &str) -> Result<String, sqlx::Error> {
    use hmac::{Hmac, Mac};
    let pepper = db.pepper().await?;
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(pepper.as_bytes()).expect("any key length");
    mac.update(b"sign-in\0");
    mac.update(email.trim().to_lowercase().as_bytes());
    Ok(mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// One failed sign-in for a typed address (its `address_key`).
pub async fn record_failure(db: &Db, address_key: &str) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query("INSERT INTO login_failures (address_key, at) VALUES ($1, $2)")
            .bind(address_key)
            .bind(db.now()),
    )
    .await
}

/// Failed sign-ins for a typed address (its `address_key`) since a moment.
pub async fn failures_since(db: &Db, address_key: &str, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE address_key = $1 AND at >= $2")
        .bind(address_key)
        .bind(since)
        .fetch_one(&db.pool)
        .await
}

pub async fn clear_failures(db: &Db, address_key: &str) -> Result<(), sqlx::Error> {
    db.run(sqlx::query("DELETE FROM login_failures WHERE address_key = $1").bind(address_key))
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
        let kind = match role {
            Role::Facilitator | Role::Partner => crate::mail::Kind::Invite,
            Role::Coordinator => crate::mail::Kind::InviteCoordinator,
        };
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
/// the page answers the same either way. Known or not, the same reads and one audit entry are
/// written in one transaction (for an unknown address the entry names nobody), and no mail is
/// sent on the request path, so the time does not tell either.
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
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM password_resets WHERE account_id = $1 AND created_at > $2",
    )
    .bind(account.as_ref().map_or("", |(id, _)| id.as_str()))
    .bind(now - 3600)
    .fetch_one(&mut *tx)
    .await?;
    let queued = match &account {
        Some((id, lang)) if recent < RESETS_PER_HOUR => {
            sqlx::query(
                "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(crate::security::tokens::hash_token(token))
            .bind(id)
            .bind(now)
            .bind(now + RESET_SECONDS)
            .execute(&mut *tx)
            .await?;
            let lang = crate::i18n::Lang::parse(lang).unwrap_or_default();
            let path = format!("/admin/reset/{token}");
            let kind = crate::mail::Kind::PasswordReset;
            crate::mail::outbox::enqueue(&mut tx, now, email, lang, kind, &path).await?;
            true
        }
        _ => false,
    };
    let (actor, kind, object) = match &account {
        Some((id, _)) => (Some(id.as_str()), "account", id.as_str()),
        None => (None, "address", "-"),
    };
    let entry = audit_entry(now, actor, "password-reset-asked", kind, object);
    Db::run_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(queued)
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

/// The INSERT of one audit line, to run on the pool or in a caller's transaction.
fn audit_entry<'q>(
    now: i64,
    actor_id: Option<&'q str>,
    action: &'q str,
    object_kind: &'q str,
    object_id: &'q str,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, action, object_kind, object_id) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(now)
    .bind(actor_id)
    .bind(action)
    .bind(object_kind)
    .bind(object_id)
}

/// One line of the audit log: who, what, which object; never personal content.
pub async fn audit(
    db: &Db,
    actor_id: Option<&str>,
    action: &str,
    object_kind: &str,
    object_id: &str,
) -> Result<(), sqlx::Error> {
    db.run(audit_entry(
        db.now(),
        actor_id,
        action,
        object_kind,
        object_id,
    ))
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
/// all); the account's invites go (failed sign-ins are kept per typed address, not per account,
/// and go by their own retention). Audit entries keep the bare id (no
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
