//! The foundation on both databases: migrations, health, language choice, headers, errors.
mod common;

use sqlx::Row;

on_both_backends!(migrations_create_the_tables, |app| {
    for table in ["peer_groups", "group_texts", "meetups", "search_misses"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&app.db.pool)
            .await
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        assert_eq!(n, 0, "{table} starts empty");
    }
    let applied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(applied >= 1);
});

on_both_backends!(health_follows_the_database, |app| {
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    app.db.pool.close().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 503);
});

on_both_backends!(language_choice_order, |app| {
    // Default: Dutch.
    let (status, body) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(r#"<html lang="nl" dir="ltr""#),
        "{}",
        &body[..200]
    );
    assert!(body.contains("Vind een groep"));

    // Accept-Language picks a supported language.
    let res = app
        .client
        .get(app.url("/"))
        .header("accept-language", "de-DE, en;q=0.8, nl;q=0.5")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"<html lang="en" dir="ltr""#));
    assert!(body.contains("Find a group"));

    // ?lang sets a cookie and wins over Accept-Language.
    let res = app
        .client
        .get(app.url("/?lang=ar"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .expect("lang cookie")
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("lang=ar;"), "{cookie}");
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"<html lang="ar" dir="rtl""#));
    assert!(body.contains("البحث عن مجموعة"));

    // The cookie wins over Accept-Language.
    let res = app
        .client
        .get(app.url("/"))
        .header("cookie", "lang=ar")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("set-cookie").is_none());
    assert!(res.text().await.unwrap().contains(r#"lang="ar" dir="rtl""#));

    // An unknown ?lang is ignored.
    let (_, body) = app.page("/?lang=xx").await;
    assert!(body.contains(r#"<html lang="nl""#));
});

on_both_backends!(security_headers_and_nonce, |app| {
    let res = app.get("/").await;
    let h = res.headers().clone();
    let csp = h
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(!csp.contains("unsafe-inline"));
    for part in [
        "'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert!(h.get("permissions-policy").is_some());
    assert!(h.get("server").is_none());
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS over plain HTTP"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let body = res.text().await.unwrap();
    let scripts = body.matches("<script").count();
    assert!(scripts >= 1);
    assert_eq!(
        body.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every script carries the nonce"
    );

    // A second request gets another nonce.
    let other = app.get("/").await;
    let csp2 = other
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(!csp2.contains(&nonce));

    // A client talking to us directly cannot claim HTTPS: no HSTS from its own header (behind
    // a trusted proxy it is believed: `tests/throttle.rs`).
    let res = app
        .client
        .get(app.url("/"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("strict-transport-security").is_none());
});

on_both_backends!(posts_from_other_sites_are_refused, |app| {
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("postcode", "7607")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .header("origin", "https://evil.example")
        .form(&[("postcode", "7607")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = app.client.delete(app.url("/")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 405);
    // Too large a body.
    let big = "x".repeat(doorstart::server::BODY_LIMIT_BYTES + 10);
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("postcode={big}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
});

on_both_backends!(not_found_in_the_users_language, |app| {
    let (status, body) = app.page("/does-not-exist").await;
    assert_eq!(status, 404);
    assert!(body.contains("Deze pagina bestaat niet"));
    let (status, body) = app.page("/does-not-exist?lang=ar").await;
    assert_eq!(status, 404);
    assert!(body.contains("هذه الصفحة غير موجودة"));
    assert!(body.contains(r#"dir="rtl""#));
});

on_both_backends!(sqlite_settings_or_pg_basics, |app| {
    if app.db.backend == doorstart::db::Backend::Sqlite {
        let mut conn = app.db.pool.acquire().await.unwrap();
        let row = sqlx::query("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(row.try_get::<String, _>(0).unwrap().to_lowercase(), "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(sync, 2, "FULL");
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert!(busy >= 1000);
        let secure: i64 = sqlx::query_scalar("PRAGMA secure_delete")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(secure, 1);
    } else {
        let v: String = sqlx::query_scalar("SELECT current_database()::text")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert!(v.starts_with("doorstart_test_"));
    }
});

// Behind an HTTPS proxy the language cookie is Secure too.
on_both_backends!(language_cookie_is_secure_over_https, |direct| {
    let behind = common::spawn_behind(
        direct.db.backend,
        doorstart::config::ProxySettings::parse("127.0.0.1", None).unwrap(),
        None,
    )
    .await;
    let app = &behind;
    let res = app
        .client
        .get(app.url("/?lang=en"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("; Secure"),
        "{cookie}"
    );
    let res = app.client.get(app.url("/?lang=en")).send().await.unwrap();
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        !cookie.contains("Secure"),
        "plain http on localhost: {cookie}"
    );
    behind.finish().await;
});

on_both_backends!(
    crisis_lines_on_every_parent_page_and_the_exit_forgets_the_language,
    |app| {
        let group = common::add_group(app, "Almelo").await;
        for path in [
            "/".to_string(),
            "/groups".to_string(),
            format!("/groups/{group}"),
            format!("/groups/{group}/join"),
            "/help".to_string(),
            "/help/reply".to_string(),
            "/guides".to_string(),
            "/nergens".to_string(),
        ] {
            let (_, page) = app.page(&format!("{path}?lang=en")).await;
            let footer = &page[page.find("site-footer").expect("footer")..];
            for tel in ["tel:112", "tel:08002000", "tel:113"] {
                assert!(footer.contains(tel), "{tel} in the footer of {path}");
            }
            assert!(footer.contains("Veilig Thuis"), "{path}");
            // The quick exit goes through /exit (works without JavaScript, forgets the cookie).
            assert!(page.contains("href=\"/exit\""), "{path}");
        }
        let res = app
            .client
            .get(app.url("/exit"))
            .header("cookie", "lang=ar")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(res.headers()["location"], "https://www.google.nl/");
        assert_eq!(
            res.headers()["clear-site-data"],
            r#""cache", "cookies", "storage""#,
            "the browser forgets what it kept of this site"
        );
        let cookie = res.headers()["set-cookie"].to_str().unwrap();
        assert!(
            cookie.starts_with("lang=;") && cookie.contains("Max-Age=0"),
            "{cookie}"
        );
    }
);
