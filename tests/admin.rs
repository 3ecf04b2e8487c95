//! The facilitator side on both databases: sign-in, sessions, throttling, roles and
//! ownership (IDOR), invites, deactivation, the join inbox and the audit log.
mod common;

use doorstart::accounts::model::Role;
use doorstart::accounts::store as accounts;
use doorstart::groups::model::{Rhythm, Weekday};
use doorstart::groups::store::{self, NewGroup};

use common::PASSWORD;

async fn group_with_request(
    app: &common::TestApp,
    owner: &str,
    name: &str,
    parent: &str,
) -> String {
    let id = store::insert(
        &app.db,
        &NewGroup {
            name,
            municipality: "Almelo",
            address: "Teststraat 1",
            pc4: 7607,
            lat: 52.35,
            lon: 6.66,
            weekday: Weekday::new(2).unwrap(),
            start_minute: 600,
            rhythm: Rhythm::Weekly,
            ages: (4, 12),
            languages: &["nl"],
            children_welcome: true,
            childcare: false,
            cost_cents: 0,
            online: false,
            audience: Default::default(),
            facilitator_name: "X",
            texts: &[],
        },
    )
    .await
    .unwrap();
    store::set_owner(&app.db, &id, owner).await.unwrap();
    let input = doorstart::groups::join::JoinInput {
        token: doorstart::security::tokens::new_token(),
        first_name: parent.into(),
        contact: doorstart::groups::join::Contact::Phone("0612345678".into()),
        language: "nl".into(),
        children: Some(1),
        child_ages: vec![5],
        referral: "unknown".into(),
    };
    store::insert_join_request(&app.db, &id, &input.token, &input)
        .await
        .unwrap();
    let request: String = sqlx::query_scalar("SELECT id FROM join_requests WHERE first_name = $1")
        .bind(parent)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    request
}

on_both_backends!(sign_in_session_and_sign_out, |app| {
    app.account("coord@example.nl", Role::Coordinator).await;
    let (status, location, _) = app.get_as("", "/admin").await;
    assert!(status == 302 || status == 303, "{status}");
    assert_eq!(location, "/admin/login");

    // Wrong password and unknown e-mail: the same answer.
    let wrong = app
        .client
        .post(app.url("/admin/login"))
        .form(&[
            ("email", "coord@example.nl"),
            ("password", "not the right one at all"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 400);
    assert!(wrong.headers().get("set-cookie").is_none());
    let wrong_body = wrong.text().await.unwrap();
    let unknown = app
        .client
        .post(app.url("/admin/login"))
        .form(&[
            ("email", "nobody@example.nl"),
            ("password", "not the right one at all"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status().as_u16(), 400);
    let unknown_body = unknown.text().await.unwrap();
    assert!(wrong_body.contains("Het e-mailadres of het wachtwoord klopt niet."));
    assert!(unknown_body.contains("Het e-mailadres of het wachtwoord klopt niet."));
    assert!(
        !wrong_body.contains("not the right one"),
        "the password is never sent back"
    );

    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", " Coord@Example.nl "), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let set = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(set.starts_with("__Host-doorstart="), "{set}");
    for part in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(part), "{part} in {set}");
    }
    let cookie = set.split(';').next().unwrap().to_string();
    let (status, _, body) = app.get_as(&cookie, "/admin").await;
    assert_eq!(status, 200);
    assert!(body.contains("Aanmeldingen"));
    let res = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");

    // A second sign-in gets another session id.
    let other = app.sign_in("coord@example.nl").await;
    assert_ne!(other, cookie);

    // Signing out ends the session on the server: the old cookie no longer works.
    let (status, location, _) = app.post_as(&cookie, "/admin/logout", &[]).await;
    assert_eq!((status, location.as_str()), (303, "/admin/login"));
    let (status, location, _) = app.get_as(&cookie, "/admin").await;
    assert!(status == 302 || status == 303);
    assert_eq!(location, "/admin/login");

    // The absolute timeout: 12 hours after signing in.
    let (status, _, _) = app.get_as(&other, "/admin").await;
    assert_eq!(status, 200);
    app.clock.advance(12 * 3600 + 1);
    let (_, location, _) = app.get_as(&other, "/admin").await;
    assert_eq!(location, "/admin/login");
});

on_both_backends!(facilitators_see_only_their_own, |app| {
    let a = app.account("a@example.nl", Role::Facilitator).await;
    let b = app.account("b@example.nl", Role::Facilitator).await;
    app.account("coord@example.nl", Role::Coordinator).await;
    group_with_request(app, &a, "Groep van A", "Ouder-A").await;
    let b_request = group_with_request(app, &b, "Groep van B", "Ouder-B").await;

    let ca = app.sign_in("a@example.nl").await;
    let (_, _, inbox) = app.get_as(&ca, "/admin").await;
    assert!(inbox.contains("Ouder-A"));
    assert!(!inbox.contains("Ouder-B"), "A does not see B's requests");

    // A cannot change B's request: 404, and nothing changed.
    let (status, _, _) = app
        .post_as(
            &ca,
            &format!("/admin/requests/{b_request}/status"),
            &[("status", "contacted")],
        )
        .await;
    assert_eq!(status, 404);
    let st: String = sqlx::query_scalar("SELECT status FROM join_requests WHERE id = $1")
        .bind(&b_request)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(st, "received");
    // Nor hand it over, nor use the coordinator's pages.
    for path in ["/admin/accounts", "/admin/audit", "/admin/invites"] {
        let (status, _, _) = app.get_as(&ca, path).await;
        assert_eq!(status, 404, "{path}");
    }
    for path in [
        format!("/admin/requests/{b_request}/assign"),
        "/admin/invites".to_string(),
        format!("/admin/accounts/{b}/deactivate"),
        format!("/admin/accounts/{b}/activate"),
        format!("/admin/accounts/{b}/role"),
    ] {
        let form = [
            ("account", a.as_str()),
            ("confirm", "1"),
            ("role", "coordinator"),
        ];
        let (status, _, _) = app.post_as(&ca, &path, &form).await;
        assert_eq!(status, 404, "{path}");
    }

    // B can, and the parent's status page follows.
    let cb = app.sign_in("b@example.nl").await;
    let (status, location, _) = app
        .post_as(
            &cb,
            &format!("/admin/requests/{b_request}/status"),
            &[("status", "contacted")],
        )
        .await;
    // Back at the request's card in the inbox, which says what was done there.
    let at_card = format!("/admin?done=contacted&item={b_request}#request-{b_request}");
    assert_eq!((status, location.as_str()), (303, at_card.as_str()));
    let (_, _, inbox) = app.get_as(&cb, &location).await;
    let card = &inbox[inbox.find(&format!(r#"id="request-{b_request}""#)).unwrap()..];
    assert!(card[..card.find("</li>").unwrap()].contains("Opgeslagen: contact opgenomen."));
    let st: String = sqlx::query_scalar("SELECT status FROM join_requests WHERE id = $1")
        .bind(&b_request)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(st, "contacted");

    // The coordinator sees both and hands B's request to A; then A sees it.
    let cc = app.sign_in("coord@example.nl").await;
    let (_, _, inbox) = app.get_as(&cc, "/admin").await;
    assert!(inbox.contains("Ouder-A") && inbox.contains("Ouder-B"));
    let (status, _, _) = app
        .post_as(
            &cc,
            &format!("/admin/requests/{b_request}/assign"),
            &[("account", a.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let (_, _, inbox) = app.get_as(&ca, "/admin").await;
    assert!(inbox.contains("Ouder-B"));

    // The audit log names actions and ids, no personal content.
    let (status, _, audit) = app.get_as(&cc, "/admin/audit").await;
    assert_eq!(status, 200);
    assert!(audit.contains("join-contacted"));
    let texts: Vec<String> = sqlx::query_scalar(
        "SELECT action || ' ' || object_kind || ' ' || object_id FROM audit_log",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert!(texts
        .iter()
        .all(|t| !t.contains("Ouder") && !t.contains("0612345678") && !t.contains('@')));
});

on_both_backends!(throttling_per_account_and_client, |app| {
    app.account("coord@example.nl", Role::Coordinator).await;
    // Failures are counted per typed address (a keyed hash of it, however it was typed).
    let key = accounts::address_key(&app.db, " Coord@Example.nl")
        .await
        .unwrap();
    for _ in 0..100 {
        accounts::record_failure(&app.db, &key).await.unwrap();
    }
    // Even the right password is refused while the account has 100 failures this hour, with
    // the very answer an unknown address gets (a locked account does not reveal it exists).
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "coord@example.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let locked = (res.status().as_u16(), res.text().await.unwrap());
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "nobody@example.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let unknown = (res.status().as_u16(), res.text().await.unwrap());
    assert_eq!(locked.0, 400);
    assert_eq!(locked.0, unknown.0);
    let message = |page: &str| page.contains("klopt niet") && !page.contains("Te veel");
    assert!(message(&locked.1) && message(&unknown.1));
    app.clock.advance(3601);
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "coord@example.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "an hour later it works again");

    // Per client: 20 tries in 15 minutes (the sign-ins above counted three).
    let mut last = 0;
    for n in 0..18 {
        let res = app
            .client
            .post(app.url("/admin/login"))
            .form(&[
                ("email", format!("x{n}@example.nl")),
                ("password", "whatever whatever".into()),
            ])
            .send()
            .await
            .unwrap();
        last = res.status().as_u16();
    }
    assert_eq!(last, 429);
});

on_both_backends!(invite_accept_and_deactivate, |app| {
    app.account("coord@example.nl", Role::Coordinator).await;
    let cc = app.sign_in("coord@example.nl").await;
    let (status, _, page) = app.post_as(&cc, "/admin/invites", &[]).await;
    assert_eq!(status, 200);
    let at = page.find("/admin/invite/").expect("the link is shown");
    let token = page[at + 14..at + 14 + 43].to_string();
    let path = format!("/admin/invite/{token}");
    let (status, _, _) = app.get_as("", &path).await;
    assert_eq!(status, 200);

    let (status, _, body) = app
        .post_as(
            "",
            &path,
            &[
                ("display_name", "Fatima"),
                ("email", "f@example.nl"),
                ("new_password", "short"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Het wachtwoord is te kort."));
    let (status, _, body) = app
        .post_as(
            "",
            &path,
            &[
                ("display_name", "Fatima"),
                ("email", "f@example.nl"),
                ("new_password", "yfdbufnjh10305070"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Dit wachtwoord wordt te vaak gebruikt."));

    let res = app
        .client
        .post(app.url(&path))
        .form(&[
            ("display_name", "Fatima"),
            ("email", "f@example.nl"),
            ("new_password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let cf = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let (status, _, _) = app.get_as(&cf, "/admin").await;
    assert_eq!(status, 200, "signed in after accepting");
    // The invite works once.
    let (status, _, _) = app.get_as("", &path).await;
    assert_eq!(status, 404);

    // The coordinator stops the account: its session ends.
    let id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'f@example.nl'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let (status, _, _) = app
        .post_as(
            &cc,
            &format!("/admin/accounts/{id}/deactivate"),
            &[("confirm", "1")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, location, _) = app.get_as(&cf, "/admin").await;
    assert_eq!(location, "/admin/login");

    // An invite expires after 7 days.
    let (_, _, page) = app.post_as(&cc, "/admin/invites", &[]).await;
    let at = page.find("/admin/invite/").unwrap();
    let late = page[at..at + 14 + 43].to_string();
    app.clock.advance(7 * 86_400 + 1);
    let (status, _, _) = app.get_as("", &late).await;
    assert_eq!(status, 404);
});

on_both_backends!(change_password, |app| {
    app.account("f@example.nl", Role::Facilitator).await;
    let cookie = app.sign_in("f@example.nl").await;
    let (status, _, body) = app
        .post_as(
            &cookie,
            "/admin/password",
            &[
                ("current_password", "wrong wrong wrong"),
                ("new_password", "another long sentence here"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Je huidige wachtwoord klopt niet."));
    let (status, _, body) = app
        .post_as(
            &cookie,
            "/admin/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "too short"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Het wachtwoord is te kort."));
    let (status, location, _) = app
        .post_as(
            &cookie,
            "/admin/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "another long sentence here"),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin?password=changed")
    );
    let old = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", "f@example.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        old.status().as_u16(),
        400,
        "the old password no longer works"
    );
    let new = app
        .client
        .post(app.url("/admin/login"))
        .form(&[
            ("email", "f@example.nl"),
            ("password", "another long sentence here"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(new.status().as_u16(), 303);
});

// A password change ends the account's other sessions; the idle timeout slides with activity
// (every signed-in answer renews the session cookie); an invite that cannot be used is refused
// before any password is hashed.
on_both_backends!(sessions_end_with_a_password_change_and_slide, |app| {
    app.account("f@example.nl", Role::Facilitator).await;
    let phone = app.sign_in("f@example.nl").await;
    let laptop = app.sign_in("f@example.nl").await;
    let res = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &laptop)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let renewed = res
        .headers()
        .get("set-cookie")
        .map(|c| c.to_str().unwrap().to_string());
    assert!(
        renewed.is_some_and(|c| c.starts_with("__Host-doorstart=") && c.contains("Max-Age")),
        "the session is saved again, so its idle time starts again"
    );
    let res = app
        .client
        .post(app.url("/admin/password"))
        .header("cookie", &laptop)
        .form(&[
            ("current_password", PASSWORD),
            ("new_password", "another long sentence here"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let laptop = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    let laptop = laptop.split(';').next().unwrap().to_string();
    let (status, location, _) = app.get_as(&phone, "/admin").await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/login"),
        "the other session ended"
    );
    assert_eq!(
        app.get_as(&laptop, "/admin").await.0,
        200,
        "this one goes on"
    );

    let unknown = doorstart::security::tokens::new_token();
    let (status, _, body) = app
        .post_as(
            "",
            &format!("/admin/invite/{unknown}"),
            &[
                ("display_name", "Kim"),
                ("email", "kim@example.nl"),
                ("new_password", "a long enough sentence for this"),
            ],
        )
        .await;
    assert_eq!(status, 404, "an unknown invite is not found: {body}");
});
