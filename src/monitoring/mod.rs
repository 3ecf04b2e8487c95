//! Pilot monitoring for the council: aggregates only, small counts hidden, CSV and a report.
pub mod api;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
