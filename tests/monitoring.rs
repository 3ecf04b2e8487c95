//! Pilot monitoring on both databases: known data in, every figure out (through the CSV the
//! coordinator downloads), counts of 1–4 hidden, and nobody else gets in.
mod common;

use doorstart::accounts::model::Role;
use doorstart::groups::join::{Contact, JoinInput, JoinStatus};
use doorstart::groups::store;
use doorstart::help::model::{AskInput, Theme};

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

async fn group(app: &common::TestApp, municipality: &str) -> String {
    common::add_group(app, municipality).await
}

async fn join(app: &common::TestApp, group: &str) -> String {
    let token = doorstart::security::tokens::new_token();
    let input = JoinInput {
        token: token.clone(),
        first_name: "Sanne".into(),
        contact: Contact::Phone("0612345678".into()),
        language: "nl".into(),
        children: Some(1),
        child_ages: vec![5],
        referral: "unknown".into(),
    };
    store::insert_join_request(&app.db, group, &input.token, &input)
        .await
        .unwrap();
    sqlx::query_scalar("SELECT id FROM join_requests WHERE token_hash = $1")
        .bind(doorstart::security::tokens::hash_token(&token))
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn meetup(
    app: &common::TestApp,
    group: &str,
    start: i64,
    adults: i64,
    children: i64,
    cancelled: bool,
) {
    let id =
        doorstart::meetups::store::insert(&app.db, group, start, start + 2 * HOUR, "Buurthuis", 15)
            .await
            .unwrap();
    sqlx::query("UPDATE meetups SET attended_adults = $1, attended_children = $2, cancelled = $3 WHERE id = $4")
        .bind(adults)
        .bind(children)
        .bind(i64::from(cancelled))
        .bind(&id)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

async fn csv(app: &common::TestApp, cookie: &str, table: &str, period: &str) -> String {
    let (status, _, body) = app
        .get_as(
            cookie,
            &format!("/admin/monitoring/csv/{table}.csv?{period}"),
        )
        .await;
    assert_eq!(status, 200, "{table}: {body}");
    body
}

on_both_backends!(every_figure_with_small_counts_hidden, |app| {
    let start = common::START; // Monday 23 November 2026, 12:00
    let coordinator_id = app
        .account("coordinator@example.org", Role::Coordinator)
        .await;
    app.account("facilitator@example.org", Role::Facilitator)
        .await;
    let coordinator = doorstart::accounts::store::active_by_id(&app.db, &coordinator_id)
        .await
        .unwrap()
        .unwrap();
    let almelo = group(app, "Almelo").await;
    let enschede = group(app, "Enschede").await;

    // Meetups in November: five held in Almelo (5 adults, 2 children each), one cancelled,
    // one in Enschede; one in December does not count for November.
    for days_before in [21, 14, 7, 3, 1] {
        meetup(app, &almelo, start - days_before * DAY, 5, 2, false).await;
    }
    meetup(app, &almelo, start - 10 * DAY, 9, 9, true).await;
    meetup(app, &enschede, start - 2 * DAY, 3, 1, false).await;
    meetup(app, &almelo, start + 15 * DAY, 6, 6, false).await;

    // Help: six questions (five about money, those five asking for an Arabic interpreter),
    // five answered after 1, 1, 1, 30 and 72 hours.
    let mut help = Vec::new();
    for n in 0..6 {
        let theme = if n == 5 { Theme::Housing } else { Theme::Money };
        let input = AskInput {
            theme,
            message: "Een vraag".into(),
            callback_phone: (n < 5).then(|| "0612345678".to_string()),
            interpreter: (n < 5).then(|| "ar".to_string()),
            notify_email: None,
        };
        help.push(
            doorstart::help::store::create(&app.db, &input, "nl", &format!("hash{n}"))
                .await
                .unwrap(),
        );
    }
    app.clock.advance(HOUR);
    for id in &help[0..3] {
        doorstart::help::store::add_message(&app.db, id, false, "Antwoord")
            .await
            .unwrap();
    }
    app.clock.advance(29 * HOUR);
    doorstart::help::store::add_message(&app.db, &help[3], false, "Antwoord")
        .await
        .unwrap();
    // A second answer does not change the first-reply time.
    doorstart::help::store::add_message(&app.db, &help[0], false, "Nog een")
        .await
        .unwrap();
    app.clock.advance(42 * HOUR);
    doorstart::help::store::add_message(&app.db, &help[4], false, "Antwoord")
        .await
        .unwrap();

    // Join requests (26 November): six in Almelo, two in Enschede.
    let mut requests = Vec::new();
    for _ in 0..6 {
        requests.push(join(app, &almelo).await);
    }
    join(app, &enschede).await;
    join(app, &enschede).await;
    app.clock.advance(2 * DAY);
    for id in &requests[0..4] {
        assert!(
            store::set_join_status(&app.db, &coordinator, id, JoinStatus::Contacted)
                .await
                .unwrap()
        );
    }
    assert!(
        store::set_join_status(&app.db, &coordinator, &requests[4], JoinStatus::Joined)
            .await
            .unwrap()
    );
    app.clock.advance(8 * DAY);
    assert!(
        store::set_join_status(&app.db, &coordinator, &requests[5], JoinStatus::Contacted)
            .await
            .unwrap()
    );
    // Contacted again later: the first contact counts.
    assert!(
        store::set_join_status(&app.db, &coordinator, &requests[0], JoinStatus::Joined)
            .await
            .unwrap()
    );

    // The parent withdraws: the request is gone, the anonymous fact stays.
    sqlx::query("DELETE FROM join_requests WHERE id = $1")
        .bind(&requests[1])
        .execute(&app.db.pool)
        .await
        .unwrap();

    // Guide views and answers, searches without a group: counted on 23 November.
    app.clock.advance(-(72 * HOUR + 10 * DAY));
    // Five readers (a page view counts once per client a day: see tests/retention.rs).
    app.get("/guides/money").await;
    for _ in 0..4 {
        doorstart::guides::store::count(&app.db, "money", doorstart::guides::store::Count::View)
            .await
            .unwrap();
    }
    app.post_as("", "/guides/money/feedback", &[("answer", "yes")])
        .await;
    let day = doorstart::time::day_number(app.db.now());
    for _ in 0..6 {
        store::record_miss(&app.db, 7631, day).await.unwrap();
    }
    store::record_miss(&app.db, 1011, day).await.unwrap();
    app.clock.advance(72 * HOUR + 10 * DAY);

    let me = app.sign_in("coordinator@example.org").await;
    let november = "from=2026-11&to=2026-11";
    // Counts are rounded to 5 (six shows as 5), so the total of join requests (6 + 2 = 8,
    // shown as 10) minus the shown row (5) does not give back the hidden 2 of Enschede.
    assert_eq!(
        csv(app, &me, "activity", november).await,
        "month,municipality,groups_active,meetups_held,adults,children\n\
         2026-11,Almelo,<5,5,25,10\n\
         2026-11,Enschede,<5,<5,<5,<5\n"
    );
    assert_eq!(
        csv(app, &me, "joins", november).await,
        "month,municipality,join_requests,contacted_within_7_days_pct,median_days_to_contact,joined_pct\n\
         2026-11,Almelo,5,,2.0,\n\
         2026-11,Enschede,<5,,,\n"
    );
    assert_eq!(
        csv(app, &me, "help", november).await,
        "month,help_requests,median_hours_to_first_reply,answered_within_2_days_pct,interpreter_requests\n2026-11,5,1.0,,5\n"
    );
    assert_eq!(
        csv(app, &me, "help-themes", november).await,
        "month,theme,help_requests\n2026-11,housing,<5\n2026-11,money,5\n"
    );
    assert_eq!(
        csv(app, &me, "help-languages", november).await,
        "month,language,help_requests\n2026-11,nl,5\n"
    );
    assert_eq!(
        csv(app, &me, "help-interpreters", november).await,
        "month,interpreter_language,help_requests\n2026-11,ar,5\n"
    );
    assert_eq!(
        csv(app, &me, "guides", november).await,
        "guide,views,helped_yes,helped_no\nmoney,5,<5,0\n"
    );
    assert_eq!(
        csv(app, &me, "unmet-demand", november).await,
        "pc4,place,searches_without_group_within_10_km\n7631,Ootmarsum (Dinkelland),5\n1011,Amsterdam (Amsterdam),<5\n"
    );
    // December: only the meetup of 8 December has passed (it is now 6 December: not yet).
    assert_eq!(
        csv(app, &me, "activity", "from=2026-12&to=2026-12").await,
        "month,municipality,groups_active,meetups_held,adults,children\n"
    );

    // The dashboard shows the same, with charts drawn on the server.
    let (status, _, page) = app
        .get_as(&me, "/admin/monitoring?from=2026-11&to=2026-11")
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Monitoring van de pilot"));
    assert!(page.contains("<svg"));
    // 5 of 6 contacted within a week would say "83%" and so give away the 1 that was not;
    // 2 of 6 joined, 4 of 6 answered within 2 days are hidden counts: no percentage at all.
    for leak in ["83%", "33%", "67%"] {
        assert!(!page.contains(leak), "{leak}");
    }
    assert!(page.contains("Ootmarsum (Dinkelland)"));
    assert!(
        page.contains("Geld: waar heb je recht op?"),
        "guide titles, not slugs"
    );
    let (status, _, report) = app
        .get_as(&me, "/admin/monitoring/report?from=2026-11&to=2026-11")
        .await;
    assert_eq!(status, 200);
    assert!(report.contains("Doorstart: cijfers van 2026-11 tot en met 2026-11"));
    assert!(!report.contains("67%") && !report.contains("83%"));

    // Nobody else: a facilitator gets 404, a visitor is sent to sign in; unknown tables 404.
    let facilitator = app.sign_in("facilitator@example.org").await;
    let (status, _, _) = app.get_as(&facilitator, "/admin/monitoring").await;
    assert_eq!(status, 404);
    let (status, _, _) = app
        .get_as(&facilitator, "/admin/monitoring/csv/joins.csv")
        .await;
    assert_eq!(status, 404);
    let (status, location, _) = app.get_as("", "/admin/monitoring/csv/joins.csv").await;
    assert_eq!((status, location.as_str()), (303, "/admin/login"));
    let (status, _, _) = app.get_as(&me, "/admin/monitoring/csv/people.csv").await;
    assert_eq!(status, 404);
});

on_both_backends!(counts_are_kept_three_years, |app| {
    let almelo = group(app, "Almelo").await;
    join(app, &almelo).await;
    app.get("/guides/money").await;
    let day = doorstart::time::day_number(app.db.now());
    store::record_miss(&app.db, 7631, day).await.unwrap();
    let rows = |app: &common::TestApp| {
        let pool = app.db.pool.clone();
        async move {
            let mut n = 0i64;
            for table in ["join_facts", "guide_stats", "search_misses"] {
                n += sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
                    .fetch_one(&pool)
                    .await
                    .unwrap();
            }
            n
        }
    };
    assert_eq!(rows(app).await, 3);
    // The request itself goes after 90 days; the anonymous counts stay.
    app.clock.advance(100 * DAY);
    doorstart::retention::purge_once(&app.db).await;
    let requests: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM join_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(requests, 0);
    assert_eq!(rows(app).await, 3);
    // After 36 months they go too.
    app.clock.advance(36 * 31 * DAY);
    doorstart::retention::purge_once(&app.db).await;
    assert_eq!(rows(app).await, 0);
});

on_both_backends!(
    the_council_figures_referrals_and_families_after_four,
    |app| {
        app.account("coordinator@example.org", Role::Coordinator)
            .await;
        let g = group(app, "Almelo").await;
        // Through the form: "who sent you" is a choice (no names); a made-up value is a 400.
        let (_, form) = app.page(&format!("/groups/{g}/join")).await;
        assert!(form.contains("name=\"referral\"") && form.contains("value=\"professional\""));
        let at = form.find(r#"name="token" value=""#).unwrap() + 20;
        let token = form[at..at + 43].to_string();
        let mut fields = vec![
            ("token", token.as_str()),
            ("website", ""),
            ("first_name", "Sanne"),
            ("contact_kind", "meeting"),
            ("language", "nl"),
            ("child_ages", "2, 5"),
            ("consent", "yes"),
            ("referral", "de buurvrouw"),
        ];
        let (status, _, _) = app.post_as("", &format!("/groups/{g}/join"), &fields).await;
        assert_eq!(status, 400);
        fields[7] = ("referral", "professional");
        let (status, _, _) = app.post_as("", &format!("/groups/{g}/join"), &fields).await;
        assert_eq!(status, 303);
        // Six more by the store: five sent by a professional in all, with a child of 4 or older;
        // one sent by someone they know with a child of 2.
        let coordinator = doorstart::accounts::store::active_by_id(
            &app.db,
            &sqlx::query_scalar::<_, String>("SELECT id FROM accounts")
                .fetch_one(&app.db.pool)
                .await
                .unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
        for (n, (referral, ages)) in [
            ("professional", vec![4]),
            ("professional", vec![6, 1]),
            ("professional", vec![9]),
            ("professional", vec![4]),
            ("known", vec![2]),
            ("self", vec![]),
        ]
        .into_iter()
        .enumerate()
        {
            let input = JoinInput {
                token: doorstart::security::tokens::new_token(),
                first_name: format!("Ouder{n}"),
                contact: Contact::AtMeeting,
                language: "nl".into(),
                children: None,
                child_ages: ages,
                referral: referral.into(),
            };
            store::insert_join_request(&app.db, &g, &input.token, &input)
                .await
                .unwrap();
        }
        let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM join_requests")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        for id in &ids {
            store::set_join_status(&app.db, &coordinator, id, JoinStatus::Joined)
                .await
                .unwrap();
        }
        let me = app.sign_in("coordinator@example.org").await;
        let (status, _, report) = app
            .get_as(&me, "/admin/monitoring/report?from=2026-11&to=2026-11")
            .await;
        assert_eq!(status, 200);
        let row = |label: &str| {
            let at = report.find(label).unwrap_or_else(|| panic!("{label}"));
            let td = report[at..].find("<td>").unwrap() + at + 4;
            report[td..td + report[td..].find("</td>").unwrap()].replace("<!>", "")
        };
        // Five professional referrals; five joined families with a child of 4 or older.
        assert_eq!(row("Aanmeldingen na een tip van een professional"), "5");
        assert_eq!(row("Gezinnen met een kind van 4 jaar of ouder"), "5");
        // The facts hold no name.
        let names: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM join_facts WHERE referral LIKE '%buurvrouw%'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(names, 0);
    }
);
