//! With mail on (`DOORSTART_SMTP_URL` set for this test binary only, so that the other mail
//! tests keep seeing mail off): an invite with an e-mail address goes out by mail, queued with
//! the invite, and its link works. On both databases.
mod common;
#[path = "common/sink.rs"]
mod sink;

use doorstart::accounts::model::Role;
use doorstart::mail::outbox;
use doorstart::mail::send::deliver_due;
use sink::{Sink, PUBLIC};

/// Every test here sets the same value before it starts its app (and before it reads any
/// setting), so no test reads the environment while another writes it.
fn mail_on() {
    static ON: std::sync::Once = std::sync::Once::new();
    ON.call_once(|| std::env::set_var("DOORSTART_SMTP_URL", "smtp://127.0.0.1:1"));
}

on_both_backends!(an_invite_goes_out_by_mail_and_its_link_works, |app| {
    mail_on();
    app.account("coord@example.org", Role::Coordinator).await;
    let coord = app.sign_in("coord@example.org").await;
    let (_, _, page) = app.get_as(&coord, "/admin/invites").await;
    assert!(!page.contains("id=\"mail-off\""), "{page}");
    let (status, page) = sink::invite(app, &coord, "Nieuw@Example.org", "en").await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"invite-mailed\""), "{page}");
    // The link is still shown once on the page.
    let at = page.find("/admin/invite/").expect("the link on the page");
    let shown = page[at..at + "/admin/invite/".len() + 43].to_string();
    // Queued with the invite: one row; no invite row holds the address.
    let counts = outbox::counts(&app.db).await.unwrap();
    assert_eq!(counts, vec![("waiting".to_string(), 1)]);
    let sink = Sink::start(0).await;
    let pass = deliver_due(&app.db, &sink.mailer(), PUBLIC).await.unwrap();
    assert_eq!(pass.sent, 1);
    let mail = sink.received().pop().expect("the invite mail");
    assert_eq!(mail.to, vec!["Nieuw@Example.org".to_string()]);
    let data = mail.data.replace("=\n", "");
    assert!(
        data.contains("Subject: You are invited to Doorstart"),
        "{data}"
    );
    assert!(data.contains("Content-Type: text/plain"), "{data}");
    let at = data.find(&format!("{PUBLIC}/admin/invite/")).expect("link") + PUBLIC.len();
    let path = data[at..at + "/admin/invite/".len() + 43].to_string();
    assert_eq!(shown, path, "the page shows the mailed link");
    let (status, page) = app.page(&path).await;
    assert_eq!(status, 200, "{page}");
    let (status, location, _) = app
        .post_as(
            "",
            &path,
            &[
                ("display_name", "Nieuw"),
                ("email", "nieuw@example.org"),
                ("new_password", "a sentence that is long enough too"),
            ],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, "/admin"));
    // Without an address the invite is only shown, as before.
    let (status, _, page) = app.post_as(&coord, "/admin/invites", &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"invite-link\"") && !page.contains("id=\"invite-mailed\""));
    assert!(outbox::counts(&app.db).await.unwrap().is_empty());
});
