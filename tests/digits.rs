//! Digits as people type them (issue 27, point 3): every number, code, date and time a parent
//! or a volunteer types is read in ASCII, Arabic-Indic (٠–٩), Persian (۰–۹) and full-width
//! (０–９) digits; free text keeps its digits as written. First the parsers behind the form
//! layer (no database), then the real app on both databases.
mod common;

use doorstart::accounts::model::Role;
use doorstart::groups::edit::{GroupInput, SeriesInput};
use doorstart::groups::join::{Contact, JoinInput};
use doorstart::groups::model::Postcode;
use doorstart::guides::model::LocalInput;
use doorstart::help::model::{AskInput, PickupCode};
use doorstart::meetups::model::RsvpInput;
use doorstart::web::form::{posted, FromForm, RawForm};

/// Each family by name and its zero.
const FAMILIES: [(&str, char); 4] = [
    ("ASCII", '0'),
    ("Arabic-Indic", '\u{660}'),
    ("Persian", '\u{6F0}'),
    ("full-width", '\u{FF10}'),
];

const TOKEN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

/// `ascii` with its digits written in the family that starts at `zero`.
fn typed(ascii: &str, zero: char) -> String {
    ascii
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero as u32 + d).unwrap(),
            None => c,
        })
        .collect()
}

/// A form as the app reads a post of these fields.
fn read(pairs: &[(&str, &str)]) -> RawForm {
    posted(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

#[test]
fn every_number_a_parent_types_is_read_in_every_family() {
    for (family, zero) in FAMILIES {
        let t = |s: &str| typed(s, zero);
        let join = JoinInput::from_form(&read(&[
            ("token", TOKEN),
            ("first_name", "Sanne"),
            ("contact_kind", "phone"),
            ("phone", &t("06 1234 5678")),
            ("child_count", &t("2")),
            ("child_ages", &t("4, 17")),
            ("consent", "yes"),
        ]))
        .unwrap_or_else(|e| panic!("join in {family}: {e:?}"));
        assert_eq!(
            join.contact,
            Contact::Phone("0612345678".into()),
            "{family}"
        );
        assert_eq!(join.children, Some(2), "{family}");
        assert_eq!(join.child_ages, vec![4, 17], "{family}");

        let ask = AskInput::from_form(&read(&[
            ("theme", "money"),
            ("message", "Vraag"),
            ("callback", "yes"),
            ("phone", &t("+31 6 12345678")),
        ]))
        .unwrap_or_else(|e| panic!("help in {family}: {e:?}"));
        assert_eq!(
            ask.callback_phone.as_deref(),
            Some("0612345678"),
            "{family}"
        );

        let code = read(&[("code", &t("1234 5678-9012.3456"))]);
        let code = PickupCode::parse(&code["code"]).unwrap_or_else(|| panic!("code {family}"));
        assert_eq!(code.digits(), "1234567890123456", "{family}");

        let rsvp = RsvpInput::from_form(&read(&[
            ("token", TOKEN),
            ("first_name", "Sanne"),
            ("adults", &t("2")),
            ("kids", &t("3")),
        ]))
        .unwrap_or_else(|e| panic!("rsvp in {family}: {e:?}"));
        assert_eq!((rsvp.adults, rsvp.children), (2, 3), "{family}");

        // The finder's postcode comes in a query, not a posted form.
        for query in [t("7607"), t("7607 AB"), t(" 7607ab ")] {
            assert_eq!(
                Postcode::parse(&query).map(Postcode::pc4),
                Some(7607),
                "{query:?}"
            );
        }
        assert_eq!(Postcode::parse(&t("0607")), None, "{family}");
    }
}

#[test]
fn every_number_a_volunteer_types_is_read_in_every_family() {
    for (family, zero) in FAMILIES {
        let t = |s: &str| typed(s, zero);
        let group = GroupInput::parse(
            &read(&[
                ("name", "Koffie"),
                ("description", "Praten"),
                ("facilitator_name", "Anna"),
                ("postcode", &t("7607 AB")),
                ("address", "Dorpshuis"),
                ("weekday", &t("2")),
                ("start", &t("09:30")),
                ("rhythm", "weekly"),
                ("age_min", &t("4")),
                ("age_max", &t("12")),
                ("lang_nl", "1"),
                ("cost", &t("1,50")),
                ("lat", &t("52.35")),
                ("lon", &t("6.66")),
            ]),
            |_| true,
        )
        .unwrap_or_else(|e| panic!("group in {family}: {e:?}"));
        assert_eq!(group.postcode.pc4(), 7607, "{family}");
        assert_eq!(group.weekday.number(), 2, "{family}");
        assert_eq!(
            (group.start_minute, group.ages, group.cost_cents),
            (570, (4, 12), 150),
            "{family}"
        );
        assert_eq!(group.coords, Some((52.35, 6.66)), "{family}");

        let series = SeriesInput::from_form(&read(&[
            ("date", &t("2026-12-08")),
            ("start", &t("10:00")),
            ("minutes", &t("90")),
            ("weeks", &t("8")),
            ("place", "Dorpshuis"),
            ("capacity", &t("12")),
        ]))
        .unwrap_or_else(|e| panic!("series in {family}: {e:?}"));
        assert_eq!(series.first_day, (2026, 12, 8), "{family}");
        assert_eq!(
            (
                series.start_minute,
                series.minutes,
                series.weeks,
                series.capacity
            ),
            (600, 90, 8, 12),
            "{family}"
        );

        let local = LocalInput::parse(
            &read(&[
                ("municipality", "GM0141"),
                ("step", "debts/s2"),
                ("name", "Schuldhulp"),
                ("phone", &t("0546 541 111")),
            ]),
            |_, _| true,
            |_| true,
        )
        .unwrap_or_else(|e| panic!("local help in {family}: {e:?}"));
        assert_eq!(local.phone, "0546 541 111", "{family}");
    }
}

#[test]
fn free_text_keeps_the_digits_as_written() {
    let message = "عندي ٣ أطفال، أعمارهم ٤ و ٧";
    let name = "مريم ٢";
    let ask = AskInput::from_form(&read(&[("theme", "money"), ("message", message)])).unwrap();
    assert_eq!(ask.message, message);
    let join = JoinInput::from_form(&read(&[
        ("token", TOKEN),
        ("first_name", name),
        ("contact_kind", "meeting"),
        ("consent", "yes"),
    ]))
    .unwrap();
    assert_eq!(join.first_name, name);
    // A number field with words in it is still refused, not guessed.
    let bad = JoinInput::from_form(&read(&[
        ("token", TOKEN),
        ("first_name", "Sanne"),
        ("contact_kind", "meeting"),
        ("child_ages", "أربعة"),
        ("consent", "yes"),
    ]))
    .unwrap_err();
    assert_eq!(bad.get("child_ages"), Some("join-ages-invalid"));
}

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

on_both_backends!(a_mother_joins_with_arabic_digits, |app| {
    let id = common::add_group(app, "Almelo").await;
    let (status, form) = app.page(&format!("/groups/{id}/join?lang=ar")).await;
    assert_eq!(status, 200);
    let token = token_from(&form);
    let (status, location, body) = app
        .post_as(
            "",
            &format!("/groups/{id}/join?lang=ar"),
            &[
                ("token", token.as_str()),
                ("website", ""),
                ("first_name", "مريم"),
                ("contact_kind", "phone"),
                ("phone", "٠٦١٢٣٤٥٦٧٨"),
                ("language", "ar"),
                ("child_count", "١"),
                ("child_ages", "٤"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{body}");
    assert!(location.starts_with("/join/"));
    let (name, phone, children, ages): (String, String, Option<i64>, String) =
        sqlx::query_as("SELECT first_name, contact, children, child_ages FROM join_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(name, "مريم", "a name is kept as written");
    assert_eq!(phone, "0612345678");
    assert_eq!((children, ages.as_str()), (Some(1), "4"));
});

on_both_backends!(the_finder_reads_the_postcode_in_any_digits, |app| {
    common::add_group(app, "Almelo").await;
    for postcode in ["٧٦٠٧", "۷۶۰۷", "٧٦٠٧ AB", "７６０７ＡＢ"] {
        let (status, body) = app
            .page(&format!("/groups?postcode={postcode}&lang=ar"))
            .await;
        assert_eq!(status, 200, "{postcode}");
        assert!(
            body.contains("Koffieochtend"),
            "{postcode}: the Almelo group"
        );
    }
    let (status, _) = app.page("/groups?postcode=٠٦٠٧").await;
    assert_eq!(status, 400, "still no postcode that starts with 0");
});

on_both_backends!(
    a_pickup_code_typed_in_persian_digits_opens_the_answer,
    |app| {
        let (status, _, page) = app
            .post_as(
                "",
                "/help",
                &[
                    ("theme", "money"),
                    ("message", "Ik heb een vraag over geld."),
                ],
            )
            .await;
        assert_eq!(status, 200);
        let at = page.find("pickup-code").expect("a code on the page");
        let code: String = page[at..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == ' ')
            .collect();
        assert_eq!(code.trim().replace(' ', "").len(), 16);
        let persian = typed(code.trim(), '\u{6F0}');
        let (status, _, page) = app.post_as("", "/help/reply", &[("code", &persian)]).await;
        assert_eq!(status, 200);
        assert!(page.contains("Ik heb een vraag over geld."));
    }
);

on_both_backends!(a_volunteer_types_numbers_in_arabic_digits, |app| {
    app.account("a@example.nl", Role::Facilitator).await;
    let a = app.sign_in("a@example.nl").await;
    let group = [
        ("name", "Moedergroep Wierden"),
        ("description", "We praten over de week."),
        ("first_visit", ""),
        ("facilitator_name", "Anna"),
        ("postcode", "٧٦٤١"),
        ("address", "Dorpshuis, Wierden"),
        ("weekday", "٢"),
        ("start", "١٠:٠٠"),
        ("rhythm", "weekly"),
        ("age_min", "٤"),
        ("age_max", "١٢"),
        ("lang_nl", "1"),
        ("cost", "١٫٥٠"),
    ];
    let (status, _, body) = app.post_as(&a, "/admin/groups/new", &group).await;
    assert_eq!(status, 303, "{body}");
    let (id, pc4, start, cost): (String, String, i64, i64) =
        sqlx::query_as("SELECT id, pc4, start_minute, cost_cents FROM peer_groups")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!((pc4.as_str(), start, cost), ("7641", 600, 150));

    let series = [
        ("date", "۲۰۲۶-۱۲-۰۱"),
        ("start", "۱۰:۰۰"),
        ("minutes", "۹۰"),
        ("weeks", "۴"),
        ("place", "Dorpshuis"),
        ("capacity", "۱۲"),
    ];
    let (status, _, body) = app
        .post_as(&a, &format!("/admin/groups/{id}/meetups"), &series)
        .await;
    assert_eq!(status, 303, "{body}");
    let meetups: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, capacity FROM meetups WHERE group_id = $1 ORDER BY starts_at")
            .bind(&id)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(meetups.len(), 4);
    assert!(meetups.iter().all(|(_, c)| *c == 12));

    let (status, _, _) = app
        .post_as(
            &a,
            &format!("/admin/meetups/{}/attendance", meetups[0].0),
            &[("adults", "７"), ("children", "٤")],
        )
        .await;
    assert_eq!(status, 303);
    let counts: (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT attended_adults, attended_children FROM meetups WHERE id = $1")
            .bind(&meetups[0].0)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(counts, (Some(7), Some(4)));
});

on_both_backends!(
    a_coordinator_types_an_office_number_in_arabic_digits,
    |app| {
        app.account("coordinator@example.org", Role::Coordinator)
            .await;
        let me = app.sign_in("coordinator@example.org").await;
        let (status, location, body) = app
            .post_as(
                &me,
                "/admin/local-help",
                &[
                    ("municipality", "GM0141"),
                    ("step", "debts/s2"),
                    ("name", "Schuldhulp Almelo"),
                    ("phone", "٠٥٤٦ ٥٤١ ١١١"),
                ],
            )
            .await;
        assert_eq!(
            (status, location.as_str()),
            (303, "/admin/local-help"),
            "{body}"
        );
        let phone: String = sqlx::query_scalar("SELECT phone FROM local_help")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(phone, "0546 541 111");
    }
);
