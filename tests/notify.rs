//! "Tell me when a group starts near me" (issue 23, point 5): sign-up, the confirmation mail
//! through a real SMTP conversation, double opt-in, one mail when a group opens within 10 km,
//! the stop link, deletion after 48 hours and wrong input, on both databases.
mod common;
#[path = "common/sink.rs"]
mod sink;

use doorstart::groups::store::notify;
use doorstart::mail::send::deliver_due;
use sink::{Sink, PUBLIC};

async fn post(app: &common::TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let res = app
        .client
        .post(app.url(path))
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

const ALMELO: [(&str, &str); 5] = [
    ("postcode", "7607 AB"),
    ("email", "ouder@example.nl"),
    ("language", "ar"),
    ("child_age", "4"),
    ("consent", "yes"),
];

/// The path after `PUBLIC` of the link that starts with `prefix` and ends with a 43-character
/// token (quoted-printable soft breaks removed).
fn link_in(data: &str, prefix: &str) -> String {
    let data = decoded(data);
    let at = data
        .find(&format!("{PUBLIC}{prefix}"))
        .unwrap_or_else(|| panic!("{prefix} in {data}"));
    let start = at + PUBLIC.len();
    data[start..start + prefix.len() + 43].to_string()
}

/// The mail as text: quoted-printable soft breaks removed, base64 parts (non-Latin words)
/// decoded and added.
fn decoded(data: &str) -> String {
    use base64::Engine as _;
    let data = data.replace("\r\n", "\n");
    let mut out = data.replace("=\n", "");
    for part in data.split("Content-Transfer-Encoding: base64\n").skip(1) {
        let body: String = part
            .trim_start_matches('\n')
            .lines()
            .take_while(|l| !l.is_empty() && !l.starts_with("--"))
            .collect();
        if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(body.trim()) {
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    out
}

/// Signs up with `ALMELO` and returns the confirmation link's path from the mail.
async fn sign_up(app: &common::TestApp, sink: &Sink) -> String {
    let (status, location, _) = post(app, "/groups/notify", &ALMELO).await;
    assert_eq!((status, location.as_str()), (303, "/groups/notify-sent"));
    let before = sink.received().len();
    let pass = deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    assert_eq!(pass.sent, 1, "the confirmation mail goes out at once");
    let got = sink.received();
    assert_eq!(got.len(), before + 1);
    let mail = got.last().unwrap();
    assert_eq!(mail.to, vec!["ouder@example.nl".to_string()]);
    assert!(mail.data.contains("Content-Type: text/plain"));
    link_in(&mail.data, "/groups/notify/")
}

on_both_backends!(sign_up_confirm_and_one_mail_when_a_group_opens, |app| {
    let sink = Sink::start(0).await;
    // The finder offers the form where no group is within 10 km.
    let (status, page) = app.page("/groups?postcode=7607").await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"action="/groups/notify""#), "{page}");
    assert!(page.contains(r#"name="website""#), "the honeypot");

    let link = sign_up(app, &sink).await;
    let token = link.trim_start_matches("/groups/notify/").to_string();
    // Only the hash of the token is stored, never the token itself.
    let stored: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM group_interest")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].0, token);
    assert_eq!(stored[0].0, doorstart::security::tokens::hash_token(&token));

    // A group opens within 10 km; the address is not confirmed yet: no mail.
    let group = common::add_group(app, "Almelo").await;
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 0);
    // Opening the link (a mail scanner may) changes nothing.
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(r#"action="{link}""#)), "{page}");
    assert!(page.contains(&format!(r#"action="{link}/stop""#)), "{page}");
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 0);

    // The button confirms.
    let (status, location, _) = post(app, &link, &[]).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/groups/notify-confirmed")
    );
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 1);
    assert_eq!(
        notify::count(&app.db).await.unwrap(),
        0,
        "the row is deleted"
    );
    assert_eq!(
        notify::mail_matches(&app.db).await.unwrap(),
        0,
        "one mail only"
    );
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    let got = sink.received();
    assert_eq!(got.len(), 2);
    let data = decoded(&got[1].data);
    assert!(data.contains(&format!("{PUBLIC}/groups/{group}")), "{data}");
    assert!(data.contains("dir=\"rtl\""), "in Arabic: {data}");
    assert!(data.contains("مجموعة"), "in Arabic: {data}");
    // The link is gone now: confirming again finds nothing.
    let (status, _, _) = post(app, &link, &[]).await;
    assert_eq!(status, 404);
});

on_both_backends!(a_group_further_than_10_km_mails_nobody, |app| {
    let sink = Sink::start(0).await;
    let link = sign_up(app, &sink).await;
    post(app, &link, &[]).await;
    // Enschede (about 22 km from Almelo).
    let far = common::add_group(app, "Enschede").await;
    sqlx::query("UPDATE peer_groups SET lat = 52.22, lon = 6.89 WHERE id = $1")
        .bind(&far)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 0);
    assert_eq!(notify::count(&app.db).await.unwrap(), 1);
    assert_eq!(
        notify::waiting_per_area(&app.db).await.unwrap(),
        vec![(7607, 1)]
    );
    // The coordinator sees the area, with a small number hidden; never the address.
    app.account(
        "coord@example.org",
        doorstart::accounts::model::Role::Coordinator,
    )
    .await;
    let cookie = app.sign_in("coord@example.org").await;
    let (status, _, page) = app.get_as(&cookie, "/admin/monitoring").await;
    assert_eq!(status, 200);
    let at = page
        .find(r#"id="waiting-heading""#)
        .expect("the waiting table");
    let section = &page[at..at + page[at..].find("</section>").unwrap()];
    assert!(section.contains("7607"), "{section}");
    assert!(section.contains("&lt;5"), "{section}");
    assert!(!page.contains("ouder@example.nl"));
});

on_both_backends!(unconfirmed_addresses_go_after_48_hours, |app| {
    let sink = Sink::start(0).await;
    sign_up(app, &sink).await;
    let confirmed = sign_up_other(app, &sink).await;
    post(app, &confirmed, &[]).await;
    app.clock.advance(47 * 3600);
    doorstart::retention::purge_once(&app.db).await;
    assert_eq!(notify::count(&app.db).await.unwrap(), 2);
    app.clock.advance(2 * 3600);
    let p = doorstart::retention::purge_once(&app.db).await;
    assert_eq!(p.group_interest, 1, "{p:?}");
    assert_eq!(
        notify::count(&app.db).await.unwrap(),
        1,
        "the confirmed one stays"
    );
    // Nothing is kept longer than 180 days.
    app.clock
        .advance(doorstart::retention::NOTIFY_DAYS * 86_400);
    doorstart::retention::purge_once(&app.db).await;
    assert_eq!(notify::count(&app.db).await.unwrap(), 0);
});

async fn sign_up_other(app: &common::TestApp, sink: &Sink) -> String {
    let mut form = ALMELO;
    form[1] = ("email", "ander@example.nl");
    let (status, _, _) = post(app, "/groups/notify", &form).await;
    assert_eq!(status, 303);
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    link_in(&sink.received().last().unwrap().data, "/groups/notify/")
}

on_both_backends!(the_stop_link_deletes_at_once, |app| {
    let sink = Sink::start(0).await;
    let link = sign_up(app, &sink).await;
    post(app, &link, &[]).await;
    let stop = format!("{link}/stop");
    let (status, page) = app.page(&stop).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(r#"action="{stop}""#)), "{page}");
    assert_eq!(
        notify::count(&app.db).await.unwrap(),
        1,
        "a GET changes nothing"
    );
    let (status, location, _) = post(app, &stop, &[]).await;
    assert_eq!((status, location.as_str()), (303, "/groups/notify-stopped"));
    assert_eq!(notify::count(&app.db).await.unwrap(), 0);
    common::add_group(app, "Almelo").await;
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 0);
    // A wrong token is not found.
    let (status, _, _) = post(app, "/groups/notify/short/stop", &[]).await;
    assert_eq!(status, 404);
});

on_both_backends!(wrong_input_and_the_honeypot_store_nothing, |app| {
    let mut bad_postcode = ALMELO;
    bad_postcode[0] = ("postcode", "12");
    let mut bad_email = ALMELO;
    bad_email[1] = ("email", "ouder-at-example");
    let mut no_consent = ALMELO.to_vec();
    no_consent.pop();
    let mut bot = ALMELO.to_vec();
    bot.push(("website", "http://spam.example"));
    for (form, message) in [
        (bad_postcode.to_vec(), "Vul je postcode in"),
        (bad_email.to_vec(), "Vul een e-mailadres in"),
        (no_consent, "Zet een vinkje"),
        (bot, ""),
    ] {
        let res = app
            .client
            .post(app.url("/groups/notify"))
            .header("accept-language", "nl")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{form:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{message}: {body}");
        assert_eq!(notify::count(&app.db).await.unwrap(), 0, "{form:?}");
        let mails: Vec<(i64,)> = sqlx::query_as("SELECT COUNT(*) FROM mail_outbox")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(mails[0].0, 0, "{form:?}");
    }
});

on_both_backends!(a_group_already_near_at_sign_up_is_not_news, |app| {
    // The parent's filters hid this group; it was there before the sign-up.
    let before = common::add_group(app, "Almelo").await;
    let sink = Sink::start(0).await;
    let link = sign_up(app, &sink).await;
    post(app, &link, &[]).await;
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 0);
    assert_eq!(notify::count(&app.db).await.unwrap(), 1);
    // A group that opens later is news.
    let later = common::add_group(app, "Almelo").await;
    assert_ne!(before, later);
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 1);
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    let data = decoded(&sink.received().last().unwrap().data);
    assert!(data.contains(&format!("{PUBLIC}/groups/{later}")), "{data}");
    assert!(!data.contains(&format!("/groups/{before}")), "{data}");
});

on_both_backends!(the_group_whose_ages_fit_the_child_comes_first, |app| {
    let sink = Sink::start(0).await;
    let link = sign_up(app, &sink).await;
    post(app, &link, &[]).await;
    let toddlers = common::add_group(app, "Almelo").await;
    sqlx::query("UPDATE peer_groups SET age_min = 0, age_max = 3 WHERE id = $1")
        .bind(&toddlers)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let fitting = common::add_group(app, "Almelo").await;
    assert_eq!(notify::mail_matches(&app.db).await.unwrap(), 1);
    deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    let data = decoded(&sink.received().last().unwrap().data);
    assert!(
        data.contains(&format!("{PUBLIC}/groups/{fitting}")),
        "{data}"
    );
});
