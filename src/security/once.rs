//! "Count this at most once per client per day" for the anonymous statistics written while a
//! page is shown (guide views, searches without a group). Without it, anyone could inflate the
//! council's figures by reloading a page.
//!
//! The decision is made in the database, so it holds across every instance on one PostgreSQL
//! (an in-memory table per instance let each instance count the same reader again). Only keyed
//! hashes are kept: HMAC-SHA256 under the app's secret and the day, of the client's network
//! (IPv6 by its /64, which one household gets) with the thing counted, and of the network alone
//! for its daily budget. The rows of a day are deleted the next day (`purge`, hourly in the
//! retention task); the day is part of the key, so yesterday's hashes mean nothing today. The
//! table has a hard cap per day: a full day counts nothing more, so a flood can neither inflate
//! the figures nor grow the table.
use std::net::IpAddr;

use crate::db::Db;

/// Pairs (client, thing) kept per day, at most.
pub const MAX_ENTRIES: i64 = 100_000;
/// Different things one client may add to the figures per day (guides read, PC4s searched
/// without a group nearby): far above what a parent does, far below a script.
pub const PER_CLIENT_PER_DAY: i64 = 30;

/// The part of an address that names a client: IPv4 whole, IPv6 by its /64.
pub fn network(ip: Option<IpAddr>) -> Option<IpAddr> {
    match ip {
        Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            Some(IpAddr::V6(std::net::Ipv6Addr::new(
                s[0], s[1], s[2], s[3], 0, 0, 0, 0,
            )))
        }
        Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(IpAddr::V4),
        other => other,
    }
}

/// The keyed hash of one thing on one day (hex, 128 bits are plenty to tell pairs apart).
fn keyed(secret: &str, day: i64, parts: &[&str]) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("doorstart counted once\0{day}").as_bytes());
    for part in parts {
        mac.update(b"\0");
        mac.update(part.as_bytes());
    }
    mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The two hashes of a client and thing on a day: (the pair, the client alone).
pub fn hashes(secret: &str, client: Option<IpAddr>, what: &str, day: i64) -> (String, String) {
    let who = network(client).map(|n| n.to_string()).unwrap_or_default();
    (
        keyed(secret, day, &[&who, what]),
        keyed(secret, day, &[&who]),
    )
}

/// True the first time this client shows this thing on this day, on any instance (then it is
/// counted); false after that, past the client's daily budget, or when the day's table is full.
/// One statement: the unique key decides who is first, even when two instances ask at once.
pub async fn first_today(
    db: &Db,
    client: Option<IpAddr>,
    what: &str,
    day: i64,
) -> Result<bool, sqlx::Error> {
    let (pair, who) = hashes(&db.pepper().await?, client, what, day);
    let done = sqlx::query(
        "INSERT INTO counted_once (day, hash, client) SELECT $1, $2, $3 \
         WHERE (SELECT COUNT(*) FROM counted_once WHERE day = $1 AND client = $3) < $4 \
         AND (SELECT COUNT(*) FROM counted_once WHERE day = $1) < $5 \
         ON CONFLICT (day, hash) DO NOTHING",
    )
    .bind(day)
    .bind(pair)
    .bind(who)
    .bind(PER_CLIENT_PER_DAY)
    .bind(MAX_ENTRIES)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the hashes of the days before today. Returns how many.
pub async fn purge(db: &Db) -> Result<u64, sqlx::Error> {
    let today = crate::time::day_number(db.now());
    let done = sqlx::query("DELETE FROM counted_once WHERE day < $1")
        .bind(today)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(address: &str) -> Option<IpAddr> {
        Some(address.parse().unwrap())
    }

    #[test]
    fn one_household_one_key_per_thing_and_day() {
        let h = |who: &str, what: &str, day: i64| hashes("pepper", client(who), what, day);
        // (a, b, the same pair?, why)
        let table = [
            (
                ("10.0.0.1", "guide:debts", 1),
                ("10.0.0.1", "guide:debts", 1),
                true,
                "the same",
            ),
            (
                ("10.0.0.1", "guide:debts", 1),
                ("10.0.0.1", "guide:money", 1),
                false,
                "another guide",
            ),
            (
                ("10.0.0.1", "guide:debts", 1),
                ("10.0.0.2", "guide:debts", 1),
                false,
                "another client",
            ),
            (
                ("10.0.0.1", "guide:debts", 1),
                ("10.0.0.1", "guide:debts", 2),
                false,
                "the next day",
            ),
            (
                ("2001:db8:1:2::1", "pc4:6211", 1),
                ("2001:db8:1:2:ffff::9", "pc4:6211", 1),
                true,
                "same /64",
            ),
            (
                ("10.0.0.1", "x", 1),
                ("::ffff:10.0.0.1", "x", 1),
                true,
                "an IPv4 in IPv6 clothes",
            ),
        ];
        for ((a1, a2, a3), (b1, b2, b3), same, why) in table {
            assert_eq!(h(a1, a2, a3).0 == h(b1, b2, b3).0, same, "{why}");
        }
        // The client's own hash does not depend on the thing; nothing shows the address.
        assert_eq!(h("10.0.0.1", "a", 1).1, h("10.0.0.1", "b", 1).1);
        assert!(!h("10.0.0.1", "a", 1).0.contains("10.0.0.1"));
        assert_ne!(
            hashes("pepper", client("10.0.0.1"), "a", 1),
            hashes("other", client("10.0.0.1"), "a", 1),
            "the secret keys the hash"
        );
    }
}
