//! Joining a group on both databases: form, double submit, status link, withdraw, retention.
mod common;

use doorstart::groups::store;

async fn group(app: &common::TestApp) -> String {
    common::add_group(app, "Almelo").await
}

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

async fn count(app: &common::TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM join_requests")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The link a parent keeps: `DOORSTART_PUBLIC_URL` (here the server's own address) + path.
fn public_link(path: &str) -> String {
    doorstart::config::PublicUrl::from_env(doorstart::server::leptos_options().site_addr).link(path)
}

fn percent(text: &str) -> String {
    doorstart::ui::percent_encode(text, b"")
}

async fn post(app: &common::TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let res = app
        .client
        .post(app.url(path))
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

on_both_backends!(join_status_and_withdraw, |app| {
    let id = group(app).await;
    let (status, form) = app.page(&format!("/groups/{id}/join")).await;
    assert_eq!(status, 200);
    let token = token_from(&form);
    let path = format!("/groups/{id}/join");
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
    let (status, location, _) = post(app, &path, &fields).await;
    assert_eq!(status, 303);
    // The status link is made by the server, not taken from the form.
    assert!(location.starts_with("/join/") && location.len() == "/join/".len() + 43);
    assert_ne!(location, format!("/join/{token}"));
    // A second post of the same form (refresh, double tap): still one request.
    let (status, location2, _) = post(app, &path, &fields).await;
    assert_eq!(status, 303);
    assert_eq!(location2, location);
    assert_eq!(count(app).await, 1);
    // Someone else posting the same one-time key with other words: 409, the form again with
    // their words, and never a way to the first parent's request.
    let mut other = fields;
    other[2] = ("first_name", "Iemand");
    let (status, location3, page) = post(app, &path, &other).await;
    assert_eq!(status, 409);
    assert!(location3.is_empty() && !page.contains("Sanne") && page.contains("Iemand"));
    assert!(!page.contains(&location));
    assert_eq!(count(app).await, 1);
    // Only the hash of the token is stored.
    let (hash, phone): (String, String) =
        sqlx::query_as("SELECT token_hash, contact FROM join_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_ne!(hash, token);
    assert_eq!(hash.len(), 64);
    assert_eq!(phone, "0612345678");

    let res = app.get(&location).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let body = res.text().await.unwrap();
    assert!(body.contains("Dank je, Sanne"));
    assert!(body.contains("Ontvangen"));
    assert!(
        body.contains("maandag 30 november"),
        "contact deadline: 7 days after 23 November"
    );

    // The first thing to do with the page: keep the link (sent to oneself, copied, printed).
    let link = public_link(&location);
    assert!(body.contains(r#"id="keep-heading""#) && body.contains("Bewaar je link"));
    assert!(
        body.contains(&format!(r#"class="keep-url">{link}"#)),
        "the link as selectable text: {link}"
    );
    let sent = percent(&format!("Mijn link van Doorstart. Goed bewaren: {link}"));
    assert!(
        body.contains(&format!("https://wa.me/?text={sent}")),
        "WhatsApp"
    );
    assert!(body.contains(&format!("sms:?&amp;body={sent}")), "SMS");
    assert!(body.contains(&format!(
        "mailto:?subject=Mijn%20link%20van%20Doorstart&amp;body={sent}"
    )));
    assert!(
        body.contains(r#"class="keep-qr""#) && body.contains("<rect"),
        "QR code"
    );
    assert!(body.contains("keep-link.js"), "the copy and print script");
    // Withdrawing is a link to a page that asks, not a button that deletes.
    assert!(body.contains(&format!(r#"href="{location}/withdraw""#)));
    assert!(!body.contains(&format!(r#"action="{location}/withdraw""#)));
    let keep_at = body.find("keep-heading").unwrap();
    assert!(
        keep_at < body.find("withdraw-heading").unwrap(),
        "keeping comes first"
    );

    // The page that asks, and posts without `confirm=yes`: nothing is deleted.
    let (status, ask) = app.page(&format!("{location}/withdraw")).await;
    assert_eq!(status, 200);
    assert!(ask.contains("Je aanvraag intrekken?") && ask.contains("Koffieochtend"));
    assert!(ask.contains(r#"name="confirm" value="yes""#));
    assert!(
        ask.contains(&format!(r#"href="{location}""#)),
        "the way back"
    );
    for form in [&[][..], &[("confirm", "no")][..], &[("confirm", "YES")][..]] {
        let (status, _, page) = post(app, &format!("{location}/withdraw"), form).await;
        assert_eq!(status, 200, "{form:?}");
        assert!(
            page.contains("Je aanvraag intrekken?"),
            "the page that asks"
        );
        assert_eq!(count(app).await, 1, "nothing deleted for {form:?}");
    }
    let res = app
        .client
        .post(app.url(&format!("{location}/withdraw")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        200,
        "no form at all: the page that asks"
    );
    assert_eq!(count(app).await, 1);

    let (status, gone, _) = post(app, &format!("{location}/withdraw"), &[("confirm", "yes")]).await;
    assert_eq!(status, 303);
    assert_eq!(gone, "/withdrawn");
    assert_eq!(count(app).await, 0, "gone at once");
    let (status, _, _) = post(app, &format!("{location}/withdraw"), &[]).await;
    assert_eq!(status, 404, "nothing left to ask about");
    let (status, _) = app.page(&location).await;
    assert_eq!(status, 404);
    let (status, body) = app.page("/withdrawn").await;
    assert_eq!(status, 200);
    assert!(body.contains("Je aanvraag is gewist"));
});

// The same question in Arabic, right to left, with the group's name isolated; the way back
// keeps the request.
on_both_backends!(withdrawing_asks_first_in_arabic, |app| {
    let id = group(app).await;
    let token = doorstart::security::tokens::new_token();
    let input = doorstart::groups::join::JoinInput {
        token: token.clone(),
        first_name: "Amal".into(),
        contact: doorstart::groups::join::Contact::AtMeeting,
        language: "ar".into(),
        children: None,
        child_ages: vec![],
        referral: "unknown".into(),
    };
    store::insert_join_request(&app.db, &id, &token, &input)
        .await
        .unwrap();
    let (status, page) = app.page(&format!("/join/{token}?lang=ar")).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"dir="rtl""#) && page.contains("حفظ رابطك"));
    assert!(page.contains(&public_link(&format!("/join/{token}"))));
    let (status, ask) = app.page(&format!("/join/{token}/withdraw?lang=ar")).await;
    assert_eq!(status, 200);
    assert!(ask.contains("سحب طلبك وحذفه؟") && ask.contains("نعم، أريد حذف طلبي"));
    assert!(ask.contains("<bdi>Koffieochtend"), "the name isolated");
    let (status, _, again) = post(app, &format!("/join/{token}/withdraw?lang=ar"), &[]).await;
    assert_eq!(status, 200);
    assert!(again.contains("لا، أريد الاحتفاظ بطلبي"));
    assert_eq!(count(app).await, 1);
    let (status, _, _) = post(
        app,
        &format!("/join/{token}/withdraw"),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(count(app).await, 0);
});

on_both_backends!(bad_input_is_named_and_nothing_is_stored, |app| {
    let id = group(app).await;
    let (_, form) = app.page(&format!("/groups/{id}/join?lang=en")).await;
    let token = token_from(&form);
    let path = format!("/groups/{id}/join?lang=en");
    let (status, _, body) = post(
        app,
        &path,
        &[
            ("token", &token),
            ("first_name", " "),
            ("contact_kind", "phone"),
            ("phone", "12<b>3"),
            ("child_count", "99"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body.contains(r#"<html lang="en""#),
        "the same language as the form"
    );
    assert!(body.contains("Fill in your first name"));
    assert!(body.contains("This phone number is not right"));
    assert!(body.contains("Fill in a number from 0 to 10"));
    assert!(body.contains("Tick the box"));
    assert!(
        body.contains(r#"value="12&lt;b&gt;3""#),
        "what was typed comes back, escaped"
    );
    assert!(
        body.contains(&token),
        "the same token, so the next try is the same request"
    );
    assert_eq!(count(app).await, 0);

    // The honeypot: a filled-in hidden field means a bot.
    let (status, _, _) = post(
        app,
        &path,
        &[
            ("token", &token),
            ("website", "spam"),
            ("first_name", "Bot"),
            ("contact_kind", "meeting"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(count(app).await, 0);

    // A group that does not exist.
    let (status, _, _) = post(app, "/groups/nope/join", &[("token", &token)]).await;
    assert_eq!(status, 404);
    // A post from another site.
    let res = app
        .client
        .post(app.url(&path))
        .header("sec-fetch-site", "cross-site")
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
});

on_both_backends!(join_posts_are_rate_limited, |app| {
    let id = group(app).await;
    let path = format!("/groups/{id}/join");
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let (status, _, _) = post(app, &path, &[("first_name", "")]).await;
        statuses.push(status);
    }
    assert!(statuses[..10].iter().all(|s| *s == 400), "{statuses:?}");
    assert_eq!(statuses[10], 429);
});

on_both_backends!(retention_deletes_old_requests, |app| {
    let id = group(app).await;
    for (i, name) in ["Closed", "Open", "Fresh"].iter().enumerate() {
        let token = doorstart::security::tokens::new_token();
        let input = doorstart::groups::join::JoinInput {
            token,
            first_name: name.to_string(),
            contact: doorstart::groups::join::Contact::AtMeeting,
            language: "nl".into(),
            children: None,
            child_ages: vec![],
            referral: "unknown".into(),
        };
        store::insert_join_request(&app.db, &id, &input.token, &input)
            .await
            .unwrap();
        if i == 0 {
            sqlx::query("UPDATE join_requests SET status = 'joined' WHERE first_name = 'Closed'")
                .execute(&app.db.pool)
                .await
                .unwrap();
        }
        if i == 1 {
            app.clock.advance(60 * 86_400);
        }
    }
    // Day 60: "Closed" was finished 60 days ago (> 30): gone. "Open" is 60 days old (< 90): kept.
    assert_eq!(
        doorstart::retention::purge_once(&app.db)
            .await
            .join_requests,
        1
    );
    let names: Vec<String> =
        sqlx::query_scalar("SELECT first_name FROM join_requests ORDER BY first_name")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(names, vec!["Fresh".to_string(), "Open".to_string()]);
    app.clock.advance(31 * 86_400);
    // Day 91: "Open" is past 90 days; "Fresh" is 31 days old and still open.
    assert_eq!(
        doorstart::retention::purge_once(&app.db)
            .await
            .join_requests,
        1
    );
    let names: Vec<String> = sqlx::query_scalar("SELECT first_name FROM join_requests")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(names, vec!["Fresh".to_string()]);
});
