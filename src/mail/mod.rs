//! Mail: an outbox table written in the same transaction as the event, and a background task
//! that hands the rows to an SMTP server with `lettre` (`DOORSTART_SMTP_URL`,
//! `DOORSTART_MAIL_FROM`). Unset: mail is off, the rows expire unsent, the admin pages say so.
//!
//! A mail says only that something new is waiting and links to the app: no name, phone or
//! words of a parent ever go into a mail or the outbox. Every mail has a plain-text part and
//! is in the recipient's language.
#![cfg(feature = "ssr")]
pub mod outbox;
pub mod send;

use std::path::Path;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::i18n::{k, I18n, Lang};

/// What a mail is about: the kind decides the words; the link is the row's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A facilitator: a new join request for one of their groups.
    JoinNew,
    /// A facilitator, the morning after: a request still without contact.
    JoinReminder,
    /// The coordinators: a request passed its contact deadline and is now on their list.
    JoinEscalated,
    /// A parent who left an e-mail address: the facilitator has made contact.
    JoinContacted,
    /// A facilitator: new help questions came in (at most one an hour).
    HelpDigest,
    /// A facilitator who forgot their password: a link valid for 1 hour.
    PasswordReset,
    /// A parent who asked for help and left an address: there is an answer (never its text).
    HelpAnswered,
    /// Someone the coordinator invited: the one-time invite link (7 days).
    Invite,
    /// A parent who left an e-mail address with their RSVP: a place came free, it is theirs.
    RsvpPlace,
    /// The same parent: fewer places now, they are on the waiting list again.
    RsvpWaiting,
    /// The same parent: the facilitator cancelled the meetup.
    MeetupCancelled,
    /// The same parent: the facilitator changed the meetup's time or place.
    MeetupChanged,
    /// Someone the coordinator invited as a coordinator: the one-time invite link (7 days).
    InviteCoordinator,
    /// The coordinators: an account was stopped; the help questions it held are shared again.
    AccountStopped,
    /// The coordinators: help questions wait 2 days without an answer (each question once).
    HelpEscalated,
    /// A parent who asked for it on their status page: the check-in again, after about 3 and 6
    /// months (the link carries their own random key; never their answers).
    CheckIn,
    /// A parent who asked to hear when a group starts near them: confirm the address first.
    NotifyConfirm,
    /// The same parent, confirmed: a group opened within 10 km (one mail, then the address goes).
    NotifyGroup,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::JoinNew => "join-new",
            Kind::JoinReminder => "join-reminder",
            Kind::JoinEscalated => "join-escalated",
            Kind::JoinContacted => "join-contacted",
            Kind::HelpDigest => "help-digest",
            Kind::PasswordReset => "password-reset",
            Kind::HelpAnswered => "help-answered",
            Kind::Invite => "invite",
            Kind::RsvpPlace => "rsvp-place",
            Kind::RsvpWaiting => "rsvp-waiting",
            Kind::MeetupCancelled => "meetup-cancelled",
            Kind::MeetupChanged => "meetup-changed",
            Kind::InviteCoordinator => "invite-coordinator",
            Kind::AccountStopped => "account-stopped",
            Kind::HelpEscalated => "help-escalated",
            Kind::CheckIn => "check-in",
            Kind::NotifyConfirm => "notify-confirm",
            Kind::NotifyGroup => "notify-group",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "join-new" => Some(Kind::JoinNew),
            "join-reminder" => Some(Kind::JoinReminder),
            "join-escalated" => Some(Kind::JoinEscalated),
            "join-contacted" => Some(Kind::JoinContacted),
            "help-digest" => Some(Kind::HelpDigest),
            "password-reset" => Some(Kind::PasswordReset),
            "help-answered" => Some(Kind::HelpAnswered),
            "invite" => Some(Kind::Invite),
            "rsvp-place" => Some(Kind::RsvpPlace),
            "rsvp-waiting" => Some(Kind::RsvpWaiting),
            "meetup-cancelled" => Some(Kind::MeetupCancelled),
            "meetup-changed" => Some(Kind::MeetupChanged),
            "invite-coordinator" => Some(Kind::InviteCoordinator),
            "account-stopped" => Some(Kind::AccountStopped),
            "help-escalated" => Some(Kind::HelpEscalated),
            "check-in" => Some(Kind::CheckIn),
            "notify-confirm" => Some(Kind::NotifyConfirm),
            "notify-group" => Some(Kind::NotifyGroup),
            _ => None,
        }
    }

    /// The subject and the lines above the link.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Kind::JoinNew => (k("mail-join-new-subject"), k("mail-join-new-body")),
            Kind::JoinReminder => (
                k("mail-join-reminder-subject"),
                k("mail-join-reminder-body"),
            ),
            Kind::JoinEscalated => (
                k("mail-join-escalated-subject"),
                k("mail-join-escalated-body"),
            ),
            Kind::JoinContacted => (
                k("mail-join-contacted-subject"),
                k("mail-join-contacted-body"),
            ),
            Kind::HelpDigest => (k("mail-help-digest-subject"), k("mail-help-digest-body")),
            Kind::PasswordReset => (k("mail-reset-subject"), k("mail-reset-body")),
            Kind::HelpAnswered => (
                k("mail-help-answered-subject"),
                k("mail-help-answered-body"),
            ),
            Kind::Invite => (k("mail-invite-subject"), k("mail-invite-body")),
            Kind::RsvpPlace => (k("mail-rsvp-place-subject"), k("mail-rsvp-place-body")),
            Kind::RsvpWaiting => (k("mail-rsvp-waiting-subject"), k("mail-rsvp-waiting-body")),
            Kind::MeetupCancelled => (
                k("mail-meetup-cancelled-subject"),
                k("mail-meetup-cancelled-body"),
            ),
            Kind::MeetupChanged => (
                k("mail-meetup-changed-subject"),
                k("mail-meetup-changed-body"),
            ),
            Kind::InviteCoordinator => (
                k("mail-invite-coordinator-subject"),
                k("mail-invite-coordinator-body"),
            ),
            Kind::AccountStopped => (
                k("mail-account-stopped-subject"),
                k("mail-account-stopped-body"),
            ),
            Kind::HelpEscalated => (
                k("mail-help-escalated-subject"),
                k("mail-help-escalated-body"),
            ),
            Kind::CheckIn => (k("mail-checkin-subject"), k("mail-checkin-body")),
            Kind::NotifyConfirm => (
                k("mail-notify-confirm-subject"),
                k("mail-notify-confirm-body"),
            ),
            Kind::NotifyGroup => (k("mail-notify-group-subject"), k("mail-notify-group-body")),
        }
    }
}

/// Subject, plain text and HTML of one mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The words of a mail in a language, with the absolute link.
pub fn render(kind: Kind, lang: Lang, link: &str) -> Rendered {
    let i = I18n { lang };
    let (subject, body) = kind.keys();
    let subject = i.t(subject);
    let body = i.t(body);
    let footer = i.t("mail-footer");
    let text = format!("{body}\n\n{link}\n\n-- \n{footer}\n");
    let html = format!(
        "<!doctype html><html lang=\"{code}\" dir=\"{dir}\"><body style=\"font-size:18px\">\
         <p>{body}</p><p><a href=\"{link}\">{link}</a></p><p style=\"color:#555\">{footer}</p>\
         </body></html>",
        code = lang.code(),
        dir = lang.dir(),
        body = escape(&body),
        link = escape(link),
        footer = escape(&footer),
    );
    Rendered {
        subject,
        text,
        html,
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// True when `DOORSTART_SMTP_URL` is set (the admin pages say when mail is off).
pub fn is_on() -> bool {
    std::env::var("DOORSTART_SMTP_URL").is_ok_and(|v| !v.trim().is_empty())
}

/// A setting that is set but wrong. No message ever shows the login of `DOORSTART_SMTP_URL`:
/// the URL is shown as `scheme://***@host:port`.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "DOORSTART_SMTP_URL must look like smtps://user:password@host:465 (TLS from the first \
         byte), smtp://user:password@host:587 (STARTTLS, required) or smtp://host[:port] (a \
         relay on this machine, no login), not {0:?}"
    )]
    Url(String),
    #[error(
        "DOORSTART_SMTP_URL {0:?}: a login needs a user and a password, percent-encoded \
         (@ as %40, : as %3A, / as %2F, % as %25)"
    )]
    Login(String),
    #[error(
        "DOORSTART_SMTP_URL {0:?}: the scheme does not fit the port: port 465 speaks TLS from \
         the first byte (smtps://), ports 25 and 587 start in plain text and use STARTTLS \
         (smtp://user:password@host:587)"
    )]
    Port(String),
    #[error("DOORSTART_SMTP_CA_FILE {0:?}: {1}")]
    CaFile(String, String),
    #[error(
        "DOORSTART_SMTP_CA_FILE is set, but DOORSTART_SMTP_URL {0:?} uses no TLS (a relay \
         without a login): use smtps:// or a login, or leave DOORSTART_SMTP_CA_FILE unset"
    )]
    CaWithoutTls(String),
    #[error("DOORSTART_SMTP_URL {0:?}: TLS could not be set up: {1}")]
    Tls(String, String),
    #[error("DOORSTART_MAIL_FROM must be one e-mail address when DOORSTART_SMTP_URL is set")]
    From,
}

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// `smtp://host[:port]` without a login: a relay on this machine, plain text as before.
    Plain,
    /// `smtp://user:password@host[:port]`: STARTTLS, required; without it no password is sent.
    StartTls,
    /// `smtps://`: TLS from the first byte.
    Tls,
}

/// `DOORSTART_SMTP_URL`, read. Its `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    pub security: SmtpSecurity,
    pub host: String,
    pub port: u16,
    /// User and password, percent-decoded.
    pub login: Option<(String, String)>,
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpUrl")
            .field("security", &self.security)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("login", &self.login.as_ref().map(|(user, _)| (user, "***")))
            .finish()
    }
}

/// The URL as an error may show it: never the login (a user can be a token too).
fn shown(url: &str) -> String {
    let url = url.trim();
    let (scheme, rest) = match url.find("://") {
        Some(at) => url.split_at(at + 3),
        None => ("", url),
    };
    let rest = match rest.rsplit_once('@') {
        Some((_, host)) => format!("***@{host}"),
        None => rest.to_string(),
    };
    format!("{scheme}{rest}").chars().take(80).collect()
}

/// `%XX` escapes to bytes, as UTF-8; `None` for a broken escape.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Reads `DOORSTART_SMTP_URL`: `smtps://user:password@host[:465]` (TLS from the first byte),
/// `smtp://user:password@host[:587]` (STARTTLS, required whenever there is a login) or
/// `smtp://host[:25]` (a relay on this machine, plain text). User and password are
/// percent-decoded.
pub fn parse_smtp_url(url: &str) -> Result<SmtpUrl, MailConfigError> {
    let bad = || MailConfigError::Url(shown(url));
    let trimmed = url.trim();
    let (tls, rest) = if let Some(rest) = trimmed.strip_prefix("smtps://") {
        (true, rest)
    } else if let Some(rest) = trimmed.strip_prefix("smtp://") {
        (false, rest)
    } else {
        return Err(bad());
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (login, rest) = match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let no_login = || MailConfigError::Login(shown(url));
            let (user, password) = userinfo.split_once(':').ok_or_else(no_login)?;
            let user = percent_decode(user).ok_or_else(no_login)?;
            let password = percent_decode(password).ok_or_else(no_login)?;
            if user.is_empty() || password.is_empty() {
                return Err(no_login());
            }
            (Some((user, password)), host)
        }
        None => (None, rest),
    };
    if rest.is_empty() || rest.contains(['/', '?', '#', '%', ' ']) {
        return Err(bad());
    }
    let default_port = match (tls, login.is_some()) {
        (true, _) => 465,
        (false, true) => 587,
        (false, false) => 25,
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, _)) if !h.ends_with(']') && h.contains(':') => (rest, default_port), // bare IPv6
        Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad())?),
        None => (rest, default_port),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() || port == 0 {
        return Err(bad());
    }
    let security = match (tls, &login) {
        (true, _) => SmtpSecurity::Tls,
        (false, Some(_)) => SmtpSecurity::StartTls,
        (false, None) => SmtpSecurity::Plain,
    };
    // The usual mix-ups hang or fail on every mail; say so at the start instead.
    let mismatch = match security {
        SmtpSecurity::Tls => port == 25 || port == 587,
        SmtpSecurity::StartTls | SmtpSecurity::Plain => port == 465,
    };
    if mismatch {
        return Err(MailConfigError::Port(shown(url)));
    }
    Ok(SmtpUrl {
        security,
        host: host.to_string(),
        port,
        login,
    })
}

/// The TLS settings for `host`: the public roots (webpki-roots) and, with
/// `DOORSTART_SMTP_CA_FILE`, the certificate authority in that PEM file.
fn tls_parameters(
    url: &str,
    host: &str,
    ca_file: Option<&Path>,
) -> Result<TlsParameters, MailConfigError> {
    let mut builder = TlsParameters::builder(host.to_string());
    if let Some(path) = ca_file {
        let ca_error = |why: String| MailConfigError::CaFile(path.display().to_string(), why);
        let pem = std::fs::read(path).map_err(|e| ca_error(format!("cannot be read: {e}")))?;
        if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
            return Err(ca_error(
                "holds no certificate (PEM, -----BEGIN CERTIFICATE-----)".into(),
            ));
        }
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| ca_error(format!("is not a PEM certificate: {e}")))?;
        builder = builder.add_root_certificate(cert);
        return builder
            .build_rustls()
            .map_err(|e| ca_error(format!("is not a certificate TLS can trust: {e}")));
    }
    builder
        .build_rustls()
        .map_err(|e| MailConfigError::Tls(shown(url), e.to_string()))
}

/// The SMTP transport and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// What became of one hand-over to the SMTP server.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Try again later (no answer, 4xx).
    Again,
    /// The server refused it for good (5xx) or the address is not one.
    Refused,
}

impl Mailer {
    /// A mailer for `DOORSTART_SMTP_URL` trusting only the public roots.
    pub fn new(url: &str, from: &str) -> Result<Self, MailConfigError> {
        Self::with_ca_file(url, from, None)
    }

    /// A mailer for `DOORSTART_SMTP_URL` that also trusts the certificate authority in
    /// `ca_file` (`DOORSTART_SMTP_CA_FILE`, PEM). A login is only ever sent inside TLS: with
    /// `smtp://` and a login, STARTTLS is required and a server without it gets no password.
    pub fn with_ca_file(
        url: &str,
        from: &str,
        ca_file: Option<&Path>,
    ) -> Result<Self, MailConfigError> {
        let smtp = parse_smtp_url(url)?;
        let from: Mailbox = from.trim().parse().map_err(|_| MailConfigError::From)?;
        let tls = match smtp.security {
            SmtpSecurity::Plain if ca_file.is_some() => {
                return Err(MailConfigError::CaWithoutTls(shown(url)))
            }
            SmtpSecurity::Plain => Tls::None,
            SmtpSecurity::StartTls => Tls::Required(tls_parameters(url, &smtp.host, ca_file)?),
            SmtpSecurity::Tls => Tls::Wrapper(tls_parameters(url, &smtp.host, ca_file)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = smtp.login {
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }

    /// `DOORSTART_SMTP_URL`, `DOORSTART_MAIL_FROM` and `DOORSTART_SMTP_CA_FILE`: `None` when
    /// mail is off.
    pub fn from_env() -> Result<Option<Self>, MailConfigError> {
        let var = |name: &str| std::env::var(name).unwrap_or_default().trim().to_string();
        let url = var("DOORSTART_SMTP_URL");
        if url.is_empty() {
            return Ok(None);
        }
        let ca_file = var("DOORSTART_SMTP_CA_FILE");
        let ca_file = (!ca_file.is_empty()).then(|| Path::new(&ca_file));
        Self::with_ca_file(&url, &var("DOORSTART_MAIL_FROM"), ca_file).map(Some)
    }

    /// Hands one mail to the SMTP server. The Message-ID is made from the outbox row, so a
    /// receiving server can see a repeat.
    pub async fn send(&self, id: &str, to: &str, mail: &Rendered) -> Outcome {
        let Ok(to) = to.parse::<Mailbox>() else {
            return Outcome::Refused;
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{id}@doorstart.invalid>")))
            .multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                mail.html.clone(),
            ));
        let Ok(message) = message else {
            return Outcome::Refused;
        };
        match self.transport.send(message).await {
            Ok(_) => Outcome::Sent,
            // The login was refused (530, 534, 535, 538): a setting to fix, not a bad
            // address, so the mail waits instead of being given up.
            Err(e)
                if e.status()
                    .is_some_and(|c| matches!(u16::from(c), 530 | 534 | 535 | 538)) =>
            {
                tracing::warn!(error = %e, "the SMTP server refused the login (user and password in DOORSTART_SMTP_URL); will try again");
                Outcome::Again
            }
            Err(e) if e.is_permanent() => {
                tracing::warn!(error = %e, "mail refused by the SMTP server");
                Outcome::Refused
            }
            Err(e) => {
                tracing::warn!(error = %e, "mail not sent; will try again");
                Outcome::Again
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login(user: &str, password: &str) -> Option<(String, String)> {
        Some((user.to_string(), password.to_string()))
    }

    #[test]
    fn smtp_urls() {
        use SmtpSecurity::*;
        type Row = (
            &'static str,
            SmtpSecurity,
            &'static str,
            u16,
            Option<(String, String)>,
        );
        let table: &[Row] = &[
            ("smtp://127.0.0.1:2525", Plain, "127.0.0.1", 2525, None),
            ("smtp://relay", Plain, "relay", 25, None),
            ("smtp://relay/", Plain, "relay", 25, None),
            (" smtp://[::1]:25 ", Plain, "::1", 25, None),
            ("smtp://::1", Plain, "::1", 25, None),
            (
                "smtps://user:pass@mail.example.nl:465",
                Tls,
                "mail.example.nl",
                465,
                login("user", "pass"),
            ),
            (
                "smtps://user:pass@mail.example.nl",
                Tls,
                "mail.example.nl",
                465,
                login("user", "pass"),
            ),
            (
                "smtps://mail.example.nl:2465",
                Tls,
                "mail.example.nl",
                2465,
                None,
            ),
            (
                "smtp://user:pass@mail.example.nl:587",
                StartTls,
                "mail.example.nl",
                587,
                login("user", "pass"),
            ),
            (
                "smtp://user:pass@mail.example.nl",
                StartTls,
                "mail.example.nl",
                587,
                login("user", "pass"),
            ),
            (
                "smtp://user:pass@localhost:25",
                StartTls,
                "localhost",
                25,
                login("user", "pass"),
            ),
            // Percent-decoded; a raw @ or : in the password still finds the host.
            (
                "smtp://post%40gemeente.nl:p%40ss%3Aw%2Frd%25%20x@[2001:db8::1]:587",
                StartTls,
                "2001:db8::1",
                587,
                login("post@gemeente.nl", "p@ss:w/rd% x"),
            ),
            (
                "smtps://post@gemeente.nl:a:b@c@smtp.example.nl",
                Tls,
                "smtp.example.nl",
                465,
                login("post@gemeente.nl", "a:b@c"),
            ),
            (
                "smtps://apikey:%C3%A9t%C3%A9@smtp.example.nl",
                Tls,
                "smtp.example.nl",
                465,
                login("apikey", "été"),
            ),
        ];
        for (url, security, host, port, login) in table {
            let parsed = parse_smtp_url(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(
                (parsed.security, parsed.host.as_str(), parsed.port),
                (*security, *host, *port),
                "{url}"
            );
            assert!(parsed.login == *login, "{url}");
        }
    }

    #[test]
    fn wrong_smtp_urls_stop_the_start_without_showing_the_password() {
        let url = |s: &str| MailConfigError::Url(s.to_string());
        let login = |s: &str| MailConfigError::Login(s.to_string());
        let port = |s: &str| MailConfigError::Port(s.to_string());
        let table: &[(&str, MailConfigError)] = &[
            ("", url("")),
            ("relay:25", url("relay:25")),
            ("smtp://", url("smtp://")),
            ("smtp://relay:x", url("smtp://relay:x")),
            ("smtp://relay:0", url("smtp://relay:0")),
            ("smtp://relay:70000", url("smtp://relay:70000")),
            ("smtp://relay:", url("smtp://relay:")),
            ("smtp://relay/path", url("smtp://relay/path")),
            ("smtp://relay?tls=none", url("smtp://relay?tls=none")),
            ("http://u:Geheim1@relay", url("http://***@relay")),
            ("smtpx://u:Geheim1@relay:587", url("smtpx://***@relay:587")),
            ("smtps://u:Geheim1@relay:x", url("smtps://***@relay:x")),
            ("smtps://u:Geheim1@", url("smtps://***@")),
            ("smtp://u:Geheim1@relay/x", url("smtp://***@relay/x")),
            ("smtp://Geheim1@relay", login("smtp://***@relay")),
            ("smtp://u:@relay", login("smtp://***@relay")),
            ("smtp://:Geheim1@relay", login("smtp://***@relay")),
            ("smtp://u:Geheim1%zz@relay", login("smtp://***@relay")),
            ("smtp://u:Geheim1%ff@relay", login("smtp://***@relay")),
            ("smtp://u:Geheim1@relay:465", port("smtp://***@relay:465")),
            ("smtp://relay:465", port("smtp://relay:465")),
            ("smtps://u:Geheim1@relay:587", port("smtps://***@relay:587")),
            ("smtps://relay:25", port("smtps://relay:25")),
        ];
        for (bad, want) in table {
            let got = parse_smtp_url(bad).expect_err(bad);
            assert_eq!(&got, want, "{bad}");
            let said = format!("{got} {got:?}");
            assert!(!said.contains("Geheim1"), "{said}");
        }
        let parsed = parse_smtp_url("smtps://u:Geheim1@relay").unwrap();
        assert!(!format!("{parsed:?}").contains("Geheim1"));
    }

    /// A certificate authority in PEM, made for the test.
    fn ca_pem() -> String {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn the_ca_file_is_read_at_the_start() {
        let dir = std::env::temp_dir().join(format!("doorstart-ca-{}", crate::db::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = |name: &str, text: &str| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let good = file("ca.pem", &ca_pem());
        let empty = file("empty.pem", "");
        let key = file(
            "key.pem",
            &rcgen::KeyPair::generate().unwrap().serialize_pem(),
        );
        let broken = file(
            "broken.pem",
            "-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n",
        );
        let junk = file(
            "junk.pem",
            "-----BEGIN CERTIFICATE-----\nAAECAwQFBgcICQ==\n-----END CERTIFICATE-----\n",
        );
        let missing = dir.join("missing.pem");
        let from = "Doorstart <noreply@doorstart.example>";
        let tls = "smtps://u:Geheim1@localhost:4650";
        let starttls = "smtp://u:Geheim1@localhost";
        for url in [tls, starttls, "smtps://localhost"] {
            assert!(
                Mailer::with_ca_file(url, from, Some(&good)).is_ok(),
                "{url}"
            );
            assert!(Mailer::with_ca_file(url, from, None).is_ok(), "{url}");
        }
        assert!(Mailer::with_ca_file("smtp://localhost", from, None).is_ok());
        for bad in [&empty, &key, &broken, &junk, &missing] {
            let Err(e) = Mailer::with_ca_file(tls, from, Some(bad)) else {
                panic!("{} accepted", bad.display());
            };
            assert!(
                matches!(&e, MailConfigError::CaFile(path, _) if *path == bad.display().to_string()),
                "{e}"
            );
        }
        let Err(e) = Mailer::with_ca_file("smtp://localhost:2525", from, Some(&good)) else {
            panic!("a CA file with a plain relay");
        };
        assert_eq!(
            e,
            MailConfigError::CaWithoutTls("smtp://localhost:2525".into())
        );
        let Err(e) = Mailer::with_ca_file(tls, "not an address", Some(&good)) else {
            panic!("a wrong sender");
        };
        assert_eq!(e, MailConfigError::From);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_mail_has_its_language_a_text_part_and_the_link() {
        let link = "https://example.org/admin";
        let nl = render(Kind::JoinNew, Lang::Nl, link);
        let en = render(Kind::JoinNew, Lang::En, link);
        assert_ne!(nl.subject, en.subject);
        assert!(nl.text.contains(link) && nl.html.contains(link));
        assert!(!nl.text.contains('<'));
        assert!(render(Kind::JoinNew, Lang::Ar, link)
            .html
            .contains("dir=\"rtl\""));
        for kind in [
            Kind::JoinNew,
            Kind::JoinReminder,
            Kind::JoinEscalated,
            Kind::JoinContacted,
            Kind::HelpDigest,
            Kind::PasswordReset,
            Kind::HelpAnswered,
            Kind::Invite,
            Kind::RsvpPlace,
            Kind::RsvpWaiting,
            Kind::MeetupCancelled,
            Kind::MeetupChanged,
            Kind::InviteCoordinator,
            Kind::AccountStopped,
            Kind::HelpEscalated,
            Kind::CheckIn,
            Kind::NotifyConfirm,
            Kind::NotifyGroup,
        ] {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            for lang in Lang::ALL {
                let mail = render(kind, lang, link);
                assert!(
                    !mail.subject.is_empty() && mail.text.contains(link),
                    "{kind:?}"
                );
            }
        }
    }
}
