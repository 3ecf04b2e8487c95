//! Ask for help anonymously: a theme, a question, a pick-up code; facilitators answer.
pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
