//! When the database cannot be reached (PostgreSQL stopped, the network gone), statements fail
//! at once instead of each waiting for a connection, so a page that needs the database answers
//! 503 quickly; the first statement after the database is back works again.
//!
//! `Pool` is the connection pool with a gate in front; the stores use it as they would the pool
//! (`.fetch_one(&db.pool)`, `db.pool.begin()`). A statement that fails for want of a connection
//! (none in time, refused, broken) makes the gate open one connection of its own: when that
//! fails too, the gate closes. While it is closed, statements fail at once with `unreachable()`,
//! except that every `PROBE_EVERY` one of them first tries a connection of its own (a refused
//! connection takes a millisecond, not the pool's whole wait); the first that works opens the
//! gate again. A slow database under load is not closed off: its own connection works.
//! SQLite has no gate (a file does not go away).
use std::fmt;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{FutureExt, StreamExt};
use sqlx::any::{AnyConnectOptions, AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Either, Execute, Executor};

/// While closed, how often a statement may try a connection of its own.
pub const PROBE_EVERY: Duration = Duration::from_millis(500);
/// How long such a connection may take before the database counts as unreachable.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
type BoxStream<'a, T> = futures_util::stream::BoxStream<'a, T>;

/// The error of a statement that the closed gate turned away.
pub fn unreachable() -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::new(
        std::io::ErrorKind::NotConnected,
        "the database cannot be reached",
    ))
}

/// Whether this is the error of a statement the closed gate turned away.
pub fn is_turned_away(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::NotConnected)
}

/// Whether an error says the database could not be reached (rather than that a statement was
/// wrong): no connection in time, a refused, broken or closed connection, or PostgreSQL saying
/// it is shutting down, starting up or full (SQLSTATE class 08, 57P01–57P03, 53300).
pub fn is_unreachable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|c| {
            c.starts_with("08") || matches!(c.as_ref(), "57P01" | "57P02" | "57P03" | "53300")
        }),
        _ => false,
    }
}

pub(crate) struct Gate {
    /// How to open a connection of its own; `None`: the gate never closes (SQLite).
    probe: Option<AnyConnectOptions>,
    closed: AtomicBool,
    /// When (milliseconds after `born`) a closed gate may next try a connection.
    next_probe: AtomicU64,
    born: Instant,
    /// One check at a time after a failed statement (others do not wait for it).
    checking: tokio::sync::Mutex<()>,
}

impl Gate {
    pub(crate) fn new(probe: Option<AnyConnectOptions>) -> Self {
        Self {
            probe,
            closed: AtomicBool::new(false),
            next_probe: AtomicU64::new(0),
            born: Instant::now(),
            checking: tokio::sync::Mutex::new(()),
        }
    }

    fn millis(&self) -> u64 {
        self.born.elapsed().as_millis() as u64
    }

    pub(crate) fn is_open(&self) -> bool {
        !self.closed.load(Ordering::Acquire)
    }

    /// Before a statement: through when open; when closed, an error at once, or (one
    /// statement every `PROBE_EVERY`) a connection of its own first, which opens the gate when
    /// it works.
    pub(crate) async fn pass(&self) -> Result<(), sqlx::Error> {
        if self.is_open() {
            return Ok(());
        }
        let now = self.millis();
        let due = self.next_probe.load(Ordering::Acquire);
        let mine = now >= due
            && self
                .next_probe
                .compare_exchange(
                    due,
                    now + PROBE_EVERY.as_millis() as u64,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                )
                .is_ok();
        if mine && self.reachable().await {
            self.open();
            Ok(())
        } else {
            Err(unreachable())
        }
    }

    /// After a statement failed: when the error may mean the database is gone, one connection
    /// of its own decides whether the gate closes.
    pub(crate) async fn saw(&self, e: &sqlx::Error) {
        if is_unreachable(e) {
            self.check().await;
        }
    }

    /// Closes the gate when a connection of its own fails (one check at a time).
    pub(crate) async fn check(&self) {
        if self.probe.is_none() || !self.is_open() {
            return;
        }
        let Ok(_one) = self.checking.try_lock() else {
            return;
        };
        if !self.reachable().await {
            self.close();
        }
    }

    async fn reachable(&self) -> bool {
        let Some(options) = &self.probe else {
            return true;
        };
        match tokio::time::timeout(PROBE_TIMEOUT, AnyConnection::connect_with(options)).await {
            Ok(Ok(conn)) => {
                let _ = tokio::time::timeout(PROBE_TIMEOUT, conn.close()).await;
                true
            }
            _ => false,
        }
    }

    fn close(&self) {
        self.next_probe.store(
            self.millis() + PROBE_EVERY.as_millis() as u64,
            Ordering::Release,
        );
        if !self.closed.swap(true, Ordering::AcqRel) {
            tracing::warn!(
                "the database cannot be reached: pages that need it answer 503 until it is back"
            );
        }
    }

    fn open(&self) {
        if self.closed.swap(false, Ordering::AcqRel) {
            tracing::info!("the database can be reached again");
        }
    }

    /// Runs one use of the database through the gate.
    async fn through<T>(
        &self,
        work: impl Future<Output = Result<T, sqlx::Error>>,
    ) -> Result<T, sqlx::Error> {
        self.pass().await?;
        let result = work.await;
        if let Err(e) = &result {
            self.saw(e).await;
        }
        result
    }
}

/// The connection pool with the gate in front (see the module text). Everything of `AnyPool`
/// that this type does not name itself (`close`, `size`, …) is reached through `Deref`.
#[derive(Clone)]
pub struct Pool {
    inner: AnyPool,
    gate: Arc<Gate>,
}

impl Pool {
    pub(crate) fn new(inner: AnyPool, gate: Arc<Gate>) -> Self {
        Self { inner, gate }
    }

    /// A transaction, through the gate.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, Any>, sqlx::Error> {
        self.gate.through(self.inner.begin()).await
    }

    /// A connection of the pool, through the gate.
    pub async fn acquire(&self) -> Result<sqlx::pool::PoolConnection<Any>, sqlx::Error> {
        self.gate.through(self.inner.acquire()).await
    }

    /// False while the database cannot be reached.
    pub fn reachable(&self) -> bool {
        self.gate.is_open()
    }
}

impl Deref for Pool {
    type Target = AnyPool;

    fn deref(&self) -> &AnyPool {
        &self.inner
    }
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("inner", &self.inner)
            .field("open", &self.gate.is_open())
            .finish()
    }
}

/// Every statement on `&db.pool` goes through the gate; the pool does the work.
impl<'p> Executor<'p> for &'_ Pool {
    type Database = Any;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        async move {
            let gate = pool.gate.clone();
            if let Err(e) = gate.pass().await {
                return futures_util::stream::once(async { Err(e) }).boxed();
            }
            (&pool.inner)
                .fetch_many(query)
                .then(move |item| {
                    let gate = gate.clone();
                    async move {
                        if let Err(e) = &item {
                            gate.saw(e).await;
                        }
                        item
                    }
                })
                .boxed()
        }
        .flatten_stream()
        .boxed()
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        Box::pin(async move { pool.gate.through((&pool.inner).fetch_optional(query)).await })
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move {
            pool.gate
                .through((&pool.inner).prepare_with(sql, parameters))
                .await
        })
    }

    fn describe<'e, 'q: 'e>(
        self,
        sql: &'q str,
    ) -> BoxFuture<'e, Result<sqlx::Describe<Any>, sqlx::Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move { pool.gate.through((&pool.inner).describe(sql)).await })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_counts_as_unreachable() {
        assert!(is_unreachable(&sqlx::Error::PoolTimedOut));
        assert!(is_unreachable(&unreachable()));
        assert!(is_unreachable(&sqlx::Error::Io(std::io::Error::from(
            std::io::ErrorKind::ConnectionRefused
        ))));
        assert!(!is_unreachable(&sqlx::Error::RowNotFound));
        assert!(!is_unreachable(&sqlx::Error::ColumnNotFound("x".into())));
    }

    #[tokio::test]
    async fn a_closed_gate_turns_statements_away_until_a_connection_works() {
        sqlx::any::install_default_drivers();
        // Nothing listens on port 1: every connection of its own is refused.
        let options: AnyConnectOptions = "postgres://nobody@127.0.0.1:1/none".parse().unwrap();
        let gate = Gate::new(Some(options));
        assert!(gate.pass().await.is_ok(), "open at first");
        gate.saw(&sqlx::Error::RowNotFound).await;
        assert!(gate.is_open(), "a wrong statement does not close it");
        gate.saw(&sqlx::Error::PoolTimedOut).await;
        assert!(!gate.is_open(), "no connection and none of its own: closed");
        let started = Instant::now();
        assert!(is_unreachable(&gate.pass().await.unwrap_err()));
        assert!(started.elapsed() < Duration::from_millis(50), "at once");
        tokio::time::sleep(PROBE_EVERY).await;
        assert!(
            gate.pass().await.is_err(),
            "a try after PROBE_EVERY, refused"
        );
        assert!(!gate.is_open());

        // SQLite: never closed.
        let never = Gate::new(None);
        never.saw(&sqlx::Error::PoolTimedOut).await;
        assert!(never.is_open());
    }
}
