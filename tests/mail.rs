//! Mail through a real SMTP conversation: a tiny SMTP sink started by each test (no mock of the
//! sending code), the outbox written with the event, retries with backoff, claims with a lease,
//! never sent twice after a stop, on both databases.
mod common;
#[path = "common/sink.rs"]
mod sink;

use doorstart::accounts::model::Role;
use doorstart::i18n::Lang;
use doorstart::mail::send::deliver_due;
use doorstart::mail::{outbox, Kind, Mailer};
use sink::{Sink, PUBLIC};

async fn states(app: &common::TestApp) -> Vec<(String, i64)> {
    outbox::counts(&app.db).await.unwrap()
}

async fn enqueue(app: &common::TestApp, to: &str) {
    let mut conn = app.db.pool.acquire().await.unwrap();
    outbox::enqueue(
        &mut conn,
        app.db.now(),
        to,
        Lang::Nl,
        Kind::JoinNew,
        "/admin",
    )
    .await
    .unwrap();
}

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

on_both_backends!(
    a_join_request_mails_the_facilitator_without_personal_data,
    |app| {
        let anna = app.account("anna@example.org", Role::Facilitator).await;
        app.account("coord@example.org", Role::Coordinator).await;
        let group = common::add_group(app, "Almelo").await;
        doorstart::groups::store::set_owner(&app.db, &group, &anna)
            .await
            .unwrap();
        // Anna signs in in English: her mails are in English.
        let res = app
            .client
            .post(app.url("/admin/login?lang=en"))
            .form(&[
                ("email", "anna@example.org"),
                ("password", common::PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);

        let (_, form) = app.page(&format!("/groups/{group}/join")).await;
        let token = token_from(&form);
        let fields = [
            ("token", token.as_str()),
            ("website", ""),
            ("first_name", "Sanne"),
            ("contact_kind", "phone"),
            ("phone", "06 12345678"),
            ("language", "nl"),
            ("child_count", "2"),
            ("child_ages", "5, 8"),
            ("consent", "yes"),
        ];
        let (status, _, _) = app
            .post_as("", &format!("/groups/{group}/join"), &fields)
            .await;
        assert_eq!(status, 303);
        // Written with the request: one waiting mail, to the owner only (not the coordinator).
        assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);
        // The same post again stores nothing and queues nothing.
        app.post_as("", &format!("/groups/{group}/join"), &fields)
            .await;
        assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);

        let sink = Sink::start(0).await;
        let pass = deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(pass.sent, 1);
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["anna@example.org".to_string()]);
        let data = &got[0].data;
        assert!(
            data.contains("Subject: New join request for your group"),
            "{data}"
        );
        assert!(data.contains("Content-Type: text/plain"), "{data}");
        assert!(data.contains("Content-Type: text/html"), "{data}");
        assert!(data.contains(&format!("{PUBLIC}/admin")), "{data}");
        for personal in ["Sanne", "12345678", "06 12", "5, 8"] {
            assert!(!data.contains(personal), "{personal} in a mail");
        }
        // Sent rows are gone; another pass sends nothing.
        assert!(states(app).await.is_empty());
        let again = deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(again.sent, 0);
        assert_eq!(sink.received().len(), 1);
    }
);

on_both_backends!(
    a_group_without_owner_mails_the_coordinators_in_dutch,
    |app| {
        app.account("coord@example.org", Role::Coordinator).await;
        let group = common::add_group(app, "Almelo").await;
        let input = doorstart::groups::join::JoinInput {
            token: doorstart::security::tokens::new_token(),
            first_name: "Sanne".into(),
            contact: doorstart::groups::join::Contact::Phone("0612345678".into()),
            language: "nl".into(),
            children: Some(1),
            child_ages: vec![5],
            referral: "unknown".into(),
        };
        doorstart::groups::store::insert_join_request(&app.db, &group, &input.token, &input)
            .await
            .unwrap();
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["coord@example.org".to_string()]);
        assert!(
            got[0].data.contains("Subject: Nieuwe aanmelding"),
            "{}",
            got[0].data
        );
    }
);

on_both_backends!(a_refused_try_waits_longer_and_is_sent_later, |app| {
    enqueue(app, "anna@example.org").await;
    let sink = Sink::start(1).await;
    let mailer = sink.mailer();
    let first = deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
    assert_eq!((first.sent, first.again), (0, 1));
    assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);
    // Not due yet: the backoff holds it back.
    app.clock.advance(30);
    let early = deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
    assert_eq!((early.sent, early.again), (0, 0));
    app.clock.advance(outbox::backoff_seconds(0));
    let later = deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
    assert_eq!(later.sent, 1);
    assert_eq!(sink.received().len(), 1);
    assert!(states(app).await.is_empty());
});

on_both_backends!(with_the_smtp_server_down_nothing_is_lost, |app| {
    enqueue(app, "anna@example.org").await;
    // A port where nobody listens.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let down = Mailer::new(
        &format!("smtp://127.0.0.1:{closed}"),
        "noreply@doorstart.example",
    )
    .unwrap();
    let pass = deliver_due(&app.db, &down, PUBLIC).await.unwrap();
    assert_eq!((pass.sent, pass.again), (0, 1));
    assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);
    // After a restart (a new mailer on the same database) the mail goes out once.
    let sink = Sink::start(0).await;
    app.clock.advance(outbox::backoff_seconds(0));
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    assert_eq!(sink.received().len(), 1);
});

on_both_backends!(
    a_stop_mid_send_never_sends_twice_and_a_lost_claim_is_taken_over,
    |app| {
        // Row A: a sender stopped while handing it over (state 'sending', lease past). Row B: a
        // sender stopped after claiming it, before sending (state 'waiting', lease held).
        enqueue(app, "a@example.org").await;
        enqueue(app, "b@example.org").await;
        let now = app.db.now();
        sqlx::query(
            "UPDATE mail_outbox SET state = 'sending', claim = 'dead', claimed_until = $1 \
         WHERE recipient = 'a@example.org'",
        )
        .bind(now + outbox::LEASE_SECONDS)
        .execute(&app.db.pool)
        .await
        .unwrap();
        sqlx::query(
        "UPDATE mail_outbox SET claim = 'dead', claimed_until = $1 WHERE recipient = 'b@example.org'",
    )
    .bind(now + outbox::LEASE_SECONDS)
    .execute(&app.db.pool)
    .await
    .unwrap();
        let sink = Sink::start(0).await;
        let mailer = sink.mailer();
        // While the leases hold, another instance leaves both alone.
        let held = deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
        assert_eq!((held.sent, held.uncertain), (0, 0));
        assert!(sink.received().is_empty());
        // After the lease: B is sent by the new pass, A is never sent again.
        app.clock.advance(outbox::LEASE_SECONDS + 1);
        let after = deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
        assert_eq!((after.sent, after.uncertain), (1, 1));
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["b@example.org".to_string()]);
        assert_eq!(states(app).await, vec![("uncertain".to_string(), 1)]);
        // Rows that could not be sent do not keep the address for long.
        app.clock.advance(outbox::KEEP_SECONDS);
        deliver_due(&app.db, &mailer, PUBLIC).await.unwrap();
        assert!(states(app).await.is_empty());
    }
);

on_both_backends!(two_instances_send_each_mail_once, |app| {
    for n in 0..12 {
        enqueue(app, &format!("f{n}@example.org")).await;
    }
    let sink = Sink::start(0).await;
    let (m1, m2) = (sink.mailer(), sink.mailer());
    let (a, b) = tokio::join!(
        deliver_due(&app.db, &m1, PUBLIC),
        deliver_due(&app.db, &m2, PUBLIC)
    );
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 12);
    let mut to: Vec<String> = sink.received().into_iter().flat_map(|r| r.to).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 12);
    assert_eq!(sink.received().len(), 12);
});

on_both_backends!(the_coordinator_is_told_when_mail_is_off, |app| {
    // The tests run without DOORSTART_SMTP_URL. A coordinator can have it turned on; a
    // facilitator cannot, and is not bothered with it.
    app.account("anna@example.org", Role::Facilitator).await;
    let cookie = app.sign_in("anna@example.org").await;
    let (status, _, body) = app.get_as(&cookie, "/admin").await;
    assert_eq!(status, 200);
    assert!(!body.contains("id=\"mail-off\""), "{body}");
    app.account("coord@example.org", Role::Coordinator).await;
    let cookie = app.sign_in("coord@example.org").await;
    let (status, _, body) = app.get_as(&cookie, "/admin").await;
    assert_eq!(status, 200);
    assert!(body.contains("id=\"mail-off\""), "{body}");
});

/// A join request stored as the form would; returns (request id, status token).
async fn join(
    app: &common::TestApp,
    group: &str,
    contact: doorstart::groups::join::Contact,
    language: &str,
) -> (String, String) {
    let input = doorstart::groups::join::JoinInput {
        token: doorstart::security::tokens::new_token(),
        first_name: "Sanne".into(),
        contact,
        language: language.into(),
        children: Some(1),
        child_ages: vec![5],
        referral: "unknown".into(),
    };
    doorstart::groups::store::insert_join_request(&app.db, group, &input.token, &input)
        .await
        .unwrap();
    let id: String = sqlx::query_scalar("SELECT id FROM join_requests WHERE token_hash = $1")
        .bind(doorstart::security::tokens::hash_token(&input.token))
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    (id, input.token)
}

async fn facilitator_with_group(app: &common::TestApp) -> String {
    let anna = app.account("anna@example.org", Role::Facilitator).await;
    let group = common::add_group(app, "Almelo").await;
    doorstart::groups::store::set_owner(&app.db, &group, &anna)
        .await
        .unwrap();
    group
}

on_both_backends!(
    the_deadline_reminds_the_next_morning_then_moves_to_the_coordinator,
    |app| {
        use doorstart::groups::join::Contact;
        use doorstart::groups::store::deadline_pass;
        app.account("coord@example.org", Role::Coordinator).await;
        let group = facilitator_with_group(app).await;
        // Monday 12:00.
        let (_, token) = join(app, &group, Contact::Phone("0612345678".into()), "nl").await;
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(sink.received().len(), 1, "the new request");
        // Nothing the same day, nor at 07:59 the next morning.
        let morning = doorstart::groups::join::reminder_at(app.db.now());
        app.clock.advance(morning - 60 - app.db.now());
        assert_eq!(deadline_pass(&app.db).await.unwrap().reminded, 0);
        app.clock.advance(60);
        assert_eq!(deadline_pass(&app.db).await.unwrap().reminded, 1);
        assert_eq!(deadline_pass(&app.db).await.unwrap().reminded, 0, "once");
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].to, vec!["anna@example.org".to_string()]);
        assert!(
            got[1].data.contains("Subject: Herinnering"),
            "{}",
            got[1].data
        );
        // The status page still shows the promised date.
        let (_, page) = app.page(&format!("/join/{token}")).await;
        assert!(page.contains("binnen 7 dagen"), "{page}");
        // Past the 7 days: the request moves to the coordinator, who is mailed.
        app.clock.advance(7 * 86_400);
        let pass = deadline_pass(&app.db).await.unwrap();
        assert_eq!(pass.escalated, 1);
        assert_eq!(deadline_pass(&app.db).await.unwrap().escalated, 0, "once");
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].to, vec!["coord@example.org".to_string()]);
        assert!(!got[2].data.contains("Sanne") && !got[2].data.contains("12345678"));
        // The coordinator's list shows who had it; the facilitator's list no longer has it.
        let coord = app.sign_in("coord@example.org").await;
        let (_, _, inbox) = app.get_as(&coord, "/admin").await;
        assert!(
            inbox.contains("Sanne") && inbox.contains("Was bij Anna"),
            "{inbox}"
        );
        let anna = app.sign_in("anna@example.org").await;
        let (_, _, inbox) = app.get_as(&anna, "/admin").await;
        assert!(!inbox.contains("Sanne"), "{inbox}");
        // The parent's page says what happens now instead of a date in the past.
        let (_, page) = app.page(&format!("/join/{token}")).await;
        assert!(page.contains("ligt nu bij de coördinator"), "{page}");
        assert!(!page.contains("binnen 7 dagen"), "{page}");
    }
);

on_both_backends!(
    i_will_just_come_promises_no_contact_and_has_no_deadline,
    |app| {
        use doorstart::groups::join::Contact;
        use doorstart::groups::store::deadline_pass;
        app.account("coord@example.org", Role::Coordinator).await;
        let group = facilitator_with_group(app).await;
        let (_, token) = join(app, &group, Contact::AtMeeting, "nl").await;
        let (_, page) = app.page(&format!("/join/{token}")).await;
        assert!(page.contains("Daarom belt of mailt niemand je"), "{page}");
        assert!(!page.contains("binnen 7 dagen"), "{page}");
        app.clock.advance(30 * 86_400);
        let pass = deadline_pass(&app.db).await.unwrap();
        assert_eq!((pass.reminded, pass.escalated), (0, 0));
        let (_, page) = app.page(&format!("/join/{token}")).await;
        assert!(!page.contains("ligt nu bij de coördinator"), "{page}");
    }
);

on_both_backends!(
    a_parent_who_left_an_email_hears_of_contact_in_their_language,
    |app| {
        use doorstart::groups::join::Contact;
        let group = facilitator_with_group(app).await;
        let (id, _) = join(
            app,
            &group,
            Contact::Email("sanne@example.net".into()),
            "en",
        )
        .await;
        let (phone_id, _) = join(app, &group, Contact::Phone("0612345678".into()), "en").await;
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(sink.received().len(), 2, "two new requests for Anna");
        let anna = app.sign_in("anna@example.org").await;
        for request in [&id, &phone_id] {
            let (status, _, _) = app
                .post_as(
                    &anna,
                    &format!("/admin/requests/{request}/status"),
                    &[("status", "contacted")],
                )
                .await;
            assert_eq!(status, 303);
        }
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 3, "only the parent who left an e-mail address");
        assert_eq!(got[2].to, vec!["sanne@example.net".to_string()]);
        assert!(
            got[2].data.contains("Subject: News about your request"),
            "{}",
            got[2].data
        );
        assert!(got[2].data.contains("Content-Type: text/plain"));
        assert!(!got[2].data.contains("Sanne"), "no name in the mail");
    }
);

on_both_backends!(
    new_help_questions_reach_facilitators_at_most_hourly,
    |app| {
        use doorstart::help::digest::{digest_pass, DIGEST_EVERY};
        app.account("anna@example.org", Role::Facilitator).await;
        app.account("coord@example.org", Role::Coordinator).await;
        assert_eq!(digest_pass(&app.db).await.unwrap(), 0, "nothing new");
        let ask = |text: &'static str| async move {
            let (status, _, _) = app
                .post_as("", "/help", &[("theme", "money"), ("message", text)])
                .await;
            assert_eq!(status, 200);
        };
        ask("Mijn geheime vraag over schulden").await;
        ask("Nog een vraag").await;
        assert_eq!(
            digest_pass(&app.db).await.unwrap(),
            1,
            "one digest for two questions"
        );
        assert_eq!(digest_pass(&app.db).await.unwrap(), 0);
        // Another question within the hour: no second mail yet.
        app.clock.advance(600);
        ask("Derde vraag").await;
        assert_eq!(
            digest_pass(&app.db).await.unwrap(),
            0,
            "at most one an hour"
        );
        app.clock.advance(DIGEST_EVERY);
        assert_eq!(digest_pass(&app.db).await.unwrap(), 1);
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 2);
        for mail in &got {
            assert_eq!(mail.to, vec!["anna@example.org".to_string()]);
            assert!(mail.data.contains(&format!("{PUBLIC}/admin/help")));
            assert!(!mail.data.contains("geheime") && !mail.data.contains("schulden"));
        }
    }
);

on_both_backends!(
    a_forgotten_password_is_reset_by_a_one_hour_single_use_link,
    |app| {
        app.account("anna@example.org", Role::Facilitator).await;
        let old_session = app.sign_in("anna@example.org").await;
        let (status, page) = app.page("/admin/forgot").await;
        assert_eq!(status, 200);
        assert!(page.contains("action=\"/admin/forgot\""));
        let (_, login) = app.page("/admin/login").await;
        assert!(login.contains("href=\"/admin/forgot\""));
        // An unknown address gets the same answer, and no mail.
        let (status, location, _) = app
            .post_as("", "/admin/forgot", &[("email", "nobody@example.org")])
            .await;
        assert_eq!((status, location.as_str()), (303, "/admin/forgot?sent=1"));
        assert!(states(app).await.is_empty());
        // Not an address: the form again with a message, 400.
        let (status, _, _) = app.post_as("", "/admin/forgot", &[("email", "nope")]).await;
        assert_eq!(status, 400);
        let (status, location, _) = app
            .post_as("", "/admin/forgot", &[("email", "Anna@Example.org")])
            .await;
        assert_eq!((status, location.as_str()), (303, "/admin/forgot?sent=1"));
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["anna@example.org".to_string()]);
        let data = got[0].data.replace("=\n", "");
        let at = data.find(&format!("{PUBLIC}/admin/reset/")).expect("link");
        let start = at + PUBLIC.len();
        let path = &data[start..start + "/admin/reset/".len() + 43];
        let (status, page) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(page.contains("new_password"));
        // A weak password: the form again.
        let (status, _, _) = app.post_as("", path, &[("new_password", "kort")]).await;
        assert_eq!(status, 400);
        let new = "another sentence that is long enough";
        let (status, location, _) = app.post_as("", path, &[("new_password", new)]).await;
        assert_eq!(
            (status, location.as_str()),
            (303, "/admin/login?reset=done")
        );
        // Single use; the old session has ended; the new password works.
        let (status, _, _) = app.post_as("", path, &[("new_password", new)]).await;
        assert_eq!(status, 404);
        assert_eq!(app.page(path).await.0, 404);
        let (status, location, _) = app.get_as(&old_session, "/admin").await;
        assert!(
            status == 303 && location.starts_with("/admin/login"),
            "{status} {location}"
        );
        let res = app
            .client
            .post(app.url("/admin/login"))
            .form(&[("email", "anna@example.org"), ("password", new)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
        // A link older than an hour no longer works; at most 3 links an hour per account.
        app.clock.advance(3 * 3600);
        for _ in 0..5 {
            app.post_as("", "/admin/forgot", &[("email", "anna@example.org")])
                .await;
        }
        assert_eq!(states(app).await, vec![("waiting".to_string(), 3)]);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let data = sink.received()[1].data.replace("=\n", "");
        let at = data.find(&format!("{PUBLIC}/admin/reset/")).expect("link") + PUBLIC.len();
        let path = data[at..at + "/admin/reset/".len() + 43].to_string();
        app.clock.advance(3601);
        assert_eq!(app.page(&path).await.0, 404, "expired after an hour");
        let (status, _, _) = app.post_as("", &path, &[("new_password", new)]).await;
        assert_eq!(status, 404);
    }
);

// "There is an answer": to the parent's own address, in the question's language, through a
// real SMTP conversation, with neither the words nor the pick-up code; at most one an hour; the
// volunteer never sees the address; a wrong address stores nothing; the address goes with the
// question, and so does a mail not sent yet.
on_both_backends!(a_parent_hears_of_an_answer_without_its_words, |app| {
    let ask = |email: &'static str, message: &'static str| {
        let fields = [("theme", "housing"), ("message", message), ("email", email)];
        async move { app.post_as("", "/help?lang=en", &fields).await }
    };
    let (status, _, page) = ask("ouder@example.org", "Mijn huisbaas wil dat ik vertrek.").await;
    assert_eq!(status, 200);
    let at = page.find("pickup-code").unwrap();
    let code: String = page[at..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take(19)
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(code.len(), 16);
    let (status, _, page) = ask("ouder at home", "Tweede vraag.").await;
    assert_eq!(status, 400);
    assert!(page.contains("Tweede vraag."));
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM help_requests").await,
        1,
        "nothing stored"
    );

    app.account("hulp@example.org", Role::Facilitator).await;
    let cookie = app.sign_in("hulp@example.org").await;
    let id: String = sqlx::query_scalar("SELECT id FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let reply = |text: &'static str| {
        let (cookie, path) = (cookie.clone(), format!("/admin/help/{id}/reply"));
        async move { app.post_as(&cookie, &path, &[("message", text)]).await.0 }
    };
    assert_eq!(reply("Het Juridisch Loket helpt je gratis.").await, 303);
    assert_eq!(reply("En nog iets.").await, 303);
    let (_, _, seen) = app.get_as(&cookie, &format!("/admin/help/{id}")).await;
    assert!(seen.contains("Mijn huisbaas"));
    assert!(
        !seen.contains("ouder@example.org"),
        "the address is not shown"
    );

    let sink = Sink::start(0).await;
    let pass = deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    let got = sink.received();
    let to_parent: Vec<_> = got
        .iter()
        .filter(|m| m.to == vec!["ouder@example.org".to_string()])
        .collect();
    assert_eq!(
        to_parent.len(),
        1,
        "one mail for two answers in an hour (sent {})",
        pass.sent
    );
    let data = &to_parent[0].data;
    assert!(
        data.contains("Subject: There is an answer to your question"),
        "{data}"
    );
    assert!(data.contains(&format!("{PUBLIC}/help/reply")), "{data}");
    assert!(data.contains("Content-Type: text/plain"), "{data}");
    for secret in ["huisbaas", "Juridisch", code.as_str()] {
        assert!(!data.contains(secret), "{secret} in a mail");
    }

    // An hour later a new answer is worth a new mail; the parent deletes the question before
    // it goes out: the address and the waiting mail go with it.
    app.clock.advance(3600);
    assert_eq!(reply("Gaat het?").await, 303);
    let waiting = "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'ouder@example.org'";
    assert_eq!(count(app, waiting).await, 1);
    let (status, _, _) = app
        .post_as("", "/help/reply/delete", &[("code", &code)])
        .await;
    assert_eq!(status, 303);
    assert_eq!(count(app, "SELECT COUNT(*) FROM help_requests").await, 0);
    assert_eq!(
        count(app, waiting).await,
        0,
        "an unsent mail goes with the question"
    );
});

/// The path after `PUBLIC` in a mail that starts with `prefix` and ends with a 43-character
/// token (quoted-printable soft breaks removed).
fn link_in(data: &str, prefix: &str) -> String {
    let data = data.replace("=\n", "");
    let at = data
        .find(&format!("{PUBLIC}{prefix}"))
        .unwrap_or_else(|| panic!("{prefix} in {data}"));
    let start = at + PUBLIC.len();
    data[start..start + prefix.len() + 43].to_string()
}

/// A meetup of Anna's group on Tuesday 24 November 2026, 10:00–12:00, for `capacity` people;
/// returns it with Anna's session.
async fn meetup_of_anna(app: &common::TestApp, capacity: u32) -> (String, String) {
    let group = facilitator_with_group(app).await;
    let start = common::START + 86_400 - 2 * 3600;
    let store = doorstart::meetups::store::insert;
    let meetup = store(&app.db, &group, start, start + 7200, "Buurthuis", capacity).await;
    (meetup.unwrap(), app.sign_in("anna@example.org").await)
}

/// One number from the database (a `SELECT COUNT(*) …`).
async fn count(app: &common::TestApp, sql: &str) -> i64 {
    let n = sqlx::query_scalar(sql).fetch_one(&app.db.pool).await;
    n.unwrap()
}

/// "I'm coming" as the form sends it, on the page in `lang`: status, Location and body.
async fn rsvp(
    app: &common::TestApp,
    meetup: &str,
    name: &str,
    adults: &str,
    email: &str,
    lang: &str,
) -> (u16, String, String) {
    let (_, page) = app.page(&format!("/meetups/{meetup}?lang={lang}")).await;
    let token = token_from(&page);
    app.post_as(
        "",
        &format!("/meetups/{meetup}?lang={lang}"),
        &[
            ("token", token.as_str()),
            ("website", ""),
            ("first_name", name),
            ("adults", adults),
            ("kids", "0"),
            ("email", email),
        ],
    )
    .await
}

/// Anna changes the capacity of the meetup through its edit form.
async fn set_capacity(app: &common::TestApp, anna: &str, meetup: &str, capacity: &str) {
    let (status, _, body) = app
        .post_as(
            anna,
            &format!("/admin/meetups/{meetup}/edit"),
            &[
                ("date", "2026-11-24"),
                ("start", "10:00"),
                ("minutes", "120"),
                ("place", "Buurthuis"),
                ("capacity", capacity),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
}

on_both_backends!(
    a_waiting_parent_hears_of_a_place_and_of_the_waiting_list_by_mail,
    |app| {
        let (meetup, anna) = meetup_of_anna(app, 2).await;
        // Sanne fills the meetup without an address; Fatima waits and leaves one, in English.
        let (status, sanne, _) = rsvp(app, &meetup, "Sanne", "2", "", "nl").await;
        assert_eq!(status, 303);
        app.clock.advance(60);
        let (status, fatima, _) =
            rsvp(app, &meetup, "Fatima", "1", "fatima@example.net", "en").await;
        assert_eq!(status, 303);
        let (_, page) = app.page(&format!("{fatima}?lang=en")).await;
        assert!(page.contains("you are on the waiting list"), "{page}");
        assert!(
            page.contains("we mail you at the address you gave"),
            "{page}"
        );
        assert!(states(app).await.is_empty(), "nothing to tell yet");

        // More places: Fatima moves up and gets a mail in English with her own page's link.
        set_capacity(app, &anna, &meetup, "3").await;
        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["fatima@example.net".to_string()]);
        let data = &got[0].data;
        assert!(data.contains("Subject: You have a place"), "{data}");
        assert!(data.contains("Content-Type: text/plain"), "{data}");
        assert_eq!(link_in(data, "/rsvp/"), fatima);
        for personal in ["Fatima", "Sanne"] {
            assert!(!data.contains(personal), "{personal} in a mail");
        }
        let (_, page) = app.page(&format!("{fatima}?lang=en")).await;
        assert!(page.contains("id=\"rsvp-moved-up\""), "{page}");
        assert!(page.contains("Good that you are coming, Fatima!"), "{page}");

        // Fewer places again: the latest RSVP goes back to the waiting list, and hears so.
        set_capacity(app, &anna, &meetup, "2").await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].to, vec!["fatima@example.net".to_string()]);
        assert!(
            got[1]
                .data
                .contains("Subject: You are on the waiting list again"),
            "{}",
            got[1].data
        );
        let (_, page) = app.page(&format!("{fatima}?lang=en")).await;
        assert!(page.contains("id=\"rsvp-moved-down\""), "{page}");
        // Sanne left no address: her page changed nothing, and no mail ever went to her.
        let (_, page) = app.page(&sanne).await;
        assert!(page.contains("Fijn dat je komt, Sanne!"), "{page}");
        assert!(!page.contains("rsvp-moved"), "{page}");

        // Sanne cancels: Fatima moves up again, by mail.
        let token = sanne.trim_start_matches("/rsvp/");
        let (status, _, _) = app
            .post_as("", &format!("/rsvp/{token}/cancel"), &[("confirm", "yes")])
            .await;
        assert_eq!(status, 303);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let got = sink.received();
        assert_eq!(got.len(), 3);
        assert!(got[2].data.contains("Subject: You have a place"));
        assert!(got.iter().all(|m| m.to == vec!["fatima@example.net"]));
    }
);

on_both_backends!(
    a_cancelled_meetup_mails_everyone_who_left_an_address,
    |app| {
        let (meetup, anna) = meetup_of_anna(app, 1).await;
        let (_, sanne, _) = rsvp(app, &meetup, "Sanne", "1", "sanne@example.net", "nl").await;
        app.clock.advance(60);
        let (_, fatima, _) = rsvp(app, &meetup, "Fatima", "1", "fatima@example.net", "en").await;
        app.clock.advance(60);
        let (_, noor, _) = rsvp(app, &meetup, "Noor", "1", "", "nl").await;
        let (status, _, _) = app
            .post_as(
                &anna,
                &format!("/admin/meetups/{meetup}/cancel"),
                &[("confirm", "yes")],
            )
            .await;
        assert_eq!(status, 303);
        let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'meetup-cancel'";
        assert_eq!(count(app, audited).await, 1);
        // Cancelling again mails nobody twice.
        app.post_as(
            &anna,
            &format!("/admin/meetups/{meetup}/cancel"),
            &[("confirm", "yes")],
        )
        .await;
        assert_eq!(states(app).await, vec![("waiting".to_string(), 2)]);

        let sink = Sink::start(0).await;
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        let mut got = sink.received();
        got.sort_by(|a, b| a.to.cmp(&b.to));
        assert_eq!(got.len(), 2, "the one place and the waiting list; not Noor");
        assert_eq!(got[0].to, vec!["fatima@example.net".to_string()]);
        assert!(got[0].data.contains("Subject: A meetup is cancelled"));
        assert_eq!(link_in(&got[0].data, "/rsvp/"), fatima);
        assert_eq!(got[1].to, vec!["sanne@example.net".to_string()]);
        assert!(
            got[1]
                .data
                .contains("Subject: Een bijeenkomst gaat niet door"),
            "{}",
            got[1].data
        );
        assert_eq!(link_in(&got[1].data, "/rsvp/"), sanne);
        for mail in &got {
            assert!(!mail.data.contains("Sanne") && !mail.data.contains("Fatima"));
        }
        for page in [&sanne, &noor] {
            let (_, body) = app.page(page).await;
            assert!(body.contains("Deze bijeenkomst gaat niet door."), "{body}");
        }
        let (_, body) = app.page(&format!("/meetups/{meetup}")).await;
        assert!(body.contains("Deze bijeenkomst gaat niet door."));
        // Sanne cancels her RSVP: nobody moves up to a meetup that does not go ahead.
        let token = sanne.trim_start_matches("/rsvp/");
        app.post_as("", &format!("/rsvp/{token}/cancel"), &[("confirm", "yes")])
            .await;
        assert!(states(app).await.is_empty());
        let (_, body) = app.page(&format!("{fatima}?lang=en")).await;
        assert!(body.contains("you are on the waiting list"), "{body}");
    }
);

on_both_backends!(
    an_rsvp_with_a_wrong_address_is_refused_and_nothing_is_stored,
    |app| {
        let (meetup, _) = meetup_of_anna(app, 5).await;
        let (status, _, body) = rsvp(app, &meetup, "Sanne", "1", "sanne at home", "nl").await;
        assert_eq!(status, 400);
        assert!(body.contains("Dit e-mailadres klopt niet."), "{body}");
        assert!(body.contains("value=\"Sanne\""), "the name is kept: {body}");
        assert_eq!(count(app, "SELECT COUNT(*) FROM rsvps").await, 0);
        // The form says what the address is for and that it goes with the RSVP.
        let (_, page) = app.page(&format!("/meetups/{meetup}")).await;
        assert!(page.contains("name=\"email\""), "{page}");
        assert!(
            page.contains("We wissen het samen met je aanmelding."),
            "{page}"
        );
        // No address, no mail, and the row keeps none.
        let (status, _, _) = rsvp(app, &meetup, "Sanne", "1", "", "nl").await;
        assert_eq!(status, 303);
        let kept: Option<String> = sqlx::query_scalar("SELECT email FROM rsvps")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(kept, None);
        // Retention deletes the address with the RSVP.
        let (_, _, _) = rsvp(app, &meetup, "Fatima", "1", "fatima@example.net", "en").await;
        app.clock.advance(40 * 86_400);
        let purged = doorstart::meetups::store::purge_rsvps(&app.db, 30).await;
        assert_eq!(purged.unwrap(), 2);
        assert_eq!(count(app, "SELECT COUNT(*) FROM rsvps").await, 0);
    }
);

on_both_backends!(
    the_help_digest_follows_each_facilitators_themes_and_languages,
    |app| {
        use doorstart::help::digest::{digest_pass, DIGEST_EVERY};
        app.account("anna@example.org", Role::Facilitator).await;
        app.account("bea@example.org", Role::Facilitator).await;
        app.account("coord@example.org", Role::Coordinator).await;
        // Anna wants money questions (any language); Bea Arabic ones (any theme).
        let anna = app.sign_in("anna@example.org").await;
        let (status, location, _) = app
            .post_as(&anna, "/admin/help-choice", &[("theme-money", "1")])
            .await;
        assert_eq!(
            (status, location.as_str()),
            (303, "/admin/password?saved=help")
        );
        let (_, _, page) = app.get_as(&anna, "/admin/password?saved=help").await;
        assert!(page.contains("id=\"help-choice-saved\""), "{page}");
        assert!(
            page.contains(r#"id="f-theme-money" name="theme-money" value="1" checked"#),
            "{page}"
        );
        assert!(page.contains(r#"name="lang-fa""#), "{page}");
        let bea = app.sign_in("bea@example.org").await;
        app.post_as(
            &bea,
            "/admin/help-choice",
            &[("lang-ar", "1"), ("lang-xx", "1")],
        )
        .await;
        let ask = |path: &'static str, theme: &'static str| async move {
            let (status, _, _) = app
                .post_as("", path, &[("theme", theme), ("message", "Een vraag")])
                .await;
            assert_eq!(status, 200);
        };
        let sink = Sink::start(0).await;
        let recipients = |from: usize| {
            let mut to: Vec<String> = sink.received()[from..]
                .iter()
                .flat_map(|m| m.to.clone())
                .collect();
            to.sort();
            to
        };

        // A Dutch housing question: neither chose it, so the coordinator hears of it.
        ask("/help?lang=nl", "housing").await;
        assert_eq!(digest_pass(&app.db).await.unwrap(), 1);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(recipients(0), vec!["coord@example.org"]);

        // An hour on, an Arabic money question: Anna and Bea; the coordinator not (it is taken
        // care of).
        app.clock.advance(DIGEST_EVERY + 1);
        ask("/help?lang=ar", "money").await;
        assert_eq!(digest_pass(&app.db).await.unwrap(), 2);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(recipients(1), vec!["anna@example.org", "bea@example.org"]);

        // An hour on, a Turkish health question: only the coordinator again.
        app.clock.advance(DIGEST_EVERY + 1);
        ask("/help?lang=tr", "health").await;
        assert_eq!(digest_pass(&app.db).await.unwrap(), 1);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(recipients(3), vec!["coord@example.org"]);

        // Anna ticks nothing: all questions again (as before choosing).
        app.post_as(&anna, "/admin/help-choice", &[]).await;
        app.clock.advance(DIGEST_EVERY + 1);
        ask("/help?lang=tr", "alone").await;
        assert_eq!(digest_pass(&app.db).await.unwrap(), 1);
        deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
        assert_eq!(recipients(4), vec!["anna@example.org"]);
    }
);

on_both_backends!(
    with_mail_off_an_invite_is_passed_on_by_hand_and_no_address_is_kept,
    |app| {
        app.account("coord@example.org", Role::Coordinator).await;
        let coord = app.sign_in("coord@example.org").await;
        let (_, _, page) = app.get_as(&coord, "/admin/invites").await;
        assert!(page.contains(r#"name="email""#) && page.contains(r#"name="lang""#));
        let (status, page) = sink::invite(app, &coord, "new@example.org", "en").await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"invite-link\""), "{page}");
        assert!(page.contains("id=\"invite-by-hand\""), "{page}");
        assert!(
            states(app).await.is_empty(),
            "nothing queued, no address kept"
        );
        // A wrong address: the form again with a message, and no invite made.
        let (status, page) = sink::invite(app, &coord, "new at example", "nl").await;
        assert_eq!(status, 400);
        assert!(page.contains("Dit e-mailadres klopt niet."), "{page}");
        assert_eq!(count(app, "SELECT COUNT(*) FROM invites").await, 1);
    }
);
