//! The background task that empties the outbox.
use std::time::Duration;

use super::outbox;
use super::{render, Mailer, Outcome};
use crate::db::Db;

/// How often the task looks for due mail.
pub const EVERY: Duration = Duration::from_secs(20);

/// What one pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: u64,
    pub again: u64,
    pub refused: u64,
    pub uncertain: u64,
}

/// One pass: rows left mid-send by a stopped sender become `uncertain` (never sent twice), due
/// rows are claimed with a lease and handed to the SMTP server one by one, old rows are purged.
/// `public_url` starts every link (`DOORSTART_PUBLIC_URL`).
pub async fn deliver_due(db: &Db, mailer: &Mailer, public_url: &str) -> Result<Pass, sqlx::Error> {
    let mut pass = Pass {
        uncertain: outbox::mark_uncertain(db).await?,
        ..Pass::default()
    };
    if pass.uncertain > 0 {
        tracing::warn!(
            count = pass.uncertain,
            "mail left mid-send by a stopped sender; not sent again"
        );
    }
    let claim = crate::db::new_id();
    for due in outbox::claim(db, &claim, 50).await? {
        let Some(kind) = due.kind else {
            outbox::not_sent(db, &due, true).await?;
            pass.refused += 1;
            continue;
        };
        if !outbox::start_sending(db, &due.id, &claim).await? {
            continue;
        }
        let link = format!("{}{}", public_url.trim_end_matches('/'), due.link_path);
        let mail = render(kind, due.lang, &link);
        match mailer.send(&due.id, &due.recipient, &mail).await {
            Outcome::Sent => {
                outbox::sent(db, &due.id).await?;
                pass.sent += 1;
            }
            Outcome::Again => {
                outbox::not_sent(db, &due, false).await?;
                pass.again += 1;
            }
            Outcome::Refused => {
                outbox::not_sent(db, &due, true).await?;
                pass.refused += 1;
            }
        }
    }
    outbox::purge(db).await?;
    Ok(pass)
}

/// Starts the task: a pass every `EVERY`, for the life of the server. With mail off, only the
/// purge runs (hourly), so waiting rows do not outlive their 7 days.
pub fn spawn(db: Db, mailer: Option<Mailer>, public_url: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(match mailer {
            Some(_) => EVERY,
            None => Duration::from_secs(3600),
        });
        loop {
            tick.tick().await;
            let done = match &mailer {
                Some(m) => deliver_due(&db, m, &public_url).await.map(|_| ()),
                None => outbox::purge(&db).await.map(|_| ()),
            };
            if let Err(e) = done {
                tracing::warn!(error = %e, "mail pass failed; next pass tries again");
            }
        }
    });
}
