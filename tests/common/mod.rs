//! One harness for the integration tests: the real app on port 0 with a fresh database,
//! on SQLite and on PostgreSQL.
#![allow(dead_code)]
use std::sync::Arc;

use doorstart::db::{Backend, Db, ManualClock};

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub clock: Arc<ManualClock>,
    pub client: reqwest::Client,
    pg_database: Option<String>,
    sqlite_file: Option<std::path::PathBuf>,
    /// The database's URL, for another instance with a connection pool of its own.
    #[allow(dead_code)]
    pub db_url: String,
}

/// Runs one async test body against both backends as two separate tests.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn sqlite() {
                let owned = common::spawn(doorstart::db::Backend::Sqlite).await;
                {
                    let $app = &owned;
                    $body
                }
                owned.finish().await;
            }
            #[tokio::test]
            async fn postgres() {
                let owned = common::spawn(doorstart::db::Backend::Postgres).await;
                {
                    let $app = &owned;
                    $body
                }
                owned.finish().await;
            }
        }
    };
}

pub fn pg_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// The user agent every test request sends (tests look for it where it must not be).
pub const TEST_AGENT: &str = "DoorstartTestAgent/7.6";
/// The password of accounts made by `account`.
pub const PASSWORD: &str = "a sentence that is long enough";

/// Monday 23 November 2026, 12:00 in Amsterdam.
pub const START: i64 = 1_795_431_600;

pub async fn spawn(backend: Backend) -> TestApp {
    spawn_with(backend, None).await
}

/// The app with another guide library (for the fallback to Dutch).
pub async fn spawn_with(
    backend: Backend,
    guides: Option<&'static doorstart::guides::library::GuideLibrary>,
) -> TestApp {
    spawn_configured(backend, guides, None).await
}

/// The app with limits of its own (for example a low cap on help requests).
pub async fn spawn_limited(backend: Backend, limits: doorstart::config::LimitSettings) -> TestApp {
    spawn_configured(backend, None, Some(limits)).await
}

pub async fn spawn_configured(
    backend: Backend,
    guides: Option<&'static doorstart::guides::library::GuideLibrary>,
    limits: Option<doorstart::config::LimitSettings>,
) -> TestApp {
    spawn_full(backend, guides, limits, None).await
}

/// The app behind a reverse proxy: these proxies (and their one header) are believed.
pub async fn spawn_behind(
    backend: Backend,
    proxies: doorstart::config::ProxySettings,
    limits: Option<doorstart::config::LimitSettings>,
) -> TestApp {
    spawn_full(backend, None, limits, Some(proxies)).await
}

async fn spawn_full(
    backend: Backend,
    guides: Option<&'static doorstart::guides::library::GuideLibrary>,
    limits: Option<doorstart::config::LimitSettings>,
    proxies: Option<doorstart::config::ProxySettings>,
) -> TestApp {
    use sqlx::Connection;
    let id = doorstart::db::new_id();
    let (url, pg_database, sqlite_file) = match backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!("doorstart-test-{id}.db"));
            (format!("sqlite://{}", path.display()), None, Some(path))
        }
        Backend::Postgres => {
            let admin = pg_admin_url();
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL must run for these tests ({admin}): {e}"));
            let name = format!("doorstart_test_{id}");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            (format!("{base}/{name}"), Some(name), None)
        }
    };
    let clock = Arc::new(ManualClock::new(START));
    let db = Db::connect(&url, clock.clone())
        .await
        .expect("connect and migrate");
    let options = doorstart::server::leptos_options();
    let router = match (guides, limits) {
        _ if proxies.is_some() => doorstart::server::router_with_proxies(
            options,
            db.clone(),
            guides.unwrap_or_else(doorstart::guides::library::builtin),
            limits.unwrap_or_default(),
            proxies.unwrap_or_default(),
        ),
        (None, None) => doorstart::server::router(options, db.clone()),
        (Some(g), None) => doorstart::server::router_with_guides(options, db.clone(), g),
        (g, Some(l)) => doorstart::server::router_with(
            options,
            db.clone(),
            g.unwrap_or_else(doorstart::guides::library::builtin),
            l,
        ),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        base: format!("http://{addr}"),
        db,
        clock,
        client,
        pg_database,
        sqlite_file,
        db_url: url,
    }
}

impl TestApp {
    /// Another app instance on the same database (as several instances on one PostgreSQL);
    /// returns its base URL.
    #[allow(dead_code)]
    pub async fn second_instance(&self) -> String {
        let router =
            doorstart::server::router(doorstart::server::leptos_options(), self.db.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .unwrap();
        });
        format!("http://{addr}")
    }

    /// Another instance as a separate process would be: its own pool and its own in-memory
    /// caches on the same database. Returns its `Db` and base URL.
    #[allow(dead_code)]
    pub async fn separate_instance(&self) -> (Db, String) {
        let db = Db::connect(&self.db_url, self.clock.clone())
            .await
            .expect("connect a second instance");
        let router = doorstart::server::router(doorstart::server::leptos_options(), db.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .unwrap();
        });
        (db, format!("http://{addr}"))
    }

    /// The SQLite database file (None on PostgreSQL).
    pub fn db_file(&self) -> Option<&std::path::Path> {
        self.sqlite_file.as_deref()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// GET and return status and body.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }

    /// GET with a session cookie: status, Location and body.
    pub async fn get_as(&self, cookie: &str, path: &str) -> (u16, String, String) {
        let res = self
            .client
            .get(self.url(path))
            .header("cookie", cookie)
            .header("user-agent", TEST_AGENT)
            .send()
            .await
            .unwrap();
        answer(res).await
    }

    /// POST a form with a session cookie (may be empty): status, Location and body.
    pub async fn post_as(
        &self,
        cookie: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String, String) {
        let res = self
            .client
            .post(self.url(path))
            .header("cookie", cookie)
            .header("user-agent", TEST_AGENT)
            .form(form)
            .send()
            .await
            .unwrap();
        answer(res).await
    }

    /// An account with `PASSWORD`; returns its id.
    pub async fn account(&self, email: &str, role: doorstart::accounts::model::Role) -> String {
        let hash = doorstart::accounts::password::hash(PASSWORD.into()).await;
        doorstart::accounts::store::create_account(&self.db, email, "Anna", role, &hash)
            .await
            .unwrap()
    }

    /// Signs in and returns the session cookie ("name=value").
    pub async fn sign_in(&self, email: &str) -> String {
        let res = self
            .client
            .post(self.url("/admin/login"))
            .form(&[("email", email), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303, "signed in as {email}");
        let cookie = res.headers().get("set-cookie").expect("session cookie");
        cookie
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string()
    }

    pub async fn finish(self) {
        self.db.pool.close().await;
        if let Some(name) = self.pg_database {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::PgConnection::connect(&pg_admin_url()).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            }
        }
        if let Some(path) = self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}

async fn answer(res: reqwest::Response) -> (u16, String, String) {
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location, res.text().await.unwrap())
}

/// A group in a municipality (Almelo's postcode and place; only the municipality differs).
pub async fn add_group(app: &TestApp, municipality: &str) -> String {
    use doorstart::groups::model::{Rhythm, Weekday};
    doorstart::groups::store::insert(
        &app.db,
        &doorstart::groups::store::NewGroup {
            name: "Koffieochtend",
            municipality,
            address: "Teststraat 1",
            pc4: 7607,
            lat: 52.35,
            lon: 6.66,
            weekday: Weekday::new(2).unwrap(),
            start_minute: 570,
            rhythm: Rhythm::Weekly,
            ages: (4, 12),
            languages: &["nl"],
            children_welcome: true,
            childcare: false,
            cost_cents: 0,
            online: false,
            audience: Default::default(),
            facilitator_name: "Anna",
            texts: &[("nl", "Beschrijving", "Eerste keer")],
        },
    )
    .await
    .unwrap()
}
