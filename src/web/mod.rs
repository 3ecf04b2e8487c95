//! The web kernel: what every feature needs to answer a request, and nothing about any feature.
//!
//! - `form`: posted values, field errors and the `FromForm` rule for parsing a form once;
//! - `state` (ssr): `AppState` and its parts (`Db`, `Pages`, `Limits`) with `FromRef`;
//! - `respond` (ssr): `WebError` (the handlers' one error), see-other, page rendering;
//! - `auth` (ssr): the `SignedIn` and `Coordinator` extractors, `require` for server functions;
//! - `client` (ssr): the client key for rate limits (never stored, never logged);
//! - `valid` (ssr): the `Valid<T>` extractor, a parsed form or the page again with messages.
//!
//! Direction: `server`/`app` → features → `web` → `accounts`, `db`, `i18n`, `security`, `ui`.
//! Nothing here names a feature; `tests/layers.rs` checks it.
pub mod form;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod respond;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod valid;

#[cfg(feature = "ssr")]
pub use auth::{Coordinator, SignedIn};
#[cfg(feature = "ssr")]
pub use respond::{see_other, OrNotFound, WebError, WebResult};
#[cfg(feature = "ssr")]
pub use state::{AppState, Limits, Pages};
#[cfg(feature = "ssr")]
pub use valid::{Limited, Valid};
