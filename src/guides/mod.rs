//! Step-by-step guides: the words in `locales/<lang>/guides.ftl`, the steps in
//! `data/guides.toml`, local help per municipality kept by the coordinator.
pub mod admin_pages;
pub mod api;
#[cfg(feature = "ssr")]
mod handlers;
#[cfg(feature = "ssr")]
pub mod library;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod tools;

#[cfg(feature = "ssr")]
pub use handlers::router;
