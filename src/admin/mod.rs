//! The facilitator side: sign-in, the join-request inbox, invites, accounts, the audit log,
//! and managing groups and meetups. Accounts themselves live in `crate::accounts`.
pub mod api;
pub mod done;
#[cfg(feature = "ssr")]
mod group_handlers;
pub mod group_pages;
#[cfg(feature = "ssr")]
mod handlers;
pub mod meetup_cancel;
pub mod pages;

#[cfg(feature = "ssr")]
pub use handlers::{router, INVITE_DAYS, MAX_FAILURES_PER_HOUR};
