//! Pilot monitoring for the council: aggregates only, small counts hidden, CSV and a report.
pub mod api;
#[cfg(feature = "ssr")]
pub mod build;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
#[cfg(feature = "ssr")]
pub mod outcomes;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use handlers::router;
