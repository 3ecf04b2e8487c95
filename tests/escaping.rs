//! Whatever a parent or a facilitator types is only ever shown as text: in a form shown again
//! (400, 404, 429) and on every page that shows it stored, on both databases. A `<textarea>`'s
//! children are written raw by Leptos, so these pages once closed the text area and showed the
//! typed heading (and script) as markup.
mod common;

use doorstart::accounts::model::Role;

/// What an attacker types into every field: it would close a text area or a page title.
const MARKUP: &str = "</textarea></title><h1 id=x>Bel 0900</h1><script>alert(1)</script>";

/// The same text, shown as text.
const ESCAPED: &str = "&lt;h1 id=x&gt;Bel 0900&lt;/h1&gt;";

/// The page shows the typed text, and only as text.
#[track_caller]
fn only_as_text(page: &str, what: &str) {
    let around = |needle: &str| {
        page.find(needle)
            .map(|at| {
                let mut from = at.saturating_sub(200);
                while !page.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (at + 200).min(page.len());
                while !page.is_char_boundary(to) {
                    to += 1;
                }
                page[from..to].to_string()
            })
            .unwrap_or_default()
    };
    assert!(
        !page.contains("<h1 id=x>"),
        "{what}: the typed heading is markup: …{}…",
        around("<h1 id=x>")
    );
    assert!(
        !page.contains("<script>alert"),
        "{what}: the typed script is markup: …{}…",
        around("<script>alert")
    );
    assert!(
        page.contains(ESCAPED),
        "{what}: the typed text is not shown: …{}…",
        around("Bel 0900")
    );
}

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

fn code_in(page: &str) -> String {
    let at = page.find("pickup-code").expect("a pick-up code");
    page[at..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .filter(char::is_ascii_digit)
        .collect()
}

async fn id_of(app: &common::TestApp, sql: &str) -> String {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

on_both_backends!(the_help_form_shows_what_was_typed_as_text, |app| {
    // No theme: the form again (400) with the message, the phone and the e-mail address.
    let (status, _, page) = app
        .post_as(
            "",
            "/help",
            &[
                ("message", MARKUP),
                ("callback", "yes"),
                ("phone", MARKUP),
                ("email", MARKUP),
            ],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "help form");
    assert!(page.contains("&lt;/textarea&gt;"));
    // Exactly one text area on the page, closed once: nothing typed closed it.
    assert_eq!(page.matches("</textarea>").count(), 1);

    // A reply with a code that does not work: the message comes back in the code form (404).
    let wrong = "1234".repeat(9);
    let (status, _, page) = app
        .post_as(
            "",
            "/help/reply/send",
            &[("code", wrong.as_str()), ("message", MARKUP)],
        )
        .await;
    assert_eq!(status, 404);
    only_as_text(&page, "code form with the kept message");
});

on_both_backends!(a_help_conversation_shows_its_messages_as_text, |app| {
    let (status, _, page) = app
        .post_as("", "/help", &[("theme", "money"), ("message", MARKUP)])
        .await;
    assert_eq!(status, 200);
    let code = code_in(&page);
    assert_eq!(code.len(), 16);

    // The parent reads the question back with the code.
    let (status, _, page) = app
        .post_as("", "/help/reply", &[("code", code.as_str())])
        .await;
    assert_eq!(status, 200);
    only_as_text(&page, "the parent's conversation");

    // A reply that is too long: the conversation again (400) with the typed reply in it.
    let long = format!("{MARKUP}{}", "x".repeat(2000));
    let (status, _, page) = app
        .post_as(
            "",
            "/help/reply/send",
            &[("code", code.as_str()), ("message", long.as_str())],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "reply shown again");
    assert_eq!(page.matches("</textarea>").count(), 1);

    // The volunteer reads the question in the inbox.
    app.account("f@example.nl", Role::Facilitator).await;
    let me = app.sign_in("f@example.nl").await;
    let id = id_of(app, "SELECT id FROM help_requests").await;
    let (status, _, _) = app
        .post_as(&me, &format!("/admin/help/{id}/claim"), &[])
        .await;
    assert_eq!(status, 303, "the volunteer takes the question");
    let (status, _, page) = app.get_as(&me, &format!("/admin/help/{id}")).await;
    assert_eq!(status, 200);
    only_as_text(&page, "the volunteer's view of a question");
});

on_both_backends!(
    a_help_form_refused_as_too_many_shows_its_text_as_text,
    |app| {
        // A second app with room for one form per client: the second post is refused (429).
        let limited = common::spawn_limited(
            app.db.backend,
            doorstart::config::LimitSettings {
                forms_per_10_minutes: 1,
                ..Default::default()
            },
        )
        .await;
        let form = [("message", MARKUP)];
        let (status, _, _) = limited.post_as("", "/help", &form).await;
        assert_eq!(status, 400);
        let (status, _, page) = limited.post_as("", "/help", &form).await;
        assert_eq!(status, 429);
        only_as_text(&page, "help form refused as too many");
        limited.finish().await;
    }
);

on_both_backends!(join_and_rsvp_forms_show_what_was_typed_as_text, |app| {
    let group = common::add_group(app, "Almelo").await;
    let path = format!("/groups/{group}/join");
    let (_, form) = app.page(&path).await;
    let token = token_from(&form);
    // No consent: the form again (400) with the name and the address.
    let (status, _, page) = app
        .post_as(
            "",
            &path,
            &[
                ("token", token.as_str()),
                ("first_name", MARKUP),
                ("contact_kind", "email"),
                ("email", MARKUP),
                ("child_ages", MARKUP),
            ],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "join form");

    // A join request with that name: the facilitator's inbox shows it as text.
    let (status, _, _) = app
        .post_as(
            "",
            &path,
            &[
                ("token", token.as_str()),
                ("first_name", "Sanne <b>"),
                ("contact_kind", "meeting"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    app.account("c@example.nl", Role::Coordinator).await;
    let me = app.sign_in("c@example.nl").await;
    let (_, _, inbox) = app.get_as(&me, "/admin").await;
    assert!(inbox.contains("Sanne &lt;b&gt;"), "the name in the inbox");
    assert!(!inbox.contains("Sanne <b>"));

    // An RSVP with no number of adults: the form again (400) with the name and the address.
    let start = common::START + 86_400;
    let meetup =
        doorstart::meetups::store::insert(&app.db, &group, start, start + 7200, "Buurthuis", 10)
            .await
            .unwrap();
    let path = format!("/meetups/{meetup}");
    let (_, form) = app.page(&path).await;
    let token = token_from(&form);
    let (status, _, page) = app
        .post_as(
            "",
            &path,
            &[
                ("token", token.as_str()),
                ("first_name", MARKUP),
                ("adults", "0"),
                ("email", MARKUP),
            ],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "RSVP form");
});

/// A valid group with the markup in every text.
fn group_form(postcode: &str) -> Vec<(&'static str, String)> {
    [
        ("name", MARKUP),
        ("description", MARKUP),
        ("first_visit", MARKUP),
        ("facilitator_name", "Anna"),
        ("address", MARKUP),
        ("weekday", "2"),
        ("start", "10:00"),
        ("rhythm", "weekly"),
        ("age_min", "4"),
        ("age_max", "12"),
        ("lang_nl", "1"),
        ("cost", "0"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .chain([("postcode", postcode.to_string())])
    .collect()
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

on_both_backends!(group_and_meetup_forms_show_what_was_typed_as_text, |app| {
    app.account("c@example.nl", Role::Coordinator).await;
    let me = app.sign_in("c@example.nl").await;

    // An unknown postcode: the group form again (400) with every text.
    let bad = group_form("1000");
    let (status, _, page) = app.post_as(&me, "/admin/groups/new", &pairs(&bad)).await;
    assert_eq!(status, 400);
    only_as_text(&page, "new group form");
    assert_eq!(page.matches("</textarea>").count(), 2);

    // Stored, the coordinator edits it: the stored texts are shown as text.
    let good = group_form("7641");
    let (status, location, _) = app.post_as(&me, "/admin/groups/new", &pairs(&good)).await;
    assert_eq!(status, 303);
    let id = location
        .split('?')
        .next()
        .unwrap()
        .trim_start_matches("/admin/groups/")
        .trim_end_matches("/meetups")
        .to_string();
    let edit = format!("/admin/groups/{id}");
    let (status, _, page) = app.get_as(&me, &edit).await;
    assert_eq!(status, 200);
    only_as_text(&page, "group edit page");
    assert_eq!(page.matches("</textarea>").count(), 4);
    // Changed with a wrong postcode: the edit form again (400).
    let (status, _, page) = app.post_as(&me, &edit, &pairs(&bad)).await;
    assert_eq!(status, 400);
    only_as_text(&page, "group edit form shown again");
    // Parents see the group as text too.
    let (_, public) = app.page(&format!("/groups/{id}")).await;
    only_as_text(&public, "public group page");
    // The group's name is the page's title, escaped there too (leptos_meta writes it raw).
    assert!(public.contains("<title>&lt;/textarea&gt;&lt;/title&gt;&lt;h1 id=x&gt;"));
    assert_eq!(public.matches("</title>").count(), 1);

    // The words in another language: a wrong language gives the page again (400)...
    let texts = format!("/admin/groups/{id}/texts");
    let (status, _, page) = app
        .post_as(
            &me,
            &texts,
            &[
                ("text_lang", "xx"),
                ("text_description", MARKUP),
                ("text_first_visit", MARKUP),
            ],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "group texts form");
    // ...and stored, the list of languages shows them as text.
    let (status, _, _) = app
        .post_as(
            &me,
            &texts,
            &[
                ("text_lang", "en"),
                ("text_description", "Tea <i>and</i> talk"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, _, page) = app.get_as(&me, &edit).await;
    assert!(page.contains("Tea &lt;i&gt;and&lt;/i&gt; talk"));
    assert!(!page.contains("<i>and</i>"));

    // Meetup planning: a wrong date gives the page again (400) with the place.
    let series = format!("/admin/groups/{id}/meetups");
    let mut plan = vec![
        ("date", "2026-13-40"),
        ("start", "10:00"),
        ("minutes", "90"),
        ("weeks", "2"),
        ("place", MARKUP),
        ("capacity", "10"),
    ];
    let (status, _, page) = app.post_as(&me, &series, &plan).await;
    assert_eq!(status, 400);
    only_as_text(&page, "meetup series form");
    plan[0].1 = "2026-12-01";
    let (status, _, _) = app.post_as(&me, &series, &plan).await;
    assert_eq!(status, 303);
    let (_, _, page) = app.get_as(&me, &series).await;
    only_as_text(&page, "meetups page with the stored place");
    let meetup = id_of(app, "SELECT id FROM meetups ORDER BY starts_at").await;
    plan[0].1 = "2026-13-40";
    let (status, _, page) = app
        .post_as(&me, &format!("/admin/meetups/{meetup}/edit"), &plan)
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "meetup edit form");
    let (_, public) = app.page(&format!("/meetups/{meetup}")).await;
    only_as_text(&public, "public meetup page");
});

on_both_backends!(coordinator_forms_show_what_was_typed_as_text, |app| {
    app.account("c@example.nl", Role::Coordinator).await;
    let me = app.sign_in("c@example.nl").await;

    // The protocol: no contact gives the form again (400)...
    let (status, _, page) = app
        .post_as(&me, "/admin/protocol", &[("body", MARKUP), ("contact", "")])
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "protocol form");
    assert_eq!(page.matches("</textarea>").count(), 1);
    // ...and stored, the coordinator's page and the parents' page show it as text.
    let (status, _, _) = app
        .post_as(
            &me,
            "/admin/protocol",
            &[("body", MARKUP), ("contact", MARKUP)],
        )
        .await;
    assert_eq!(status, 303);
    let (_, _, page) = app.get_as(&me, "/admin/protocol").await;
    only_as_text(&page, "protocol page");
    assert_eq!(page.matches("</textarea>").count(), 1);
    let (_, public) = app.page("/what-happens").await;
    only_as_text(&public, "what happens page");

    // An invite for an address that is not one (400).
    let (status, _, page) = app
        .post_as(&me, "/admin/invites", &[("email", MARKUP)])
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "invite form");

    // Local help: an unknown municipality gives the form again (400)...
    let mut entry = vec![
        ("municipality", "GM9999"),
        ("step", "debts/s2"),
        ("name", MARKUP),
        ("hours", MARKUP),
        ("address", MARKUP),
    ];
    let (status, _, page) = app.post_as(&me, "/admin/local-help", &entry).await;
    assert_eq!(status, 400);
    only_as_text(&page, "local help form");
    // ...and stored, its edit page and the guide show it as text.
    entry[0].1 = "GM0141";
    let (status, _, _) = app.post_as(&me, "/admin/local-help", &entry).await;
    assert_eq!(status, 303);
    let id = id_of(app, "SELECT id FROM local_help").await;
    let (status, _, page) = app.get_as(&me, &format!("/admin/local-help/{id}")).await;
    assert_eq!(status, 200);
    only_as_text(&page, "local help edit page");
    entry[0].1 = "GM9999";
    let (status, _, page) = app
        .post_as(&me, &format!("/admin/local-help/{id}"), &entry)
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "local help edit form shown again");
    let (_, guide) = app.page("/guides/debts?gemeente=GM0141").await;
    only_as_text(&guide, "guide with local help");
});

on_both_backends!(sign_in_forms_show_what_was_typed_as_text, |app| {
    let (status, _, page) = app
        .post_as(
            "",
            "/admin/login",
            &[("email", MARKUP), ("password", "not the password")],
        )
        .await;
    assert!(status == 400 || status == 401, "{status}");
    only_as_text(&page, "sign-in form");

    let (status, _, page) = app.post_as("", "/admin/forgot", &[("email", MARKUP)]).await;
    assert_eq!(status, 400);
    only_as_text(&page, "forgot form");

    // An invite taken with a name and address that are not right (400).
    app.account("c@example.nl", Role::Coordinator).await;
    let me = app.sign_in("c@example.nl").await;
    let (status, _, page) = app.post_as(&me, "/admin/invites", &[("email", "")]).await;
    assert_eq!(status, 200, "the invite link is shown");
    let at = page.find("/admin/invite/").expect("invite link");
    let token = &page[at + "/admin/invite/".len()..][..43];
    let (status, _, page) = app
        .post_as(
            "",
            &format!("/admin/invite/{token}"),
            &[
                ("display_name", MARKUP),
                ("email", MARKUP),
                ("new_password", "short"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    only_as_text(&page, "accept invite form");
});
