//! The page parts: the meta description of the page's path and the `Event` JSON-LD script.
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// `<meta name="description">` in the page's language, chosen by the path.
#[component]
pub fn Description() -> impl IntoView {
    let i = use_i18n();
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    view! { <leptos_meta::Meta name="description" content=i.t(super::description_key(&path))/> }
}

/// The schema.org `Event` data of meetups (`super::events_json`; nothing for `None`). The text
/// is already escaped for a script (`super::json_string`) and carries the page's CSP nonce.
#[component]
pub fn EventData(json: Option<String>) -> impl IntoView {
    json.map(|json| {
        view! { <script type="application/ld+json" nonce=leptos::nonce::use_nonce() inner_html=json></script> }
    })
}
