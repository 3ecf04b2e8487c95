//! Shared view pieces: layout, quick exit, language picker, icons.
pub mod forms;
pub mod icons;
mod layout;

pub use icons::{Icon, IconName};
pub use layout::{ErrorNote, Footer, Header, NotFound, PrintButton, QuickExit};

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

/// What a page shows when its data does not come: 404 for something unknown or malformed,
/// otherwise the general error note with 500.
pub fn failed(e: crate::error::AppError) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match e {
        crate::error::AppError::NotFound | crate::error::AppError::Invalid(_) => {
            view! { <NotFound/> }.into_any()
        }
        _ => {
            set_status(500);
            view! { <ErrorNote/> }.into_any()
        }
    }
}
