//! Meetups on both databases: RSVP without an account, waiting list, cancel, calendar file.
mod common;

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

    // Sanne cancels: Fatima gets her place.
    let token = first.trim_start_matches("/rsvp/");
    let res = app
        .client
        .post(app.url(&format!("/rsvp/{token}/cancel")))
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
