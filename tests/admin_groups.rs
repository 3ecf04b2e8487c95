//! Groups and meetups on the facilitator side, on both databases, with ownership checks.
mod common;

use doorstart::accounts::model::Role;

/// The value of the input named `name` on a page.
fn input_value(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!(r#"name="{name}""#))?;
    let start = page[..at].rfind('<')?;
    let end = at + page[at..].find('>')?;
    let tag = &page[start..end];
    let v = tag.find(r#"value=""#)? + 7;
    Some(tag[v..v + tag[v..].find('"')?].to_string())
}

/// What the page's notice says (`id="done"`), if it has one.
fn said(page: &str) -> Option<&str> {
    let at = page.find(r#"id="done""#)?;
    let text = &page[at + page[at..].find('>')? + 1..];
    Some(&text[..text.find('<')?])
}

/// The card (list item) with this id.
fn card<'a>(page: &'a str, id: &str) -> &'a str {
    let at = page.find(&format!(r#"id="{id}""#)).expect(id);
    let start = page[..at].rfind("<li").unwrap();
    &page[start..at + page[at..].find("</li>").unwrap()]
}

const GROUP: &[(&str, &str)] = &[
    ("name", "Nieuwe moedergroep Wierden"),
    ("description", "We praten over de week."),
    ("first_visit", "Loop gewoon binnen."),
    ("facilitator_name", "Anna"),
    ("postcode", "7641"),
    ("address", "Dorpshuis, Wierden"),
    ("weekday", "2"),
    ("start", "10:00"),
    ("rhythm", "weekly"),
    ("age_min", "4"),
    ("age_max", "12"),
    ("lang_nl", "1"),
    ("lang_tr", "1"),
    ("childcare", "1"),
    ("cost", "1,50"),
];

on_both_backends!(facilitator_creates_a_group_and_a_series, |app| {
    let a = {
        app.account("a@example.nl", Role::Facilitator).await;
        app.sign_in("a@example.nl").await
    };
    let b = {
        app.account("b@example.nl", Role::Facilitator).await;
        app.sign_in("b@example.nl").await
    };

    // Bad input: named per field, nothing stored.
    let (status, _, body) = app
        .post_as(
            &a,
            "/admin/groups/new",
            &[
                ("name", ""),
                ("postcode", "1000"),
                ("age_min", "9"),
                ("age_max", "3"),
            ],
        )
        .await;
    assert_eq!(status, 400, "{body}");
    for text in [
        "Geef de groep een naam",
        "Dit is geen postcode",
        "Kies minstens één taal",
        "Kies leeftijden van 0 tot 18",
    ] {
        assert!(body.contains(text), "{text}");
    }
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM peer_groups")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    let (status, location, _) = app.post_as(&a, "/admin/groups/new", GROUP).await;
    assert_eq!(status, 303);
    // On to planning its meetups, saying the group is saved, at the plan form.
    let id = location
        .trim_start_matches("/admin/groups/")
        .trim_end_matches("/meetups?done=group-created#plan")
        .to_string();
    assert_eq!(
        location,
        format!("/admin/groups/{id}/meetups?done=group-created#plan")
    );
    let (status, _, page) = app.get_as(&a, &location).await;
    assert_eq!(status, 200);
    assert!(page.contains("De groep is opgeslagen. Plan nu de bijeenkomsten."));
    // The plan starts from the group's own day (Tuesday: the first after Monday 23 November),
    // time and place, with a usual length and room.
    for (name, value) in [
        ("date", "2026-11-24"),
        ("start", "10:00"),
        ("minutes", "120"),
        ("weeks", "4"),
        ("place", "Dorpshuis, Wierden"),
        ("capacity", "12"),
    ] {
        assert_eq!(input_value(&page, name), Some(value.to_string()), "{name}");
    }
    let (_, _, finder) = app.get_as("", "/groups?postcode=7641").await;
    assert!(
        finder.contains("Nieuwe moedergroep Wierden"),
        "parents find it"
    );
    assert!(finder.contains("€ 1,50 per keer"));

    // Eight Tuesdays at 10:00.
    let series = [
        ("date", "2026-12-01"),
        ("start", "10:00"),
        ("minutes", "90"),
        ("weeks", "8"),
        ("place", "Dorpshuis"),
        ("capacity", "12"),
    ];
    let (status, location, _) = app
        .post_as(&a, &format!("/admin/groups/{id}/meetups"), &series)
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/groups/{id}/meetups?done=planned&count=8#meetups")
    );
    let (_, _, page) = app.get_as(&a, &location).await;
    assert!(page.contains("8 bijeenkomsten gepland."));
    assert!(page.contains(r#"role="status""#));
    // Only a count a plan can make is said; other words in the address are not shown.
    let (_, _, odd) = app
        .get_as(
            &a,
            &format!("/admin/groups/{id}/meetups?done=<b>hi</b>&count=999"),
        )
        .await;
    assert!(!odd.contains("<b>hi") && said(&odd).is_none());
    let (_, _, big) = app
        .get_as(
            &a,
            &format!("/admin/groups/{id}/meetups?done=planned&count=999"),
        )
        .await;
    assert_eq!(said(&big), Some("De bijeenkomsten zijn gepland."));
    // The next plan follows the last meetup (Tuesday 19 January → 26 January), 90 minutes.
    assert_eq!(input_value(&page, "date"), Some("2027-01-26".to_string()));
    assert_eq!(input_value(&page, "minutes"), Some("90".to_string()));
    let starts: Vec<i64> =
        sqlx::query_scalar("SELECT starts_at FROM meetups WHERE group_id = $1 ORDER BY starts_at")
            .bind(&id)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(starts.len(), 8);
    for s in &starts {
        let l = doorstart::time::to_local(*s);
        assert_eq!((l.weekday, l.hour), (2, 10));
    }
    let (status, _, page) = app.get_as(&a, &format!("/admin/groups/{id}/meetups")).await;
    assert_eq!(status, 200);
    assert!(page.contains("dinsdag 1 december"));

    // B may not see or touch A's group or its meetups.
    let meetup: String =
        sqlx::query_scalar("SELECT id FROM meetups WHERE group_id = $1 ORDER BY starts_at LIMIT 1")
            .bind(&id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    for path in [
        format!("/admin/groups/{id}"),
        format!("/admin/groups/{id}/meetups"),
    ] {
        let (status, _, _) = app.get_as(&b, &path).await;
        assert_eq!(status, 404, "{path}");
    }
    for path in [
        format!("/admin/groups/{id}"),
        format!("/admin/groups/{id}/meetups"),
        format!("/admin/meetups/{meetup}/cancel"),
        format!("/admin/meetups/{meetup}/attendance"),
        format!("/admin/meetups/{meetup}/edit"),
    ] {
        let (status, _, _) = app
            .post_as(&b, &path, &[("adults", "1"), ("children", "1")])
            .await;
        assert_eq!(status, 404, "{path}");
    }
    let (_, _, list) = app.get_as(&b, "/admin/groups").await;
    assert!(!list.contains("Nieuwe moedergroep Wierden"));

    // A moves the last meetup to 14:00 for 60 minutes in another place.
    let last: String = sqlx::query_scalar(
        "SELECT id FROM meetups WHERE group_id = $1 ORDER BY starts_at DESC LIMIT 1",
    )
    .bind(&id)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let change = |date: &'static str| {
        [
            ("date", date),
            ("start", "14:00"),
            ("minutes", "60"),
            ("place", "Bibliotheek"),
            ("capacity", "10"),
        ]
    };
    let (status, location, _) = app
        .post_as(
            &a,
            &format!("/admin/meetups/{last}/edit"),
            &change("2027-01-19"),
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/groups/{id}/meetups?done=meetup-saved&item={last}#meetup-{last}")
    );
    let (_, _, page) = app.get_as(&a, &location).await;
    assert!(
        card(&page, &format!("meetup-{last}")).contains("Opgeslagen: de bijeenkomst is gewijzigd.")
    );
    let (starts, ends, place): (i64, i64, String) =
        sqlx::query_as("SELECT starts_at, ends_at, place FROM meetups WHERE id = $1")
            .bind(&last)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let l = doorstart::time::to_local(starts);
    assert_eq!((l.month, l.day, l.hour), (1, 19, 14));
    assert_eq!((ends - starts, place.as_str()), (3600, "Bibliotheek"));
    let (status, _, body) = app
        .post_as(
            &a,
            &format!("/admin/meetups/{last}/edit"),
            &change("2027-02-30"),
        )
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Kies een datum."));

    // A cancels the first meetup, after a page that asks (B: 404); attendance is recorded for a
    // past one.
    let cancel = format!("/admin/meetups/{meetup}/cancel");
    let (status, _, page) = app.get_as(&a, &format!("/admin/groups/{id}/meetups")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(r#"href="{cancel}""#)));
    assert!(
        !page.contains(&format!(r#"action="{cancel}""#)),
        "no one-tap cancel"
    );
    let (status, _, ask) = app.get_as(&a, &cancel).await;
    assert_eq!(status, 200);
    assert!(ask.contains("Gaat deze bijeenkomst niet door?") && ask.contains("dinsdag 1 december"));
    assert!(ask.contains(r#"name="confirm" value="yes""#));
    assert_eq!(app.get_as(&b, &cancel).await.0, 404);
    let is_cancelled = || async {
        sqlx::query_scalar::<_, i64>("SELECT cancelled FROM meetups WHERE id = $1")
            .bind(&meetup)
            .fetch_one(&app.db.pool)
            .await
            .unwrap()
    };
    for form in [&[][..], &[("confirm", "1")][..]] {
        let (status, _, page) = app.post_as(&a, &cancel, form).await;
        assert_eq!(status, 200, "{form:?}");
        assert!(page.contains("Gaat deze bijeenkomst niet door?"));
        assert_eq!(is_cancelled().await, 0, "{form:?}");
    }
    let (status, location, _) = app.post_as(&a, &cancel, &[("confirm", "yes")]).await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/groups/{id}/meetups?done=meetup-cancelled&item={meetup}#meetup-{meetup}")
    );
    let (_, _, page) = app.get_as(&a, &location).await;
    assert!(card(&page, &format!("meetup-{meetup}"))
        .contains("Opgeslagen: deze bijeenkomst gaat niet door."));
    let cancelled: i64 = sqlx::query_scalar("SELECT cancelled FROM meetups WHERE id = $1")
        .bind(&meetup)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(cancelled, 1);
    let (status, location, _) = app
        .post_as(
            &a,
            &format!("/admin/meetups/{meetup}/attendance"),
            &[("adults", "7"), ("children", "4")],
        )
        .await;
    assert_eq!(status, 303);
    assert!(location.ends_with(&format!("?done=attendance&item={meetup}#meetup-{meetup}")));
    let counts: (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT attended_adults, attended_children FROM meetups WHERE id = $1")
            .bind(&meetup)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(counts, (Some(7), Some(4)));

    // The place can be moved from the postcode's centre, but not out of the country.
    let mut moved: Vec<(&str, &str)> = GROUP.to_vec();
    moved.extend([("lat", "52.3600"), ("lon", "6.6000")]);
    let (status, location, _) = app
        .post_as(&a, &format!("/admin/groups/{id}"), &moved)
        .await;
    assert_eq!(status, 303);
    // Back at the group's card in the list, which says it is saved.
    assert_eq!(
        location,
        format!("/admin/groups?done=group-saved&item={id}#group-{id}")
    );
    let (_, _, list) = app.get_as(&a, &location).await;
    assert!(card(&list, &format!("group-{id}")).contains("Opgeslagen: de groep is bijgewerkt."));
    let (lat, lon): (f64, f64) = sqlx::query_as("SELECT lat, lon FROM peer_groups WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!((lat, lon), (52.36, 6.6));
    let mut paris: Vec<(&str, &str)> = GROUP.to_vec();
    paris.extend([("lat", "48.85"), ("lon", "2.35")]);
    let (status, _, body) = app
        .post_as(&a, &format!("/admin/groups/{id}"), &paris)
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("Vul een plek in Nederland in"));

    // Edit and pause: parents no longer find it.
    let mut paused: Vec<(&str, &str)> = GROUP.to_vec();
    paused.push(("paused", "1"));
    let (status, _, _) = app
        .post_as(&a, &format!("/admin/groups/{id}"), &paused)
        .await;
    assert_eq!(status, 303);
    let (_, _, finder) = app.get_as("", "/groups?postcode=7641").await;
    assert!(!finder.contains("Nieuwe moedergroep Wierden"));
    let (status, _, _) = app.get_as("", &format!("/groups/{id}")).await;
    assert_eq!(status, 404);
});

// A facilitator gives the group's words in another language; parents reading in that language
// see them, others see the Dutch; another facilitator gets 404; an unknown language is named.
on_both_backends!(group_words_in_other_languages, |app| {
    app.account("a@example.nl", Role::Facilitator).await;
    app.account("b@example.nl", Role::Facilitator).await;
    let a = app.sign_in("a@example.nl").await;
    let b = app.sign_in("b@example.nl").await;
    let (status, location, _) = app.post_as(&a, "/admin/groups/new", GROUP).await;
    assert_eq!(status, 303);
    let id = location.split('/').nth(3).unwrap().to_string();
    let texts = format!("/admin/groups/{id}/texts");
    let arabic = [
        ("text_lang", "ar"),
        ("text_description", "نتحدث عن الأسبوع."),
        ("text_first_visit", "ادخل ببساطة."),
    ];
    assert_eq!(app.post_as(&b, &texts, &arabic).await.0, 404);
    let (status, _, body) = app.post_as(&a, &texts, &[("text_lang", "xx")]).await;
    assert_eq!(status, 400);
    assert!(body.contains("Kies een taal uit de lijst."));
    let (status, location, _) = app.post_as(&a, &texts, &arabic).await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/admin/groups/{id}?done=texts#group-texts")
    );
    let (_, _, edit) = app.get_as(&a, &location).await;
    let saved = &edit[edit.find(r#"id="group-texts""#).unwrap()..];
    assert!(saved[..saved.find("</details>").unwrap()]
        .contains("Opgeslagen: de woorden in de andere taal."));
    let (_, page) = app.page(&format!("/groups/{id}?lang=ar")).await;
    assert!(page.contains("نتحدث عن الأسبوع.") && page.contains("ادخل ببساطة."));
    let (_, page) = app.page(&format!("/groups/{id}?lang=en")).await;
    assert!(
        page.contains("We praten over de week."),
        "no English words: the Dutch"
    );
    let (_, _, edit) = app.get_as(&a, &format!("/admin/groups/{id}")).await;
    assert!(edit.contains("نتحدث عن الأسبوع."));
    // Both boxes empty: the language is gone.
    assert_eq!(app.post_as(&a, &texts, &[("text_lang", "ar")]).await.0, 303);
    let (_, page) = app.page(&format!("/groups/{id}?lang=ar")).await;
    assert!(!page.contains("نتحدث عن الأسبوع.") && page.contains("We praten over de week."));
});
