//! Mail through a provider: the outbox hands a real mail to a local SMTP server that speaks
//! TLS from the first byte (smtps://) or STARTTLS (smtp:// with a login) and asks for a login,
//! with a certificate from a certificate authority made for the test (the file that
//! `DOORSTART_SMTP_CA_FILE` names). A login never goes over the wire in plain text: a server
//! without STARTTLS gets no AUTH and the mail waits. On both databases.
mod common;
#[path = "common/sink.rs"]
mod sink;

use std::path::Path;

use base64::Engine as _;
use doorstart::i18n::Lang;
use doorstart::mail::send::deliver_due;
use doorstart::mail::{outbox, Kind, Mailer};
use sink::{AuthSeen, Setup, Sink, SinkLogin, SinkTls, PUBLIC};

const USER: &str = "post@gemeente.example";
const PASSWORD: &str = "p@ss:w/rd% geheim";
/// `USER:PASSWORD`, percent-encoded as in the URL.
const LOGIN: &str = "post%40gemeente.example:p%40ss%3Aw%2Frd%25%20geheim";
const FROM: &str = "Doorstart <noreply@doorstart.example>";

async fn states(app: &common::TestApp) -> Vec<(String, i64)> {
    outbox::counts(&app.db).await.unwrap()
}

async fn enqueue(app: &common::TestApp, to: &str) {
    let mut conn = app.db.pool.acquire().await.unwrap();
    outbox::enqueue(
        &mut conn,
        app.db.now(),
        to,
        Lang::Nl,
        Kind::JoinNew,
        "/admin",
    )
    .await
    .unwrap();
}

async fn sink(tls: SinkTls, mechanisms: &'static str) -> Sink {
    Sink::start_with(Setup {
        fail_first: 0,
        tls,
        login: Some(SinkLogin {
            user: USER.into(),
            password: PASSWORD.into(),
            mechanisms,
        }),
    })
    .await
}

fn mailer(url: &str, ca_file: Option<&Path>) -> Mailer {
    Mailer::with_ca_file(url, FROM, ca_file).unwrap_or_else(|e| panic!("{url}: {e}"))
}

/// Nothing the sink read outside TLS is an AUTH or holds the password, plain or in base64.
fn no_login_in_plain_text(sink: &Sink) {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let secrets = [
        PASSWORD.to_string(),
        b64(PASSWORD),
        b64(&format!("\0{USER}\0{PASSWORD}")),
    ];
    for line in sink.lines().iter().filter(|l| !l.tls) {
        assert!(
            !line.text.to_ascii_uppercase().starts_with("AUTH"),
            "{line:?}"
        );
        for secret in &secrets {
            assert!(!line.text.contains(secret.as_str()), "{line:?}");
        }
    }
}

/// The verbs the sink read outside TLS.
fn plain_verbs(sink: &Sink) -> Vec<String> {
    sink.lines()
        .iter()
        .filter(|l| !l.tls)
        .map(|l| l.text.split(' ').next().unwrap_or("").to_ascii_uppercase())
        .collect()
}

on_both_backends!(a_mail_goes_out_over_tls_from_the_first_byte, |app| {
    enqueue(app, "anna@example.org").await;
    let sink = sink(SinkTls::Implicit, "PLAIN LOGIN").await;
    let ca = sink.ca_file();
    let url = format!("smtps://{LOGIN}@localhost:{}", sink.port);
    let pass = deliver_due(&app.db, &mailer(&url, Some(&ca)), PUBLIC)
        .await
        .unwrap();
    std::fs::remove_file(&ca).unwrap();
    assert_eq!((pass.sent, pass.again, pass.refused), (1, 0, 0));
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec!["anna@example.org".to_string()]);
    assert!(got[0].tls && got[0].authed, "{:?}", got[0]);
    assert!(got[0].data.contains(&format!("{PUBLIC}/admin")));
    assert_eq!(
        sink.auths(),
        vec![AuthSeen {
            tls: true,
            accepted: true
        }]
    );
    // Not one byte in plain text.
    assert!(sink.lines().iter().all(|l| l.tls), "{:?}", sink.lines());
    assert!(states(app).await.is_empty());
});

on_both_backends!(a_mail_goes_out_over_starttls_with_a_login, |app| {
    enqueue(app, "anna@example.org").await;
    let sink = sink(SinkTls::StartTls, "LOGIN").await;
    let ca = sink.ca_file();
    let url = format!("smtp://{LOGIN}@localhost:{}", sink.port);
    let pass = deliver_due(&app.db, &mailer(&url, Some(&ca)), PUBLIC)
        .await
        .unwrap();
    std::fs::remove_file(&ca).unwrap();
    assert_eq!((pass.sent, pass.again, pass.refused), (1, 0, 0));
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].tls && got[0].authed, "{:?}", got[0]);
    assert_eq!(got[0].to, vec!["anna@example.org".to_string()]);
    assert_eq!(
        sink.auths(),
        vec![AuthSeen {
            tls: true,
            accepted: true
        }]
    );
    // In plain text only the greeting and the switch to TLS.
    assert_eq!(plain_verbs(&sink), vec!["EHLO", "STARTTLS"]);
    no_login_in_plain_text(&sink);
    assert!(states(app).await.is_empty());
});

on_both_backends!(
    a_login_to_a_server_without_starttls_is_never_sent_and_the_mail_waits,
    |app| {
        enqueue(app, "anna@example.org").await;
        // It offers AUTH in plain text, and no STARTTLS.
        let sink = sink(SinkTls::None, "PLAIN LOGIN").await;
        let url = format!("smtp://{LOGIN}@localhost:{}", sink.port);
        let pass = deliver_due(&app.db, &mailer(&url, None), PUBLIC)
            .await
            .unwrap();
        assert_eq!((pass.sent, pass.again, pass.refused), (0, 1, 0));
        assert!(sink.received().is_empty());
        assert!(sink.auths().is_empty(), "{:?}", sink.auths());
        assert_eq!(plain_verbs(&sink).first().map(String::as_str), Some("EHLO"));
        assert!(!plain_verbs(&sink)
            .iter()
            .any(|v| v == "MAIL" || v == "AUTH"));
        no_login_in_plain_text(&sink);
        assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);
    }
);

on_both_backends!(
    a_server_whose_certificate_is_not_trusted_gets_no_login,
    |app| {
        enqueue(app, "anna@example.org").await;
        // Without the certificate authority's file: the public roots only.
        let wrapped = sink(SinkTls::Implicit, "PLAIN").await;
        let url = format!("smtps://{LOGIN}@localhost:{}", wrapped.port);
        let pass = deliver_due(&app.db, &mailer(&url, None), PUBLIC)
            .await
            .unwrap();
        assert_eq!((pass.sent, pass.again), (0, 1));
        assert!(wrapped.lines().is_empty(), "{:?}", wrapped.lines());
        assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);

        let upgraded = sink(SinkTls::StartTls, "PLAIN").await;
        app.clock.advance(outbox::backoff_seconds(0));
        let url = format!("smtp://{LOGIN}@localhost:{}", upgraded.port);
        let pass = deliver_due(&app.db, &mailer(&url, None), PUBLIC)
            .await
            .unwrap();
        assert_eq!((pass.sent, pass.again), (0, 1));
        assert_eq!(plain_verbs(&upgraded), vec!["EHLO", "STARTTLS"]);
        assert!(upgraded.lines().iter().all(|l| !l.tls));
        assert!(upgraded.auths().is_empty());
        no_login_in_plain_text(&upgraded);
        assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);

        // With the file, the same server is trusted and the mail goes out once.
        let ca = wrapped.ca_file();
        let url = format!("smtps://{LOGIN}@localhost:{}", wrapped.port);
        app.clock.advance(outbox::backoff_seconds(1));
        let pass = deliver_due(&app.db, &mailer(&url, Some(&ca)), PUBLIC)
            .await
            .unwrap();
        std::fs::remove_file(&ca).unwrap();
        assert_eq!(pass.sent, 1);
        assert_eq!(wrapped.received().len(), 1);
        assert!(upgraded.received().is_empty());
        assert!(states(app).await.is_empty());
    }
);

on_both_backends!(a_refused_login_keeps_the_mail_waiting, |app| {
    enqueue(app, "anna@example.org").await;
    let sink = sink(SinkTls::Implicit, "PLAIN").await;
    let ca = sink.ca_file();
    let wrong = format!(
        "smtps://post%40gemeente.example:wrong@localhost:{}",
        sink.port
    );
    let pass = deliver_due(&app.db, &mailer(&wrong, Some(&ca)), PUBLIC)
        .await
        .unwrap();
    assert_eq!((pass.sent, pass.again, pass.refused), (0, 1, 0));
    assert_eq!(
        sink.auths(),
        vec![AuthSeen {
            tls: true,
            accepted: false
        }]
    );
    assert!(sink.received().is_empty());
    assert_eq!(states(app).await, vec![("waiting".to_string(), 1)]);
    // The operator fixes the password: the mail goes out.
    app.clock.advance(outbox::backoff_seconds(0));
    let url = format!("smtps://{LOGIN}@localhost:{}", sink.port);
    let pass = deliver_due(&app.db, &mailer(&url, Some(&ca)), PUBLIC)
        .await
        .unwrap();
    std::fs::remove_file(&ca).unwrap();
    assert_eq!(pass.sent, 1);
    assert_eq!(sink.received().len(), 1);
    assert!(states(app).await.is_empty());
});
