//! One data layer for SQLite (embedded default) and PostgreSQL (scale-out).
//! Portable SQL: `$1` placeholders, ids made in the app, times as Unix seconds.
pub mod backup;
pub mod gate;
pub mod sessions;

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::Executor;

pub use gate::{is_unreachable, Pool};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// Where time comes from, so retention and deadlines can be tested without waiting.
pub trait Clock: Send + Sync {
    fn now(&self) -> i64;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

/// A clock that tests move by hand.
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(start: i64) -> Self {
        Self(AtomicI64::new(start))
    }
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

#[derive(Clone)]
pub struct Db {
    /// The connection pool behind its gate (`db::gate`): while the database cannot be reached,
    /// statements fail at once and pages answer 503.
    pub pool: Pool,
    pub backend: Backend,
    pub clock: Arc<dyn Clock>,
    /// Sessions of signed-in facilitators, in the same database.
    pub sessions: crate::db::sessions::SessionBackend,
    /// In-memory caches of this database that features keep (one of each type, shared by
    /// every clone of this `Db`).
    pub caches: Arc<Caches>,
    /// How often a connection went back to the pool: one per statement outside a transaction,
    /// so tests count the database round trips a page costs.
    pub pool_uses: Arc<AtomicU64>,
}

/// Per-database caches: a feature asks for its own type and gets the one shared instance.
#[derive(Default)]
pub struct Caches(std::sync::Mutex<Vec<Arc<dyn std::any::Any + Send + Sync>>>);

impl Caches {
    pub fn get<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = list.iter().find_map(|c| c.clone().downcast::<T>().ok()) {
            return found;
        }
        let new = Arc::new(T::default());
        list.push(new.clone());
        new
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("DATABASE_URL must start with sqlite: or postgres://")]
    UnknownScheme,
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// SQLite settings that every connection needs (they are per connection, except WAL).
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

/// The app's pepper, kept after the first read (see `Db::pepper`).
#[derive(Default)]
struct Pepper(tokio::sync::OnceCell<String>);

/// What became of a post that carries a private link token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new record.
    New,
    /// The same post again (refresh, double tap): nothing new stored.
    Again,
    /// The token belongs to someone else's record: nothing stored, nothing shown.
    Taken,
}

impl Db {
    /// The app's secret for keyed hashes (pick-up codes, private links): `DOORSTART_PEPPER`
    /// when set (keep it out of the database), else one the app makes on first start and keeps
    /// in `app_secrets`. A pepper that is set but too short is an error (the server does not
    /// start with one; see `config::check_pepper`), never ignored.
    /// Read once per database (it never changes), not on every post.
    pub async fn pepper(&self) -> Result<String, sqlx::Error> {
        let kept = self.caches.get::<Pepper>();
        kept.0.get_or_try_init(|| self.read_pepper()).await.cloned()
    }

    async fn read_pepper(&self) -> Result<String, sqlx::Error> {
        if let Some(p) = crate::config::pepper_from_env()
            .map_err(|e| sqlx::Error::Configuration(e.to_string().into()))?
        {
            return Ok(p);
        }
        sqlx::query("INSERT INTO app_secrets (name, value) VALUES ('help-pepper', $1) ON CONFLICT (name) DO NOTHING")
            .bind(crate::security::tokens::new_token())
            .execute(&self.pool)
            .await?;
        sqlx::query_scalar("SELECT value FROM app_secrets WHERE name = 'help-pepper'")
            .fetch_one(&self.pool)
            .await
    }

    /// A retention DELETE whose `$1` is the moment `days` ago; returns how many rows went.
    pub async fn purge_older(&self, sql: &str, days: i64) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(sql)
            .bind(self.now() - days * 86_400)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// One statement run for what it writes (the rows it changed do not matter).
    pub async fn run<'q>(
        &self,
        statement: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<(), sqlx::Error> {
        statement.execute(&self.pool).await.map(drop)
    }

    /// The same as `run`, inside a transaction (a write that stands or falls with others).
    pub async fn run_in<'q>(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        statement: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<(), sqlx::Error> {
        statement.execute(&mut **tx).await.map(drop)
    }

    /// One statement that changes at most one row: true when it did (false: no such row, or
    /// not the viewer's, which the caller answers with 404).
    pub async fn changed_one<'q>(
        &self,
        statement: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<bool, sqlx::Error> {
        Ok(statement.execute(&self.pool).await?.rows_affected() == 1)
    }

    /// Connects and runs the migrations.
    pub async fn connect(url: &str, clock: Arc<dyn Clock>) -> Result<Self, DbSetupError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or(DbSetupError::UnknownScheme)?;
        let url = match backend {
            // Create the file on first start.
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options: AnyConnectOptions = url.parse()?;
        let pool_uses = Arc::new(AtomicU64::new(0));
        let released = pool_uses.clone();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(acquire_timeout(backend))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(SQLITE_PRAGMAS).await?;
                    }
                    Ok(())
                })
            })
            .after_release(move |_conn, _meta| {
                released.fetch_add(1, Ordering::Relaxed);
                Box::pin(async { Ok(true) })
            })
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        // A file does not go away: only PostgreSQL has a gate that closes.
        let gate = Arc::new(gate::Gate::new(
            (backend == Backend::Postgres).then_some(options),
        ));
        let sessions = crate::db::sessions::SessionBackend::connect(&url, gate.clone()).await?;
        Ok(Self {
            pool: Pool::new(pool, gate),
            backend,
            clock,
            sessions,
            caches: Arc::default(),
            pool_uses,
        })
    }

    /// After deleting personal text: on SQLite, `secure_delete` has overwritten the freed
    /// pages, and a checkpoint copies the log into the file and empties the write-ahead log, so
    /// the deleted words are gone from the files too. Nothing to do on PostgreSQL.
    pub async fn checkpoint_deleted(&self) -> Result<(), sqlx::Error> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// True when the database answers a trivial query in time (`/healthz`, which answers 503
    /// within 2 s otherwise).
    pub async fn is_healthy(&self) -> bool {
        let ping = sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(&self.pool);
        matches!(
            tokio::time::timeout(Duration::from_millis(1500), ping).await,
            Ok(Ok(1))
        )
    }

    /// False while the database cannot be reached (the gate is closed): what failed then is
    /// answered with 503, not 500.
    pub fn reachable(&self) -> bool {
        self.pool.reachable()
    }
}

/// How long a statement waits for a connection. PostgreSQL: 1 s, so that when it is down
/// the first page that notices still answers 503 within 2 s (the gate answers the next ones at
/// once); with 10 connections and statements of milliseconds, a wait that long only comes with
/// an overload, where 503 is the right answer too. SQLite cannot be down: a wait there is for
/// the one writer, and may take longer.
pub fn acquire_timeout(backend: Backend) -> Duration {
    match backend {
        Backend::Sqlite => Duration::from_secs(5),
        Backend::Postgres => Duration::from_secs(1),
    }
}

/// A fresh random id for a new row (ids are made in the app, not by the database).
pub fn new_id() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::thread_rng().gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
