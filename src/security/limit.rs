//! A rate limit per client, in memory only: `governor`'s keyed limiter (GCRA: a burst of `max`,
//! then one more every `window / max`). The client is known by a keyed hash of its address,
//! with a key made at start; no address is ever stored or logged.
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::Quota;

use super::client_key::ClientKey;

/// At most this many clients are tracked per limiter (about 2 MB).
pub const MAX_CLIENTS: usize = 50_000;

pub struct RateLimiter<C: Clock = DefaultClock> {
    key: ClientKey,
    limiter: governor::RateLimiter<u64, DashMapStateStore<u64>, C, NoOpMiddleware<C::Instant>>,
}

impl RateLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self::with_clock(max, window, DefaultClock::default())
    }
}

impl<C: Clock> RateLimiter<C> {
    /// `max` tries at once, refilled evenly over `window` (tests pass a fake clock).
    pub fn with_clock(max: u32, window: Duration, clock: C) -> Self {
        let burst = NonZeroU32::new(max.max(1)).expect("at least one");
        let every = (window / burst.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(every)
            .expect("a period above zero")
            .allow_burst(burst);
        Self {
            key: ClientKey::new(),
            limiter: governor::RateLimiter::dashmap_with_clock(quota, clock),
        }
    }

    /// True when this client may go on; counts the attempt.
    pub fn allow(&self, ip: Option<IpAddr>) -> bool {
        // Bounded memory under a flood of distinct clients: forget clients whose tries have
        // all come back, and when the table is still full, everyone waits (fails closed).
        if self.limiter.len() >= MAX_CLIENTS {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
            if self.limiter.len() >= MAX_CLIENTS {
                tracing::warn!(clients = MAX_CLIENTS, "rate limit table full");
                return false;
            }
        }
        self.limiter.check_key(&self.key.hash(ip)).is_ok()
    }

    /// Clients tracked now.
    pub fn tracked(&self) -> usize {
        self.limiter.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    #[test]
    fn limits_per_client_and_refills_over_the_window() {
        let clock = FakeRelativeClock::default();
        let limiter = RateLimiter::with_clock(3, Duration::from_secs(60), clock.clone());
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!((0..3).all(|_| limiter.allow(Some(a))));
        assert!(!limiter.allow(Some(a)));
        assert!(limiter.allow(Some(b)), "another client has its own count");
        clock.advance(Duration::from_secs(19));
        assert!(!limiter.allow(Some(a)), "not yet a third of the window");
        clock.advance(Duration::from_secs(2));
        assert!(limiter.allow(Some(a)), "one try back after window / max");
        assert!(!limiter.allow(Some(a)));
        clock.advance(Duration::from_secs(61));
        assert!((0..3).all(|_| limiter.allow(Some(a))), "all back");
        assert!(!limiter.allow(Some(a)));
    }

    #[test]
    fn memory_stays_bounded_under_a_flood() {
        let clock = FakeRelativeClock::default();
        let limiter = RateLimiter::with_clock(3, Duration::from_secs(60), clock.clone());
        for n in 0..MAX_CLIENTS as u32 {
            assert!(limiter.allow(Some(IpAddr::from(n.to_be_bytes()))));
        }
        assert_eq!(limiter.tracked(), MAX_CLIENTS);
        // Full of live entries: a new client waits (fails closed).
        assert!(!limiter.allow(Some("192.0.2.1".parse().unwrap())));
        // Once their tries have come back, the table makes room again.
        clock.advance(Duration::from_secs(61));
        assert!(limiter.allow(Some("192.0.2.1".parse().unwrap())));
        assert!(limiter.tracked() < 10);
    }
}
