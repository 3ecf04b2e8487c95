//! New help questions reach facilitators as a digest: at most one mail an hour per facilitator,
//! only when something new came in since their last one that they chose (themes, languages),
//! with no text of the question. A task
//! runs `digest_pass` every 10 minutes on every instance (each account is taken with a
//! conditional update, so two instances never both mail).
use std::time::Duration;

use sqlx::Row;

use crate::accounts::model::{HelpChoice, Role};
use crate::db::Db;

/// At most one digest per facilitator in this many seconds.
pub const DIGEST_EVERY: i64 = 3600;

/// One account that may get the digest.
struct Reader {
    id: String,
    email: String,
    lang: String,
    coordinator: bool,
    last: Option<i64>,
    choice: HelpChoice,
}

/// Sends (queues) the digests that are due; returns how many. A facilitator hears of the new
/// questions they chose (theme and language; nothing chosen: all); the coordinators hear of the
/// new questions no active facilitator chose (with no facilitator: all of them), so none falls
/// through.
pub async fn digest_pass(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let rows = sqlx::query(
        "SELECT id, email, lang, role, help_digest_at, help_themes, help_langs FROM accounts \
         WHERE active = 1 AND role IN ('facilitator', 'coordinator')",
    )
    .fetch_all(&db.pool)
    .await?;
    let readers = rows
        .iter()
        .map(|r| {
            Ok(Reader {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                lang: r.try_get("lang")?,
                coordinator: r.try_get::<String, _>("role")? == Role::Coordinator.as_str(),
                last: r.try_get("help_digest_at")?,
                choice: HelpChoice::from_lists(
                    &r.try_get::<String, _>("help_themes")?,
                    &r.try_get::<String, _>("help_langs")?,
                ),
            })
        })
        .collect::<Result<Vec<Reader>, sqlx::Error>>()?;
    // New since a reader's last digest (a first digest: new in the last day), nobody holds it.
    let since = |r: &Reader| r.last.unwrap_or(now - 86_400);
    let Some(oldest) = readers.iter().map(since).min() else {
        return Ok(0);
    };
    let new: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT theme, language, created_at FROM help_requests \
         WHERE status = 'new' AND claimed_by IS NULL AND created_at > $1",
    )
    .bind(oldest)
    .fetch_all(&db.pool)
    .await?;
    let facilitators: Vec<&HelpChoice> = readers
        .iter()
        .filter(|r| !r.coordinator)
        .map(|r| &r.choice)
        .collect();
    let wants = |r: &Reader, theme: &str, lang: &str| match r.coordinator {
        false => r.choice.wants(theme, lang),
        true => !facilitators.iter().any(|c| c.wants(theme, lang)),
    };
    let mut sent = 0;
    for r in &readers {
        if r.last.is_some_and(|t| t > now - DIGEST_EVERY) {
            continue;
        }
        let after = since(r);
        if !new
            .iter()
            .any(|(theme, lang, at)| *at > after && wants(r, theme, lang))
        {
            continue;
        }
        let mut tx = db.pool.begin().await?;
        let took = sqlx::query(
            "UPDATE accounts SET help_digest_at = $1 WHERE id = $2 \
             AND (help_digest_at IS NULL OR help_digest_at <= $3)",
        )
        .bind(now)
        .bind(&r.id)
        .bind(now - DIGEST_EVERY)
        .execute(&mut *tx)
        .await?;
        if took.rows_affected() == 1 {
            let lang = crate::i18n::Lang::parse(&r.lang).unwrap_or_default();
            let kind = crate::mail::Kind::HelpDigest;
            crate::mail::outbox::enqueue(&mut tx, now, &r.email, lang, kind, "/admin/help").await?;
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
