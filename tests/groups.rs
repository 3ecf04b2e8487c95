//! The group finder on both databases, through HTTP like a browser without JavaScript.
mod common;

use doorstart::groups::model::{Audience, Rhythm, Weekday};
use doorstart::groups::store::{self, NewGroup};

async fn add_group(
    app: &common::TestApp,
    name: &str,
    lat: f64,
    lon: f64,
    ages: (u8, u8),
    langs: &[&str],
    online: bool,
) -> String {
    add_group_for(
        app,
        name,
        (lat, lon),
        ages,
        langs,
        online,
        Audience::EveryParent,
    )
    .await
}

async fn add_group_for(
    app: &common::TestApp,
    name: &str,
    (lat, lon): (f64, f64),
    ages: (u8, u8),
    langs: &[&str],
    online: bool,
    audience: Audience,
) -> String {
    store::insert(
        &app.db,
        &NewGroup {
            name,
            municipality: "Almelo",
            address: "Teststraat 1, Almelo",
            pc4: 7607,
            lat,
            lon,
            weekday: Weekday::new(2).unwrap(),
            start_minute: 570,
            rhythm: Rhythm::Weekly,
            ages,
            languages: langs,
            children_welcome: false,
            childcare: true,
            cost_cents: 0,
            online,
            audience,
            facilitator_name: "Anna",
            texts: &[
                (
                    "nl",
                    "Beschrijving in het Nederlands",
                    "Eerste keer: gewoon binnenlopen",
                ),
                ("en", "Description in English", "First time: just walk in"),
            ],
        },
    )
    .await
    .unwrap()
}

on_both_backends!(finds_groups_nearest_first, |app| {
    // Almelo 7607 centroid is 52.3549, 6.6676.
    add_group(
        app,
        "Far group Enschede",
        52.22,
        6.90,
        (4, 12),
        &["nl"],
        false,
    )
    .await; // ~22 km
    add_group(
        app,
        "Near group",
        52.356,
        6.668,
        (4, 12),
        &["nl", "ar"],
        false,
    )
    .await; // ~0.1 km
    add_group(app, "Middle group", 52.30, 6.74, (4, 12), &["nl"], false).await; // ~8 km
    add_group(app, "Too far Zwolle", 52.51, 6.09, (4, 12), &["nl"], false).await; // >25 km
    add_group(app, "Video group", 0.0, 0.0, (4, 18), &["nl"], true).await;

    let (status, body) = app.page("/groups?postcode=7607+ab").await;
    assert_eq!(status, 200);
    let near = body.find("Near group").expect("near group listed");
    let middle = body.find("Middle group").expect("middle group listed");
    let far = body.find("Far group Enschede").expect("far group listed");
    assert!(near < middle && middle < far, "sorted by distance");
    assert!(!body.contains("Too far Zwolle"));
    assert!(body.contains("Video group"), "online groups are listed too");
    assert!(
        body.contains("0,1 km"),
        "distance with one decimal, Dutch comma"
    );
    assert!(body.contains("GeoNames"), "attribution shown");
    assert!(
        body.contains(r#"value="7607 ab""#),
        "the postcode stays in the form"
    );

    // A filter narrows: age 15 is outside 4–12.
    let (_, body) = app.page("/groups?postcode=7607&age=15").await;
    assert!(!body.contains("Near group"));
    assert!(body.contains("Video group"), "4–18 admits 15");
    // Language filter.
    let (_, body) = app.page("/groups?postcode=7607&language=ar").await;
    assert!(body.contains("Near group"));
    assert!(!body.contains("Middle group"));

    // No miss was counted: there was a group close by.
    let misses: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM search_misses")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(misses, 0);
});

on_both_backends!(bad_and_unknown_postcodes, |app| {
    let (status, body) = app.page("/groups?postcode=76a7").await;
    assert_eq!(status, 400);
    assert!(body.contains("Dit is geen postcode"));
    assert!(body.contains(r#"aria-invalid="true""#));
    let (status, body) = app
        .page("/groups?postcode=%3Cscript%3Ealert(1)%3C/script%3E&lang=en")
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("This is not a postcode"));
    assert!(!body.contains("<script>alert(1)"), "input is escaped");
    let (status, body) = app.page("/groups?postcode=1000").await;
    assert_eq!(status, 404);
    assert!(body.contains("We kennen postcode 1000 niet"));
    // A huge value is cut, not a crash.
    let long = "9".repeat(5000);
    let (status, _) = app.page(&format!("/groups?postcode={long}")).await;
    assert_eq!(status, 400);
    // No postcode yet: just the form.
    let (status, body) = app.page("/groups").await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"name="postcode""#));
});

on_both_backends!(nothing_close_is_said_kindly_and_counted, |app| {
    add_group(app, "Almelo group", 52.356, 6.668, (4, 12), &["nl"], false).await;
    // Maastricht 6211 is far from Almelo.
    let (status, body) = app.page("/groups?postcode=6211").await;
    assert_eq!(status, 200);
    assert!(body.contains("Er is nog geen groep binnen 10 km"));
    assert!(
        body.contains("Almelo group"),
        "the nearest further away is shown"
    );
    let _ = app.page("/groups?postcode=6211AB").await;
    let row: (String, i64) = sqlx::query_as("SELECT pc4, searches FROM search_misses")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        row,
        ("6211".to_string(), 1),
        "the same PC4 from the same client counts once a day"
    );
    let cols: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM search_misses")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(cols, 1, "one row per PC4 and day");
});

on_both_backends!(group_page_in_the_readers_language, |app| {
    let id = add_group(
        app,
        "Koffie <b>ochtend</b>",
        52.356,
        6.668,
        (4, 12),
        &["nl", "ar"],
        false,
    )
    .await;
    let start = common::START + 86_400;
    doorstart::meetups::store::insert(&app.db, &id, start, start + 7200, "Buurthuis", 12)
        .await
        .unwrap();
    let (status, body) = app.page(&format!("/groups/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Koffie &lt;b&gt;ochtend&lt;/b&gt;"),
        "HTML in names is shown as text"
    );
    assert!(body.contains("Beschrijving in het Nederlands"));
    assert!(body.contains("Begeleider: Anna"));
    assert!(body.contains("openstreetmap.org/directions"));
    assert!(body.contains("https://wa.me/?text="));
    assert!(body.contains("dinsdag 24 november"), "meetup date in Dutch");
    assert!(body.contains("12:00"), "local time");
    let (_, body) = app.page(&format!("/groups/{id}?lang=en")).await;
    assert!(body.contains("Description in English"));
    // Arabic has no text of its own: falls back to Dutch.
    let (_, body) = app.page(&format!("/groups/{id}?lang=ar")).await;
    assert!(body.contains("Beschrijving in het Nederlands"));

    let (status, body) = app.page("/groups/does-not-exist").await;
    assert_eq!(status, 404);
    assert!(body.contains("Deze pagina bestaat niet"));
});

on_both_backends!(demo_data_loads_once, |app| {
    let n = doorstart::demo::load_if_empty(&app.db).await.unwrap();
    assert!(n >= 30);
    assert_eq!(
        doorstart::demo::load_if_empty(&app.db).await.unwrap(),
        0,
        "not twice"
    );
    let (status, body) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    assert!(body.contains("Koffieochtend ouders Almelo-Centrum"));
    assert!(body.contains("Volgende keer"), "demo groups have meetups");
    // The demo's mothers' group says so; the others are for every parent.
    let (_, body) = app.page("/groups?postcode=7608").await;
    assert!(card(&body, "Moedergroep Schelfhorst").contains("Voor moeders"));
    assert!(card(&body, "Koffieochtend ouders Almelo-Centrum").contains("Voor elke ouder"));
    let (_, body) = app.page("/groups?postcode=7608&fathers=1").await;
    assert!(!body.contains("Moedergroep Schelfhorst"));
    assert!(body.contains("Koffieochtend ouders Almelo-Centrum"));
    let mothers: Vec<String> =
        sqlx::query_scalar("SELECT name FROM peer_groups WHERE audience <> 'every-parent'")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(mothers, ["Moedergroep Schelfhorst"]);
});

on_both_backends!(a_finder_page_costs_one_database_round_trip, |app| {
    use std::sync::atomic::Ordering;
    add_group(app, "Near group", 52.356, 6.668, (4, 12), &["nl"], false).await;
    add_group(app, "Video group", 0.0, 0.0, (4, 18), &["nl"], true).await;
    // The first search loads the in-memory index.
    let (status, body) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    assert!(body.contains("Near group") && body.contains("Video group"));
    let before = app.db.pool_uses.load(Ordering::SeqCst);
    // Five different addresses: the page cache keeps whole pages, so each is rendered here.
    for age in 5..10 {
        let (_, body) = app.page(&format!("/groups?postcode=7607&age={age}")).await;
        assert!(body.contains("Near group") && body.contains("Video group"));
    }
    let uses = app.db.pool_uses.load(Ordering::SeqCst) - before;
    // One statement per page (the shown groups' facts with the online groups), plus at most
    // one look at the version when a second has passed. Before the index: three per page.
    assert!(
        (5..=6).contains(&uses),
        "{uses} round trips for 5 finder pages"
    );
});

on_both_backends!(
    a_change_through_another_instance_is_found_within_two_seconds,
    |app| {
        add_group(app, "Near group", 52.356, 6.668, (4, 12), &["nl"], false).await;
        // Another process on the same database: its own pool and its own index.
        let (other_db, other) = app.separate_instance().await;
        let search = |base: String| {
            let client = app.client.clone();
            async move {
                let res = client
                    .get(format!("{base}/groups?postcode=7607"))
                    .send()
                    .await
                    .unwrap();
                res.text().await.unwrap()
            }
        };
        let body = search(other.clone()).await;
        assert!(body.contains("Near group") && !body.contains("New group"));
        // A group made through this instance: here at once, there within 2 seconds.
        add_group(app, "New group", 52.357, 6.669, (4, 12), &["nl"], false).await;
        assert!(search(app.base.clone()).await.contains("New group"));
        let started = std::time::Instant::now();
        loop {
            if search(other.clone()).await.contains("New group") {
                break;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(2),
                "the other instance still does not show the new group"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        other_db.pool.close().await;
    }
);

/// The text between `start` and the next quote, the first time `start` occurs.
fn value_after(body: &str, start: &str) -> String {
    let rest = body.split(start).nth(1).expect("found");
    rest.split('"').next().unwrap_or_default().to_string()
}

/// Renames a group as a change to it does: the version raised; this instance's index marked
/// old when the change came through this instance.
async fn rename(app: &common::TestApp, id: &str, name: &str, here: bool) {
    sqlx::query("UPDATE peer_groups SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    doorstart::groups::store::finder::bump_version(&app.db.pool)
        .await
        .unwrap();
    if here {
        doorstart::groups::store::finder::mark_stale(&app.db);
    }
}

// The finder page from the server's page cache: each language its own page, a fresh nonce in
// every answer, no database round trip for a kept page, and a changed group at once (through
// this instance) or within the version check (through another).
on_both_backends!(
    the_page_cache_keeps_each_language_and_follows_changes,
    |app| {
        use std::sync::atomic::Ordering;
        let id = add_group(app, "Cached group", 52.356, 6.668, (4, 12), &["nl"], false).await;
        let get = |lang: &'static str| {
            let client = app.client.clone();
            let url = app.url("/groups?postcode=7607");
            async move {
                let res = client
                    .get(url)
                    .header("accept-language", lang)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 200);
                let csp = res.headers()["content-security-policy"]
                    .to_str()
                    .unwrap()
                    .to_string();
                (csp, res.text().await.unwrap())
            }
        };
        let nonce = |body: &str| value_after(body, "nonce=\"");
        let (_, nl) = get("nl").await;
        let (_, en) = get("en").await;
        assert!(nl.contains(r#"<html lang="nl""#) && en.contains(r#"<html lang="en""#));
        assert!(nl.contains("Cached group") && en.contains("Cached group"));
        assert_ne!(nl, en);
        // Kept: the same page again without the database, with this answer's own nonce.
        let before = app.db.pool_uses.load(Ordering::SeqCst);
        let (csp, again) = get("nl").await;
        assert!(
            app.db.pool_uses.load(Ordering::SeqCst) - before <= 1,
            "at most the version check"
        );
        assert!(again.contains(r#"<html lang="nl""#) && again.contains("Cached group"));
        assert_ne!(nonce(&again), nonce(&nl), "a new nonce in every answer");
        assert!(csp.contains(&format!("'nonce-{}'", nonce(&again))));
        let (_, en_again) = get("en").await;
        assert!(en_again.contains(r#"<html lang="en""#));

        // A change through this instance: raised version, this instance's index marked old.
        rename(app, &id, "Renamed group", true).await;
        let (_, nl) = get("nl").await;
        assert!(nl.contains("Renamed group") && !nl.contains("Cached group"));
        let (_, en) = get("en").await;
        assert!(en.contains("Renamed group"));

        // A change through another instance: only the version moves; seen within the check.
        rename(app, &id, "Elsewhere renamed", false).await;
        let started = std::time::Instant::now();
        loop {
            let (_, nl) = get("nl").await;
            if nl.contains("Elsewhere renamed") {
                break;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(3),
                "not seen after 3 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
);

// Pages with a form token and pages that count when shown never come from the cache.
on_both_backends!(the_page_cache_never_shares_a_visitors_own_page, |app| {
    let id = add_group(app, "Token group", 52.356, 6.668, (4, 12), &["nl"], false).await;
    // The join form carries a fresh token each time (and is not on the list anyway).
    let token = |body: &str| value_after(body, "name=\"token\" value=\"");
    let (_, a) = app.page(&format!("/groups/{id}/join")).await;
    let (_, b) = app.page(&format!("/groups/{id}/join")).await;
    assert_ne!(token(&a), token(&b));
    // A postcode with no group within 10 km is counted when shown: rendered every time.
    let (_, far) = app.page("/groups?postcode=9991").await;
    assert!(far.contains("Token group"));
    let before = app.db.pool_uses.load(std::sync::atomic::Ordering::SeqCst);
    app.page("/groups?postcode=9991").await;
    assert!(app.db.pool_uses.load(std::sync::atomic::Ordering::SeqCst) > before);
});

/// The stored `audience` of a group.
async fn audience_of(app: &common::TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT audience FROM peer_groups WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The card of a group in a finder page (from its name to the end of its card).
fn card<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page
        .find(name)
        .unwrap_or_else(|| panic!("{name} is not listed"));
    let rest = &page[at..];
    &rest[..rest.find("</li></ul>").unwrap_or(rest.len())]
}

// Every parent sees whether they are welcome: a group says who it is for, the card and the page
// show it, and "open to fathers" leaves out the mothers' groups (online ones too).
on_both_backends!(who_a_group_is_for_is_stored_shown_and_filtered, |app| {
    let near = (52.356, 6.668);
    let mut ids = Vec::new();
    for (name, audience) in [
        ("Groep elke ouder", Audience::EveryParent),
        ("Groep moeders", Audience::Mothers),
        ("Groep vaders", Audience::Fathers),
        ("Groep jonge ouders", Audience::YoungParents),
    ] {
        ids.push(add_group_for(app, name, near, (4, 12), &["nl"], false, audience).await);
    }
    let online_mothers = add_group_for(
        app,
        "Online moeders",
        (0.0, 0.0),
        (4, 12),
        &["nl"],
        true,
        Audience::Mothers,
    )
    .await;
    let stored: Vec<String> = {
        let mut v = Vec::new();
        for id in &ids {
            v.push(audience_of(app, id).await);
        }
        v
    };
    assert_eq!(
        stored,
        ["every-parent", "mothers", "fathers", "young-parents"]
    );
    // A row written without the column (as every group before it): for every parent.
    sqlx::query(
        "INSERT INTO peer_groups (id, name, municipality, address, pc4, lat, lon, weekday, \
         start_minute, rhythm, age_min, age_max, languages, children_welcome, childcare, \
         cost_cents, online, active, facilitator_name, created_at) VALUES ('legacy', 'Oude groep', \
         'Almelo', 'Straat 1', '7607', 52.356, 6.668, 2, 570, 'weekly', 4, 12, 'nl', 0, 0, 0, 0, 1, \
         'Anna', 0)",
    )
    .execute(&app.db.pool)
    .await
    .unwrap();
    doorstart::groups::store::finder::mark_stale(&app.db);
    assert_eq!(audience_of(app, "legacy").await, "every-parent");

    // Every card says who the group is for, in plain words.
    let (status, page) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    for (name, words) in [
        ("Groep elke ouder", "Voor elke ouder"),
        ("Groep moeders", "Voor moeders"),
        ("Groep vaders", "Voor vaders"),
        ("Groep jonge ouders", "Voor jonge ouders"),
        ("Online moeders", "Voor moeders"),
        ("Oude groep", "Voor elke ouder"),
    ] {
        assert!(card(&page, name).contains(words), "{name}: {words}");
    }
    assert!(
        page.contains(r#"name="fathers" type="checkbox" value="1""#),
        "the filter is in the form"
    );

    // Open to fathers: every group but the mothers' groups, the ticked box kept.
    let (status, page) = app.page("/groups?postcode=7607&fathers=1").await;
    assert_eq!(status, 200);
    for name in ["Groep elke ouder", "Groep vaders", "Groep jonge ouders"] {
        assert!(page.contains(name), "{name} is open to fathers");
    }
    assert!(!page.contains("Groep moeders") && !page.contains("Online moeders"));
    assert!(page.contains(r#"id="fathers" name="fathers" type="checkbox" value="1" checked"#));
    // The page cache keeps the filter apart (the same second, without and with it).
    let (_, without) = app.page("/groups?postcode=7607&kids=&age=").await;
    let (_, with) = app.page("/groups?postcode=7607&kids=&age=&fathers=1").await;
    assert!(without.contains("Groep moeders"));
    assert!(
        !with.contains("Groep moeders"),
        "the filter is part of the cache key"
    );
    // In other words and other languages.
    let (_, page) = app.page("/groups?postcode=7607&fathers=on&lang=ar").await;
    assert!(!page.contains("Groep moeders") && page.contains("Groep vaders"));
    assert!(page.contains("للآباء"), "Arabic words");

    // The group page says it too, in the reader's language.
    let (_, page) = app.page(&format!("/groups/{}", ids[1])).await;
    assert!(page.contains("Voor moeders"));
    let (_, page) = app.page(&format!("/groups/{}?lang=en", ids[3])).await;
    assert!(page.contains("For young parents"));
    let (_, page) = app.page(&format!("/groups/{online_mothers}?lang=fa")).await;
    assert!(page.contains("برای مادرها"));

    // Through the server function too (what a script would call).
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .form(&[("postcode", "7607"), ("fathers", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let json = res.text().await.unwrap();
    assert!(
        json.contains("Groep vaders") && !json.contains("Groep moeders"),
        "{json}"
    );
    assert!(json.contains(r#""audience":"YoungParents""#), "{json}");
});

// The facilitator's form: who the group is for is chosen, saved, shown again and changed; a
// value no form of ours sends is refused; an older form without it means every parent.
on_both_backends!(the_group_form_saves_who_it_is_for, |app| {
    use doorstart::accounts::model::Role;
    app.account("f@example.nl", Role::Facilitator).await;
    let me = app.sign_in("f@example.nl").await;
    let form = |audience: Option<&'static str>| {
        let mut f = vec![
            ("name", "Vadergroep Wierden"),
            ("description", "We praten over de week."),
            ("first_visit", "Loop gewoon binnen."),
            ("facilitator_name", "Erik"),
            ("postcode", "7641"),
            ("address", "Dorpshuis, Wierden"),
            ("weekday", "2"),
            ("start", "19:30"),
            ("rhythm", "weekly"),
            ("age_min", "4"),
            ("age_max", "12"),
            ("lang_nl", "1"),
            ("cost", "0"),
        ];
        if let Some(a) = audience {
            f.push(("audience", a));
        }
        f
    };
    // The new group's form offers the four choices, every parent first and chosen.
    let (status, _, page) = app.get_as(&me, "/admin/groups/new").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"<select id="audience" name="audience">"#),
        "{page}"
    );
    assert!(page.contains(r#"<option value="every-parent" selected"#));
    for words in ["Voor moeders", "Voor vaders", "Voor jonge ouders"] {
        assert!(page.contains(words), "{words}");
    }

    let (status, location, _) = app
        .post_as(&me, "/admin/groups/new", &form(Some("fathers")))
        .await;
    assert_eq!(status, 303);
    let id = location
        .trim_start_matches("/admin/groups/")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(audience_of(app, &id).await, "fathers");
    let (_, _, page) = app.get_as(&me, &format!("/admin/groups/{id}")).await;
    assert!(
        page.contains(r#"<option value="fathers" selected"#),
        "shown again"
    );
    let (_, page) = app.page(&format!("/groups/{id}")).await;
    assert!(page.contains("Voor vaders"));

    // Changed to young parents.
    let (status, _, _) = app
        .post_as(
            &me,
            &format!("/admin/groups/{id}"),
            &form(Some("young-parents")),
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(audience_of(app, &id).await, "young-parents");

    // A value of no form: refused with a word at the field, nothing changed.
    let (status, _, page) = app
        .post_as(
            &me,
            &format!("/admin/groups/{id}"),
            &form(Some("grandparents")),
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("Kies voor wie de groep is."));
    assert_eq!(audience_of(app, &id).await, "young-parents");

    // An older form without the field: every parent.
    let (status, _, _) = app
        .post_as(&me, &format!("/admin/groups/{id}"), &form(None))
        .await;
    assert_eq!(status, 303);
    assert_eq!(audience_of(app, &id).await, "every-parent");
});

// Themed meetups (issue 23, point 6): the theme is stored, shown with plain words on the group
// page and the finder's cards, and `theme=` shows only groups with such a meetup coming; an
// unknown theme is ignored (never a server error); the page cache keys on it; a past or
// cancelled meetup's theme does not count.
on_both_backends!(a_meetup_theme_is_stored_shown_and_filtered, |app| {
    use doorstart::meetups::model::{MeetupKind, Theme};
    use doorstart::meetups::store as meetups;
    let near = (52.356, 6.668);
    let calm = add_group(app, "Groep rust", near.0, near.1, (4, 12), &["nl"], false).await;
    let plain = add_group(app, "Groep gewoon", near.0, near.1, (4, 12), &["nl"], false).await;
    let past = add_group(
        app,
        "Groep voorbij",
        near.0,
        near.1,
        (4, 12),
        &["nl"],
        false,
    )
    .await;
    let start = common::START + 86_400;
    let m = meetups::insert(&app.db, &calm, start, start + 7200, "Buurthuis", 12)
        .await
        .unwrap();
    meetups::set_theme(
        &app.db,
        &m,
        Some(Theme::Stress),
        MeetupKind::Workshop,
        "een verpleegkundige van de JGZ",
    )
    .await
    .unwrap();
    meetups::insert(&app.db, &plain, start, start + 7200, "Buurthuis", 12)
        .await
        .unwrap();
    // Over already: its theme is no reason to show the group.
    let old = meetups::insert(
        &app.db,
        &past,
        start - 10 * 86_400,
        start - 10 * 86_400 + 7200,
        "Buurthuis",
        12,
    )
    .await
    .unwrap();
    meetups::set_theme(&app.db, &old, Some(Theme::Stress), MeetupKind::Meetup, "")
        .await
        .unwrap();
    let stored: (Option<String>, String, String) =
        sqlx::query_as("SELECT theme, kind, guest FROM meetups WHERE id = $1")
            .bind(&m)
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

    // The group page: the theme in plain words, the workshop and the guest.
    let (status, page) = app.page(&format!("/groups/{calm}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Thema: Minder stress"), "{page}");
    assert!(page.contains("Workshop") && page.contains("een verpleegkundige van de JGZ"));
    let (_, page) = app.page(&format!("/meetups/{m}?lang=ar")).await;
    assert!(page.contains("ضغط نفسي أقل"), "Arabic theme words");

    // The finder: the card says what is coming; the filter shows only that group.
    let (status, page) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    assert!(card(&page, "Groep rust").contains("Binnenkort: Minder stress"));
    assert!(!card(&page, "Groep gewoon").contains("Binnenkort"));
    assert!(
        page.contains(r#"<select id="theme" name="theme">"#),
        "the filter is in the form"
    );
    let (status, page) = app.page("/groups?postcode=7607&theme=stress").await;
    assert_eq!(status, 200);
    assert!(page.contains("Groep rust"));
    assert!(!page.contains("Groep gewoon") && !page.contains("Groep voorbij"));
    assert!(
        page.contains(r#"<option value="stress" selected"#),
        "the choice is kept"
    );
    // The page cache keeps the filter apart (the same second, without and with it).
    let (_, without) = app.page("/groups?postcode=7607&age=").await;
    let (_, with) = app.page("/groups?postcode=7607&age=&theme=language").await;
    assert!(without.contains("Groep gewoon"));
    assert!(
        !with.contains("Groep gewoon") && !with.contains("Groep rust"),
        "theme is in the cache key"
    );
    // An unknown theme: the filter is ignored, never a server error.
    for bad in ["nonsense", "%27%3B--", "STRESS", ""] {
        let (status, page) = app
            .page(&format!("/groups?postcode=7607&theme={bad}"))
            .await;
        assert_eq!(status, 200, "{bad}");
        assert!(
            page.contains("Groep gewoon") && page.contains("Groep rust"),
            "{bad}"
        );
    }
    // Cancelled: the group no longer shows under the theme (the finder was told at once).
    assert!(meetups::cancel_meetup(&app.db, &m).await.unwrap());
    let (_, page) = app.page("/groups?postcode=7607&theme=stress&kids=").await;
    assert!(
        !page.contains("Groep rust"),
        "a cancelled meetup's theme does not count"
    );
    // Through the server function too.
    let res = app
        .client
        .post(app.url("/api/groups/search"))
        .form(&[("postcode", "7607"), ("theme", "bogus")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
});

// The demo has themed meetups: the theme filter shows some Almelo groups, not all.
on_both_backends!(the_demo_theme_filter_shows_some_groups, |app| {
    doorstart::demo::load_if_empty(&app.db).await.unwrap();
    let (_, all) = app.page("/groups?postcode=7607").await;
    let (status, stress) = app.page("/groups?postcode=7607&theme=stress").await;
    assert_eq!(status, 200);
    assert!(
        stress.contains("Samen sterk Almelo-Noord"),
        "an evening group"
    );
    assert!(all.contains("Koffieochtend ouders Almelo-Centrum"));
    assert!(
        !stress.contains("Koffieochtend ouders Almelo-Centrum"),
        "not every group"
    );
});
