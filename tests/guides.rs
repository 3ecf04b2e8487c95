//! Guides on both databases: loading, pages in every language, the fallback to Dutch, the
//! anonymous counts, and local help kept by the coordinator.
mod common;

use doorstart::accounts::model::Role;
use doorstart::guides::library::{builtin, GuideLibrary};
use doorstart::i18n::Lang;

async fn stats(app: &common::TestApp, guide: &str) -> (i64, i64, i64) {
    sqlx::query_as("SELECT views, helped_yes, helped_no FROM guide_stats WHERE guide = $1")
        .bind(guide)
        .fetch_optional(&app.db.pool)
        .await
        .unwrap()
        .unwrap_or((0, 0, 0))
}

on_both_backends!(every_guide_opens_in_every_language, |app| {
    let lib = builtin();
    assert!(lib.slugs().count() >= 13);
    let (status, index) = app.page("/guides").await;
    assert_eq!(status, 200);
    for slug in lib.slugs() {
        assert!(
            index.contains(&format!("href=\"/guides/{slug}\"")),
            "{slug} tile"
        );
    }
    for lang in Lang::ALL {
        for slug in lib.slugs() {
            let guide = lib.guide(slug, lang).unwrap();
            let (status, page) = app
                .page(&format!("/guides/{slug}?lang={}", lang.code()))
                .await;
            assert_eq!(status, 200, "{slug} in {lang:?}");
            assert!(page.contains(&format!("dir=\"{}\"", lang.dir())));
            assert!(page.contains(&guide.steps[0].title), "{slug} in {lang:?}");
            assert!(
                !page.contains("fallback-note"),
                "{slug} is whole in {lang:?}"
            );
            // Every step is on the page, expanded (no JavaScript needed).
            assert_eq!(
                page.matches("class=\"guide-step\"").count(),
                guide.steps.len()
            );
        }
    }
    let (_, money) = app.page("/guides/money").await;
    assert!(
        money.contains("href=\"tel:08000543\""),
        "BelastingTelefoon as a tel: link"
    );
    assert!(money.contains("joiner-and"));
    let (_, separation) = app.page("/guides/separation").await;
    assert!(separation.contains("joiner-or"));
    assert!(
        separation.contains("€ 0,25 per minuut"),
        "the cost after the contact"
    );
    let (status, _) = app.page("/guides/no-such-guide").await;
    assert_eq!(status, 404);
    let (status, print) = app.page("/guides/debts/print").await;
    assert_eq!(status, 200);
    assert!(print.contains("print-view"));
    assert!(!print.contains("feedback-form"));
});

on_both_backends!(
    views_and_answers_are_counted_without_anyone_in_them,
    |app| {
        let res = app.get("/guides/debts").await;
        assert_eq!(res.status().as_u16(), 200);
        assert!(
            res.headers().get("set-cookie").is_none(),
            "no cookie for counting"
        );
        app.get("/guides/debts").await;
        // The print view is not a second view.
        app.get("/guides/debts/print").await;
        assert_eq!(
            stats(app, "debts").await,
            (1, 0, 0),
            "a reload is not a second view"
        );

        let (status, location, _) = app
            .post_as("", "/guides/debts/feedback", &[("answer", "yes")])
            .await;
        assert_eq!(status, 303);
        assert_eq!(location, "/guides/debts?thanks=1#feedback");
        app.post_as("", "/guides/debts/feedback", &[("answer", "no")])
            .await;
        let (status, _, _) = app
            .post_as("", "/guides/debts/feedback", &[("answer", "maybe")])
            .await;
        assert_eq!(status, 400);
        let (status, _, _) = app
            .post_as("", "/guides/nothing/feedback", &[("answer", "yes")])
            .await;
        assert_eq!(status, 404);
        assert_eq!(stats(app, "debts").await, (1, 1, 1));
        let (_, thanks) = app.page("/guides/debts?thanks=1").await;
        assert!(thanks.contains("Dank je."));
        assert!(!thanks.contains("feedback-form"));

        // One row per guide and day: no visitor, no time of day.
        let columns: Vec<(String, String)> = sqlx::query_as("SELECT guide, day FROM guide_stats")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            columns,
            vec![("debts".to_string(), "2026-11-23".to_string())]
        );
    }
);

on_both_backends!(
    local_help_by_postcode_kept_fresh_by_the_coordinator,
    |app| {
        app.account("coordinator@example.org", Role::Coordinator)
            .await;
        app.account("facilitator@example.org", Role::Facilitator)
            .await;
        let facilitator = app.sign_in("facilitator@example.org").await;
        let (status, _, _) = app.get_as(&facilitator, "/admin/local-help").await;
        assert_eq!(status, 404, "only the coordinator keeps local help");
        let (status, _, _) = app
            .post_as(&facilitator, "/admin/local-help", &[("name", "x")])
            .await;
        assert_eq!(status, 404);
        let (status, location, _) = app.post_as("", "/admin/local-help", &[("name", "x")]).await;
        assert_eq!((status, location.as_str()), (303, "/admin/login"));

        let me = app.sign_in("coordinator@example.org").await;
        let (status, _, page) = app
            .post_as(
                &me,
                "/admin/local-help",
                &[
                    ("municipality", "GM9999"),
                    ("step", "debts/s9"),
                    ("name", ""),
                ],
            )
            .await;
        assert_eq!(status, 400);
        assert!(page.contains("Kies een gemeente."));
        assert!(page.contains("Kies een stap."));
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM local_help")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(count, 0, "nothing half-stored");

        let (status, location, _) = app
            .post_as(
                &me,
                "/admin/local-help",
                &[
                    ("municipality", "GM0141"),
                    ("step", "debts/s2"),
                    ("name", "Schuldhulp Almelo"),
                    ("hours", "ma t/m vr 9.00–12.00 uur"),
                    ("address", "Voorbeeldstraat 1, 7607 AB Almelo"),
                    ("example", "yes"),
                ],
            )
            .await;
        assert_eq!((status, location.as_str()), (303, "/admin/local-help"));
        let id: String = sqlx::query_scalar("SELECT id FROM local_help")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();

        let (status, page) = app.page("/guides/debts?postcode=7607+AB").await;
        assert_eq!(status, 200);
        assert!(page.contains("In Almelo:"));
        assert!(page.contains("Schuldhulp Almelo"));
        assert!(page.contains("Nagekeken op maandag 23 november"));
        assert!(page.contains("Voorbeeld, geen echt adres"));
        let (_, by_picker) = app.page("/guides/debts?gemeente=GM0141").await;
        assert!(by_picker.contains("Schuldhulp Almelo"));
        let (_, print) = app.page("/guides/debts/print?gemeente=GM0141").await;
        assert!(print.contains("Schuldhulp Almelo"));
        let (_, elsewhere) = app.page("/guides/debts?postcode=1011").await;
        assert!(!elsewhere.contains("Schuldhulp Almelo"));
        assert!(elsewhere.contains("Voor Amsterdam hebben we nog geen adressen."));
        let (status, bad) = app.page("/guides/debts?postcode=abc").await;
        assert_eq!(status, 400);
        assert!(bad.contains("field-error"));
        let (status, _) = app.page("/guides/debts?postcode=1000").await;
        assert_eq!(status, 404);

        // After 90 days unchecked the entry is listed to check again; "still right" clears it.
        let (_, _, list) = app.get_as(&me, "/admin/local-help").await;
        assert!(list.contains("Opnieuw nakijken (0)"));
        app.clock.advance(91 * 86_400);
        let me = app.sign_in("coordinator@example.org").await;
        let (_, _, list) = app.get_as(&me, "/admin/local-help").await;
        assert!(list.contains("Opnieuw nakijken (1)"));
        assert!(list.contains("needs-check"));
        let (status, _, _) = app
            .post_as(&me, &format!("/admin/local-help/{id}/checked"), &[])
            .await;
        assert_eq!(status, 303);
        let (_, _, list) = app.get_as(&me, "/admin/local-help").await;
        assert!(list.contains("Opnieuw nakijken (0)"));

        // Edit: bad input shows the form again; a good edit is saved.
        let (status, _, _) = app
            .post_as(
                &me,
                &format!("/admin/local-help/{id}"),
                &[
                    ("municipality", "GM0141"),
                    ("step", "debts/s2"),
                    ("name", "Nieuw"),
                    ("website", "http://x"),
                ],
            )
            .await;
        assert_eq!(status, 400);
        let (status, _, _) = app
            .post_as(
                &me,
                &format!("/admin/local-help/{id}"),
                &[
                    ("municipality", "GM0141"),
                    ("step", "debts/s3"),
                    ("name", "Schuldhulp loket"),
                    ("website", "https://www.almelo.nl"),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = app.page("/guides/debts?gemeente=GM0141").await;
        assert!(page.contains("Schuldhulp loket"));
        assert!(!page.contains("Voorbeeld, geen echt adres"));

        // Retired: gone from the guide at once.
        let (status, _, _) = app
            .post_as(&me, &format!("/admin/local-help/{id}/retire"), &[])
            .await;
        assert_eq!(status, 303);
        let (_, page) = app.page("/guides/debts?gemeente=GM0141").await;
        assert!(!page.contains("Schuldhulp loket"));
        let actions: Vec<String> = sqlx::query_scalar(
            "SELECT action FROM audit_log WHERE object_kind = 'local_help' ORDER BY at",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap_or_default();
        assert_eq!(actions.len(), 4, "{actions:?}");
    }
);

const STEPS: &str = r#"
[[theme]]
id = "money"
guides = ["geld"]

[[guide]]
slug = "geld"
icon = "euro"

[[guide.step]]
id = "s1"
icon = "euro"
source = "https://www.belastingdienst.nl"
checked = "2026-11-30"
"#;

fn library_without_an_english_word() -> &'static GuideLibrary {
    let nl = "g-geld-title = Geld zoeken\ng-geld-intro = Kijk rustig.\ng-geld-s1-title = Bel de BelastingTelefoon\ng-geld-s1-text = Het is gratis.\ng-geld-s1-need = Je DigiD.\n";
    let en = "g-geld-title = Finding money\ng-geld-intro = Take your time.\ng-geld-s1-title = Call\ng-geld-s1-text = It is free.\n";
    Box::leak(Box::new(
        GuideLibrary::parse(STEPS, &[(Lang::Nl, nl), (Lang::En, en)]).unwrap(),
    ))
}

mod fallback {
    use super::*;

    async fn check(backend: doorstart::db::Backend) {
        let app = common::spawn_with(backend, Some(library_without_an_english_word())).await;
        let (status, page) = app.page("/guides/geld?lang=en").await;
        assert_eq!(status, 200);
        assert!(page.contains("Bel de BelastingTelefoon"), "shown in Dutch");
        assert!(page.contains("This guide is not in your language yet. You see it in Dutch."));
        assert!(
            page.contains("lang=\"nl\""),
            "the Dutch part is marked as Dutch"
        );
        let (_, dutch) = app.page("/guides/geld?lang=nl").await;
        assert!(!dutch.contains("fallback-note"));
        app.finish().await;
    }

    #[tokio::test]
    async fn sqlite() {
        check(doorstart::db::Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        check(doorstart::db::Backend::Postgres).await;
    }
}

// The coordinator sees every guide step's national source and check date; after 180 days a
// step is listed as one to check again.
on_both_backends!(national_facts_to_recheck, |app| {
    app.account(
        "c@example.nl",
        doorstart::accounts::model::Role::Coordinator,
    )
    .await;
    let c = app.sign_in("c@example.nl").await;
    let (status, _, page) = app.get_as(&c, "/admin/local-help").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Landelijke feiten in de stappen (0 om na te kijken)"),
        "{page}"
    );
    assert!(page.contains("belastingdienst.nl"));
    let steps = builtin().step_facts().len();
    app.clock.advance(400 * 86_400);
    let c = app.sign_in("c@example.nl").await;
    let (_, _, page) = app.get_as(&c, "/admin/local-help").await;
    assert!(
        page.contains(&format!("({steps} om na te kijken)")),
        "every step is due"
    );
    assert_eq!(page.matches("class=\"due\"").count(), steps);
});
