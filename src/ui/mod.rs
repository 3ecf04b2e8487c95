//! Shared view pieces: layout, quick exit, language picker, icons, tables.
mod admin_nav;
pub mod bidi;
mod crisis;
pub mod forms;
pub mod icons;
pub mod keep_link;
mod layout;
pub mod read_aloud;
mod table;
mod unavailable;

pub use admin_nav::{mail_on, AdminNav, AdminPage};
pub use crisis::CrisisNumbers;
pub use icons::{Icon, IconName};
pub use keep_link::{KeepLink, KeptLink};
pub use layout::{
    ErrorNote, Footer, Header, NotFound, Notice, PageHead, PrintButton, QuickExit, ToSignIn,
    TrustLinks, EXIT_PATH, QUICK_EXIT_URL,
};
pub use table::DataTable;
#[cfg(feature = "ssr")]
pub use unavailable::unavailable_page;
pub use unavailable::Unavailable;

/// Sets the HTTP status of the page being rendered (400 for bad input, 404, ...).
#[cfg(feature = "ssr")]
pub fn set_status(code: u16) {
    use leptos::prelude::use_context;
    if let (Some(res), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        res.set_status(status);
    }
}
#[cfg(not(feature = "ssr"))]
pub fn set_status(_code: u16) {}

/// What a page shows when its data does not come: to the sign-in page when the session is
/// missing (facilitator side), 404 for something unknown or malformed, 503 with the crisis
/// numbers while the database cannot be reached, otherwise the general error note with 500.
pub fn failed(e: crate::error::AppError) -> leptos::prelude::AnyView {
    use crate::error::AppError;
    use leptos::prelude::*;
    match e {
        AppError::SignIn => view! { <ToSignIn/> }.into_any(),
        AppError::NotFound | AppError::Invalid(_) => view! { <NotFound/> }.into_any(),
        AppError::Unavailable => {
            set_status(503);
            view! { <Unavailable/> }.into_any()
        }
        _ => {
            set_status(500);
            view! { <ErrorNote/> }.into_any()
        }
    }
}

/// Percent-encodes text for a link (share texts, mail addresses): every byte but letters,
/// digits, `-._~` and those in `keep`.
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b if keep.contains(&b) => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A `mailto:` link whose address cannot add `?cc=` or `&body=` to the mail.
pub fn mailto_href(address: &str) -> String {
    format!("mailto:{}", percent_encode(address, b"@+"))
}

/// A route parameter of this page (empty when absent).
pub fn param(name: &str) -> String {
    use leptos::prelude::*;
    leptos_router::hooks::use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A page drawn from its data: shown once the server function answers, or the page's error
/// (`failed`) when it does not.
pub fn loaded<T, Fut>(
    load: Fut,
    show: impl FnOnce(T) -> leptos::prelude::AnyView + Send + 'static,
) -> impl leptos::prelude::IntoView
where
    T: Send + 'static,
    Fut: std::future::Future<Output = Result<T, crate::error::AppError>> + Send + 'static,
{
    use leptos::prelude::*;
    let page = Suspend::new(async move {
        match load.await {
            Ok(data) => show(data),
            Err(e) => failed(e),
        }
    });
    view! { <Suspense fallback=|| ()>{page}</Suspense> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_encoded() {
        assert_eq!(percent_encode("a b&c/é", b""), "a%20b%26c%2F%C3%A9");
        assert_eq!(mailto_href("anna+x@mail.nl"), "mailto:anna+x@mail.nl");
        assert_eq!(
            mailto_href("a?cc=b@evil.nl&body=x@x.nl"),
            "mailto:a%3Fcc%3Db@evil.nl%26body%3Dx@x.nl"
        );
    }
}
