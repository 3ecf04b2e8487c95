//! A rate limit per client, in memory only. The client is known by a keyed hash of its
//! address, with a key made at start; no address is ever stored or logged.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::client_key::ClientKey;

/// At most this many clients are tracked per limiter (about 2 MB).
pub const MAX_CLIENTS: usize = 50_000;

pub struct RateLimiter {
    key: ClientKey,
    max: u32,
    window: Duration,
    seen: Mutex<HashMap<u64, (u32, Instant)>>,
}

impl RateLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            key: ClientKey::new(),
            max,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    fn client(&self, ip: Option<IpAddr>) -> u64 {
        self.key.hash(ip)
    }

    /// True when this client may go on; counts the attempt.
    pub fn allow(&self, ip: Option<IpAddr>) -> bool {
        self.allow_at(ip, Instant::now())
    }

    /// True when this client has tries left in its window; counts nothing.
    pub fn has_room(&self, ip: Option<IpAddr>) -> bool {
        let now = Instant::now();
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.get(&self.client(ip))
            .is_none_or(|(n, start)| now.duration_since(*start) >= self.window || *n < self.max)
    }

    fn allow_at(&self, ip: Option<IpAddr>, now: Instant) -> bool {
        let client = self.client(ip);
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // Bounded memory under a flood of distinct clients: forget windows that are over, and
        // when the table is still full, a client not seen before waits (fails closed).
        if seen.len() >= MAX_CLIENTS && !seen.contains_key(&client) {
            seen.retain(|_, (_, start)| now.duration_since(*start) < self.window);
            if seen.len() >= MAX_CLIENTS {
                tracing::warn!(clients = seen.len(), "rate limit table full");
                return false;
            }
        }
        let entry = seen.entry(client).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
        entry.0 <= self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_client_and_window() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let t = Instant::now();
        assert!((0..3).all(|_| limiter.allow_at(Some(a), t)));
        assert!(!limiter.allow_at(Some(a), t));
        assert!(
            limiter.allow_at(Some(b), t),
            "another client has its own count"
        );
        assert!(
            limiter.allow_at(Some(a), t + Duration::from_secs(61)),
            "a new window"
        );
    }

    #[test]
    fn memory_stays_bounded_under_a_flood() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for n in 0..MAX_CLIENTS as u32 + 10 {
            limiter.allow_at(Some(IpAddr::from(n.to_be_bytes())), t);
        }
        assert_eq!(limiter.seen.lock().unwrap().len(), MAX_CLIENTS);
        // Once their windows are over, the table makes room again.
        let later = t + Duration::from_secs(61);
        assert!(limiter.allow_at(Some("192.0.2.1".parse().unwrap()), later));
        assert!(limiter.seen.lock().unwrap().len() < 10);
    }
}
