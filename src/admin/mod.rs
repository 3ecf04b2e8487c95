//! The facilitator side: accounts, sign-in, the join-request inbox, invites, audit log.
pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod group_handlers;
pub mod group_pages;
pub mod model;
#[cfg(feature = "ssr")]
pub mod outcome;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod sessions;
#[cfg(feature = "ssr")]
pub mod store;
