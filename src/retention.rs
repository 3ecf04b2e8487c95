//! Deletes personal records when their time is up: a background task, hourly. Every step runs
//! on its own: a step that fails is logged by name and the others still run.
use std::future::Future;
use std::time::Duration;

use crate::config::{number_from_env, ConfigError};
use crate::db::Db;

/// How long a finished join request is kept (`DOORSTART_JOIN_CLOSED_DAYS`, default 30).
pub const JOIN_CLOSED_DAYS: i64 = 30;

/// How long any join request is kept.
pub const JOIN_MAX_DAYS: i64 = 90;

/// A help request and its messages go this many days after the last message
/// (`DOORSTART_HELP_DAYS`, default 90).
pub const HELP_DAYS: i64 = 90;

/// The longest `DOORSTART_HELP_DAYS` may be: what the help page promises parents. A larger
/// value stops the server at start.
pub const HELP_DAYS_MAX: i64 = 90;

/// How long RSVPs (first names) are kept after their meetup.
pub const RSVP_DAYS_AFTER: i64 = 30;

/// Anonymous counts (monitoring facts, guide counts, searches without a group) are kept this
/// many months: the 18-month pilot report and a year to compare with.
pub const STATS_MONTHS: u32 = 36;

/// Audit entries (who did what, no content) are kept 12 months: long enough to answer a
/// question or complaint about a year of work, not longer.
pub const AUDIT_DAYS: i64 = 365;

/// Failed sign-ins are kept 30 days: the throttle needs one hour; a month shows an attack.
pub const LOGIN_FAILURE_DAYS: i64 = 30;

/// Invites are kept 30 days after they were used or expired (a link lives 7 days).
pub const INVITE_DAYS_AFTER: i64 = 30;

/// Stopped accounts (name, e-mail, password hash) are deleted 12 months after they were
/// stopped: the audit entries that name them are gone by then too.
pub const STOPPED_ACCOUNT_DAYS: i64 = 365;

/// Backups (`doorstart backup`, `pg_dump`) are kept this many days, then deleted: what was
/// deleted from the database is gone from every backup within this period too. The README's
/// Backups section and the privacy page say this number.
pub const BACKUP_DAYS: i64 = 30;

/// Check-in answers (anonymous to every reader, pseudonymous in law: a random key links a
/// parent's two check-ins) are kept this many months, then deleted: the 18-month pilot report
/// and the 6 months a later check-in needs. The privacy page says this number.
pub const CHECKIN_MONTHS: u32 = 24;

/// A check-in reminder (an e-mail address and the sealed key of the parent's link) is deleted
/// after its 6-month mail; should it linger, after this many days.
pub const CHECKIN_REMINDER_DAYS: i64 = 190;

/// "Tell me when a group starts near me": an address is kept at most this many days (unconfirmed:
/// `groups::store::notify::UNCONFIRMED_HOURS`; after its one mail: not at all). The privacy page
/// says this number.
pub const NOTIFY_DAYS: i64 = 180;

// Answers about feelings are kept no longer than the other anonymous counts.
const _: () = assert!(CHECKIN_MONTHS <= STATS_MONTHS);

// An audit entry never outlives the name it shows (see `accounts::store::purge_stopped`).
const _: () = assert!(AUDIT_DAYS <= STOPPED_ACCOUNT_DAYS);

/// The retention settings from the environment, checked at start: a value that is not a whole
/// number in range stops the server with a clear error.
pub fn check_settings() -> Result<(), ConfigError> {
    join_closed_days()?;
    help_days()?;
    Ok(())
}

fn join_closed_days() -> Result<i64, ConfigError> {
    number_from_env(
        "DOORSTART_JOIN_CLOSED_DAYS",
        JOIN_CLOSED_DAYS,
        1,
        JOIN_MAX_DAYS,
    )
}

fn help_days() -> Result<i64, ConfigError> {
    number_from_env("DOORSTART_HELP_DAYS", HELP_DAYS, 1, HELP_DAYS_MAX)
}

/// A setting read again on every pass: should it have become wrong after start, the default is
/// used (never a longer period) and the log says so.
fn or_default(read: Result<i64, ConfigError>, default: i64) -> i64 {
    read.unwrap_or_else(|e| {
        tracing::warn!(error = %e, default, "retention setting refused; using the default");
        default
    })
}

/// The periods as the privacy page shows them: the same constants and settings this task
/// deletes by (one source; `tests/trust.rs` reads the page against these constants).
pub fn periods() -> crate::trust::model::Periods {
    crate::trust::model::Periods {
        join_closed_days: or_default(join_closed_days(), JOIN_CLOSED_DAYS),
        join_max_days: JOIN_MAX_DAYS,
        rsvp_days_after: RSVP_DAYS_AFTER,
        help_days: or_default(help_days(), HELP_DAYS),
        stats_months: STATS_MONTHS,
        backup_days: BACKUP_DAYS,
        checkin_months: CHECKIN_MONTHS,
        checkin_reminder_days: CHECKIN_REMINDER_DAYS,
        notify_days: NOTIFY_DAYS,
        notify_unconfirmed_hours: crate::groups::store::notify::UNCONFIRMED_HOURS,
    }
}

/// What one pass deleted, per step; `failed` names the steps that could not run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub join_requests: u64,
    pub rsvps: u64,
    pub help_requests: u64,
    pub anonymous_counts: u64,
    pub audit_entries: u64,
    pub login_failures: u64,
    pub invites: u64,
    pub stopped_accounts: u64,
    /// Keys and hashed networks of throttle windows that are over.
    pub throttle_windows: u64,
    /// Check-ins past `CHECKIN_MONTHS` and reminders past `CHECKIN_REMINDER_DAYS`.
    pub checkins: u64,
    /// "Tell me when" addresses: unconfirmed after 48 hours, any after `NOTIFY_DAYS`.
    pub group_interest: u64,
    /// Yesterday's once-a-day hashes of counted views.
    pub counted_views: u64,
    pub failed: Vec<&'static str>,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.join_requests
            + self.rsvps
            + self.help_requests
            + self.anonymous_counts
            + self.audit_entries
            + self.login_failures
            + self.invites
            + self.stopped_accounts
            + self.throttle_windows
            + self.checkins
            + self.group_interest
            + self.counted_views
    }

    /// Runs one step; a failure is logged with the step's name (the statements bind only
    /// times, so the error holds no personal data) and counts as nothing deleted.
    async fn step(
        &mut self,
        name: &'static str,
        run: impl Future<Output = Result<u64, sqlx::Error>>,
    ) -> u64 {
        match run.await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(step = name, error = %e, "retention step failed; the other steps still run");
                self.failed.push(name);
                0
            }
        }
    }
}

/// One pass over every kind of personal record, each step on its own.
pub async fn purge_once(db: &Db) -> Purged {
    let closed_days = or_default(join_closed_days(), JOIN_CLOSED_DAYS);
    let help_days = or_default(help_days(), HELP_DAYS);
    let mut p = Purged::default();
    // One row a step: the field of `Purged` it fills, its name in the log, what it runs.
    macro_rules! purge_steps {
        ($($field:ident, $name:literal, $run:expr;)*) => { $( p.$field = p.step($name, $run).await; )* };
    }
    use crate::accounts::store as accounts;
    purge_steps!(
        join_requests, "join requests", crate::groups::store::purge_join_requests(db, closed_days, JOIN_MAX_DAYS);
        rsvps, "rsvps", crate::meetups::store::purge_rsvps(db, RSVP_DAYS_AFTER);
        help_requests, "help requests", crate::help::store::purge(db, help_days);
        anonymous_counts, "anonymous counts", crate::monitoring::store::purge(db, STATS_MONTHS);
        audit_entries, "audit entries", accounts::purge_audit(db, AUDIT_DAYS);
        login_failures, "failed sign-ins", accounts::purge_login_failures(db, LOGIN_FAILURE_DAYS);
        invites, "invites", accounts::purge_invites(db, INVITE_DAYS_AFTER);
        stopped_accounts, "stopped accounts", accounts::purge_stopped(db, STOPPED_ACCOUNT_DAYS);
        throttle_windows, "throttle windows", crate::help::throttle::purge_ended(db);
        checkins, "check-ins", crate::checkin::store::purge(db, CHECKIN_MONTHS);
        counted_views, "counted views", crate::security::once::purge(db);
        group_interest, "group interest", crate::groups::store::notify::purge(db, NOTIFY_DAYS);
    );
    p.checkins += p
        .step(
            "check-in reminders",
            crate::checkin::store::purge_reminders(db, CHECKIN_REMINDER_DAYS),
        )
        .await;
    p.anonymous_counts += p
        .step(
            "partner counts and handovers",
            crate::partners::store::purge(db, STATS_MONTHS, JOIN_MAX_DAYS),
        )
        .await;
    p.anonymous_counts += p
        .step(
            "cap notices",
            crate::help::throttle::purge_notices(db, STATS_MONTHS),
        )
        .await;
    p.step("expired sessions", async {
        db.sessions
            .delete_expired()
            .await
            .map(|()| 0)
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))
    })
    .await;
    // Last: on SQLite, empty the write-ahead log so deleted words (help questions, names) do
    // not linger in the files. Every pass, so a checkpoint that failed once is made up for.
    p.step("wal checkpoint", async {
        db.checkpoint_deleted().await.map(|()| 0)
    })
    .await;
    p
}

pub fn spawn(db: Db) {
    // The throttle's window keys and hashed networks go as soon as their window is over.
    let throttle_db = db.clone();
    tokio::spawn(async move {
        let every = crate::help::throttle::CODE_WINDOW_SECONDS as u64;
        let mut tick = tokio::time::interval(Duration::from_secs(every));
        loop {
            tick.tick().await;
            if let Err(e) = crate::help::throttle::purge_ended(&throttle_db).await {
                tracing::warn!(error = %e, "throttle purge failed; the next one tries again");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let p = purge_once(&db).await;
            if p.total() > 0 || !p.failed.is_empty() {
                tracing::info!(
                    deleted = p.total(),
                    join_requests = p.join_requests,
                    rsvps = p.rsvps,
                    help_requests = p.help_requests,
                    anonymous_counts = p.anonymous_counts,
                    audit_entries = p.audit_entries,
                    login_failures = p.login_failures,
                    invites = p.invites,
                    stopped_accounts = p.stopped_accounts,
                    failed = p.failed.len(),
                    "retention"
                );
            }
        }
    });
}
