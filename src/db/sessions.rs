//! Sessions of signed-in facilitators, stored in the database (tower-sessions with its sqlx
//! store) on SQLite or PostgreSQL, whichever the app runs on, behind the same gate as the
//! app's pool (`db::gate`): while the database cannot be reached, a session fails at once.
use std::sync::Arc;

use async_trait::async_trait;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The cookie: `__Host-` prefixed, Secure, HttpOnly, SameSite=Strict, for the whole site.
pub const COOKIE: &str = "__Host-doorstart";
/// Idle timeout.
pub const IDLE_MINUTES: i64 = 30;
/// Absolute timeout, counted from sign-in.
pub const ABSOLUTE_SECONDS: i64 = 12 * 3600;

#[derive(Clone)]
pub struct SessionBackend {
    store: Store,
    gate: Arc<super::gate::Gate>,
}

#[derive(Clone, Debug)]
enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl std::fmt::Debug for SessionBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.store.fmt(f)
    }
}

impl SessionBackend {
    pub(crate) async fn connect(
        url: &str,
        gate: Arc<super::gate::Gate>,
    ) -> Result<Self, sqlx::Error> {
        let store = Self::store_for(url).await?;
        Ok(Self { store, gate })
    }

    async fn store_for(url: &str) -> Result<Store, sqlx::Error> {
        use std::str::FromStr;
        if url.starts_with("sqlite:") {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Full)
                .busy_timeout(std::time::Duration::from_secs(5));
            let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(2);
            let store = SqliteStore::new(pool.connect_with(options).await?);
            store.migrate().await?;
            Ok(Store::Sqlite(store))
        } else {
            let pool = sqlx::postgres::PgPoolOptions::new()
                .max_connections(4)
                .acquire_timeout(super::acquire_timeout(super::Backend::Postgres));
            let store = PostgresStore::new(pool.connect(url).await?);
            store.migrate().await?;
            Ok(Store::Postgres(store))
        }
    }

    pub fn layer(&self) -> SessionManagerLayer<SessionBackend> {
        SessionManagerLayer::new(self.clone())
            .with_name(COOKIE)
            .with_secure(true)
            .with_http_only(true)
            .with_same_site(SameSite::Strict)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(time::Duration::minutes(IDLE_MINUTES)))
            // Saved on every request of a signed-in person, so the idle timeout slides with
            // activity (an empty session, a parent's, is never saved).
            .with_always_save(true)
    }
}

/// Every call goes to the store of the database the app runs on, through the gate.
#[async_trait]
impl SessionStore for SessionBackend {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        self.pass().await?;
        let done = self.store().create(record).await;
        self.seen(done).await
    }
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.pass().await?;
        let done = self.store().save(record).await;
        self.seen(done).await
    }
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        self.pass().await?;
        let done = self.store().load(id).await;
        self.seen(done).await
    }
    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.pass().await?;
        let done = self.store().delete(id).await;
        self.seen(done).await
    }
}

impl SessionBackend {
    fn store(&self) -> &dyn SessionStore {
        match &self.store {
            Store::Sqlite(s) => s,
            Store::Postgres(s) => s,
        }
    }

    async fn pass(&self) -> session_store::Result<()> {
        self.gate
            .pass()
            .await
            .map_err(|e| session_store::Error::Backend(e.to_string()))
    }

    /// A failed session call may mean the database is gone: the gate checks.
    async fn seen<T>(&self, done: session_store::Result<T>) -> session_store::Result<T> {
        if done.is_err() {
            self.gate.check().await;
        }
        done
    }

    /// Removes sessions whose time is up (part of the retention pass).
    pub async fn delete_expired(&self) -> session_store::Result<()> {
        use tower_sessions::ExpiredDeletion;
        match &self.store {
            Store::Sqlite(s) => s.delete_expired().await,
            Store::Postgres(s) => s.delete_expired().await,
        }
    }
}
