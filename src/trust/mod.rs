//! What a parent can check before asking anything: the privacy statement (`/privacy`), what
//! happens to what they tell us (`/what-happens`, with the organisation's own protocol that the
//! coordinator keeps at `/admin/protocol`), the accessibility statement (`/toegankelijkheid`),
//! and the app on the home screen: the web app manifest and the plain offline page.
pub mod api;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use handlers::router;
