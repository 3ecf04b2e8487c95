//! Doorstart: peer groups, anonymous help and step-by-step guides for single parents.
#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod app;
pub mod checkin;
pub mod error;
pub mod groups;
pub mod guides;
pub mod help;
pub mod home;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod meetups;
pub mod monitoring;
pub mod partners;
pub mod seo;
pub mod time;
pub mod trust;
pub mod ui;
pub mod web;

#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod server;

/// Client entry point: only the islands come alive, the rest of the page stays server HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console only in debug builds: the hook pulls text formatting
    // into the WebAssembly, and release builds abort on a panic anyway.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
