//! What a page says while the database cannot be reached (503): try again soon, and the crisis
//! numbers, which never need the database. Inside a page (`ui::failed`), and as a plain page of
//! its own for a post or `/healthz` (`unavailable_page`).
use leptos::prelude::*;

use super::{CrisisNumbers, ErrorNote};

/// "Something went wrong, try again soon" with the crisis numbers under it.
#[component]
pub fn Unavailable() -> impl IntoView {
    view! {
        <ErrorNote/>
        <CrisisNumbers/>
    }
}

/// The plain page (no stylesheet, no script, no database) in `lang`: the quick exit, the note
/// and the crisis numbers.
#[cfg(feature = "ssr")]
pub fn unavailable_page(lang: crate::i18n::Lang) -> String {
    use crate::i18n::I18n;
    let i = I18n { lang };
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(i);
        view! {
            <header class="site-header">
                <super::QuickExit label=i.t("quick-exit")/>
            </header>
            <main id="main" class="page narrow">
                <Unavailable/>
            </main>
        }
        .to_html()
    });
    format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} – Doorstart</title></head><body>{body}</body></html>",
        lang.code(),
        lang.dir(),
        i.t("error-title")
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    )
}
