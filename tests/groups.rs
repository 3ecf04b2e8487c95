//! The group finder on both databases, through HTTP like a browser without JavaScript.
mod common;

use doorstart::groups::model::{Rhythm, Weekday};
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
