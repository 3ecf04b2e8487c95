//! Partners on both databases: the coordinator's list (and nobody else's), the partner link and
//! its cookie, the join form with the partner chosen, the page cache never carrying a partner to
//! another visitor, monthly counts, QR codes decoded back to the public URL, posters and cards,
//! and the warm handover with and without the parent's yes.
mod common;

use doorstart::accounts::model::Role;
use doorstart::i18n::{I18n, Lang};
use doorstart::partners::model::{PartnerInput, PartnerKind, Slug};
use doorstart::partners::store;

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

fn nl(key: &'static str) -> String {
    I18n { lang: Lang::Nl }.t(key)
}

/// Text as the page writes it between tags.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn partner(app: &common::TestApp, name: &str, slug: &str) -> String {
    let input = PartnerInput {
        name: name.into(),
        kind: PartnerKind::YoungMothers,
        contact: String::new(),
        slug: Slug::parse(slug).unwrap(),
    };
    match store::create(&app.db, &input).await.unwrap() {
        store::Saved::Done(id) => id,
        other => panic!("{other:?}"),
    }
}

async fn scalar(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// (visits, join requests) of a partner this month.
async fn counts(app: &common::TestApp, partner_id: &str) -> (i64, i64) {
    sqlx::query_as("SELECT visits, join_requests FROM partner_counts WHERE partner_id = $1")
        .bind(partner_id)
        .fetch_optional(&app.db.pool)
        .await
        .unwrap()
        .unwrap_or((0, 0))
}

/// GET with a cookie header (may be empty): status, headers, body.
async fn get_with(
    app: &common::TestApp,
    cookie: &str,
    path: &str,
) -> (u16, reqwest::header::HeaderMap, String) {
    let mut req = app.client.get(app.url(path));
    if !cookie.is_empty() {
        req = req.header("cookie", cookie);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.text().await.unwrap())
}

fn set_cookies(headers: &reqwest::header::HeaderMap) -> Vec<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

/// The public URL every QR code starts with (as the app reads it in this process).
fn public(path: &str) -> String {
    doorstart::config::PublicUrl::from_env(doorstart::server::leptos_options().site_addr).link(path)
}

/// Reads our own SVG back: the `viewBox` size and the black `<rect>`s (one per run of modules),
/// drawn into a grey image at 4×4 pixels a module, then found and decoded by `rqrr`.
fn decode_qr(svg: &str) -> String {
    let attr = |tag: &str, name: &str| -> Option<usize> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()?.parse().ok()
    };
    let view_box = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let size: usize = view_box.split(' ').next().unwrap().parse().unwrap();
    let mut dark = vec![false; size * size];
    for tag in svg.split("<rect").skip(1) {
        let tag = tag.split("/>").next().unwrap();
        // The white background has no position; every module run has one.
        let (Some(x), Some(y), Some(w)) = (attr(tag, "x"), attr(tag, "y"), attr(tag, "width"))
        else {
            continue;
        };
        assert_eq!(attr(tag, "height"), Some(1), "{tag}");
        for dx in 0..w {
            dark[y * size + x + dx] = true;
        }
    }
    const SCALE: usize = 4;
    let px = size * SCALE;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / SCALE) * size + x / SCALE] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("the code decodes").1
}

async fn svg(app: &common::TestApp, path: &str) -> (u16, String, String) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    let kind = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, res.text().await.unwrap())
}

on_both_backends!(only_the_coordinator_manages_partners, |app| {
    app.account("coord@example.org", Role::Coordinator).await;
    app.account("fac@example.org", Role::Facilitator).await;
    let coord = app.sign_in("coord@example.org").await;
    let fac = app.sign_in("fac@example.org").await;
    // Nobody signed in: to the sign-in page.
    let (status, location, _) = app.get_as("", "/admin/partners").await;
    assert_eq!((status, location.as_str()), (303, "/admin/login"));
    // A coordinator adds a partner; the short name is made from the name.
    let (status, location, _) = app
        .post_as(
            &coord,
            "/admin/partners",
            &[
                ("name", "Jonge Moederwerk"),
                ("kind", "young-mothers"),
                ("contact", "Sanne, 0546 123456"),
                ("slug", ""),
            ],
        )
        .await;
    assert_eq!(status, 303, "created");
    let id = location
        .strip_prefix("/admin/partners/")
        .and_then(|l| l.strip_suffix("?saved=1"))
        .expect("to the partner's page")
        .to_string();
    let p = store::by_id(&app.db, &id).await.unwrap().unwrap();
    assert_eq!(
        (p.slug.as_str(), p.kind, p.active),
        ("jonge-moederwerk", PartnerKind::YoungMothers, true)
    );
    let (status, _, list) = app.get_as(&coord, "/admin/partners").await;
    assert_eq!(status, 200);
    assert!(list.contains("Jonge Moederwerk") && list.contains("/r/jonge-moederwerk"));
    assert!(
        list.contains("/r/jonge-moederwerk/poster") && list.contains("/r/jonge-moederwerk/card")
    );
    let (status, _, one) = app.get_as(&coord, &format!("/admin/partners/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        one.contains("Sanne, 0546 123456"),
        "the contact line for the coordinator"
    );
    // The same short name twice: the form again with the reason, nothing stored.
    let (status, _, page) = app
        .post_as(
            &coord,
            "/admin/partners",
            &[
                ("name", "Ander"),
                ("kind", "school"),
                ("slug", "jonge-moederwerk"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains(&html(&nl("partner-slug-taken"))));
    let (status, _, page) = app
        .post_as(
            &coord,
            "/admin/partners",
            &[("name", ""), ("kind", "hospital")],
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains(&html(&nl("partner-kind-invalid"))));
    assert_eq!(scalar(app, "SELECT COUNT(*) FROM partners").await, 1);
    // A change, and a name another partner cannot take.
    let (status, _, _) = app
        .post_as(
            &coord,
            &format!("/admin/partners/{id}"),
            &[
                ("name", "Jonge Moederwerk Almelo"),
                ("kind", "young-mothers"),
                ("slug", "jonge-moederwerk"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        store::by_id(&app.db, &id).await.unwrap().unwrap().name,
        "Jonge Moederwerk Almelo"
    );
    // A facilitator learns nothing and changes nothing: 404 on every page and post.
    for path in ["/admin/partners", &format!("/admin/partners/{id}")] {
        let (status, _, page) = app.get_as(&fac, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!page.contains("Jonge Moederwerk"), "{path}");
    }
    for path in [
        "/admin/partners".to_string(),
        format!("/admin/partners/{id}"),
        format!("/admin/partners/{id}/stop"),
    ] {
        let form = [("name", "Overgenomen"), ("kind", "other"), ("slug", "x-y")];
        let (status, _, _) = app.post_as(&fac, &path, &form).await;
        assert_eq!(status, 404, "{path}");
    }
    let p = store::by_id(&app.db, &id).await.unwrap().unwrap();
    assert!(p.active && p.name == "Jonge Moederwerk Almelo");
    assert_eq!(scalar(app, "SELECT COUNT(*) FROM partners").await, 1);
    // The coordinator stops the partner and starts it again; each change is in the audit log.
    let (status, _, _) = app
        .post_as(&coord, &format!("/admin/partners/{id}/stop"), &[])
        .await;
    assert_eq!(status, 303);
    assert!(!store::by_id(&app.db, &id).await.unwrap().unwrap().active);
    let (status, _, _) = app
        .post_as(&coord, &format!("/admin/partners/{id}/start"), &[])
        .await;
    assert_eq!(status, 303);
    assert!(store::by_id(&app.db, &id).await.unwrap().unwrap().active);
    let (status, _, _) = app
        .post_as(&coord, "/admin/partners/nobody/stop", &[])
        .await;
    assert_eq!(status, 404);
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE object_kind = 'partner' ORDER BY at",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    for action in [
        "partner-create",
        "partner-update",
        "partner-stop",
        "partner-start",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
});

on_both_backends!(
    the_partner_link_remembers_the_partner_for_the_join_form,
    |app| {
        let group = common::add_group(app, "Almelo").await;
        let jm = partner(app, "Jonge Moederwerk", "jonge-moederwerk").await;
        let cb = partner(app, "Consultatiebureau", "consultatiebureau").await;
        let (status, headers, _) = get_with(app, "", "/r/jonge-moederwerk").await;
        assert_eq!(status, 303);
        assert_eq!(headers.get("location").unwrap(), "/");
        let cookie = set_cookies(&headers)
            .into_iter()
            .find(|c| c.starts_with("ref="))
            .expect("a cookie of its own");
        assert!(
            cookie.starts_with("ref=jonge-moederwerk; Path=/; Max-Age=259200;"),
            "{cookie}"
        );
        assert!(
            cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"),
            "{cookie}"
        );
        assert!(
            !cookie.contains("Secure"),
            "plain http in the test: {cookie}"
        );
        assert_eq!(counts(app, &jm).await, (1, 0), "the visit counts");
        // The join form has the partner chosen; the parent can still choose another answer.
        let mine = "lang=nl; ref=jonge-moederwerk";
        let join = format!("/groups/{group}/join");
        let (status, _, form) = get_with(app, mine, &join).await;
        assert_eq!(status, 200);
        assert!(
            form.contains(r#"<option value="partner:jonge-moederwerk" selected"#),
            "chosen: {}",
            &form[form.find("id=\"referral\"").unwrap_or(0)..][..600.min(form.len())]
        );
        assert!(
            form.contains(r#"<option value="self""#) && form.contains(r#"<option value="other""#)
        );
        // Another visitor, before and after: the home page (kept by the page cache) and the join
        // form never show the partner.
        for _ in 0..2 {
            for path in ["/", join.as_str(), "/groups?postcode=7607"] {
                let (status, _, page) = get_with(app, "", path).await;
                assert_eq!(status, 200, "{path}");
                assert!(
                    !page.contains("Jonge Moederwerk") && !page.contains("partner:"),
                    "{path}"
                );
                let (_, _, with_lang) = get_with(app, "lang=nl", path).await;
                assert!(!with_lang.contains("Jonge Moederwerk"), "{path}");
            }
            let (status, _, home) = get_with(app, mine, "/").await;
            assert_eq!(status, 200);
            assert!(!home.contains("partner:"));
        }
        // The join request keeps the partner, and the partner's month counts it.
        let token = token_from(&form);
        let fields = [
            ("token", token.as_str()),
            ("website", ""),
            ("first_name", "Sanne"),
            ("contact_kind", "phone"),
            ("phone", "06 12345678"),
            ("language", "nl"),
            ("child_ages", "4"),
            ("consent", "yes"),
            ("referral", "partner:jonge-moederwerk"),
        ];
        let (status, location, _) = app.post_as(mine, &join, &fields).await;
        assert_eq!(status, 303, "joined");
        assert!(location.starts_with("/join/"));
        let stored: (Option<String>,) = sqlx::query_as("SELECT partner_id FROM join_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(stored.0.as_deref(), Some(jm.as_str()));
        let referral: String = sqlx::query_scalar("SELECT referral FROM join_facts")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(referral, "professional");
        assert_eq!(counts(app, &jm).await, (1, 1));
        // A partner the visitor's link did not name counts nothing (a crafted form).
        let (_, _, form) = get_with(app, mine, &join).await;
        let token = token_from(&form);
        let mut other = fields;
        other[0] = ("token", token.as_str());
        other[2] = ("first_name", "Ayse");
        other[8] = ("referral", "partner:consultatiebureau");
        let (status, _, _) = app.post_as(mine, &join, &other).await;
        assert_eq!(status, 303);
        assert_eq!(counts(app, &cb).await, (0, 0));
        assert_eq!(
            scalar(
                app,
                "SELECT COUNT(*) FROM join_requests WHERE partner_id IS NULL"
            )
            .await,
            1
        );
        // Unknown or malformed: 404. Stopped: home, no cookie, nothing counted.
        for path in ["/r/onbekend", "/r/A%20B", "/r/-x"] {
            let (status, headers, _) = get_with(app, "", path).await;
            assert_eq!(status, 404, "{path}");
            assert!(set_cookies(&headers).iter().all(|c| !c.starts_with("ref=")));
        }
        store::set_active(&app.db, &jm, false).await.unwrap();
        app.clock.advance(86_400);
        let (status, headers, _) = get_with(app, "", "/r/jonge-moederwerk").await;
        assert_eq!(status, 303);
        assert_eq!(headers.get("location").unwrap(), "/");
        assert!(set_cookies(&headers).iter().all(|c| !c.starts_with("ref=")));
        assert_eq!(
            counts(app, &jm).await,
            (1, 1),
            "a stopped partner counts nothing"
        );
        // The quick exit forgets the partner too, and the privacy page says how long it is kept.
        let (status, headers, _) = get_with(app, mine, "/exit").await;
        assert_eq!(status, 303);
        assert!(set_cookies(&headers)
            .iter()
            .any(|c| c.starts_with("ref=;") && c.contains("Max-Age=0")));
        let (_, _, privacy) = get_with(app, "", "/privacy").await;
        let days = doorstart::partners::model::REF_DAYS.to_string();
        let said = I18n { lang: Lang::Nl }.t_args("privacy-partner-cookie", &[("days", days)]);
        assert!(
            privacy.contains(&html(&said)),
            "the privacy page names the partner cookie"
        );
        // Its cookie, still on a phone, no longer chooses it.
        let (_, _, form) = get_with(app, mine, &join).await;
        assert!(!form.contains("Jonge Moederwerk") && !form.contains("partner:"));
    }
);

on_both_backends!(
    counts_per_partner_and_month_with_small_numbers_hidden,
    |app| {
        app.account("coord@example.org", Role::Coordinator).await;
        let coord = app.sign_in("coord@example.org").await;
        let jm = partner(app, "Jonge Moederwerk", "jonge-moederwerk").await;
        // Reloads of one phone on one day count once.
        for _ in 0..3 {
            assert_eq!(get_with(app, "", "/r/jonge-moederwerk").await.0, 303);
        }
        assert_eq!(counts(app, &jm).await, (1, 0));
        let (status, _, page) = app.get_as(&coord, "/admin/monitoring").await;
        assert_eq!(status, 200);
        let page = page.replace("<!>", "");
        let section = &page[page
            .find("id=\"partners-heading\"")
            .expect("the partners section")..];
        assert!(section.contains("Jonge Moederwerk"));
        assert!(section.contains("<td>&lt;5</td>"), "a count of 1 is hidden");
        // Other days: more visits, still one row for the month and nothing about who.
        for _ in 0..6 {
            app.clock.advance(86_400);
            assert_eq!(get_with(app, "", "/r/jonge-moederwerk").await.0, 303);
        }
        assert_eq!(counts(app, &jm).await, (7, 0));
        assert_eq!(scalar(app, "SELECT COUNT(*) FROM partner_counts").await, 1);
        // A week on, the session has ended: sign in again.
        let coord = app.sign_in("coord@example.org").await;
        let (status, _, page) = app.get_as(&coord, "/admin/monitoring").await;
        assert_eq!(status, 200);
        let page = page.replace("<!>", "");
        let section = &page[page.find("id=\"partners-heading\"").unwrap()..];
        let row = &section[section.find("Jonge Moederwerk").unwrap()..];
        assert!(
            row.contains("</bdi></td><td>5</td><td>0</td>"),
            "rounded to 5: {}",
            &row[..120]
        );
        // A month later the new month has its own row; the report's period picks the months.
        app.clock.advance(31 * 86_400);
        assert_eq!(get_with(app, "", "/r/jonge-moederwerk").await.0, 303);
        assert_eq!(scalar(app, "SELECT COUNT(*) FROM partner_counts").await, 2);
        let months = store::monthly(&app.db, "2026-01", "2030-12").await.unwrap();
        assert_eq!(months.len(), 2);
        assert_eq!(months.iter().map(|m| m.visits).sum::<i64>(), 8);
        // Retention: counts go with the other anonymous counts.
        app.clock.advance(40 * 31 * 86_400);
        doorstart::retention::purge_once(&app.db).await;
        assert_eq!(scalar(app, "SELECT COUNT(*) FROM partner_counts").await, 0);
    }
);

on_both_backends!(qr_codes_decode_to_exactly_the_public_url, |app| {
    let group = common::add_group(app, "Almelo").await;
    let jm = partner(app, "Jonge Moederwerk", "jonge-moederwerk").await;
    let (status, kind, body) = svg(app, "/r/jonge-moederwerk/qr.svg").await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    assert_eq!(decode_qr(&body), public("/r/jonge-moederwerk"));
    let (status, kind, body) = svg(app, &format!("/groups/{group}/qr.svg")).await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    assert_eq!(decode_qr(&body), public(&format!("/groups/{group}")));
    // Nothing but the code in the picture: no script, no text.
    assert!(!body.contains("<script") && !body.contains("<text"));
    for path in ["/r/onbekend/qr.svg", "/groups/nope/qr.svg"] {
        assert_eq!(svg(app, path).await.0, 404, "{path}");
    }
    store::set_active(&app.db, &jm, false).await.unwrap();
    assert_eq!(
        svg(app, "/r/jonge-moederwerk/qr.svg").await.0,
        404,
        "stopped"
    );
});

on_both_backends!(posters_and_cards_in_dutch_and_two_chosen_languages, |app| {
    let group = common::add_group(app, "Almelo").await;
    partner(app, "Jonge Moederwerk", "jonge-moederwerk").await;
    let t = |lang: Lang, key: &'static str| html(&I18n { lang }.t(key));
    let (status, headers, page) =
        get_with(app, "", &format!("/groups/{group}/poster?lang=ar,tr,pl")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Koffieochtend") && page.contains("Teststraat 1"));
    assert!(page.contains(&format!(r#"src="/groups/{group}/qr.svg""#)));
    assert!(page.contains(r#"class="poster sheet-a4""#));
    for lang in [Lang::Nl, Lang::Ar, Lang::Tr] {
        assert!(
            page.contains(&t(lang, "poster-for-every-parent")),
            "{lang:?}"
        );
        assert!(page.contains(&t(lang, "crisis-113")), "{lang:?}");
        assert!(
            page.contains(&format!(r#"lang="{}""#, lang.code())),
            "{lang:?}"
        );
    }
    assert!(
        !page.contains(&t(Lang::Pl, "poster-for-every-parent")),
        "at most two"
    );
    assert!(page.contains("<strong dir=\"ltr\">113</strong>"));
    // A list never switches the page's own language.
    assert!(set_cookies(&headers)
        .iter()
        .all(|c| !c.starts_with("lang=")));
    let (status, _, page) = get_with(app, "", "/r/jonge-moederwerk/poster?lang=nl,uk").await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"src="/r/jonge-moederwerk/qr.svg""#));
    assert!(page.contains(&t(Lang::Uk, "poster-partner-groups")));
    assert!(page.contains("Je kreeg dit van Jonge Moederwerk."));
    let (status, _, card) = get_with(app, "", "/r/jonge-moederwerk/card").await;
    assert_eq!(status, 200);
    assert!(card.contains(r#"class="poster sheet-a6""#) && card.contains("113"));
    for path in [
        "/groups/nope/poster".to_string(),
        "/r/onbekend/poster".to_string(),
        "/r/onbekend/card".to_string(),
    ] {
        assert_eq!(get_with(app, "", &path).await.0, 404, "{path}");
    }
});

/// A partner account linked to a partner by the coordinator; returns its session cookie.
async fn partner_account(
    app: &common::TestApp,
    coord: &str,
    email: &str,
    partner_id: &str,
) -> String {
    let account = app.account(email, Role::Partner).await;
    let (status, _, _) = app
        .post_as(
            coord,
            &format!("/admin/partners/{partner_id}/members"),
            &[("account", account.as_str())],
        )
        .await;
    assert_eq!(status, 303, "linked");
    let res = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("email", email), ("password", common::PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers().get("location").unwrap(), "/admin/handover");
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    cookie.split(';').next().unwrap().to_string()
}

on_both_backends!(a_warm_handover_needs_the_parents_yes, |app| {
    let group = common::add_group(app, "Almelo").await;
    app.account("coord@example.org", Role::Coordinator).await;
    let coord = app.sign_in("coord@example.org").await;
    let jm = partner(app, "Jonge Moederwerk", "jonge-moederwerk").await;
    let cb = partner(app, "Consultatiebureau", "consultatiebureau").await;
    let mine = partner_account(app, &coord, "jm@example.org", &jm).await;
    let theirs = partner_account(app, &coord, "cb@example.org", &cb).await;
    // The form shows the sentence in the parent's language (and in Dutch).
    let (status, _, form) = app.get_as(&mine, "/admin/handover?language=ar").await;
    assert_eq!(status, 200);
    let arabic = I18n { lang: Lang::Ar }.t("handover-consent-sentence");
    assert!(form.contains(&html(&arabic)), "the sentence in Arabic");
    assert!(form.contains(r#"lang="ar" dir="rtl""#));
    assert!(form.contains(&html(&nl("handover-consent-sentence"))));
    let token = token_from(&form);
    let fields = |consent: &'static str| {
        vec![
            ("token", token.clone()),
            ("language", "ar".to_string()),
            ("first_name", "Sanne".to_string()),
            ("reach", "06 98765432".to_string()),
            ("child_age", "3".to_string()),
            ("pc4", "7607".to_string()),
            ("group", String::new()),
            // A partner's account cannot hand over for another partner.
            ("partner", cb.clone()),
            ("consent", consent.to_string()),
        ]
    };
    let post = |cookie: String, form: Vec<(&'static str, String)>| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app.post_as(&cookie, "/admin/handover", &pairs).await
    };
    // Without the parent's yes: 400 with the reason, and nothing stored at all.
    let (status, _, page) = post(mine.clone(), fields("")).await;
    assert_eq!(status, 400);
    assert!(page.contains(&html(&nl("handover-consent-missing"))));
    assert!(page.contains("Sanne"), "the form keeps what was typed");
    for table in ["join_requests", "handovers", "join_facts", "partner_counts"] {
        assert_eq!(
            scalar(app, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        scalar(
            app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'handover'"
        )
        .await,
        0
    );
    // With it: a join request through the partner, the status link on screen (text and QR).
    let (status, _, done) = post(mine.clone(), fields("yes")).await;
    assert_eq!(
        status,
        200,
        "{}",
        done.find("error-summary")
            .map(|at| &done[at..at + 800])
            .unwrap_or(&done)
    );
    let at = done.find("/join/").expect("the status link");
    let link_token = &done[at + 6..at + 6 + 43];
    assert!(
        done.contains("<svg") && done.contains("</svg>"),
        "a QR code to scan"
    );
    assert!(done.contains(&html(&I18n { lang: Lang::Ar }.t("handover-keep-heading"))));
    let (request, partner_id, referral_ages): (String, Option<String>, String) =
        sqlx::query_as("SELECT id, partner_id, child_ages FROM join_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        partner_id.as_deref(),
        Some(jm.as_str()),
        "its own partner, not the posted one"
    );
    assert_eq!(referral_ages, "3");
    let (made_by, group_id): (Option<String>, String) =
        sqlx::query_as("SELECT made_by, group_id FROM handovers")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(made_by.is_some());
    assert_eq!(group_id, group, "the nearest group to 7607");
    assert_eq!(counts(app, &jm).await, (0, 1));
    let audited: String =
        sqlx::query_scalar("SELECT object_id FROM audit_log WHERE action = 'handover'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(audited, request);
    // The parent's link works on their own phone.
    let (status, page) = app.page(&format!("/join/{link_token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Sanne"));
    // The same post again (a refresh): the same page, nothing new.
    let (status, _, again) = post(mine.clone(), fields("yes")).await;
    assert_eq!(status, 200);
    assert!(again.contains(link_token));
    assert_eq!(scalar(app, "SELECT COUNT(*) FROM handovers").await, 1);
    // Afterwards the partner sees the status of its handover, never the name or the number.
    let (status, _, list) = app.get_as(&mine, "/admin/handover").await;
    assert_eq!(status, 200);
    assert!(list.contains(&html(&nl("handover-status-received"))));
    for secret in ["Sanne", "0698765432", "06 98765432"] {
        assert!(!list.contains(secret), "{secret}");
    }
    // Another partner's account sees none of it.
    let (status, _, other) = app.get_as(&theirs, "/admin/handover").await;
    assert_eq!(status, 200);
    assert!(!other.contains(&html(&nl("handover-status-received"))));
    assert!(!other.contains("Sanne"));
    // A partner's account may do nothing else on the facilitator side.
    for path in [
        "/admin",
        "/admin/help",
        "/admin/groups",
        "/admin/partners",
        "/admin/monitoring",
    ] {
        let (status, _, page) = app.get_as(&mine, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!page.contains("Sanne"), "{path}");
    }
    let (status, _, _) = app
        .post_as(
            &mine,
            &format!("/admin/requests/{request}/status"),
            &[("status", "joined")],
        )
        .await;
    assert_eq!(status, 404);
    let (status, _, _) = app
        .post_as(&mine, &format!("/admin/partners/{jm}/stop"), &[])
        .await;
    assert_eq!(status, 404);
    // A coordinator hands over for a partner they choose, to a group they choose.
    let (_, _, form) = app.get_as(&coord, "/admin/handover").await;
    let token = token_from(&form);
    let (status, _, _) = app
        .post_as(
            &coord,
            "/admin/handover",
            &[
                ("token", token.as_str()),
                ("language", "nl"),
                ("first_name", "Ayse"),
                ("reach", "ayse@example.nl"),
                ("group", group.as_str()),
                ("partner", cb.as_str()),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(counts(app, &cb).await, (0, 1));
    // No partner chosen, or a stopped one: the form again, nothing stored.
    store::set_active(&app.db, &cb, false).await.unwrap();
    let (_, _, form) = app.get_as(&coord, "/admin/handover").await;
    let token = token_from(&form);
    for partner in ["", cb.as_str()] {
        let (status, _, page) = app
            .post_as(
                &coord,
                "/admin/handover",
                &[
                    ("token", token.as_str()),
                    ("first_name", "Iemand"),
                    ("reach", "0612345678"),
                    ("group", group.as_str()),
                    ("partner", partner),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(status, 400, "{partner:?}");
        assert!(page.contains(&html(&nl("handover-partner-missing"))));
    }
    // No group within 10 km of the postcode: the reason, nothing stored.
    let (status, _, page) = app
        .post_as(
            &mine,
            "/admin/handover",
            &[
                ("token", token.as_str()),
                ("first_name", "Iemand"),
                ("reach", "0612345678"),
                ("pc4", "9711"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains(&html(&nl("handover-no-group-near"))));
    assert_eq!(scalar(app, "SELECT COUNT(*) FROM join_requests").await, 2);
    // A partner account without a partner cannot hand over.
    app.account("los@example.org", Role::Partner).await;
    let loose = app.sign_in("los@example.org").await;
    let (status, _, page) = app.get_as(&loose, "/admin/handover").await;
    assert_eq!(status, 200);
    assert!(page.contains(&html(&nl("handover-not-linked"))));
    assert!(!page.contains("name=\"token\""));
});

on_both_backends!(demo_mode_has_two_partners, |app| {
    doorstart::demo::load_if_empty(&app.db).await.unwrap();
    for (slug, name) in [
        ("jonge-moederwerk", "Jonge Moederwerk"),
        ("consultatiebureau", "Consultatiebureau"),
    ] {
        let p = store::by_slug(&app.db, slug).await.unwrap().expect(slug);
        assert!(p.active && p.name == name);
    }
    // A second start adds nothing.
    doorstart::demo::load_if_empty(&app.db).await.unwrap();
    assert_eq!(scalar(app, "SELECT COUNT(*) FROM partners").await, 2);
});
