//! A private link a parent must keep (their join request's status page, their RSVP page): the
//! first thing the page asks them to do with it. Send it to themselves (WhatsApp, SMS, mail:
//! plain links, no JavaScript), copy it, or print it with its QR code. Without JavaScript the
//! link is selectable text and the copy and print buttons stay hidden; `/keep-link.js` shows
//! them. The print style prints this card on its own.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{bidi, percent_encode, Icon, IconName};
use crate::i18n::use_i18n;

/// The link and its QR code, made on the server (`DOORSTART_PUBLIC_URL` + the page's path).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptLink {
    pub link: String,
    /// The QR code as SVG, drawn by our own code from the link (no text from anyone).
    pub qr_svg: String,
}

/// Where "send it to myself" goes: WhatsApp, SMS and mail, each with the message filled in.
pub fn send_hrefs(subject: &str, message: &str) -> [String; 3] {
    let body = percent_encode(message, b"");
    [
        format!("https://wa.me/?text={body}"),
        format!("sms:?&body={body}"),
        format!(
            "mailto:?subject={}&body={body}",
            percent_encode(subject, b"")
        ),
    ]
}

/// The card "keep your link": `text` says what the link is for on this page.
#[component]
pub fn KeepLink(kept: KeptLink, text: &'static str) -> impl IntoView {
    let i = use_i18n();
    let KeptLink { link, qr_svg } = kept;
    let message = i.t_args("keep-message", &[("url", link.clone())]);
    let [whatsapp, sms, mail] = send_hrefs(&i.t("keep-subject"), &message);
    let qr = (!qr_svg.is_empty()).then(|| {
        view! {
            <div class="keep-qr" role="img" aria-label=i.t("keep-qr-label") inner_html=qr_svg></div>
            <p class="hint">{bidi::text(&i, i.t("keep-qr-hint"))}</p>
        }
    });
    view! {
        <section class="keep-card" id="keep" aria-labelledby="keep-heading">
            <h2 id="keep-heading">{i.t("keep-heading")}</h2>
            <p>{i.t(text)}</p>
            <p class="keep-send">
                <a class="button" href=whatsapp rel="noreferrer"><Icon name=IconName::Chat/><span>{i.t("keep-whatsapp")}</span></a>
                <a class="button secondary" href=sms><Icon name=IconName::Phone/><span>{i.t("keep-sms")}</span></a>
                <a class="button secondary" href=mail><Icon name=IconName::Mail/><span>{i.t("keep-mail")}</span></a>
            </p>
            <p class="keep-label">{i.t("keep-link-label")}</p>
            <p class="keep-url" dir="ltr">{link.clone()}</p>
            <p class="keep-tools">
                <button type="button" class="secondary keep-copy" data-link=link hidden=true>
                    <Icon name=IconName::Copy/><span>{i.t("keep-copy")}</span>
                </button>
                <button type="button" class="secondary keep-print" hidden=true>
                    <Icon name=IconName::Print/><span>{bidi::text(&i, i.t("keep-print"))}</span>
                </button>
            </p>
            <p class="keep-copied" role="status" hidden=true>{i.t("keep-copied")}</p>
            {qr}
            <KeepScript/>
        </section>
    }
}

/// `/keep-link.js`: shows and runs the copy and print buttons.
#[component]
fn KeepScript() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let src = use_context::<std::sync::Arc<crate::web::assets::Assets>>()
        .map_or_else(|| "/keep-link.js".to_string(), |a| a.url("keep-link.js"));
    #[cfg(not(feature = "ssr"))]
    let src = "/keep-link.js".to_string();
    view! { <script src=src defer=true nonce=leptos::nonce::use_nonce()></script> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_goes_into_every_link_encoded() {
        let [whatsapp, sms, mail] = send_hrefs("Mijn link", "Bewaar: https://x.nl/join/a?b&c");
        let body = "Bewaar%3A%20https%3A%2F%2Fx.nl%2Fjoin%2Fa%3Fb%26c";
        assert_eq!(whatsapp, format!("https://wa.me/?text={body}"));
        assert_eq!(sms, format!("sms:?&body={body}"));
        assert_eq!(mail, format!("mailto:?subject=Mijn%20link&body={body}"));
    }
}
