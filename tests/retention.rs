//! Retention that always finishes, the retention periods of the facilitator side, the cap that
//! protects the volunteers, the statistics that count once, and settings that stop the server
//! when wrong: on both databases.
mod common;

use doorstart::accounts::model::Role;
use doorstart::accounts::store as accounts;
use doorstart::groups::join::{Contact, JoinInput};
use doorstart::help::model::{AskInput, Theme};

const DAY: i64 = 86_400;

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn join_request(app: &common::TestApp, group: &str) {
    let input = JoinInput {
        token: doorstart::security::tokens::new_token(),
        first_name: "Sanne".into(),
        contact: Contact::AtMeeting,
        language: "nl".into(),
        children: None,
        child_ages: vec![],
        referral: "unknown".into(),
    };
    doorstart::groups::store::insert_join_request(&app.db, group, &input.token, &input)
        .await
        .unwrap();
}

async fn help_request(app: &common::TestApp, text: &str) {
    let input = AskInput {
        theme: Theme::Other,
        message: text.into(),
        callback_phone: None,
        interpreter: None,
        notify_email: Some("ouder@example.org".into()),
    };
    let hash = doorstart::db::new_id();
    doorstart::help::store::create(&app.db, &input, "nl", &hash)
        .await
        .unwrap();
}

on_both_backends!(one_failing_step_does_not_stop_the_others, |app| {
    let group = common::add_group(app, "Almelo").await;
    join_request(app, &group).await;
    help_request(app, "Een oude vraag").await;
    let owner = app.account("c@example.nl", Role::Coordinator).await;
    accounts::audit(&app.db, Some(&owner), "test", "account", &owner)
        .await
        .unwrap();
    // The RSVP step breaks: its table is gone.
    sqlx::query("DROP TABLE rsvps")
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.clock.advance(400 * DAY);
    let purged = doorstart::retention::purge_once(&app.db).await;
    assert_eq!(purged.failed, vec!["rsvps"], "{purged:?}");
    assert_eq!(purged.join_requests, 1, "before the broken step");
    assert_eq!(purged.help_requests, 1, "after the broken step");
    assert_eq!(purged.audit_entries, 1, "after the broken step");
    assert!(purged.anonymous_counts == 0 && purged.rsvps == 0);
    assert_eq!(count(app, "SELECT COUNT(*) FROM help_messages").await, 0);
    assert_eq!(count(app, "SELECT COUNT(*) FROM audit_log").await, 0);
    // SQLite: the purged question is gone from the files too (secure_delete, then the
    // write-ahead log emptied at the end of the pass).
    if let Some(path) = app.db_file() {
        for file in [
            path.to_path_buf(),
            std::path::PathBuf::from(format!("{}-wal", path.display())),
        ] {
            if let Ok(bytes) = std::fs::read(&file) {
                assert!(
                    !String::from_utf8_lossy(&bytes).contains("Een oude vraag"),
                    "purged words in {file:?}"
                );
            }
        }
    }
});

on_both_backends!(facilitator_side_records_have_their_time_too, |app| {
    let coordinator = app.account("c@example.nl", Role::Coordinator).await;
    let leaving = app.account("f@example.nl", Role::Facilitator).await;
    let staying = app.account("g@example.nl", Role::Facilitator).await;
    // An account stopped before its stop time was kept (an older database).
    let legacy = app.account("old@example.nl", Role::Facilitator).await;
    sqlx::query("UPDATE accounts SET active = 0 WHERE id = $1")
        .bind(&legacy)
        .execute(&app.db.pool)
        .await
        .unwrap();

    // Day 0: audit entries, failed sign-ins, invites (one used, one left to expire).
    accounts::audit(&app.db, Some(&leaving), "sign-in", "account", &leaving)
        .await
        .unwrap();
    accounts::record_failure(&app.db, &staying).await.unwrap();
    accounts::create_invite(&app.db, "used-token", Role::Facilitator, &coordinator, 7)
        .await
        .unwrap();
    accounts::create_invite(&app.db, "open-token", Role::Facilitator, &coordinator, 7)
        .await
        .unwrap();
    app.clock.advance(DAY);
    accounts::accept_invite(&app.db, "used-token", "new@example.nl", "Nieuw", "x")
        .await
        .unwrap()
        .expect("the invite works");
    // The leaving facilitator owns a group and made an invite; then the account is stopped.
    let group = common::add_group(app, "Almelo").await;
    sqlx::query("UPDATE peer_groups SET owner_id = $1 WHERE id = $2")
        .bind(&leaving)
        .bind(&group)
        .execute(&app.db.pool)
        .await
        .unwrap();
    accounts::create_invite(&app.db, "their-token", Role::Facilitator, &leaving, 7)
        .await
        .unwrap();
    let stopped = accounts::deactivate(&app.db, &coordinator, &leaving).await;
    assert_eq!(stopped.unwrap(), accounts::Change::Done);
    accounts::audit(
        &app.db,
        Some(&coordinator),
        "deactivate",
        "account",
        &leaving,
    )
    .await
    .unwrap();
    let first = doorstart::retention::purge_once(&app.db).await;
    assert!(first.failed.is_empty() && first.total() == 0, "{first:?}");
    let stamped = count(
        app,
        "SELECT COUNT(*) FROM accounts WHERE active = 0 AND stopped_at IS NOT NULL",
    )
    .await;
    assert_eq!(stamped, 2, "the older stopped account got its stop time");

    // Day 30: the failed sign-in (29 days old) stays; day 31: it goes.
    app.clock.advance(29 * DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!((p.login_failures, p.invites), (0, 0));
    app.clock.advance(2 * DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!(p.login_failures, 1);
    // Invites: the used one (day 1) and the expired ones (day 7 and 8) are kept 30 days after.
    assert_eq!(p.invites, 1, "used on day 1, gone after day 31");
    app.clock.advance(8 * DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!(p.invites, 2, "expired on day 7 and 8, gone after day 38");
    assert_eq!(count(app, "SELECT COUNT(*) FROM invites").await, 0);

    // Shortly before a year: the stopped account still names its audit entries.
    app.clock.advance(320 * DAY); // day 360
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!((p.audit_entries, p.stopped_accounts), (0, 0));
    // Records that point at the account (made by hand: a stopped account does nothing).
    join_request(app, &group).await;
    help_request(app, "Een vraag").await;
    sqlx::query("UPDATE join_requests SET assigned_to = $1")
        .bind(&leaving)
        .execute(&app.db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE help_requests SET claimed_by = $1")
        .bind(&leaving)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let cookie = app.sign_in("c@example.nl").await;
    let (status, _, audit) = app.get_as(&cookie, "/admin/audit").await;
    assert_eq!(status, 200);
    assert!(audit.contains("deactivate"));

    // Day 367: the audit entries of day 0 and 1 are past 12 months, and so is the account
    // stopped on day 1. It goes; what pointed at it stays and points at nobody.
    app.clock.advance(7 * DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert!(p.failed.is_empty(), "{p:?}");
    assert!(p.audit_entries >= 2, "{p:?}");
    assert_eq!(
        p.stopped_accounts, 2,
        "stopped on day 1, and the older one stamped on day 1"
    );
    let gone = count(
        app,
        "SELECT COUNT(*) FROM accounts WHERE email = 'f@example.nl'",
    )
    .await;
    assert_eq!(gone, 0);
    assert_eq!(
        count(
            app,
            "SELECT COUNT(*) FROM peer_groups WHERE owner_id IS NULL"
        )
        .await,
        1,
        "the group stays, without an owner"
    );
    assert_eq!(
        count(
            app,
            "SELECT COUNT(*) FROM join_requests WHERE assigned_to IS NULL"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            app,
            "SELECT COUNT(*) FROM help_requests WHERE claimed_by IS NULL"
        )
        .await,
        1
    );
    // The older stopped account was stamped at the first pass (day 1): gone as well.
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM accounts WHERE active = 0").await,
        0
    );
    // Active accounts stay; the audit page still opens.
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM accounts WHERE active = 1").await,
        3
    );
    let cookie = app.sign_in("c@example.nl").await;
    let (status, _, audit) = app.get_as(&cookie, "/admin/audit").await;
    assert_eq!(status, 200);
    assert!(!audit.contains("deactivate"), "a year old: gone");
});

async fn capped(backend: doorstart::db::Backend) {
    let app = common::spawn_limited(
        backend,
        doorstart::config::LimitSettings {
            forms_per_10_minutes: 100,
            help_per_hour: 2,
        },
    )
    .await;
    let ask = |text: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url("/help"))
                .header("accept-language", "nl")
                .form(&[
                    ("theme", "money"),
                    ("message", text),
                    ("callback", "yes"),
                    ("phone", "0612345678"),
                ])
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            let retry = res
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            (status, retry, res.text().await.unwrap())
        }
    };
    assert_eq!(ask("Eerste vraag").await.0, 200);
    assert_eq!(ask("Tweede vraag").await.0, 200);
    let (status, retry, page) = ask("Derde vraag over huur").await;
    assert_eq!(status, 503, "over the cap");
    assert_eq!(retry.as_deref(), Some("3600"));
    assert!(page.contains("Er komen nu meer vragen binnen dan de vrijwilligers kunnen lezen."));
    assert!(
        page.contains("Derde vraag over huur"),
        "the form keeps the text"
    );
    assert!(page.contains("0612345678"), "and the phone number");
    assert!(
        page.contains("0800-2000"),
        "the crisis numbers are on the page"
    );
    assert!(!page.contains("pickup-code"), "no code was made");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM help_requests").await, 2);
    // In English too.
    let res = app
        .client
        .post(app.url("/help"))
        .header("accept-language", "en")
        .form(&[("theme", "money"), ("message", "Fourth")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("more questions are coming in than the volunteers can read"));
    // Bad input is still a 400 with the field messages, not the cap.
    let (status, _, _) = app.post_as("", "/help", &[("theme", "nope")]).await;
    assert_eq!(status, 400);
    // An hour later there is room again.
    app.clock.advance(3601);
    assert_eq!(ask("Vijfde vraag").await.0, 200);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM help_requests").await, 3);
    app.finish().await;
}

#[tokio::test]
async fn help_cap_sqlite() {
    capped(doorstart::db::Backend::Sqlite).await;
}

#[tokio::test]
async fn help_cap_postgres() {
    capped(doorstart::db::Backend::Postgres).await;
}

on_both_backends!(statistics_count_once_per_client_and_day, |app| {
    let views = |app: &common::TestApp| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM guide_stats WHERE guide = 'debts'",
            )
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    for _ in 0..100 {
        assert_eq!(app.get("/guides/debts").await.status().as_u16(), 200);
    }
    assert_eq!(views(app).await, 1, "100 reloads are one view");

    // A post straight to the server function counts nothing.
    let res = app
        .client
        .post(app.url("/api/guide"))
        .form(&[("slug", "money"), ("count", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "the function itself answers");
    let money: i64 = count(
        app,
        "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM guide_stats WHERE guide = 'money'",
    )
    .await;
    assert_eq!(money, 0, "no count through /api/guide");

    // Searches without a group nearby: once per PC4 and client a day, never through /api.
    common::add_group(app, "Almelo").await;
    for _ in 0..20 {
        app.get("/groups?postcode=6211").await;
    }
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .form(&[("postcode", "1011")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "the function itself answers");
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT pc4, searches FROM search_misses ORDER BY pc4")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(rows, vec![("6211".to_string(), 1)]);

    // The next day counts again.
    app.clock.advance(DAY);
    app.get("/guides/debts").await;
    app.get("/guides/debts").await;
    assert_eq!(views(app).await, 2);
});

/// The server binary with one wrong setting: it does not start, and says why.
fn refuses(name: &str, value: &str, says: &str) {
    let dir = std::env::temp_dir().join(format!("doorstart-cfg-{}", doorstart::db::new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_doorstart"))
        .env("DATABASE_URL", format!("sqlite://{}/x.db", dir.display()))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env_remove("DOORSTART_PEPPER")
        .env_remove("DOORSTART_HELP_DAYS")
        .env_remove("DOORSTART_HELP_PER_HOUR")
        .env(name, value)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{name}={value} must stop the server");
    assert!(text.contains(says), "{name}: {text}");
    assert!(!text.contains("listening"), "{text}");
    if name == "DOORSTART_PEPPER" {
        assert!(!text.contains(value), "the log never shows the pepper");
    }
}

#[test]
fn a_short_pepper_or_a_long_help_period_stops_the_server() {
    refuses(
        "DOORSTART_PEPPER",
        "only-twenty-characte",
        "DOORSTART_PEPPER",
    );
    refuses("DOORSTART_HELP_DAYS", "120", "DOORSTART_HELP_DAYS");
    refuses("DOORSTART_HELP_PER_HOUR", "lots", "DOORSTART_HELP_PER_HOUR");
}
