//! The group finder, a group page (parent side).
pub mod api;
#[cfg(feature = "ssr")]
pub mod deadlines;
pub mod edit;
#[cfg(feature = "ssr")]
mod handlers;
pub mod join;
pub mod join_pages;
pub mod matching;
pub mod model;
pub mod notify;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod postcodes;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use handlers::router;
