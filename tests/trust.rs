//! The pages a parent reads before asking anything (privacy, what happens to what you tell us,
//! accessibility, offline) in every language; the retention periods on the privacy page are the
//! retention task's own; the coordinator's protocol; the manifest; "clear my traces"; and the
//! interpreter on the help form, seen by the facilitator and counted. On both databases.
mod common;

use doorstart::accounts::model::Role;
use doorstart::i18n::{I18n, Lang};

/// The text as it may appear in HTML (Leptos escapes `&`, `<`, `>` and, in attributes, quotes).
fn shows(page: &str, text: &str) -> bool {
    let esc = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    page.contains(text)
        || page.contains(&esc)
        || page.contains(&esc.replace('"', "&quot;"))
        || page.contains(&esc.replace('\'', "&#39;"))
        || page.contains(&esc.replace('\'', "&#x27;"))
}

const PAGES: [(&str, &str); 4] = [
    ("/privacy", "privacy-title"),
    ("/what-happens", "what-title"),
    ("/toegankelijkheid", "a11y-title"),
    ("/offline", "offline-title"),
];

on_both_backends!(every_page_in_every_language, |app| {
    let dutch = I18n { lang: Lang::Nl };
    for lang in Lang::ALL {
        let i = I18n { lang };
        for (path, title) in PAGES {
            let (status, page) = app.page(&format!("{path}?lang={}", lang.code())).await;
            assert_eq!(status, 200, "{path} in {}", lang.code());
            assert!(
                page.contains(&format!("lang=\"{}\" dir=\"{}\"", lang.code(), lang.dir())),
                "{path} in {}",
                lang.code()
            );
            let heading = i.t(title);
            assert!(shows(&page, &heading), "{path}: {heading}");
            if lang != Lang::Nl {
                assert_ne!(
                    heading,
                    dutch.t(title),
                    "{path} is translated into {}",
                    lang.code()
                );
            }
            // Every page links to the three statements in its footer.
            for link in ["/privacy", "/what-happens", "/toegankelijkheid"] {
                assert!(
                    page.contains(&format!("href=\"{link}\"")),
                    "{path} links {link}"
                );
            }
        }
        // The crisis numbers are on the offline page (kept by the service worker).
        let (_, offline) = app.page(&format!("/offline?lang={}", lang.code())).await;
        for n in ["112", "0800-2000", "0800-0113", "088-0767000"] {
            assert!(offline.contains(n), "{n} on the offline page");
        }
    }
});

on_both_backends!(privacy_periods_are_the_retention_periods, |app| {
    use doorstart::retention::*;
    // With no settings, the task deletes by its constants...
    let p = periods();
    assert_eq!(
        (
            p.join_closed_days,
            p.join_max_days,
            p.rsvp_days_after,
            p.help_days,
            p.stats_months
        ),
        (
            JOIN_CLOSED_DAYS,
            JOIN_MAX_DAYS,
            RSVP_DAYS_AFTER,
            HELP_DAYS,
            STATS_MONTHS
        )
    );
    // ...and the page says exactly those numbers, in every language.
    for lang in Lang::ALL {
        let i = I18n { lang };
        let (_, page) = app.page(&format!("/privacy?lang={}", lang.code())).await;
        let expected = [
            i.t_args(
                "privacy-join-long",
                &[
                    ("closed", JOIN_CLOSED_DAYS.to_string()),
                    ("max", JOIN_MAX_DAYS.to_string()),
                ],
            ),
            i.t_args(
                "privacy-rsvp-long",
                &[("days", RSVP_DAYS_AFTER.to_string())],
            ),
            i.t_args("privacy-help-long", &[("days", HELP_DAYS.to_string())]),
            i.t_args(
                "privacy-counts-long",
                &[("months", STATS_MONTHS.to_string())],
            ),
        ];
        for text in expected {
            assert!(shows(&page, &text), "{}: {text}", lang.code());
        }
    }
    let (_, en) = app.page("/privacy?lang=en").await;
    assert!(en.contains(&format!("until {HELP_DAYS} days after the last message")));
    assert!(en.contains(&format!("Never longer than {JOIN_MAX_DAYS} days")));
    // Who is responsible: from the settings, or said plainly that it is not filled in.
    let org = doorstart::trust::model::Organisation::from_env();
    match org.name {
        Some(name) => assert!(shows(&en, &name)),
        None => assert!(shows(&en, &I18n { lang: Lang::En }.t("trust-org-unset"))),
    }
    // "Clear my traces" works without JavaScript: a form that posts.
    assert!(en.contains("action=\"/privacy/clear\""));
});

on_both_backends!(the_coordinator_writes_the_protocol, |app| {
    app.account("c@example.nl", Role::Coordinator).await;
    app.account("f@example.nl", Role::Facilitator).await;
    let coordinator = app.sign_in("c@example.nl").await;
    let facilitator = app.sign_in("f@example.nl").await;
    let nl = I18n { lang: Lang::Nl };

    let (_, page) = app.page("/what-happens").await;
    assert!(shows(&page, &nl.t("what-protocol-missing")));

    // Only the coordinator: a facilitator gets 404, nobody signed in goes to sign in.
    let form = [
        (
            "body",
            "Bij direct gevaar bellen we 112.\n\nBij zorgen overleggen we met de coördinator.",
        ),
        ("contact", "Coördinator Doorstart, 053 000 0000"),
    ];
    assert_eq!(
        app.post_as(&facilitator, "/admin/protocol", &form).await.0,
        404
    );
    assert_eq!(app.get_as(&facilitator, "/admin/protocol").await.0, 404);
    let (status, location, _) = app.post_as("", "/admin/protocol", &form).await;
    assert_eq!((status, location.as_str()), (303, "/admin/login"));

    // Bad input: the form again with a message, 400.
    let (status, _, page) = app
        .post_as(
            &coordinator,
            "/admin/protocol",
            &[("body", ""), ("contact", "x")],
        )
        .await;
    assert_eq!(status, 400);
    assert!(shows(&page, &nl.t("protocol-body-missing")));

    let (status, location, _) = app.post_as(&coordinator, "/admin/protocol", &form).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/protocol?saved=1")
    );
    let (status, _, page) = app.get_as(&coordinator, "/admin/protocol?saved=1").await;
    assert_eq!(status, 200);
    assert!(page.contains("Bij direct gevaar bellen we 112."));

    // Parents read it with the date it last changed.
    let (_, page) = app.page("/what-happens").await;
    assert!(page.contains("Bij direct gevaar bellen we 112."));
    assert!(page.contains("Bij zorgen overleggen we met de co"));
    assert!(shows(&page, "Coördinator Doorstart, 053 000 0000"));
    let changed = nl.t_args("what-protocol-changed", &[("date", nl.date(common::START))]);
    assert!(shows(&page, &changed), "{changed}");

    // A change moves the date; the audit log names the change.
    app.clock.advance(3 * 86_400);
    let coordinator = app.sign_in("c@example.nl").await;
    let (status, _, _) = app.post_as(&coordinator, "/admin/protocol", &form).await;
    assert_eq!(status, 303);
    let (_, page) = app.page("/what-happens").await;
    let later = nl.t_args(
        "what-protocol-changed",
        &[("date", nl.date(common::START + 3 * 86_400))],
    );
    assert!(shows(&page, &later));
    let changes: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'protocol-update'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(changes, 2);
});

on_both_backends!(manifest_and_clearing, |app| {
    let res = app.get("/manifest.webmanifest?lang=ar").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/manifest+json"
    );
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("worker-src 'self'") && csp.contains("manifest-src 'self'"));
    let manifest = res.text().await.unwrap();
    for part in [
        r#""lang":"ar""#,
        r#""dir":"rtl""#,
        r#""display":"standalone""#,
        r#""start_url":"/""#,
        r##""theme_color":"#0b5563""##,
        r#""purpose":"maskable""#,
        r#""src":"/icon-512.png""#,
    ] {
        assert!(manifest.contains(part), "{part} in {manifest}");
    }
    let description = I18n { lang: Lang::Ar }.t("manifest-description");
    assert!(manifest.contains(&description));
    // The icons it names are in public/.
    for icon in [
        "icon.svg",
        "icon-maskable.svg",
        "icon-192.png",
        "icon-512.png",
        "icon-maskable-512.png",
    ] {
        assert!(std::path::Path::new("public").join(icon).exists(), "{icon}");
    }

    // Every page names the manifest and the script that registers the service worker.
    let (_, home) = app.page("/").await;
    assert!(home.contains(r#"rel="manifest" href="/manifest.webmanifest""#));
    // Plain, or with its content's hash when the build is on disk (`/v/<hash>/offline.js`).
    assert!(home.split("src=\"").skip(1).any(|s| {
        let url = s.split('"').next().unwrap_or("");
        url == "/offline.js" || (url.starts_with("/v/") && url.ends_with("/offline.js"))
    }));

    // "Clear my traces": the browser is told to clear this site's data; nothing is kept.
    let res = app
        .client
        .post(app.url("/privacy/clear?lang=en"))
        .form(&[("x", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let clear = res.headers()["clear-site-data"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        clear.contains("\"cache\"")
            && clear.contains("\"storage\"")
            && clear.contains("\"cookies\"")
    );
    assert_eq!(res.headers()["cache-control"], "no-store");
    let page = res.text().await.unwrap();
    assert!(shows(
        &page,
        &I18n { lang: Lang::En }.t("traces-cleared-title")
    ));
});

/// The service worker keeps no private page: its list of pages it may keep names none of them,
/// and it checks for no-store before keeping anything.
#[test]
fn the_service_worker_keeps_no_private_page() {
    let sw = std::fs::read_to_string("public/sw.js").unwrap();
    let keepable =
        &sw[sw.find("function keepable").unwrap()..sw.find("function markedNoStore").unwrap()];
    for private in [
        "/admin", "/join", "/rsvp", "/help", "/api", "/meetups", "/groups",
    ] {
        assert!(
            !keepable.contains(&format!("'{private}")),
            "{private} is never kept"
        );
    }
    assert!(sw.contains("no-store") && sw.contains("markedNoStore(res)"));
    // Quick exit (a tap or Escape) empties the offline copies and the ticks before it leaves.
    let exit = std::fs::read_to_string("public/quick-exit.js").unwrap();
    assert!(exit.contains(".quick-exit") && exit.contains("caches.delete"));
    assert!(exit.contains("doorstart-done-") && exit.contains("Escape"));
}

on_both_backends!(an_interpreter_is_asked_seen_and_counted, |app| {
    let nl = I18n { lang: Lang::Nl };
    let (_, form) = app.page("/help").await;
    assert!(form.contains("name=\"interpreter\"") && form.contains("href=\"/what-happens\""));
    // Without a call back there is no interpreter: the form again with a message.
    let (status, _, page) = app
        .post_as(
            "",
            "/help",
            &[
                ("theme", "money"),
                ("message", "Ik heb een vraag."),
                ("interpreter", "ar"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(shows(&page, &nl.t("help-interpreter-needs-callback")));
    let (status, _, _) = app
        .post_as(
            "",
            "/help",
            &[
                ("theme", "money"),
                ("message", "Ik heb een vraag."),
                ("callback", "yes"),
                ("phone", "06 12345678"),
                ("interpreter", "ar"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let (id, asked): (String, Option<String>) =
        sqlx::query_as("SELECT id, interpreter FROM help_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(asked.as_deref(), Some("ar"));
    let counted: Option<String> = sqlx::query_scalar("SELECT interpreter FROM help_facts")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(counted.as_deref(), Some("ar"));

    // The facilitator sees it in the inbox and on the request.
    app.account("f@example.nl", Role::Facilitator).await;
    let me = app.sign_in("f@example.nl").await;
    let seen = nl.t_args(
        "help-interpreter-asked",
        &[("language", nl.t("language-ar"))],
    );
    let (_, _, inbox) = app.get_as(&me, "/admin/help").await;
    assert!(shows(&inbox, &seen), "{seen} in the inbox");
    app.post_as(&me, &format!("/admin/help/{id}/claim"), &[])
        .await;
    let (status, _, page) = app.get_as(&me, &format!("/admin/help/{id}")).await;
    assert_eq!(status, 200);
    assert!(shows(&page, &seen));
    assert!(page.contains("0612345678"));
});
