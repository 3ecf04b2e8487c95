use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::{bidi, Icon, IconName};
use crate::i18n::{k, use_i18n, Lang};

/// A neutral site to leave for.
pub const QUICK_EXIT_URL: &str = "https://www.google.nl/";

/// Where the quick exit goes first: this site answers with a redirect to `QUICK_EXIT_URL` and
/// expires the language cookie (it is HttpOnly, so only the server can remove it).
pub const EXIT_PATH: &str = "/exit";

/// Leaves at once for a neutral site, by a tap or the Escape key. Without JavaScript it is a
/// plain link through `/exit` (which forgets the language cookie); with `/quick-exit.js` (a few
/// lines, no WebAssembly) this site's ticks and offline copies are removed first and the current
/// page is replaced in the history, so "back" does not return here.
#[component]
pub fn QuickExit(label: String) -> impl IntoView {
    view! {
        <a class="quick-exit" href=EXIT_PATH rel="noreferrer" aria-keyshortcuts="Escape">
            <Icon name=IconName::Exit/>
            <span>{label}</span>
        </a>
    }
}

/// Prints the page; without JavaScript the browser's own print still works. An island on the
/// help pages and the report; on a guide's print view (no WebAssembly there) `/guide-tools.js`
/// runs the same button by its class.
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    view! {
        <button type="button" class="secondary print-button" on:click=move |_| {
            let _ = window().print();
        }>
            <Icon name=IconName::Print/><span>{label}</span>
        </button>
    }
}

/// The current address with `lang` set to another language, keeping the other query parameters.
fn href_with_lang(path: &str, search: &str, lang: Lang) -> String {
    let mut pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang_pair = format!("lang={}", lang.code());
    pairs.push(&lang_pair);
    format!("{path}?{}", pairs.join("&"))
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let links = Lang::ALL
        .into_iter()
        .map(|l| {
            let href = href_with_lang(&path, &search, l);
            let current = (l == i.lang).then_some("true");
            view! {
                <li>
                    <a href=href hreflang=l.code() lang=l.code() dir=l.dir() aria-current=current>
                        {l.native_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="lang-picker">
            <summary>
                <Icon name=IconName::Globe/>
                <span class="visually-hidden">{i.t("lang-picker-label")}</span>
                <span lang=i.lang.code()>{i.lang.native_name()}</span>
            </summary>
            <ul class="lang-list">{links}</ul>
        </details>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let i = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i.t("skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <Icon name=IconName::Home/>
                <bdi>"Doorstart"</bdi>
            </a>
            <LanguagePicker/>
            <QuickExit label=i.t("quick-exit")/>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{i.t("footer-privacy")}</p>
            <nav aria-label=i.t("footer-nav-label")>
                <ul class="footer-links">
                    <li><a href="/privacy"><Icon name=IconName::Key/><span>{i.t("privacy-title")}</span></a></li>
                    <li><a href="/what-happens"><Icon name=IconName::Info/><span>{i.t("what-title")}</span></a></li>
                    <li><a href="/toegankelijkheid"><Icon name=IconName::Check/><span>{i.t("a11y-title")}</span></a></li>
                </ul>
            </nav>
            // The crisis lines on every page, not only on /help (numbers checked: README, Guides).
            <p>{bidi::text(&i, i.t("footer-emergency"))}</p>
            <ul class="footer-crisis">
                <li><a href="tel:112"><Icon name=IconName::Phone/><bdi dir="ltr">"112"</bdi></a>" – "{bidi::text(&i, i.t("crisis-112"))}</li>
                <li><a href="tel:08002000"><Icon name=IconName::Phone/><bdi dir="ltr">"0800-2000"</bdi></a>" "<strong><bdi>"Veilig Thuis"</bdi></strong>" – "{bidi::text(&i, i.t("crisis-veilig-thuis"))}</li>
                <li><a href="tel:113"><Icon name=IconName::Phone/><bdi dir="ltr">"113"</bdi></a>" / "<a href="tel:08000113"><bdi dir="ltr">"0800-0113"</bdi></a>" "<strong><bdi>"113 Zelfmoordpreventie"</bdi></strong>" – "{bidi::text(&i, i.t("crisis-113"))}</li>
            </ul>
        </footer>
    }
}

/// A generic "something went wrong" for a failed part of a page (details are in the log).
#[component]
pub fn ErrorNote() -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="error-summary" role="alert">
            <h2>{i.t("error-title")}</h2>
            <p>{i.t("error-text")}</p>
        </div>
    }
}

/// Under a form a parent sends: what happens with what they tell us, and the privacy page.
#[component]
pub fn TrustLinks() -> impl IntoView {
    let i = use_i18n();
    view! {
        <p class="trust-links">
            <a href="/what-happens"><Icon name=IconName::Info/><span>{i.t("what-title")}</span></a>
            <a href="/privacy"><Icon name=IconName::Key/><span>{i.t("privacy-title")}</span></a>
        </p>
    }
}

/// The top of a page, by message key: the browser tab's title, the heading (the title unless
/// `heading` is given) and the lead paragraph under it.
#[component]
pub fn PageHead(
    title: &'static str,
    #[prop(optional)] heading: Option<&'static str>,
    lead: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.t(title)/>
        <h1>{i.t(heading.unwrap_or(title))}</h1>
        <p class="lead">{bidi::text(&i, i.t(lead))}</p>
    }
}

/// A short page after something is done or not found: a title, a sentence, one way on.
#[component]
pub fn Notice(
    title: &'static str,
    text: &'static str,
    href: &'static str,
    icon: IconName,
    action: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.t(title)/>
        <section class="page narrow">
            <h1>{i.t(title)}</h1>
            <p>{i.t(text)}</p>
            <a class="button" href=href><Icon name=icon/><span>{i.t(action)}</span></a>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_status(404);
    view! {
        <Notice title=k("not-found-title") text=k("not-found-text") href="/" icon=IconName::Home action=k("back-home")/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_links_keep_other_parameters() {
        assert_eq!(href_with_lang("/", "", Lang::Ar), "/?lang=ar");
        assert_eq!(
            href_with_lang("/groups", "?postcode=7607&lang=nl", Lang::En),
            "/groups?postcode=7607&lang=en"
        );
    }
}

/// Sends a visitor who is not signed in to the sign-in page (set while rendering, so the
/// redirect reaches the response).
#[component]
pub fn ToSignIn() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::SEE_OTHER);
        res.insert_header(
            axum::http::header::LOCATION,
            axum::http::HeaderValue::from_static("/admin/login"),
        );
    }
    let i = use_i18n();
    view! { <p><a href="/admin/login">{i.t("login-title")}</a></p> }
}
