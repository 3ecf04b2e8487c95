//! The web kernel: what every feature needs to answer a request, and nothing about any feature.
//!
//! - `form`: posted values, field errors and the `FromForm` rule for parsing a form once;
//! - `state` (ssr): `AppState` and its parts (`Db`, `Pages`, `Limits`) with `FromRef`;
//! - `respond` (ssr): `WebError` (the handlers' one error), see-other, page rendering;
//! - `auth` (ssr): the `SignedIn` and `Coordinator` extractors, `require` for server functions;
//! - `client` (ssr): the client key for rate limits (never stored, never logged);
//! - `assets` (ssr): the static files under addresses with their content's hash;
//! - `page_cache` (ssr): whole pages that are the same for every visitor, kept a second;
//! - `valid` (ssr): the `Valid<T>` extractor, a parsed form or the page again with messages.
//!
//! Direction: `server`/`app` → features → `web` → `accounts`, `db`, `i18n`, `security`, `ui`.
//! Nothing here names a feature; `tests/layers.rs` checks it.
pub mod form;

pub mod assets;
pub mod auth;
pub mod client;
pub mod page_cache;
pub mod respond;
pub mod state;
pub mod valid;

#[cfg(feature = "ssr")]
pub use {
    auth::{AnyRole, Coordinator, SignedIn},
    respond::{see_other, OrNotFound, WebError, WebResult},
    state::{AppState, Limits, Pages, PublicUrl},
    valid::{Limited, Valid},
};
