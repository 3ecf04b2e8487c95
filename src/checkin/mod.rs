//! The anonymous check-in (issue 24): are parents less alone? The six statements of the short
//! De Jong Gierveld loneliness scale as CBS asks them, life satisfaction 0–10 and one optional
//! question, before and after, linked only by a random key in the parent's own link. Only counts
//! come out (`monitoring`); nobody can read one parent's answers.
pub mod api;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use handlers::router;
