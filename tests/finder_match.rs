//! "Best match first, and why": the finder's order, its plain "why" line, the time-of-day and
//! in-person/online choices, and the notice when filters hide near groups.
mod common;

use doorstart::groups::model::{Audience, Rhythm, Weekday};
use doorstart::groups::store::{self, NewGroup};

/// A group `km_north` km north of Almelo 7607, starting at `start_minute` on Tuesdays.
async fn group(
    app: &common::TestApp,
    name: &str,
    km_north: f64,
    ages: (u8, u8),
    langs: &[&str],
    start_minute: u16,
    online: bool,
) -> String {
    store::insert(
        &app.db,
        &NewGroup {
            name,
            municipality: "Almelo",
            address: "Teststraat 1, Almelo",
            pc4: 7607,
            lat: 52.3549 + km_north / 111.2,
            lon: 6.6676,
            weekday: Weekday::new(2).unwrap(),
            start_minute,
            rhythm: Rhythm::Weekly,
            ages,
            languages: langs,
            children_welcome: false,
            childcare: true,
            cost_cents: 0,
            online,
            audience: Audience::EveryParent,
            facilitator_name: "Anna",
            texts: &[("nl", "Beschrijving", "Eerste keer")],
        },
    )
    .await
    .unwrap()
}

/// Where each name first appears on the page (all must appear).
fn order(page: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|n| page.find(n).unwrap_or_else(|| panic!("{n} on the page")))
        .collect()
}

/// The "why" line of the card of the group `name`.
fn why_of(page: &str, name: &str) -> String {
    let card = &page[page.find(name).unwrap()..];
    let at = card.find(r#"<p class="why">"#).expect("a why line");
    let rest = &card[at..];
    let text = &rest[rest.find("<span>").unwrap() + 6..];
    text[..text.find("</span>").unwrap()].replace("<!>", "")
}

on_both_backends!(the_parents_own_language_comes_first_and_says_why, |app| {
    group(app, "Dutch near", 1.0, (0, 12), &["nl"], 570, false).await;
    group(app, "Arabic close", 4.0, (4, 8), &["nl", "ar"], 570, false).await;
    group(app, "Arabic far", 9.0, (4, 8), &["nl", "ar"], 570, false).await;
    // In Dutch: nearest first.
    let (status, page) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    let at = order(&page, &["Dutch near", "Arabic close", "Arabic far"]);
    assert!(at[0] < at[1] && at[1] < at[2], "{at:?}");
    assert_eq!(why_of(&page, "Dutch near"), "1 km");
    // Read in Arabic: the group that speaks Arabic a few km further comes first; one that is
    // much further stays behind the near one.
    let (_, page) = app.page("/groups?postcode=7607&lang=ar").await;
    let at = order(&page, &["Dutch near", "Arabic close", "Arabic far"]);
    assert!(at[1] < at[0] && at[0] < at[2], "{at:?}");
    // Chosen in the filters, in English: the why line says distance, ages and language.
    let (_, page) = app
        .page("/groups?postcode=7607&lang=en&language=ar&age=5")
        .await;
    assert!(!page.contains("Dutch near"), "the language filter hides it");
    assert_eq!(
        why_of(&page, "Arabic close"),
        "4 km · children 4 to 8 · Arabic spoken"
    );
    let at = order(&page, &["Arabic close", "Arabic far"]);
    assert!(at[0] < at[1]);
});

on_both_backends!(time_of_day_and_online_choices, |app| {
    group(app, "Morning group", 2.0, (0, 12), &["nl"], 570, false).await;
    group(app, "Evening group", 3.0, (0, 12), &["nl"], 19 * 60, false).await;
    group(app, "Video group", 0.0, (0, 12), &["nl"], 20 * 60, true).await;
    let (_, page) = app.page("/groups?postcode=7607&lang=en&time=evening").await;
    assert!(page.contains("Evening group") && !page.contains("Morning group"));
    assert_eq!(why_of(&page, "Evening group"), "3 km · evening");
    assert!(page.contains(r#"<option value="evening" selected"#));
    // Online only: no in-person groups; in person only: no online groups.
    let (_, page) = app.page("/groups?postcode=7607&lang=en&mode=online").await;
    assert!(page.contains("Video group"));
    assert!(!page.contains("Morning group") && !page.contains("Evening group"));
    let (_, page) = app
        .page("/groups?postcode=7607&lang=en&mode=in-person")
        .await;
    assert!(page.contains("Morning group") && page.contains("Evening group"));
    assert!(!page.contains("Video group"));
    // Unknown values are ignored, never an error.
    let (status, page) = app.page("/groups?postcode=7607&time=night&mode=x").await;
    assert_eq!(status, 200);
    assert!(page.contains("Morning group") && page.contains("Evening group"));
});

on_both_backends!(
    filters_that_hide_near_groups_are_said_and_can_be_cleared,
    |app| {
        group(app, "Young kids group", 2.0, (0, 4), &["nl"], 570, false).await;
        group(app, "Older kids group", 20.0, (8, 12), &["nl"], 570, false).await;
        let notice = "Your choices hide groups that are near you";
        let (_, page) = app.page("/groups?postcode=7607&lang=en").await;
        assert!(!page.contains(notice), "no filters, nothing hidden");
        let (_, page) = app.page("/groups?postcode=7607&lang=en&age=3").await;
        assert!(!page.contains(notice), "the near group fits");
        let (_, page) = app.page("/groups?postcode=7607+AB&lang=en&age=10").await;
        assert!(page.contains(notice), "the near group is hidden by the age");
        let at = page.find("filters-hide").unwrap();
        let html = page[at..at + page[at..].find("</p>").unwrap()].replace("<!>", "");
        assert!(
            html.contains(r#"<a href="/groups?postcode=7607%20AB">Show all groups near you</a>"#),
            "{html}"
        );
        assert!(page.contains("Older kids group") && !page.contains("Young kids group"));
        // The link without filters shows the near group again.
        let (_, page) = app.page("/groups?postcode=7607%20AB&lang=en").await;
        assert!(page.contains("Young kids group") && !page.contains(notice));
        // In Dutch too.
        let (_, page) = app.page("/groups?postcode=7607&lang=nl&time=evening").await;
        assert!(page.contains("Je keuzes verbergen groepen die dichtbij zijn"));
    }
);

on_both_backends!(new_choices_keep_one_statement_per_page, |app| {
    use std::sync::atomic::Ordering;
    group(app, "Near group", 1.0, (0, 12), &["nl", "ar"], 570, false).await;
    group(app, "Video group", 0.0, (0, 12), &["nl"], 570, true).await;
    let (_, body) = app.page("/groups?postcode=7607").await;
    assert!(body.contains("Near group"));
    let before = app.db.pool_uses.load(Ordering::SeqCst);
    for age in 5..10 {
        let (_, body) = app
            .page(&format!(
                "/groups?postcode=7607&age={age}&time=morning&mode=in-person&lang=ar"
            ))
            .await;
        assert!(body.contains("Near group"));
    }
    let uses = app.db.pool_uses.load(Ordering::SeqCst) - before;
    assert!(
        (5..=6).contains(&uses),
        "{uses} round trips for 5 finder pages"
    );
});
