//! Ask for help anonymously: a theme, a question, a pick-up code; facilitators answer.
pub mod api;
#[cfg(feature = "ssr")]
pub mod digest;
#[cfg(feature = "ssr")]
pub mod escalate;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod throttle;

#[cfg(feature = "ssr")]
pub use handlers::router;
