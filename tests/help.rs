//! Anonymous help on both databases: ask → code → answer → read → delete, wrong codes,
//! retention, and nothing about the client stored.
mod common;

use doorstart::accounts::model::Role;
use doorstart::accounts::{password, store as accounts};

use common::TEST_AGENT as AGENT;

fn code_in(page: &str) -> String {
    let main = page.find("<main").unwrap_or(0);
    let at = page
        .find("pickup-code")
        .unwrap_or_else(|| panic!("no code in: {}", &page[main..]));
    let rest = &page[at..];
    let start = rest.find(|c: char| c.is_ascii_digit()).unwrap();
    let rest = &rest[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ' '))
        .unwrap();
    rest[..end].trim().to_string()
}

/// Every text value of the help tables, as the database holds it.
async fn stored_text(app: &common::TestApp) -> String {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT h.code_hash, h.theme, m.body, h.callback_phone FROM help_requests h JOIN help_messages m ON m.request_id = h.id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    rows.iter()
        .map(|r| format!("{} {} {} {:?}", r.0, r.1, r.2, r.3))
        .collect::<Vec<_>>()
        .join("\n")
}

on_both_backends!(ask_answer_read_delete, |app| {
    let (status, page) = app.page("/help").await;
    assert_eq!(status, 200);
    for n in ["112", "0800-2000", "0800-0113", "088-0767000"] {
        assert!(page.contains(n), "{n} is on the help page");
    }
    let (status, _, page) = app
        .post_as(
            "",
            "/help",
            &[
                ("theme", "money"),
                ("message", "Ik heb schulden en durf het niet te zeggen."),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let code = code_in(&page);
    assert_eq!(code.replace(' ', "").len(), 16);
    assert!(page.contains("Je ziet deze code maar één keer."));

    // Only a keyed hash of the code is kept; no address, no user agent.
    let stored = stored_text(app).await;
    assert!(!stored.contains(&code.replace(' ', "")));
    assert!(!stored.contains(AGENT) && !stored.contains("127.0.0.1"));
    if let Some(path) = app.db_file() {
        let bytes = std::fs::read(path).unwrap();
        let hay = String::from_utf8_lossy(&bytes);
        assert!(!hay.contains(AGENT), "no user agent in the database file");
        assert!(
            !hay.contains("127.0.0.1"),
            "no IP address in the database file"
        );
    }

    // The parent reads with the code: no-store, the question is there.
    let res = app
        .client
        .post(app.url("/help/reply"))
        .form(&[("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    assert!(res.text().await.unwrap().contains("Ik heb schulden"));

    // A facilitator sees it in the help inbox and answers.
    let hash = password::hash("a sentence that is long enough".into()).await;
    accounts::create_account(&app.db, "f@example.nl", "Anna", Role::Facilitator, &hash)
        .await
        .unwrap();
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[
            ("email", "f@example.nl"),
            ("password", "a sentence that is long enough"),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let inbox = app
        .client
        .get(app.url("/admin/help"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(inbox.contains("Geld en schulden"));
    assert!(
        !inbox.contains("Ik heb schulden"),
        "the list shows theme, language and times only"
    );
    let id: String = sqlx::query_scalar("SELECT id FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let (status, _, _) = app
        .post_as(
            &cookie,
            &format!("/admin/help/{id}/reply"),
            &[(
                "message",
                "Je bent niet de enige. Bel de schuldhulp van je gemeente.",
            )],
        )
        .await;
    assert_eq!(status, 303);
    let first: Option<i64> = sqlx::query_scalar("SELECT first_reply_at FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(first.is_some());

    // The parent reads the answer, writes back, marks it solved.
    let (_, _, page) = app.post_as("", "/help/reply", &[("code", &code)]).await;
    assert!(page.contains("Je bent niet de enige."));
    let (status, _, page) = app
        .post_as(
            "",
            "/help/reply/send",
            &[("code", &code), ("message", "Dank je wel!")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Dank je wel!"));
    let (_, _, page) = app
        .post_as("", "/help/reply/solve", &[("code", &code)])
        .await;
    assert!(page.contains("Opgelost"));

    // The next parent sees an honest reply time: one answered question is too few to say.
    let (_, _, page) = app
        .post_as(
            "",
            "/help",
            &[("theme", "other"), ("message", "Nog een vraag")],
        )
        .await;
    assert!(page.contains("Er zijn nog te weinig vragen"), "{page}");
    assert!(!page.contains("binnen 2 dagen"));

    // Delete everything: gone at once, the code no longer works.
    let (status, location, _) = app
        .post_as("", "/help/reply/delete", &[("code", &code)])
        .await;
    assert_eq!((status, location.as_str()), (303, "/help/deleted"));
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_messages")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1, "only the other parent's question is left");
    // Gone from the files too (SQLite: secure_delete and an emptied write-ahead log).
    if let Some(path) = app.db_file() {
        for file in [
            path.to_path_buf(),
            std::path::PathBuf::from(format!("{}-wal", path.display())),
        ] {
            if let Ok(bytes) = std::fs::read(&file) {
                let hay = String::from_utf8_lossy(&bytes);
                assert!(
                    !hay.contains("durf het niet te zeggen"),
                    "deleted words in {file:?}"
                );
                assert!(
                    !hay.contains("Je bent niet de enige"),
                    "deleted words in {file:?}"
                );
            }
        }
    }
    let (status, _, page) = app.post_as("", "/help/reply", &[("code", &code)]).await;
    assert_eq!(status, 404);
    assert!(page.contains("Deze code kennen we niet."));
});

on_both_backends!(bad_input_wrong_codes_and_retention, |app| {
    let (status, _, page) = app
        .post_as(
            "",
            "/help",
            &[
                ("theme", "nope"),
                ("message", ""),
                ("callback", "yes"),
                ("phone", ""),
            ],
        )
        .await;
    assert_eq!(status, 400);
    for text in [
        "Kies waar je vraag over gaat.",
        "Schrijf je vraag op.",
        "Dit telefoonnummer klopt niet.",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    // Wrong codes: a kind message, then a throttle.
    let mut statuses = Vec::new();
    for i in 0..11 {
        let wrong = format!("{:036}", i);
        let (status, _, _) = app.post_as("", "/help/reply", &[("code", &wrong)]).await;
        statuses.push(status);
    }
    assert!(statuses[..10].iter().all(|s| *s == 404), "{statuses:?}");
    assert_eq!(statuses[10], 429);

    // Retention: 90 days after the last message.
    app.post_as(
        "",
        "/help",
        &[("theme", "health"), ("message", "Ik slaap slecht.")],
    )
    .await;
    app.clock.advance(89 * 86_400);
    doorstart::retention::purge_once(&app.db).await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    app.clock.advance(2 * 86_400);
    doorstart::retention::purge_once(&app.db).await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_messages")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
});

// Who sees what (SECURITY.md): a request nobody holds shows theme, language and age only; once
// facilitator A takes it, facilitator B gets 404 on every way in, the coordinator reads it
// without the call-back number and can hand it over; every read is in the audit log.
on_both_backends!(help_is_private_between_facilitators, |app| {
    let (status, _, _) = app
        .post_as(
            "",
            "/help",
            &[
                ("theme", "money"),
                ("message", "Mijn huur is te hoog."),
                ("callback", "yes"),
                ("phone", "0612345678"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let id: String = sqlx::query_scalar("SELECT id FROM help_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let a_id = app.account("a@example.nl", Role::Facilitator).await;
    let b_id = app.account("b@example.nl", Role::Facilitator).await;
    app.account("c@example.nl", Role::Coordinator).await;
    let a = app.sign_in("a@example.nl").await;
    let b = app.sign_in("b@example.nl").await;
    let c = app.sign_in("c@example.nl").await;
    let page = format!("/admin/help/{id}");

    // Open: B sees the theme but not the words or the number.
    let (status, _, body) = app.get_as(&b, &page).await;
    assert_eq!(status, 200);
    assert!(!body.contains("Mijn huur") && !body.contains("0612345678"));

    // A takes it and reads everything.
    let (status, _, _) = app.post_as(&a, &format!("{page}/claim"), &[]).await;
    assert_eq!(status, 303);
    let (_, _, body) = app.get_as(&a, &page).await;
    assert!(body.contains("Mijn huur") && body.contains("0612345678"));

    // B: 404 on the page, the claim, the reply and closing; not in B's inbox.
    for (path, form) in [
        (format!("{page}/claim"), vec![]),
        (format!("{page}/reply"), vec![("message", "Hallo")]),
        (format!("{page}/close"), vec![]),
    ] {
        let (status, _, _) = app.post_as(&b, &path, &form).await;
        assert_eq!(status, 404, "{path}");
    }
    assert_eq!(app.get_as(&b, &page).await.0, 404);
    let (_, _, inbox) = app.get_as(&b, "/admin/help").await;
    assert!(!inbox.contains(&id));
    let holder: Option<String> =
        sqlx::query_scalar("SELECT claimed_by FROM help_requests WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        holder.as_deref(),
        Some(a_id.as_str()),
        "a claim is not overwritten"
    );

    // The coordinator reads the words, not the number, and hands it to B.
    let (_, _, body) = app.get_as(&c, &page).await;
    assert!(body.contains("Mijn huur") && !body.contains("0612345678"));
    let (status, _, _) = app
        .post_as(&c, &format!("{page}/assign"), &[("account", &b_id)])
        .await;
    assert_eq!(status, 303);
    assert_eq!(app.get_as(&a, &page).await.0, 404);
    let (_, _, body) = app.get_as(&b, &page).await;
    assert!(body.contains("0612345678"));

    // A facilitator cannot hand over.
    let (status, _, _) = app
        .post_as(&b, &format!("{page}/assign"), &[("account", &a_id)])
        .await;
    assert_eq!(status, 404);

    // Every read of the words is in the audit log (A, the coordinator, B).
    let reads: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'help-read'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(reads, 3);
});

// Guessing pick-up codes gains nothing from spreading over instances: the count is shared in
// the database, and what it keeps is a keyed hash whose key goes with the 15-minute window.
on_both_backends!(code_throttle_is_shared_between_instances, |app| {
    let other = app.second_instance().await;
    for i in 0..10 {
        let (status, _, _) = app
            .post_as("", "/help/reply", &[("code", &format!("{:036}", i))])
            .await;
        assert_eq!(status, 404);
    }
    let res = app
        .client
        .post(format!("{other}/help/reply"))
        .form(&[("code", format!("{:036}", 99))])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        429,
        "the other instance knows the count"
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT client FROM throttle_hits")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    // Hashed networks, and the site's one row.
    assert!(stored
        .iter()
        .all(|c| !c.contains("127.0.0.1") && (c.len() == 32 || c == "*")));
    // A new window starts clean, and the old key and counts are gone.
    app.clock.advance(900);
    let (status, _, _) = app
        .post_as("", "/help/reply", &[("code", &format!("{:036}", 1))])
        .await;
    assert_eq!(
        status, 404,
        "the count lives in the database only: a new window is clean"
    );
    let now = app.db.now();
    let old: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM throttle_windows WHERE window_start < $1) \
         + (SELECT COUNT(*) FROM throttle_hits WHERE window_start < $1)",
    )
    .bind(now - now.rem_euclid(900))
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(old, 0, "the old window's key and counts are gone");
});

// A code that does not work (mistyped, or the request is gone) never costs the parent the
// message they wrote: it comes back in the code form, which then sends it.
on_both_backends!(a_wrong_code_keeps_the_message, |app| {
    let wrong = "1234".repeat(9);
    let (status, _, page) = app
        .post_as(
            "",
            "/help/reply/send",
            &[
                ("code", wrong.as_str()),
                ("message", "Ik heb nog een vraag over de huur."),
            ],
        )
        .await;
    assert_eq!(status, 404);
    assert!(
        page.contains("Ik heb nog een vraag over de huur.</textarea>"),
        "{page}"
    );
    assert!(page.contains(r#"action="/help/reply/send""#));
});

async fn help_row(app: &common::TestApp, asked_ago: i64, replied_after: Option<i64>) {
    let now = app.db.now();
    sqlx::query(
        "INSERT INTO help_requests (id, code_hash, theme, language, status, created_at, \
         first_reply_at, last_message_at) VALUES ($1, $2, 'other', 'nl', 'new', $3, $4, $3)",
    )
    .bind(doorstart::db::new_id())
    .bind(doorstart::db::new_id())
    .bind(now - asked_ago)
    .bind(replied_after.map(|r| now - asked_ago + r))
    .execute(&app.db.pool)
    .await
    .unwrap();
}

on_both_backends!(
    the_reply_estimate_counts_unanswered_questions_and_shows_before_sending,
    |app| {
        // No questions yet: too few to say, on the form itself.
        let (status, page) = app.page("/help").await;
        assert_eq!(status, 200);
        assert!(page.contains("Er zijn nog te weinig vragen"), "{page}");
        // Five questions answered within hours: "within 1 day", before sending.
        for hours in [1, 2, 3, 4, 5] {
            help_row(app, 10 * 86_400, Some(hours * 3600)).await;
        }
        let (_, page) = app.page("/help").await;
        assert!(
            page.contains("Meestal krijg je binnen 1 dagen antwoord."),
            "{page}"
        );
        // Six more that have waited four days without a reply: more than half still wait, and the
        // page says so instead of "within 1 day".
        for _ in 0..6 {
            help_row(app, 4 * 86_400, None).await;
        }
        let (_, page) = app.page("/help").await;
        assert!(page.contains("meer dan de helft van de vragen"), "{page}");
        assert!(!page.contains("binnen 1 dagen"), "{page}");
    }
);

// After ten wrong codes the right one is not even looked up: the throttle stops guessing, it
// does not only change the message.
on_both_backends!(after_ten_wrong_codes_the_right_one_waits, |app| {
    let (_, _, page) = app
        .post_as("", "/help", &[("theme", "other"), ("message", "Hallo.")])
        .await;
    let code = code_in(&page);
    for i in 0..10 {
        let (status, _, _) = app
            .post_as("", "/help/reply", &[("code", &format!("{:016}", i))])
            .await;
        assert_eq!(status, 404);
    }
    let (status, _, body) = app.post_as("", "/help/reply", &[("code", &code)]).await;
    assert_eq!(status, 429);
    assert!(!body.contains("Hallo."));
});

// Issue 27, 1: after sending, the confirmation and the code come first (right under the
// heading, before the crisis lines), as a region the script focuses; the crisis lines on help
// pages are short, one per service, each a number to tap.
on_both_backends!(the_code_comes_first_after_sending, |app| {
    for lang in ["nl", "ar"] {
        let (status, _, page) = app
            .post_as(
                &format!("lang={lang}"),
                "/help",
                &[("theme", "money"), ("message", "Ik heb schulden.")],
            )
            .await;
        assert_eq!(status, 200, "{lang}");
        let main = &page[page.find("<main").unwrap()..];
        let h1 = main.find("<h1").unwrap();
        let sent = main.find(r#"id="help-sent""#).expect("the sent region");
        let code = main.find("pickup-code").unwrap();
        let crisis = main.find(r#"class="crisis"#).expect("the crisis lines");
        assert!(
            h1 < sent && sent < code && code < crisis,
            "{lang}: heading, then the code, then the crisis lines"
        );
        // Nothing between the heading and the code region but the heading itself.
        let between = &main[main[h1..].find("</h1>").unwrap() + h1 + 5..sent];
        assert!(
            between.trim_start().starts_with("<section"),
            "{lang}: the code region follows the heading: {between}"
        );
        let region = &main[main[..sent].rfind('<').unwrap()..code];
        assert!(region.contains(r#"tabindex="-1""#), "{region}");
        assert!(
            main.contains("help-code.js"),
            "the script that moves the focus"
        );
        assert!(!main[..sent].contains(r#"class="lead""#));
        // Short crisis lines: every service a tel: link, one line each.
        let aside = &main[crisis..main[crisis..].find("</aside>").unwrap() + crisis];
        for tel in ["tel:112", "tel:08002000", "tel:113", "tel:0880767000"] {
            assert!(aside.contains(tel), "{lang}: {tel}");
        }
        assert_eq!(
            aside.matches("<li").count(),
            4,
            "{lang}: one line per service"
        );
    }
    // The ask form: the short crisis lines too.
    let (_, page) = app.page("/help").await;
    assert!(page.contains(r#"class="crisis short""#));
});

// Issue 27, 2: home and /help lead a parent who comes back with a code to the answer, in
// every language.
on_both_backends!(home_and_help_link_to_the_answer, |app| {
    for lang in ["nl", "en", "ar", "tr", "pl", "uk", "ti", "pap", "so", "fa"] {
        for path in ["/", "/help"] {
            let (status, page) = app.page(&format!("{path}?lang={lang}")).await;
            assert_eq!(status, 200);
            let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
            let at = main
                .find(r#"href="/help/reply""#)
                .unwrap_or_else(|| panic!("{lang} {path}: no link to /help/reply"));
            let link = &main[at..at + main[at..].find("</a>").unwrap()];
            assert!(link.contains("<svg"), "{lang} {path}: an icon");
            assert!(!link.contains("home-read-answer"), "{lang} {path}: words");
        }
    }
    let (_, page) = app.page("/?lang=nl").await;
    assert!(page.contains("Ik heb een code: lees mijn antwoord"));
});

/// One question, asked in `lang` (as the parent's cookie says), and its id.
async fn asked(app: &common::TestApp, lang: &str, form: &[(&str, &str)]) -> String {
    let (status, _, _) = app.post_as(&format!("lang={lang}"), "/help", form).await;
    assert_eq!(status, 200);
    sqlx::query_scalar("SELECT id FROM help_requests ORDER BY created_at DESC, id LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The words after each `<p class="meta">` of a conversation page, in order.
fn labels(page: &str) -> Vec<String> {
    page.split(r#"<p class="meta">"#)
        .skip(1)
        .map(|rest| {
            let words = rest.split('·').next().unwrap();
            // Without any markup the renderer may put between text pieces.
            let mut out = String::new();
            let mut in_tag = false;
            for ch in words.chars() {
                match ch {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out.trim().to_string()
        })
        .collect()
}

// Issue 27, 5: the volunteer's side of a conversation: "Parent" and "You"; the language the
// parent used and in which to answer; "Mark as solved" asks first.
on_both_backends!(
    the_volunteer_reads_parent_and_you_and_confirms_solved,
    |app| {
        let id = asked(
            app,
            "ar",
            &[("theme", "housing"), ("message", "Mijn huis is te klein.")],
        )
        .await;
        app.account("a@example.nl", Role::Facilitator).await;
        app.account("c@example.nl", Role::Coordinator).await;
        let a = app.sign_in("a@example.nl").await;
        let c = app.sign_in("c@example.nl").await;
        let page = format!("/admin/help/{id}");

        // Unconfirmed on a question nobody holds: asked, nothing changes, not even who holds it.
        let (status, _, body) = app.post_as(&a, &format!("{page}/close"), &[]).await;
        assert_eq!(status, 200);
        assert!(body.contains("Deze vraag op opgelost zetten?"), "{body}");
        assert!(body.contains(r#"name="confirm" value="yes""#));
        assert!(
            body.contains(&format!(r#"href="/admin/help/{id}""#)),
            "a way back"
        );
        let (state, holder): (String, Option<String>) =
            sqlx::query_as("SELECT status, claimed_by FROM help_requests WHERE id = $1")
                .bind(&id)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!((state.as_str(), holder), ("new", None));

        app.post_as(&a, &format!("{page}/claim"), &[]).await;
        app.clock.advance(60);
        app.post_as(
            &a,
            &format!("{page}/reply"),
            &[("message", "Bel de woningcorporatie.")],
        )
        .await;
        let (status, _, body) = app.get_as(&a, &page).await;
        assert_eq!(status, 200);
        assert_eq!(labels(&body), ["Ouder", "Jij"], "the holder's labels");
        assert!(body.contains("Taal van de ouder: Arabisch."), "{body}");
        assert!(body.contains("Antwoord in die taal, of in korte, eenvoudige Nederlandse zinnen."));
        assert!(body.contains("Markeer als opgelost"));
        assert!(!body.contains(">Sluiten<"));
        // The coordinator reads another volunteer's answer as the volunteer's.
        let (_, _, body) = app.get_as(&c, &page).await;
        assert_eq!(
            labels(&body),
            ["Ouder", "Vrijwilliger"],
            "the coordinator's labels"
        );

        // Anything but confirm=yes changes nothing.
        for form in [vec![], vec![("confirm", "no")], vec![("confirm", "")]] {
            let (status, _, body) = app.post_as(&a, &format!("{page}/close"), &form).await;
            assert_eq!(status, 200, "{form:?}");
            assert!(body.contains("Ja, markeer als opgelost"));
            let state: String =
                sqlx::query_scalar("SELECT status FROM help_requests WHERE id = $1")
                    .bind(&id)
                    .fetch_one(&app.db.pool)
                    .await
                    .unwrap();
            assert_eq!(state, "answered", "{form:?}");
        }
        let closes: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'help-close'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(closes, 0);

        // Confirmed: solved, logged, back to the list.
        let (status, location, _) = app
            .post_as(&a, &format!("{page}/close"), &[("confirm", "yes")])
            .await;
        assert_eq!((status, location.as_str()), (303, "/admin/help"));
        let state: String = sqlx::query_scalar("SELECT status FROM help_requests WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(state, "solved");
        let (_, _, body) = app.get_as(&a, &page).await;
        assert!(
            !body.contains("Markeer als opgelost"),
            "solved: nothing to mark"
        );

        // A question in Dutch: short, simple sentences.
        let nl = asked(app, "nl", &[("theme", "other"), ("message", "Hoi.")]).await;
        app.post_as(&a, &format!("/admin/help/{nl}/claim"), &[])
            .await;
        let (_, _, body) = app.get_as(&a, &format!("/admin/help/{nl}")).await;
        assert!(body.contains("Taal van de ouder: Nederlands."));
        assert!(body.contains("Schrijf korte, eenvoudige zinnen."));
    }
);

/// A question written straight into the table: asked `ago` seconds back, in `language`, with
/// or without a call-back (and an interpreter).
async fn waiting_row(
    app: &common::TestApp,
    theme: &str,
    language: &str,
    ago: i64,
    phone: Option<&str>,
    interpreter: Option<&str>,
) {
    let at = app.db.now() - ago;
    sqlx::query(
        "INSERT INTO help_requests (id, code_hash, theme, language, callback_phone, interpreter, \
         status, created_at, last_message_at) VALUES ($1, $2, $3, $4, $5, $6, 'new', $7, $7)",
    )
    .bind(doorstart::db::new_id())
    .bind(doorstart::db::new_id())
    .bind(theme)
    .bind(language)
    .bind(phone)
    .bind(interpreter)
    .bind(at)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

/// The card of the inbox item whose title is `theme`.
fn card<'a>(inbox: &'a str, theme: &str) -> &'a str {
    inbox
        .split(r#"class="inbox-item""#)
        .skip(1)
        .map(|rest| &rest[..rest.find("</ul>").unwrap()])
        .find(|card| card.contains(&format!(">{theme}<")))
        .unwrap_or_else(|| panic!("no card for {theme} in {inbox}"))
}

// Issue 27, 5: each card in the list says theme, language, how long it waits and whether a
// call-back (with an interpreter, in which language) is asked, never the question.
on_both_backends!(the_inbox_cards_differ_without_the_question, |app| {
    waiting_row(
        app,
        "money",
        "ar",
        3 * 3600 + 60,
        Some("0612345678"),
        Some("ar"),
    )
    .await;
    waiting_row(app, "housing", "nl", 60, Some("0687654321"), None).await;
    waiting_row(app, "health", "tr", 3 * 86_400, None, None).await;
    waiting_row(app, "parenting", "pl", 3600, None, None).await;
    app.account("a@example.nl", Role::Facilitator).await;
    let a = app.sign_in("a@example.nl").await;
    let (status, _, inbox) = app.get_as(&a, "/admin/help").await;
    assert_eq!(status, 200);

    let money = card(&inbox, "Geld en schulden");
    assert!(money.contains("Arabisch"), "{money}");
    assert!(money.contains("Wacht 3 uur"), "{money}");
    assert!(
        money.contains("Wil gebeld worden met een tolk: Arabisch"),
        "{money}"
    );
    let housing = card(&inbox, "Wonen");
    assert!(housing.contains("Nederlands"), "{housing}");
    assert!(housing.contains("Wacht korter dan een uur"), "{housing}");
    assert!(housing.contains("Wil gebeld worden<"), "{housing}");
    let health = card(&inbox, "Gezondheid en stress");
    assert!(
        health.contains("Turks") && health.contains("Wacht 3 dagen"),
        "{health}"
    );
    assert!(health.contains("Wil een geschreven antwoord"), "{health}");
    let parenting = card(&inbox, "Opvoeden");
    assert!(parenting.contains("Wacht 1 uur"), "{parenting}");
    // The list never shows a number.
    assert!(!inbox.contains("0612345678") && !inbox.contains("0687654321"));
});
