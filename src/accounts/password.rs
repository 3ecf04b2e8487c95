//! Password hashing: argon2id with the OWASP parameters (19 MiB, t=2, p=1), off the async
//! threads. The list of common passwords is Django's (BSD licence), shipped in `data/`.
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .collect()
});

pub fn is_common(lowercase: &str) -> bool {
    COMMON.contains(lowercase)
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).expect("valid parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing with valid parameters")
        .to_string()
}

/// At most this many argon2 computations at once (19 MiB each): 200 parallel sign-in or
/// invite posts wait their turn instead of exhausting memory or every blocking thread.
pub const CONCURRENT_HASHES: usize = 2;
static HASHING: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(CONCURRENT_HASHES)));

/// Runs one argon2 computation off the async threads, when a slot is free. The slot is waited
/// for without a thread and then moved into the blocking task, which gives it back only when
/// the computation ends: a request that is dropped meanwhile (the client went away, a timeout)
/// cannot free the slot while its hash still runs.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let slot = HASHING
        .clone()
        .acquire_owned()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        work()
    })
    .await
    .expect("hashing task")
}

pub async fn hash(password: String) -> String {
    bounded(move || hash_blocking(&password)).await
}

/// A hash of nothing with today's parameters, checked when the e-mail is unknown (or its
/// account locked), so both answers take as long. Made on the first check of either kind, so
/// the first unknown address is not the one slow answer.
static DUMMY: LazyLock<String> = LazyLock::new(|| hash_blocking("no account has this password"));

pub enum Verdict {
    Wrong,
    Right { rehash: bool },
}

/// Checks a password against a stored hash (or the dummy one when there is no account).
pub async fn verify(password: String, stored: Option<String>) -> Verdict {
    bounded(move || {
        let known = stored.is_some();
        let dummy = LazyLock::force(&DUMMY);
        let stored = stored.unwrap_or_else(|| dummy.clone());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return Verdict::Wrong;
        };
        let ok = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        if !(ok && known) {
            return Verdict::Wrong;
        }
        let current = parsed.algorithm.as_str() == "argon2id"
            && parsed.params.get_decimal("m") == Some(MEMORY_KIB)
            && parsed.params.get_decimal("t") == Some(ITERATIONS)
            && parsed.params.get_decimal("p") == Some(PARALLELISM);
        Verdict::Right { rehash: !current }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_with_owasp_parameters_and_verifies() {
        let h = hash("a long enough passphrase".into()).await;
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(matches!(
            verify("a long enough passphrase".into(), Some(h.clone())).await,
            Verdict::Right { rehash: false }
        ));
        assert!(matches!(
            verify("another passphrase!!".into(), Some(h)).await,
            Verdict::Wrong
        ));
        assert!(matches!(
            verify("anything at all here".into(), None).await,
            Verdict::Wrong
        ));
    }

    #[tokio::test]
    async fn old_parameters_ask_for_a_rehash() {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        )
        .hash_password(b"a long enough passphrase", &salt)
        .unwrap()
        .to_string();
        assert!(matches!(
            verify("a long enough passphrase".into(), Some(weak)).await,
            Verdict::Right { rehash: true }
        ));
    }

    #[test]
    fn the_common_list_is_loaded() {
        assert!(COMMON.len() > 19_000);
        assert!(is_common("qwerty"));
        assert!(!is_common("correct horse battery staple"));
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    /// Both tests measure the one process-wide bound: they must not run beside each other.
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_than_the_bound_hash_at_once() {
        let _alone = ONE_AT_A_TIME.lock().await;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let now = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs: Vec<_> = (0..12)
            .map(|_| {
                let (now, most) = (now.clone(), most.clone());
                tokio::spawn(bounded(move || {
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    now.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        for j in jobs {
            j.await.unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), CONCURRENT_HASHES);
    }

    /// A request dropped while its hash runs (the client went away) keeps its slot until the
    /// hash is done: a third hash waits for the two that are still running.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_dropped_request_keeps_its_slot_until_its_hash_ends() {
        let _alone = ONE_AT_A_TIME.lock().await;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::time::Duration;
        let running = Arc::new(AtomicUsize::new(0));
        let ended = Arc::new(AtomicUsize::new(0));
        let requests: Vec<_> = (0..CONCURRENT_HASHES)
            .map(|_| {
                let (running, ended) = (running.clone(), ended.clone());
                tokio::spawn(bounded(move || {
                    running.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(300));
                    running.fetch_sub(1, Ordering::SeqCst);
                    ended.fetch_add(1, Ordering::SeqCst);
                }))
            })
            .collect();
        while running.load(Ordering::SeqCst) < CONCURRENT_HASHES {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        for request in requests {
            request.abort();
            assert!(request.await.unwrap_err().is_cancelled());
        }
        assert_eq!(running.load(Ordering::SeqCst), CONCURRENT_HASHES);
        let (seen_running, seen_ended) = {
            let (running, ended) = (running.clone(), ended.clone());
            bounded(move || (running.load(Ordering::SeqCst), ended.load(Ordering::SeqCst))).await
        };
        assert_eq!(
            seen_running, 0,
            "the third hash ran beside the two dropped ones"
        );
        assert_eq!(seen_ended, CONCURRENT_HASHES);
    }
}
