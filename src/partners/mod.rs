//! Partners who send parents (young-mothers work, consultation bureau, neighbourhood team, …):
//! the coordinator's list (`/admin/partners`), the partner link `/r/{slug}` that remembers the
//! partner for the join form and counts visits per month, QR codes, posters and cards to print,
//! and the warm handover a professional makes with the parent next to them (`/admin/handover`).
pub mod api;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use handlers::router;
