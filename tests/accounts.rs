//! Accounts on both databases: no answer or timing tells who has an account (sign-in and
//! "forgot password"); a coordinator invites coordinators, changes roles, stops and re-activates
//! accounts on the pages (stopping shares the help questions the account held and tells the
//! coordinators); hostile posts; help questions unanswered for 2 days go to the coordinators once.
mod common;

use std::time::{Duration, Instant};

use doorstart::accounts::model::Role;
use doorstart::accounts::store::{self as accounts, Change};
use doorstart::help::model::{AskInput, Theme};

use common::PASSWORD;

/// One form post: status, Location, body and how long the answer took.
async fn timed(
    app: &common::TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String, Duration) {
    let start = Instant::now();
    let (status, location, body) = app.post_as("", path, form).await;
    (status, location, body, start.elapsed())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// A page as its shape: the typed address and the per-answer nonces taken out.
fn shape(body: &str, address: &str) -> String {
    let body = body.replace(address, "ADDRESS");
    let mut out = String::new();
    let mut rest = body.as_str();
    while let Some(at) = rest.find("nonce=\"") {
        out.push_str(&rest[..at + 7]);
        rest = &rest[at + 7..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

/// The slower of two medians is within `factor` of the faster (plus `slack` for very short ones).
fn close(a: Duration, b: Duration, factor: u32, slack: Duration) -> bool {
    let (fast, slow) = if a < b { (a, b) } else { (b, a) };
    slow <= fast * factor + slack
}

const KNOWN: &str = "known@example.nl";
const UNKNOWN: &str = "unknown@example.nl";
const WRONG: &str = "not the password at all";

on_both_backends!(sign_in_takes_as_long_with_or_without_an_account, |app| {
    app.account(KNOWN, Role::Facilitator).await;
    // One try first (the dummy hash is made on the first check of either kind).
    timed(
        app,
        "/admin/login",
        &[("email", "warm@example.nl"), ("password", WRONG)],
    )
    .await;
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for round in 0..5 {
        // A quarter of an hour on: no backoff yet, so the password check is what takes time.
        app.clock.advance(901);
        let order = if round % 2 == 0 {
            [KNOWN, UNKNOWN]
        } else {
            [UNKNOWN, KNOWN]
        };
        for email in order {
            let (status, _, body, took) = timed(
                app,
                "/admin/login",
                &[("email", email), ("password", WRONG)],
            )
            .await;
            assert_eq!(status, 400, "{email}");
            assert!(body.contains("klopt niet"), "{email}");
            if email == KNOWN {
                known.push((body, took));
            } else {
                unknown.push((body, took));
            }
        }
    }
    assert_eq!(
        shape(&known[0].0, KNOWN),
        shape(&unknown[0].0, UNKNOWN),
        "the same page for an address with an account and one without"
    );
    let known_median = median(known.iter().map(|(_, t)| *t).collect());
    let unknown_median = median(unknown.iter().map(|(_, t)| *t).collect());
    println!("sign-in: known {known_median:?}, unknown {unknown_median:?}");
    assert!(
        close(known_median, unknown_median, 3, Duration::from_millis(5)),
        "known {known_median:?} against unknown {unknown_median:?}: an unknown address is \
         checked against a dummy hash"
    );

    // Without the quarter of an hour: the backoff slows both addresses alike (100 ms a failure).
    for email in [KNOWN, UNKNOWN] {
        let (status, _, _, took) = timed(
            app,
            "/admin/login",
            &[("email", email), ("password", WRONG)],
        )
        .await;
        assert_eq!(status, 400);
        assert!(took >= Duration::from_millis(100), "{email}: {took:?}");
    }

    // The lock is per typed address too: 100 failures lock an unknown address as a known one,
    // with the same answer (the right password does not help a locked account).
    for email in [KNOWN, UNKNOWN] {
        let key = accounts::address_key(&app.db, email).await.unwrap();
        for _ in 0..100 {
            accounts::record_failure(&app.db, &key).await.unwrap();
        }
    }
    app.clock.advance(901);
    let (status, _, locked, _) = timed(
        app,
        "/admin/login",
        &[("email", KNOWN), ("password", PASSWORD)],
    )
    .await;
    let (unknown_status, _, unknown_locked, _) = timed(
        app,
        "/admin/login",
        &[("email", UNKNOWN), ("password", PASSWORD)],
    )
    .await;
    assert_eq!((status, unknown_status), (400, 400));
    assert_eq!(shape(&locked, KNOWN), shape(&unknown_locked, UNKNOWN));

    // The throttle keeps no address: only keyed hashes, none of them the address.
    let keys: Vec<String> = sqlx::query_scalar("SELECT DISTINCT address_key FROM login_failures")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert!(keys.len() >= 3 && keys.iter().all(|k| !k.contains('@') && k.len() == 32));
    let audited: Vec<String> = sqlx::query_scalar("SELECT object_id FROM audit_log")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert!(audited.iter().all(|o| !o.contains('@')), "{audited:?}");
});

on_both_backends!(
    forgot_password_takes_as_long_with_or_without_an_account,
    |app| {
        app.account(KNOWN, Role::Facilitator).await;
        let (mut known, mut unknown) = (Vec::new(), Vec::new());
        for round in 0..5 {
            // An hour on, so every ask of the known address queues a mail.
            app.clock.advance(3601);
            let order = if round % 2 == 0 {
                [KNOWN, UNKNOWN]
            } else {
                [UNKNOWN, KNOWN]
            };
            for email in order {
                let (status, location, body, took) =
                    timed(app, "/admin/forgot", &[("email", email)]).await;
                let answer = (status, location, body);
                if email == KNOWN {
                    known.push((answer, took));
                } else {
                    unknown.push((answer, took));
                }
            }
        }
        for ((k, _), (u, _)) in known.iter().zip(&unknown) {
            assert_eq!(
                k, u,
                "the same answer for an address with an account and one without"
            );
            assert_eq!((k.0, k.1.as_str()), (303, "/admin/forgot?sent=1"));
        }
        let known_median = median(known.iter().map(|(_, t)| *t).collect());
        let unknown_median = median(unknown.iter().map(|(_, t)| *t).collect());
        println!("forgot: known {known_median:?}, unknown {unknown_median:?}");
        assert!(
            close(known_median, unknown_median, 3, Duration::from_millis(25)),
            "known {known_median:?} against unknown {unknown_median:?}"
        );
        // Nothing slow on the request path: the mails wait in the outbox.
        assert!(
            known_median < Duration::from_millis(500),
            "{known_median:?}"
        );
        let queued: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'password-reset'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(
            queued, 5,
            "one mail for each ask of the known address, none for the other"
        );
        let asked: Vec<(String, String)> = sqlx::query_as(
            "SELECT object_kind, object_id FROM audit_log WHERE action = 'password-reset-asked'",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(asked.len(), 10, "each ask has its audit line");
        assert!(asked.iter().all(|(_, o)| !o.contains('@')));
    }
);

async fn role_of(app: &common::TestApp, id: &str) -> (String, i64) {
    sqlx::query_as("SELECT role, active FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// A help question as the parent's form makes it; returns its id.
async fn question(app: &common::TestApp, text: &str) -> String {
    let input = AskInput {
        theme: Theme::Other,
        message: text.into(),
        callback_phone: None,
        interpreter: None,
        notify_email: None,
    };
    let hash = doorstart::db::new_id();
    doorstart::help::store::create(&app.db, &input, "nl", &hash)
        .await
        .unwrap()
}

async fn set_question(app: &common::TestApp, id: &str, claimed_by: &str, status: &str) {
    sqlx::query("UPDATE help_requests SET claimed_by = $1, status = $2 WHERE id = $3")
        .bind(claimed_by)
        .bind(status)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

on_both_backends!(a_coordinator_manages_accounts_on_the_pages, |app| {
    let c1 = app.account("c1@example.nl", Role::Coordinator).await;
    let f = app.account("f@example.nl", Role::Facilitator).await;
    let cc = app.sign_in("c1@example.nl").await;

    // Invite another coordinator: the role is chosen on the invite form.
    let (status, _, page) = app.get_as(&cc, "/admin/invites").await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"role\"") && page.contains("value=\"coordinator\""));
    let (status, _, _) = app
        .post_as(&cc, "/admin/invites", &[("role", "admin")])
        .await;
    assert_eq!(status, 400, "no such role");
    let (status, _, page) = app
        .post_as(&cc, "/admin/invites", &[("role", "coordinator")])
        .await;
    assert_eq!(status, 200);
    let at = page.find("/admin/invite/").expect("the link is shown");
    let path = page[at..at + 14 + 43].to_string();
    let (status, _, welcome) = app.get_as("", &path).await;
    assert_eq!(status, 200);
    assert!(welcome.contains("Welkom als coördinator"));
    let fields = [
        ("display_name", "Bram"),
        ("email", "c2@example.nl"),
        ("new_password", PASSWORD),
    ];
    assert_eq!(app.post_as("", &path, &fields).await.0, 303);
    let c2: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'c2@example.nl'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(role_of(app, &c2).await, ("coordinator".into(), 1));
    let invited = "SELECT COUNT(*) FROM audit_log WHERE action = 'invite-coordinator'";
    assert_eq!(count(app, invited).await, 1);
    // Mailed (with mail on), a coordinator's invite says so in its own words.
    let to = Some(("new@example.org", doorstart::i18n::Lang::En));
    let token = doorstart::security::tokens::new_token();
    accounts::create_invite_for(&app.db, &token, Role::Coordinator, &c1, 7, to)
        .await
        .unwrap();
    let kind = "SELECT kind FROM mail_outbox WHERE recipient = 'new@example.org'";
    let kind: String = sqlx::query_scalar(kind)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(kind, "invite-coordinator");
    let words = |kind| doorstart::mail::render(kind, doorstart::i18n::Lang::En, "x").text;
    assert!(words(doorstart::mail::Kind::InviteCoordinator).contains("as a coordinator"));
    assert!(words(doorstart::mail::Kind::Invite).contains("as a facilitator"));

    // The accounts page: a form per change, each with its own "yes, I am sure" box.
    let (status, _, page) = app.get_as(&cc, "/admin/accounts").await;
    assert_eq!(status, 200);
    for action in [
        format!("/admin/accounts/{f}/role"),
        format!("/admin/accounts/{f}/deactivate"),
        format!("/admin/accounts/{c2}/role"),
    ] {
        assert!(page.contains(&format!("action=\"{action}\"")), "{action}");
    }
    assert!(page.contains(&format!("id=\"confirm-role-{f}\"")));
    assert!(
        !page.contains(&format!("/admin/accounts/{c1}/")),
        "no change to one's own account"
    );
    assert!(page.contains("Dit ben jij."));

    // Not confirmed: nothing changes, and the page says why.
    let role_path = format!("/admin/accounts/{f}/role");
    let (status, location, _) = app
        .post_as(&cc, &role_path, &[("role", "coordinator")])
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/accounts?done=unconfirmed&account={f}#account-{f}")
    );
    assert_eq!(role_of(app, &f).await.0, "facilitator");
    let (_, _, page) = app.get_as(&cc, location.split('#').next().unwrap()).await;
    assert!(page.contains("Er is niets veranderd. Zet eerst een vinkje"));

    // Facilitator → coordinator → facilitator, each with its audit line and message.
    let confirm = |role: &'static str| [("role", role), ("confirm", "1")];
    let (status, location, _) = app.post_as(&cc, &role_path, &confirm("coordinator")).await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/accounts?done=role&account={f}#account-{f}")
    );
    assert_eq!(role_of(app, &f).await.0, "coordinator");
    let (_, _, page) = app.get_as(&cc, location.split('#').next().unwrap()).await;
    assert!(
        page.contains("Anna heeft nu de rol: Coördinator."),
        "the message"
    );
    let (_, location, _) = app.post_as(&cc, &role_path, &confirm("coordinator")).await;
    assert!(location.contains("done=unchanged"), "{location}");
    app.post_as(&cc, &role_path, &confirm("facilitator")).await;
    assert_eq!(role_of(app, &f).await.0, "facilitator");
    let roles = "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'role-%' AND object_id <> ''";
    assert_eq!(count(app, roles).await, 2);

    // Not oneself: no coordinator leaves themselves without their role or account.
    let own = format!("/admin/accounts/{c1}/role");
    let (_, location, _) = app.post_as(&cc, &own, &confirm("facilitator")).await;
    assert!(location.contains("done=yourself"), "{location}");
    let own = format!("/admin/accounts/{c1}/deactivate");
    let (_, location, _) = app.post_as(&cc, &own, &[("confirm", "1")]).await;
    assert!(location.contains("done=yourself"), "{location}");
    assert_eq!(role_of(app, &c1).await, ("coordinator".into(), 1));

    // The last active coordinator keeps the role and the account.
    assert_eq!(
        accounts::set_role(&app.db, &c1, &c2, Role::Facilitator)
            .await
            .unwrap(),
        Change::Done
    );
    assert_eq!(
        accounts::set_role(&app.db, &c2, &c1, Role::Facilitator)
            .await
            .unwrap(),
        Change::LastCoordinator
    );
    assert_eq!(
        accounts::deactivate(&app.db, &c2, &c1).await.unwrap(),
        Change::LastCoordinator
    );
    // Two coordinators demoting each other at once: one of them stays coordinator.
    let both_coordinators = || async {
        sqlx::query("UPDATE accounts SET role = 'coordinator' WHERE id IN ($1, $2)")
            .bind(&c1)
            .bind(&c2)
            .execute(&app.db.pool)
            .await
            .unwrap();
    };
    for _ in 0..5 {
        both_coordinators().await;
        let (a, b) = tokio::join!(
            accounts::set_role(&app.db, &c1, &c2, Role::Facilitator),
            accounts::set_role(&app.db, &c2, &c1, Role::Facilitator),
        );
        let mut both = [a.unwrap(), b.unwrap()];
        both.sort_by_key(|c| format!("{c:?}"));
        assert_eq!(both, [Change::Done, Change::LastCoordinator]);
        let left = "SELECT COUNT(*) FROM accounts WHERE role = 'coordinator' AND active = 1";
        assert_eq!(count(app, left).await, 1);
    }
    both_coordinators().await;

    // Stopping an account shares the help questions it held (not the solved ones), in the same
    // transaction, each with an audit line, and mails every coordinator without a parent's data.
    let cf = app.sign_in("f@example.nl").await;
    let held_new = question(app, "Mijn geheime vraag over geld").await;
    let held_answered = question(app, "Nog een vraag").await;
    let held_solved = question(app, "Een opgeloste vraag").await;
    let coordinators = question(app, "Een vraag van de coördinator").await;
    set_question(app, &held_new, &f, "new").await;
    set_question(app, &held_answered, &f, "answered").await;
    set_question(app, &held_solved, &f, "solved").await;
    set_question(app, &coordinators, &c1, "new").await;
    let stop = format!("/admin/accounts/{f}/deactivate");
    let (status, location, _) = app.post_as(&cc, &stop, &[("confirm", "1")]).await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/accounts?done=stopped&account={f}#account-{f}")
    );
    let (_, _, page) = app.get_as(&cc, location.split('#').next().unwrap()).await;
    assert!(page.contains("Anna: het account is stopgezet."));
    assert!(page.contains(&format!("action=\"/admin/accounts/{f}/activate\"")));
    for (id, holder) in [
        (&held_new, None),
        (&held_answered, None),
        (&held_solved, Some(f.clone())),
        (&coordinators, Some(c1.clone())),
    ] {
        let now: Option<String> =
            sqlx::query_scalar("SELECT claimed_by FROM help_requests WHERE id = $1")
                .bind(id)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(now, holder);
    }
    let released: Vec<String> = sqlx::query_scalar(
        "SELECT object_id FROM audit_log WHERE action = 'help-released' ORDER BY object_id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    let mut expected = vec![held_new.clone(), held_answered.clone()];
    expected.sort();
    assert_eq!(released, expected);
    let stopped = "SELECT COUNT(*) FROM audit_log WHERE action = 'deactivate'";
    assert_eq!(count(app, stopped).await, 1);
    let mut mails: Vec<(String, String)> = sqlx::query_as(
        "SELECT recipient, link_path FROM mail_outbox WHERE kind = 'account-stopped'",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    mails.sort();
    assert_eq!(
        mails,
        vec![
            ("c1@example.nl".to_string(), "/admin/help".to_string()),
            ("c2@example.nl".to_string(), "/admin/help".to_string()),
        ]
    );
    let mail = doorstart::mail::render(
        doorstart::mail::Kind::AccountStopped,
        doorstart::i18n::Lang::Nl,
        "https://example.org/admin/help",
    );
    assert!(mail.text.contains("gedeelde lijst") && !mail.text.contains("geld"));
    // The stopped account's session has ended and it cannot sign in.
    let (_, location, _) = app.get_as(&cf, "/admin").await;
    assert_eq!(location, "/admin/login");
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "f@example.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    // Stopping it again: no such active account.
    assert_eq!(app.post_as(&cc, &stop, &[("confirm", "1")]).await.0, 404);

    // Re-activated: it can sign in again; what it held stays shared.
    let activate = format!("/admin/accounts/{f}/activate");
    let (_, location, _) = app.post_as(&cc, &activate, &[]).await;
    assert!(location.contains("done=unconfirmed"));
    assert_eq!(role_of(app, &f).await, ("facilitator".into(), 0));
    let (status, location, _) = app.post_as(&cc, &activate, &[("confirm", "1")]).await;
    assert_eq!(status, 303);
    assert!(location.contains("done=activated"), "{location}");
    let (_, _, page) = app.get_as(&cc, location.split('#').next().unwrap()).await;
    assert!(page.contains("Anna: het account werkt weer."));
    assert_eq!(role_of(app, &f).await, ("facilitator".into(), 1));
    app.sign_in("f@example.nl").await;
    let reactivated = "SELECT COUNT(*) FROM audit_log WHERE action = 'reactivate'";
    assert_eq!(count(app, reactivated).await, 1);
    assert_eq!(
        app.post_as(&cc, &activate, &[("confirm", "1")]).await.0,
        404
    );
});

on_both_backends!(hostile_posts_change_no_account, |app| {
    let c = app.account("c@example.nl", Role::Coordinator).await;
    let f = app.account("f@example.nl", Role::Facilitator).await;
    let g = app.account("g@example.nl", Role::Facilitator).await;
    let cf = app.sign_in("f@example.nl").await;
    let cc = app.sign_in("c@example.nl").await;
    let before = count(app, "SELECT COUNT(*) FROM audit_log").await;
    let yes = [("confirm", "1"), ("role", "coordinator")];

    // A facilitator: not found, whatever the account (even their own), and nothing changes.
    for id in [&c, &f, &g] {
        for action in ["role", "deactivate", "activate"] {
            let path = format!("/admin/accounts/{id}/{action}");
            assert_eq!(app.post_as(&cf, &path, &yes).await.0, 404, "{path}");
        }
    }
    assert_eq!(app.post_as(&cf, "/admin/invites", &yes).await.0, 404);
    // Signed out: to the sign-in page.
    let path = format!("/admin/accounts/{g}/role");
    let (status, location, _) = app.post_as("", &path, &yes).await;
    assert!(
        status == 303 && location == "/admin/login",
        "{status} {location}"
    );

    // A coordinator: an id that is no account, or cannot be one, is not found.
    let nobody = doorstart::db::new_id();
    for id in [nobody.as_str(), "..%2Fadmin", "1 OR 1=1", "x"] {
        for action in ["role", "deactivate", "activate"] {
            let path = format!("/admin/accounts/{id}/{action}");
            assert_eq!(app.post_as(&cc, &path, &yes).await.0, 404, "{path}");
        }
    }
    // A role that is none: refused.
    let path = format!("/admin/accounts/{g}/role");
    let bad = [("confirm", "1"), ("role", "admin")];
    assert_eq!(app.post_as(&cc, &path, &bad).await.0, 400);

    for id in [&f, &g] {
        assert_eq!(role_of(app, id).await, ("facilitator".into(), 1));
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM invites").await, 0);
    assert_eq!(count(app, "SELECT COUNT(*) FROM audit_log").await, before);
});

on_both_backends!(
    help_unanswered_for_two_days_goes_to_the_coordinators_once,
    |app| {
        use doorstart::help::escalate::{escalate_pass, LINK};
        app.account("c1@example.nl", Role::Coordinator).await;
        app.account("c2@example.nl", Role::Coordinator).await;
        app.account("f@example.nl", Role::Facilitator).await;
        let stopped = app.account("old@example.nl", Role::Coordinator).await;
        sqlx::query("UPDATE accounts SET active = 0 WHERE id = $1")
            .bind(&stopped)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let waiting = question(app, "Mijn huisbaas wil dat ik vertrek").await;
        let answered = question(app, "Een vraag met antwoord").await;
        doorstart::help::store::add_message(&app.db, &answered, false, "Een antwoord")
            .await
            .unwrap();
        let mails = || async {
            let mut rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT recipient, link_path FROM mail_outbox WHERE kind = 'help-escalated'",
            )
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
            rows.sort();
            rows
        };

        // Not yet 2 days: nothing.
        app.clock.advance(2 * 86_400 - 60);
        assert_eq!(escalate_pass(&app.db).await.unwrap(), 0);
        app.clock.advance(60);
        let later = question(app, "Een latere vraag").await;
        // Two instances at once: the question goes up once, one mail to each active coordinator.
        let (other_db, _) = app.separate_instance().await;
        let (a, b) = tokio::join!(escalate_pass(&app.db), escalate_pass(&other_db));
        assert_eq!(a.unwrap() + b.unwrap(), 1);
        let link = LINK.to_string();
        assert_eq!(
            mails().await,
            vec![
                ("c1@example.nl".to_string(), link.clone()),
                ("c2@example.nl".to_string(), link.clone()),
            ]
        );
        let escalated: Vec<String> =
            sqlx::query_scalar("SELECT id FROM help_requests WHERE escalated_at IS NOT NULL")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(escalated, vec![waiting.clone()]);
        // Once: a later pass does not mail about it again.
        app.clock.advance(86_400);
        assert_eq!(escalate_pass(&app.db).await.unwrap(), 0);
        // The later question after its 2 days; the answered one when the parent's follow-up waits.
        doorstart::help::store::add_message(&app.db, &answered, true, "Nog een vraag")
            .await
            .unwrap();
        app.clock.advance(2 * 86_400);
        assert_eq!(escalate_pass(&other_db).await.unwrap(), 2);
        assert_eq!(mails().await.len(), 4, "one mail per coordinator per pass");
        assert_eq!(escalate_pass(&app.db).await.unwrap(), 0);
        let mail = doorstart::mail::render(
            doorstart::mail::Kind::HelpEscalated,
            doorstart::i18n::Lang::Nl,
            "https://example.org/admin/help?status=new&older=2",
        );
        assert!(mail.text.contains("2 dagen") && !mail.text.contains("huisbaas"));
        let _ = later;
        other_db.pool.close().await;
    }
);
