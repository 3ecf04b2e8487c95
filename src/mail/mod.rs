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

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
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

/// A setting that is set but wrong.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "DOORSTART_SMTP_URL must look like smtp://host:port (no TLS and no password are built \
         in: send through a relay on this machine or in this network that adds them), not {0:?}"
    )]
    Url(String),
    #[error("DOORSTART_MAIL_FROM must be one e-mail address when DOORSTART_SMTP_URL is set")]
    From,
}

/// Where the SMTP server is: `smtp://host[:port]` (port 25 when left out).
pub fn parse_smtp_url(url: &str) -> Result<(String, u16), MailConfigError> {
    let bad = || MailConfigError::Url(url.chars().take(60).collect());
    let rest = url.trim().strip_prefix("smtp://").ok_or_else(bad)?;
    let rest = rest.trim_end_matches('/');
    if rest.is_empty() || rest.contains(['@', '/', '?', '#']) {
        return Err(bad());
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, _)) if !h.ends_with(']') && h.contains(':') => (rest, 25), // bare IPv6
        Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad())?),
        None => (rest, 25),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() || port == 0 {
        return Err(bad());
    }
    Ok((host.to_string(), port))
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
    pub fn new(url: &str, from: &str) -> Result<Self, MailConfigError> {
        let (host, port) = parse_smtp_url(url)?;
        let from: Mailbox = from.trim().parse().map_err(|_| MailConfigError::From)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Ok(Self { transport, from })
    }

    /// `DOORSTART_SMTP_URL` and `DOORSTART_MAIL_FROM`: `None` when mail is off.
    pub fn from_env() -> Result<Option<Self>, MailConfigError> {
        let url = std::env::var("DOORSTART_SMTP_URL").unwrap_or_default();
        if url.trim().is_empty() {
            return Ok(None);
        }
        let from = std::env::var("DOORSTART_MAIL_FROM").unwrap_or_default();
        Self::new(&url, &from).map(Some)
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

    #[test]
    fn smtp_urls() {
        assert_eq!(
            parse_smtp_url("smtp://127.0.0.1:2525"),
            Ok(("127.0.0.1".into(), 2525))
        );
        assert_eq!(parse_smtp_url("smtp://relay"), Ok(("relay".into(), 25)));
        assert_eq!(parse_smtp_url("smtp://[::1]:25"), Ok(("::1".into(), 25)));
        for bad in [
            "smtps://relay",
            "smtp://user:pw@relay",
            "smtp://",
            "smtp://relay:x",
            "relay:25",
            "smtp://relay:0",
        ] {
            assert!(parse_smtp_url(bad).is_err(), "{bad}");
        }
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
