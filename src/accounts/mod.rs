//! Who works on the facilitator side: accounts, roles, passwords, invites, failed sign-ins,
//! the audit log and the signed-in session. A layer below the web kernel: it names no feature.
pub mod model;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
