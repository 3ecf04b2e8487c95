//! The anonymous check-in (issue 24) on both databases: valid, skipped and bad posts; the key
//! that links a parent's check-ins and nothing else; the status page's offer and the 3- and
//! 6-month reminders through the outbox; the figures in the report and the CSV with small
//! numbers hidden (percentages too); retention; counted views once across two instances; the
//! facilitator's QR card.
mod common;

use doorstart::accounts::model::Role;
use doorstart::checkin::model::{Answer, CheckInInput, Moment};
use doorstart::checkin::store;
use doorstart::groups::join::{Contact, JoinInput};
use doorstart::i18n::Lang;

const DAY: i64 = 86_400;

/// The value of a hidden or text input in a page.
fn input_value(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("an input {name}"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// A post of the check-in form in a language: status, Location and body.
async fn post(app: &common::TestApp, lang: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let res = app
        .client
        .post(app.url("/check-in"))
        .header("accept-language", lang)
        .header("user-agent", common::TEST_AGENT)
        .form(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location, res.text().await.unwrap())
}

const FULL: [(&str, &str); 8] = [
    ("q1", "yes"),
    ("q2", "no"),
    ("q3", "more-or-less"),
    ("q4", "yes"),
    ("q5", "no"),
    ("q6", "no"),
    ("life", "6"),
    ("help_with_children", "yes"),
];

on_both_backends!(valid_skipped_and_bad_posts, |app| {
    // The page in Arabic, right to left, with CBS's six statements as fields and a fresh key.
    let (status, page) = app.page("/check-in?lang=ar&moment=start").await;
    assert_eq!(status, 200);
    assert!(page.contains("lang=\"ar\" dir=\"rtl\""));
    for n in 1..=6 {
        assert!(page.contains(&format!("name=\"q{n}\" value=\"more-or-less\"")));
    }
    assert!(page.contains("name=\"life\" value=\"10\"") && page.contains("name=\"consent\""));
    assert!(page.contains("أشعر بفراغ من حولي."));
    let key = input_value(&page, "k");
    assert_eq!(key.len(), 43);
    assert_eq!(input_value(&page, "moment"), "start");
    // Every language, each in its own words and direction.
    for lang in Lang::ALL {
        let i = doorstart::i18n::I18n { lang };
        let (status, page) = app.page(&format!("/check-in?lang={}", lang.code())).await;
        assert_eq!(status, 200, "{}", lang.code());
        assert!(page.contains(&format!("lang=\"{}\" dir=\"{}\"", lang.code(), lang.dir())));
        for n in [
            i.t("checkin-q6"),
            i.t("checkin-yes"),
            i.t("checkin-consent"),
        ] {
            assert!(
                page.contains(&n.replace('\'', "&#x27;")) || page.contains(&n),
                "{n}"
            );
        }
    }
    // The Dutch page has CBS's words and reads them aloud (hidden until a voice is there).
    let (_, nl) = app.page("/check-in?lang=nl").await;
    assert!(nl.contains("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen."));
    assert!(
        nl.contains("data-speech=\"Vaak voel ik me in de steek gelaten. Ja, Min of meer, Nee.\"")
    );
    assert!(
        nl.contains("/guide-tools.js"),
        "read-aloud comes with the guides' script"
    );
    assert_ne!(input_value(&nl, "k"), key, "every visit a fresh key");

    let with = |extra: &[(&'static str, &'static str)], key: &str| {
        let mut form: Vec<(String, String)> = vec![
            ("k".into(), key.to_string()),
            ("moment".into(), "start".into()),
            ("consent".into(), "yes".into()),
        ];
        for (n, v) in extra {
            form.retain(|(name, _)| name != n);
            form.push((n.to_string(), v.to_string()));
        }
        form
    };
    let send = |form: Vec<(String, String)>| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        post(app, "ar", &pairs).await
    };

    // Valid: 303 to the thank-you page with the key for the next check-in.
    let (status, location, _) = send(with(&FULL, &key)).await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("/check-in/thanks?k={key}&moment=start"));
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 1);

    // Without consent, or with a value no button sends: 400, the form again, nothing stored.
    let bad: [&[(&str, &str)]; 5] = [
        &[("consent", "")],
        &[("q3", "maybe")],
        &[("life", "11")],
        &[("help_with_children", "sometimes")],
        &[("moment", "1y")],
    ];
    for extra in bad {
        let mut form = with(&FULL, &doorstart::security::tokens::new_token());
        for (n, v) in extra {
            form.retain(|(name, _)| name != n);
            form.push((n.to_string(), v.to_string()));
        }
        let (status, _, body) = send(form).await;
        assert_eq!(status, 400, "{extra:?}");
        assert!(
            body.contains("error-summary"),
            "{extra:?}: the form again with the problem"
        );
        assert!(body.contains("name=\"q1\""), "{extra:?}");
    }
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 1);

    // Skipped statements: stored, and the score is missing (NULL), never zero.
    let other = doorstart::security::tokens::new_token();
    let (status, _, _) = send(with(&[("q1", "no"), ("life", "3")], &other)).await;
    assert_eq!(status, 303);
    let skipped: (Option<String>, Option<String>, Option<i64>, Option<String>) =
        sqlx::query_as("SELECT q1, q2, life, help_children FROM checkins WHERE pair = $1")
            .bind(store::pair_of(&other))
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(skipped, (Some("no".into()), None, Some(3), None));

    // The same key and moment again replaces the answers; a later moment is a second row.
    let (status, _, _) = send(with(&[("q1", "no"), ("life", "8")], &key)).await;
    assert_eq!(status, 303);
    let mut later = with(&FULL, &key);
    later.retain(|(n, _)| n != "moment");
    later.push(("moment".into(), "3m".into()));
    assert_eq!(send(later).await.0, 303);
    let rows: Vec<(String, Option<String>, Option<i64>, String)> = sqlx::query_as(
        "SELECT moment, q1, life, lang FROM checkins WHERE pair = $1 ORDER BY moment DESC",
    )
    .bind(store::pair_of(&key))
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            ("start".into(), Some("no".into()), Some(8), "ar".into()),
            ("3m".into(), Some("yes".into()), Some(6), "ar".into()),
        ]
    );

    // What is stored: the answers, month, language and the hash of the key. Nothing else: no
    // key, no address, no browser, no group, no time of day.
    let row = sqlx::query("SELECT * FROM checkins")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    use sqlx::{Column, Row};
    let columns: Vec<String> = row[0]
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(
        columns,
        [
            "id",
            "pair",
            "moment",
            "month",
            "lang",
            "q1",
            "q2",
            "q3",
            "q4",
            "q5",
            "q6",
            "life",
            "help_children"
        ]
    );
    let month: String = sqlx::query_scalar("SELECT month FROM checkins LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(month, "2026-11");
    let key_stored = count(
        app,
        &format!("SELECT COUNT(*) FROM checkins WHERE pair = '{key}' OR id = '{key}'"),
    )
    .await;
    assert_eq!(key_stored, 0, "the key itself is never stored");

    // The thank-you page says what happens and keeps the link for the next check-in.
    let (status, thanks) = app
        .page(&format!("/check-in/thanks?k={key}&moment=start&lang=nl"))
        .await;
    assert_eq!(status, 200);
    assert!(thanks.contains(&format!("/check-in?k={key}&amp;moment=3m")));
    assert!(thanks.contains("We wissen je antwoorden na 24 maanden."));
    // The parent deletes their own answers with the key: every moment goes.
    let (status, location, _) = app
        .post_as("", "/check-in/delete", &[("k", key.as_str())])
        .await;
    assert_eq!((status, location.as_str()), (303, "/check-in/deleted"));
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 1);
    let (status, _, _) = app.post_as("", "/check-in/delete", &[("k", "x")]).await;
    assert_eq!(status, 404);
});

async fn join_with(app: &common::TestApp, group: &str, contact: Contact) -> String {
    let token = doorstart::security::tokens::new_token();
    let input = JoinInput {
        token: token.clone(),
        first_name: "Sanne".into(),
        contact,
        language: "nl".into(),
        children: None,
        child_ages: vec![],
        referral: "unknown".into(),
    };
    doorstart::groups::store::insert_join_request(&app.db, group, &token, &input)
        .await
        .unwrap();
    token
}

on_both_backends!(the_status_page_offers_the_check_in_and_reminders, |app| {
    let group = common::add_group(app, "Almelo").await;
    let token = join_with(app, &group, Contact::Email("sanne@example.nl".into())).await;
    let pepper = app.db.pepper().await.unwrap();
    let key = store::key_for_join(&pepper, &token);
    let (status, page) = app.page(&format!("/join/{token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("/check-in?k={key}&amp;moment=start")));
    assert!(
        page.contains("name=\"want\" value=\"on\""),
        "reminders can be asked for"
    );
    // The same link every time, without storing it.
    let (_, again) = app.page(&format!("/join/{token}")).await;
    assert!(again.contains(&format!("/check-in?k={key}&amp;moment=start")));

    // Reminders on: the address and the key, sealed, in a row apart from the answers.
    let (status, location, _) = app
        .post_as(
            "",
            "/check-in/reminders",
            &[("join", token.as_str()), ("want", "on")],
        )
        .await;
    assert_eq!((status, location), (303, format!("/join/{token}#check-in")));
    let (recipient, sealed): (String, String) =
        sqlx::query_as("SELECT recipient, sealed_key FROM checkin_reminders")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(recipient, "sanne@example.nl");
    assert!(!sealed.contains(&key));
    let (_, page) = app.page(&format!("/join/{token}")).await;
    assert!(page.contains("name=\"want\" value=\"off\""));
    // The check-in page of that key offers to stop them.
    let (_, form) = app.page(&format!("/check-in?k={key}&moment=start")).await;
    assert_eq!(input_value(&form, "k"), key);
    assert!(form.contains("action=\"/check-in/reminders\""));

    // Nothing before 3 months; then one mail with the 3-month link; then the 6-month one.
    assert_eq!(store::send_due(&app.db).await.unwrap(), 0);
    app.clock.advance(91 * DAY);
    assert_eq!(store::send_due(&app.db).await.unwrap(), 1);
    assert_eq!(store::send_due(&app.db).await.unwrap(), 0, "once");
    let mails: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT recipient, kind, link_path FROM mail_outbox WHERE kind = 'check-in'",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        mails,
        vec![(
            "sanne@example.nl".into(),
            "check-in".into(),
            format!("/check-in?k={key}&moment=3m")
        )]
    );
    let mail = doorstart::mail::render(doorstart::mail::Kind::CheckIn, Lang::Nl, &mails[0].2);
    assert_eq!(mail.subject, "Hoe gaat het nu met je?");
    app.clock.advance(91 * DAY);
    assert_eq!(store::send_due(&app.db).await.unwrap(), 1);
    let six: i64 = count(
        app,
        &format!(
            "SELECT COUNT(*) FROM mail_outbox WHERE link_path = '/check-in?k={key}&moment=6m'"
        ),
    )
    .await;
    assert_eq!(six, 1);
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        0,
        "gone after the last mail"
    );

    // On again, then stopped from the check-in page (the mail's link): 303, the row is gone.
    app.post_as(
        "",
        "/check-in/reminders",
        &[("join", token.as_str()), ("want", "on")],
    )
    .await;
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        1
    );
    let (status, location, _) = app
        .post_as(
            "",
            "/check-in/reminders",
            &[("k", key.as_str()), ("want", "off")],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/check-in/reminders-stopped")
    );
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        0
    );
    // On again, then the parent withdraws their request: the reminder goes with it.
    app.post_as(
        "",
        "/check-in/reminders",
        &[("join", token.as_str()), ("want", "on")],
    )
    .await;
    let (status, _, _) = app
        .post_as(
            "",
            &format!("/join/{token}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        0
    );

    // A parent who gave a phone number gets the check-in, but no reminder can be asked for.
    let phone = join_with(app, &group, Contact::Phone("0612345678".into())).await;
    let (_, page) = app.page(&format!("/join/{phone}")).await;
    assert!(page.contains("/check-in?k="));
    assert!(!page.contains("name=\"want\""));
    let (status, _, _) = app
        .post_as(
            "",
            "/check-in/reminders",
            &[("join", phone.as_str()), ("want", "on")],
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        0
    );
});

fn input(key: &str, moment: Moment, answers: [Answer; 6], life: u8) -> CheckInInput {
    CheckInInput {
        key: key.to_string(),
        moment,
        answers: answers.map(Some),
        life: Some(life),
        help_with_children: Some(true),
    }
}

async fn csv(app: &common::TestApp, cookie: &str, table: &str) -> String {
    let (status, _, body) = app
        .get_as(
            cookie,
            &format!("/admin/monitoring/csv/{table}.csv?from=2026-11&to=2026-11"),
        )
        .await;
    assert_eq!(status, 200, "{table}: {body}");
    body
}

/// The cells of the CSV row that starts with `start`, by header name.
fn cells(body: &str, start: &str) -> std::collections::HashMap<String, String> {
    let mut lines = body.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let row = lines
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("a row {start} in {body}"));
    let mut reader = csv_row(row);
    header.into_iter().zip(reader.drain(..)).collect()
}

/// One CSV line split on commas outside quotes.
fn csv_row(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

on_both_backends!(report_and_csv_hide_small_numbers, |app| {
    use Answer::{MoreOrLess as M, No as N, Yes as Y};
    const NOT: [Answer; 6] = [N, Y, Y, N, Y, N];
    const STRONG: [Answer; 6] = [M, M, M, M, M, M];
    app.account("coordinator@example.org", Role::Coordinator)
        .await;
    app.account("facilitator@example.org", Role::Facilitator)
        .await;
    // Six start check-ins: five not lonely, one strongly lonely.
    let keys: Vec<String> = (0..10)
        .map(|_| doorstart::security::tokens::new_token())
        .collect();
    for (n, key) in keys.iter().take(6).enumerate() {
        let answers = if n < 5 { NOT } else { STRONG };
        store::save(&app.db, &input(key, Moment::Start, answers, 5), Lang::Nl)
            .await
            .unwrap();
    }
    let me = app.sign_in("coordinator@example.org").await;
    let body = csv(app, &me, "outcomes").await;
    assert!(body.starts_with("quarter,moment,checkins,"), "{body:?}");
    let all = cells(&body, "all,start,");
    // 6 shows as 5; "83 % not lonely" would give away the one who is not: no share at all.
    assert_eq!(all["checkins"], "5");
    assert_eq!(all["not_lonely_pct"], "");
    assert_eq!(all["strongly_lonely_pct"], "");
    assert_eq!(all["moderately_lonely_pct"], "0");
    assert_eq!(all["cbs_2024_age_15_plus_strongly_lonely_pct"], "10");
    assert_eq!(all["cbs_2019_single_parents_strongly_lonely_pct"], "15");
    assert!(all["reference_sources"].contains("https://www.cbs.nl/"));
    // Four more strongly lonely: 5 and 5 of 10, both shown.
    for key in keys.iter().skip(6) {
        store::save(&app.db, &input(key, Moment::Start, STRONG, 8), Lang::Nl)
            .await
            .unwrap();
    }
    let body = csv(app, &me, "outcomes").await;
    let all = cells(&body, "all,start,");
    assert_eq!(
        (
            all["checkins"].as_str(),
            all["not_lonely_pct"].as_str(),
            all["strongly_lonely_pct"].as_str(),
            all["life_satisfaction_mean"].as_str(),
            all["satisfied_7_to_10_pct"].as_str(),
        ),
        ("10", "50", "50", "6.2", "")
    );
    let quarter = cells(&body, "2026-Q4,start,");
    assert_eq!(quarter["checkins"], "10");
    // Three months later, five of them again, all now not lonely: a paired change.
    app.clock.advance(92 * DAY);
    for key in keys.iter().skip(5) {
        store::save(&app.db, &input(key, Moment::ThreeMonths, NOT, 9), Lang::Nl)
            .await
            .unwrap();
    }
    // (A session does not last three months: sign in again.)
    let me = app.sign_in("coordinator@example.org").await;
    let (status, _, body) = app
        .get_as(
            &me,
            "/admin/monitoring/csv/outcomes.csv?from=2026-11&to=2027-02",
        )
        .await;
    assert_eq!(status, 200);
    let three = cells(&body, "all,3m,");
    assert_eq!(three["paired_with_start"], "5");
    assert_eq!(three["mean_change_loneliness_score"], "-6.0");
    assert_eq!(three["less_lonely_than_at_start_pct"], "100");

    // The report shows the counts beside CBS's figures; the dashboard the quarters.
    let (status, _, report) = app
        .get_as(
            &me,
            "/admin/monitoring/report?from=2026-11&to=2027-02&lang=en",
        )
        .await;
    assert_eq!(status, 200);
    assert!(report.contains("Are parents less alone? (check-in)"));
    assert!(report.contains("10% (2024, everyone aged 15 and over)"));
    assert!(report.contains("15% (2019, single parents)"));
    let (status, _, page) = app
        .get_as(&me, "/admin/monitoring?from=2026-11&to=2027-02&lang=en")
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("2026-Q4") && page.contains("2027-Q1"));
    assert!(page.contains("/admin/monitoring/csv/outcomes.csv"));

    // Referrals per month (who sent the parent) and families with a child of 4 or older.
    let body = csv(app, &me, "referrals").await;
    assert!(body.starts_with("month,join_requests_self,"), "{body}");
    assert!(body.contains("2026-11,0,0,0,0,0,0"), "{body}");

    // Coordinators only: a facilitator gets 404, a visitor is sent to sign in.
    let facilitator = app.sign_in("facilitator@example.org").await;
    let (status, _, _) = app
        .get_as(&facilitator, "/admin/monitoring/csv/outcomes.csv")
        .await;
    assert_eq!(status, 404);
    let (status, location, _) = app.get_as("", "/admin/monitoring/csv/outcomes.csv").await;
    assert_eq!((status, location.as_str()), (303, "/admin/login"));
});

on_both_backends!(answers_and_reminders_are_deleted_in_time, |app| {
    use doorstart::retention::{CHECKIN_MONTHS, CHECKIN_REMINDER_DAYS, STATS_MONTHS};
    const { assert!(CHECKIN_MONTHS <= STATS_MONTHS && CHECKIN_MONTHS <= 36) };
    let key = doorstart::security::tokens::new_token();
    store::save(
        &app.db,
        &input(&key, Moment::Start, [Answer::No; 6], 7),
        Lang::Nl,
    )
    .await
    .unwrap();
    let pepper = app.db.pepper().await.unwrap();
    store::remind(&app.db, &pepper, &key, "a@example.nl", Lang::Nl)
        .await
        .unwrap();
    // The reminder's time is stretched so no mail removes it first (as if it were stuck).
    sqlx::query("UPDATE checkin_reminders SET next_at = $1")
        .bind(i64::MAX / 2)
        .execute(&app.db.pool)
        .await
        .unwrap();
    doorstart::retention::purge_once(&app.db).await;
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 1);
    app.clock.advance((CHECKIN_REMINDER_DAYS + 1) * DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert!(p.failed.is_empty(), "{:?}", p.failed);
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM checkin_reminders").await,
        0
    );
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 1);
    app.clock.advance(i64::from(CHECKIN_MONTHS) * 31 * DAY);
    doorstart::retention::purge_once(&app.db).await;
    assert_eq!(count(app, "SELECT COUNT(*) FROM checkins").await, 0);

    // The privacy page says the same numbers, in every language.
    for lang in Lang::ALL {
        let i = doorstart::i18n::I18n { lang };
        let (_, page) = app.page(&format!("/privacy?lang={}", lang.code())).await;
        let said = i.t_args(
            "privacy-checkin-long",
            &[
                ("months", CHECKIN_MONTHS.to_string()),
                ("days", CHECKIN_REMINDER_DAYS.to_string()),
            ],
        );
        assert!(
            page.contains(&said.replace('\'', "&#x27;")) || page.contains(&said),
            "{}",
            lang.code()
        );
        assert!(page.contains("id=\"check-in\""));
        let (_, what) = app
            .page(&format!("/what-happens?lang={}", lang.code()))
            .await;
        let heading = i.t("what-checkin-heading");
        assert!(
            what.contains(&heading) || what.contains(&heading.replace('\'', "&#x27;")),
            "{}: {heading}",
            lang.code()
        );
    }
});

on_both_backends!(a_view_counts_once_across_instances, |app| {
    let views = || async {
        count(
            app,
            "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM guide_stats WHERE guide = 'debts'",
        )
        .await
    };
    // Two instances, each with its own pool and memory, on one database: one reader, one view.
    let (_other_db, other) = app.separate_instance().await;
    for base in [app.base.clone(), other.clone(), app.base.clone(), other] {
        let res = app
            .client
            .get(format!("{base}/guides/debts"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
    }
    assert_eq!(views().await, 1);
    // Only keyed hashes are kept, and they go the next day.
    let kept: Vec<(String, String)> = sqlx::query_as("SELECT hash, client FROM counted_once")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(kept.len(), 1);
    assert!(!kept[0].0.contains("127.0.0.1") && !kept[0].1.contains("127.0.0.1"));
    app.clock.advance(DAY);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!(p.counted_views, 1);
    assert_eq!(count(app, "SELECT COUNT(*) FROM counted_once").await, 0);
    app.get("/guides/debts").await;
    assert_eq!(views().await, 2, "a new day counts again");
});

/// The dark modules of an SVG drawn as `<rect x y width height=1>` runs.
fn modules(svg: &str) -> Vec<Vec<bool>> {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mut grid = vec![vec![false; size]; size];
    for rect in svg.split("<rect ").skip(2) {
        let number = |name: &str| -> usize {
            let at = rect.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            rect[at..].split('"').next().unwrap().parse().unwrap()
        };
        let (x, y, w) = (number("x"), number("y"), number("width"));
        for cell in grid[y].iter_mut().skip(x).take(w) {
            *cell = true;
        }
    }
    grid
}

on_both_backends!(a_facilitator_shows_the_check_in_at_a_meetup, |app| {
    app.account("facilitator@example.org", Role::Facilitator)
        .await;
    let me = app.sign_in("facilitator@example.org").await;
    let (status, _, page) = app.get_as(&me, "/admin/check-in?moment=3m").await;
    assert_eq!(status, 200);
    // The link, to read or type: the public address of the check-in for that moment.
    let pattern = "class=\"keep-link\"><a href=\"";
    let at = page.find(pattern).unwrap() + pattern.len();
    let link = page[at..at + page[at..].find('"').unwrap()].to_string();
    assert!(
        link.starts_with("http") && link.ends_with("/check-in?moment=3m"),
        "{link}"
    );
    // The QR code says exactly that link.
    let start = page.find("class=\"qr-box\"").unwrap();
    let start = start + page[start..].find("<svg").unwrap();
    let svg = &page[start..start + page[start..].find("</svg>").unwrap() + 6];
    let grid = modules(svg);
    let scale = 4;
    let size = grid.len() * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if grid[y / scale][x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().unwrap().1, link);
    // Nobody signed in: to the sign-in page.
    let (status, location, _) = app.get_as("", "/admin/check-in").await;
    assert_eq!(status, 303, "{location}");
    // The link has no key: every parent who opens it gets their own.
    let (_, a) = app.page("/check-in?moment=3m").await;
    let (_, b) = app.page("/check-in?moment=3m").await;
    assert_ne!(input_value(&a, "k"), input_value(&b, "k"));
    assert_eq!(input_value(&a, "moment"), "3m");
});
