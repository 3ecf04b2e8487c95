//! Guessing pick-up codes, and one network filling the help inbox: counted in the database, so
//! every app instance shares the counts. A client is kept only as an HMAC of its network under
//! a key that belongs to one 15-minute window and is deleted with it (by the next window's
//! first use and by the retention task), so after the window nobody can tell who tried.
//!
//! Every count is one atomic statement made *before* the code is looked up (an upsert that
//! returns the new count), so 60 parallel tries from one client are looked up at most
//! `CODE_TRIES` times: there is no gap between reading a count and acting on it.
use std::net::IpAddr;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::model::CodeTry;
use crate::db::Db;
use crate::web::client::{network_of, wide_network_of};

/// Length of a throttle window.
pub const CODE_WINDOW_SECONDS: i64 = 900;

/// The site-wide row of a window (client keys are hex, so this never meets one).
const SITE: &str = "*";

/// The current throttle window and its key, made on first use by whichever instance comes
/// first. A new window also deletes the keys and counts of the old ones.
async fn window(db: &Db) -> Result<(i64, String), sqlx::Error> {
    let now = db.now();
    let window = now - now.rem_euclid(CODE_WINDOW_SECONDS);
    let made = sqlx::query(
        "INSERT INTO throttle_windows (window_start, secret) VALUES ($1, $2) \
         ON CONFLICT (window_start) DO NOTHING",
    )
    .bind(window)
    .bind(crate::security::tokens::new_token())
    .execute(&db.pool)
    .await?
    .rows_affected();
    if made > 0 {
        purge_before(db, window).await?;
    }
    let secret: String =
        sqlx::query_scalar("SELECT secret FROM throttle_windows WHERE window_start = $1")
            .bind(window)
            .fetch_one(&db.pool)
            .await?;
    Ok((window, secret))
}

/// Deletes the keys and counts of windows that are over (the retention task calls this too).
pub async fn purge_ended(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db.now();
    purge_before(db, now - now.rem_euclid(CODE_WINDOW_SECONDS)).await
}

async fn purge_before(db: &Db, window: i64) -> Result<u64, sqlx::Error> {
    let hits = sqlx::query("DELETE FROM throttle_hits WHERE window_start < $1")
        .bind(window)
        .execute(&db.pool)
        .await?
        .rows_affected();
    let keys = sqlx::query("DELETE FROM throttle_windows WHERE window_start < $1")
        .bind(window)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(hits + keys)
}

/// A network as the throttle knows it: an HMAC under the window's key, with what it counts.
fn key(secret: &str, what: &str, network: Option<IpAddr>) -> String {
    let who = network.map_or_else(|| "-".to_string(), |ip| ip.to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(what.as_bytes());
    mac.update(b"\0");
    mac.update(who.as_bytes());
    mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Adds one to each key's count in one statement and returns the counts after it.
async fn count(db: &Db, window: i64, keys: &[String]) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let values: Vec<String> = (0..keys.len())
        .map(|i| format!("($1, ${}, 1)", i + 2))
        .collect();
    let sql = format!(
        "INSERT INTO throttle_hits (window_start, client, hits) VALUES {} \
         ON CONFLICT (window_start, client) DO UPDATE SET hits = throttle_hits.hits + 1 \
         RETURNING client, hits",
        values.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(&sql).bind(window);
    for k in keys {
        query = query.bind(k);
    }
    query.fetch_all(&db.pool).await
}

/// Takes one back (a right code, or a try the site had no room for).
async fn give_back(db: &Db, window: i64, keys: &[String]) -> Result<(), sqlx::Error> {
    for k in keys {
        sqlx::query(
            "UPDATE throttle_hits SET hits = hits - 1 \
             WHERE window_start = $1 AND client = $2 AND hits > 0",
        )
        .bind(window)
        .bind(k)
        .execute(&db.pool)
        .await?;
    }
    Ok(())
}

/// What the throttle says about one pick-up code.
#[derive(Debug)]
pub enum Verdict {
    /// Look the code up; give the ticket back when it was right.
    Look(Ticket),
    /// This client (its /64 or IPv4 address, or its /56) used up its tries: wait.
    TooMany,
    /// The whole site is being guessed at: tries are let through one a second for now.
    Busy,
}

/// A try that was counted, to be given back when the code was right.
#[derive(Debug)]
pub struct Ticket {
    window: i64,
    keys: Vec<String>,
}

/// Counts one try of this client before any look-up, for all instances together. The
/// client's own count and its /56 are counted first; only a try within both takes a place of
/// the site's budget (`model::site_allowance`: a fixed number, then one a second).
pub async fn try_code(db: &Db, client: Option<IpAddr>) -> Result<Verdict, sqlx::Error> {
    let (window, secret) = window(db).await?;
    let mut keys = vec![key(&secret, "code", client.map(network_of))];
    // An IPv6 client is counted by its /56 too (its /64 may print the same as the /56, so
    // the kind of key, not the address, tells them apart); an IPv4 address is its own home.
    if client.is_some_and(|ip| network_of(ip).is_ipv6()) {
        keys.push(key(&secret, "code-wide", client.map(wide_network_of)));
    }
    let counts = count(db, window, &keys).await?;
    let of = |k: &str| counts.iter().find(|(c, _)| c == k).map_or(0, |(_, n)| *n);
    let tried = CodeTry {
        mine: of(&keys[0]),
        wide: keys.get(1).map_or(0, |k| of(k)),
    };
    if !tried.within_client_limits() {
        return Ok(Verdict::TooMany);
    }
    let allowance = super::model::site_allowance(db.now() - window);
    let site: Option<i64> = sqlx::query_scalar(
        "INSERT INTO throttle_hits (window_start, client, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (window_start, client) DO UPDATE SET hits = throttle_hits.hits + 1 \
         WHERE throttle_hits.hits < $3 RETURNING hits",
    )
    .bind(window)
    .bind(SITE)
    .bind(allowance)
    .fetch_optional(&db.pool)
    .await?;
    match site {
        Some(n) => {
            if n == super::model::SITE_CODE_TRIES {
                tracing::warn!(
                    budget = super::model::SITE_CODE_TRIES,
                    "help: the site-wide budget of pick-up code tries is used up in this \
                     window; tries are let through one a second until it ends"
                );
            }
            Ok(Verdict::Look(Ticket { window, keys }))
        }
        None => {
            give_back(db, window, &keys).await?;
            Ok(Verdict::Busy)
        }
    }
}

/// The code was right: the try does not count against the parent.
pub async fn right_code(db: &Db, ticket: Ticket) -> Result<(), sqlx::Error> {
    give_back(db, ticket.window, &ticket.keys).await
}

/// New help questions of one network in this window (counted before the question is stored,
/// for all instances together): true while it is within `share`.
pub async fn new_question(
    db: &Db,
    client: Option<IpAddr>,
    share: i64,
) -> Result<bool, sqlx::Error> {
    let (window, secret) = window(db).await?;
    let keys = [key(&secret, "help", client.map(wide_network_of))];
    let counts = count(db, window, &keys).await?;
    Ok(counts.first().is_some_and(|(_, n)| *n <= share))
}

/// Notes that the hourly cap on new help questions turned a question away today (a count per
/// day, nothing about who), for the coordinator's monitoring page.
pub async fn cap_reached(db: &Db) -> Result<(), sqlx::Error> {
    let now = db.now();
    sqlx::query(
        "INSERT INTO cap_notices (kind, day, hits) VALUES ('help-per-hour', $1, 1) \
         ON CONFLICT (kind, day) DO UPDATE SET hits = cap_notices.hits + 1",
    )
    .bind(now - now.rem_euclid(86_400))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Deletes day counts of the cap older than `months` (like the other anonymous counts).
pub async fn purge_notices(db: &Db, months: u32) -> Result<u64, sqlx::Error> {
    let before = db.now() - i64::from(months) * 31 * 86_400;
    Ok(sqlx::query("DELETE FROM cap_notices WHERE day < $1")
        .bind(before)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

/// Days in `[from, to)` on which the hourly help cap turned questions away, with how many.
pub async fn cap_days(db: &Db, from: i64, to: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT day, hits FROM cap_notices WHERE kind = 'help-per-hour' \
         AND day >= $1 AND day < $2 ORDER BY day",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await
}
