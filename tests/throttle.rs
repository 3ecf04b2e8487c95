//! Who the client is behind a proxy, and throttles that hold under parallel load: on SQLite
//! and on PostgreSQL.
mod common;

use doorstart::config::{LimitSettings, ProxySettings};
use doorstart::help::model::{CODE_TRIES, SITE_CODE_TRIES, WIDE_CODE_TRIES};

fn code_in(page: &str) -> String {
    let at = page
        .find("pickup-code")
        .expect("a pick-up code on the page");
    let rest = &page[at..];
    let start = rest.find(|c: char| c.is_ascii_digit()).unwrap();
    let rest = &rest[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ' '))
        .unwrap();
    rest[..end].trim().to_string()
}

async fn ask(app: &common::TestApp, text: &str) -> String {
    let (status, _, page) = app
        .post_as("", "/help", &[("theme", "money"), ("message", text)])
        .await;
    assert_eq!(status, 200, "question stored");
    code_in(&page)
}

/// POST the code form with these extra headers: the status.
async fn try_code(app: &common::TestApp, code: &str, headers: &[(&str, &str)]) -> u16 {
    let mut req = app
        .client
        .post(app.url("/help/reply"))
        .form(&[("code", code)]);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap().status().as_u16()
}

fn proxy(header: &str) -> ProxySettings {
    ProxySettings::parse("127.0.0.1, ::1", Some(header)).unwrap()
}

// 60 wrong codes at once from one client: each try is counted in one statement before the
// look-up, so exactly ten are looked up; the rest wait, and so does the right code.
on_both_backends!(
    parallel_wrong_codes_are_looked_up_at_most_ten_times,
    |app| {
        let code = ask(app, "Mijn huur is te hoog.").await;
        let mut tries = tokio::task::JoinSet::new();
        for n in 0..60u64 {
            let client = app.client.clone();
            let url = app.url("/help/reply");
            tries.spawn(async move {
                let wrong = format!("{:016}", 1_000 + n);
                client
                    .post(url)
                    .form(&[("code", wrong.as_str())])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            });
        }
        let mut looked_up = 0;
        let mut waited = 0;
        while let Some(status) = tries.join_next().await {
            match status.unwrap() {
                404 => looked_up += 1,
                429 => waited += 1,
                other => panic!("unexpected status {other}"),
            }
        }
        assert_eq!(looked_up, CODE_TRIES, "looked up at most ten times");
        assert_eq!(waited, 60 - CODE_TRIES);
        assert_eq!(
            try_code(app, &code, &[]).await,
            429,
            "the right code waits too"
        );
    }
);

// Many addresses guessing at once: past the site's budget tries are let through one a
// second, for everyone; it slows down and never opens up. The next window starts clean.
on_both_backends!(a_site_under_guessing_slows_down, |app| {
    let code = ask(app, "Mijn huur is te hoog.").await;
    let now = app.db.now();
    let window = now - now.rem_euclid(900);
    assert_eq!(now, window, "the test clock starts on a window");
    // Others (many addresses) used up the site's budget in this window.
    sqlx::query(
        "INSERT INTO throttle_hits (window_start, client, hits) VALUES ($1, '*', $2) \
         ON CONFLICT (window_start, client) DO UPDATE SET hits = $2",
    )
    .bind(window)
    .bind(SITE_CODE_TRIES)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let (status, _, body) = app.post_as("", "/help/reply", &[("code", &code)]).await;
    assert_eq!(status, 429, "no room: not looked up");
    assert!(!body.contains("Mijn huur is te hoog."));
    assert!(body.contains("Wacht een minuut"), "says to wait a minute");
    // A second later there is room for one more try.
    app.clock.advance(1);
    let (status, _, body) = app.post_as("", "/help/reply", &[("code", &code)]).await;
    assert_eq!(status, 200);
    assert!(body.contains("Mijn huur is te hoog."));
    assert_eq!(try_code(app, "1111 2222 3333 4444", &[]).await, 429);
    // The busy tries did not count against the parent: a new window, all clean, and the
    // old window's key and hashed clients are gone.
    app.clock.advance(900);
    assert_eq!(try_code(app, &code, &[]).await, 200);
    doorstart::help::throttle::purge_ended(&app.db)
        .await
        .unwrap();
    let old: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM throttle_hits WHERE window_start <= $1")
            .bind(window)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(old, 0);
});

// Behind a proxy that appends X-Forwarded-For, a client that sends a new Forwarded header
// each time keeps its one bucket; another address has its own. With Forwarded named, a
// forged X-Forwarded-For is not read.
#[tokio::test]
async fn only_the_named_header_decides_the_client_sqlite() {
    named_header(doorstart::db::Backend::Sqlite).await
}
#[tokio::test]
async fn only_the_named_header_decides_the_client_postgres() {
    named_header(doorstart::db::Backend::Postgres).await
}

async fn named_header(backend: doorstart::db::Backend) {
    let app = common::spawn_behind(backend, proxy("X-Forwarded-For"), None).await;
    for n in 0..CODE_TRIES {
        let forged = format!("for=203.0.113.{n}");
        let status = try_code(
            &app,
            "1111 2222 3333 4444",
            &[("forwarded", &forged), ("x-forwarded-for", "198.51.100.7")],
        )
        .await;
        assert_eq!(status, 404);
    }
    let status = try_code(
        &app,
        "1111 2222 3333 4444",
        &[
            ("forwarded", "for=203.0.113.99"),
            ("x-forwarded-for", "198.51.100.7"),
        ],
    )
    .await;
    assert_eq!(status, 429, "a new Forwarded header is not a new client");
    let status = try_code(
        &app,
        "1111 2222 3333 4444",
        &[("x-forwarded-for", "198.51.100.8")],
    )
    .await;
    assert_eq!(status, 404, "another address has its own tries");
    app.finish().await;

    let app = common::spawn_behind(backend, proxy("Forwarded"), None).await;
    for n in 0..CODE_TRIES {
        let forged = format!("198.51.100.{n}");
        let status = try_code(
            &app,
            "1111 2222 3333 4444",
            &[("x-forwarded-for", &forged), ("forwarded", "for=192.0.2.7")],
        )
        .await;
        assert_eq!(status, 404);
    }
    let status = try_code(
        &app,
        "1111 2222 3333 4444",
        &[
            ("x-forwarded-for", "198.51.100.200"),
            ("forwarded", "for=192.0.2.7"),
        ],
    )
    .await;
    assert_eq!(status, 429);
    app.finish().await;
}

// IPv6: each /64 has its own tries, and all the /64s of one /56 together have
// `WIDE_CODE_TRIES`, so one home cannot multiply its guesses.
#[tokio::test]
async fn an_ipv6_home_is_counted_by_its_56_sqlite() {
    ipv6_home(doorstart::db::Backend::Sqlite).await
}
#[tokio::test]
async fn an_ipv6_home_is_counted_by_its_56_postgres() {
    ipv6_home(doorstart::db::Backend::Postgres).await
}

async fn ipv6_home(backend: doorstart::db::Backend) {
    let app = common::spawn_behind(backend, proxy("X-Forwarded-For"), None).await;
    let mut looked_up = 0;
    for subnet in 0..6 {
        for n in 0..CODE_TRIES {
            let from = format!("2001:db8:aa:12{subnet:02x}::{n:x}");
            match try_code(&app, "1111 2222 3333 4444", &[("x-forwarded-for", &from)]).await {
                404 => looked_up += 1,
                429 => {}
                other => panic!("status {other}"),
            }
        }
    }
    assert_eq!(looked_up, WIDE_CODE_TRIES);
    // Another /56 is another home.
    let status = try_code(
        &app,
        "1111 2222 3333 4444",
        &[("x-forwarded-for", "2001:db8:bb:1200::1")],
    )
    .await;
    assert_eq!(status, 404);
    app.finish().await;
}

// HSTS (and the Secure language cookie) follow X-Forwarded-Proto only from a trusted proxy.
#[tokio::test]
async fn https_is_believed_only_from_a_trusted_proxy() {
    let direct = common::spawn(doorstart::db::Backend::Sqlite).await;
    let res = direct
        .client
        .get(direct.url("/?lang=en"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("strict-transport-security").is_none());
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(!cookie.contains("Secure"), "{cookie}");
    direct.finish().await;

    let behind = common::spawn_behind(
        doorstart::db::Backend::Sqlite,
        proxy("X-Forwarded-For"),
        None,
    )
    .await;
    let res = behind
        .client
        .get(behind.url("/?lang=en"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("strict-transport-security").is_some());
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    behind.finish().await;
}

// The group page's share link comes from the public URL, never from the Host header.
on_both_backends!(the_share_link_ignores_the_host_header, |app| {
    let id = common::add_group(app, "Almelo").await;
    let res = app
        .client
        .get(app.url(&format!("/groups/{id}")))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert!(!body.contains("evil.example"), "no Host in the page");
    assert!(
        body.contains(&format!("127.0.0.1%3A3000%2Fgroups%2F{id}"))
            || body.contains(&format!("http://127.0.0.1:3000/groups/{id}"))
    );
});

// One network may use only a share of the hourly cap on new help questions; another network
// still gets through. When the cap itself is reached, the coordinator sees it.
#[tokio::test]
async fn one_network_gets_a_share_sqlite() {
    network_share(doorstart::db::Backend::Sqlite).await
}
#[tokio::test]
async fn one_network_gets_a_share_postgres() {
    network_share(doorstart::db::Backend::Postgres).await
}

async fn post_question(app: &common::TestApp, from: &str) -> u16 {
    app.client
        .post(app.url("/help"))
        .header("x-forwarded-for", from)
        .form(&[("theme", "money"), ("message", "Een vraag.")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn network_share(backend: doorstart::db::Backend) {
    let limits = LimitSettings {
        forms_per_10_minutes: 100,
        help_per_hour: 40,
    };
    let share = doorstart::help::model::network_share(40);
    let app = common::spawn_behind(backend, proxy("X-Forwarded-For"), Some(limits)).await;
    for _ in 0..share {
        assert_eq!(post_question(&app, "198.51.100.7").await, 200);
    }
    assert_eq!(
        post_question(&app, "198.51.100.7").await,
        429,
        "its share is used"
    );
    assert_eq!(
        post_question(&app, "198.51.100.8").await,
        200,
        "another network"
    );
    app.finish().await;

    // The cap itself: the coordinator's monitoring page says it was reached.
    let limits = LimitSettings {
        forms_per_10_minutes: 100,
        help_per_hour: 2,
    };
    let app = common::spawn_behind(backend, proxy("X-Forwarded-For"), Some(limits)).await;
    assert_eq!(post_question(&app, "198.51.100.1").await, 200);
    assert_eq!(post_question(&app, "198.51.100.2").await, 200);
    assert_eq!(post_question(&app, "198.51.100.3").await, 503);
    app.account(
        "coord@example.org",
        doorstart::accounts::model::Role::Coordinator,
    )
    .await;
    let cookie = app.sign_in("coord@example.org").await;
    let (status, _, page) = app.get_as(&cookie, "/admin/monitoring?lang=en").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("The hourly cap on new help questions was reached on 1 day"),
        "the coordinator is told"
    );
    app.finish().await;
}

// Replies sent with a pick-up code count against the same per-client limit as other forms;
// the words come back in the form.
#[tokio::test]
async fn replies_with_a_code_are_rate_limited_sqlite() {
    replies_limited(doorstart::db::Backend::Sqlite).await
}
#[tokio::test]
async fn replies_with_a_code_are_rate_limited_postgres() {
    replies_limited(doorstart::db::Backend::Postgres).await
}

async fn replies_limited(backend: doorstart::db::Backend) {
    let limits = LimitSettings {
        forms_per_10_minutes: 3,
        help_per_hour: 60,
    };
    let app = common::spawn_limited(backend, limits).await;
    let code = ask(&app, "Mijn huur is te hoog.").await;
    for n in 0..2 {
        let text = format!("Nog een vraag {n}.");
        let (status, _, _) = app
            .post_as(
                "",
                "/help/reply/send",
                &[("code", &code), ("message", &text)],
            )
            .await;
        assert_eq!(status, 200, "reply {n} sent");
    }
    let (status, _, body) = app
        .post_as(
            "",
            "/help/reply/send",
            &[("code", &code), ("message", "Te veel berichten.")],
        )
        .await;
    assert_eq!(status, 429, "the fourth form in ten minutes waits");
    assert!(
        body.contains("Te veel berichten."),
        "the words stay in the form"
    );
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_messages")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        kept, 3,
        "the question and two replies; the refused one is not stored"
    );
    app.finish().await;
}
