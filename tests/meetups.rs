//! Meetups on both databases: RSVP without an account, waiting list, cancel, calendar file.
mod common;
#[path = "common/sink.rs"]
mod sink;

use doorstart::groups::model::{Rhythm, Weekday};
use doorstart::groups::store::{self, NewGroup};

async fn meetup(app: &common::TestApp, capacity: u32) -> String {
    let group = store::insert(
        &app.db,
        &NewGroup {
            name: "Speelochtend",
            municipality: "Almelo",
            address: "Teststraat 1",
            pc4: 7607,
            lat: 52.35,
            lon: 6.66,
            weekday: Weekday::new(2).unwrap(),
            start_minute: 600,
            rhythm: Rhythm::Weekly,
            ages: (4, 8),
            languages: &["nl"],
            children_welcome: true,
            childcare: false,
            cost_cents: 0,
            online: false,
            audience: Default::default(),
            facilitator_name: "Anna",
            texts: &[("nl", "Spelen", "Kom binnen")],
        },
    )
    .await
    .unwrap();
    // Tuesday 24 November 2026, 10:00–12:00 in Amsterdam (09:00 UTC).
    let start = common::START + 86_400 - 2 * 3600;
    doorstart::meetups::store::insert(&app.db, &group, start, start + 7200, "Buurthuis", capacity)
        .await
        .unwrap()
}

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

async fn rsvp(
    app: &common::TestApp,
    id: &str,
    name: &str,
    adults: &str,
    kids: &str,
) -> (u16, String) {
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    let token = token_from(&page);
    let res = app
        .client
        .post(app.url(&format!("/meetups/{id}")))
        .form(&[
            ("token", token.as_str()),
            ("first_name", name),
            ("adults", adults),
            ("kids", kids),
        ])
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location)
}

on_both_backends!(rsvp_waiting_list_and_cancel, |app| {
    let id = meetup(app, 4).await;
    let (status, page) = app.page(&format!("/meetups/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Nog 4 plekken vrij"));
    assert!(page.contains("dinsdag 24 november, 10:00 – 12:00"));

    let (status, first) = rsvp(app, &id, "Sanne", "1", "2").await;
    assert_eq!(status, 303);
    assert!(first.starts_with("/rsvp/"));
    let (_, body) = app.page(&first).await;
    assert!(body.contains("Fijn dat je komt, Sanne!"));
    // 3 of 4 taken: a party of 2 goes on the waiting list.
    let (_, second) = rsvp(app, &id, "Fatima", "1", "1").await;
    let (_, body) = app.page(&second).await;
    assert!(body.contains("Fatima, je staat op de wachtlijst"));
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    assert!(page.contains("Nog 1 plek vrij"));

    // Sanne's page: her link to keep first, cancelling only through a page that asks.
    let token = first.trim_start_matches("/rsvp/");
    let (_, body) = app.page(&first).await;
    let link =
        doorstart::config::PublicUrl::from_env(doorstart::server::leptos_options().site_addr)
            .link(&first);
    assert!(
        body.contains(&format!(r#"class="keep-url">{link}"#)),
        "{link}"
    );
    let sent = doorstart::ui::percent_encode(
        &format!("Mijn link van Doorstart. Goed bewaren: {link}"),
        b"",
    );
    for send in [
        format!("https://wa.me/?text={sent}"),
        format!("sms:?&amp;body={sent}"),
        format!("mailto:?subject=Mijn%20link%20van%20Doorstart&amp;body={sent}"),
    ] {
        assert!(body.contains(&send), "{send}");
    }
    assert!(body.contains(r#"class="keep-qr""#) && body.contains("<rect"));
    let cancel = format!("/rsvp/{token}/cancel");
    assert!(body.contains(&format!(r#"href="{cancel}""#)));
    assert!(
        !body.contains(&format!(r#"action="{cancel}""#)),
        "no one-tap cancel"
    );
    let (status, ask) = app.page(&cancel).await;
    assert_eq!(status, 200);
    assert!(ask.contains("Kun je toch niet komen?") && ask.contains("Speelochtend"));
    assert!(ask.contains("dinsdag 24 november"));
    assert!(ask.contains(r#"name="confirm" value="yes""#));
    // Posts without `confirm=yes` (none, another value, no form at all) change nothing.
    let rsvps = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM rsvps")
            .fetch_one(&app.db.pool)
            .await
            .unwrap()
    };
    for form in [&[][..], &[("confirm", "no")][..]] {
        let (status, _, page) = app.post_as("", &cancel, form).await;
        assert_eq!(status, 200, "{form:?}");
        assert!(page.contains("Kun je toch niet komen?"));
        assert_eq!(rsvps().await, 2, "{form:?}");
    }
    let res = app.client.post(app.url(&cancel)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(rsvps().await, 2);
    let (_, body) = app.page(&second).await;
    assert!(
        body.contains("je staat op de wachtlijst"),
        "Fatima still waits"
    );

    // Sanne cancels: Fatima gets her place.
    let res = app
        .client
        .post(app.url(&cancel))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers().get("location").unwrap(), "/rsvp-cancelled");
    let (status, _) = app.page(&first).await;
    assert_eq!(status, 404, "the cancelled RSVP is gone");
    let (_, body) = app.page(&second).await;
    assert!(
        body.contains("Fijn dat je komt, Fatima!"),
        "moved up from the waiting list"
    );

    // The facilitator cancels the meetup: Fatima sees it.
    doorstart::meetups::store::cancel_meetup(&app.db, &id)
        .await
        .unwrap();
    let (_, body) = app.page(&second).await;
    assert!(body.contains("Deze bijeenkomst gaat niet door."));
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    assert!(page.contains("Deze bijeenkomst gaat niet door."));
    assert!(
        !page.contains(r#"name="first_name""#),
        "no RSVP form for a cancelled meetup"
    );
});

on_both_backends!(calendar_file_is_valid, |app| {
    let id = meetup(app, 10).await;
    let res = app.get(&format!("/meetups/{id}.ics")).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let body = res.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(body.contains("BEGIN:VEVENT"));
    assert!(
        body.contains("DTSTART:20261124T090000Z"),
        "10:00 in Amsterdam is 09:00 UTC in November\n{body}"
    );
    assert!(body.contains("DTEND:20261124T110000Z"));
    assert!(body.contains("X-WR-TIMEZONE:Europe/Amsterdam"));
    assert!(body.contains("SUMMARY:Speelochtend"));
    assert!(body.trim_end().ends_with("END:VCALENDAR"));
    let (status, _) = app.page("/meetups/nope.ics").await;
    assert_eq!(status, 404);
    let (status, _) = app.page("/meetups/nope").await;
    assert_eq!(status, 404);
});

on_both_backends!(rsvp_bad_input_and_double_submit, |app| {
    let id = meetup(app, 10).await;
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    let token = token_from(&page);
    let post = |form: Vec<(&'static str, String)>| {
        let url = app.url(&format!("/meetups/{id}"));
        async move { app.client.post(url).form(&form).send().await.unwrap() }
    };
    let res = post(vec![
        ("token", token.clone()),
        ("first_name", "".into()),
        ("adults", "9".into()),
    ])
    .await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let body = res.text().await.unwrap();
    assert!(body.contains("Kies een aantal van 1 tot 5."));
    let good = vec![
        ("token", token.clone()),
        ("first_name", "Eva".into()),
        ("adults", "1".into()),
        ("kids", "0".into()),
    ];
    let first = post(good.clone()).await;
    assert_eq!(first.status().as_u16(), 303);
    let link = first
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(
        link,
        format!("/rsvp/{token}"),
        "the cancel link is the server's"
    );
    let again = post(good.clone()).await;
    assert_eq!(
        again.headers().get("location").unwrap().to_str().unwrap(),
        link
    );
    let mut other = good;
    other[1] = ("first_name", "Iemand".into());
    let taken = post(other).await;
    assert_eq!(taken.status().as_u16(), 409);
    assert!(taken.headers().get("location").is_none());
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rsvps")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1, "a double submit is one RSVP");

    // RSVPs are deleted 30 days after the meetup.
    app.clock.advance(29 * 86_400);
    doorstart::retention::purge_once(&app.db).await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rsvps")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    app.clock.advance(3 * 86_400);
    doorstart::retention::purge_once(&app.db).await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rsvps")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
});

on_both_backends!(
    a_change_of_capacity_moves_the_waiting_list_in_order,
    |app| {
        use doorstart::meetups::store::update_meetup;
        let id = meetup(app, 4).await;
        let (_, a) = rsvp(app, &id, "Anouk", "1", "1").await; // 2: place
        app.clock.advance(1);
        let (_, b) = rsvp(app, &id, "Bram", "1", "1").await; // 2: place (4 of 4)
        app.clock.advance(1);
        let (_, c) = rsvp(app, &id, "Cor", "1", "0").await; // 1: waits
        app.clock.advance(1);
        let (_, d) = rsvp(app, &id, "Dewi", "1", "1").await; // 2: waits
        let waits = |path: String| async move {
            let (_, body) = app.page(&path).await;
            body.contains("je staat op de wachtlijst")
        };
        assert!(!waits(a.clone()).await && !waits(b.clone()).await);
        assert!(waits(c.clone()).await && waits(d.clone()).await);
        let (starts, ends): (i64, i64) =
            sqlx::query_as("SELECT starts_at, ends_at FROM meetups WHERE id = $1")
                .bind(&id)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        // One more place: Cor (first in line, and fits) moves up; Dewi still waits.
        update_meetup(&app.db, &id, starts, ends, "Buurthuis", 5)
            .await
            .unwrap();
        assert!(!waits(c.clone()).await, "Cor moved up");
        assert!(waits(d.clone()).await);
        // Two more: Dewi moves up too.
        update_meetup(&app.db, &id, starts, ends, "Buurthuis", 7)
            .await
            .unwrap();
        assert!(!waits(d.clone()).await, "Dewi moved up");
        // A smaller room (3): the earliest who fit keep their place (Anouk 2, Cor 1); Bram and
        // Dewi go back on the waiting list, and their pages say so.
        update_meetup(&app.db, &id, starts, ends, "Buurthuis", 3)
            .await
            .unwrap();
        assert!(!waits(a.clone()).await && !waits(c.clone()).await);
        assert!(waits(b.clone()).await && waits(d.clone()).await);
        let (_, page) = app.page(&format!("/meetups/{id}")).await;
        assert!(
            !page.contains("plekken vrij") && !page.contains("plek vrij"),
            "full: {page}"
        );
        // Back to 4: Bram is first in line but needs 2 (of 1 free); Dewi too: both wait.
        update_meetup(&app.db, &id, starts, ends, "Buurthuis", 4)
            .await
            .unwrap();
        assert!(waits(b.clone()).await && waits(d.clone()).await);
        update_meetup(&app.db, &id, starts, ends, "Buurthuis", 5)
            .await
            .unwrap();
        assert!(!waits(b.clone()).await, "Bram, first in line, moved up");
        assert!(waits(d).await);
    }
);

/// "I'm coming" with an e-mail address (or none): the RSVP page's path.
async fn rsvp_with_mail(
    app: &common::TestApp,
    id: &str,
    name: &str,
    adults: &str,
    email: &str,
) -> String {
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    let token = token_from(&page);
    let (status, location, body) = app
        .post_as(
            "",
            &format!("/meetups/{id}"),
            &[
                ("token", token.as_str()),
                ("website", ""),
                ("first_name", name),
                ("adults", adults),
                ("kids", "0"),
                ("email", email),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    location
}

/// The meetup's group gets Anna as its facilitator; her session.
async fn anna_owns(app: &common::TestApp, meetup: &str) -> String {
    let anna = app
        .account(
            "anna@example.org",
            doorstart::accounts::model::Role::Facilitator,
        )
        .await;
    let group = doorstart::meetups::store::group_of(&app.db, meetup)
        .await
        .unwrap()
        .unwrap();
    store::set_owner(&app.db, &group, &anna).await.unwrap();
    app.sign_in("anna@example.org").await
}

// Issue 23, points 6 and 8: the facilitator's edit form sets theme, kind and guest, and a new
// time or place is on every RSVP page and mailed (through a real SMTP conversation) to each
// parent who said yes with an address; a change of theme alone mails nobody.
on_both_backends!(a_changed_time_or_place_is_shown_and_mailed, |app| {
    use doorstart::mail::send::deliver_due;
    let id = meetup(app, 10).await;
    let anna = anna_owns(app, &id).await;
    let sanne = rsvp_with_mail(app, &id, "Sanne", "1", "").await;
    app.clock.advance(60);
    let fatima = rsvp_with_mail(app, &id, "Fatima", "2", "fatima@example.net").await;
    let edit = |start: &'static str, place: &'static str, theme: &'static str| {
        let anna = anna.clone();
        let id = id.clone();
        async move {
            app.post_as(
                &anna,
                &format!("/admin/meetups/{id}/edit"),
                &[
                    ("date", "2026-11-24"),
                    ("start", start),
                    ("minutes", "120"),
                    ("place", place),
                    ("capacity", "10"),
                    ("theme", theme),
                    ("kind", "workshop"),
                    ("guest", "een verpleegkundige van de JGZ"),
                ],
            )
            .await
        }
    };
    // Only the theme: stored and shown, nobody mailed, no change on the RSVP page.
    let (status, _, body) = edit("10:00", "Buurthuis", "stress").await;
    assert_eq!(status, 303, "{body}");
    let stored: (Option<String>, String, String) =
        sqlx::query_as("SELECT theme, kind, guest FROM meetups WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        (
            Some("stress".into()),
            "workshop".into(),
            "een verpleegkundige van de JGZ".into()
        )
    );
    let (_, page) = app.page(&format!("/meetups/{id}")).await;
    assert!(
        page.contains("Thema: Minder stress") && page.contains("Workshop"),
        "{page}"
    );
    let (_, page) = app.page(&fatima).await;
    assert!(
        !page.contains("rsvp-changed"),
        "nothing changed for the parent"
    );
    let sink = sink::Sink::start(0).await;
    deliver_due(&app.db, &sink.mailer(), sink::PUBLIC)
        .await
        .unwrap();
    assert!(sink.received().is_empty(), "a theme alone mails nobody");

    // A bad theme: the form again with its message, never a server error; nothing changes.
    let (status, _, _) = edit("10:00", "Buurthuis", "nonsense").await;
    assert!((300..500).contains(&status), "{status}");
    let theme: Option<String> = sqlx::query_scalar("SELECT theme FROM meetups WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(theme.as_deref(), Some("stress"));

    // A new time and place: both pages say so; Fatima (with an address) gets one mail.
    let (status, _, body) = edit("11:00", "Bibliotheek Almelo", "stress").await;
    assert_eq!(status, 303, "{body}");
    for path in [&sanne, &fatima] {
        let (status, page) = app.page(path).await;
        assert_eq!(status, 200);
        assert!(page.contains("rsvp-changed"), "{page}");
        assert!(
            page.contains("Let op: de tijd is veranderd. Nu: dinsdag 24 november, 11:00 – 13:00"),
            "{page}"
        );
        assert!(
            page.contains("Let op: de plek is veranderd. Nu: Bibliotheek Almelo"),
            "{page}"
        );
    }
    let (_, page) = app.page(&format!("{fatima}?lang=en")).await;
    assert!(
        page.contains("Please note: the time has changed."),
        "{page}"
    );
    deliver_due(&app.db, &sink.mailer(), sink::PUBLIC)
        .await
        .unwrap();
    let got = sink.received();
    assert_eq!(got.len(), 1, "one mail, to the parent with an address");
    assert_eq!(got[0].to, vec!["fatima@example.net".to_string()]);
    let data = got[0].data.replace("=\n", "").replace("=\r\n", "");
    assert!(
        data.contains("Subject: Een bijeenkomst is veranderd"),
        "{data}"
    );
    assert!(
        data.contains(&format!("{}{}", sink::PUBLIC, fatima)),
        "her own page: {data}"
    );
    assert!(!data.contains("Sanne"), "{data}");
});

// Cancelling an RSVP once the meetup has begun moves nobody up (and mails nobody); before, it
// does.
on_both_backends!(no_move_up_after_the_meetup_began, |app| {
    let id = meetup(app, 2).await;
    let anouk = rsvp_with_mail(app, &id, "Anouk", "2", "").await;
    app.clock.advance(60);
    let bram = rsvp_with_mail(app, &id, "Bram", "1", "bram@example.net").await;
    let waits = |path: String| async move {
        let (_, body) = app.page(&path).await;
        body.contains("je staat op de wachtlijst")
    };
    assert!(waits(bram.clone()).await);
    // The meetup (Tuesday 10:00) has begun.
    app.clock.advance(86_400);
    let res = app
        .client
        .post(app.url(&format!("{anouk}/cancel")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(waits(bram.clone()).await, "nobody moves up after the start");
    let outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(outbox, 0, "and nobody is mailed");

    // Before the start the same cancel gives the place to the next in line.
    let id = meetup(app, 2).await;
    sqlx::query(
        "UPDATE meetups SET starts_at = starts_at + 7 * 86400, ends_at = ends_at + 7 * 86400 \
         WHERE id = $1",
    )
    .bind(&id)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let cor = rsvp_with_mail(app, &id, "Cor", "2", "").await;
    app.clock.advance(60);
    let dewi = rsvp_with_mail(app, &id, "Dewi", "1", "").await;
    assert!(waits(dewi.clone()).await);
    let res = app
        .client
        .post(app.url(&format!("{cor}/cancel")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        !waits(dewi).await,
        "before the start the next in line moves up"
    );
});

// Monitoring counts held meetups and who came per theme (small counts hidden).
on_both_backends!(monitoring_counts_meetups_per_theme, |app| {
    use doorstart::meetups::model::{MeetupKind, Theme};
    use doorstart::meetups::store as meetups;
    let id = meetup(app, 10).await;
    let group = meetups::group_of(&app.db, &id).await.unwrap().unwrap();
    // Five meetups on less stress in November (4 adults, 3 children each), two on language.
    for (n, theme) in [Theme::Stress; 5]
        .into_iter()
        .chain([Theme::Language; 2])
        .enumerate()
    {
        let start = common::START - (n as i64 + 1) * 86_400;
        let m = meetups::insert(&app.db, &group, start, start + 7200, "Buurthuis", 10)
            .await
            .unwrap();
        meetups::set_theme(&app.db, &m, Some(theme), MeetupKind::Meetup, "")
            .await
            .unwrap();
        meetups::record_attendance(&app.db, &m, 4, 3).await.unwrap();
    }
    app.account(
        "coordinator@example.org",
        doorstart::accounts::model::Role::Coordinator,
    )
    .await;
    let me = app.sign_in("coordinator@example.org").await;
    let (status, _, page) = app
        .get_as(&me, "/admin/monitoring?from=2026-11&to=2026-11")
        .await;
    assert_eq!(status, 200);
    let at = page.find("meetup-themes-heading").expect("the theme table");
    let table = &page[at..];
    let table = table[..table.find("</section>").unwrap()].replace("<!>", "");
    let row = |words: &str| {
        let at = table
            .find(words)
            .unwrap_or_else(|| panic!("{words} in {table}"));
        let row = &table[at..];
        row[..row.find("</tr>").unwrap()].to_string()
    };
    let stress = row("Minder stress");
    assert!(
        stress.contains("<td>5</td><td>20</td><td>15</td>"),
        "{stress}"
    );
    let language = row("Taalontwikkeling");
    assert!(
        // Two meetups: hidden; 8 adults and 6 children, rounded to fives as every figure.
        language.contains("<td>&lt;5</td><td>10</td><td>5</td>"),
        "{language}"
    );
});
