//! The database goes away under a running app and comes back: while it is gone, `/healthz`, the
//! finder and a help question answer 503 within 2 s with a plain page that keeps the crisis
//! numbers, and the guides and the offline page still answer; within 5 s of its return all
//! answer 200 again, without a restart.
//!
//! PostgreSQL only: the app reaches it through a small TCP relay that the test stops (refused
//! connections, open ones cut, as when the server stops) and starts again. A SQLite file cannot
//! become unreachable; its pool has no gate (`db::gate`).
mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use doorstart::db::{Db, ManualClock};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// A relay from a port of its own to PostgreSQL; stopping it is the database going away.
struct Relay {
    addr: SocketAddr,
    to: SocketAddr,
    task: Option<JoinHandle<()>>,
}

impl Relay {
    async fn start(to: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut relay = Relay {
            addr,
            to,
            task: None,
        };
        relay.serve(listener);
        relay
    }

    fn serve(&mut self, listener: TcpListener) {
        let to = self.to;
        self.task = Some(tokio::spawn(async move {
            // Dropped with this task: every open connection is cut with it.
            let mut open = JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                open.spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(to).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        }));
    }

    /// The database goes away: the port refuses, open connections are cut.
    async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    /// The database is back on the same port.
    async fn restart(&mut self) {
        let listener = TcpListener::bind(self.addr).await.unwrap();
        self.serve(listener);
    }
}

struct Answer {
    status: u16,
    body: String,
    retry_after: Option<String>,
    took: Duration,
}

async fn timed(request: reqwest::RequestBuilder) -> Answer {
    let started = Instant::now();
    let res = request.send().await.unwrap();
    let status = res.status().as_u16();
    let retry_after = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    let body = res.text().await.unwrap();
    Answer {
        status,
        body,
        retry_after,
        took: started.elapsed(),
    }
}

const FINDER: &str = "/groups?postcode=7607";

fn help_question(client: &reqwest::Client, base: &str) -> reqwest::RequestBuilder {
    client.post(format!("{base}/help")).form(&[
        ("theme", "money"),
        ("message", "Ik heb een vraag over de toeslag."),
    ])
}

#[tokio::test]
async fn the_database_goes_and_comes_back() {
    use sqlx::Connection;
    // A database of its own on the test server, reached through the relay.
    let admin = common::pg_admin_url();
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL must run for these tests ({admin}): {e}"));
    let name = format!("doorstart_test_{}", doorstart::db::new_id());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let server: SocketAddr = {
        let rest = admin.split_once('@').map_or(admin.as_str(), |(_, r)| r);
        let host_port = rest.split('/').next().unwrap();
        tokio::net::lookup_host(host_port)
            .await
            .unwrap()
            .next()
            .unwrap()
    };
    let mut relay = Relay::start(server).await;
    let user = admin
        .trim_start_matches("postgres://")
        .split('@')
        .next()
        .unwrap();
    let url = format!("postgres://{user}@{}/{name}", relay.addr);
    let clock = Arc::new(ManualClock::new(common::START));
    let db = Db::connect(&url, clock).await.expect("connect and migrate");
    let router = doorstart::server::router(doorstart::server::leptos_options(), db.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| client.get(format!("{base}{path}"));

    // Up: all three work.
    assert_eq!(timed(get("/healthz")).await.status, 200);
    assert_eq!(timed(get(FINDER)).await.status, 200);
    let asked = timed(help_question(&client, &base)).await;
    assert!(
        matches!(asked.status, 200 | 303),
        "a help question: {}",
        asked.status
    );

    // A coordinator signed in before the database goes.
    let hash = doorstart::accounts::password::hash(common::PASSWORD.into()).await;
    doorstart::accounts::store::create_account(
        &db,
        "coordinator@outage.invalid",
        "Anna",
        doorstart::accounts::model::Role::Coordinator,
        &hash,
    )
    .await
    .unwrap();
    let signed = client
        .post(format!("{base}/admin/login"))
        .form(&[
            ("email", "coordinator@outage.invalid"),
            ("password", common::PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status().as_u16(), 303);
    let session = signed.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let admin = || get("/admin").header("cookie", session.clone());
    assert_eq!(timed(admin()).await.status, 200);

    // Gone: 503 within 2 s with the crisis numbers, twice (the first notices, the second
    // finds the gate closed).
    relay.stop().await;
    for round in 1..=2 {
        for (what, request) in [
            ("/healthz", get("/healthz")),
            ("the finder", get(FINDER)),
            ("a help question", help_question(&client, &base)),
            ("a coordinator's page", admin()),
        ] {
            let answer = timed(request).await;
            assert_eq!(answer.status, 503, "{what} while the database is gone");
            assert!(
                answer.took < Duration::from_secs(2),
                "{what} answered 503 after {:?} (round {round})",
                answer.took
            );
            for number in ["112", "0800-2000", "113"] {
                assert!(
                    answer.body.contains(number),
                    "{what}: {number} on the 503 page"
                );
            }
            assert!(answer.body.contains("/exit"), "{what}: the quick exit");
            assert_eq!(answer.retry_after.as_deref(), Some("5"), "{what}");
            eprintln!("round {round}: {what} 503 in {:?}", answer.took);
        }
    }
    assert!(!db.reachable(), "the gate is closed");
    // What needs no database keeps working: the guides, the offline page.
    for path in ["/guides", "/offline"] {
        assert_eq!(
            timed(get(path)).await.status,
            200,
            "{path} without a database"
        );
    }
    // The plain page of a post is in the visitor's language.
    let english = timed(help_question(&client, &base).header("cookie", "lang=en")).await;
    assert_eq!(english.status, 503);
    assert!(english.body.starts_with("<!DOCTYPE html><html lang=\"en\""));
    assert!(english.body.contains("Something went wrong") && english.body.contains("0800-2000"));
    let dutch = timed(help_question(&client, &base)).await;
    assert!(dutch.body.contains("Er ging iets mis") && dutch.body.contains("Veilig Thuis"));

    // Back: everything answers again within 5 s, without a restart.
    relay.restart().await;
    let back = Instant::now();
    loop {
        if timed(get("/healthz")).await.status == 200 {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "/healthz still not 200 after 5 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(timed(get(FINDER)).await.status, 200, "the finder is back");
    let asked = timed(help_question(&client, &base)).await;
    assert!(
        matches!(asked.status, 200 | 303),
        "a help question is back: {}",
        asked.status
    );
    assert_eq!(timed(admin()).await.status, 200, "the session is back");
    assert!(back.elapsed() < Duration::from_secs(5));
    eprintln!("all back {:?} after the database", back.elapsed());
    assert!(db.reachable());

    db.pool.close().await;
    relay.stop().await;
    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await;
}
