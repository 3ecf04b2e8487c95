//! "Count this at most once per client per day", in memory only, for the anonymous statistics
//! written while a page is shown (guide views, searches without a group). Without it, anyone
//! could inflate the council's figures by reloading a page.
//!
//! Only keyed hashes are kept (a key made at start, never stored), of the client's address
//! (IPv6 by its /64, which one household gets) with the thing counted; the table is emptied
//! when the day changes and has a hard size cap. A full table counts nothing more that day,
//! so a flood can neither inflate the figures nor grow the memory.
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Mutex;

use super::client_key::ClientKey;

/// Pairs (client, thing) remembered per day, at most.
pub const MAX_ENTRIES: usize = 100_000;
/// Different things one client may add to the figures per day (guides read, PC4s searched
/// without a group nearby): far above what a parent does, far below a script.
pub const PER_CLIENT_PER_DAY: u32 = 30;

pub struct OncePerDay {
    key: ClientKey,
    max_entries: usize,
    per_client: u32,
    state: Mutex<Day>,
}

#[derive(Default)]
struct Day {
    day: i64,
    seen: HashSet<u64>,
    per_client: HashMap<u64, u32>,
    full_logged: bool,
}

/// The part of an address that names a client: IPv4 whole, IPv6 by its /64.
fn network(ip: Option<IpAddr>) -> Option<IpAddr> {
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

impl OncePerDay {
    pub fn new() -> Self {
        Self::with_caps(MAX_ENTRIES, PER_CLIENT_PER_DAY)
    }

    pub fn with_caps(max_entries: usize, per_client: u32) -> Self {
        Self {
            key: ClientKey::new(),
            max_entries,
            per_client,
            state: Mutex::new(Day::default()),
        }
    }

    fn hash(&self, client: Option<IpAddr>, what: Option<&str>) -> u64 {
        self.key.hash((network(client), what))
    }

    /// True the first time this client shows this thing on this day (then it is counted); false
    /// after that, past the client's daily budget, or when the table is full.
    pub fn first(&self, client: Option<IpAddr>, what: &str, day: i64) -> bool {
        let pair = self.hash(client, Some(what));
        let who = self.hash(client, None);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.day != day {
            *state = Day {
                day,
                ..Day::default()
            };
        }
        if state.seen.contains(&pair) {
            return false;
        }
        if state.seen.len() + state.per_client.len() >= self.max_entries {
            if !state.full_logged {
                state.full_logged = true;
                tracing::warn!(
                    cap = self.max_entries,
                    "statistics: the once-a-day table is full; no more views or searches are counted today"
                );
            }
            return false;
        }
        let used = state.per_client.entry(who).or_insert(0);
        if *used >= self.per_client {
            return false;
        }
        *used += 1;
        state.seen.insert(pair);
        true
    }
}

impl Default for OncePerDay {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client known by its address.
    fn client(address: &str) -> Option<IpAddr> {
        Some(address.parse().unwrap())
    }

    #[test]
    fn once_per_client_thing_and_day_and_household() {
        let once = OncePerDay::new();
        assert!(once.first(client("10.0.0.1"), "guide:debts", 1));
        assert!((0..100).all(|_| !once.first(client("10.0.0.1"), "guide:debts", 1)));
        // (client, thing, day, counted, why), in this order.
        for (who, thing, day, counted, why) in [
            ("10.0.0.1", "guide:money", 1, true, "another guide"),
            ("10.0.0.2", "guide:debts", 1, true, "another client"),
            ("10.0.0.1", "guide:debts", 2, true, "the next day"),
            ("10.0.0.1", "guide:debts", 2, false, "once that day"),
            ("2001:db8:1:2::1", "pc4:6211", 1, true, "a household"),
            ("2001:db8:1:2:ffff::9", "pc4:6211", 1, false, "same /64"),
            ("10.0.0.1", "x", 1, true, "an IPv4 address"),
            ("::ffff:10.0.0.1", "x", 1, false, "an IPv4 in IPv6 clothes"),
        ] {
            assert_eq!(once.first(client(who), thing, day), counted, "{why}");
        }
    }

    #[test]
    fn budgets_and_the_hard_cap() {
        let once = OncePerDay::with_caps(1_000, 3);
        let a = client("10.0.0.1");
        let counted = (0..10)
            .filter(|n| once.first(a, &format!("pc4:{n}"), 1))
            .count();
        assert_eq!(counted, 3, "a client's daily budget");

        let small = OncePerDay::with_caps(10, 100);
        let counted = (0..50u8)
            .filter(|n| small.first(Some(IpAddr::from([10, 0, 0, *n])), "x", 1))
            .count();
        assert!(counted <= 10, "the table never grows past its cap");
        assert!(small.first(a, "x", 2), "a new day, an empty table");
    }
}
